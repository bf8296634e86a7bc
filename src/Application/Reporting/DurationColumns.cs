using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting;

/// <summary>
/// The stored business times of a slice as parallel columns (a year holds a million tickets): each ticket's urgency,
/// technician key and minutes to own and to resolve (NaN when none). A technician key indexes
/// <see cref="TechnicianIds"/> and <see cref="TechnicianNames"/>; each key names a different technician (or none).
/// Reports group by urgency and technician with array lookups, no dictionary per ticket; it is still a list of
/// <see cref="TicketDuration"/> (each item made when read) for code that wants one value per ticket.
/// </summary>
public sealed class DurationColumns : IReadOnlyList<TicketDuration>
{
    private readonly byte[] urgencies;
    private readonly int[] technicianKeys;
    private readonly double[] own;
    private readonly double[] resolve;
    private readonly string?[] technicianIds;
    private readonly string?[] technicianNames;

    /// <param name="count">How many tickets (filled with <see cref="Set"/>).</param>
    /// <param name="technicianIds">The technician of each key (null: none); no two keys may name the same technician.</param>
    /// <param name="technicianNames">The name of each key's technician (null when unknown).</param>
    public DurationColumns(int count, string?[] technicianIds, string?[] technicianNames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(technicianIds);
        ArgumentNullException.ThrowIfNull(technicianNames);
        if (technicianIds.Length != technicianNames.Length)
        {
            throw new ArgumentException("Every technician key needs its name (or null).", nameof(technicianNames));
        }

        Count = count;
        urgencies = new byte[count];
        technicianKeys = new int[count];
        own = new double[count];
        resolve = new double[count];
        this.technicianIds = technicianIds;
        this.technicianNames = technicianNames;
    }

    public int Count { get; }

    public ReadOnlySpan<byte> Urgencies => urgencies;

    public ReadOnlySpan<int> TechnicianKeys => technicianKeys;

    /// <summary>Business minutes to own (NaN: not owned).</summary>
    public ReadOnlySpan<double> Own => own;

    /// <summary>Business minutes to resolve (NaN: not solved).</summary>
    public ReadOnlySpan<double> Resolve => resolve;

    public IReadOnlyList<string?> TechnicianIds => technicianIds;

    public IReadOnlyList<string?> TechnicianNames => technicianNames;

    public TicketDuration this[int index] => new(
        (Urgency)urgencies[index],
        technicianIds[technicianKeys[index]],
        technicianNames[technicianKeys[index]],
        double.IsNaN(own[index]) ? null : own[index],
        double.IsNaN(resolve[index]) ? null : resolve[index]);

    public void Set(int index, Urgency urgency, int technicianKey, double? ownMinutes, double? resolveMinutes) =>
        Set(index, (byte)urgency, technicianKey, ownMinutes ?? double.NaN, resolveMinutes ?? double.NaN);

    /// <summary>One ticket's values (NaN minutes: none).</summary>
    public void Set(int index, byte urgency, int technicianKey, double ownMinutes, double resolveMinutes)
    {
        urgencies[index] = urgency;
        technicianKeys[index] = technicianKey;
        own[index] = ownMinutes;
        resolve[index] = resolveMinutes;
    }

    /// <summary>Columns from one value per ticket (technicians keyed by id; the first name seen names the key).</summary>
    public static DurationColumns From(IReadOnlyList<TicketDuration> durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string?> { null };
        var names = new List<string?> { null };
        var keyOf = new int[durations.Count];
        for (var i = 0; i < durations.Count; i++)
        {
            if (durations[i].TechnicianId is not { } id)
            {
                continue;
            }

            if (!keys.TryGetValue(id, out var key))
            {
                keys[id] = key = ids.Count;
                ids.Add(id);
                names.Add(durations[i].TechnicianName);
            }

            keyOf[i] = key;
        }

        var columns = new DurationColumns(durations.Count, [.. ids], [.. names]);
        for (var i = 0; i < durations.Count; i++)
        {
            var d = durations[i];
            columns.Set(i, d.Urgency, keyOf[i], d.OwnMinutes, d.ResolveMinutes);
        }

        return columns;
    }

    public IEnumerator<TicketDuration> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
