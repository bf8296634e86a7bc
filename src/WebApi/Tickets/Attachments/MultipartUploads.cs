using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Tickets.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using MesaServicios.WebApi.Common;
using Microsoft.Net.Http.Headers;

namespace MesaServicios.WebApi.Tickets.Attachments;

/// <summary>
/// The text fields and files of a multipart/form-data request. Files are buffered in temporary files that are
/// deleted when the upload is disposed (at the latest when the response ends).
/// </summary>
public sealed class MultipartUpload : IAsyncDisposable
{
    private readonly List<IncomingFile> _files = [];
    private readonly Dictionary<string, StringValues> _fields = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, StringValues> Fields => _fields;

    /// <summary>Every file part, in the order sent, whatever its field name (errors name them <c>attachments[i]</c>).</summary>
    public IReadOnlyList<IncomingFile> Files => _files;

    /// <summary>The first value of a text field, or null.</summary>
    public string? Field(string name) => _fields.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    internal void AddField(string name, string value) =>
        _fields[name] = _fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);

    internal void AddFile(IncomingFile file) => _files.Add(file);

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files)
        {
            await file.Content.DisposeAsync();
        }

        _files.Clear();
    }
}

/// <summary>
/// Reads multipart/form-data uploads for minimal API endpoints, enforcing <c>Tickets:Attachments</c> while the
/// bytes stream in: the request may not exceed every file at its largest plus the form fields (413 as soon as it
/// does); more files than allowed stop the reading with a field error; a file larger than allowed is not buffered
/// beyond the limit (its size is still counted, so the intake refuses it with a field error that sits beside the
/// other files' errors).
/// </summary>
public static class MultipartUploads
{
    private const int HeadersLengthLimit = 16 * 1024;
    private const int MaxFields = 100;
    private const int BufferSize = 81920;

    /// <summary>Reads the whole form. The result is disposed with the response; dispose it earlier when done.</summary>
    public static async Task<MultipartUpload> ReadAttachmentUploadAsync(this HttpRequest request, CancellationToken cancellationToken = default)
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        var boundary = Boundary(request);
        var maxRequest = options.MaxRequestBytes;
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxRequest;
        }

        if (request.ContentLength > maxRequest)
        {
            throw TooLarge();
        }

        var upload = new MultipartUpload();
        request.HttpContext.Response.RegisterForDisposeAsync(upload);
        try
        {
            await using var body = new RequestLimitStream(request.Body, maxRequest);
            var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = HeadersLengthLimit, HeadersCountLimit = 16, BodyLengthLimit = maxRequest };
            long fieldBytes = 0;
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    if (upload.Files.Count >= options.MaxFilesPerRequest)
                    {
                        throw new ValidationException([new ValidationFailure(AttachmentIntake.DefaultField, Messages.Get(AttachmentRefusals.TooMany, options.MaxFilesPerRequest))]);
                    }

                    var file = await BufferFileAsync(section, fileName, options.MaxFileBytes, cancellationToken);
                    if (file.Length == 0 && string.IsNullOrEmpty(fileName))
                    {
                        await file.Content.DisposeAsync(); // an empty file input of a browser form
                        continue;
                    }

                    upload.AddFile(file);
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (upload.Fields.Count >= MaxFields)
                {
                    throw TooLarge();
                }

                var value = await ReadFieldAsync(section.Body, options.MaxFormFieldsBytes - fieldBytes, cancellationToken);
                fieldBytes += value.Bytes;
                upload.AddField(name, value.Text);
            }

            // Form fields follow the rule of JSON text: control and direction-override characters are refused, not stripped.
            var refused = new List<ValidationFailure>();
            foreach (var (field, values) in upload.Fields)
            {
                TextInputCheck.Check(field, values, refused);
            }

            if (refused.Count > 0)
            {
                throw new ValidationException(refused);
            }

            return upload;
        }
        catch (InvalidDataException)
        {
            await upload.DisposeAsync();
            throw new BadHttpRequestException("Malformed multipart body.", StatusCodes.Status400BadRequest);
        }
        catch
        {
            await upload.DisposeAsync();
            throw;
        }
    }

    private static string Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Expected multipart/form-data.", StatusCodes.Status415UnsupportedMediaType);
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
        {
            throw new BadHttpRequestException("Missing or invalid multipart boundary.", StatusCodes.Status400BadRequest);
        }

        return boundary;
    }

    /// <summary>Copies a file part to a temporary file, keeping at most <paramref name="maxBytes"/> + 1 bytes but counting all of them.</summary>
    private static async Task<IncomingFile> BufferFileAsync(MultipartSection section, string? fileName, long maxBytes, CancellationToken cancellationToken)
    {
        var directory = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") is { Length: > 0 } configured ? configured : Path.GetTempPath();
        var path = Path.Combine(directory, $"mesa-upload-{Guid.NewGuid():N}.tmp");
        var buffer = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            var chunk = new byte[BufferSize];
            long total = 0;
            int read;
            while ((read = await section.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                var keep = (int)Math.Clamp(maxBytes + 1 - total, 0, read);
                if (keep > 0)
                {
                    await buffer.WriteAsync(chunk.AsMemory(0, keep), cancellationToken);
                }

                total += read;
            }

            await buffer.FlushAsync(cancellationToken);
            buffer.Position = 0;
            return new IncomingFile(fileName, section.ContentType, buffer, total);
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }

    private static async Task<(string Text, long Bytes)> ReadFieldAsync(Stream body, long budget, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (memory.Length + read > budget)
            {
                throw TooLarge();
            }

            memory.Write(chunk, 0, read);
        }

        return (System.Text.Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length), memory.Length);
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var chunk = new byte[8192];
        while (await body.ReadAsync(chunk, cancellationToken) > 0)
        {
        }
    }

    internal static BadHttpRequestException TooLarge() =>
        new("The request body is larger than the attachment limits allow.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>Counts what is read from the request body and stops with 413 past the limit, whatever the server enforces.</summary>
    private sealed class RequestLimitStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                throw TooLarge();
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
