using MesaServicios.Application.Common;
using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Caching;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Notifications.Links;
using MesaServicios.Application.Notifications.Matrix;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Notifications;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications.Ticketing;

/// <summary>What to say about one ticket event: its matrix row, participants and the quoted text, if any.</summary>
internal sealed record TicketNotice(
    string Kind,
    TicketIntegrationEvent Event,
    TicketParticipants Participants,
    EmailSection? Quote = null,
    string? IntroCode = null,
    object? IntroArgument = null);

/// <summary>
/// Writes, in the caller's transaction, one in-app notification and (unless the person turned it off) one
/// outbox e-mail per recipient of a ticket event. The rows are prepared here, outside the write turn, and written
/// in bulk (<see cref="IBulkInsert"/>: one statement per table for the whole fan-out), so a desk of many technicians
/// costs the single writer little more than a desk of one. Every mail of a ticket is threaded under the root
/// Message-ID <c>ticket-N@domain</c>, which the requester's creation confirmation carries itself.
/// </summary>
internal sealed class TicketNotifier(
    INotificationsDbContext db,
    IBulkInsert bulk,
    RecipientResolver resolver,
    IActionLinkProtector protector,
    ISender sender,
    IOptions<MailOptions> mail,
    MailLinks links,
    IOptions<NotificationsOptions> options,
    ReferenceCache cache,
    TimeProvider clock)
{
    public static string RootMessageId(int ticketId, string domain) => $"ticket-{ticketId.ToString(CultureInfo.InvariantCulture)}@{domain}";

    public async ValueTask NotifyAsync(TicketNotice notice, CancellationToken cancellationToken)
    {
        var rule = NotificationMatrix.Get(notice.Kind);
        var resolved = await resolver.ResolveAsync(rule, notice.Participants, cancellationToken);

        // Observers named when the ticket is opened already heard of it from the creation notice of the same
        // change (written just before in this transaction): no second mail welcoming them.
        var recipients = notice.Kind == NotificationMatrix.TicketObserverAdded
            ? resolved.Where(r => !db.Notifications.Local.Concat(bulk.Pending<Notification>()).Any(n =>
                n.UserId == r.User.Id && n.TicketId == notice.Event.TicketId && n.Kind == NotificationMatrix.TicketCreated)
                && !HeardAsDesk(r.User, notice.Event.TicketId)).ToList()
            : resolved.ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var mailOff = await MailOffAsync(notice.Kind, cancellationToken);
        var names = await NamesAsync(notice, cancellationToken);
        var e = notice.Event;
        var now = clock.GetUtcNow();
        var root = RootMessageId(e.TicketId, mail.Value.MessageIdDomain);
        // A ticket is created once, so its root Message-ID is still free unless this transaction used it already.
        var rootFree = notice.Kind == NotificationMatrix.TicketCreated && !db.OutboxEmails.Local.Concat(bulk.Pending<OutboxEmail>()).Any(m => m.MessageId == root);
        var description = notice.Kind == NotificationMatrix.TicketObserverAdded
            ? (await sender.Send(new GetTicketSummaryQuery(e.TicketId), cancellationToken))?.Description
            : null;
        var ticketUrl = links.Ticket(e.TicketId);
        var renderedOnce = new Dictionary<(string Culture, string Title, string Intro), (string Subject, OutboxBody? Body)>();

        // A desk alert (every technician, the administrators) is one mail per language and wording with every desk
        // member of it as a recipient, greeting the desk rather than each person: far fewer outbox rows to write in
        // the creation's turn and to deliver. One desk member alone still gets his own mail.
        var deskFirst = new Dictionary<(string Culture, string Title, string Intro), (CultureInfo Culture, string Title, string Intro, List<EmailSection> Sections)>();
        var deskGroups = recipients
            .Where(r => IsDeskBroadcast(notice, r.Role) && !mailOff.Contains(r.User.Id))
            .GroupBy(r => Shape(notice, r))
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => new List<Addressee>());

        var deskAlerts = new Dictionary<string, (Notification First, List<Guid> Members)>(StringComparer.Ordinal);
        foreach (var recipient in recipients)
        {
            var user = recipient.User;
            var culture = EmailLayout.Culture(user.Language);
            var (titleCode, introCode) = Codes(notice, recipient.Role);
            var title = Messages.Get(titleCode, culture, e.TicketId, e.Title);
            var intro = Messages.Get(introCode, culture, e.TicketId, e.Title, Argument(notice, names, culture));
            var link = $"/tickets/{e.TicketId.ToString(CultureInfo.InvariantCulture)}";
            if (IsDeskBroadcast(notice, recipient.Role) && recipient.Role != Audience.Administrators)
            {
                // The whole desk hears of it: one desk alert per language instead of one notification per member.
                if (!deskAlerts.TryGetValue(user.Language, out var alert))
                {
                    deskAlerts[user.Language] = alert = (Notification.Create(user.Id, notice.Kind, e.TicketId, title, intro, link, now), []);
                }

                alert.Members.Add(user.Id);
            }
            else
            {
                bulk.Add(Notification.Create(user.Id, notice.Kind, e.TicketId, title, intro, link, now));
            }

            if (mailOff.Contains(user.Id))
            {
                continue;
            }

            var sections = new List<EmailSection>();
            if (notice.Quote is { } quote)
            {
                sections.Add(new EmailSection(Messages.Get(quote.Label, culture), quote.Text));
            }

            if (notice.Kind == NotificationMatrix.TicketObserverAdded)
            {
                sections.Add(new EmailSection(Messages.Get("notifications.label.summary", culture), Summary(e, names, culture)));
                if (!string.IsNullOrWhiteSpace(description))
                {
                    sections.Add(new EmailSection(Messages.Get("notifications.label.description", culture), description));
                }
            }

            if (IsDeskBroadcast(notice, recipient.Role) && deskGroups.TryGetValue(Shape(notice, recipient), out var group))
            {
                group.Add(new Addressee(user.Id, user.Email, user.FullName));
                if (group.Count == 1)
                {
                    deskFirst[Shape(notice, recipient)] = (culture, title, intro, sections);
                }

                continue;
            }

            var paragraphs = new List<string> { intro };
            var missing = MissingDetails(notice, recipient.Role, culture);
            if (missing is not null)
            {
                paragraphs.Add(Messages.Get("notifications.ticket.created.missing_intro", culture));
                sections.Insert(0, missing);
            }

            var links = new List<EmailLink> { new(Messages.Get("notifications.email.view_ticket", culture, e.TicketId), ticketUrl) };
            if (notice.Kind == NotificationMatrix.TicketSolved && recipient.Role == Audience.Requester)
            {
                paragraphs.Add(Messages.Get("notifications.email.solved_instructions", culture, options.Value.ActionLinkLifetimeDays));
                links.AddRange(IssueDecisionLinks(e.TicketId, user, now, culture));
            }

            // Everyone of one language reads the same mail but for the greeting: rendered once per language (and
            // wording) and stored once, each recipient's row pointing at it with his name, which delivery puts back in
            // the greeting. Mails with links of their own (a requester's decision) are rendered and stored alone.
            var personalLinks = links.Count > 1 || missing is not null;
            var subject = string.Empty;
            OutboxBody? body = null;
            if (!personalLinks)
            {
                var shape = (culture.Name, titleCode, introCode);
                if (!renderedOnce.TryGetValue(shape, out var shared))
                {
                    var template = Render(culture, e.TicketId, title, RecipientPlaceholder, paragraphs, sections, links);
                    shared = (template.Subject, OutboxBody.Shared(template.TextBody, template.HtmlBody, RecipientPlaceholder, now));
                    if (shared.Body is not null)
                    {
                        bulk.Add(shared.Body);
                    }

                    renderedOnce[shape] = shared;
                }

                subject = shared.Subject;
                body = shared.Body;
            }

            if (body is null)
            {
                var rendered = Render(culture, e.TicketId, title, user.FullName, paragraphs, sections, links);
                subject = rendered.Subject;
                body = OutboxBody.Personal(rendered.TextBody, rendered.HtmlBody, now);
                bulk.Add(body);
            }

            var isRoot = rootFree && recipient.Role == Audience.RequesterConfirmation;
            rootFree &= !isRoot;
            var messageId = isRoot ? root : EmailOutbox.NewMessageId(now, mail.Value.MessageIdDomain);
            bulk.Add(OutboxEmail.Create(
                notice.Kind,
                user.Id,
                user.Email,
                user.FullName,
                subject,
                body,
                messageId,
                now,
                ticketId: e.TicketId,
                inReplyTo: isRoot ? null : root,
                references: isRoot ? null : root));
        }

        await AddDeskAlertsAsync(deskAlerts, now, cancellationToken);

        foreach (var (shape, group) in deskGroups)
        {
            var (culture, title, intro, sections) = deskFirst[shape];
            var rendered = Render(
                culture,
                e.TicketId,
                title,
                Messages.Get("notifications.email.desk_team", culture),
                [intro],
                sections,
                [new(Messages.Get("notifications.email.view_ticket", culture, e.TicketId), ticketUrl)]);
            var body = OutboxBody.Personal(rendered.TextBody, rendered.HtmlBody, now);
            bulk.Add(body);
            bulk.Add(OutboxEmail.CreateForGroup(
                notice.Kind,
                group,
                rendered.Subject,
                body,
                EmailOutbox.NewMessageId(now, mail.Value.MessageIdDomain),
                now,
                ticketId: e.TicketId,
                inReplyTo: root,
                references: root));
        }
    }

    /// <summary>
    /// One desk alert per language for the desk members who hear of the event as the desk. The members of that language
    /// who do not (its author, its requester) are left out of the alert by name; should more than
    /// <see cref="DeskAlert.MaxExcepted"/> be left out, each recipient gets his own notification instead.
    /// </summary>
    private async ValueTask AddDeskAlertsAsync(Dictionary<string, (Notification First, List<Guid> Members)> alerts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        var desk = await sender.Send(new ListActiveUsersByRoleQuery(UserRole.Technician), cancellationToken);
        foreach (var (language, (first, members)) in alerts)
        {
            var except = desk.Where(d => d.Language == language && !members.Contains(d.Id)).Select(d => d.Id).ToList();
            if (except.Count <= DeskAlert.MaxExcepted)
            {
                bulk.Add(DeskAlert.Create(first.Kind, first.TicketId, language, first.Title, first.Body, first.Link, except, now));
                continue;
            }

            foreach (var member in members)
            {
                bulk.Add(Notification.Create(member, first.Kind, first.TicketId, first.Title, first.Body, first.Link, now));
            }
        }
    }

    /// <summary>Whether a desk alert of this transaction told the person of the ticket's creation.</summary>
    private bool HeardAsDesk(UserSnapshot user, int ticketId) =>
        user.Role >= UserRole.Technician && bulk.Pending<DeskAlert>().Any(a =>
            a.TicketId == ticketId && a.Kind == NotificationMatrix.TicketCreated && a.Language == user.Language
            && a.ExceptUserId != user.Id && a.ExceptOtherUserId != user.Id);

    /// <summary>Whether the person hears of the event as one of the desk (every technician, the administrators), not personally.</summary>
    private static bool IsDeskBroadcast(TicketNotice notice, Audience role) => role switch
    {
        Audience.TechniciansIfUnassigned or Audience.Administrators => true,
        Audience.AssignedOrAllTechnicians => notice.Event.AssignedTechnicianId is null,
        _ => false,
    };

    private static (string Culture, string Title, string Intro) Shape(TicketNotice notice, Recipient recipient)
    {
        var (title, intro) = Codes(notice, recipient.Role);
        return (EmailLayout.Culture(recipient.User.Language).Name, title, intro);
    }

    /// <summary>
    /// The requester's confirmation of an e-mail ticket that lacks some details asks for them in the same mail (one
    /// message, not a second one beside it): only what neither the mail nor his profile held.
    /// </summary>
    private static EmailSection? MissingDetails(TicketNotice notice, Audience role, CultureInfo culture) =>
        notice.Event is TicketCreatedIntegrationEvent { MissingDetails.Count: > 0 } created && role == Audience.RequesterConfirmation
            ? new EmailSection(
                Messages.Get("notifications.label.missing", culture),
                string.Join('\n', created.MissingDetails.Select(f => "- " + Messages.Get("notifications.missing." + f, culture))))
            : null;

    /// <summary>Stands for the recipient's name in a mail rendered once for several people (never typed by anyone).</summary>
    private static readonly string RecipientPlaceholder = $"\u0001{Guid.NewGuid():N}\u0001";

    private static RenderedEmail Render(CultureInfo culture, int ticketId, string title, string recipientName, List<string> paragraphs, List<EmailSection> sections, List<EmailLink> links) =>
        EmailLayout.Render(
            culture,
            EmailLayout.TicketSubject(ticketId, title),
            recipientName,
            paragraphs,
            sections,
            links,
            [Messages.Get("notifications.email.reply_hint", culture), Messages.Get("notifications.email.preferences_hint", culture)]);

    /// <summary>Who turned off the e-mails of this kind (few people do: the whole set is cached).</summary>
    private async Task<IReadOnlySet<Guid>> MailOffAsync(string kind, CancellationToken cancellationToken) =>
        await cache.GetOrLoadAsync<IReadOnlySet<Guid>>(
            new MailOffKey(kind),
            async ct => (await db.NotificationPreferences.AsNoTracking()
                .Where(p => p.Kind == kind && !p.EmailEnabled)
                .Select(p => p.UserId)
                .ToListAsync(ct)).ToHashSet(),
            cancellationToken);

    private sealed record MailOffKey(string Kind);

    private IEnumerable<EmailLink> IssueDecisionLinks(int ticketId, UserSnapshot user, DateTimeOffset now, CultureInfo culture)
    {
        var group = Guid.CreateVersion7(now);
        var lifetime = TimeSpan.FromDays(options.Value.ActionLinkLifetimeDays);
        var approve = ActionLink.Create(group, ActionLinkKind.ApproveSolution, ticketId, user.Id, user.Language, now, lifetime);
        var reject = ActionLink.Create(group, ActionLinkKind.RejectSolution, ticketId, user.Id, user.Language, now, lifetime);
        db.ActionLinks.AddRange(approve, reject);
        // The links act on this service: its own public address (Notifications:ApiBaseUrl, else the request's), never the portal's.
        var prefix = $"{links.Service}/api/v1/notifications/links/";
        yield return new EmailLink(Messages.Get("notifications.email.approve", culture), prefix + protector.Protect(approve.Id));
        yield return new EmailLink(Messages.Get("notifications.email.reject", culture), prefix + protector.Protect(reject.Id));
    }

    private static readonly TimeZoneInfo Bogota = FindBogota();

    private static TimeZoneInfo FindBogota()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("America/Bogota", TimeSpan.FromHours(-5), "Colombia", "Colombia");
        }
    }

    private static (string Title, string Intro) Codes(TicketNotice notice, Audience role)
    {
        var title = $"notifications.{notice.Kind}.title";
        var intro = notice.IntroCode ?? $"notifications.{notice.Kind}.intro";
        return (notice.Kind, role) switch
        {
            (NotificationMatrix.TicketCreated, Audience.RequesterConfirmation) => ($"notifications.{notice.Kind}.requester.title", $"notifications.{notice.Kind}.requester.intro"),
            (NotificationMatrix.TicketCreated, Audience.AssignedTechnician) => (title, "notifications.ticket.created.assigned.intro"),
            (NotificationMatrix.TicketCreated, Audience.Observers) => (title, "notifications.ticket.created.observer.intro"),
            (NotificationMatrix.TicketAssigned, Audience.AssignedTechnician) => (title, "notifications.ticket.assigned.technician.intro"),
            _ => (title, intro),
        };
    }

    private static object? Argument(TicketNotice notice, IReadOnlyDictionary<Guid, string> names, CultureInfo culture) => notice.Kind switch
    {
        NotificationMatrix.TicketAssigned => notice.Event.AssignedTechnicianId is { } t && names.TryGetValue(t, out var name) ? name : Messages.Get("notifications.label.unassigned", culture),
        NotificationMatrix.TicketSlaWarning or NotificationMatrix.TicketEscalated when notice.IntroArgument is string level && Messages.Has($"notifications.level.{level}")
            => Messages.Get($"notifications.level.{level}", culture),
        NotificationMatrix.TicketAutoCloseWarning when notice.IntroArgument is DateTimeOffset closesAt
            => TimeZoneInfo.ConvertTime(closesAt, Bogota).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => notice.IntroArgument,
    };

    private static string Summary(TicketIntegrationEvent e, IReadOnlyDictionary<Guid, string> names, CultureInfo culture)
    {
        var status = Messages.Get($"notifications.status.{e.Status}", culture);
        var requester = names.GetValueOrDefault(e.RequesterId, string.Empty);
        var technician = e.AssignedTechnicianId is { } t ? names.GetValueOrDefault(t, string.Empty) : Messages.Get("notifications.label.unassigned", culture);
        return string.Join('\n',
            $"#{e.TicketId.ToString(CultureInfo.InvariantCulture)} {e.Title}",
            $"{Messages.Get("notifications.label.status", culture)}: {status}",
            $"{Messages.Get("notifications.label.requester", culture)}: {requester}",
            $"{Messages.Get("notifications.label.technician", culture)}: {technician}");
    }

    /// <summary>Names of the requester and technician, for the texts that mention them (assignment, observer welcome).</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(TicketNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Kind is not (NotificationMatrix.TicketAssigned or NotificationMatrix.TicketObserverAdded))
        {
            return new Dictionary<Guid, string>();
        }

        var ids = new List<Guid> { notice.Event.RequesterId };
        if (notice.Event.AssignedTechnicianId is { } technician)
        {
            ids.Add(technician);
        }

        var users = await sender.Send(new GetUserSnapshotsQuery(ids), cancellationToken);
        return users.ToDictionary(u => u.Id, u => u.FullName);
    }
}
