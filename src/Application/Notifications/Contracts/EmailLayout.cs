using System.Globalization;
using System.Text;
using MesaServicios.Application.Common.Localization;

namespace MesaServicios.Application.Notifications.Contracts;

/// <summary>A rendered e-mail: subject, plain text and HTML, in one language.</summary>
public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody);

/// <summary>A titled block of text quoted in a message (a follow-up, a solution, a reason…).</summary>
public sealed record EmailSection(string Label, string Text);

/// <summary>A button/link of a message.</summary>
public sealed record EmailLink(string Label, string Url);

/// <summary>
/// The one layout of every e-mail the desk sends (tickets and account mails): greeting, paragraphs, quoted
/// sections, links, footer — as plain text and HTML. Spanish (es-CO) unless the recipient reads English.
/// </summary>
public static class EmailLayout
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");

    /// <summary>The culture of a person's messages (held once: looking a culture up takes a process-wide lock).</summary>
    public static CultureInfo Culture(string? language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? English : Spanish;

    /// <summary>The subject of every mail about a ticket starts with the tag the mail-ingestion module recognises.</summary>
    public static string TicketSubject(int ticketId, string text) => $"[Mesa #{ticketId.ToString(CultureInfo.InvariantCulture)}] {text}";

    public static RenderedEmail Render(
        CultureInfo culture,
        string subject,
        string recipientName,
        IReadOnlyList<string> paragraphs,
        IReadOnlyList<EmailSection>? sections = null,
        IReadOnlyList<EmailLink>? links = null,
        IReadOnlyList<string>? closingNotes = null)
    {
        sections ??= [];
        links ??= [];
        closingNotes ??= [];
        var greeting = Messages.Get("notifications.email.greeting", culture, recipientName);
        var footer = Messages.Get("notifications.email.footer", culture);

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var section in sections)
        {
            text.Append(section.Label).Append(":\n").Append(section.Text.Trim()).Append("\n\n");
        }

        foreach (var link in links)
        {
            text.Append(link.Label).Append(": ").Append(link.Url).Append('\n');
        }

        if (links.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var note in closingNotes)
        {
            text.Append(note).Append('\n');
        }

        text.Append("-- \n").Append(footer).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(culture.TwoLetterISOLanguageName).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(subject)).Append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2937;max-width:640px\">");
        html.Append("<p>").Append(Encode(greeting)).Append("</p>");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>").Append(Encode(paragraph)).Append("</p>");
        }

        foreach (var section in sections)
        {
            html.Append("<p><strong>").Append(Encode(section.Label)).Append("</strong></p><blockquote style=\"border-left:3px solid #d1d5db;margin:0 0 1em;padding:0 1em;white-space:pre-wrap\">")
                .Append(Encode(section.Text.Trim())).Append("</blockquote>");
        }

        foreach (var link in links)
        {
            html.Append("<p><a href=\"").Append(Encode(link.Url)).Append("\" style=\"display:inline-block;padding:8px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px\">")
                .Append(Encode(link.Label)).Append("</a></p>");
        }

        foreach (var note in closingNotes)
        {
            html.Append("<p style=\"color:#4b5563;font-size:90%\">").Append(Encode(note)).Append("</p>");
        }

        html.Append("<hr><p style=\"color:#6b7280;font-size:85%\">").Append(Encode(footer)).Append("</p></body></html>");
        return new RenderedEmail(subject, text.ToString(), html.ToString());
    }

    /// <summary>Escapes the five HTML-significant characters and leaves accents readable (the page is UTF-8).</summary>
    public static string Encode(string value) => Domain.Notifications.HtmlText.Encode(value);
}
