using System.Text.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Integration;

/// <summary>
/// Swagger UI as a technician uses it, in a real headless Chromium driven over the DevTools protocol (the shared
/// <see cref="HeadlessChromium"/>): sign in through the Authorize dialog, then "Try it out" on GET /api/v1/me.
/// </summary>
public sealed class SwaggerUiBrowserTests
{
    [ChromiumFact]
    public async Task SwaggerUi_SignInThroughAuthorize_ThenTryGetMe_Answers200WithMyProfile()
    {
        await using var host = await HostProcess.StartAsync();
        await using var page = await HeadlessChromium.StartAsync();
        await page.GoToAsync($"{host.BaseUrl}/swagger/index.html");

        await page.WaitForAsync("document.querySelector('.auth-wrapper .authorize') !== null");
        await page.RunAsync("document.querySelector('.auth-wrapper .authorize').click()");
        await page.WaitForAsync("document.querySelector('#oauth_username') !== null && document.querySelector('#oauth_password') !== null");
        await page.RunAsync($$"""
            (() => {
              const set = (el, v) => {
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, v);
                el.dispatchEvent(new Event('input', { bubbles: true }));
                el.dispatchEvent(new Event('change', { bubbles: true }));
              };
              set(document.querySelector('#oauth_username'), {{JsonSerializer.Serialize(MesaApiFactory.AdminEmail)}});
              set(document.querySelector('#oauth_password'), {{JsonSerializer.Serialize(MesaApiFactory.AdminPassword)}});
              document.querySelector('.auth-container .modal-btn.authorize').click();
            })()
            """);
        await page.WaitForAsync("[...document.querySelectorAll('.auth-container button')].some(b => b.textContent.trim() === 'Logout')");
        await page.RunAsync("document.querySelector('.modal-ux .close-modal, .auth-btn-wrapper .btn-done').click()");

        await page.WaitForAsync("document.querySelector('.modal-ux') === null");
        await page.WaitForAsync("document.querySelector('#operations-Me-users_list_me') !== null");
        await page.RunAsync("(document.querySelector('#operations-Me-users_list_me .opblock-summary-control') || document.querySelector('#operations-Me-users_list_me .opblock-summary')).click()");
        await page.WaitForAsync("document.querySelector('#operations-Me-users_list_me .try-out__btn') !== null");
        await page.RunAsync("document.querySelector('#operations-Me-users_list_me .try-out__btn').click()");
        await page.WaitForAsync("document.querySelector('#operations-Me-users_list_me .execute') !== null");
        await page.RunAsync("document.querySelector('#operations-Me-users_list_me .execute').click()");
        await page.WaitForAsync("document.querySelector('#operations-Me-users_list_me .live-responses-table tbody .response-col_status') !== null");

        var status = await page.EvaluateAsync<string>("document.querySelector('#operations-Me-users_list_me .live-responses-table tbody .response-col_status').textContent.trim()");
        var body = await page.EvaluateAsync<string>("document.querySelector('#operations-Me-users_list_me .live-responses-table tbody .response-col_description').textContent");
        Assert.Equal("200", status);
        Assert.Contains(MesaApiFactory.AdminEmail, body, StringComparison.Ordinal);
        Assert.Contains("Administrator", body, StringComparison.Ordinal);
    }
}
