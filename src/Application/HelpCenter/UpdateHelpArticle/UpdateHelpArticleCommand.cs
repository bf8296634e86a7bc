using Mediator;
using MesaServicios.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.HelpCenter.UpdateHelpArticle;

/// <summary>
/// A technician or administrator edits an article (all its content at once). Kept as a revision with the fields it
/// changed. <paramref name="ExpectedVersion"/> comes from <c>If-Match</c>: a stale one is refused (412).
/// </summary>
public sealed record UpdateHelpArticleCommand(
    int Id,
    int? ExpectedVersion,
    string? Slug,
    string? Kind,
    string? Category,
    IReadOnlyList<string>? Tags,
    int Order,
    string? TitleEs,
    string? BodyEs,
    string? TitleEn,
    string? BodyEn,
    string? VideoUrl,
    int? VideoDurationSeconds,
    string? Transcript) : ICommand<HelpArticleDetails>, IHelpArticleInput;

internal sealed class UpdateHelpArticleValidator(IOptions<HelpCenterOptions> options) : HelpArticleInputValidator<UpdateHelpArticleCommand>(options);

internal sealed class UpdateHelpArticleHandler(HelpArticleWriting writing, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateHelpArticleCommand, HelpArticleDetails>
{
    public async ValueTask<HelpArticleDetails> Handle(UpdateHelpArticleCommand command, CancellationToken cancellationToken)
    {
        var article = await writing.LoadAsync(command.Id, command.ExpectedVersion, cancellationToken);
        var slug = string.IsNullOrWhiteSpace(command.Slug) ? article.Slug : await writing.SlugAsync(command.Slug, command.TitleEs!, article.Id, cancellationToken);
        article.Edit(writing.Draft(command, slug), currentUser.RequiredUserId, clock.GetUtcNow());
        await writing.SaveAndIndexAsync(article, cancellationToken);
        return HelpArticleViews.Details(article, currentUser.Language, forDesk: true);
    }
}
