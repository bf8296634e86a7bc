using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.UpdateMe;

/// <summary>The signed-in user updates his own name, department, phone and language.</summary>
public sealed record UpdateMeCommand(string FullName, string? Department, string? Phone, string? Language) : ICommand<UserProfile>;

internal sealed class UpdateMeValidator : AbstractValidator<UpdateMeCommand>
{
    public UpdateMeValidator()
    {
        RuleFor(c => c.FullName).NotEmpty().WithMessage(_ => Messages.Get("users.name_required")).MaximumLength(150);
        RuleFor(c => c.Department).MaximumLength(150);
        RuleFor(c => c.Phone).MaximumLength(40);
        RuleFor(c => c.Language)
            .Must(l => l is null || Language.Supported.Contains(l))
            .WithMessage(_ => Messages.Get("users.language_invalid"));
    }
}

internal sealed class UpdateMeCommandHandler(IUsersDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateMeCommand, UserProfile>
{
    public async ValueTask<UserProfile> Handle(UpdateMeCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", userId);
        user.UpdateProfile(command.FullName, command.Department, command.Phone, command.Language ?? user.Language, clock.GetUtcNow());
        return user.ToProfile();
    }
}
