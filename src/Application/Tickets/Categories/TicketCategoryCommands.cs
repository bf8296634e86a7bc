using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.Categories;

/// <summary>A node of the category tree, with its path for people.</summary>
public sealed record TicketCategoryDto(int Id, string Name, int? ParentId, string Path, bool IsActive);

/// <summary>The category tree (flat, parents before children). Inactive categories only for administrators who ask.</summary>
public sealed record ListTicketCategoriesQuery(bool IncludeInactive = false) : IQuery<IReadOnlyList<TicketCategoryDto>>;

/// <summary>An administrator adds a category, optionally under a parent.</summary>
public sealed record CreateTicketCategoryCommand(string Name, int? ParentId) : ICommand<TicketCategoryDto>;

/// <summary>An administrator renames, moves, deactivates or reactivates a category (never deletes it).</summary>
public sealed record UpdateTicketCategoryCommand(int Id, string Name, int? ParentId, bool IsActive) : ICommand<TicketCategoryDto>;

internal sealed class CreateTicketCategoryValidator : AbstractValidator<CreateTicketCategoryCommand>
{
    public CreateTicketCategoryValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage(_ => Messages.Get("tickets.category_name_required"));
    }
}

internal sealed class UpdateTicketCategoryValidator : AbstractValidator<UpdateTicketCategoryCommand>
{
    public UpdateTicketCategoryValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= 100).WithMessage(_ => Messages.Get("tickets.category_name_required"));
    }
}

internal sealed class TicketCategoryHandlers(ITicketsDbContext db, ICurrentUser currentUser, TimeProvider clock, Audit.Contracts.IAuditLog audit) :
    IQueryHandler<ListTicketCategoriesQuery, IReadOnlyList<TicketCategoryDto>>,
    ICommandHandler<CreateTicketCategoryCommand, TicketCategoryDto>,
    ICommandHandler<UpdateTicketCategoryCommand, TicketCategoryDto>
{
    public async ValueTask<IReadOnlyList<TicketCategoryDto>> Handle(ListTicketCategoriesQuery query, CancellationToken cancellationToken)
    {
        var all = await db.TicketCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var includeInactive = query.IncludeInactive && currentUser.IsAtLeast(UserRole.Administrator);
        var byId = all.ToDictionary(c => c.Id);
        var result = new List<TicketCategoryDto>();
        void Walk(int? parentId, string prefix, bool parentActive)
        {
            foreach (var category in all.Where(c => c.ParentId == parentId))
            {
                var active = parentActive && category.IsActive;
                var path = prefix.Length == 0 ? category.Name : $"{prefix} › {category.Name}";
                if (active || includeInactive)
                {
                    result.Add(new TicketCategoryDto(category.Id, category.Name, category.ParentId, path, active));
                }

                Walk(category.Id, path, active);
            }
        }

        Walk(null, string.Empty, true);
        result.AddRange(all.Where(c => c.ParentId is { } p && !byId.ContainsKey(p) && includeInactive)
            .Select(c => new TicketCategoryDto(c.Id, c.Name, c.ParentId, c.Name, false)));
        return result;
    }

    public async ValueTask<TicketCategoryDto> Handle(CreateTicketCategoryCommand command, CancellationToken cancellationToken)
    {
        await EnsureParentAsync(null, command.ParentId, cancellationToken);
        await EnsureUniqueAsync(null, command.Name, command.ParentId, cancellationToken);
        var category = TicketCategory.Create(command.Name, command.ParentId, clock.GetUtcNow());
        db.TicketCategories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        audit.Append(new Audit.Contracts.AuditRecord("settings.category_created", null, $"category:{category.Id}", category.Name));
        return await DtoAsync(category, cancellationToken);
    }

    public async ValueTask<TicketCategoryDto> Handle(UpdateTicketCategoryCommand command, CancellationToken cancellationToken)
    {
        var category = await db.TicketCategories.FirstOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw Errors.NotFound("tickets.category_not_found", command.Id);
        await EnsureParentAsync(category.Id, command.ParentId, cancellationToken);
        await EnsureUniqueAsync(category.Id, command.Name, command.ParentId, cancellationToken);
        category.Update(command.Name, command.ParentId, command.IsActive, clock.GetUtcNow());
        audit.Append(new Audit.Contracts.AuditRecord("settings.category_updated", null, $"category:{category.Id}", $"{category.Name} (activa: {category.IsActive})"));
        return await DtoAsync(category, cancellationToken);
    }

    private async Task EnsureParentAsync(int? id, int? parentId, CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            return;
        }

        var parents = await db.TicketCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
        if (!parents.ContainsKey(parentId.Value))
        {
            throw TicketOpening.FieldError("parentId", "tickets.category_parent_unknown");
        }

        // Moving a category under itself or under one of its descendants would make a cycle.
        for (int? current = parentId, steps = 0; current is not null && steps < 100; current = parents.GetValueOrDefault(current.Value), steps++)
        {
            if (current == id)
            {
                throw TicketOpening.FieldError("parentId", "tickets.category_cycle");
            }
        }
    }

    private async Task EnsureUniqueAsync(int? id, string name, int? parentId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim().ToLower();
        if (await db.TicketCategories.AnyAsync(c => c.Id != id && c.ParentId == parentId && c.Name.ToLower() == trimmed, cancellationToken))
        {
            throw Errors.Conflict("tickets.category_name_taken");
        }
    }

    private async Task<TicketCategoryDto> DtoAsync(TicketCategory category, CancellationToken cancellationToken)
    {
        var names = await db.TicketCategories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.Name, c.ParentId), cancellationToken);
        var path = new List<string> { category.Name };
        for (int? current = category.ParentId, steps = 0; current is not null && names.ContainsKey(current.Value) && steps < 100; steps++)
        {
            path.Insert(0, names[current.Value].Name);
            current = names[current.Value].ParentId;
        }

        return new TicketCategoryDto(category.Id, category.Name, category.ParentId, string.Join(" › ", path), category.IsActive);
    }
}
