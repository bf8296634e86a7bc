using System.Globalization;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets;

/// <summary>What opening a ticket and adding a follow-up from an e-mail share: files, refusal notes, text in chunks.</summary>
internal static class TicketEmailIntake
{
    public static CultureInfo Culture(TicketsOptions options) => CultureInfo.GetCultureInfo(options.EmailCulture);

    public static async Task<AttachmentIntakeResult> StoreAcceptableAsync(AttachmentIntake intake, IReadOnlyList<IncomingAttachment>? attachments, CancellationToken cancellationToken) =>
        attachments is null || attachments.Count == 0
            ? new AttachmentIntakeResult([])
            : await intake.StoreAcceptableAsync(attachments.Select(IncomingFile.From).ToList(), cancellationToken);

    /// <summary>
    /// Refused files are never silently dropped: a public note by the system names each one and why (a note, not
    /// the sender's answer: an incomplete ticket stays incomplete).
    /// </summary>
    public static void ListRefused(Ticket ticket, AttachmentIntakeResult files, CultureInfo culture, DateTimeOffset now)
    {
        if (files.Refused.Count == 0)
        {
            return;
        }

        var list = string.Join(", ", files.Refused.Select(r => $"{r.FileName} ({Messages.Get("tickets.refused." + r.RefusalCode, culture)})"));
        var note = Messages.Get("tickets.email_attachments_refused", culture, list);
        foreach (var chunk in Chunk(note, Ticket.TextMaxLength))
        {
            ticket.AddSystemNote(chunk, TicketSource.Email, now);
        }
    }

    public static List<string> Chunk(string text, int size)
    {
        var chunks = new List<string>();
        for (var start = 0; start < text.Length; start += size)
        {
            chunks.Add(text.Substring(start, Math.Min(size, text.Length - start)));
        }

        return chunks.Count == 0 ? [string.Empty] : chunks;
    }
}
