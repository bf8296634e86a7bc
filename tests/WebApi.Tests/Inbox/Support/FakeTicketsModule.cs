using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.WebApi.Tests.Inbox.Support;

/// <summary>
/// Test double of the Tickets module's door (<see cref="ITicketsModule"/>) for the Inbox's tests: keeps tickets and
/// follow-ups in memory and records every call. Subjects containing <see cref="FailMarker"/> make creation throw,
/// to exercise retries. The real door is exercised end to end in <c>InboxToTicketsEndToEndTests</c>.
/// </summary>
public sealed class FakeTicketsModule : ITicketsModule
{
    public const string FailMarker = "FALLA-SIEMPRE";
    private readonly object _gate = new();
    private readonly Dictionary<int, TicketSummaryContract> _tickets = new();
    private int _next;

    public List<OpenTicketFromEmailCommand> Created { get; } = [];

    public List<AddFollowUpFromEmailCommand> FollowUps { get; } = [];

    private int _createCalls;

    public int CreateCalls => Volatile.Read(ref _createCalls);

    /// <summary>Puts a ticket in place (e.g. a Closed or Solved one) and returns its number.</summary>
    public int Seed(Guid requesterId, TicketStatus status, IReadOnlyList<Guid>? observers = null)
    {
        lock (_gate)
        {
            var id = ++_next;
            _tickets[id] = new TicketSummaryContract(id, $"Ticket {id}", "…", status, TicketType.Request, Urgency.Medium, 3, requesterId, null, observers ?? [], DateTimeOffset.UnixEpoch);
            return id;
        }
    }

    public ValueTask<TicketSummaryContract?> GetSummaryAsync(int ticketId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_tickets.GetValueOrDefault(ticketId));
        }
    }

    public ValueTask<EmailTicketResult> OpenFromEmailAsync(OpenTicketFromEmailCommand command, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _createCalls);
        if (command.Title.Contains(FailMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Simulated failure of the Tickets module.");
        }

        lock (_gate)
        {
            var id = ++_next;
            _tickets[id] = new TicketSummaryContract(id, command.Title, command.Description, TicketStatus.New, command.Type, Urgency.Medium, 3, command.RequesterId, null, [], DateTimeOffset.UnixEpoch);
            Created.Add(command);
            return ValueTask.FromResult(new EmailTicketResult(id, command.Attachments.Select(a => new AttachmentOutcome(a.FileName, true, null)).ToList()));
        }
    }

    public ValueTask<EmailTicketResult> AddFollowUpFromEmailAsync(AddFollowUpFromEmailCommand command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            FollowUps.Add(command);
            return ValueTask.FromResult(new EmailTicketResult(command.TicketId, []));
        }
    }

    public ValueTask DecideSolutionFromLinkAsync(DecideSolutionFromLinkCommand command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Inbox never decides solutions.");

    public ValueTask<int> OpenAboutEquipmentAsync(OpenEquipmentTicketCommand command, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The Inbox never opens tickets about equipment.");
}
