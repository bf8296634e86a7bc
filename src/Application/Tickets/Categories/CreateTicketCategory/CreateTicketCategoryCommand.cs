using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.Categories.CreateTicketCategory;

/// <summary>An administrator adds a category, optionally under a parent.</summary>
public sealed record CreateTicketCategoryCommand(string Name, int? ParentId) : ICommand<TicketCategoryDto>;

internal sealed class CreateTicketCategoryValidator : AbstractValidator<CreateTicketCategoryCommand>
{
    public CreateTicketCategoryValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage(_ => Messages.Get("tickets.category_name_required"));
    }
}

internal sealed class CreateTicketCategoryHandler(ITicketsDbContext db, TimeProvider clock, Audit.Contracts.IAuditLog audit) : ICommandHandler<CreateTicketCategoryCommand, TicketCategoryDto>
{
    public async ValueTask<TicketCategoryDto> Handle(CreateTicketCategoryCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureParentAsync(null, command.ParentId, cancellationToken);
        await db.EnsureUniqueAsync(null, command.Name, command.ParentId, cancellationToken);
        var category = TicketCategory.Create(command.Name, command.ParentId, clock.GetUtcNow());
        db.TicketCategories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        audit.Append(new Audit.Contracts.AuditRecord("settings.category_created", null, $"category:{category.Id}", category.Name));
        return await db.DtoAsync(category, cancellationToken);
    }
}
