using MesaServicios.Application.Notifications;
using MesaServicios.Domain.Notifications;
using MesaServicios.Infrastructure.Common;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>
/// Writes each e-mail as an .eml file in the pickup folder (default <c>./data/mail/outbox</c>). The file is
/// named after the message id, so sending the same message twice leaves one file.
/// </summary>
internal sealed class PickupFolderEmailSender(IOptions<MailOptions> options, DataPaths paths) : IEmailSender
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var directory = paths.EnsureDirectory(options.Value.PickupDirectory);
        var message = MimeMessageFactory.Create(email, options.Value);
        var name = $"{email.CreatedAt:yyyyMMddHHmmss}-{email.Id:N}.eml";
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(temporary, Path.Combine(directory, name), overwrite: true);
    }
}
