using Mediator;
using FluentValidation;
using MesaServicios.Application.Audit.Contracts;
using MesaServicios.Application.Common;
using MesaServicios.Application.Users.Sessions;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.SignIn;

/// <summary>
/// Signs in with institutional e-mail and password and starts a session. With <paramref name="RequiredRole"/>
/// (e.g. the jobs dashboard), a right password of a person below that role starts no session and is refused.
/// </summary>
public sealed record SignInCommand(string Email, string Password, string? ClientAddress = null, UserRole? RequiredRole = null)
    : ICommand<CommandOutcome<TokenResult>>;

internal sealed class SignInCommandHandler(
    IUsersDbContext db,
    ICredentialStore credentials,
    SessionTokens tokens,
    IOptions<AuthOptions> options,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<SignInCommand, CommandOutcome<TokenResult>>
{
    public async ValueTask<CommandOutcome<TokenResult>> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        // An unknown or deactivated account does the same work and gets the same answers (401, then 423 after
        // Auth:MaxFailedAttempts) as an existing one: nothing tells which addresses have accounts.
        var check = user is { IsActive: true }
            ? await credentials.CheckPasswordAsync(user.Id, command.Password, cancellationToken)
            : await credentials.CheckUnknownAccountAsync(email, command.Password, cancellationToken);
        var now = clock.GetUtcNow();
        if (check.Outcome != PasswordCheck.Succeeded)
        {
            audit.Append(new AuditRecord("auth.sign_in_failed", user?.Id, email, check.Outcome == PasswordCheck.LockedOut ? "locked" : "wrong_password", command.ClientAddress));
        }

        switch (check.Outcome)
        {
            case PasswordCheck.LockedOut:
                var minutes = Math.Max(1, (int)Math.Ceiling(((check.LockedUntil ?? now) - now).TotalMinutes));
                return CommandOutcome<TokenResult>.Failure(
                    new DomainException("auth.locked_out", DomainErrorKind.Locked, minutes)
                        .WithDetail("retryAfterSeconds", Math.Max(1, (int)((check.LockedUntil ?? now) - now).TotalSeconds)));
            case PasswordCheck.Failed:
                return CommandOutcome<TokenResult>.Failure(Errors.Unauthorized("auth.invalid_credentials"));
        }

        if (user is null)
        {
            return CommandOutcome<TokenResult>.Failure(Errors.Unauthorized("auth.invalid_credentials"));
        }

        if (command.RequiredRole is { } required && !user.HasAtLeast(required))
        {
            return CommandOutcome<TokenResult>.Failure(Errors.Forbidden("auth.dashboard_forbidden"));
        }

        audit.Append(new AuditRecord("auth.signed_in", user.Id, email, command.RequiredRole is null ? null : "dashboard", command.ClientAddress));
        var session = UserSession.Start(user.Id, TimeSpan.FromDays(options.Value.RefreshTokenDays), command.ClientAddress, now);
        db.UserSessions.Add(session);
        return CommandOutcome<TokenResult>.Success(tokens.Issue(user, session, now));
    }
}

internal sealed class SignInValidator : FluentValidation.AbstractValidator<SignInCommand>
{
    public SignInValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Common.Localization.Messages.Get("users.email_required")).MaximumLength(254);
        RuleFor(c => c.Password).NotEmpty().WithMessage(_ => Common.Localization.Messages.Get("users.password_required")).MaximumLength(256);
    }
}
