using MesaServicios.Domain.Inbox;

namespace MesaServicios.Domain.Tests.Inbox;

/// <summary>The Inbox's decision, from a table: one row per kind of message and sender, the decision expected.</summary>
public sealed class InboxPolicyTests
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Observer = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Stranger = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Tech = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    private static readonly InboxSender ActiveAna = new(Ana, IsActive: true, IsDesk: false);
    private static readonly InboxSender InactiveAna = new(Ana, IsActive: false, IsDesk: false);
    private static readonly InboxSender ActiveObserver = new(Observer, IsActive: true, IsDesk: false);
    private static readonly InboxSender ActiveStranger = new(Stranger, IsActive: true, IsDesk: false);
    private static readonly InboxSender ActiveTech = new(Tech, IsActive: true, IsDesk: true);

    private static readonly InboxThreadTicket Open7 = new(7, IsClosed: false, Ana, [Observer]);
    private static readonly InboxThreadTicket Closed7 = new(7, IsClosed: true, Ana, [Observer]);

    private static InboxFacts Facts(
        string from = "ana@iescinoc.edu.co",
        string? noise = null,
        bool keyword = false,
        bool missing = false,
        bool institutional = true,
        InboxSender? sender = null,
        InboxThreadTicket? thread = null) =>
        new(from, noise, keyword, missing, institutional, sender, thread);

    public static TheoryData<string, InboxFacts, InboxDecision> Table => new()
    {
        // Noise wins over everything, whoever sent it.
        { "auto-reply", Facts(noise: "inbox.reason.auto_reply", keyword: true, sender: ActiveAna, thread: Open7), new IgnoreMessage("inbox.reason.auto_reply") },
        { "bounce", Facts(from: "mailer-daemon@x.test", noise: "inbox.reason.bounce"), new IgnoreMessage("inbox.reason.bounce") },
        { "own mail", Facts(noise: "inbox.reason.own_mail"), new IgnoreMessage("inbox.reason.own_mail") },

        { "no sender", Facts(from: "", keyword: true), new HoldForTriage(InboxHoldReasons.EmptySender, InboxAnswer.None) },

        // Replies to a ticket: participants follow up; a closed ticket gets a new one; others are held.
        { "reply by requester", Facts(sender: ActiveAna, thread: Open7), new FollowUpOnTicket(7, Ana) },
        { "reply by observer", Facts(sender: ActiveObserver, thread: Open7), new FollowUpOnTicket(7, Observer) },
        { "reply by desk", Facts(sender: ActiveTech, thread: Open7), new FollowUpOnTicket(7, Tech) },
        { "reply with keyword still a reply", Facts(keyword: true, sender: ActiveAna, thread: Open7), new FollowUpOnTicket(7, Ana) },
        { "reply on closed", Facts(sender: ActiveAna, thread: Closed7), new ReplyOnClosedTicket(7, Ana) },
        { "reply by stranger", Facts(sender: ActiveStranger, thread: Open7), new HoldForTriage(InboxHoldReasons.ReplyNotParticipant, InboxAnswer.None) },
        { "reply by unknown address", Facts(thread: Open7), new HoldForTriage(InboxHoldReasons.ReplyUnknownSender, InboxAnswer.None) },
        { "reply by inactive user", Facts(sender: InactiveAna, thread: Open7), new HoldForTriage(InboxHoldReasons.ReplyUnknownSender, InboxAnswer.None) },

        // New requests: the keyword, from a known active user or an institutional address.
        { "request by user", Facts(keyword: true, sender: ActiveAna), new NewRequest(Ana, InboxAnswer.None) },
        { "request missing fields", Facts(keyword: true, missing: true, sender: ActiveAna), new NewRequest(Ana, InboxAnswer.MissingFields) },
        { "request by new institutional", Facts(keyword: true), new NewRequest(null, InboxAnswer.None) },
        { "request by new institutional, incomplete", Facts(keyword: true, missing: true), new NewRequest(null, InboxAnswer.MissingFields) },
        { "request by inactive user", Facts(keyword: true, missing: true, sender: InactiveAna), new HoldForTriage(InboxHoldReasons.InactiveSender, InboxAnswer.None) },
        { "request by outsider", Facts(from: "x@gmail.test", keyword: true, institutional: false), new HoldForTriage(InboxHoldReasons.SenderNotAllowed, InboxAnswer.None) },

        // No keyword: held; only people of the institution are told how to write (no backscatter).
        { "no keyword, user", Facts(sender: ActiveAna, institutional: false), new HoldForTriage(InboxHoldReasons.NoKeyword, InboxAnswer.HowToWrite) },
        { "no keyword, institutional", Facts(), new HoldForTriage(InboxHoldReasons.NoKeyword, InboxAnswer.HowToWrite) },
        { "no keyword, inactive outsider", Facts(from: "x@gmail.test", institutional: false, sender: new InboxSender(Stranger, false, false)), new HoldForTriage(InboxHoldReasons.NoKeyword, InboxAnswer.None) },
        { "no keyword, outsider", Facts(from: "x@gmail.test", institutional: false), new HoldForTriage(InboxHoldReasons.NoKeyword, InboxAnswer.None) },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_FollowsTheTable(string message, InboxFacts facts, InboxDecision expected)
    {
        Assert.False(string.IsNullOrEmpty(message));
        Assert.Equal(expected, InboxPolicy.Decide(facts));
    }
}
