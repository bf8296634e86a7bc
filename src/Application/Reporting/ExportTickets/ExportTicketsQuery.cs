using Mediator;

namespace MesaServicios.Application.Reporting.ExportTickets;

/// <summary>The tickets opened in the period with the filters, oldest first, for the desk's CSV export (read as it is written out).</summary>
public sealed record ExportTicketsQuery(ReportFilter Filter) : IQuery<TicketExport>;

/// <summary>The resolved period and the rows, read lazily from the database while the response is streamed.</summary>
public sealed record TicketExport(DateOnly From, DateOnly To, TimeZoneInfo Zone, IAsyncEnumerable<TicketExportRow> Rows);

internal sealed class ExportTicketsQueryHandler(ReportScopes scopes, IReportingStore store) : IQueryHandler<ExportTicketsQuery, TicketExport>
{
    public async ValueTask<TicketExport> Handle(ExportTicketsQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        return new TicketExport(scope.Period.From, scope.Period.To, scope.Period.Zone, store.ExportAsync(scope.Slice, cancellationToken));
    }
}
