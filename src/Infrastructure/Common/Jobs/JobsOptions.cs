namespace MesaServicios.Infrastructure.Common.Jobs;

/// <summary>Background jobs (section "Jobs").</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the Hangfire server in this process. Off: the node serves the API only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hangfire's SQLite database, under the data directory unless absolute.</summary>
    public string SqlitePath { get; set; } = "hangfire.db";

    /// <summary>With <c>Database:Provider</c> Postgres: the schema of Hangfire's tables in the desk's database.</summary>
    public string PostgresSchema { get; set; } = "hangfire";

    public int WorkerCount { get; set; } = 4;

    public int PollIntervalSeconds { get; set; } = 2;

    /// <summary>How long a job taken by a node that died stays invisible before another node picks it up.</summary>
    public int InvisibilityTimeoutMinutes { get; set; } = 5;

    /// <summary>
    /// How old a job lock (one ingestion run, one delivery run at a time) must be before another node may break it:
    /// the lock of a node that died is freed after this long. Longer than the longest run of a locked job.
    /// </summary>
    public int DistributedLockTimeoutSeconds { get; set; } = 60;
}
