using System.Net;

namespace Galen.Web.Tests;

public sealed class PageTests
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task Home_page_has_the_question_form_and_lists()
    {
        using var site = new TestSite();
        var response = await site.Factory.Browser().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form class=\"ask\" method=\"post\" action=\"/ask\">", html);
        Assert.Contains("name=\"__af\"", html);
        Assert.Contains("Approved by the review board", html);
        Assert.Contains("Recently asked", html);
        Assert.Contains("role=\"search\"", html);
        Assert.Contains("<title>", html);
    }

    [Fact]
    public async Task Asking_by_form_redirects_to_the_article_with_every_part()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(client, Pages.RestlessLegs);
        Assert.Equal("/articles/can-magnesium-be-used-to-treat-restless-legs-syndrome", location);

        var response = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1 id=\"article-title\">{Pages.RestlessLegs}</h1>", html);
        Assert.Contains($"<title>{Pages.RestlessLegs} | Galen</title>", html);
        Assert.Contains("<meta name=\"description\"", html);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/articles/can-magnesium-be-used-to-treat-restless-legs-syndrome\">", html);
        Assert.Contains("aria-current=\"step\">Submitted", html);
        Assert.Contains("Under Review", html);
        Assert.Contains("Pending human review", html);
        Assert.Contains("Last updated <time", html);
        Assert.Contains("href=\"/editorial-policy\"", html);
        Assert.Contains("Which best describes you?", html);
        Assert.Contains("Bottom line", html);
        Assert.Contains("class=\"cite\" href=\"#ref-1\"", html);
        Assert.Contains("data-span=", html);
        Assert.Contains("<li id=\"ref-1\"", html);
        Assert.Contains("class=\"kind kind-guideline\">Guideline</span>", html);
        Assert.Contains("For healthcare professionals", html);
        Assert.Contains("Have a follow-up question?", html);
        Assert.Contains("How useful was this answer?", html);
        Assert.Contains("How can we improve this answer?", html);
        Assert.True(response.Headers.CacheControl!.NoStore);

        // Asking again opens the same article.
        Assert.Equal(location, await Pages.AskByForm(client, "can magnesium be used to treat restless-legs syndrome"));
    }

    [Fact]
    public async Task Script_in_a_question_is_escaped_everywhere_it_is_shown()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var question = $"Does magnesium help restless legs {Script}?";
        var location = await Pages.AskByForm(client, question);
        var article = await client.GetStringAsync(location);
        var home = await client.GetStringAsync("/");
        var search = await client.GetStringAsync("/?q=" + Uri.EscapeDataString("magnesium " + Script));
        foreach (var html in new[] { article, home, search })
        {
            Assert.DoesNotContain(Script, html);
            Assert.DoesNotContain("<script>", html);
        }
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", article);
        Assert.Contains("&lt;script&gt;", home);
    }

    [Fact]
    public async Task Script_in_feedback_is_stored_and_shown_escaped_on_the_review_desk()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(client, Pages.RestlessLegs);
        var token = await Pages.TokenFrom(client, location);
        var sent = await client.PostAsync(location + "/feedback", Pages.Form(("__af", token), ("text", "Wrong dose " + Script)));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(location + "?thanks=feedback#feedback", sent.Headers.Location!.OriginalString);
        var thanks = await client.GetStringAsync(location + "?thanks=feedback");
        Assert.Contains("Thank you. The review board reads every comment.", thanks);

        var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        var desk = await editor.GetAsync(location.Replace("/articles/", "/desk/articles/", StringComparison.Ordinal));
        var html = await desk.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Contains("Wrong dose &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.DoesNotContain(Script, html);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_rejected()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var ask = await client.PostAsync("/ask", Pages.Form(("question", Pages.RestlessLegs)));
        Assert.Equal(HttpStatusCode.BadRequest, ask.StatusCode);
        var body = await ask.Content.ReadAsStringAsync();
        Assert.True(body.Contains("could not be verified", StringComparison.Ordinal), body[body.IndexOf("<main", StringComparison.Ordinal)..]);

        var location = await Pages.AskByForm(client, Pages.RestlessLegs);
        var forged = await client.PostAsync(location + "/rate", Pages.Form(("__af", "forged"), ("stars", "5")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // Nothing was stored.
        var api = site.Factory.CreateClient();
        var json = await api.GetStringAsync("/api" + location);
        Assert.Contains("\"count\":0", json);
    }

    [Fact]
    public async Task The_wording_switch_uses_the_query_then_remembers_it_in_a_cookie()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(client, Pages.RestlessLegs);

        var patient = await client.GetAsync(location + "?audience=patient");
        Assert.Contains(patient.Headers.GetValues("Set-Cookie"), c => c.StartsWith("galen_audience=patient", StringComparison.Ordinal));
        var patientHtml = await patient.Content.ReadAsStringAsync();
        Assert.Contains("value=\"patient\" checked", patientHtml);
        Assert.Contains("Please read", patientHtml);
        Assert.Contains("?audience=patient\">", patientHtml);

        var remembered = await client.GetStringAsync(location);
        Assert.Contains("value=\"patient\" checked", remembered);

        var clinician = await client.GetStringAsync(location + "?audience=clinician");
        Assert.Contains("value=\"clinician\" checked", clinician);
        Assert.Contains("For healthcare professionals", clinician);
    }

    [Fact]
    public async Task Rating_by_form_is_stored_and_shown()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(client, Pages.AcuteDystonia);
        var token = await Pages.TokenFrom(client, location);
        var rated = await client.PostAsync(location + "/rate", Pages.Form(("__af", token), ("stars", "4")));
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var html = await client.GetStringAsync(location + "?thanks=rating");
        Assert.Contains("Thank you for rating this answer.", html);
        Assert.Contains("Rated 4.0 out of 5 by 1 reader.", html);

        var bad = await client.PostAsync(location + "/rate", Pages.Form(("__af", token), ("stars", "9")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("stars", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_follow_up_by_form_links_back_to_its_parent()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var parent = await Pages.AskByForm(client, Pages.RestlessLegs);
        var parentSlug = parent["/articles/".Length..];
        var child = await Pages.AskByForm(client, "What dose of magnesium was studied?", parentSlug);
        Assert.NotEqual(parent, child);
        var html = await client.GetStringAsync(child);
        Assert.Contains($"Follow-up to <a href=\"{parent}\">{Pages.RestlessLegs}</a>", html);
        var parentHtml = await client.GetStringAsync(parent);
        Assert.Contains($"href=\"{child}\"", parentHtml);
    }

    [Fact]
    public async Task A_rejected_question_shows_the_form_again_with_the_reason()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var token = await Pages.TokenFrom(client, "/");
        var response = await client.PostAsync("/ask", Pages.Form(("__af", token), ("question", "?!? ###")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task Unknown_article_is_a_404_page()
    {
        using var site = new TestSite();
        var response = await site.Factory.Browser().GetAsync("/articles/never-asked");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync());
        var odd = await site.Factory.Browser().GetAsync("/nowhere/at/all");
        Assert.Equal(HttpStatusCode.NotFound, odd.StatusCode);
        Assert.Equal("text/html", odd.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/about")]
    [InlineData("/api/articles/none")]
    [InlineData("/healthz")]
    public async Task Security_headers_are_on_every_response(string path)
    {
        using var site = new TestSite();
        var response = await site.Factory.Browser().GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(client, Pages.RestlessLegs);
        var html = await client.GetStringAsync(location);
        Assert.Equal(1, CountOf(html, "<script"));
        Assert.Contains("<script src=\"/assets/site.js?v=", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("onclick", html);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task Information_pages_are_served()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser();
        var policy = await client.GetStringAsync("/editorial-policy");
        Assert.Contains("<h1>Editorial policy</h1>", policy);
        Assert.Contains("An approval needs two different reviewers", policy);
        Assert.Contains("New evidence since approval: under re-review", policy);
        var board = await client.GetStringAsync("/review-board");
        Assert.Contains("<h1>Medical review board</h1>", board);
        Assert.Contains("This site has no reviewers yet.", board);
        var about = await client.GetStringAsync("/about");
        Assert.Contains("demonstration", about);
        Assert.Contains("current guidance before any clinical use", about);
        var disclaimer = await client.GetStringAsync("/disclaimer");
        Assert.Contains("demonstration", disclaimer);
        Assert.Contains("current guidance before any clinical use", disclaimer);
    }

    [Fact]
    public async Task Assets_are_served_with_long_cache_lifetimes()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser();
        var home = await client.GetStringAsync("/");
        var css = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/assets/site.css\\?v=[0-9a-f]+)\"").Groups[1].Value;
        var response = await client.GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        Assert.Contains("@media print", await response.Content.ReadAsStringAsync());
        var js = await client.GetAsync("/assets/site.js");
        Assert.Equal("text/javascript", js.Content.Headers.ContentType!.MediaType);
    }
}
