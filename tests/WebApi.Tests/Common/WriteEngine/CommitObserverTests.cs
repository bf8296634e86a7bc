using System.Collections.Concurrent;
using MesaServicios.Application.Common;
using MesaServicios.Domain.Tickets;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.Infrastructure.Common.Persistence.WriteEngine;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Common.WriteEngine;

/// <summary>
/// The write engine's post-commit hook (<see cref="ICommitObserver"/>): a module is told after the commit, only about
/// commands that saved what it watches, and never about a command that failed.
/// </summary>
public sealed class CommitObserverTests : IClassFixture<CommitObserverTests.ObservedFactory>
{
    private readonly ObservedFactory _factory;

    public CommitObserverTests(ObservedFactory factory) => _factory = factory;

    [Fact]
    public async Task AnObserver_IsToldAfterTheCommit_OnlyOfCommandsThatSavedWhatItWatches()
    {
        var name = $"obs-{Guid.NewGuid():N}"[..12];

        await RunAsync(db => db.TicketCategories.Add(TicketCategory.Create(name, null, _factory.Clock.GetUtcNow())));
        await RunAsync(db => db.TicketCategories.Add(TicketCategory.Create(name + "-x", null, _factory.Clock.GetUtcNow())), fail: true);
        await RunAsync(_ => { });

        var told = Assert.Single(_factory.Observer.Told);
        Assert.Equal(name, told.Name);

        // Told once the change was durable: another connection already saw the row.
        Assert.True(told.VisibleWhenTold);
    }

    private async Task RunAsync(Action<MesaDbContext> change, bool fail = false)
    {
        try
        {
            await _factory.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<MesaDbContext>();
                return await services.GetRequiredService<ITransactionRunner>().RunAsync(
                    _ =>
                    {
                        // Saved by the engine, as a handler's changes are; a failing command never reaches the save.
                        change(db);
                        return fail ? throw new InvalidOperationException("Fallo provocado.") : ValueTask.FromResult(0);
                    },
                    CancellationToken.None);
            });
        }
        catch (InvalidOperationException) when (fail)
        {
        }
    }

    public sealed class ObservedFactory : MesaApiFactory
    {
        public CategoryObserver Observer { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ICommitObserver>(sp =>
            {
                Observer.Services = sp;
                return Observer;
            }));
        }
    }

    /// <summary>Watches new ticket categories; on commit, records which one and whether a fresh reader sees it.</summary>
    public sealed class CategoryObserver : ICommitObserver
    {
        private string? _pending;

        public IServiceProvider? Services { get; set; }

        public ConcurrentQueue<(string Name, bool VisibleWhenTold)> Told { get; } = new();

        public bool IsInterestedIn(ChangeTracker changes, IBulkInsert bulk)
        {
            var added = changes.Entries<TicketCategory>().FirstOrDefault(e => e.State == EntityState.Added);
            _pending = added?.Entity.Name;
            return added is not null;
        }

        public void Committed()
        {
            var name = _pending!;
            using var scope = Services!.CreateScope();
            var visible = scope.ServiceProvider.GetRequiredService<MesaDbContext>().TicketCategories.AsNoTracking().Any(c => c.Name == name);
            Told.Enqueue((name, visible));
        }
    }
}
