using MesaServicios.Domain.Audit;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Common.WriteEngine;

/// <summary>
/// The bulk rows of a command (<see cref="BulkInsertBuffer"/>) have their statements and values built before the write
/// turn (<see cref="BulkInsertBuffer.Prepare"/>), so that the turn only runs them. What a user depends on: every row added
/// is written, also one added after the preparation (a reaction dispatched later in the command), exactly once and with
/// its own values; rows dropped after their preparation are not written.
/// </summary>
public sealed class BulkInsertBufferTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public BulkInsertBufferTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task RowsPreparedBeforeTheTurn_AndOneAddedAfter_AreAllWrittenOnceWithTheirValues()
    {
        var subject = $"bulk-{Guid.NewGuid():N}"[..20];
        var now = _factory.Clock.GetUtcNow();

        await _factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MesaDbContext>();
            var bulk = services.GetRequiredService<BulkInsertBuffer>();
            bulk.Add(AuditEntry.Record("bulk.prepared", null, subject, "10.0.0.1", "uno", now));
            bulk.Add(AuditEntry.Record("bulk.prepared", null, subject, "10.0.0.2", "dos", now));
            bulk.Prepare(db);
            bulk.Add(AuditEntry.Record("bulk.late", null, subject, "10.0.0.3", "tres", now));

            await using var transaction = await db.Database.BeginTransactionAsync();
            await bulk.FlushAsync(db, CancellationToken.None);
            Assert.False(bulk.HasPending);
            await transaction.CommitAsync();
            return 0;
        });

        var rows = await _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject).OrderBy(e => e.Details).ToListAsync());
        Assert.Equal(["dos", "tres", "uno"], rows.Select(r => r.Details));
        Assert.Equal(["10.0.0.2", "10.0.0.3", "10.0.0.1"], rows.Select(r => r.ClientAddress));
        Assert.Equal(["bulk.prepared", "bulk.late", "bulk.prepared"], rows.Select(r => r.Action));
    }

    [Fact]
    public async Task PreparedRowsThatAreCleared_AreNotWritten_AndTheNextRowsAreWrittenWithTheirOwnValues()
    {
        var subject = $"bulk-{Guid.NewGuid():N}"[..20];
        var now = _factory.Clock.GetUtcNow();

        await _factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MesaDbContext>();
            var bulk = services.GetRequiredService<BulkInsertBuffer>();
            bulk.Add(AuditEntry.Record("bulk.dropped", null, subject, null, "uno", now));
            bulk.Prepare(db);
            bulk.Clear();
            bulk.Add(AuditEntry.Record("bulk.kept", null, subject, null, "dos", now));

            await using var transaction = await db.Database.BeginTransactionAsync();
            await bulk.FlushAsync(db, CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });

        var row = Assert.Single(await _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject).ToListAsync()));
        Assert.Equal(("bulk.kept", "dos"), (row.Action, row.Details));
    }
}
