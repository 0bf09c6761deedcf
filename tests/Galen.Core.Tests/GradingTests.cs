using Galen.Core.Analysis;
using Galen.Core.Grading;
using Galen.Core.Sources;

namespace Galen.Core.Tests;

public sealed class GradingTests
{
    [Theory]
    [InlineData("Magnesium significantly improved sleep quality compared with placebo.", 1)]
    [InlineData("Magnesium did not improve symptoms compared with placebo.", -1)]
    [InlineData("There was no significant difference in symptom scores between the groups.", -1)]
    [InlineData("Serum ferritin was not associated with symptom severity.", -1)]
    [InlineData("The treatment failed to reduce the number of attacks.", -1)]
    [InlineData("There is insufficient evidence to determine whether magnesium is effective.", 0)]
    [InlineData("Further randomized trials are needed before magnesium can be recommended.", 0)]
    [InlineData("We were unable to determine the effectiveness of magnesium.", 0)]
    [InlineData("Magnesium is not recommended for restless legs syndrome.", -1)]
    [InlineData("Statin therapy was associated with a lower risk of stroke.", 1)]
    public void Sentence_stance_handles_negation_and_hedging(string sentence, int expectedSign)
    {
        var stance = StanceDetector.Classify(sentence, QuestionFocus.Benefit);
        if (expectedSign == 0)
        {
            Assert.True(stance.Inconclusive, sentence);
            Assert.InRange(stance.Score, -0.35, 0.35);
        }
        else
        {
            Assert.Equal(expectedSign, Math.Sign(stance.Score));
        }
    }

    [Fact]
    public void Hedged_findings_count_less_than_firm_ones()
    {
        var firm = StanceDetector.Classify("Magnesium improved sleep.", QuestionFocus.Benefit);
        var hedged = StanceDetector.Classify("Magnesium may improve sleep.", QuestionFocus.Benefit);
        Assert.True(hedged.Hedged);
        Assert.True(hedged.Score < firm.Score);
        Assert.True(hedged.Score > 0);
    }

    [Fact]
    public void For_a_safety_question_no_increase_in_complications_supports()
    {
        Assert.True(StanceDetector.Classify("The procedure was not associated with an increased rate of complications.", QuestionFocus.Safety).Score > 0);
        Assert.True(StanceDetector.Classify("Complication rates were similar in both groups.", QuestionFocus.Safety).Score > 0);
        Assert.True(StanceDetector.Classify("The procedure carried a higher risk of bleeding.", QuestionFocus.Safety).Score < 0);
    }

    [Fact]
    public void For_a_necessity_question_can_be_safely_omitted_goes_against()
    {
        Assert.True(StanceDetector.Classify("Routine chest radiography can be safely omitted after chest tube removal.", QuestionFocus.Necessity).Score < 0);
        Assert.True(StanceDetector.Classify("Chest radiography should be performed in every patient.", QuestionFocus.Necessity).Score > 0);
    }

    [Fact]
    public void Sentence_splitter_keeps_abbreviations_decimals_and_et_al_together()
    {
        const string text = "Doses of 1.5 mg were used, e.g. in older adults vs. younger ones. Smith et al. found a benefit (n=10). The next sentence starts here.";
        var spans = TextTools.SplitSentences(text);
        Assert.Equal(3, spans.Count);
        Assert.Equal("Smith et al. found a benefit (n=10).", text.Substring(spans[1].Start, spans[1].Length));
    }

    [Theory]
    [InlineData("One thousand ninety-nine women aged 50 and older were recruited.", 1099)]
    [InlineData("We enrolled 120 patients with restless legs syndrome.", 120)]
    [InlineData("An open pilot study (n=10) was done.", 10)]
    [InlineData("Twenty-four consecutive patients were studied.", 24)]
    [InlineData("A total of 2,345 adults took part.", 2345)]
    public void Sample_size_is_read_from_text(string text, int expected) =>
        Assert.Equal(expected, EvidenceClassifier.SampleSizeIn(text));

    [Fact]
    public void Evidence_level_comes_from_kind_publication_types_mesh_and_text()
    {
        Assert.Equal(EvidenceLevel.Guideline, EvidenceClassifier.Level(TestLibrary.RlsGuideline));
        Assert.Equal(EvidenceLevel.SystematicReview, EvidenceClassifier.Level(TestLibrary.MagnesiumReview));
        Assert.Equal(EvidenceLevel.PatientInformation, EvidenceClassifier.Level(TestLibrary.RlsPatientPage));
        Assert.Equal(EvidenceLevel.RandomizedTrial, EvidenceClassifier.Level(Research("A trial", "Patients were randomly assigned to drug or placebo.", types: ["Randomized Controlled Trial"])));
        Assert.Equal(EvidenceLevel.Animal, EvidenceClassifier.Level(Research("Magnesium in diabetic rats", "Rats were given magnesium.", mesh: ["Animals", "Rats", "Magnesium"])));
        Assert.Equal(EvidenceLevel.CaseReport, EvidenceClassifier.Level(Research("A case", "We report a 45-year-old man with dystonia.")));
        Assert.Equal(EvidenceLevel.Cohort, EvidenceClassifier.Level(Research("Outcomes", "In this retrospective cohort of 300 patients, outcomes were compared.")));
        Assert.Equal(EvidenceLevel.SystematicReview, EvidenceClassifier.Level(Research("Magnesium: a meta-analysis", "We pooled 12 trials.")));
    }

