extern alias cli;

using System.Text.RegularExpressions;
using GalenCommand = cli::Galen.Cli.GalenCommand;
using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Evidence.Store;
using Galen.Testing;
using Galen.Web.Articles;
using Galen.Web.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Galen.Web.Tests;

/// <summary>
/// The review board in Chromium: the administrator creates the board on the command line, a reviewer claims and asks for
/// a change, an editor revises, two reviewers approve, and new evidence sends the article back to re-review.
/// </summary>
[Collection(BrowserTests.Collection)]
public sealed class EditorialEndToEndTests
{
    internal const string Chromium = "/usr/bin/chromium";
    private const string Slug = "can-magnesium-be-used-to-treat-restless-legs-syndrome";

    internal static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static async Task<string> AddByCommandLine(string data, string email, string name, string role, string? credentials = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = ["--data", data, "--quiet", "users", "add", "--email", email, "--name", name, "--role", role];
        if (credentials is not null) args = [.. args, "--credentials", credentials];
        Assert.Equal(0, await GalenCommand.RunAsync(args, stdout, stderr));
        return Regex.Match(stdout.ToString(), "One-time password: (\\S+)").Groups[1].Value;
    }

    internal static async Task<IPage> SignInAsync(IBrowser browser, string baseUrl, string email, string oneTimePassword)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/desk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(oneTimePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // First sign-in: the one-time password must be replaced.
        await page.GetByLabel("One-time password").FillAsync(oneTimePassword);
        await page.GetByLabel("Choose your own password").FillAsync("a passphrase of my own " + email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        if (page.Url.EndsWith("/account/two-factor", StringComparison.Ordinal))
        {
            // Reviewers and admins add the key to an authenticator app and give its code.
            var key = await page.Locator("#totp-key").InnerTextAsync();
            await page.GetByLabel("Code from the app").FillAsync(StaffKit.Totp(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        }
        await page.ArriveAsync(url => url.EndsWith("/desk", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task Two_reviewers_and_an_editor_take_an_article_to_approval_and_new_evidence_reopens_it()
    {
        Assert.True(File.Exists(Chromium), "Install Chromium (apt-get install chromium) to run the end-to-end tests.");
        using var data = new TempDataDirectory();
        // The board is created on the command line before the site starts: there is no default account.
        await AddByCommandLine(data.Path, "admin@example.org", "Al Admin", "admin");
        var ada = await AddByCommandLine(data.Path, "ada@example.org", "Ada Lovelace", "reviewer", "MD, FACP");
        var ben = await AddByCommandLine(data.Path, "ben@example.org", "Ben Okafor", "reviewer", "PharmD");
        var eve = await AddByCommandLine(data.Path, "eve@example.org", "Eve Editor", "editor");

        await using var app = GalenWebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], new GalenStoreOptions { DataDirectory = data.Path });
        await app.StartAsync();
        var baseUrl = app.Urls.Single();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        var readerContext = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var reader = await readerContext.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByLabel("Your question").FillAsync(Pages.RestlessLegs);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await reader.ArriveAsync(url => url.EndsWith("/articles/" + Slug, StringComparison.Ordinal), 120_000);

        // Ada claims the article and asks for a change.
        var adaPage = await SignInAsync(browser, baseUrl, "ada@example.org", ada);
        await adaPage.GetByRole(AriaRole.Link, new() { Name = Pages.RestlessLegs }).ClickAsync();
        await adaPage.GetByRole(AriaRole.Button, new() { Name = "Claim for review" }).ClickAsync();
        Assert.Equal("Under Review", await adaPage.Locator("#desk-state").InnerTextAsync());
        await adaPage.GetByLabel("Comment for request changes (required)").FillAsync("Say plainly that the only study was a small pilot.");
        await adaPage.GetByRole(AriaRole.Button, new() { Name = "Request changes" }).ClickAsync();
        Assert.Equal("Changes Requested", await adaPage.Locator("#desk-state").InnerTextAsync());

        // Eve revises the wording.
        var evePage = await SignInAsync(browser, baseUrl, "eve@example.org", eve);
        await evePage.GotoAsync($"/desk/articles/{Slug}");
        var bottom = evePage.Locator("textarea[name='clinician.bottom']");
        await bottom.FillAsync(await bottom.InputValueAsync() + " The only study was a small uncontrolled pilot.");
        await evePage.GetByLabel("What you changed (optional)").FillAsync("Named the size of the evidence.");
        await evePage.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        Assert.True(await evePage.GetByText("Saved as version 2.").IsVisibleAsync());
        await evePage.ScreenshotAsync(new() { Path = Screenshot("desk-revised.png"), FullPage = true });

        // Ada approves; Ben confirms.
        await adaPage.ReloadAsync();
        await adaPage.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        Assert.True(await adaPage.GetByText("You approved this version; a different reviewer must confirm it.").IsVisibleAsync());
        var benPage = await SignInAsync(browser, baseUrl, "ben@example.org", ben);
        await benPage.GotoAsync($"/desk/articles/{Slug}");
        await benPage.GetByRole(AriaRole.Button, new() { Name = "Confirm approval" }).ClickAsync();
        Assert.Equal("Approved", await benPage.Locator("#desk-state").InnerTextAsync());

        await reader.ReloadAsync();
        var approval = await reader.Locator("p.approved").InnerTextAsync();
        var today = DateTime.UtcNow.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"Approved by Ada Lovelace, MD, FACP and Ben Okafor, PharmD of the medical review board on {today}.", approval);
        Assert.True(await reader.GetByText("The only study was a small uncontrolled pilot.").First.IsVisibleAsync());
        await reader.ScreenshotAsync(new() { Path = Screenshot("article-approved.png"), FullPage = true });
        await reader.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace, MD, FACP" }).ClickAsync();
        Assert.True(await reader.Locator("li.reviewer", new() { HasTextString = "Ada Lovelace" }).IsVisibleAsync());

        // New evidence arrives: the article goes back to the board, the page keeps the approved version.
        var report = new ImportReport();
        app.Services.GetRequiredService<Library>().ImportGuidelines([TestPaths.Fixture("test-magnesium-rls-trial-2026.md")], report);
        await app.Services.GetRequiredService<LivingArticles>().RefreshAsync(app.Services.GetRequiredService<ArticleService>().Forget);
        // A new visitor (the first one's browser may keep the approved page for the cache lifetime it was given).
        reader = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } })).NewPageAsync();
        await reader.GotoAsync("/articles/" + Slug);
        Assert.True(await reader.GetByText("New evidence since approval: under re-review.").IsVisibleAsync());
        Assert.Equal(approval, await reader.Locator("p.approved").InnerTextAsync());
        await reader.ScreenshotAsync(new() { Path = Screenshot("article-under-re-review.png"), FullPage = true });
        await benPage.GotoAsync("/desk");
        await benPage.GetByRole(AriaRole.Link, new() { Name = Pages.RestlessLegs }).ClickAsync();
        Assert.True(await benPage.GetByRole(AriaRole.Heading, new() { Name = "References added" }).IsVisibleAsync());
        Assert.True(await benPage.GetByText("Oral magnesium versus placebo for restless legs syndrome", new() { Exact = false }).First.IsVisibleAsync());
        await benPage.ScreenshotAsync(new() { Path = Screenshot("desk-new-evidence-diff.png"), FullPage = true });
        await app.StopAsync();
    }
}

/// <summary>Browser tests run one at a time: two Chromiums at once on a small machine make both slow enough to time out.</summary>
[CollectionDefinition(Collection)]
public sealed class BrowserTests
{
    public const string Collection = "Browser";
}
