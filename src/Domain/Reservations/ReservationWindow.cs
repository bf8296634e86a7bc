using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Reservations;

/// <summary>
/// A half-open time window <c>[Start, End)</c>: a booking that ends at 10:00 and one that starts at 10:00 do not
/// overlap (back-to-back bookings are fine).
/// </summary>
public readonly record struct ReservationWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;

    public static ReservationWindow Of(DateTimeOffset start, DateTimeOffset end) =>
        end > start ? new ReservationWindow(start, end) : throw new DomainException("reservations.window_invalid");

    public bool Overlaps(ReservationWindow other) => Start < other.End && other.Start < End;

    public bool Contains(DateTimeOffset instant) => Start <= instant && instant < End;
}

/// <summary>Office hours on the institution's local time (optional limit on bookings).</summary>
public sealed record OfficeHours(TimeOnly Opens, TimeOnly Closes, TimeZoneInfo TimeZone);

/// <summary>
/// The limits a new booking must respect, taken from configuration: maximum duration, how far ahead it may start,
/// and optionally office hours (start and end within them, on the same local day).
/// </summary>
public sealed record BookingPolicy(TimeSpan MaxDuration, TimeSpan MaxAhead, OfficeHours? OfficeHours = null)
{
    /// <summary>Throws the first rule the window breaks (422 with a stable code naming the limit).</summary>
    public void Check(ReservationWindow window, DateTimeOffset now)
    {
        if (window.Start < now)
        {
            throw new DomainException("reservations.start_in_past").WithDetail("field", "start");
        }

        if (window.Duration > MaxDuration)
        {
            throw new DomainException("reservations.too_long", DomainErrorKind.RuleBroken, MaxDuration.TotalHours)
                .WithDetail("field", "end").WithDetail("maxDurationHours", MaxDuration.TotalHours);
        }

        if (window.Start > now + MaxAhead)
        {
            throw new DomainException("reservations.too_far_ahead", DomainErrorKind.RuleBroken, MaxAhead.TotalDays)
                .WithDetail("field", "start").WithDetail("maxDaysAhead", MaxAhead.TotalDays);
        }

        if (OfficeHours is { } hours)
        {
            var start = TimeZoneInfo.ConvertTime(window.Start, hours.TimeZone);
            var end = TimeZoneInfo.ConvertTime(window.End, hours.TimeZone);
            if (start.Date != end.Date
                || TimeOnly.FromTimeSpan(start.TimeOfDay) < hours.Opens
                || TimeOnly.FromTimeSpan(end.TimeOfDay) > hours.Closes)
            {
                throw new DomainException("reservations.outside_office_hours", DomainErrorKind.RuleBroken, hours.Opens.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), hours.Closes.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
                    .WithDetail("field", "start");
            }
        }
    }
}
