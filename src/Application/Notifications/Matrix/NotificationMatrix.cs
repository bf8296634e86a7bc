namespace MesaServicios.Application.Notifications.Matrix;

/// <summary>Who a notification is for, relative to the ticket it is about.</summary>
[Flags]
public enum Audience
{
    None = 0,

    /// <summary>The person who opened the ticket (not when he did it himself).</summary>
    Requester = 1,

    /// <summary>The requester even when he is the actor: the confirmation of a new ticket with its number.</summary>
    RequesterConfirmation = 2,

    Observers = 4,

    AssignedTechnician = 8,

    /// <summary>The assigned technician, or every active technician while the ticket is unassigned.</summary>
    AssignedOrAllTechnicians = 16,

    /// <summary>Every active technician, only while the ticket is unassigned.</summary>
    TechniciansIfUnassigned = 32,

    Administrators = 64,

    /// <summary>The observer just added (welcome message with the ticket's summary).</summary>
    NewObserver = 128,
}

/// <summary>One row of the matrix: an event kind, who hears of it, and whether the e-mail may be turned off.</summary>
public sealed record NotificationRule(string Kind, Audience Audience, bool TechniciansOnly = false, bool Security = false);

/// <summary>
/// The one place that says who is notified of what (documented in docs/notifications.md). Rules applied to every
/// row by <see cref="RecipientResolver"/>: the actor is never notified of his own action (except the
/// creation confirmation), a person holding two roles gets one message, inactive users get nothing, and rows
/// marked <see cref="NotificationRule.TechniciansOnly"/> never reach a requester.
/// </summary>
public static class NotificationMatrix
{
    public const string TicketCreated = "ticket.created";
    public const string TicketAssigned = "ticket.assigned";
    public const string TicketFollowUp = "ticket.follow_up";
    public const string TicketPrivateFollowUp = "ticket.private_follow_up";
    public const string TicketPending = "ticket.pending";
    public const string TicketSolved = "ticket.solved";
    public const string TicketApproved = "ticket.approved";
    public const string TicketRejected = "ticket.rejected";
    public const string TicketClosed = "ticket.closed";
    public const string TicketSlaWarning = "ticket.sla_warning";
    public const string TicketEscalated = "ticket.escalated";
    public const string TicketAutoCloseWarning = "ticket.auto_close_warning";
    public const string TicketObserverAdded = "ticket.observer_added";
    public const string ReservationConfirmed = "reservation.confirmed";
    public const string ReservationCancelled = "reservation.cancelled";
    public const string ReservationPickupReminder = "reservation.pickup_reminder";
    public const string ReservationDueSoon = "reservation.due_soon";
    public const string ReservationOverdue = "reservation.overdue";
    public const string ReservationOverdueDesk = "reservation.overdue_desk";
    public const string ReservationNoShow = "reservation.no_show";
    public const string PasswordReset = "users.password_reset";
    public const string AccountInvitation = "users.invitation";

    public static IReadOnlyList<NotificationRule> Rules { get; } =
    [
        new(TicketCreated, Audience.RequesterConfirmation | Audience.Observers | Audience.TechniciansIfUnassigned | Audience.AssignedTechnician),
        new(TicketAssigned, Audience.Requester | Audience.AssignedTechnician),
        new(TicketFollowUp, Audience.Requester | Audience.Observers | Audience.AssignedOrAllTechnicians),
        new(TicketPrivateFollowUp, Audience.AssignedOrAllTechnicians, TechniciansOnly: true),
        new(TicketPending, Audience.Requester | Audience.Observers),
        new(TicketSolved, Audience.Requester | Audience.Observers),
        new(TicketApproved, Audience.AssignedTechnician | Audience.Observers),
        new(TicketRejected, Audience.AssignedOrAllTechnicians | Audience.Observers),
        new(TicketClosed, Audience.Requester | Audience.Observers | Audience.AssignedTechnician),
        new(TicketSlaWarning, Audience.AssignedOrAllTechnicians, TechniciansOnly: true),
        new(TicketEscalated, Audience.Administrators, TechniciansOnly: true),
        new(TicketAutoCloseWarning, Audience.Requester),
        new(TicketObserverAdded, Audience.NewObserver),
        // Reservations: "Requester" is the person the item is for; the desk is every technician (nobody is assigned).
        new(ReservationConfirmed, Audience.RequesterConfirmation),
        new(ReservationCancelled, Audience.Requester),
        new(ReservationPickupReminder, Audience.Requester),
        new(ReservationDueSoon, Audience.Requester),
        new(ReservationOverdue, Audience.Requester),
        new(ReservationOverdueDesk, Audience.AssignedOrAllTechnicians, TechniciansOnly: true),
        new(ReservationNoShow, Audience.Requester),
        new(PasswordReset, Audience.None, Security: true),
        new(AccountInvitation, Audience.None, Security: true),
    ];

    private static readonly Dictionary<string, NotificationRule> ByKind = Rules.ToDictionary(r => r.Kind, StringComparer.Ordinal);

    public static NotificationRule Get(string kind) => ByKind[kind];

    public static bool IsKnown(string kind) => ByKind.ContainsKey(kind);

    /// <summary>Security mails (password reset, invitation) are always sent: their e-mail cannot be turned off.</summary>
    public static bool CanTurnOffEmail(string kind) => ByKind.TryGetValue(kind, out var rule) && !rule.Security;
}
