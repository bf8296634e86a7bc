using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.Catalogue;

/// <summary>An administrator adds an item to the catalogue (Available).</summary>
public sealed record CreateEquipmentItemCommand(string Code, string Name, int MaterialTypeId, string? Location, string? Notes) : ICommand<EquipmentItemDetails>;

/// <summary>An administrator edits an item (code, name, type, location, notes). Accepts If-Match.</summary>
public sealed record UpdateEquipmentItemCommand(Guid Id, string Code, string Name, int MaterialTypeId, string? Location, string? Notes, int? ExpectedVersion = null) : ICommand<EquipmentItemDetails>;

/// <summary>An administrator retires an item for good; its future bookings are listed for the desk to act on.</summary>
public sealed record RetireEquipmentItemCommand(Guid Id, int? ExpectedVersion = null) : ICommand<ItemStateChange>;

/// <summary>A technician puts an item in maintenance; the reservations that collide are listed for the desk to act on.</summary>
public sealed record PutItemInMaintenanceCommand(Guid Id, string? Reason, int? ExpectedVersion = null) : ICommand<ItemStateChange>;

/// <summary>A technician brings an item back from maintenance (Available again).</summary>
public sealed record EndItemMaintenanceCommand(Guid Id, int? ExpectedVersion = null) : ICommand<ItemStateChange>;

/// <summary>The item after a change of state, and the active reservations from now on that it can no longer serve.</summary>
public sealed record ItemStateChange(EquipmentItemDetails Item, IReadOnlyList<ReservationListItem> CollidingReservations);

/// <summary>The catalogue, filtered (material type, state, words in code/name/location), by code, paged.</summary>
public sealed record ListEquipmentQuery(int? MaterialTypeId, EquipmentState? State, string? Text, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<EquipmentItemDetails>>;

public sealed record GetEquipmentItemQuery(Guid Id) : IQuery<EquipmentItemDetails>;

internal sealed class CreateEquipmentItemValidator : AbstractValidator<CreateEquipmentItemCommand>
{
    public CreateEquipmentItemValidator()
    {
        RuleFor(c => c.Code).ItemCode();
        RuleFor(c => c.Name).ItemName();
        RuleFor(c => c.MaterialTypeId).GreaterThan(0).WithMessage(_ => Messages.Get("equipment.material_type_unknown"));
    }
}

internal sealed class UpdateEquipmentItemValidator : AbstractValidator<UpdateEquipmentItemCommand>
{
    public UpdateEquipmentItemValidator()
    {
        RuleFor(c => c.Code).ItemCode();
        RuleFor(c => c.Name).ItemName();
        RuleFor(c => c.MaterialTypeId).GreaterThan(0).WithMessage(_ => Messages.Get("equipment.material_type_unknown"));
    }
}

internal sealed class ListEquipmentValidator : AbstractValidator<ListEquipmentQuery>
{
    public ListEquipmentValidator()
    {
        RuleFor(q => q.Page).GreaterThan(0).WithMessage(_ => Messages.Get("common.invalid_value"));
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage(_ => Messages.Get("common.invalid_value"));
    }
}

internal static class CatalogueRules
{
    public static IRuleBuilderOptions<T, string> ItemCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(c => EquipmentItem.NormalizeCode(c).Length is > 0 and <= EquipmentItem.CodeMaxLength)
            .WithMessage(_ => Messages.Get("equipment.code_invalid", EquipmentItem.CodeMaxLength));

    public static IRuleBuilderOptions<T, string> ItemName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= EquipmentItem.NameMaxLength)
            .WithMessage(_ => Messages.Get("equipment.name_invalid", EquipmentItem.NameMaxLength));

    public static ValidationException FieldError(string field, string code, params object?[] arguments) =>
        new([new ValidationFailure(field, Messages.Get(code, arguments))]);

    public static async Task EnsureMaterialTypeAsync(this IReservationsDbContext db, int materialTypeId, CancellationToken cancellationToken)
    {
        if (!await db.MaterialTypes.AnyAsync(t => t.Id == materialTypeId && t.IsActive, cancellationToken))
        {
            throw FieldError("materialTypeId", "equipment.material_type_unknown");
        }
    }

    public static async Task EnsureCodeFreeAsync(this IReservationsDbContext db, string code, Guid? exceptId, CancellationToken cancellationToken)
    {
        var normalized = EquipmentItem.NormalizeCode(code);
        if (await db.EquipmentItems.AnyAsync(i => i.Code == normalized && i.Id != exceptId, cancellationToken))
        {
            throw Errors.Conflict("equipment.code_taken").WithDetail("field", "code");
        }
    }
}

