using MesaServicios.Domain.Common;
using MesaServicios.Domain.Inbox;

namespace MesaServicios.Domain.Tests.Inbox;

public sealed class InboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    private static InboxMessage Recorded() =>
        InboxMessage.Record("drop", "m1@mail.test", "m1@mail.test", " Ana@IESCINOC.edu.co ", "Ana", "Solicitud", [1, 2, 3], Now);

    [Fact]
    public void Record_StartsPendingWithTheSenderNormalized()
    {
        var message = Recorded();

        Assert.Equal(InboxMessageStatus.Pending, message.Status);
        Assert.False(message.IsFinal);
        Assert.Equal("ana@iescinoc.edu.co", message.FromAddress);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public void Apply_Twice_IsRefused()
    {
        var message = Recorded();
        message.CreatedTicket(7, Now);

        var error = Assert.Throws<DomainException>(() => message.AddedFollowUp(7, Now));

        Assert.Equal("inbox.already_processed", error.Code);
        Assert.Equal(7, message.TicketId);
    }

    [Fact]
    public void AttemptFailed_StaysPendingUntilTheLastAttempt_ThenFails()
    {
        var message = Recorded();

        message.AttemptFailed("boom 1", 3, Now);
        message.AttemptFailed("boom 2", 3, Now);
        Assert.Equal(InboxMessageStatus.Pending, message.Status);
        message.AttemptFailed("boom 3", 3, Now);

        Assert.Equal(InboxMessageStatus.Failed, message.Status);
        Assert.Equal(3, message.Attempts);
        Assert.Equal("boom 3", message.LastError);
    }

    [Fact]
    public void ConvertOrDiscard_OnlyFromTriage()
    {
        var technician = Guid.NewGuid();
        var ignored = Recorded();
        ignored.Ignore("inbox.reason.bulk", Now);
        var held = Recorded();
        held.Hold("inbox.reason.no_keyword", Now);

        Assert.Equal("inbox.not_in_triage", Assert.Throws<DomainException>(() => ignored.ConvertToTicket(1, technician, Now)).Code);
        held.Discard("  Spam  ", technician, Now);

        Assert.Equal(InboxMessageStatus.Discarded, held.Status);
        Assert.Equal("Spam", held.Reason);
        Assert.Equal(technician, held.ResolvedBy);
        Assert.Equal("inbox.not_in_triage", Assert.Throws<DomainException>(() => held.Discard("otra vez", technician, Now)).Code);
    }

    [Fact]
    public void Discard_WithoutReason_IsRefused()
    {
        var held = Recorded();
        held.Hold("inbox.reason.no_keyword", Now);

        Assert.Equal("inbox.discard_reason_required", Assert.Throws<DomainException>(() => held.Discard(" ", Guid.NewGuid(), Now)).Code);
        Assert.Equal(InboxMessageStatus.Triage, held.Status);
    }

    [Fact]
    public void UndeliverableAddress_CountsReports()
    {
        var address = UndeliverableAddress.Create("NoExiste@iescinoc.edu.co", "550 5.1.1", Now);
        address.ReportedAgain(null, Now.AddDays(1));

        Assert.Equal("noexiste@iescinoc.edu.co", address.Email);
        Assert.Equal(2, address.Reports);
        Assert.Equal("550 5.1.1", address.Diagnostic);
        Assert.Equal(Now.AddDays(1), address.LastReportedAt);
    }
}
