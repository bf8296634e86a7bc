using MesaServicios.Application.Inbox;

namespace MesaServicios.Application.Tests.Inbox;

public sealed class MailClassifierTests
{
    private static readonly string[] Own = ["soporte@iescinoc.edu.co"];

    [Theory]
    [InlineData("autoreply-auto-submitted.eml", MailClassifier.AutoSubmitted)]
    [InlineData("autoreply-x-autoreply.eml", MailClassifier.AutoReply)]
    [InlineData("autoreply-suppress.eml", MailClassifier.AutoReply)]
    [InlineData("bounce-dsn.eml", MailClassifier.Bounce)]
    [InlineData("list-mail.eml", MailClassifier.Bulk)]
    [InlineData("bulk-mail.eml", MailClassifier.Bulk)]
    [InlineData("own-loop.eml", MailClassifier.OwnMail)]
    public void NoiseReason_ForAutomaticMail_IsNamed(string fixture, string reason)
    {
        Assert.Equal(reason, MailClassifier.NoiseReason(Fixture.Parse(fixture), Own));
    }

    [Theory]
    [InlineData("request-plain-labels.eml")]
    [InlineData("request-labels-loose.eml")]
    [InlineData("request-html-only.eml")]
    [InlineData("request-iso-8859-1.eml")]
    [InlineData("request-windows-1252-base64.eml")]
    [InlineData("request-attachments.eml")]
    [InlineData("request-missing-fields.eml")]
    [InlineData("reply-gmail-es.eml")]
    [InlineData("reply-outlook-es.eml")]
    [InlineData("reply-outlook-en.eml")]
    [InlineData("reply-gmail-en.eml")]
    [InlineData("no-keyword.eml")]
    [InlineData("no-message-id.eml")]
    [InlineData("reply-outlook-html-es.eml")]
    [InlineData("request-alternative.eml")]
    public void NoiseReason_ForMailWrittenByAPerson_IsNull(string fixture)
    {
        Assert.Null(MailClassifier.NoiseReason(Fixture.Parse(fixture), Own));
    }

    [Fact]
    public void NoiseReason_MailFromOurOwnAddress_IsOwnMail()
    {
        var mail = Fixture.Parse("request-plain-labels.eml") with { FromAddress = "SOPORTE@iescinoc.edu.co" };

        Assert.Equal(MailClassifier.OwnMail, MailClassifier.NoiseReason(mail, Own));
    }

    [Fact]
    public void NoiseReason_AutoSubmittedNo_IsAPerson()
    {
        var mail = Fixture.Parse("request-plain-labels.eml");
        mail = mail with { Headers = [.. mail.Headers, new KeyValuePair<string, string>("Auto-Submitted", "no")] };

        Assert.Null(MailClassifier.NoiseReason(mail, Own));
    }

    [Fact]
    public void NoiseReason_ListIdWithoutPrecedence_IsMailingList()
    {
        var mail = Fixture.Parse("request-plain-labels.eml");
        mail = mail with { Headers = [.. mail.Headers, new KeyValuePair<string, string>("List-Id", "<x.lists.example>")] };

        Assert.Equal(MailClassifier.MailingList, MailClassifier.NoiseReason(mail, Own));
    }
}
