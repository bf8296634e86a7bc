using System.Collections.Frozen;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Reservations.Events;

namespace MesaServicios.Domain.Reservations;

/// <summary>
/// A person's booking of one item for a half-open window <c>[StartsAt, EndsAt)</c>. Its lifecycle is the declarative
/// table <see cref="Transitions"/> (Reserved → CheckedOut → Returned; Reserved → Cancelled; Reserved → NoShow;
/// CheckedOut → Overdue → Returned) and <see cref="MayAttempt"/> says who may try each action. Reserved, CheckedOut
/// and Overdue reservations are active: two active reservations of one item never overlap (checked under the write
/// turn and enforced by the database). Every change increments <see cref="Version"/>, the concurrency token.
/// </summary>
public sealed class Reservation : Entity
{
    public const int PurposeMinLength = 3;
    public const int PurposeMaxLength = 500;
    public const int TextMaxLength = 2000;

    /// <summary>The whole lifecycle: from a status, an action leads to a status; absent pairs are illegal.</summary>
    public static readonly FrozenDictionary<(ReservationStatus From, ReservationAction Action), ReservationStatus> Transitions =
        new Dictionary<(ReservationStatus, ReservationAction), ReservationStatus>
        {
            [(ReservationStatus.Reserved, ReservationAction.CheckOut)] = ReservationStatus.CheckedOut,
            [(ReservationStatus.Reserved, ReservationAction.Cancel)] = ReservationStatus.Cancelled,
            [(ReservationStatus.Reserved, ReservationAction.MarkNoShow)] = ReservationStatus.NoShow,
            [(ReservationStatus.CheckedOut, ReservationAction.CheckIn)] = ReservationStatus.Returned,
            [(ReservationStatus.CheckedOut, ReservationAction.MarkOverdue)] = ReservationStatus.Overdue,
            [(ReservationStatus.Overdue, ReservationAction.CheckIn)] = ReservationStatus.Returned,
        }.ToFrozenDictionary();

    /// <summary>Statuses that hold the item for their window (the overlap rule applies among these).</summary>
    public static readonly IReadOnlyList<ReservationStatus> ActiveStatuses = [ReservationStatus.Reserved, ReservationStatus.CheckedOut, ReservationStatus.Overdue];

    /// <summary>Statuses in which the item is in the person's hands ("en su poder").</summary>
    public static readonly IReadOnlyList<ReservationStatus> HeldStatuses = [ReservationStatus.CheckedOut, ReservationStatus.Overdue];

