using Galen.Core.Answers;

namespace Galen.Core.Tests;

public sealed class HostileQuestionTests
{
    private static readonly AnswerEngine Engine = new(new InMemorySearch(TestLibrary.All));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("?!?...;;;")]
    [InlineData("¿¡ — … ** ##")]
    public void Empty_or_punctuation_only_questions_are_rejected_with_a_clear_message(string question)
    {
        var ex = Assert.Throws<QuestionRejectedException>(() => Engine.Ask(new AskRequest(question, Audience.Clinician, [])));
        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void A_question_over_twenty_thousand_characters_is_rejected()
    {
        var huge = string.Concat(Enumerable.Repeat("Does magnesium help restless legs? ", 3000));
        var ex = Assert.Throws<QuestionRejectedException>(() => Engine.Ask(new AskRequest(huge, Audience.Clinician, [])));
        Assert.Contains("20,000", ex.Message);
    }

    [Theory]
    [InlineData("<script>alert('x')</script> Does magnesium help with RLS?")]
    [InlineData("title:(a OR b)^3 AND \"")]
    [InlineData("magnesium* AND rls~2 OR \"restless legs\"^4 {1 TO 5} [a TO z] \\ / -- !")]
    [InlineData("¿El magnesio ayuda con el síndrome de piernas inquietas?")]
    [InlineData("镁对不宁腿综合征有帮助吗？")]
    [InlineData("Robert'); DROP TABLE sources;--")]
    [InlineData("a")]
    [InlineData("12345")]
    [InlineData("what what what what what what what what")]
    public void Odd_questions_get_an_answer_and_never_an_unexpected_exception(string question)
    {
        foreach (var audience in new[] { Audience.Clinician, Audience.Patient })
        {
            var answer = Engine.Ask(new AskRequest(question, audience, []));
            Assert.NotNull(answer);
            Assert.False(string.IsNullOrWhiteSpace(answer.BottomLine));
        }
    }

    [Fact]
    public void Markup_never_reaches_the_search_or_the_answer()
    {
        var search = new InMemorySearch(TestLibrary.All);
        var answer = new AnswerEngine(search).Ask(new AskRequest("<script>alert(1)</script> Does magnesium help with RLS?", Audience.Clinician, []));
        Assert.All(search.Queries, q => Assert.DoesNotContain("<", q.Text));
        Assert.DoesNotContain("<script>", answer.BottomLine);
    }

    [Fact]
    public void A_long_story_just_under_the_limit_is_answered()
    {
        var story = string.Concat(Enumerable.Repeat("I have been tired and my legs feel odd at night. ", 380)) + "Can magnesium help my restless legs syndrome?";
        Assert.True(story.Length < 20_000);
        var answer = Engine.Ask(new AskRequest(story, Audience.Patient, []));
        Assert.False(answer.Abstained, answer.BottomLine);
    }
}

public sealed class FuzzTests
{
    private static readonly AnswerEngine Engine = new(new InMemorySearch(TestLibrary.All));

    [Fact]
    public void Random_input_never_throws_anything_but_a_rejection()
    {
        var random = new Random(20240611);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?()[]{}<>\"'-/\\*^~&|@#$%=+_ \n\té—ü中文?¿¡";
        string[] words = ["magnesium", "RLS", "does", "help", "what", "dose", "IM", "treat", "after", "starting", "haloperidol", "is", "it", "safe", "vs", "or", "(", ")", "?", "not", "no", "my", "son", "choking"];
        for (var i = 0; i < 400; i++)
        {
            var length = random.Next(0, i % 10 == 0 ? 3000 : 200);
            var chars = new char[length];
            for (var k = 0; k < length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }
            var question = i % 2 == 0
                ? new string(chars)
                : string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(_ => words[random.Next(words.Length)]));
            var after = random.Next(3) == 0 ? new[] { "Does magnesium help RLS?", new string(chars.Take(50).ToArray()) } : [];
            try
            {
                var answer = Engine.Ask(new AskRequest(question, i % 3 == 0 ? Answers.Audience.Patient : Answers.Audience.Clinician, after));
                Assert.NotNull(answer.BottomLine);
            }
            catch (QuestionRejectedException)
            {
            }
        }
    }

    [Fact]
    public void A_story_of_nearly_twenty_thousand_characters_is_answered_quickly()
    {
        var story = string.Concat(Enumerable.Repeat("My legs feel strange at night and I cannot sleep well, which my doctor thinks is restless legs syndrome. ", 185))
            + "Would magnesium help?";
        Assert.True(story.Length < 20_000);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var answer = Engine.Ask(new AskRequest(story, Answers.Audience.Clinician, []));
        Assert.True(sw.ElapsedMilliseconds < 2000, $"{sw.ElapsedMilliseconds} ms");
        Assert.Equal("magnesium", QuestionAnalyzer.Analyze(story, []).MainIntervention?.Name);
        Assert.NotNull(answer.Verdict);
    }
}
