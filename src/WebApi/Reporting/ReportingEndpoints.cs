using System.Globalization;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Reporting;
using MesaServicios.Application.Reporting.Backlog;
using MesaServicios.Application.Reporting.Equipment;
using MesaServicios.Application.Reporting.ExportTickets;
using MesaServicios.Application.Reporting.MonthlyReport;
using MesaServicios.Application.Reporting.RejectedSolutions;
using MesaServicios.Application.Reporting.ReopenedTickets;
using MesaServicios.Application.Reporting.ServiceLevelCompliance;
using MesaServicios.Application.Reporting.ServiceTimes;
using MesaServicios.Application.Reporting.Workload;
using MesaServicios.Application.Reporting.TicketCounts;
using MesaServicios.Application.Reporting.TicketTrend;
using MesaServicios.Application.Reporting.TopProblems;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Reporting;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Reporting;

/// <summary>
/// Reports for the desk (technicians and administrators; a requester gets 403). Every report answers JSON, or CSV
/// with <c>Accept: text/csv</c> (UTF-8 with BOM, headers in the caller's language, streamed).
/// </summary>
internal static class ReportingEndpoints
{
    private const string Filters = """
        Period and filters (all optional, query string): `from`, `to` — local days `YYYY-MM-DD` in the office's time zone
        (America/Bogota), both included; default the current month up to today. `type` (Incident | Request),
        `categoryId` (its subcategories included), `department` (the requester's, exact, any case), `technicianId`,
        `source` (Portal | Phone — opened on behalf of someone who called — | Email). The tickets counted are those
        opened in the period. Send `Accept: text/csv` for CSV (UTF-8 with BOM; headers in Spanish, or English with
        `Accept-Language: en`).
        """;

