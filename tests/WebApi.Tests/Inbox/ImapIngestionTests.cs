using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Inbox.Support;
using MimeKit;

namespace MesaServicios.WebApi.Tests.Inbox;

/// <summary>
/// Ingestion from a real IMAP server (dovecot started by the fixture), through the real host. Tickets are
/// reached through the double of the Tickets module's door (<see cref="FakeTicketsModule"/>).
/// </summary>
public sealed class ImapIngestionTests : IClassFixture<ImapIngestionTests.Server>, IDisposable
{
    private const string Processed = "Procesados";
    private const string Rejected = "Rechazados";
    private readonly Server _server;
    private readonly InboxApiFactory _desk = new();
    private readonly (string User, string Password) _mailbox;

    public ImapIngestionTests(Server server)
    {
        _server = server;
        _mailbox = server.Dovecot.CreateUser();
        _desk.UseImap(server.Dovecot, _mailbox.User, _mailbox.Password);
    }

    public void Dispose() => _desk.Dispose();

    [DovecotFact]
    public async Task Ingest_MixedMail_BecomesTicketsFollowUpsAndTriage_AndLeavesTheInboxEmpty()
    {
        var requester = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        await _desk.CreateUserAsync(UserRole.Requester, email: "marta@iescinoc.edu.co");
        var ticket = _desk.Tickets.Seed(requester.Id, TicketStatus.InProgress);
        await AppendAsync(
            Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de software", Mail.CompleteBody),
            Mail.Build("ana.gomez@iescinoc.edu.co", $"Re: [Mesa #{ticket}] Solicitud", "Sigue fallando.\n\nOn Mon, Mar 2, 2026 at 8:00 AM Mesa wrote:\n> hola"),
            Mail.Build("marta@iescinoc.edu.co", "Consulta de horario", "¿A qué hora abren?"),
            Mail.Build("ana.gomez@iescinoc.edu.co", "Respuesta automática: Solicitud", "Fuera de la oficina", extraHeaders: "Auto-Submitted: auto-replied\r\n"));

        var report = await _desk.IngestAsync();

        Assert.Equal(4, report.Fetched);
        Assert.Equal(4, report.Moved);
        Assert.Single(_desk.Tickets.Created);
        Assert.Equal("Sigue fallando.", Assert.Single(_desk.Tickets.FollowUps).Content);
        var records = await _desk.InboxRecordsAsync();
        Assert.Equal(
            [InboxMessageStatus.TicketCreated, InboxMessageStatus.FollowUpAdded, InboxMessageStatus.Ignored, InboxMessageStatus.Triage],
            records.Select(r => r.Status).Order());
        using var imap = await ConnectAsync();
        Assert.Equal(0, await CountAsync(imap, "INBOX"));
        var processed = await imap.GetFolderAsync(Processed);
        await processed.OpenAsync(FolderAccess.ReadOnly);
        var summaries = await processed.FetchAsync(0, -1, MessageSummaryItems.Flags);
        Assert.Equal(4, summaries.Count);
        Assert.All(summaries, s => Assert.True(s.Flags!.Value.HasFlag(MessageFlags.Seen)));
        Assert.Equal(0, await CountAsync(imap, Rejected));
    }

    [DovecotFact]
    public async Task Ingest_CrashBetweenCommitAndMove_ThenRerun_LeavesExactlyOneTicket()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        await AppendAsync(Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de software", Mail.CompleteBody));
        _desk.Crash.ArmOnce();

        await Assert.ThrowsAsync<SimulatedCrashException>(_desk.IngestAsync);
        using (var imap = await ConnectAsync())
        {
            Assert.Equal(1, await CountAsync(imap, "INBOX"));
        }

        var rerun = await _desk.IngestAsync();

        Assert.Equal(1, rerun.AlreadyRecorded);
        Assert.Equal(0, rerun.Applied);
        Assert.Equal(1, rerun.Moved);
        Assert.Single(_desk.Tickets.Created);
        Assert.Single(await _desk.InboxRecordsAsync());
        using var after = await ConnectAsync();
        Assert.Equal(0, await CountAsync(after, "INBOX"));
        Assert.Equal(1, await CountAsync(after, Processed));
    }

