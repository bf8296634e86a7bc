using MesaServicios.Application.Inbox.Parsing;

namespace MesaServicios.Application.Inbox;

/// <summary>
/// Decides, from headers alone, which mail must never create a ticket nor be answered: our own mail, bounces,
/// auto-replies, bulk and list traffic. Returns the reason code, or null for mail written by a person.
/// </summary>
public static class MailClassifier
{
    /// <summary>Our own loop marker (set on every mail we send, see the Notifications mail factory).</summary>
    public const string LoopHeader = "X-Mesa-Loop";

    public const string OwnMail = "inbox.reason.own_mail";
    public const string Bounce = "inbox.reason.bounce";
    public const string AutoSubmitted = "inbox.reason.auto_submitted";
    public const string AutoReply = "inbox.reason.auto_reply";
    public const string Bulk = "inbox.reason.bulk";
    public const string MailingList = "inbox.reason.mailing_list";

    public static string? NoiseReason(ParsedMail mail, IEnumerable<string> ownAddresses)
    {
        if (mail.HasHeader(LoopHeader) || ownAddresses.Any(own => string.Equals(mail.FromAddress, own.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return OwnMail;
        }

        if (mail.IsDeliveryReport || IsDaemon(mail.FromAddress))
        {
            return Bounce;
        }

        var autoSubmitted = mail.Header("Auto-Submitted");
        if (autoSubmitted is not null && !string.Equals(autoSubmitted.Split(';')[0].Trim(), "no", StringComparison.OrdinalIgnoreCase))
        {
            return AutoSubmitted;
        }

        if (mail.HasHeader("X-Autoreply") || mail.HasHeader("X-Autorespond") || mail.HasHeader("X-Auto-Response-Suppress"))
        {
            return AutoReply;
        }

        var precedence = mail.Header("Precedence")?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list" or "auto_reply")
        {
            return Bulk;
        }

        if (mail.HasHeader("List-Id") || mail.HasHeader("List-Unsubscribe"))
        {
            return MailingList;
        }

        return null;
    }

    private static bool IsDaemon(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var local = at < 0 ? address : address[..at];
        return local is "mailer-daemon" or "postmaster" or "mail-daemon";
    }
}
