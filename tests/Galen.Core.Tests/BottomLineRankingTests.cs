using Galen.Core.Composition;

namespace Galen.Core.Tests;

public sealed class BottomLineRankingTests
{
    private static readonly int Signals = BottomLineRanking.FeatureNames.Count;

    private static double[] Features(params (string Name, double Value)[] values)
    {
        var f = new double[Signals];
        foreach (var (name, value) in values)
        {
            f[BottomLineRanking.FeatureNames.ToList().IndexOf(name)] = value;
        }
        return f;
    }

    private static BottomLineCandidate Candidate(string source, int order, params (string, double)[] values) =>
        new(source, order, 0, $"{source} {order}", Features(values));

    [Fact]
    public void The_shipped_table_names_every_signal_and_reads_back_as_written()
    {
        var shipped = BottomLineRanking.Default;
        Assert.Equal(Signals, shipped.Weights.Count);
        var again = BottomLineRanking.Parse(shipped.Format("a header\nof two lines").Split('\n'), "table.txt");
        Assert.Equal(shipped.Weights, again.Weights);
    }

    [Fact]
    public void A_table_with_an_unknown_or_missing_signal_is_rejected_naming_the_file_and_line()
    {
        var unknown = Assert.Throws<FormatException>(() => BottomLineRanking.Parse(["# comment", "loudness\t1"], "t.txt"));
        Assert.Contains("t.txt:2", unknown.Message);
        Assert.Contains("loudness", unknown.Message);
        var missing = Assert.Throws<FormatException>(() => BottomLineRanking.Parse(["relevance\t1"], "t.txt"));
        Assert.Contains("no weight for", missing.Message);
        var broken = Assert.Throws<FormatException>(() => BottomLineRanking.Parse(["relevance 1"], "t.txt"));
        Assert.Contains("t.txt:1", broken.Message);
    }

    [Fact]
    public void The_best_candidate_leads_and_a_second_joins_only_from_another_source_and_only_when_nearly_as_good()
    {
        var ranking = BottomLineRanking.Start;
        List<BottomLineCandidate> candidates =
        [
            Candidate("a", 0, ("relevance", Math.Log(0.9))),
            Candidate("a", 1, ("relevance", Math.Log(0.85))),
            Candidate("b", 0, ("relevance", Math.Log(0.8))),
            Candidate("c", 0, ("relevance", Math.Log(0.2))),
        ];
        Assert.Equal([0, 2], ranking.Choose(candidates));
        // Far behind the best (less than 0.4 of its score), a second sentence stays out.
        Assert.Equal([0], ranking.Choose([candidates[0], candidates[3]]));
        Assert.Empty(ranking.Choose([]));
    }

    [Fact]
    public void A_question_asking_two_things_may_take_its_second_sentence_from_the_source_of_the_first()
    {
        // Scored by relevance alone, so that only the rules of the choice are tried.
        var ranking = new BottomLineRanking([.. BottomLineRanking.FeatureNames.Select(n => n == "relevance" ? 1.0 : 0.0)]);
        List<BottomLineCandidate> candidates =
        [
            Candidate("a", 0, ("relevance", Math.Log(0.9)), ("group-named", 1)),
            Candidate("a", 1, ("relevance", Math.Log(0.85)), ("other-condition", 1)),
            Candidate("b", 0, ("relevance", Math.Log(0.2))),
        ];
        Assert.Equal([0], ranking.Choose(candidates));
        Assert.Equal([0, 1], ranking.Choose(candidates, twoThings: true));
        // The same sentence found twice is still said once.
        Assert.Equal([0], ranking.Choose([candidates[0], candidates[0] with { }], twoThings: true));
        var question = new BottomLineQuestion(candidates, [0.5, 0.5, 0], chosen => chosen.Count == 2, TwoThings: true);
        Assert.Equal(1, ranking.Passed([question]));
        Assert.Equal(0, ranking.Passed([question with { TwoThings = false }]));
    }

    [Theory]
    [InlineData("I'm breastfeeding and have thrush. Which cream, and for how long?", true)]
    [InlineData("what do i give her and how much?", true)]
    [InlineData("Just started alendronate. Do I take it with food? And how long must I stay upright?", true)]
    [InlineData("Amoxicillin dose and duration for an adult with an ear infection?", false)]
    [InlineData("Starting on gabapentin: first dose and the usual ceiling?", true)]
    [InlineData("New on ramipril. Starting dose and blood pressure goal?", true)]
    [InlineData("Iron injections for a man of 60: initial and ongoing regimen?", true)]
    [InlineData("Beginning denosumab: loading dose and maintenance dose?", true)]
    [InlineData("He is wheezy and I gave him his inhaler. Should we go to hospital?", false)]
    public void A_question_asks_two_things_when_and_joins_a_second_question_word(string question, bool two) =>
        Assert.Equal(two, BottomLineRanking.AsksTwoThings(question));

    [Theory]
    [InlineData("my thighs ache since the statin. should i just pack it in?", true)]
    [InlineData("is it worth packing them in for a week to see?", true)]
    [InlineData("I packed in smoking last year, is my cough normal?", false)]
    [InlineData("these tablets make me dizzy. should i just bin them?", true)]
    [InlineData("thinking of giving it up now the rash has gone", true)]
    [InlineData("my knee has flared up. should I pause methotrexate while it settles?", true)]
    [InlineData("my knee has flared up. should I rest it until it settles?", false)]
    public void Packing_it_in_binning_it_or_giving_it_up_asks_whether_to_stop(string question, bool stop) =>
        Assert.Equal(stop, BottomLineRanking.AsksStop(question));

