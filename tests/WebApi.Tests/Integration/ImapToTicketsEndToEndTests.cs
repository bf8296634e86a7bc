using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Inbox;
using MesaServicios.WebApi.Tests.Inbox.Support;
using MesaServicios.WebApi.Tests.Tickets;
using MimeKit;

namespace MesaServicios.WebApi.Tests.Integration;

/// <summary>A "solicitud" in a real IMAP mailbox (dovecot) becomes a real ticket through the real Tickets module.</summary>
public sealed class ImapToTicketsEndToEndTests : IClassFixture<ImapIngestionTests.Server>, IDisposable
{
    private readonly ImapIngestionTests.Server _server;
    private readonly InboxApiFactory _desk = new(realTickets: true);
    private readonly (string User, string Password) _mailbox;

    public ImapToTicketsEndToEndTests(ImapIngestionTests.Server server)
    {
        _server = server;
        _mailbox = server.Dovecot.CreateUser();
        _desk.UseImap(server.Dovecot, _mailbox.User, _mailbox.Password);
    }

    public void Dispose() => _desk.Dispose();

    [DovecotFact]
    public async Task Solicitud_InTheMailbox_BecomesARealTicket_AndMovesToProcessed()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        using (var imap = await ConnectAsync())
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadWrite);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de software", Mail.CompleteBody)));
            await imap.Inbox.AppendAsync(new AppendRequest(await MimeMessage.LoadAsync(stream)));
        }

        var report = await _desk.IngestAsync();

        Assert.Equal((1, 1), (report.Applied, report.Moved));
        var record = Assert.Single(await _desk.InboxRecordsAsync());
        Assert.Equal(InboxMessageStatus.TicketCreated, record.Status);
        var ticket = await TicketApi.GetAsync(ana, Assert.NotNull(record.TicketId));
        Assert.Equal(("Request", "Email", "Solicitud de software"), (ticket.GetProperty("type").GetString(), ticket.GetProperty("source").GetString(), ticket.GetProperty("title").GetString()));
        using var after = await ConnectAsync();
        Assert.Equal(0, await CountAsync(after.Inbox));
        Assert.Equal(1, await CountAsync(await after.GetFolderAsync("Procesados")));
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync(_server.Dovecot.Host, _server.Dovecot.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(_mailbox.User, _mailbox.Password);
        return client;
    }

    private static async Task<int> CountAsync(IMailFolder folder)
    {
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var uids = await folder.SearchAsync(SearchQuery.All);
        await folder.CloseAsync();
        return uids.Count;
    }
}
