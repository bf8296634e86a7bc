using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Notifications.Links;

public enum ActionLinkState
{
    /// <summary>The link can be used: the page asks for confirmation.</summary>
    Ready,

    /// <summary>The action was performed now.</summary>
    Done,

    /// <summary>A reject link was posted without a reason: nothing happened, the form is shown again.</summary>
    ReasonRequired,

    /// <summary>Not a token we issued (or tampered with).</summary>
    Invalid,

    Used,

    Expired,
}

/// <summary>What a link is and whether it can still act; <see cref="Language"/> is the recipient's, for the page.</summary>
public sealed record ActionLinkView(ActionLinkState State, ActionLinkKind? Kind, int? TicketId, string Language);

/// <summary>Reads a link without using it (the GET a mail scanner may prefetch does nothing).</summary>
public sealed record DescribeActionLinkQuery(string Token) : IQuery<ActionLinkView>;

/// <summary>
/// Performs a link's action for its recipient (approve, or reject with <paramref name="Text"/> as the reason) and
/// spends it and its sibling, in one transaction with the ticket's change: if the ticket refuses, the link stays unused.
/// </summary>
public sealed record UseActionLinkCommand(string Token, string? Text) : ICommand<ActionLinkView>;

internal sealed class ActionLinkHandlers(
    INotificationsDbContext db,
    IActionLinkProtector protector,
    ITicketsModule tickets,
    TimeProvider clock) :
    IQueryHandler<DescribeActionLinkQuery, ActionLinkView>,
    ICommandHandler<UseActionLinkCommand, ActionLinkView>
{
    public async ValueTask<ActionLinkView> Handle(DescribeActionLinkQuery query, CancellationToken cancellationToken)
    {
        var link = await FindAsync(query.Token, tracked: false, cancellationToken);
        return link is null ? Invalid : View(link, State(link));
    }

    public async ValueTask<ActionLinkView> Handle(UseActionLinkCommand command, CancellationToken cancellationToken)
    {
        var link = await FindAsync(command.Token, tracked: true, cancellationToken);
        if (link is null)
        {
            return Invalid;
        }

        var state = State(link);
        if (state != ActionLinkState.Ready)
        {
            return View(link, state);
        }

        var text = string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim();
        if (link.Kind == ActionLinkKind.RejectSolution && text is null)
        {
            return View(link, ActionLinkState.ReasonRequired);
        }

        var now = clock.GetUtcNow();
        var group = await db.ActionLinks.Where(l => l.GroupId == link.GroupId).ToListAsync(cancellationToken);
        foreach (var sibling in group)
        {
            sibling.MarkUsed(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var decision = link.Kind == ActionLinkKind.ApproveSolution ? SolutionDecision.Approve : SolutionDecision.Reject;
        await tickets.DecideSolutionFromLinkAsync(new DecideSolutionFromLinkCommand(link.TicketId, link.UserId, decision, text), cancellationToken);

        return View(link, ActionLinkState.Done);
    }

    private static ActionLinkView Invalid => new(ActionLinkState.Invalid, null, null, "es");

    private ActionLinkState State(ActionLink link) =>
        link.IsUsed ? ActionLinkState.Used : link.IsExpired(clock.GetUtcNow()) ? ActionLinkState.Expired : ActionLinkState.Ready;

    private static ActionLinkView View(ActionLink link, ActionLinkState state) => new(state, link.Kind, link.TicketId, link.Language);

    private async Task<ActionLink?> FindAsync(string token, bool tracked, CancellationToken cancellationToken)
    {
        if (protector.Unprotect(token) is not { } id)
        {
            return null;
        }

        var links = tracked ? db.ActionLinks : db.ActionLinks.AsNoTracking();
        return await links.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
    }
}
