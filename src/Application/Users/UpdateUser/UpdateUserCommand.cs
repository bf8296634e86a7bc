using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.UpdateUser;

/// <summary>An administrator updates an account's name, department (dependencia), phone and language.</summary>
public sealed record UpdateUserCommand(Guid UserId, string FullName, string? Department, string? Phone, string? Language) : ICommand<UserProfile>;

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.FullName).NotEmpty().WithMessage(_ => Messages.Get("users.name_required")).MaximumLength(150);
        RuleFor(c => c.Department).MaximumLength(150);
        RuleFor(c => c.Phone).MaximumLength(40);
        RuleFor(c => c.Language)
            .Must(l => l is null || Language.Supported.Contains(l))
            .WithMessage(_ => Messages.Get("users.language_invalid"));
    }
}

internal sealed class UpdateUserCommandHandler(IUsersDbContext db, TimeProvider clock) : ICommandHandler<UpdateUserCommand, UserProfile>
{
    public async ValueTask<UserProfile> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", command.UserId);
        user.UpdateProfile(command.FullName, command.Department, command.Phone, command.Language ?? user.Language, clock.GetUtcNow());
        return user.ToProfile();
    }
}
