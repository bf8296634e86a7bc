using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.Tickets;
using Microsoft.Data.Sqlite;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// The SQLite desk's tickets as the reports see them, held in memory as columns (one array per value, indexed by the
/// ticket's id): created, solved and first-response instants, type, urgency, priority, status, source, category,
/// department and technician (small keys into in-memory dictionaries), the stored business minutes, the service-level
/// clock inputs of the compliance verdict, and the title's folded terms (term ids). A year of a million tickets is then
/// a scan of a few arrays instead of a read of a 1 GB table.
/// <para>
/// Exact on every read: before answering, <see cref="ReadAsync{T}"/> catches up inside one read transaction (one WAL
/// snapshot) with (a) the tickets whose id is above the highest one held, or is a hole below it (ticket numbers are
/// handed out before the write turn, ADR 0010, so a lower number can commit after a higher one: a missing id is asked
/// for again until it appears or an hour has passed), and (b) the tickets named in the change log since the last read
/// (<see cref="ReportingCacheSql"/>: an UPDATE/DELETE trigger, so changes that bypass EF are seen too), re-read from the
/// table. A log pruned past the store's position makes it load everything again.
/// </para>
/// </summary>
public sealed class ReportingColumnStore : IDisposable
{
    /// <summary>How far below the highest id a full load still expects late commits (numbers handed out but not yet saved).</summary>
    internal const int LateWindow = 4096;

    private static readonly TimeSpan HoleLifetime = TimeSpan.FromHours(1);

    private const string Columns = """
        "Id", "CreatedAt", "Type", "Urgency", "Priority", "Status", "Source", "CategoryId", "RequesterDepartment",
        "AssignedTechnicianId", "SolvedAt", "FirstResponseAt", "OwnBusinessMinutes", "ResolveBusinessMinutes",
        "SlaOwnTargetMinutes", "SlaOwnDueAt", "SlaResolveDueAt", "SlaPausedSince", "Title"
        """;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ReaderWriterLockSlim columnsLock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<int, long> holes = [];
    private TicketColumns? columns;
    private long lastSequence;

    /// <summary>The highest change-log sequence applied (the prune job deletes up to it).</summary>
    public long AppliedSequence => Volatile.Read(ref lastSequence);

    /// <summary>How many tickets are held (0 before the first load).</summary>
    public int Count => columns?.Count ?? 0;

    /// <summary>How long the last full load took.</summary>
    public TimeSpan LastLoadTime { get; private set; }

    /// <summary>Catches up with the database (loading everything the first time) and answers from the columns.</summary>
    internal async Task<T> ReadAsync<T>(DbConnection connection, Func<TicketColumns, T> answer, CancellationToken cancellationToken)
    {
        await CatchUpAsync(connection, cancellationToken);
        columnsLock.EnterReadLock();
        try
        {
            return answer(columns!);
        }
        finally
        {
            columnsLock.ExitReadLock();
        }
    }

