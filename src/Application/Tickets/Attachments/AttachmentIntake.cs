using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>
/// Takes the files of a request or an e-mail through the limits and the <see cref="AttachmentPolicy"/> and puts
/// the accepted ones in the <see cref="IFileStore"/>. Two ways, for the two kinds of callers:
/// <list type="bullet">
/// <item><see cref="StoreAllOrThrowAsync"/> for API uploads: every file is checked first and any problem rejects
/// the whole request with field errors (<c>attachments[2]</c>); nothing is stored then.</item>
/// <item><see cref="StoreAcceptableAsync"/> for mail: stores what is acceptable and reports the rest, so nothing is
/// silently dropped.</item>
/// </list>
/// The size limit and the text check are enforced again while the bytes are copied, so a stream that is longer
/// than it claimed, or a text file with binary bytes after its first kilobytes, is still refused.
/// </summary>
public sealed class AttachmentIntake(IFileStore fileStore, AttachmentPolicy policy)
{
    public const string DefaultField = "attachments";

    public AttachmentOptions Options => policy.Options;

    /// <summary>Checks every file, then stores them all; throws <see cref="ValidationException"/> with every field's error otherwise.</summary>
    /// <param name="field">The form field the errors name (<c>attachments</c> → <c>attachments[0]</c>, …).</param>
    public async Task<IReadOnlyList<StoredAttachment>> StoreAllOrThrowAsync(
        IReadOnlyList<IncomingFile> files,
        CancellationToken cancellationToken = default,
        string field = DefaultField)
    {
        if (files.Count > policy.Options.MaxFilesPerRequest)
        {
            throw new ValidationException([new ValidationFailure(field, Messages.Get(AttachmentRefusals.TooMany, policy.Options.MaxFilesPerRequest))]);
        }

        var prepared = new List<Prepared>(files.Count);
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < files.Count; i++)
        {
            var item = await PrepareAsync(files[i], cancellationToken);
            prepared.Add(item);
            if (!item.Decision.Accepted)
            {
                failures.Add(new ValidationFailure($"{field}[{i}]", Message(item.Decision.RefusalCode!, item.Decision.FileName)));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var stored = new List<StoredAttachment>(prepared.Count);
        for (var i = 0; i < prepared.Count; i++)
        {
            try
            {
                stored.Add(await StoreAsync(prepared[i], cancellationToken));
            }
            catch (AttachmentRefusedException refused)
            {
                throw new ValidationException([new ValidationFailure($"{field}[{i}]", Message(refused.Code, prepared[i].Decision.FileName))]);
            }
        }

        return stored;
    }

    /// <summary>
    /// The field errors <see cref="StoreAllOrThrowAsync"/> would raise, without storing anything — for a command
    /// validator, so attachment errors come in the same problem response as the other fields' errors. Seekable
    /// streams are put back where they were; a stream that cannot seek is only checked against the count and its
    /// declared <see cref="IncomingFile.Length"/> (its content is checked when it is stored).
    /// </summary>
    public async Task<IReadOnlyList<ValidationFailure>> ValidateAsync(
        IReadOnlyList<IncomingFile> files,
        CancellationToken cancellationToken = default,
        string field = DefaultField)
    {
        if (files.Count > policy.Options.MaxFilesPerRequest)
        {
            return [new ValidationFailure(field, Messages.Get(AttachmentRefusals.TooMany, policy.Options.MaxFilesPerRequest))];
        }

        var failures = new List<ValidationFailure>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            AttachmentDecision decision;
            if (file.Content.CanSeek)
            {
                var start = file.Content.Position;
                decision = (await PrepareAsync(file, cancellationToken)).Decision;
                file.Content.Position = start;
            }
            else
            {
                var name = AttachmentFileNames.Sanitize(file.FileName);
                decision = file.Length > policy.Options.MaxFileBytes
                    ? AttachmentDecision.Refuse(name, AttachmentRefusals.TooLarge)
                    : file.Length == 0 ? AttachmentDecision.Refuse(name, AttachmentRefusals.Empty) : AttachmentDecision.Accept(name, AttachmentTypes.OctetStream, false);
            }

            if (!decision.Accepted)
            {
                failures.Add(new ValidationFailure($"{field}[{i}]", Message(decision.RefusalCode!, decision.FileName)));
            }
        }

        return failures;
    }

