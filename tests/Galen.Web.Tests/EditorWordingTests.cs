extern alias cli;

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Galen.Core.Answers;
using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Evidence.Store;
using Galen.Testing;
using Galen.Web.Articles;
using Galen.Web.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using GalenCommand = cli::Galen.Cli.GalenCommand;

namespace Galen.Web.Tests;

/// <summary>
/// An editor's wording outlives a re-answer where the statement under it is unchanged; where new evidence changed the
/// statement, the new draft has the engine's new statement and the diff shows it. Staff compare any two versions.
/// </summary>
public sealed class EditorWordingTests
{
    private const string Slug = "can-magnesium-be-used-to-treat-restless-legs-syndrome";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static List<Statement> Statements(Answer a) => [a.BottomLineStatement, .. a.Sections.SelectMany(s => s.Statements)];

    private static string Sources(Statement s) => string.Join('\n', s.Spans.Select(x => x.SourceKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static string Edited(string text) => "In the editor's words: " + text;

    /// <summary>Rewords every statement of one wording of the latest version through the desk's revise form.</summary>
    private static async Task ReviseAllAsync(SiteFactory site, HttpClient editor, Func<string, string> reword, string audience = "clinician")
    {
        var article = await StaffKit.ArticleAsync(site, Slug);
        await using var db = site.Services.GetRequiredService<GalenDbFactory>().Create();
        var latest = await db.ArticleVersions.AsNoTracking().SingleAsync(v => v.ArticleId == article.Id && v.Number == article.LatestVersion);
        var answer = JsonSerializer.Deserialize<Answer>(audience == "patient" ? latest.PatientJson : latest.ClinicianJson, Json)!;
        var fields = new List<(string, string)>
        {
            ("__af", await StaffKit.TokenAsync(editor)),
            ("revision", article.Revision.ToString(CultureInfo.InvariantCulture)),
            (ReviewWorkflow.FieldName(audience, 0, 0), reword(answer.BottomLineStatement.Text)),
        };
        for (var i = 0; i < answer.Sections.Count; i++)
        {
            for (var j = 0; j < answer.Sections[i].Statements.Count; j++)
            {
                fields.Add((ReviewWorkflow.FieldName(audience, i + 1, j + 1), reword(answer.Sections[i].Statements[j].Text)));
            }
        }
        var response = await editor.PostAsync($"/desk/articles/{Slug}/revise", Pages.Form([.. fields]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<Answer> VersionAsync(SiteFactory site, int number, string audience = "clinician")
    {
        await using var db = site.Services.GetRequiredService<GalenDbFactory>().Create();
        var row = await db.ArticleVersions.AsNoTracking().SingleAsync(v => v.Number == number);
        return JsonSerializer.Deserialize<Answer>(audience == "patient" ? row.PatientJson : row.ClinicianJson, Json)!;
    }

    /// <summary>
    /// After an editor's revision (version 2): a refresh with the library unchanged keeps that version and writes no
    /// draft; then a new trial is imported and a refresh writes version 3.
    /// </summary>
    private static async Task RefreshThenImportATrialAsync(SiteFactory site)
    {
        var living = site.Services.GetRequiredService<LivingArticles>();
        var forget = site.Services.GetRequiredService<ArticleService>().Forget;
        Assert.Equal(new RefreshReport(1, 1, 0, 0), await living.RefreshAsync(forget));
        Assert.Equal(2, (await StaffKit.ArticleAsync(site, Slug)).LatestVersion);
        var report = new ImportReport();
        site.Services.GetRequiredService<Library>().ImportGuidelines([TestPaths.Fixture("test-magnesium-rls-trial-2026.md")], report);
        Assert.Equal(1, report.Added);
        Assert.Equal(new RefreshReport(1, 0, 1, 0), await living.RefreshAsync(forget));
        Assert.Equal(3, (await StaffKit.ArticleAsync(site, Slug)).LatestVersion);
    }

    [Fact]
    public async Task A_refresh_keeps_the_editors_wording_of_unchanged_statements_and_shows_changed_ones_in_the_diff()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        var engineFirst = await VersionAsync(site.Factory, 1);
        await ReviseAllAsync(site.Factory, editor, Edited);
        // New evidence: a new draft, in the editor's words wherever the engine's statement is the one the editor reworded.
        await RefreshThenImportATrialAsync(site.Factory);

        var engineNow = site.Factory.Services.GetRequiredService<IAnswerWriter>().Ask(Pages.RestlessLegs, Audience.Clinician, []);
        var draft = Statements(await VersionAsync(site.Factory, 3));
        var wordedByEditor = Statements(await VersionAsync(site.Factory, 2));
        var before = Statements(engineFirst).Select(s => (s.Text, Sources(s))).ToHashSet();
        var now = Statements(engineNow);
        Assert.Equal(now.Count, draft.Count);
        int kept = 0, fresh = 0;
        for (var i = 0; i < now.Count; i++)
        {
            var unchanged = before.Contains((now[i].Text, Sources(now[i])));
            Assert.Equal(unchanged ? Edited(now[i].Text) : now[i].Text, draft[i].Text);
            Assert.Equal(Sources(now[i]), Sources(draft[i]));
            if (unchanged) kept++;
            else fresh++;
        }
        // Both cases happened, so the test shows each of them.
        Assert.True(kept > 0, "No statement was left unchanged by the new trial.");
        Assert.True(fresh > 0, "The new trial changed no statement.");

        // The desk's diff (editor's version → new draft): the engine's new statements are marked added, and every
        // editor's statement the evidence changed is marked removed; the kept ones are not listed.
        var diff = WebUtility.HtmlDecode(await editor.GetStringAsync($"/desk/articles/{Slug}/diff?from=2&to=3"));
        var added = Regex.Match(diff, "<h3>Statements added</h3><ul class=\"diff-added\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        foreach (var s in now.Where(s => !before.Contains((s.Text, Sources(s))))) Assert.Contains($"<li>{s.Text}</li>", added);
        var draftTexts = draft.Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        var dropped = wordedByEditor.Where(s => !draftTexts.Contains(s.Text)).ToList();
        Assert.NotEmpty(dropped);
        var removed = Regex.Match(diff, "<h3>Statements removed</h3><ul class=\"diff-removed\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        foreach (var s in dropped)
        {
            // An editor's statement the evidence replaced is marked as such; a removed statement in the engine's words is not.
            var marked = s.Text.StartsWith(Edited(""), StringComparison.Ordinal);
            Assert.Contains(marked ? $"<li>{s.Text} <span class=\"badge editor-wording\">" : $"<li>{s.Text}</li>", removed);
        }
        foreach (var s in draft.Where(s => s.Text.StartsWith(Edited(""), StringComparison.Ordinal))) Assert.DoesNotContain($"<li>{s.Text}</li>", diff);

        var audit = await StaffKit.AuditAsync(site.Factory, Slug);
        Assert.Equal("new-evidence", audit[^1].Action);
        Assert.Contains($"Editor wording kept for {kept} unchanged", audit[^1].Comment);
    }

    [Fact]
    public async Task A_refresh_keeps_the_editors_patient_wording_of_unchanged_statements()
    {
        using var site = new TestSite();
        await Pages.AskByForm(site.Factory.Browser(followRedirects: false), Pages.RestlessLegs);
        var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        var engineFirst = await VersionAsync(site.Factory, 1, "patient");
        var clinicianFirst = await VersionAsync(site.Factory, 1);
        await ReviseAllAsync(site.Factory, editor, Edited, "patient");
        // The editor reworded the patient wording only.
        Assert.All(Statements(await VersionAsync(site.Factory, 2, "patient")), s => Assert.StartsWith(Edited(""), s.Text, StringComparison.Ordinal));
        Assert.Equal(Statements(clinicianFirst).Select(s => s.Text), Statements(await VersionAsync(site.Factory, 2)).Select(s => s.Text));
        // New evidence: the new draft's patient wording is the editor's wherever the engine's statement is unchanged.
        await RefreshThenImportATrialAsync(site.Factory);
        var engineNow = Statements(site.Factory.Services.GetRequiredService<IAnswerWriter>().Ask(Pages.RestlessLegs, Audience.Patient, []));
        var draft = Statements(await VersionAsync(site.Factory, 3, "patient"));
        var before = Statements(engineFirst).Select(s => (s.Text, Sources(s))).ToHashSet();
        Assert.Equal(engineNow.Count, draft.Count);
        var kept = 0;
        for (var i = 0; i < engineNow.Count; i++)
        {
            var unchanged = before.Contains((engineNow[i].Text, Sources(engineNow[i])));
            Assert.Equal(unchanged ? Edited(engineNow[i].Text) : engineNow[i].Text, draft[i].Text);
            Assert.Equal(Sources(engineNow[i]), Sources(draft[i]));
            if (unchanged) kept++;
        }
        Assert.True(kept > 0, "No patient statement was left unchanged by the new trial.");
        // The clinician wording, which no editor touched, is the engine's.
        var clinicianNow = site.Factory.Services.GetRequiredService<IAnswerWriter>().Ask(Pages.RestlessLegs, Audience.Clinician, []);
        Assert.Equal(Statements(clinicianNow).Select(s => s.Text), Statements(await VersionAsync(site.Factory, 3)).Select(s => s.Text));
        var audit = await StaffKit.AuditAsync(site.Factory, Slug);
        Assert.Contains($"Editor wording kept for {kept} unchanged", audit[^1].Comment);
    }

    [Fact]
    public async Task The_command_line_import_and_refresh_keep_the_editors_wording()
    {
        using var data = new TempDataDirectory();
        using (var site = new TestSite(data: data))
        {
            await Pages.AskByForm(site.Factory.Browser(followRedirects: false), Pages.RestlessLegs);
            var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
            await ReviseAllAsync(site.Factory, editor, Edited);
        }

        var refresh = new StringWriter();
        Assert.Equal(0, await GalenCommand.RunAsync(["--data", data.Path, "--quiet", "articles", "refresh"], refresh, new StringWriter()));
        Assert.Contains("Checked 1 articles: 1 unchanged, 0 new versions", refresh.ToString());
        var import = new StringWriter();
        Assert.Equal(0, await GalenCommand.RunAsync(["--data", data.Path, "--quiet", "import", "guidelines", TestPaths.Fixture("test-magnesium-rls-trial-2026.md")], import, new StringWriter()));
        Assert.Contains("Checked 1 articles: 0 unchanged, 1 new version sent to review", import.ToString());

        await using var db = new GalenDbFactory(new GalenStoreOptions { DataDirectory = data.Path }).Create();
        var versions = await db.ArticleVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync();
        Assert.Equal(["asked", "revised", "new-evidence"], versions.Select(v => v.Reason));
        var engine = Statements(JsonSerializer.Deserialize<Answer>(versions[0].ClinicianJson, Json)!).Select(s => (s.Text, Sources(s))).ToHashSet();
        var draft = Statements(JsonSerializer.Deserialize<Answer>(versions[2].ClinicianJson, Json)!);
        // In the editor's words exactly where the engine's statement (text and sources) is one the editor reworded.
        foreach (var s in draft)
        {
            var editors = s.Text.StartsWith(Edited(""), StringComparison.Ordinal);
            var underlying = editors ? s.Text[Edited("").Length..] : s.Text;
            Assert.Equal(editors, engine.Contains((underlying, Sources(s))));
        }
        Assert.Contains(draft, s => s.Text.StartsWith(Edited(""), StringComparison.Ordinal));
        Assert.Contains(draft, s => !s.Text.StartsWith(Edited(""), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_compare_any_two_versions_from_the_version_history()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        var first = await VersionAsync(site.Factory, 1);
        await ReviseAllAsync(site.Factory, editor, text => text == first.BottomLineStatement.Text ? text + " Second wording." : text);
        await ReviseAllAsync(site.Factory, editor, text => text.EndsWith(" Second wording.", StringComparison.Ordinal) ? text.Replace(" Second wording.", " Third wording.", StringComparison.Ordinal) : text);

        // Readers see the history without the picker; staff get a form for any two versions, opening the diff URL.
        Assert.DoesNotContain("compare-from", await reader.GetStringAsync($"/articles/{Slug}/versions"));
        foreach (var page in new[] { $"/articles/{Slug}/versions", $"/desk/articles/{Slug}" })
        {
            var html = await editor.GetStringAsync(page);
            var form = Regex.Match(html, "<form method=\"get\" action=\"([^\"]+)\" class=\"version-picker\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
            Assert.True(form.Success, $"{page} has no version picker.");
            Assert.Equal($"/desk/articles/{Slug}/diff", form.Groups[1].Value);
            foreach (var name in new[] { "from", "to" })
            {
                var select = Regex.Match(form.Groups[2].Value, $"<select id=\"compare-{name}\" name=\"{name}\">(.*?)</select>", RegexOptions.Singleline);
                Assert.Equal(["1", "2", "3"], Regex.Matches(select.Groups[1].Value, "<option value=\"(\\d+)\"").Select(m => m.Groups[1].Value));
            }
        }

        // What the form sends for versions 1 and 3 (not neighbours): the diff between them, with the picker set to them.
        var diff = WebUtility.HtmlDecode(await editor.GetStringAsync($"/desk/articles/{Slug}/diff?from=1&to=3"));
        Assert.Contains("Version 1 → version 3", diff);
        Assert.Contains("<strong>The bottom line changed.</strong>", diff);
        Assert.Contains($"<li>{first.BottomLineStatement.Text} Third wording.</li>", diff);
        Assert.DoesNotContain("Second wording.", diff);
        Assert.Contains("<option value=\"1\" selected>1</option>", diff);
        Assert.Contains("<option value=\"3\" selected>3</option>", diff);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync($"/desk/articles/{Slug}/diff?from=1&to=3")).StatusCode);
    }
}
