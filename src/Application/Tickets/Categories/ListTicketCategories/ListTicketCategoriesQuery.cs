using Mediator;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets.Categories.ListTicketCategories;

/// <summary>The category tree (flat, parents before children). Inactive categories only for administrators who ask.</summary>
public sealed record ListTicketCategoriesQuery(bool IncludeInactive = false) : IQuery<IReadOnlyList<TicketCategoryDto>>;

internal sealed class ListTicketCategoriesHandler(ITicketsDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListTicketCategoriesQuery, IReadOnlyList<TicketCategoryDto>>
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
}
