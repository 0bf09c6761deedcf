using System.Text.Json;
using Galen.Core.Answers;
using Galen.Core.Composition;
using Galen.Core.Search;
using Galen.Core.Sources;

namespace Galen.Core.Tests;

public sealed class AnswerEngineTests
{
    private static readonly AnswerEngine Engine = new(new InMemorySearch(TestLibrary.All));

    private static Answer Ask(string question, Audience audience = Audience.Clinician, params string[] after) =>
        Engine.Ask(new AskRequest(question, audience, after));

    private static SourceRecord SourceOf(string key) => TestLibrary.All.Single(s => s.Key == key);

    [Theory]
    [InlineData("Can magnesium be used to treat Restless Leg Syndrome (RLS)?")]
    [InlineData("How do I treat an acute dystonic stiff neck that started after initiating or increasing an antipsychotic medication?")]
    [InlineData("What dose of benztropine is used for acute dystonia?")]
    [InlineData("What is restless legs syndrome?")]
    public void Every_statement_cites_a_source_and_its_span_text_occurs_in_that_source(string question)
    {
        foreach (var audience in new[] { Audience.Clinician, Audience.Patient })
        {
            var answer = Ask(question, audience);
            Assert.False(answer.Abstained, answer.BottomLine);
            var statements = answer.Sections.SelectMany(s => s.Statements).Prepend(answer.BottomLineStatement).ToList();
            Assert.NotEmpty(answer.Sections);
            foreach (var st in statements)
            {
                Assert.NotEmpty(st.Citations);
                Assert.NotEmpty(st.Spans);
                foreach (var span in st.Spans)
                {
                    var source = SourceOf(span.SourceKey);
                    var section = source.Sections.Single(s => s.Label == span.Section);
                    Assert.Equal(span.Text, section.Text.Substring(span.Start, span.Length));
                    Assert.Contains(span.Ref, st.Citations);
                    Assert.Equal(source.Title, answer.References[span.Ref - 1].Title);
                }
            }
        }
    }

    [Fact]
    public void References_are_numbered_in_order_of_first_citation()
    {
        var answer = Ask("Can magnesium be used to treat Restless Leg Syndrome (RLS)?");
        var seen = new List<int>();
        foreach (var st in answer.Sections.SelectMany(s => s.Statements).Prepend(answer.BottomLineStatement))
        {
            foreach (var c in st.Citations)
            {
                if (!seen.Contains(c))
                {
                    seen.Add(c);
                }
            }
        }
        Assert.Equal(Enumerable.Range(1, answer.References.Count), seen);
        Assert.Equal(Enumerable.Range(1, answer.References.Count), answer.References.Select(r => r.N));
    }

