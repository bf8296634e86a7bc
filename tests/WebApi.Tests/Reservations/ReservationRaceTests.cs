using System.Net;
using MesaServicios.Application.Reservations;
using MesaServicios.Domain.Reservations;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>Two active reservations of one item never overlap, also when many people ask for the same slot at once.</summary>
public sealed class ReservationRaceTests : IClassFixture<ReservationsApiFactory>
{
    private readonly ReservationsApiFactory _factory;

    public ReservationRaceTests(ReservationsApiFactory factory) => _factory = factory;

    [Fact]
    public async Task FiftyConcurrentBookingsOfOneSlot_ExactlyOneWins_TheOthersGet409WithTheTakenWindow()
    {
        var cast = await ReservationCast.For(_factory);
        var people = new[] { cast.Ana, cast.Beto, await _factory.CreateUserAsync(), await _factory.CreateUserAsync(), await _factory.CreateUserAsync() };
        var item = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Projector);
        var start = _factory.Clock.GetUtcNow().AddDays(1);
        var end = start.AddHours(2);

        using var gate = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 50).Select(async i =>
        {
            await gate.WaitAsync();
            // Each request asks for a window that overlaps the others' (shifted by up to 49 minutes).
            var shift = TimeSpan.FromMinutes(i);
            return await ReservationApi.BookAsync(people[i % people.Length], item, start + shift, end + shift, $"Clase {i}");
        }).ToList();
        gate.Release(50);
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var conflicts = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(49, conflicts.Count);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).JsonAsync();
        foreach (var conflict in conflicts)
        {
            var problem = await conflict.ProblemAsync(HttpStatusCode.Conflict, "reservations.overlap");
            var taken = problem.GetProperty("conflict");
            Assert.Equal(winner.GetProperty("start").GetDateTimeOffset(), taken.GetProperty("start").GetDateTimeOffset());
            Assert.Equal(winner.GetProperty("end").GetDateTimeOffset(), taken.GetProperty("end").GetDateTimeOffset());
        }

        var stored = await _factory.WithDbAsync(db => db.Reservations.CountAsync(r => r.ItemId == item));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task TheDatabase_RefusesAnOverlapWrittenPastTheCheck()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = _factory.Clock.GetUtcNow().AddDays(2);
        await ReservationApi.BookOkAsync(cast.Ana, item, start, start.AddHours(2));

        // A writer that skips the command's check (another node, a script): the trigger still refuses it.
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => _factory.WithDbAsync(async db =>
        {
            var equipment = await db.EquipmentItems.AsNoTracking().SingleAsync(i => i.Id == item);
            db.Reservations.Add(Reservation.Book(ReservationActor.Person(cast.Beto.Id), cast.Beto.Id, equipment,
                new ReservationWindow(start.AddHours(1), start.AddHours(3)), "Por fuera", new BookingPolicy(TimeSpan.FromDays(3), TimeSpan.FromDays(60)), _factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        }));
        // The engine's refusal (SQLite trigger message, PostgreSQL exclusion constraint) is what the guard recognises.
        Assert.True(await _factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IReservationOverlapGuard>().IsOverlapViolation(error))), error.InnerException?.Message ?? error.Message);

        // Back to back is fine for the database as well.
        await ReservationApi.BookOkAsync(cast.Beto, item, start.AddHours(2), start.AddHours(4));
    }
}
