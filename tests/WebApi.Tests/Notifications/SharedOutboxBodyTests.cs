using Mediator;
using MesaServicios.Application.Notifications.Retention;
using MesaServicios.Domain.Notifications;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Persistence;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// The outbox stores one body per rendered mail: a desk alert rendered once per language is one body that every
/// recipient's row points at, and delivery puts each recipient's name back in the greeting. Retention removes a shared
/// body only when the last of its mails is delivered and old enough; an upgrade keeps the body of every waiting mail.
/// </summary>
public sealed class SharedOutboxBodyTests : IClassFixture<MesaApiFactory>
{
    private const string Tricky = "Ana <O'Neil> & Cía";
    private readonly MesaApiFactory _factory;

    public SharedOutboxBodyTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task ANewTicket_StoresOneBodyPerLanguageForTheDesk_AndEachTechnicianReceivesHisOwnGreeting()
    {
        var spanishA = await _factory.CreateUserAsync(UserRole.Technician, fullName: Tricky);
        var spanishB = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Tomás Técnico");
        var english = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Olga Tech", language: "en");
        var ticket = await TicketApi.OpenIdAsync(await _factory.CreateUserAsync());

        var rows = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.TicketId == ticket).ToListAsync());
        var desk = rows.Where(m => m.Kind == "ticket.created" && m.RecipientUserId != null).ToList();
        var a = Assert.Single(desk, m => m.RecipientUserId == spanishA.Id);
        var b = Assert.Single(desk, m => m.RecipientUserId == spanishB.Id);
        var en = Assert.Single(desk, m => m.RecipientUserId == english.Id);
        Assert.NotNull(a.BodyId);
        Assert.Equal(a.BodyId, b.BodyId);
        Assert.NotEqual(a.BodyId, en.BodyId);
        // Fewer bodies than mails: the Spanish desk shares one.
        Assert.True(rows.Select(m => m.BodyId).Distinct().Count() < rows.Count);
        Assert.DoesNotContain('\u0001', a.Body!.TextBody);

        await _factory.DeliverOutboxAsync();
        var delivered = Delivered();
        var mailA = delivered[a.MessageId];
        var mailB = delivered[b.MessageId];
        var mailEn = delivered[en.MessageId];
        Assert.StartsWith($"Hola, {Tricky}:", Text(mailA), StringComparison.Ordinal);
        Assert.Contains("<p>Hola, Ana &lt;O&#39;Neil&gt; &amp; Cía:</p>", mailA.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Hola, Tomás Técnico:", Text(mailB), StringComparison.Ordinal);
        Assert.StartsWith("Hello Olga Tech,", Text(mailEn), StringComparison.Ordinal);
        // The same mail but for the name, in both parts; and what the row says is what was sent.
        Assert.Equal(Text(mailB), Text(mailA).Replace(Tricky, "Tomás Técnico", StringComparison.Ordinal));
        Assert.Equal(mailB.HtmlBody, mailA.HtmlBody!.Replace("Ana &lt;O&#39;Neil&gt; &amp; Cía", "Tomás Técnico", StringComparison.Ordinal));
        Assert.Equal(a.TextBody, Text(mailA));
        Assert.Equal(a.HtmlBody, mailA.HtmlBody);
    }

    [Fact]
    public async Task Retention_RemovesASharedBody_OnlyWhenItsLastMailIsDeliveredAndOldEnough()
    {
        await _factory.CreateUserAsync(UserRole.Technician);
        await _factory.CreateUserAsync(UserRole.Technician);
        var ticket = await TicketApi.OpenIdAsync(await _factory.CreateUserAsync());
        await _factory.DeliverOutboxAsync();
        var rows = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.TicketId == ticket).ToListAsync());
        var shared = rows.GroupBy(m => m.BodyId).First(g => g.Count() > 1);
        var waiting = shared.First().Id;
        // One recipient's copy is still waiting (a retry): its body must survive retention.
        await _factory.WithDbAsync(db => db.OutboxEmails.Where(m => m.Id == waiting).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxEmailStatus.Pending)));

        _factory.Clock.Advance(TimeSpan.FromDays(31));
        await PurgeAsync();

        var after = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.TicketId == ticket).ToListAsync());
        Assert.All(after.Where(m => m.BodyId != shared.Key), m => Assert.Null(m.BodyId));
        Assert.All(after.Where(m => m.BodyId == shared.Key), m => Assert.NotEmpty(m.TextBody));
        Assert.Equal(shared.Count(), after.Count(m => m.BodyId == shared.Key));

        await _factory.DeliverOutboxAsync();
        Assert.Equal(0, await PurgeAsync()); // just delivered: not old enough yet
        _factory.Clock.Advance(TimeSpan.FromDays(31));
        Assert.True(await PurgeAsync() >= 1);

        var gone = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.TicketId == ticket).ToListAsync());
        Assert.All(gone, m => Assert.Equal((null, string.Empty, (string?)null), (m.BodyId, m.TextBody, m.HtmlBody)));
        Assert.All(gone, m => Assert.False(string.IsNullOrEmpty(m.Subject)));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.OutboxBodies.CountAsync(b => b.Id == shared.Key!.Value)));
    }

    [Fact]
    public async Task Upgrade_KeepsTheBodyOfEveryMailWaitingInTheOutbox_AndDeliversTheSameBytes()
    {
        await _factory.CreateUserAsync(UserRole.Technician, fullName: Tricky);
        await _factory.CreateUserAsync(UserRole.Technician);
        var ticket = await TicketApi.OpenIdAsync(await _factory.CreateUserAsync());
        var previous = await _factory.WithDbAsync(db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            return Task.FromResult(migrations[migrations.FindIndex(m => m.EndsWith("_OutboxBodies", StringComparison.Ordinal)) - 1]);
        });

        // Back to the old shape: each waiting row holds its own text and HTML again.
        await MigrateAsync(previous);
        var old = await _factory.WithDbAsync(db => db.Database.SqlQueryRaw<OldMail>(
            "SELECT \"MessageId\", \"TextBody\", \"HtmlBody\" FROM \"OutboxEmails\" WHERE \"Status\" = 'Pending'").ToListAsync());
        Assert.Contains(old, m => m.TextBody.StartsWith($"Hola, {Tricky}:", StringComparison.Ordinal) && m.HtmlBody!.Contains("Ana &lt;O&#39;Neil&gt; &amp; Cía", StringComparison.Ordinal));
        // A mail written by the previous version itself (its own body, nothing shared).
        await _factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"OutboxEmails\" (\"Id\", \"Kind\", \"RecipientUserId\", \"To\", \"ToName\", \"Subject\", \"TextBody\", \"HtmlBody\", \"MessageId\", \"InReplyTo\", \"References\", \"AutoSubmitted\", \"TicketId\", \"Status\", \"Attempts\", \"NextAttemptAt\", \"ClaimedUntil\", \"ClaimToken\", \"LastError\", \"CreatedAt\", \"SentAt\") " +
            "SELECT {0}, \"Kind\", \"RecipientUserId\", \"To\", \"ToName\", 'Antes de actualizar', 'Texto guardado antes de actualizar.', '<p>HTML guardado antes de actualizar.</p>', 'antes@mesa.iescinoc.edu.co', NULL, NULL, \"AutoSubmitted\", \"TicketId\", \"Status\", 0, \"NextAttemptAt\", NULL, NULL, NULL, \"CreatedAt\", NULL " +
            "FROM \"OutboxEmails\" WHERE \"Status\" = 'Pending' AND \"TicketId\" = {1} LIMIT 1",
            Guid.NewGuid(), ticket));
        old.Add(new OldMail("antes@mesa.iescinoc.edu.co", "Texto guardado antes de actualizar.", "<p>HTML guardado antes de actualizar.</p>"));

        await MigrateAsync(null);
        await _factory.DeliverOutboxAsync();

        var delivered = Delivered();
        Assert.True(old.Count >= 4, $"{old.Count} waiting mails");
        foreach (var mail in old)
        {
            Assert.Equal(mail.TextBody, Text(delivered[mail.MessageId]));
            Assert.Equal(mail.HtmlBody, delivered[mail.MessageId].HtmlBody);
        }
    }

    private Task<bool> MigrateAsync(string? target) => _factory.WithDbAsync(async db =>
    {
        await db.GetService<IMigrator>().MigrateAsync(target);
        return true;
    });

    private Task<int> PurgeAsync() => _factory.WithScopeAsync(async sp =>
        await sp.GetRequiredService<ISender>().Send(new PurgeMailBodiesCommand(1000)));

    /// <summary>What the pickup folder holds, by Message-ID.</summary>
    private Dictionary<string, MimeMessage> Delivered() =>
        Directory.GetFiles(_factory.PickupDirectory, "*.eml")
            .Select(f => MimeMessage.Load(f))
            .GroupBy(m => m.MessageId ?? string.Empty)
            .ToDictionary(g => g.Key, g => g.First());

    /// <summary>The text part as the outbox gave it (the wire uses CRLF).</summary>
    private static string Text(MimeMessage message) => (message.TextBody ?? string.Empty).ReplaceLineEndings("\n");

    private sealed record OldMail(string MessageId, string TextBody, string? HtmlBody);
}
