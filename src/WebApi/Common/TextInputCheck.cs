using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;
using Microsoft.Net.Http.Headers;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// The rule of <see cref="JsonBodyCheck"/> for text that does not come as JSON: every query-string value and every
/// field of a URL-encoded form with control or bidirectional-override characters is refused (not stripped) with one
/// 400 naming each field. Multipart form fields are checked the same way where they are read
/// (<c>MultipartUploads</c>), so the files are never buffered twice.
/// </summary>
internal static class TextInputCheck
{
    public static WebApplication UseTextInputCheck(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            var errors = new List<ValidationFailure>();
            foreach (var (key, values) in request.Query)
            {
                Check(key, values, errors);
            }

            if (http.GetEndpoint() is not null && request.HasFormContentType && !IsMultipart(request))
            {
                foreach (var (key, values) in await request.ReadFormAsync(http.RequestAborted))
                {
                    Check(key, values, errors);
                }
            }

            if (errors.Count > 0)
            {
                throw new ValidationException(errors);
            }

            await next(http);
        });
        return app;
    }

    /// <summary>Adds one error for <paramref name="field"/> when its name or any of its values holds a forbidden character.</summary>
    public static void Check(string field, IEnumerable<string?> values, List<ValidationFailure> errors)
    {
        if (JsonBodyCheck.HasForbiddenCharacters(field) || values.Any(v => v is not null && JsonBodyCheck.HasForbiddenCharacters(v)))
        {
            var name = JsonBodyCheck.HasForbiddenCharacters(field) || field.Length == 0 ? "query" : field;
            errors.Add(new ValidationFailure(name, Messages.Get("common.control_characters")));
        }
    }

    private static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
}
