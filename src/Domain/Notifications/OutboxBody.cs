namespace MesaServicios.Domain.Notifications;

/// <summary>
/// The text and HTML of an outbox e-mail, stored once per rendered mail. A mail rendered for one person is its own
/// body; a desk alert rendered once per language is one body shared by every recipient's row, with the place of
/// the recipient's name in the greeting (<see cref="TextNameAt"/>, <see cref="HtmlNameAt"/>) where delivery puts
/// each row's <see cref="OutboxEmail.ToName"/> back, giving the bytes a mail rendered for that person would have.
/// </summary>
public sealed class OutboxBody
{
    private OutboxBody()
    {
        TextBody = string.Empty;
    }

    public Guid Id { get; private set; }

    public string TextBody { get; private set; }

    public string? HtmlBody { get; private set; }

    /// <summary>Where the recipient's name goes in <see cref="TextBody"/>; null when the body names nobody (rendered for one).</summary>
    public int? TextNameAt { get; private set; }

    /// <summary>Where the recipient's name (HTML-encoded) goes in <see cref="HtmlBody"/>.</summary>
    public int? HtmlNameAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A body rendered for one recipient, stored as it is.</summary>
    public static OutboxBody Personal(string textBody, string? htmlBody, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TextBody = textBody,
        HtmlBody = htmlBody,
        CreatedAt = now,
    };

    /// <summary>
    /// A body rendered once for several recipients with <paramref name="placeholder"/> standing for the name: the
    /// placeholder is cut out and its place kept. Null when the placeholder is not exactly once in each part (the
    /// caller then renders per recipient).
    /// </summary>
    public static OutboxBody? Shared(string textTemplate, string htmlTemplate, string placeholder, DateTimeOffset now)
    {
        var textAt = OnlyPlace(textTemplate, placeholder);
        var htmlAt = OnlyPlace(htmlTemplate, placeholder);
        if (textAt is null || htmlAt is null)
        {
            return null;
        }

        return new OutboxBody
        {
            Id = Guid.CreateVersion7(now),
            TextBody = textTemplate.Remove(textAt.Value, placeholder.Length),
            HtmlBody = htmlTemplate.Remove(htmlAt.Value, placeholder.Length),
            TextNameAt = textAt,
            HtmlNameAt = htmlAt,
            CreatedAt = now,
        };
    }

    /// <summary>The text a recipient of this name gets.</summary>
    public string TextFor(string? name) =>
        TextNameAt is { } at && at <= TextBody.Length ? TextBody.Insert(at, name ?? string.Empty) : TextBody;

    /// <summary>The HTML a recipient of this name gets (the name encoded as the layout encodes it).</summary>
    public string? HtmlFor(string? name) =>
        HtmlBody is not null && HtmlNameAt is { } at && at <= HtmlBody.Length ? HtmlBody.Insert(at, HtmlText.Encode(name ?? string.Empty)) : HtmlBody;

    private static int? OnlyPlace(string template, string placeholder)
    {
        var at = template.IndexOf(placeholder, StringComparison.Ordinal);
        return at >= 0 && template.IndexOf(placeholder, at + placeholder.Length, StringComparison.Ordinal) < 0 ? at : null;
    }
}

/// <summary>The one HTML encoding of the desk's mails: the five HTML-significant characters, accents left readable.</summary>
public static class HtmlText
{
    public static string Encode(string value) => new System.Text.StringBuilder(value.Length)
        .Append(value)
        .Replace("&", "&amp;")
        .Replace("<", "&lt;")
        .Replace(">", "&gt;")
        .Replace("\"", "&quot;")
        .Replace("'", "&#39;")
        .ToString();
}
