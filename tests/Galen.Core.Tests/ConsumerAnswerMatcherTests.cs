using Galen.Core.Analysis;
using Galen.Core.Composition;
using Galen.Core.Grading;
using Galen.Core.Sources;

namespace Galen.Core.Tests;

public sealed class ConsumerAnswerMatcherTests
{
    [Theory]
    [InlineData("diahrrea", "diarrhea")]
    [InlineData("wieddeman", "wiedemann")]
    [InlineData("streptococcus", "streptococcal")]
    [InlineData("infections", "infection")]
    [InlineData("anesthesia", "anesthesia")]
    public void Misspellings_plurals_and_word_forms_count_as_the_same_word(string typed, string name) =>
        Assert.True(ConsumerAnswerMatcher.SameWord(typed, name));

    [Theory]
    [InlineData("hypertension", "hypotension")]
    [InlineData("hyperthyroidism", "hypothyroidism")]
    [InlineData("hyperkalemia", "hypokalemia")]
    [InlineData("abduction", "adduction")]
    [InlineData("asthma", "anemia")]
    [InlineData("gout", "gut")]
    [InlineData("chlorpromazine", "chlorpheniramine")]
    [InlineData("hydrocortisone", "hydrocodone")]
    public void Opposites_and_different_short_words_are_not_the_same_word(string a, string b) =>
        Assert.False(ConsumerAnswerMatcher.SameWord(a, b));

