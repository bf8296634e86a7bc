using MesaServicios.Application.Tickets.Contracts;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>
/// A file as it arrives (upload part or mail attachment), before any check. The intake reads
/// <see cref="Content"/> from its current position and never disposes it: whoever created it does.
/// </summary>
/// <param name="FileName">The name as sent (sanitised by the intake).</param>
/// <param name="DeclaredContentType">The type the sender declared; never trusted, only used to spot programs.</param>
/// <param name="Content">The bytes from the current position to the end.</param>
/// <param name="Length">
/// The whole size when known. May be larger than what <paramref name="Content"/> holds when the reader stopped
/// buffering an oversized upload: such a file is refused as too large without being read.
/// </param>
public sealed record IncomingFile(string? FileName, string? DeclaredContentType, Stream Content, long? Length = null)
{
    public static IncomingFile FromBytes(string? fileName, string? declaredContentType, byte[] content) =>
        new(fileName, declaredContentType, new MemoryStream(content, writable: false), content.LongLength);

    /// <summary>An attachment that came by e-mail (Tickets contracts).</summary>
    public static IncomingFile From(IncomingAttachment attachment) =>
        FromBytes(attachment.FileName, attachment.ContentType, attachment.Content);
}

/// <summary>A file that passed every check and is in the file store; what a ticket's <c>TicketAttachment</c> keeps.</summary>
public sealed record StoredAttachment(string FileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>What happened to the file at <paramref name="Index"/>: <paramref name="Stored"/>, or refused with a code and a localized message.</summary>
public sealed record AttachmentIntakeOutcome(int Index, string FileName, StoredAttachment? Stored, string? RefusalCode, string? Message)
{
    public bool IsStored => Stored is not null;
}

/// <summary>Every file's outcome, in the order the files came.</summary>
public sealed record AttachmentIntakeResult(IReadOnlyList<AttachmentIntakeOutcome> Outcomes)
{
    public IReadOnlyList<StoredAttachment> Stored => Outcomes.Where(o => o.Stored is not null).Select(o => o.Stored!).ToArray();

    public IReadOnlyList<AttachmentIntakeOutcome> Refused => Outcomes.Where(o => o.Stored is null).ToArray();

    /// <summary>The outcomes as the Tickets contracts report them to the mail ingestion.</summary>
    public IReadOnlyList<AttachmentOutcome> ToContractOutcomes() =>
        Outcomes.Select(o => new AttachmentOutcome(o.FileName, o.IsStored, o.RefusalCode)).ToArray();
}
