namespace MesaServicios.Domain.HelpCenter;

/// <summary>
/// One voter's answer to "was this helpful?" for one article. The voter is a signed-in person (<c>user:&lt;id&gt;</c>)
/// or an anonymous client (<c>client:&lt;hash of its network address&gt;</c>); a second vote changes the first.
/// </summary>
public sealed class HelpVote
{
    private HelpVote()
    {
        VoterKey = string.Empty;
    }

    public HelpVote(int articleId, string voterKey, bool helpful, DateTimeOffset at)
    {
        ArticleId = articleId;
        VoterKey = voterKey;
        Helpful = helpful;
        At = at;
    }

    public long Id { get; private set; }

    public int ArticleId { get; private set; }

    public string VoterKey { get; private set; }

    public bool Helpful { get; private set; }

    public DateTimeOffset At { get; private set; }

    public void Change(bool helpful, DateTimeOffset at)
    {
        Helpful = helpful;
        At = at;
    }
}
