using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class OpenTicketIdempotencyTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public OpenTicketIdempotencyTests(MesaApiFactory factory) => _factory = factory;

    private static HttpRequestMessage Create(string key, string title = "Cámara del aula 5 dañada") =>
        new(HttpMethod.Post, "/api/v1/tickets")
        {
            Content = JsonContent.Create(new { title, description = "La cámara de videoconferencia no enciende.", type = "Incident" }),
            Headers = { { "Idempotency-Key", key } },
        };

    private Task<int> CountAsync(string title) => _factory.WithDbAsync(db => db.Tickets.CountAsync(t => t.Title == title));

    [Fact]
    public async Task SameKey_Sequential_ReturnsTheFirst201AndBody_CreatesOneTicket()
    {
        var cast = new { RequesterA = await _factory.CreateUserAsync() };
        var title = "Idempotente secuencial";

        var first = await cast.RequesterA.Client.SendAsync(Create("clave-1", title));
        var second = await cast.RequesterA.Client.SendAsync(Create("clave-1", title));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(1, await CountAsync(title));
    }

    [Fact]
    public async Task SameKey_Concurrent_CreatesOneTicket_AndEveryoneGetsItsAnswer()
    {
        var cast = new { RequesterA = await _factory.CreateUserAsync() };
        var title = "Idempotente concurrente";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => cast.RequesterA.Client.SendAsync(Create("clave-concurrente", title))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, await CountAsync(title));
    }

    [Fact]
    public async Task SameKey_OtherUser_OrAfter24Hours_CreatesANewTicket()
    {
        var cast = new { RequesterA = await _factory.CreateUserAsync(), RequesterB = await _factory.CreateUserAsync() };
        var title = "Idempotente por usuario";

        await (await cast.RequesterA.Client.SendAsync(Create("clave-compartida", title))).EnsureSuccessAsync();
        await (await cast.RequesterB.Client.SendAsync(Create("clave-compartida", title))).EnsureSuccessAsync();
        Assert.Equal(2, await CountAsync(title));

        _factory.Clock.Advance(TimeSpan.FromHours(25));
        var relogged = await _factory.SignInAsync(cast.RequesterA.Email, MesaApiFactory.DefaultPassword);
        await (await relogged.Client.SendAsync(Create("clave-compartida", title))).EnsureSuccessAsync();
        Assert.Equal(3, await CountAsync(title));
    }

    [Fact]
    public async Task WithoutKey_EveryPostCreates()
    {
        var cast = new { RequesterA = await _factory.CreateUserAsync() };
        var title = "Sin clave de idempotencia";

        await TicketApi.OpenAsync(cast.RequesterA, title);
        await TicketApi.OpenAsync(cast.RequesterA, title);

        Assert.Equal(2, await CountAsync(title));
    }

    [Fact]
    public async Task SameKey_WithAnotherRequest_Returns422AndCreatesNothing()
    {
        var requester = await _factory.CreateUserAsync();
        await (await requester.Client.SendAsync(Create("clave-reusada", "Primera solicitud"))).EnsureSuccessAsync();

        var response = await requester.Client.SendAsync(Create("clave-reusada", "Segunda solicitud distinta"));

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "tickets.idempotency_key_reused");
        Assert.Equal(0, await CountAsync("Segunda solicitud distinta"));
    }
}
