using System.Net;
using System.Text.RegularExpressions;
using Galen.Web.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Web.Tests;

/// <summary>Article pages kept in memory: each reader still gets a token of their own, and a change shows at once.</summary>
public sealed partial class ArticlePageCacheTests
{
    private const string Slug = "can-magnesium-be-used-to-treat-restless-legs-syndrome";

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static List<string> TokensOn(string html) => [.. TokenField().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    private static string WithoutTokens(string html) => TokenField().Replace(html, "name=\"__af\" value=\"\"");

    private static async Task<HttpStatusCode> RateAsync(HttpClient client, string location, string token, int stars) =>
        (await client.PostAsync(location + "/rate", Pages.Form(("__af", token), ("stars", stars.ToString(System.Globalization.CultureInfo.InvariantCulture))))).StatusCode;

    [Fact]
    public async Task Every_reader_of_a_stored_page_gets_a_token_of_their_own_that_works()
    {
        using var site = new TestSite();
        var location = await Pages.AskByForm(site.Factory.Browser(followRedirects: false), Pages.RestlessLegs);
        var ada = site.Factory.Browser(followRedirects: false);
        var ben = site.Factory.Browser(followRedirects: false);
        var (reviewer, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Cy Reviewer", "MD", "reviewer"));

        var adaFirst = await ada.GetStringAsync(location);
        var benFirst = await ben.GetStringAsync(location);
        var adaSecond = await ada.GetStringAsync(location);
        var reviewerPage = await reviewer.GetStringAsync(location);

        // The page went into memory on the first view.
        var stored = site.Factory.Services.GetRequiredService<ArticlePageCache>();
        Assert.True(stored.Holds(Slug), "The article page was not kept in memory.");

        // The same page for everyone, apart from the token.
        Assert.Equal(WithoutTokens(adaFirst), WithoutTokens(benFirst));
        Assert.Equal(WithoutTokens(adaFirst), WithoutTokens(reviewerPage));

        // Every form of a page carries that view's token: follow-up question, suggestions, rating, feedback.
        var pages = new[] { adaFirst, benFirst, adaSecond, reviewerPage };
        foreach (var page in pages)
        {
            var tokens = TokensOn(page);
            Assert.True(tokens.Count >= 3, $"Only {tokens.Count} form tokens on the page.");
            Assert.Single(tokens.Distinct());
        }
        Assert.Equal(pages.Length, pages.Select(p => TokensOn(p)[0]).Distinct().Count());

        // A token works for its own reader only: Ada cannot use Ben's, and each can use their own.
        Assert.Equal(HttpStatusCode.BadRequest, await RateAsync(ada, location, TokensOn(benFirst)[0], 2));
        Assert.Equal(HttpStatusCode.BadRequest, await RateAsync(ben, location, TokensOn(reviewerPage)[0], 2));
        Assert.Equal(HttpStatusCode.Redirect, await RateAsync(ada, location, TokensOn(adaSecond)[0], 4));
        Assert.Equal(HttpStatusCode.Redirect, await RateAsync(ben, location, TokensOn(benFirst)[0], 5));
        Assert.Equal(HttpStatusCode.Redirect, await RateAsync(reviewer, location, TokensOn(reviewerPage)[0], 3));
        Assert.Contains("Rated 4.0 out of 5 by 3 readers.", await ada.GetStringAsync(location));
    }

    [Fact]
    public async Task A_stored_page_shows_a_rating_an_approval_and_a_withdrawal_on_the_next_view()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(reader, Pages.RestlessLegs);
        var before = await reader.GetStringAsync(location);
        Assert.Contains("No ratings yet.", before);
        Assert.Contains("Pending human review", before);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", before);
        // Its guideline references name the edition they summarise (every starter guideline carries one).
        Assert.Contains("<span class=\"edition\">Edition summarised: ", before);
        Assert.Equal(before.Length, (await reader.GetStringAsync(location)).Length);

        var rater = site.Factory.Browser(followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, await RateAsync(rater, location, await Pages.TokenFrom(rater, location), 5));
        var thanked = await rater.GetStringAsync(location + "?thanks=rating");
        Assert.Contains("Thank you for rating this answer.", thanked);
        var rated = await reader.GetStringAsync(location);
        Assert.Contains("Rated 5.0 out of 5 by 1 reader.", rated);
        Assert.DoesNotContain("Thank you for rating", rated);

        var (first, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));
        var (second, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Second", "MD", "reviewer"));
        await StaffKit.ApproveAsync(site.Factory, Slug, first, second);
        var approved = await reader.GetStringAsync(location);
        Assert.Contains("Approved by <a href=", approved);
        Assert.Contains(">Ada Reviewer, MD</a>", approved);
        Assert.DoesNotContain("Pending human review", approved);
        Assert.DoesNotContain("noindex", approved);

        var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        Assert.Equal(HttpStatusCode.Redirect,
            (await StaffKit.StepAsync(editor, Slug, "withdraw", await StaffKit.RevisionAsync(site.Factory, Slug), "Duplicate of another article.")).StatusCode);
        var withdrawn = await reader.GetStringAsync(location);
        Assert.Contains("Withdrawn by the editors.", withdrawn);
        Assert.DoesNotContain("Approved by", withdrawn);
    }

    [Fact]
    public async Task With_no_memory_for_pages_every_view_is_rendered_and_still_correct()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["Galen:Web:PageCacheMegabytes"] = "0" });
        var reader = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(reader, Pages.RestlessLegs);
        var page = await reader.GetStringAsync(location);
        Assert.False(site.Factory.Services.GetRequiredService<ArticlePageCache>().Holds(Slug));
        Assert.Equal(HttpStatusCode.Redirect, await RateAsync(reader, location, TokensOn(page)[0], 4));
        Assert.Contains("Rated 4.0 out of 5 by 1 reader.", await reader.GetStringAsync(location));
    }
}
