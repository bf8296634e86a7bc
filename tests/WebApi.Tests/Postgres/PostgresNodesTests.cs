using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Reservations;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Postgres;

/// <summary>
/// Two identical nodes of one desk on one PostgreSQL database (two hosts in this process, each with its own data
/// directory, clock and connection pool): what one node guarantees alone must hold across both. Runs whatever
/// MESA_TEST_PROVIDER says; needs a PostgreSQL server (<see cref="TestDatabase"/>).
/// </summary>
public sealed class PostgresNodesTests : IDisposable
{
    private readonly List<IDisposable> _cleanup = [];
    private string? _database;

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            item.Dispose();
        }

        if (_database is not null)
        {
            TestDatabase.DropPostgresDatabase(_database);
        }
    }

    [PostgresFact]
    public async Task TicketsOpenedOnBothNodesAtOnce_GetUniqueConsecutiveNumbers()
    {
        var (a, b) = await TwoNodesAsync();
        var onA = await a.CreateUserAsync(email: "nodo.a@iescinoc.edu.co");
        var onB = await b.SignInAsync("nodo.a@iescinoc.edu.co", MesaApiFactory.DefaultPassword);

        using var gate = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 40).Select(async i =>
        {
            await gate.WaitAsync();
            var user = i % 2 == 0 ? onA : onB;
            var response = await user.Client.PostAsJsonAsync("/api/v1/tickets", new
            {
                title = $"Solicitud concurrente {i}",
                description = "Abierta a la vez desde los dos nodos de la mesa.",
                type = "Request",
            });
            return (await (await response.EnsureSuccessAsync()).JsonAsync()).GetProperty("id").GetInt32();
        }).ToList();
        gate.Release(40);
        var numbers = await Task.WhenAll(requests);

        Assert.Equal(40, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(numbers.Min(), 40), numbers.Order());
        var stored = await a.WithDbAsync(db => db.Tickets.CountAsync());
        Assert.Equal(40, stored);

        // A node started later continues the same sequence.
        var third = Node();
        var late = await third.SignInAsync("nodo.a@iescinoc.edu.co", MesaApiFactory.DefaultPassword);
        Assert.Equal(numbers.Max() + 1, await TicketApi.OpenIdAsync(late, "Después de los dos nodos"));
    }

    [PostgresFact]
    public async Task OneSlotBookedOnBothNodesAtOnce_ExactlyOneWins_TheOthersGet409()
    {
        var (a, b) = await TwoNodesAsync();
        var admin = await a.AdminAsync();
        var item = await ReservationApi.CreateItemAsync(admin, ReservationApi.Projector);
        var people = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            var created = await a.CreateUserAsync(email: $"docente{i}@iescinoc.edu.co");
            people.Add(i % 2 == 0 ? created : await b.SignInAsync(created.Email, MesaApiFactory.DefaultPassword));
        }

        var start = a.Clock.GetUtcNow().AddDays(1);
        using var gate = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, 30).Select(async i =>
        {
            await gate.WaitAsync();
            var shift = TimeSpan.FromMinutes(i);
            return await ReservationApi.BookAsync(people[i % people.Count], item, start + shift, start.AddHours(2) + shift, $"Clase {i}");
        }).ToList();
        gate.Release(30);
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await conflict.ProblemAsync(HttpStatusCode.Conflict, "reservations.overlap");
        }

        Assert.Equal(1, await b.WithDbAsync(db => db.Reservations.CountAsync(r => r.ItemId == item)));
    }

    [PostgresFact]
    public async Task OutboxDeliveredFromBothNodesAtOnce_SendsEachMailOnce()
    {
        var (a, b) = await TwoNodesAsync();
        await a.CreateUserAsync(UserRole.Technician, email: "tecnico.nodos@iescinoc.edu.co");
        var requester = await a.CreateUserAsync(email: "solicitante.nodos@iescinoc.edu.co");
        for (var i = 0; i < 10; i++)
        {
            await TicketApi.OpenIdAsync(requester, $"Correo por nodo {i}");
        }

        var queued = await a.WithDbAsync(db => db.OutboxEmails.CountAsync());
        Assert.True(queued >= 10, $"expected the tickets to queue mails, found {queued}");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? a : b).DeliverOutboxAsync()));
        await Task.WhenAll(a.DeliverOutboxAsync(), b.DeliverOutboxAsync());

        var files = Mails(a) + Mails(b);
        Assert.Equal(queued, files);
    }

    [PostgresFact]
    public async Task Backup_OnPostgres_PointsToTheServersOwnTools()
    {
        _database = TestDatabase.CreatePostgresDatabase();
        var admin = await Node().AdminAsync();

        var response = await admin.Client.PostAsync("/api/v1/admin/backups", null);

        await response.ProblemAsync(HttpStatusCode.Conflict, "common.backup_use_server_tools");
    }

    private static int Mails(MesaApiFactory node) =>
        Directory.Exists(node.PickupDirectory) ? Directory.EnumerateFiles(node.PickupDirectory, "*.eml").Count() : 0;

    private async Task<(MesaApiFactory A, MesaApiFactory B)> TwoNodesAsync()
    {
        _database = TestDatabase.CreatePostgresDatabase();
        var a = Node();
        await a.AdminAsync(); // the first node migrates the empty database
        var b = Node();
        await b.AdminAsync();
        return (a, b);
    }

    private MesaApiFactory Node()
    {
        var node = new MesaApiFactory().OnPostgres(_database!).With("Auth:AccessTokenMinutes", "100000");
        _cleanup.Add(node);
        return node;
    }
}
