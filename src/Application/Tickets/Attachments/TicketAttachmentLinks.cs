using FluentValidation;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Attachments;

/// <summary>How the ticket use cases take files in: checked with the other fields, stored, then linked to the aggregate.</summary>
internal static class TicketAttachmentLinks
{
    /// <summary>The files' field errors (<c>attachments[i]</c>) in the same problem response as the other fields' errors.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<IncomingFile>> AttachmentsAcceptedBy<T>(
        this IRuleBuilder<T, IReadOnlyList<IncomingFile>> rule,
        AttachmentIntake intake) =>
        rule.CustomAsync(async (files, context, cancellationToken) =>
        {
            if (files is null || files.Count == 0)
            {
                return;
            }

            foreach (var failure in await intake.ValidateAsync(files, cancellationToken))
            {
                context.AddFailure(failure);
            }
        });

    /// <summary>Stores every file or none (field errors otherwise); nothing to do without files.</summary>
    public static async Task<IReadOnlyList<StoredAttachment>> StoreTicketFilesAsync(
        this AttachmentIntake intake,
        IReadOnlyList<IncomingFile>? files,
        CancellationToken cancellationToken) =>
        files is null || files.Count == 0 ? [] : await intake.StoreAllOrThrowAsync(files, cancellationToken);

    /// <summary>Links stored files to the ticket, or to its follow-up <paramref name="followUpId"/>.</summary>
    public static void LinkAttachments(this Ticket ticket, TicketActor? actor, Guid? followUpId, IEnumerable<StoredAttachment> files, DateTimeOffset now)
    {
        foreach (var file in files)
        {
            ticket.LinkAttachment(actor, followUpId, file.Sha256, file.FileName, file.ContentType, file.SizeBytes, now);
        }
    }
}
