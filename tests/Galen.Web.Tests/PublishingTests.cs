using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Galen.Web.Articles;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Web.Tests;

/// <summary>Which answers become public articles, and how the API treats bodies it cannot read.</summary>
public sealed class PublishingTests
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static readonly string[] Hostile =
    [
        "a",
        "AND OR NOT",
        "<script>alert(1)</script>",
        "' OR 1=1; DROP TABLE articles; --",
        "هل يمكن استخدام المغنيسيوم لعلاج متلازمة تململ الساقين؟",
        "qwzx vbnm plok",
        "Can unobtainium cure being bored on Tuesdays?",
    ];

    [Fact]
    public async Task Junk_and_foreign_input_is_answered_but_never_listed_queued_or_stored()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        foreach (var question in Hostile)
        {
            var response = await client.PostAsJsonAsync("/api/questions", new { question, audience = "patient" });
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{question}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = await Json(response);
                Assert.False(body.GetProperty("published").GetBoolean(), question);
                Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("notPublishedReason").GetString()));
                Assert.False(body.TryGetProperty("slug", out _));
            }
        }
        var articles = site.Factory.Services.GetRequiredService<ArticleService>();
        Assert.Empty(await articles.RecentAsync(50));
        Assert.Empty((await site.Factory.Services.GetRequiredService<Galen.Web.Review.DeskQueries>().QueueAsync()).Entries);

        var browser = site.Factory.Browser();
        var home = await browser.GetStringAsync("/");
        Assert.DoesNotContain("AND OR NOT", home, StringComparison.Ordinal);
        Assert.DoesNotContain("unobtainium", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_web_form_shows_a_private_answer_in_place_without_an_article()
    {
        using var site = new TestSite();
        var browser = site.Factory.Browser(followRedirects: false);
        var token = await Pages.TokenFrom(browser, "/");
        var response = await browser.PostAsync("/ask", Pages.Form(("__af", token), ("question", "qwzx vbnm plok")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Not published.", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
        Assert.Empty(await site.Factory.Services.GetRequiredService<ArticleService>().RecentAsync(10));
    }

    [Fact]
    public async Task The_same_question_in_other_words_or_full_width_letters_opens_the_same_article()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        var first = await client.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var slug = (await Json(first)).GetProperty("slug").GetString();

        foreach (var other in new[] { "Does magnesium help restless legs syndrome?", "Can ｍａｇｎｅｓｉｕｍ be used to treat restless legs syndrome?" })
        {
            var again = await client.PostAsJsonAsync("/api/questions", new { question = other });
            var text = await again.Content.ReadAsStringAsync();
            Assert.True(again.StatusCode == HttpStatusCode.OK, text);
            Assert.True((await Json(again)).TryGetProperty("slug", out var same), text[..Math.Min(400, text.Length)]);
            Assert.Equal(slug, same.GetString());
        }
        // A different question about the same things is its own article.
        var dose = await client.PostAsJsonAsync("/api/questions", new { question = "What dose of magnesium is used for restless legs syndrome?" });
        Assert.NotEqual(slug, (await Json(dose)).GetProperty("slug").GetString());
    }

    [Fact]
    public async Task An_unreviewed_article_asks_search_engines_not_to_list_it()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        var created = await Json(await client.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs }));
        var html = await site.Factory.Browser().GetStringAsync("/articles/" + created.GetProperty("slug").GetString());

        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"question\": 5}", "question")]
    [InlineData("{\"question\": \"Does magnesium help cramps?\", \"after\": \"not a list\"}", "after")]
    [InlineData("{\"question\": \"Does magnesium help cramps?\", \"after\": [null]}", "after")]
    [InlineData("{\"question\": \"Does magnesium help cramps?\", \"after\": [[[[[[[[[[\"deep\"]]]]]]]]]]}", "after")]
    [InlineData("{\"question\": \"Does magnesium help cramps?\"", "body")]
    [InlineData("", "body")]
    [InlineData("{}", "question")]
    public async Task A_malformed_body_gets_a_problem_naming_the_field(string body, string field)
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/questions", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await Json(response);
        Assert.True(problem.TryGetProperty("errors", out _), problem.ToString());
        var errors = problem.GetProperty("errors");
        var named = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(named, n => n.StartsWith(field, StringComparison.Ordinal));
        var message = errors.EnumerateObject().First(p => p.Name.StartsWith(field, StringComparison.Ordinal)).Value[0].GetString()!;
        Assert.StartsWith(field, message, StringComparison.Ordinal);
        if (body.Contains("[null]", StringComparison.Ordinal)) Assert.Contains("null", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_rates_an_article_once_and_can_change_the_rating()
    {
        using var site = new TestSite();
        var reader = site.Factory.CreateClient();
        var slug = (await Json(await reader.PostAsJsonAsync("/api/questions", new { question = Pages.RestlessLegs }))).GetProperty("slug").GetString();

        var first = await Json(await reader.PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 2 }));
        var changed = await Json(await reader.PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 5 }));
        Assert.Equal(1, first.GetProperty("count").GetInt32());
        Assert.Equal(1, changed.GetProperty("count").GetInt32());
        Assert.Equal(5, changed.GetProperty("mean").GetDouble());

        // Another reader (another cookie) adds a rating of their own.
        var other = site.Factory.CreateClient();
        var both = await Json(await other.PostAsJsonAsync($"/api/articles/{slug}/ratings", new { stars = 3 }));
        Assert.Equal(2, both.GetProperty("count").GetInt32());
        Assert.Equal(4, both.GetProperty("mean").GetDouble());
    }

    [Fact]
    public async Task Questions_longer_than_the_documented_500_characters_are_refused()
    {
        using var site = new TestSite();
        var client = site.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/questions", new { question = "Does magnesium help " + new string('x', 490) + "?" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("500", (await Json(response)).GetProperty("errors").GetProperty("question")[0].GetString(), StringComparison.Ordinal);
    }
}
