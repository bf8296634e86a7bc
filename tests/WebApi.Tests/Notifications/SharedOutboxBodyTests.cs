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
using System.Net.Http.Json;
using MimeKit;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// The outbox stores one body per rendered mail: a desk alert is one mail per language with every desk member of it as
/// a recipient, greeting the desk; a mail rendered once for several other people (observers of one language) is one
/// body that every recipient's row points at, and delivery puts each recipient's name back in the greeting. Retention removes a shared
/// body only when the last of its mails is delivered and old enough; an upgrade keeps the body of every waiting mail.
/// </summary>
public sealed class SharedOutboxBodyTests : IClassFixture<MesaApiFactory>
{
    private const string Tricky = "Ana <O'Neil> & Cía";
    private readonly MesaApiFactory _factory;

    public SharedOutboxBodyTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task ANewTicket_SendsTheDeskOneMailPerLanguage_EveryMemberAnAddressee_OptedOutLeftOut_GreetingTheDesk()
    {
        var spanishA = await _factory.CreateUserAsync(UserRole.Technician, fullName: Tricky);
        var spanishB = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Tomás Técnico");
        var englishA = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Olga Tech", language: "en");
        var englishB = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Omar Tech", language: "en");
        var optedOut = await _factory.CreateUserAsync(UserRole.Technician, fullName: "Sin Correos");
        var turnedOff = await optedOut.Client.PutAsJsonAsync("/api/v1/me/notification-preferences", new { items = new[] { new { kind = "ticket.created", email = false } } });
        await turnedOff.EnsureSuccessAsync();
        var ticket = await TicketApi.OpenIdAsync(await _factory.CreateUserAsync());

        var rows = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.TicketId == ticket && m.Kind == "ticket.created").ToListAsync());
        var desk = rows.Where(m => m.Recipients is not null).ToList();
        var spanish = Assert.Single(desk, m => m.Addressees().Any(a => a.UserId == spanishA.Id));
        var english = Assert.Single(desk, m => m.Addressees().Any(a => a.UserId == englishA.Id));
        Assert.NotEqual(spanish.Id, english.Id);
        Assert.Contains(spanish.Addressees(), a => (a.UserId, a.Address, a.Name) == (spanishB.Id, spanishB.Email, "Tomás Técnico"));
        Assert.Contains(english.Addressees(), a => (a.UserId, a.Address) == (englishB.Id, englishB.Email));
        Assert.DoesNotContain(english.Addressees(), a => a.UserId == spanishA.Id);
        // Every desk member hears of it once (in one of the desk mails); the one who turned these mails off does not.
        var everyone = rows.SelectMany(m => m.Addressees()).ToList();
        Assert.All(new[] { spanishA, spanishB, englishA, englishB }, u => Assert.Single(everyone, a => a.UserId == u.Id));
        Assert.DoesNotContain(everyone, a => a.UserId == optedOut.Id);
        // Turning the mail off keeps the in-app alert (the desk's, one per language).
        Assert.Single(await _factory.WithDbAsync(InAppAudience.SeenAsync), n => n.TicketId == ticket && n.UserId == optedOut.Id);

        await _factory.DeliverOutboxAsync();
        var delivered = Delivered();
        var mailEs = delivered[spanish.MessageId];
        var mailEn = delivered[english.MessageId];
        Assert.Equal(spanish.Addressees().Select(a => a.Address).Order(), mailEs.To.Mailboxes.Select(m => m.Address).Order());
        Assert.Contains(mailEs.To.Mailboxes, m => (m.Name, m.Address) == (Tricky, spanishA.Email));
        Assert.Equal(english.Addressees().Select(a => a.Address).Order(), mailEn.To.Mailboxes.Select(m => m.Address).Order());
        Assert.StartsWith("Hola, equipo de la mesa:", Text(mailEs), StringComparison.Ordinal);
        Assert.Contains("<p>Hola, equipo de la mesa:</p>", mailEs.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Hello desk team,", Text(mailEn), StringComparison.Ordinal);
        Assert.Contains($"[Mesa #{ticket}]", mailEn.Subject, StringComparison.Ordinal);
        Assert.Equal(spanish.TextBody, Text(mailEs));
        Assert.Equal(spanish.HtmlBody, mailEs.HtmlBody);
    }

    [Fact]
    public async Task ObserversOfOneLanguage_ShareOneStoredBody_AndEachReceivesHisOwnGreeting()
    {
        var observerA = await _factory.CreateUserAsync(fullName: Tricky);
        var observerB = await _factory.CreateUserAsync(fullName: "Tomás Observador");
        var ticket = await TicketApi.OpenIdAsync(await _factory.CreateUserAsync(), observers: [observerA.Email, observerB.Email]);

        var rows = await _factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Where(m => m.TicketId == ticket).ToListAsync());
        var a = Assert.Single(rows, m => m.RecipientUserId == observerA.Id);
        var b = Assert.Single(rows, m => m.RecipientUserId == observerB.Id);
        Assert.NotNull(a.BodyId);
        Assert.Equal(a.BodyId, b.BodyId);
        Assert.DoesNotContain('\u0001', a.Body!.TextBody);

        await _factory.DeliverOutboxAsync();
        var delivered = Delivered();
        var mailA = delivered[a.MessageId];
        var mailB = delivered[b.MessageId];
        Assert.StartsWith($"Hola, {Tricky}:", Text(mailA), StringComparison.Ordinal);
        Assert.Contains("<p>Hola, Ana &lt;O&#39;Neil&gt; &amp; Cía:</p>", mailA.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Hola, Tomás Observador:", Text(mailB), StringComparison.Ordinal);
        Assert.Equal(Text(mailB), Text(mailA).Replace(Tricky, "Tomás Observador", StringComparison.Ordinal));
        Assert.Equal(a.TextBody, Text(mailA));
        Assert.Equal(a.HtmlBody, mailA.HtmlBody);
    }

    [Fact]
    public async Task Retention_RemovesASharedBody_OnlyWhenItsLastMailIsDeliveredAndOldEnough()
    {
        var observers = new[] { (await _factory.CreateUserAsync()).Email, (await _factory.CreateUserAsync()).Email };
        var ticket = await TicketApi.OpenIdAsync(await _factory.CreateUserAsync(), observers: observers);
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
        var observers = new[] { (await _factory.CreateUserAsync(fullName: Tricky)).Email, (await _factory.CreateUserAsync()).Email };
        var ticket = await TicketApi.OpenIdAsync(await _factory.CreateUserAsync(), observers: observers);
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
