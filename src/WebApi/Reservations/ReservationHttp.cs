using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Reservations;

namespace MesaServicios.WebApi.Reservations;

/// <summary>ETag / If-Match for reservations and items (the version in quotes), and query values read with field errors.</summary>
internal static class ReservationHttp
{
    /// <summary>The version the client expects (null without If-Match or with <c>*</c>); unreadable values never match (412).</summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Trim().Trim('"');
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new ConcurrencyConflictException(preconditionFailed: true);
    }

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static IResult Ok(HttpContext http, ReservationDetails details)
    {
        http.Response.Headers.ETag = ETag(details.Version);
        return Results.Ok(details);
    }

    public static IResult Ok(HttpContext http, EquipmentItemDetails details)
    {
        http.Response.Headers.ETag = ETag(details.Version);
        return Results.Ok(details);
    }
}

/// <summary>Reads query-string values; a wrong one is a field error naming the parameter (not a bare 400).</summary>
internal sealed class QueryValues
{
    private readonly List<ValidationFailure> _failures = [];

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

    public T? Enum<T>(string? raw, string field, string code)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (System.Enum.TryParse<T>(raw.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(raw, out _))
        {
            return value;
        }

        _failures.Add(new ValidationFailure(field, Messages.Get(code)));
        return null;
    }

    public T Done<T>(T value) => _failures.Count == 0 ? value : throw new ValidationException(_failures);
}
