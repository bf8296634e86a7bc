using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Reservations.Contracts;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Application.Tickets.DueDates;

namespace MesaServicios.Application.Tickets.OpenTicket;

/// <summary>
/// A requester opens a ticket from the portal. The snapshot (name, department, phone) is copied from his profile;
/// the contact phone may be overridden. Observers by user id or institutional e-mail. With an
/// <see cref="IdempotencyKey"/> a retry within the retention window returns the first answer and creates nothing.
/// Files (<see cref="Attachments"/>, from a multipart request) are checked all-or-nothing with the other fields,
/// stored in the file store when the command runs and linked to the ticket in the command's transaction (a
/// failed transaction leaves unreferenced stored files, which are harmless: see ADR 0008).
/// </summary>
public sealed record OpenTicketCommand(
    string Title,
    string Description,
    TicketType? Type,
    Urgency? Urgency,
    int? CategoryId,
    IReadOnlyList<string>? Observers,
    string? ContactPhone,
    int? ReferencesTicketId = null,
    Guid? EquipmentItemId = null) : ICommand<OpenTicketResult>, IOptimisticCommand
{
    /// <summary>From the <c>Idempotency-Key</c> header.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>The uploaded files (multipart field <c>attachments</c>); the caller owns and disposes their streams.</summary>
    [JsonIgnore]
    public IReadOnlyList<IncomingFile> Attachments { get; init; } = [];
}

/// <summary>The created ticket (as JSON, identical on a replay), its number and version.</summary>
public sealed record OpenTicketResult(int TicketId, int Version, string Body, bool Replayed);

internal sealed class OpenTicketValidator : AbstractValidator<OpenTicketCommand>
{
    public OpenTicketValidator(AttachmentIntake intake)
    {
        RuleFor(c => c.Attachments).AttachmentsAcceptedBy(intake);
        RuleFor(c => c.Title).Title();
        RuleFor(c => c.Description).Description();
        RuleFor(c => c.Type).NotNull().WithMessage(_ => Messages.Get("tickets.type_invalid")).IsInEnum().WithMessage(_ => Messages.Get("tickets.type_invalid"));
        RuleFor(c => c.Urgency).IsInEnum().WithMessage(_ => Messages.Get("tickets.urgency_invalid"));
        RuleFor(c => c.ContactPhone).MaximumLength(40).WithMessage(_ => Messages.Get("tickets.phone_too_long"));
        RuleFor(c => c.CategoryId).GreaterThan(0).WithMessage(_ => Messages.Get("tickets.category_unknown"));
        RuleFor(c => c.Observers).Must(o => o is null || o.Count <= TicketOpening.MaxObservers)
            .WithMessage(_ => Messages.Get("tickets.too_many_observers", TicketOpening.MaxObservers));
        RuleForEach(c => c.Observers).NotEmpty().WithMessage(_ => Messages.Get("tickets.observer_required"));
        RuleFor(c => c.ReferencesTicketId).GreaterThan(0).WithMessage(_ => Messages.Get("tickets.reference_unknown"));
        RuleFor(c => c.IdempotencyKey)
            .Must(k => k is null || (k.Length is > 0 and <= 100 && k.All(ch => ch is > ' ' and <= '~')))
            .WithMessage(_ => Messages.Get("tickets.idempotency_key_invalid"));
    }
}