    [Fact]
    public void How_close_a_second_sentence_must_score_is_the_ranking_s_own_and_the_fit_keeps_it()
    {
        List<BottomLineCandidate> candidates =
        [
            Candidate("a", 0, ("relevance", Math.Log(0.9))),
            Candidate("b", 0, ("relevance", Math.Log(0.8))),
        ];
        var strict = new BottomLineRanking([.. BottomLineRanking.Start.Weights]) { SecondSentence = Math.Log(0.95) };
        var lenient = new BottomLineRanking([.. BottomLineRanking.Start.Weights]) { SecondSentence = Math.Log(0.5) };

        Assert.Equal([0], strict.Choose(candidates));
        Assert.Equal([0, 1], lenient.Choose(candidates));
        var fitted = BottomLineRanking.Fit([new BottomLineQuestion(candidates, [1, 0], chosen => chosen.Contains(0))], strict, 0.1);
        Assert.Equal(strict.SecondSentence, fitted.SecondSentence);
    }

    [Fact]
    public void A_general_sentence_does_not_join_one_written_for_the_askers_own_group()
    {
        var ranking = BottomLineRanking.Start;
        List<BottomLineCandidate> candidates =
        [
            Candidate("a", 0, ("relevance", Math.Log(0.9)), ("group-named", 1)),
            Candidate("b", 0, ("relevance", Math.Log(0.85))),
            Candidate("c", 0, ("relevance", Math.Log(0.8)), ("group-named", 1)),
        ];
        Assert.Equal([0, 2], ranking.Choose(candidates));
        // Without a group sentence to lead, the general one joins as before.
        Assert.Equal([0, 1], ranking.Choose([candidates[1], candidates[2]]));
    }

    [Theory]
    [InlineData("My 4 year old has a fever", "Babies under 3 months with a fever need urgent assessment.", 1)]
    [InlineData("My 7 week old has a fever", "Babies under 3 months with a fever need urgent assessment.", 0)]
    [InlineData("My 7 week old has a fever", "In children aged 12 years and over, use a spray.", 1)]
    [InlineData("My son is 15 years old and sneezes", "In children aged 12 years and over, use a spray.", 0)]
    [InlineData("My son sneezes all spring", "Babies under 3 months with a fever need urgent assessment.", 0)]
    [InlineData("Dose of adrenaline for a 2-year-old with a severe allergic reaction?", "Children 6 to 12 years: adrenaline 300 micrograms into the thigh.", 1)]
    [InlineData("Dose of adrenaline for a 2-year-old with a severe allergic reaction?", "Children 6 months to 6 years: adrenaline 150 micrograms into the thigh.", 0)]
    [InlineData("Should my 80-year-old mother take a statin?", "A statin is advised for adults aged 40 to 75 years with a risk factor.", 1)]
    [InlineData("Should my 60-year-old mother take a statin?", "A statin is advised for adults aged 40 to 75 years with a risk factor.", 0)]
    [InlineData("My 9-year-old daughter has a sore ear", "Continue the drops for 3 to 6 months.", 0)]
    [InlineData("Is a bone scan advised for my 72-year-old aunt?", "Screening is advised for women 64 years or younger with a risk factor.", 1)]
    [InlineData("Is a bone scan advised for my 64-year-old aunt?", "Screening is advised for women 64 years or younger with a risk factor.", 0)]
    [InlineData("Can my 3 year old have this?", "For children 2 years and under, ask a pharmacist.", 1)]
    // "9yo" and "9 y/o" are how a clinician writes an age.
    [InlineData("9yo with hay fever, cetirizine dose?", "Children 6 to 12 years: 5 mg twice daily.", 0)]
    [InlineData("9 y/o with hay fever, cetirizine dose?", "Adults and children over 12 years: 10 mg once daily.", 1)]
    // An age in words, and a baby's age straight after the word for the baby.
    [InlineData("Can we give our four-year-old a cough medicine?", "Do not give cough medicines to children under 6 years old.", 0)]
    [InlineData("Can we give our four-year-old a cough medicine?", "Adults and children over 12 years: 10 mg once daily.", 1)]
    [InlineData("Baby boy, 5 weeks, with a fever", "Babies under 3 months with a fever need urgent assessment.", 0)]
    [InlineData("Baby boy, 5 weeks, with a fever", "In children aged 12 years and over, use a spray.", 1)]
    // A toddler's or a child's age in months, in brackets or after a comma.
    [InlineData("Toddler (20 months) with a barking cough: steroid?", "Testing is not needed in children younger than 3 years.", 0)]
    [InlineData("Toddler (20 months) with a barking cough: steroid?", "In children aged 12 years and over, use a spray.", 1)]
    [InlineData("Child, 30 months, with a runny nose for a week", "Babies under 3 months with a fever need urgent assessment.", 1)]
    [InlineData("My child has had a cough for 2 weeks", "Babies under 3 months with a fever need urgent assessment.", 0)]
    public void A_sentence_about_an_age_group_the_person_asked_about_is_not_in_conflicts(string question, string sentence, double conflict) =>
        Assert.Equal(conflict, BottomLineRanking.AgeConflict(BottomLineRanking.AskerAgeInMonths(question), sentence));

    [Theory]
    [InlineData("Target pressure for my 85 year old father?", "The target is below 140/90 mmHg under 80 years and below 150/90 mmHg for people aged 80 years and over.", 0)]
    [InlineData("Target pressure for my 85 year old father?", "The target is below 140/90 mmHg for adults under 80 years.", 1)]
    public void A_sentence_speaking_of_several_age_groups_conflicts_only_when_the_person_is_in_none(string question, string sentence, double conflict) =>
        Assert.Equal(conflict, BottomLineRanking.AgeConflict(BottomLineRanking.AskerAgeInMonths(question), sentence));

