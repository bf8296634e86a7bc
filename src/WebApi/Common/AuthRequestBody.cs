using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// The body of a request to the sign-in endpoints (/api/v1/auth/*, /dashboard/sign-in), read and parsed once
/// before the rate limiter runs: at most <see cref="MaxBytes"/> (413 beyond), a JSON object or a form with no
/// member given twice (400 <c>common.duplicate_member</c>, names compared in any case). The limiter counts the
/// account this parse names and the endpoint reads its values from the same parse, so they cannot disagree.
/// </summary>
internal static class AuthRequestBody
{
    public const int MaxBytes = 16 * 1024;

    private static readonly object ParsedKey = new();

    public static bool Applies(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && (http.Request.Path.StartsWithSegments("/api/v1/auth") || http.Request.Path.StartsWithSegments("/dashboard/sign-in"));

    /// <summary>Reads and checks the body; returns the account (e-mail or username) it names, if any.</summary>
    public static async Task<string?> ReadAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength > MaxBytes)
        {
            throw new BadHttpRequestException("Body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(new FormOptions { ValueCountLimit = 16, KeyLengthLimit = 64, ValueLengthLimit = MaxBytes, BufferBody = true }, http.RequestAborted);
            var repeated = form.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1 || form[g.Key].Count > 1);
            if (repeated is not null)
            {
                throw Duplicate(repeated.Key);
            }

            return form["username"].FirstOrDefault() ?? form["email"].FirstOrDefault();
        }

        if (!request.HasJsonContentType())
        {
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new BadHttpRequestException("Body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        request.Body = buffer;
        if (buffer.Length == 0)
        {
            return null;
        }

        JsonElement root;
        using (var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 16 }))
        {
            root = document.RootElement.Clone();
        }

        buffer.Position = 0;
        http.Items[ParsedKey] = root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? account = null;
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.TryAdd(property.Name, property.Name))
            {
                throw Duplicate(seen[property.Name]);
            }

            if ((property.Name.Equals("email", StringComparison.OrdinalIgnoreCase) || property.Name.Equals("username", StringComparison.OrdinalIgnoreCase))
                && property.Value.ValueKind == JsonValueKind.String)
            {
                account ??= property.Value.GetString();
            }
        }

        return account;
    }

    /// <summary>The endpoint's view of the JSON body: the parse the limiter used, bound with the API's JSON settings.</summary>
    public static T Bind<T>(HttpContext http)
        where T : class
    {
        if (http.Items[ParsedKey] is not JsonElement root)
        {
            throw new BadHttpRequestException("A JSON body is required.", StatusCodes.Status400BadRequest);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return root.Deserialize<T>(options) ?? throw new BadHttpRequestException("A JSON body is required.", StatusCodes.Status400BadRequest);
    }

    private static ValidationException Duplicate(string name) =>
        new([new ValidationFailure(ProblemResponses.CamelCasePath(name), Messages.Get("common.duplicate_member"))]);
}
