// Help-centre search latency over a large catalogue.
//   dotnet run -c Release --project bench/HelpSearch [-- articles searches]
// Starts the real host (SQLite, FTS5) on a throwaway data directory, adds N published articles (default 5,000: the
// 11 default ones plus generated FAQs of ~150 words each, written from an IT-support vocabulary), then runs M
// searches (default 2,000) one after the other, cycling through 20 queries people type, and reports p50/p95/p99 of:
// the index alone (IHelpSearchIndex), GET /api/v1/help/search (whole pipeline in-process: routing, validation,
// ranking, loading, snippets, JSON) and GET /api/v1/help/suggestions with a ticket-sized text.
using System.Diagnostics;
using System.Globalization;
using MesaServicios.Application.HelpCenter;
using MesaServicios.Application.HelpCenter.Search;
using MesaServicios.Domain.HelpCenter;
using MesaServicios.Infrastructure.Common.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Bench.HelpSearch;

internal static class Bench
{
    private static readonly string[] Queries =
    [
        "contrasena", "olvide clave", "urgencias", "observador", "impresora no imprime", "correo solicitud", "wifi lento",
        "videobeam prestado", "cuenta bloqueada", "instalar programa", "estado de mi ticket", "rechazar solucion",
        "plataforma academica", "vpn desde casa", "antivirus", "escaner", "cerrar sesion", "equipo en reserva",
        "correo institucional lleno", "sonido videoconferencia",
    ];

    private static readonly string[] Topics =
    [
        "impresora", "escáner", "portátil", "computador", "videobeam", "red Wi-Fi", "VPN", "correo institucional", "plataforma académica",
        "antivirus", "sistema operativo", "ofimática", "cuenta de usuario", "contraseña", "cámara", "micrófono", "sonido", "cableado",
        "sala de sistemas", "biblioteca virtual", "firma digital", "nómina", "matrícula", "reserva de equipos", "videoconferencia",
    ];

    private static readonly string[] Words =
    (
        "equipo error pantalla conexión servicio usuario acceso archivo carpeta programa instalación actualización licencia " +
        "reinicio configuración navegador página enlace mensaje aviso ticket técnico oficina solicitud incidencia requerimiento " +
        "urgencia prioridad respuesta seguimiento solución estado dependencia funcionario contratista estudiante docente sede " +
        "bloque piso salón laboratorio horario semana mañana tarde lento falla daño cable puerto energía batería cargador teclado " +
        "ratón monitor tóner papel atasco cola impresión red internet señal clave cuenta bloqueo desbloqueo permiso grupo perfil " +
        "correo buzón espacio adjunto tamaño copia respaldo recuperación borrado virus alerta seguridad firma certificado token"
    ).Split(' ');

