namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// Dated rows that belong to a ticket (its proposed solutions, its reopenings), held in memory as columns with a chain
/// per ticket so that a ticket's rows are replaced together when the ticket is read again. <c>Who</c> and <c>Kind</c>
/// mean what the owner says (for a solution the author's key and the outcome; for a reopening the row's sequence and
/// the status it left). A replaced row is only marked dead; the arrays are compacted when half of them are dead.
/// </summary>
internal sealed class TicketEvents
{
    private int[] head = new int[1024];
    private int[] ticket = new int[1024];
    private long[] at = new long[1024];
    private int[] who = new int[1024];
    private byte[] kind = new byte[1024];
    private int[] next = new int[1024];
    private int dead;

    /// <summary>How many rows the arrays hold, dead ones included (scan 0..Length-1 and skip <see cref="Ticket"/> 0).</summary>
    public int Length { get; private set; }

    /// <summary>How many rows are alive.</summary>
    public int Count => Length - dead;

    /// <summary>The ticket of row <paramref name="row"/>, 0 when the row was replaced.</summary>
    public int Ticket(int row) => ticket[row];

    public long At(int row) => at[row];

    public int Who(int row) => who[row];

    public byte Kind(int row) => kind[row];

    public void Add(int ticketId, long instant, int whoValue, byte kindValue)
    {
        if (ticketId <= 0)
        {
            return;
        }

        if (ticketId >= head.Length)
        {
            var size = head.Length;
            while (size <= ticketId)
            {
                size *= 2;
            }

            Array.Resize(ref head, size);
        }

        if (Length == ticket.Length)
        {
            var size = ticket.Length * 2;
            Array.Resize(ref ticket, size);
            Array.Resize(ref at, size);
            Array.Resize(ref who, size);
            Array.Resize(ref kind, size);
            Array.Resize(ref next, size);
        }

        var row = Length++;
        ticket[row] = ticketId;
        at[row] = instant;
        who[row] = whoValue;
        kind[row] = kindValue;
        next[row] = head[ticketId];
        head[ticketId] = row + 1;
    }

    /// <summary>Forgets every row of the ticket (it is about to be read again, or it is gone).</summary>
    public void RemoveTicket(int ticketId)
    {
        if (ticketId <= 0 || ticketId >= head.Length)
        {
            return;
        }

        for (var row = head[ticketId] - 1; row >= 0; row = next[row] - 1)
        {
            ticket[row] = 0;
            dead++;
        }

        head[ticketId] = 0;
    }

    /// <summary>Drops the dead rows when they are half of the arrays (after many tickets were read again).</summary>
    public void CompactIfSparse()
    {
        if (dead < 4096 || dead * 2 < Length)
        {
            return;
        }

        var live = 0;
        Array.Clear(head);
        for (var row = 0; row < Length; row++)
        {
            var id = ticket[row];
            if (id == 0)
            {
                continue;
            }

            ticket[live] = id;
            at[live] = at[row];
            who[live] = who[row];
            kind[live] = kind[row];
            next[live] = head[id];
            head[id] = live + 1;
            live++;
        }

        Length = live;
        dead = 0;
    }
}