    [Fact]
    public void Limitations_name_open_label_pilot_uncontrolled_and_small_studies()
    {
        var pilot = Research("Magnesium therapy: an open pilot study", "Ten patients took magnesium without a control group (n=10).");
        var level = EvidenceClassifier.Level(pilot);
        var limits = EvidenceClassifier.Limitations(pilot, level, EvidenceClassifier.SampleSize(pilot));
        Assert.Contains("open-label", limits);
        Assert.Contains("pilot", limits);
        Assert.Contains("uncontrolled", limits);
        Assert.Contains("small", limits);
    }

    [Fact]
    public void Facts_include_doses_routes_thresholds_and_NNT_with_confidence_interval()
    {
        var dose = FactExtractor.Extract("Give benztropine 1–2 mg IM or IV once.");
        Assert.Contains(dose, f => f.Kind == FactKind.Dose && f.Low == 1 && f.High == 2 && f.Unit == "mg" && f.Route == "IM");
        var threshold = FactExtractor.Extract("Offer iron if serum ferritin is ≤75 ng/mL or transferrin saturation is <20%.");
        Assert.Contains(threshold, f => f.Kind == FactKind.Threshold && f.Value == 75 && f.Unit == "ng/mL");
        Assert.Contains(threshold, f => f.Kind == FactKind.Threshold && f.Value == 20 && f.Unit == "%");
        var nnt = FactExtractor.Extract("Valbenazine had a number needed to treat (NNT) of 4 (95% CI 3-6).");
        Assert.Contains(nnt, f => f.Kind == FactKind.Nnt && f.Value == 4 && f.Low == 3 && f.High == 6);
        var effect = FactExtractor.Extract("The odds ratio was 1.8 (95% CI 1.2 to 2.7).");
        Assert.Contains(effect, f => f.Kind == FactKind.EffectSize && f.Value == 1.8 && f.Low == 1.2 && f.High == 2.7);
    }

    [Fact]
    public void A_guideline_outranks_a_single_study()
    {
        var q = QuestionAnalyzer.Analyze("Can magnesium be used to treat restless legs syndrome?", []);
        var guideline = EvidenceGrader.Grade(TestLibrary.RlsGuideline, 8, 10, q);
        var trial = EvidenceGrader.Grade(Research("Magnesium for restless legs syndrome: a randomized controlled trial",
            "Magnesium significantly improved restless legs syndrome symptoms compared with placebo.", year: 2022, size: 80), 10, 10, q);
        Assert.Equal(Stance.Against, guideline.Stance);
        Assert.Equal(Stance.Supports, trial.Stance);
        var verdict = VerdictEngine.Decide([trial, guideline], q);
        Assert.NotEqual(Verdict.Yes, verdict.Value);
        Assert.Same(guideline, verdict.Basis[0]);
    }

    [Fact]
    public void Guidelines_that_agree_settle_evidence_that_otherwise_conflicts_and_the_reason_says_others_differ()
    {
        var q = QuestionAnalyzer.Analyze("Can magnesium be used to treat restless legs syndrome?", []);
        var guideline = EvidenceGrader.Grade(TestLibrary.RlsGuideline, 8, 10, q);
        var review = EvidenceGrader.Grade(Research("Magnesium for restless legs syndrome: a systematic review and meta-analysis",
            "Magnesium significantly improved restless legs syndrome symptoms compared with placebo across 12 randomized trials.", year: 2023, size: 900), 10, 10, q);
        var trial = EvidenceGrader.Grade(Research("Magnesium for restless legs syndrome: a randomized controlled trial",
            "Magnesium significantly improved restless legs syndrome symptoms compared with placebo.", year: 2022, size: 300), 10, 10, q);
        Assert.Equal(Stance.Against, guideline.Stance);

        var verdict = VerdictEngine.Decide([review, trial, guideline], q);
        Assert.True(verdict.Value == Verdict.No, verdict.Reason + string.Join("; ", new[] { review, trial, guideline }.Select(g => $"{g.Level} {g.Weight:F2} {g.Stance}")));
        Assert.Contains("guidelines outrank", verdict.Reason);
        Assert.Contains("systematic review", verdict.Reason);
    }

    [Fact]
    public void A_question_about_every_case_is_answered_no_by_a_source_naming_the_cases_that_do_not()
    {
        var q = QuestionAnalyzer.Analyze("Do all adults with restless legs syndrome need gabapentin?", []);
        Assert.Equal("all", q.Quantifier);
        var guideline = EvidenceGrader.Grade(Research("Gabapentin for restless legs syndrome: a clinical guideline",
            "Gabapentin significantly improves restless legs syndrome. Gabapentin is recommended only when restless legs syndrome symptoms disturb sleep.", year: 2024, size: 400), 10, 10, q);

        var verdict = VerdictEngine.Decide([guideline], q);
        Assert.Equal(Verdict.No, verdict.Value);
        Assert.Contains("only when", verdict.Reason);
        Assert.NotNull(verdict.Deciding);
        Assert.Null(QuestionAnalyzer.Analyze("Does gabapentin help restless legs syndrome?", []).Quantifier);
    }

