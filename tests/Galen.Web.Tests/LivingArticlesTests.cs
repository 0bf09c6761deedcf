using System.Net;
using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Testing;
using Galen.Web.Articles;
using Galen.Web.Review;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Web.Tests;

/// <summary>Living articles: new evidence sends an approved article back to review; a changed cited source takes approval away.</summary>
public sealed class LivingArticlesTests
{
    private const string Slug = "can-magnesium-be-used-to-treat-restless-legs-syndrome";

    private static string NewTrial => TestPaths.Fixture("test-magnesium-rls-trial-2026.md");

    private static Task<RefreshReport> RefreshAsync(SiteFactory site) =>
        site.Services.GetRequiredService<LivingArticles>().RefreshAsync(site.Services.GetRequiredService<ArticleService>().Forget);

    [Fact]
    public async Task New_evidence_sends_an_approved_article_to_re_review_and_the_page_keeps_the_approved_version()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (first, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));
        var (second, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Second", "MD", "reviewer"));
        await StaffKit.ApproveAsync(site.Factory, Slug, first, second);
        var approvedPage = await reader.GetStringAsync(location);

        // Nothing new in the library: nothing changes.
        var quiet = await RefreshAsync(site.Factory);
        Assert.Equal(new RefreshReport(1, 1, 0, 0), quiet);
        Assert.Equal(1, (await StaffKit.ArticleAsync(site.Factory, Slug)).LatestVersion);

        var report = new ImportReport();
        site.Factory.Services.GetRequiredService<Library>().ImportGuidelines([NewTrial], report);
        Assert.Equal(1, report.Added);
        Assert.Equal(new RefreshReport(1, 0, 1, 0), await RefreshAsync(site.Factory));

        var article = await StaffKit.ArticleAsync(site.Factory, Slug);
        Assert.Equal(2, article.LatestVersion);
        Assert.Equal(1, article.Version);
        Assert.Equal(1, article.ApprovedVersion);
        Assert.Equal("Submitted", article.ReviewState);

        // Readers still get the approved version, told that it is under re-review.
        var page = await reader.GetStringAsync(location);
        Assert.Contains("New evidence since approval: under re-review.", page);
        Assert.Contains("aria-current=\"step\">Approved", page);
        Assert.DoesNotContain("Fictional Journal for Galen Tests", page);

        // The desk shows the draft's changes against the approved version.
        var desk = WebUtility.HtmlDecode(await first.GetStringAsync($"/desk/articles/{Slug}"));
        Assert.Contains("Version 1 → version 2", desk);
        Assert.Contains("<h3>References added</h3><ul class=\"diff-added\"><li>Oral magnesium versus placebo for restless legs syndrome - a randomised controlled trial (Fictional Journal for Galen Tests, 2026)</li>", desk);
        Assert.Contains(Pages.RestlessLegs, await first.GetStringAsync("/desk"));
        var audit = await StaffKit.AuditAsync(site.Factory, Slug);
        Assert.Equal("new-evidence", audit[^1].Action);
        Assert.Equal(2, audit[^1].Version);

        // Approving the new version publishes it.
        await StaffKit.ApproveAsync(site.Factory, Slug, second, first);
        var updated = await reader.GetStringAsync(location);
        Assert.DoesNotContain("under re-review", updated);
        Assert.Contains("Fictional Journal for Galen Tests", updated);
        Assert.NotEqual(approvedPage, updated);
    }

    [Fact]
    public async Task A_changed_cited_source_takes_approval_away()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (first, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));
        var (second, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Second", "MD", "reviewer"));
        await StaffKit.ApproveAsync(site.Factory, Slug, first, second);
        Assert.Contains("hornyak-magnesium-rls-pilot-1998", (await StaffKit.ArticleAsync(site.Factory, Slug)).ClinicianJson);

        // The pilot study's record is re-imported with a changed figure.
        using var folder = new TempDirectory();
        var original = File.ReadAllText(Path.Combine(TestPaths.Knowledge, "restless-legs", "hornyak-magnesium-rls-pilot-1998.md"));
        var changed = Path.Combine(folder.Path, "hornyak-magnesium-rls-pilot-1998.md");
        File.WriteAllText(changed, original.Replace("from 75% to 85%", "from 75% to 84%", StringComparison.Ordinal));
        var report = new ImportReport();
        site.Factory.Services.GetRequiredService<Library>().ImportGuidelines([changed], report);
        Assert.Equal(1, report.Updated);
        Assert.Equal(new RefreshReport(1, 0, 1, 1), await RefreshAsync(site.Factory));

        var article = await StaffKit.ArticleAsync(site.Factory, Slug);
        Assert.Null(article.ApprovedVersion);
        Assert.Equal(2, article.Version);
        var page = await reader.GetStringAsync(location);
        Assert.Contains("Pending human review.", page);
        Assert.DoesNotContain("Approved by", page);
        var audit = await StaffKit.AuditAsync(site.Factory, Slug);
        Assert.Equal("approval-withdrawn", audit[^1].Action);
        Assert.Contains("hornyak-magnesium-rls-pilot-1998", audit[^1].Comment);
    }
}
