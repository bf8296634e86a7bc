using System.Globalization;
using MesaServicios.Domain.Reservations;

namespace MesaServicios.Application.Reservations;

/// <summary>Settings of the Equipment Reservations module (section "Reservations").</summary>
public sealed class ReservationsOptions
{
    public const string Section = "Reservations";

    /// <summary>The longest booking, in hours (at most 31 days).</summary>
    public int MaxDurationHours { get; set; } = 72;

    /// <summary>How far ahead a booking may start, in days.</summary>
    public int MaxDaysAhead { get; set; } = 60;

    /// <summary>Optional office hours ("07:00"): when both are set, a booking starts and ends within them, on one day.</summary>
    public string? OfficeHoursStart { get; set; }

    public string? OfficeHoursEnd { get; set; }

    /// <summary>The institution's time zone for office hours and "today" (IANA id).</summary>
    public string TimeZone { get; set; } = "America/Bogota";

    /// <summary>A reservation not picked up this many minutes after its start becomes a no-show (the item is freed).</summary>
    public int NoShowGraceMinutes { get; set; } = 30;

    /// <summary>How long before its start an item may be handed over, in minutes.</summary>
    public int EarlyPickupMinutes { get; set; } = 30;

    /// <summary>How long before the start the person is reminded to pick the item up, in minutes.</summary>
    public int PickupReminderMinutes { get; set; } = 60;

    /// <summary>How long before the end the person is reminded to return the item, in minutes.</summary>
    public int DueSoonLeadMinutes { get; set; } = 60;

    /// <summary>How long an overdue item stays with the person alone before the desk is told, in minutes.</summary>
    public int OverdueDeskAfterMinutes { get; set; } = 120;

    public const int MaxDurationCeilingHours = 31 * 24;

    public TimeSpan MaxDuration => TimeSpan.FromHours(MaxDurationHours);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public static bool IsValid(ReservationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hoursOk = (options.OfficeHoursStart is null && options.OfficeHoursEnd is null)
            || (TryTime(options.OfficeHoursStart, out var opens) && TryTime(options.OfficeHoursEnd, out var closes) && closes > opens);
        return hoursOk
            && options.MaxDurationHours is >= 1 and <= MaxDurationCeilingHours
            && options.MaxDaysAhead >= 1
            && options.NoShowGraceMinutes >= 0 && options.EarlyPickupMinutes >= 0 && options.PickupReminderMinutes >= 0
            && options.DueSoonLeadMinutes >= 0 && options.OverdueDeskAfterMinutes >= 0
            && TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _);
    }

    public BookingPolicy Policy()
    {
        OfficeHours? hours = null;
        if (TryTime(OfficeHoursStart, out var opens) && TryTime(OfficeHoursEnd, out var closes))
        {
            hours = new OfficeHours(opens, closes, Zone);
        }

        return new BookingPolicy(MaxDuration, TimeSpan.FromDays(MaxDaysAhead), hours);
    }

    private static bool TryTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
