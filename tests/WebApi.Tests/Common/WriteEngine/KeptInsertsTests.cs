using MesaServicios.Application.Common;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Common.WriteEngine;

/// <summary>
/// On SQLite a new ticket and its first history entry are written by INSERTs kept prepared on the writer connection
/// (<see cref="KeptInserts"/>) instead of by EF Core. What a user depends on: the rows are exactly those EF writes (every
/// column, the owned equipment and the service-level clock included), and a command that fails after them leaves no
/// ticket behind while the commands committed with it stay.
/// </summary>
public sealed class KeptInsertsTests : IClassFixture<MesaApiFactory>
{
    private static int _nextNumber = 900_000;

    private readonly MesaApiFactory _factory;

    public KeptInsertsTests(MesaApiFactory factory) => _factory = factory;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATicketWrittenByTheKeptInsert_HasExactlyTheRowsEfWrites(bool withEquipment)
    {
        var title = $"Fila exacta {Guid.NewGuid():N}"[..24];
        var requester = Guid.NewGuid();
        var equipment = withEquipment ? new TicketEquipment(Guid.NewGuid(), "PRY-204", "Proyector Epson", 3, "Proyector") : null;
        var now = _factory.Clock.GetUtcNow();
        var kept = await NewTicketAsync(title, requester, equipment, now);
        var byEf = await NewTicketAsync(title, requester, equipment, now);

        // The new path, inside a transaction as under the write turn.
        await _factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MesaDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Tickets.Add(kept);
            db.ChangeTracker.DetectChanges();
            Assert.True(await services.GetRequiredService<KeptInserts>().WriteAsync(db, CancellationToken.None));
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            Assert.Equal(0, await db.SaveChangesAsync());
            await transaction.CommitAsync();
            return 0;
        });

        // The same ticket (another number) through EF Core's SaveChanges.
        await _factory.WithDbAsync(async db =>
        {
            db.Tickets.Add(byEf);
            return await db.SaveChangesAsync();
        });

        var keptRow = await RowAsync("Tickets", "Id", kept.Id);
        var efRow = await RowAsync("Tickets", "Id", byEf.Id);
        Assert.Equal(efRow.Count, keptRow.Count);
        Assert.Equal(kept.Id, (long)keptRow["Id"].Value!);
        Assert.Equal(byEf.Id, (long)efRow["Id"].Value!);
        foreach (var (column, value) in efRow.Where(c => c.Key != "Id"))
        {
            Assert.True(keptRow[column] == value, $"Tickets.{column}: kept {keptRow[column]} / EF {value}");
        }

        Assert.Equal(withEquipment, keptRow["EquipmentCode"].Value is not null);
        Assert.NotNull(keptRow["SlaResolveDueAt"].Value);

        var keptHistory = await RowAsync("TicketHistory", "TicketId", kept.Id);
        var efHistory = await RowAsync("TicketHistory", "TicketId", byEf.Id);
        foreach (var (column, value) in efHistory.Where(c => c.Key is not "Id" and not "TicketId"))
        {
            Assert.True(keptHistory[column] == value, $"TicketHistory.{column}: kept {keptHistory[column]} / EF {value}");
        }

        Assert.Equal(kept.History.Single().Id.ToString().ToUpperInvariant(), keptHistory["Id"].Value);

        // And read back through EF: the same ticket, owned values and clock included.
        var read = await _factory.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.History).SingleAsync(t => t.Id == kept.Id));
        Assert.Equal(kept.Title, read.Title);
        Assert.Equal(kept.SearchText, read.SearchText);
        Assert.Equal(kept.RequesterId, read.RequesterId);
        Assert.Equal(kept.RequesterName, read.RequesterName);
        Assert.Equal(kept.Priority, read.Priority);
        Assert.Equal(kept.Status, read.Status);
        Assert.Equal(kept.CreatedAt, read.CreatedAt);
        Assert.Equal(kept.Version, read.Version);
        Assert.Equal(kept.Equipment, read.Equipment);
        Assert.Equal(kept.ServiceLevel, read.ServiceLevel);
        var entry = Assert.Single(read.History);
        Assert.Equal(kept.History.Single().Id, entry.Id);
        Assert.Equal(TicketHistoryKind.Created, entry.Kind);
        Assert.Equal(TicketStatus.New, entry.ToStatus);
    }

    [Fact]
    public async Task ACommandThatFailsAfterItsKeptInsert_LeavesNoTicket_AndTheOthersOfItsCommitStay()
    {
        var batcher = _factory.Services.GetRequiredService<WriteBatcher>();
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var title = $"Grupo fallido {Guid.NewGuid():N}"[..28];
        var tickets = new List<Ticket>();
        for (var i = 0; i < 4; i++)
        {
            tickets.Add(await NewTicketAsync(title, Guid.NewGuid(), i == 1 ? new TicketEquipment(Guid.NewGuid(), "PC-17", "Portátil", 1, "Portátil") : null, _factory.Clock.GetUtcNow()));
        }

        // The first command holds the writer until the others are queued behind it, so that all share one commit.
        var first = CreateAsync(tickets[0], fail: false, hold: async () =>
        {
            holding.SetResult();
            await release.Task;
        });
        await holding.Task;
        var commitsBefore = batcher.Commits;
        var queued = new[] { CreateAsync(tickets[1], fail: true, hold: null), CreateAsync(tickets[2], fail: false, hold: null), CreateAsync(tickets[3], fail: true, hold: null) };
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (batcher.Waiting < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "The commands never queued for the writer.");
            await Task.Delay(10);
        }

        release.SetResult();
        var outcomes = await Task.WhenAll([first, .. queued]);

        Assert.Equal(["saved", "failed", "saved", "failed"], outcomes);
        Assert.InRange(batcher.Commits - commitsBefore, 1, 2);
        var ids = tickets.Select(t => t.Id).ToList();
        Assert.Equal([tickets[0].Id, tickets[2].Id], await _factory.WithDbAsync(db => db.Tickets.Where(t => ids.Contains(t.Id)).Select(t => t.Id).OrderBy(id => id).ToListAsync()));
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Set<TicketHistoryEntry>().CountAsync(h => ids.Contains(h.TicketId))));
        Assert.Equal(2, await _factory.WithDbAsync(db => db.TicketIdempotencyRecords.CountAsync(r => ids.Contains(r.TicketId))));
    }

    /// <summary>
    /// One ticket creation through the write engine; a failing one adds two answers remembered under the same key,
    /// which the unique index refuses in SaveChanges, after the kept insert of the ticket.
    /// </summary>
    private Task<string> CreateAsync(Ticket ticket, bool fail, Func<Task>? hold) =>
        _factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MesaDbContext>();
            var now = _factory.Clock.GetUtcNow();
            try
            {
                return await services.GetRequiredService<ITransactionRunner>().RunAsync(
                    async ct =>
                    {
                        if (hold is not null)
                        {
                            await hold();
                        }

                        db.Tickets.Add(ticket);
                        var key = $"clave-{ticket.Id}";
                        db.TicketIdempotencyRecords.Add(TicketIdempotencyRecord.Create(ticket.RequesterId, key, "hash", ticket.Id, ticket.Version, "{}", now));
                        if (fail)
                        {
                            db.TicketIdempotencyRecords.Add(TicketIdempotencyRecord.Create(ticket.RequesterId, key, "hash", ticket.Id, ticket.Version, "{}", now));
                        }

                        return "saved";
                    },
                    CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                return "failed";
            }
        });

    private async Task<Ticket> NewTicketAsync(string title, Guid requesterId, TicketEquipment? equipment, DateTimeOffset now)
    {
        var snapshot = await _factory.WithScopeAsync(sp => sp.GetRequiredService<IServiceLevelCatalog>().CurrentAsync(CancellationToken.None).AsTask());
        var requester = TicketActor.Requester(requesterId);
        var draft = TicketDraft.FromPortal(requester, new RequesterSnapshot("Ana Pérez", "Biblioteca", "3001234567"), title, "El proyector del aula 204 no enciende.", TicketType.Incident, Urgency.High) with
        {
            Equipment = equipment,
        };
        var ticket = Ticket.Open(draft, PriorityMatrix.Default, now, Interlocked.Increment(ref _nextNumber));
        var target = snapshot.TargetFor(ticket.Urgency, ticket.Type);
        ticket.StartServiceLevel(ServiceLevelTerms.Checked(target.OwnMinutes, target.ResolveMinutes, snapshot.WarningPercent, snapshot.BusinessDayMinutes), snapshot.Calendar);
        return ticket;
    }

    /// <summary>A row as SQLite stores it: each column's value and the type of its storage class.</summary>
    private async Task<Dictionary<string, Stored>> RowAsync(string table, string keyColumn, int key)
    {
        var path = await _factory.WithDbAsync(db => Task.FromResult(db.Database.GetDbConnection().DataSource));
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{keyColumn}\" = $key";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No {table} row for {key}.");
        var row = new Dictionary<string, Stored>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = new Stored(reader.IsDBNull(i) ? null : reader.GetValue(i), reader.GetFieldType(i).Name);
        }

        Assert.False(await reader.ReadAsync(), $"More than one {table} row for {key}.");
        return row;
    }

    private sealed record Stored(object? Value, string StoredAs);
}
