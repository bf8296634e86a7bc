using MesaServicios.Application.Inbox;
using MesaServicios.Domain.Inbox;
using MesaServicios.WebApi.Tests.Inbox.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Inbox;

/// <summary>The Infrastructure adapters of the Inbox's ports, on the real database: the ingestion lease and the message claim.</summary>
public sealed class InboxPortsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    private readonly InboxApiFactory _desk = new();

    public void Dispose() => _desk.Dispose();

    private Task<bool> TakeAsync(Guid holder, DateTimeOffset now) =>
        _desk.WithScopeAsync(sp => sp.GetRequiredService<IIngestionLease>().TryTakeAsync(holder, now, now.AddMinutes(5), CancellationToken.None));

    private Task<bool> ReleaseAsync(Guid holder) =>
        _desk.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IIngestionLease>().ReleaseAsync(holder);
            return true;
        });

    [Fact]
    public async Task Lease_IsHeldByOneRunAtATime_RenewedByItsHolder_AndFreeOnceReleasedOrExpired()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();

        Assert.True(await TakeAsync(first, Now));
        Assert.False(await TakeAsync(second, Now.AddMinutes(1)));
        Assert.True(await TakeAsync(first, Now.AddMinutes(1)));

        await ReleaseAsync(second);
        Assert.False(await TakeAsync(second, Now.AddMinutes(2)));
        await ReleaseAsync(first);
        Assert.True(await TakeAsync(second, Now.AddMinutes(2)));

        // A crashed run's lease expires by itself.
        Assert.True(await TakeAsync(first, Now.AddMinutes(8)));
    }

    [Fact]
    public async Task Lease_TakenByManyRunsAtOnce_GoesToExactlyOne()
    {
        var holders = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();

        var taken = await Task.WhenAll(holders.Select(h => TakeAsync(h, Now)));

        Assert.Equal(1, taken.Count(t => t));
    }

    [Fact]
    public async Task Claim_SucceedsOnAPendingMessage_AndFailsOnAFinishedOrUnknownOne()
    {
        var pending = InboxMessage.Record("drop", "p@mail.test", "p@mail.test", "ana@iescinoc.edu.co", null, "Solicitud", [1], Now);
        var done = InboxMessage.Record("drop", "d@mail.test", "d@mail.test", "ana@iescinoc.edu.co", null, "Solicitud", [1], Now);
        done.Ignore("inbox.reason.bulk", Now);
        await _desk.WithDbAsync(async db =>
        {
            db.InboxMessages.AddRange(pending, done);
            return await db.SaveChangesAsync();
        });

        Task<bool> ClaimAsync(Guid id) =>
            _desk.WithScopeAsync(sp => sp.GetRequiredService<IInboxMessageClaim>().TryClaimPendingAsync(id, CancellationToken.None));

        Assert.True(await ClaimAsync(pending.Id));
        Assert.False(await ClaimAsync(done.Id));
        Assert.False(await ClaimAsync(Guid.NewGuid()));
        var unchanged = await _desk.WithDbAsync(db => Task.FromResult(db.InboxMessages.Single(m => m.Id == pending.Id)));
        Assert.Equal((InboxMessageStatus.Pending, 0), (unchanged.Status, unchanged.Attempts));
    }
}
