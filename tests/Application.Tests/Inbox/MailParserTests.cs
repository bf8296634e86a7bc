using MesaServicios.Application.Inbox.Parsing;

namespace MesaServicios.Application.Tests.Inbox;

public sealed class MailParserTests
{
    [Fact]
    public void Parse_QuotedPrintableUtf8_DecodesSubjectSenderAndBody()
    {
        var mail = Fixture.Parse("request-plain-labels.eml");

        Assert.Equal("req-plain-1@mail.iescinoc.edu.co", mail.MessageId);
        Assert.Equal(mail.MessageId, mail.Key);
        Assert.Equal("ana.gomez@iescinoc.edu.co", mail.FromAddress);
        Assert.Equal("Ana María Gómez", mail.FromName);
        Assert.Equal("Solicitud de instalación de software", mail.Subject);
        Assert.Contains("Teléfono: 300 123 4567", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Iso88591QuotedPrintable_DecodesAccents()
    {
        var mail = Fixture.Parse("request-iso-8859-1.eml");

        Assert.Equal("Solicitud de cámara", mail.Subject);
        Assert.Equal("José Núñez", mail.FromName);
        Assert.Contains("Dependencia: Rectoría", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Windows1252Base64_DecodesSmartQuotesAndDashes()
    {
        var mail = Fixture.Parse("request-windows-1252-base64.eml");

        Assert.Equal("Solicitud de acceso – SIIGO", mail.Subject);
        Assert.Contains("“SIIGO”", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Número de contacto: 3201112233", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HtmlOnly_ConvertsToReadableText()
    {
        var mail = Fixture.Parse("request-html-only.eml");

        Assert.DoesNotContain("<", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("color: red", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hola equipo,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Número de contacto: 315 222 3344", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("el jueves & el viernes.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Hora: 8:00", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Celda 1 Celda 2", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nombre: Laura Ruiz\nDependencia: Bienestar Universitario", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MultipartAlternative_PrefersThePlainText()
    {
        var mail = Fixture.Parse("request-alternative.eml");

        Assert.Contains("Teléfono: 3152223344", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("HTML", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public void Parse_Attachments_AreDecodedWithTheirNames()
    {
        var mail = Fixture.Parse("request-attachments.eml");

        Assert.Equal(2, mail.Attachments.Count);
        var pdf = mail.Attachments[0];
        Assert.Equal("factura.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(pdf.Content, 0, 8), StringComparison.Ordinal);
        Assert.Equal(18 + 1024, pdf.Content.Length);
        Assert.Equal("error pantallañ.png", mail.Attachments[1].FileName);
        Assert.Equal(108, mail.Attachments[1].Content.Length);
        Assert.StartsWith("Nombre: Carlos Mora", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutMessageId_KeysOnTheSha256OfTheRawMessage()
    {
        var raw = Fixture.Raw("no-message-id.eml");

        var first = MailParser.Parse(raw);
        var second = MailParser.Parse(raw);

        Assert.Null(first.MessageId);
        Assert.StartsWith("sha256:", first.Key, StringComparison.Ordinal);
        Assert.Equal(7 + 64, first.Key.Length);
        Assert.Equal(first.Key, second.Key);
    }

    [Fact]
    public void Parse_DeliveryStatusReport_ListsTheFailedRecipients()
    {
        var mail = Fixture.Parse("bounce-dsn.eml");

        Assert.True(mail.IsDeliveryReport);
        var bounced = Assert.Single(mail.BouncedRecipients);
        Assert.Equal("noexiste@iescinoc.edu.co", bounced.Email);
        Assert.Contains("5.1.1", bounced.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeliveryStatusReport_WithoutABlankLineBeforeTheFirstRecipient_ListsEveryRecipient()
    {
        var mail = Fixture.Parse("bounce-dsn-no-blank-line.eml");

        Assert.True(mail.IsDeliveryReport);
        Assert.Equal(["primero@iescinoc.edu.co", "segundo@iescinoc.edu.co"], mail.BouncedRecipients.Select(b => b.Email).ToArray());
    }

    [Fact]
    public void Parse_MultipartWhoseBoundaryNeverMatches_KeepsTheTextThePersonWrote()
    {
        var mail = Fixture.Parse("multipart-broken-boundary.eml");

        Assert.Contains("El equipo de la oficina 204 no enciende.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nombre: Ana Perez", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Reply_ReadsInReplyToThenReferencesNewestFirst()
    {
        var mail = Fixture.Parse("reply-gmail-es.eml");

        Assert.Equal(["0193aaaa@mesa.iescinoc.edu.co", "0193first@mesa.iescinoc.edu.co"], mail.ThreadIds);
        Assert.False(mail.IsDeliveryReport);
    }
}
