using System.Text;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MesaServicios.Application.Common.Csv;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Users.Emails;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.Users.ImportUsers;

/// <summary>
/// Creates or updates accounts from a CSV file (UTF-8 with or without BOM, separator ',' or ';'). Columns by
/// header name in any case: email, name, department, phone, role, language — or in Spanish correo, nombre,
/// dependencia, telefono/teléfono, rol, idioma. Good rows apply even when others are rejected; each row gets
/// its outcome and reasons. New accounts get a "set your password" e-mail. An existing account keeps the
/// values of blank cells.
/// </summary>
public sealed record ImportUsersCommand(byte[] Content) : ICommand<ImportUsersResult>;

/// <summary>What happened to a row; travels as "created", "updated" or "rejected".</summary>
public enum ImportOutcome
{
    [JsonStringEnumMemberName("created")]
    Created,
    [JsonStringEnumMemberName("updated")]
    Updated,
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

public sealed record ImportRowError(string Code, string Message);

public sealed record ImportRowResult(int Line, string Email, ImportOutcome Outcome, IReadOnlyList<ImportRowError> Errors);

public sealed record ImportUsersResult(int Created, int Updated, int Rejected, IReadOnlyList<ImportRowResult> Rows);

internal sealed class ImportUsersCommandHandler(
    IUsersDbContext db,
    ICredentialStore credentials,
    AccountInvitations invitations,
    IOptions<UsersOptions> options,
    TimeProvider clock) : ICommandHandler<ImportUsersCommand, ImportUsersResult>
{
    public const int MaxRows = 5000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = "email", ["e-mail"] = "email", ["correo"] = "email", ["correo electrónico"] = "email", ["correo electronico"] = "email",
        ["name"] = "name", ["fullname"] = "name", ["full name"] = "name", ["nombre"] = "name", ["nombre completo"] = "name",
        ["department"] = "department", ["dependencia"] = "department",
        ["phone"] = "phone", ["telefono"] = "phone", ["teléfono"] = "phone",
        ["role"] = "role", ["rol"] = "role",
        ["language"] = "language", ["idioma"] = "language",
    };

