using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Inbox.Parsing;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Inbox.Ingest;

/// <summary>
/// Applies one recorded message (noise, reply, new request or triage) in one transaction with its effects:
/// the ticket or follow-up, the answers in the outbox, and the message's new status. A message that is no
/// longer pending is left alone, so a second application is impossible.
/// </summary>
/// <param name="Parsed">The message already parsed by the caller, to avoid parsing twice; parsed from the record when null.</param>
public sealed record ApplyInboxMessageCommand(Guid InboxMessageId, ParsedMail? Parsed = null) : ICommand<InboxMessageStatus>;

internal sealed class ApplyInboxMessageCommandHandler(
    IInboxDbContext db,
    ISender sender,
    IInboxTicketGateway tickets,
    IInboxReplies replies,
    IOptions<InboxOptions> inboxOptions,
    TimeProvider clock) : ICommandHandler<ApplyInboxMessageCommand, InboxMessageStatus>
{
    public async ValueTask<InboxMessageStatus> Handle(ApplyInboxMessageCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Claim the row before reading it: a concurrent transaction on the same message waits on this update
        // and then finds it no longer pending (SQLite serialises writers; PostgreSQL re-checks the row).
        var claimed = await db.InboxMessages
            .Where(m => m.Id == command.InboxMessageId && m.Status == InboxMessageStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts), cancellationToken);
        var record = await db.InboxMessages.FirstOrDefaultAsync(m => m.Id == command.InboxMessageId, cancellationToken);
        if (claimed == 0 || record is null || record.IsFinal)
        {
            return record?.Status ?? InboxMessageStatus.Failed;
        }

        var mail = command.Parsed ?? MailParser.Parse(record.Raw);
        var noise = MailClassifier.NoiseReason(mail, inboxOptions.Value.OwnAddresses);
        if (noise is not null)
        {
            if (noise == MailClassifier.Bounce)
            {
                await RecordBouncesAsync(mail, now, cancellationToken);
            }

            record.Ignore(noise, now);
            return record.Status;
        }

        if (mail.FromAddress.Length == 0)
        {
            record.Hold("inbox.reason.empty_sender", now);
            return record.Status;
        }

        var users = await sender.Send(new FindUsersByEmailQuery([mail.FromAddress]), cancellationToken);
        var user = users.FirstOrDefault();

        var threadTicket = await FindThreadTicketAsync(mail, cancellationToken);
        if (threadTicket is not null)
        {
            await ApplyReplyAsync(record, mail, user, threadTicket, now, cancellationToken);
            return record.Status;
        }

        if (MailText.ContainsKeyword(mail.Subject, inboxOptions.Value.EffectiveKeywords))
        {
            await ApplyNewRequestAsync(record, mail, user, now, cancellationToken);
            return record.Status;
        }

        await HoldAsync(record, mail, user, "inbox.reason.no_keyword", now, cancellationToken);
        return record.Status;
    }

    private async Task<TicketSummaryContract?> FindThreadTicketAsync(ParsedMail mail, CancellationToken cancellationToken)
    {
        int? ticketId = null;
        if (mail.ThreadIds.Count > 0)
        {
            ticketId = await sender.Send(new FindTicketByMessageIdQuery(mail.ThreadIds), cancellationToken);
            if (ticketId is null)
            {
                var ids = mail.ThreadIds.ToArray();
                ticketId = await db.InboxMessages.AsNoTracking()
                    .Where(m => m.MessageId != null && ids.Contains(m.MessageId) && m.TicketId != null)
                    .Select(m => m.TicketId)
                    .FirstOrDefaultAsync(cancellationToken);
            }
        }

        ticketId ??= MailText.TicketTag(mail.Subject);
        return ticketId is int id ? await tickets.GetTicketAsync(id, cancellationToken) : null;
    }

    private async Task ApplyReplyAsync(InboxMessage record, ParsedMail mail, UserSnapshot? user, TicketSummaryContract ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (user is null || !user.IsActive)
        {
            await HoldAsync(record, mail, user, "inbox.reason.reply_unknown_sender", now, cancellationToken);
            return;
        }

        var participant = user.Id == ticket.RequesterId || ticket.ObserverIds.Contains(user.Id) || user.Role >= UserRole.Technician;
        if (!participant)
        {
            await HoldAsync(record, mail, user, "inbox.reason.reply_not_participant", now, cancellationToken);
            return;
        }

        var content = ReplyTrimmer.Trim(mail.TextBody);
        if (content.Length == 0)
        {
            content = mail.TextBody.Length > 0 ? mail.TextBody : CleanTitle(mail.Subject);
        }

        var attachments = Attachments(mail);
        if (string.Equals(ticket.Status, "Closed", StringComparison.OrdinalIgnoreCase))
        {
            // Closed is final: the reply opens a new ticket that points at the old one.
            var fields = RequestFields.Extract(content);
            var created = await tickets.CreateTicketAsync(
                new CreateTicketFromEmailCommand(
                    user.Id,
                    CleanTitle(mail.Subject),
                    content,
                    "Request",
                    fields.Name ?? user.FullName,
                    fields.Department ?? user.Department,
                    fields.Phone ?? user.Phone,
                    Incomplete: false,
                    ReferencesTicketId: ticket.TicketId,
                    attachments),
                cancellationToken);
            record.CreatedTicket(created.TicketId, now);
            return;
        }

        await tickets.AddFollowUpAsync(new AddEmailFollowUpCommand(ticket.TicketId, user.Id, content, attachments), cancellationToken);
        record.AddedFollowUp(ticket.TicketId, now);
    }

    private async Task ApplyNewRequestAsync(InboxMessage record, ParsedMail mail, UserSnapshot? user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fields = RequestFields.Extract(mail.TextBody);
        Guid requesterId;
        if (user is not null)
        {
            if (!user.IsActive)
            {
                await HoldAsync(record, mail, user, "inbox.reason.inactive_sender", now, cancellationToken);
                return;
            }

            requesterId = user.Id;
        }
        else if (inboxOptions.Value.IsInstitutional(mail.FromAddress))
        {
            var name = fields.Name ?? mail.FromName ?? mail.FromAddress[..mail.FromAddress.IndexOf('@', StringComparison.Ordinal)];
            requesterId = await sender.Send(new EnsureRequesterAccountCommand(mail.FromAddress, name, fields.Department, fields.Phone), cancellationToken);
        }
        else
        {
            await HoldAsync(record, mail, user, "inbox.reason.sender_not_allowed", now, cancellationToken);
            return;
        }

        var missing = fields.Missing();
        var description = ReplyTrimmer.Trim(mail.TextBody);
        if (description.Length < 10)
        {
            description = mail.TextBody.Length > 0 ? mail.TextBody : CleanTitle(mail.Subject);
        }

        var title = CleanTitle(mail.Subject);
        var created = await tickets.CreateTicketAsync(
            new CreateTicketFromEmailCommand(
                requesterId,
                title,
                description,
                "Request",
                fields.Name ?? user?.FullName ?? mail.FromName,
                fields.Department ?? user?.Department,
                fields.Phone ?? user?.Phone,
                Incomplete: missing.Count > 0,
                ReferencesTicketId: null,
                Attachments(mail)),
            cancellationToken);
        record.CreatedTicket(created.TicketId, now);

        if (missing.Count > 0)
        {
            var culture = CultureInfo.GetCultureInfo("es-CO");
            var list = string.Join('\n', missing.Select(f => "- " + Messages.Get("inbox.field." + f, culture)));
            await replies.TrySendAsync(
                record,
                "inbox.missing_fields",
                requesterId,
                Messages.Get("inbox.mail.missing_fields.subject", culture, created.TicketId),
                Messages.Get("inbox.mail.missing_fields.body", culture, created.TicketId, title, list),
                created.TicketId,
                cancellationToken);
        }
    }

    private async Task HoldAsync(InboxMessage record, ParsedMail mail, UserSnapshot? user, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.Hold(reason, now);

        // Tell the sender how to write the message, but only people of the institution: answering unknown
        // outsiders would make the desk a source of backscatter.
        var institutional = user is { IsActive: true } || inboxOptions.Value.IsInstitutional(mail.FromAddress);
        if (reason == "inbox.reason.no_keyword" && institutional)
        {
            var culture = CultureInfo.GetCultureInfo("es-CO");
            await replies.TrySendAsync(
                record,
                "inbox.how_to",
                user?.Id,
                Messages.Get("inbox.mail.how_to.subject", culture),
                Messages.Get("inbox.mail.how_to.body", culture, mail.Subject.Length == 0 ? "(sin asunto)" : mail.Subject, inboxOptions.Value.OwnAddresses.FirstOrDefault() ?? "soporte@iescinoc.edu.co"),
                null,
                cancellationToken);
        }
    }

    private async Task RecordBouncesAsync(ParsedMail mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var bounced in mail.BouncedRecipients.DistinctBy(b => b.Email))
        {
            var existing = await db.UndeliverableAddresses.FirstOrDefaultAsync(u => u.Email == bounced.Email, cancellationToken);
            if (existing is null)
            {
                db.UndeliverableAddresses.Add(UndeliverableAddress.Create(bounced.Email, bounced.Diagnostic, now));
            }
            else
            {
                existing.ReportedAgain(bounced.Diagnostic, now);
            }
        }
    }

    internal static string CleanTitle(string subject)
    {
        var title = MailText.CleanSubject(subject);
        return title.Length == 0 ? "Solicitud por correo electrónico" : title;
    }

    internal static IReadOnlyList<IncomingAttachment> Attachments(ParsedMail mail) =>
        mail.Attachments.Select(a => new IncomingAttachment(a.FileName, a.ContentType, a.Content)).ToList();
}
