using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.EnsureRequesterAccount;

internal sealed class EnsureRequesterAccountCommandHandler(
    IUsersDbContext db,
    ICredentialStore credentials,
    IOptions<UsersOptions> options,
    TimeProvider clock) : ICommandHandler<EnsureRequesterAccountCommand, Guid>
{
    public async ValueTask<Guid> Handle(EnsureRequesterAccountCommand command, CancellationToken cancellationToken)
    {
        var email = User.NormalizeEmail(command.Email);
        var existing = await db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is Guid id)
        {
            return id;
        }

        if (!options.Value.IsAllowedEmail(email))
        {
            throw Errors.Rule("users.email_domain_not_allowed", string.Join(", ", options.Value.AllowedDomains));
        }

        var fullName = string.IsNullOrWhiteSpace(command.FullName) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : command.FullName.Trim();
        var user = User.Create(email, fullName.Length <= 150 ? fullName : fullName[..150], Limit(command.Department, 150), Limit(command.Phone, 40), UserRole.Requester, null, clock.GetUtcNow());
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        await credentials.CreateAsync(user.Id, email, null, cancellationToken);
        return user.Id;
    }

    private static string? Limit(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Length <= max ? value.Trim() : value.Trim()[..max];
}