    [Fact]
    public void Ruling_out_a_medicine_rules_out_what_is_said_of_its_class()
    {
        var excluded = BottomLineRanking.ExcludedWords("Could I manage my indigestion with antacids instead of pantoprazole every morning?");
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "A proton pump inhibitor taken before breakfast for 4 weeks is the usual first treatment."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Antacids ease heartburn quickly but only for a short time."));
    }

    [Theory]
    [InlineData("Hay fever: a steroid spray alone, or add an oral antihistamine?", "An intranasal antihistamine such as azelastine can be added to the spray.", true)]
    [InlineData("Hay fever: a steroid spray alone, or add an oral antihistamine?", "Adding an oral antihistamine to the spray brings little extra.", false)]
    [InlineData("Hay fever: a steroid spray alone, or add an oral antihistamine?", "Antihistamines ease sneezing.", false)]
    [InlineData("Would inhaled steroids help his cough?", "Oral steroids are not advised for a cough.", true)]
    [InlineData("Would inhaled steroids help his cough?", "Oral steroids and inhaled steroids are not advised for a cough.", false)]
    [InlineData("Low ferritin before surgery: oral iron or intravenous iron?", "Intravenous iron works faster when surgery is close.", false)]
    [InlineData("Low ferritin before surgery: oral iron or intravenous iron?", "Oral iron is enough when surgery is months away.", false)]
    [InlineData("Low ferritin before surgery: oral iron?", "Intravenous iron works faster when surgery is close.", true)]
    public void A_medicine_given_another_way_than_the_one_asked_about_does_not_answer(string question, string sentence, bool another) =>
        Assert.Equal(another, BottomLineRanking.GivenAnotherWay(BottomLineRanking.RoutesNamed(question), sentence));

    [Theory]
    [InlineData("my cough keeps me up even though I'm taking salbutamol. what else helps at night?", "Use your salbutamol inhaler when you cough.", 1)]
    [InlineData("my cough keeps me up even though I'm taking salbutamol. what else helps at night?", "Honey eases a night-time cough.", 0)]
    [InlineData("Uncontrolled asthma despite ICS at a moderate dose: next step?", "Increase the inhaled corticosteroid dose.", 1)]
    [InlineData("Uncontrolled asthma despite ICS at a moderate dose: next step?", "Add a long-acting beta agonist.", 0)]
    public void What_the_trouble_goes_on_despite_is_ruled_out_by_any_of_its_names(string question, string sentence, double named) =>
        Assert.Equal(named, BottomLineRanking.ExcludedNamed(BottomLineRanking.ExcludedWords(question), sentence));

    [Theory]
    [InlineData("Uncontrolled on two drugs already. Third agent?", 3)]
    [InlineData("Second-line option if metformin is not tolerated?", 2)]
    [InlineData("What is step 4 for high blood pressure?", 4)]
    [InlineData("What should I try first?", 0)]
    [InlineData("Is a second opinion worth it?", 0)]
    public void The_place_in_a_sequence_of_treatments_is_read_from_the_question(string question, int place) =>
        Assert.Equal(place, BottomLineRanking.PlaceAsked(question));

