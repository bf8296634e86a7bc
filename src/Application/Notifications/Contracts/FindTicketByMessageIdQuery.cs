using Mediator;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Notifications.Contracts;

/// <summary>
/// The ticket a mail thread belongs to: the first of <paramref name="MessageIds"/> (from In-Reply-To and
/// References) that is the Message-ID of a mail we sent about a ticket. Null when none is ours.
/// </summary>
public sealed record FindTicketByMessageIdQuery(IReadOnlyList<string> MessageIds) : IQuery<int?>;

internal sealed class FindTicketByMessageIdQueryHandler(INotificationsDbContext db) : IQueryHandler<FindTicketByMessageIdQuery, int?>
{
    public async ValueTask<int?> Handle(FindTicketByMessageIdQuery query, CancellationToken cancellationToken)
    {
        var ids = query.MessageIds.Select(id => id.Trim().Trim('<', '>')).Where(id => id.Length > 0).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return null;
        }

        return await db.OutboxEmails.AsNoTracking()
            .Where(e => ids.Contains(e.MessageId) && e.TicketId != null)
            .Select(e => e.TicketId)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
