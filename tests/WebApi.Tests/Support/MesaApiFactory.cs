using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using MesaServicios.Application.Notifications.DeliverOutbox;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace MesaServicios.WebApi.Tests.Support;

/// <summary>
/// The real host on a real SQLite file in a throwaway data directory (or its own PostgreSQL database when the run is
/// on PostgreSQL, see <see cref="TestDatabase"/>). Each instance is its own desk: its own database, job storage,
/// pickup folder and fake clock. Background job servers are off unless asked for;
/// tests run jobs by sending their command.
/// </summary>
public class MesaApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@iescinoc.edu.co";
    public const string AdminPassword = "Mesa-Raiz-Segura-2026!";
    public const string DefaultPassword = "Clave-Segura-2026";

    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];
    private int _userCounter;
    private string? _postgres;
    private bool _ownsPostgres;

    public MesaApiFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "mesa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero));
        Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; }

    public JsonSerializerOptions Json { get; } = TestJson.Options;

    /// <summary>Override a configuration key before the host starts (e.g. "Mail:Transport").</summary>
    public MesaApiFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>
    /// The PostgreSQL database this host runs on, or null on SQLite. Set by <see cref="OnPostgres"/>, or made for this
    /// host (and dropped with it) when the run is on PostgreSQL (<see cref="TestDatabase.IsPostgres"/>).
    /// </summary>
    public string? PostgresConnectionString => _postgres;

    /// <summary>
    /// Runs this host on an existing PostgreSQL database (another node of the same desk when several factories share
    /// it); the database is left to whoever made it.
    /// </summary>
    public MesaApiFactory OnPostgres(string connectionString)
    {
        _postgres = connectionString;
        _ownsPostgres = false;
        return this;
    }

    /// <summary>Replace or decorate services of the host before it starts (ports at the edge only).</summary>
    public MesaApiFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Auth:SigningKey"] = "dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLWxvbmctZW5vdWdoLWZvci1obWFjLXNoYTI1Ng==",
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Jobs:Enabled"] = "false",
            ["Portal:BaseUrl"] = "https://portal.test",
            // Tests sign in many times from one address and as one administrator: throttling is tested with low limits set through With().
            ["RateLimits:AuthPerAddressPerMinute"] = "100000",
            ["RateLimits:AuthPerAccountPerMinute"] = "100000",
        };
        if (_postgres is null && TestDatabase.IsPostgres)
        {
            _postgres = TestDatabase.CreatePostgresDatabase();
            _ownsPostgres = true;
        }

        if (_postgres is not null)
        {
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Mesa"] = _postgres;
        }

        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    /// <summary>An HTTP client without credentials.</summary>
    public HttpClient Anonymous(string? language = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public async Task<TestUser> AdminAsync() => await SignInAsync(AdminEmail, AdminPassword);

    /// <summary>Creates an account through the admin API and signs it in.</summary>
    public async Task<TestUser> CreateUserAsync(
        UserRole role = UserRole.Requester,
        string? email = null,
        string? fullName = null,
        string? department = "Facultad de Ingeniería",
        string? phone = "3001234567",
        string language = "es")
    {
        var n = Interlocked.Increment(ref _userCounter);
        email ??= $"{role.ToString().ToLowerInvariant()}{n}@iescinoc.edu.co";
        fullName ??= $"{role} Prueba {n}";
        var admin = await AdminAsync();
        var response = await admin.Client.PostAsJsonAsync("/api/v1/users", new
        {
            email,
            fullName,
            department,
            phone,
            role = role.ToString(),
            language,
            password = DefaultPassword,
        }, Json);
        await response.EnsureSuccessAsync();
        return await SignInAsync(email, DefaultPassword);
    }

    public async Task<TestUser> SignInAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        await response.EnsureSuccessAsync();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var me = await client.GetAsync("/api/v1/me");
        var profile = await me.Content.ReadFromJsonAsync<JsonElement>();
        return new TestUser(
            Guid.Parse(profile.GetProperty("id").GetString()!),
            email,
            Enum.Parse<UserRole>(profile.GetProperty("role").GetString()!),
            client,
            token.GetProperty("access_token").GetString()!,
            token.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>Runs a scoped piece of code against the host's services (e.g. to read the database).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<MesaDbContext, Task<T>> work) =>
        WithScopeAsync(sp => work(sp.GetRequiredService<MesaDbContext>()));

    /// <summary>Runs the outbox delivery once, as the background job would.</summary>
    public Task<DeliveryReport> DeliverOutboxAsync() =>
        WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new DeliverOutboxRequest()));

    public string PickupDirectory => Path.Combine(DataDirectory, "mail", "outbox");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            if (_ownsPostgres && _postgres is not null)
            {
                TestDatabase.DropPostgresDatabase(_postgres);
            }

            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finished host; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>A signed-in user of a test: id, role and a client that carries the access token.</summary>
public sealed record TestUser(Guid Id, string Email, UserRole Role, HttpClient Client, string AccessToken, string RefreshToken);
