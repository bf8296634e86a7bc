using Mediator;
using MesaServicios.Application.Inbox.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Inbox.FindUndeliverableAddresses;

internal sealed class FindUndeliverableAddressesQueryHandler(IInboxDbContext db) : IQueryHandler<FindUndeliverableAddressesQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(FindUndeliverableAddressesQuery query, CancellationToken cancellationToken)
    {
        var emails = query.Emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToArray();
        return await db.UndeliverableAddresses.AsNoTracking().Where(u => emails.Contains(u.Email)).Select(u => u.Email).ToListAsync(cancellationToken);
    }
}
