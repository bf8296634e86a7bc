using System.Net;
using System.Text.Json;
using Mediator;
using MesaServicios.Application.Reservations;
using MesaServicios.Application.Reservations.NoShows;
using MesaServicios.Application.Reservations.Overdue;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>
/// An item still out after its reservation ended (Overdue, or checked out past the end before the job marks it) is
/// not available for any window until it is returned: availability leaves it out, new bookings are 409
/// <c>reservations.item_overdue</c>, the reservations already booked on it are listed for the desk as blocked and are
/// not turned into no-shows; once it is back, everything is as before.
/// </summary>
public sealed class OverdueBlockingTests
{
    private static Task<ReservationJobReport> RunAsync(MesaApiFactory factory, IRequest<ReservationJobReport> request) =>
        factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(request));

    private static async Task<bool> IsAvailableAsync(TestUser user, Guid item, DateTimeOffset start, DateTimeOffset end)
    {
        var free = await (await (await user.Client.GetAsync(
            $"/api/v1/equipment/availability?materialTypeId={ReservationApi.Laptop}&start={Uri.EscapeDataString(start.ToString("O"))}&end={Uri.EscapeDataString(end.ToString("O"))}")).EnsureSuccessAsync()).JsonAsync();
        return free.EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == item);
    }

    private static IEnumerable<Guid> Ids(JsonElement deskDay, string list) =>
        deskDay.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("reservation").GetProperty("id").GetGuid());

    [Fact]
    public async Task AnItemNotReturned_BlocksEveryLaterWindow_UntilItIsBack()
    {
        using var factory = new ReservationsApiFactory();
        var cast = await ReservationCast.For(factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var t0 = factory.Clock.GetUtcNow();
        var anas = await ReservationApi.BookOkAsync(cast.Ana, item, t0.AddMinutes(5), t0.AddHours(2));
        var betos = await ReservationApi.BookOkAsync(cast.Beto, item, t0.AddHours(4), t0.AddHours(6));
        await ReservationApi.ActAsync(cast.Technician, anas.Id(), "check-out");
        Assert.True(await IsAvailableAsync(cast.Beto, item, t0.AddHours(7), t0.AddHours(9)));

        // Ana's window ends and the item is not back; the overdue job has not run yet.
        factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var now = factory.Clock.GetUtcNow();
        Assert.False(await IsAvailableAsync(cast.Beto, item, now.AddHours(5), now.AddHours(7)));
        var refused = await (await ReservationApi.BookAsync(cast.Beto, item, now.AddHours(5), now.AddHours(7))).ProblemAsync(HttpStatusCode.Conflict, "reservations.item_overdue");
        Assert.Equal(t0.AddHours(2), refused.GetProperty("overdueSince").GetDateTimeOffset());

        Assert.Equal(1, (await RunAsync(factory, new MarkOverdueReservationsRequest())).Done);
        Assert.False(await IsAvailableAsync(cast.Beto, item, now.AddDays(3), now.AddDays(3).AddHours(2)));
        await (await ReservationApi.BookAsync(cast.Technician, item, now.AddDays(3), now.AddDays(3).AddHours(2), holderId: cast.Beto.Id)).ProblemAsync(HttpStatusCode.Conflict, "reservations.item_overdue");

        // The desk sees the overdue item and the booking it blocks; Beto's booking cannot be handed over and is not a no-show.
        var deskDay = await (await (await cast.Technician.Client.GetAsync("/api/v1/reservations/desk-day")).EnsureSuccessAsync()).JsonAsync();
        Assert.Contains(anas.Id(), Ids(deskDay, "overdue"));
        Assert.Equal(new[] { betos.Id() }, Ids(deskDay, "blockedByOverdue").ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await cast.Ana.Client.GetAsync("/api/v1/reservations/desk-day")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(150)); // past Beto's start and the no-show grace
        await (await ReservationApi.PostAsync(cast.Technician, betos.Id(), "check-out")).ProblemAsync(HttpStatusCode.Conflict, "reservations.item_still_out");
        await RunAsync(factory, new MarkNoShowsRequest());
        Assert.Equal("Reserved", (await ReservationApi.GetAsync(cast.Beto, betos.Id())).Status());

        // Back: available again, bookable, and the blocked booking is handed over.
        await ReservationApi.ActAsync(cast.Technician, anas.Id(), "check-in", new { condition = "Good" });
        now = factory.Clock.GetUtcNow();
        Assert.True(await IsAvailableAsync(cast.Ana, item, now.AddHours(3), now.AddHours(4)));
        await ReservationApi.BookOkAsync(cast.Ana, item, now.AddHours(3), now.AddHours(4));
        Assert.Equal("CheckedOut", (await ReservationApi.ActAsync(cast.Technician, betos.Id(), "check-out")).Status());
        deskDay = await (await (await cast.Technician.Client.GetAsync("/api/v1/reservations/desk-day")).EnsureSuccessAsync()).JsonAsync();
        Assert.Empty(Ids(deskDay, "blockedByOverdue"));
    }

    [Fact]
    public async Task AnItemStillWithinItsWindow_DoesNotBlockLaterBookings()
    {
        using var factory = new ReservationsApiFactory();
        var cast = await ReservationCast.For(factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var t0 = factory.Clock.GetUtcNow();
        var anas = await ReservationApi.BookOkAsync(cast.Ana, item, t0.AddMinutes(5), t0.AddHours(2));
        await ReservationApi.ActAsync(cast.Technician, anas.Id(), "check-out");

        factory.Clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await IsAvailableAsync(cast.Beto, item, t0.AddHours(2), t0.AddHours(3)));
        Assert.False(await IsAvailableAsync(cast.Beto, item, t0.AddHours(1.5), t0.AddHours(3)));
        Assert.Equal(HttpStatusCode.Created, (await ReservationApi.BookAsync(cast.Beto, item, t0.AddHours(2), t0.AddHours(3))).StatusCode);
    }
}
