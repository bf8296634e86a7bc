using MesaServicios.Application.Audit.Contracts;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Users;

namespace MesaServicios.Application.Users.ForgotPassword;

/// <summary>
/// "Forgot my password": records the request and answers. The work is the same whatever the address: one
/// <see cref="PasswordResetRequest"/> row (the normalised address) and one audit entry, in one commit. Nothing is
/// looked up: whether the address has an account is decided after the answer, by <see cref="IssuePasswordResetsRequest"/>,
/// which queues the reset mail for an active account. So neither the answer nor its timing tells which addresses have
/// accounts, and the request is durable (a crash after the answer loses nothing).
/// </summary>
public sealed record ForgotPasswordCommand(string Email) : ICommand;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage(_ => Messages.Get("users.email_required")).MaximumLength(254);
    }
}

internal sealed class ForgotPasswordCommandHandler(IUsersDbContext db, IAuditLog audit, TimeProvider clock) : ICommandHandler<ForgotPasswordCommand>
{
    public ValueTask<Unit> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        var request = PasswordResetRequest.Create(command.Email, clock.GetUtcNow());
        db.PasswordResetRequests.Add(request);
        audit.Append(new AuditRecord("auth.password_reset_requested", null, request.Email));
        return ValueTask.FromResult(Unit.Value);
    }
}