    private static readonly Dictionary<string, UserRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["requester"] = UserRole.Requester, ["solicitante"] = UserRole.Requester,
        ["technician"] = UserRole.Technician, ["tecnico"] = UserRole.Technician, ["técnico"] = UserRole.Technician,
        ["administrator"] = UserRole.Administrator, ["administrador"] = UserRole.Administrator,
    };

    public async ValueTask<ImportUsersResult> Handle(ImportUsersCommand command, CancellationToken cancellationToken)
    {
        var text = Decode(command.Content);
        var separator = CsvReader.DetectSeparator(text);
        var records = CsvReader.Read(text, separator).Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
        if (records.Count == 0)
        {
            throw FileProblem("users.import_no_email_column");
        }

        var header = records[0].Fields
            .Select((name, index) => (Key: Columns.GetValueOrDefault(name.Trim()), index))
            .Where(c => c.Key is not null)
            .GroupBy(c => c.Key!)
            .ToDictionary(g => g.Key, g => g.First().index);
        if (!header.ContainsKey("email"))
        {
            throw FileProblem("users.import_no_email_column");
        }

        if (records.Count - 1 > MaxRows)
        {
            throw FileProblem("users.import_too_many_rows", MaxRows);
        }

        var rows = records.Skip(1).Select(r => Row.From(r.Line, r.Fields, header)).ToList();
        var emails = rows.Select(r => r.Email).Where(e => e.Length > 0).Distinct().ToList();
        var existing = await db.Users.Where(u => emails.Contains(u.Email)).ToDictionaryAsync(u => u.Email, cancellationToken);

        var now = clock.GetUtcNow();
        var firstLine = new Dictionary<string, int>();
        var results = new List<ImportRowResult>(rows.Count);
        var created = new List<User>();
        foreach (var row in rows)
        {
            var errors = Check(row, firstLine, existing.GetValueOrDefault(row.Email), out var role);
            if (errors.Count == 0 && existing.TryGetValue(row.Email, out var current) && role is { } newRole && newRole != UserRole.Administrator
                && await AdministratorGuard.IsLastActiveAdministratorAsync(db, current, cancellationToken))
            {
                errors.Add(Error("users.last_administrator"));
            }

            if (row.Email.Length > 0)
            {
                firstLine.TryAdd(row.Email, row.Line);
            }

            if (errors.Count > 0)
            {
                results.Add(new ImportRowResult(row.Line, row.Email, ImportOutcome.Rejected, errors));
                continue;
            }

            if (existing.TryGetValue(row.Email, out var user))
            {
                user.UpdateProfile(
                    Blank(row.Name) ? user.FullName : row.Name!,
                    Blank(row.Department) ? user.Department : row.Department,
                    Blank(row.Phone) ? user.Phone : row.Phone,
                    Blank(row.Language) ? user.Language : row.Language,
                    now);
                if (role is { } changed && changed != user.Role)
                {
                    user.ChangeRole(changed, now);
                    await db.SaveChangesAsync(cancellationToken);
                }

                results.Add(new ImportRowResult(row.Line, row.Email, ImportOutcome.Updated, []));
            }
            else
            {
                var fresh = User.Create(row.Email, row.Name!, row.Department, row.Phone, role ?? UserRole.Requester, row.Language, now);
                db.Users.Add(fresh);
                created.Add(fresh);
                existing[fresh.Email] = fresh;
                results.Add(new ImportRowResult(row.Line, row.Email, ImportOutcome.Created, []));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var user in created)
        {
            await credentials.CreateAsync(user.Id, user.Email, null, cancellationToken);
            await invitations.SendAsync(user, cancellationToken);
        }

        return new ImportUsersResult(
            results.Count(r => r.Outcome == ImportOutcome.Created),
            results.Count(r => r.Outcome == ImportOutcome.Updated),
            results.Count(r => r.Outcome == ImportOutcome.Rejected),
            results);
    }

    private List<ImportRowError> Check(Row row, Dictionary<string, int> firstLine, User? current, out UserRole? role)
    {
        var errors = new List<ImportRowError>();
        role = null;
        if (row.Email.Length == 0)
        {
            errors.Add(Error("users.email_required"));
        }
        else if (!IsEmail(row.Email))
        {
            errors.Add(Error("users.email_invalid"));
        }
        else if (!options.Value.IsAllowedEmail(row.Email))
        {
            errors.Add(Error("users.email_domain_not_allowed", string.Join(", ", options.Value.AllowedDomains)));
        }

        if (row.Email.Length > 0 && firstLine.TryGetValue(row.Email, out var first))
        {
            errors.Add(Error("users.import_duplicate_in_file", first));
        }

        if (current is null && Blank(row.Name))
        {
            errors.Add(Error("users.name_required"));
        }

        if (!Blank(row.Role))
        {
            if (Roles.TryGetValue(row.Role!.Trim(), out var parsed))
            {
                role = parsed;
            }
            else
            {
                errors.Add(Error("users.role_invalid"));
            }
        }

        if (!Blank(row.Language) && !Language.Supported.Contains(row.Language!.Trim().ToLowerInvariant()))
        {
            errors.Add(Error("users.language_invalid"));
        }

        AddIfTooLong(errors, "email", row.Email, 254);
        AddIfTooLong(errors, "name", row.Name, 150);
        AddIfTooLong(errors, "department", row.Department, 150);
        AddIfTooLong(errors, "phone", row.Phone, 40);
        return errors;
    }

    private static void AddIfTooLong(List<ImportRowError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(Error("users.value_too_long", field, max));
        }
    }

    private static bool IsEmail(string email) =>
        email.Count(c => c == '@') == 1
        && !email.Any(char.IsWhiteSpace)
        && System.Net.Mail.MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static ImportRowError Error(string code, params object?[] arguments) => new(code, Messages.Get(code, arguments));

    private static string Decode(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            text = text.TrimStart('\uFEFF');
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw FileProblem("users.import_not_csv");
            }

            return text;
        }
        catch (DecoderFallbackException)
        {
            throw FileProblem("users.import_not_csv");
        }
    }

    private static ValidationException FileProblem(string code, params object?[] arguments) =>
        new([new ValidationFailure("file", Messages.Get(code, arguments)) { ErrorCode = code }]);

    private sealed record Row(int Line, string Email, string? Name, string? Department, string? Phone, string? Role, string? Language)
    {
        public static Row From(int line, IReadOnlyList<string> fields, Dictionary<string, int> header)
        {
            string? Cell(string column) =>
                header.TryGetValue(column, out var index) && index < fields.Count ? fields[index].Trim() : null;

            return new Row(line, (Cell("email") ?? string.Empty).ToLowerInvariant(), Cell("name"), Cell("department"), Cell("phone"), Cell("role"), Cell("language")?.ToLowerInvariant());
        }
    }
}
