using System.Net;
using System.Net.Http.Json;
using System.Text;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>A desk whose sign-in endpoints allow 3 requests a minute per account.</summary>
public sealed class ThreePerAccountFactory : MesaApiFactory
{
    public ThreePerAccountFactory() => With("RateLimits:AuthPerAccountPerMinute", "3");
}

/// <summary>The sign-in endpoints read one small body once: the limiter and the endpoint cannot disagree.</summary>
public sealed class AuthRequestBodyTests : IClassFixture<ThreePerAccountFactory>
{
    private readonly ThreePerAccountFactory _factory;

    public AuthRequestBodyTests(ThreePerAccountFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/api/v1/auth/token", """{"email":"uno@iescinoc.edu.co","password":"x-clave-larga","email":"dos@iescinoc.edu.co"}""", "email")]
    [InlineData("/api/v1/auth/token", """{"email":"uno@iescinoc.edu.co","password":"x-clave-larga","Email":"dos@iescinoc.edu.co"}""", "email")]
    [InlineData("/api/v1/auth/forgot-password", """{"email":"uno@iescinoc.edu.co","EMAIL":"dos@iescinoc.edu.co"}""", "email")]
    [InlineData("/api/v1/auth/reset-password", """{"email":"a@iescinoc.edu.co","token":"t","token":"u","newPassword":"Clave-Larga-99"}""", "token")]
    public async Task ARepeatedMember_IsRefusedWith400NamingIt(string path, string json, string field)
    {
        var response = await _factory.Anonymous().PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ARepeatedFormField_IsRefusedWith400()
    {
        var form = new FormUrlEncodedContent(
        [
            new("grant_type", "password"), new("username", "uno@iescinoc.edu.co"), new("username", "dos@iescinoc.edu.co"), new("password", "x-clave-larga"),
        ]);

        var response = await _factory.Anonymous().PostAsync("/api/v1/auth/token", form);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task ABodyOver16KB_IsRefusedWith413_WithOrWithoutContentLength()
    {
        var padding = new string('a', 17 * 1024);
        var json = $$"""{"email":"grande@iescinoc.edu.co","password":"{{padding}}"}""";

        var sized = await _factory.Anonymous().PostAsync("/api/v1/auth/token", new StringContent(json, Encoding.UTF8, "application/json"));
        await sized.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "common.payload_too_large");

        var streamed = new StreamContent(new NonSeekable(Encoding.UTF8.GetBytes(json)));
        streamed.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var chunked = await _factory.Anonymous().PostAsync("/api/v1/auth/token", streamed);
        await chunked.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "common.payload_too_large");
    }

    [Fact]
    public async Task TheAccountLimit_CountsTheAccountTheEndpointSignsIn_ShapedAnyWay()
    {
        var client = _factory.Anonymous();
        var shapes = new[]
        {
            """{"email":"blanco@iescinoc.edu.co","password":"intento-uno-x"}""",
            """{"password":"intento-dos-x","EMAIL":"BLANCO@iescinoc.edu.co"}""",
            """{"Email":" blanco@iescinoc.edu.co ","password":"intento-tres-x"}""",
        };
        foreach (var shape in shapes)
        {
            var answer = await client.PostAsync("/api/v1/auth/token", new StringContent(shape, Encoding.UTF8, "application/json"));
            await answer.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        }

        var fourth = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "blanco@iescinoc.edu.co", password = "intento-cuatro" });
        await fourth.ProblemAsync(HttpStatusCode.TooManyRequests, "common.too_many_requests");
    }

    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