    public static async Task<int> Main(string[] args)
    {
        var articles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var searches = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "mesa-bench", Guid.NewGuid().ToString("N"));

        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "MesaServicios.sln")))
        {
            repository = repository.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MESASERVICIOS_WEBAPI", Path.Combine(repository?.FullName ?? ".", "src", "WebApi"));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["Storage:DataDirectory"] = dataDirectory,
                ["Auth:SigningKey"] = "YmVuY2gtc2lnbmluZy1rZXktdGhhdC1pcy1sb25nLWVub3VnaC1mb3ItaG1hYy1zaGEyNTY=",
                ["Jobs:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            })
            {
                builder.UseSetting(key, value);
            }
        });

        var client = factory.CreateClient();
        var seeded = Stopwatch.StartNew();
        var existing = await SeedAsync(factory.Services, articles);
        Console.WriteLine($"articles: {existing:N0} published (generated in {seeded.Elapsed.TotalSeconds:0.0} s)");

        // Warm-up: JIT, SQLite page cache, pools.
        for (var i = 0; i < 200; i++)
        {
            (await client.GetAsync($"/api/v1/help/search?q={Uri.EscapeDataString(Queries[i % Queries.Length])}")).EnsureSuccessStatusCode();
        }

        var indexTimes = new List<double>(searches);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var index = scope.ServiceProvider.GetRequiredService<IHelpSearchIndex>();
            for (var i = 0; i < searches; i++)
            {
                var terms = HelpTextAnalyzer.QueryTerms(Queries[i % Queries.Length]);
                var started = Stopwatch.GetTimestamp();
                await index.SearchAsync(terms, publishedOnly: true, limit: 10, CancellationToken.None);
                indexTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        var searchTimes = new List<double>(searches);
        var resultCounts = 0;
        for (var i = 0; i < searches; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/v1/help/search?q={Uri.EscapeDataString(Queries[i % Queries.Length])}");
            var body = await response.Content.ReadAsStringAsync();
            searchTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            resultCounts += body.Length > 2 ? 1 : 0;
        }

        const string ticketText = "No puedo entrar a la plataforma académica desde el portátil de la sala de sistemas, dice que mi contraseña " +
            "no es válida y ya intenté recuperarla pero el correo institucional no me llega; necesito subir notas esta tarde";
        var suggestionTimes = new List<double>(searches);
        for (var i = 0; i < searches; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"/api/v1/help/suggestions?text={Uri.EscapeDataString(ticketText)}");
            await response.Content.ReadAsStringAsync();
            suggestionTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        Report("index only (FTS5 MATCH + bm25, top 10)", indexTimes);
        Report("GET /api/v1/help/search (top 10, snippets)", searchTimes);
        Report("GET /api/v1/help/suggestions (ticket text, 35 words)", suggestionTimes);
        Console.WriteLine($"searches with results: {resultCounts:N0} of {searches:N0}");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("MESA_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"database kept: {Path.Combine(dataDirectory, "mesa.db")}");
            return 0;
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }

        return 0;
    }

    /// <summary>Adds generated published articles directly (rendered and indexed like the API does), in batches of 250.</summary>
    private static async Task<int> SeedAsync(IServiceProvider services, int target)
    {
        var random = new Random(13);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MesaDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<IMarkdownRenderer>();
        var index = scope.ServiceProvider.GetRequiredService<IHelpSearchIndex>();
        var existing = db.HelpArticles.Count();
        var now = DateTimeOffset.UtcNow;
        for (var n = existing; n < target;)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var batch = new List<HelpArticle>();
            for (var i = 0; i < 250 && n < target; i++, n++)
            {
                var topic = Topics[random.Next(Topics.Length)];
                var title = $"{Capitalize(Words[random.Next(Words.Length)])} de {topic} ({n})";
                var body = string.Join("\n\n", Enumerable.Range(0, 5).Select(_ => Sentence(random, topic)));
                var rendered = renderer.Render(body);
                var article = HelpArticle.Create(
                    new HelpArticleDraft($"bench-{n}", HelpArticleKind.Faq, (HelpCategory)random.Next(1, 8), [topic, Words[random.Next(Words.Length)]], n,
                        new HelpText(title, body, rendered.Html, rendered.PlainText), null, null),
                    null,
                    now);
                article.Publish(null, now);
                db.HelpArticles.Add(article);
                batch.Add(article);
            }

            await db.SaveChangesAsync();
            foreach (var article in batch)
            {
                await index.IndexAsync(new HelpSearchDocument(article.Id, true, article.TitleEs, string.Join(' ', article.Tags), article.BodyTextEs, null, null), CancellationToken.None);
            }

            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
        }

        return db.HelpArticles.Count(a => a.IsPublished);
    }

    private static string Sentence(Random random, string topic)
    {
        var words = Enumerable.Range(0, 30).Select(_ => Words[random.Next(Words.Length)]).ToList();
        words.Insert(random.Next(words.Count), topic);
        return Capitalize(string.Join(' ', words)) + ".";
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine($"{what}: n={times.Count:N0}, p50 {P(0.50):0.00} ms, p95 {P(0.95):0.00} ms, p99 {P(0.99):0.00} ms, max {times[^1]:0.00} ms");
    }
}
