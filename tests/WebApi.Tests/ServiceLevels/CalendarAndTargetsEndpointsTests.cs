using System.Net;
using System.Net.Http.Json;
using System.Text;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.ServiceLevels;

/// <summary>The holidays endpoint, the calendar and targets administration: who may change them, and bad input.</summary>
public sealed class CalendarAndTargetsEndpointsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public CalendarAndTargetsEndpointsTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Holidays_2026_ListsTheEighteenOfficialDates_InSpanish_OrEnglish()
    {
        var requester = await _factory.CreateUserAsync();

        var spanish = await (await (await requester.Client.GetAsync("/api/v1/calendar/holidays?year=2026")).EnsureSuccessAsync()).JsonAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/calendar/holidays?year=2026");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await (await requester.Client.SendAsync(request)).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal(18, spanish.GetArrayLength());
        var first = spanish.EnumerateArray().First(h => h.GetProperty("date").GetString() == "2026-03-23");
        Assert.Equal("Día de San José", first.GetProperty("name").GetString());
        Assert.Equal("Monday", first.GetProperty("dayOfWeek").GetString());
        Assert.Equal("MovedToMonday", first.GetProperty("rule").GetString());
        Assert.Contains(english.EnumerateArray(), h => h.GetProperty("date").GetString() == "2026-04-03" && h.GetProperty("name").GetString() == "Good Friday");
    }

    [Fact]
    public async Task Holidays_WithAnImpossibleYear_IsAFieldError()
    {
        var requester = await _factory.CreateUserAsync();

        var response = await requester.Client.GetAsync("/api/v1/calendar/holidays?year=1200");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("El año debe estar entre 1984 y 9998.", problem.GetProperty("errors").GetProperty("year")[0].GetString());
    }

    public static TheoryData<string, string, string> AdminRoutes() => new()
    {
        { "PUT", "/api/v1/calendar/working-hours", """{ "days": [ { "day": "Monday", "opens": "08:00", "closes": "12:00" } ] }""" },
        { "POST", "/api/v1/calendar/closures", """{ "startDate": "2026-12-21", "endDate": "2026-12-31", "reason": "Vacaciones" }""" },
        { "PUT", "/api/v1/service-levels/targets", """{ "targets": [ { "urgency": "High", "ownMinutes": 60, "resolveMinutes": 600 } ] }""" },
        { "POST", "/api/v1/service-levels/recompute", "{}" },
    };

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoutes_AreRefusedToRequestersAndTechnicians_AndChangeNothing(string method, string route, string body)
    {
        var requester = await _factory.CreateUserAsync();
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var before = await (await requester.Client.GetAsync("/api/v1/service-levels/targets")).Content.ReadAsStringAsync();

        foreach (var user in new[] { requester, technician })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await user.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var calendar = await (await (await requester.Client.GetAsync("/api/v1/calendar")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(5, calendar.GetProperty("workingHours").GetArrayLength());
        Assert.Equal(0, calendar.GetProperty("closures").GetArrayLength());
        Assert.Equal(before, await (await requester.Client.GetAsync("/api/v1/service-levels/targets")).Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string, string, string, string?> BadInput() => new()
    {
        { "PUT", "/api/v1/calendar/working-hours", """{ "days": [ { "day": "Lunes", "opens": "07:00", "closes": "17:00" } ] }""", "days[0].day", null },
        { "PUT", "/api/v1/calendar/working-hours", """{ "days": [ { "day": "Monday", "opens": "7am", "closes": "17:00" } ] }""", "days[0].opens", null },
        { "PUT", "/api/v1/calendar/working-hours", """{ "days": [ { "day": "Monday", "opens": "17:00", "closes": "07:00" } ] }""", "days[0].closes", "en" },
        { "PUT", "/api/v1/calendar/working-hours", """{ "days": [] }""", "days", null },
        { "POST", "/api/v1/calendar/closures", """{ "startDate": "2026-12-31", "endDate": "2026-12-01", "reason": "Vacaciones" }""", "endDate", null },
        { "POST", "/api/v1/calendar/closures", """{ "startDate": "31/12/2026", "endDate": "2027-01-02", "reason": "Vacaciones" }""", "startDate", null },
        { "POST", "/api/v1/calendar/closures", """{ "startDate": "2026-12-21", "endDate": "2027-01-02", "reason": " " }""", "reason", "en" },
        { "PUT", "/api/v1/service-levels/targets", """{ "targets": [ { "urgency": "Altísima", "ownMinutes": 60, "resolveMinutes": 600 } ] }""", "targets[0].urgency", null },
        { "PUT", "/api/v1/service-levels/targets", """{ "targets": [ { "urgency": "Low", "ownMinutes": 3001, "resolveMinutes": 6000 } ] }""", "targets[0].ownMinutes", null },
        { "PUT", "/api/v1/service-levels/targets", """{ "targets": [ { "urgency": "Low", "ownMinutes": 600, "resolveMinutes": 300 } ] }""", "targets[0].resolveMinutes", "en" },
        { "PUT", "/api/v1/service-levels/targets", """{ "targets": [ { "urgency": "Low", "ownMinutes": 600, "resolveMinutes": 900 }, { "urgency": "low", "ownMinutes": 60, "resolveMinutes": 900 } ] }""", "targets", null },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task AdminRoutes_WithBadInput_Return400WithTheFieldError_AndChangeNothing(string method, string route, string body, string field, string? language)
    {
        var admin = await _factory.AdminAsync();
        var before = await (await admin.Client.GetAsync("/api/v1/service-levels/targets")).Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await admin.Client.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Equal(language == "en", message!.Contains(" the ", StringComparison.Ordinal) || message.StartsWith("The ", StringComparison.Ordinal) || message.StartsWith("Give ", StringComparison.Ordinal));
        var calendar = await (await (await admin.Client.GetAsync("/api/v1/calendar")).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(5, calendar.GetProperty("workingHours").GetArrayLength());
        Assert.Equal(0, calendar.GetProperty("closures").GetArrayLength());
        Assert.Equal(before, await (await admin.Client.GetAsync("/api/v1/service-levels/targets")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Administrator_ManagesHoursClosuresAndTargets()
    {
        using var factory = new MesaApiFactory();
        var admin = await factory.AdminAsync();

        // Shorter days first refused: the default time to own of VeryLow (5 days of 10 hours) would break the promise.
        var refused = await admin.Client.PutAsJsonAsync("/api/v1/calendar/working-hours", new
        {
            days = new[] { new { day = "Monday", opens = "08:00", closes = "16:00" }, new { day = "Friday", opens = "08:00", closes = "12:00" } },
        });
        await refused.ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.Client.PutAsJsonAsync("/api/v1/service-levels/targets", new
        {
            targets = new[]
            {
                new { urgency = "VeryLow", type = (string?)null, ownMinutes = 1_200, resolveMinutes = 6_000 },
                new { urgency = "High", type = (string?)"Incident", ownMinutes = 120, resolveMinutes = 960 },
            },
        })).EnsureSuccessAsync();
        var hours = await (await (await admin.Client.PutAsJsonAsync("/api/v1/calendar/working-hours", new
        {
            days = new[] { new { day = "Monday", opens = "08:00", closes = "16:00" }, new { day = "Friday", opens = "08:00", closes = "12:00" } },
        })).EnsureSuccessAsync()).JsonAsync();
        var closure = await (await (await admin.Client.PostAsJsonAsync("/api/v1/calendar/closures", new { startDate = "2026-12-21", endDate = "2027-01-08", reason = "Vacaciones colectivas" })).EnsureSuccessAsync()).JsonAsync();
        var targets = await (await (await admin.Client.GetAsync("/api/v1/service-levels/targets")).EnsureSuccessAsync()).JsonAsync();

        Assert.Equal(["Monday", "Friday"], hours.GetProperty("workingHours").EnumerateArray().Select(d => d.GetProperty("day").GetString()));
        Assert.Equal(1_200, targets.GetProperty("maxOwnMinutes").GetInt32());
        var high = targets.GetProperty("targets").EnumerateArray().Where(t => t.GetProperty("urgency").GetString() == "High").ToList();
        Assert.Equal(2, high.Count);
        Assert.Contains(high, t => t.GetProperty("type").GetString() == "Incident" && t.GetProperty("ownMinutes").GetInt32() == 120 && !t.GetProperty("isDefault").GetBoolean());

        // With 4-hour Fridays, a 5-day time to own above 1,200 minutes would break the promise.
        var tooLong = await admin.Client.PutAsJsonAsync("/api/v1/service-levels/targets", new { targets = new[] { new { urgency = "Low", ownMinutes = 1_500, resolveMinutes = 6_000 } } });
        await tooLong.ProblemAsync(HttpStatusCode.BadRequest);

        var removed = await admin.Client.DeleteAsync($"/api/v1/calendar/closures/{closure.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var again = await admin.Client.DeleteAsync($"/api/v1/calendar/closures/{closure.GetProperty("id").GetString()}");
        await again.ProblemAsync(HttpStatusCode.NotFound, "servicelevels.closure_not_found");
    }
}
