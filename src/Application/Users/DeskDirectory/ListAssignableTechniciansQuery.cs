using Mediator;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.DeskDirectory;

/// <summary>The people a ticket can be assigned to: active technicians and administrators, by name.</summary>
public sealed record ListAssignableTechniciansQuery : IQuery<IReadOnlyList<DeskPerson>>;

internal sealed class ListAssignableTechniciansQueryHandler(IUsersDbContext db) : IQueryHandler<ListAssignableTechniciansQuery, IReadOnlyList<DeskPerson>>
{
    public async ValueTask<IReadOnlyList<DeskPerson>> Handle(ListAssignableTechniciansQuery query, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.Role == UserRole.Technician || u.Role == UserRole.Administrator))
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .ProjectToDeskPerson()
            .ToListAsync(cancellationToken);
}
