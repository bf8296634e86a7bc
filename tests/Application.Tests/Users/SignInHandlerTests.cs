using MesaServicios.Application.Tests.Support;
using MesaServicios.Application.Users;
using MesaServicios.Application.Users.Sessions;
using MesaServicios.Application.Users.SignIn;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace MesaServicios.Application.Tests.Users;

public sealed class SignInHandlerTests : IDisposable
{
    private readonly TestUsersDb _database = new();
    private readonly ICredentialStore _credentials = Substitute.For<ICredentialStore>();
    private readonly IAccessTokenIssuer _issuer = Substitute.For<IAccessTokenIssuer>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero));
    private readonly IOptions<AuthOptions> _auth = Options.Create(new AuthOptions());

    public SignInHandlerTests()
    {
        _credentials.CheckPasswordAsync(Arg.Any<Guid>(), "Clave-Correcta-1", Arg.Any<CancellationToken>())
            .Returns(new PasswordCheckResult(PasswordCheck.Succeeded, null));
        _issuer.Issue(Arg.Any<User>(), Arg.Any<Guid>(), Arg.Any<DateTimeOffset>()).Returns(new AccessToken("jwt", _clock.GetUtcNow().AddMinutes(15)));
    }

    [Fact]
    public async Task SignIn_ForTheDashboard_ByATechnician_IsForbidden_AndStartsNoSession()
    {
        var technician = await _database.AddUserAsync("tecnico@iescinoc.edu.co", UserRole.Technician);
        await using var db = _database.NewContext();

        var outcome = await Handler(db).Handle(new SignInCommand(technician.Email, "Clave-Correcta-1", null, UserRole.Administrator), CancellationToken.None);

        Assert.Equal(DomainErrorKind.Forbidden, outcome.Error?.Kind);
        Assert.Empty(db.ChangeTracker.Entries<UserSession>());
    }

    [Fact]
    public async Task SignIn_ForTheDashboard_ByAnAdministrator_StartsASession()
    {
        var admin = await _database.AddUserAsync("admin@iescinoc.edu.co", UserRole.Administrator);
        await using var db = _database.NewContext();

        var outcome = await Handler(db).Handle(new SignInCommand(admin.Email, "Clave-Correcta-1", null, UserRole.Administrator), CancellationToken.None);

        Assert.Null(outcome.Error);
        Assert.Equal("jwt", outcome.Value!.AccessToken);
        Assert.Single(db.ChangeTracker.Entries<UserSession>());
    }

    [Fact]
    public async Task SignIn_WhenTheStoreReportsALockout_IsLockedWithRetryAfter()
    {
        var user = await _database.AddUserAsync("bloqueada@iescinoc.edu.co");
        _credentials.CheckPasswordAsync(user.Id, Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(new PasswordCheckResult(PasswordCheck.LockedOut, _clock.GetUtcNow().AddMinutes(15)));
        await using var db = _database.NewContext();

        var outcome = await Handler(db).Handle(new SignInCommand(user.Email, "lo-que-sea-123"), CancellationToken.None);

        Assert.Equal("auth.locked_out", outcome.Error?.Code);
        Assert.Equal(15 * 60, outcome.Error!.Details["retryAfterSeconds"]);
        Assert.Empty(await db.UserSessions.ToListAsync());
    }

    private SignInCommandHandler Handler(TestUsersDbContext db) =>
        new(db, _credentials, new SessionTokens(db, _issuer, _auth), _auth, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>(), _clock);

    public void Dispose() => _database.Dispose();
}
