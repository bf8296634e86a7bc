using System.Net;
using System.Net.Http.Headers;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>
/// Control and direction-override characters are refused (not stripped) in query strings, URL-encoded forms and
/// multipart form fields, as in JSON bodies: one 400 naming the field, nothing changed.
/// </summary>
public sealed class ControlCharactersOutsideJsonTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ControlCharactersOutsideJsonTests(MesaApiFactory factory) => _factory = factory;

    [Theory]
    [InlineData("\u202Egpj.exe")]
    [InlineData("Hola\u0000mundo")]
    [InlineData("Texto \u2066aislado\u2069")]
    public async Task InAQueryString_TheFieldIsNamed(string text)
    {
        var technician = await _factory.CreateUserAsync(MesaServicios.Domain.Users.UserRole.Technician);

        var response = await technician.Client.GetAsync($"/api/v1/tickets?text={Uri.EscapeDataString(text)}&page=1");

        Assert.Equal("text", await ErrorField(response));
    }

    [Fact]
    public async Task InAMultipartFormField_TheTicketIsNotOpened()
    {
        var requester = await _factory.CreateUserAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Impresora \u202Eetnegru"), "title" },
            { new StringContent("La impresora del piso 2 no imprime."), "description" },
            { new StringContent("Incident"), "type" },
        };
        var file = new ByteArrayContent("%PDF-1.4\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "attachments", "nota.pdf");

        var response = await requester.Client.PostAsync("/api/v1/tickets", form);

        Assert.Equal("title", await ErrorField(response));
        var mine = await (await requester.Client.GetAsync("/api/v1/me/tickets")).JsonAsync();
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task InAMultipartFollowUp_NothingIsAdded()
    {
        var requester = await _factory.CreateUserAsync();
        var id = await TicketApi.OpenIdAsync(requester);
        using var form = new MultipartFormDataContent { { new StringContent("Hola\u0000mundo"), "content" } };

        var response = await requester.Client.PostAsync($"/api/v1/tickets/{id}/follow-ups", form);

        Assert.Equal("content", await ErrorField(response));
        var ticket = await TicketApi.GetAsync(requester, id);
        Assert.DoesNotContain(ticket.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "FollowUp");
    }

    [Fact]
    public async Task InAUrlEncodedForm_TheFieldIsNamed()
    {
        var response = await _factory.Anonymous().PostAsync(
            "/dashboard/sign-in",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "admin\u202E@iescinoc.edu.co", ["password"] = "x" }));

        Assert.Equal("email", await ErrorField(response));
    }

    private static async Task<string> ErrorField(HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Contains("caracteres", error.Value[0].GetString(), StringComparison.Ordinal);
        return error.Name;
    }
}
