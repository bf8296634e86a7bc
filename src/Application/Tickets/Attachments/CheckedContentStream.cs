namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>
/// Replays the head the policy already read, then the rest of the incoming stream, and refuses (by throwing
/// <see cref="AttachmentRefusedException"/>) as soon as more than the allowed bytes come, or a byte that no text
/// file carries appears in a text file. Does not dispose the incoming stream.
/// </summary>
internal sealed class CheckedContentStream(ReadOnlyMemory<byte> head, Stream rest, long maxBytes, bool requireText) : Stream
{
    private ReadOnlyMemory<byte> _head = head;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (!_head.IsEmpty)
        {
            read = Math.Min(buffer.Length, _head.Length);
            _head.Span[..read].CopyTo(buffer);
            _head = _head[read..];
        }
        else
        {
            read = rest.Read(buffer);
        }

        return Check(buffer[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (!_head.IsEmpty)
        {
            read = Math.Min(buffer.Length, _head.Length);
            _head.Span[..read].CopyTo(buffer.Span);
            _head = _head[read..];
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken);
        }

        return Check(buffer.Span[..read]);
    }

    private int Check(ReadOnlySpan<byte> chunk)
    {
        _position += chunk.Length;
        if (_position > maxBytes)
        {
            throw new AttachmentRefusedException(AttachmentRefusals.TooLarge);
        }

        if (requireText && !AttachmentPolicy.IsText(chunk))
        {
            throw new AttachmentRefusedException(AttachmentRefusals.ContentMismatch);
        }

        return chunk.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
