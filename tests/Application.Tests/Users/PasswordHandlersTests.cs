using MesaServicios.Application.Common;
using FluentValidation;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Tests.Support;
using MesaServicios.Application.Users;
using MesaServicios.Application.Users.ChangePassword;
using MesaServicios.Application.Users.ForgotPassword;
using MesaServicios.Application.Users.ResetPassword;
using MesaServicios.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace MesaServicios.Application.Tests.Users;

public sealed class PasswordHandlersTests : IDisposable
{
    private readonly TestUsersDb _database = new();
    private readonly ICredentialStore _credentials = Substitute.For<ICredentialStore>();
    private readonly IEmailOutbox _outbox = Substitute.For<IEmailOutbox>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero));
    private readonly IOptions<PortalOptions> _portal = Options.Create(new PortalOptions { BaseUrl = "https://portal.example/" });
    private readonly IOptions<AuthOptions> _auth = Options.Create(new AuthOptions());

    public PasswordHandlersTests()
    {
        _credentials.ValidatePasswordAsync(Arg.Any<Guid?>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(Array.Empty<string>());
        _credentials.ResetPasswordAsync(Arg.Any<Guid>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(Array.Empty<string>());
        _credentials.ChangePasswordAsync(Arg.Any<Guid>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(Array.Empty<string>());
    }

    [Theory]
    [InlineData(" ANA@iescinoc.edu.co ", true)]
    [InlineData("nadie@iescinoc.edu.co", false)]
    public async Task ForgotPassword_RecordsTheNormalisedRequest_WithoutLookingAtTheAccount(string email, bool exists)
    {
        if (exists)
        {
            await _database.AddUserAsync("ana@iescinoc.edu.co");
        }

        await using (var db = _database.NewContext())
        {
            await new ForgotPasswordCommandHandler(db, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>(), _clock).Handle(new ForgotPasswordCommand(email), CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var request = Assert.Single(await check.PasswordResetRequests.ToListAsync());
        Assert.Equal(email.Trim().ToLowerInvariant(), request.Email);
        Assert.Equal(_clock.GetUtcNow(), request.RequestedAt);
        Assert.Empty(_credentials.ReceivedCalls());
        _outbox.DidNotReceiveWithAnyArgs().Enqueue(default!);
    }

    [Fact]
    public async Task IssuePasswordReset_ForAnActiveAccount_QueuesTheResetMailWithTheLink_AndTakesTheRequest()
    {
        var user = await _database.AddUserAsync("ana@iescinoc.edu.co");
        _credentials.CreatePasswordResetTokenAsync(user.Id, Arg.Any<CancellationToken>()).Returns("token/123");
        var id = await RequestAsync(" ANA@iescinoc.edu.co ");
        await using var db = _database.NewContext();

        var sent = await IssueHandler(db).Handle(new IssuePasswordResetCommand(id), CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.True(sent);
        _outbox.Received(1).Enqueue(Arg.Is<EmailMessage>(m =>
            m.Kind == "users.password_reset"
            && m.To == "ana@iescinoc.edu.co"
            && m.RecipientUserId == user.Id
            && m.TextBody.Contains("https://portal.example/restablecer-contrasena?email=ana%40iescinoc.edu.co&token=token%2F123", StringComparison.Ordinal)
            && m.HtmlBody!.Contains("60 minutos", StringComparison.Ordinal)));
        await using var check = _database.NewContext();
        Assert.Empty(await check.PasswordResetRequests.ToListAsync());
        Assert.False(await IssueHandler(check).Handle(new IssuePasswordResetCommand(id), CancellationToken.None));
        _outbox.ReceivedWithAnyArgs(1).Enqueue(default!);
    }

    [Theory]
    [InlineData("nadie@iescinoc.edu.co", false)]
    [InlineData("inactiva@iescinoc.edu.co", true)]
    public async Task IssuePasswordReset_ForAnUnknownOrInactiveAddress_QueuesNothing_AndTakesTheRequest(string email, bool exists)
    {
        if (exists)
        {
            await _database.AddUserAsync(email, active: false);
        }

        var id = await RequestAsync(email);
        await using var db = _database.NewContext();

        var sent = await IssueHandler(db).Handle(new IssuePasswordResetCommand(id), CancellationToken.None);
        await db.SaveChangesAsync();

        Assert.False(sent);
        await _credentials.DidNotReceiveWithAnyArgs().CreatePasswordResetTokenAsync(default, default);
        _outbox.DidNotReceiveWithAnyArgs().Enqueue(default!);
        await using var check = _database.NewContext();
        Assert.Empty(await check.PasswordResetRequests.ToListAsync());
    }

    private IssuePasswordResetCommandHandler IssueHandler(TestUsersDbContext db) =>
        new(db, _credentials, _outbox, new MailLinks(_portal, Substitute.For<IPublicAddress>()), _auth);

    private async Task<Guid> RequestAsync(string email)
    {
        await using var db = _database.NewContext();
        var request = MesaServicios.Domain.Users.PasswordResetRequest.Create(email, _clock.GetUtcNow());
        db.PasswordResetRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    [Fact]
    public async Task ResetPassword_WithAGoodToken_EndsEverySession()
    {
        var user = await _database.AddUserAsync("beto@iescinoc.edu.co");
        await _database.StartSessionAsync(user.Id);
        await _database.StartSessionAsync(user.Id);
        await using var db = _database.NewContext();

        await new ResetPasswordCommandHandler(db, _credentials, _clock, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>()).Handle(new ResetPasswordCommand(user.Email, "t", "Nueva-Clave-Larga-1"), CancellationToken.None);
        await db.SaveChangesAsync();

        await using var check = _database.NewContext();
        Assert.All(await check.UserSessions.ToListAsync(), s => Assert.Equal("password_reset", s.RevokedReason));
    }

    [Fact]
    public async Task ResetPassword_WithABadToken_ThrowsInvalidResetToken_AndEndsNoSession()
    {
        var user = await _database.AddUserAsync("carla@iescinoc.edu.co");
        await _database.StartSessionAsync(user.Id);
        _credentials.ResetPasswordAsync(user.Id, "malo", Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(["auth.invalid_reset_token"]);
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await new ResetPasswordCommandHandler(db, _credentials, _clock, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>()).Handle(new ResetPasswordCommand(user.Email, "malo", "Nueva-Clave-Larga-1"), CancellationToken.None));

        Assert.Equal("auth.invalid_reset_token", error.Code);
        Assert.Equal(DomainErrorKind.BadRequest, error.Kind);
        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Modified);
    }

    [Fact]
    public async Task ResetPassword_ForAnUnknownAddress_ThrowsInvalidResetToken_WithoutTouchingCredentials()
    {
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<DomainException>(async () =>
            await new ResetPasswordCommandHandler(db, _credentials, _clock, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>()).Handle(new ResetPasswordCommand("nadie@iescinoc.edu.co", "t", "Nueva-Clave-Larga-1"), CancellationToken.None));

        Assert.Equal("auth.invalid_reset_token", error.Code);
        await _credentials.DidNotReceiveWithAnyArgs().ResetPasswordAsync(default, default!, default!, default);
    }

    [Fact]
    public async Task ResetPassword_WithAWeakPassword_ThrowsAFieldError_BeforeUsingTheToken()
    {
        var user = await _database.AddUserAsync("dora@iescinoc.edu.co");
        _credentials.ValidatePasswordAsync(user.Id, user.Email, "colombia2024", Arg.Any<CancellationToken>()).Returns(["users.password_common"]);
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await new ResetPasswordCommandHandler(db, _credentials, _clock, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>()).Handle(new ResetPasswordCommand(user.Email, "t", "colombia2024"), CancellationToken.None));

        Assert.Equal("newPassword", Assert.Single(error.Errors).PropertyName);
        await _credentials.DidNotReceiveWithAnyArgs().ResetPasswordAsync(default, default!, default!, default);
    }

    [Fact]
    public async Task ChangePassword_EndsTheOtherSessions_ButNotTheCurrentOne()
    {
        var user = await _database.AddUserAsync("eva@iescinoc.edu.co");
        var current = await _database.StartSessionAsync(user.Id);
        var other = await _database.StartSessionAsync(user.Id);
        var currentUser = Substitute.For<ICurrentUser>();
        currentUser.UserId.Returns(user.Id);
        currentUser.RequiredUserId.Returns(user.Id);
        currentUser.SessionId.Returns(current.Id);
        await using var db = _database.NewContext();

        await new ChangePasswordCommandHandler(db, _credentials, currentUser, _clock, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>()).Handle(new ChangePasswordCommand("vieja", "Nueva-Clave-Larga-1"), CancellationToken.None);
        await db.SaveChangesAsync();

        await using var check = _database.NewContext();
        Assert.Null((await check.UserSessions.SingleAsync(s => s.Id == current.Id)).RevokedAt);
        Assert.Equal("password_changed", (await check.UserSessions.SingleAsync(s => s.Id == other.Id)).RevokedReason);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_IsAFieldErrorOnCurrentPassword()
    {
        var user = await _database.AddUserAsync("fabio@iescinoc.edu.co");
        var session = await _database.StartSessionAsync(user.Id);
        var currentUser = Substitute.For<ICurrentUser>();
        currentUser.RequiredUserId.Returns(user.Id);
        currentUser.SessionId.Returns(session.Id);
        _credentials.ChangePasswordAsync(user.Id, "mala", Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(["users.current_password_wrong"]);
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await new ChangePasswordCommandHandler(db, _credentials, currentUser, _clock, Substitute.For<MesaServicios.Application.Audit.Contracts.IAuditLog>()).Handle(new ChangePasswordCommand("mala", "Nueva-Clave-Larga-1"), CancellationToken.None));

        Assert.Equal("currentPassword", Assert.Single(error.Errors).PropertyName);
    }

    public void Dispose() => _database.Dispose();
}
