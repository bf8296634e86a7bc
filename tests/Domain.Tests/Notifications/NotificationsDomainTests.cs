using MesaServicios.Domain.Notifications;

namespace MesaServicios.Domain.Tests.Notifications;

public sealed class NotificationsDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ActionLink_IsReadyUntilItExpires_AndOnceUsedStaysUsed()
    {
        var link = ActionLink.Create(Guid.NewGuid(), ActionLinkKind.ApproveSolution, 12, Guid.NewGuid(), "es", Now, TimeSpan.FromDays(14));

        Assert.False(link.IsExpired(Now.AddDays(14).AddTicks(-1)));
        Assert.True(link.IsExpired(Now.AddDays(14)));
        Assert.False(link.IsUsed);

        link.MarkUsed(Now.AddHours(1));
        link.MarkUsed(Now.AddHours(2));

        Assert.Equal(Now.AddHours(1), link.UsedAt);
        Assert.Equal(2, link.Version);
    }

    [Fact]
    public void Notification_MarkRead_KeepsTheFirstReadTime()
    {
        var notification = Notification.Create(Guid.NewGuid(), "ticket.solved", 7, "Ticket #7 resuelto", "Texto", "/tickets/7", Now);

        notification.MarkRead(Now.AddMinutes(5));
        notification.MarkRead(Now.AddMinutes(9));

        Assert.Equal(Now.AddMinutes(5), notification.ReadAt);
    }

    [Fact]
    public void OutboxEmail_TransientFailures_BackOffExponentially_ThenDeadLetter()
    {
        var email = OutboxEmail.Create("ticket.solved", null, "ana@iescinoc.edu.co", "Ana", "[Mesa #1] x", "t", null, "id@mesa", Now);
        var baseDelay = TimeSpan.FromSeconds(30);

        email.MarkFailed("down", permanent: false, maxAttempts: 3, baseDelay, Now);
        Assert.Equal(Now.AddSeconds(30), email.NextAttemptAt);
        email.MarkFailed("down", permanent: false, maxAttempts: 3, baseDelay, Now);
        Assert.Equal(Now.AddSeconds(60), email.NextAttemptAt);
        Assert.Equal(OutboxEmailStatus.Pending, email.Status);
        email.MarkFailed("down", permanent: false, maxAttempts: 3, baseDelay, Now);

        Assert.Equal(OutboxEmailStatus.DeadLettered, email.Status);
        email.Requeue(Now.AddHours(1));
        Assert.Equal((OutboxEmailStatus.Pending, 0, Now.AddHours(1)), (email.Status, email.Attempts, email.NextAttemptAt));
    }

    [Fact]
    public void OutboxEmail_PermanentFailure_DeadLettersAtOnce()
    {
        var email = OutboxEmail.Create("ticket.solved", null, "ana@iescinoc.edu.co", "Ana", "[Mesa #1] x", "t", null, "id2@mesa", Now);

        email.MarkFailed("SMTP 550", permanent: true, maxAttempts: 8, TimeSpan.FromSeconds(30), Now);

        Assert.Equal(OutboxEmailStatus.DeadLettered, email.Status);
        Assert.Equal(1, email.Attempts);
    }

    [Fact]
    public void MailToAGroup_KeepsEveryRecipient_AndLeavingOutTheUnreachableKeepsTheOthers()
    {
        var ana = new Addressee(Guid.NewGuid(), "ana@iescinoc.edu.co", "Ana\tde la Mesa");
        var tomas = new Addressee(Guid.NewGuid(), "tomas@iescinoc.edu.co", "Tomás");
        var mail = OutboxEmail.CreateForGroup("ticket.created", [ana, tomas], "[Mesa #1] Nuevo", OutboxBody.Personal("Hola, equipo de la mesa:", null, Now), "m1@mesa", Now, ticketId: 1);

        Assert.Null(mail.RecipientUserId);
        Assert.Equal(ana.Address, mail.To);
        Assert.Equal([ana with { Name = "Ana de la Mesa" }, tomas], mail.Addressees());

        Assert.True(mail.LeaveOut(new HashSet<string>(["TOMAS@iescinoc.edu.co"], StringComparer.OrdinalIgnoreCase)));
        Assert.Equal([ana.Address], mail.Addressees().Select(a => a.Address));
        Assert.False(mail.LeaveOut(new HashSet<string>([ana.Address], StringComparer.OrdinalIgnoreCase)));
    }

    [Fact]
    public void MailToOnePerson_IsItsOwnOnlyAddressee()
    {
        var id = Guid.NewGuid();
        var mail = OutboxEmail.Create("ticket.created", id, "ana@iescinoc.edu.co", "Ana", "Asunto", "Texto", null, "m2@mesa", Now);

        Assert.Equal([new Addressee(id, "ana@iescinoc.edu.co", "Ana")], mail.Addressees());
        Assert.False(mail.LeaveOut(new HashSet<string>(["ana@iescinoc.edu.co"])));
        Assert.True(mail.LeaveOut(new HashSet<string>(["otra@iescinoc.edu.co"])));
    }
}
