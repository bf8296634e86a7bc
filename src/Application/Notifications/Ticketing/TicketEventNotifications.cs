using Mediator;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Notifications.Matrix;
using MesaServicios.Application.Tickets.Contracts;

namespace MesaServicios.Application.Notifications.Ticketing;

/// <summary>
/// The Notifications module's reaction to the Tickets module's integration events. They are published inside the
/// ticket's transaction, so the in-app notifications and outbox e-mails written here commit with the change.
/// </summary>
internal sealed class TicketEventNotifications(TicketNotifier notifier) :
    INotificationHandler<TicketCreatedIntegrationEvent>,
    INotificationHandler<TicketAssignedIntegrationEvent>,
    INotificationHandler<TicketFollowUpAddedIntegrationEvent>,
    INotificationHandler<TicketPendingIntegrationEvent>,
    INotificationHandler<TicketSolvedIntegrationEvent>,
    INotificationHandler<TicketApprovedIntegrationEvent>,
    INotificationHandler<TicketRejectedIntegrationEvent>,
    INotificationHandler<TicketClosedIntegrationEvent>,
    INotificationHandler<TicketEscalatedIntegrationEvent>,
    INotificationHandler<TicketAutoCloseWarningIntegrationEvent>,
    INotificationHandler<TicketObserverAddedIntegrationEvent>,
    INotificationHandler<TicketObserverRemovedIntegrationEvent>
{
    public ValueTask Handle(TicketCreatedIntegrationEvent notification, CancellationToken cancellationToken) =>
        Notify(NotificationMatrix.TicketCreated, notification, cancellationToken, Section("notifications.label.description", notification.Description));

    /// <summary>
    /// An assignment tells the requester and the new technician. Taking the ticket off its technician is published
    /// as an assignment to nobody: there is no one to welcome and nothing the requester must act on, so it is silent.
    /// </summary>
    public ValueTask Handle(TicketAssignedIntegrationEvent notification, CancellationToken cancellationToken) =>
        notification.AssignedTechnicianId is null
            ? ValueTask.CompletedTask
            : Notify(NotificationMatrix.TicketAssigned, notification, cancellationToken);

    /// <summary>
    /// A note by the system (no actor: e.g. the attachments of a mail that were not accepted) reports on the
    /// requester's own message: the desk and observers hear of it, the requester is not mailed a second time.
    /// </summary>
    public ValueTask Handle(TicketFollowUpAddedIntegrationEvent notification, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            new TicketNotice(
                notification.IsPrivate ? NotificationMatrix.TicketPrivateFollowUp : NotificationMatrix.TicketFollowUp,
                notification,
                Participants(notification) with { ActorId = notification.ActorId ?? notification.RequesterId },
                Section("notifications.label.follow_up", notification.Content)),
            cancellationToken);

    public ValueTask Handle(TicketPendingIntegrationEvent notification, CancellationToken cancellationToken) =>
        Notify(NotificationMatrix.TicketPending, notification, cancellationToken, Section("notifications.label.reason", notification.Reason));

    public ValueTask Handle(TicketSolvedIntegrationEvent notification, CancellationToken cancellationToken) =>
        Notify(NotificationMatrix.TicketSolved, notification, cancellationToken, Section("notifications.label.solution", notification.Solution));

    public ValueTask Handle(TicketApprovedIntegrationEvent notification, CancellationToken cancellationToken) =>
        Notify(NotificationMatrix.TicketApproved, notification, cancellationToken, Section("notifications.label.comment", notification.Comment));

    public ValueTask Handle(TicketRejectedIntegrationEvent notification, CancellationToken cancellationToken) =>
        Notify(NotificationMatrix.TicketRejected, notification, cancellationToken, Section("notifications.label.reason", notification.Reason));

    /// <summary>
    /// Only the automatic closure is announced: a closure by approval is published together with
    /// <see cref="TicketApprovedIntegrationEvent"/>, whose notice already tells the same people, so a second
    /// mail would be a duplicate.
    /// </summary>
    public ValueTask Handle(TicketClosedIntegrationEvent notification, CancellationToken cancellationToken) =>
        !notification.Automatic
            ? ValueTask.CompletedTask
            : notifier.NotifyAsync(
            new TicketNotice(
                NotificationMatrix.TicketClosed,
                notification,
                Participants(notification),
                IntroCode: notification.Automatic ? "notifications.ticket.closed.automatic.intro" : null),
            cancellationToken);

    public ValueTask Handle(TicketEscalatedIntegrationEvent notification, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            new TicketNotice(
                notification.ToAdministrators ? NotificationMatrix.TicketEscalated : NotificationMatrix.TicketSlaWarning,
                notification,
                Participants(notification),
                IntroArgument: notification.Level),
            cancellationToken);

    /// <summary>One business day before a solved ticket closes itself, the requester is reminded to answer.</summary>
    public ValueTask Handle(TicketAutoCloseWarningIntegrationEvent notification, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            new TicketNotice(NotificationMatrix.TicketAutoCloseWarning, notification, Participants(notification), IntroArgument: notification.ClosesAt),
            cancellationToken);

    public ValueTask Handle(TicketObserverAddedIntegrationEvent notification, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            new TicketNotice(NotificationMatrix.TicketObserverAdded, notification, Participants(notification) with { NewObserverId = notification.ObserverId }),
            cancellationToken);

    /// <summary>A removed observer simply stops hearing of the ticket: nobody is told (the removal is in the ticket's history).</summary>
    public ValueTask Handle(TicketObserverRemovedIntegrationEvent notification, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private ValueTask Notify(string kind, TicketIntegrationEvent notification, CancellationToken cancellationToken, EmailSection? quote = null) =>
        notifier.NotifyAsync(new TicketNotice(kind, notification, Participants(notification), quote), cancellationToken);

    private static EmailSection? Section(string label, string? text) => string.IsNullOrWhiteSpace(text) ? null : new EmailSection(label, text);

    private static TicketParticipants Participants(TicketIntegrationEvent e) =>
        new(e.ActorId, e.RequesterId, e.AssignedTechnicianId, e.ObserverIds);
}
