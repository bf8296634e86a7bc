using MesaServicios.Domain.Notifications;

namespace MesaServicios.Domain.Tests.Notifications;

public sealed class OutboxBodyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    private const string Name = "\u0001name\u0001";

    [Fact]
    public void SharedBody_GivesEachRecipientTheMailRenderedForHim_NameEncodedInTheHtml()
    {
        var body = OutboxBody.Shared(
            $"Hola, {Name}:\n\nSe abrió el ticket #7.",
            $"<html><title>[Mesa #7] Falla &amp; caída</title><p>Hola, {Name}:</p><p>Se abrió el ticket #7.</p></html>",
            Name,
            Now)!;

        Assert.DoesNotContain(Name, body.TextBody, StringComparison.Ordinal);
        Assert.Equal("Hola, Ana <O'Neil> & Cía:\n\nSe abrió el ticket #7.", body.TextFor("Ana <O'Neil> & Cía"));
        Assert.Equal(
            "<html><title>[Mesa #7] Falla &amp; caída</title><p>Hola, Ana &lt;O&#39;Neil&gt; &amp; Cía:</p><p>Se abrió el ticket #7.</p></html>",
            body.HtmlFor("Ana <O'Neil> & Cía"));
        Assert.Equal("Hola, :\n\nSe abrió el ticket #7.", body.TextFor(null));
    }

    [Theory]
    [InlineData("Hola:", "<p>Hola, \u0001name\u0001</p>")]
    [InlineData("Hola, \u0001name\u0001 y \u0001name\u0001", "<p>Hola, \u0001name\u0001</p>")]
    [InlineData("Hola, \u0001name\u0001", "<p>Hola</p>")]
    public void SharedBody_IsRefused_WhenTheNameIsNotExactlyOnceInEachPart(string text, string html) =>
        Assert.Null(OutboxBody.Shared(text, html, Name, Now));

    [Fact]
    public void PersonalBody_IsDeliveredAsItWasRendered_WhateverTheRowsName()
    {
        var body = OutboxBody.Personal("Hola, Ana:", "<p>Hola, Ana:</p>", Now);
        var row = OutboxEmail.Create("ticket.solved", null, "ana@iescinoc.edu.co", "Otra", "Asunto", body, "m1@mesa", Now);

        Assert.Equal("Hola, Ana:", row.TextBody);
        Assert.Equal("<p>Hola, Ana:</p>", row.HtmlBody);
        Assert.Equal(body.Id, row.BodyId);
    }
}
