using MesaServicios.Application.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Tickets;

/// <summary>
/// Ticket numbers on PostgreSQL, where several nodes create tickets at once: each number is the next value of the
/// sequence behind the <c>Tickets.Id</c> identity column. A sequence never hands a value out twice, whichever node
/// asks, and <c>nextval</c> does not wait for other transactions; numbers are consecutive under normal operation
/// (a creation that fails after taking its number leaves a gap, as on SQLite).
/// </summary>
internal sealed class PostgresTicketNumbers(MesaDbContext db) : ITicketNumbers
{
    public async ValueTask<int> NextAsync(CancellationToken cancellationToken) =>
        checked((int)await db.Database
            .SqlQueryRaw<long>($"SELECT nextval(pg_get_serial_sequence('\"Tickets\"', 'Id')) AS \"Value\"")
            .SingleAsync(cancellationToken));
}
