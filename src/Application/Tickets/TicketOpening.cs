using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Reservations.Contracts;
using MesaServicios.Application.Tickets.GetTicket;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Tickets;

/// <summary>What every way of opening a ticket shares: the requester's snapshot, observers and category checks.</summary>
internal static class TicketOpening
{
    public const int MaxObservers = 20;

    /// <summary>The same JSON shape the API writes (camelCase, enums as strings), for remembered answers.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<UserSnapshot?> ActiveUserAsync(ISender sender, Guid userId, CancellationToken cancellationToken)
    {
        var users = await sender.Send(new GetUserSnapshotsQuery([userId]), cancellationToken);
        return users.FirstOrDefault(u => u.IsActive);
    }

    public static RequesterSnapshot Snapshot(UserSnapshot user, string? name = null, string? department = null, string? phone = null) =>
        new(
            string.IsNullOrWhiteSpace(name) ? user.FullName : name.Trim(),
            string.IsNullOrWhiteSpace(department) ? user.Department : department.Trim(),
            string.IsNullOrWhiteSpace(phone) ? user.Phone : phone.Trim());

    /// <summary>Observers given by user id or e-mail; each unknown or inactive one is a field error (<c>observers[i]</c>).</summary>
    public static async Task<List<UserSnapshot>> ResolveObserversAsync(ISender sender, IReadOnlyList<string>? observers, string field, CancellationToken cancellationToken, bool indexed = true)
    {
        if (observers is null || observers.Count == 0)
        {
            return [];
        }

        var ids = observers.Select(o => Guid.TryParse(o, out var id) ? id : (Guid?)null).ToList();
        var byId = (await sender.Send(new GetUserSnapshotsQuery(ids.OfType<Guid>().ToList()), cancellationToken))
            .Where(u => u.IsActive).ToDictionary(u => u.Id);
        var emails = observers.Where((o, i) => ids[i] is null && !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().ToLowerInvariant()).ToList();
        var byEmail = emails.Count == 0
            ? []
            : (await sender.Send(new FindUsersByEmailQuery(emails), cancellationToken)).Where(u => u.IsActive).ToDictionary(u => u.Email, StringComparer.OrdinalIgnoreCase);

        var result = new List<UserSnapshot>();
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < observers.Count; i++)
        {
            var found = ids[i] is { } id ? byId.GetValueOrDefault(id) : byEmail.GetValueOrDefault(observers[i]?.Trim() ?? string.Empty);
            if (found is null)
            {
                failures.Add(new ValidationFailure(indexed ? $"{field}[{i}]" : field, Messages.Get("tickets.observer_unknown")));
            }
            else
            {
                result.Add(found);
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return result;
    }

    /// <summary>A category given by the client must exist and be active (field error otherwise).</summary>
    public static async Task EnsureCategoryAsync(ITicketsDbContext db, int? categoryId, string field, CancellationToken cancellationToken) =>
        await ActiveCategoryAsync(db, categoryId, field, cancellationToken);

    /// <summary>As <see cref="EnsureCategoryAsync"/>, returning the category with its path for the answer.</summary>
    public static async Task<CategoryRef?> ActiveCategoryAsync(ITicketsDbContext db, int? categoryId, string field, CancellationToken cancellationToken)
    {
        if (categoryId is null)
        {
            return null;
        }

        return await TicketDetailsBuilder.CategoryAsync(db, categoryId.Value, activeOnly: true, cancellationToken)
            ?? throw new ValidationException([new ValidationFailure(field, Messages.Get("tickets.category_unknown"))]);
    }

    /// <summary>
    /// The equipment a new ticket names, accepted only when it is checked out to the requester right now (asked of the
    /// Reservations module); no item named, no query.
    /// </summary>
    public static async Task<TicketEquipment?> HeldEquipmentAsync(IReservationsFacade reservations, Guid requesterId, Guid? itemId, CancellationToken cancellationToken)
    {
        if (itemId is not { } id)
        {
            return null;
        }

        var held = await reservations.GetHeldItemAsync(requesterId, id, cancellationToken)
            ?? throw FieldError("equipmentItemId", "tickets.equipment_not_held");
        return new TicketEquipment(held.ItemId, held.Code, held.Name, held.MaterialTypeId, held.MaterialType);
    }

    public static ValidationException FieldError(string field, string code) =>
        new([new ValidationFailure(field, Messages.Get(code))]);
}

/// <summary>Input rules shared by the ways of opening a ticket.</summary>
internal static class TicketRules
{
    public static IRuleBuilderOptions<T, string> Title<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(t => t is not null && t.Trim().Length is >= Ticket.TitleMinLength and <= Ticket.TitleMaxLength)
            .WithMessage(_ => Messages.Get("tickets.title_length", Ticket.TitleMinLength, Ticket.TitleMaxLength));

    public static IRuleBuilderOptions<T, string> Description<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(t => t is not null && t.Trim().Length is >= Ticket.DescriptionMinLength and <= Ticket.DescriptionMaxLength)
            .WithMessage(_ => Messages.Get("tickets.description_length", Ticket.DescriptionMinLength, Ticket.DescriptionMaxLength));

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, string code) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= Ticket.TextMaxLength).WithMessage(_ => Messages.Get(code));

    public static IRuleBuilderOptions<T, int?> ExpectedVersion<T>(this IRuleBuilder<T, int?> rule) =>
        rule.Must(v => v is null or > 0).WithMessage(_ => Messages.Get("common.invalid_value"));
}
