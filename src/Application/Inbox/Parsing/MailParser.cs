using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace MesaServicios.Application.Inbox.Parsing;

/// <summary>Parses a raw RFC 5322 message (any charset or transfer encoding MimeKit understands) into a <see cref="ParsedMail"/>.</summary>
public static class MailParser
{
    private const int MaxKeyLength = 400;

    static MailParser()
    {
        // Windows-1252 and friends are not built into .NET: register the code pages once.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static ParsedMail Parse(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        var message = MimeMessage.Load(stream);
        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender ?? message.ReplyTo.Mailboxes.FirstOrDefault();
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId.Trim().Trim('<', '>');
        var key = messageId is null ? "sha256:" + Hash(raw)
            : messageId.Length > MaxKeyLength ? "sha256:" + Hash(Encoding.UTF8.GetBytes(messageId))
            : messageId;

        var threadIds = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            threadIds.Add(message.InReplyTo.Trim().Trim('<', '>'));
        }

        threadIds.AddRange(message.References.Reverse().Select(r => r.Trim('<', '>')));

        var (isReport, bounced) = ReadDeliveryReport(message);
        return new ParsedMail
        {
            MessageId = messageId,
            Key = key,
            FromAddress = from?.Address?.Trim().ToLowerInvariant() ?? string.Empty,
            FromName = string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            Subject = (message.Subject ?? string.Empty).Trim(),
            Date = message.Date == DateTimeOffset.MinValue ? null : message.Date,
            ThreadIds = threadIds.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Headers = message.Headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value?.Trim() ?? string.Empty)).ToList(),
            TextBody = BodyText(message, raw),
            Attachments = ReadAttachments(message),
            IsDeliveryReport = isReport,
            BouncedRecipients = bounced,
        };
    }

    private static string BodyText(MimeMessage message, byte[] raw)
    {
        var text = StructuredBodyText(message);
        if (text.Length > 0 || message.Body is not Multipart)
        {
            return text;
        }

        // A multipart whose boundary never matches holds no parts: keep what the person wrote as it came — the
        // preamble MimeKit kept, or else the raw text after the header block.
        var multipart = (Multipart)message.Body;
        if (!string.IsNullOrWhiteSpace(multipart.Preamble))
        {
            return HtmlText.Normalize(multipart.Preamble);
        }

        var start = raw.AsSpan().IndexOf("\r\n\r\n"u8) is var crlf and >= 0 ? crlf + 4 : raw.AsSpan().IndexOf("\n\n"u8) is var lf and >= 0 ? lf + 2 : raw.Length;
        var rest = raw.AsSpan(start);
        var decoded = System.Text.Unicode.Utf8.IsValid(rest) ? Encoding.UTF8.GetString(rest) : Encoding.Latin1.GetString(rest);
        return HtmlText.Normalize(decoded);
    }

    private static string StructuredBodyText(MimeMessage message)
    {
        var text = message.TextBody;
        if (!string.IsNullOrWhiteSpace(text))
        {
            return HtmlText.Normalize(text);
        }

        var html = message.HtmlBody;
        if (!string.IsNullOrWhiteSpace(html))
        {
            return HtmlText.Convert(html);
        }

        // A lone text part with an odd subtype, or a report: take the first textual part.
        var part = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => !p.IsAttachment);
        return part is null ? string.Empty : part.IsHtml ? HtmlText.Convert(part.Text) : HtmlText.Normalize(part.Text);
    }

    private static List<ParsedAttachment> ReadAttachments(MimeMessage message)
    {
        var result = new List<ParsedAttachment>();
        var index = 0;
        foreach (var entity in message.Attachments)
        {
            index++;
            switch (entity)
            {
                case MimePart part when part.Content is not null:
                    using (var content = new MemoryStream())
                    {
                        part.Content.DecodeTo(content);
                        var name = string.IsNullOrWhiteSpace(part.FileName) ? $"adjunto-{index}" : Path.GetFileName(part.FileName.Trim());
                        result.Add(new ParsedAttachment(name, part.ContentType.MimeType.ToLowerInvariant(), content.ToArray()));
                    }

                    break;
                case MessagePart { Message: not null } attached:
                    using (var content = new MemoryStream())
                    {
                        attached.Message.WriteTo(content);
                        var subject = string.IsNullOrWhiteSpace(attached.Message.Subject) ? $"mensaje-{index}" : attached.Message.Subject;
                        var name = string.Concat(subject.Split(Path.GetInvalidFileNameChars())).Trim();
                        result.Add(new ParsedAttachment((name.Length > 80 ? name[..80] : name) + ".eml", "message/rfc822", content.ToArray()));
                    }

                    break;
            }
        }

        return result;
    }

    private static (bool IsReport, IReadOnlyList<BouncedRecipient> Bounced) ReadDeliveryReport(MimeMessage message)
    {
        var report = message.Body as MultipartReport;
        var statuses = message.BodyParts.OfType<MessageDeliveryStatus>().ToList();
        var isReport = statuses.Count > 0
            || string.Equals(report?.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase);
        var bounced = new List<BouncedRecipient>();
        foreach (var status in statuses)
        {
            // Every group that names a recipient counts: when the first recipient block follows the per-message
            // fields without a blank line, both arrive as the first group.
            foreach (var group in status.StatusGroups)
            {
                var action = group["Action"]?.Trim();
                var recipient = group["Final-Recipient"] ?? group["Original-Recipient"];
                if (recipient is null || !string.Equals(action, "failed", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var address = recipient.Contains(';', StringComparison.Ordinal) ? recipient[(recipient.IndexOf(';', StringComparison.Ordinal) + 1)..] : recipient;
                address = address.Trim().Trim('<', '>').ToLowerInvariant();
                if (address.Contains('@', StringComparison.Ordinal))
                {
                    bounced.Add(new BouncedRecipient(address, group["Diagnostic-Code"]?.Trim() ?? group["Status"]?.Trim()));
                }
            }
        }

        return (isReport, bounced);
    }

    private static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
