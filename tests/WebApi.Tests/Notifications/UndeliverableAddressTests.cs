using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Notifications;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>An address a bounce reported as undeliverable is not mailed again: the mail is dead-lettered, the others go out.</summary>
public sealed class UndeliverableAddressTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public UndeliverableAddressTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Delivery_ToAnAddressThatBounced_IsDeadLetteredWithTheReason_AndOtherMailStillGoesOut()
    {
        var bounced = await _factory.CreateUserAsync(email: "rebota@iescinoc.edu.co");
        var reachable = await _factory.CreateUserAsync(email: "llega@iescinoc.edu.co");
        await _factory.WithDbAsync(async db =>
        {
            db.UndeliverableAddresses.Add(UndeliverableAddress.Create(bounced.Email, "550 5.1.1 user unknown", _factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        await _factory.DeliverOutboxAsync();

        foreach (var email in new[] { bounced.Email, reachable.Email })
        {
            var response = await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/forgot-password", new { email });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await _factory.IssuePasswordResetsAsync();

        var report = await _factory.DeliverOutboxAsync();

        Assert.Equal(1, report.Sent);
        Assert.Equal(1, report.DeadLettered);
        var mails = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.Kind.Contains("password")).ToListAsync());
        var dead = Assert.Single(mails, m => m.To == bounced.Email);
        Assert.Equal(OutboxEmailStatus.DeadLettered, dead.Status);
        Assert.Contains("undeliverable", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxEmailStatus.Sent, Assert.Single(mails, m => m.To == reachable.Email).Status);
        var written = Directory.GetFiles(_factory.PickupDirectory, "*.eml").Select(File.ReadAllText).ToList();
        Assert.DoesNotContain(written, text => text.Contains("To: rebota@", StringComparison.OrdinalIgnoreCase) && text.Contains("contrase", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DeskAlert_LeavesOutTheMemberWhoseAddressBounced_AndStillReachesTheRestOfTheDesk()
    {
        var bounced = await _factory.CreateUserAsync(UserRole.Technician, email: "tecnico.rebota@iescinoc.edu.co");
        var reachable = await _factory.CreateUserAsync(UserRole.Technician, email: "tecnico.llega@iescinoc.edu.co");
        await _factory.WithDbAsync(async db =>
        {
            db.UndeliverableAddresses.Add(UndeliverableAddress.Create(bounced.Email, "550 5.1.1 user unknown", _factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var ticket = await MesaServicios.WebApi.Tests.Tickets.TicketApi.OpenIdAsync(await _factory.CreateUserAsync());

        await _factory.DeliverOutboxAsync();

        var alert = Assert.Single(
            await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(e => e.TicketId == ticket && e.Recipients != null).ToListAsync()),
            m => m.Addressees().Any(a => a.Address == reachable.Email));
        Assert.Contains(alert.Addressees(), a => a.Address == bounced.Email);
        Assert.Equal(OutboxEmailStatus.Sent, alert.Status);
        var sent = MimeKit.MimeMessage.Load(Directory.GetFiles(_factory.PickupDirectory, "*.eml").Single(f => MimeKit.MimeMessage.Load(f).MessageId == alert.MessageId));
        var to = sent.To.Mailboxes.Select(m => m.Address).ToList();
        Assert.Contains(reachable.Email, to);
        Assert.DoesNotContain(bounced.Email, to);
    }
}
