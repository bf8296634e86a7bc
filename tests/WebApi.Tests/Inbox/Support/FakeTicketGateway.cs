using MesaServicios.Application.Inbox;
using MesaServicios.Application.Tickets.Contracts;

namespace MesaServicios.WebApi.Tests.Inbox.Support;

/// <summary>
/// Test double of the Inbox → Tickets seam, used until the Tickets module's contract handlers are merged. Keeps
/// tickets and follow-ups in memory and records every call. Subjects containing <see cref="FailMarker"/> make
/// creation throw, to exercise retries.
/// </summary>
public sealed class FakeTicketGateway : IInboxTicketGateway
{
    public const string FailMarker = "FALLA-SIEMPRE";
    private readonly object _gate = new();
    private readonly Dictionary<int, TicketSummaryContract> _tickets = new();
    private int _next;

    public List<CreateTicketFromEmailCommand> Created { get; } = [];

    public List<AddEmailFollowUpCommand> FollowUps { get; } = [];

    private int _createCalls;

    public int CreateCalls => Volatile.Read(ref _createCalls);

    /// <summary>Puts a ticket in place (e.g. a Closed or Solved one) and returns its number.</summary>
    public int Seed(Guid requesterId, string status, IReadOnlyList<Guid>? observers = null)
    {
        lock (_gate)
        {
            var id = ++_next;
            _tickets[id] = new TicketSummaryContract(id, $"Ticket {id}", "…", status, "Request", "Medium", 3, requesterId, null, observers ?? [], DateTimeOffset.UnixEpoch);
            return id;
        }
    }

    public ValueTask<TicketSummaryContract?> GetTicketAsync(int ticketId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_tickets.GetValueOrDefault(ticketId));
        }
    }

    public ValueTask<EmailTicketResult> CreateTicketAsync(CreateTicketFromEmailCommand command, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _createCalls);
        if (command.Title.Contains(FailMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Simulated failure of the Tickets module.");
        }

        lock (_gate)
        {
            var id = ++_next;
            _tickets[id] = new TicketSummaryContract(id, command.Title, command.Description, "New", command.Type, "Medium", 3, command.RequesterId, null, [], DateTimeOffset.UnixEpoch);
            Created.Add(command);
            return ValueTask.FromResult(new EmailTicketResult(id, command.Attachments.Select(a => new AttachmentOutcome(a.FileName, true, null)).ToList()));
        }
    }

    public ValueTask<EmailTicketResult> AddFollowUpAsync(AddEmailFollowUpCommand command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FollowUps.Add(command);
            return ValueTask.FromResult(new EmailTicketResult(command.TicketId, []));
        }
    }
}
