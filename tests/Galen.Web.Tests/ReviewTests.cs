using System.Net;
using System.Text.Json;
using Galen.Evidence.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Galen.Web.Tests;

/// <summary>The review workflow through the desk: two reviewers, changes requested and revised, concurrency, audit, versions.</summary>
public sealed class ReviewTests
{
    private const string Slug = "can-magnesium-be-used-to-treat-restless-legs-syndrome";

    [Fact]
    public async Task Approval_needs_two_different_reviewers_and_the_page_names_both()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (first, a) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD, FACP", "reviewer"));
        var (second, b) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Second", "PharmD", "reviewer"));

        Assert.Equal(HttpStatusCode.Redirect, (await StaffKit.StepAsync(first, Slug, "claim", await StaffKit.RevisionAsync(site.Factory, Slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffKit.StepAsync(first, Slug, "approve", await StaffKit.RevisionAsync(site.Factory, Slug), "Checked every statement.")).StatusCode);
        Assert.Contains("aria-current=\"step\">Under Review", await reader.GetStringAsync(location));

        // The same person cannot confirm their own approval.
        var own = await StaffKit.StepAsync(first, Slug, "confirm", await StaffKit.RevisionAsync(site.Factory, Slug));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("A second reviewer must confirm", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()));
        Assert.Equal("Second Review", (await StaffKit.ArticleAsync(site.Factory, Slug)).ReviewState);
        var desk = await first.GetStringAsync($"/desk/articles/{Slug}");
        Assert.Contains("You approved this version; a different reviewer must confirm it.", desk);
        Assert.DoesNotContain("/confirm\"", desk);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffKit.StepAsync(second, Slug, "confirm", await StaffKit.RevisionAsync(site.Factory, Slug))).StatusCode);
        var page = await reader.GetAsync(location);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("aria-current=\"step\">Approved", html);
        Assert.DoesNotContain("Pending human review", html);
        var today = DateTime.UtcNow.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Approved by <a href=\"/review-board#reviewer-{a.Id}\">Ada Reviewer, MD, FACP</a> and <a href=\"/review-board#reviewer-{b.Id}\">Ben Second, PharmD</a> of the <a href=\"/review-board\">medical review board</a> on <time datetime=\"{DateTime.UtcNow:yyyy-MM-dd}\">{today}</time>.", html);
        Assert.True(page.Headers.CacheControl!.Private);

        var api = await site.Factory.CreateClient().GetAsync("/api" + location);
        Assert.Contains("\"reviewState\":\"Approved\"", await api.Content.ReadAsStringAsync());
        Assert.Contains(Pages.RestlessLegs, await reader.GetStringAsync("/"));

        // Every transition is in the audit log with who, when, version and comment.
        var audit = await StaffKit.AuditAsync(site.Factory, Slug);
        Assert.Equal(["claim", "approve", "confirm"], audit.Select(e => e.Action));
        Assert.Equal([a.Id, a.Id, b.Id], audit.Select(e => e.ActorId));
        Assert.All(audit, e => Assert.Equal(1, e.Version));
        Assert.Equal(["Submitted", "Under Review", "Second Review"], audit.Select(e => e.FromState));
        Assert.Equal(["Under Review", "Second Review", "Approved"], audit.Select(e => e.ToState));
        Assert.Equal("Checked every statement.", audit[1].Comment);
        Assert.All(audit, e => Assert.True(DateTime.UtcNow - e.At < TimeSpan.FromMinutes(5)));

        // The board lists both, with the number of articles each reviewed.
        var board = WebUtility.HtmlDecode(await reader.GetStringAsync("/review-board"));
        Assert.Contains($"id=\"reviewer-{a.Id}\"><h2>Ada Reviewer<span class=\"credentials\">, MD, FACP</span>", board);
        Assert.Contains("<dt>Articles reviewed</dt><dd>1</dd>", board);
        Assert.DoesNotContain("no reviewers yet", board);

        // Approved is the end of the road for review steps.
        Assert.Equal(HttpStatusCode.Conflict, (await StaffKit.StepAsync(second, Slug, "claim", await StaffKit.RevisionAsync(site.Factory, Slug))).StatusCode);
    }

    [Fact]
    public async Task Changes_requested_are_revised_by_an_editor_into_a_new_immutable_version()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (reviewer, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));
        var (editor, e) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        await StaffKit.StepAsync(reviewer, Slug, "claim", await StaffKit.RevisionAsync(site.Factory, Slug));

        // A change request needs a comment, named as the field.
        var bare = await StaffKit.StepAsync(reviewer, Slug, "request-changes", await StaffKit.RevisionAsync(site.Factory, Slug));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("comment: say why", await bare.Content.ReadAsStringAsync());
        await StaffKit.StepAsync(reviewer, Slug, "request-changes", await StaffKit.RevisionAsync(site.Factory, Slug), "Say that the trials were small.");
        Assert.Equal("Changes Requested", (await StaffKit.ArticleAsync(site.Factory, Slug)).ReviewState);

        // The editor's desk page shows the wording form; the reviewer's does not.
        var editorDesk = await editor.GetStringAsync($"/desk/articles/{Slug}");
        Assert.Contains("Revise the wording", editorDesk);
        Assert.DoesNotContain("Revise the wording", await reviewer.GetStringAsync($"/desk/articles/{Slug}"));
        var before = await StaffKit.ArticleAsync(site.Factory, Slug);
        var bottom = JsonDocument.Parse(before.ClinicianJson).RootElement.GetProperty("bottomLineStatement");
        var newBottom = bottom.GetProperty("text").GetString() + " The trials were small.";
        var token = await StaffKit.TokenAsync(editor);
        var revised = await editor.PostAsync($"/desk/articles/{Slug}/revise", Pages.Form(("__af", token), ("revision", before.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("clinician.bottom", newBottom), ("comment", "Added the size of the trials.")));
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);

        var after = await StaffKit.ArticleAsync(site.Factory, Slug);
        Assert.Equal("Under Review", after.ReviewState);
        Assert.Equal(2, after.Version);
        Assert.Equal(2, after.LatestVersion);
        var afterBottom = JsonDocument.Parse(after.ClinicianJson).RootElement.GetProperty("bottomLineStatement");
        Assert.Equal(newBottom, afterBottom.GetProperty("text").GetString());
        // Citations and cited passages are the ones of the first version.
        Assert.Equal(bottom.GetProperty("citations").GetRawText(), afterBottom.GetProperty("citations").GetRawText());
        Assert.Equal(bottom.GetProperty("spans").GetRawText(), afterBottom.GetProperty("spans").GetRawText());

        await using (var db = site.Factory.Services.GetRequiredService<GalenDbFactory>().Create())
        {
            var versions = await db.ArticleVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync();
            Assert.Equal([1, 2], versions.Select(v => v.Number));
            Assert.Equal(before.ClinicianJson, versions[0].ClinicianJson);
            Assert.Equal(e.Id, versions[1].AuthorId);
            Assert.Equal("revised", versions[1].Reason);
            Assert.NotEqual("{}", versions[0].SourceHashesJson);
            Assert.Equal(versions[0].SourceHashesJson, versions[1].SourceHashesJson);
            Assert.False(string.IsNullOrWhiteSpace(versions[0].EngineVersion));

            // Versions and the audit log are append-only: the store refuses to change or delete them.
            versions[0].ClinicianJson = "{}";
            db.Update(versions[0]);
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            db.ChangeTracker.Clear();
            db.AuditLog.Remove(await db.AuditLog.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        // Staff see what changed between the versions.
        var diff = WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/desk/articles/{Slug}/diff?from=1&to=2"));
        Assert.Contains("The bottom line changed.", diff);
        Assert.Contains("<h3>Statements added</h3>", diff);
        Assert.Contains(newBottom, diff);
        // Readers see the version history.
        var history = await reader.GetStringAsync(location + "/versions");
        Assert.Contains("Wording revised by an editor", history);
        Assert.Contains("First written", history);

        var audit = await StaffKit.AuditAsync(site.Factory, Slug);
        Assert.Equal(["claim", "request-changes", "revise"], audit.Select(x => x.Action));
        Assert.Equal(2, audit[2].Version);
        Assert.Equal("Say that the trials were small.", audit[1].Comment);
    }

    [Fact]
    public async Task Two_reviewers_acting_on_the_same_page_cannot_overwrite_each_other()
    {
        using var site = new TestSite();
        await Pages.AskByForm(site.Factory.Browser(followRedirects: false), Pages.RestlessLegs);
        var (first, a) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));
        var (second, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Second", "MD", "reviewer"));
        var shown = await StaffKit.RevisionAsync(site.Factory, Slug);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffKit.StepAsync(first, Slug, "claim", shown)).StatusCode);
        // The second reviewer's form still carries the revision both saw; their step would silently undo the first.
        var late = await StaffKit.StepAsync(second, Slug, "reject", shown, "Not needed.");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Someone else changed this article since you opened it", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));

        var article = await StaffKit.ArticleAsync(site.Factory, Slug);
        Assert.Equal("Under Review", article.ReviewState);
        Assert.Equal(a.Id, article.ClaimedById);
        Assert.Equal(["claim"], (await StaffKit.AuditAsync(site.Factory, Slug)).Select(e => e.Action));
    }

    [Fact]
    public async Task A_low_rating_on_an_approved_article_puts_it_back_in_the_queue_without_taking_approval_away()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (first, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));
        var (second, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Second", "MD", "reviewer"));
        var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        await StaffKit.StepAsync(first, Slug, "claim", await StaffKit.RevisionAsync(site.Factory, Slug));
        await StaffKit.StepAsync(first, Slug, "approve", await StaffKit.RevisionAsync(site.Factory, Slug));
        await StaffKit.StepAsync(second, Slug, "confirm", await StaffKit.RevisionAsync(site.Factory, Slug));
        Assert.DoesNotContain(Pages.RestlessLegs, await editor.GetStringAsync("/desk"));

        // A good rating changes nothing; a low one asks the desk to look.
        var token = await Pages.TokenFrom(reader, location);
        await reader.PostAsync(location + "/rate", Pages.Form(("__af", token), ("stars", "5")));
        Assert.Null((await StaffKit.ArticleAsync(site.Factory, Slug)).TriageSince);
        await reader.PostAsync(location + "/rate", Pages.Form(("__af", token), ("stars", "1")));
        await reader.PostAsync(location + "/feedback", Pages.Form(("__af", token), ("text", "The dose is missing <b>here</b>.")));

        var queue = await editor.GetStringAsync("/desk");
        Assert.Contains(Pages.RestlessLegs, queue);
        Assert.Contains("Readers asked for a look", queue);
        // One rating per reader: the second replaced the first.
        Assert.Contains("1 feedback, 1 rating (mean 1.0)", queue);
        var desk = await editor.GetStringAsync($"/desk/articles/{Slug}");
        Assert.Contains("The dose is missing &lt;b&gt;here&lt;/b&gt;.", desk);
        Assert.Contains("aria-current=\"step\">Approved", await reader.GetStringAsync(location));

        Assert.Equal(HttpStatusCode.Redirect, (await StaffKit.StepAsync(editor, Slug, "triage", await StaffKit.RevisionAsync(site.Factory, Slug), "Dose is in the practical section.")).StatusCode);
        var article = await StaffKit.ArticleAsync(site.Factory, Slug);
        Assert.Null(article.TriageSince);
        Assert.Equal("Approved", article.ReviewState);
        Assert.DoesNotContain(Pages.RestlessLegs, await editor.GetStringAsync("/desk"));
    }

    [Fact]
    public async Task The_queue_pages_through_every_waiting_article_with_the_total_shown()
    {
        using var site = new TestSite();
        const int waiting = 150;
        await using (var db = site.Factory.Services.GetRequiredService<GalenDbFactory>().Create())
        {
            var start = DateTime.UtcNow.AddDays(-1);
            for (var i = 1; i <= waiting; i++)
            {
                var n = i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
                db.Articles.Add(new ArticleRow
                {
                    Slug = $"queued-question-{n}", Question = $"Queued question {n}", QuestionKey = $"queued question {n}",
                    ClinicianJson = "{}", PatientJson = "{}", ReviewState = Galen.Web.Articles.ReviewStates.Submitted,
                    CreatedAt = start.AddMinutes(i), UpdatedAt = start.AddMinutes(i),
                });
            }
            await db.SaveChangesAsync();
        }
        var (reviewer, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));

        var first = await reviewer.GetStringAsync("/desk");
        Assert.Contains("150 articles wait for the board; showing 1 to 100, page 1 of 2.", first);
        Assert.Equal(Galen.Web.Review.DeskQueries.QueuePageSize, QueuedOn(first).Count);
        Assert.Contains("Queued question 001", first);
        Assert.DoesNotContain("Queued question 101", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        var next = System.Text.RegularExpressions.Regex.Match(first, "<a rel=\"next\" href=\"([^\"]+)\">Next page</a>");
        Assert.True(next.Success, "no link to the next page");

        var second = await reviewer.GetStringAsync(WebUtility.HtmlDecode(next.Groups[1].Value));
        Assert.Contains("showing 101 to 150, page 2 of 2.", second);
        var onSecond = QueuedOn(second);
        Assert.Equal(waiting - Galen.Web.Review.DeskQueries.QueuePageSize, onSecond.Count);
        Assert.Empty(onSecond.Intersect(QueuedOn(first)));
        Assert.Contains("Queued question 150", second);
        Assert.DoesNotContain("rel=\"next\"", second);
        Assert.Contains("<a rel=\"prev\" href=\"/desk?page=1\">Previous page</a>", second);

        // A page past the end shows the last one rather than an empty table.
        Assert.Contains("page 2 of 2.", await reviewer.GetStringAsync("/desk?page=9"));
    }

    private static List<string> QueuedOn(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "Queued question \\d{3}").Select(m => m.Value)];

    [Fact]
    public async Task A_withdrawn_article_says_so_to_readers()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        var location = await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffKit.StepAsync(editor, Slug, "withdraw", await StaffKit.RevisionAsync(site.Factory, Slug), "Duplicate of another article.")).StatusCode);
        var html = await reader.GetStringAsync(location);
        Assert.Contains("Withdrawn by the editors.", html);
        Assert.DoesNotContain("Pending human review", html);
        Assert.DoesNotContain("aria-current=\"step\"", html);
    }

    [Fact]
    public void Bad_options_stop_the_start_and_name_the_key()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["Galen:Web:RateLimits:AskPerWindow"] = "0" });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => site.Factory.CreateClient());
        Assert.Contains("Galen:Web:RateLimits:AskPerWindow", error.Message);
    }

    [Fact]
    public void The_former_shared_editor_key_is_refused_with_a_message_naming_it()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["Galen:Web:EditorKey"] = "an-old-shared-editor-key" });
        var error = Assert.ThrowsAny<OptionsValidationException>(() => site.Factory.CreateClient());
        Assert.Contains("Galen:Web:EditorKey is no longer used", error.Message);
        Assert.Contains("galen users add", error.Message);
    }
}
