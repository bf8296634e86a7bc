using System.Text;
using System.Text.RegularExpressions;
using FluentValidation;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.HelpCenter;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.HelpCenter;

/// <summary>
/// What an author sends to create or edit an article. Kind and category travel as names (<c>Faq</c>,
/// <c>Account</c>) and are checked here, so a wrong one is a field error, not an unreadable body.
/// </summary>
public interface IHelpArticleInput
{
    string? Slug { get; }

    string? Kind { get; }

    string? Category { get; }

    IReadOnlyList<string>? Tags { get; }

    int Order { get; }

    string? TitleEs { get; }

    string? BodyEs { get; }

    string? TitleEn { get; }

    string? BodyEn { get; }

    string? VideoUrl { get; }

    int? VideoDurationSeconds { get; }

    string? Transcript { get; }
}

/// <summary>Shape checks shared by creation and edit (field errors in the caller's language).</summary>
internal abstract partial class HelpArticleInputValidator<T> : AbstractValidator<T>
    where T : IHelpArticleInput
{
    protected HelpArticleInputValidator(IOptions<HelpCenterOptions> options)
    {
        var hosts = options.Value.InstitutionalVideoHosts;
        RuleFor(c => c.Slug).Must(s => s is null || HelpSlugs.IsValid(s)).WithMessage(_ => Messages.Get("help.slug_invalid"));
        RuleFor(c => c.Kind).Must(k => Enum.TryParse<HelpArticleKind>(k, true, out var v) && Enum.IsDefined(v) && !int.TryParse(k, out _))
            .WithMessage(_ => Messages.Get("help.kind_invalid"));
        RuleFor(c => c.Category).Must(k => Enum.TryParse<HelpCategory>(k, true, out var v) && Enum.IsDefined(v) && !int.TryParse(k, out _))
            .WithMessage(_ => Messages.Get("help.category_invalid"));
        RuleFor(c => c.Tags).Must(t => t is null || (t.Count <= HelpArticle.MaxTags && t.All(tag => tag is not null && tag.Trim().Length <= HelpArticle.TagMaxLength)))
            .WithMessage(_ => Messages.Get("help.tags_invalid"));
        RuleFor(c => c.Order).InclusiveBetween(0, 10_000).WithMessage(_ => Messages.Get("help.order_invalid"));
        RuleFor(c => c.TitleEs).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= HelpArticle.TitleMaxLength)
            .WithMessage(_ => Messages.Get("help.title_required"));
        RuleFor(c => c.BodyEs).Must(b => !string.IsNullOrWhiteSpace(b) && b.Length <= HelpArticle.BodyMaxLength)
            .WithMessage(_ => Messages.Get("help.body_required"));
        RuleFor(c => c.TitleEn).Must((c, t) => string.IsNullOrWhiteSpace(t) == string.IsNullOrWhiteSpace(c.BodyEn) && (t is null || t.Trim().Length <= HelpArticle.TitleMaxLength))
            .WithMessage(_ => Messages.Get("help.english_incomplete"));
        RuleFor(c => c.BodyEn).Must(b => b is null || b.Length <= HelpArticle.BodyMaxLength).WithMessage(_ => Messages.Get("help.body_required"));
        When(c => string.Equals(c.Kind, nameof(HelpArticleKind.VideoTutorial), StringComparison.OrdinalIgnoreCase), () =>
        {
            // Separate rules: a When() at the end of a chain would also silence the "required" check before it.
            RuleFor(c => c.VideoUrl).NotEmpty().WithMessage(_ => Messages.Get("help.video_required"));
            RuleFor(c => c.VideoUrl).Must(u => HelpVideoAddress.IsAllowed(u, hosts)).When(c => !string.IsNullOrWhiteSpace(c.VideoUrl))
                .WithMessage(_ => Messages.Get("help.video_url_invalid"));
            RuleFor(c => c.VideoDurationSeconds).NotNull().WithMessage(_ => Messages.Get("help.video_required"));
            RuleFor(c => c.VideoDurationSeconds).InclusiveBetween(1, 36_000).When(c => c.VideoDurationSeconds is not null)
                .WithMessage(_ => Messages.Get("help.video_duration_invalid"));
            RuleFor(c => c.Transcript).Must(t => t is null || t.Length <= HelpArticle.TranscriptMaxLength).WithMessage(_ => Messages.Get("help.transcript_too_long"));
        }).Otherwise(() =>
        {
            RuleFor(c => c.VideoUrl).Empty().WithMessage(_ => Messages.Get("help.video_only_for_tutorials"));
            RuleFor(c => c.VideoDurationSeconds).Null().WithMessage(_ => Messages.Get("help.video_only_for_tutorials"));
            RuleFor(c => c.Transcript).Empty().WithMessage(_ => Messages.Get("help.video_only_for_tutorials"));
        });
    }
}

/// <summary>Slugs: lower-case ASCII letters, digits and single hyphens, with at least one letter.</summary>
public static partial class HelpSlugs
{
    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= HelpArticle.SlugMaxLength && SlugPattern().IsMatch(slug) && slug.Any(char.IsAsciiLetter);

    /// <summary>"¿Olvidé mi contraseña?" → "olvide-mi-contrasena".</summary>
    public static string From(string title)
    {
        var folded = TextFolding.Fold(title);
        var builder = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 100)
        {
            slug = slug[..100].Trim('-');
        }

        return slug.Any(char.IsAsciiLetter) ? slug : $"articulo-{slug}".Trim('-');
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}

/// <summary>Where a video tutorial's video may live: YouTube, Vimeo or an institutional host, always over https.</summary>
public static partial class HelpVideoAddress
{
    private static readonly string[] YouTubeHosts = ["youtube.com", "www.youtube.com", "m.youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com"];
    private static readonly string[] VimeoHosts = ["vimeo.com", "www.vimeo.com", "player.vimeo.com"];

    public static bool IsAllowed(string? url, IReadOnlyCollection<string> institutionalHosts)
    {
        if (url is null || url.Length > HelpArticle.UrlMaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo) || !uri.IsDefaultPort)
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host == "youtu.be")
        {
            return YouTubeId().IsMatch(uri.AbsolutePath.TrimStart('/'));
        }

        if (YouTubeHosts.Contains(host))
        {
            var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
            return (uri.AbsolutePath == "/watch" && query["v"] is { } v && YouTubeId().IsMatch(v))
                || (uri.AbsolutePath.StartsWith("/embed/", StringComparison.Ordinal) && YouTubeId().IsMatch(uri.AbsolutePath["/embed/".Length..]));
        }

        if (VimeoHosts.Contains(host))
        {
            return VimeoPath().IsMatch(uri.AbsolutePath);
        }

        return institutionalHosts.Any(h => host == h.ToLowerInvariant() || host.EndsWith("." + h.ToLowerInvariant(), StringComparison.Ordinal));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^/(video/)?[0-9]{3,12}/?$")]
    private static partial Regex VimeoPath();
}
