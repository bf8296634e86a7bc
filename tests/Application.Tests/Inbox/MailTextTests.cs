using MesaServicios.Application.Inbox.Parsing;

namespace MesaServicios.Application.Tests.Inbox;

public sealed class MailTextTests
{
    private static readonly string[] Keywords = ["solicitud"];

    [Theory]
    [InlineData("Solicitud de instalación")]
    [InlineData("SOLICITUD creación de correo")]
    [InlineData("Re: nueva solicitud")]
    [InlineData("Solicítud con tilde")]
    [InlineData("[Urgente]solicitud: cámara")]
    public void ContainsKeyword_WholeWordAnyCaseAnyAccent(string subject)
    {
        Assert.True(MailText.ContainsKeyword(subject, Keywords));
    }

    [Theory]
    [InlineData("Solicitudes varias")]
    [InlineData("presolicitud")]
    [InlineData("Consulta de horario")]
    [InlineData("")]
    public void ContainsKeyword_NotAWord_IsFalse(string subject)
    {
        Assert.False(MailText.ContainsKeyword(subject, Keywords));
    }

    [Fact]
    public void ContainsKeyword_ConfiguredList_IsUsed()
    {
        Assert.True(MailText.ContainsKeyword("Requerimiento de equipo", ["solicitud", "Requerimiento"]));
    }

    [Theory]
    [InlineData("RE: RV: Fwd: Solicitud de cámara", "Solicitud de cámara")]
    [InlineData("Re: [Mesa #12] Solicitud   de software", "Solicitud de software")]
    [InlineData("FW: RE: solicitud", "solicitud")]
    [InlineData("Reunión de solicitud", "Reunión de solicitud")]
    public void CleanSubject_RemovesPrefixesAndTag(string subject, string title)
    {
        Assert.Equal(title, MailText.CleanSubject(subject));
    }

    [Theory]
    [InlineData("Re: [Mesa #12] Solicitud", 12)]
    [InlineData("[mesa#7] hola", 7)]
    [InlineData("Mesa 12", null)]
    public void TicketTag_ReadsTheNumber(string subject, int? ticket)
    {
        Assert.Equal(ticket, MailText.TicketTag(subject));
    }

    [Fact]
    public void HtmlText_BreaksEntitiesAndQuotes()
    {
        var text = HtmlText.Convert("<p>Uno<br>Dos &lt;tres&gt;</p><blockquote><p>citado</p></blockquote><div>fin</div>");

        Assert.Equal("Uno\nDos <tres>\n> citado\nfin", text);
    }
}
