using System.Text;

namespace MesaServicios.Application.Inbox.Parsing;

/// <summary>The labelled fields the institution asks for in the body of a request mail.</summary>
public sealed record RequestFields(string? Name, string? Department, string? Phone, string? Detail)
{
    public const string NameField = "name";
    public const string DepartmentField = "department";
    public const string PhoneField = "phone";
    public const string DetailField = "detail";

    /// <summary>The fields the message lacks, in the order the institution lists them.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>(4);
        if (string.IsNullOrWhiteSpace(Name))
        {
            missing.Add(NameField);
        }

        if (string.IsNullOrWhiteSpace(Department))
        {
            missing.Add(DepartmentField);
        }

        if (string.IsNullOrWhiteSpace(Phone))
        {
            missing.Add(PhoneField);
        }

        if (string.IsNullOrWhiteSpace(Detail))
        {
            missing.Add(DetailField);
        }

        return missing;
    }

    /// <summary>
    /// Reads "Label: value" lines tolerantly: labels in any case, with or without accents, colon, dash or
    /// bullet; a value may sit on the following lines. Free text outside labelled lines counts as the detail
    /// when no "Detalle"/"Solicitud" label is present.
    /// </summary>
    public static RequestFields Extract(string body)
    {
        string? name = null, department = null, phone = null, detail = null;
        var free = new StringBuilder();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!TryLabel(line, out var field, out var value))
            {
                if (line.Length > 0 && !IsGreetingOrClosing(line))
                {
                    free.AppendLine(line);
                }

                continue;
            }

            // Value on the following line(s) when the label stands alone.
            if (value.Length == 0)
            {
                var collected = new List<string>();
                var j = i + 1;
                while (j < lines.Length && lines[j].Trim().Length == 0)
                {
                    j++;
                }

                while (j < lines.Length && lines[j].Trim().Length > 0 && !TryLabel(lines[j].Trim(), out _, out _))
                {
                    collected.Add(lines[j].Trim());
                    j++;
                    if (field != DetailField)
                    {
                        break;
                    }
                }

                value = string.Join(' ', collected);
                i = j - 1;
            }
            else if (field == DetailField)
            {
                // The detail continues until the next label or a blank line followed by a label.
                var collected = new List<string> { value };
                var j = i + 1;
                while (j < lines.Length && !TryLabel(lines[j].Trim(), out _, out _))
                {
                    var next = lines[j].Trim();
                    if (IsGreetingOrClosing(next) || next == "--")
                    {
                        // "Gracias," and what follows (the signature) are not part of the detail.
                        j = lines.Length;
                        break;
                    }

                    if (next.Length > 0)
                    {
                        collected.Add(next);
                    }

                    j++;
                }

                value = string.Join('\n', collected);
                i = j - 1;
            }

            value = value.Trim();
            if (value.Length == 0)
            {
                continue;
            }

            switch (field)
            {
                case NameField: name ??= Limit(value, 150); break;
                case DepartmentField: department ??= Limit(value, 150); break;
                case PhoneField: phone ??= Limit(value, 40); break;
                case DetailField: detail ??= value; break;
            }
        }

        if (detail is null && free.ToString().Trim().Length >= 10)
        {
            detail = free.ToString().Trim();
        }

        return new RequestFields(name, department, phone, detail);
    }

    private static readonly (string Label, string Field, bool NeedsColon)[] Labels =
    [
        ("nombre completo", NameField, false),
        ("nombre del funcionario o contratista", NameField, false),
        ("nombre del funcionario", NameField, false),
        ("nombre del contratista", NameField, false),
        ("nombre del solicitante", NameField, false),
        ("nombres y apellidos", NameField, false),
        ("nombre", NameField, false),
        ("solicitante", NameField, true),
        ("dependencia", DepartmentField, false),
        ("area", DepartmentField, true),
        ("oficina", DepartmentField, true),
        ("numero de contacto", PhoneField, false),
        ("numero de telefono", PhoneField, false),
        ("numero celular", PhoneField, false),
        ("telefono de contacto", PhoneField, false),
        ("telefono", PhoneField, false),
        ("celular", PhoneField, false),
        ("movil", PhoneField, false),
        ("tel", PhoneField, true),
        ("contacto", PhoneField, true),
        ("detalle de la solicitud", DetailField, false),
        ("detalle", DetailField, true),
        ("descripcion", DetailField, true),
        ("solicitud", DetailField, true),
    ];

    private static bool TryLabel(string line, out string field, out string value)
    {
        field = string.Empty;
        value = string.Empty;
        var text = line.TrimStart('*', '-', '•', '·', ' ', '\t').Normalize(NormalizationForm.FormC);
        var folded = MailText.Fold(text);
        foreach (var (label, candidate, needsColon) in Labels)
        {
            if (!folded.StartsWith(label, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = text[label.Length..];
            var restTrim = rest.TrimStart();
            // "Nº"/"No." after "telefono"/"celular" and similar noise before the separator.
            if (restTrim.StartsWith(':') || restTrim.StartsWith('=') || restTrim.StartsWith('-') || restTrim.StartsWith('–'))
            {
                field = candidate;
                value = restTrim[1..].Trim().Trim('*').Trim();
                return true;
            }

            if (rest.Length == 0 || restTrim.Length == 0)
            {
                field = candidate;
                return true;
            }

            if (!needsColon && char.IsWhiteSpace(rest[0]) && LooksLikeValue(candidate, restTrim))
            {
                field = candidate;
                value = restTrim.Trim('*').Trim();
                return true;
            }

            return false;
        }

        return false;
    }

    /// <summary>Without a colon, "Nombre Juan Pérez" is a label but "Nombre de usuario bloqueado…" in prose is not.</summary>
    private static bool LooksLikeValue(string field, string rest) => field switch
    {
        PhoneField => rest.Count(char.IsDigit) >= 7,
        NameField => !MailText.Fold(rest).StartsWith("de ", StringComparison.Ordinal) && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6,
        DepartmentField => rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8,
        _ => false,
    };

    private static bool IsGreetingOrClosing(string line)
    {
        var folded = MailText.Fold(line).TrimEnd(',', '.', '!', ':');
        return folded is "hola" or "buenos dias" or "buenas tardes" or "buenas noches" or "cordial saludo" or "saludos"
            or "gracias" or "muchas gracias" or "atentamente" or "cordialmente" or "quedo atento" or "quedo atenta"
            or "buen dia" or "senores" or "senores oficina tic" or "estimados" or "hello" or "hi" or "thanks" or "regards";
    }

    private static string Limit(string value, int max) => value.Length <= max ? value : value[..max];
}