    [Fact]
    public void A_topic_named_whole_scores_above_one_named_in_part_and_one_not_named()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("My wife was diagnosed with giant cell vasculitis and her feet swell");
        var whole = ConsumerAnswerMatcher.TopicScore(tokens, Topic("Vasculitis"));
        var part = ConsumerAnswerMatcher.TopicScore(tokens, Topic("Giant cell arteritis"));
        var none = ConsumerAnswerMatcher.TopicScore(tokens, Topic("Kawasaki disease"));
        Assert.True(whole >= 1, $"whole {whole}");
        Assert.InRange(part, 0.01, 0.99);
        Assert.Equal(0, none);
    }

    [Fact]
    public void A_topic_is_recognised_by_a_synonym_or_abbreviation()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("Is there a test for HNPP in children?");
        var qa = new QuestionAnswerInfo { Focus = "hereditary neuropathy with liability to pressure palsies", Synonyms = ["HNPP", "tomaculous neuropathy"] };
        Assert.True(ConsumerAnswerMatcher.TopicScore(tokens, qa) >= 1);
    }

    [Fact]
    public void A_short_abbreviation_names_a_topic_only_when_written_in_capitals()
    {
        var carney = new QuestionAnswerInfo { Focus = "Carney complex", Synonyms = ["CAR", "Carney syndrome"] };
        var amd = new QuestionAnswerInfo { Focus = "Macular degeneration - age-related", Synonyms = ["AMD"] };
        Assert.Equal(0, ConsumerAnswerMatcher.TopicScore(ConsumerAnswerMatcher.QuestionTokens("He sat in the car seat too long."), carney));
        Assert.True(ConsumerAnswerMatcher.TopicScore(ConsumerAnswerMatcher.QuestionTokens("I was diagnosed with early AMD."), amd) >= 1);
    }

    [Fact]
    public void Content_overlap_counts_the_telling_question_words_the_answer_uses()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("My son has otitis media and takes amoxicillin with ear drops");
        var onTopic = ConsumerAnswerMatcher.ContentOverlap(tokens, "Ear infections (otitis media) are often treated with amoxicillin; ear drops ease the pain.");
        var offTopic = ConsumerAnswerMatcher.ContentOverlap(tokens, "Ear wax protects the ear canal and rarely needs removing.");
        Assert.True(onTopic > offTopic, $"{onTopic} {offTopic}");
        Assert.Equal(0, ConsumerAnswerMatcher.ContentOverlap(tokens, ""));
    }

    [Fact]
    public void Generic_words_alone_do_not_name_a_topic()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("What is the best diagnosis for my chronic disease?");
        Assert.Equal(0, ConsumerAnswerMatcher.TopicScore(tokens, Topic("Dual diagnosis")));
    }

    [Fact]
    public void A_name_whose_distinctive_word_reads_as_an_everyday_word_is_not_named_by_its_general_word()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("I cant find a doctor for burning mouth syndrome on this site.");
        Assert.Equal(0, ConsumerAnswerMatcher.TopicScore(tokens, Topic("Cant syndrome")));
        Assert.True(ConsumerAnswerMatcher.TopicScore(tokens, Topic("Burning mouth syndrome")) >= 1);
    }

    [Fact]
    public void The_words_of_a_name_scattered_over_a_long_message_do_not_name_it_whole()
    {
        var scattered = ConsumerAnswerMatcher.QuestionTokens(
            "My knee gives way when I climb stairs, the doctor took x-rays and blood tests and found nothing, but my mother had arthritis of the hands.");
        var together = ConsumerAnswerMatcher.QuestionTokens("My mother has knee arthritis and climbs stairs slowly.");
        Assert.True(ConsumerAnswerMatcher.TopicScore(scattered, Topic("Knee arthritis")) < 1);
        Assert.True(ConsumerAnswerMatcher.TopicScore(together, Topic("Knee arthritis")) >= 1);
    }

    [Fact]
    public void A_misspelt_long_name_the_library_never_uses_names_the_topic_it_begins_like()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("Does ciprofaxin work well? Is there a better drug?");
        var cipro = Topic("Ciprofloxacin");
        Assert.Equal(0, ConsumerAnswerMatcher.TopicScore(tokens, [], cipro));
        Assert.True(ConsumerAnswerMatcher.TopicScore(tokens, [], cipro, new HashSet<string> { "ciprofaxin" }) >= 1);
    }

    [Fact]
    public void A_word_the_library_knows_never_stands_for_another_that_begins_like_it()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("Can I use hydrocortisone cream on my face?");
        Assert.Equal(0, ConsumerAnswerMatcher.TopicScore(tokens, [], Topic("Hydrocodone"), new HashSet<string>()));
    }

    [Fact]
    public void A_one_word_name_used_as_an_adjective_gives_way_to_a_topic_named_as_a_noun()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("infection. can a streptococcus infection cause an invasive disease like wegeners?");
        var adjective = ConsumerAnswerMatcher.TopicScore(tokens, [], Topic("Invasive"));
        var named = ConsumerAnswerMatcher.TopicScore(tokens, [], Topic("Streptococcal Infections"));
        Assert.True(adjective >= 1, $"adjective {adjective}");
        Assert.True(named > adjective, $"named {named}, adjective {adjective}");
        // Standing alone, the same word names its topic as fully as any other name.
        Assert.True(ConsumerAnswerMatcher.TopicScore(ConsumerAnswerMatcher.QuestionTokens("Is my tumour invasive?"), [], Topic("Invasive")) > 1);
    }

    [Theory]
    [InlineData("Diagnosis", true)]
    [InlineData("treatment options", true)]
    [InlineData("medication question", true)]
    [InlineData("Diabetes", false)]
    [InlineData("Dual diagnosis", false)]
    [InlineData("VDRL", false)]
    public void A_name_made_only_of_words_about_a_topic_is_no_topic(string name, bool generic) =>
        Assert.Equal(generic, ConsumerAnswerMatcher.IsGenericName(name));

    [Fact]
    public void One_or_many_of_a_thing_is_not_a_slip_of_spelling()
    {
        var tokens = ConsumerAnswerMatcher.QuestionTokens("She keeps getting ear infections");
        var plural = ConsumerAnswerMatcher.TopicScore(tokens, [], Topic("Ear infection"));
        var slip = ConsumerAnswerMatcher.TopicScore(ConsumerAnswerMatcher.QuestionTokens("She keeps getting ear infectoins"), [], Topic("Ear infection"));
        Assert.True(plural > slip, $"plural {plural}, slip {slip}");
    }

    [Fact]
    public void The_headline_of_a_longer_message_adds_to_the_topic_it_names()
    {
        const string message = "Uveitis. My doctor also said something about autoimmune diseases and my eyes.";
        var tokens = ConsumerAnswerMatcher.QuestionTokens(message);
        var headline = ConsumerAnswerMatcher.HeadlineTokens(message);
        Assert.True(ConsumerAnswerMatcher.TopicScore(tokens, headline, Topic("Uveitis")) > ConsumerAnswerMatcher.TopicScore(tokens, headline, Topic("Autoimmune diseases")));
        Assert.Empty(ConsumerAnswerMatcher.HeadlineTokens("What causes uveitis?"));
    }

    [Theory]
    [InlineData("What can be done to treat my plantar fasciitis?", "treatment")]
    [InlineData("Is glaucoma passed down in families?", "inheritance")]
    [InlineData("How much ibuprofen can I take in a day?", "usage")]
    [InlineData("I forgot a dose of my warfarin last night, what now?", "forget a dose")]
    [InlineData("Does my inhaler expire once it is opened?", "storage and disposal")]
    [InlineData("Why do people get kidney stones?", "causes")]
    public void The_kind_of_question_asked_is_read_from_its_words(string question, string type) =>
        Assert.Contains(type, ConsumerAnswerMatcher.WantedTypes(QuestionAnalyzer.Analyze(question, [])));

    [Fact]
    public void The_pair_answering_the_kind_of_question_asked_beats_the_general_description_which_beats_other_kinds()
    {
        var wanted = ConsumerAnswerMatcher.WantedTypes(QuestionAnalyzer.Analyze("What causes kidney stones?", []));
        var causes = ConsumerAnswerMatcher.TypeScore(wanted, Topic("Kidney stones", "causes"));
        var information = ConsumerAnswerMatcher.TypeScore(wanted, Topic("Kidney stones", "information"));
        var treatment = ConsumerAnswerMatcher.TypeScore(wanted, Topic("Kidney stones", "treatment"));
        Assert.True(causes > information && information > treatment, $"{causes} {information} {treatment}");
    }

    [Fact]
    public void Patient_information_is_ordered_by_topic_and_kind_while_other_sources_keep_their_places()
    {
        var analysis = QuestionAnalyzer.Analyze("Beckwith-Wieddeman syndrome. What causes it in a baby?", []);
        var graded = new[]
        {
            Grade(Pair("p1", "Neuronal migration disorders", "information"), 9, analysis),
            Grade(TestLibrary.MagnesiumReview, 5, analysis),
            Grade(Pair("p2", "Beckwith-Wiedemann syndrome", "treatment"), 4, analysis),
            Grade(Pair("p3", "Beckwith-Wiedemann syndrome", "causes"), 3, analysis),
        };
        var ranked = AnswerComposer.Rank(graded, analysis);
        var patient = ranked.Where(s => s.Source.Kind == SourceKind.PatientInformation).Select(s => s.Source.Ids.Medquad).ToList();
        Assert.Equal(["p3", "p2", "p1"], patient);
        Assert.Contains(ranked, s => s.Source.Kind == SourceKind.Research);
    }

    private static QuestionAnswerInfo Topic(string focus, string? type = null) => new() { Focus = focus, QuestionType = type };

    private static SourceRecord Pair(string id, string focus, string type) => new()
    {
        Kind = SourceKind.PatientInformation,
        Ids = new ExternalIds { Medquad = id },
        Title = $"{type} of {focus}",
        Keywords = [focus],
        QuestionAnswer = Topic(focus, type),
        Sections = [new SourceSection { Label = "Answer", Category = "answer", Text = $"This test answer is about {focus}." }],
    };

    private static GradedSource Grade(SourceRecord source, double score, QuestionAnalysis analysis) =>
        EvidenceGrader.Grade(source, score, 9, analysis);
}
