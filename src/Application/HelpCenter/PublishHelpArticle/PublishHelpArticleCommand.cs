using Mediator;
using MesaServicios.Application.Common.Security;

namespace MesaServicios.Application.HelpCenter.PublishHelpArticle;

/// <summary>Makes a draft public (readable without signing in).</summary>
public sealed record PublishHelpArticleCommand(int Id, int? ExpectedVersion) : ICommand<HelpArticleDetails>;

/// <summary>Withdraws a published article: it becomes a draft again, invisible to the public.</summary>
public sealed record UnpublishHelpArticleCommand(int Id, int? ExpectedVersion) : ICommand<HelpArticleDetails>;

internal sealed class PublishHelpArticleHandler(HelpArticleWriting writing, ICurrentUser currentUser, TimeProvider clock) :
    ICommandHandler<PublishHelpArticleCommand, HelpArticleDetails>,
    ICommandHandler<UnpublishHelpArticleCommand, HelpArticleDetails>
{
    public async ValueTask<HelpArticleDetails> Handle(PublishHelpArticleCommand command, CancellationToken cancellationToken)
    {
        var article = await writing.LoadAsync(command.Id, command.ExpectedVersion, cancellationToken);
        article.Publish(currentUser.RequiredUserId, clock.GetUtcNow());
        await writing.SaveAndIndexAsync(article, cancellationToken);
        return HelpArticleViews.Details(article, currentUser.Language, forDesk: true);
    }

    public async ValueTask<HelpArticleDetails> Handle(UnpublishHelpArticleCommand command, CancellationToken cancellationToken)
    {
        var article = await writing.LoadAsync(command.Id, command.ExpectedVersion, cancellationToken);
        article.Unpublish(currentUser.RequiredUserId, clock.GetUtcNow());
        await writing.SaveAndIndexAsync(article, cancellationToken);
        return HelpArticleViews.Details(article, currentUser.Language, forDesk: true);
    }
}
