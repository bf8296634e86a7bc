using System.Net;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

public sealed class ApproveRejectTicketTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ApproveRejectTicketTests(MesaApiFactory factory) => _factory = factory;

    private async Task<int> SolvedTicketAsync(TicketCast cast)
    {
        var id = await TicketApi.OpenIdAsync(cast.RequesterA, observers: [cast.Observer.Email]);
        await TicketApi.ActAsync(cast.Technician, id, "assign", new { technicianId = cast.Technician.Id });
        await TicketApi.ActAsync(cast.Technician, id, "solve", new { solution = "Se configuró de nuevo la red." });
        return id;
    }

    [Fact]
    public async Task Approve_WithoutBody_Closes()
    {
        var cast = await TicketCast.For(_factory);
        var id = await SolvedTicketAsync(cast);

        var response = await cast.RequesterA.Client.PostAsync($"/api/v1/tickets/{id}/approve", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Closed", (await response.JsonAsync()).Status());
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task Decision_ByObserverOrDesk_Returns403_OnlyTheRequesterDecides(string action)
    {
        var cast = await TicketCast.For(_factory);
        var id = await SolvedTicketAsync(cast);

        foreach (var user in new[] { cast.Observer, cast.Technician })
        {
            var response = await TicketApi.PostAsync(user, id, action, new { reason = "No", comment = "Ok" });
            await response.ProblemAsync(HttpStatusCode.Forbidden, "tickets.only_requester_decides");
        }

        Assert.Equal("Solved", (await TicketApi.GetAsync(cast.RequesterA, id)).Status());
    }

    [Fact]
    public async Task Approve_BeforeTheSolution_Returns409WithWhatIsAllowed()
    {
        var cast = await TicketCast.For(_factory);
        var id = await TicketApi.OpenIdAsync(cast.RequesterA);

        var response = await TicketApi.PostAsync(cast.RequesterA, id, "approve");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict, "tickets.invalid_transition");
        Assert.Equal("New", problem.GetProperty("currentStatus").GetString());
        Assert.Equal(["AddPublicFollowUp", "AddObserver", "RemoveObserver"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Reject_InEnglish_ExplainsTheReasonIsRequired()
    {
        var cast = await TicketCast.For(_factory);
        var id = await SolvedTicketAsync(cast);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tickets/{id}/reject") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = "" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var response = await cast.RequesterA.Client.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("To reject the solution give a reason (at most 10,000 characters).", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
    }
}
