using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Evidence.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Galen.Web.Tests;

/// <summary>An article on a 360 px phone in real Chromium: folded long sections, references that open their source.</summary>
public sealed class MobileArticleTests
{
    private const string Chromium = "/usr/bin/chromium";

    // An ask writes the article in both wordings; on a loaded two-core machine, with the other test classes running
    // beside it, that has taken over Playwright's 30 s default once.
    private const float AskTimeout = 90_000;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Galen.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Tests must run inside the Galen repository.");
    }

    [Fact]
    public async Task On_a_phone_long_sections_are_folded_and_references_link_to_their_source()
    {
        Assert.True(File.Exists(Chromium), "Install Chromium (apt-get install chromium) to run the browser tests.");
        using var data = new TempDataDirectory();
        using var medquad = new TempDataDirectory();
        var root = RepositoryRoot();
        // The starter library plus one real MedQuAD page, whose XML carries the address of the page it came from.
        var source = Path.Combine(root, "..", "shared", "data", "medquad", "4_MPlus_Health_Topics_QA", "0000006.xml");
        File.Copy(source, Path.Combine(medquad.Path, "0000006.xml"));
        using (var library = new Library(new GalenStoreOptions { DataDirectory = data.Path }))
        {
            library.EnsureReady(Path.Combine(root, "knowledge"));
            var report = new ImportReport();
            library.ImportMedQuad(medquad.Path, report);
            Assert.Empty(report.Errors);
        }
        await using var app = GalenWebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"],
            new GalenStoreOptions { DataDirectory = data.Path });
        await app.StartAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Urls.Single(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByLabel("Your question").FillAsync(Pages.RestlessLegs);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await page.ArriveAsync(url => url.Contains("/articles/", StringComparison.Ordinal), AskTimeout);

        // Long sections start folded, their headings visible; opening one shows its statements.
        var folded = page.Locator("details.collapsible");
        Assert.True(await folded.CountAsync() > 0, "no folded section on the clinician article");
        Assert.All(await folded.EvaluateAllAsync<bool[]>("els => els.map(e => e.open)"), Assert.False);
        var first = folded.First;
        Assert.True(await first.Locator("summary h2").IsVisibleAsync());
        Assert.False(await first.Locator("li").First.IsVisibleAsync());
        var foldedHeight = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        await page.EvaluateAsync("document.querySelectorAll('details.collapsible').forEach(d => d.open = true)");
        var openHeight = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(foldedHeight < openHeight, $"folded {foldedHeight}px, open {openHeight}px");
        await page.EvaluateAsync("document.querySelectorAll('details.collapsible').forEach(d => d.open = false)");
        await first.Locator("summary").ClickAsync();
        Assert.True(await first.Locator("li").First.IsVisibleAsync());
        // Nothing is wider than the phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360 px");

        // A question answered from the MedQuAD page: its reference opens the page's own address.
        await page.GotoAsync("/");
        await page.GetByLabel("Your question").FillAsync("What is an acoustic neuroma?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        await page.ArriveAsync(url => url.Contains("/articles/", StringComparison.Ordinal), AskTimeout);
        var link = page.Locator(".reference-list a[href='https://www.nlm.nih.gov/medlineplus/acousticneuroma.html']");
        Assert.Equal(1, await link.CountAsync());
        Assert.True(await link.IsVisibleAsync());
        Assert.Equal("noopener", await link.GetAttributeAsync("rel"));
    }
}