    [DovecotFact]
    public async Task Ingest_TwoRunsStartedTogether_CreateNoDuplicate()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        var mails = Enumerable.Range(1, 20).Select(i => Mail.Build("ana.gomez@iescinoc.edu.co", $"Solicitud número {i}", Mail.CompleteBody)).ToArray();
        await AppendAsync(mails);

        var runs = await Task.WhenAll(Task.Run(_desk.IngestAsync), Task.Run(_desk.IngestAsync));
        await _desk.IngestAsync();

        Assert.Contains(runs, r => r.Ran);
        Assert.Equal(20, _desk.Tickets.Created.Count);
        Assert.Equal(20, _desk.Tickets.Created.Select(c => c.Title).Distinct().Count());
        Assert.Equal(20, (await _desk.InboxRecordsAsync()).Count);
        using var imap = await ConnectAsync();
        Assert.Equal(0, await CountAsync(imap, "INBOX"));
        Assert.Equal(20, await CountAsync(imap, Processed));
    }

    [DovecotFact]
    public async Task Ingest_AutoReplyStorm_CreatesNothingAndAnswersNothing()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        var headers = new[] { "Auto-Submitted: auto-replied\r\n", "X-Autoreply: yes\r\n", "Precedence: bulk\r\n", "X-Auto-Response-Suppress: All\r\n", "X-Mesa-Loop: mesa.iescinoc.edu.co\r\n" };
        var storm = Enumerable.Range(0, 50)
            .Select(i => Mail.Build("ana.gomez@iescinoc.edu.co", $"Respuesta automática: [Mesa #{i}] Solicitud", "Estoy fuera de la oficina.", extraHeaders: headers[i % headers.Length]))
            .ToArray();
        await AppendAsync(storm);

        var report = await _desk.IngestAsync();

        Assert.Equal(50, report.Applied);
        Assert.Empty(_desk.Tickets.Created);
        Assert.Empty(_desk.Tickets.FollowUps);
        Assert.Empty(await _desk.OutboxAsync());
        Assert.All(await _desk.InboxRecordsAsync(), r => Assert.Equal(InboxMessageStatus.Ignored, r.Status));
        using var imap = await ConnectAsync();
        Assert.Equal(50, await CountAsync(imap, Processed));
    }

    [DovecotFact]
    public async Task Ingest_MessageThatKeepsFailing_EndsInTheRejectedFolder()
    {
        await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        await AppendAsync(
            Mail.Build("ana.gomez@iescinoc.edu.co", $"Solicitud {FakeTicketsModule.FailMarker}", Mail.CompleteBody),
            Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud buena", Mail.CompleteBody));

        for (var run = 0; run < 3; run++)
        {
            await _desk.IngestAsync();
        }

        Assert.Single(_desk.Tickets.Created);
        using var imap = await ConnectAsync();
        Assert.Equal(0, await CountAsync(imap, "INBOX"));
        Assert.Equal(1, await CountAsync(imap, Rejected));
        Assert.Equal(1, await CountAsync(imap, Processed));
    }

    private async Task AppendAsync(params string[] messages)
    {
        using var imap = await ConnectAsync();
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite);
        foreach (var raw in messages)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw));
            await inbox.AppendAsync(new AppendRequest(await MimeMessage.LoadAsync(stream)));
        }
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync(_server.Dovecot.Host, _server.Dovecot.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(_mailbox.User, _mailbox.Password);
        return client;
    }

    private static async Task<int> CountAsync(ImapClient imap, string folderName)
    {
        var folder = folderName == "INBOX" ? imap.Inbox : await imap.GetFolderAsync(folderName);
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var uids = await folder.SearchAsync(SearchQuery.All);
        await folder.CloseAsync();
        return uids.Count;
    }

    /// <summary>One dovecot for the class; each test has its own mailbox user and its own desk.</summary>
    public sealed class Server : IDisposable
    {
        private readonly Lazy<DovecotServer> _dovecot = new(() => new DovecotServer());

        public DovecotServer Dovecot => _dovecot.Value;

        public void Dispose()
        {
            if (_dovecot.IsValueCreated)
            {
                _dovecot.Value.Dispose();
            }
        }
    }
}
