using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Notifications.Matrix;

namespace MesaServicios.Application.Tests.Notifications;

public sealed class EmailTemplatesTests
{
    [Fact]
    public void PasswordReset_IsSpanishByDefault_WithTextAndHtml_AndASecurityKind()
    {
        var mail = AccountEmails.PasswordReset(Guid.NewGuid(), "ana@iescinoc.edu.co", "Ana <Pérez>", null, "https://portal.test/reset?t=a&b", 60);

        Assert.Equal("Restablece tu contraseña de la Mesa de Servicios", mail.Subject);
        Assert.StartsWith("Hola, Ana <Pérez>:", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("60 minutos", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.test/reset?t=a&b", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hola, Ana &lt;Pérez&gt;:", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.test/reset?t=a&amp;b\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.AutoSubmitted);
        Assert.False(NotificationMatrix.CanTurnOffEmail(mail.Kind));
    }

    [Fact]
    public void Invitation_SpeaksEnglishToEnglishReaders()
    {
        var mail = AccountEmails.Invitation(Guid.NewGuid(), "tom@iescinoc.edu.co", "Tom", "en", "https://portal.test/welcome", 7);

        Assert.Equal("Your ICT Service Desk account", mail.Subject);
        Assert.StartsWith("Hello Tom,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("for 7 days", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.False(NotificationMatrix.CanTurnOffEmail(mail.Kind));
    }

    [Fact]
    public void TicketSubject_CarriesTheTagTheMailIngestionRecognises()
    {
        Assert.Equal("[Mesa #123] Ticket resuelto", EmailLayout.TicketSubject(123, "Ticket resuelto"));
    }

    [Fact]
    public void Matrix_EveryTicketKindCanBeTurnedOff_OnlySecurityKindsAreLocked()
    {
        var locked = NotificationMatrix.Rules.Where(r => !NotificationMatrix.CanTurnOffEmail(r.Kind)).Select(r => r.Kind).Order().ToArray();

        Assert.Equal([NotificationMatrix.AccountInvitation, NotificationMatrix.PasswordReset], locked);
        Assert.Equal(NotificationMatrix.Rules.Count, NotificationMatrix.Rules.Select(r => r.Kind).Distinct().Count());
    }
}
