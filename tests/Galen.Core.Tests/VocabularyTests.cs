using Galen.Core.Analysis;

namespace Galen.Core.Tests;

public sealed class VocabularyTests
{
    private static readonly string[] KnownTypes =
        ["drug", "drug-class", "condition", "symptom", "route", "population", "procedure", "supplement", "intervention"];

    [Fact]
    public void Every_group_has_a_known_type_and_a_preferred_name()
    {
        Assert.NotEmpty(Vocabulary.TermGroups);
        foreach (var group in Vocabulary.TermGroups)
        {
            Assert.Contains(group.Type, KnownTypes);
            Assert.False(string.IsNullOrWhiteSpace(group.Name), group.Type);
            Assert.Equal(group.Name, group.Phrasings[0]);
        }
    }

    [Fact]
    public void No_name_belongs_to_two_groups()
    {
        // A name in two groups is read as whichever comes first, so the other group can never be found by it.
        var clashes = Vocabulary.TermGroups
            .SelectMany(g => g.Phrasings.Select(p => (Key: Vocabulary.IsCaseSensitive(p) ? p : TextTools.Normalize(p), Group: g.Name)))
            .Distinct()
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(x => x.Count() > 1)
            .Select(x => $"{x.Key}: {string.Join(", ", x.Select(y => y.Group))}")
            .ToList();
        Assert.Empty(clashes);
    }

    [Theory]
    [InlineData("Flomax", "tamsulosin")]
    [InlineData("Proscar", "finasteride")]
    [InlineData("co-amoxiclav", "amoxicillin-clavulanate")]
    [InlineData("Barrett's oesophagus", "Barrett esophagus")]
    [InlineData("coeliac disease", "coeliac disease")]
    [InlineData("oral corticosteroids", "corticosteroid")]
    [InlineData("oral steroids", "corticosteroid")]
    [InlineData("benzatropine", "benztropine")]
    [InlineData("Calpol", "acetaminophen")]
    [InlineData("cigs", "tobacco dependence")]
    [InlineData("vit d", "vitamin D")]
    [InlineData("Vit B12", "vitamin B12")]
    [InlineData("coffee", "caffeine")]
    [InlineData("pints", "alcohol")]
    [InlineData("Diamicron", "gliclazide")]
    [InlineData("type II diabetes", "type 2 diabetes")]
    [InlineData("type 2", "type 2 diabetes")]
    [InlineData("a hypo", "hypoglycemia")]
    [InlineData("burning up", "fever")]
    [InlineData("can't sleep", "insomnia")]
    [InlineData("lying awake", "insomnia")]
    [InlineData("a temperature", "fever")]
    [InlineData("head cold", "common cold")]
    [InlineData("bp tablets", "antihypertensive")]
    [InlineData("DKA", "diabetic ketoacidosis")]
    [InlineData("swollen prostate", "benign prostatic hyperplasia")]
    [InlineData("stops breathing in his sleep", "obstructive sleep apnea")]
    [InlineData("getting up to wee", "nocturia")]
    [InlineData("bunged up", "constipation")]
    [InlineData("constipated", "constipation")]
    [InlineData("slow stream", "weak urine stream")]
    [InlineData("trouble peeing", "lower urinary tract symptoms")]
    [InlineData("streaming eyes", "allergic rhinitis")]
    [InlineData("a temp", "fever")]
    public void A_brand_or_other_spelling_finds_the_group_of_its_generic(string phrase, string preferred) =>
        Assert.Equal(preferred, Vocabulary.Lookup(phrase)?.Name);

