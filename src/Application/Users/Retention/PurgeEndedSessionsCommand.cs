using Mediator;
using MesaServicios.Application.Common.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.Retention;

/// <summary>
/// Deletes sessions (and their refresh tokens) that ended more than Retention:EndedSessionDays ago, one batch, and
/// forgets failed sign-ins of unknown addresses whose lockout is over; returns how many sessions went.
/// </summary>
public sealed record PurgeEndedSessionsCommand(int BatchSize) : ICommand<int>;

internal sealed class PurgeEndedSessionsCommandHandler(IUsersDbContext db, ICredentialStore credentials, IOptions<RetentionOptions> options, TimeProvider clock)
    : ICommandHandler<PurgeEndedSessionsCommand, int>
{
    public async ValueTask<int> Handle(PurgeEndedSessionsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - TimeSpan.FromDays(options.Value.EndedSessionDays);
        var sessions = await db.UserSessions
            .Where(s => s.ExpiresAt < cutoff || (s.RevokedAt != null && s.RevokedAt < cutoff))
            .OrderBy(s => s.ExpiresAt)
            .Take(command.BatchSize)
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        db.RefreshTokens.RemoveRange(await db.RefreshTokens.Where(t => ids.Contains(t.SessionId)).ToListAsync(cancellationToken));
        db.UserSessions.RemoveRange(sessions);
        await credentials.ForgetUnknownSignInsAsync(now - TimeSpan.FromDays(1), cancellationToken);
        return sessions.Count;
    }
}

internal sealed class EndedSessionsRetention(ISender sender, IOptions<RetentionOptions> options) : INotificationHandler<RetentionDue>
{
    public async ValueTask Handle(RetentionDue notification, CancellationToken cancellationToken)
    {
        var batch = Math.Max(1, options.Value.BatchSize);
        while (await sender.Send(new PurgeEndedSessionsCommand(batch), cancellationToken) == batch)
        {
        }
    }
}
