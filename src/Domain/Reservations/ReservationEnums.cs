namespace MesaServicios.Domain.Reservations;

/// <summary>Where a reservation is in its life. Reserved, CheckedOut and Overdue are active: they hold their window.</summary>
public enum ReservationStatus
{
    Reserved = 1,
    CheckedOut = 2,
    Returned = 3,
    Cancelled = 4,
    NoShow = 5,
    Overdue = 6,
}

/// <summary>Everything that may happen to a reservation; <see cref="Reservation.Transitions"/> says from where and to what.</summary>
public enum ReservationAction
{
    /// <summary>A technician hands the item over: it is now "in possession" of the person.</summary>
    CheckOut = 1,

    /// <summary>A technician takes the item back, with its condition.</summary>
    CheckIn = 2,

    /// <summary>The person before it starts, or the desk with a reason.</summary>
    Cancel = 3,

    /// <summary>The system: not picked up within the grace period.</summary>
    MarkNoShow = 4,

    /// <summary>The system: still out after its end.</summary>
    MarkOverdue = 5,
}

/// <summary>The state of an item of the catalogue.</summary>
public enum EquipmentState
{
    Available = 1,
    InMaintenance = 2,
    Retired = 3,
}

/// <summary>How an item came back.</summary>
public enum ReturnCondition
{
    Good = 1,
    Damaged = 2,
}

/// <summary>Reminders a reservation sends at most once each (the jobs record them on the reservation).</summary>
public enum ReservationNotice
{
    PickupReminder = 1,
    DueSoon = 2,
    OverdueToDesk = 3,
}
