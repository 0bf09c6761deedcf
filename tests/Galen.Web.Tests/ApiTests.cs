using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Galen.Web.Tests;

public sealed class ApiTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Asking_returns_201_with_the_answer_the_article_url_and_a_location()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs, audience = "clinician" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        var slug = body.GetProperty("slug").GetString()!;
        Assert.Equal("can-magnesium-be-used-to-treat-restless-legs-syndrome", slug);
        Assert.Equal(Pages.RestlessLegs, body.GetProperty("question").GetString());
        Assert.Equal("clinician", body.GetProperty("audience").GetString());
        Assert.EndsWith("/articles/" + slug, body.GetProperty("articleUrl").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("bottomLine").GetString()));
        Assert.True(body.GetProperty("references").GetArrayLength() > 0);
        Assert.Equal("Submitted", body.GetProperty("reviewState").GetString());
        Assert.Equal($"/api/articles/{slug}?audience=clinician", response.Headers.Location!.OriginalString);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);

        // The same question, differently spaced and cased, opens the same article.
        var again = await client.PostAsJsonAsync("/api/questions", new { question = "  can MAGNESIUM be used to treat restless legs syndrome ", audience = "patient" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null(again.Headers.Location);
        var second = await Json(again);
        Assert.False(second.GetProperty("created").GetBoolean());
        Assert.True(body.GetProperty("created").GetBoolean());
        Assert.Equal(slug, second.GetProperty("slug").GetString());
        Assert.Equal("patient", second.GetProperty("audience").GetString());
    }

    [Fact]
    public async Task An_article_reads_in_either_wording_and_unknown_articles_are_404_problems()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        var created = await Json(await client.PostAsJsonAsync("/api/questions", new { question = Pages.AcuteDystonia }));
        var slug = created.GetProperty("slug").GetString();

        var patient = await client.GetAsync($"/api/articles/{slug}?audience=patient");
        Assert.Equal(HttpStatusCode.OK, patient.StatusCode);
        var body = await Json(patient);
        Assert.Equal("patient", body.GetProperty("audience").GetString());
        Assert.EndsWith("?audience=patient", body.GetProperty("articleUrl").GetString());
        Assert.Equal(0, body.GetProperty("rating").GetProperty("count").GetInt32());

        var missing = await client.GetAsync("/api/articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, (await Json(missing)).GetProperty("status").GetInt32());

        var badAudience = await client.GetAsync($"/api/articles/{slug}?audience=robot");
        Assert.Equal(HttpStatusCode.BadRequest, badAudience.StatusCode);
        Assert.True((await Json(badAudience)).GetProperty("errors").TryGetProperty("audience", out _));
    }

    [Fact]
    public async Task Bad_questions_are_400_problems_that_say_why()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();

        var empty = await client.PostAsJsonAsync("/api/questions", new { question = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await Json(empty)).GetProperty("errors").TryGetProperty("question", out _));

        var audience = await client.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs, audience = "martian" });
        Assert.Equal(HttpStatusCode.BadRequest, audience.StatusCode);
        Assert.True((await Json(audience)).GetProperty("errors").TryGetProperty("audience", out _));

        // The engine rejects a question with no words; the handler turns that into a clear 400.
        var symbols = await client.PostAsJsonAsync("/api/questions", new { question = "?!?! ###" });
        Assert.Equal(HttpStatusCode.BadRequest, symbols.StatusCode);
        Assert.Equal("application/problem+json", symbols.Content.Headers.ContentType!.MediaType);
        var problem = await Json(symbols);
        Assert.Contains("words", problem.GetProperty("detail").GetString());

        var notJson = await client.PostAsync("/api/questions", new StringContent("question=x", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
    }

    [Fact]
    public async Task Ratings_and_feedback_are_validated_and_counted()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        var slug = (await Json(await client.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs }))).GetProperty("slug").GetString();

        var tooMany = await client.PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 6 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await Json(tooMany)).GetProperty("errors").TryGetProperty("stars", out _));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 5 })).StatusCode);
        var second = await site.Factory.CreateClient().PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 2 });
        var summary = await Json(second);
        Assert.Equal(2, summary.GetProperty("count").GetInt32());
        Assert.Equal(3.5, summary.GetProperty("mean").GetDouble());

        var blank = await client.PostAsJsonAsync($"/api/articles/{slug}/feedback", new { text = "" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await Json(blank)).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/articles/{slug}/feedback", new { text = "Add the iron thresholds." })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/articles/nothing-here/ratings", new { stars = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/articles/nothing-here/feedback", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task Ratings_and_feedback_survive_a_restart()
    {
        using var data = new TempDataDirectory();
        string slug;
        using (var first = new TestSite(data: data))
        {
            var client = first.Factory.CreateClient();
            slug = (await Json(await client.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs }))).GetProperty("slug").GetString()!;
            await client.PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 4 });
            await client.PostAsJsonAsync($"/api/articles/{slug}/feedback", new { text = "Please cite the 2024 guideline first." });
        }
        using var second = new TestSite(data: data);
        var again = second.Factory.CreateClient();
        var article = await Json(await again.GetAsync($"/api/articles/{slug}"));
        Assert.Equal(1, article.GetProperty("rating").GetProperty("count").GetInt32());
        Assert.Equal(4, article.GetProperty("rating").GetProperty("mean").GetDouble());

        var (editor, _) = await StaffKit.SignInAsync(second.Factory, await StaffKit.AddAsync(second.Factory, "Eve Editor", null, "editor"));
        Assert.Contains("Please cite the 2024 guideline first.", await editor.GetStringAsync($"/desk/articles/{slug}"));
    }

    [Fact]
    public async Task Asking_is_rate_limited_per_client_with_429()
    {
        var settings = new Dictionary<string, string> { ["Galen:Web:RateLimits:AskPerWindow"] = "2", ["Galen:Web:RateLimits:RatingsPerWindow"] = "1" };
        using var site = new TestSite(settings);
        var client = site.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/questions", new { question = Pages.AcuteDystonia })).StatusCode);
        var third = await client.PostAsJsonAsync("/api/questions", new { question = "Does magnesium help muscle cramps?" });
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType!.MediaType);
        Assert.True(third.Headers.Contains("Retry-After"));

        var slug = "can-magnesium-be-used-to-treat-restless-legs-syndrome";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 3 })).StatusCode);
        Assert.Equal((HttpStatusCode)429, (await client.PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 3 })).StatusCode);
        // Reading is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/articles/{slug}")).StatusCode);
    }

    [Fact]
    public async Task A_follow_up_continues_the_conversation_of_its_parent()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        var parent = await Json(await client.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs }));
        var parentSlug = parent.GetProperty("slug").GetString();
        var child = await Json(await client.PostAsJsonAsync("/api/questions", new { question = "What dose of magnesium is used?", parentSlug }));
        Assert.Equal(parentSlug, child.GetProperty("parentSlug").GetString());
        var after = child.GetProperty("after").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([Pages.RestlessLegs], after);

        // The same words after another conversation are another article.
        var alone = await Json(await client.PostAsJsonAsync("/api/questions", new { question = "What dose of magnesium is used?" }));
        Assert.NotEqual(child.GetProperty("slug").GetString(), alone.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Health_and_openapi_are_served()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        var openapi = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, openapi.StatusCode);
        var doc = await Json(openapi);
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/questions", out _));
        Assert.True(paths.TryGetProperty("/api/articles/{slug}", out _));
        Assert.True(paths.TryGetProperty("/api/articles/{slug}/ratings", out _));
        Assert.True(paths.TryGetProperty("/api/articles/{slug}/feedback", out _));
        Assert.False(paths.TryGetProperty("/ask", out _));
    }

    [Fact]
    public async Task Unknown_api_routes_are_problem_details()
    {
        using var site = new TestSite();
        var response = await site.Factory.CreateClient().GetAsync("/api/nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