    public static IEndpointRouteBuilder MapReportingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.Technician);

        group.MapGet("/tickets/counts", async ([AsParameters] ReportRequest request, string? by, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var query = request.Read((filter, fields) => new GetTicketCountsQuery(filter, fields.Enum<ReportDimension>(by ?? "type", "by", "reporting.dimension_invalid") ?? ReportDimension.Type));
                var report = await sender.Send(query, ct);
                return ReportCsv.Wanted(http.Request)
                    ? ReportCsv.Write(report.Rows, $"tickets-{report.Dimension.ToString().ToLowerInvariant()}.csv",
                        new CsvColumn<CountRow>("reporting.column.key", r => r.Key),
                        new CsvColumn<CountRow>("reporting.column.label", r => r.Label),
                        new CsvColumn<CountRow>("reporting.column.count", r => ReportCsv.Number(r.Count)),
                        new CsvColumn<CountRow>("reporting.column.share", r => ReportCsv.Number(r.Share)))
                    : Results.Ok(report);
            })
            .WithName("ticket_counts")
            .WithSummary("Tickets opened in a period counted by type, urgency, priority, status, category, department, technician or source (`by`), with filters; JSON or CSV.")
            .WithDescription("Example: `GET /api/v1/reports/tickets/counts?by=urgency&from=2026-03-01&to=2026-03-31&type=Incident`.\n\n`by`: type (default), urgency, priority, status (current status), category, department, technician, source. "
                + "Enum groupings list every value (zeros included); the others list the groups with tickets, largest first; `key` is the value to filter by (empty for none).\n\n" + Filters)
            .Produces<TicketCountsReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/tickets/trend", async ([AsParameters] ReportRequest request, string? granularity, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var query = request.Read((filter, fields) => new GetTicketTrendQuery(filter, fields.Enum<TrendGranularity>(granularity ?? "day", "granularity", "reporting.granularity_invalid") ?? TrendGranularity.Day));
                var report = await sender.Send(query, ct);
                return ReportCsv.Wanted(http.Request)
                    ? ReportCsv.Write(report.Rows, $"tendencia-{report.Granularity.ToString().ToLowerInvariant()}.csv",
                        new CsvColumn<TrendRow>("reporting.column.period_start", r => ReportCsv.Day(r.PeriodStart)),
                        new CsvColumn<TrendRow>("reporting.column.opened", r => ReportCsv.Number(r.Opened)),
                        new CsvColumn<TrendRow>("reporting.column.solved", r => ReportCsv.Number(r.Solved)))
                    : Results.Ok(report);
            })
            .WithName("ticket_trend")
            .WithSummary("Tickets opened and solved per day, week (from Monday) or month over a period, with filters; JSON or CSV.")
            .WithDescription("Example: `GET /api/v1/reports/tickets/trend?granularity=week&from=2026-01-01&to=2026-03-31&categoryId=3`.\n\n`granularity`: day (default), week, month. "
                + "Every bucket of the period is listed (empty ones with 0); the first and last may be partial. `solved` counts the tickets matching the filters solved in that bucket, whenever they were opened.\n\n" + Filters)
            .Produces<TicketTrendReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/problems/top", async ([AsParameters] ReportRequest request, string? top, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var query = request.Read((filter, fields) => new GetTopProblemsQuery(filter, fields.Parse<int>(top, "top") ?? 10));
                var report = await sender.Send(query, ct);
                if (!ReportCsv.Wanted(http.Request))
                {
                    return Results.Ok(report);
                }

                var culture = CultureInfo.CurrentUICulture;
                var rows = report.Categories.Select(r => (Kind: Messages.Get("reporting.kind.category", culture), Row: r))
                    .Concat(report.Terms.Select(r => (Kind: Messages.Get("reporting.kind.term", culture), Row: r)));
                return ReportCsv.Write(rows, "problemas-frecuentes.csv",
                    new CsvColumn<(string Kind, ProblemRow Row)>("reporting.column.kind", r => r.Kind),
                    new CsvColumn<(string Kind, ProblemRow Row)>("reporting.column.key", r => r.Row.Key),
                    new CsvColumn<(string Kind, ProblemRow Row)>("reporting.column.label", r => r.Row.Label),
                    new CsvColumn<(string Kind, ProblemRow Row)>("reporting.column.count", r => ReportCsv.Number(r.Row.Count)),
                    new CsvColumn<(string Kind, ProblemRow Row)>("reporting.column.previous_count", r => ReportCsv.Number(r.Row.PreviousCount)),
                    new CsvColumn<(string Kind, ProblemRow Row)>("reporting.column.change", r => ReportCsv.Number(r.Row.ChangePercent)));
            })
            .WithName("top_problems")
            .WithSummary("The most frequent problems of a period: top N categories and title terms (accent- and case-folded, Spanish stop words out), each with the change against the previous period of equal length; JSON or CSV.")
            .WithDescription("Example: `GET /api/v1/reports/problems/top?top=10&from=2026-03-01&to=2026-03-31`.\n\n`top`: 1..100 (default 10). "
                + "A category counts its own tickets (filter by `categoryId` to narrow to a branch). `changePercent` is null when the previous count was 0.\n\n" + Filters)
            .Produces<TopProblemsReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/times", async ([AsParameters] ReportRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var report = await sender.Send(request.Read((filter, _) => new GetServiceTimesQuery(filter)), ct);
                if (!ReportCsv.Wanted(http.Request))
                {
                    return Results.Ok(report);
                }

                var culture = CultureInfo.CurrentUICulture;
                var rows = report.ByUrgency.Select(r => (Group: Messages.Get("reporting.group.urgency", culture), Row: r))
                    .Concat(report.ByTechnician.Select(r => (Group: Messages.Get("reporting.group.technician", culture), Row: r)));
                return ReportCsv.Write(rows, "tiempos.csv",
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.group", r => r.Group),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.key", r => r.Row.Key),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.label", r => r.Row.Label),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.tickets", r => ReportCsv.Number(r.Row.Tickets)),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.owned", r => ReportCsv.Number(r.Row.Owned)),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.solved", r => ReportCsv.Number(r.Row.Solved)),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.own_p50", r => ReportCsv.Number(r.Row.OwnP50)),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.own_p90", r => ReportCsv.Number(r.Row.OwnP90)),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.resolve_p50", r => ReportCsv.Number(r.Row.ResolveP50)),
                    new CsvColumn<(string Group, ServiceTimeRow Row)>("reporting.column.resolve_p90", r => ReportCsv.Number(r.Row.ResolveP90)));
            })
            .WithName("times")
            .WithSummary("Time to own and time to resolve (p50, p90, business minutes) of the tickets opened in a period, by urgency and by technician; JSON or CSV.")
            .WithDescription("Example: `GET /api/v1/reports/times?from=2026-03-01&to=2026-03-31`.\n\nBusiness time follows the service-level calendar (working hours, Colombian holidays, closures). "
                + "Time to own: opening → first assignment or public answer. Time to resolve: opening → solution, less the time the clock was paused (Pending, rejected solutions). Percentiles by nearest rank; null when no ticket has that time.\n\n" + Filters)
            .Produces<ServiceTimesReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/service-levels", async ([AsParameters] ReportRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var report = await sender.Send(request.Read((filter, _) => new GetServiceLevelComplianceQuery(filter)), ct);
                return ReportCsv.Wanted(http.Request)
                    ? ReportCsv.Write(report.ByUrgency, "cumplimiento-ans.csv",
                        new CsvColumn<ComplianceRow>("reporting.column.key", r => r.Key),
                        new CsvColumn<ComplianceRow>("reporting.column.label", r => r.Label),
                        new CsvColumn<ComplianceRow>("reporting.column.met", r => ReportCsv.Number(r.Met)),
                        new CsvColumn<ComplianceRow>("reporting.column.missed", r => ReportCsv.Number(r.Missed)),
                        new CsvColumn<ComplianceRow>("reporting.column.running", r => ReportCsv.Number(r.Running)),
                        new CsvColumn<ComplianceRow>("reporting.column.compliance", r => ReportCsv.Number(r.CompliancePercent)))
                    : Results.Ok(report);
            })
            .WithName("service_levels")
            .WithSummary("Service-level compliance per urgency of the tickets opened in a period: met, missed, still running, and the compliance rate; JSON or CSV.")
            .WithDescription("Example: `GET /api/v1/reports/service-levels?from=2026-03-01&to=2026-03-31&type=Incident`.\n\nMet: owned within the time to own and solved within the time to resolve. Missed: a target passed (solved late, or still open after it). "
                + "`compliancePercent` = met ÷ (met + missed), null when nothing is decided yet.\n\n" + Filters)
            .Produces<ServiceLevelComplianceReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/backlog", async ([AsParameters] ReportRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var report = await sender.Send(request.Read((filter, _) => new GetBacklogQuery(filter)), ct);
                return ReportCsv.Wanted(http.Request)
                    ? ReportCsv.Write(report.Rows, "pendientes-por-antiguedad.csv",
                        new CsvColumn<BacklogRow>("reporting.column.key", r => r.Bucket.ToString()),
                        new CsvColumn<BacklogRow>("reporting.column.age", r => r.Label),
                        new CsvColumn<BacklogRow>("reporting.column.count", r => ReportCsv.Number(r.Count)))
                    : Results.Ok(report);
            })
            .WithName("backlog")
            .WithSummary("The open tickets now (New, In progress, Pending) by age in business days: 0–2, 3–5, 6–10, more than 10; JSON or CSV.")
            .WithDescription("Example: `GET /api/v1/reports/backlog?technicianId=0193a2b4-0000-7000-8000-000000000002`.\n\nThe period (`from`, `to`) does not apply: the backlog is today's. A business day is the shortest working day of the calendar.\n\n" + Filters)
            .Produces<BacklogReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/workload", async ([AsParameters] ReportRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var report = await sender.Send(request.Read((filter, _) => new GetWorkloadQuery(filter)), ct);
                return ReportCsv.Wanted(http.Request)
                    ? ReportCsv.Write(report.Rows, "carga-por-tecnico.csv",
                        new CsvColumn<WorkloadRow>("reporting.column.key", r => r.TechnicianId),
                        new CsvColumn<WorkloadRow>("reporting.column.technician", r => r.Name),
                        new CsvColumn<WorkloadRow>("reporting.column.open", r => ReportCsv.Number(r.Open)),
                        new CsvColumn<WorkloadRow>("reporting.column.solved_in_period", r => ReportCsv.Number(r.SolvedInPeriod)),
                        new CsvColumn<WorkloadRow>("reporting.column.median_resolve", r => ReportCsv.Number(r.MedianResolveMinutes)))
                    : Results.Ok(report);
            })
            .WithName("workload")
            .WithSummary("Each technician's workload: tickets assigned and open now, tickets solved in the period and their median time to resolve (business minutes); JSON or CSV.")
            .WithDescription("Example: `GET /api/v1/reports/workload?from=2026-03-01&to=2026-03-31`.\n\nEvery active technician is listed (busiest first), also those with nothing.\n\n" + Filters)
            .Produces<WorkloadReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/solutions/rejected", async ([AsParameters] ReportRequest request, string? page, string? pageSize, HttpContext http, ISender sender, IServiceLevelCatalog serviceLevels, CancellationToken ct) =>
            {
                var csv = ReportCsv.Wanted(http.Request);
                var query = request.Read((filter, fields) => new GetRejectedSolutionsQuery(filter, fields.Parse<int>(page, "page") ?? 1, fields.Parse<int>(pageSize, "pageSize") ?? Application.Common.Paging.Paging.DefaultPageSize, All: csv));
                var report = await sender.Send(query, ct);
                if (!csv)
                {
                    return Results.Ok(report);
                }

                var zone = (await serviceLevels.CurrentAsync(ct)).Calendar.Zone;
                return ReportCsv.Write(report.Rejections.Items, $"soluciones-rechazadas-{ReportCsv.Day(report.From)}-{ReportCsv.Day(report.To)}.csv",
                    new CsvColumn<RejectedSolutionRow>("reporting.column.id", r => ReportCsv.Number(r.TicketId)),
                    new CsvColumn<RejectedSolutionRow>("reporting.column.title", r => r.Title),
                    new CsvColumn<RejectedSolutionRow>("reporting.column.technician", r => r.Technician),
                    new CsvColumn<RejectedSolutionRow>("reporting.column.proposed_at", r => ReportCsv.Local(r.ProposedAt, zone)),
                    new CsvColumn<RejectedSolutionRow>("reporting.column.rejected_at", r => ReportCsv.Local(r.RejectedAt, zone)),
                    new CsvColumn<RejectedSolutionRow>("reporting.column.reason", r => r.Reason));
            })
            .WithName("rejectedSolutions")
            .WithSummary("Rejected solutions: of the solutions proposed in a period, how many the requesters rejected (rate overall and by technician) and the list of the rejected ones with the requester's reason; JSON (list paged) or CSV (whole list).")
            .WithDescription("Example: `GET /api/v1/reports/solutions/rejected?from=2026-03-01&to=2026-03-31&page=1&pageSize=20`.\n\n"
                + "A solution counts in the period it was proposed in, and as rejected whenever the requester rejected it. `ratePercent` = rejected ÷ proposed (one decimal), null when nothing was proposed. "
                + "`technicianId` filters by the technician who proposed the solution. `page` (from 1) and `pageSize` (1..100, default 20) page `rejections` (most recently proposed first); the CSV holds the whole list.\n\n" + Filters)
            .Produces<RejectedSolutionsReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/tickets/reopened", async ([AsParameters] ReportRequest request, string? page, string? pageSize, HttpContext http, ISender sender, IServiceLevelCatalog serviceLevels, CancellationToken ct) =>
            {
                var csv = ReportCsv.Wanted(http.Request);
                var query = request.Read((filter, fields) => new GetReopenedTicketsQuery(filter, fields.Parse<int>(page, "page") ?? 1, fields.Parse<int>(pageSize, "pageSize") ?? Application.Common.Paging.Paging.DefaultPageSize, All: csv));
                var report = await sender.Send(query, ct);
                if (!csv)
                {
                    return Results.Ok(report);
                }

                var zone = (await serviceLevels.CurrentAsync(ct)).Calendar.Zone;
                var culture = CultureInfo.CurrentUICulture;
                return ReportCsv.Write(report.Items, $"tickets-reabiertos-{ReportCsv.Day(report.From)}-{ReportCsv.Day(report.To)}.csv",
                    new CsvColumn<ReopenedTicketRow>("reporting.column.id", r => ReportCsv.Number(r.TicketId)),
                    new CsvColumn<ReopenedTicketRow>("reporting.column.title", r => r.Title),
                    new CsvColumn<ReopenedTicketRow>("reporting.column.technician", r => r.Technician),
                    new CsvColumn<ReopenedTicketRow>("reporting.column.category", r => r.Category),
                    new CsvColumn<ReopenedTicketRow>("reporting.column.reopened_at", r => ReportCsv.Local(r.ReopenedAt, zone)),
                    new CsvColumn<ReopenedTicketRow>("reporting.column.previous_status", r => Messages.Get("reporting.status." + r.From, culture)),
                    new CsvColumn<ReopenedTicketRow>("reporting.column.reason", r => r.Reason));
            })
            .WithName("reopenedTickets")
            .WithSummary("Reopened tickets: the tickets sent back to work in a period (from Solved or Closed back to work, today by a rejected solution), counted by technician and category, with the list of reopenings; JSON (list paged) or CSV (whole list).")
            .WithDescription("Example: `GET /api/v1/reports/tickets/reopened?from=2026-03-01&to=2026-03-31&page=1&pageSize=20`.\n\n"
                + "The period is the instant of the reopening. `tickets` counts each ticket once, `reopenings` every time. Grouped by the ticket's assigned technician (`technicianId` filters by it) and by its category; the counts and groups always cover the whole period. "
                + "`page` (from 1) and `pageSize` (1..100, default 20) page `items` (oldest first); `page`, `pageSize`, `total` (= `reopenings`) and `totalPages` describe the page. The CSV holds the whole list.\n\n" + Filters)
            .Produces<ReopenedTicketsReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/equipment", async ([AsParameters] ReportRequest request, string? materialTypeId, string? view, HttpContext http, ISender sender, IServiceLevelCatalog serviceLevels, CancellationToken ct) =>
            {
                var query = request.Read((filter, fields) => new GetEquipmentReportQuery(filter, fields.Parse<int>(materialTypeId, "materialTypeId")));
                var csvView = (view ?? "types").Trim().ToLowerInvariant();
                if (csvView is not ("types" or "items" or "no-shows" or "late-returns"))
                {
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("view", Messages.Get("reporting.equipment_view_invalid"))]);
                }

                var report = await sender.Send(query, ct);
                if (!ReportCsv.Wanted(http.Request))
                {
                    return Results.Ok(report);
                }

                var zone = (await serviceLevels.CurrentAsync(ct)).Calendar.Zone;
                var culture = CultureInfo.CurrentUICulture;
                var name = $"equipos-{csvView}-{ReportCsv.Day(report.From)}-{ReportCsv.Day(report.To)}.csv";
                CsvColumn<EquipmentBookingRow>[] bookingColumns =
                [
                    new("reporting.column.code", r => r.Code),
                    new("reporting.column.item", r => r.Item),
                    new("reporting.column.material_type", r => r.MaterialType),
                    new("reporting.column.holder", r => r.Holder),
                    new("reporting.column.starts_at", r => ReportCsv.Local(r.StartsAt, zone)),
                    new("reporting.column.ends_at", r => ReportCsv.Local(r.EndsAt, zone)),
                    new("reporting.column.returned_at", r => ReportCsv.Local(r.ReturnedAt, zone)),
                    new("reporting.column.still_out", r => Messages.Get(r.StillOut ? "reporting.yes" : "reporting.no", culture)),
                    new("reporting.column.minutes_late", r => ReportCsv.Number(r.MinutesLate)),
                ];
                return csvView switch
                {
                    "items" => ReportCsv.Write(report.Items, name,
                        new CsvColumn<ItemUtilisationRow>("reporting.column.code", r => r.Code),
                        new CsvColumn<ItemUtilisationRow>("reporting.column.item", r => r.Name),
                        new CsvColumn<ItemUtilisationRow>("reporting.column.material_type", r => r.MaterialType),
                        new CsvColumn<ItemUtilisationRow>("reporting.column.reservations", r => ReportCsv.Number(r.Reservations)),
                        new CsvColumn<ItemUtilisationRow>("reporting.column.booked_hours", r => ReportCsv.Number(r.BookedHours)),
                        new CsvColumn<ItemUtilisationRow>("reporting.column.utilisation", r => ReportCsv.Number(r.UtilisationPercent))),
                    "no-shows" => ReportCsv.Write(report.NoShows, name, bookingColumns),
                    "late-returns" => ReportCsv.Write(report.LateReturns, name, bookingColumns),
                    _ => ReportCsv.Write(report.MaterialTypes, name,
                        new CsvColumn<MaterialTypeUseRow>("reporting.column.key", r => ReportCsv.Number(r.MaterialTypeId)),
                        new CsvColumn<MaterialTypeUseRow>("reporting.column.material_type", r => r.MaterialType),
                        new CsvColumn<MaterialTypeUseRow>("reporting.column.reservations", r => ReportCsv.Number(r.Reservations)),
                        new CsvColumn<MaterialTypeUseRow>("reporting.column.hours", r => ReportCsv.Number(r.Hours))),
                };
            })
            .WithName("equipmentReport")
            .WithSummary("Equipment loans of a period: most reserved material types (reservations, hours), utilisation per item, no-shows and late returns, of one material type when given; JSON, or CSV of one part (`view`).")
            .WithDescription("Example: `GET /api/v1/reports/equipment?from=2026-03-01&to=2026-03-31&materialTypeId=1`.\n\n"
                + "`materialTypeId`: only that material type. Most reserved types: reservations starting in the period (no-shows included, cancelled ones not) and their booked hours. "
                + "Utilisation: business hours booked in the period ÷ bookable business hours of the period (the service-level calendar: working hours less holidays and closures; no-shows do not count). "
                + "No-shows: reservations starting in the period never picked up. Late returns: reservations ending in the period returned after their end, or still out after it (`minutesLate` up to now). "
                + "With `Accept: text/csv`, `view` picks the part: types (default), items, no-shows, late-returns. The ticket filters (type, category, department, technician, source) do not apply; the period does.\n\n" + Filters)
            .Produces<EquipmentReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/monthly", async (string? month, HttpContext http, ISender sender, IServiceLevelCatalog serviceLevels, TimeProvider clock, CancellationToken ct) =>
            {
                var zone = (await serviceLevels.CurrentAsync(ct)).Calendar.Zone;
                var (year, number) = MonthOf(month, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
                var report = await sender.Send(new GetMonthlyReportQuery(year, number), ct);
                var wantsHtml = http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
                if (!wantsHtml)
                {
                    return Results.Ok(report);
                }

                var rendered = MonthlyReportEmail.Render(report, CultureInfo.CurrentUICulture, http.User.Identity?.Name ?? string.Empty);
                return Results.Content(rendered.HtmlBody, "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.Administrator)
            .WithName("monthlyReport")
            .WithSummary("Preview of the monthly report (administrators): a month's key figures and top 10 problems against the month before, as JSON or, with `Accept: text/html`, the mail's HTML.")
            .WithDescription("Example: `GET /api/v1/reports/monthly?month=2026-10`.\n\n`month`: YYYY-MM (default the previous month). "
                + "Key figures: opened, solved, closed, open at month end, p50 time to own and to resolve (business minutes), SLA compliance, rejected-solution rate, reopened tickets; "
                + "top 10 categories and title terms, each with its count the month before and the change. On the first business day of each month a job mails this report for the previous month "
                + "to every active administrator, once (Spanish, or English for administrators who read English).")
            .Produces<MonthlyReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/tickets/export", async ([AsParameters] ReportRequest request, ISender sender, CancellationToken ct) =>
            {
                var query = request.Read((filter, _) => new ExportTicketsQuery(filter));
                var export = await sender.Send(query, ct);
                var zone = export.Zone;
                var culture = CultureInfo.CurrentUICulture;
                return ReportCsv.Write(export.Rows, $"tickets-{ReportCsv.Day(export.From)}-{ReportCsv.Day(export.To)}.csv",
                    new CsvColumn<TicketExportRow>("reporting.column.id", r => ReportCsv.Number(r.Id)),
                    new CsvColumn<TicketExportRow>("reporting.column.created_at", r => ReportCsv.Local(r.CreatedAt, zone)),
                    new CsvColumn<TicketExportRow>("reporting.column.title", r => r.Title),
                    new CsvColumn<TicketExportRow>("reporting.column.type", r => Messages.Get("reporting.type." + r.Type, culture)),
                    new CsvColumn<TicketExportRow>("reporting.column.status", r => Messages.Get("reporting.status." + r.Status, culture)),
                    new CsvColumn<TicketExportRow>("reporting.column.urgency", r => Messages.Get("reporting.level." + r.Urgency, culture)),
                    new CsvColumn<TicketExportRow>("reporting.column.priority", r => Messages.Get("reporting.level." + r.Priority, culture)),
                    new CsvColumn<TicketExportRow>("reporting.column.source", r => Messages.Get("reporting.source." + r.Source, culture)),
                    new CsvColumn<TicketExportRow>("reporting.column.category", r => r.Category),
                    new CsvColumn<TicketExportRow>("reporting.column.requester", r => r.RequesterName),
                    new CsvColumn<TicketExportRow>("reporting.column.department", r => r.Department),
                    new CsvColumn<TicketExportRow>("reporting.column.technician", r => r.Technician),
                    new CsvColumn<TicketExportRow>("reporting.column.first_response_at", r => ReportCsv.Local(r.FirstResponseAt, zone)),
                    new CsvColumn<TicketExportRow>("reporting.column.solved_at", r => ReportCsv.Local(r.SolvedAt, zone)),
                    new CsvColumn<TicketExportRow>("reporting.column.closed_at", r => ReportCsv.Local(r.ClosedAt, zone)));
            })
            .WithName("export_tickets")
            .WithSummary("The desk's ticket export: the tickets opened in a period with the report filters, oldest first, as CSV (UTF-8 with BOM, streamed; dates local to the office).")
            .WithDescription("Example: `GET /api/v1/reports/tickets/export?from=2026-03-01&to=2026-03-31&department=Biblioteca`.\n\n" + Filters)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }

    /// <summary>"2026-10" → (2026, 10); empty → the month before <paramref name="localNow"/>'s.</summary>
    private static (int Year, int Month) MonthOf(string? month, DateTime localNow)
    {
        if (string.IsNullOrWhiteSpace(month))
        {
            var previous = localNow.AddMonths(-1);
            return (previous.Year, previous.Month);
        }

        return DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? (first.Year, first.Month)
            : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("month", Messages.Get("reporting.month_invalid"))]);
    }
}
