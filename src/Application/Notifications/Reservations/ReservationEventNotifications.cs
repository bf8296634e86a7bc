using System.Globalization;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Notifications.Matrix;
using MesaServicios.Application.Reservations.Contracts;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications.Reservations;

/// <summary>
/// The Notifications module's reaction to the Reservations module's integration events, through the same matrix and
/// rules as tickets (never to the actor but for the confirmation, one message per person, inactive people get
/// nothing, e-mail can be turned off per kind). Published inside the reservation's transaction, so the in-app
/// notifications and outbox e-mails written here commit with the change: each notice is written once.
/// </summary>
internal sealed class ReservationEventNotifications(
    INotificationsDbContext db,
    RecipientResolver resolver,
    IEmailOutbox outbox,
    MailLinks links,
    TimeProvider clock) :
    INotificationHandler<ReservationConfirmedIntegrationEvent>,
    INotificationHandler<ReservationCancelledIntegrationEvent>,
    INotificationHandler<ReservationPickupReminderIntegrationEvent>,
    INotificationHandler<ReservationReturnDueSoonIntegrationEvent>,
    INotificationHandler<ReservationOverdueIntegrationEvent>,
    INotificationHandler<ReservationNoShowIntegrationEvent>
{
    public ValueTask Handle(ReservationConfirmedIntegrationEvent notification, CancellationToken cancellationToken) =>
        NotifyAsync(NotificationMatrix.ReservationConfirmed, notification, Section("notifications.label.purpose", notification.Purpose), cancellationToken);

    /// <summary>Only a cancellation by the desk is told: the person who cancelled his own booking knows.</summary>
    public ValueTask Handle(ReservationCancelledIntegrationEvent notification, CancellationToken cancellationToken) =>
        notification.ByDesk
            ? NotifyAsync(NotificationMatrix.ReservationCancelled, notification, Section("notifications.label.reason", notification.Reason), cancellationToken)
            : ValueTask.CompletedTask;

    public ValueTask Handle(ReservationPickupReminderIntegrationEvent notification, CancellationToken cancellationToken) =>
        NotifyAsync(NotificationMatrix.ReservationPickupReminder, notification, null, cancellationToken);

    public ValueTask Handle(ReservationReturnDueSoonIntegrationEvent notification, CancellationToken cancellationToken) =>
        NotifyAsync(NotificationMatrix.ReservationDueSoon, notification, null, cancellationToken);

    public ValueTask Handle(ReservationOverdueIntegrationEvent notification, CancellationToken cancellationToken) =>
        NotifyAsync(notification.ToDesk ? NotificationMatrix.ReservationOverdueDesk : NotificationMatrix.ReservationOverdue, notification, null, cancellationToken);

    public ValueTask Handle(ReservationNoShowIntegrationEvent notification, CancellationToken cancellationToken) =>
        NotifyAsync(NotificationMatrix.ReservationNoShow, notification, null, cancellationToken);

    private static EmailSection? Section(string label, string? text) => string.IsNullOrWhiteSpace(text) ? null : new EmailSection(label, text);

    private async ValueTask NotifyAsync(string kind, ReservationIntegrationEvent e, EmailSection? quote, CancellationToken cancellationToken)
    {
        var rule = NotificationMatrix.Get(kind);
        var recipients = await resolver.ResolveAsync(rule, new TicketParticipants(e.ActorId, e.HolderId, null, []), cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var ids = recipients.Select(r => r.User.Id).ToList();
        var mailOff = (await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Kind == kind && !p.EmailEnabled && ids.Contains(p.UserId))
            .Select(p => p.UserId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(e.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var now = clock.GetUtcNow();
        var link = $"/reservations/{e.ReservationId}";
        var url = links.Reservation(e.ReservationId);
        foreach (var recipient in recipients)
        {
            var user = recipient.User;
            var culture = EmailLayout.Culture(user.Language);
            var start = TimeZoneInfo.ConvertTime(e.StartsAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var end = TimeZoneInfo.ConvertTime(e.EndsAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            object[] arguments = [e.ItemName, e.ItemCode, start, end, e.MaterialType];
            var title = Messages.Get($"notifications.{kind}.title", culture, arguments);
            var intro = Messages.Get($"notifications.{kind}.intro", culture, arguments);
            db.Notifications.Add(Notification.Create(user.Id, kind, null, title, intro, link, now));
            if (mailOff.Contains(user.Id))
            {
                continue;
            }

            var sections = new List<EmailSection>
            {
                new(Messages.Get("notifications.label.equipment", culture), string.Format(culture, "{0} ({1}) · {2}\n{3} → {4}", e.ItemName, e.ItemCode, e.MaterialType, start, end)),
            };
            if (quote is not null)
            {
                sections.Add(new EmailSection(Messages.Get(quote.Label, culture), quote.Text));
            }

            var rendered = EmailLayout.Render(
                culture,
                $"[Mesa] {title}",
                user.FullName,
                [intro],
                sections,
                [new EmailLink(Messages.Get("notifications.email.view_reservation", culture), url)],
                [Messages.Get("notifications.email.preferences_hint", culture)]);
            outbox.Enqueue(new EmailMessage(kind, user.Email, user.FullName, rendered.Subject, rendered.TextBody, rendered.HtmlBody, user.Id));
        }
    }
}

internal static class ReservationNotificationsMessages
{
    // Arguments: {0} item name, {1} inventory code, {2} start, {3} end (institution's time), {4} material type.
    public static readonly IReadOnlyDictionary<string, (string Es, string En)> Entries = new Dictionary<string, (string Es, string En)>
    {
        ["notifications.reservation.confirmed.title"] = ("Reserva confirmada: {0} ({1})", "Reservation confirmed: {0} ({1})"),
        ["notifications.reservation.confirmed.intro"] = ("Tu reserva de {0} quedó confirmada para el {2} hasta el {3}. Recógelo en la Oficina TIC.", "Your reservation of {0} is confirmed from {2} to {3}. Pick it up at the ICT office."),
        ["notifications.reservation.cancelled.title"] = ("Reserva cancelada: {0} ({1})", "Reservation cancelled: {0} ({1})"),
        ["notifications.reservation.cancelled.intro"] = ("La mesa de servicios canceló tu reserva de {0} del {2}.", "The service desk cancelled your reservation of {0} on {2}."),
        ["notifications.reservation.pickup_reminder.title"] = ("Recuerda recoger: {0} ({1})", "Remember to pick up: {0} ({1})"),
        ["notifications.reservation.pickup_reminder.intro"] = ("Tu reserva de {0} empieza el {2}. Pasa por la Oficina TIC a recogerlo; si ya no lo necesitas, cancélala.", "Your reservation of {0} starts on {2}. Pick it up at the ICT office; if you no longer need it, cancel it."),
        ["notifications.reservation.due_soon.title"] = ("Devolución próxima: {0} ({1})", "Return due soon: {0} ({1})"),
        ["notifications.reservation.due_soon.intro"] = ("Tu reserva de {0} termina el {3}. Devuélvelo a tiempo en la Oficina TIC.", "Your reservation of {0} ends on {3}. Return it on time at the ICT office."),
        ["notifications.reservation.overdue.title"] = ("Devolución vencida: {0} ({1})", "Return overdue: {0} ({1})"),
        ["notifications.reservation.overdue.intro"] = ("Tu reserva de {0} terminó el {3} y el equipo aún no ha sido devuelto. Devuélvelo cuanto antes en la Oficina TIC.", "Your reservation of {0} ended on {3} and the item has not been returned. Return it as soon as possible at the ICT office."),
        ["notifications.reservation.overdue_desk.title"] = ("Equipo sin devolver: {0} ({1})", "Item not returned: {0} ({1})"),
        ["notifications.reservation.overdue_desk.intro"] = ("El equipo {0} ({1}) debía devolverse el {3} y sigue prestado. Ya se le recordó a la persona; contáctala.", "The item {0} ({1}) was due back on {3} and is still out. The person was reminded; please contact them."),
        ["notifications.reservation.no_show.title"] = ("Reserva no recogida: {0} ({1})", "Reservation not picked up: {0} ({1})"),
        ["notifications.reservation.no_show.intro"] = ("No recogiste {0}, reservado para el {2}; la reserva se liberó para otras personas.", "You did not pick up {0}, booked for {2}; the reservation was released for others."),
        ["notifications.label.equipment"] = ("Equipo", "Equipment"),
        ["notifications.label.purpose"] = ("Propósito", "Purpose"),
        ["notifications.email.view_reservation"] = ("Ver la reserva", "View the reservation"),
    };
}