internal sealed class OpenTicketCommandHandler(
    ITicketsDbContext db,
    ICurrentUser currentUser,
    ISender sender,
    TimeProvider clock,
    AttachmentIntake intake,
    ITransactionRunner transactions,
    ITicketNumbers numbers,
    IReservationsFacade reservations,
    IOptions<TicketsOptions> options,
    IServiceLevelCatalog serviceLevels) : ICommandHandler<OpenTicketCommand, OpenTicketResult>
{
    public async ValueTask<OpenTicketResult> Handle(OpenTicketCommand command, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var now = clock.GetUtcNow();
        var retention = TimeSpan.FromHours(options.Value.IdempotencyRetentionHours);

        // Stored first (content-addressed, so a retry stores nothing new) because the idempotency hash names them.
        var files = await intake.StoreTicketFilesAsync(command.Attachments, cancellationToken);
        var requestHash = Hash(command, files);
        var requester = await TicketOpening.ActiveUserAsync(sender, actor.UserId, cancellationToken)
            ?? throw Errors.NotFound("users.not_found", actor.UserId);
        var observers = await TicketOpening.ResolveObserversAsync(sender, command.Observers, "observers", cancellationToken);
        var category = await TicketOpening.ActiveCategoryAsync(db, command.CategoryId, "categoryId", cancellationToken);
        if (command.ReferencesTicketId is { } referenced
            && !await (await db.VisibleToAsync(actor, cancellationToken)).AnyAsync(t => t.Id == referenced, cancellationToken))
        {
            throw TicketOpening.FieldError("referencesTicketId", "tickets.reference_unknown");
        }

        var equipment = await TicketOpening.HeldEquipmentAsync(reservations, actor.UserId, command.EquipmentItemId, cancellationToken);

        TicketIdempotencyRecord? remembered = null;
        if (command.IdempotencyKey is { } key)
        {
            // Read under the write turn: a concurrent retry with the same key waits here and then replays this answer.
            await transactions.EnterWriteTurnAsync(cancellationToken);
            remembered = await db.TicketIdempotencyRecords.FirstOrDefaultAsync(r => r.UserId == actor.UserId && r.Key == key, cancellationToken);
            if (remembered is not null && remembered.IsFreshAt(now, retention))
            {
                if (remembered.RequestHash != requestHash)
                {
                    throw Errors.Rule("tickets.idempotency_key_reused");
                }

                return new OpenTicketResult(remembered.TicketId, remembered.ResponseVersion, remembered.ResponseBody, Replayed: true);
            }
        }

        var draft = TicketDraft.FromPortal(
            actor,
            TicketOpening.Snapshot(requester, phone: command.ContactPhone),
            command.Title,
            command.Description,
            command.Type!.Value,
            command.Urgency ?? Urgency.Medium) with
        {
            CategoryId = command.CategoryId,
            ObserverIds = observers.Select(o => o.Id).ToList(),
            ReferencesTicketId = command.ReferencesTicketId,
            Equipment = equipment,
        };
        var ticket = Ticket.Open(draft, options.Value.BuildPriorityMatrix(), now, await numbers.NextAsync(cancellationToken));
        await ticket.StartDueDatesAsync(serviceLevels, cancellationToken);
        ticket.LinkAttachments(actor, null, files, now);

        // Not saved here: the command's transaction saves the ticket with its notifications once all is prepared,
        // and everyone named on a new ticket was loaded above, so the answer needs no query either.
        db.Tickets.Add(ticket);
        var details = await TicketDetailsBuilder.BuildAsync(ticket, actor, db, sender, cancellationToken, [requester, .. observers], category);
        var body = JsonSerializer.Serialize(details, TicketOpening.Json);
        if (command.IdempotencyKey is { } newKey)
        {
            if (remembered is null)
            {
                db.TicketIdempotencyRecords.Add(TicketIdempotencyRecord.Create(actor.UserId, newKey, requestHash, ticket.Id, ticket.Version, body, now));
            }
            else
            {
                remembered.Renew(requestHash, ticket.Id, ticket.Version, body, now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
            {
                // A concurrent request with the same key won the unique index: this one creates nothing; the
                // caller retries and gets the winner's answer.
                throw new ConcurrencyConflictException(preconditionFailed: false);
            }
        }

        return new OpenTicketResult(ticket.Id, ticket.Version, body, Replayed: false);
    }

    /// <summary>What identifies "the same request": every field the client sent, normalized.</summary>
    private static string Hash(OpenTicketCommand command, IReadOnlyList<StoredAttachment> files)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            Title = command.Title?.Trim(),
            Description = command.Description?.Trim(),
            command.Type,
            command.Urgency,
            command.CategoryId,
            Observers = command.Observers?.Select(o => o?.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray(),
            ContactPhone = command.ContactPhone?.Trim(),
            command.ReferencesTicketId,
            command.EquipmentItemId,
            Attachments = files.Select(f => $"{f.Sha256}:{f.FileName}").ToArray(),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
