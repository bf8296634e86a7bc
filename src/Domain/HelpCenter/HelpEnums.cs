namespace MesaServicios.Domain.HelpCenter;

/// <summary>A frequently asked question (text) or a video tutorial (a video with an optional transcript).</summary>
public enum HelpArticleKind
{
    Faq = 1,
    VideoTutorial = 2,
}

/// <summary>
/// The sections of the help centre. A fixed list, like the source document's own sections: the portal shows them
/// as tabs with labels from <c>GET /api/v1/reference</c> in both languages, and a new one is a deliberate change.
/// </summary>
public enum HelpCategory
{
    /// <summary>What the service desk is and why to use it (the manual's introduction).</summary>
    GettingStarted = 1,

    /// <summary>Signing in and out, forgotten password.</summary>
    Account = 2,

    /// <summary>Opening a ticket: type, urgency, equipment, observers.</summary>
    Tickets = 3,

    /// <summary>Following a ticket: its state, the answer time, approving or rejecting a solution.</summary>
    FollowUp = 4,

    /// <summary>Tickets by e-mail.</summary>
    Email = 5,

    /// <summary>Equipment and reservations.</summary>
    Equipment = 6,

    /// <summary>Solutions the desk published from solved tickets, and anything else.</summary>
    Solutions = 7,
}

/// <summary>What an edit did to an article (recorded in its revisions).</summary>
public enum HelpRevisionKind
{
    Created = 1,
    Edited = 2,
    Published = 3,
    Unpublished = 4,
}