    /// <summary>Brings the columns up to the database's latest committed state (one read transaction).</summary>
    public async Task CatchUpAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(cancellationToken);
            }

            try
            {
                // Deferred: a read transaction, one snapshot for every statement below; it never takes the write lock.
                await using var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: true);
                if (columns is null || await LogPrunedPastAsync(connection, cancellationToken))
                {
                    await LoadAllAsync(connection, cancellationToken);
                }
                else
                {
                    await LoadChangesAsync(connection, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> LogPrunedPastAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var oldest = await ScalarAsync(connection, $"SELECT MIN(\"Seq\") FROM \"{ReportingCacheSql.Table}\"", cancellationToken);
        return oldest is { } first && first > lastSequence + 1;
    }

    private async Task LoadAllAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        // The highest sequence ever handed out (it survives the log's pruning), read in the same snapshot as the rows.
        var sequence = await ScalarAsync(connection, $"SELECT \"seq\" FROM sqlite_sequence WHERE \"name\" = '{ReportingCacheSql.Table}'", cancellationToken) ?? 0;
        var fresh = new TicketColumns();
        var titleTerms = new Dictionary<string, int[]>(StringComparer.Ordinal);
        await using (var command = Command(connection, $"SELECT {Columns} FROM \"Tickets\""))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                fresh.Apply(Row.From(reader), titleTerms);
            }
        }

        await ReadEventsAsync(connection, null, fresh.AddSolution, fresh.AddReopening, cancellationToken);
        var now = Stopwatch.GetTimestamp();
        holes.Clear();
        for (var id = Math.Max(1, fresh.MaxId - LateWindow); id < fresh.MaxId; id++)
        {
            if (!fresh.Holds(id))
            {
                holes[id] = now;
            }
        }

        columnsLock.EnterWriteLock();
        try
        {
            columns = fresh;
            Volatile.Write(ref lastSequence, sequence);
        }
        finally
        {
            columnsLock.ExitWriteLock();
        }

        LastLoadTime = watch.Elapsed;
    }

    private async Task LoadChangesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var current = columns!;
        var changed = new HashSet<int>();
        var sequence = lastSequence;
        await using (var command = Command(connection, $"SELECT \"Seq\", \"TicketId\" FROM \"{ReportingCacheSql.Table}\" WHERE \"Seq\" > @p0", sequence))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sequence = Math.Max(sequence, reader.GetInt64(0));
                changed.Add(reader.GetInt32(1));
            }
        }

        var rows = new List<Row>();
        var maxId = current.MaxId;
        await using (var command = Command(connection, $"SELECT {Columns} FROM \"Tickets\" WHERE \"Id\" > @p0", maxId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Row.From(reader));
            }
        }

        var again = new HashSet<int>(changed);
        again.UnionWith(holes.Keys);
        var found = new HashSet<int>();
        if (again.Count > 0)
        {
            var ids = "[" + string.Join(',', again.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
            await using var command = Command(connection, $"SELECT {Columns} FROM \"Tickets\" WHERE \"Id\" IN (SELECT value FROM json_each(@p0))", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = Row.From(reader);
                rows.Add(row);
                found.Add(row.Id);
            }
        }

        // Holes: ids below the highest one seen that are not there yet (a creation still on its way, or a number lost).
        var now = Stopwatch.GetTimestamp();
        var newMax = rows.Count == 0 ? maxId : Math.Max(maxId, rows.Max(r => r.Id));
        if (newMax > maxId)
        {
            var seen = rows.Where(r => r.Id > maxId).Select(r => r.Id).ToHashSet();
            for (var id = Math.Max(maxId + 1, newMax - LateWindow); id < newMax; id++)
            {
                if (!seen.Contains(id))
                {
                    holes[id] = now;
                }
            }
        }

        foreach (var id in found)
        {
            holes.Remove(id);
        }

        foreach (var (id, since) in holes.ToList())
        {
            if (Stopwatch.GetElapsedTime(since, now) > HoleLifetime)
            {
                holes.Remove(id);
            }
        }

        if (rows.Count == 0 && changed.Count == 0)
        {
            return;
        }

        // The solutions and reopenings of every ticket read again (or gone), read in the same snapshot.
        var touched = new HashSet<int>(changed);
        touched.UnionWith(rows.Select(r => r.Id));
        var solutions = new List<(int, string, long, int)>();
        var reopenings = new List<(int, long, int, int)>();
        await ReadEventsAsync(connection, touched, (a, b, c, d) => solutions.Add((a, b, c, d)), (a, b, c, d) => reopenings.Add((a, b, c, d)), cancellationToken);

        columnsLock.EnterWriteLock();
        try
        {
            foreach (var id in changed.Where(id => !found.Contains(id)))
            {
                current.Remove(id);
            }

            foreach (var row in rows)
            {
                current.Apply(row, null);
            }

            foreach (var id in touched)
            {
                current.ForgetEvents(id);
            }

            foreach (var (id, author, at, outcome) in solutions)
            {
                current.AddSolution(id, author, at, outcome);
            }

            foreach (var (id, at, order, from) in reopenings)
            {
                current.AddReopening(id, at, order, from);
            }

            current.Solutions.CompactIfSparse();
            current.Reopenings.CompactIfSparse();

            Volatile.Write(ref lastSequence, sequence);
        }
        finally
        {
            columnsLock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Reads the solutions (ticket, author, proposed at, outcome) and the reopenings (ticket, instant, sequence, status
    /// left): all of them (<paramref name="tickets"/> null, a full load) or those of the given tickets.
    /// </summary>
    private static async Task ReadEventsAsync(
        DbConnection connection, IReadOnlyCollection<int>? tickets, Action<int, string, long, int> solution, Action<int, long, int, int> reopening, CancellationToken cancellationToken)
    {
        if (tickets is { Count: 0 })
        {
            return;
        }

        var ids = tickets is null ? null : "[" + string.Join(',', tickets.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
        var only = ids is null ? string.Empty : " AND \"TicketId\" IN (SELECT value FROM json_each(@p0))";
        object[] parameters = ids is null ? [] : [ids];
        await using (var command = Command(connection, "SELECT \"TicketId\", \"AuthorId\", \"CreatedAt\", \"Outcome\" FROM \"TicketSolutions\" WHERE 1 = 1" + only, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                solution(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3));
            }
        }

        // The condition is the partial index's (IX_TicketHistory_Reporting_Reopened), so a full load reads that index only.
        await using (var command = Command(connection, "SELECT \"TicketId\", \"OccurredAt\", \"Sequence\", \"FromStatus\" FROM \"TicketHistory\" h WHERE "
            + ReportingQualitySql.ReopenedCondition("h") + only, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reopening(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3));
            }
        }
    }

    private static async Task<long?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, string sql, params object[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public void Dispose()
    {
        gate.Dispose();
        columnsLock.Dispose();
    }

    /// <summary>One ticket's reporting values as read from the table.</summary>
    internal readonly record struct Row(
        int Id, long CreatedAt, int Type, int Urgency, int Priority, int Status, int Source, int? CategoryId, string? Department,
        string? Technician, long? SolvedAt, long? FirstResponseAt, double? OwnMinutes, double? ResolveMinutes, int OwnTargetMinutes,
        long OwnDueAt, long ResolveDueAt, long? PausedSince, string Title)
    {
        public static Row From(DbDataReader r) => new(
            r.GetInt32(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
            r.IsDBNull(7) ? null : r.GetInt32(7),
            r.IsDBNull(8) ? null : r.GetString(8),
            r.IsDBNull(9) ? null : r.GetString(9),
            r.IsDBNull(10) ? null : r.GetInt64(10),
            r.IsDBNull(11) ? null : r.GetInt64(11),
            r.IsDBNull(12) ? null : r.GetDouble(12),
            r.IsDBNull(13) ? null : r.GetDouble(13),
            r.GetInt32(14), r.GetInt64(15), r.GetInt64(16),
            r.IsDBNull(17) ? null : r.GetInt64(17),
            r.GetString(18));
    }
}

/// <summary>
/// The columns themselves (struct of arrays indexed by ticket id) and the scans the reports need. Answers follow the
/// SQL of <see cref="SqliteReportingStore"/> exactly: the period is [Start, End) on UTC ticks, local days are tick
/// ranges computed in the slice's zone, the department matches like SQLite's NOCASE (ASCII letters only).
/// </summary>
internal sealed partial class TicketColumns
{
    private const long None = long.MinValue;

    private bool[] present = new bool[1024];
    private long[] created = new long[1024];
    private long[] solved = new long[1024];
    private long[] firstResponse = new long[1024];
    private long[] ownDue = new long[1024];
    private long[] resolveDue = new long[1024];
    private long[] pausedSince = new long[1024];
    private double[] ownMinutes = new double[1024];
    private double[] resolveMinutes = new double[1024];
    private byte[] type = new byte[1024];
    private byte[] urgency = new byte[1024];
    private byte[] priority = new byte[1024];
    private byte[] status = new byte[1024];
    private byte[] source = new byte[1024];
    private int[] category = new int[1024];
    private int[] department = new int[1024];
    private int[] technician = new int[1024];
    private int[] ownTarget = new int[1024];
    private int[] termStart = new int[1024];
    private byte[] termCount = new byte[1024];
    private int[] termPool = new int[4096];
    private int termPoolLength;

    private readonly List<string?> departments = [null];
    private readonly Dictionary<string, int> departmentKeys = new(StringComparer.Ordinal);
    private readonly List<string?> technicians = [null];
    private readonly Dictionary<string, int> technicianKeys = new(StringComparer.Ordinal);
    private readonly List<string> terms = [];
    private readonly Dictionary<string, int> termKeys = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public int MaxId { get; private set; }

    public bool Holds(int id) => id > 0 && id < present.Length && present[id];

    public void Remove(int id)
    {
        if (Holds(id))
        {
            present[id] = false;
            Count--;
        }
    }

    /// <summary>Adds or replaces one ticket; <paramref name="titleCache"/> (during a full load) splits each distinct title once.</summary>
    public void Apply(in ReportingColumnStore.Row row, Dictionary<string, int[]>? titleCache)
    {
        var id = row.Id;
        if (id <= 0)
        {
            return;
        }

        Grow(id);
        if (!present[id])
        {
            present[id] = true;
            Count++;
        }

        MaxId = Math.Max(MaxId, id);
        created[id] = row.CreatedAt;
        solved[id] = row.SolvedAt ?? None;
        firstResponse[id] = row.FirstResponseAt ?? None;
        ownDue[id] = row.OwnDueAt;
        resolveDue[id] = row.ResolveDueAt;
        pausedSince[id] = row.PausedSince ?? None;
        ownMinutes[id] = row.OwnMinutes ?? double.NaN;
        resolveMinutes[id] = row.ResolveMinutes ?? double.NaN;
        type[id] = (byte)row.Type;
        urgency[id] = (byte)row.Urgency;
        priority[id] = (byte)row.Priority;
        status[id] = (byte)row.Status;
        source[id] = (byte)row.Source;
        category[id] = row.CategoryId ?? -1;
        department[id] = Key(row.Department, departments, departmentKeys);
        technician[id] = Key(row.Technician, technicians, technicianKeys);
        ownTarget[id] = row.OwnTargetMinutes;

        int[]? ids = null;
        if (titleCache is not null && titleCache.TryGetValue(row.Title, out var cached))
        {
            ids = cached;
        }
        else
        {
            var words = TitleTerms.Of(row.Title);
            ids = new int[Math.Min(words.Count, byte.MaxValue)];
            for (var i = 0; i < ids.Length; i++)
            {
                if (!termKeys.TryGetValue(words[i], out var term))
                {
                    term = terms.Count;
                    terms.Add(words[i]);
                    termKeys[words[i]] = term;
                }

                ids[i] = term;
            }

            titleCache?.TryAdd(row.Title, ids);
        }

        if (termPoolLength + ids.Length > termPool.Length)
        {
            Array.Resize(ref termPool, Math.Max(termPool.Length * 2, termPoolLength + ids.Length));
        }

        ids.CopyTo(termPool, termPoolLength);
        termStart[id] = termPoolLength;
        termCount[id] = (byte)ids.Length;
        termPoolLength += ids.Length;
    }

    public IReadOnlyList<KeyCount> CountBy(TicketSlice slice, ReportDimension dimension)
    {
        var filter = Filter.Of(slice, this);
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var counts = new Dictionary<int, int>();
        var small = new int[256];
        for (var id = 1; id <= MaxId; id++)
        {
            if (!present[id] || created[id] < start || created[id] >= end || !filter.Matches(this, id))
            {
                continue;
            }

            switch (dimension)
            {
                case ReportDimension.Type: small[type[id]]++; break;
                case ReportDimension.Urgency: small[urgency[id]]++; break;
                case ReportDimension.Priority: small[priority[id]]++; break;
                case ReportDimension.Status: small[status[id]]++; break;
                case ReportDimension.Source: small[source[id]]++; break;
                case ReportDimension.Category: counts[category[id]] = counts.GetValueOrDefault(category[id]) + 1; break;
                case ReportDimension.Department: counts[department[id]] = counts.GetValueOrDefault(department[id]) + 1; break;
                case ReportDimension.Technician: counts[technician[id]] = counts.GetValueOrDefault(technician[id]) + 1; break;
                default: throw new ArgumentOutOfRangeException(nameof(dimension));
            }
        }

        string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
        return dimension switch
        {
            ReportDimension.Category => counts.OrderBy(c => c.Key).Select(c => new KeyCount(c.Key < 0 ? null : Text(c.Key), null, c.Value)).ToList(),
            ReportDimension.Department => counts.Select(c => (Key: departments[c.Key], c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new KeyCount(c.Key, null, c.Value)).ToList(),
            ReportDimension.Technician => counts.Select(c => (Key: technicians[c.Key], c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new KeyCount(c.Key, null, c.Value)).ToList(),
            _ => Enumerable.Range(0, small.Length).Where(k => small[k] > 0).Select(k => new KeyCount(Text(k), null, small[k])).ToList(),
        };
    }

    public IReadOnlyList<DayCount> PerDay(TicketSlice slice, bool bySolved)
    {
        var filter = Filter.Of(slice, this);
        // Local day boundaries in the slice's zone (daylight saving time included), as the SQL store computes them.
        var starts = new List<long>();
        var days = new List<int>();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(slice.Start, slice.Zone).DateTime);
        for (var dayStart = slice.Start; dayStart < slice.End; day = day.AddDays(1))
        {
            var dayEnd = ReportPeriod.StartOfDay(day.AddDays(1), slice.Zone);
            dayEnd = dayEnd < slice.End ? dayEnd : slice.End;
            starts.Add(dayStart.UtcTicks);
            days.Add(day.DayNumber);
            dayStart = dayEnd;
        }

        var bounds = starts.ToArray();
        var perDay = new int[bounds.Length];
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var instants = bySolved ? solved : created;
        for (var id = 1; id <= MaxId; id++)
        {
            var at = instants[id];
            if (!present[id] || at == None || at < start || at >= end || !filter.Matches(this, id))
            {
                continue;
            }

            // The day by arithmetic from the period's start, then moved to the bounds (a day of 23 or 25 hours).
            var index = (int)Math.Min((at - start) / TimeSpan.TicksPerDay, bounds.Length - 1);
            while (bounds[index] > at)
            {
                index--;
            }

            while (index + 1 < bounds.Length && bounds[index + 1] <= at)
            {
                index++;
            }

            perDay[index]++;
        }

        return Enumerable.Range(0, perDay.Length).Where(i => perDay[i] > 0).Select(i => new DayCount(DateOnly.FromDayNumber(days[i]), perDay[i])).ToList();
    }

    public IReadOnlyDictionary<string, int> TitleTermCounts(TicketSlice slice)
    {
        var filter = Filter.Of(slice, this);
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var perTerm = new int[terms.Count];
        for (var id = 1; id <= MaxId; id++)
        {
            if (!present[id] || created[id] < start || created[id] >= end || !filter.Matches(this, id))
            {
                continue;
            }

            var from = termStart[id];
            for (var i = 0; i < termCount[id]; i++)
            {
                perTerm[termPool[from + i]]++;
            }
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var term = 0; term < perTerm.Length; term++)
        {
            if (perTerm[term] > 0)
            {
                counts[terms[term]] = perTerm[term];
            }
        }

        return counts;
    }

    public IReadOnlyList<ComplianceCount> Compliance(TicketSlice slice, DateTimeOffset now)
    {
        var filter = Filter.Of(slice, this);
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var at = now.UtcTicks;
        var missed = new int[256];
        var met = new int[256];
        var all = new int[256];
        for (var id = 1; id <= MaxId; id++)
        {
            if (!present[id] || created[id] < start || created[id] >= end || ownTarget[id] <= 0 || !filter.Matches(this, id))
            {
                continue;
            }

            // The verdict of ReportingAggregates.Compliance: owned (first response, else solution, else now) after the
            // own due time, or resolved (solution, else the pause start, else now) after the resolve due time.
            var owned = firstResponse[id] != None ? firstResponse[id] : solved[id] != None ? solved[id] : at;
            var resolved = solved[id] != None ? solved[id] : pausedSince[id] != None ? pausedSince[id] : at;
            var u = urgency[id];
            all[u]++;
            if (owned > ownDue[id] || resolved > resolveDue[id])
            {
                missed[u]++;
            }
            else if (solved[id] != None)
            {
                met[u]++;
            }
        }

        return Enumerable.Range(0, all.Length).Where(u => all[u] > 0)
            .Select(u => new ComplianceCount((Urgency)u, met[u], missed[u], all[u] - missed[u] - met[u])).ToList();
    }

    /// <summary>
    /// The stored business times of the slice by opening or solution, or null when one is missing (see the port).
    /// Counted first, then copied into arrays of the exact size (a year is a million tickets): a compact list whose
    /// items are made when read, so the answer is neither a growing list nor tied to columns that may change later.
    /// </summary>
    public DurationColumns? Durations(TicketSlice slice, TimeBasis basis, IReadOnlyDictionary<string, string> names)
    {
        var filter = Filter.Of(slice, this);
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var instants = basis == TimeBasis.Solved ? solved : created;
        bool InSlice(int id) => present[id] && instants[id] != None && instants[id] >= start && instants[id] < end && filter.Matches(this, id);

        var count = 0;
        for (var id = 1; id <= MaxId; id++)
        {
            if (!InSlice(id))
            {
                continue;
            }

            if ((firstResponse[id] != None && double.IsNaN(ownMinutes[id])) || (solved[id] != None && double.IsNaN(resolveMinutes[id])))
            {
                return null;
            }

            count++;
        }

        var list = new DurationColumns(count, [.. technicians], technicians.Select(t => t is null ? null : names.GetValueOrDefault(t)).ToArray());
        var at = 0;
        for (var id = 1; id <= MaxId && at < count; id++)
        {
            if (InSlice(id))
            {
                list.Set(at++, urgency[id], technician[id], firstResponse[id] != None ? ownMinutes[id] : double.NaN, solved[id] != None ? resolveMinutes[id] : double.NaN);
            }
        }

        return list;
    }

    private static int Key(string? value, List<string?> values, Dictionary<string, int> keys)
    {
        if (value is null)
        {
            return 0;
        }

        if (!keys.TryGetValue(value, out var key))
        {
            key = values.Count;
            values.Add(value);
            keys[value] = key;
        }

        return key;
    }

    private void Grow(int id)
    {
        if (id < present.Length)
        {
            return;
        }

        var size = present.Length;
        while (size <= id)
        {
            size *= 2;
        }

        Array.Resize(ref present, size);
        Array.Resize(ref created, size);
        Array.Resize(ref solved, size);
        Array.Resize(ref firstResponse, size);
        Array.Resize(ref ownDue, size);
        Array.Resize(ref resolveDue, size);
        Array.Resize(ref pausedSince, size);
        Array.Resize(ref ownMinutes, size);
        Array.Resize(ref resolveMinutes, size);
        Array.Resize(ref type, size);
        Array.Resize(ref urgency, size);
        Array.Resize(ref priority, size);
        Array.Resize(ref status, size);
        Array.Resize(ref source, size);
        Array.Resize(ref category, size);
        Array.Resize(ref department, size);
        Array.Resize(ref technician, size);
        Array.Resize(ref ownTarget, size);
        Array.Resize(ref termStart, size);
        Array.Resize(ref termCount, size);
    }

    /// <summary>SQLite's NOCASE: equal when equal after folding the ASCII letters A–Z only.</summary>
    internal static bool NoCaseEquals(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            char x = a[i], y = b[i];
            if (x != y && (x >= 128 || y >= 128 || char.ToLowerInvariant(x) != char.ToLowerInvariant(y)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The slice's filters as keys of the columns (the period is checked by each scan on its own instant).</summary>
    private readonly struct Filter
    {
        private readonly int type;
        private readonly int source;
        private readonly int technician;
        private readonly bool[]? departments;
        private readonly bool[]? categories;

        private Filter(int type, int source, int technician, bool[]? departments, bool[]? categories)
        {
            this.type = type;
            this.source = source;
            this.technician = technician;
            this.departments = departments;
            this.categories = categories;
        }

        public static Filter Of(TicketSlice slice, TicketColumns columns)
        {
            var technician = -1;
            if (slice.TechnicianId is { } id)
            {
                // No ticket matches a technician the columns have never seen (key -2).
                technician = columns.technicianKeys.TryGetValue(id.ToString().ToUpperInvariant(), out var key) ? key : -2;
            }

            bool[]? departments = null;
            if (slice.Department is { } department)
            {
                departments = new bool[columns.departments.Count];
                for (var k = 1; k < departments.Length; k++)
                {
                    departments[k] = NoCaseEquals(columns.departments[k]!, department);
                }
            }

            bool[]? categories = null;
            if (slice.CategoryIds is { } ids)
            {
                categories = new bool[ids.Count == 0 ? 1 : Math.Max(1, ids.Max() + 1)];
                foreach (var c in ids.Where(c => c >= 0))
                {
                    categories[c] = true;
                }
            }

            return new Filter(slice.Type is { } t ? (int)t : -1, slice.Source is { } s ? (int)s : -1, technician, departments, categories);
        }

        public bool Matches(TicketColumns c, int id)
        {
            if ((type >= 0 && c.type[id] != type) || (source >= 0 && c.source[id] != source) || (technician != -1 && c.technician[id] != technician))
            {
                return false;
            }

            if (departments is not null && !departments[c.department[id]])
            {
                return false;
            }

            if (categories is not null)
            {
                var k = c.category[id];
                return k >= 0 && k < categories.Length && categories[k];
            }

            return true;
        }
    }
}
