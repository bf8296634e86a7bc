using System.Net;
using System.Net.Http.Json;
using MesaServicios.Application.Common;
using MesaServicios.Domain.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Common.WriteEngine;

/// <summary>
/// SQLite group commit (<see cref="WriteBatcher"/>): commands that queue for the writer share one commit, each in its
/// own savepoint. What a user depends on: every answered command is saved, a failed one leaves nothing, and a failure
/// of one never undoes another of the same commit.
/// </summary>
public sealed class GroupCommitTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public GroupCommitTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task CommandsThatQueueBehindABusyWriter_ShareOneCommit_AndAFailedOneLeavesNothing()
    {
        var batcher = _factory.Services.GetRequiredService<WriteBatcher>();
        var prefix = $"gc-{Guid.NewGuid():N}"[..12];
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        // The first command holds the writer until the others are queued behind it.
        var first = RunAsync($"{prefix}-00", fail: false, hold: async () =>
        {
            holding.SetResult();
            await release.Task;
        });
        await holding.Task;
        var commitsBefore = batcher.Commits;
        var queued = Enumerable.Range(1, 20).Select(i => RunAsync($"{prefix}-{i:00}", fail: i % 4 == 0, hold: null)).ToList();
        await WaitUntilAsync(() => batcher.Waiting >= 20);
        release.SetResult();

        var outcomes = await Task.WhenAll([first, .. queued]);

        Assert.Equal(5, outcomes.Count(o => o == "failed"));
        Assert.Equal(16, outcomes.Count(o => o == "saved"));
        var saved = await _factory.WithDbAsync(db => db.TicketCategories.Where(c => c.Name.StartsWith(prefix)).Select(c => c.Name).ToListAsync());
        Assert.Equal(
            Enumerable.Range(0, 21).Where(i => i == 0 || i % 4 != 0).Select(i => $"{prefix}-{i:00}").Order(),
            saved.Order());

        // 21 commands, far fewer commits: they were grouped (the exact split depends on scheduling).
        Assert.InRange(batcher.Commits - commitsBefore, 1, 5);
    }

    [Fact]
    public async Task ConcurrentTicketCreations_AreEachSavedOnce_WithDistinctNumbers()
    {
        var requester = await _factory.CreateUserAsync();
        var title = $"Grupo {Guid.NewGuid():N}"[..20];

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            requester.Client.PostAsJsonAsync("/api/v1/tickets", new { title, description = $"Creación concurrente número {i}.", type = "Incident" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<int>();
        foreach (var response in responses)
        {
            var id = (await response.JsonAsync()).GetProperty("id").GetInt32();
            numbers.Add(id);
            var read = await requester.Client.GetAsync($"/api/v1/tickets/{id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        Assert.Equal(40, numbers.Distinct().Count());
        Assert.Equal(40, await _factory.WithDbAsync(db => db.Tickets.CountAsync(t => t.Title == title)));
    }

    [Fact]
    public async Task ACommandCancelledWhileQueued_DoesNotStrandTheOneThatLeftTheTransactionOpenForIt()
    {
        var batcher = _factory.Services.GetRequiredService<WriteBatcher>();
        var prefix = $"gc-{Guid.NewGuid():N}"[..12];
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = RunAsync($"{prefix}-a", fail: false, hold: async () =>
        {
            holding.SetResult();
            await release.Task;
        });
        await holding.Task;
        using var cancel = new CancellationTokenSource();
        var cancelled = RunAsync($"{prefix}-b", fail: false, hold: null, cancel.Token);
        await WaitUntilAsync(() => batcher.Waiting >= 1);

        // The first command sees someone waiting and leaves the transaction open for him; he was cancelled meanwhile.
        await cancel.CancelAsync();
        release.SetResult();

        Assert.Equal("saved", await first.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var saved = await _factory.WithDbAsync(db => db.TicketCategories.Where(c => c.Name.StartsWith(prefix)).Select(c => c.Name).ToListAsync());
        Assert.Equal([$"{prefix}-a"], saved);
    }

    /// <summary>One command in its own scope: adds a category, optionally fails after saving it.</summary>
    private Task<string> RunAsync(string name, bool fail, Func<Task>? hold, CancellationToken cancellationToken = default) =>
        _factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MesaDbContext>();
            try
            {
                return await services.GetRequiredService<ITransactionRunner>().RunAsync(
                    async ct =>
                    {
                        db.TicketCategories.Add(TicketCategory.Create(name, null, _factory.Clock.GetUtcNow()));
                        await db.SaveChangesAsync(ct);
                        if (hold is not null)
                        {
                            await hold();
                        }

                        if (fail)
                        {
                            throw new InvalidOperationException("Fallo provocado después de guardar.");
                        }

                        return "saved";
                    },
                    cancellationToken);
            }
            catch (InvalidOperationException)
            {
                return "failed";
            }
        });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The commands never queued for the writer.");
            await Task.Delay(10);
        }
    }
}
