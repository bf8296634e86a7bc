using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.Categories.UpdateTicketCategory;

/// <summary>An administrator renames, moves, deactivates or reactivates a category (never deletes it).</summary>
public sealed record UpdateTicketCategoryCommand(int Id, string Name, int? ParentId, bool IsActive) : ICommand<TicketCategoryDto>;

internal sealed class UpdateTicketCategoryValidator : AbstractValidator<UpdateTicketCategoryCommand>
{
    public UpdateTicketCategoryValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage(_ => Messages.Get("tickets.category_name_required"));
    }
}

internal sealed class UpdateTicketCategoryHandler(ITicketsDbContext db, TimeProvider clock, Audit.Contracts.IAuditLog audit) : ICommandHandler<UpdateTicketCategoryCommand, TicketCategoryDto>
{
    public async ValueTask<TicketCategoryDto> Handle(UpdateTicketCategoryCommand command, CancellationToken cancellationToken)
    {
        var category = await db.TicketCategories.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw Errors.NotFound("tickets.category_not_found", command.Id);
        await db.EnsureParentAsync(category.Id, command.ParentId, cancellationToken);
        await db.EnsureUniqueAsync(category.Id, command.Name, command.ParentId, cancellationToken);
        category.Update(command.Name, command.ParentId, command.IsActive, clock.GetUtcNow());
        audit.Append(new Audit.Contracts.AuditRecord("settings.category_updated", null, $"category:{category.Id}", $"{category.Name} (activa: {category.IsActive})"));
        return await db.DtoAsync(category, cancellationToken);
    }
}
