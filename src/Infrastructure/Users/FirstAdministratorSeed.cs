using MesaServicios.Infrastructure.Common;
using System.Security.Cryptography;
using Mediator;
using MesaServicios.Application.Users;
using MesaServicios.Application.Users.CreateUser;
using MesaServicios.Domain.Users;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MesaServicios.Infrastructure.Users;

/// <summary>
/// At start, makes sure an administrator exists — from <c>Bootstrap:AdminEmail</c>/<c>Bootstrap:AdminPassword</c>, or
/// in Development one with a random password printed once, as the last lines of the start-up (<see cref="StartupNotices"/>). There is no fixed default password anywhere.
/// </summary>
internal sealed partial class FirstAdministratorSeed : IStartupSeed
{
    public async Task SeedAsync(IServiceProvider provider, CancellationToken cancellationToken)
    {
        var db = provider.GetRequiredService<IUsersDbContext>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("MesaServicios.Startup");
        var configuration = provider.GetRequiredService<IConfiguration>();
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (await db.Users.AnyAsync(u => u.Role == UserRole.Administrator && u.IsActive, cancellationToken))
        {
            return;
        }

        var generated = false;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!environment.IsDevelopment())
            {
                LogNoAdministrator(logger);
                return;
            }

            var domain = provider.GetRequiredService<IOptions<UsersOptions>>().Value.AllowedDomains.FirstOrDefault() ?? "iescinoc.edu.co";
            email = string.IsNullOrWhiteSpace(email) ? $"admin@{domain}" : email;
            password = RandomPassword();
            generated = true;
        }

        if (await db.Users.AnyAsync(u => u.Email == email.Trim().ToLower(), cancellationToken))
        {
            LogAdminEmailTaken(logger, email);
            return;
        }

        var sender = provider.GetRequiredService<ISender>();
        try
        {
            await sender.Send(new CreateUserCommand(email, "Administrador de la Mesa", "Oficina TIC", null, UserRole.Administrator, "es", password), cancellationToken);
        }
        catch (FluentValidation.ValidationException refused)
        {
            throw new StartupRefusedException(
                "Bootstrap:AdminEmail/Bootstrap:AdminPassword refused: " + string.Join(" ", refused.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        }
        if (generated)
        {
            LogGeneratedAdministrator(logger, email);
            provider.GetRequiredService<StartupNotices>().Add(
                $"First administrator (Development): {email} / password: {password} (shown once; change it after signing in)");
        }
        else
        {
            LogConfiguredAdministrator(logger, email);
        }
    }

    private static string RandomPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "First administrator created for Development: {Email} (its password is printed at the end of the start-up)")]
    private static partial void LogGeneratedAdministrator(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "First administrator created from configuration: {Email}")]
    private static partial void LogConfiguredAdministrator(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator exists and none is configured: set Bootstrap__AdminEmail and Bootstrap__AdminPassword.")]
    private static partial void LogNoAdministrator(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bootstrap administrator {Email} already exists with another role; not changed.")]
    private static partial void LogAdminEmailTaken(ILogger logger, string email);
}