    /// <summary>Stores every acceptable file (at most <see cref="AttachmentOptions.MaxFilesPerRequest"/>) and reports why the others were refused.</summary>
    public async Task<AttachmentIntakeResult> StoreAcceptableAsync(IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<AttachmentIntakeOutcome>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (i >= policy.Options.MaxFilesPerRequest)
            {
                var name = AttachmentFileNames.Sanitize(files[i].FileName);
                outcomes.Add(new AttachmentIntakeOutcome(i, name, null, AttachmentRefusals.TooMany, Messages.Get(AttachmentRefusals.TooMany, policy.Options.MaxFilesPerRequest)));
                continue;
            }

            var item = await PrepareAsync(files[i], cancellationToken);
            if (!item.Decision.Accepted)
            {
                outcomes.Add(Refused(i, item.Decision.FileName, item.Decision.RefusalCode!));
                continue;
            }

            try
            {
                var stored = await StoreAsync(item, cancellationToken);
                outcomes.Add(new AttachmentIntakeOutcome(i, stored.FileName, stored, null, null));
            }
            catch (AttachmentRefusedException refused)
            {
                outcomes.Add(Refused(i, item.Decision.FileName, refused.Code));
            }
        }

        return new AttachmentIntakeResult(outcomes);
    }

    /// <summary>The localized sentence for a refusal code of one file.</summary>
    public string Message(string code, string fileName) => code switch
    {
        AttachmentRefusals.TooLarge => Messages.Get(code, fileName, AttachmentPolicy.FormatSize(policy.Options.MaxFileBytes)),
        AttachmentRefusals.TooMany => Messages.Get(code, policy.Options.MaxFilesPerRequest),
        AttachmentRefusals.ExtensionNotAllowed => Messages.Get(code, fileName, policy.AllowedList),
        _ => Messages.Get(code, fileName),
    };

    private AttachmentIntakeOutcome Refused(int index, string fileName, string code) =>
        new(index, fileName, null, code, Message(code, fileName));

    private static void InspectArchive(Stream content, string contentType)
    {
        List<string> names;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            names = zip.Entries.Select(e => e.FullName).ToList();
        }
        catch (InvalidDataException)
        {
            throw new AttachmentRefusedException(AttachmentRefusals.ContentMismatch);
        }

        if (AttachmentPolicy.HasDangerousEntries(names, contentType))
        {
            throw new AttachmentRefusedException(AttachmentRefusals.Dangerous);
        }
    }

    private sealed record Prepared(IncomingFile File, byte[] Head, int HeadLength, AttachmentDecision Decision);

    private async Task<Prepared> PrepareAsync(IncomingFile file, CancellationToken cancellationToken)
    {
        var head = new byte[AttachmentPolicy.HeadLength];
        var headLength = 0;
        long? size = file.Length;
        if (size is null or > 0 && !(size > policy.Options.MaxFileBytes))
        {
            headLength = await ReadHeadAsync(file.Content, head, cancellationToken);
        }

        if (size is null)
        {
            if (file.Content.CanSeek)
            {
                size = headLength + (file.Content.Length - file.Content.Position);
            }
            else if (headLength < head.Length)
            {
                size = headLength;
            }
        }

        // With an unknown size the limit is enforced while copying; the head is what is known so far.
        var decisionSize = size ?? headLength;
        var decision = size > policy.Options.MaxFileBytes
            ? AttachmentDecision.Refuse(AttachmentFileNames.Sanitize(file.FileName), AttachmentRefusals.TooLarge)
            : policy.Evaluate(file.FileName, file.DeclaredContentType, decisionSize, head.AsSpan(0, headLength));
        return new Prepared(file, head, headLength, decision);
    }

    private static async Task<int> ReadHeadAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await content.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private async Task<StoredAttachment> StoreAsync(Prepared item, CancellationToken cancellationToken)
    {
        await using var checkedContent = new CheckedContentStream(
            item.Head.AsMemory(0, item.HeadLength),
            item.File.Content,
            policy.Options.MaxFileBytes,
            item.Decision.RequiresTextContent);
        Stream content = checkedContent;
        await using var archive = new MemoryStream();
        if (AttachmentPolicy.IsArchive(item.Decision.ContentType))
        {
            // Every entry is judged from the central directory before anything is stored (the size is bounded above).
            await checkedContent.CopyToAsync(archive, cancellationToken);
            archive.Position = 0;
            InspectArchive(archive, item.Decision.ContentType!);
            archive.Position = 0;
            content = archive;
        }

        var file = await fileStore.StoreAsync(content, cancellationToken);
        if (file.SizeBytes == 0)
        {
            throw new AttachmentRefusedException(AttachmentRefusals.Empty);
        }

        return new StoredAttachment(item.Decision.FileName, item.Decision.ContentType!, file.SizeBytes, file.Sha256);
    }
}

/// <summary>A file found unacceptable while its bytes were being copied (too long, or binary in a text file).</summary>
internal sealed class AttachmentRefusedException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
