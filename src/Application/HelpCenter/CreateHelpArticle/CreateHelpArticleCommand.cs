using Mediator;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.HelpCenter;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.HelpCenter.CreateHelpArticle;

/// <summary>A technician or administrator writes a new article; it starts as a draft.</summary>
public sealed record CreateHelpArticleCommand(
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

internal sealed class CreateHelpArticleValidator(IOptions<HelpCenterOptions> options) : HelpArticleInputValidator<CreateHelpArticleCommand>(options);

internal sealed class CreateHelpArticleHandler(IHelpCenterDbContext db, HelpArticleWriting writing, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateHelpArticleCommand, HelpArticleDetails>
{
    public async ValueTask<HelpArticleDetails> Handle(CreateHelpArticleCommand command, CancellationToken cancellationToken)
    {
        var slug = await writing.SlugAsync(command.Slug, command.TitleEs!, null, cancellationToken);
        var article = HelpArticle.Create(writing.Draft(command, slug), currentUser.RequiredUserId, clock.GetUtcNow());
        db.HelpArticles.Add(article);
        await writing.SaveAndIndexAsync(article, cancellationToken);
        return HelpArticleViews.Details(article, currentUser.Language, forDesk: true);
    }
}
