using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// Binds text fields of a query string or a form to typed values, collecting one field-level error per bad value
/// (with its Spanish/English message) instead of failing at the first; <see cref="ThrowIfInvalid{T}"/> then turns
/// them into the usual 400 problem. Empty or blank means "not given" (null).
/// </summary>
internal sealed class FieldParsing
{
    private readonly List<ValidationFailure> _failures = [];

    /// <summary>An enum member by name, any case; a number or an unknown name is an error under <paramref name="code"/>.</summary>
    public T? Enum<T>(string? raw, string field, string code = "common.invalid_value")
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (System.Enum.TryParse<T>(raw.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        _failures.Add(new ValidationFailure(field, Messages.Get(code)));
        return null;
    }

    /// <summary>A number, id, date or flag in the invariant culture.</summary>
    public T? Parse<T>(string? raw, string field)
        where T : struct, IParsable<T>
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (T.TryParse(raw.Trim(), CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _failures.Add(new ValidationFailure(field, Messages.Get("common.invalid_value")));
        return null;
    }

    /// <summary>The bound value, or a validation error naming every bad field.</summary>
    public T ThrowIfInvalid<T>(T bound) => _failures.Count == 0 ? bound : throw new ValidationException(_failures);
}
