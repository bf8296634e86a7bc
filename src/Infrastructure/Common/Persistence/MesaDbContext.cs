using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// The one database of the monolith. Each module sees only its own interface (<see cref="IUsersDbContext"/>, …);
/// each module's tables are configured in its own folder. Its base class (Identity's credential store) is declared by
/// the Users module in Users/MesaDbContext.Users.cs, so that this file names no module.
/// </summary>
public sealed partial class MesaDbContext
{
    // Each module adds its interface and tables in a partial file in its own folder (e.g. Users/MesaDbContext.Users.cs).
    public MesaDbContext(DbContextOptions<MesaDbContext> options)
        : base(options)
    {
    }

    /// <summary>
    /// Set by <see cref="TransactionRunner"/> for a command whose reads may run before its write turn: awaited once,
    /// just before the first save, to take the turn and enter the transaction.
    /// </summary>
    internal Func<CancellationToken, Task>? BeforeFirstWrite { get; set; }

    /// <summary>A save of this context touched cached reference data; the cache is dropped again after the commit.</summary>
    internal bool ReferenceDataChanged { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (BeforeFirstWrite is { } enter)
        {
            BeforeFirstWrite = null;
            await enter(cancellationToken);
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        BeforeFirstWrite is null
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("A command that reads before writing must save asynchronously.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MesaDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as sortable UTC ticks so ordering and range filters work the same on SQLite and PostgreSQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
