using Mediator;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Inbox.Contracts;

/// <summary>
/// Which of these addresses a delivery-status report (bounce) said we cannot deliver to — for the
/// Notifications module, to stop mailing them. Unknown or deliverable addresses are absent from the result.
/// </summary>
public sealed record FindUndeliverableAddressesQuery(IReadOnlyCollection<string> Emails) : IQuery<IReadOnlyList<string>>;

internal sealed class FindUndeliverableAddressesQueryHandler(IInboxDbContext db) : IQueryHandler<FindUndeliverableAddressesQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(FindUndeliverableAddressesQuery query, CancellationToken cancellationToken)
    {
        var emails = query.Emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToArray();
        return await db.UndeliverableAddresses.AsNoTracking().Where(u => emails.Contains(u.Email)).Select(u => u.Email).ToListAsync(cancellationToken);
    }
}
