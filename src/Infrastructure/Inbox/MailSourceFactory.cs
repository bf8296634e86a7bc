using MesaServicios.Application.Inbox;
using MesaServicios.Infrastructure.Common;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Inbox;

/// <summary>The configured source: the drop folder (default) or an IMAP mailbox.</summary>
internal sealed class MailSourceFactory(IOptions<InboxOptions> options, DataPaths paths) : IMailSourceFactory
{
    public IMailSource Create()
    {
        var settings = options.Value;
        return string.Equals(settings.Source, "Imap", StringComparison.OrdinalIgnoreCase)
            ? new ImapMailSource(settings.Imap)
            : new DropFolderMailSource(paths.Resolve(settings.DropFolder));
    }
}
