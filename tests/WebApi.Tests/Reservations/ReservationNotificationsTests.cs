using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Reservations;

/// <summary>Reservation notices through the Notifications matrix: in-app and e-mail, in the person's language, never to the actor (but the confirmation).</summary>
public sealed class ReservationNotificationsTests : IClassFixture<ReservationsApiFactory>
{
    private readonly ReservationsApiFactory _factory;

    public ReservationNotificationsTests(ReservationsApiFactory factory) => _factory = factory;

    private Task<List<(Guid UserId, string Kind, string Title)>> NoticesAsync(Guid reservation) =>
        _factory.WithDbAsync(async db => (await db.Notifications.Where(n => n.Link == $"/reservations/{reservation}")
            .Select(n => new { n.UserId, n.Kind, n.Title }).ToListAsync()).Select(n => (n.UserId, n.Kind, n.Title)).ToList());

    [Fact]
    public async Task ABooking_IsConfirmedToThePerson_InAppAndByMail()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator, ReservationApi.Projector, name: "Videobeam Epson");
        var start = _factory.Clock.GetUtcNow().AddDays(1);
        var booked = await ReservationApi.BookOkAsync(cast.Ana, item, start, start.AddHours(2));

        var notice = Assert.Single(await NoticesAsync(booked.Id()));
        Assert.Equal((cast.Ana.Id, "reservation.confirmed"), (notice.UserId, notice.Kind));
        Assert.StartsWith("Reserva confirmada: Videobeam Epson", notice.Title, StringComparison.Ordinal);
        var mail = await _factory.WithDbAsync(db => db.OutboxEmails.SingleAsync(m => m.Kind == "reservation.confirmed" && m.Body!.TextBody.Contains(booked.Id().ToString())));
        Assert.Equal(cast.Ana.Email, mail.To);
        Assert.Contains("Clase de física", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-03-03 08:00", mail.TextBody, StringComparison.Ordinal); // the institution's time (UTC−5)
    }

    [Fact]
    public async Task ACancellationByTheDesk_TellsThePersonInHisLanguage_NotTheTechnician()
    {
        var cast = await ReservationCast.For(_factory);
        var english = await _factory.CreateUserAsync(fullName: "Emma English", language: "en");
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = _factory.Clock.GetUtcNow().AddDays(1);
        var booked = await ReservationApi.BookOkAsync(english, item, start, start.AddHours(2));

        await ReservationApi.ActAsync(cast.Technician, booked.Id(), "cancel", new { reason = "Equipment under repair" });

        var cancelled = (await NoticesAsync(booked.Id())).Where(n => n.Kind == "reservation.cancelled").ToList();
        Assert.Equal(english.Id, Assert.Single(cancelled).UserId);
        Assert.StartsWith("Reservation cancelled", cancelled[0].Title, StringComparison.Ordinal);
        var mail = await _factory.WithDbAsync(db => db.OutboxEmails.SingleAsync(m => m.Kind == "reservation.cancelled" && m.Body!.TextBody.Contains(booked.Id().ToString())));
        Assert.Contains("Equipment under repair", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePersonCancellingHisOwnBooking_IsNotToldOfIt()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = _factory.Clock.GetUtcNow().AddDays(1);
        var booked = await ReservationApi.BookOkAsync(cast.Beto, item, start, start.AddHours(2));

        await ReservationApi.ActAsync(cast.Beto, booked.Id(), "cancel");

        Assert.DoesNotContain(await NoticesAsync(booked.Id()), n => n.Kind == "reservation.cancelled");
    }

    [Fact]
    public async Task ABookingByTheDeskForSomeone_ConfirmsToThatPersonOnly()
    {
        var cast = await ReservationCast.For(_factory);
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = _factory.Clock.GetUtcNow().AddDays(2);
        var booked = await ReservationApi.BookOkAsync(cast.Technician, item, start, start.AddHours(1), holderId: cast.Beto.Id);

        var notice = Assert.Single(await NoticesAsync(booked.Id()));
        Assert.Equal(cast.Beto.Id, notice.UserId);
    }

    [Fact]
    public async Task TurningOffAReservationKind_StopsItsMailOnly()
    {
        var cast = await ReservationCast.For(_factory);
        var person = await _factory.CreateUserAsync(fullName: "Sin Correos");
        await (await person.Client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { items = new[] { new { kind = "reservation.confirmed", email = false } } })).EnsureSuccessAsync();
        var item = await ReservationApi.CreateItemAsync(cast.Administrator);
        var start = _factory.Clock.GetUtcNow().AddDays(1);
        var booked = await ReservationApi.BookOkAsync(person, item, start, start.AddHours(1));

        Assert.Single(await NoticesAsync(booked.Id()));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.OutboxEmails.CountAsync(m => m.Body!.TextBody.Contains(booked.Id().ToString()))));
    }
}
