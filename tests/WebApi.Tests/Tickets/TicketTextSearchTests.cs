using System.Net;
using Mediator;
using MesaServicios.Application.Tickets.SearchTickets;
using MesaServicios.Infrastructure.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>
/// The full-text index behind the desk's text search, through the real host (own host: these tests open tickets): a
/// ticket is found the moment it is created, and whatever a person types (the engines' own syntax included) is an
/// answer, never a server error.
/// </summary>
public sealed class TicketTextSearchTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketTextSearchTests(MesaApiFactory factory) => _factory = factory;

    private static async Task<(int Total, List<int> Ids)> SearchAsync(TestUser user, string text)
    {
        var response = await user.Client.GetAsync($"/api/v1/tickets?text={Uri.EscapeDataString(text)}&sort=id");
        var page = await (await response.EnsureSuccessAsync()).JsonAsync();
        return (page.GetProperty("total").GetInt32(), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList());
    }

    /// <summary>The search for <paramref name="text"/> finds exactly <paramref name="expected"/> (total and page).</summary>
    private static async Task AssertFindsAsync(TestUser user, string text, params int[] expected)
    {
        var (total, ids) = await SearchAsync(user, text);
        Assert.Equal(expected.Order(), ids);
        Assert.Equal(expected.Length, total);
    }

    [Fact]
    public async Task ATicketCreatedAMomentAgo_IsFound_ByAnyWordOfItsTitleOrDescription()
    {
        var requester = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var word = "Zafiro" + Guid.NewGuid().ToString("N")[..8];

        var id = (await TicketApi.OpenAsync(requester, $"Teclado {word} dañado", "El teclado del aula 204 perdió la tecla Ñ y la tecla Á.")).GetProperty("id").GetInt32();

        await AssertFindsAsync(tech, word.ToUpperInvariant(), id);
        await AssertFindsAsync(tech, $"tecla {word[..8]} danado", id);
        await AssertFindsAsync(tech, $"{word} aula 204", id);
        await AssertFindsAsync(tech, $"{word} 205");
    }

    [Fact]
    public async Task ConcurrentCreations_AreEachFound_AsSoonAsTheirCreationAnswers()
    {
        var requester = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var word = "Rubi" + Guid.NewGuid().ToString("N")[..8];

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var id = (await TicketApi.OpenAsync(requester, $"Monitor {word} número {i}", "La pantalla parpadea desde ayer en la tarde.")).GetProperty("id").GetInt32();
            Assert.Contains(id, (await SearchAsync(tech, $"{word} numero {i}")).Ids);
            return id;
        }));

        await AssertFindsAsync(tech, word, ids);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"impresora")]
    [InlineData("impresora\"")]
    [InlineData("*")]
    [InlineData("impre*sora")]
    [InlineData("-")]
    [InlineData("-impresora")]
    [InlineData("NEAR")]
    [InlineData("NEAR(impresora bloque)")]
    [InlineData("impresora NEAR/2 bloque")]
    [InlineData("impresora OR correo")]
    [InlineData("AND")]
    [InlineData("NOT impresora")]
    [InlineData("title:impresora")]
    [InlineData("^impresora")]
    [InlineData("(impresora")]
    [InlineData("impresora & !bloque | correo")]
    [InlineData("impresora:*")]
    [InlineData("'; DROP TABLE Tickets; --")]
    [InlineData("\\")]
    [InlineData("😀 impresora")]
    public async Task SearchSyntaxInTheText_IsPlainText_NeverAServerError(string text)
    {
        var tech = await _factory.CreateUserAsync(UserRole.Technician);

        var response = await tech.Client.GetAsync($"/api/v1/tickets?text={Uri.EscapeDataString(text)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SearchSyntax_IsReadAsTheWordsAround_It()
    {
        var requester = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var word = "Topacio" + Guid.NewGuid().ToString("N")[..8];
        var id = (await TicketApi.OpenAsync(requester, $"Escáner {word} near la puerta", "No escanea a color ni en blanco y negro; la orden de servicio sigue pendiente.")).GetProperty("id").GetInt32();

        await AssertFindsAsync(tech, $"\"{word}\"", id);
        await AssertFindsAsync(tech, $"{word}* NEAR", id);
        await AssertFindsAsync(tech, $"-{word} OR escaner", id);
        await AssertFindsAsync(tech, $"{word} OR impresora");
    }

    [Fact]
    public async Task TheIndexingStep_IndexesSettledTickets_OnceEach_AndTheSearchFindsThemBeforeAndAfter()
    {
        var requester = await _factory.CreateUserAsync();
        var tech = await _factory.CreateUserAsync(UserRole.Technician);
        var word = "Onix" + Guid.NewGuid().ToString("N")[..8];
        var id = (await TicketApi.OpenAsync(requester, $"Parlante {word} sin sonido", "El parlante de la sala 3 no suena desde el lunes.")).GetProperty("id").GetInt32();

        // Too recent: a ticket opened a moment ago may still be committing, the watermark stays below it.
        await IndexAsync();
        Assert.Equal(TestDatabase.IsPostgres ? 1 : 0, await InIndexAsync(word)); // PostgreSQL indexes in the ticket's transaction
        await AssertFindsAsync(tech, word, id);

        _factory.Clock.Advance(IndexNewTicketsCommand.Settle + TimeSpan.FromSeconds(1));
        var runs = await Task.WhenAll(IndexAsync(), IndexAsync());
        Assert.Contains(runs, indexed => indexed > 0 || TestDatabase.IsPostgres);
        Assert.Equal(0, await IndexAsync());

        Assert.Equal(1, await InIndexAsync(word));
        await AssertFindsAsync(tech, word, id);
        await AssertFindsAsync(tech, $"parlante {word[..6]} sala", id);
    }

    private Task<int> IndexAsync() =>
        _factory.WithScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new IndexNewTicketsCommand()).AsTask());

    /// <summary>How many rows the SQLite full-text table itself holds for the word (PostgreSQL: the expression index).</summary>
    private Task<int> InIndexAsync(string word) =>
        _factory.WithDbAsync(async db => TestDatabase.IsPostgres
            ? await db.Database.SqlQueryRaw<int>(
                $"SELECT COUNT(*)::integer AS \"Value\" FROM \"Tickets\" WHERE {TicketsPostgresSql.Document} @@ to_tsquery('simple', {{0}})", word.ToLowerInvariant()).SingleAsync()
            : await db.Database.SqlQueryRaw<int>(
                $"SELECT COUNT(*) AS \"Value\" FROM {TicketsSql.SearchTable} WHERE {TicketsSql.SearchTable} MATCH {{0}}", "\"" + word.ToLowerInvariant() + "\"").SingleAsync());
}
