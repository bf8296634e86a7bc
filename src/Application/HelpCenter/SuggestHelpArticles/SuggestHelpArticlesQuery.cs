using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.HelpCenter.SearchHelpArticles;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.HelpCenter.SuggestHelpArticles;

/// <summary>
/// While a requester writes a ticket (its title and description so far), the published articles that best match
/// it — so he may find the answer before sending it.
/// </summary>
public sealed record SuggestHelpArticlesQuery(string? Text) : IQuery<IReadOnlyList<HelpSearchResult>>;

internal sealed class SuggestHelpArticlesValidator : AbstractValidator<SuggestHelpArticlesQuery>
{
    public SuggestHelpArticlesValidator()
    {
        RuleFor(q => q.Text).Must(t => !string.IsNullOrWhiteSpace(t) && t.Length <= 4_000).WithMessage(_ => Messages.Get("help.text_required"));
    }
}

internal sealed class SuggestHelpArticlesHandler(HelpArticleFinder finder, IOptions<HelpCenterOptions> options) : IQueryHandler<SuggestHelpArticlesQuery, IReadOnlyList<HelpSearchResult>>
{
    public async ValueTask<IReadOnlyList<HelpSearchResult>> Handle(SuggestHelpArticlesQuery query, CancellationToken cancellationToken) =>
        await finder.FindAsync(query.Text!, publishedOnly: true, Math.Clamp(options.Value.SuggestionCount, 1, 20), cancellationToken);
}
