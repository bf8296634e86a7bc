using System.Security.Cryptography;
using System.Text;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.HelpCenter;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.HelpCenter.VoteHelpArticle;

/// <summary>
/// "Was this helpful?" on a published article. One vote per signed-in person, or per anonymous client (its network
/// address, kept only as a hash), per article: voting again changes the vote, never adds one.
/// </summary>
public sealed record VoteHelpArticleCommand(int Id, bool Helpful) : ICommand<HelpVoteResult>;

/// <summary>The article's counters after the vote, and the caller's vote.</summary>
public sealed record HelpVoteResult(int ArticleId, int Helpful, int NotHelpful, bool YourVote);

internal sealed class VoteHelpArticleHandler(IHelpCenterDbContext db, IHelpVoteTurn turn, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<VoteHelpArticleCommand, HelpVoteResult>
{
    public async ValueTask<HelpVoteResult> Handle(VoteHelpArticleCommand command, CancellationToken cancellationToken)
    {
        // The counters and the voter's earlier vote are read after the article's turn: a vote at the same moment is
        // either fully before this one or fully after it.
        await turn.TakeAsync(command.Id, cancellationToken);
        var article = await db.HelpArticles.FirstOrDefaultAsync(a => a.Id == command.Id && a.IsPublished, cancellationToken)
            ?? throw Errors.NotFound("help.not_found", command.Id);
        var voter = VoterKey(currentUser);
        var now = clock.GetUtcNow();
        var vote = await db.HelpVotes.FirstOrDefaultAsync(v => v.ArticleId == article.Id && v.VoterKey == voter, cancellationToken);
        if (vote is null)
        {
            article.CountVote(null, command.Helpful);
            db.HelpVotes.Add(new HelpVote(article.Id, voter, command.Helpful, now));
        }
        else
        {
            article.CountVote(vote.Helpful, command.Helpful);
            vote.Change(command.Helpful, now);
        }

        return new HelpVoteResult(article.Id, article.HelpfulCount, article.NotHelpfulCount, command.Helpful);
    }

    /// <summary>
    /// <c>user:&lt;id&gt;</c> for a signed-in person; <c>client:&lt;SHA-256 of the network address&gt;</c> for anyone
    /// else, so that a client cannot vote again by changing a header or a cookie.
    /// </summary>
    internal static string VoterKey(ICurrentUser user)
    {
        if (user.UserId is { } id)
        {
            return $"user:{id:N}";
        }

        var address = user.ClientAddress ?? "unknown";
        return "client:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mesa-help-vote|" + address)));
    }
}
