using Galen.Evidence.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Galen.Web.Tests;

/// <summary>The site on real Kestrel, driven by Chromium: ask, switch wording, follow a citation, rate, comment, follow up.</summary>
[Collection(BrowserTests.Collection)]
public sealed class EndToEndTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static string ScreenshotFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public async Task A_reader_asks_switches_wording_follows_a_citation_rates_comments_and_follows_up()
    {
        Assert.True(File.Exists(Chromium), "Install Chromium (apt-get install chromium) to run the end-to-end tests.");
        using var data = new TempDataDirectory();
        await using var app = GalenWebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"],
            new GalenStoreOptions { DataDirectory = data.Path });
        await app.StartAsync();
        var baseUrl = app.Urls.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };

        // Keyboard first: the skip link is the first stop.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));

        // Ask.
        await page.GetByLabel("Your question").FillAsync(Pages.RestlessLegs);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        // The first question of a fresh install loads the models and writes the article while other test projects
        // share the two cores, so it gets longer than the usual 30 s.
        await page.ArriveAsync(url => url.EndsWith("/articles/can-magnesium-be-used-to-treat-restless-legs-syndrome", StringComparison.Ordinal), 120_000);
        Assert.Equal(Pages.RestlessLegs, await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByText("Pending human review.").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "article-desktop-1280.png"), FullPage = true });

        // Patient wording: choosing the radio applies it at once (the script submits the form).
        await page.GetByLabel("Patient or caregiver").CheckAsync();
        await page.ArriveAsync(url => url.EndsWith("audience=patient", StringComparison.Ordinal));
        Assert.True(await page.GetByLabel("Patient or caregiver").IsCheckedAsync());
        Assert.True(await page.Locator("#disclaimer-title", new() { HasTextString = "Please read" }).IsVisibleAsync());

        // A citation shows its source passage on keyboard focus, then leads to the reference.
        var cite = page.Locator("a.cite[data-span]").First;
        await cite.FocusAsync();
        var tip = await cite.EvaluateAsync<string>("el => getComputedStyle(el, '::after').content");
        Assert.True(tip.Length > 10, $"No tooltip on focus: '{tip}'");
        var href = await cite.GetAttributeAsync("href");
        await page.Keyboard.PressAsync("Enter");
        await page.ArriveAsync(url => url.EndsWith(href!, StringComparison.Ordinal));
        Assert.True(await page.Locator(href!).IsVisibleAsync());

        // Rate.
        await page.GetByLabel("4 stars").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send rating" }).ClickAsync();
        await page.ArriveAsync(url => url.Contains("thanks=rating", StringComparison.Ordinal));
        Assert.True(await page.GetByText("Rated 4.0 out of 5 by 1 reader.").IsVisibleAsync());

        // Feedback.
        await page.GetByLabel("Tell us what is missing, unclear or wrong").FillAsync("Say which magnesium salt was studied.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await page.ArriveAsync(url => url.Contains("thanks=feedback", StringComparison.Ordinal));
        Assert.True(await page.GetByText("The review board reads every comment.").IsVisibleAsync());

        // Follow-up.
        await page.GetByLabel("Your follow-up question").FillAsync("What dose of magnesium was used in the studies?");
        await page.Locator("form.ask").GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await page.ArriveAsync(url => url.Contains("/articles/what-dose-of-magnesium", StringComparison.Ordinal));
        Assert.True(await page.GetByText("Follow-up to").IsVisibleAsync());
        Assert.True(await page.GetByLabel("Patient or caregiver").IsCheckedAsync());

        // Phone width: nothing wider than the screen.
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync("/articles/can-magnesium-be-used-to-treat-restless-legs-syndrome");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"The page is {width}px wide at a 360px viewport.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "article-phone-360.png"), FullPage = true });
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder(), "home-phone-360.png"), FullPage = true });

        Assert.Empty(errors);
        await app.StopAsync();
    }
}
