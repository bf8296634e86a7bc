using System.Net;
using System.Net.Http.Json;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Tickets;

/// <summary>
/// Ticket numbers (#N) are handed out before a ticket is saved. They must keep growing across restarts and
/// across every way of opening a ticket, and never be given twice.
/// </summary>
public sealed class TicketNumberingTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "mesa-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS.
        }
    }

    [Fact]
    public async Task Numbers_ContinueAfterARestart_AndAcrossPortalAndPhoneTickets()
    {
        Directory.CreateDirectory(_dataDirectory);
        List<int> before;
        using (var first = new MesaApiFactory().With("Storage:DataDirectory", _dataDirectory))
        {
            var requester = await first.CreateUserAsync(email: "numeracion@iescinoc.edu.co");
            var technician = await first.CreateUserAsync(Domain.Users.UserRole.Technician, email: "tecnico.numeracion@iescinoc.edu.co");
            before =
            [
                await TicketApi.OpenIdAsync(requester, "Primero antes de reiniciar"),
                await OnBehalfAsync(technician, requester.Id),
                await TicketApi.OpenIdAsync(requester, "Tercero antes de reiniciar"),
            ];
        }

        Assert.Equal([1, 2, 3], before);

        using var second = new MesaApiFactory().With("Storage:DataDirectory", _dataDirectory);
        var again = await second.SignInAsync("numeracion@iescinoc.edu.co", MesaApiFactory.DefaultPassword);
        var after = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => TicketApi.OpenIdAsync(again, $"Después de reiniciar {i}")));

        Assert.Equal([4, 5, 6, 7, 8], after.Order());
    }

    private static async Task<int> OnBehalfAsync(TestUser technician, Guid requesterId)
    {
        var response = await technician.Client.PostAsJsonAsync("/api/v1/tickets/on-behalf", new
        {
            requesterId,
            title = "Llamada por teléfono",
            description = "El solicitante llamó porque no tiene red.",
            type = "Incident",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }
}
