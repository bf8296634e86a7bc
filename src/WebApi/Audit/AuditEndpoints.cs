using System.Globalization;
using System.Text;
using Mediator;
using MesaServicios.Application.Audit.ListAuditEntries;
using MesaServicios.Application.Common.Paging;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/audit").WithTags("Audit (administration)").RequireAuthorization(Policies.Administrator);

        group.MapGet("/", async (DateTimeOffset? from, DateTimeOffset? to, string? action, Guid? actorId, string? subject, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListAuditEntriesQuery(from, to, action, actorId, subject, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("The audit log, newest first: sign-ins (with the client address), password changes and resets, role changes, (de)activations, ticket transitions, settings changes.")
            .WithDescription("Filters: `from`/`to` (ISO 8601), `action` (a code such as `auth.sign_in_failed`, or a prefix ending in a dot such as `tickets.`), `actorId`, `subject` (contains, e.g. an e-mail or `ticket:12`).")
            .Produces<PagedResult<AuditEntryItem>>()
            .ProducesValidationProblem();

        group.MapGet("/export", async (DateTimeOffset? from, DateTimeOffset? to, string? action, Guid? actorId, string? subject, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new ListAuditEntriesQuery(from, to, action, actorId, subject, 1, 0), ct);
                return Results.File(Csv(result.Items), "text/csv; charset=utf-8", "auditoria.csv");
            })
            .WithSummary("The audit log as CSV (UTF-8 with BOM, opens in spreadsheets), same filters, newest first.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();

        return app;
    }

    private static byte[] Csv(IReadOnlyList<AuditEntryItem> items)
    {
        var text = new StringBuilder("occurredAt,action,actorId,subject,clientAddress,details\r\n");
        foreach (var item in items)
        {
            text.Append(item.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(item.Action)).Append(',')
                .Append(item.ActorId?.ToString()).Append(',')
                .Append(Field(item.Subject)).Append(',')
                .Append(Field(item.ClientAddress)).Append(',')
                .Append(Field(item.Details)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
