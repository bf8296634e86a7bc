using MesaServicios.Application.Inbox.Parsing;

namespace MesaServicios.Application.Tests.Inbox;

public sealed class ReplyTrimmerTests
{
    [Theory]
    [InlineData("reply-gmail-es.eml", "Gracias, ya quedó instalado y funciona.\nSolo falta la licencia.")]
    [InlineData("reply-outlook-es.eml", "Adjunto la carta de la jefatura.")]
    [InlineData("reply-outlook-en.eml", "It works now, thanks.")]
    [InlineData("reply-gmail-en.eml", "Still failing from home.\nSee the attached log.")]
    [InlineData("reply-html-gmail.eml", "Listo, gracias.")]
    [InlineData("reply-outlook-html-es.eml", "Ya envié la carta firmada.")]
    [InlineData("request-missing-fields.eml", "La impresora del segundo piso no funciona desde ayer.")]
    public void Trim_KeepsOnlyWhatThePersonWrote(string fixture, string expected)
    {
        Assert.Equal(expected, ReplyTrimmer.Trim(Fixture.Parse(fixture).TextBody));
    }

    [Fact]
    public void Trim_DropsQuotedLinesInTheMiddle()
    {
        var text = "Respondo abajo.\n> ¿Funciona?\nSí, funciona.\n";

        Assert.Equal("Respondo abajo.\nSí, funciona.", ReplyTrimmer.Trim(text));
    }

    [Fact]
    public void Trim_OutlookHeaderBlockWithoutSeparator_IsCut()
    {
        var text = "Ok, gracias.\n\nDe: Mesa de Servicios <soporte@iescinoc.edu.co>\nEnviado: lunes\nPara: Ana\nAsunto: x\n\nviejo";

        Assert.Equal("Ok, gracias.", ReplyTrimmer.Trim(text));
    }

    [Fact]
    public void Trim_ProseMentioningDe_IsKept()
    {
        var text = "De: nada, fue un gusto.\nHasta pronto.";

        Assert.Equal(text, ReplyTrimmer.Trim(text));
    }
}
