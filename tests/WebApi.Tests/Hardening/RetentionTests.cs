using System.Net.Http.Json;
using Mediator;
using MesaServicios.Application.Common.Retention;
using MesaServicios.Domain.Audit;
using MesaServicios.Domain.Notifications;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>The retention job keeps data bounded: old bodies, sessions and audit lines go; metadata and recent data stay.</summary>
public sealed class RetentionTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public RetentionTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task AfterTheRetentionPeriods_BodiesSessionsAndOldAuditGo_MetadataStays_AndASecondRunChangesNothing()
    {
        var requester = await _factory.CreateUserAsync();
        await TicketApi.OpenIdAsync(requester);
        await _factory.DeliverOutboxAsync();
        var sent = await _factory.WithDbAsync(db => db.OutboxEmails.CountAsync(m => m.Status == OutboxEmailStatus.Sent));
        Assert.True(sent > 0);

        _factory.Clock.Advance(TimeSpan.FromDays(29));
        await RunAsync();
        Assert.Equal(0, await _factory.WithDbAsync(db => db.OutboxEmails.CountAsync(m => m.BodyId == null)));

        _factory.Clock.Advance(TimeSpan.FromDays(2));
        var fresh = await TicketApi.OpenIdAsync(await _factory.CreateUserAsync());
        await RunAsync();

        var mails = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        Assert.All(mails.Where(m => m.Status == OutboxEmailStatus.Sent), m => Assert.Equal((string.Empty, (string?)null), (m.TextBody, m.HtmlBody)));
        Assert.All(mails.Where(m => m.Status == OutboxEmailStatus.Sent), m => Assert.False(string.IsNullOrEmpty(m.Subject)));
        Assert.Contains(mails, m => m.Status == OutboxEmailStatus.Pending && m.TicketId == fresh && m.TextBody.Length > 0);
        Assert.Equal(sent, mails.Count(m => m.Status == OutboxEmailStatus.Sent));

        // Sessions of 14 days ended more than 30 days ago (day 45 from the sign-ins).
        var sessionsBefore = await _factory.WithDbAsync(db => db.UserSessions.CountAsync());
        _factory.Clock.Advance(TimeSpan.FromDays(16));
        var live = await _factory.CreateUserAsync(UserRole.Technician);
        await RunAsync();
        var sessions = await _factory.WithDbAsync(db => db.UserSessions.AsNoTracking().ToListAsync());
        Assert.True(sessionsBefore > 0);
        Assert.DoesNotContain(sessions, s => s.UserId == requester.Id); // signed in on day 0 only: ended on day 14
        Assert.Empty(await _factory.WithDbAsync(db => db.RefreshTokens.Where(t => !db.UserSessions.Any(s => s.Id == t.SessionId)).ToListAsync()));
        Assert.Contains(sessions, s => s.UserId == live.Id);

        // Audit lines older than Retention:AuditDays go, recorded as a purge; a second run finds nothing to do.
        var auditBefore = await _factory.WithDbAsync(db => db.Set<AuditEntry>().CountAsync());
        _factory.Clock.Advance(TimeSpan.FromDays(730));
        await _factory.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = "reciente@iescinoc.edu.co", password = "x-clave-larga" });
        await RunAsync();
        var audit = await _factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().ToListAsync());
        Assert.True(auditBefore > 0);
        Assert.Contains(audit, e => e.Subject == "reciente@iescinoc.edu.co");
        Assert.True(audit.Count < auditBefore);
        Assert.Single(await _factory.WithDbAsync(db => db.Set<AuditPurge>().ToListAsync()));
        await RunAsync();
        Assert.Single(await _factory.WithDbAsync(db => db.Set<AuditPurge>().ToListAsync()));
    }

    private Task<int> RunAsync() => _factory.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<IPublisher>().Publish(new RetentionDue());
        return 0;
    });
}
