using System.Globalization;
using Mediator;
using MesaServicios.Application.Notifications.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Notifications.FindTicketByMessageId;

internal sealed class FindTicketByMessageIdQueryHandler(INotificationsDbContext db, IOptions<MailOptions> options) : IQueryHandler<FindTicketByMessageIdQuery, int?>
{
    public async ValueTask<int?> Handle(FindTicketByMessageIdQuery query, CancellationToken cancellationToken)
    {
        var ids = query.MessageIds.Select(id => id.Trim().Trim('<', '>')).Where(id => id.Length > 0).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return null;
        }

        var found = await db.OutboxEmails.AsNoTracking()
            .Where(e => ids.Contains(e.MessageId) && e.TicketId != null)
            .Select(e => e.TicketId)
            .FirstOrDefaultAsync(cancellationToken);
        return found ?? ids.Select(id => RootTicket(id, options.Value.MessageIdDomain)).FirstOrDefault(t => t is not null);
    }

    /// <summary>"ticket-123@domain" → 123, for our own domain only.</summary>
    private static int? RootTicket(string messageId, string domain)
    {
        const string prefix = "ticket-";
        var suffix = "@" + domain;
        if (!messageId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !messageId.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var number = messageId[prefix.Length..^suffix.Length];
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId) && ticketId > 0 ? ticketId : null;
    }
}
