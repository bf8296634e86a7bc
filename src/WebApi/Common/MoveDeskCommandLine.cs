using MesaServicios.Infrastructure.Common.DeskMove;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// <c>move-desk --from "Data Source=…/mesa.db" --to "Host=…;Database=…;Username=…;Password=…"</c>: copies a stopped
/// SQLite desk into a PostgreSQL database (<see cref="DeskMover"/>) and prints each table's rows on both sides. Exit
/// code 0 when every table has the same number of rows on both, 1 otherwise or when the move is refused, 2 on a usage
/// error. The host itself is not started. See docs/operations.md, "Moving a desk to PostgreSQL".
/// </summary>
internal static class MoveDeskCommandLine
{
    public const string Verb = "move-desk";

    public static bool Requested(string[] args) => args.Length > 0 && string.Equals(args[0], Verb, StringComparison.Ordinal);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        string? from = null, to = null;
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--from": from = args[i + 1]; break;
                case "--to": to = args[i + 1]; break;
                default: from = to = null; i = args.Length; break;
            }
        }

        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to) || args.Length != 5)
        {
            await error.WriteLineAsync($"usage: {Verb} --from \"Data Source=/path/mesa.db\" --to \"Host=…;Database=…;Username=…;Password=…\"");
            return 2;
        }

        // A bare path is the SQLite file itself.
        if (!from.Contains('=', StringComparison.Ordinal))
        {
            from = "Data Source=" + from;
        }

        try
        {
            var report = await DeskMover.MoveAsync(from, to, output, cancellationToken);
            foreach (var table in report.Tables.Where(t => !t.Complete))
            {
                await error.WriteLineAsync($"{table.Table}: {table.SourceRows} rows on SQLite, {table.TargetRows} on PostgreSQL");
            }

            await output.WriteLineAsync(report.Complete
                ? $"moved: {report.Tables.Count} tables, {report.Tables.Sum(t => t.SourceRows)} rows, the same count on both sides"
                : "the move is not complete: run it again; if the counts still differ, the PostgreSQL database was not empty");
            return report.Complete ? 0 : 1;
        }
        catch (DeskMoveRefusedException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }
    }
}
