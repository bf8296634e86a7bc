using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using MesaServicios.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// The post-commit request for a delivery run is coalesced: a burst of commits asks for one run, and while a run of
/// this process is delivering, commits only make it look once more (no job piles up behind its lock); a commit that
/// comes after the run's last look asks for a new run, so no queued mail waits for the recurring one.
/// </summary>
public sealed class OutboxSignalTests
{
    private readonly CountingJobClient _jobs = new();
    private readonly OutboxSignal _signal;

    public OutboxSignalTests()
    {
        _signal = new OutboxSignal(new ServiceCollection().AddSingleton<IBackgroundJobClient>(_jobs).BuildServiceProvider(), NullLogger<OutboxSignal>.Instance);
    }

    [Fact]
    public async Task ABurstOfCommits_AsksForOneRun()
    {
        Parallel.For(0, 200, _ => _signal.Signal());

        await Eventually(() => Enqueued() == 1);
        await Task.Delay(200);
        Assert.Equal(1, Enqueued());
    }

    [Fact]
    public async Task WhileARunDelivers_CommitsAskItToLookAgain_AndNoJobIsQueued()
    {
        _signal.RunStarted();
        _signal.Signal();
        _signal.Signal();

        Assert.True(_signal.TakeSignal());
        Assert.False(_signal.TakeSignal());
        await Task.Delay(200);
        Assert.Equal(0, Enqueued());

        _signal.RunEnded();
        await Task.Delay(200);
        Assert.Equal(0, Enqueued());
    }

    [Fact]
    public async Task ACommitAfterTheRunsLastLook_AsksForANewRunWhenItEnds()
    {
        _signal.RunStarted();
        Assert.False(_signal.TakeSignal());
        _signal.Signal();

        _signal.RunEnded();

        await Eventually(() => Enqueued() == 1);
    }

    private int Enqueued() => Volatile.Read(ref _jobs.Created);

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    /// <summary>Counts the jobs written (Hangfire's storage is not needed to see whether a run was asked for).</summary>
    private sealed class CountingJobClient : IBackgroundJobClient
    {
        public int Created;

        public string Create(Job job, IState state)
        {
            Assert.Equal(typeof(DeliverOutboxJob), job.Type);
            return Interlocked.Increment(ref Created).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
