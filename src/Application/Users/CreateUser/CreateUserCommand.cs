using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Users.Emails;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.CreateUser;

/// <summary>An administrator creates an account. Without a password, the person gets a "set your password" e-mail.</summary>
public sealed record CreateUserCommand(
    string Email,
    string FullName,
    string? Department,
    string? Phone,
    UserRole Role,
    string? Language,
    string? Password = null) : ICommand<UserProfile>;

internal sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator(IOptions<UsersOptions> options)
    {
        RuleFor(c => c.Email)
            .NotEmpty().WithMessage(_ => Messages.Get("users.email_required"))
            .MaximumLength(254)
            .EmailAddress().WithMessage(_ => Messages.Get("users.email_invalid"))
            .Must(e => options.Value.IsAllowedEmail(e.Trim()))
            .WithMessage(_ => Messages.Get("users.email_domain_not_allowed", string.Join(", ", options.Value.AllowedDomains)));
        RuleFor(c => c.FullName).NotEmpty().WithMessage(_ => Messages.Get("users.name_required")).MaximumLength(150);
        RuleFor(c => c.Department).MaximumLength(150);
        RuleFor(c => c.Phone).MaximumLength(40);
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.Language)
            .Must(l => l is null || Language.Supported.Contains(l))
            .WithMessage(_ => Messages.Get("users.language_invalid"));
    }
}

internal sealed class CreateUserCommandHandler(IUsersDbContext db, ICredentialStore credentials, AccountInvitations invitations, TimeProvider clock)
    : ICommandHandler<CreateUserCommand, UserProfile>
{
    public async ValueTask<UserProfile> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            throw Errors.Conflict("users.email_taken");
        }

        if (command.Password is not null)
        {
            var problems = await credentials.ValidatePasswordAsync(null, email, command.Password, cancellationToken);
            if (problems.Count > 0)
            {
                throw new ValidationException(problems.Select(code =>
                    new FluentValidation.Results.ValidationFailure(nameof(command.Password), Messages.Get(code)) { ErrorCode = code }));
            }
        }

        var user = User.Create(email, command.FullName, command.Department, command.Phone, command.Role, command.Language, clock.GetUtcNow());
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        await credentials.CreateAsync(user.Id, email, command.Password, cancellationToken);
        if (command.Password is null)
        {
            await invitations.SendAsync(user, cancellationToken);
        }

        return user.ToProfile();
    }
}
