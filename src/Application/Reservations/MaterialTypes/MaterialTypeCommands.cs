using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Domain.Reservations;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.MaterialTypes;

/// <summary>The material types by name. Inactive ones only for administrators who ask.</summary>
public sealed record ListMaterialTypesQuery(bool IncludeInactive = false) : IQuery<IReadOnlyList<MaterialTypeItem>>;

/// <summary>An administrator adds a material type.</summary>
public sealed record CreateMaterialTypeCommand(string Name, string? EnglishName = null) : ICommand<MaterialTypeItem>;

/// <summary>An administrator renames, deactivates or reactivates a material type (never deletes it).</summary>
public sealed record UpdateMaterialTypeCommand(int Id, string Name, bool IsActive, string? EnglishName = null) : ICommand<MaterialTypeItem>;

internal sealed class CreateMaterialTypeValidator : AbstractValidator<CreateMaterialTypeCommand>
{
    public CreateMaterialTypeValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= MaterialType.NameMaxLength)
            .WithMessage(_ => Messages.Get("equipment.material_type_name_invalid", MaterialType.NameMaxLength));
        RuleFor(c => c.EnglishName).Must(n => n is null || n.Trim().Length <= MaterialType.NameMaxLength)
            .WithMessage(_ => Messages.Get("equipment.material_type_english_name_invalid", MaterialType.NameMaxLength));
    }
}

internal sealed class UpdateMaterialTypeValidator : AbstractValidator<UpdateMaterialTypeCommand>
{
    public UpdateMaterialTypeValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= MaterialType.NameMaxLength)
            .WithMessage(_ => Messages.Get("equipment.material_type_name_invalid", MaterialType.NameMaxLength));
        RuleFor(c => c.EnglishName).Must(n => n is null || n.Trim().Length <= MaterialType.NameMaxLength)
            .WithMessage(_ => Messages.Get("equipment.material_type_english_name_invalid", MaterialType.NameMaxLength));
    }
}

internal sealed class MaterialTypeHandlers(IReservationsDbContext db, ICurrentUser currentUser, TimeProvider clock) :
    IQueryHandler<ListMaterialTypesQuery, IReadOnlyList<MaterialTypeItem>>,
    ICommandHandler<CreateMaterialTypeCommand, MaterialTypeItem>,
    ICommandHandler<UpdateMaterialTypeCommand, MaterialTypeItem>
{
    public async ValueTask<IReadOnlyList<MaterialTypeItem>> Handle(ListMaterialTypesQuery query, CancellationToken cancellationToken)
    {
        var includeInactive = query.IncludeInactive && currentUser.IsAtLeast(UserRole.Administrator);
        return await db.MaterialTypes.AsNoTracking()
            .Where(t => includeInactive || t.IsActive)
            .OrderBy(t => t.Name)
            .Select(t => new MaterialTypeItem(t.Id, t.Name, t.IsActive, t.EnglishName))
            .ToListAsync(cancellationToken);
    }

    public async ValueTask<MaterialTypeItem> Handle(CreateMaterialTypeCommand command, CancellationToken cancellationToken)
    {
        await EnsureNameFreeAsync(command.Name, null, cancellationToken);
        var type = MaterialType.Create(command.Name, clock.GetUtcNow(), command.EnglishName);
        db.MaterialTypes.Add(type);
        await db.SaveChangesAsync(cancellationToken);
        return new MaterialTypeItem(type.Id, type.Name, type.IsActive, type.EnglishName);
    }

    public async ValueTask<MaterialTypeItem> Handle(UpdateMaterialTypeCommand command, CancellationToken cancellationToken)
    {
        var type = await db.MaterialTypes.FirstOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
            ?? throw Errors.NotFound("equipment.material_type_not_found", command.Id);
        await EnsureNameFreeAsync(command.Name, command.Id, cancellationToken);
        type.Change(command.Name, command.IsActive, clock.GetUtcNow(), command.EnglishName);
        return new MaterialTypeItem(type.Id, type.Name, type.IsActive, type.EnglishName);
    }

    private async Task EnsureNameFreeAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        var wanted = name.Trim().ToLower();
        if (await db.MaterialTypes.AnyAsync(t => t.Name.ToLower() == wanted && t.Id != exceptId, cancellationToken))
        {
            throw Errors.Conflict("equipment.material_type_taken").WithDetail("field", "name");
        }
    }
}
