using MesaServicios.Application.Users;
using MesaServicios.Domain.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MesaServicios.Application.Tests.Support;

/// <summary>The Users tables on an in-memory SQLite database: a real relational database for handler tests.</summary>
public sealed class TestUsersDbContext(DbContextOptions<TestUsersDbContext> options) : DbContext(options), IUsersDbContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<PasswordResetRequest> PasswordResetRequests => Set<PasswordResetRequest>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(b =>
        {
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.Email).IsUnique();
            b.Property(u => u.Role).HasConversion<string>();
            b.Ignore(u => u.DomainEvents);
        });
        modelBuilder.Entity<UserSession>(b =>
        {
            b.HasKey(s => s.Id);
            b.Ignore(s => s.DomainEvents);
        });
        modelBuilder.Entity<RefreshToken>().HasKey(t => t.Id);
        modelBuilder.Entity<PasswordResetRequest>().HasKey(r => r.Id);
    }
}

/// <summary>One in-memory database per test; contexts opened on it share its data.</summary>
public sealed class TestUsersDb : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public TestUsersDb()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public TestUsersDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TestUsersDbContext>().UseSqlite(_connection).Options);

    public async Task<User> AddUserAsync(string email, UserRole role = UserRole.Requester, bool active = true, string language = "es")
    {
        await using var db = NewContext();
        var user = User.Create(email, "Persona " + email[..email.IndexOf('@', StringComparison.Ordinal)], "Oficina TIC", null, role, language, DateTimeOffset.UnixEpoch.AddYears(56));
        if (!active)
        {
            user.Deactivate(DateTimeOffset.UnixEpoch.AddYears(56));
        }

        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<UserSession> StartSessionAsync(Guid userId)
    {
        await using var db = NewContext();
        var session = UserSession.Start(userId, TimeSpan.FromDays(14), "127.0.0.1", DateTimeOffset.UnixEpoch.AddYears(56));
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    public void Dispose() => _connection.Dispose();
}
