using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Notifications;
using MesaServicios.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// Acceptance 2: mails delivered by the outbox job over SMTP to a real SMTP server on a loopback socket carry the
/// ticket tag, a stable Message-ID recorded in the database, the thread headers, the anti-loop headers, text and
/// HTML, in the recipient's language.
/// </summary>
public sealed class SmtpDeliveryTests : IClassFixture<SmtpNotificationsFactory>
{
    private static int _nextTicket = 500;
    private readonly SmtpNotificationsFactory _factory;

    public SmtpDeliveryTests(SmtpNotificationsFactory factory) => _factory = factory;

    [Fact]
    public async Task Deliver_SendsEachMailOnce_WithTagMessageIdThreadingAndAutoSubmitted()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Created(cast, ticketId, cast.Requester, assigned: null));
        await _factory.PublishAsync(NotificationMatrixTests.FollowUp(cast, ticketId, cast.Technician, cast.Technician, isPrivate: false));

        var sent = await _factory.DrainOutboxAsync();

        var stored = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.TicketId == ticketId).ToListAsync());
        Assert.True(sent >= stored.Count, $"sent {sent}");
        // The desk's alerts are one mail per language for all of its members: eight people or more, fewer mails.
        Assert.True(stored.Sum(e => e.Addressees().Count) >= 8, $"{stored.Sum(e => e.Addressees().Count)} recipients");
        var received = _factory.Smtp.For(ticketId);
        Assert.Equal(stored.Count, received.Count);
        Assert.All(stored, e => Assert.Equal(OutboxEmailStatus.Sent, e.Status));
        Assert.Equal(stored.Select(e => e.MessageId).Order(), received.Select(m => m.MessageId).Order());
        var root = $"ticket-{ticketId}@mesa.iescinoc.edu.co";
        foreach (var message in received)
        {
            Assert.StartsWith($"[Mesa #{ticketId}] ", message.Subject, StringComparison.Ordinal);
            Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
            Assert.Equal("All", message.Headers["X-Auto-Response-Suppress"]);
            Assert.False(string.IsNullOrEmpty(message.Headers["X-Mesa-Loop"]));
            Assert.NotNull(message.TextBody);
            Assert.NotNull(message.HtmlBody);
            Assert.Contains($"https://portal.test/tickets/{ticketId}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"https://portal.test/tickets/{ticketId}", message.HtmlBody, StringComparison.Ordinal);
            if (message.MessageId != root)
            {
                Assert.Equal(root, message.InReplyTo);
                Assert.Contains(root, message.References);
            }
        }

        var confirmation = Assert.Single(received, m => m.MessageId == root);
        Assert.Equal(cast.Requester.Email, confirmation.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Deliver_WritesEachRecipientInHisLanguage()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Base<TicketSolvedIntegrationEvent>(cast, ticketId, cast.Technician, cast.Technician) with { Solution = "Se cambió el tóner." });

        await _factory.DrainOutboxAsync();

        var received = _factory.Smtp.For(ticketId);
        var spanish = Assert.Single(received, m => To(m) == cast.Requester.Email);
        Assert.Equal($"[Mesa #{ticketId}] Ticket #{ticketId} resuelto: Impresora sin conexión", spanish.Subject);
        Assert.StartsWith("Hola, Ana Solicitante:", spanish.TextBody, StringComparison.Ordinal);
        Assert.Contains("Solución", spanish.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\"", spanish.HtmlBody, StringComparison.Ordinal);
        var english = Assert.Single(received, m => To(m) == cast.Observer.Email);
        Assert.Equal($"[Mesa #{ticketId}] Ticket #{ticketId} solved: Impresora sin conexión", english.Subject);
        Assert.StartsWith("Hello Olga Observadora,", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_RunTwiceConcurrentlyInSeparateScopes_SendsEveryMailExactlyOnce()
    {
        var cast = await _factory.CastAsync();
        var first = _nextTicket + 1;
        for (var i = 0; i < 12; i++)
        {
            var ticketId = Interlocked.Increment(ref _nextTicket);
            await _factory.PublishAsync(NotificationMatrixTests.Created(cast, ticketId, cast.Requester, assigned: null));
        }

        var last = _nextTicket;
        var rows = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.TicketId >= first && e.TicketId <= last).ToListAsync());
        var queued = rows.Select(e => e.MessageId).ToList();

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(_factory.DrainOutboxAsync)));

        Assert.Equal(72, rows.Sum(e => e.Addressees().Count));
        Assert.All(queued, id => Assert.Equal(1, _factory.Smtp.CountOf(id)));
        Assert.Equal(queued.Count, runs.Sum());
    }

    [Fact]
    public async Task DeliverOutboxJob_InAScopeDisposedSynchronously_AsHangfireDoes_DeliversAndClosesCleanly()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);
        await _factory.PublishAsync(NotificationMatrixTests.Base<TicketPendingIntegrationEvent>(cast, ticketId, cast.Technician, cast.Technician) with { Reason = "Esperando." });

        using (var scope = _factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(2, _factory.Smtp.For(ticketId).Count);
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;
}
