using Mediator;
using MesaServicios.Application.Notifications;
using MesaServicios.Domain.Notifications;
using MesaServicios.Infrastructure.Notifications;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// Background delivery gives way to a burst of interactive commands: while others keep the single writer busy it takes
/// small batches with a pause between them, takes full batches again when the burst ends, does not count its own writer
/// turns as a burst, and under a load that never ends still delivers every mail, once.
/// </summary>
public sealed class DeliveryPacingTests : IClassFixture<SmtpNotificationsFactory>
{
    private static int _nextTicket = 900;
    private readonly SmtpNotificationsFactory _factory;
    private readonly FakeTimeProvider _clock = new();
    private readonly MailOptions _options = new() { DeliveryBusyBatchSize = 10, DeliveryBusyPauseMilliseconds = 100, DeliveryBusyCommandsPerSecond = 50 };
    private long _committed;

    public DeliveryPacingTests(SmtpNotificationsFactory factory) => _factory = factory;

    private DeliveryPacing Pacing() => new(() => _committed, Options.Create(_options), _clock);

    [Fact]
    public void AQuietWriter_GetsFullBatchesWithoutPause()
    {
        var pacing = Pacing();
        Assert.Equal((null, TimeSpan.Zero), pacing.Next());
        _clock.Advance(TimeSpan.FromSeconds(1));
        _committed += 10;
        Assert.Equal((null, TimeSpan.Zero), pacing.Next());
    }

    [Fact]
    public void ABurstOfCommands_SmallBatchesWithAPause_ThenFullBatchesWhenItEnds()
    {
        var pacing = Pacing();
        pacing.Next();
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _committed += 400; // 800 commands a second

        Assert.Equal((10, TimeSpan.FromMilliseconds(100)), pacing.Next());
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        _committed += 100;
        Assert.Equal((10, TimeSpan.FromMilliseconds(100)), pacing.Next());

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        _committed += 2; // only delivery's own claim and results
        Assert.Equal((null, TimeSpan.Zero), pacing.Next());
    }

    [Fact]
    public void DeliverysOwnTurns_BackToBack_AreNotABurst()
    {
        var pacing = Pacing();
        pacing.Next();
        for (var i = 0; i < 20; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(5));
            _committed += DeliveryPacing.TurnsPerBatch;
            Assert.Equal((null, TimeSpan.Zero), pacing.Next());
        }
    }

    [Fact]
    public void ZeroCommandsPerSecond_TurnsThePacingOff()
    {
        _options.DeliveryBusyCommandsPerSecond = 0;
        var pacing = Pacing();
        pacing.Next();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        _committed += 10_000;
        Assert.Equal((null, TimeSpan.Zero), pacing.Next());
    }

    [Fact]
    public async Task UnderALoadThatNeverEnds_TheJobStillDeliversEveryMailOnce_InSmallBatches()
    {
        var cast = await _factory.CastAsync();
        var first = _nextTicket + 1;
        for (var i = 0; i < 6; i++)
        {
            await _factory.PublishAsync(NotificationMatrixTests.Created(cast, Interlocked.Increment(ref _nextTicket), cast.Requester, assigned: null));
        }

        var last = _nextTicket;
        var queued = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.TicketId >= first && e.TicketId <= last).Select(e => e.MessageId).ToListAsync());
        Assert.True(queued.Count > 6, $"{queued.Count} mails queued");

        // Every look sees thousands of commands committed by others since the previous one: always a burst.
        var looks = 0;
        var busy = new MailOptions { DeliveryBusyBatchSize = 2, DeliveryBusyPauseMilliseconds = 5, DeliveryBusyCommandsPerSecond = 50 };
        var pacing = new DeliveryPacing(() => 10_000L * Interlocked.Increment(ref looks), Options.Create(busy), TimeProvider.System);
        pacing.Next(); // the burst was already going on before this run
        using (var scope = _factory.Services.CreateScope())
        {
            var job = new DeliverOutboxJob(scope.ServiceProvider.GetRequiredService<ISender>(), scope.ServiceProvider.GetRequiredService<OutboxSignal>(), pacing);
            await job.RunAsync(CancellationToken.None);
        }

        Assert.All(queued, id => Assert.Equal(1, _factory.Smtp.CountOf(id)));
        var statuses = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.TicketId >= first && e.TicketId <= last).Select(e => e.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(OutboxEmailStatus.Sent, s));
        Assert.True(looks >= queued.Count / 2, $"{looks} batches for {queued.Count} mails: the burst keeps them small");
    }
}
