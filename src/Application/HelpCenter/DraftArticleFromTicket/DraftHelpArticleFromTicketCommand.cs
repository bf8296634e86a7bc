using System.Globalization;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.HelpCenter;

namespace MesaServicios.Application.HelpCenter.DraftArticleFromTicket;

/// <summary>
/// The desk turns a solved (or closed) ticket's problem and solution into a draft FAQ, with personal data left out:
/// the names, e-mail addresses and phone numbers of the requester, the technician and the observers, and any other
/// e-mail address or phone number. The draft is reviewed and published like any other article.
/// </summary>
public sealed record DraftHelpArticleFromTicketCommand(int TicketId) : ICommand<HelpArticleDetails>;

internal sealed class DraftHelpArticleFromTicketValidator : AbstractValidator<DraftHelpArticleFromTicketCommand>
{
    public DraftHelpArticleFromTicketValidator()
    {
        RuleFor(c => c.TicketId).GreaterThan(0).WithMessage(_ => Messages.Get("help.ticket_required"));
    }
}

internal sealed class DraftHelpArticleFromTicketHandler(
    IHelpCenterDbContext db,
    ISender sender,
    HelpArticleWriting writing,
    ICurrentUser currentUser,
    TimeProvider clock) : ICommandHandler<DraftHelpArticleFromTicketCommand, HelpArticleDetails>
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-CO");

    public async ValueTask<HelpArticleDetails> Handle(DraftHelpArticleFromTicketCommand command, CancellationToken cancellationToken)
    {
        var ticket = await sender.Send(new GetTicketSolutionQuery(command.TicketId), cancellationToken)
            ?? throw Errors.NotFound("help.ticket_not_found", command.TicketId);
        if (ticket.Status is not ("Solved" or "Closed") || string.IsNullOrWhiteSpace(ticket.Solution))
        {
            throw Errors.Rule("help.ticket_not_solved");
        }

        var people = new List<Guid> { ticket.RequesterId };
        people.AddRange(ticket.ObserverIds);
        if (ticket.AssignedTechnicianId is { } technician)
        {
            people.Add(technician);
        }

        var snapshots = await sender.Send(new GetUserSnapshotsQuery(people), cancellationToken);
        var names = snapshots.Select(s => s.FullName).Append(ticket.RequesterName).ToList();
        // E-mail addresses and phone numbers are removed wherever they appear, whoever they belong to.
        var redactor = new PersonalDataRedactor(names);

        var title = Messages.Get("help.from_ticket_title", Spanish, redactor.Redact(ticket.Title));
        title = title.Length > HelpArticle.TitleMaxLength ? title[..(HelpArticle.TitleMaxLength - 1)] + "…" : title;
        var body = $"## Problema\n\n{redactor.Redact(ticket.Description)}\n\n## Solución\n\n{redactor.Redact(ticket.Solution)}";
        var slug = await writing.SlugAsync($"solucion-ticket-{ticket.TicketId}", title, null, cancellationToken);
        var draft = new HelpArticleDraft(slug, HelpArticleKind.Faq, HelpCategory.Solutions, [], 0, writing.Text(title, body), null, null);
        var article = HelpArticle.Create(draft, currentUser.RequiredUserId, clock.GetUtcNow(), sourceTicketId: ticket.TicketId);
        db.HelpArticles.Add(article);
        await writing.SaveAndIndexAsync(article, cancellationToken);
        return HelpArticleViews.Details(article, currentUser.Language, forDesk: true);
    }
}
