using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.GetMe;

/// <summary>The signed-in user's own profile.</summary>
public sealed record GetMeQuery : IQuery<UserProfile>;

internal sealed class GetMeQueryHandler(IUsersDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMeQuery, UserProfile>
{
    public async ValueTask<UserProfile> Handle(GetMeQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).ProjectToProfile().FirstOrDefaultAsync(cancellationToken)
            ?? throw Errors.NotFound("users.not_found", userId);
    }
}
