using Mediator;
using MesaServicios.Application.Inbox.Contracts;
using MesaServicios.Application.Users;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Inbox.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Inbox;

/// <summary>The embedded drop-folder source, end to end through the real host (Tickets through the double of its door, <see cref="FakeTicketsModule"/>).</summary>
public sealed class DropFolderIngestionTests : IDisposable
{
    private readonly InboxApiFactory _desk = new();

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task Ingest_RequestFromKnownUser_CreatesRequestTicketAndMovesFileToProcessed()
    {
        var user = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        await _desk.DropAsync("001.eml", Mail.Build("Ana Gómez <ana.gomez@iescinoc.edu.co>", "RE: Solicitud de software", Mail.CompleteBody, messageId: "m1@mail.test"));

        var report = await _desk.IngestAsync();

        Assert.Equal(1, report.Applied);
        var created = Assert.Single(_desk.Tickets.Created);
        Assert.Equal(user.Id, created.RequesterId);
        Assert.Equal(TicketType.Request, created.Type);
        Assert.Equal("Solicitud de software", created.Title);
        Assert.Equal("Ana Gómez", created.RequesterName);
        Assert.Equal("Facultad de Ingeniería", created.Department);
        Assert.Equal("3001234567", created.Phone);
        Assert.False(created.Incomplete);
        Assert.True(File.Exists(Path.Combine(_desk.DropFolder, "processed", "001.eml")));
        Assert.False(File.Exists(Path.Combine(_desk.DropFolder, "001.eml")));
        var record = Assert.Single(await _desk.InboxRecordsAsync());
        Assert.Equal(InboxMessageStatus.TicketCreated, record.Status);
        Assert.Equal("m1@mail.test", record.MessageId);
        Assert.Empty(await _desk.OutboxAsync());
    }