    [Fact]
    public void A_question_about_a_claim_is_decided_by_the_sources_that_speak_to_the_claim()
    {
        var q = QuestionAnalyzer.Analyze("Does gabapentin for restless legs syndrome damage the kidneys?", []);
        var recommends = EvidenceGrader.Grade(Research("Gabapentin for restless legs syndrome: a randomized controlled trial",
            "Gabapentin significantly improved restless legs syndrome symptoms compared with placebo.", year: 2022, size: 300), 10, 10, q);
        var onClaim = EvidenceGrader.Grade(Research("Gabapentin in restless legs syndrome and the kidneys: a systematic review and meta-analysis",
            "Gabapentin did not damage the kidneys of people with restless legs syndrome in any of the 12 randomized trials.", year: 2023, size: 1200), 9, 10, q);

        var verdict = VerdictEngine.Decide([recommends, onClaim], q);
        Assert.True(verdict.Value == Verdict.No, verdict.Reason + $" {onClaim.Stance} {onClaim.Weight:F2} {recommends.Stance}");
        Assert.DoesNotContain(recommends, verdict.Basis);
    }

    [Theory]
    [InlineData("NICE recommends a stepped approach, starting with education and self-help, then cognitive behavioural therapy, and advises against benzodiazepines.", 1)]
    [InlineData("The panel advises against benzodiazepines, sedating antihistamines and cognitive behavioural therapy for panic disorder.", -1)]
    [InlineData("Cognitive behavioural therapy is not recommended for this group.", -1)]
    [InlineData("Sleep hygiene was discussed; cognitive behavioural therapy was mentioned.", 0)]
    public void What_a_sentence_says_of_one_named_treatment_follows_the_verb_that_governs_it(string sentence, int expected) =>
        Assert.Equal(expected, StanceDetector.TargetSign(sentence.ToLowerInvariant(), ["cognitive behavioural therapy", "cbt"]));

    [Fact]
    public void Thin_evidence_gives_uncertain_with_the_reason_in_words()
    {
        var q = QuestionAnalyzer.Analyze("Does magnesium help with restless legs syndrome?", []);
        var pilot = EvidenceGrader.Grade(TestLibrary.MagnesiumPilot, 10, 10, q);
        var report = EvidenceGrader.Grade(Research("Magnesium relieved restless legs syndrome: a case report",
            "We report a 50-year-old woman whose restless legs syndrome improved with magnesium."), 9, 10, q);
        var verdict = VerdictEngine.Decide([pilot, report], q);
        Assert.Equal(Verdict.Uncertain, verdict.Value);
        Assert.Contains("pilot study of 10 patients", verdict.Reason);
        Assert.Contains("case report", verdict.Reason);
    }

    [Fact]
    public void Conflicting_trials_give_uncertain()
    {
        var q = QuestionAnalyzer.Analyze("Does magnesium help with restless legs syndrome?", []);
        var a = EvidenceGrader.Grade(Research("Trial A of magnesium in restless legs syndrome", "In this randomized controlled trial of 200 patients, magnesium significantly improved restless legs syndrome.", year: 2020), 10, 10, q);
        var b = EvidenceGrader.Grade(Research("Trial B of magnesium in restless legs syndrome", "In this randomized controlled trial of 220 patients, magnesium did not improve restless legs syndrome.", year: 2021), 10, 10, q);
        Assert.Equal(Verdict.Uncertain, VerdictEngine.Decide([a, b], q).Value);
    }

    [Fact]
    public void Two_good_trials_in_favour_give_yes()
    {
        var q = QuestionAnalyzer.Analyze("Does magnesium help with restless legs syndrome?", []);
        var a = EvidenceGrader.Grade(Research("Trial A of magnesium in restless legs syndrome", "In this randomized controlled trial of 200 patients, magnesium significantly improved restless legs syndrome.", year: 2020), 10, 10, q);
        var b = EvidenceGrader.Grade(Research("Trial B of magnesium in restless legs syndrome", "In this randomized controlled trial of 220 patients, magnesium reduced restless legs syndrome symptoms.", year: 2021), 9, 10, q);
        Assert.Equal(Verdict.Yes, VerdictEngine.Decide([a, b], q).Value);
    }

    internal static SourceRecord Research(string title, string text, string[]? types = null, string[]? mesh = null, int? year = null, int? size = null) => new()
    {
        Kind = SourceKind.Research,
        Ids = new ExternalIds { Url = "https://example.org/test/" + Math.Abs(StringComparer.Ordinal.GetHashCode(title)) },
        Title = title,
        Year = year,
        SampleSize = size,
        PublicationTypes = types ?? [],
        MeshTerms = mesh ?? [],
        Sections = [new SourceSection { Label = "ABSTRACT", Text = text }],
    };
}
