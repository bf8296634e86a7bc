using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>The default content is created at first start, once: restarts neither duplicate it nor undo the desk's edits.</summary>
public sealed class DefaultHelpContentTests
{
    [Fact]
    public async Task Restart_DoesNotDuplicate_NorOverwriteEdits()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "mesa-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int count;
            using (var first = new MesaApiFactory().With("Storage:DataDirectory", dataDirectory))
            {
                var technician = await first.CreateUserAsync(UserRole.Technician);
                count = await first.WithDbAsync(db => Task.FromResult(db.HelpArticles.Count(a => a.SeedKey != null)));
                var edited = await technician.Client.PutAsJsonAsync("/api/v1/help/articles/2", new
                {
                    kind = "Faq", category = "Account", order = 1, titleEs = "Olvidé mi contraseña", bodyEs = "Texto de la Oficina TIC.",
                });
                await edited.EnsureSuccessAsync();
                Assert.Equal("olvide-mi-contrasena", (await edited.JsonAsync()).GetProperty("slug").GetString());
            }

            SqliteConnection.ClearAllPools();
            using var second = new MesaApiFactory().With("Storage:DataDirectory", dataDirectory);
            var list = await (await second.Anonymous().GetAsync("/api/v1/help/articles")).JsonAsync();

            Assert.Equal(11, count);
            Assert.Equal(11, list.GetArrayLength());
            var article = await (await second.Anonymous().GetAsync("/api/v1/help/articles/olvide-mi-contrasena")).JsonAsync();
            Assert.Equal("<p>Texto de la Oficina TIC.</p>", article.GetProperty("bodyHtml").GetString());
            Assert.Equal(11, await second.WithDbAsync(db => Task.FromResult(db.HelpArticleRevisions.Count(r => r.Kind == Domain.HelpCenter.HelpRevisionKind.Created))));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}
