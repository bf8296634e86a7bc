using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MesaServicios.Application.Inbox;

namespace MesaServicios.Infrastructure.Inbox;

/// <summary>
/// An IMAP folder read with MailKit: every message still in the inbox folder is waiting (processed ones are moved
/// out). Batches are fetched by UID with BODY.PEEK[] in one FETCH; after the commit they are flagged \Seen and
/// moved to the processed or rejected folder (both created when missing).
/// </summary>
internal sealed class ImapMailSource(ImapOptions options) : IMailSource
{
    private readonly ImapClient _client = new() { Timeout = options.TimeoutSeconds * 1000 };
    private IMailFolder? _inbox;
    private IMailFolder? _processed;
    private IMailFolder? _rejected;

    public string Mailbox => $"imap:{options.UserName}@{options.Host}/{options.InboxFolder}";

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await _client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await _client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
        }

        _inbox = string.Equals(options.InboxFolder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? _client.Inbox
            : await _client.GetFolderAsync(options.InboxFolder, cancellationToken);
        _processed = await GetOrCreateFolderAsync(options.ProcessedFolder, cancellationToken);
        _rejected = await GetOrCreateFolderAsync(options.RejectedFolder, cancellationToken);
        await _inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var uids = await Inbox.SearchAsync(SearchQuery.All, cancellationToken);
        return uids.OrderBy(u => u.Id).Select(u => u.Id.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    public async Task<IReadOnlyList<SourceMessage>> FetchAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken)
    {
        var uids = refs.Select(r => new UniqueId(uint.Parse(r, CultureInfo.InvariantCulture))).ToList();
        var fetched = new Dictionary<uint, byte[]>();
        await ((ImapFolder)Inbox).GetStreamsAsync(uids, async (_, _, uid, stream, ct) =>
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            fetched[uid.Id] = buffer.ToArray();
        }, cancellationToken);
        return uids.Where(u => fetched.ContainsKey(u.Id))
            .Select(u => new SourceMessage(u.Id.ToString(CultureInfo.InvariantCulture), fetched[u.Id]))
            .ToList();
    }

    public async Task CompleteAsync(IReadOnlyList<string> processed, IReadOnlyList<string> rejected, CancellationToken cancellationToken)
    {
        await MoveAsync(processed, _processed!, cancellationToken);
        await MoveAsync(rejected, _rejected!, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or ImapProtocolException or ImapCommandException)
            {
                // The connection is going away anyway.
            }
        }

        _client.Dispose();
    }

    private IMailFolder Inbox => _inbox ?? throw new InvalidOperationException("The mailbox is not open.");

    private async Task MoveAsync(IReadOnlyList<string> refs, IMailFolder target, CancellationToken cancellationToken)
    {
        if (refs.Count == 0)
        {
            return;
        }

        var uids = refs.Select(r => new UniqueId(uint.Parse(r, CultureInfo.InvariantCulture))).ToList();
        await Inbox.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken);
        await Inbox.MoveToAsync(uids, target, cancellationToken);
    }

    private async Task<IMailFolder> GetOrCreateFolderAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = _client.GetFolder(_client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"The IMAP folder '{name}' could not be created.");
        }
    }
}
