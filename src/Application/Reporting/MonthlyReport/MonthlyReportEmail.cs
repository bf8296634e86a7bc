using System.Globalization;
using System.Net;
using System.Text;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Reporting.TopProblems;

namespace MesaServicios.Application.Reporting.MonthlyReport;

/// <summary>
/// The monthly report as a mail: plain text, and HTML that common mail clients show alike (tables, inline styles only,
/// no script, no external image), in the reader's language.
/// </summary>
public static class MonthlyReportEmail
{
    private const string Cell = "padding:4px 8px;border:1px solid #d0d7de;";
    private const string Head = "padding:4px 8px;border:1px solid #d0d7de;background:#f3f4f6;text-align:left;";
    private const string Number = "padding:4px 8px;border:1px solid #d0d7de;text-align:right;";

    public static RenderedEmail Render(MonthlyReport report, CultureInfo culture, string recipientName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var monthName = MonthName(report.From, culture);
        var subject = Messages.Get("reporting.monthly.subject", culture, monthName);
        var intro = Messages.Get("reporting.monthly.intro", culture, monthName);
        var greeting = Messages.Get("notifications.email.greeting", culture, recipientName);
        var footer = Messages.Get("notifications.email.footer", culture);
        string T(string code) => Messages.Get(code, culture);

        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n").Append(intro).Append("\n\n").Append(T("reporting.monthly.figures")).Append('\n');
        foreach (var figure in report.Figures)
        {
            text.Append("- ").Append(figure.Label).Append(": ").Append(Value(figure.Value, culture))
                .Append(" (").Append(T("reporting.monthly.previous")).Append(": ").Append(Value(figure.Previous, culture))
                .Append("; ").Append(ChangeText(figure.Change, culture)).Append(")\n");
        }

        AppendText(text, T("reporting.monthly.top_categories"), report.TopCategories, culture);
        AppendText(text, T("reporting.monthly.top_terms"), report.TopTerms, culture);
        text.Append('\n').Append(footer).Append('\n');

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2328;\">");
        html.Append("<p>").Append(E(greeting)).Append("</p><p>").Append(E(intro)).Append("</p>");
        html.Append("<h2 style=\"font-size:16px;margin:16px 0 8px;\">").Append(E(T("reporting.monthly.figures"))).Append("</h2>");
        html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;\"><tr>")
            .Append(Th(T("reporting.monthly.figure"))).Append(Th(report.Month)).Append(Th(report.PreviousMonth)).Append(Th(T("reporting.column.change"))).Append("</tr>");
        foreach (var figure in report.Figures)
        {
            html.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(figure.Label)).Append("</td>")
                .Append(Td(Value(figure.Value, culture))).Append(Td(Value(figure.Previous, culture))).Append(Td(ChangeText(figure.Change, culture))).Append("</tr>");
        }

        html.Append("</table>");
        AppendHtml(html, T("reporting.monthly.top_categories"), report.TopCategories, culture, report);
        AppendHtml(html, T("reporting.monthly.top_terms"), report.TopTerms, culture, report);
        html.Append("<p style=\"color:#57606a;font-size:12px;margin-top:16px;\">").Append(E(footer)).Append("</p></body></html>");
        return new RenderedEmail(subject, text.ToString(), html.ToString());
    }

    private static void AppendText(StringBuilder text, string title, IReadOnlyList<ProblemRow> rows, CultureInfo culture)
    {
        text.Append('\n').Append(title).Append('\n');
        if (rows.Count == 0)
        {
            text.Append("- ").Append(Messages.Get("reporting.monthly.none", culture)).Append('\n');
        }

        foreach (var row in rows)
        {
            text.Append("- ").Append(row.Label).Append(": ").Append(row.Count.ToString("N0", culture))
                .Append(" (").Append(Messages.Get("reporting.monthly.previous", culture)).Append(": ").Append(row.PreviousCount.ToString("N0", culture))
                .Append("; ").Append(ChangeText(row.ChangePercent, culture)).Append(")\n");
        }
    }

    private static void AppendHtml(StringBuilder html, string title, IReadOnlyList<ProblemRow> rows, CultureInfo culture, MonthlyReport report)
    {
        html.Append("<h2 style=\"font-size:16px;margin:16px 0 8px;\">").Append(E(title)).Append("</h2>");
        if (rows.Count == 0)
        {
            html.Append("<p>").Append(E(Messages.Get("reporting.monthly.none", culture))).Append("</p>");
            return;
        }

        html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;\"><tr>")
            .Append(Th(Messages.Get("reporting.column.label", culture))).Append(Th(report.Month)).Append(Th(report.PreviousMonth)).Append(Th(Messages.Get("reporting.column.change", culture))).Append("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr><td style=\"").Append(Cell).Append("\">").Append(E(row.Label)).Append("</td>")
                .Append(Td(row.Count.ToString("N0", culture))).Append(Td(row.PreviousCount.ToString("N0", culture))).Append(Td(ChangeText(row.ChangePercent, culture))).Append("</tr>");
        }

        html.Append("</table>");
    }

    public static string MonthName(DateOnly first, CultureInfo culture) => first.ToString("MMMM yyyy", culture);

    private static string Value(double? value, CultureInfo culture) =>
        value is { } v ? v.ToString(v == Math.Floor(v) ? "N0" : "N1", culture) : "—";

    private static string ChangeText(double? change, CultureInfo culture) =>
        change is { } c ? (c > 0 ? "+" : string.Empty) + c.ToString("0.0", culture) + " %" : "—";

    private static string Th(string text) => "<th style=\"" + Head + "\">" + E(text) + "</th>";

    private static string Td(string text) => "<td style=\"" + Number + "\">" + E(text) + "</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
