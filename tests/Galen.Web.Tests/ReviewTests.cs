using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Galen.Web.Tests;

public sealed class ReviewTests
{
    private const string Key = "test-editor-key-123";

    [Fact]
    public async Task Review_moves_an_article_to_approved_and_records_the_reviewer()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["Galen:Web:EditorKey"] = Key });
        var client = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(client, Pages.RestlessLegs);
        var token = await Pages.TokenFrom(client, location);
        var desk = await (await client.PostAsync("/editor", Pages.Form(("__af", token), ("key", Key)))).Content.ReadAsStringAsync();
        var reviewer = Regex.Match(desk, "<option value=\"(\\d+)\">([^<]+)</option>");
        Assert.True(reviewer.Success);

        var first = await client.PostAsync(location + "/review", Pages.Form(("__af", token), ("key", Key), ("reviewer", reviewer.Groups[1].Value)));
        Assert.Contains("is now Under Review", await first.Content.ReadAsStringAsync());
        Assert.Contains("aria-current=\"step\">Under Review", await client.GetStringAsync(location));

        await client.PostAsync(location + "/review", Pages.Form(("__af", token), ("key", Key), ("reviewer", reviewer.Groups[1].Value), ("note", "Checked against sources.")));
        var approved = await client.GetAsync(location);
        var html = await approved.Content.ReadAsStringAsync();
        Assert.Contains("aria-current=\"step\">Approved", html);
        Assert.DoesNotContain("Pending human review", html);
        Assert.Contains("Approved by the <a href=\"/review-board\">medical review board</a>: " + WebUtility.HtmlDecode(reviewer.Groups[2].Value).Split(',')[0], WebUtility.HtmlDecode(html));
        Assert.True(approved.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromSeconds(300), approved.Headers.CacheControl.MaxAge);

        var api = await site.Factory.CreateClient().GetAsync("/api" + location);
        Assert.True(api.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(300), api.Headers.CacheControl.MaxAge);
        Assert.Contains("\"reviewState\":\"Approved\"", await api.Content.ReadAsStringAsync());
        Assert.Contains(Pages.RestlessLegs, await client.GetStringAsync("/"));

        var third = await client.PostAsync(location + "/review", Pages.Form(("__af", token), ("key", Key), ("reviewer", reviewer.Groups[1].Value)));
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
    }

    [Fact]
    public async Task The_review_desk_needs_the_key_and_is_off_without_one()
    {
        using (var off = new TestSite())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await off.Factory.Browser().GetAsync("/editor")).StatusCode);
        }
        using var site = new TestSite(new Dictionary<string, string> { ["Galen:Web:EditorKey"] = Key });
        var client = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(client, Pages.RestlessLegs);
        var token = await Pages.TokenFrom(client, location);
        var wrong = await client.PostAsync(location + "/review", Pages.Form(("__af", token), ("key", "not-the-right-key"), ("reviewer", "1")));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("aria-current=\"step\">Submitted", await client.GetStringAsync(location));
    }

    [Fact]
    public void Bad_options_stop_the_start_and_name_the_key()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["Galen:Web:RateLimits:AskPerWindow"] = "0" });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => site.Factory.CreateClient());
        Assert.Contains("Galen:Web:RateLimits:AskPerWindow", error.Message);
    }
}