    private Reservation()
    {
        Purpose = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ItemId { get; private set; }

    /// <summary>The person the item is for.</summary>
    public Guid HolderId { get; private set; }

    /// <summary>Who made the booking: the person himself or a desk member on his behalf.</summary>
    public Guid BookedById { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public ReservationWindow Window => new(StartsAt, EndsAt);

    public string Purpose { get; private set; }

    public ReservationStatus Status { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public Guid? CheckedOutById { get; private set; }

    public DateTimeOffset? ReturnedAt { get; private set; }

    public Guid? ReturnedById { get; private set; }

    public ReturnCondition? ReturnCondition { get; private set; }

    public string? ReturnNotes { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public Guid? CancelledById { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset? NoShowAt { get; private set; }

    public DateTimeOffset? OverdueAt { get; private set; }

    public DateTimeOffset? PickupReminderSentAt { get; private set; }

    public DateTimeOffset? DueSoonSentAt { get; private set; }

    public DateTimeOffset? OverdueDeskNoticeSentAt { get; private set; }

    /// <summary>The ticket the desk opened about a damaged return (at most one per reservation).</summary>
    public int? DamageTicketId { get; private set; }

    /// <summary>The client's <c>Idempotency-Key</c> of the creating request, if any, and a hash of that request.</summary>
    public string? IdempotencyKey { get; private set; }

    public string? RequestHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token: starts at 1, +1 on every change; sent to clients as the ETag.</summary>
    public int Version { get; private set; }

    public bool IsActive => ActiveStatuses.Contains(Status);

    public bool IsHeld => HeldStatuses.Contains(Status);

    /// <summary>
    /// Books an available item. The window must respect the <paramref name="policy"/>; that it overlaps no other
    /// active reservation of the item is checked by the caller under the write turn (and by the database). An item
    /// still out after an earlier reservation's end (<paramref name="itemOverdueSince"/>: that end) cannot be booked.
    /// </summary>
    public static Reservation Book(
        ReservationActor actor,
        Guid holderId,
        EquipmentItem item,
        ReservationWindow window,
        string purpose,
        BookingPolicy policy,
        DateTimeOffset now,
        string? idempotencyKey = null,
        string? requestHash = null,
        DateTimeOffset? itemOverdueSince = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        if (holderId != actor.UserId && !actor.IsDesk)
        {
            throw new DomainException("reservations.action_forbidden", DomainErrorKind.Forbidden);
        }

        if (item.State != EquipmentState.Available)
        {
            throw new DomainException("reservations.item_unavailable", DomainErrorKind.Conflict)
                .WithDetail("itemState", item.State.ToString());
        }

        if (itemOverdueSince is { } since)
        {
            // The item is still out after an earlier reservation ended: nobody knows when it comes back.
            throw new DomainException("reservations.item_overdue", DomainErrorKind.Conflict).WithDetail("overdueSince", since);
        }

        var text = purpose?.Trim() ?? string.Empty;
        if (text.Length is < PurposeMinLength or > PurposeMaxLength)
        {
            throw new DomainException("reservations.purpose_length", DomainErrorKind.RuleBroken, PurposeMinLength, PurposeMaxLength);
        }

        policy.Check(window, now);
        var reservation = new Reservation
        {
            Id = Guid.CreateVersion7(now),
            ItemId = item.Id,
            HolderId = holderId,
            BookedById = actor.UserId,
            StartsAt = window.Start,
            EndsAt = window.End,
            Purpose = text,
            Status = ReservationStatus.Reserved,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        reservation.Raise(new ReservationBooked(reservation.Snapshot(), actor.UserId, now));
        return reservation;
    }

    // ---- who may do what, and when ----------------------------------------------------------------------

    public bool IsHolder(ReservationActor? actor) => actor is not null && actor.UserId == HolderId;

    /// <summary>The desk sees every reservation; a person only his own.</summary>
    public bool IsVisibleTo(ReservationActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsDesk || actor.UserId == HolderId;
    }

    /// <summary>May this actor ever attempt the action on this reservation (whatever its status)?</summary>
    public bool MayAttempt(ReservationAction action, ReservationActor? actor) => action switch
    {
        ReservationAction.CheckOut or ReservationAction.CheckIn => actor is { IsDesk: true },
        ReservationAction.Cancel => actor is not null && (actor.IsDesk || IsHolder(actor)),
        ReservationAction.MarkNoShow or ReservationAction.MarkOverdue => actor is null,
        _ => false,
    };

    public static bool IsLegal(ReservationStatus from, ReservationAction action) => Transitions.ContainsKey((from, action));

    /// <summary>The actions this actor may take now (what a client should offer).</summary>
    public IReadOnlyList<ReservationAction> AllowedActions(ReservationActor? actor) =>
        Enum.GetValues<ReservationAction>().Where(a => MayAttempt(a, actor) && IsLegal(Status, a)).ToArray();

    /// <summary>Throws 403 when the actor may never do this, 409 when the current status forbids it.</summary>
    public void EnsureCan(ReservationAction action, ReservationActor? actor)
    {
        if (!MayAttempt(action, actor))
        {
            throw new DomainException("reservations.action_forbidden", DomainErrorKind.Forbidden);
        }

        if (!IsLegal(Status, action))
        {
            throw new DomainException("reservations.invalid_transition", DomainErrorKind.Conflict, Status.ToString())
                .WithDetail("currentStatus", Status.ToString())
                .WithDetail("action", action.ToString())
                .WithDetail("allowedActions", AllowedActions(actor).Select(a => a.ToString()).ToArray());
        }
    }

    // ---- transitions ------------------------------------------------------------------------------------

    /// <summary>
    /// A technician hands the item over, from <paramref name="earlyPickup"/> before the start until the end, if the item
    /// is in service and back from any earlier loan (<paramref name="itemStillOut"/>: another reservation holds it).
    /// </summary>
    public void CheckOut(ReservationActor actor, EquipmentItem item, bool itemStillOut, DateTimeOffset now, TimeSpan earlyPickup)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfNotEqual(item.Id, ItemId);
        EnsureCan(ReservationAction.CheckOut, actor);
        if (item.State != EquipmentState.Available)
        {
            throw new DomainException("reservations.item_unavailable", DomainErrorKind.Conflict).WithDetail("itemState", item.State.ToString());
        }

        if (itemStillOut)
        {
            throw new DomainException("reservations.item_still_out", DomainErrorKind.Conflict);
        }

        if (now < StartsAt - earlyPickup || now >= EndsAt)
        {
            throw new DomainException("reservations.not_pickup_time", DomainErrorKind.Conflict)
                .WithDetail("start", StartsAt).WithDetail("end", EndsAt);
        }

        CheckedOutAt = now;
        CheckedOutById = actor.UserId;
        Move(ReservationAction.CheckOut, now);
        Raise(new ReservationCheckedOut(Snapshot(), actor.UserId, now));
    }

    /// <summary>A technician takes the item back with its condition; a damaged item goes to maintenance.</summary>
    public void CheckIn(ReservationActor actor, EquipmentItem item, ReturnCondition condition, string? notes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfNotEqual(item.Id, ItemId);
        EnsureCan(ReservationAction.CheckIn, actor);
        if (!Enum.IsDefined(condition))
        {
            throw new DomainException("common.invalid_value");
        }

        var text = Clean(notes);
        if (condition == Reservations.ReturnCondition.Damaged && text is null)
        {
            throw new DomainException("reservations.damage_notes_required").WithDetail("field", "notes");
        }

        if (text is { Length: > TextMaxLength })
        {
            throw new DomainException("reservations.text_too_long", DomainErrorKind.RuleBroken, TextMaxLength);
        }

        ReturnedAt = now;
        ReturnedById = actor.UserId;
        ReturnCondition = condition;
        ReturnNotes = text;
        Move(ReservationAction.CheckIn, now);
        if (condition == Reservations.ReturnCondition.Damaged && item.State == EquipmentState.Available)
        {
            item.PutInMaintenance(text, now);
        }

        Raise(new ReservationReturned(Snapshot(), actor.UserId, condition, text, now));
    }

    /// <summary>
    /// The desk may open one ticket about an item returned damaged: throws 403 for anyone else, 409 when the reservation
    /// is not a damaged return or already has its ticket (<c>ticketId</c> in the details).
    /// </summary>
    public void EnsureCanOpenDamageTicket(ReservationActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsDesk)
        {
            throw new DomainException("reservations.action_forbidden", DomainErrorKind.Forbidden);
        }

        if (Status != ReservationStatus.Returned || ReturnCondition != Reservations.ReturnCondition.Damaged)
        {
            throw new DomainException("reservations.not_damaged", DomainErrorKind.Conflict).WithDetail("currentStatus", Status.ToString());
        }

        if (DamageTicketId is { } existing)
        {
            throw new DomainException("reservations.damage_ticket_exists", DomainErrorKind.Conflict, existing).WithDetail("ticketId", existing);
        }
    }

    /// <summary>Records the ticket opened about the damaged return (see <see cref="EnsureCanOpenDamageTicket"/>).</summary>
    public void RecordDamageTicket(ReservationActor actor, int ticketId, DateTimeOffset now)
    {
        EnsureCanOpenDamageTicket(actor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticketId);
        DamageTicketId = ticketId;
        Touch(now);
    }

    /// <summary>The person cancels before the start; the desk at any time while reserved, with a reason.</summary>
    public void Cancel(ReservationActor actor, string? reason, DateTimeOffset now)
    {
        EnsureCan(ReservationAction.Cancel, actor);
        var text = Clean(reason);
        var byDesk = actor.IsDesk && !IsHolder(actor);
        if (byDesk && text is null)
        {
            throw new DomainException("reservations.cancel_reason_required").WithDetail("field", "reason");
        }

        if (!actor.IsDesk && now >= StartsAt)
        {
            throw new DomainException("reservations.already_started", DomainErrorKind.Conflict).WithDetail("start", StartsAt);
        }

        if (text is { Length: > TextMaxLength })
        {
            throw new DomainException("reservations.text_too_long", DomainErrorKind.RuleBroken, TextMaxLength);
        }

        CancelledAt = now;
        CancelledById = actor.UserId;
        CancelReason = text;
        Move(ReservationAction.Cancel, now);
        Raise(new ReservationCancelled(Snapshot(), actor.UserId, byDesk, text, now));
    }

    /// <summary>The system: not picked up within <paramref name="grace"/> after the start.</summary>
    public void MarkNoShow(DateTimeOffset now, TimeSpan grace)
    {
        EnsureCan(ReservationAction.MarkNoShow, null);
        if (now < StartsAt + grace)
        {
            throw new DomainException("reservations.not_due", DomainErrorKind.Conflict);
        }

        NoShowAt = now;
        Move(ReservationAction.MarkNoShow, now);
        Raise(new ReservationMarkedNoShow(Snapshot(), now));
    }

    /// <summary>The system: the item is still out after the end (the person is reminded).</summary>
    public void MarkOverdue(DateTimeOffset now)
    {
        EnsureCan(ReservationAction.MarkOverdue, null);
        if (now < EndsAt)
        {
            throw new DomainException("reservations.not_due", DomainErrorKind.Conflict);
        }

        OverdueAt = now;
        Move(ReservationAction.MarkOverdue, now);
        Raise(new ReservationMarkedOverdue(Snapshot(), now));
    }

    /// <summary>
    /// Records a reminder once: a pick-up reminder (reserved, within <paramref name="lead"/> before the start), a
    /// "return due soon" (out, within <paramref name="lead"/> before the end), or the desk's notice of an overdue item
    /// (overdue for <paramref name="lead"/> after the end). A reminder already sent, or out of its time, is refused.
    /// </summary>
    public void RecordNotice(ReservationNotice notice, DateTimeOffset now, TimeSpan lead)
    {
        var due = notice switch
        {
            ReservationNotice.PickupReminder => Status == ReservationStatus.Reserved && PickupReminderSentAt is null && now >= StartsAt - lead && now < StartsAt,
            ReservationNotice.DueSoon => Status == ReservationStatus.CheckedOut && DueSoonSentAt is null && now >= EndsAt - lead && now < EndsAt,
            ReservationNotice.OverdueToDesk => Status == ReservationStatus.Overdue && OverdueDeskNoticeSentAt is null && now >= EndsAt + lead,
            _ => false,
        };
        if (!due)
        {
            throw new DomainException("reservations.not_due", DomainErrorKind.Conflict);
        }

        switch (notice)
        {
            case ReservationNotice.PickupReminder:
                PickupReminderSentAt = now;
                break;
            case ReservationNotice.DueSoon:
                DueSoonSentAt = now;
                break;
            default:
                OverdueDeskNoticeSentAt = now;
                break;
        }

        Touch(now);
        Raise(new ReservationNoticeDue(Snapshot(), notice, now));
    }

    public ReservationSnapshot Snapshot() => new(Id, ItemId, HolderId, BookedById, StartsAt, EndsAt, Purpose, Status);

    // ---- helpers ----------------------------------------------------------------------------------------

    private void Move(ReservationAction action, DateTimeOffset now)
    {
        Status = Transitions[(Status, action)];
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
