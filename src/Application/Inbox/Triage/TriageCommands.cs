using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Inbox.Ingest;
using MesaServicios.Application.Inbox.Parsing;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Inbox.Triage;

public sealed record ConvertedTriageMessage(Guid Id, int TicketId);

/// <summary>A technician turns a held message into a ticket of the chosen type for the chosen requester.</summary>
public sealed record ConvertTriageMessageCommand(Guid Id, string Type, Guid RequesterId) : ICommand<ConvertedTriageMessage>;

/// <summary>A technician discards a held message; the reason is kept with the message.</summary>
public sealed record DiscardTriageMessageCommand(Guid Id, string Reason) : ICommand;

internal sealed class ConvertTriageMessageValidator : AbstractValidator<ConvertTriageMessageCommand>
{
    public ConvertTriageMessageValidator()
    {
        RuleFor(c => c.Type).Must(t => t is "Incident" or "Request").WithMessage(_ => Messages.Get("inbox.type_invalid"));
        RuleFor(c => c.RequesterId).NotEmpty().WithMessage(_ => Messages.Get("inbox.requester_required"));
    }
}

internal sealed class DiscardTriageMessageValidator : AbstractValidator<DiscardTriageMessageCommand>
{
    public DiscardTriageMessageValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => Messages.Get("inbox.discard_reason_required")).MaximumLength(1000);
    }
}

internal sealed class TriageCommandsHandler(
    IInboxDbContext db,
    ISender sender,
    ITicketsModule tickets,
    ICurrentUser currentUser,
    IOptions<InboxOptions> options,
    TimeProvider clock) :
    ICommandHandler<ConvertTriageMessageCommand, ConvertedTriageMessage>,
    ICommandHandler<DiscardTriageMessageCommand>
{
    public async ValueTask<ConvertedTriageMessage> Handle(ConvertTriageMessageCommand command, CancellationToken cancellationToken)
    {
        var technician = currentUser.RequiredUserId;
        var record = await db.InboxMessages.FirstOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw Errors.NotFound("inbox.not_found", command.Id);
        if (record.Status != Domain.Inbox.InboxMessageStatus.Triage)
        {
            throw Errors.Conflict("inbox.not_in_triage");
        }

        var requester = (await sender.Send(new GetUserSnapshotsQuery([command.RequesterId]), cancellationToken)).FirstOrDefault();
        if (requester is not { IsActive: true })
        {
            throw Errors.Rule("inbox.requester_not_found");
        }

        var mail = MailParser.Parse(record.Raw);
        var fields = RequestFields.Extract(mail.TextBody);
        var description = ReplyTrimmer.Trim(mail.TextBody);
        if (description.Length < 10)
        {
            description = mail.TextBody.Length > 0 ? mail.TextBody : ApplyInboxMessageCommandHandler.CleanTitle(mail.Subject, options.Value);
        }

        var created = await tickets.OpenFromEmailAsync(
            new OpenTicketFromEmailCommand(
                requester.Id,
                ApplyInboxMessageCommandHandler.CleanTitle(mail.Subject, options.Value),
                description,
                Enum.Parse<TicketType>(command.Type),
                fields.Name ?? requester.FullName,
                fields.Department ?? requester.Department,
                fields.Phone ?? requester.Phone,
                Incomplete: false,
                ReferencesTicketId: null,
                ApplyInboxMessageCommandHandler.Attachments(mail)),
            cancellationToken);
        record.ConvertToTicket(created.TicketId, technician, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new ConvertedTriageMessage(record.Id, created.TicketId);
    }

    public async ValueTask<Unit> Handle(DiscardTriageMessageCommand command, CancellationToken cancellationToken)
    {
        var technician = currentUser.RequiredUserId;
        var record = await db.InboxMessages.FirstOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw Errors.NotFound("inbox.not_found", command.Id);
        record.Discard(command.Reason, technician, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