    [Theory]
    [InlineData("My father was started on tamsulosin for his prostate; does it actually help?", "tamsulosin")]
    [InlineData("Do glucosamine capsules do anything for arthritic knees?", "glucosamine")]
    [InlineData("How well does hydroxocobalamin work when B12 is low?", "hydroxocobalamin")]
    public void A_medicine_the_records_name_is_read_as_the_intervention(string question, string medicine)
    {
        var a = QuestionAnalyzer.Analyze(question, []);
        Assert.Contains(a.Interventions, t => t.Name.Equals(medicine, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("my nan has af and is on a blood thinner", "atrial fibrillation")]
    [InlineData("had an iv drip in hospital last week", "intravenous")]
    [InlineData("Outpatient CAP in a smoker: which antibiotic?", "pneumonia")]
    public void A_two_letter_abbreviation_in_a_message_typed_without_capitals_is_read(string message, string preferred) =>
        Assert.Contains(Vocabulary.FindAll(message), m => m.Group.Name == preferred);

    [Theory]
    [InlineData("there's a crushing pressure across his chest", "chest pain")]
    [InlineData("a heavy feeling in her chest since lunch", "chest pain")]
    [InlineData("grandad has a crushing feeling in his chest and feels sick", "chest pain")]
    [InlineData("GP says my raised BP needs treating", "hypertension")]
    [InlineData("the acid coming up at night keeps me awake", "gastroesophageal reflux disease")]
    [InlineData("he put his back out lifting the sofa", "back pain")]
    [InlineData("she did her back in at the gym", "back pain")]
    [InlineData("I did something to my back lifting the bins", "back pain")]
    [InlineData("a dull throb at her temple every afternoon", "headache")]
    [InlineData("he's 2 and hardly pooing since we moved house", "constipation")]
    [InlineData("my lad is allergic to peanuts, can he have the jab?", "peanut allergy")]
    [InlineData("my daughter is allergic to eggs", "egg allergy")]
    [InlineData("sleeping terribly since the new job", "insomnia")]
    [InlineData("IDA in a vegan runner: oral iron dose?", "iron deficiency")]
    public void A_lay_name_for_a_body_part_is_read_whoever_the_body_belongs_to(string message, string preferred) =>
        Assert.Contains(Vocabulary.FindAll(message), m => m.Group.Name == preferred);

    [Theory]
    [InlineData("My nan has af and is on a blood thinner")]
    [InlineData("im not sure what to do")]
    public void Lower_case_letters_are_no_abbreviation_where_capitals_are_used_or_the_word_means_something_else(string message) =>
        Assert.DoesNotContain(Vocabulary.FindAll(message), m => m.Surface.Length == 2);

    [Theory]
    [InlineData("Asthma attack in an adult: systemic steroids for how many days?")]
    [InlineData("COPD flare: systemic steroid dose?")]
    public void Systemic_steroids_are_corticosteroids(string message) =>
        Assert.Contains(Vocabulary.FindAll(message), m => m.Group.Name == "corticosteroid");

    [Fact]
    public void A_three_letter_abbreviation_counts_only_in_capitals() =>
        Assert.DoesNotContain(Vocabulary.FindAll("the toddler swallowed a bottle cap"), m => m.Group.Name == "pneumonia");

    [Fact]
    public void A_combination_is_read_whole_rather_than_as_its_first_part()
    {
        var matches = Vocabulary.FindAll("is amoxicillin-clavulanate better than plain amoxicillin");
        Assert.Equal(["amoxicillin-clavulanate", "amoxicillin"], matches.Select(m => m.Group.Name));
    }

    [Theory]
    [InlineData("ibuprofen", "NSAID")]
    [InlineData("nitrofurantoin", "antibiotic")]
    [InlineData("sertraline", "SSRI")]
    [InlineData("magnesium hydroxide", "magnesium-based laxative")]
    [InlineData("tacrolimus", "topical calcineurin inhibitor")]
    [InlineData("gliclazide", "sulfonylurea")]
    [InlineData("glimepiride", "sulfonylurea")]
    [InlineData("levofloxacin", "quinolone")]
    [InlineData("co-codamol", "opioid")]
    [InlineData("sacubitril-valsartan", "angiotensin receptor-neprilysin inhibitor")]
    [InlineData("senna", "laxative")]
    [InlineData("oseltamivir", "neuraminidase inhibitor")]
    [InlineData("apixaban", "direct oral anticoagulant")]
    public void A_medicine_knows_the_classes_it_belongs_to(string medicine, string medicineClass) =>
        Assert.Contains(Vocabulary.ClassesOf(medicine), g => g.Name == medicineClass && g.Type == "drug-class");

    [Theory]
    [InlineData("my right ear feels totally bunged up with wax")]
    [InlineData("My nose is so blocked up I cannot sleep")]
    [InlineData("the diagnosis was backed up by a stool test")]
    [InlineData("a bunged up nose and green snot for a week")]
    public void A_lay_name_said_of_another_part_of_the_body_is_not_constipation(string message) =>
        Assert.DoesNotContain(Vocabulary.FindAll(message), m => m.Group.Name == "constipation");

    [Fact]
    public void A_lay_name_that_names_no_part_of_the_body_is_still_read_when_none_is_named() =>
        Assert.Contains(Vocabulary.FindAll("my toddler is really bunged up and off her food"), m => m.Group.Name == "constipation");

    [Theory]
    [InlineData("she has had pain in her cheeks and a streaming nose since Friday", "acute sinusitis")]
    [InlineData("the nurse said the eardrum is bulging", "acute otitis media")]
    [InlineData("he has weak kidneys and takes tablets for his heart", "chronic kidney disease")]
    [InlineData("my kidneys are at stage 4 now", "chronic kidney disease")]
    [InlineData("he cries with painful poos every few days", "constipation")]
    [InlineData("we rub in a moisturising cream after her bath", "emollient")]
    [InlineData("his elbows have dry itchy patches again", "eczema")]
    [InlineData("since the new tablets my thighs ache when I climb", "muscle pain")]
    [InlineData("my mum takes a cholesterol tablet every night", "statin")]
    public void A_lay_description_of_an_illness_names_it(string message, string condition) =>
        Assert.Contains(Vocabulary.FindAll(message), m => m.Group.Name == condition);

    [Theory]
    [InlineData("ferrous fumarate")]
    [InlineData("ferrous sulfate")]
    public void A_salt_of_iron_belongs_to_iron(string salt) =>
        Assert.Contains(Vocabulary.ClassesOf(salt), g => g.Name == "iron");

    [Fact]
    public void A_medicine_of_no_listed_class_has_none() => Assert.Empty(Vocabulary.ClassesOf("acetaminophen"));
}