    [Theory]
    [InlineData("Third agent?", "Step 3: add a thiazide-like diuretic.", 1)]
    [InlineData("Third agent?", "Step 2: add a calcium channel blocker.", 0)]
    [InlineData("Second-line option?", "Sulfonylureas are a second-line choice.", 1)]
    public void A_step_of_the_number_asked_answers_a_question_about_that_place(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, placeAsked: BottomLineRanking.PlaceAsked(question)));

    [Fact]
    public void Examples_of_medicine_in_general_are_alternatives_to_what_was_ruled_out()
    {
        var excluded = BottomLineRanking.ExcludedWords("Champix made me sick. Is there a stop smoking tablet that isn't a nicotine product?");
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Offer medicines such as nicotine replacement therapy, varenicline or bupropion."));
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Nicotine replacement therapy such as patches or gum doubles the chance of quitting."));
    }

    [Theory]
    [InlineData("Can't sleep for months. What should I try that isn't a pill?")]
    [InlineData("Bad nights again. Is there anything which is not a tablet that works?")]
    [InlineData("Is there a treatment that doesn't involve taking pills?")]
    [InlineData("We've tried sleeping tablets before. What else is there?")]
    public void What_the_answer_is_asked_not_to_be_is_ruled_out(string question)
    {
        var excluded = BottomLineRanking.ExcludedWords(question);
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Sleeping pills and tablets can leave you drowsy the next day."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Talking therapy for sleep is the first thing to try."));
    }

    [Theory]
    [InlineData("Kidney function falling while on naproxen. At what eGFR is naproxen contraindicated?")]
    [InlineData("Should I check whether ibuprofen is unsuitable with my kidneys?")]
    public void A_medicine_asked_whether_it_is_ruled_out_is_not_ruled_out(string question) =>
        Assert.Empty(BottomLineRanking.ExcludedWords(question));

    [Theory]
    [InlineData("Naproxen is contraindicated for him. What else eases his knee?", "napro")]
    [InlineData("She is penicillin-allergic. Which antibiotic for her chest?", "penic")]
    [InlineData("Medication aside, what else eases a stiff back?", "drugs")]
    [InlineData("Leaving the tablets aside, is there anything for hot flushes?", "drugs")]
    public void A_medicine_the_question_says_is_ruled_out_stays_ruled_out(string question, string word) =>
        Assert.Contains(word, BottomLineRanking.ExcludedWords(question));

    [Fact]
    public void A_sentence_that_weighs_what_the_question_proposes_instead_is_not_ruled_out()
    {
        var question = "Her knee is sore most days. Could she do exercises rather than tablets?";
        var excluded = BottomLineRanking.ExcludedWords(question);
        var proposed = BottomLineRanking.ProposedWords(question);
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Paracetamol or an anti-inflammatory gel eases knee pain.", proposed: proposed));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Exercises that strengthen the thigh help knee pain as much as painkillers do.", proposed: proposed));
    }

    [Fact]
    public void A_sentence_naming_what_was_ruled_out_beside_an_alternative_still_answers()
    {
        var excluded = BottomLineRanking.ExcludedWords("Chest infection and allergic to penicillin: what instead of amoxicillin?");
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Amoxicillin for 5 days is the usual first choice."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Use amoxicillin, or doxycycline for people allergic to penicillin."));
    }

    [Theory]
    [InlineData("Strep throat again, and I'm allergic to penicillin. What should I take?")]
    [InlineData("Penicillin-allergic adult with strep throat: what are the options?")]
    [InlineData("strep throat. penicillin allergy (rash as a child). which antibiotic?")]
    public void An_allergy_to_a_class_of_medicine_rules_out_the_class_and_its_members(string question)
    {
        var excluded = BottomLineRanking.ExcludedWords(question);
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Phenoxymethylpenicillin or amoxicillin for 10 days is the usual treatment."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Clarithromycin for 5 days is an alternative."));
    }

    [Fact]
    public void Other_members_of_the_class_of_a_medicine_ruled_out_are_no_alternative_to_it()
    {
        var excluded = BottomLineRanking.ExcludedWords("Sore knee and I'm 30 weeks pregnant. What can I use apart from naproxen?");
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Naproxen, diclofenac and other NSAIDs are best avoided late in pregnancy."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Paracetamol is used first, while naproxen is avoided late in pregnancy."));
    }

    [Theory]
    [InlineData("I can't take ibuprofen because of my stomach. what else helps back pain?")]
    [InlineData("i dont want to take ibuprofen, what else helps back pain?")]
    [InlineData("i'd rather not rub ibuprofen gel on every day, what else helps back pain?")]
    [InlineData("I do not want to give her ibuprofen for the back pain. Anything else?")]
    [InlineData("sore back since the weekend and the ibuprofen is doing nothing. what next?")]
    [InlineData("Ibuprofen does nothing for my back. Is there something stronger?")]
    public void A_medicine_the_person_cannot_or_will_not_take_is_ruled_out(string question)
    {
        var excluded = BottomLineRanking.ExcludedWords(question);
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Ibuprofen can help for a short time."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "A heat pack and staying active ease the pain."));
    }

    [Fact]
    public void Examples_of_what_was_ruled_out_are_not_alternatives_to_it()
    {
        var excluded = BottomLineRanking.ExcludedWords("Other than the antibiotics, how can I help my skin infection heal?");
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "It is treated with an antibiotic such as flucloxacillin for 5 days."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Keep the leg raised when you sit."));
    }

    [Fact]
    public void A_medicine_said_to_be_out_is_ruled_out()
    {
        var excluded = BottomLineRanking.ExcludedWords("Kidney infection, and trimethoprim is out after a rash last year. What else?");
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Trimethoprim for 14 days is one choice."));
        Assert.Empty(BottomLineRanking.ExcludedWords("Kidney infection, trimethoprim started, and I am out of breath. What else?"));
    }

    [Fact]
    public void Ruling_out_medicine_in_general_rules_out_every_medicine_the_vocabulary_knows()
    {
        var excluded = BottomLineRanking.ExcludedWords("How do I ease a sore back without any medication?");
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Ibuprofen can ease the pain for a few days."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Keep moving and use a hot pack."));
    }

    [Theory]
    [InlineData("my blood count is fine again after 3 months on iron. ok to stop taking them?", "Keep taking iron for another 3 months to refill your stores.", 1)]
    [InlineData("my blood count is fine again after 3 months on iron. ok to stop taking them?", "Iron tablets can make your stools dark.", 0)]
    [InlineData("lost a lot of weight on the injections. what happens if i come off them?", "Most of the weight comes back within a year of stopping.", 1)]
    [InlineData("is there anything to stop it coming back every winter?", "Most of the weight comes back within a year of stopping.", 0)]
    [InlineData("the rash has cleared up. can we stop using the cream now?", "Apply the cream twice a day, even after the skin looks better.", 1)]
    [InlineData("the rash has cleared up. can we stop using the cream now?", "Apply the cream thinly to the rash.", 0)]
    public void Whether_to_stop_a_medicine_is_answered_by_what_to_do_about_stopping_it(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, asksStop: BottomLineRanking.AsksStop(question)));

    [Theory]
    [InlineData("His lip went numb for a few minutes and now he seems fine. Should we still ring the doctor?", "Get help even if the numbness goes away.", 1)]
    [InlineData("His lip went numb for a few minutes and now he seems fine. Should we still ring the doctor?", "Numbness can have many causes.", 0)]
    [InlineData("Shingles rash came out four days ago. Is it too late for the antiviral tablets?", "Antivirals are still worth starting in older people.", 1)]
    [InlineData("Now that the first three days are over, is the cream pointless?", "The cream helps even after the first week.", 1)]
    [InlineData("Which cream helps the rash?", "The cream helps even after the first week.", 0)]
    public void Whether_something_still_holds_is_answered_by_what_holds_even_so(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, asksStill: BottomLineRanking.AsksStill(question)));

    [Theory]
    [InlineData("Day 3 on the antibiotic and the rash around the bite has spread a bit. Is that normal?", "The redness can get a little bigger in the first two days of treatment.", 1)]
    [InlineData("Day 3 on the antibiotic and the rash around the bite has spread a bit. Is that normal?", "Take the tablets four times a day.", 0)]
    [InlineData("My inhaler makes my hands shake. Should I be worried?", "A slight tremor is common with this inhaler and is not a reason to stop.", 1)]
    [InlineData("Which inhaler should I use?", "A slight tremor is common with this inhaler.", 0)]
    [InlineData("Since yesterday she barely knows where she is. Is that just how Parkinson's goes?", "Sudden confusion is not normal for Parkinson's and needs a doctor today.", 1)]
    [InlineData("The bite mark is a bit redder this morning. Should that worry me?", "The redness may look slightly worse before it settles.", 1)]
    [InlineData("Three weeks on and the sniffles are still here. Normal for a cold to hang about?", "A cold usually lasts one to two weeks.", 1)]
    [InlineData("Three weeks on and the sniffles are still here. Normal for a cold to hang about?", "See a doctor if you cannot breathe easily.", 0)]
    [InlineData("Day two of the cream and the patch looks pinker. Bad sign?", "The skin can get a little redder in the first days of treatment.", 1)]
    [InlineData("A week on the new tablets and I sleep worse than before. Is that supposed to happen?", "These tablets can make you feel more restless for the first week or two.", 1)]
    [InlineData("A week on the new tablets and I sleep worse than before. Is that supposed to happen?", "These tablets can make you drowsy when driving.", 0)]
    [InlineData("Third day of the penicillin and the red patch on my arm is a little wider. Is the medicine not working?", "The red area can get slightly bigger in the first two days before it improves.", 1)]
    [InlineData("Third day of the penicillin and the red patch on my arm is a little wider. Is the medicine not working?", "Take the penicillin four times a day.", 0)]
    [InlineData("flu was a month ago and I still feel drained. normal, or should I get bloods done?", "Tiredness after flu can last a few weeks.", 1)]
    [InlineData("Is my blood pressure normal or high at 150/95?", "Tiredness after flu can last a few weeks.", 0)]
    public void Whether_something_is_normal_is_answered_by_what_is_to_be_expected(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, asksNormal: BottomLineRanking.AsksNormal(question)));

    [Theory]
    [InlineData("The cream burns. Is it fine to just take the tablets?", "Tablets should be combined with a cream.", 1)]
    [InlineData("Is walking alone enough to bring my sugar down?", "Exercise on its own lowers HbA1c a little.", 1)]
    [InlineData("Is walking alone enough to bring my sugar down?", "Walk for 30 minutes most days.", 0)]
    [InlineData("How long should I walk for?", "Exercise on its own lowers HbA1c a little.", 0)]
    public void Whether_one_thing_will_do_on_its_own_is_answered_by_whether_it_is_used_alone_or_with_another(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, asksAlone: BottomLineRanking.AsksAlone(question)));

    [Theory]
    [InlineData("Sprained my wrist. Been on naproxen and it's barely touching it. Anything stronger?", "napro")]
    [InlineData("Headache for days, taking ibuprofen and it is not helping. What else?", "ibupr")]
    public void A_medicine_the_story_says_is_not_working_is_ruled_out(string question, string word) =>
        Assert.Contains(word, BottomLineRanking.ExcludedWords(question));

    [Fact]
    public void A_medicine_of_several_words_that_did_not_help_is_ruled_out_whole()
    {
        var excluded = BottomLineRanking.ExcludedWords("Wheezy all night. Six puffs of his blue inhaler and it is not helping. What now?");
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Take another puff of the blue inhaler."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Get help at once if the lips look blue."));
    }

    [Fact]
    public void A_sentence_saying_what_to_do_when_the_medicine_ruled_out_fails_speaks_to_the_case()
    {
        var excluded = BottomLineRanking.ExcludedWords("Bad migraine, took naproxen earlier and it's not touching it. Should I go to A&E?");
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Get urgent help if naproxen does not help and the headache is the worst you have had."));
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Naproxen eases most migraine attacks."));
    }

    [Fact]
    public void A_medicine_named_in_several_words_is_ruled_out_whole_and_not_the_words_that_qualify_it()
    {
        var excluded = BottomLineRanking.ExcludedWords("Awake every night at 4. Without taking a sleeping pill, what can I do?");
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Leave the bedroom if you still cannot sleep after a while."));
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "A sleeping pill may help for a night or two."));
    }

    [Fact]
    public void A_kind_of_medicine_ruled_out_is_not_medicine_in_general()
    {
        var kind = BottomLineRanking.ExcludedWords("Starting sertraline, already taking another blood-thinning drug. What should I look out for?");
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(kind, "Ibuprofen adds to the bleeding risk of sertraline."));
        var any = BottomLineRanking.ExcludedWords("Knee arthritis: what can help other than another drug?");
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(any, "Ibuprofen gel can ease the pain."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(any, "Exercise that strengthens the thigh muscles eases the pain."));
    }

    [Fact]
    public void A_condition_after_rather_than_describes_the_case_and_is_not_ruled_out()
    {
        var excluded = BottomLineRanking.ExcludedWords("Which signs in a coughing adult suggest a lung infection rather than a chest cold?");
        Assert.Empty(excluded);
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Suspect a lung infection, not a chest cold, when the pulse is over 100 beats a minute."));
        Assert.NotEmpty(BottomLineRanking.ExcludedWords("What eases a chesty cough rather than antibiotics?"));
    }

    [Fact]
    public void A_sentence_that_rules_out_the_same_thing_speaks_to_the_same_case()
    {
        var excluded = BottomLineRanking.ExcludedWords("Injection schedule for pernicious anaemia without neurological signs?");
        Assert.NotEmpty(excluded);
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Without neurological signs: one injection on alternate days for two weeks, then one every three months."));
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "With neurological signs, injections continue on alternate days until there is no further improvement."));
    }

    [Fact]
    public void The_medicine_asked_about_is_no_alternative_to_what_is_ruled_out()
    {
        var excluded = BottomLineRanking.ExcludedWords("Not keen on pills. Where else does vitamin D come from apart from supplements?");
        string[] asked = ["vitamin D"];
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Most adults do not need vitamin D from supplements.", asked));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Sunlight on the skin and oily fish give vitamin D.", asked));
    }

    [Theory]
    [InlineData("I'd sooner get my iron from food than from pills. What should I eat?", "Ferrous sulfate tablets once a day.", 1)]
    [InlineData("I'd sooner get my iron from food than from pills. What should I eat?", "Red meat, beans and dark green vegetables.", 0)]
    [InlineData("Besides paracetamol, what helps a tension headache?", "Paracetamol is the usual first choice.", 1)]
    [InlineData("I already know about cutting down salt. What else lowers blood pressure?", "Cut down on salt.", 1)]
    [InlineData("Back pain; naproxen and ibuprofen both unsuitable. Which option then?", "Offer naproxen at the lowest dose.", 1)]
    [InlineData("Back pain; naproxen and ibuprofen both unsuitable. Which option then?", "If neither naproxen nor ibuprofen suits, consider exercise therapy.", 0)]
    [InlineData("Which non-drug treatment eases knee pain?", "Offer ibuprofen gel first.", 1)]
    [InlineData("Which non-drug treatment eases knee pain?", "Exercise and weight loss ease knee pain.", 0)]
    public void What_the_asker_prefers_against_knows_or_found_unsuitable_is_ruled_out(string question, string sentence, double named) =>
        Assert.Equal(named, BottomLineRanking.ExcludedNamed(BottomLineRanking.ExcludedWords(question), sentence));

    [Fact]
    public void Preferring_one_medicine_to_another_when_asking_if_it_works_as_well_rules_neither_out() =>
        Assert.Empty(BottomLineRanking.ExcludedWords("I'd rather take aspirin than apixaban. Would it protect me just as well?"));

    [Fact]
    public void What_the_question_rules_out_is_read_without_the_verb_of_taking()
    {
        var excluded = BottomLineRanking.ExcludedWords("How can I calm constant worrying without going on tablets?");
        Assert.Equal(["table"], excluded);
        Assert.Equal(1, BottomLineRanking.ExcludedNamed(excluded, "Sertraline tablets are an option."));
        Assert.Equal(0, BottomLineRanking.ExcludedNamed(excluded, "Talking therapy helps most people."));
        Assert.Empty(BottomLineRanking.ExcludedWords("What helps constant worrying?"));
    }

    [Fact]
    public void The_fit_raises_the_weight_of_a_signal_that_marks_the_sentences_stating_what_was_asked()
    {
        // On every question the sentence sharing the question's words states the fact, but relevance prefers another.
        var questions = Enumerable.Range(0, 12).Select(q =>
        {
            List<BottomLineCandidate> candidates =
            [
                Candidate($"s{q}", 0, ("relevance", Math.Log(0.9)), ("words-shared", 0.1)),
                Candidate($"t{q}", 0, ("relevance", Math.Log(0.7)), ("words-shared", 0.9)),
            ];
            return new BottomLineQuestion(candidates, [0, 1], chosen => chosen.Count > 0 && chosen[0] == 1);
        }).ToList();
        var start = BottomLineRanking.Start;
        Assert.Equal(0, start.Passed(questions));
        var fitted = BottomLineRanking.Fit(questions, start, 0.03);
        Assert.True(fitted.Weights[BottomLineRanking.FeatureNames.ToList().IndexOf("words-shared")] > 1, string.Join(", ", fitted.Weights));
        Assert.Equal(12, fitted.Passed(questions));
        Assert.Equal(1.0, BottomLineRanking.CrossValidate(questions, [], start, 3));
    }

    [Fact]
    public void The_fit_lands_on_the_minimum_of_its_loss_not_where_a_fixed_number_of_steps_stopped()
    {
        // Separable questions pull the weights far from the start; only a search run to convergence gets there.
        var questions = Enumerable.Range(0, 10).Select(q => new BottomLineQuestion(
            [Candidate($"s{q}", 0, ("relevance", Math.Log(0.9)), ("words-shared", 0.1 * (q % 3))), Candidate($"t{q}", 0, ("relevance", Math.Log(0.6)), ("words-shared", 0.8))],
            q % 4 == 0 ? [1, 0] : [0, 1], chosen => chosen.Count > 0)).ToList();
        var start = BottomLineRanking.Start;
        const double hold = 0.01;
        var fitted = BottomLineRanking.Fit(questions, start, hold).Weights.ToArray();

        double Loss(double[] w)
        {
            var value = 0.0;
            foreach (var q in questions)
            {
                var scores = q.Candidates.Select(c => c.Features.Select((f, k) => f * w[k]).Sum()).ToArray();
                var logZ = Math.Log(scores.Sum(Math.Exp));
                value -= q.Gains.Select((g, i) => g / q.Gains.Sum() * (scores[i] - logZ)).Sum() / questions.Count;
            }
            return value + hold * w.Select((x, k) => (x - start.Weights[k]) * (x - start.Weights[k])).Sum();
        }

        var atFit = Loss(fitted);
        foreach (var k in new[] { BottomLineRanking.RelevanceFeature, BottomLineRanking.FeatureNames.ToList().IndexOf("words-shared") })
        {
            foreach (var delta in new[] { -0.01, 0.01 })
            {
                var moved = fitted.ToArray();
                moved[k] += delta;
                Assert.True(Loss(moved) > atFit, $"{BottomLineRanking.FeatureNames[k]} {delta:+0.00;-0.00} lowers the loss: the fit stopped short");
            }
        }
    }

    [Theory]
    [InlineData("For neuropathic pain, gabapentin is a first medicine.", true)]
    [InlineData("Gabapentin eases the urge to move the legs at night.", false)]
    [InlineData("Gabapentin helps restless legs syndrome.", false)]
    public void A_sentence_naming_a_condition_other_than_the_one_asked_about_is_told_apart(string sentence, bool another)
    {
        var asked = new Term("restless legs syndrome", ["restless legs syndrome", "RLS"], "condition");
        Assert.Equal(another, BottomLineRanking.NamesAnotherCondition([asked], sentence));
    }

    [Theory]
    [InlineData("Routine colonoscopy is not advised in IBS without warning features.", false)]
    [InlineData("Coeliac disease should be ruled out before IBS is diagnosed.", true)]
    public void The_broader_condition_a_kind_is_named_after_is_not_another_condition(string sentence, bool another)
    {
        var asked = new Term("IBS with diarrhea", ["IBS with diarrhea", "IBS-D"], "condition");
        Assert.Equal(another, BottomLineRanking.NamesAnotherCondition([asked], sentence, broaderSpeaksOfKind: true));
        Assert.True(BottomLineRanking.NamesAnotherCondition([asked], sentence));
    }

    [Theory]
    [InlineData("Some cold and allergy medicines that contain decongestants can make it harder to pee.", false)]
    [InlineData("Hay fever tablets that make you drowsy can make it harder to pee.", false)]
    [InlineData("An allergy can make it harder to pee.", true)]
    [InlineData("Decongestants are best avoided with asthma and a cold.", true)]
    public void A_condition_that_only_says_what_a_medicine_is_sold_for_is_not_another_condition(string sentence, bool another)
    {
        var asked = new Term("benign prostatic hyperplasia", ["benign prostatic hyperplasia", "enlarged prostate"], "condition");
        Assert.Equal(another, BottomLineRanking.NamesAnotherCondition([asked], sentence));
    }

    [Theory]
    [InlineData("Which tablet do doctors begin with for a bad back?", "Offer an anti-inflammatory first, at the lowest dose that works.", 1)]
    [InlineData("Which tablet do doctors begin with for a bad back?", "Anti-inflammatories can upset the stomach.", 0)]
    [InlineData("What is the first choice for an itchy rash?", "A non-drowsy antihistamine is the first-line treatment.", 1)]
    [InlineData("What is the first choice for an itchy rash?", "In the first week the rash may spread.", 0)]
    [InlineData("Do antihistamines help an itchy rash?", "A non-drowsy antihistamine is the first-line treatment.", 0)]
    [InlineData("I'd like to keep off tablets for my knee. What should I try before anything else?", "Exercise is the first treatment to offer for knee pain.", 1)]
    [InlineData("What do physios suggest to start with for a stiff neck?", "Gentle exercise is the first treatment to try.", 1)]
    // "Step 1" of a stepped plan is what comes first.
    [InlineData("Raised pressure in a man of 58: which class is step 1?", "Step 1 for people aged 55 and over: a calcium channel blocker.", 1)]
    [InlineData("Raised pressure in a man of 58: which class is step 1?", "Calcium channel blockers can cause ankle swelling.", 0)]
    public void A_question_about_what_comes_first_is_answered_by_a_sentence_that_ranks_a_choice_first(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, BottomLineRanking.AsksFirst(question)));

    [Theory]
    [InlineData("My knee swelled up overnight and is hot. Can it wait until my GP opens on Tuesday?", "A hot, swollen joint needs same-day medical assessment.", 1)]
    [InlineData("My knee swelled up overnight and is hot. Can it wait until my GP opens on Tuesday?", "Joint swelling often settles with rest and ice.", 0)]
    [InlineData("Chest feels tight after the run, ok to wait for my doctor's appointment?", "Call an ambulance for chest pain that lasts more than 15 minutes.", 1)]
    [InlineData("I'll take ibuprofen and see how it goes, is that sensible?", "Get urgent care if the pain spreads to your arm.", 1)]
    [InlineData("Does ibuprofen help a swollen knee?", "A hot, swollen joint needs same-day medical assessment.", 0)]
    [InlineData("he's 4 months and off his milk with a runny nose. can we keep an eye on him ourselves for now?", "Get urgent care for a baby who feeds less than half the usual amount.", 1)]
    [InlineData("my toddler has been sick twice today, fine to look after her at home?", "Get urgent care for a baby who feeds less than half the usual amount.", 1)]
    [InlineData("my ankle is still puffy a week after i went over on it. do i need to get it looked at?", "Go to an urgent care centre if you cannot put weight on the ankle.", 1)]
    // The ways of asking it are many: "give it another day or get seen", "ride it out", "ring for an ambulance or book the GP".
    [InlineData("toe is red and throbbing, give it another day or get seen this afternoon?", "Get same-day medical help for a red, hot joint with a fever.", 1)]
    [InlineData("bad earache since lunch. ride it out at home or time to be seen?", "Get same-day medical help for a red, hot joint with a fever.", 1)]
    [InlineData("his arm went numb for a minute, ring for an ambulance or book the GP?", "Call 999 at once for sudden numbness on one side.", 1)]
    [InlineData("lump on my neck for a month, hold off till the surgery opens after the holiday?", "See a doctor if a lump lasts more than 3 weeks.", 1)]
    [InlineData("toe is red and throbbing, which cream helps?", "Get same-day medical help for a red, hot joint with a fever.", 0)]
    [InlineData("rash on his legs since Sunday and he is off his food. should we get him seen?", "See a doctor if a rash does not fade under a glass.", 1)]
    public void A_question_whether_it_can_wait_is_answered_by_a_sentence_that_says_where_to_get_care(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, false, BottomLineRanking.AsksAboutCare(question)));

    [Theory]
    [InlineData("Phone for an ambulance even if the signs pass within minutes.", 1)]
    [InlineData("Phone for an ambulance when the face droops.", 0.5)]
    [InlineData("Face weakness can follow a viral infection.", 0)]
    public void A_question_asking_two_things_is_answered_wholly_only_by_a_sentence_giving_both(string sentence, double answers)
    {
        const string question = "his face went droopy for a minute and now he's fine. still phone for an ambulance?";
        var care = BottomLineRanking.AsksAboutCare(question);
        var still = BottomLineRanking.AsksStill(question);
        Assert.True(care && still);
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, asksCare: care, asksStill: still));
    }

    [Theory]
    [InlineData("my sore throat has dragged on for a fortnight now. when should i stop waiting and see someone?", "See a doctor if a sore throat lasts longer than 2 weeks.", 1)]
    [InlineData("my sore throat has dragged on for a fortnight now. when should i stop waiting and see someone?", "Salt-water gargles can ease a sore throat.", 0)]
    [InlineData("does a sore throat need antibiotics?", "See a doctor if a sore throat lasts longer than 2 weeks.", 0)]
    [InlineData("her rash is still there. at what point do we see the gp?", "See a doctor if the rash lasts 3 days or more.", 1)]
    public void A_question_asking_when_is_answered_by_a_sentence_that_says_how_long_is_too_long(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, BottomLineRanking.AsksWhen(question), sentence));

    [Theory]
    [InlineData("Give 400 mg twice daily when kidney function is normal.", 1)]
    [InlineData("Refer to a kidney specialist when eGFR is below 30.", 0)]
    public void A_reading_given_with_an_amount_asked_is_context_and_a_threshold_alone_does_not_answer(string sentence, double answers)
    {
        const string question = "eGFR 72, otherwise well. Aciclovir dose for shingles?";
        Assert.True(BottomLineRanking.GivesReading(question));
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.Dose, false, sentence, givesReading: true));
    }

    [Theory]
    [InlineData("my son's peak flow was 250 this morning, is that bad?", "Go to hospital if peak flow is below 50% of your best.", 1)]
    [InlineData("Her potassium is 5.9 mmol/L on ramipril. Carry on?", "Stop the ACE inhibitor when potassium is 6.0 mmol/L or higher.", 1)]
    [InlineData("Her potassium is 5.9 mmol/L on ramipril. Carry on?", "ACE inhibitors can raise potassium.", 0)]
    [InlineData("Does ramipril raise potassium?", "Stop the ACE inhibitor when potassium is 6.0 mmol/L or higher.", 0)]
    [InlineData("I'm 45 and take 2 tablets a day. Is that a lot?", "Stop the ACE inhibitor when potassium is 6.0 mmol/L or higher.", 0)]
    [InlineData("my 2 year old felt hot so i checked and the thermometer says 39.2. should i worry?", "Seek help for a child of any age with a temperature of 40 °C or above.", 1)]
    [InlineData("my 2 year old felt hot so i checked and she's 39.2. should i worry?", "Seek help for a child of any age with a temperature of 40 °C or above.", 1)]
    [InlineData("my 2 year old weighs 12.5 kg. should i worry?", "Seek help for a child of any age with a temperature of 40 °C or above.", 0)]
    [InlineData("Calf swollen after a flight, Wells score 0. Scan needed?", "A Wells score of 2 or more makes a clot likely.", 1)]
    public void A_question_that_gives_a_reading_is_answered_by_a_sentence_that_states_a_threshold(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, givesReading: BottomLineRanking.GivesReading(question)));

    [Theory]
    [InlineData("My blood count was low and they want to scope me. Why would they do that?", "A scope looks for bleeding in the gut, because bleeding can be the first sign of a growth.", 1)]
    [InlineData("My blood count was low and they want to scope me. Why would they do that?", "A scope is done under light sedation.", 0)]
    [InlineData("Why not just take more tablets?", "Taking more tablets can be a sign of poor control.", 0)]
    [InlineData("What's the point of checking my feet every day?", "Check your feet daily to spot sores early.", 1)]
    [InlineData("New blood pressure pill and my ankles have swollen. Is the pill to blame?", "Most ankle swelling in older people is not caused by their medicines.", 1)]
    [InlineData("New blood pressure pill and my ankles have swollen. Is the pill to blame?", "Take the pill once a day.", 0)]
    [InlineData("could the new inhaler be causing this hoarse voice?", "A hoarse voice is often due to the steroid in the inhaler.", 1)]
    public void A_question_asking_why_is_answered_by_a_sentence_that_gives_a_reason(string question, string sentence, double answers) =>
        Assert.Equal(answers, BottomLineRanking.AnswerKind(AmountKind.None, false, sentence, asksWhy: BottomLineRanking.AsksWhy(question)));

    [Fact]
    public void Questions_where_no_candidate_states_anything_leave_the_fit_at_its_start()
    {
        var questions = Enumerable.Range(0, 4).Select(q => new BottomLineQuestion(
            [Candidate("a", 0, ("relevance", -0.1)), Candidate("b", 0, ("relevance", -0.2))], [0, 0], _ => false)).ToList();
        Assert.Equal(BottomLineRanking.Start.Weights, BottomLineRanking.Fit(questions, BottomLineRanking.Start, 0.1).Weights);
    }
}