    [Fact]
    public async Task Ingest_UnknownInstitutionalSender_CreatesRequesterAccountWithoutPassword()
    {
        await _desk.DropAsync("001.eml", Mail.Build("Nuevo Usuario <nuevo.usuario@iescinoc.edu.co>", "solicitud de cuenta", Mail.CompleteBody));

        await _desk.IngestAsync();

        var users = await _desk.WithScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new FindUsersByEmailQuery(["nuevo.usuario@iescinoc.edu.co"])).AsTask());
        var account = Assert.Single(users);
        Assert.Equal(UserRole.Requester, account.Role);
        Assert.Equal("Ana Gómez", account.FullName);
        Assert.Equal(account.Id, Assert.Single(_desk.Tickets.Created).RequesterId);
        var hasPassword = await _desk.WithScopeAsync(sp => sp.GetRequiredService<ICredentialStore>().HasPasswordAsync(account.Id, CancellationToken.None));
        Assert.False(hasPassword);
    }

    [Fact]
    public async Task Ingest_ReplyToTheMailThatOpenedTheTicket_IsMatchedThroughItsMessageId_AndCarriesTheDetails()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "pedro@iescinoc.edu.co", department: null, phone: null);
        await _desk.DropAsync("001.eml", Mail.Build("pedro@iescinoc.edu.co", "Solicitud impresora", "La impresora no funciona.", messageId: "pedro-1@iescinoc.edu.co"));
        await _desk.IngestAsync();
        var created = Assert.Single(_desk.Tickets.Created);
        await _desk.DropAsync("002.eml", Mail.Build("pedro@iescinoc.edu.co", "Re: Solicitud impresora", "Dependencia: Almacén\nTeléfono: 3001112222", inReplyTo: "pedro-1@iescinoc.edu.co"));

        await _desk.IngestAsync();

        var followUp = Assert.Single(_desk.Tickets.FollowUps);
        Assert.Equal("Dependencia: Almacén\nTeléfono: 3001112222", followUp.Content);
        Assert.Equal(("Almacén", "3001112222"), (followUp.Department, followUp.Phone));
        Assert.True(created.Incomplete);
    }

    [Fact]
    public async Task Ingest_OutsideSender_IsHeldForTriageWithoutAnswer()
    {
        await _desk.DropAsync("001.eml", Mail.Build("alguien@gmail.com", "Solicitud de información", Mail.CompleteBody));

        await _desk.IngestAsync();

        Assert.Empty(_desk.Tickets.Created);
        var record = Assert.Single(await _desk.InboxRecordsAsync());
        Assert.Equal(InboxMessageStatus.Triage, record.Status);
        Assert.Equal("inbox.reason.sender_not_allowed", record.Reason);
        Assert.Empty(await _desk.OutboxAsync());
    }

    [Fact]
    public async Task Ingest_MissingFields_CreatesAnIncompleteTicket_ListingOnlyWhatTheProfileLacks_WithoutASecondMail()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "pedro@iescinoc.edu.co", department: null, phone: null);
        await _desk.DropAsync("001.eml", Mail.Build("pedro@iescinoc.edu.co", "Solicitud impresora", "La impresora del segundo piso no funciona.\n\nEnviado desde mi iPhone"));

        await _desk.IngestAsync();

        var created = Assert.Single(_desk.Tickets.Created);
        Assert.True(created.Incomplete);
        Assert.Equal("La impresora del segundo piso no funciona.", created.Description);
        Assert.Equal(["department", "phone"], created.MissingDetails);
        Assert.Empty(await _desk.OutboxAsync());
    }

    [Fact]
    public async Task Ingest_AutoRepliesToOneSender_AreCappedAtThreePerDay()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "pedro@iescinoc.edu.co");
        for (var i = 0; i < 5; i++)
        {
            await _desk.DropAsync($"{i:000}.eml", Mail.Build("pedro@iescinoc.edu.co", $"Consulta {i}", "Algo no funciona en mi equipo."));
        }

        await _desk.IngestAsync();

        Assert.Empty(_desk.Tickets.Created);
        Assert.Equal(3, (await _desk.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Ingest_NoKeyword_IsHeldAndTheSenderIsToldHowToWriteOnce()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "marta@iescinoc.edu.co");
        await _desk.DropAsync("001.eml", Mail.Build("marta@iescinoc.edu.co", "Consulta de horario", "¿A qué hora abren?"));

        await _desk.IngestAsync();
        await _desk.IngestAsync();

        Assert.Empty(_desk.Tickets.Created);
        var record = Assert.Single(await _desk.InboxRecordsAsync());
        Assert.Equal(InboxMessageStatus.Triage, record.Status);
        Assert.Equal("inbox.reason.no_keyword", record.Reason);
        Assert.True(record.SenderNotified);
        var notice = Assert.Single(await _desk.OutboxAsync());
        Assert.Equal("auto-replied", notice.AutoSubmitted);
        Assert.Contains("solicitud", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Dependencia", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_NoiseAndBounces_CreateNothingAnswerNothingAndRecordUndeliverable()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        foreach (var name in new[] { "autoreply-auto-submitted.eml", "autoreply-x-autoreply.eml", "autoreply-suppress.eml", "bounce-dsn.eml", "list-mail.eml", "bulk-mail.eml", "own-loop.eml" })
        {
            File.Copy(FixturePath(name), Path.Combine(EnsureDrop(), name));
        }

        var report = await _desk.IngestAsync();

        Assert.Equal(7, report.Applied);
        Assert.Empty(_desk.Tickets.Created);
        Assert.Empty(_desk.Tickets.FollowUps);
        Assert.Empty(await _desk.OutboxAsync());
        Assert.All(await _desk.InboxRecordsAsync(), r => Assert.Equal(InboxMessageStatus.Ignored, r.Status));
        var undeliverable = await _desk.WithScopeAsync(sp => sp.GetRequiredService<ISender>()
            .Send(new FindUndeliverableAddressesQuery(["noexiste@iescinoc.edu.co", "ana.gomez@iescinoc.edu.co"])).AsTask());
        Assert.Equal(["noexiste@iescinoc.edu.co"], undeliverable);
    }

    [Fact]
    public async Task Ingest_ReplyByTag_BecomesTrimmedFollowUp_EvenOnASolvedTicket()
    {
        var requester = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        var ticket = _desk.Tickets.Seed(requester.Id, TicketStatus.Solved);
        var body = "Gracias, funciona.\n\nEl lun, 2 mar 2026 a las 8:00, Mesa de Servicios TIC escribió:\n> Resolvimos su caso.";
        await _desk.DropAsync("001.eml", Mail.Build("ana.gomez@iescinoc.edu.co", $"Re: [Mesa #{ticket}] Solicitud", body));

        await _desk.IngestAsync();

        Assert.Empty(_desk.Tickets.Created);
        var followUp = Assert.Single(_desk.Tickets.FollowUps);
        Assert.Equal(ticket, followUp.TicketId);
        Assert.Equal(requester.Id, followUp.AuthorId);
        Assert.Equal("Gracias, funciona.", followUp.Content);
        Assert.Equal(InboxMessageStatus.FollowUpAdded, Assert.Single(await _desk.InboxRecordsAsync()).Status);
    }

    [Fact]
    public async Task Ingest_ReplyToTheMailThatCreatedTheTicket_IsMatchedByReferences()
    {
        var requester = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        await _desk.DropAsync("001.eml", Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de software", Mail.CompleteBody, messageId: "origen@mail.test"));
        await _desk.IngestAsync();
        var ticket = (await _desk.InboxRecordsAsync()).Single().TicketId;
        var technician = await _desk.CreateUserAsync(UserRole.Technician, email: "tecnico@iescinoc.edu.co");
        await _desk.DropAsync("002.eml", Mail.Build("tecnico@iescinoc.edu.co", "Re: otra cosa", "Voy en camino.", inReplyTo: "origen@mail.test"));

        await _desk.IngestAsync();

        var followUp = Assert.Single(_desk.Tickets.FollowUps);
        Assert.Equal(ticket, followUp.TicketId);
        Assert.Equal(technician.Id, followUp.AuthorId);
        Assert.NotEqual(requester.Id, followUp.AuthorId);
    }

    [Fact]
    public async Task Ingest_ReplyToClosedTicket_OpensNewTicketThatReferencesIt()
    {
        var requester = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        var closed = _desk.Tickets.Seed(requester.Id, TicketStatus.Closed);
        await _desk.DropAsync("001.eml", Mail.Build("ana.gomez@iescinoc.edu.co", $"RE: [Mesa #{closed}] Solicitud de software", "Volvió a fallar."));

        await _desk.IngestAsync();

        Assert.Empty(_desk.Tickets.FollowUps);
        var created = Assert.Single(_desk.Tickets.Created);
        Assert.Equal(closed, created.ReferencesTicketId);
        Assert.Equal("Solicitud de software", created.Title);
        Assert.Equal(InboxMessageStatus.TicketCreated, Assert.Single(await _desk.InboxRecordsAsync()).Status);
    }

    [Fact]
    public async Task Ingest_ReplyFromSomeoneNotOnTheTicket_IsHeldForTriage()
    {
        var requester = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        await _desk.CreateUserAsync(UserRole.Requester, email: "otro@iescinoc.edu.co");
        var ticket = _desk.Tickets.Seed(requester.Id, TicketStatus.InProgress);
        await _desk.DropAsync("001.eml", Mail.Build("otro@iescinoc.edu.co", $"Re: [Mesa #{ticket}] Solicitud", "Yo también."));

        await _desk.IngestAsync();

        Assert.Empty(_desk.Tickets.FollowUps);
        var record = Assert.Single(await _desk.InboxRecordsAsync());
        Assert.Equal(InboxMessageStatus.Triage, record.Status);
        Assert.Equal("inbox.reason.reply_not_participant", record.Reason);
    }

    [Fact]
    public async Task Ingest_SameMessageTwice_IsAppliedOnce()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        var raw = Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de software", Mail.CompleteBody, messageId: "dup@mail.test");
        await _desk.DropAsync("001.eml", raw);
        await _desk.IngestAsync();
        await _desk.DropAsync("002.eml", raw);
        await _desk.DropAsync("003.eml", raw);

        var report = await _desk.IngestAsync();

        Assert.Single(_desk.Tickets.Created);
        Assert.Single(await _desk.InboxRecordsAsync());
        Assert.Equal(2, report.Moved);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_desk.DropFolder, "processed")).Length);
    }

    [Fact]
    public async Task Ingest_SameMessageTwiceInOneBatch_IsAppliedOnceAndBothCopiesMove()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        var raw = Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de software", Mail.CompleteBody, messageId: "twin@mail.test");
        await _desk.DropAsync("001.eml", raw);
        await _desk.DropAsync("002.eml", raw);

        var report = await _desk.IngestAsync();

        Assert.Single(_desk.Tickets.Created);
        Assert.Single(await _desk.InboxRecordsAsync());
        Assert.Equal(2, report.Moved);
        Assert.Empty(Directory.GetFiles(_desk.DropFolder, "*.eml"));
    }

    [Fact]
    public async Task Ingest_MessageThatKeepsFailing_IsRetriedThenRejected_WithoutBlockingTheNextOne()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        await _desk.DropAsync("001.eml", Mail.Build("ana.gomez@iescinoc.edu.co", $"Solicitud {FakeTicketsModule.FailMarker}", Mail.CompleteBody));
        await _desk.DropAsync("002.eml", Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud buena", Mail.CompleteBody));

        var first = await _desk.IngestAsync();
        Assert.Equal(1, first.Retrying);
        Assert.Single(_desk.Tickets.Created);
        Assert.True(File.Exists(Path.Combine(_desk.DropFolder, "001.eml")));
        await _desk.IngestAsync();
        var third = await _desk.IngestAsync();

        Assert.Equal(1, third.Rejected);
        Assert.Equal(3, _desk.Tickets.CreateCalls - 1);
        Assert.True(File.Exists(Path.Combine(_desk.DropFolder, "rejected", "001.eml")));
        var failed = (await _desk.InboxRecordsAsync()).Single(r => r.Status == InboxMessageStatus.Failed);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("Simulated failure", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_AttachmentsAndOddCharsets_ReachTheTicket()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "carlos.mora@iescinoc.edu.co");
        await _desk.CreateUserAsync(UserRole.Requester, email: "jose.nunez@iescinoc.edu.co");
        File.Copy(FixturePath("request-attachments.eml"), Path.Combine(EnsureDrop(), "a.eml"));
        File.Copy(FixturePath("request-iso-8859-1.eml"), Path.Combine(EnsureDrop(), "b.eml"));

        await _desk.IngestAsync();

        var withFiles = _desk.Tickets.Created.Single(c => c.Attachments.Count > 0);
        Assert.Equal(["factura.pdf", "error pantallañ.png"], withFiles.Attachments.Select(a => a.FileName));
        var latin = _desk.Tickets.Created.Single(c => c.Title == "Solicitud de cámara");
        Assert.Equal("Rectoría", latin.Department);
    }

    private string EnsureDrop() => Directory.CreateDirectory(_desk.DropFolder).FullName;

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Inbox", "Fixtures", name);
}
