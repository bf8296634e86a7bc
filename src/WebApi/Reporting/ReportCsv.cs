using System.Globalization;
using System.Text;
using MesaServicios.Application.Common.Localization;

namespace MesaServicios.WebApi.Reporting;

/// <summary>A CSV column: its header (a message code, read in the caller's language) and how a row gives its value.</summary>
internal sealed record CsvColumn<T>(string HeaderCode, Func<T, string?> Value);

/// <summary>
/// Reports as CSV: UTF-8 with BOM (spreadsheets then read accents right), RFC 4180 quoting, CRLF, headers in the
/// caller's language, written to the response as rows are read (never held whole in memory).
/// </summary>
internal static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>True when the client asks for CSV (<c>Accept: text/csv</c>).</summary>
    public static bool Wanted(HttpRequest request) =>
        request.Headers.Accept.Any(value => value is not null && value.Contains("text/csv", StringComparison.OrdinalIgnoreCase));

    public static IResult Write<T>(IEnumerable<T> rows, string fileName, params CsvColumn<T>[] columns) =>
        Write(ToAsync(rows), fileName, columns);

    public static IResult Write<T>(IAsyncEnumerable<T> rows, string fileName, params CsvColumn<T>[] columns)
    {
        var culture = CultureInfo.CurrentUICulture;
        return Results.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
                await writer.WriteAsync(string.Join(',', columns.Select(c => Field(Messages.Get(c.HeaderCode, culture)))) + "\r\n");
                var line = new StringBuilder();
                var written = 0;
                await foreach (var row in rows)
                {
                    line.Clear();
                    for (var i = 0; i < columns.Length; i++)
                    {
                        line.Append(i == 0 ? string.Empty : ",").Append(Field(columns[i].Value(row)));
                    }

                    await writer.WriteAsync(line.Append("\r\n").ToString());
                    if (++written % 5000 == 0)
                    {
                        await writer.FlushAsync();
                    }
                }
            },
            ContentType,
            fileName);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? Number(v) : string.Empty;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as local date and time in the office's zone ("2026-03-31 23:30").</summary>
    public static string Local(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
