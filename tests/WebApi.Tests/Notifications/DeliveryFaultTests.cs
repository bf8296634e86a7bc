using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Notifications;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// Acceptance 3: the mail server down for a while (retried with backoff, delivered once when it is back), a
/// permanent refusal (dead letter, listed and re-queued by an administrator through the API).
/// </summary>
public sealed class DeliveryFaultTests : IClassFixture<SmtpNotificationsFactory>
{
    private static int _nextTicket = 700;
    private readonly SmtpNotificationsFactory _factory;

    public DeliveryFaultTests(SmtpNotificationsFactory factory) => _factory = factory;

    [Fact]
    public async Task SmtpDown_MailIsRetriedWithBackoff_AndDeliveredOnceWhenTheServerIsBack()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Base<MesaServicios.Application.Tickets.Contracts.TicketPendingIntegrationEvent>(cast, ticketId, cast.Technician, cast.Technician) with { Reason = "Esperando repuesto." });
        _factory.Smtp.Stop();
        try
        {
            var down = await _factory.DeliverOutboxAsync();
            Assert.Equal(0, down.Sent);
            Assert.Equal(2, down.Failed);
            var failed = await Mails(ticketId);
            Assert.All(failed, e =>
            {
                Assert.Equal(OutboxEmailStatus.Pending, e.Status);
                Assert.Equal(1, e.Attempts);
                Assert.Contains("SMTP unavailable", e.LastError, StringComparison.Ordinal);
                Assert.True(e.NextAttemptAt >= _factory.Clock.GetUtcNow().AddSeconds(25), "first retry waits the base delay");
            });

            _factory.Clock.Advance(TimeSpan.FromSeconds(31));
            var stillDown = await _factory.DeliverOutboxAsync();
            Assert.Equal(2, stillDown.Failed);
            Assert.All(await Mails(ticketId), e => Assert.Equal(2, e.Attempts));
            Assert.All(await Mails(ticketId), e => Assert.True(e.NextAttemptAt >= _factory.Clock.GetUtcNow().AddSeconds(55), "the delay doubles"));

            _factory.Smtp.Start();
            Assert.Equal(0, (await _factory.DeliverOutboxAsync()).Claimed);
            Assert.Empty(_factory.Smtp.For(ticketId));
        }
        finally
        {
            _factory.Smtp.Start();
        }

        _factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var back = await _factory.DeliverOutboxAsync();
        await _factory.DeliverOutboxAsync();

        Assert.Equal(2, back.Sent);
        var sent = await Mails(ticketId);
        Assert.All(sent, e =>
        {
            Assert.Equal(OutboxEmailStatus.Sent, e.Status);
            Assert.Equal(1, _factory.Smtp.CountOf(e.MessageId));
        });
    }

    [Fact]
    public async Task PermanentRefusal_DeadLetters_VisibleToAdministrators_AndRequeueDeliversIt()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Base<MesaServicios.Application.Tickets.Contracts.TicketAssignedIntegrationEvent>(cast, ticketId, cast.Technician, cast.Technician));
        _factory.Smtp.RefuseAll = true;
        try
        {
            var report = await _factory.DeliverOutboxAsync();
            Assert.Equal(1, report.DeadLettered);
        }
        finally
        {
            _factory.Smtp.RefuseAll = false;
        }

        var mail = Assert.Single(await Mails(ticketId));
        Assert.Equal(OutboxEmailStatus.DeadLettered, mail.Status);
        Assert.Contains("SMTP 554", mail.LastError, StringComparison.Ordinal);

        var admin = cast.Admin.Client;
        var list = await (await (await admin.GetAsync("/api/v1/admin/outbox?status=DeadLettered")).EnsureSuccessAsync()).JsonAsync();
        var item = Assert.Single(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == mail.Id);
        Assert.Equal("DeadLettered", item.GetProperty("status").GetString());
        Assert.Equal(mail.MessageId, item.GetProperty("messageId").GetString());
        Assert.Equal(0, (await _factory.DeliverOutboxAsync()).Claimed);

        var requeued = await (await (await admin.PostAsync($"/api/v1/admin/outbox/{mail.Id}/requeue", null)).EnsureSuccessAsync()).JsonAsync();
        Assert.Equal("Pending", requeued.GetProperty("status").GetString());
        var report2 = await _factory.DeliverOutboxAsync();

        Assert.Equal(1, report2.Sent);
        Assert.Equal(1, _factory.Smtp.CountOf(mail.MessageId));
        Assert.Equal(OutboxEmailStatus.Sent, (await Mails(ticketId)).Single().Status);
        var again = await admin.PostAsync($"/api/v1/admin/outbox/{mail.Id}/requeue", null);
        await again.ProblemAsync(HttpStatusCode.Conflict, "notifications.outbox_not_dead_lettered");
    }

    [Fact]
    public async Task OutboxAdministration_IsForAdministratorsOnly_AndChecksItsInput()
    {
        var cast = await _factory.CastAsync();

        var technician = await cast.Technician.Client.GetAsync("/api/v1/admin/outbox?status=DeadLettered");
        var badStatus = await cast.Admin.Client.GetAsync("/api/v1/admin/outbox?status=Lost");
        var missing = await cast.Admin.Client.PostAsJsonAsync($"/api/v1/admin/outbox/{Guid.NewGuid()}/requeue", new { });

        Assert.Equal(HttpStatusCode.Forbidden, technician.StatusCode);
        await badStatus.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await missing.ProblemAsync(HttpStatusCode.NotFound, "notifications.outbox_not_found");
    }

    private Task<List<OutboxEmail>> Mails(int ticketId) =>
        _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.TicketId == ticketId).ToListAsync());
}
