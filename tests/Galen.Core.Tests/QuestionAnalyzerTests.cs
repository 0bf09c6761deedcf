using Galen.Core.Analysis;

namespace Galen.Core.Tests;

public sealed class QuestionAnalyzerTests
{
    private static QuestionAnalysis A(string q, params string[] after) => QuestionAnalyzer.Analyze(q, after);

    private static bool Names(Term? term, string phrase) =>
        term is not null && (term.Name.Equals(phrase, StringComparison.OrdinalIgnoreCase) || term.Phrasings.Contains(phrase, StringComparer.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Cramp in my calves keeps waking me. What can I do about it without pills?", "pills")]
    [InlineData("Twisted my ankle on the stairs. What eases it apart from painkillers?", "painkillers")]
    [InlineData("Which remedies work instead of medication?", "medication")]
    public void A_treatment_the_question_rules_out_is_never_read_as_its_topic(string question, string ruledOut)
    {
        var a = A(question);

        Assert.DoesNotContain(a.Conditions, c => c.Name.Contains(ruledOut, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(a.Interventions, i => i.IsUnsure && i.Name.Contains(ruledOut, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("What is worth doing apart from tablets", "What is worth doing")]
    [InlineData("Allergic to penicillin: what instead of amoxicillin?", "Allergic to penicillin: what instead of amoxicillin?")]
    [InlineData("Can people live well without a spleen?", "Can people live well without a spleen?")]
    public void Only_medicine_as_such_is_taken_off_as_ruled_out(string question, string read) =>
        Assert.Equal(read, Galen.Core.Composition.BottomLineRanking.WithoutRuledOutMedicine(question).Trim());

    [Theory]
    [InlineData("Should we start with cream or tablets for my daughter's eczema?")]
    [InlineData("For a sprained ankle, is ice or heat better?")]
    [InlineData("Amlodipine or a thiazide first in a 60 year old?")]
    [InlineData("Can I keep taking omeprazole every day, or should I stop it now?")]
    [InlineData("Is it the inhaler first or the tablets?")]
    public void A_question_offering_two_alternatives_asks_which_not_whether(string question)
    {
        var a = A(question);
        Assert.False(a.IsYesNo, question);
        Assert.NotEqual(QuestionKind.YesNoEfficacy, a.Kind);
    }

    [Theory]
    [InlineData("My 5 year old has pinworms. Do all of us need to take pyrantel as well?", "pyrantel")]
    [InlineData("Does everyone at home need to take praziquantel too, or only him?", "praziquantel")]
    public void What_someone_needs_to_take_is_what_the_question_asks_about(string question, string asked)
    {
        var a = A(question);
        Assert.Equal(asked, a.MainIntervention?.Name);
        Assert.DoesNotContain(a.Conditions, c => c.Name.Contains(asked, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Heart failure, just put on ramipril. Starting dose and target blood pressure?")]
    [InlineData("Heart failure, just put on ramipril. Usual maintenance dose, and how often are bloods checked?")]
    [InlineData("Heart failure, just put on ramipril. Initial dose and review interval?")]
    public void Words_saying_which_dose_is_asked_name_no_medicine_and_the_story_s_medicine_stands(string question) =>
        Assert.Equal("ramipril", A(question).MainIntervention?.Name);

    [Fact]
    public void Asking_more_about_the_dose_names_no_medicine_and_the_story_s_medicine_stands()
    {
        var a = A("my knee is swollen and the gp said take naproxen - how many mg a dose and how many times a day?");
        Assert.Equal("naproxen", a.MainIntervention?.Name);
    }

    [Theory]
    [InlineData("Does aspirin prevent heart attacks or strokes?")]
    [InlineData("Can I take ibuprofen if I have asthma or kidney disease?")]
    [InlineData("Is it safe to take paracetamol or ibuprofen while breastfeeding?")]
    [InlineData("Does metformin work or not?")]
    public void An_or_between_outcomes_or_inside_a_condition_still_asks_whether(string question)
    {
        Assert.True(A(question).IsYesNo, question);
    }

    [Fact]
    public void Seed_yes_no_question_on_magnesium_and_drug_induced_dyskinesia()
    {
        var a = A("Does magnesium help with drug-induced acute dyskinesia (Medication-Induced Acute Dyskinesia)?");
        Assert.Equal(QuestionKind.YesNoEfficacy, a.Kind);
        Assert.True(a.IsYesNo);
        Assert.True(Names(a.MainIntervention, "magnesium"));
        Assert.True(Names(a.MainCondition, "drug-induced acute dyskinesia"));
        Assert.True(Names(a.MainCondition, "medication-induced acute dyskinesia"));
    }

    [Theory]
    [InlineData("I was given Reglan for nausea this morning and now my jaw feels locked. What is going on?")]
    [InlineData("My son had a haloperidol shot yesterday and now his eyes keep rolling up. What is happening?")]
    [InlineData("They started my dad on Haldol and his neck is pulled to one side. What is wrong with him?")]
    public void A_story_ending_in_what_is_going_on_is_about_the_problem_described_not_about_going_on(string question)
    {
        var a = A(question);
        Assert.True(Names(a.MainCondition, "acute dystonia"), a.MainCondition?.Name);
        Assert.DoesNotContain(a.Conditions, c => c.Name.Contains("going", StringComparison.OrdinalIgnoreCase) || c.Name.Contains("happening", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Second-line therapy for gout?")]
    [InlineData("Uncomplicated cystitis in a woman. Treatment duration?")]
    [InlineData("Preferred antibiotic choice for impetigo?")]
    [InlineData("Adults with cellulitis: usual oral dose?")]
    [InlineData("Gout flare in a 70 year old. Colchicine dose per EULAR?")]
    [InlineData("Impetigo, 3 small patches. Antibiotic choice according to NICE NG153?")]
    [InlineData("Persistent palpitations after a normal ECG. Next step?")]
    [InlineData("Shingles near the eye in a 60 year old. Main worry?")]
    [InlineData("Asthma on a low-dose steroid inhaler. Reliever use above which a review is needed?")]
    [InlineData("Chronic kidney disease: the potassium level at which an ACE inhibitor is stopped?")]
    public void A_question_without_a_verb_that_names_the_value_it_wants_is_not_a_yes_no_question(string question)
    {
        var a = A(question);
        Assert.False(a.IsYesNo, question);
        Assert.NotEqual(QuestionKind.YesNoEfficacy, a.Kind);
    }

    [Theory]
    [InlineData("Colchicine for gout flares?")]
    [InlineData("Vitamin D: a treatment for depression?")]
    public void A_question_without_a_verb_that_names_a_treatment_and_a_condition_still_asks_whether(string question) =>
        Assert.True(A(question).IsYesNo, question);

    [Theory]
    [InlineData("Would like to learn more about restless legs syndrome")]
    [InlineData("Gout. I would like to know more about this condition.")]
    [InlineData("Would appreciate any information on acute dystonia")]
    public void A_request_for_information_is_not_a_yes_no_question(string question) =>
        Assert.False(A(question).IsYesNo);

    [Theory]
    [InlineData("Estradiol patch. Can I stop using the patch after 4 months?")]
    [InlineData("Can we give ibuprofen to our son with a fever?")]
    public void The_asker_is_never_taken_for_a_treatment_or_condition(string question)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name is "I" or "we" or "We");
    }

    [Theory]
    [InlineData("Can my 4 year old go back to nursery while she has conjunctivitis?")]
    [InlineData("Is it normal for a 3-month-old to sleep this much?")]
    [InlineData("What should our ten year old eat before a football match?")]
    public void The_age_of_the_person_asked_about_is_never_taken_for_a_condition(string question) =>
        Assert.DoesNotContain(A(question).Conditions, t => t.Name.Contains("old", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("What amoxicillin dose do we give a toddler with an ear infection?", "amoxicillin")]
    [InlineData("Which IV ceftriaxone dose do you use for an adult with pneumonia?", "ceftriaxone")]
    public void What_someone_does_is_never_taken_for_the_treatment_asked_about(string question, string medicine)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.StartsWith("we ", StringComparison.OrdinalIgnoreCase) || t.Name.StartsWith("you ", StringComparison.OrdinalIgnoreCase));
        Assert.True(Names(a.MainIntervention, medicine), a.MainIntervention?.Name);
    }

    [Theory]
    [InlineData("Coronary heart disease, LDL above goal on rosuvastatin 20 mg. What's the next step?", "rosuvastatin", "coronary artery disease")]
    [InlineData("Type 2 diabetes for six years, HbA1c 8.4% on metformin alone. What is the best option now?", "metformin", "type 2 diabetes")]
    public void A_question_asking_which_to_choose_is_about_what_the_story_around_it_names(string question, string medicine, string condition)
    {
        // "What's the next step?" asks for a choice, not for the meaning of "next step": the story says about what.
        var a = A(question);
        Assert.NotEqual(QuestionKind.Definition, a.Kind);
        Assert.True(Names(a.MainIntervention, medicine), a.MainIntervention?.Name);
        Assert.True(Names(a.MainCondition, condition), a.MainCondition?.Name);
    }

    [Theory]
    [InlineData("My son has a verruca on his heel that hurts. whats the first thing to try to get rid of it?")]
    [InlineData("My son has a verruca on his heel that hurts. What's the first thing to try to get rid of it?")]
    [InlineData("My son has a verruca on his heel that hurts. What is the first thing to try to get rid of it?")]
    public void A_topic_the_vocabulary_does_not_know_is_taken_from_the_story_when_the_question_names_none(string question)
    {
        // "whats" typed without its apostrophe reads as "what is"; the question itself names nothing, so the story does,
        // and its topic is searched for like the question's words.
        var a = A(question);
        Assert.Equal("verruca", a.MainCondition?.Name);
        Assert.Contains("verruca", a.Keywords);
        Assert.Equal(QuestionKind.Treatment, a.Kind);
    }

    [Fact]
    public void The_child_a_treatment_is_asked_for_is_not_part_of_the_condition_named()
    {
        var a = A("What's the best treatment for head lice in my 6 year old?");
        Assert.Equal("head lice", a.MainCondition?.Name);
    }

    [Theory]
    [InlineData("Adult with severe seasonal hay fever: what combination can be used from the outset?", false)]
    [InlineData("What should I take for hay fever from the start of the pollen season?", false)]
    [InlineData("Could my dizziness be from the amlodipine?", true)]
    public void From_the_outset_says_when_and_does_not_ask_about_harm(string question, bool harm) =>
        Assert.Equal(harm, A(question).Kind == QuestionKind.AdverseEffects);

    [Fact]
    public void The_most_of_a_medicine_one_may_take_is_a_question_about_its_dose()
    {
        var a = A("I'm 16 weeks pregnant. What is the most ibuprofen I'm allowed in a day?");
        Assert.Equal(QuestionKind.Dosing, a.Kind);
        Assert.True(Names(a.MainIntervention, "ibuprofen"), a.MainIntervention?.Name);
    }

    [Theory]
    [InlineData("Does ciprofloxacin work well?")]
    [InlineData("Does melatonin really work at all?")]
    [InlineData("Will metformin work for me?")]
    public void How_well_a_treatment_works_names_no_condition(string question) =>
        Assert.Empty(A(question).Conditions);

    [Fact]
    public void A_condition_after_work_well_is_still_the_condition()
    {
        var a = A("Does magnesium work well for restless legs syndrome?");
        Assert.True(Names(a.MainIntervention, "magnesium"), a.MainIntervention?.Name);
        Assert.True(Names(a.MainCondition, "restless legs syndrome"), a.MainCondition?.Name);
    }

    [Fact]
    public void A_question_naming_only_what_is_wanted_takes_its_subject_from_a_short_first_line()
    {
        var a = A("vdrl positive.  vdrl positive patients please tell me what are he doing . Diagnosis and precaution.");
        Assert.True(Names(a.MainCondition, "vdrl positive"), a.MainCondition?.Name);
        // A long first sentence is a story, not a subject line: what the vocabulary finds in it is used instead.
        var story = A("My dad has taken Haldol for ten years and now he keeps smacking his lips. Is there a medicine that can help this?");
        Assert.DoesNotContain(story.Conditions, c => c.Name.Contains("taken", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_unknown_abbreviation_in_capitals_is_found_only_in_capitals()
    {
        var a = A("ODD. Would like to learn more about condition on ODD");
        var odd = Assert.Single(a.Conditions);
        Assert.True(odd.IsIn("Oculodentodigital dysplasia (ODD) affects the eyes.", TextTools.Normalize("Oculodentodigital dysplasia (ODD) affects the eyes.")));
        Assert.False(odd.IsIn("It may seem odd at first.", TextTools.Normalize("It may seem odd at first.")));
        // A message written all in capitals says nothing about abbreviations.
        Assert.False(Assert.Single(A("WHAT IS GOUT").Conditions).MatchCase);
    }

    [Theory]
    [InlineData("my husband's chest hurts and his left arm is numb what do we do")]
    [InlineData("I have a pain in my chest when I climb stairs, what should I do?")]
    public void Chest_pain_in_everyday_words_is_chest_pain(string question)
    {
        var a = A(question);
        Assert.True(Names(a.MainCondition, "chest pain"), a.MainCondition?.Name);
    }

    [Fact]
    public void A_symptom_inside_the_name_of_another_thing_is_not_mentioned()
    {
        var fever = A("My son has a fever, what should I do?").MainCondition!;
        static string N(string text) => TextTools.Normalize(text);
        const string hay = "A steroid nose spray is the best single treatment for hay fever.";
        const string both = "Hay fever does not cause a fever.";
        Assert.False(fever.IsIn(hay, N(hay)));
        Assert.True(fever.IsIn(both, N(both)));
        // Only symptoms: "low magnesium" is still about magnesium.
        const string low = "Low magnesium can cause muscle cramps.";
        Assert.True(A("Does magnesium help cramps?").MainIntervention!.IsIn(low, N(low)));
    }

    [Fact]
    public void A_strength_after_a_medicine_is_not_part_of_its_name()
    {
        var a = A("amphetamine salts 20 mg. are they gluten free");
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Any(char.IsDigit));
    }

    [Fact]
    public void Seed_dosing_question_on_the_amount_of_magnesium_that_causes_twitching()
    {
        var a = A("What amount of magnesium can cause muscle twitching?");
        Assert.Equal(QuestionKind.Dosing, a.Kind);
        Assert.False(a.IsYesNo);
        Assert.True(Names(a.MainIntervention, "magnesium"));
        Assert.True(Names(a.MainCondition, "muscle twitching"));
        Assert.True(Names(a.MainCondition, "fasciculations"));
    }

    [Theory]
    [InlineData("How many milligrams of valerian can I give him so he settles at night?", "valerian")]
    [InlineData("How many tablets of paracetamol should my wife take after her operation?", "acetaminophen")]
    public void A_dose_question_names_the_medicine_before_its_verb_whatever_follows(string question, string medicine)
    {
        var a = A(question);
        Assert.Equal(QuestionKind.Dosing, a.Kind);
        Assert.Equal(medicine, a.MainIntervention?.Name);
    }

    [Fact]
    public void Seed_question_on_magnesium_for_RLS_expands_the_abbreviation_and_synonyms()
    {
        var a = A("Can magnesium be used to treat Restless Leg Syndrome (RLS)?");
        Assert.Equal(QuestionKind.YesNoEfficacy, a.Kind);
        Assert.True(Names(a.MainIntervention, "magnesium"));
        Assert.Equal("restless legs syndrome", a.MainCondition!.Name);
        Assert.Contains("Willis-Ekbom disease", a.MainCondition.Phrasings);
        Assert.Contains("RLS", a.MainCondition.Phrasings);
    }

    [Fact]
    public void Seed_how_effective_question_is_an_efficacy_question()
    {
        var a = A("How Effective is Magnesium as a Restless Legs Syndrome Treatment");
        Assert.Equal(QuestionKind.YesNoEfficacy, a.Kind);
        Assert.True(Names(a.MainIntervention, "magnesium"));
        Assert.Equal("restless legs syndrome", a.MainCondition!.Name);
    }

    [Fact]
    public void Seed_treatment_question_separates_the_condition_from_the_context_that_caused_it()
    {
        var a = A("How do I treat an acute dystonic stiff neck that started after initiating or increasing an antipsychotic medication?");
        Assert.Equal(QuestionKind.Treatment, a.Kind);
        Assert.False(a.IsYesNo);
        Assert.Equal("acute dystonia", a.MainCondition!.Name);
        Assert.Empty(a.Interventions);
        Assert.NotNull(a.Context);
        Assert.Contains("antipsychotic", a.Context);
        Assert.Contains(a.ContextTerms, t => t.Name == "antipsychotic");
    }

    [Theory]
    [InlineData("Does magnesium help RLS?")]
    [InlineData("Is magnesium effective for restless legs?")]
    [InlineData("Is magnesium an effective treatment for Willis-Ekbom disease?")]
    [InlineData("Can magnesium supplements relieve restless legs syndrome?")]
    [InlineData("Could taking magnesium help with my restless leg syndrome")]
    [InlineData("does magnesium work for rls")]
    [InlineData("Should magnesium be used in restless legs syndrome?")]
    public void Paraphrases_of_an_efficacy_question_find_the_same_intervention_and_condition(string question)
    {
        var a = A(question);
        Assert.True(a.IsYesNo, question);
        Assert.Equal(QuestionKind.YesNoEfficacy, a.Kind);
        Assert.True(Names(a.MainIntervention, "magnesium"), question);
        Assert.Equal("restless legs syndrome", a.MainCondition?.Name);
    }

    [Theory]
    [InlineData("Is Tylenol safe to take with Lipitor?", "acetaminophen")]
    [InlineData("What are the side effects of Cogentin?", "benztropine")]
    [InlineData("What is the usual dose of Glucophage?", "metformin")]
    [InlineData("Can Benadryl cause restless legs?", "diphenhydramine")]
    [InlineData("Does Reglan cause tardive dyskinesia?", "metoclopramide")]
    [InlineData("Is Haldol used for delirium?", "haloperidol")]
    [InlineData("How much Advil can I take in a day?", "ibuprofen")]
    [InlineData("Is paracetamol safe in pregnancy?", "acetaminophen")]
    public void Brand_names_resolve_to_generic_names(string question, string generic)
    {
        var a = A(question);
        Assert.NotNull(a.MainIntervention);
        Assert.Equal(generic, a.MainIntervention!.Name);
    }

    [Theory]
    [InlineData("Gabapentin dosing in restless legs?", "gabapentin", "restless legs syndrome")]
    [InlineData("Usual metformin dose for type 2 diabetes", "metformin", "type 2 diabetes")]
    [InlineData("What dose of gabapentin for restless legs?", "gabapentin", "restless legs syndrome")]
    public void A_medicine_named_before_the_word_dose_is_the_intervention_and_what_follows_for_is_the_condition(string question, string medicine, string condition)
    {
        var a = A(question);
        Assert.Equal(medicine, a.MainIntervention?.Name);
        Assert.Equal(condition, a.MainCondition?.Name);
    }

    [Theory]
    [InlineData("What is the best treatment for high blood pressure?", "hypertension", QuestionKind.Treatment)]
    [InlineData("How is a heart attack diagnosed?", "myocardial infarction", QuestionKind.Diagnosis)]
    [InlineData("What is TD?", "tardive dyskinesia", QuestionKind.Definition)]
    [InlineData("What causes EPS?", "extrapyramidal symptoms", QuestionKind.Causes)]
    [InlineData("How can I prevent a stroke?", "stroke", QuestionKind.Prevention)]
    [InlineData("What is the prognosis of NMS?", "neuroleptic malignant syndrome", QuestionKind.Prognosis)]
    [InlineData("What is the outlook for someone with heart failure?", "heart failure", QuestionKind.Prognosis)]
    public void Lay_names_and_abbreviations_resolve_to_clinical_conditions(string question, string condition, QuestionKind kind)
    {
        var a = A(question);
        Assert.Equal(condition, a.MainCondition?.Name);
        Assert.Equal(kind, a.Kind);
    }

    [Theory]
    [InlineData("Is gabapentin better than pramipexole for restless legs syndrome?")]
    [InlineData("gabapentin vs pramipexole for RLS")]
    [InlineData("Which is better, gabapentin or pramipexole, for restless legs syndrome?")]
    public void Comparison_questions_name_both_alternatives(string question)
    {
        var a = A(question);
        Assert.Equal(QuestionKind.Comparison, a.Kind);
        Assert.Equal("gabapentin", a.MainIntervention?.Name);
        Assert.Contains(a.Comparators, t => t.Name == "pramipexole");
        Assert.Equal("restless legs syndrome", a.MainCondition?.Name);
    }

    [Theory]
    [InlineData("my daughter is 9 and has had a cough for a week. is honey ok for her?", "is honey ok for her?")]
    [InlineData("i smoked for years. e.g. twenty a day. should i stop now?", "should i stop now?")]
    [InlineData("My son has ADHD. is he ok to take melatonin?", "is he ok to take melatonin?")]
    public void A_story_typed_without_capitals_still_yields_the_question(string question, string focus) =>
        Assert.Equal(focus, A(question).FocusQuestion);

    [Theory]
    [InlineData("i have gout. am i alright to drive after taking colchicine?")]
    [InlineData("Is it fine for me to have a glass of wine on sertraline?")]
    [InlineData("is ibuprofen alright for me with asthma?")]
    public void Everyday_words_for_safe_ask_about_harm(string question) =>
        Assert.Equal(QuestionKind.AdverseEffects, A(question).Kind);

    [Theory]
    [InlineData("I have had gout for years. Is there any point in starting allopurinol now?")]
    [InlineData("I have smoked for forty years. Is there any point giving up this late?")]
    public void Is_there_any_point_asks_whether_it_is_worth_it_and_names_no_topic(string question)
    {
        var a = A(question);
        Assert.True(a.IsYesNo);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Contains("point", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Our son had the flu jab at school and was poorly after. Is the jab definitely safe for kids?", "vaccination")]
    public void A_word_said_again_refers_back_to_the_term_the_story_named(string question, string intervention)
    {
        var a = A(question);
        Assert.Equal(intervention, a.MainIntervention?.Name);
        Assert.DoesNotContain(a.Interventions, t => t.IsUnsure);
    }

    [Theory]
    [InlineData("Started on metformin last month and my stomach is upset every day. Could the tablets be doing this?", "metformin")]
    [InlineData("My GP put me on amlodipine in the spring. Are the pills the reason my ankles swell?", "amlodipine")]
    public void A_word_for_a_medicine_is_the_medicine_the_message_names(string question, string intervention)
    {
        var a = A(question);
        Assert.Contains(a.Interventions, t => t.Name == intervention);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Contains("tablet", StringComparison.Ordinal) || t.Name.Contains("pill", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I take sertraline and the physio suggested naproxen. Is that combination OK?")]
    [InlineData("My son has lisinopril and now ibuprofen for his knee. Are they alright?")]
    public void Asking_whether_two_medicines_named_together_are_ok_asks_about_harm(string question)
    {
        var a = A(question);
        Assert.Equal(QuestionKind.AdverseEffects, a.Kind);
        Assert.True(a.Interventions.Count >= 2, string.Join(", ", a.Interventions.Select(t => t.Name)));
    }

    [Theory]
    [InlineData("Oculogyric crisis after metoclopramide in a teenager. First-line agent and dose?", "metoclopramide")]
    [InlineData("Acute dystonia from prochlorperazine: preferred option, and can it be repeated?", "prochlorperazine")]
    public void Asking_for_the_first_line_agent_names_no_treatment_of_that_name(string question, string medicine)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Interventions, t => t.Type == "phrase");
        Assert.Contains(a.Interventions, t => t.Name == medicine);
    }

    [Theory]
    [InlineData("how many fingertip units of cream should i put on my daughter's legs?")]
    [InlineData("How many sprays of the nasal steroid should I use each day?")]
    [InlineData("How many puffs of the brown inhaler can my son have in a day?")]
    public void How_many_units_of_a_medicine_asks_for_a_dose_whatever_the_verb(string question) =>
        Assert.Equal(QuestionKind.Dosing, A(question).Kind);

    [Theory]
    [InlineData("I'm 81 and my doctor wants me on a statin. Is it still worth it at my age?")]
    [InlineData("I have kidney disease. Is ibuprofen safe in my case?")]
    public void Words_about_the_asker_or_the_asking_name_no_topic(string question)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.IsUnsure);
    }

    [Theory]
    [InlineData("Can the flu vaccine give you flu?", true)]
    [InlineData("Can steroid injections give you relief for a month?", false)]
    [InlineData("What is the danger to my unborn baby if I take naproxen?", true)]
    public void Whether_something_gives_you_an_illness_asks_about_harm(string question, bool harm) =>
        Assert.Equal(harm, A(question).Kind == QuestionKind.AdverseEffects);

    [Fact]
    public void A_verb_in_the_passive_is_never_the_treatment_asked_about()
    {
        var a = A("Taking rivaroxaban for a clot, with a tooth extraction booked. How many hours before the procedure should the final dose be taken?");
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.StartsWith("be ", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("rivaroxaban", a.MainIntervention?.Name);
    }

    [Fact]
    public void A_patient_story_still_yields_the_question()
    {
        var a = A("Hi, I'm 58 and for about two years I've had this creepy crawly feeling in my legs every night. My GP says it's restless legs syndrome. My sister swears by magnesium. I already take lisinopril for my blood pressure. Would magnesium actually help me?");
        Assert.True(a.IsYesNo);
        Assert.Equal("Would magnesium actually help me?", a.FocusQuestion);
        Assert.Equal("magnesium", a.MainIntervention?.Name);
        Assert.Equal("restless legs syndrome", a.MainCondition?.Name);
        Assert.Equal("adults", a.Population);
    }

    [Fact]
    public void A_patient_story_with_a_new_medicine_gives_the_medicine_as_context()
    {
        var a = A("My son was started on haloperidol two days ago. Now his neck is twisted to one side and he can't straighten it. How do we treat this?");
        Assert.Equal(QuestionKind.Treatment, a.Kind);
        Assert.Contains(a.ContextTerms, t => t.Name == "haloperidol");
        Assert.Empty(a.Interventions);
        Assert.Equal("children", a.Population);
        // The medicine that started the trouble is not the condition either.
        Assert.DoesNotContain(a.Conditions, c => c.Name == "haloperidol");
    }

    [Fact]
    public void Follow_ups_take_the_intervention_and_condition_from_earlier_questions()
    {
        var a = A("What dose?", "Does magnesium help with restless legs syndrome?");
        Assert.Equal(QuestionKind.Dosing, a.Kind);
        Assert.Equal("magnesium", a.MainIntervention?.Name);
        Assert.Equal("restless legs syndrome", a.MainCondition?.Name);
        Assert.True(a.UsesConversation);

        var b = A("Is it safe in pregnancy?", "What is the first-line treatment for RLS?", "Can gabapentin be used for restless legs syndrome?");
        Assert.True(b.IsYesNo);
        Assert.Equal("gabapentin", b.MainIntervention?.Name);
        Assert.Equal("pregnancy", b.Population);
        Assert.Equal(QuestionFocus.Safety, b.Focus);
    }

    [Theory]
    [InlineData("Is laparoscopic cholecystectomy safe in the elderly?", QuestionFocus.Safety)]
    [InlineData("Is routine chest radiography necessary after chest tube removal?", QuestionFocus.Necessity)]
    [InlineData("Does smoking increase the risk of stroke?", QuestionFocus.Harm)]
    [InlineData("Is drug A as effective as drug B for migraine?", QuestionFocus.Equivalence)]
    [InlineData("Is serum ferritin associated with RLS severity?", QuestionFocus.Association)]
    [InlineData("Does magnesium improve sleep?", QuestionFocus.Benefit)]
    public void The_focus_of_a_yes_no_question_is_recognised(string question, QuestionFocus focus) =>
        Assert.Equal(focus, A(question).Focus);

    [Fact]
    public void Vocabulary_expands_groups_both_ways()
    {
        Assert.Contains("Willis-Ekbom disease", Vocabulary.Expand("RLS"));
        Assert.Contains("RLS", Vocabulary.Expand("restless leg syndrome"));
        Assert.Contains("benztropine", Vocabulary.Expand("Cogentin"));
        Assert.Contains("paracetamol", Vocabulary.Expand("Tylenol"));
        Assert.Contains("hypertension", Vocabulary.Expand("high blood pressure"));
        Assert.Contains("intramuscular", Vocabulary.Expand("IM"));
        Assert.Equal(["unknownium"], Vocabulary.Expand("unknownium"));
        Assert.Contains(Vocabulary.Groups, g => g.Contains("NMS"));
    }

    [Fact]
    public void Short_abbreviations_count_only_in_capitals()
    {
        Assert.DoesNotContain(Vocabulary.FindAll("I'm not sure im ok"), m => m.Group.Name == "intramuscular");
        Assert.Contains(Vocabulary.FindAll("give 2 mg IM now"), m => m.Group.Name == "intramuscular");
    }
    [Theory]
    [InlineData("My brother reckons antibiotics cause thrush in women. Is he right?")]
    [InlineData("I read online that vitamin D tablets damage the kidneys. Is that true?")]
    public void Asking_whether_a_reported_claim_holds_takes_its_kind_from_the_claim(string question) =>
        Assert.Equal(QuestionKind.AdverseEffects, A(question).Kind);

    [Theory]
    [InlineData("Starting lithium next week. Anything I should watch out for?")]
    [InlineData("On warfarin and the dentist wants to give amoxicillin. Any problems?")]
    [InlineData("i'm 19 and on isotretinoin for spots. is there anything to be careful about while i'm on it?")]
    [InlineData("my dad has been on omeprazole for years and now his magnesium is low. could the omeprazole have anything to do with it?")]
    public void Asking_what_to_watch_for_or_whether_a_medicine_has_to_do_with_a_problem_asks_about_harm(string question)
    {
        var a = A(question);
        Assert.Equal(QuestionKind.AdverseEffects, a.Kind);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.IsUnsure);
    }

    [Theory]
    [InlineData("Aspirin gave me a rash last year. Can I use naproxen instead next time?", "naproxen")]
    [InlineData("Is it fine to drink a couple of pints at the weekend?", "alcohol")]
    public void Words_that_say_when_or_how_much_are_not_part_of_the_name_asked_about(string question, string intervention)
    {
        var a = A(question);
        Assert.Equal(intervention, a.MainIntervention?.Name);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.IsUnsure);
    }

    [Fact]
    public void Asking_how_to_stop_a_problem_coming_back_asks_about_prevention() =>
        Assert.Equal(QuestionKind.Prevention, A("I keep getting boils. Is there anything that will stop them coming back?").Kind);

    [Theory]
    [InlineData("Vitamin B12 deficiency after gastric bypass. Loading and maintenance schedule?")]
    [InlineData("Osteoporosis in a woman of 70 starting denosumab: injection schedule?")]
    [InlineData("Iron deficiency in pregnancy, oral ferrous sulfate: treatment regimen?")]
    public void A_schedule_of_doses_asks_for_the_dose(string question) =>
        Assert.Equal(QuestionKind.Dosing, A(question).Kind);

    [Theory]
    [InlineData("my boy is 3 and has a runny nose. my mother-in-law says honey will sort it. is she right?", "children")]
    [InlineData("our girl has a temperature and my mum reckons we should wrap her up. should we?", "children")]
    [InlineData("My mum is 79 and keeps falling. Should she take vitamin D?", "older adults")]
    [InlineData("I'm 77 and my son keeps telling me the bowel test is for everyone. Is it for people my age?", "older adults")]
    [InlineData("i'm 71, my daughter insists I should have the shingles jab. should I?", "older adults")]
    public void A_relative_who_gives_advice_is_not_the_one_asked_about(string question, string population) =>
        Assert.Equal(population, A(question).Population);

    [Theory]
    [InlineData("im 3 days into the tablets for my chest infection and still coughing. normal?", null)]
    [InlineData("I'm 2 weeks on the new inhaler and my voice is hoarse", null)]
    [InlineData("my 9 month old has a dry rash on his legs", "infants")]
    [InlineData("she's 6 weeks and feeding less than usual", "infants")]
    [InlineData("our 3 yr old keeps coughing at night", "children")]
    [InlineData("My son is 20 months old and has a fever", "children")]
    [InlineData("my son, who is 42, has gout. can he take allopurinol?", "adults")]
    [InlineData("our daughter's 15 and gets migraines", "adolescents")]
    // Written in words, or straight after the word for the baby.
    [InlineData("can a five-year-old use the nasal spray?", "children")]
    [InlineData("a seventy-two year old with gout wants to know about diet", "older adults")]
    [InlineData("Newborn boy, 10 days, sleepy and not feeding well", "infants")]
    [InlineData("baby had a cough for 5 weeks", null)]
    public void An_age_is_read_in_years_months_or_weeks_but_a_time_since_starting_is_not_one(string question, string? population) =>
        Assert.Equal(population, A(question).Population);

    [Theory]
    [InlineData("She feels hot and is off her food. When should we see someone?")]
    [InlineData("his forehead is hot to the touch tonight, what can we give him?")]
    public void Feeling_hot_is_a_lay_name_for_a_fever(string question) =>
        Assert.Contains(A(question).Conditions, c => c.Name == "fever");

    [Theory]
    // What a question sets aside, or who suggested something, is not what it is about.
    [InlineData("Leaving pills aside, what helps acid reflux at night?", "pills aside")]
    [InlineData("Had the whooping cough jab. Besides keeping me safe, does it help the baby?", "besides")]
    [InlineData("The practice nurse mentioned a shingles jab. Is it worth having?", "mentioned")]
    public void What_a_question_sets_aside_or_reports_is_not_its_topic(string question, string notTopic) =>
        Assert.DoesNotContain(A(question).Conditions, c => c.Name.Contains(notTopic, StringComparison.OrdinalIgnoreCase));

    [Theory]
    // The word for the person after an age, and a verb of keeping, name no topic.
    [InlineData("71 year old chap here, my hip keeps me up at night. Is there anything I can do?", "chap")]
    [InlineData("My back kept me awake again. Is there anything I can do?", "kept")]
    public void The_person_and_what_a_thing_keeps_doing_are_not_a_topic(string question, string notTopic) =>
        Assert.DoesNotContain(A(question).Conditions, c => c.Name.Contains(notTopic, StringComparison.OrdinalIgnoreCase));

    [Theory]
    // What a thing "gives you" is a harm; what you can give someone while waiting for help is a treatment asked for.
    [InlineData("is there anything I can give her while we wait for the doctor?", false)]
    [InlineData("what can we give him until the ambulance gets here?", false)]
    [InlineData("does the new tablet give him headaches?", true)]
    public void Giving_someone_something_is_a_harm_only_when_the_thing_given_is_named(string question, bool harm) =>
        Assert.Equal(harm, A(question).Kind == QuestionKind.AdverseEffects);

    [Fact]
    public void A_count_of_weeks_of_gestation_reads_as_pregnancy() =>
        Assert.Equal("pregnancy", A("Thyroid results at 10 weeks' gestation: should levothyroxine be raised?").Population);

    [Theory]
    [InlineData("Woman, 10-year CVD risk 9%: is a statin worth it?")]
    [InlineData("Is my 5 year survival better with surgery?")]
    public void A_number_of_years_before_a_risk_or_survival_is_not_an_age(string question) =>
        Assert.NotEqual("children", A(question).Population);

    // A name written as a label before a colon, dash or semicolon, or among hedges and function words, is that name.
    [Theory]
    [InlineData("Adult with Lyme disease. Oral doxycycline: usual mg per dose and dosing interval?", "doxycycline")]
    [InlineData("Community-acquired pneumonia - amoxicillin; exact mg per dose and how long?", "amoxicillin")]
    [InlineData("my nan has been on amlodipine since spring and her ankles are puffy. is it possible the amlodipine is causing this?", "amlodipine")]
    [InlineData("Started sertraline in May, sleeping badly since. Is it likely the sertraline is causing it?", "sertraline")]
    public void A_known_name_written_as_a_label_or_among_hedges_is_read_as_the_name_not_as_a_phrase(string question, string intervention)
    {
        var a = A(question);
        Assert.Equal(intervention, a.MainIntervention?.Name);
        Assert.DoesNotContain(a.Interventions, t => t.Type == "phrase");
    }

    [Theory]
    [InlineData("I was started on lithium last week. Is it safe to have a glass of wine with my dinner?", "lithium", "alcohol")]
    // "any problem mixing them": harm asked in other words, of a remedy the vocabulary knows.
    [InlineData("on rivaroxaban since my clot last year and feeling low lately. a friend swears by st john's wort tablets. any problem mixing them with it?", "rivaroxaban", "St John's wort")]
    public void Whether_something_is_safe_on_top_of_a_medicine_asks_about_the_two_together(string question, string medicine, string other)
    {
        var a = A(question);
        Assert.Equal(QuestionKind.AdverseEffects, a.Kind);
        Assert.Contains(a.Interventions, t => t.Name == other);
        Assert.Contains(a.Interventions, t => t.Name == medicine);
    }

    [Fact]
    public void A_judgement_asked_for_is_not_the_topic_and_the_story_names_it()
    {
        var a = A("my little one is 38.9 and burning up. her dad wants to put her in a cold bath to bring it down. good idea?");
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Contains("idea", StringComparison.Ordinal));
        Assert.Contains(a.Conditions, t => t.Name == "fever");
    }

    [Fact]
    public void A_verb_of_doing_or_a_word_of_relation_is_not_the_topic()
    {
        var a = A("on levothyroxine and now calcium chews as well. how long should i leave between the two?");
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Contains("leave", StringComparison.Ordinal) || t.Name.Contains("between", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clause_of_time_after_a_medicine_is_not_part_of_its_name()
    {
        var a = A("do i stop the allopurinol until it calms?");
        Assert.Equal("allopurinol", a.MainIntervention?.Name);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Contains("until", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Trimethoprim-sulfamethoxazole twice daily for 3 days.", false)]
    [InlineData("Co-trimoxazole, or trimethoprim alone, for 7 days.", true)]
    [InlineData("Trimethoprim 200 mg twice daily for 7 days.", true)]
    public void A_medicine_is_not_mentioned_by_a_combination_that_holds_its_name(string sentence, bool mentioned)
    {
        // A combination is a medicine of its own: its doses and courses are not those of the medicine asked about.
        var trimethoprim = A("How long is a course of trimethoprim?").Interventions.First(t => t.Name == "trimethoprim");
        Assert.Equal(mentioned, trimethoprim.IsIn(sentence, TextTools.Normalize(sentence)));
    }

    [Theory]
    // The word after a modal and its subject is what is done ("space", "slot"), not what it is done to.
    [InlineData("I take an antacid after dinner and have just started ciprofloxacin. how should I space the two out?")]
    [InlineData("Started on doxycycline today and I have calcium tablets. When can I slot the calcium in?")]
    public void A_verb_after_a_modal_and_its_subject_is_not_taken_for_a_topic(string question) =>
        Assert.DoesNotContain(A(question).Conditions, t => t.Type == "fallback");

    [Theory]
    // A clause of time in the asking sentence ("till the surgery opens") says when, and "see" is a verb of doing.
    [InlineData("my boy is 4 and has a heavy cold with a barking noise. can it wait till the surgery opens?", "common cold")]
    [InlineData("our son is 5 and has had a temperature since Monday. should we take him to see someone?", "fever")]
    public void A_clause_of_time_or_a_verb_in_the_asking_sentence_leaves_the_topic_to_the_story(string question, string condition)
    {
        var a = A(question);
        Assert.Contains(a.Conditions, t => t.Name == condition);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Type == "fallback");
    }

    [Theory]
    // A question whose only guess is a verb ("to blame", "be behind this") asks about the medicine the story names.
    [InlineData("my doctor put my levothyroxine up last month and now my hands shake. is the higher dose to blame?", "levothyroxine")]
    [InlineData("I went onto a bigger dose of sertraline a fortnight ago. could the new dose be behind my headaches?", "sertraline")]
    public void A_verb_guessed_as_the_topic_gives_way_to_the_medicine_of_the_story(string question, string medicine)
    {
        var a = A(question);
        Assert.Contains(a.Interventions, t => t.Name == medicine);
        Assert.DoesNotContain(a.Interventions, t => t.Type == "phrase");
    }

    [Theory]
    // What follows a word of having ("with", "for") is what the person has, before a longer run of other words.
    [InlineData("How many days must my 6 year old miss nursery with scabies?", "scabies")]
    [InlineData("What should we put on the sore patch for ringworm?", "ringworm")]
    public void A_topic_the_vocabulary_does_not_know_is_what_follows_a_word_of_having(string question, string guess) =>
        Assert.Equal(guess, A(question).MainCondition?.Name);

    [Theory]
    [InlineData("for the leg bit, what exactly am i asking her to do?")]
    [InlineData("the pills upset me. could i have them every other day instead?")]
    public void Asking_how_often_or_in_place_of_what_names_no_topic(string question)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Conditions, t => t.Name is "asking" or "every" or "instead");
    }

    [Fact]
    public void What_the_doctor_says_of_how_bad_it_is_is_not_a_diagnosis()
    {
        var a = A("I'm 68 and getting up to pee twice a night. the GP says it's nothing serious. what can I do first without medicine?");
        Assert.Contains(a.Conditions, t => t.Name == "nocturia");
        Assert.DoesNotContain(a.Conditions, t => t.Type is "claimed" or "fallback");
    }

    [Theory]
    [InlineData("she used her EpiPen ten minutes ago and is still wheezy. should we give the other pen?", "epinephrine")]
    [InlineData("I was given a steroid nasal spray for my hay fever last week. how many times a day do I use the spray?", "intranasal corticosteroid")]
    public void A_head_word_that_ends_a_name_the_story_used_refers_to_that_name(string question, string medicine)
    {
        var a = A(question);
        Assert.Contains(a.Interventions, t => t.Name == medicine);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Type is "fallback" or "phrase");
    }

    [Fact]
    public void Having_another_go_names_no_topic()
    {
        var a = A("I have stopped smoking three times and started again each time. Is there any point having another go?");
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.IsUnsure);
        Assert.Contains(a.Conditions, t => t.Name == "tobacco dependence");
    }

    [Theory]
    [InlineData("Molnupiravir dose and how many days?", "molnupiravir")]
    [InlineData("Zoledronic acid: dose and how often?", "zoledronic acid")]
    [InlineData("Amoxicillin dose and duration?", "amoxicillin")]
    [InlineData("What dose of amoxicillin and for how long?", "amoxicillin")]
    public void A_second_thing_asked_after_the_dose_is_not_the_medicine(string question, string medicine)
    {
        var a = A(question);
        Assert.Equal(QuestionKind.Dosing, a.Kind);
        Assert.Equal(medicine, a.MainIntervention?.Name, ignoreCase: true);
        Assert.Empty(a.Conditions);
    }

    [Theory]
    [InlineData("my dad has copd and the gp gave him steroid tablets. what are those actually for?")]
    [InlineData("i'd sooner get my magnesium from food than from pills. which foods are the best sources?")]
    public void Fillers_and_the_kind_of_thing_wanted_name_no_condition(string question) =>
        Assert.DoesNotContain(A(question).Conditions, t => t.IsUnsure);

    [Theory]
    [InlineData("i get heartburn after most dinners. someone at work said chewing gum afterwards stops it. does that really help?", "chewing gum")]
    [InlineData("66 with arthritis in both knees. my sister bought me a copper bracelet, reckons it eases the pain. any truth in that?", "copper bracelet")]
    public void A_pronoun_after_a_reported_claim_stands_for_what_the_claim_is_about(string question, string thing) =>
        Assert.Contains(A(question).Interventions, t => t.Name == thing);

    [Theory]
    [InlineData("Is there any proof that a gluten-free diet eases psoriasis?", "gluten-free diet")]
    [InlineData("is there good evidence that cutting out bread or pasta clears rosacea?", "cutting out bread or pasta")]
    [InlineData("are there studies that show sea buckthorn oil eases dry eyes?", "sea buckthorn oil")]
    public void Asking_for_proof_that_something_works_asks_whether_it_works(string question, string thing)
    {
        var a = A(question);
        Assert.True(a.IsYesNo);
        Assert.Equal(QuestionKind.YesNoEfficacy, a.Kind);
        Assert.Contains(a.Interventions, t => t.Name == thing);
    }

    [Theory]
    [InlineData("my uncle insists a spoonful of cider vinegar each morning lowers his sugar. is there any evidence that works?", "cider vinegar")]
    [InlineData("my aunt swears a glass of beetroot juice a day slows her memory loss. is there any proof that it helps?", "beetroot juice")]
    public void Evidence_asked_for_after_a_sworn_claim_is_about_what_the_claim_names(string question, string thing) =>
        Assert.Contains(A(question).Interventions, t => t.Name.Contains(thing, StringComparison.Ordinal) && t.Type == "claimed");

    [Fact]
    public void A_diagnosis_the_asker_was_told_leads_even_when_the_vocabulary_does_not_know_it()
    {
        var a = A("My foot throbs under the ball and I was told it's a Morton's neuroma. Which shoes are kindest?");
        Assert.Equal("claimed", a.MainCondition?.Type);
        Assert.Contains("neuroma", a.MainCondition?.Name, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Pausing_a_medicine_is_something_done_not_a_topic()
    {
        var a = A("She is a week into the new tablets and has come down with a stomach bug. Do we pause the tablet until she is better?");
        Assert.DoesNotContain(a.Conditions, t => t.Name.StartsWith("pause", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Started amlodipine in May and now my ankles have swollen. Is the new pill to blame?")]
    [InlineData("is the water tablet really to blame for the cramps?")]
    [InlineData("mum went on amlodipine in March and her ankles are puffy now. could the new tablets do that?")]
    [InlineData("Since starting sertraline I can't sleep. Can the medicine cause this?")]
    public void Asking_whether_a_medicine_is_to_blame_asks_about_its_harms(string question)
    {
        var a = A(question);
        Assert.Equal(QuestionKind.AdverseEffects, a.Kind);
        Assert.Equal(QuestionFocus.Harm, a.Focus);
    }

    [Theory]
    [InlineData("Could the flu jab do any good for my asthma?")]
    [InlineData("Can my diet do anything for my reflux?")]
    public void Asking_whether_something_helps_blames_nothing(string question) =>
        Assert.NotEqual(QuestionFocus.Harm, A(question).Focus);

    [Theory]
    [InlineData("my gran told me a teaspoon of turmeric paste every day stops the aches. is it worth a go for my knees?", "turmeric paste")]
    [InlineData("hot flushes are awful and last month i began some red clover capsules. could they be why my periods stopped?", "red clover capsules")]
    [InlineData("is it safe to apply arnica gel on her bruised shin?", "arnica gel")]
    public void What_a_remedy_is_called_leaves_out_its_measure_its_timing_and_where_it_goes(string question, string thing) =>
        Assert.Contains(A(question).Interventions, t => t.Name == thing);

    [Theory]
    [InlineData("her sugar reads 3.1 and she's trembling. how much glucose gel should she swallow?", "glucose gel")]
    [InlineData("feeling faint after insulin. how much orange juice do i drink?", "orange juice")]
    [InlineData("dizzy and clammy on insulin. how much juice am i supposed to drink to fix it?", "juice")]
    [InlineData("how much honey is he allowed to have for the cough?", "honey")]
    public void What_a_how_much_question_says_is_taken_is_the_thing_asked_about(string question, string thing) =>
        Assert.Contains(A(question).Interventions, t => t.Name == thing);

    [Theory]
    [InlineData("got a new steroid cream for the eczema on my arms. should i smear it everywhere or just the red bits?")]
    [InlineData("the nurse gave me drops for my ear. do i warm them first or what?")]
    public void A_word_with_it_or_them_after_it_is_a_verb_and_no_topic(string question)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name is "smear" or "warm" || t.Name.StartsWith("smear ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("My wife's hand went numb for a minute last night. She's fine today, is she ok to fly on Friday?")]
    [InlineData("the rash faded by itself. hasn't come back since, wouldn't it be ok to skip the cream?")]
    public void A_contraction_of_a_pronoun_or_a_negation_is_no_topic(string question)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Contains("'", StringComparison.Ordinal) || t.Name.Contains('\u2019', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what dose of tinidazole should he take for the giardia?", "tinidazole")]
    [InlineData("my son has pinworm. what dose of pyrantel does he need?", "pyrantel")]
    public void A_clause_inside_what_a_dose_is_asked_of_is_cut_from_the_name(string question, string thing) =>
        Assert.Equal(thing, A(question).MainIntervention?.Name);

    [Theory]
    [InlineData("pregnant at 8 weeks and on folic acid. how much longer should i stay on it?")]
    [InlineData("acid keeps waking me up. raising the pillows made no difference. what's a better way to raise myself up?")]
    [InlineData("on amoxicillin for the chest. how many milligrams is each capsule meant to hold?")]
    [InlineData("had a heart attack and the team want atorvastatin at a high dose. what dose range is high for that one?")]
    public void A_clause_with_its_own_subject_or_a_word_that_only_compares_is_no_topic(string question)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Split(' ').Any(w => w is "i" or "myself" or "longer" or "way" or "meant" or "each" or "range"));
    }

    [Theory]
    [InlineData("my uncle began tamsulosin a fortnight back and his wife says it's done nothing. when does it kick in?", "done")]
    [InlineData("she went on the patches three weeks ago. how long until they kick in?", "kick")]
    [InlineData("on the new tablets since a month ago. how soon before they start working properly?", "working")]
    [InlineData("I would rather skip the pills entirely - which talking therapy works best?", "rather")]
    [InlineData("barely eating since the weekend. is that something to worry about?", "barely")]
    public void Words_saying_how_long_ago_how_much_or_whether_it_works_are_no_topic(string question, string word)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Split(' ').Contains(word, StringComparer.OrdinalIgnoreCase)
            || t.Name.EndsWith(" ago", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_question_that_asks_only_what_the_worry_is_takes_its_topic_from_the_story()
    {
        var a = A("Older man with shingles, on warfarin. Starting valaciclovir today. What's the concern?");
        Assert.DoesNotContain(a.Conditions.Concat(a.Interventions), t => t.Name.Contains("concern", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(a.Conditions.Concat(a.Interventions));
        Assert.NotEqual(QuestionKind.Definition, a.Kind);
        var both = A("Takes simvastatin 40 mg. Planning clarithromycin for a chest infection. What's the worry?");
        Assert.Contains(both.Interventions, t => t.Name == "simvastatin");
        Assert.Contains(both.Interventions, t => t.Name == "clarithromycin");
    }

    [Theory]
    [InlineData("what really works best for hay fever when the pollen is high?")]
    [InlineData("what actually works against a tension headache?")]
    public void Asking_what_works_asks_for_a_treatment(string question) =>
        Assert.Equal(QuestionKind.Treatment, A(question).Kind);

    [Theory]
    [InlineData("my doctor started me on naproxen and the box is gone. what's the usual strength for an adult?")]
    [InlineData("i've been given lansoprazole. how often should i take it?")]
    public void The_strength_of_a_medicine_and_how_often_it_is_taken_ask_for_its_dose(string question) =>
        Assert.Equal(QuestionKind.Dosing, A(question).Kind);

    [Fact]
    public void How_much_of_a_change_a_medicine_brings_is_not_a_dose_of_the_change()
    {
        var a = A("My GP suggested Ozempic. How much weight do people usually drop on it?");
        Assert.NotEqual(QuestionKind.Dosing, a.Kind);
        Assert.Contains(a.Interventions, t => t.Name == "semaglutide");
        Assert.DoesNotContain(a.Interventions, t => t.Name.Contains("weight", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Teenager with persistent asthma. GINA inhaled steroid dose?", "GINA")]
    [InlineData("Naproxen dosing per EULAR in an acute flare of gout?", "EULAR")]
    [InlineData("Which SGLT2 inhibitor according to the KDIGO guidance?", "KDIGO")]
    public void The_guideline_body_asked_after_is_no_part_of_a_name(string question, string body)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Contains(body, StringComparison.Ordinal));
        Assert.NotEmpty(a.Interventions);
    }

    [Fact]
    public void A_second_question_after_a_comma_is_no_part_of_a_name()
    {
        var a = A("What helps a stuffy nose without decongestants, and when should I see someone about it?");
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Contains("when", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Two_options_written_with_the_word_they_share_are_each_named_in_full()
    {
        var a = A("Stopping smoking in the new year. Would the patches or nicotine gum suit me better?");
        var named = a.Interventions.Concat(a.Comparators).Select(t => t.Name).ToList();
        Assert.Contains("nicotine patch", named);
        Assert.Contains("nicotine gum", named);
    }

    [Fact]
    public void What_a_question_rules_out_is_never_its_topic()
    {
        var a = A("My ears have felt blocked for a week. What can I do to clear them without drops, and when should I see the GP?");
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.StartsWith("without", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Starting_something_that_is_no_product_brings_in_no_remedy() =>
        Assert.DoesNotContain(A("my son started school last week and now coughs every night. could that be asthma?").Interventions,
            t => t.Name.Contains("school", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("my daughter has an ear infection and takes amoxicillin. is it ok for her to go swimming with it?", "swimming")]
    [InlineData("i'm nursing my 2 month old and have a bad back. is ibuprofen fine while i'm feeding him?", "feeding")]
    [InlineData("my dad had a funny turn this evening. is that serious, or should we leave it until tomorrow?", "leave")]
    [InlineData("on metformin and gliclazide, felt shaky before lunch. what sugary thing do i give him?", "give")]
    [InlineData("took my first sumatriptan for a migraine an hour ago and the pain is still there. does that mean it doesnt work for me?", "doesnt")]
    [InlineData("my 9 year old has a verruca on her heel. can we sort it ourselves or does she need the gp?", "sort")]
    [InlineData("our little girl is 2 weeks old and brings up milk after every feed. is that a baby thing or should we ring someone?", "baby")]
    [InlineData("our little girl is 2 weeks old and brings up milk after every feed. is that normal stuff or should we ring someone?", "stuff")]
    public void A_phrase_that_is_something_the_asker_would_do_names_no_topic(string question, string word)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_abbreviated_medicine_class_is_not_read_as_the_condition_its_last_letters_abbreviate()
    {
        var a = A("Type 2 diabetes and heart failure, HbA1c 7.1% on metformin. Add a GLP-1 RA or an SGLT2i?");
        Assert.Contains(a.Interventions, t => t.Name == "GLP-1 receptor agonist");
        Assert.Contains(a.Interventions, t => t.Name == "SGLT2 inhibitor");
        Assert.DoesNotContain(a.Conditions, t => t.Name == "rheumatoid arthritis");
    }

    [Theory]
    [InlineData("i think my grandad is having a stroke and the ambulance is on its way. is it alright to give him a little water?", "grandad")]
    [InlineData("my aunt is 77. after a bleed her consultant says she can never restart warfarin. is there something else that would cut her chance of a stroke?", "she")]
    public void What_the_story_says_is_happening_to_a_person_is_not_a_claim_about_a_remedy(string question, string person)
    {
        var a = A(question);
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Split(' ').Contains(person, StringComparer.OrdinalIgnoreCase));
        Assert.Contains(a.Conditions, t => t.Name == "stroke");
    }

    [Fact]
    public void Both_together_stands_for_the_medicines_of_the_story()
    {
        var a = A("my mum is on sertraline and the doctor suggested adding tramadol for her back pain. is it fine to take both together?");
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Contains("both", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(a.Interventions, t => t.Name is "sertraline" or "tramadol");
    }

    [Fact]
    public void A_finding_the_story_says_is_absent_is_not_what_the_question_is_about()
    {
        var a = A("Woman of 30, no penicillin allergy, sore throat for three days. Antibiotic dose?");
        Assert.Contains(a.Conditions, t => t.Name == "sore throat");
        Assert.DoesNotContain(a.Conditions, t => t.Name == "allergic reaction");
        Assert.Contains(A("Woman of 30, penicillin allergy, sore throat for three days. Antibiotic dose?").Conditions, t => t.Name == "allergic reaction");
    }

    [Fact]
    public void A_diagnosis_the_story_reports_is_read_and_a_predicate_is_not()
    {
        var reported = A("the pharmacist thinks it's chickenpox. what can i put on the spots to stop the itch?");
        Assert.Contains(reported.Conditions, t => t.Name == "chickenpox" && t.Type == "claimed");
        var predicate = A("the pharmacist thinks it's meant to clear in a week. what can i put on the spots to stop the itch?");
        Assert.DoesNotContain(predicate.Conditions, t => t.Type == "claimed");
        Assert.Equal("gout", A("my gp says it's gout. what can i take for the pain?").Conditions[0].Name);
    }

    [Theory]
    [InlineData("I get through my salbutamol inhaler quickly these days, a few puffs most days. Is using it so much okay, or a sign something's wrong?")]
    [InlineData("Since the winter I reach for the Ventolin almost daily. Is needing it this often a worry or a sign of something?")]
    public void How_often_a_named_medicine_is_needed_asks_about_that_medicine(string question)
    {
        var a = A(question);
        Assert.True(Names(a.MainIntervention, "albuterol"), a.MainIntervention?.Name);
        Assert.DoesNotContain(a.Conditions, t => t.Type is "fallback" or "phrase");
    }

    [Theory]
    [InlineData("My sister swears by melatonin and says it's fantastic. Should I get some for my insomnia?")]
    [InlineData("A friend with gout takes colchicine and reckons it's amazing. Is it worth asking for?")]
    [InlineData("My cousin says it's a lifesaver. Would a steroid nasal spray help my hay fever?")]
    public void Praise_reported_of_a_medicine_is_no_name_of_an_illness(string question) =>
        Assert.DoesNotContain(A(question).Conditions, t => t.Type is "claimed" or "phrase" or "fallback");

    [Theory]
    [InlineData("Flu was confirmed on Monday. I still have prednisolone left over from an old eczema flare - would it get me better sooner?", "influenza", "eczema")]
    [InlineData("I think I have covid. There's some amoxicillin spare from my last urine infection, should I take it?", "COVID-19", "urinary tract infection")]
    public void The_illness_a_leftover_medicine_was_for_is_not_the_one_asked_about(string question, string present, string past)
    {
        var a = A(question);
        Assert.Equal(present, a.MainCondition?.Name);
        Assert.DoesNotContain(a.Conditions, t => t.Name == past);
    }

    [Fact]
    public void Asking_whether_a_medicine_is_behind_a_symptom_asks_about_harm()
    {
        Assert.Equal(QuestionKind.AdverseEffects, A("my ankles have swollen since the amlodipine dose went up. could the bigger dose be causing this?").Kind);
        Assert.Equal(QuestionKind.Dosing, A("my ankles have swollen since the amlodipine dose went up. could a bigger dose help my blood pressure?").Kind);
        var blamed = A("been taking sertraline for my low mood since spring and my clothes feel tighter. could the tablets be making me put on weight?");
        Assert.Equal(QuestionKind.AdverseEffects, blamed.Kind);
        Assert.Contains(blamed.Conditions, t => t.Name == "weight gain");
    }

    [Fact]
    public void An_example_after_a_name_names_the_same_thing()
    {
        Assert.Contains(A("is a steroid nose spray like flonase safe in pregnancy?").Interventions, t => t.Name == "intranasal corticosteroid");
        Assert.Contains(A("is a nasal spray like flonase safe in pregnancy?").Interventions, t => t.Name == "fluticasone");
    }

    [Fact]
    public void A_way_of_giving_a_medicine_named_after_its_dose_is_not_the_topic()
    {
        var a = A("Ondansetron dose PO/IV for a 40 kg teenager?");
        Assert.Contains(a.Interventions, t => t.Name == "ondansetron");
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Contains("PO", StringComparison.Ordinal));
    }

    [Fact]
    public void Asking_which_member_of_a_class_takes_in_its_members()
    {
        var a = A("Kidney transplant recipient needs lipid lowering. Which statin interacts least with ciclosporin?");
        Assert.Contains(a.MembersAsked, t => t.Name == "atorvastatin");
        Assert.Empty(A("Are statins safe after a kidney transplant?").MembersAsked);
    }

    [Theory]
    [InlineData("Cellulitis in a 50-year-old, no allergies. Oral antibiotic and dose?", "flucloxacillin")]
    [InlineData("What is the usual dose of a statin after a heart attack?", "atorvastatin")]
    public void A_dose_asked_of_a_class_takes_in_its_members(string question, string member)
    {
        var a = A(question);
        Assert.Equal(QuestionKind.Dosing, a.Kind);
        Assert.Contains(a.MembersAsked, t => t.Name == member);
    }

    [Theory]
    [InlineData("can't shift this cold sore and my aunt swears by tea tree oil. will it clear it up?", "tea tree oil")]
    [InlineData("my knees ache and a neighbour raves about green-lipped mussel capsules. do they actually work?", "green-lipped mussel capsules")]
    // The claim told in the question's own sentence, before the pronoun.
    [InlineData("my hands are stiff every morning and my cousin swears by cod liver oil capsules, do they actually help?", "cod liver oil capsules")]
    public void What_someone_swears_by_is_what_a_pronoun_after_it_asks_about(string question, string thing) =>
        Assert.Contains(A(question).Interventions, t => t.Name.Equals(thing, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("She is on insulin and sometimes feels faint mid-morning. What should she eat when it happens?")]
    [InlineData("He gets dizzy when he stands up. Why does that happen?")]
    public void What_happens_names_no_topic(string question) =>
        Assert.DoesNotContain(A(question).Conditions, t => t.Name.Contains("happen", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Smoked since my twenties and the gum never worked. What's the strongest option out there?", "tobacco dependence")]
    [InlineData("He gets up four times a night to pee. What is the simplest thing to try?", "nocturia")]
    public void A_question_naming_only_how_good_an_option_should_be_takes_its_topic_from_the_story(string question, string topic)
    {
        var a = A(question);
        Assert.Contains(a.Conditions, t => t.Name == topic);
        Assert.DoesNotContain(a.Conditions, t => t.Name.Contains("option", StringComparison.Ordinal) || t.Name.Contains("simplest", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I can't stop worrying about everything, it has gone on for months. What helps?")]
    [InlineData("my son worries all the time and feels anxious all the time at school, what should we try?")]
    public void Worrying_all_the_time_is_read_as_anxiety(string question) =>
        Assert.Contains(A(question).Conditions, t => t.Name == "anxiety");

    [Fact]
    public void A_lopsided_face_and_garbled_speech_are_the_signs_of_a_stroke()
    {
        var a = A("my wife suddenly had a crooked smile and her speech was garbled for a few minutes, now she seems normal. what do we do?");
        Assert.Contains(a.Conditions, t => t.Name == "facial drooping");
        Assert.Contains(a.Conditions, t => t.Name == "slurred speech");
    }

    [Theory]
    [InlineData("By how much does a salt swap lower blood pressure?")]
    [InlineData("At what age can a toddler start cows' milk?")]
    [InlineData("For how long should the plaster stay on?")]
    public void A_question_word_after_a_preposition_asks_what_not_whether(string question) =>
        Assert.False(A(question).IsYesNo);

    [Fact]
    public void A_word_that_only_says_when_names_no_topic()
    {
        var a = A("my new inhaler has eventually started to help. should i raise the dose straight away?");
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Contains("eventually", StringComparison.OrdinalIgnoreCase) || t.Name.Contains("straight", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_length_of_time_with_words_of_when_names_no_topic()
    {
        var a = A("my dad is 80. he went dizzy for about ten minutes tonight and now he is fine. call someone tonight or leave it?");
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Contains("minutes", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void What_is_to_be_stopped_is_the_medicine_the_story_names_not_the_choice_of_how()
    {
        var a = A("My son has been on lactulose for 3 months and goes daily now. Do we stop it straight away or wean him off?");
        Assert.Equal("lactulose", a.MainIntervention?.Name);
        Assert.DoesNotContain(a.Conditions, t => t.Name.Contains("wean", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Her psoriasis has faded right back. Do we stop the emollient now or keep rubbing it in?", "emollient")]
    [InlineData("The rash is gone. Do I stop the hydrocortisone today or keep going for a week?", "hydrocortisone")]
    public void A_second_choice_of_what_to_do_is_not_part_of_the_name_before_it(string question, string name)
    {
        var a = A(question);
        Assert.Contains(a.Interventions.Concat(a.Conditions), t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(a.Interventions.Concat(a.Conditions), t => t.Name.Contains("keep", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("started on warfarin for AF last month - what INR range should we be aiming for?")]
    [InlineData("gout, on allopurinol for a year – what urate should I get below?")]
    public void A_question_word_after_a_dash_asks_an_open_question(string question) =>
        Assert.False(A(question).IsYesNo);

    [Fact]
    public void What_is_stopped_before_a_test_is_named_without_the_test()
    {
        var a = A("im on levothyroxine and take biotin for my hair. do i need to stop the biotin before my next thyroid blood test?");
        Assert.Contains(a.Conditions.Concat(a.Interventions), t => t.Name == "biotin");
    }

    [Theory]
    [InlineData("Gout flare in a man with eGFR 32: is colchicine OK?", true)]
    [InlineData("cellulitis, CrCl of about 40 - which antibiotic dose?", true)]
    [InlineData("Gout flare in a man with eGFR 75: is colchicine OK?", false)]
    [InlineData("eGFR down 15 since starting ramipril. Stop it?", false)]
    [InlineData("Paxlovid for a high-risk outpatient with eGFR 40: dose?", false)]
    public void A_kidney_function_reading_below_60_is_low_kidney_function(string question, bool low)
    {
        var a = A(question);
        Assert.Equal(low, a.Conditions.Any(c => c.Name == "chronic kidney disease"));
        Assert.NotEqual("chronic kidney disease", a.MainCondition?.Name);
    }

    [Theory]
    [InlineData("the practice nurse rang: my potassium came back too high. do I keep the spironolactone?", "high potassium")]
    [InlineData("his iron levels are really low after the op. tablets or a drip?", "low iron")]
    [InlineData("the finger-prick meter says a low reading and she is sweaty, what now?", null)]
    [InlineData("her sugar meter is showing a low number and she is sweaty, what now?", "low sugar")]
    public void A_level_said_to_be_low_or_high_is_the_condition_of_that_name(string question, string? phrase)
    {
        var conditions = A(question).Conditions;
        if (phrase is null)
        {
            Assert.DoesNotContain(conditions, c => c.Type == "condition");
        }
        else
        {
            Assert.Contains(conditions, c => c.Name == Vocabulary.Lookup(phrase)!.Name);
        }
    }

    [Theory]
    [InlineData("is the dose too high for a toddler?")]
    [InlineData("the chance of a bleed is low, isn't it?")]
    public void Low_or_high_said_of_something_that_names_no_condition_changes_nothing(string question) =>
        Assert.Equal(question, QuestionAnalyzer.ConditionsSaidAsReadings(question));

    [Theory]
    [InlineData("every morning I'm wide awake at 4:30am and can't drop off again. tips?")]
    [InlineData("I wake up around 2 a.m. most nights and that's me done. anything that helps?")]
    public void Waking_in_the_small_hours_is_insomnia(string question) =>
        Assert.Contains(A(question).Conditions, c => c.Name == "insomnia");

    [Theory]
    [InlineData("Oxygen in a COPD flare: target saturation range?")]
    [InlineData("Gout follow-up: timing and preparation for the urate test?")]
    [InlineData("Serum ferritin level that defines iron deficiency?")]
    public void A_question_without_a_verb_naming_a_range_timing_or_defining_level_asks_for_a_value(string question) =>
        Assert.False(A(question).IsYesNo);
}
