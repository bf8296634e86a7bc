using System.Text.Json;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.HelpCenter.ListHelpArticleRevisions;

/// <summary>Every change of an article, newest first: who, when, what (technicians and administrators).</summary>
public sealed record ListHelpArticleRevisionsQuery(int Id) : IQuery<IReadOnlyList<HelpArticleRevisionDto>>;

/// <summary>One change: the version it produced, its kind, the fields it changed, its author and the content after it.</summary>
public sealed record HelpArticleRevisionDto(
    int Version,
    string Kind,
    IReadOnlyList<string> ChangedFields,
    Guid? AuthorId,
    string? AuthorName,
    DateTimeOffset At,
    IReadOnlyDictionary<string, string?> Content);

internal sealed class ListHelpArticleRevisionsHandler(IHelpCenterDbContext db, ISender sender) : IQueryHandler<ListHelpArticleRevisionsQuery, IReadOnlyList<HelpArticleRevisionDto>>
{
    public async ValueTask<IReadOnlyList<HelpArticleRevisionDto>> Handle(ListHelpArticleRevisionsQuery query, CancellationToken cancellationToken)
    {
        if (!await db.HelpArticles.AnyAsync(a => a.Id == query.Id, cancellationToken))
        {
            throw Errors.NotFound("help.not_found", query.Id);
        }

        var revisions = await db.HelpArticleRevisions.AsNoTracking().Where(r => r.ArticleId == query.Id).OrderByDescending(r => r.Number).ToListAsync(cancellationToken);
        var authorIds = revisions.Where(r => r.AuthorId is not null).Select(r => r.AuthorId!.Value).Distinct().ToList();
        var authors = authorIds.Count == 0
            ? new Dictionary<Guid, string>()
            : (await sender.Send(new GetUserSnapshotsQuery(authorIds), cancellationToken)).ToDictionary(u => u.Id, u => u.FullName);
        return revisions.Select(r => new HelpArticleRevisionDto(
            r.Number,
            r.Kind.ToString(),
            r.ChangedFields,
            r.AuthorId,
            r.AuthorId is { } author ? authors.GetValueOrDefault(author) : null,
            r.At,
            JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Snapshot) ?? [])).ToList();
    }
}