    [Fact]
    public void Magnesium_for_restless_legs_is_not_supported_and_the_strongest_evidence_leads()
    {
        var answer = Ask("Can magnesium be used to treat Restless Leg Syndrome (RLS)?");
        Assert.Equal("yes-no-efficacy", answer.QuestionKind);
        Assert.NotEqual("yes", answer.Verdict);
        Assert.Contains("magnesium", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(answer.Sections, s => s.Title == "From the Guidelines");
        Assert.Contains(answer.Sections, s => s.Title == "From the Research");
        // The bottom line is the guideline's or the systematic review's, never a single pilot study's.
        var lead = answer.Evidence.Single(e => e.Title == answer.References[0].Title);
        Assert.True(lead.Level is "guideline" or "systematic-review", $"the bottom line leads with {lead.Level}: {answer.BottomLine}");
        var research = answer.Sections.Single(s => s.Title == "From the Research");
        Assert.Contains(research.Statements, s => s.Text.StartsWith("An uncontrolled open-label pilot study of 10 people (1998) found:", StringComparison.Ordinal));
    }

    [Fact]
    public void Treatment_question_gives_numbered_steps_dosing_and_safety_sections_from_the_guideline()
    {
        var answer = Ask("How do I treat an acute dystonic stiff neck that started after initiating or increasing an antipsychotic medication?");
        Assert.Null(answer.Verdict);
        Assert.Equal("treatment", answer.QuestionKind);
        Assert.Contains("enztropine", answer.BottomLine);
        var steps = answer.Sections.Single(s => s.Title == "Treatment steps");
        Assert.True(steps.Numbered);
        Assert.StartsWith("Check the airway", steps.Statements[0].Text);
        Assert.Contains(answer.Sections, s => s.Title == "Dosing");
        Assert.Contains(answer.Sections, s => s.Title == "Contraindications and interactions");
        Assert.Contains(answer.Sections, s => s.Title == "When to seek urgent care");
        Assert.Contains(answer.Sections, s => s.Title == "Differential diagnosis");
        Assert.InRange(answer.FollowUps.Count, 3, 5);
    }

    [Fact]
    public void Engine_abstains_and_names_the_missing_evidence_when_nothing_bears_on_both_concepts()
    {
        var answer = Ask("Does atorvastatin help with restless legs syndrome?");
        Assert.True(answer.Abstained);
        Assert.Equal("uncertain", answer.Verdict);
        Assert.Contains("too little evidence", answer.BottomLine);
        Assert.Contains("atorvastatin", answer.BottomLine);
        Assert.Empty(answer.Sections);
    }

    [Fact]
    public void Engine_abstains_when_the_library_has_nothing_relevant()
    {
        var answer = Ask("What is the treatment for gout?");
        Assert.True(answer.Abstained);
        Assert.Contains("gout", answer.BottomLine);
    }

    [Fact]
    public void Same_question_gives_the_same_answer()
    {
        var a = JsonSerializer.Serialize(Ask("Can magnesium be used to treat RLS?", Audience.Patient));
        var b = JsonSerializer.Serialize(Ask("Can magnesium be used to treat RLS?", Audience.Patient));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Patient_answer_uses_plain_words_a_patient_disclaimer_and_reports_a_reading_grade()
    {
        var answer = Ask("What is restless legs syndrome?", Audience.Patient);
        Assert.Equal(Composition.Wording.PatientDisclaimer, answer.Disclaimer);
        Assert.NotNull(answer.ReadingGrade);
        Assert.True(answer.ReadingGrade <= 8, $"grade {answer.ReadingGrade}");
        Assert.Equal("What this means for you", answer.Sections[0].Title);
        var clinician = Ask("What is restless legs syndrome?");
        Assert.Equal(Composition.Wording.ClinicianDisclaimer, clinician.Disclaimer);
        Assert.Null(clinician.ReadingGrade);
    }

    [Fact]
    public void Patient_wording_replaces_clinical_abbreviations()
    {
        var answer = Ask("What dose of benztropine is used for acute dystonia?", Audience.Patient);
        var text = string.Join(" ", answer.Sections.SelectMany(s => s.Statements).Select(s => s.Text));
        Assert.DoesNotContain(" IM ", text);
        Assert.Contains("into a muscle", text);
    }

    [Fact]
    public void Follow_up_question_takes_the_medicine_and_condition_from_the_conversation()
    {
        var answer = Ask("What dose?", Audience.Clinician, "How do I treat acute dystonia from haloperidol?", "Is benztropine the first-line treatment for acute dystonia?");
        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.Equal("dosing", answer.QuestionKind);
        Assert.Contains("mg", answer.BottomLine);
    }

    [Fact]
    public void Urgent_question_sets_the_flag_and_a_notice_in_both_wordings()
    {
        var clinician = Ask("My son started haloperidol yesterday and now his neck is twisted and he says his throat feels tight and he is choking. What do I do?");
        Assert.True(clinician.Urgent);
        Assert.Contains("emergency", clinician.UrgentNotice);
        var patient = Ask("My son started haloperidol yesterday and now his neck is twisted and he says his throat feels tight. What do I do?", Audience.Patient);
        Assert.True(patient.Urgent);
        Assert.Contains("emergency number", patient.UrgentNotice);
        Assert.False(Ask("Can magnesium be used to treat RLS?").Urgent);
    }

    [Fact]
    public void Evidence_entries_are_graded_and_ranked()
    {
        var answer = Ask("Can magnesium be used to treat RLS?");
        Assert.NotEmpty(answer.Evidence);
        Assert.Equal("guideline", answer.Evidence[0].Level);
        Assert.Contains(answer.Evidence, e => e.Level == "systematic-review" && e.Stance == "inconclusive");
    }
}


public sealed class PatientWordingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Patient_answers_read_at_grade_eight_or_below_on_average()
    {
        var engine = new AnswerEngine(new InMemorySearch(TestLibrary.All));
        string[] questions =
        [
            "What is restless legs syndrome?",
            "Can magnesium be used to treat RLS?",
            "My son was started on haloperidol two days ago. Now his neck is twisted to one side. How do we treat this?",
            "What dose of benztropine is used for acute dystonia?",
            "How do I treat restless legs?",
        ];
        var grades = new List<double>();
        foreach (var q in questions)
        {
            var answer = engine.Ask(new AskRequest(q, Answers.Audience.Patient, []));
            Assert.NotNull(answer.ReadingGrade);
            grades.Add(answer.ReadingGrade!.Value);
            output.WriteLine($"{answer.ReadingGrade,5:F1}  {q}");
            output.WriteLine("      " + answer.BottomLine);
            foreach (var st in answer.Sections.SelectMany(sec => sec.Statements.Select(x => (sec.Title, x.Text))))
            {
                output.WriteLine($"      [{st.Title}] {st.Text}");
            }
        }
        Assert.True(grades.Average() <= 8.0, $"average grade {grades.Average():F1}");
    }

    [Theory]
    [InlineData("Hypomagnesemia can cause muscle twitching.", "low magnesium in the blood")]
    [InlineData("Give 2 mg IM now.", "into a muscle")]
    [InlineData("This drug is contraindicated in glaucoma.", "should not be used")]
    [InlineData("The efficacy of magnesium is unclear.", "how well it works")]
    [InlineData("Give it IV over 30 minutes.", "into a vein")]
    // A term kept and explained stays whole: the shorter term inside it is not rewritten.
    [InlineData("For subclinical hypothyroidism, recheck the TSH.", "subclinical hypothyroidism (")]
    public void Lay_vocabulary_rewrites_clinical_words(string text, string expected) =>
        Assert.Contains(expected, LayVocabulary.Simplify(text), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("This drug is contraindicated in glaucoma.", "This drug should not be used in glaucoma.")]
    [InlineData("Both medicines are contraindicated in pregnancy.", "Both medicines should not be used in pregnancy.")]
    [InlineData("It is absolutely contraindicated after a bleed.", "It must not be used after a bleed.")]
    public void A_clinical_word_after_is_or_are_is_made_plain_without_leaving_the_verb_twice(string text, string expected) =>
        Assert.Equal(expected, LayVocabulary.Simplify(text));

    [Theory]
    [InlineData("Iron supplementation was given for 12 weeks.", "Iron supplements was", "iron taking supplements")]
    [InlineData("The panel advises against routine vitamin D supplementation beyond the daily amount.", "vitamin D supplements beyond", "taking supplements")]
    [InlineData("Supplementation did not lower the rate of falls.", "taking supplements did", "supplementation")]
    public void Supplementation_after_the_nutrient_it_names_becomes_its_supplements_and_alone_becomes_taking_them(string text, string expected, string absent)
    {
        var plain = LayVocabulary.Simplify(text);
        Assert.Contains(expected, plain, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(absent, plain, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Injections of platelet-rich plasma are not advised for hip pain.", "platelet-rich plasma")]
    [InlineData("Convalescent plasma is not recommended.", "Convalescent plasma")]
    [InlineData("Check the plasma glucose after fasting.", "blood glucose")]
    public void A_treatment_named_with_a_clinical_word_keeps_its_name_while_the_word_alone_is_made_plain(string text, string expected) =>
        Assert.Contains(expected, LayVocabulary.Simplify(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("Diagnose it from symptoms with the Rome IV criteria, with few tests.")]
    [InlineData("Heart failure of NYHA class IV needs a specialist.")]
    [InlineData("Stage IV disease is treated differently.")]
    public void A_roman_numeral_four_is_not_read_as_into_a_vein(string text) =>
        Assert.DoesNotContain("into a vein", LayVocabulary.Simplify(text), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Lay_vocabulary_keeps_articles_right_and_explains_a_term_once()
    {
        Assert.Equal("Watch for an irregular heartbeat.", LayVocabulary.Simplify("Watch for an arrhythmia."));
        var glossed = new HashSet<string>(StringComparer.Ordinal);
        var first = LayVocabulary.Simplify("Akathisia is common.", glossed);
        var second = LayVocabulary.Simplify("Akathisia can be treated.", glossed);
        Assert.Contains("(", first);
        Assert.DoesNotContain("(", second);
        Assert.Equal("Take 1 g daily.".Replace("1 g daily", "1 grams each day", StringComparison.Ordinal), LayVocabulary.Simplify("Take 1 g daily."));
        Assert.Equal("See the example, e.g. this one.", LayVocabulary.Simplify("See the example, e.g. this one."));
    }

    [Fact]
    public void The_bottom_line_speaks_of_the_condition_asked_about_not_of_the_medicine_for_another()
    {
        var other = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-neuropathic-pain" },
            Title = "Test guideline: gabapentin and pregabalin in neuropathic pain and restless legs syndrome",
            Container = "Test Pain Society",
            Year = 2024,
            Sections =
            [
                new SourceSection { Label = "Summary", Category = "summary", Text = "For neuropathic pain, the panel recommends gabapentin or pregabalin as a first medicine." },
                new SourceSection { Label = "Scope", Category = "background", Text = "Restless legs syndrome is covered by the sleep society's guideline." },
            ],
        };
        var hits = new List<SearchHit> { new(other, 10), new(TestLibrary.RlsGuideline, 9) };
        var answer = AnswerEngine.AnswerFrom(new AskRequest("Does gabapentin help restless legs syndrome?"), hits);

        Assert.Contains("restless legs", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("neuropathic", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_guideline_on_a_class_of_medicine_answers_a_question_about_one_of_its_members()
    {
        var guideline = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-bronchitis-guideline" },
            Title = "Test guideline: acute bronchitis in adults",
            Container = "Test Chest Society",
            Year = 2024,
            Keywords = ["acute bronchitis", "antibiotics"],
            Sections =
            [
                new SourceSection { Label = "Recommendation: No antibiotics", Category = "recommendation", Strength = "Strong", Text = "Antibiotics should not be offered to otherwise healthy adults with acute bronchitis, because they shorten the illness by less than a day." },
            ],
        };
        var answer = AnswerEngine.AnswerFrom(new AskRequest("Does amoxicillin help acute bronchitis?"), [new SearchHit(guideline, 5)]);

        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.Contains("less than a day", answer.BottomLine);
    }

    [Fact]
    public void A_lay_person_in_an_emergency_is_given_first_aid_advice_rather_than_what_doctors_give_in_hospital()
    {
        var guideline = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-stroke-guideline" },
            Title = "Test guideline: early treatment of acute stroke",
            Container = "Test Society",
            Year = 2024,
            Keywords = ["stroke", "aspirin"],
            Sections =
            [
                new SourceSection { Label = "Antiplatelets", Category = "recommendation", Strength = "Strong", Text = "Give aspirin 300 mg to a person with acute ischaemic stroke, whose face has dropped or whose words are slurred, as soon as a brain scan has ruled out bleeding." },
            ],
        };
        var leaflet = new SourceRecord
        {
            Kind = SourceKind.PatientInformation,
            Ids = new ExternalIds { Guideline = "test-stroke-leaflet" },
            Title = "Stroke: test leaflet",
            Container = "Test Leaflets",
            Year = 2025,
            Keywords = ["stroke"],
            Sections =
            [
                new SourceSection { Label = "While you wait", Category = "patient", Text = "Until the ambulance crew says otherwise, do not give someone with signs of a stroke any aspirin, food or drink, because a stroke can be a bleed in the brain." },
            ],
        };
        var hits = new[] { new SearchHit(guideline, 6), new SearchHit(leaflet, 5) };
        const string Question = "My husband's face has dropped on one side and his words are slurred. The ambulance is on its way. Should I give him an aspirin now?";

        var patient = AnswerEngine.AnswerFrom(new AskRequest(Question, Audience.Patient), hits);
        Assert.True(patient.Urgent);
        Assert.Contains("do not give", patient.BottomLine, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("300 mg", patient.BottomLine, StringComparison.Ordinal);
        // A clinician asking the same is asked about treatment and is given the guideline.
        var clinician = AnswerEngine.AnswerFrom(new AskRequest(Question, Audience.Clinician), hits);
        Assert.Contains("300 mg", clinician.BottomLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lay_person_asking_no_medicine_in_an_emergency_is_not_told_a_dose_from_a_guideline_for_clinicians()
    {
        var guideline = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-tia-guideline" },
            Title = "Test guideline: transient ischaemic attack",
            Container = "Test Society",
            Year = 2024,
            Keywords = ["transient ischaemic attack", "stroke"],
            Sections =
            [
                new SourceSection { Label = "First steps", Category = "recommendation", Strength = "Strong", Text = "Offer aspirin 300 mg at once to a person with a suspected transient ischaemic attack whose face dropped or whose words slurred, and refer them the same day." },
            ],
        };
        var leaflet = new SourceRecord
        {
            Kind = SourceKind.PatientInformation,
            Ids = new ExternalIds { Guideline = "test-tia-leaflet" },
            Title = "Mini-stroke: test leaflet",
            Container = "Test Leaflets",
            Year = 2025,
            Keywords = ["transient ischaemic attack", "mini-stroke"],
            Sections =
            [
                new SourceSection { Label = "What to do", Category = "patient", Text = "A mini-stroke can be a warning that a bigger stroke may follow." },
            ],
        };
        var hits = new[] { new SearchHit(guideline, 6), new SearchHit(leaflet, 5) };
        const string Question = "My wife's face dropped and her words came out slurred, but after five minutes she was back to normal. Do we still ring someone?";

        var patient = AnswerEngine.AnswerFrom(new AskRequest(Question, Audience.Patient), hits);
        Assert.True(patient.Urgent);
        Assert.DoesNotContain("300", patient.BottomLine, StringComparison.Ordinal);
        // A clinician is asked about treatment and is given the guideline's dose.
        var clinician = AnswerEngine.AnswerFrom(new AskRequest(Question, Audience.Clinician), hits);
        Assert.Contains("300 mg", clinician.BottomLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaflet_titled_with_the_condition_answers_from_a_sentence_that_names_only_the_medicine()
    {
        var leaflet = new SourceRecord
        {
            Kind = SourceKind.PatientInformation,
            Ids = new ExternalIds { Guideline = "test-af-leaflet" },
            Title = "Atrial fibrillation: test leaflet",
            Container = "Test Leaflets",
            Year = 2025,
            Keywords = ["atrial fibrillation", "ibuprofen", "blood thinner"],
            Sections =
            [
                new SourceSection { Label = "What it is", Category = "patient", Text = "Atrial fibrillation makes the heart beat fast and out of rhythm." },
                new SourceSection { Label = "Other medicines", Category = "patient", Text = "Do not take ibuprofen while you are on a blood thinner unless your doctor agrees, because together they raise the risk of bleeding." },
            ],
        };
        var answer = AnswerEngine.AnswerFrom(new AskRequest("Is ibuprofen safe with atrial fibrillation?", Audience.Patient), [new SearchHit(leaflet, 5)]);

        Assert.False(answer.Abstained, answer.BottomLine);
        var article = answer.BottomLine + " " + string.Join(" ", answer.Sections.SelectMany(s => s.Statements).Select(s => s.Text));
        Assert.Contains("risk of bleeding", article);
    }

    [Fact]
    public void A_leaflet_that_names_the_medicine_and_the_condition_only_apart_gives_no_verdict()
    {
        var leaflet = new SourceRecord
        {
            Kind = SourceKind.PatientInformation,
            Ids = new ExternalIds { Guideline = "test-leaflet-apart" },
            Title = "Gabapentin and restless legs syndrome: test leaflet",
            Container = "Test Leaflets",
            Year = 2025,
            Keywords = ["gabapentin", "restless legs syndrome"],
            Sections =
            [
                new SourceSection { Label = "Gabapentin", Category = "patient", Text = "Gabapentin is a medicine for nerve pain and some kinds of seizures." },
                new SourceSection { Label = "Restless legs", Category = "patient", Text = "Restless legs syndrome gives an urge to move the legs in the evening." },
            ],
        };
        var answer = AnswerEngine.AnswerFrom(new AskRequest("Does gabapentin help restless legs syndrome?"), [new SearchHit(leaflet, 5)]);

        Assert.True(answer.Abstained);
        Assert.Equal("uncertain", answer.Verdict);
        Assert.Contains("too little evidence", answer.BottomLine);
    }

    private static SourceRecord GabapentinLeaflet(string id, string text) => new()
    {
        Kind = SourceKind.PatientInformation,
        Ids = new ExternalIds { Guideline = id },
        Title = "Gabapentin for restless legs syndrome: test leaflet",
        Container = "Test Leaflets",
        Year = 2026,
        Keywords = ["gabapentin", "restless legs syndrome"],
        Sections = [new SourceSection { Label = "Does it help?", Category = "patient", Text = text }],
    };

    [Fact]
    public void A_leaflet_alone_gives_no_yes_or_no_even_when_it_names_the_medicine_and_the_condition_together()
    {
        var leaflet = GabapentinLeaflet("test-leaflet-together",
            "Gabapentin is an effective treatment for restless legs syndrome, and it improves sleep in most adults with restless legs syndrome.");
        foreach (var audience in new[] { Audience.Clinician, Audience.Patient })
        {
            var answer = AnswerEngine.AnswerFrom(new AskRequest("Does gabapentin help restless legs syndrome?", audience, []), [new SearchHit(leaflet, 5)]);

            // Too little evidence to say: only a leaflet speaks, and a leaflet does not count for or against.
            Assert.Equal("uncertain", answer.Verdict);
            Assert.StartsWith("Only patient information", answer.VerdictReason, StringComparison.Ordinal);
            // The leaflet still informs the article: it is answered from it, not abstained.
            Assert.False(answer.Abstained, answer.BottomLine);
            var statements = answer.Sections.SelectMany(s => s.Statements).Prepend(answer.BottomLineStatement);
            Assert.Contains(statements, st => st.Spans.Any(span => span.SourceKey == leaflet.Key));
        }
    }

    [Fact]
    public void A_leaflet_does_not_vote_beside_a_guideline()
    {
        var leaflet = GabapentinLeaflet("test-leaflet-against",
            "Gabapentin does not help restless legs syndrome, and doctors no longer suggest gabapentin for restless legs syndrome.");
        const string question = "Does gabapentin help restless legs syndrome?";
        foreach (var audience in new[] { Audience.Clinician, Audience.Patient })
        {
            var guidelineOnly = AnswerEngine.AnswerFrom(new AskRequest(question, audience, []), [new SearchHit(TestLibrary.RlsGuideline, 9)]);
            var withLeaflet = AnswerEngine.AnswerFrom(new AskRequest(question, audience, []), [new SearchHit(TestLibrary.RlsGuideline, 9), new SearchHit(leaflet, 9)]);

            Assert.Equal("yes", guidelineOnly.Verdict);
            // The leaflet against changes neither the verdict nor its reason, which names no leaflet.
            Assert.Equal(guidelineOnly.Verdict, withLeaflet.Verdict);
            Assert.Equal(guidelineOnly.VerdictReason, withLeaflet.VerdictReason);
            Assert.DoesNotContain("patient information", withLeaflet.VerdictReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void When_only_a_leaflet_speaks_to_the_claim_asked_a_guideline_recommending_the_treatment_does_not_answer_it()
    {
        var guideline = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-flu-vaccine" },
            Title = "Test guideline: influenza vaccination of adults",
            Container = "Test Immunisation Committee",
            Year = 2025,
            Keywords = ["influenza vaccine", "flu shot", "influenza", "flu"],
            Sections = [new SourceSection { Label = "Recommendation", Category = "recommendation", Strength = "Strong", Text = "The committee recommends a yearly flu shot for every adult to prevent influenza." }],
        };
        var leaflet = new SourceRecord
        {
            Kind = SourceKind.PatientInformation,
            Ids = new ExternalIds { Guideline = "test-flu-leaflet" },
            Title = "The flu shot: test leaflet",
            Container = "Test Leaflets",
            Year = 2026,
            Keywords = ["flu shot", "influenza vaccine", "flu"],
            Sections = [new SourceSection { Label = "Can the flu shot give you the flu?", Category = "patient", Text = "The flu shot cannot give you the flu, because the vaccine in it is not a live virus. A sore arm or a mild temperature for a day or two can happen after the flu shot." }],
        };
        var answer = AnswerEngine.AnswerFrom(new AskRequest("Can the flu shot give me the flu?", Audience.Patient, []), [new SearchHit(guideline, 9), new SearchHit(leaflet, 9)]);

        // Not "yes" from the recommendation, and not "no" from the leaflet: nothing that counts answers the claim.
        Assert.Equal("uncertain", answer.Verdict);
        Assert.StartsWith("Only patient information", answer.VerdictReason, StringComparison.Ordinal);
        Assert.False(answer.Abstained, answer.BottomLine);
    }

    [Fact]
    public void Pages_of_patient_information_alone_do_not_decide_a_yes_no_question_about_one_thing()
    {
        SourceRecord[] pages =
        [
            Pair("TEST_0200_Sec1", "Dementia", "information", "What is (are) Dementia ?",
                "Dementia is a loss of memory and thinking that gets in the way of daily life. Treatment helps many people with dementia stay active, and some kinds improve a great deal."),
            Pair("TEST_0200_Sec2", "Dementia", "treatment", "What are the treatments for Dementia ?",
                "Medicines can help with memory for a while, and regular exercise improves mood and sleep in people with dementia."),
        ];
        var engine = new AnswerEngine(new InMemorySearch(pages));

        var answer = engine.Ask(new AskRequest("Is dementia passed down in families?", Audience.Patient, []));

        Assert.Equal("uncertain", answer.Verdict);
        Assert.Contains("patient information", answer.VerdictReason, StringComparison.Ordinal);
    }

    private static SourceRecord Pair(string id, string focus, string type, string question, string answer) => new()
    {
        Kind = SourceKind.PatientInformation,
        Ids = new ExternalIds { Medquad = id },
        Title = question,
        Container = "Test Health Pages",
        Sections = [new SourceSection { Label = "Answer", Text = answer }],
        QuestionAnswer = new QuestionAnswerInfo { Question = question, QuestionType = type, Focus = focus },
    };

    private static readonly SourceRecord SulfonylureaGuideline = new()
    {
        Kind = SourceKind.Guideline,
        Ids = new ExternalIds { Guideline = "test-sulfonylurea-guideline" },
        Title = "Test guideline: tablets that lower blood glucose",
        Container = "Test Diabetes Society",
        Year = 2025,
        Keywords = ["sulfonylureas", "low blood glucose"],
        Sections =
        [
            new SourceSection { Label = "Safety", Category = "safety", Text = "Sulfonylureas can bring on episodes of low blood glucose, most often when a meal is missed." },
        ],
    };

    [Fact]
    public void A_medicine_no_source_names_is_answered_from_what_a_source_says_of_its_class()
    {
        var engine = new AnswerEngine(new InMemorySearch([.. TestLibrary.All, SulfonylureaGuideline]));
        var answer = engine.Ask(new AskRequest("What should I know before starting gliclazide?", Audience.Clinician));

        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.Contains(answer.References, r => r.Title == SulfonylureaGuideline.Title);
    }

    private static readonly SourceRecord[] BladderInfectionSources =
    [
        new()
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-bladder-infection-guideline" },
            Title = "Test guideline: bladder infection in men",
            Container = "Test Urology Society",
            Year = 2024,
            Keywords = ["lower urinary tract infection", "nitrofurantoin"],
            Sections =
            [
                new SourceSection { Label = "Treatment", Category = "recommendation", Text = "Men with a lower urinary tract infection take nitrofurantoin 100 mg twice a day for 7 days." },
            ],
        },
        new()
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-urine-symptoms-guideline" },
            Title = "Test guideline: passing urine that hurts",
            Container = "Test Urology Society",
            Year = 2023,
            Keywords = ["dysuria"],
            Sections =
            [
                new SourceSection { Label = "Assessment", Category = "recommendation", Text = "Dysuria in a man calls for a urine test before nitrofurantoin or any other antibiotic is chosen." },
            ],
        },
    ];

    [Fact]
    public void A_symptom_asked_with_a_medicine_is_answered_from_what_is_written_of_the_medicine()
    {
        var engine = new AnswerEngine(new InMemorySearch(BladderInfectionSources));
        var answer = engine.Ask(new AskRequest("Man of 45 with dysuria for two days. Nitrofurantoin: how many days?", Audience.Clinician));

        Assert.Contains("7 days", answer.BottomLine, StringComparison.Ordinal);
    }

    private static readonly SourceRecord[] WilsonPages =
    [
        Pair("TEST_0100_Sec1", "Wilson disease", "information", "What is (are) Wilson disease ?",
            "Wilson disease is an inherited condition in which copper builds up in the liver, the brain and the eyes. Without treatment the copper slowly damages these organs."),
        Pair("TEST_0100_Sec2", "Wilson disease", "treatment", "What are the treatments for Wilson disease ?",
            "Medicines that remove copper from the body are taken for life. People with the condition are also asked to avoid foods rich in copper, such as liver and shellfish."),
        Pair("TEST_0100_Sec3", "Wilson disease", "inheritance", "Is Wilson disease inherited ?",
            "The condition passes from parents to children when both parents carry one changed copy of the gene."),
        Pair("TEST_0100_Sec4", "Wilson disease", "symptoms", "What are the symptoms of Wilson disease ?",
            "Yellow skin, tiredness, shaking hands and changes in mood are common first signs of the condition."),
    ];

    [Fact]
    public void A_message_naming_a_topic_in_its_own_words_is_answered_from_the_pages_on_that_topic()
    {
        var engine = new AnswerEngine(new InMemorySearch([.. TestLibrary.All, .. WilsonPages]));
        var answer = engine.Ask(new AskRequest("wilsons disease. my nephew was told he has wilson disease, I would like to request further knowledge about it please", Audience.Patient));

        Assert.False(answer.Abstained);
        Assert.DoesNotContain("too little evidence", answer.BottomLine, StringComparison.Ordinal);
        Assert.Contains("copper", answer.BottomLine, StringComparison.Ordinal);
        var cited = answer.References.Single(r => r.N == answer.BottomLineStatement.Citations[0]);
        Assert.StartsWith("TEST_0100_", cited.ExternalIds.Medquad, StringComparison.Ordinal);
        Assert.All(answer.Sections.SelectMany(s => s.Statements), st => Assert.NotEmpty(st.Citations));
        // The other pages on the topic become the follow-ups, written as a reader would ask them.
        Assert.InRange(answer.FollowUps.Count, 3, 5);
        Assert.All(answer.FollowUps, f => Assert.DoesNotContain("(are)", f, StringComparison.Ordinal));
        Assert.Contains("What are the treatments for Wilson disease?", answer.FollowUps);
    }

    [Fact]
    public void A_yes_no_message_no_page_decides_is_uncertain_and_quotes_the_page_on_its_topic()
    {
        var engine = new AnswerEngine(new InMemorySearch([.. TestLibrary.All, .. WilsonPages]));
        var answer = engine.Ask(new AskRequest("Wilson disease. Can my nephew with wilson disease still play rugby at school?", Audience.Patient));

        Assert.False(answer.Abstained);
        Assert.Equal("uncertain", answer.Verdict);
        Assert.NotNull(answer.VerdictReason);
        var cited = answer.References.Single(r => r.N == answer.BottomLineStatement.Citations[0]);
        Assert.StartsWith("TEST_0100_", cited.ExternalIds.Medquad, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_naming_no_topic_the_library_holds_still_abstains()
    {
        var engine = new AnswerEngine(new InMemorySearch([.. TestLibrary.All, .. WilsonPages]));
        var answer = engine.Ask(new AskRequest("Does sevoflurane expire once the bottle is opened?", Audience.Patient));

        Assert.True(answer.Abstained);
        Assert.Empty(answer.References);
        // Nothing is suggested about the words the library could not place.
        Assert.DoesNotContain(answer.FollowUps, f => f.Contains("expire", StringComparison.OrdinalIgnoreCase) || f.Contains("bottle", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("What is (are) Noonan syndrome ?", "What is Noonan syndrome?")]
    [InlineData("Who is at risk for Pulmonary Embolism? ?", "Who is at risk for Pulmonary Embolism?")]
    [InlineData("How to diagnose Fibromyalgia ?", "How to diagnose Fibromyalgia?")]
    public void Page_questions_are_written_as_a_reader_would_ask_them(string stored, string plain) =>
        Assert.Equal(plain, Composition.AnswerComposer.PlainQuestion(stored));

    [Fact]
    public void A_dose_question_the_library_has_no_dose_for_says_so_before_what_it_holds()
    {
        // The test guideline gives a starting dose of gabapentin only.
        var engine = new AnswerEngine(new InMemorySearch(TestLibrary.All));
        var lacking = engine.Ask(new AskRequest("What dose of pregabalin is used for restless legs syndrome?"));
        Assert.False(lacking.Abstained);
        Assert.StartsWith("The library holds no source that gives a dose of pregabalin", lacking.BottomLine);
        Assert.Contains("What it does hold:", lacking.BottomLine);
        Assert.NotEmpty(lacking.BottomLineStatement.Citations);

        var held = engine.Ask(new AskRequest("What dose of gabapentin is used for restless legs syndrome?"));
        Assert.DoesNotContain("holds no source", held.BottomLine);
    }

    [Theory]
    [InlineData("What dose of sertraline do people start on?", AmountKind.Dose)]
    [InlineData("lost the box of my amlodipine, what is the normal strength?", AmountKind.Dose)]
    [InlineData("How much paracetamol can I give my daughter in a day?", AmountKind.Dose)]
    [InlineData("How many puffs of my inhaler can I take?", AmountKind.Dose)]
    [InlineData("how many fingertip units of cream for her legs?", AmountKind.Dose)]
    [InlineData("How many nasal sprays a day is too many?", AmountKind.Dose)]
    [InlineData("How many flare days a year are normal?", AmountKind.Figure)]
    [InlineData("How long should I keep taking the antibiotics?", AmountKind.Duration)]
    [InlineData("How soon after the bite should the rabies jabs begin?", AmountKind.Duration)]
    [InlineData("is there a time limit on starting the flu tablets?", AmountKind.Duration)]
    [InlineData("How often should my cholesterol be checked?", AmountKind.Figure)]
    [InlineData("How many hours of sleep does a teenager need?", AmountKind.Duration)]
    [InlineData("Home oxygen: the least number of hours a day it must be worn?", AmountKind.Duration)]
    [InlineData("Is sertraline safe in pregnancy?", AmountKind.None)]
    [InlineData("What's the most ibuprofen he can have in one day?", AmountKind.Dose)]
    [InlineData("Which is the most effective treatment for gout?", AmountKind.None)]
    [InlineData("Man of 50 with pyelonephritis on ciprofloxacin: course length?", AmountKind.Duration)]
    [InlineData("Duration of treatment with doxycycline for early Lyme disease?", AmountKind.Duration)]
    [InlineData("Cellulitis in an adult, flucloxacillin started: duration?", AmountKind.Duration)]
    [InlineData("How quickly should the rash fade once the cream is on?", AmountKind.Duration)]
    [InlineData("What is the duration of protection after the jab?", AmountKind.None)]
    // How large an effect is, asked with "how much" and a comparison, is not an amount to take.
    [InlineData("If the tablets bring my blood pressure down by 10, how much lower is my chance of a stroke?", AmountKind.None)]
    [InlineData("How much more likely am I to quit with patches and gum together?", AmountKind.None)]
    // ... nor is how much of a change the treatment brings about: that is a figure of its effect.
    [InlineData("Roughly how much weight could my husband shed on those jabs?", AmountKind.Figure)]
    [InlineData("How much does systolic pressure usually come down on amlodipine?", AmountKind.Figure)]
    [InlineData("How much more ibuprofen can I take tonight?", AmountKind.Dose)]
    // "How much longer" asks for a length of time, not an amount to take; "by what percentage" for a share.
    [InlineData("How much longer should she keep using the cream?", AmountKind.Duration)]
    [InlineData("By what percentage does the patch cut cravings?", AmountKind.Figure)]
    [InlineData("What share of people on the jab feel sick?", AmountKind.Figure)]
    // A number the treatment is to bring something under is a level.
    [InlineData("On a statin now. What cholesterol number are we trying to get it below?", AmountKind.Figure)]
    // A threshold asked with "how high" or "at what" and the measure's own name is a figure; a washout is a length of time.
    [InlineData("How high must the potassium be before we stop the spironolactone?", AmountKind.Figure)]
    [InlineData("At what BMI should she be offered surgery?", AmountKind.Figure)]
    [InlineData("Switching from enalapril: what washout do I leave before the new tablet?", AmountKind.Duration)]
    [InlineData("At what stage should I see a doctor?", AmountKind.None)]
    // A terse question ending on the thing measured asks for it.
    [InlineData("Type 2 diabetes, 45, on metformin. HbA1c target?", AmountKind.Figure)]
    [InlineData("Ferritin cut-off?", AmountKind.Figure)]
    // Asked whether an amount told of is too much, the answer is the line of too much.
    [InlineData("Five cups of coffee most days, is that too much with my heart?", AmountKind.Figure)]
    [InlineData("Is too much salt bad for me?", AmountKind.None)]
    [InlineData("Is a lower blood pressure target better after a stroke?", AmountKind.None)]
    // When in the day, or how with meals, is asked by a choice between two times or by "empty stomach"; a meal that is
    // only part of the story is no time asked.
    [InlineData("Does it matter if my mother has her water tablet in the morning or at night?", AmountKind.Timing)]
    [InlineData("calcium tablets - with breakfast or on an empty stomach?", AmountKind.Timing)]
    [InlineData("What's the best time to take my thyroid pill?", AmountKind.Timing)]
    [InlineData("I get a burning chest after eating. What helps?", AmountKind.None)]
    // A name with "target" in it ("the planned target volume") asks nothing: only a target's level, range or value does.
    [InlineData("Does the motion differ across the planned target volume?", AmountKind.None)]
    public void The_amount_a_question_asks_for_is_read_from_its_wording(string question, AmountKind kind) =>
        Assert.Equal(kind, AmountAsked.Of(question));

    [Theory]
    [InlineData("with gout, how many grams of fibre should I eat?", "fibre")]
    [InlineData("How much salt is too much with high blood pressure?", "salt")]
    [InlineData("How much should I give her?", null)]
    [InlineData("On insulin and my reading is low. What amount of juice do I drink?", "juice")]
    [InlineData("How many tablets can I take?", null)]
    public void The_thing_an_amount_is_asked_of_is_the_word_after_how_much_or_its_unit(string question, string? thing) =>
        Assert.Equal(thing, AmountAsked.ThingMeasured(question));

    [Fact]
    public void A_sentence_of_a_leaflet_titled_with_the_condition_counts_as_speaking_of_it_unless_it_names_another()
    {
        var leaflet = new SourceRecord
        {
            Kind = SourceKind.PatientInformation,
            Ids = new ExternalIds { Medquad = "TEST_0002_Sec1" },
            Title = "Cellulitis: looking after yourself at home",
            Container = "Test Health Pages",
            Sections =
            [
                new SourceSection { Label = "Answer", Text = "Cellulitis is an infection of the skin and the layer under it. Rest with the swollen leg raised on a pillow. Gout can also make a joint red, hot and sore." },
            ],
        };
        var (_, explanation) = new AnswerEngine(new InMemorySearch([leaflet]))
            .ExplainBottomLine(new AskRequest("my shin has cellulitis, what can i do at home to help?", Audience.Patient, []));

        double Subject(string words) =>
            Assert.Single(explanation.Candidates, c => c.Text.Contains(words, StringComparison.Ordinal)).Features[BottomLineRanking.LeafletSubjectFeature];
        Assert.Equal(1, Subject("pillow"));
        Assert.Equal(0, Subject("infection of the skin"));
        Assert.Equal(0, Subject("Gout"));
    }

    [Fact]
    public void A_guideline_sentence_speaks_of_its_titled_condition_and_one_naming_both_medicines_asked_is_marked()
    {
        var guideline = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-gout-care" },
            Title = "Test guideline: gout in adults",
            Container = "Test Rheumatology Society",
            Year = 2022,
            Sections =
            [
                new SourceSection { Label = "Recommendations", Category = "recommendation", Text = "Offer colchicine for a gout flare. Do not combine colchicine with clarithromycin, which raises its blood level. Recheck the urate after four weeks. Migraine is not a reason to stop colchicine." },
            ],
        };
        var (_, explanation) = new AnswerEngine(new InMemorySearch([guideline]))
            .ExplainBottomLine(new AskRequest("Taking colchicine for gout and the GP wants to add clarithromycin. Any problem?", Audience.Clinician, []));

        double Feature(string words, string name) =>
            Assert.Single(explanation.Candidates, c => c.Text.Contains(words, StringComparison.Ordinal)).Features[BottomLineRanking.FeatureNames.ToList().IndexOf(name)];
        Assert.Equal(1, Feature("blood level", "record-subject"));
        Assert.Equal(0, Feature("Offer colchicine", "record-subject"));
        Assert.Equal(1, Feature("blood level", "every-medicine"));
        Assert.Equal(0, Feature("Offer colchicine", "every-medicine"));
    }

    [Fact]
    public void A_dose_of_another_medicine_does_not_give_the_dose_asked_for()
    {
        var guideline = Guideline("test-clot-prevention", "Test guideline: anticoagulants in atrial fibrillation",
            "Rivaroxaban 20 mg once daily is the usual dose in atrial fibrillation. Apixaban 5 mg twice daily is the usual dose in atrial fibrillation. Check kidney function every year.");
        var (_, explanation) = new AnswerEngine(new InMemorySearch([guideline]))
            .ExplainBottomLine(new AskRequest("Atrial fibrillation, starting apixaban. Which dose?", Audience.Clinician, []));

        double Given(string words) =>
            Assert.Single(explanation.Candidates, c => c.Text.Contains(words, StringComparison.Ordinal)).Features[BottomLineRanking.FeatureNames.ToList().IndexOf("amount-given")];
        Assert.Equal(1, Given("Apixaban 5 mg"));
        Assert.Equal(0, Given("Rivaroxaban 20 mg"));
    }

    [Fact]
    public void A_sentence_from_the_guideline_body_the_question_asks_after_is_marked()
    {
        var british = Guideline("gout-bsr-2017", "Test guideline on gout from the BSR", "Offer colchicine 500 micrograms two to four times a day for a gout flare.");
        var american = Guideline("gout-acr-2020", "Test guideline on gout", "Colchicine, an NSAID or a corticosteroid is recommended for a gout flare.");
        var engine = new AnswerEngine(new InMemorySearch([british, american]));

        double ByBody(BottomLineExplanation explanation, string words) =>
            Assert.Single(explanation.Candidates, c => c.Text.Contains(words, StringComparison.Ordinal)).Features[BottomLineRanking.BodyAskedFeature];
        var (_, asked) = engine.ExplainBottomLine(new AskRequest("Gout flare in a man of 60. Colchicine dose per ACR?", Audience.Clinician, []));
        Assert.Equal(1, ByBody(asked, "an NSAID or a corticosteroid"));
        Assert.Equal(0, ByBody(asked, "500 micrograms"));
        var (_, unasked) = engine.ExplainBottomLine(new AskRequest("Gout flare in a man of 60. Colchicine dose?", Audience.Clinician, []));
        Assert.Equal(0, ByBody(unasked, "an NSAID or a corticosteroid"));
        Assert.Equal(["ACC", "AHA", "NG84"], BottomLineRanking.BodiesNamed("Per the ACC/AHA guideline, or ng84 from the NICE site? Gold standard?").Where(b => b != "NICE"));
    }

    [Fact]
    public void A_course_length_asked_is_given_by_how_long_to_take_it_not_by_when_to_go_back()
    {
        var guideline = Guideline("test-skin-infection", "Test guideline: cellulitis",
            "Give an antibiotic for cellulitis for 5 days. Review cellulitis if there is no improvement after 2 to 3 days.");
        var engine = new AnswerEngine(new InMemorySearch([guideline]));
        double Given(BottomLineExplanation explanation, string words) =>
            Assert.Single(explanation.Candidates, c => c.Text.Contains(words, StringComparison.Ordinal)).Features[BottomLineRanking.FeatureNames.ToList().IndexOf("amount-given")];

        var (_, course) = engine.ExplainBottomLine(new AskRequest("Cellulitis on my arm. How many days of antibiotics is normal?", Audience.Patient, []));
        Assert.Equal(1, Given(course, "for 5 days"));
        Assert.Equal(0, Given(course, "after 2 to 3 days"));
        var (_, wait) = engine.ExplainBottomLine(new AskRequest("Cellulitis on my arm. How long should I wait before going back to the doctor?", Audience.Patient, []));
        Assert.Equal(0, Given(wait, "for 5 days"));
        Assert.Equal(1, Given(wait, "after 2 to 3 days"));
    }

    /// <summary>A guideline with one section of recommendations.</summary>
    private static SourceRecord Guideline(string id, string title, string text) => new()
    {
        Kind = SourceKind.Guideline,
        Ids = new ExternalIds { Guideline = id },
        Title = title,
        Container = "Test Society",
        Year = 2023,
        Sections = [new SourceSection { Label = "Recommendations", Category = "recommendation", Text = text }],
    };

    [Fact]
    public void A_question_asking_how_long_is_answered_by_the_sentence_that_gives_a_length_of_time_rather_than_the_headline()
    {
        var search = new InMemorySearch(
        [
            Guideline("test-pyelonephritis", "Test guideline: pyelonephritis",
                "The society recommends ciprofloxacin as a first oral antibiotic for pyelonephritis in adults who do not need hospital care. "
                + "Give ciprofloxacin for 7 days for pyelonephritis, and 14 days if it is slow to settle."),
        ]);
        var answer = new AnswerEngine(search).Ask(new AskRequest("Adult with pyelonephritis managed at home, starting ciprofloxacin. Course length?", Audience.Clinician, []));
        Assert.Contains("7 days", answer.BottomLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_told_with_a_story_counts_the_asking_sentences_words_apart_and_its_signals_in_their_story_copies()
    {
        var search = new InMemorySearch(
        [
            Guideline("test-gout", "Test guideline: gout",
                "Colchicine started early eases a gout flare in the big toe, knee or ankle within a day. "
                + "Avoid grapefruit juice with colchicine, because it raises colchicine levels in the blood."),
        ]);
        var engine = new AnswerEngine(search);
        var (_, story) = engine.ExplainBottomLine(new AskRequest(
            "Last spring a gout flare hit my big toe, and this week my knee and ankle, so the GP started colchicine early. Can I keep drinking grapefruit juice?",
            Audience.Patient, []));
        var (_, alone) = engine.ExplainBottomLine(new AskRequest("Can I keep drinking grapefruit juice with colchicine?", Audience.Patient, []));

        double[] Signals(BottomLineExplanation explanation, string words) =>
            Assert.Single(explanation.Candidates, c => c.Text.Contains(words, StringComparison.Ordinal)).Features;
        var asked = BottomLineRanking.FeatureNames.ToList().IndexOf("words-asked");
        // The story's words (flare, big toe, knee, ankle, early) are not the asking sentence's.
        Assert.True(Signals(story, "grapefruit")[asked] > Signals(story, "big toe")[asked]);
        // A story's signals count again in their copies, so that the fit can weigh them apart; a question alone has none.
        var copy = BottomLineRanking.SignalCount + asked;
        Assert.Equal(Signals(story, "grapefruit")[asked], Signals(story, "grapefruit")[copy]);
        Assert.All(alone.Candidates, c => Assert.All(c.Features.Skip(BottomLineRanking.SignalCount), x => Assert.Equal(0, x)));
    }

    [Fact]
    public void Two_medicines_asked_of_together_are_answered_by_a_source_that_names_both_whatever_the_second_is_for()
    {
        // The asker names what the second medicine is for (a sore throat); the source on the pair never names it.
        var search = new InMemorySearch(
        [
            Guideline("test-statins", "Test guideline: cholesterol medicines", "Atorvastatin lowers LDL cholesterol. Atorvastatin at high doses should not be taken with erythromycin, because the pair raises the risk of muscle injury."),
            Guideline("test-throat", "Test guideline: sore throat", "Most sore throats clear within a week without antibiotics. Erythromycin is used for a sore throat when penicillin cannot be taken."),
        ]);
        var answer = new AnswerEngine(search).Ask(new AskRequest("My patient takes atorvastatin 80 mg and has a sore throat; I planned to give erythromycin. Can the two be given together safely?", Audience.Clinician, []));
        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.Contains("muscle injury", answer.BottomLine, StringComparison.Ordinal);

        // A sentence that lists both among what worsens another condition does not speak of the two together.
        var listed = new InMemorySearch(
        [
            Guideline("test-legs", "Test guideline: restless legs", "Caffeine, alcohol and some antidepressants such as sertraline can make restless legs syndrome worse."),
            Guideline("test-mood", "Test guideline: depression", "Sertraline is a common first antidepressant for depression. Review the person within 2 weeks of starting it."),
        ]);
        var wine = new AnswerEngine(listed).Ask(new AskRequest("Is it safe to drink a little alcohol at the weekend while I take sertraline for my depression?", Audience.Patient, []));
        Assert.True(wine.Abstained, wine.BottomLine);
    }

    [Fact]
    public void Whether_two_things_are_safe_together_is_said_to_be_lacking_when_no_sentence_names_both()
    {
        var search = new InMemorySearch(
        [
            Guideline("test-lithium", "Test guideline: lithium for bipolar disorder", "Check lithium blood levels every 3 months. Lithium can cause a tremor and thirst."),
            Guideline("test-alcohol", "Test guideline: alcohol and health", "Alcohol can disturb sleep and raise blood pressure. Keep alcohol to no more than 14 units a week."),
        ]);
        var answer = new AnswerEngine(search).Ask(new AskRequest("I was put on lithium last month. Is it safe to have a glass of wine with my dinner?", Audience.Patient, []));
        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.True(answer.BottomLine.Contains("together with", StringComparison.Ordinal), answer.BottomLine);

        var both = new InMemorySearch(
        [
            Guideline("test-lithium", "Test guideline: lithium for bipolar disorder", "Check lithium blood levels every 3 months. Heavy alcohol use with lithium raises the risk of dehydration and toxicity."),
        ]);
        Assert.False(new AnswerEngine(both).Ask(new AskRequest("I was put on lithium last month. Is it safe to have a glass of wine with my dinner?", Audience.Patient, [])).Abstained);
    }

    [Fact]
    public void A_claimed_remedy_no_source_mentions_is_said_to_be_lacking_not_answered_with_the_topic()
    {
        var search = new InMemorySearch(
        [
            Guideline("test-oa", "Test guideline: osteoarthritis of the knee", "Exercise is strongly recommended for knee osteoarthritis. Weight loss eases knee pain in people who are overweight."),
        ]);
        var engine = new AnswerEngine(search);
        var answer = engine.Ask(new AskRequest("Sore knees from osteoarthritis. My neighbour gave me a magnetic insole, says it takes the pain away. Any truth in that?", Audience.Patient, []));
        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Contains("magnetic insole", answer.BottomLine, StringComparison.Ordinal);
        Assert.NotEqual("yes", answer.Verdict);
        // With no condition named, the answer is not written from the sources on the rest of the message either.
        var unplaced = engine.Ask(new AskRequest("My knees ache on the stairs. My neighbour gave me a magnetic insole, says it takes the pain away. Any truth in that?", Audience.Patient, []));
        Assert.Contains("magnetic insole", unplaced.BottomLine, StringComparison.Ordinal);
        Assert.NotEqual("yes", unplaced.Verdict);

        var named = engine.Ask(new AskRequest("Sore knees from osteoarthritis. My physio says exercise takes the pain away. Any truth in that?", Audience.Patient, []));
        Assert.False(named.Abstained, named.BottomLine);
    }

    [Fact]
    public void A_reported_diagnosis_no_source_names_is_said_to_be_lacking_whatever_the_question_asks()
    {
        var search = new InMemorySearch(
        [
            Guideline("test-eczema", "Test guideline: atopic eczema in children", "Emollients ease itching in eczema and are used every day. A mild steroid cream is used on itchy flares."),
        ]);
        var engine = new AnswerEngine(search);
        var unheld = engine.Ask(new AskRequest("my boy is 6 with itchy spots everywhere, the pharmacist thinks it's chickenpox. what can i put on them to stop the itching?", Audience.Patient, []));
        Assert.True(unheld.Abstained, unheld.BottomLine);
        Assert.Contains("chickenpox", unheld.BottomLine, StringComparison.Ordinal);
        var held = engine.Ask(new AskRequest("my boy is 6 with itchy patches, the gp thinks it's eczema. what can i put on them to stop the itching?", Audience.Patient, []));
        Assert.False(held.Abstained, held.BottomLine);
    }

    [Fact]
    public void Whether_a_medicine_is_safe_while_breastfeeding_needs_a_source_that_speaks_of_breastfeeding()
    {
        const string Question = "i'm breastfeeding my 2 month old and sneezing all day. is cetirizine ok to take while i feed her?";
        var silent = new AnswerEngine(new InMemorySearch([Guideline("test-hayfever", "Test leaflet: hay fever", "Cetirizine is a non-drowsy antihistamine that eases sneezing and itchy eyes in hay fever. It is safe for most adults.")]))
            .Ask(new AskRequest(Question, Audience.Patient, []));
        Assert.True(silent.Abstained, silent.BottomLine);
        Assert.True(silent.BottomLine.Contains("while breastfeeding", StringComparison.Ordinal), silent.BottomLine);
        var speaks = new AnswerEngine(new InMemorySearch([Guideline("test-hayfever-feeding", "Test leaflet: hay fever", "Cetirizine is a non-drowsy antihistamine that eases sneezing and itchy eyes in hay fever. Small amounts pass into breast milk, and it is generally considered suitable while breastfeeding.")]))
            .Ask(new AskRequest(Question, Audience.Patient, []));
        Assert.False(speaks.Abstained, speaks.BottomLine);
    }

    [Fact]
    public void An_ask_encodes_only_a_few_sentences_that_have_no_stored_vector()
    {
        var steps = string.Join(" ", Enumerable.Range(1, 20).Select(k => $"Step {k}: gout treatment option {k} uses colchicine at {k} times the usual care."));
        var guideline = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-gout-steps" },
            Title = "Test guideline: gout",
            Container = "Test Society",
            Year = 2024,
            Sections = [new SourceSection { Label = "Recommendations", Category = "recommendation", Text = steps }],
        };
        var analysis = QuestionAnalyzer.Analyze("Does colchicine help gout?", []);
        var graded = new[] { Galen.Core.Grading.EvidenceGrader.Grade(guideline, 1, 1, analysis) };
        var encoded = 0;
        var read = 0;
        var choice = new BottomLineChoice(
            BottomLineRanking.Default,
            (_, texts) => { encoded += texts.Count; return [.. texts.Select(_ => 0.5)]; },
            (_, texts) => { read += texts.Count; return [.. texts.Select(_ => double.NaN)]; });
        AnswerComposer.Compose(new AskRequest("Does colchicine help gout?"), analysis, graded, null, choice);
        Assert.True(read > AnswerComposer.EncodedAtAsk, $"compared {read}");
        Assert.InRange(encoded, 1, AnswerComposer.EncodedAtAsk);
    }

    [Fact]
    public void An_amount_asked_of_a_thing_no_sentence_names_is_said_to_be_lacking()
    {
        var guideline = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-kidney-care" },
            Title = "Test guideline: chronic kidney disease",
            Container = "Test Kidney Society",
            Year = 2024,
            Sections =
            [
                new SourceSection { Label = "Recommendations", Category = "recommendation", Text = "Offer dapagliflozin 10 mg a day to adults with chronic kidney disease. Check kidney function every year." },
            ],
        };
        var answer = new AnswerEngine(new InMemorySearch([guideline])).Ask(new AskRequest("I am 70 with chronic kidney disease. How many grams of protein should I be having each day?", Audience.Patient, []));
        Assert.True(answer.BottomLine.Contains("holds no source", StringComparison.Ordinal), answer.BottomLine);
    }

    private static SourceRecord DapagliflozinGuideline() => new()
    {
        Kind = SourceKind.Guideline,
        Ids = new ExternalIds { Guideline = "test-kidney-dosing" },
        Title = "Test guideline: chronic kidney disease medicines",
        Container = "Test Kidney Society",
        Year = 2024,
        Sections =
        [
            new SourceSection { Label = "Recommendations", Category = "recommendation", Text = "Start dapagliflozin at 10 mg a day in adults with chronic kidney disease. Keep blood pressure below 130/80 mmHg in adults with chronic kidney disease." },
        ],
    };

    [Fact]
    public void The_most_that_may_be_taken_is_said_to_be_lacking_when_only_a_starting_dose_is_held()
    {
        var engine = new AnswerEngine(new InMemorySearch([DapagliflozinGuideline()]));
        var ceiling = engine.Ask(new AskRequest("Chronic kidney disease on dapagliflozin: what's the maximum dose?"));
        Assert.StartsWith("The library holds no source that gives the highest dose of dapagliflozin.", ceiling.BottomLine);
        var start = engine.Ask(new AskRequest("Chronic kidney disease: what dose of dapagliflozin?"));
        Assert.DoesNotContain("holds no source", start.BottomLine);
    }

    [Fact]
    public void A_level_asked_for_a_pregnant_woman_is_held_only_where_a_source_speaks_of_pregnancy()
    {
        var engine = new AnswerEngine(new InMemorySearch([DapagliflozinGuideline()]));
        var pregnant = engine.Ask(new AskRequest("Chronic kidney disease and in my second trimester - what blood pressure target should I aim for?", Audience.Patient, []));
        Assert.Contains("holds no source", pregnant.BottomLine);
        var adult = engine.Ask(new AskRequest("Chronic kidney disease - what blood pressure target should I aim for?", Audience.Patient, []));
        Assert.DoesNotContain("holds no source", adult.BottomLine);
    }

    private static SourceRecord RefluxGuideline(string comparison) => new()
    {
        Kind = SourceKind.Guideline,
        Ids = new ExternalIds { Guideline = "test-reflux-care" },
        Title = "Test guideline: heartburn and reflux",
        Container = "Test Gut Society",
        Year = 2023,
        Keywords = ["reflux", "heartburn", "lansoprazole", "pantoprazole"],
        Sections =
        [
            new SourceSection { Label = "Recommendations", Category = "recommendation", Text = "Offer pantoprazole once a day before breakfast for 8 weeks to adults with reflux. " + comparison },
        ],
    };

    [Fact]
    public void Two_medicines_compared_are_said_to_be_uncompared_when_no_sentence_names_both()
    {
        const string Question = "Is lansoprazole any better than pantoprazole for reflux, or much the same?";
        var apart = new AnswerEngine(new InMemorySearch([RefluxGuideline("Raise the head of the bed if reflux is worse at night.")])).Ask(new AskRequest(Question, Audience.Patient, []));
        Assert.StartsWith("The library holds no source that compares lansoprazole with pantoprazole.", apart.BottomLine);
        var together = new AnswerEngine(new InMemorySearch([RefluxGuideline("Lansoprazole and pantoprazole heal reflux about equally well.")])).Ask(new AskRequest(Question, Audience.Patient, []));
        Assert.DoesNotContain("holds no source", together.BottomLine);
    }

    [Fact]
    public void A_dose_that_names_no_medicine_is_a_dose_of_the_one_the_step_before_it_named()
    {
        var guideline = new SourceRecord
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "test-nerve-pain-steps" },
            Title = "Test guideline: nerve pain in adults",
            Container = "Test Pain Society",
            Year = 2023,
            Keywords = ["neuropathic pain"],
            Sections =
            [
                new SourceSection { Label = "Treatment steps", Category = "treatment-steps", Text = "1. Offer duloxetine to adults with neuropathic pain.\n2. Consider a starting dose of 30 mg once a day, raised after a week if needed." },
            ],
        };
        var answer = new AnswerEngine(new InMemorySearch([guideline])).Ask(new AskRequest("What dose of duloxetine is used for nerve pain?"));
        Assert.DoesNotContain("holds no source", answer.BottomLine);
        Assert.Contains("30 mg", answer.BottomLine);
    }

    [Theory]
    [InlineData("Gabapentin dosing in restless legs?", AmountKind.Dose)]
    [InlineData("Is it safe to double my gabapentin dose?", AmountKind.None)]
    public void An_open_question_the_analysis_reads_as_about_dosing_asks_for_a_dose(string question, AmountKind kind) =>
        Assert.Equal(kind, AmountAsked.Of(QuestionAnalyzer.Analyze(question, [])));

    [Theory]
    [InlineData(AmountKind.Dose, "Start with 50 mg once a day.", true)]
    [InlineData(AmountKind.Dose, "Take 2 puffs when needed.", true)]
    [InlineData(AmountKind.Dose, "Sertraline is a first choice for anxiety.", false)]
    [InlineData(AmountKind.Dose, "Treat until the blood level is below 6 mg/dL.", false)]
    [InlineData(AmountKind.Dose, "A level under 30 micrograms per litre means low stores.", false)]
    [InlineData(AmountKind.Dose, "Give 15 mg/kg every 6 hours.", true)]
    [InlineData(AmountKind.Dose, "The usual dose is 100 mg/d.", true)]
    [InlineData(AmountKind.Duration, "Most people need treatment for 5 days.", true)]
    [InlineData(AmountKind.Duration, "Treatment continues for life.", true)]
    [InlineData(AmountKind.Duration, "Antibiotics help most people.", false)]
    [InlineData(AmountKind.Duration, "The dose is lower in people 80 years or older.", false)]
    [InlineData(AmountKind.Duration, "Offer it to adults aged 40 to 75 years.", false)]
    [InlineData(AmountKind.Duration, "Not for children under 12 years.", false)]
    [InlineData(AmountKind.Duration, "Take it for 3 to 6 months.", true)]
    [InlineData(AmountKind.Duration, "The median follow-up was 5.3 years.", true)]
    [InlineData(AmountKind.Duration, "Symptoms eased in 2.5 to 4.5 weeks.", true)]
    public void A_sentence_gives_an_amount_only_with_a_figure_of_the_kind_asked(AmountKind kind, string sentence, bool states) =>
        Assert.Equal(states, AmountAsked.States(kind, sentence));

    [Theory]
    [InlineData("At what blood potassium level does treatment become urgent?", AmountKind.Figure)]
    [InlineData("Above what reading is a fever dangerous for an infant?", AmountKind.Figure)]
    [InlineData("What cholesterol target is right after a heart attack?", AmountKind.Figure)]
    [InlineData("Is a treatment target needed in gout?", AmountKind.None)]
    [InlineData("On warfarin for a new valve: what INR target range should we keep to?", AmountKind.Figure)]
    [InlineData("My vitamin D came back at 40. Is that low enough to need tablets?", AmountKind.Figure)]
    public void A_question_about_a_threshold_asks_for_a_figure(string question, AmountKind kind) =>
        Assert.Equal(kind, AmountAsked.Of(question));

    [Theory]
    [InlineData("Per the guideline, what time to peak intensity marks a sudden headache?")]
    [InlineData("Within what time of the bite should the jab be given?")]
    [InlineData("Switching from lisinopril to the combination pill: what gap is needed between the last old dose and the first new dose?")]
    [InlineData("I take zinc at lunch and now ciprofloxacin too. How far apart should they go?")]
    [InlineData("How do I space the antacid and the antibiotic out?")]
    public void The_time_something_takes_to_happen_is_a_length_of_time(string question) =>
        Assert.Equal(AmountKind.Duration, AmountAsked.Of(question));

    [Theory]
    [InlineData("For a migraine attack, take aspirin 900 mg or paracetamol.", false)]
    [InlineData("Paracetamol 1 g up to four times a day is the usual adult dose.", true)]
    [InlineData("The usual adult dose is 1 g up to four times a day.", true)]
    [InlineData("Take ibuprofen 400 mg with food, or paracetamol if ibuprofen upsets your stomach.", false)]
    public void A_dose_belongs_to_the_medicine_named_nearest_before_it(string sentence, bool gives)
    {
        var paracetamol = new Term("acetaminophen", ["acetaminophen", "paracetamol"], "drug");
        Assert.Equal(gives, AmountAsked.GivesDoseOf(paracetamol, sentence));
    }

    [Theory]
    [InlineData("Moxifloxacin 400 mg once daily is an alternative for adults.", true)]
    [InlineData("Amoxicillin 1 g three times daily is the usual choice.", false)]
    public void A_dose_of_a_member_of_the_class_asked_about_is_a_dose_of_the_class(string sentence, bool gives)
    {
        var quinolone = new Term("quinolone", ["quinolone", "fluoroquinolone"], "drug-class");
        Assert.Equal(gives, AmountAsked.GivesDoseOf(quinolone, sentence));
    }

    [Theory]
    [InlineData("Co-amoxiclav 625 mg three times a day is used after a failed first course.", false)]
    [InlineData("Amoxicillin-clavulanate 875 mg twice daily is the choice for bites.", false)]
    [InlineData("Amoxicillin 500 mg three times a day for 5 days is usual.", true)]
    [InlineData("Co-amoxiclav (500 mg of amoxicillin with 125 mg of clavulanic acid) is taken three times a day.", false)]
    [InlineData("Amoxicillin (500 mg three times a day) is usual.", true)]
    public void A_dose_of_a_combination_product_is_no_dose_of_the_medicine_it_contains(string sentence, bool gives)
    {
        var amoxicillin = new Term("amoxicillin", ["amoxicillin", "amoxycillin"], "drug");
        Assert.Equal(gives, AmountAsked.GivesDoseOf(amoxicillin, sentence));
    }

    [Theory]
    [InlineData("Colchicine for a flare: what's the maximum in a day?", true)]
    [InlineData("Naproxen, what's the highest dose I can take?", true)]
    [InlineData("What's the most ibuprofen she can have in 24 hours?", true)]
    [InlineData("Upper limit for vitamin D from tablets?", true)]
    [InlineData("What dose of naproxen should I start on?", false)]
    [InlineData("Which painkiller works the most for period pain?", false)]
    [InlineData("Thinking of zinc tablets. What's the most I should have in a day?", true)]
    public void A_question_asking_the_most_that_may_be_taken_asks_a_limit(string question, bool maximum) =>
        Assert.Equal(maximum, AmountAsked.AsksMaximum(question));

    [Theory]
    [InlineData("Start at 250 mg twice a day and raise it slowly.", false)]
    [InlineData("Take 500 mg to 1 g, no more than 4 g in 24 hours.", true)]
    [InlineData("The usual dose is up to 3000 mg a day.", true)]
    [InlineData("Supplements should not exceed 100 micrograms a day.", true)]
    [InlineData("The maximum is 40 mg daily.", true)]
    public void Only_a_sentence_that_states_a_limit_gives_the_most_that_may_be_taken(string sentence, bool states) =>
        Assert.Equal(states, AmountAsked.StatesMaximum(sentence));

    [Theory]
    [InlineData("Oculogyric crisis after haloperidol: what do I give and how much?", true)]
    [InlineData("Which should we give first, and at what dose?", true)]
    [InlineData("Torticollis two days after metoclopramide was started. Drug and dose?", true)]
    [InlineData("Which agent, and at what dose?", true)]
    [InlineData("What is the treatment dose of enoxaparin for a clot?", false)]
    [InlineData("Haloperidol for delirium: medicine at what dose?", true)]
    [InlineData("How much haloperidol can an older adult take?", false)]
    public void A_question_asking_which_medicine_to_give_asks_the_dose_of_the_answer(string question, bool which) =>
        Assert.Equal(which, AmountAsked.AsksWhichToGive(question));

    [Theory]
    [InlineData("How many grams of fibre should I eat each day?", "day")]
    [InlineData("How much walking a week keeps the heart healthy?", "week")]
    [InlineData("How often should I use the cream daily?", "day")]
    [InlineData("How many hours of sleep does a toddler need?", null)]
    [InlineData("I missed a day of my pill. How much of it should I take now?", null)]
    public void The_rate_an_amount_is_asked_at_is_read_only_after_how_much_or_how_many(string question, string? rate) =>
        Assert.Equal(rate, AmountAsked.RateOf(question));

    [Theory]
    [InlineData(AmountKind.Dose, "Adults take 1000 mg a day with food.", null, true)]
    [InlineData(AmountKind.Dose, "In a trial of 400 adults, 1000 mg a day did not prevent colds.", null, false)]
    [InlineData(AmountKind.Dose, "Participants were randomly given 50 mg or dummy tablets.", null, false)]
    [InlineData(AmountKind.Duration, "The study followed people for 5 years.", null, false)]
    [InlineData(AmountKind.Figure, "In a study of 2,000 people, 1 in 10 had the gene.", null, true)]
    [InlineData(AmountKind.Dose, "Take 2 tablets twice a day.", "day", true)]
    [InlineData(AmountKind.Dose, "Take 2 tablets an hour before bed.", "day", false)]
    [InlineData(AmountKind.Duration, "Aim for 150 minutes of brisk activity a week.", "week", true)]
    [InlineData(AmountKind.Duration, "Most strains settle within a few weeks.", "week", false)]
    public void A_sentence_gives_the_amount_asked_as_advice_at_the_rate_asked(AmountKind kind, string sentence, string? rate, bool gives) =>
        Assert.Equal(gives, AmountAsked.Gives(kind, sentence, rate));

    [Theory]
    [InlineData("In that large fish oil trial, for how many years were the people followed?", true)]
    [InlineData("What dose did the study give the volunteers?", true)]
    [InlineData("How long should I take fish oil for?", false)]
    public void A_question_about_a_study_is_answered_by_what_the_study_gave(string question, bool gives) =>
        Assert.Equal(gives, AmountAsked.Gives(AmountAsked.Of(question), "The study gave 1 g a day and followed people for 5.3 years.", null, AmountAsked.AsksOfStudy(question)));

    [Theory]
    [InlineData("With kidney stones, how many litres of water should I aim for?", "Drink 2.5 to 3 litres of fluid a day.", true)]
    [InlineData("With kidney stones, how many litres of water should I aim for?", "About 1 in 10 people get a stone.", false)]
    [InlineData("How many pints of beer a week are too many?", "Keep to 14 units a week.", false)]
    [InlineData("How many kilos should I lose first?", "Losing 5 kg helps blood pressure.", true)]
    [InlineData("How many kilos should I lose first?", "Losing 5% of your weight helps.", false)]
    [InlineData("How often should I weigh myself?", "Once a week is enough.", true)]
    [InlineData("What percentage of people get a rash on it?", "About 5% of people get a rash.", true)]
    [InlineData("What percentage of people get a rash on it?", "Rashes are rarer in one study.", false)]
    [InlineData("What proportion of smokers relapse?", "By about half over a year.", true)]
    [InlineData("Injection frequency once the loading doses are done?", "Vitamin B12 injections treat a lack of COVID-19 antibodies.", false)]
    [InlineData("Injection frequency once the loading doses are done?", "Then one injection every 3 months.", true)]
    // A level aimed at is not given by a dose that names it.
    [InlineData("On levothyroxine, adjusting. TSH target?", "Start at 25 micrograms a day and raise it until the TSH target is reached.", false)]
    [InlineData("On levothyroxine, adjusting. TSH target?", "Aim for a TSH within the reference range of 0.4 to 4 mU/L.", true)]
    [InlineData("What blood sugar level counts as too low?", "Below 4 mmol/L is too low.", true)]
    // Nor by how often it is checked, nor by a count in words.
    [InlineData("On warfarin, INR target?", "Check the INR every 2 weeks until two readings are steady.", false)]
    [InlineData("On warfarin, INR target?", "Keep the INR between 2 and 3 for most people.", true)]
    // A gene variant's digits are part of its name, not a level.
    [InlineData("What urate number are we getting it under?", "Test for HLA-B*5801 before starting allopurinol.", false)]
    [InlineData("What urate number are we getting it under?", "Keep the urate below 6 mg/dL.", true)]
    // Nor by the ages a sentence is for, nor by a number that is part of a chemical's name.
    [InlineData("Ferritin level that defines iron deficiency?", "Do not screen healthy adults aged 18 to 64 years.", false)]
    [InlineData("Ferritin level that defines iron deficiency?", "Measuring 25-hydroxyvitamin D is not advised for everyone.", false)]
    [InlineData("Ferritin level that defines iron deficiency?", "A ferritin below 30 micrograms per litre confirms it.", true)]
    [InlineData("On oxygen in a flare: target saturation range?", "Aim for a saturation of 88% to 92%.", true)]
    public void A_figure_asked_in_a_unit_is_given_only_in_a_unit_of_the_same_measure(string question, string sentence, bool gives)
    {
        var (measure, _) = AmountAsked.MeasureOf(question);
        Assert.Equal(gives, AmountAsked.Gives(AmountAsked.Of(question), sentence) && AmountAsked.StatesMeasure(measure, sentence));
    }

    [Theory]
    [InlineData("After how many years should she stop the tablets for a while?", "Take it with water and stay upright for 30 minutes.", false)]
    [InlineData("After how many years should she stop the tablets for a while?", "Review the need for treatment after 5 years.", true)]
    [InlineData("After how many years should she stop the tablets for a while?", "Review after 18 months.", true)]
    [InlineData("How many days does the rash last?", "It fades within 48 hours.", true)]
    [InlineData("How many days does the rash last?", "It can last for 2 weeks.", true)]
    [InlineData("How long does the rash last?", "It fades within 30 minutes.", true)]
    [InlineData("My thyroid pill and my calcium: how many hours apart?", "Take them several hours apart.", false)]
    [InlineData("My thyroid pill and my calcium: how many hours apart?", "Take them a few hours apart.", false)]
    [InlineData("My thyroid pill and my calcium: how many hours apart?", "Take them at least 4 hours apart.", true)]
    [InlineData("How long apart should they be?", "Take them several hours apart.", true)]
    public void A_length_of_time_asked_in_a_unit_is_given_only_in_that_unit_or_the_next(string question, string sentence, bool gives) =>
        Assert.Equal(gives, AmountAsked.Gives(AmountAsked.Of(question), sentence) && AmountAsked.StatesTimeIn(AmountAsked.TimeUnitOf(question), sentence));

    [Theory]
    [InlineData("The GP gave me flucloxacillin. How many days of tablets is usual?", AmountKind.Duration)]
    [InlineData("How many weeks of treatment does this need?", AmountKind.Duration)]
    [InlineData("How many tablets a day can I take?", AmountKind.Dose)]
    [InlineData("What's the most I can have in a day?", AmountKind.Dose)]
    [InlineData("Which oxygen saturation cut-off should prompt a referral?", AmountKind.Figure)]
    [InlineData("Which guideline should I follow for gout?", AmountKind.None)]
    public void Days_of_tablets_ask_how_long_and_tablets_a_day_ask_how_much(string question, AmountKind kind) =>
        Assert.Equal(kind, AmountAsked.Of(question));

    [Theory]
    [InlineData("How many days of tablets is usual for this?", "Take the tablets for 5 days.", true)]
    [InlineData("How many days of tablets is usual for this?", "See the doctor again if it is no better after 2 to 3 days.", false)]
    [InlineData("What is the course length for a chest infection?", "A 5-day course is enough for most adults.", true)]
    [InlineData("We were told to hold off. How long do we wait before going back?", "Go back if she is no better after 2 to 3 days.", true)]
    [InlineData("We were told to hold off. How long do we wait before going back?", "Give the antibiotic for 10 days.", false)]
    [InlineData("What is the waiting period for this?", "Most get better within 3 days without treatment.", true)]
    [InlineData("How many days can a fever go on before she needs seeing?", "Get help for a fever that has gone on for 5 days or more.", true)]
    [InlineData("How long is the waiting period before antibiotics?", "Ear pain of less than 48 hours supports the diagnosis.", false)]
    [InlineData("Course length?", "Give 10 to 14 days of treatment.", true)]
    [InlineData("How long does the rash last?", "It can last for 2 weeks.", true)]
    [InlineData("How long does the rash last?", "It fades within 48 hours.", true)]
    [InlineData("How many days of antibiotic does a toddler need?", "Many children can be watched for 2 to 3 days first.", false)]
    [InlineData("How long do we wait before starting the antibiotic?", "Many children can be watched for 2 to 3 days first.", true)]
    [InlineData("How much longer am I meant to stay on these tablets?", "Keep taking them for 3 months after the blood count is normal.", true)]
    [InlineData("How much longer am I meant to stay on these tablets?", "Check the blood count again after 4 weeks.", false)]
    public void A_course_asked_is_given_by_how_long_to_take_and_a_wait_by_when_to_act(string question, string sentence, bool gives) =>
        Assert.Equal(gives, AmountAsked.StatesTimeAs(AmountAsked.TimeSenseOf(question), sentence));

    [Theory]
    [InlineData("Chest infection in an adult: doxycycline dose and course length?", true)]
    [InlineData("How much amoxicillin and for how long?", true)]
    [InlineData("What dose of amoxicillin?", false)]
    [InlineData("How long should the course be?", false)]
    [InlineData("Switching from an ACE inhibitor: how long before the first dose of the new one?", false)]
    public void A_question_can_ask_a_dose_and_a_length_of_time_together(string question, bool both) =>
        Assert.Equal(both, AmountAsked.AsksDoseAndDuration(question));

    [Fact]
    public void The_note_on_a_figure_the_library_lacks_names_the_unit_asked()
    {
        var (_, unit) = AmountAsked.MeasureOf("How many litres of fluid a day are safe?");
        Assert.Equal("litres", unit);
        Assert.StartsWith("The library holds no source that gives the figure asked about in litres.", AmountAsked.Lacking(AmountKind.Figure, null, unit));
    }
}
