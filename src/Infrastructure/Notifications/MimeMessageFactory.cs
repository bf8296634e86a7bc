using MesaServicios.Application.Notifications;
using MesaServicios.Domain.Notifications;
using MimeKit;

namespace MesaServicios.Infrastructure.Notifications;

/// <summary>Turns an outbox e-mail into a MIME message: text + HTML alternatives, stable Message-ID, threading and anti-loop headers.</summary>
internal static class MimeMessageFactory
{
    /// <summary>Our own loop marker: mail carrying it is never ingested as a new ticket.</summary>
    public const string LoopHeader = "X-Mesa-Loop";

    public static MimeMessage Create(OutboxEmail email, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        // A desk alert is one message to every desk member of one language: each is an addressee of it.
        foreach (var addressee in email.Addressees())
        {
            message.To.Add(new MailboxAddress(addressee.Name ?? string.Empty, addressee.Address));
        }

        message.Subject = email.Subject;
        message.MessageId = email.MessageId;
        message.Date = email.CreatedAt;
        if (!string.IsNullOrEmpty(email.InReplyTo))
        {
            message.InReplyTo = email.InReplyTo;
        }

        if (!string.IsNullOrEmpty(email.References))
        {
            foreach (var reference in email.References.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                message.References.Add(reference.Trim('<', '>'));
            }
        }

        if (!string.IsNullOrEmpty(email.AutoSubmitted))
        {
            message.Headers.Add("Auto-Submitted", email.AutoSubmitted);
        }

        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Headers.Add(LoopHeader, options.MessageIdDomain);
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }
}
