using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Tickets;
using MesaServicios.WebApi.Common;
using Microsoft.AspNetCore.Mvc;

namespace MesaServicios.WebApi.Reporting;

/// <summary>
/// The period and filters of every report, as query-string text (a wrong value is a field error naming the
/// parameter). Dates are local days (YYYY-MM-DD) in the office's time zone, both included.
/// </summary>
public sealed class ReportRequest
{
    /// <summary>First day (YYYY-MM-DD, local); default the first day of <c>to</c>'s month.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Last day (YYYY-MM-DD, local, included); default today.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary>Incident or Request.</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    /// <summary>A category id; its subcategories are included.</summary>
    [FromQuery(Name = "categoryId")]
    public string? CategoryId { get; init; }

    /// <summary>The requester's department (exact, any case).</summary>
    [FromQuery(Name = "department")]
    public string? Department { get; init; }

    /// <summary>The assigned technician's id.</summary>
    [FromQuery(Name = "technicianId")]
    public string? TechnicianId { get; init; }

    /// <summary>Portal, Phone (opened on behalf of someone who called) or Email.</summary>
    [FromQuery(Name = "source")]
    public string? Source { get; init; }

    internal ReportFilter ToFilter(FieldParsing fields, List<ValidationFailure> dates) => new(
        Day(From, "from", dates),
        Day(To, "to", dates),
        fields.Enum<TicketType>(Type, "type", "tickets.type_invalid"),
        fields.Parse<int>(CategoryId, "categoryId"),
        Department,
        fields.Parse<Guid>(TechnicianId, "technicianId"),
        fields.Enum<TicketSource>(Source, "source"));

    /// <summary>Reads the filter and whatever else the report takes; every bad field is reported at once.</summary>
    internal T Read<T>(Func<ReportFilter, FieldParsing, T> build)
    {
        var fields = new FieldParsing();
        var dates = new List<ValidationFailure>();
        var filter = ToFilter(fields, dates);
        T result;
        try
        {
            result = fields.ThrowIfInvalid(build(filter, fields));
        }
        catch (ValidationException invalid)
        {
            throw new ValidationException(dates.Concat(invalid.Errors));
        }

        return dates.Count == 0 ? result : throw new ValidationException(dates);
    }

    private static DateOnly? Day(string? raw, string field, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        failures.Add(new ValidationFailure(field, Messages.Get("reporting.date_invalid")));
        return null;
    }
}
