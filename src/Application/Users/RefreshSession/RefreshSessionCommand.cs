using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Users.Sessions;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.RefreshSession;

/// <summary>
/// Exchanges a refresh token for a new pair (rotation). Presenting a token that was already exchanged means
/// it leaked: the whole session family is revoked.
/// </summary>
public sealed record RefreshSessionCommand(string RefreshToken) : ICommand<CommandOutcome<TokenResult>>;

internal sealed class RefreshSessionCommandHandler(IUsersDbContext db, SessionTokens tokens, TimeProvider clock)
    : ICommandHandler<RefreshSessionCommand, CommandOutcome<TokenResult>>
{
    public async ValueTask<CommandOutcome<TokenResult>> Handle(RefreshSessionCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = SessionTokens.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return Invalid();
        }

        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == token.SessionId, cancellationToken);
        if (session is null || !session.IsActiveAt(now) || token.ExpiresAt <= now)
        {
            return Invalid();
        }

        // Claim the token atomically: of two concurrent uses exactly one rotates it; the other is a reuse.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.RotatedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RotatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            session.Revoke(SessionEndReasons.RefreshTokenReused, now);
            return CommandOutcome<TokenResult>.Failure(Errors.Unauthorized("auth.refresh_token_reused"));
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == session.UserId, cancellationToken);
        if (user is null || !user.IsActive)
        {
            session.Revoke(SessionEndReasons.UserDeactivated, now);
            return Invalid();
        }

        return CommandOutcome<TokenResult>.Success(tokens.Issue(user, session, now));
    }

    private static CommandOutcome<TokenResult> Invalid() =>
        CommandOutcome<TokenResult>.Failure(Errors.Unauthorized("auth.invalid_refresh_token"));
}
