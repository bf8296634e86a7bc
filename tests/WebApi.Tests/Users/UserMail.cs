using System.Text.RegularExpressions;
using Mediator;
using MesaServicios.Application.Users.ForgotPassword;
using MesaServicios.Domain.Notifications;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Users;

/// <summary>Reads the account e-mails the Users module queued in the outbox.</summary>
internal static partial class UserMail
{
    public static Task<List<OutboxEmail>> QueuedToAsync(this MesaApiFactory factory, string email, string? kind = null) =>
        factory.WithDbAsync(db => db.OutboxEmails.AsNoTracking()
            .Where(e => e.To == email && (kind == null || e.Kind == kind))
            .OrderBy(e => e.CreatedAt)
            .ToListAsync());

    /// <summary>Turns the pending "forgot my password" requests into reset mails, as the background job would after the answer.</summary>
    public static Task<int> IssuePasswordResetsAsync(this MesaApiFactory factory) =>
        factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new IssuePasswordResetsRequest()));

    /// <summary>The token of the last reset/invitation link sent to the address.</summary>
    public static async Task<string> LastTokenToAsync(this MesaApiFactory factory, string email)
    {
        var mails = await factory.QueuedToAsync(email);
        Assert.NotEmpty(mails);
        return TokenIn(mails[^1].TextBody);
    }

    public static string TokenIn(string body)
    {
        var match = Link().Match(body);
        Assert.True(match.Success, "the mail carries a reset link: " + body);
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    [GeneratedRegex(@"https://portal\.test/restablecer-contrasena\?email=(?<email>[^&\s]+)&token=(?<token>[^\s""<&]+)")]
    public static partial Regex Link();
}
