using System.Text.RegularExpressions;
using Galen.Core;
using Galen.Core.Analysis;
using Galen.Core.Answers;
using Galen.Core.Composition;
using Galen.Core.Grading;
using Galen.Core.Sources;
using Galen.Evidence.Import;
using Galen.Testing;

namespace Galen.Evidence.Tests;

/// <summary>
/// What the two wordings of an article say about studies and in plain words, over the whole starter library and real
/// PubMed abstracts: the patient wording never claims more than the clinician wording, and never leaves a sentence broken.
/// </summary>
public sealed partial class ArticleWordingTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [GeneratedRegex(@"random", RegexOptions.IgnoreCase)]
    private static partial Regex Randomisation();

    // A claim of a comparison group ("compared treatments", "a comparison group"), not its absence ("no comparison group").
    [GeneratedRegex(@"\bcompared\b|(?<!\bno\s)\bcomparison\s+group", RegexOptions.IgnoreCase)]
    private static partial Regex ControlClaim();

    [GeneratedRegex(@"(?<!un)controlled|randomi[sz]ed|case-control|placebo|comparison|cohort|systematic|meta-analys", RegexOptions.IgnoreCase)]
    private static partial Regex ClinicianControl();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Figure();

    private static readonly QuestionAnalysis AnyQuestion = QuestionAnalyzer.Analyze("What does this study show?", []);

    private static IEnumerable<SourceRecord> StarterResearch() =>
        GuidelineReader.FindFiles(TestPaths.Knowledge).Select(GuidelineReader.Read).Where(r => r.Kind == SourceKind.Research);

    private static IEnumerable<SourceRecord> PubMedAbstracts()
    {
        var report = new ImportReport();
        var files = Directory.GetFiles(TestPaths.SharedData("pubmed-xml"), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        var fromXml = files.SelectMany(f => PubMedReader.Read(f, report)).Where(i => i.Record is not null).Select(i => i.Record!);
        var fromPubMedQa = PubMedQaReader.Read(TestPaths.SharedData("pubmedqa", "pqal_dev.json")).Take(300).Select(i => i.Source);
        return fromXml.Concat(fromPubMedQa);
    }

    [Fact]
    public void The_patient_wording_never_claims_randomisation_control_or_size_the_clinician_wording_does_not()
    {
        var sources = StarterResearch().Concat(PubMedAbstracts()).ToList();
        Assert.True(sources.Count > 300, $"only {sources.Count} research sources");
        var levels = new HashSet<EvidenceLevel>();
        foreach (var source in sources)
        {
            var graded = EvidenceGrader.Grade(source, 1, 1, AnyQuestion);
            levels.Add(graded.Level);
            var clinician = StudyWording.Introduction(graded, Audience.Clinician);
            var patient = StudyWording.Introduction(graded, Audience.Patient);
            var what = $"{source.Key}: clinician \"{clinician}\", patient \"{patient}\"";
            if (Randomisation().IsMatch(patient)) Assert.True(Randomisation().IsMatch(clinician), what);
            if (ControlClaim().IsMatch(patient)) Assert.True(ClinicianControl().IsMatch(clinician), what);
            var clinicianFigures = Figure().Matches(clinician).Select(m => m.Value).ToHashSet();
            Assert.All(Figure().Matches(patient).Select(m => m.Value), n => Assert.Contains(n, clinicianFigures));
            if (patient.Contains("small", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(clinician.Contains("pilot", StringComparison.OrdinalIgnoreCase) || clinician.Contains("small", StringComparison.OrdinalIgnoreCase)
                    || (graded.SampleSize is < 50), what);
            }
        }
        // The sample spans designs, so the checks above are not all run on one kind of study.
        Assert.Contains(EvidenceLevel.RandomizedTrial, levels);
        Assert.Contains(EvidenceLevel.SystematicReview, levels);
        Assert.Contains(EvidenceLevel.UncontrolledStudy, levels);
    }

    [Theory]
    [InlineData("gorantla-magnesium-citrate-rls-2024", 12)]
    [InlineData("hornyak-magnesium-rls-pilot-1998", 10)]
    public void An_open_label_pilot_without_a_control_group_is_graded_and_worded_as_uncontrolled(string id, int size)
    {
        var record = StarterResearch().Single(r => r.Ids.Guideline == id);
        var graded = EvidenceGrader.Grade(record, 1, 1, AnyQuestion);

        Assert.Equal("uncontrolled-study", graded.Level.ToSlug());
        var patient = StudyWording.Introduction(graded, Audience.Patient);
        Assert.DoesNotContain("random", patient, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no comparison group", patient, StringComparison.Ordinal);
        Assert.Contains($"of {size} people", patient, StringComparison.Ordinal);
        Assert.Contains($"of {size} people", StudyWording.Introduction(graded, Audience.Clinician), StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_tells_a_patient_how_many_people_its_studies_had_in_everyday_words()
    {
        var reviews = StarterResearch().Select(r => EvidenceGrader.Grade(r, 1, 1, AnyQuestion))
            .Where(g => g.Level == EvidenceLevel.SystematicReview && g.SampleSize is not null).ToList();

        Assert.NotEmpty(reviews);
        Assert.All(reviews, g =>
        {
            var patient = StudyWording.Introduction(g, Audience.Patient);
            Assert.Contains($"with {g.SampleSize} people in all", patient, StringComparison.Ordinal);
            Assert.DoesNotContain("participants", patient, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void A_call_for_a_future_randomised_trial_does_not_make_a_study_one()
    {
        var record = new SourceRecord
        {
            Kind = SourceKind.Research,
            Ids = new ExternalIds { Pmid = "1" },
            Title = "Zinc for chilblains: a pilot study",
            Sections =
            [
                new SourceSection { Label = "METHODS", Category = "METHODS", Text = "Fourteen adults with chilblains took zinc for six weeks; there was no control group." },
                new SourceSection { Label = "CONCLUSIONS", Category = "CONCLUSIONS", Text = "A larger randomized placebo-controlled trial is needed to confirm the benefit." },
            ],
        };

        var graded = EvidenceGrader.Grade(record, 1, 1, AnyQuestion);

        Assert.Equal(EvidenceLevel.UncontrolledStudy, graded.Level);
        Assert.Contains("uncontrolled", graded.Limitations);
    }

    // Plain wording that reads only after a noun, left in front of one ("given into a vein iron"), or a verb phrase
    // left without its subject after a conjunction ("Unless should not be used").
    [GeneratedRegex(@"\b(?:unless|if|when|where|whether|although|because)\s+(?:should|must|can|may)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubjectlessClause();

    [GeneratedRegex(@"^[a-z][a-z-]*$")]
    private static partial Regex LowerWord();

    private static readonly HashSet<string> WordsAfterAPhrase = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "into", "for", "with", "without", "by", "at", "on", "from", "than",
        "as", "if", "when", "unless", "because", "until", "while", "over", "after", "before", "during", "per", "each", "every",
        "is", "are", "was", "were", "be", "can", "may", "should", "must", "will", "it", "they", "this", "that", "which", "who",
        "where", "then", "only", "also", "not", "so", "such", "up", "about", "once", "twice", "daily", "weekly", "again", "first",
        "slowly", "too", "more", "less", "one", "two", "three", "four", "times", "now", "immediately", "there", "here", "both", "either", "within", "under", "through", "since", "you", "your",
    };

    public static IEnumerable<string> DanglingSubstitutions(string text)
    {
        foreach (Match m in SubjectlessClause().Matches(text)) yield return m.Value;
        foreach (var plain in LayVocabulary.AfterNounWordings)
        {
            var at = 0;
            while ((at = text.IndexOf(plain + " ", at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var rest = text[(at + plain.Length + 1)..];
                var next = new string(rest.TakeWhile(c => char.IsLetter(c) || c == '-').ToArray());
                if (next.Length > 0 && LowerWord().IsMatch(next) && !WordsAfterAPhrase.Contains(next)) yield return plain + " " + next;
                at += plain.Length;
            }
        }
    }

    [Theory]
    [InlineData("Assess iron status and give oral or intravenous iron when iron stores are low.", "iron by mouth or into a vein")]
    [InlineData("Unless contraindicated, an alpha-2-delta ligand is the first medicine.", "Unless there is a reason not to use it")]
    [InlineData("Give 2 mg IM now.", "as a shot into a muscle")]
    [InlineData("Subcutaneous injection of the medicine is an option.", "Subcutaneous")]
    [InlineData("Check the daily dose before each refill.", "daily dose")]
    public void Plain_words_are_substituted_inside_the_phrase_and_keep_the_sentence_whole(string text, string expected)
    {
        var plain = LayVocabulary.Simplify(text);

        Assert.Contains(expected, plain, StringComparison.Ordinal);
        Assert.Empty(DanglingSubstitutions(plain));
    }

    [Fact]
    public void No_patient_statement_in_the_starter_answers_leaves_a_dangling_word()
    {
        var questions = StarterLibraryTests.Questions().Cast<object[]>().Select(o => ((StarterLibraryTests.StarterQuestion)o[0]).Question).Distinct().ToList();
        Assert.NotEmpty(questions);
        var broken = new List<string>();
        foreach (var question in questions)
        {
            var answer = fixture.Engine.Ask(new AskRequest(question, Audience.Patient, []));
            foreach (var statement in answer.Sections.SelectMany(s => s.Statements).Prepend(answer.BottomLineStatement))
            {
                broken.AddRange(DanglingSubstitutions(statement.Text).Select(d => $"{question}: \"{d}\" in \"{statement.Text}\""));
            }
        }
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Theory]
    [InlineData("Too much magnesium from supplements can cause diarrhea, and people with kidney disease can build up dangerous levels of magnesium.",
        "Too much magnesium from supplements can cause diarrhea. People with kidney disease can build up dangerous levels of magnesium.")]
    [InlineData("Magnesium is not a treatment for acute dystonia; the proven treatment is a shot of benztropine into a muscle.",
        "Magnesium is not a treatment for acute dystonia. The proven treatment is a shot of benztropine into a muscle.")]
    [InlineData("Avoid pain pills such as ibuprofen while on a blood thinner unless your doctor says they are safe, because they raise the risk of bleeding.",
        "Avoid pain pills such as ibuprofen while on a blood thinner unless your doctor says they are safe. This is because they raise the risk of bleeding.")]
    [InlineData("Low magnesium in the blood is a level below 0.75 mmol/L (about 1.8 milligrams per decilitre).",
        "Low magnesium in the blood is a level below 0.75 mmol/L.")]
    [InlineData("Valbenazine has a number needed to treat of 4 (95% CI 3 to 6) for a large improvement.",
        "Valbenazine has a number needed to treat of 4 for a large improvement.")]
    // Left whole: a list, a shared subject, a phrase that cannot stand alone, and a bracket that is not a second unit.
    [InlineData("Screening is advised for all women aged 65 years or older, and in postmenopausal women younger than 65 years who are at increased risk.", null)]
    [InlineData("Drug-induced parkinsonism causes slow movements, stiffness and shaking, and often gets better when the dose is lowered.", null)]
    [InlineData("Isotretinoin is strongly recommended for severe acne, acne causing scarring, and acne that has not responded to other treatments.", null)]
    [InlineData("Magnesium is safe for most people, but not for people with kidney disease who take it every day.", null)]
    [InlineData("Take ibuprofen with food (not on an empty stomach, 400 mg at most) and drink water.", null)]
    public void Long_patient_sentences_split_only_between_whole_clauses(string sentence, string? expected)
    {
        Assert.Equal(expected ?? sentence, PlainSentences.Shorten(sentence));
    }

    [Fact]
    public void A_plain_line_rewords_the_sentence_before_it_for_patients_only()
    {
        const string record = "---\nid: plain-test\nkind: guideline\ntitle: T\ncontainer: C\nyear: 2024\nlast-reviewed: 2026-01-01\n---\n\n"
            + "## Summary\nThe panel recommends intravenous iron for adults with ferritin below 75 ng/mL.\n"
            + "Plain: Adults with low iron stores can be given iron through a drip.\nIron studies are drawn in the morning.\n\n"
            + "## Side effects\n- Oral iron often causes constipation and dark stools.\n  Plain: Iron tablets often cause hard, dark stools.\n";
        var parsed = GuidelineReader.Parse(record, "plain-test.md");

        var summary = parsed.Sections[0];
        Assert.DoesNotContain("Plain", summary.Text, StringComparison.Ordinal);
        Assert.Equal("The panel recommends intravenous iron for adults with ferritin below 75 ng/mL. Iron studies are drawn in the morning.", summary.Text);
        Assert.Equal("Adults with low iron stores can be given iron through a drip.",
            summary.PlainWordingOf("The panel recommends intravenous iron for adults with ferritin below 75 ng/mL."));
        Assert.Null(summary.PlainWordingOf("Iron studies are drawn in the morning."));
        Assert.Equal("Iron tablets often cause hard, dark stools.", parsed.Sections[1].PlainWordingOf("Oral iron often causes constipation and dark stools."));

        var orphan = record.Replace("## Side effects\n- Oral", "## Side effects\nPlain: nothing before it.\n- Oral", StringComparison.Ordinal);
        var error = Assert.Throws<ImportFormatException>(() => GuidelineReader.Parse(orphan, "plain-test.md"));
        Assert.Contains("'Plain:' line must follow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_patient_wording_quotes_the_editors_plain_line_and_the_clinician_wording_never_does()
    {
        var questions = StarterLibraryTests.Questions().Cast<object[]>().Select(o => ((StarterLibraryTests.StarterQuestion)o[0]).Question).Distinct().ToList();
        var records = GuidelineReader.FindFiles(TestPaths.Knowledge).Select(GuidelineReader.Read).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var plainShown = 0;
        foreach (var question in questions)
        {
            foreach (var audience in new[] { Audience.Patient, Audience.Clinician })
            {
                var answer = fixture.Engine.Ask(new AskRequest(question, audience, []));
                foreach (var statement in answer.Sections.SelectMany(s => s.Statements).Prepend(answer.BottomLineStatement))
                {
                    foreach (var span in statement.Spans)
                    {
                        var plain = records.GetValueOrDefault(span.SourceKey)?.Sections.FirstOrDefault(s => s.Label == span.Section)?.PlainWordingOf(span.Text);
                        if (plain is null) continue;
                        if (audience == Audience.Patient)
                        {
                            // A statement merged from two sources keeps one wording, so the plain line shows unless merged away.
                            Assert.DoesNotContain(span.Text, statement.Text, StringComparison.Ordinal);
                            plainShown += statement.Text.Contains(plain, StringComparison.Ordinal) ? 1 : 0;
                        }
                        else
                        {
                            Assert.DoesNotContain(plain, statement.Text, StringComparison.Ordinal);
                        }
                    }
                }
            }
        }
        Assert.True(plainShown > 0, "no patient answer quoted a plain line");
    }
}
