using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MesaServicios.Application.Common.Csv;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Common;
using MesaServicios.Domain.Reservations;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.ImportItems;

/// <summary>
/// Creates or updates catalogue items from a CSV file (UTF-8 with or without BOM, separator ',' or ';'). Columns by
/// header name in any case: code, name, materialType, location, notes — or in Spanish codigo/código, nombre,
/// tipo/tipo de material, ubicacion/ubicación, notas. The material type is given by name or id. Good rows apply even
/// when others are rejected; each row gets its outcome and reasons. An existing item (same code) keeps the values of
/// blank cells; a retired one is rejected.
/// </summary>
public sealed record ImportEquipmentCommand(byte[] Content) : ICommand<ImportEquipmentResult>;

/// <summary>What happened to a row; travels as "created", "updated" or "rejected".</summary>
public enum EquipmentImportOutcome
{
    [JsonStringEnumMemberName("created")]
    Created,
    [JsonStringEnumMemberName("updated")]
    Updated,
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

public sealed record EquipmentImportError(string Code, string Message);

public sealed record EquipmentImportRow(int Line, string Code, EquipmentImportOutcome Outcome, IReadOnlyList<EquipmentImportError> Errors);

public sealed record ImportEquipmentResult(int Created, int Updated, int Rejected, IReadOnlyList<EquipmentImportRow> Rows);

internal sealed class ImportEquipmentCommandHandler(IReservationsDbContext db, TimeProvider clock) : ICommandHandler<ImportEquipmentCommand, ImportEquipmentResult>
{
    public const int MaxRows = 5000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = "code", ["codigo"] = "code", ["código"] = "code", ["inventory code"] = "code", ["codigo de inventario"] = "code", ["código de inventario"] = "code",
        ["name"] = "name", ["nombre"] = "name",
        ["materialtype"] = "type", ["material type"] = "type", ["type"] = "type", ["tipo"] = "type", ["tipo de material"] = "type",
        ["location"] = "location", ["ubicacion"] = "location", ["ubicación"] = "location",
        ["notes"] = "notes", ["notas"] = "notes", ["observaciones"] = "notes",
    };

    public async ValueTask<ImportEquipmentResult> Handle(ImportEquipmentCommand command, CancellationToken cancellationToken)
    {
        var text = Decode(command.Content);
        var separator = CsvReader.DetectSeparator(text);
        var records = CsvReader.Read(text, separator).Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
        var header = records.Count == 0
            ? []
            : records[0].Fields
                .Select((name, index) => (Key: Columns.GetValueOrDefault(name.Trim()), index))
                .Where(c => c.Key is not null)
                .GroupBy(c => c.Key!)
                .ToDictionary(g => g.Key, g => g.First().index);
        if (!header.ContainsKey("code"))
        {
            throw FileProblem("equipment.import_no_code_column");
        }

        if (records.Count - 1 > MaxRows)
        {
            throw FileProblem("equipment.import_too_many_rows", MaxRows);
        }

        string? Cell(IReadOnlyList<string> fields, string key) =>
            header.TryGetValue(key, out var index) && index < fields.Count && !string.IsNullOrWhiteSpace(fields[index]) ? fields[index].Trim() : null;

        var types = await db.MaterialTypes.AsNoTracking().Where(t => t.IsActive).ToListAsync(cancellationToken);
        var byName = types.ToDictionary(t => TextFolding.Fold(t.Name), t => t.Id);
        var codes = records.Skip(1).Select(r => EquipmentItem.NormalizeCode(Cell(r.Fields, "code"))).Where(c => c.Length > 0).Distinct().ToList();
        var existing = await db.EquipmentItems.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, cancellationToken);

        var now = clock.GetUtcNow();
        var firstLine = new Dictionary<string, int>();
        var rows = new List<EquipmentImportRow>();
        foreach (var (line, fields) in records.Skip(1))
        {
            var code = EquipmentItem.NormalizeCode(Cell(fields, "code"));
            var errors = new List<EquipmentImportError>();
            if (code.Length > 0 && !firstLine.TryAdd(code, line))
            {
                errors.Add(Error("equipment.import_duplicate_in_file", firstLine[code]));
            }

            existing.TryGetValue(code, out var item);
            var typeCell = Cell(fields, "type");
            int? typeId = typeCell is null ? item?.MaterialTypeId
                : int.TryParse(typeCell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && types.Any(t => t.Id == id) ? id
                : byName.TryGetValue(TextFolding.Fold(typeCell), out var named) ? named : null;
            if (typeId is null)
            {
                errors.Add(Error("equipment.material_type_unknown"));
            }

            var name = Cell(fields, "name") ?? item?.Name;
            var location = Cell(fields, "location") ?? item?.Location;
            var notes = Cell(fields, "notes") ?? item?.Notes;
            var outcome = EquipmentImportOutcome.Rejected;
            if (errors.Count == 0)
            {
                try
                {
                    if (item is null)
                    {
                        var created = EquipmentItem.Create(code, name ?? string.Empty, typeId!.Value, location, notes, now);
                        db.EquipmentItems.Add(created);
                        existing[created.Code] = created;
                        outcome = EquipmentImportOutcome.Created;
                    }
                    else
                    {
                        item.Edit(code, name ?? string.Empty, typeId!.Value, location, notes, now);
                        outcome = EquipmentImportOutcome.Updated;
                    }
                }
                catch (DomainException exception)
                {
                    errors.Add(Error(exception.Code, exception.Arguments.ToArray()));
                }
            }

            rows.Add(new EquipmentImportRow(line, code, errors.Count == 0 ? outcome : EquipmentImportOutcome.Rejected, errors));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ImportEquipmentResult(
            rows.Count(r => r.Outcome == EquipmentImportOutcome.Created),
            rows.Count(r => r.Outcome == EquipmentImportOutcome.Updated),
            rows.Count(r => r.Outcome == EquipmentImportOutcome.Rejected),
            rows);
    }

    private static EquipmentImportError Error(string code, params object?[] arguments) => new(code, Messages.Get(code, arguments));

    private static ValidationException FileProblem(string code, params object?[] arguments) =>
        new([new ValidationFailure("file", Messages.Get(code, arguments))]);

    private static string Decode(byte[] content)
    {
        var text = new UTF8Encoding(false, false).GetString(content);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
