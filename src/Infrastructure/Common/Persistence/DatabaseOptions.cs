using Microsoft.Extensions.Configuration;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>The database engine of the desk (setting <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file beside the application: one node, the default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by any number of identical nodes (<c>ConnectionStrings:Mesa</c>).</summary>
    Postgres,
}

/// <summary>
/// Section "Database". The provider is read once, when the services are registered: each provider-specific adapter
/// of a port (ticket numbers, the reservation overlap guard, the help search index, later the reports) is chosen
/// there, in the module's own setup, with <see cref="ProviderOf"/>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The assembly holding the PostgreSQL migration set (the SQLite set lives in Infrastructure).</summary>
    public const string PostgresMigrationsAssembly = "MesaServicios.Infrastructure.Postgres";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The configured provider; an unknown name stops the start with a clear message.</summary>
    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[$"{Section}:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        if (string.Equals(value, "PostgreSQL", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "Npgsql", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupRefusedException($"Database:Provider must be Sqlite or Postgres, not '{value}'.");
    }
}
