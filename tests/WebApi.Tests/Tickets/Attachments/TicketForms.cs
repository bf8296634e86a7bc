using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

/// <summary>Multipart bodies for the ticket routes that take files.</summary>
internal static class TicketForms
{
    public static MultipartFormDataContent Ticket(
        string title = "Proyector del aula 204 dañado",
        string description = "El proyector del aula 204 no enciende desde la clase de las 7.",
        string type = "Incident",
        IReadOnlyList<string>? observers = null,
        params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent(description), "description" },
            { new StringContent(type), "type" },
        };
        foreach (var observer in observers ?? [])
        {
            form.Add(new StringContent(observer), "observers");
        }

        return WithFiles(form, files);
    }

    public static MultipartFormDataContent FollowUp(string content, bool isPrivate, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(content), "content" },
            { new StringContent(isPrivate ? "true" : "false"), "isPrivate" },
        };
        return WithFiles(form, files);
    }

    public static MultipartFormDataContent WithFiles(MultipartFormDataContent form, params (string Name, byte[] Content)[] files)
    {
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "attachments", name);
        }

        return form;
    }

    public static async Task<JsonElement> OpenAsync(TestUser requester, params (string Name, byte[] Content)[] files) =>
        await (await (await requester.Client.PostAsync("/api/v1/tickets", Ticket(files: files))).EnsureSuccessAsync()).JsonAsync();

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static IReadOnlyList<JsonElement> Attachments(this JsonElement ticket) => ticket.GetProperty("attachments").EnumerateArray().ToList();
}
