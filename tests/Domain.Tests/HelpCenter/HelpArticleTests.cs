using MesaServicios.Domain.Common;
using MesaServicios.Domain.HelpCenter;

namespace MesaServicios.Domain.Tests.HelpCenter;

public sealed class HelpArticleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.NewGuid();

    private static HelpArticleDraft Draft(string body = "Cuerpo", HelpArticleKind kind = HelpArticleKind.Faq, HelpVideo? video = null) =>
        new("articulo", kind, HelpCategory.Account, ["a", "A", " b "], 1, new HelpText("Título", body, $"<p>{body}</p>", body), null, video);

    [Fact]
    public void Create_IsADraft_WithOneRevision()
    {
        var article = HelpArticle.Create(Draft(), Author, Now);

        Assert.False(article.IsPublished);
        Assert.Equal(1, article.Version);
        Assert.Equal(["a", "b"], article.Tags);
        var revision = Assert.Single(article.Revisions);
        Assert.Equal(HelpRevisionKind.Created, revision.Kind);
        Assert.Equal(Author, revision.AuthorId);
    }

    [Fact]
    public void Edit_RecordsTheChangedFields_AndAnEditThatChangesNothingRecordsNothing()
    {
        var article = HelpArticle.Create(Draft(), Author, Now);

        article.Edit(Draft("Otro cuerpo"), Author, Now.AddMinutes(1));
        article.Edit(Draft("Otro cuerpo"), Author, Now.AddMinutes(2));

        Assert.Equal(2, article.Revisions.Count);
        Assert.Equal(["bodyEs"], article.Revisions[1].ChangedFields);
        Assert.Equal(2, article.Version);
        Assert.Equal(Now.AddMinutes(1), article.UpdatedAt);
    }

    [Fact]
    public void PublishTwice_OrUnpublishADraft_IsAConflict()
    {
        var article = HelpArticle.Create(Draft(), Author, Now);
        article.Publish(Author, Now);

        Assert.Equal("help.already_published", Assert.Throws<DomainException>(() => article.Publish(Author, Now)).Code);
        article.Unpublish(Author, Now);
        Assert.Equal("help.not_published", Assert.Throws<DomainException>(() => article.Unpublish(Author, Now)).Code);
        Assert.Equal([HelpRevisionKind.Created, HelpRevisionKind.Published, HelpRevisionKind.Unpublished], article.Revisions.Select(r => r.Kind));
    }

    [Fact]
    public void VideoTutorial_NeedsItsVideo()
    {
        Assert.Equal("help.video_required", Assert.Throws<DomainException>(() => HelpArticle.Create(Draft(kind: HelpArticleKind.VideoTutorial), Author, Now)).Code);

        var tutorial = HelpArticle.Create(Draft(kind: HelpArticleKind.VideoTutorial, video: new HelpVideo("https://youtu.be/dQw4w9WgXcQ", 90, null)), Author, Now);
        Assert.Equal(90, tutorial.VideoDurationSeconds);
    }

    [Fact]
    public void CountVote_ChangingAVote_MovesItBetweenCounters()
    {
        var article = HelpArticle.Create(Draft(), Author, Now);

        article.CountVote(null, true);
        article.CountVote(null, true);
        article.CountVote(true, false);
        article.CountVote(false, false);

        Assert.Equal(1, article.HelpfulCount);
        Assert.Equal(1, article.NotHelpfulCount);
    }
}
