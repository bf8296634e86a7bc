using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MesaServicios.WebApi.Tests.Support;

/// <summary>
/// Which engine the integration tests run on. SQLite (a file per host) unless <c>MESA_TEST_PROVIDER=Postgres</c>;
/// then every <see cref="MesaApiFactory"/> gets its own PostgreSQL database on the server named by
/// <c>MESA_TEST_POSTGRES</c> (a connection string without a database, e.g.
/// <c>Host=127.0.0.1;Port=5432;Username=postgres</c>), created before its host starts and dropped after it.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "MESA_TEST_PROVIDER";
    public const string ServerVariable = "MESA_TEST_POSTGRES";
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=postgres";

    private static readonly Lazy<string?> Unavailable = new(Probe);
    private static readonly Lazy<string> Template = new(BuildTemplate);

    /// <summary>The whole run is on PostgreSQL.</summary>
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : DefaultServer;

    /// <summary>Why no PostgreSQL server can be used (null when one answers).</summary>
    public static string? PostgresUnavailableReason => Unavailable.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        if (PostgresUnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var name = "mesa_test_" + Guid.NewGuid().ToString("N");
        var template = Template.Value;
        using (var connection = new NpgsqlConnection(Admin()))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name, MaxPoolSize = 50 }.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabase"/>, closing what still uses it.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Admin());
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Once per test run: a database with the PostgreSQL migration set applied, copied for each host (a file copy on
    /// the server instead of running every migration again; each host still installs Hangfire's schema, because
    /// Hangfire's installer logs through process-wide state a finished host leaves behind). Dropped when the run ends.
    /// </summary>
    private static string BuildTemplate()
    {
        var name = "mesa_template_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Admin()))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<MesaDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly))
            .Options;
        using (var db = new MesaDbContext(options))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgresDatabase(connectionString);
        return name;
    }

    private static string Admin() => new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString();

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Admin()) { Timeout = 3 }.ToString());
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return $"No PostgreSQL server at '{Server}' ({ex.Message}). Start one and set {ServerVariable} to its connection string (without a database); CI does (.ci/services.sh).";
        }
    }
}

/// <summary>
/// A test of PostgreSQL itself (its migration set, sequence, exclusion constraint, text search, several nodes on one
/// database). Skipped, with the reason, when no server answers, except under CI=true, where the server is provided
/// and a missing one must fail the run.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && TestDatabase.PostgresUnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
