using Mediator;
using MesaServicios.Application.ServiceLevels.Calendar;
using MesaServicios.Application.ServiceLevels.Targets;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.ServiceLevels;

/// <summary>Body of <c>PUT /api/v1/calendar/working-hours</c>.</summary>
public sealed record WorkingHoursBody(IReadOnlyList<WorkingDayInput>? Days);

/// <summary>Body of <c>PUT /api/v1/service-levels/targets</c>.</summary>
public sealed record ServiceLevelTargetsBody(IReadOnlyList<ServiceLevelTargetInput>? Targets);

internal static class ServiceLevelEndpoints
{
    public static IEndpointRouteBuilder MapServiceLevelEndpoints(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Business calendar").RequireAuthorization(Policies.SignedIn);

        calendar.MapGet("/holidays", async (int? year, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetHolidaysQuery(year), ct)))
            .WithSummary("Colombian public holidays of a year (default: this year), computed by rule: fixed dates, those moved to Monday (Ley 51 de 1983) and those that follow Easter. Names in Spanish, English with Accept-Language: en.")
            .WithDescription("Example: `GET /api/v1/calendar/holidays?year=2026`")
            .Produces<IReadOnlyList<HolidayDto>>()
            .ProducesValidationProblem();

        calendar.MapGet("/", async (bool? includePast, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetBusinessCalendarQuery(includePast ?? false), ct)))
            .WithSummary("The business calendar: time zone, working hours per weekday, and the office's closures (from today on; includePast=true for all).")
            .Produces<BusinessCalendarDto>();

        calendar.MapPut("/working-hours", async (WorkingHoursBody body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SetWorkingHoursCommand(body.Days), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Replace the working week (administrators). Days not listed are days off. Applies at once to new due dates.")
            .WithDescription("""
                Example body:
                ```json
                { "days": [ { "day": "Monday", "opens": "07:00", "closes": "17:00" }, { "day": "Tuesday", "opens": "07:00", "closes": "17:00" },
                            { "day": "Wednesday", "opens": "07:00", "closes": "17:00" }, { "day": "Thursday", "opens": "07:00", "closes": "17:00" },
                            { "day": "Friday", "opens": "07:00", "closes": "16:00" } ] }
                ```
                Refused (field error on `days`) when a stored time to own would then exceed 5 of the shortest working days.
                """)
            .Produces<BusinessCalendarDto>()
            .ProducesValidationProblem();

        calendar.MapPost("/closures", async (AddClosureCommand body, ISender sender, CancellationToken ct) =>
            {
                var closure = await sender.Send(body, ct);
                return Results.Created($"/api/v1/calendar/closures/{closure.Id}", closure);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Close the office on some days (administrators): institutional vacations, a day off. Both dates included; no business time runs on them.")
            .WithDescription("""Example body: `{ "startDate": "2026-12-21", "endDate": "2027-01-08", "reason": "Vacaciones colectivas" }`""")
            .Produces<ClosureDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        calendar.MapDelete("/closures/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RemoveClosureCommand(id), ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Remove a closure (administrators).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var levels = app.MapGroup("/api/v1/service-levels").WithTags("Service levels").RequireAuthorization(Policies.SignedIn);

        levels.MapGet("/targets", async (ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetServiceLevelTargetsQuery(), ct)))
            .WithSummary("The service-level targets in force per urgency (and optionally per type): time to own and time to resolve, in business minutes.")
            .Produces<ServiceLevelTargetsDto>();

        levels.MapPut("/targets", async (ServiceLevelTargetsBody body, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new SetServiceLevelTargetsCommand(body.Targets), ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Replace the targets (administrators). New tickets use them at once; open tickets keep their due dates until POST /service-levels/recompute. No time to own beyond 5 business days.")
            .WithDescription("""
                Example body (minutes of business time; urgencies left out keep their default):
                ```json
                { "targets": [ { "urgency": "VeryHigh", "ownMinutes": 30, "resolveMinutes": 480 },
                               { "urgency": "High", "type": "Incident", "ownMinutes": 120, "resolveMinutes": 960 } ] }
                ```
                """)
            .Produces<ServiceLevelTargetsDto>()
            .ProducesValidationProblem();

        return app;
    }
}
