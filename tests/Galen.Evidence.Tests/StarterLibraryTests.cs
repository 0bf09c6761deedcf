using System.Text.Json;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Sources;
using Galen.Evidence.Import;
using Galen.Evidence.Store;
using Galen.Testing;

namespace Galen.Evidence.Tests;

/// <summary>A library holding only the starter library, loaded once for the read-only tests of this class.</summary>
public sealed class StarterLibraryFixture : IDisposable
{
    private readonly TempDirectory dir = new();

    public StarterLibraryFixture()
    {
        Library = new Library(new GalenStoreOptions { DataDirectory = dir.Path });
        Library.EnsureReady(TestPaths.Knowledge);
        Engine = new AnswerEngine(Library.Search);
    }

    public Library Library { get; }
    public AnswerEngine Engine { get; }

    public void Dispose()
    {
        Library.Dispose();
        dir.Dispose();
    }
}

public sealed class StarterLibraryTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    public sealed record StarterQuestion(string Question, string Audience, string? Verdict, string[] Expect)
    {
        public override string ToString() => Question;
    }

    public static TheoryData<StarterQuestion> Questions() => Load("starter-questions-*.json");

    /// <summary>Questions the engine does not yet answer to its editors' expectation (EVALUATION.md lists them).</summary>
    public static TheoryData<StarterQuestion> Gaps() => Load("starter-gaps.json");

    private static TheoryData<StarterQuestion> Load(string pattern)
    {
        var data = new TheoryData<StarterQuestion>();
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        foreach (var file in Directory.GetFiles(TestPaths.Fixture(), pattern).Order(StringComparer.Ordinal))
        {
            foreach (var q in JsonSerializer.Deserialize<List<StarterQuestion>>(File.ReadAllText(file), options)!) data.Add(q);
        }
        return data;
    }

    /// <summary>
    /// Patient material should read at grade 8 or below: on average over the distinct starter questions, the patient
    /// wording does (EVALUATION.md reports the figure).
    /// </summary>
    private const double MeanPatientReadingGradeCeiling = Galen.Core.Composition.ReadingGradeSummary.TargetGrade;

    [Fact]
    public void The_patient_wording_of_the_starter_questions_reads_at_grade_8_or_below_on_average()
    {
        var questions = Questions().Cast<object[]>().Select(o => ((StarterQuestion)o[0]).Question).Distinct(StringComparer.Ordinal).ToList();
        var grades = questions.Select(q => fixture.Engine.Ask(new AskRequest(q, Audience.Patient, [])).ReadingGrade).ToList();

        Assert.All(grades, g => Assert.NotNull(g));
        var summary = Galen.Core.Composition.ReadingGradeSummary.Of([.. grades.Select(g => g!.Value)]);
        Assert.True(summary.Mean <= MeanPatientReadingGradeCeiling,
            $"mean grade {summary.Mean} (median {summary.Median}, {summary.AtOrBelowTarget} of {summary.Count} at grade 8 or below)");
    }

    [Fact]
    public void At_least_sixty_starter_questions_are_checked_one_by_one() => Assert.True(Questions().Count >= 60);

    [Theory]
    [MemberData(nameof(Gaps))]
    public void Known_gap_questions_still_get_a_safe_cited_answer(StarterQuestion q)
    {
        Assert.True(Audiences.TryParse(q.Audience, out var audience));
        var answer = fixture.Engine.Ask(new AskRequest(q.Question, audience, []));

        Assert.False(string.IsNullOrWhiteSpace(answer.BottomLine));
        Assert.All(answer.Sections.SelectMany(s => s.Statements), s => Assert.NotEmpty(s.Citations));
        if (!answer.Abstained) Assert.NotEmpty(answer.References);
    }

    [Fact]
    public void Every_starter_file_parses_and_names_its_source()
    {
        var files = GuidelineReader.FindFiles(TestPaths.Knowledge).ToList();
        Assert.True(files.Count >= 100, $"only {files.Count} starter records");
        foreach (var file in files)
        {
            var record = GuidelineReader.Read(file);
            Assert.False(string.IsNullOrWhiteSpace(record.Container), file);
            Assert.NotNull(record.Year);
            Assert.NotNull(record.LastReviewed);
        }
    }

    [Fact]
    public void The_starter_library_loads_whole_with_every_reference_resolving()
    {
        var report = new ImportReport();
        using var dir = new TempDirectory();
        using var library = new Library(new GalenStoreOptions { DataDirectory = dir.Path });
        library.Migrate();
        library.ImportGuidelines([TestPaths.Knowledge], report);

        Assert.Empty(report.Errors.Select(e => e.Message));
        Assert.Equal(GuidelineReader.FindFiles(TestPaths.Knowledge).Count(), report.Added);
        var stats = library.Stats();
        Assert.True(stats.ByKind["guideline"] >= 40);
        Assert.True(stats.ByKind["patient-information"] >= 20);
    }

    [Fact]
    public void Every_recommendation_carries_its_source_and_what_it_rests_on_exists()
    {
        var records = GuidelineReader.FindFiles(TestPaths.Knowledge).Select(GuidelineReader.Read).ToList();
        var ids = records.Select(r => r.Ids.Guideline).ToHashSet();
        var recommendations = records.SelectMany(r => r.Sections.Where(s => s.Category == "recommendation").Select(s => (r, s))).ToList();
        Assert.NotEmpty(recommendations);
        foreach (var (record, section) in recommendations)
        {
            Assert.Equal(SourceKind.Guideline, record.Kind);
            Assert.All(section.RestsOn ?? [], id => Assert.Contains(id, ids));
        }
    }

    [Fact]
    public void Every_NICE_guideline_links_to_the_page_of_the_guideline_number_in_its_title()
    {
        var nice = GuidelineReader.FindFiles(TestPaths.Knowledge).Select(GuidelineReader.Read)
            .Select(r => (r, code: System.Text.RegularExpressions.Regex.Match(r.Title, @"\bNICE (?:clinical )?guideline ((?:NG|CG)\d+)\b")))
            .Where(x => x.code.Success).ToList();
        Assert.True(nice.Count >= 10, $"{nice.Count} NICE guidelines");
        Assert.All(nice, x => Assert.Equal("https://www.nice.org.uk/guidance/" + x.code.Groups[1].Value.ToLowerInvariant(), x.r.Ids.Url));
    }

    [Fact]
    public void Every_guideline_names_the_edition_it_summarises()
    {
        var guidelines = GuidelineReader.FindFiles(TestPaths.Knowledge).Select(GuidelineReader.Read).Where(r => r.Kind == SourceKind.Guideline).ToList();
        Assert.True(guidelines.Count >= 80, $"only {guidelines.Count} guideline records");
        Assert.All(guidelines, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Edition), $"{r.Ids.Guideline} names no edition");
            // The edition is the one the record cites: its year appears in it.
            Assert.Contains(r.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Edition, StringComparison.Ordinal);
            if (r.NewerEdition is not null) Assert.False(string.IsNullOrWhiteSpace(r.NewerEdition), r.Ids.Guideline);
        });

        // The yearly series and the superseded blood pressure guideline say that a newer edition exists.
        var newer = guidelines.Where(r => r.NewerEdition is not null).Select(r => r.Ids.Guideline).ToHashSet();
        foreach (var id in new[] { "asthma-gina-2024", "copd-gold-2024", "t2dm-ada-standards-2025", "hypertension-acc-aha-2017", "influenza-acip-vaccine-2024" })
        {
            Assert.Contains(id, newer);
        }
    }

    [Fact]
    public void A_pregnant_askers_medicine_for_another_complaint_is_answered_from_the_sources_on_it_in_pregnancy()
    {
        var (answer, explanation) = fixture.Engine.ExplainBottomLine(new AskRequest(
            "26 weeks pregnant and a nagging backache all week. Can I take naproxen for it?", Audience.Patient, []));

        Assert.False(answer.Abstained, answer.BottomLine);
        // The back pain sources say nothing of pregnancy; the medicines-in-pregnancy sources say when naproxen is avoided.
        Assert.Contains(explanation.Candidates, c => c.SourceKey.Contains("pregnancy", StringComparison.Ordinal)
            && c.Text.Contains("20 weeks", StringComparison.Ordinal));
    }

    [Fact]
    public void Answers_carry_the_edition_of_every_guideline_they_cite()
    {
        var editions = GuidelineReader.FindFiles(TestPaths.Knowledge).Select(GuidelineReader.Read).Where(r => r.Kind == SourceKind.Guideline)
            .ToDictionary(r => r.Title, r => (r.Edition, r.NewerEdition), StringComparer.Ordinal);
        var questions = Questions().Cast<object[]>().Select(o => ((StarterQuestion)o[0]).Question).Distinct(StringComparer.Ordinal).ToList();
        var cited = 0;
        foreach (var question in questions)
        {
            var answer = fixture.Engine.Ask(new AskRequest(question, Audience.Clinician, []));
            foreach (var reference in answer.References.Where(r => r.Kind == "guideline"))
            {
                Assert.True(editions.TryGetValue(reference.Title, out var expected), $"{reference.Title} is not a starter guideline");
                Assert.Equal(expected.Edition, reference.Edition);
                Assert.Equal(expected.NewerEdition, reference.NewerEdition);
                cited++;
            }
        }
        Assert.True(cited >= 40, $"only {cited} guideline references over the starter questions");
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Starter_questions_get_a_cited_answer_with_the_expected_bottom_line(StarterQuestion q)
    {
        Assert.True(Audiences.TryParse(q.Audience, out var audience));
        var answer = fixture.Engine.Ask(new AskRequest(q.Question, audience, []));

        Assert.False(answer.Abstained, $"abstained: {answer.BottomLine}");
        if (q.Verdict is not null) Assert.Equal(q.Verdict, answer.Verdict);
        foreach (var term in q.Expect)
        {
            Assert.Contains(term, answer.BottomLine, StringComparison.OrdinalIgnoreCase);
        }
        Assert.NotEmpty(answer.BottomLineStatement.Citations);
        Assert.All(answer.Sections.SelectMany(s => s.Statements), s => Assert.NotEmpty(s.Citations));
        Assert.All(answer.References, r => Assert.Null(r.ExternalIds.Pmid)); // the starter library carries no PMIDs: none may appear
    }
}
