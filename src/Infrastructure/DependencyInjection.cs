using MesaServicios.Application.ServiceLevels.Contracts;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using MesaServicios.Application.Common;
using MesaServicios.Application.Inbox;
using MesaServicios.Application.Notifications;
using MesaServicios.Application.Notifications.Links;
using MesaServicios.Application.Tickets;
using MesaServicios.Application.Users;
using MesaServicios.Application.ServiceLevels;
using MesaServicios.Infrastructure.Common;
using MesaServicios.Infrastructure.Common.Health;
using MesaServicios.Infrastructure.Common.Jobs;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.HelpCenter;
using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using MesaServicios.Infrastructure.Inbox;
using MesaServicios.Infrastructure.Notifications;
using MesaServicios.Infrastructure.Reporting;
using MesaServicios.Infrastructure.Reservations;
using MesaServicios.Infrastructure.Tickets.Attachments;
using MesaServicios.Infrastructure.Tickets;
using MesaServicios.Infrastructure.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var paths = new DataPaths(configuration, environment);
        services.AddSingleton(paths);
        services.TryAddSingletonTimeProvider();

        services.AddOptions<UsersOptions>().Bind(configuration.GetSection(UsersOptions.Section));
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section));
        services.TryAddSingleton<IPublicAddress, ConfiguredPublicAddress>();
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section));
        services.AddOptions<NotificationsOptions>().Bind(configuration.GetSection(NotificationsOptions.Section));
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section));
        services.AddOptions<Application.Common.Retention.RetentionOptions>().Bind(configuration.GetSection(Application.Common.Retention.RetentionOptions.Section));
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section)).PostConfigure<IOptions<MailOptions>, IOptions<UsersOptions>>((inbox, mail, users) =>
        {
            // The Inbox module reads these settings of other modules through its own options, not their types.
            inbox.OwnAddresses = inbox.OwnAddresses.Length > 0 ? inbox.OwnAddresses : [mail.Value.FromAddress];
            inbox.AllowedDomains = inbox.AllowedDomains.Length > 0 ? inbox.AllowedDomains : users.Value.AllowedDomains;
        });
        services.AddOptions<TicketsOptions>().Bind(configuration.GetSection(TicketsOptions.Section))
            .Validate(TicketsOptions.IsValid, "Tickets: AutoCloseAfterDays and IdempotencyRetentionHours must be at least 1; PriorityMatrix 5 rows of 5 levels 1..5 (or empty).")
            .ValidateOnStart();

        services.AddOptions<ServiceLevelsOptions>().Bind(configuration.GetSection(ServiceLevelsOptions.Section))
            .Validate(ServiceLevelsOptions.IsValid, "ServiceLevels: WarningPercent 1..99, CacheSeconds ≥ 0, EscalationLevels among OwnNearing, OwnMissed, ResolveNearing, ResolveMissed, AutoCloseWarning.")
            .ValidateOnStart();

        AddPersistence(services, configuration, paths);
        AddIdentity(services, configuration, paths);
        AddMail(services, configuration);
        AddJobs(services, configuration, paths);
        services.AddTicketAttachments(configuration, paths);
        services.AddHelpCenter(configuration);
        services.AddReservations(configuration);
        services.AddReporting(configuration);

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        services.AddSingleton<StorageStatus>();
        services.AddSingleton<StartupNotices>();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration, DataPaths paths)
    {
        if (DatabaseOptions.ProviderOf(configuration) == DatabaseProvider.Postgres)
        {
            AddPostgresPersistence(services, configuration);
            return;
        }

        var connectionString = configuration.GetConnectionString("Mesa");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(paths.Root, "mesa.db")}";
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = paths.Resolve(builder.DataSource);
        }

        services.AddSingleton<ReferenceDataInterceptor>();
        services.AddSingleton<ICachedReferenceData, UsersReferenceData>();
        services.AddSingleton<ICachedReferenceData, NotificationsReferenceData>();
        services.AddDbContextPool<MesaDbContext>((sp, options) => options
            .UseSqlite(builder.ToString())
            .AddInterceptors(new SqlitePragmaInterceptor(), sp.GetRequiredService<ReferenceDataInterceptor>()));
        AddModuleContexts(services);
        services.AddScoped<Application.Common.Backup.IDeskBackup, Common.Backup.SqliteDeskBackup>();
        services.AddSingleton<ITicketNumbers, TicketNumbers>();
        services.AddScoped<Application.Tickets.SearchTickets.ITicketSearchIndex, SqliteTicketSearchIndex>();
        // A new ticket and its first history entry: prepared INSERTs kept on the writer connection (principal first).
        services.AddSingleton(new KeptInsertType(typeof(Domain.Tickets.Ticket)));
        services.AddSingleton(new KeptInsertType(typeof(Domain.Tickets.TicketHistoryEntry)));
        // Built by the container (not passed as an instance) so that it is disposed with the host: its writer
        // connection is closed and its checkpoint loop stopped.
        var writerConnectionString = builder.ToString();
        services.AddSingleton(_ => new WriteBatcher(writerConnectionString));
        AddWriteEngine(services);
    }

    /// <summary>
    /// PostgreSQL, shared by any number of identical nodes: its own migration set (assembly
    /// <see cref="DatabaseOptions.PostgresMigrationsAssembly"/>), ticket numbers from a sequence, and no write batching
    /// (the server takes concurrent writers; each command has its own transaction).
    /// </summary>
    private static void AddPostgresPersistence(IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Mesa");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupRefusedException("Database:Provider is Postgres: set ConnectionStrings:Mesa (Host=…;Database=…;Username=…;Password=…).");
        }

        services.AddSingleton<ReferenceDataInterceptor>();
        services.AddSingleton<ICachedReferenceData, UsersReferenceData>();
        services.AddSingleton<ICachedReferenceData, NotificationsReferenceData>();
        services.AddDbContextPool<MesaDbContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly))
            .AddInterceptors(sp.GetRequiredService<ReferenceDataInterceptor>()));
        AddModuleContexts(services);
        services.AddScoped<ITicketNumbers, PostgresTicketNumbers>();
        services.AddScoped<Application.Tickets.SearchTickets.ITicketSearchIndex, PostgresTicketSearchIndex>();
        services.AddScoped<Application.Common.Backup.IDeskBackup, Common.Backup.PostgresDeskBackup>();
        services.AddSingleton(_ => new WriteBatcher(null));
        AddWriteEngine(services);
    }

    private static void AddModuleContexts(IServiceCollection services)
    {
        services.AddScoped<IUsersDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        services.AddScoped<INotificationsDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        services.AddScoped<IInboxDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        services.AddScoped<ITicketsDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        services.AddScoped<IServiceLevelsDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
        services.AddScoped<Application.Audit.IAuditDbContext>(sp => sp.GetRequiredService<MesaDbContext>());
    }

    private static void AddWriteEngine(IServiceCollection services)
    {
        services.AddScoped<ITransactionRunner, TransactionRunner>();
        services.AddSingleton<KeptInserts>();
        services.AddScoped<BulkInsertBuffer>();
        services.AddScoped<IBulkInsert>(sp => sp.GetRequiredService<BulkInsertBuffer>());
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration, DataPaths paths)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddDataProtection()
            .SetApplicationName("MesaServicios")
            .PersistKeysToFileSystem(new DirectoryInfo(paths.EnsureDirectory("keys/data-protection")));
        services.AddIdentityCore<AccountCredential>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters += "ñÑáéíóúÁÉÍÓÚüÜ'";
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                // Lockout is counted by CredentialStore against TimeProvider; these options document the same policy.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.LockoutMinutes);
                options.Tokens.PasswordResetTokenProvider = ExpiringTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<MesaDbContext>()
            .AddTokenProvider<ExpiringTokenProvider>(ExpiringTokenProvider.ProviderName);

        // The desk's password policy replaces Identity's default character-class rules.
        services.RemoveAll<IPasswordValidator<AccountCredential>>();
        services.AddScoped<IPasswordValidator<AccountCredential>, PasswordPolicyValidator>();
        services.AddScoped<ICredentialStore, CredentialStore>();
        services.AddScoped<IStartupSeed, FirstAdministratorSeed>();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<IAccessTokenIssuer, AccessTokenIssuer>();
    }

    private static void AddMail(IServiceCollection services, IConfiguration configuration)
    {
        var transport = configuration[$"{MailOptions.Section}:Transport"] ?? "Pickup";
        if (string.Equals(transport, "Smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddScoped<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddScoped<IEmailSender, PickupFolderEmailSender>();
        }

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new DeliveryPacing(() => sp.GetRequiredService<WriteBatcher>().CommittedCommands, sp.GetRequiredService<IOptions<MailOptions>>(), TimeProvider.System));
        services.AddSingleton<ICommitObserver, OutboxCommitObserver>();
        services.AddRecurringJobs<NotificationsRecurringJobs>();
        services.AddRecurringJobs<InboxRecurringJobs>();
        services.AddRecurringJobs<TicketsRecurringJobs>();
        services.AddSingleton<IActionLinkProtector, DataProtectionActionLinkProtector>();
        services.AddScoped<DeliverOutboxJob>();
        services.AddScoped<IMailSourceFactory, MailSourceFactory>();
        services.AddScoped<IIngestionLease, IngestionLease>();
        services.AddScoped<IInboxMessageClaim, InboxMessageClaim>();
        services.AddScoped<IngestMailJob>();
        services.AddScoped<AutoCloseSolvedTicketsJob>();
        services.AddScoped<IndexTicketSearchJob>();
        services.AddScoped<RetentionJob>();
        services.AddRecurringJobs<RetentionRecurringJobs>();
        services.AddSingleton<PasswordResetSignal>();
        services.AddSingleton<ICommitObserver, PasswordResetCommitObserver>();
        services.AddScoped<IssuePasswordResetsJob>();
        services.AddRecurringJobs<UsersRecurringJobs>();
    }

    private static void AddJobs(IServiceCollection services, IConfiguration configuration, DataPaths paths)
    {
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var storagePath = paths.Resolve(jobs.SqlitePath);
        var postgres = DatabaseOptions.ProviderOf(configuration) == DatabaseProvider.Postgres;
        var postgresConnection = configuration.GetConnectionString("Mesa") ?? string.Empty;
        services.AddHangfire(config =>
        {
            config
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (postgres)
            {
                // The jobs follow the data: Hangfire's tables in their own schema of the same PostgreSQL database,
                // shared by every node (recurring jobs, queues and distributed locks are then cluster-wide).
                config.UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(postgresConnection),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = jobs.PostgresSchema,
                        QueuePollInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds),
                        InvisibilityTimeout = TimeSpan.FromMinutes(jobs.InvisibilityTimeoutMinutes),
                        DistributedLockTimeout = TimeSpan.FromSeconds(jobs.DistributedLockTimeoutSeconds),
                        PrepareSchemaIfNecessary = true,
                    });
            }
            else
            {
                config.UseSQLiteStorage(storagePath, new SQLiteStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds),
                    InvisibilityTimeout = TimeSpan.FromMinutes(jobs.InvisibilityTimeoutMinutes),
                    DistributedLockLifetime = TimeSpan.FromSeconds(jobs.DistributedLockTimeoutSeconds),
                });
            }
        });
        if (jobs.Enabled)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = jobs.WorkerCount;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(jobs.PollIntervalSeconds);
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        else
        {
            services.PostConfigure<JobsOptions>(o => o.Enabled = false);
        }
    }
}
