using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Inbox.Parsing;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Inbox.Ingest;

/// <summary>
/// Applies one recorded message in one transaction with its effects: the ticket or follow-up, the answers in the
/// outbox, and the message's new status. The decision itself is <see cref="InboxPolicy"/>'s; this handler claims
/// the message, gathers the facts, and carries the decision out. A message that is no longer pending is left
/// alone, so a second application is impossible.
/// </summary>
/// <param name="Parsed">The message already parsed by the caller, to avoid parsing twice; parsed from the record when null.</param>
public sealed record ApplyInboxMessageCommand(Guid InboxMessageId, ParsedMail? Parsed = null) : ICommand<InboxMessageStatus>;

internal sealed class ApplyInboxMessageCommandHandler(
    IInboxDbContext db,
    IInboxMessageClaim claim,
    ISender sender,
    ITicketsModule tickets,
    IInboxReplies replies,
    IOptions<InboxOptions> inboxOptions,
    TimeProvider clock) : ICommandHandler<ApplyInboxMessageCommand, InboxMessageStatus>
{
    public async ValueTask<InboxMessageStatus> Handle(ApplyInboxMessageCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = inboxOptions.Value;

        // Claim the row before reading it: a concurrent application of the same message waits, then finds it done.
        var claimed = await claim.TryClaimPendingAsync(command.InboxMessageId, cancellationToken);
        var record = await db.InboxMessages.FirstOrDefaultAsync(m => m.Id == command.InboxMessageId, cancellationToken);
        if (!claimed || record is null || record.IsFinal)
        {
            return record?.Status ?? InboxMessageStatus.Failed;
        }

        var mail = command.Parsed ?? MailParser.Parse(record.Raw);
        var noise = MailClassifier.NoiseReason(mail, settings.OwnAddresses);
        var fields = RequestFields.Extract(mail.TextBody);
        UserSnapshot? user = null;
        TicketSummaryContract? thread = null;
        if (noise is null && mail.FromAddress.Length > 0)
        {
            user = (await sender.Send(new FindUsersByEmailQuery([mail.FromAddress]), cancellationToken)).FirstOrDefault();
            thread = await FindThreadTicketAsync(mail, cancellationToken);
        }

        var decision = InboxPolicy.Decide(new InboxFacts(
            mail.FromAddress,
            noise,
            MailText.ContainsKeyword(mail.Subject, settings.EffectiveKeywords),
            MissingDetails(fields, user, mail).Count > 0,
            settings.IsInstitutional(mail.FromAddress),
            user is null ? null : new InboxSender(user.Id, user.IsActive, user.Role >= UserRole.Technician),
            thread is null ? null : new InboxThreadTicket(thread.TicketId, thread.Status == TicketStatus.Closed, thread.RequesterId, thread.ObserverIds)));

        switch (decision)
        {
            case IgnoreMessage ignore:
                if (ignore.Reason == MailClassifier.Bounce)
                {
                    await RecordBouncesAsync(mail, now, cancellationToken);
                }

                record.Ignore(ignore.Reason, now);
                break;
            case HoldForTriage hold:
                await HoldAsync(record, mail, user, hold, now, cancellationToken);
                break;
            case FollowUpOnTicket followUp:
                await tickets.AddFollowUpFromEmailAsync(
                    AnswerWithDetails(followUp, ReplyContent(mail), Attachments(mail)),
                    cancellationToken);
                record.AddedFollowUp(followUp.TicketId, now);
                break;
            case ReplyOnClosedTicket reply:
                await OpenFromReplyAsync(record, mail, user!, reply, now, cancellationToken);
                break;
            case NewRequest request:
                await OpenRequestAsync(record, mail, fields, user, request, now, cancellationToken);
                break;
        }

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
        return ticketId is int id ? await tickets.GetSummaryAsync(id, cancellationToken) : null;
    }

    /// <summary>Closed is final: the reply opens a new ticket that points at the old one.</summary>
    private async Task OpenFromReplyAsync(InboxMessage record, ParsedMail mail, UserSnapshot author, ReplyOnClosedTicket reply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var content = ReplyContent(mail);
        var fields = RequestFields.Extract(content);
        var created = await tickets.OpenFromEmailAsync(
            new OpenTicketFromEmailCommand(
                reply.AuthorId,
                CleanTitle(mail.Subject),
                content,
                TicketType.Request,
                fields.Name ?? author.FullName,
                fields.Department ?? author.Department,
                fields.Phone ?? author.Phone,
                Incomplete: false,
                ReferencesTicketId: reply.ClosedTicketId,
                Attachments(mail)),
            cancellationToken);
        record.CreatedTicket(created.TicketId, now);
    }

    private async Task OpenRequestAsync(InboxMessage record, ParsedMail mail, RequestFields fields, UserSnapshot? user, NewRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requesterId = request.RequesterId ?? await sender.Send(
            new EnsureRequesterAccountCommand(
                mail.FromAddress,
                fields.Name ?? mail.FromName ?? mail.FromAddress[..mail.FromAddress.IndexOf('@', StringComparison.Ordinal)],
                fields.Department,
                fields.Phone),
            cancellationToken);

        var description = ReplyTrimmer.Trim(mail.TextBody);
        if (description.Length < 10)
        {
            description = mail.TextBody.Length > 0 ? mail.TextBody : CleanTitle(mail.Subject);
        }

        var title = CleanTitle(mail.Subject);
        var missing = request.Answer == InboxAnswer.MissingFields ? MissingDetails(fields, user, mail) : [];
        var created = await tickets.OpenFromEmailAsync(
            new OpenTicketFromEmailCommand(
                requesterId,
                title,
                description,
                TicketType.Request,
                fields.Name ?? user?.FullName ?? mail.FromName,
                fields.Department ?? user?.Department,
                fields.Phone ?? user?.Phone,
                Incomplete: missing.Count > 0,
                ReferencesTicketId: null,
                Attachments(mail),
                MissingDetails: missing),
            cancellationToken);
        record.CreatedTicket(created.TicketId, now);
    }

    /// <summary>
    /// What the desk still needs to know: each field the mail does not give and the sender's profile does not hold
    /// (the name also from the mail's display name). The detail of the request can only come from the mail. The
    /// requester's confirmation asks for these, in that one mail.
    /// </summary>
    internal static IReadOnlyList<string> MissingDetails(RequestFields fields, UserSnapshot? user, ParsedMail mail) =>
        new RequestFields(
            fields.Name ?? NonBlank(user?.FullName) ?? NonBlank(mail.FromName),
            fields.Department ?? NonBlank(user?.Department),
            fields.Phone ?? NonBlank(user?.Phone),
            fields.Detail).Missing();

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A reply by mail; the labelled details in it (name, department, phone) complete an incomplete ticket's requester snapshot.</summary>
    private static AddFollowUpFromEmailCommand AnswerWithDetails(FollowUpOnTicket followUp, string content, IReadOnlyList<IncomingAttachment> attachments)
    {
        var details = RequestFields.Extract(content);
        return new AddFollowUpFromEmailCommand(followUp.TicketId, followUp.AuthorId, content, attachments, details.Name, details.Department, details.Phone);
    }

    private async Task HoldAsync(InboxMessage record, ParsedMail mail, UserSnapshot? user, HoldForTriage hold, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.Hold(hold.Reason, now);
        if (hold.Answer == InboxAnswer.HowToWrite)
        {
            var settings = inboxOptions.Value;
            var culture = Culture;
            await replies.TrySendAsync(
                record,
                "inbox.how_to",
                user?.Id,
                Messages.Get("inbox.mail.how_to.subject", culture),
                Messages.Get("inbox.mail.how_to.body", culture, mail.Subject.Length == 0 ? settings.NoSubjectText : mail.Subject, settings.EffectiveSupportAddress),
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

    private CultureInfo Culture => CultureInfo.GetCultureInfo(inboxOptions.Value.Culture);

    private string CleanTitle(string subject) => CleanTitle(subject, inboxOptions.Value);

    /// <summary>The reply without the quoted history; the whole text (or the subject) when trimming leaves nothing.</summary>
    private string ReplyContent(ParsedMail mail)
    {
        var content = ReplyTrimmer.Trim(mail.TextBody);
        return content.Length == 0 ? (mail.TextBody.Length > 0 ? mail.TextBody : CleanTitle(mail.Subject)) : content;
    }

    internal static string CleanTitle(string subject, InboxOptions options)
    {
        var title = MailText.CleanSubject(subject);
        return title.Length == 0 ? options.DefaultTitle : title;
    }

    internal static IReadOnlyList<IncomingAttachment> Attachments(ParsedMail mail) =>
        mail.Attachments.Select(a => new IncomingAttachment(a.FileName, a.ContentType, a.Content)).ToList();
}
