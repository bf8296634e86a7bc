using Mediator;
using MesaServicios.Application.Reservations;
using MesaServicios.Application.Reservations.NoShows;
using MesaServicios.Application.Reservations.Overdue;
using MesaServicios.Application.Reservations.Reminders;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>
/// The no-show, reminder and overdue jobs, run as the recurring jobs run them (one request each) against a fake clock:
/// each notice goes out once per reservation, also with two runs at once, and a run after downtime catches up.
/// </summary>
public sealed class ReservationJobsTests
{
    private static Task<ReservationJobReport> RunAsync(MesaApiFactory factory, IRequest<ReservationJobReport> request) =>
        factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(request));

    private static Task<int> NoticesAsync(MesaApiFactory factory, Guid reservation, string kind, Guid? userId = null) =>
        factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Link == $"/reservations/{reservation}" && n.Kind == kind && (userId == null || n.UserId == userId)));

    private static Task<int> MailsAsync(MesaApiFactory factory, Guid reservation, string kind) =>
        factory.WithDbAsync(db => db.OutboxEmails.CountAsync(m => m.Kind == kind && m.Body!.TextBody.Contains(reservation.ToString())));

    [Fact]
    public async Task NotPickedUpWithinTheGrace_BecomesNoShow_Once_AndFreesTheSlot()
    {
        using var factory = new ReservationsApiFactory();
        var cast = await ReservationCast.For(factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = factory.Clock.GetUtcNow().AddMinutes(10);
        var booked = await ReservationApi.BookOkAsync(cast.Ana, item, start, start.AddHours(2));

        factory.Clock.Advance(TimeSpan.FromMinutes(39));
        Assert.Equal(0, (await RunAsync(factory, new MarkNoShowsRequest())).Done);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var report = await RunAsync(factory, new MarkNoShowsRequest());
        var again = await RunAsync(factory, new MarkNoShowsRequest());

        Assert.Equal(1, report.Done);
        Assert.Equal(0, again.Due);
        Assert.Equal("NoShow", (await ReservationApi.GetAsync(cast.Ana, booked.Id())).Status());
        Assert.Equal(1, await NoticesAsync(factory, booked.Id(), "reservation.no_show", cast.Ana.Id));
        Assert.Equal(1, await MailsAsync(factory, booked.Id(), "reservation.no_show"));
        await ReservationApi.BookOkAsync(cast.Beto, item, factory.Clock.GetUtcNow().AddMinutes(5), start.AddHours(2));
    }

    [Fact]
    public async Task PickupAndReturnReminders_GoOutOnceEach_InTheirTime()
    {
        using var factory = new ReservationsApiFactory();
        var cast = await ReservationCast.For(factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = factory.Clock.GetUtcNow().AddMinutes(90);
        var booked = await ReservationApi.BookOkAsync(cast.Ana, item, start, start.AddHours(2));

        Assert.Equal(0, (await RunAsync(factory, new SendReservationRemindersRequest())).Due);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, (await RunAsync(factory, new SendReservationRemindersRequest())).Done);
        Assert.Equal(0, (await RunAsync(factory, new SendReservationRemindersRequest())).Due);
        Assert.Equal(1, await NoticesAsync(factory, booked.Id(), "reservation.pickup_reminder", cast.Ana.Id));

        factory.Clock.Advance(TimeSpan.FromMinutes(60));
        await ReservationApi.ActAsync(cast.Technician, booked.Id(), "check-out");
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await RunAsync(factory, new SendReservationRemindersRequest())).Due);
        factory.Clock.Advance(TimeSpan.FromMinutes(35));
        Assert.Equal(1, (await RunAsync(factory, new SendReservationRemindersRequest())).Done);
        Assert.Equal(0, (await RunAsync(factory, new SendReservationRemindersRequest())).Due);

        Assert.Equal(1, await NoticesAsync(factory, booked.Id(), "reservation.due_soon", cast.Ana.Id));
        Assert.Equal(1, await MailsAsync(factory, booked.Id(), "reservation.due_soon"));
        Assert.Equal(1, await MailsAsync(factory, booked.Id(), "reservation.pickup_reminder"));
    }

    [Fact]
    public async Task Overdue_RemindsThePerson_ThenLaterTheDesk_OnceEach()
    {
        using var factory = new ReservationsApiFactory();
        var cast = await ReservationCast.For(factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var now = factory.Clock.GetUtcNow();
        var booked = await ReservationApi.BookOkAsync(cast.Ana, item, now.AddMinutes(5), now.AddHours(1));
        await ReservationApi.ActAsync(cast.Technician, booked.Id(), "check-out");

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, (await RunAsync(factory, new MarkOverdueReservationsRequest())).Done);
        Assert.Equal("Overdue", (await ReservationApi.GetAsync(cast.Ana, booked.Id())).Status());
        Assert.Equal(1, await NoticesAsync(factory, booked.Id(), "reservation.overdue", cast.Ana.Id));
        Assert.Equal(0, await NoticesAsync(factory, booked.Id(), "reservation.overdue_desk"));

        factory.Clock.Advance(TimeSpan.FromMinutes(121));
        Assert.Equal(1, (await RunAsync(factory, new MarkOverdueReservationsRequest())).Done);
        Assert.Equal(0, (await RunAsync(factory, new MarkOverdueReservationsRequest())).Due);

        Assert.Equal(1, await NoticesAsync(factory, booked.Id(), "reservation.overdue", cast.Ana.Id));
        Assert.Equal(1, await NoticesAsync(factory, booked.Id(), "reservation.overdue_desk", cast.Technician.Id));
        Assert.Equal(1, await NoticesAsync(factory, booked.Id(), "reservation.overdue_desk", cast.Administrator.Id));
        Assert.Equal(0, await NoticesAsync(factory, booked.Id(), "reservation.overdue_desk", cast.Ana.Id));
        var deskDay = await (await cast.Technician.Client.GetAsync("/api/v1/reservations/desk-day")).JsonAsync();
        Assert.Contains(deskDay.GetProperty("overdue").EnumerateArray(), e => e.GetProperty("reservation").GetProperty("id").GetGuid() == booked.Id());
    }

    [Fact]
    public async Task AfterDowntime_OneRunCatchesUp_PersonFirstThenDesk_AndSendsNoStaleReminder()
    {
        using var factory = new ReservationsApiFactory();
        var cast = await ReservationCast.For(factory);
        var now = factory.Clock.GetUtcNow();
        var late = await ReservationApi.BookOkAsync(cast.Ana, await ReservationApi.CreateItemAsync(cast.Administrator), now.AddMinutes(5), now.AddHours(1));
        await ReservationApi.ActAsync(cast.Technician, late.Id(), "check-out");
        var missed = await ReservationApi.BookOkAsync(cast.Beto, await ReservationApi.CreateItemAsync(cast.Administrator), now.AddHours(2), now.AddHours(3));

        factory.Clock.Advance(TimeSpan.FromHours(10));
        await RunAsync(factory, new SendReservationRemindersRequest());
        await RunAsync(factory, new MarkNoShowsRequest());
        var report = await RunAsync(factory, new MarkOverdueReservationsRequest());

        Assert.Equal(2, report.Done);
        var notices = (await factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/reservations/{late.Id()}" && n.Kind.StartsWith("reservation.overdue"))
            .OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync())).Distinct().ToList();
        Assert.Equal(["reservation.overdue", "reservation.overdue_desk"], notices);
        Assert.Equal("NoShow", (await ReservationApi.GetAsync(cast.Beto, missed.Id())).Status());
        Assert.Equal(0, await NoticesAsync(factory, missed.Id(), "reservation.pickup_reminder"));
        Assert.Equal(0, await NoticesAsync(factory, late.Id(), "reservation.due_soon"));
    }

    [Fact]
    public async Task TwoRunsAtOnce_SendEachNoticeOnce()
    {
        using var factory = new ReservationsApiFactory();
        var cast = await ReservationCast.For(factory);
        var now = factory.Clock.GetUtcNow();
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var reservation = await ReservationApi.BookOkAsync(cast.Ana, await ReservationApi.CreateItemAsync(cast.Administrator), now.AddMinutes(5), now.AddHours(1));
            await ReservationApi.ActAsync(cast.Technician, reservation.Id(), "check-out");
            ids.Add(reservation.Id());
        }

        factory.Clock.Advance(TimeSpan.FromHours(4));
        var runs = await Task.WhenAll(RunAsync(factory, new MarkOverdueReservationsRequest()), RunAsync(factory, new MarkOverdueReservationsRequest()));

        Assert.Equal(8, runs.Sum(r => r.Done)); // 4 overdue + 4 desk notices, each done by exactly one of the runs
        foreach (var id in ids)
        {
            Assert.Equal(1, await NoticesAsync(factory, id, "reservation.overdue", cast.Ana.Id));
            Assert.Equal(1, await NoticesAsync(factory, id, "reservation.overdue_desk", cast.Technician.Id));
            Assert.Equal(1, await MailsAsync(factory, id, "reservation.overdue"));
        }
    }
}
