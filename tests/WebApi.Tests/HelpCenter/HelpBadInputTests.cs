using System.Net;
using System.Net.Http.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.HelpCenter;

/// <summary>Bad input gets a problem response naming every wrong field, in Spanish or English, and changes nothing.</summary>
public sealed class HelpBadInputTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public HelpBadInputTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Create_WithEveryFieldWrong_ListsEachField_InSpanish()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        var before = await CountAsync();

        var response = await technician.Client.PostAsJsonAsync("/api/v1/help/articles", new
        {
            slug = "Con Espacios",
            kind = "Podcast",
            category = "Cocina",
            order = -1,
            titleEs = "",
            bodyEs = "",
            titleEn = "Only a title",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        Assert.StartsWith("La dirección del artículo", errors.GetProperty("slug")[0].GetString());
        Assert.Equal("El tipo debe ser Faq o VideoTutorial.", errors.GetProperty("kind")[0].GetString());
        Assert.StartsWith("La categoría no existe", errors.GetProperty("category")[0].GetString());
        Assert.Equal("El orden debe estar entre 0 y 10.000.", errors.GetProperty("order")[0].GetString());
        Assert.True(errors.TryGetProperty("titleEs", out _));
        Assert.True(errors.TryGetProperty("bodyEs", out _));
        Assert.True(errors.TryGetProperty("titleEn", out _));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("http://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://evil.example/video.mp4")]
    [InlineData("https://iescinoc.edu.co.evil.example/video.mp4")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://vimeo.com/about")]
    public async Task VideoTutorial_WithAnAddressNotAllowed_IsAFieldError_InEnglish(string url)
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);
        technician.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await technician.Client.PostAsJsonAsync("/api/v1/help/articles", new
        {
            kind = "VideoTutorial", category = "Tickets", order = 1, titleEs = "Video", bodyEs = "Mira el video.", videoUrl = url, videoDurationSeconds = 60,
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("The video's address must be https and on YouTube, Vimeo or an institutional server.", problem.GetProperty("errors").GetProperty("videoUrl")[0].GetString());
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871")]
    [InlineData("https://player.vimeo.com/video/76979871")]
    [InlineData("https://videos.iescinoc.edu.co/mesa/crear-ticket.mp4")]
    public async Task VideoTutorial_OnYouTubeVimeoOrTheInstitution_IsAccepted_AndPublishable(string url)
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        var article = await HelpApi.CreateAsync(technician, new
        {
            kind = "VideoTutorial", category = "Tickets", order = 1, titleEs = $"Video {Guid.NewGuid():N}", bodyEs = "Mira el video.",
            videoUrl = url, videoDurationSeconds = 95, transcript = "En este video creamos un ticket.",
        });
        var published = await HelpApi.PublishAsync(technician, article.Id());

        Assert.Equal(url, published.GetProperty("video").GetProperty("url").GetString());
        Assert.Equal(95, published.GetProperty("video").GetProperty("durationSeconds").GetInt32());
    }

    [Fact]
    public async Task VideoTutorial_WithoutVideo_AndFaqWithVideo_AreFieldErrors()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        var noVideo = await technician.Client.PostAsJsonAsync("/api/v1/help/articles", new { kind = "VideoTutorial", category = "Tickets", titleEs = "V", bodyEs = "B" });
        var problem = await noVideo.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("videoUrl", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("videoDurationSeconds", out _));

        var faqWithVideo = await technician.Client.PostAsJsonAsync("/api/v1/help/articles", new { kind = "Faq", category = "Tickets", titleEs = "F", bodyEs = "B", videoUrl = "https://youtu.be/dQw4w9WgXcQ" });
        var second = await faqWithVideo.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Solo los video tutoriales llevan video y transcripción.", second.GetProperty("errors").GetProperty("videoUrl")[0].GetString());
    }

    [Fact]
    public async Task DuplicateSlug_Returns409_AndPublishingTwice409()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        await (await technician.Client.PostAsJsonAsync("/api/v1/help/articles", HelpApi.Faq(slug: "olvide-mi-contrasena"))).ProblemAsync(HttpStatusCode.Conflict, "help.slug_taken");
        var again = await technician.Client.PostAsync("/api/v1/help/articles/1/publish", null);
        await again.ProblemAsync(HttpStatusCode.Conflict, "help.already_published");
    }

    [Fact]
    public async Task Search_WithoutAQuery_IsAFieldError()
    {
        var problem = await (await _factory.Anonymous().GetAsync("/api/v1/help/search?q=a&limit=500")).ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task UnknownArticle_Returns404()
    {
        var technician = await _factory.CreateUserAsync(UserRole.Technician);

        await (await _factory.Anonymous().GetAsync("/api/v1/help/articles/no-existe")).ProblemAsync(HttpStatusCode.NotFound, "help.not_found");
        await (await technician.Client.PutAsJsonAsync("/api/v1/help/articles/99999", HelpApi.Faq())).ProblemAsync(HttpStatusCode.NotFound, "help.not_found");
        await (await technician.Client.GetAsync("/api/v1/help/articles/99999/revisions")).ProblemAsync(HttpStatusCode.NotFound, "help.not_found");
    }

    private Task<int> CountAsync() => _factory.WithDbAsync(db => Task.FromResult(db.HelpArticles.Count()));
}