internal sealed class CatalogueHandlers(IReservationsDbContext db, TimeProvider clock) :
    ICommandHandler<CreateEquipmentItemCommand, EquipmentItemDetails>,
    ICommandHandler<UpdateEquipmentItemCommand, EquipmentItemDetails>,
    ICommandHandler<RetireEquipmentItemCommand, ItemStateChange>,
    ICommandHandler<PutItemInMaintenanceCommand, ItemStateChange>,
    ICommandHandler<EndItemMaintenanceCommand, ItemStateChange>,
    IQueryHandler<ListEquipmentQuery, PagedResult<EquipmentItemDetails>>,
    IQueryHandler<GetEquipmentItemQuery, EquipmentItemDetails>
{
    public async ValueTask<EquipmentItemDetails> Handle(CreateEquipmentItemCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureMaterialTypeAsync(command.MaterialTypeId, cancellationToken);
        await db.EnsureCodeFreeAsync(command.Code, null, cancellationToken);
        var item = EquipmentItem.Create(command.Code, command.Name, command.MaterialTypeId, command.Location, command.Notes, clock.GetUtcNow());
        db.EquipmentItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return await DetailsAsync(item.Id, cancellationToken);
    }

    public async ValueTask<EquipmentItemDetails> Handle(UpdateEquipmentItemCommand command, CancellationToken cancellationToken)
    {
        var item = await db.LoadItemAsync(command.Id, command.ExpectedVersion, cancellationToken);
        if (command.MaterialTypeId != item.MaterialTypeId)
        {
            await db.EnsureMaterialTypeAsync(command.MaterialTypeId, cancellationToken);
        }

        await db.EnsureCodeFreeAsync(command.Code, item.Id, cancellationToken);
        item.Edit(command.Code, command.Name, command.MaterialTypeId, command.Location, command.Notes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await DetailsAsync(item.Id, cancellationToken);
    }

    public async ValueTask<ItemStateChange> Handle(RetireEquipmentItemCommand command, CancellationToken cancellationToken)
    {
        var item = await db.LoadItemAsync(command.Id, command.ExpectedVersion, cancellationToken);
        item.Retire(clock.GetUtcNow());
        return await ChangedAsync(item, cancellationToken);
    }

    public async ValueTask<ItemStateChange> Handle(PutItemInMaintenanceCommand command, CancellationToken cancellationToken)
    {
        var item = await db.LoadItemAsync(command.Id, command.ExpectedVersion, cancellationToken);
        item.PutInMaintenance(command.Reason, clock.GetUtcNow());
        return await ChangedAsync(item, cancellationToken);
    }

    public async ValueTask<ItemStateChange> Handle(EndItemMaintenanceCommand command, CancellationToken cancellationToken)
    {
        var item = await db.LoadItemAsync(command.Id, command.ExpectedVersion, cancellationToken);
        item.EndMaintenance(clock.GetUtcNow());
        return await ChangedAsync(item, cancellationToken, listCollisions: false);
    }

    public async ValueTask<PagedResult<EquipmentItemDetails>> Handle(ListEquipmentQuery query, CancellationToken cancellationToken)
    {
        var items = db.EquipmentItems.AsNoTracking();
        if (query.MaterialTypeId is { } type)
        {
            items = items.Where(i => i.MaterialTypeId == type);
        }

        if (query.State is { } state)
        {
            items = items.Where(i => i.State == state);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLower();
            items = items.Where(i => i.Code.ToLower().Contains(text) || i.Name.ToLower().Contains(text) || (i.Location != null && i.Location.ToLower().Contains(text)));
        }

        var total = await items.CountAsync(cancellationToken);
        var page = await db.ItemDetails(items.OrderBy(i => i.Code).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new PagedResult<EquipmentItemDetails>(page, query.Page, query.PageSize, total);
    }

    public async ValueTask<EquipmentItemDetails> Handle(GetEquipmentItemQuery query, CancellationToken cancellationToken) =>
        await db.ItemDetails(db.EquipmentItems.AsNoTracking().Where(i => i.Id == query.Id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw Errors.NotFound("equipment.not_found", query.Id);

    private async Task<ItemStateChange> ChangedAsync(EquipmentItem item, CancellationToken cancellationToken, bool listCollisions = true)
    {
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        IReadOnlyList<ReservationListItem> colliding = listCollisions
            ? await db.ListItems(db.Reservations.AsNoTracking().ActiveOverlapping(item.Id, now, DateTimeOffset.MaxValue).OrderBy(r => r.StartsAt))
                .ToListAsync(cancellationToken)
            : [];
        return new ItemStateChange(await DetailsAsync(item.Id, cancellationToken), colliding);
    }

    private async Task<EquipmentItemDetails> DetailsAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ItemDetails(db.EquipmentItems.AsNoTracking().Where(i => i.Id == id)).FirstAsync(cancellationToken);
}
