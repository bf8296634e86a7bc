using MesaServicios.Application.Notifications;
using MesaServicios.Domain.Notifications;
using MesaServicios.Infrastructure.Common;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// Writes each e-mail as an .eml file in the pickup folder (default <c>./data/mail/outbox</c>). The file is
/// named after the message id, so sending the same message twice leaves one file. Written synchronously through one
/// buffer (a local file: MimeKit's async writer only adds a state machine per header and part), to a hidden temporary
/// name first so a reader of the folder never sees half a message; the folder is made once per delivery run.
/// </summary>
internal sealed class PickupFolderEmailSender(IOptions<MailOptions> options, DataPaths paths) : IEmailSender
{
    /// <summary>The same message twice is the same file: a batch's results may be recorded together.</summary>
    public bool ResendIsHarmless => true;

    private string? _directory;

    public Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var directory = _directory ??= paths.EnsureDirectory(options.Value.PickupDirectory);
        var message = MimeMessageFactory.Create(email, options.Value);
        var name = $"{email.CreatedAt:yyyyMMddHHmmss}-{email.Id:N}.eml";
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 16 * 1024))
        {
            message.WriteTo(stream, cancellationToken);
        }

        File.Move(temporary, Path.Combine(directory, name), overwrite: true);
        return Task.CompletedTask;
    }
}
