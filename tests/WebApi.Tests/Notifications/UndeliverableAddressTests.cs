using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Notifications;
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
}
