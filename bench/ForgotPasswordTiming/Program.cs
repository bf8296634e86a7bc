// Forgot-password timing (issue #14, item 2): the answer must not wait for work that only existing accounts cause.
// Sends ForgotPasswordCommand through the host's pipeline (validation, one transaction, the commit the caller waits
// for) alternately for an existing account and for an unknown address, after a warm-up, and prints p50/p95/mean of
// each and the difference of the medians.
// Usage: dotnet run -c Release --project bench/ForgotPasswordTiming -- [rounds=400]
using System.Diagnostics;
using System.Globalization;
using Mediator;
using MesaServicios.Application;
using MesaServicios.Application.Common.Behaviors;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Users.CreateUser;
using MesaServicios.Application.Users.ForgotPassword;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 400;
var data = Path.Combine(Path.GetTempPath(), "mesa-bench", Guid.NewGuid().ToString("N"));
using var host = BuildHost(data);
await host.Services.InitializeDatabaseAsync();
const string known = "ana.perez@iescinoc.edu.co";
await SendAsync(new CreateUserCommand(known, "Ana Pérez", "Biblioteca", null, UserRole.Requester, "es", "Clave-Segura-2026"));

Console.WriteLine($"Forgot-password timing: {rounds} requests each, existing vs unknown address, alternating ({Environment.ProcessorCount} cores, .NET {Environment.Version})");
for (var i = 0; i < 50; i++)
{
    await SendAsync(new ForgotPasswordCommand(known));
    await SendAsync(new ForgotPasswordCommand($"warm{i}@iescinoc.edu.co"));
}

var existing = new List<double>(rounds);
var unknown = new List<double>(rounds);
for (var i = 0; i < rounds; i++)
{
    // Alternate which one goes first so neither benefits from the other's warm caches.
    if (i % 2 == 0)
    {
        existing.Add(await TimeAsync(new ForgotPasswordCommand(known)));
        unknown.Add(await TimeAsync(new ForgotPasswordCommand($"nadie{i}@iescinoc.edu.co")));
    }
    else
    {
        unknown.Add(await TimeAsync(new ForgotPasswordCommand($"nadie{i}@iescinoc.edu.co")));
        existing.Add(await TimeAsync(new ForgotPasswordCommand(known)));
    }
}

existing.Sort();
unknown.Sort();
Report("existing account", existing);
Report("unknown address ", unknown);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"difference of medians: {Percentile(existing, 0.5) - Percentile(unknown, 0.5):F3} ms"));

SqliteConnection.ClearAllPools();
host.Dispose();
Directory.Delete(data, recursive: true);

async Task<double> TimeAsync(ForgotPasswordCommand command)
{
    var watch = Stopwatch.StartNew();
    await SendAsync(command);
    return watch.Elapsed.TotalMilliseconds;
}

async Task SendAsync<T>(ICommand<T> command)
{
    await using var scope = host.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
}

static void Report(string label, List<double> sorted) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: p50 {Percentile(sorted, 0.50):F3} ms, p95 {Percentile(sorted, 0.95):F3} ms, mean {sorted.Average():F3} ms"));

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static IHost BuildHost(string data)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:DataDirectory"] = data,
        ["Jobs:Enabled"] = "false",
    });
    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
    builder.Services.AddScoped<ICurrentUser, AnonymousCaller>();
    builder.Services.AddMediator(options =>
    {
        options.ServiceLifetime = ServiceLifetime.Scoped;
        options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
    });
    return builder.Build();
}

/// <summary>Forgot-password is asked by someone not signed in (the host's ICurrentUser comes from the HTTP request).</summary>
internal sealed class AnonymousCaller : ICurrentUser
{
    public Guid? UserId => null;

    public UserRole? Role => null;

    public Guid? SessionId => null;

    public string Language => "es";

    public string? ClientAddress => "127.0.0.1";
}
