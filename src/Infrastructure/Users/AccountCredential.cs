using Microsoft.AspNetCore.Identity;

namespace MesaServicios.Infrastructure.Users;

/// <summary>
/// ASP.NET Core Identity's record of an account's secrets (password hash, security stamp, lockout). It shares
/// its id with the domain <see cref="MesaServicios.Domain.Users.User"/>, which holds everything else.
/// </summary>
public sealed class AccountCredential : IdentityUser<Guid>
{
}
