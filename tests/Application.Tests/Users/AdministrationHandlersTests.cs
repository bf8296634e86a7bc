using MesaServicios.Application.Common;
using System.Text;
using FluentValidation;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Tests.Support;
using MesaServicios.Application.Users;
using MesaServicios.Application.Users.ChangeUserRole;
using MesaServicios.Application.Users.CreateUser;
using MesaServicios.Application.Users.DeactivateUser;
using MesaServicios.Application.Users.Emails;
using MesaServicios.Application.Users.ImportUsers;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace MesaServicios.Application.Tests.Users;

public sealed class AdministrationHandlersTests : IDisposable
{
    private readonly TestUsersDb _database = new();
    private readonly ICredentialStore _credentials = Substitute.For<ICredentialStore>();
    private readonly IEmailOutbox _outbox = Substitute.For<IEmailOutbox>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero));

    public AdministrationHandlersTests()
    {
        _credentials.CreateInvitationTokenAsync(Arg.Any<Guid>(), Arg.Any<CancellationToken>()).Returns("invitacion");
        _credentials.ValidatePasswordAsync(Arg.Any<Guid?>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(Array.Empty<string>());
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_CreatesCredentials_AndQueuesTheInvitationInTheUsersLanguage()
    {
        await using var db = _database.NewContext();

        var profile = await CreateHandler(db).Handle(
            new CreateUserCommand("new.person@iescinoc.edu.co", "New Person", null, null, UserRole.Requester, "en"), CancellationToken.None);

        await _credentials.Received(1).CreateAsync(profile.Id, "new.person@iescinoc.edu.co", null, Arg.Any<CancellationToken>());
        _outbox.Received(1).Enqueue(Arg.Is<EmailMessage>(m =>
            m.Kind == "users.invitation"
            && m.Subject == "Your ICT Service Desk account"
            && m.TextBody.Contains("token=invitacion", StringComparison.Ordinal)
            && m.TextBody.Contains("7 days", StringComparison.Ordinal)
            && m.HtmlBody != null));
    }

    [Fact]
    public async Task CreateUser_WithAPassword_QueuesNoInvitation()
    {
        await using var db = _database.NewContext();

        await CreateHandler(db).Handle(
            new CreateUserCommand("con.clave@iescinoc.edu.co", "Con Clave", null, null, UserRole.Requester, null, "Una-Clave-Larga-9"), CancellationToken.None);

        _outbox.DidNotReceiveWithAnyArgs().Enqueue(default!);
    }

    [Fact]
    public async Task Deactivate_TheLastActiveAdministrator_IsAConflict()
    {
        var admin = await _database.AddUserAsync("unico.admin@iescinoc.edu.co", UserRole.Administrator);
        await _database.AddUserAsync("admin.inactivo@iescinoc.edu.co", UserRole.Administrator, active: false);
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await new DeactivateUserCommandHandler(db, _clock, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>()).Handle(new DeactivateUserCommand(admin.Id), CancellationToken.None));

        Assert.Equal("users.last_administrator", error.Code);
        Assert.Equal(DomainErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task Demote_AnAdministrator_IsAllowed_WhenAnotherActiveOneRemains()
    {
        var admin = await _database.AddUserAsync("admin.uno@iescinoc.edu.co", UserRole.Administrator);
        await _database.AddUserAsync("admin.dos@iescinoc.edu.co", UserRole.Administrator);
        await using var db = _database.NewContext();

        var profile = await new ChangeUserRoleCommandHandler(db, _clock, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>()).Handle(new ChangeUserRoleCommand(admin.Id, UserRole.Technician), CancellationToken.None);

        Assert.Equal(UserRole.Technician, profile.Role);
        Assert.Contains(db.ChangeTracker.Entries<User>().Single().Entity.DomainEvents, e => e is Domain.Users.Events.UserRoleChanged);
    }

    [Fact]
    public async Task Import_AppliesGoodRows_RejectsBadOnes_AndInvitesTheNewAccounts()
    {
        await _database.AddUserAsync("existe@iescinoc.edu.co");
        var csv = "\uFEFFcorreo;nombre;rol\nnueva@iescinoc.edu.co;Nueva Persona;técnico\nEXISTE@iescinoc.edu.co;;administrador\nnueva@iescinoc.edu.co;Otra Vez;\nfuera@otro.com;Fuera;\n";
        await using var db = _database.NewContext();

        var result = await ImportHandler(db).Handle(new ImportUsersCommand(Encoding.UTF8.GetBytes(csv)), CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.Equal((1, 1, 2), (result.Created, result.Updated, result.Rejected));
        Assert.Equal(["users.import_duplicate_in_file"], result.Rows.Single(r => r.Line == 4).Errors.Select(e => e.Code));
        Assert.Equal(["users.email_domain_not_allowed"], result.Rows.Single(r => r.Line == 5).Errors.Select(e => e.Code));
        await using var check = _database.NewContext();
        Assert.Equal(UserRole.Technician, (await check.Users.SingleAsync(u => u.Email == "nueva@iescinoc.edu.co")).Role);
        Assert.Equal(UserRole.Administrator, (await check.Users.SingleAsync(u => u.Email == "existe@iescinoc.edu.co")).Role);
        await _credentials.Received(1).CreateAsync(Arg.Any<Guid>(), "nueva@iescinoc.edu.co", null, Arg.Any<CancellationToken>());
        _outbox.Received(1).Enqueue(Arg.Is<EmailMessage>(m => m.To == "nueva@iescinoc.edu.co" && m.Kind == "users.invitation"));
    }

    [Fact]
    public async Task Import_WithoutAnEmailColumn_IsAFileProblem_AndChangesNothing()
    {
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await ImportHandler(db).Handle(new ImportUsersCommand(Encoding.UTF8.GetBytes("nombre,rol\nAlguien,tecnico\n")), CancellationToken.None));

        Assert.Equal("file", Assert.Single(error.Errors).PropertyName);
        Assert.Empty(db.ChangeTracker.Entries());
        await _credentials.DidNotReceiveWithAnyArgs().CreateAsync(default, default!, default, default);
    }

    private CreateUserCommandHandler CreateHandler(IUsersDbContext db) => new(db, _credentials, Invitations(), _clock);

    private ImportUsersCommandHandler ImportHandler(IUsersDbContext db) =>
        new(db, _credentials, Invitations(), Options.Create(new UsersOptions()), _clock);

    private AccountInvitations Invitations() =>
        new(_credentials, _outbox, new MailLinks(Options.Create(new PortalOptions { BaseUrl = "https://portal.example" }), Substitute.For<IPublicAddress>()), Options.Create(new AuthOptions()));

    public void Dispose() => _database.Dispose();
}
