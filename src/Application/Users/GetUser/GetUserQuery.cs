using Mediator;
using MesaServicios.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.GetUser;

/// <summary>One account, for administrators.</summary>
public sealed record GetUserQuery(Guid UserId) : IQuery<UserProfile>;

internal sealed class GetUserQueryHandler(IUsersDbContext db) : IQueryHandler<GetUserQuery, UserProfile>
{
    public async ValueTask<UserProfile> Handle(GetUserQuery query, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == query.UserId).ProjectToProfile().FirstOrDefaultAsync(cancellationToken)
            ?? throw Errors.NotFound("users.not_found", query.UserId);
}
