using MesaServicios.Application.Common;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.Categories;

/// <summary>A node of the category tree, with its path for people.</summary>
public sealed record TicketCategoryDto(int Id, string Name, int? ParentId, string Path, bool IsActive);

/// <summary>The rules of the category tree shared by its use cases: a known parent, no cycle, a unique name among siblings.</summary>
internal static class TicketCategoryTree
{
    public static async Task EnsureParentAsync(this ITicketsDbContext db, int? id, int? parentId, CancellationToken cancellationToken)
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

    public static async Task EnsureUniqueAsync(this ITicketsDbContext db, int? id, string name, int? parentId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim().ToLower();
        if (await db.TicketCategories.AnyAsync(c => c.Id != id && c.ParentId == parentId && c.Name.ToLower() == trimmed, cancellationToken))
        {
            throw Errors.Conflict("tickets.category_name_taken");
        }
    }

    public static async Task<TicketCategoryDto> DtoAsync(this ITicketsDbContext db, TicketCategory category, CancellationToken cancellationToken)
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
