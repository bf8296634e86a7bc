using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class TicketConcurrencyTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public TicketConcurrencyTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task EveryTicketResponse_CarriesTheVersionAsETag()
    {
        var cast = await TicketCast.For(_factory);
        var create = await cast.RequesterA.Client.PostAsJsonAsync("/api/v1/tickets", new { title = "Sin internet", description = "No hay conexión en la sala 2.", type = "Incident" });
        Assert.Equal("\"1\"", create.Headers.ETag?.Tag);
        var id = (await create.JsonAsync()).GetProperty("id").GetInt32();

        var get = await cast.RequesterA.Client.GetAsync($"/api/v1/tickets/{id}");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);

        var assign = await TicketApi.PostAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id }, ifMatch: 1);
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal("\"2\"", assign.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Solve_WithStaleIfMatch_Returns412AndChangesNothing()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        await TicketApi.ActAsync(cast.RequesterA, id, "follow-ups", new { content = "¿Alguna novedad?" });

        var response = await TicketApi.PostAsync(cast.Technician, id, "solve", new { solution = "Listo." }, ifMatch: 2);

        await response.ProblemAsync(HttpStatusCode.PreconditionFailed, "common.precondition_failed");
        var after = await TicketApi.GetAsync(cast.Technician, id);
        Assert.Equal("InProgress", after.Status());
        Assert.Equal(3, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Approve_WithCurrentIfMatch_Succeeds()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        var solved = await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Listo." });

        var approved = await TicketApi.ActAsync(cast.RequesterA, id, "approve", new { comment = "Bien" }, ifMatch: solved.GetProperty("version").GetInt32());

        Assert.Equal("Closed", approved.Status());
    }

    [Fact]
    public async Task ApproveAndReject_InParallel_ExactlyOneWins()
    {
        var cast = await TicketCast.For(_factory);
        for (var round = 0; round < 3; round++)
        {
            var id = await TicketApi.OpenIdAsync(cast.RequesterA);
            await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
            await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Listo." });

            var responses = await Task.WhenAll(
                TicketApi.PostAsync(cast.RequesterA, id, "approve", new { comment = "Bien" }),
                TicketApi.PostAsync(cast.RequesterA, id, "reject", new { reason = "Mal" }));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
            var after = await TicketApi.GetAsync(cast.RequesterA, id);
            var decisions = after.TimelineKinds().Count(k => k is "Approved" or "Rejected");
            Assert.Equal(1, decisions);
        }
    }

    [Fact]
    public async Task TwoSolves_InParallel_OnlyOneSolutionIsRecorded()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });

        var responses = await Task.WhenAll(
            TicketApi.PostAsync(cast.Technician, id, "solve", new { solution = "Solución uno." }),
            TicketApi.PostAsync(cast.Administrator, id, "solve", new { solution = "Solución dos." }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var after = await TicketApi.GetAsync(cast.Technician, id);
        Assert.Single(after.TimelineKinds(), k => k == "Solution");
    }

    [Fact]
    public async Task StaleWrite_DetectedByTheVersionToken_Returns409()
    {
        // Two contexts load the same version; the second save must fail even without If-Match.
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);

        var conflict = await _factory.WithScopeAsync(async first =>
        {
            var firstDb = first.GetRequiredService<Infrastructure.Common.Persistence.MesaDbContext>();
            var ticket = await firstDb.Tickets.SingleAsync(t => t.Id == id);
            await TicketApi.ActAsync(cast.Technician, id, "impact", new { impact = "High" });
            ticket.SetCategory(Domain.Tickets.TicketActor.Desk(cast.Technician.Id), 2, DateTimeOffset.UtcNow);
            return await Record.ExceptionAsync(() => firstDb.SaveChangesAsync());
        });

        Assert.IsType<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>(conflict);
    }
}
