using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Reservations;

/// <summary>
/// An item of the catalogue (laptop, projector…): a unique inventory code, a name, a material type, a location.
/// Its state is a small declarative table: Available ↔ InMaintenance, either → Retired (for good).
/// </summary>
public sealed class EquipmentItem
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 150;
    public const int LocationMaxLength = 150;
    public const int NotesMaxLength = 2000;

    /// <summary>The item's lifecycle: from a state, an action leads to a state; absent pairs are illegal.</summary>
    public static readonly IReadOnlyDictionary<(EquipmentState From, string Action), EquipmentState> Transitions =
        new Dictionary<(EquipmentState, string), EquipmentState>
        {
            [(EquipmentState.Available, nameof(PutInMaintenance))] = EquipmentState.InMaintenance,
            [(EquipmentState.InMaintenance, nameof(EndMaintenance))] = EquipmentState.Available,
            [(EquipmentState.Available, nameof(Retire))] = EquipmentState.Retired,
            [(EquipmentState.InMaintenance, nameof(Retire))] = EquipmentState.Retired,
        };

    private EquipmentItem()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Inventory code, unique, stored trimmed and in upper case.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public int MaterialTypeId { get; private set; }

    public string? Location { get; private set; }

    public string? Notes { get; private set; }

    public EquipmentState State { get; private set; }

    /// <summary>Why it is in maintenance (e.g. the damage noted at a return).</summary>
    public string? MaintenanceReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static string NormalizeCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    public static EquipmentItem Create(string code, string name, int materialTypeId, string? location, string? notes, DateTimeOffset now)
    {
        var item = new EquipmentItem { Id = Guid.CreateVersion7(now), State = EquipmentState.Available, CreatedAt = now, Version = 1 };
        item.Apply(code, name, materialTypeId, location, notes);
        item.UpdatedAt = now;
        return item;
    }

    public void Edit(string code, string name, int materialTypeId, string? location, string? notes, DateTimeOffset now)
    {
        if (State == EquipmentState.Retired)
        {
            throw new DomainException("equipment.retired", DomainErrorKind.Conflict);
        }

        Apply(code, name, materialTypeId, location, notes);
        Touch(now);
    }

    public void PutInMaintenance(string? reason, DateTimeOffset now)
    {
        Move(nameof(PutInMaintenance), now);
        MaintenanceReason = string.IsNullOrWhiteSpace(reason) ? null : Truncate(reason.Trim(), NotesMaxLength);
    }

    public void EndMaintenance(DateTimeOffset now)
    {
        Move(nameof(EndMaintenance), now);
        MaintenanceReason = null;
    }

    public void Retire(DateTimeOffset now) => Move(nameof(Retire), now);

    private void Move(string action, DateTimeOffset now)
    {
        if (!Transitions.TryGetValue((State, action), out var to))
        {
            throw new DomainException(State == EquipmentState.Retired ? "equipment.retired" : "equipment.invalid_transition", DomainErrorKind.Conflict, State.ToString())
                .WithDetail("currentState", State.ToString());
        }

        State = to;
        Touch(now);
    }

    private void Apply(string code, string name, int materialTypeId, string? location, string? notes)
    {
        var normalized = NormalizeCode(code);
        if (normalized.Length is 0 or > CodeMaxLength)
        {
            throw new DomainException("equipment.code_invalid", DomainErrorKind.RuleBroken, CodeMaxLength).WithDetail("field", "code");
        }

        var cleanName = name?.Trim() ?? string.Empty;
        if (cleanName.Length is 0 or > NameMaxLength)
        {
            throw new DomainException("equipment.name_invalid", DomainErrorKind.RuleBroken, NameMaxLength).WithDetail("field", "name");
        }

        if (materialTypeId <= 0)
        {
            throw new DomainException("equipment.material_type_unknown").WithDetail("field", "materialTypeId");
        }

        Code = normalized;
        Name = cleanName;
        MaterialTypeId = materialTypeId;
        Location = string.IsNullOrWhiteSpace(location) ? null : Truncate(location.Trim(), LocationMaxLength);
        Notes = string.IsNullOrWhiteSpace(notes) ? null : Truncate(notes.Trim(), NotesMaxLength);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}

/// <summary>A kind of equipment (Portátil, Videobeam, Cámara…): an administrator-managed list, seeded in Spanish.</summary>
public sealed class MaterialType
{
    public const int NameMaxLength = 80;

    private MaterialType()
    {
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The name shown to English readers (reference data, <c>Accept-Language: en</c>); none: the Spanish name.</summary>
    public string? EnglishName { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static MaterialType Create(string name, DateTimeOffset now, string? englishName = null) =>
        new() { Name = CheckName(name), EnglishName = CheckEnglishName(englishName), IsActive = true, CreatedAt = now, UpdatedAt = now };

    public void Change(string name, bool isActive, DateTimeOffset now, string? englishName = null)
    {
        Name = CheckName(name);
        EnglishName = CheckEnglishName(englishName);
        IsActive = isActive;
        UpdatedAt = now;
    }

    private static string? CheckEnglishName(string? name)
    {
        var text = name?.Trim() ?? string.Empty;
        return text.Length switch
        {
            0 => null,
            <= NameMaxLength => text,
            _ => throw new DomainException("equipment.material_type_english_name_invalid", DomainErrorKind.RuleBroken, NameMaxLength).WithDetail("field", "englishName"),
        };
    }

    private static string CheckName(string? name)
    {
        var text = name?.Trim() ?? string.Empty;
        return text.Length is > 0 and <= NameMaxLength
            ? text
            : throw new DomainException("equipment.material_type_name_invalid", DomainErrorKind.RuleBroken, NameMaxLength).WithDetail("field", "name");
    }
}
