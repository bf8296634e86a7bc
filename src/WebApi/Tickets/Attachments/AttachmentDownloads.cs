using System.Globalization;
using System.Text;
using MesaServicios.Application.Tickets.Attachments;
using Microsoft.Net.Http.Headers;

namespace MesaServicios.WebApi.Tickets.Attachments;

/// <summary>
/// The download response of an attachment: its checked content type, <c>Content-Disposition: attachment</c> with a
/// safe ASCII <c>filename</c> and the exact UTF-8 name in <c>filename*</c> (RFC 6266 / RFC 8187), <c>ETag</c> = the
/// SHA-256 (so <c>If-None-Match</c> answers 304), ranges, <c>X-Content-Type-Options: nosniff</c> and a sandboxing
/// content security policy so a browser never runs what it downloads.
/// </summary>
public static class AttachmentDownloads
{
    public static IResult Download(AttachmentContent attachment) => new DownloadResult(attachment);

    /// <summary><c>attachment; filename="Informe tecnico.pdf"; filename*=UTF-8''Informe%20t%C3%A9cnico.pdf</c></summary>
    public static string ContentDisposition(string fileName)
    {
        var name = AttachmentFileNames.Sanitize(fileName);
        return $"attachment; filename=\"{AsciiFallback(name)}\"; filename*=UTF-8''{EncodeRfc8187(name)}";
    }

    /// <summary>Accents dropped, every other character outside printable ASCII (and quotes, backslashes, percent signs) as "_".</summary>
    internal static string AsciiFallback(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is >= ' ' and <= '~' and not '"' and not '\\' and not '%' ? c : '_');
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    internal static string EncodeRfc8187(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private sealed class DownloadResult(AttachmentContent attachment) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.RegisterForDisposeAsync(attachment.Content);
            var headers = httpContext.Response.Headers;
            headers.ContentDisposition = ContentDisposition(attachment.FileName);
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            headers.CacheControl = "private, no-cache";
            var contentType = string.IsNullOrWhiteSpace(attachment.ContentType) ? AttachmentTypes.OctetStream : attachment.ContentType;
            return Results.Stream(
                    attachment.Content,
                    contentType,
                    fileDownloadName: null,
                    lastModified: null,
                    entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""),
                    enableRangeProcessing: attachment.Content.CanSeek)
                .ExecuteAsync(httpContext);
        }
    }
}
