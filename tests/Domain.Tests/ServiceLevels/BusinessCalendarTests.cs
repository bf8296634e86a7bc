using MesaServicios.Domain.Common;
using MesaServicios.Domain.ServiceLevels;

namespace MesaServicios.Domain.Tests.ServiceLevels;

/// <summary>Business-time arithmetic in America/Bogota (UTC−5, no DST), Monday–Friday 07:00–17:00 by default.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, Bogota);

    private static BusinessCalendar WithClosure(DateOnly start, DateOnly end) =>
        new(BusinessCalendar.FindZone("America/Bogota"), WorkingDay.DefaultWeek, [CalendarClosure.Create(start, end, "Vacaciones colectivas", Guid.NewGuid(), DateTimeOffset.UnixEpoch)]);

    [Fact]
    public void TicketOpenedFriday1650_OneBusinessDayLater_IsMonday1650()
    {
        // 10 minutes on Friday, 590 on Monday.
        var due = BusinessCalendar.Default.AddBusinessMinutes(Local(2026, 3, 6, 16, 50), 600);

        Assert.Equal(Local(2026, 3, 9, 16, 50), due);
    }

    [Fact]
    public void TicketOpenedFriday1650_BeforeALongWeekend_SkipsTheHolidayMonday()
    {
        // Monday 23 March 2026 is San José (moved from Thursday 19).
        var due = BusinessCalendar.Default.AddBusinessMinutes(Local(2026, 3, 20, 16, 50), 600);

        Assert.Equal(Local(2026, 3, 24, 16, 50), due);
    }

    [Fact]
    public void Closure_AddsNoBusinessTime()
    {
        var calendar = WithClosure(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 10));

        var due = calendar.AddBusinessMinutes(Local(2026, 3, 6, 16, 50), 600);

        Assert.Equal(Local(2026, 3, 11, 16, 50), due);
        Assert.Equal(10, calendar.BusinessMinutesBetween(Local(2026, 3, 6, 16, 50), Local(2026, 3, 11, 7, 0)), 6);
    }

    [Fact]
    public void OutsideHours_TheClockStartsAtOpening()
    {
        Assert.Equal(Local(2026, 3, 9, 8, 0), BusinessCalendar.Default.AddBusinessMinutes(Local(2026, 3, 9, 5, 30), 60));
        Assert.Equal(Local(2026, 3, 10, 8, 0), BusinessCalendar.Default.AddBusinessMinutes(Local(2026, 3, 9, 19, 0), 60));
        Assert.Equal(Local(2026, 3, 9, 8, 0), BusinessCalendar.Default.AddBusinessMinutes(Local(2026, 3, 7, 12, 0), 60));
    }

    [Fact]
    public void FiveBusinessDays_FromMondayMorning_EndFridayEvening()
    {
        Assert.Equal(Local(2026, 3, 13, 17, 0), BusinessCalendar.Default.AddBusinessMinutes(Local(2026, 3, 9, 7, 0), 3_000));
    }

    [Fact]
    public void BusinessMinutesBetween_CountsOnlyWorkingHours()
    {
        // Friday 16:00 → Monday 08:00: 60 + 60.
        Assert.Equal(120, BusinessCalendar.Default.BusinessMinutesBetween(Local(2026, 3, 6, 16, 0), Local(2026, 3, 9, 8, 0)), 6);

        // Holy week 2026: Thursday 2 and Friday 3 April are holidays.
        Assert.Equal(600, BusinessCalendar.Default.BusinessMinutesBetween(Local(2026, 4, 1, 7, 0), Local(2026, 4, 6, 7, 0)), 6);
        Assert.Equal(0, BusinessCalendar.Default.BusinessMinutesBetween(Local(2026, 4, 6, 7, 0), Local(2026, 4, 1, 7, 0)));
    }

    [Fact]
    public void Subtract_IsTheInverseOfAdd()
    {
        var start = Local(2026, 3, 20, 16, 50);
        var due = BusinessCalendar.Default.AddBusinessMinutes(start, 1_234);

        Assert.Equal(start, BusinessCalendar.Default.SubtractBusinessMinutes(due, 1_234));
        Assert.Equal(1_234, BusinessCalendar.Default.BusinessMinutesBetween(start, due), 6);
    }

    [Fact]
    public void WorkingHours_PerWeekday_AreRespected()
    {
        var week = WorkingDay.DefaultWeek.Where(d => d.Day != DayOfWeek.Friday)
            .Append(WorkingDay.Create(DayOfWeek.Friday, new TimeOnly(7, 0), new TimeOnly(12, 0)))
            .Append(WorkingDay.Create(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(10, 0)));
        var calendar = new BusinessCalendar(BusinessCalendar.FindZone("America/Bogota"), week, []);

        // Friday 11:00: 60 min Friday, 120 Saturday, then Monday 07:00 + 60.
        Assert.Equal(Local(2026, 3, 9, 8, 0), calendar.AddBusinessMinutes(Local(2026, 3, 6, 11, 0), 240));
        Assert.Equal(120, calendar.ShortestWorkingDayMinutes);
    }

    [Fact]
    public void Spans_NameHolidaysAndClosures()
    {
        var calendar = WithClosure(new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 24));

        var spans = calendar.Spans(Local(2026, 3, 20, 16, 0), Local(2026, 3, 25, 8, 0));

        Assert.Equal(
            [CalendarTimeKind.Working, CalendarTimeKind.OutsideHours, CalendarTimeKind.Holiday, CalendarTimeKind.Closure, CalendarTimeKind.OutsideHours, CalendarTimeKind.Working],
            spans.Select(s => s.Kind));
        Assert.Equal("Día de San José", spans[2].Note);
        Assert.Equal("Saint Joseph's Day", spans[2].NoteEn);
        Assert.Equal("Vacaciones colectivas", spans[3].Note);
        Assert.Equal(Local(2026, 3, 23, 0, 0), spans[2].From);
        Assert.Equal(Local(2026, 3, 25, 7, 0), spans[5].From);
    }

    [Fact]
    public void WorkingDay_ClosingBeforeOpening_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => WorkingDay.Create(DayOfWeek.Monday, new TimeOnly(17, 0), new TimeOnly(7, 0)));

        Assert.Equal("servicelevels.hours_order", error.Code);
    }

    [Fact]
    public void Target_TimeToOwnBeyondFiveBusinessDays_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => ServiceLevelTarget.Create(MesaServicios.Domain.Tickets.Urgency.Low, null, 3_001, 6_000, 600));

        Assert.Equal("servicelevels.own_target_range", error.Code);
        Assert.Equal(3_000, ServiceLevelTarget.Create(MesaServicios.Domain.Tickets.Urgency.Low, null, 3_000, 6_000, 600).OwnMinutes);
        Assert.All(ServiceLevelTarget.Defaults, t => Assert.True(t.OwnMinutes <= 5 * 600));
    }
}
