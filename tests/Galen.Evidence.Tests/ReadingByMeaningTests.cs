using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// A question whose words name no condition the vocabulary knows is answered from the topic its nearest sources by
/// meaning agree on, and never from a neighbouring topic when a word of it points elsewhere.
/// </summary>
public sealed class ReadingByMeaningTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    private const string LayFeverQuestion = "Our newborn feels really warm, the thermometer shows 38.4. What should we do?";

    [Fact]
    public void A_lay_question_naming_no_known_condition_is_answered_from_the_topic_its_nearest_sources_share()
    {
        var answer = fixture.Engine.Ask(new AskRequest(LayFeverQuestion, Audience.Patient, []));

        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.True(answer.TopicReadByMeaning);
        Assert.Contains("3 months", answer.BottomLine, StringComparison.Ordinal);
        Assert.Contains(answer.Evidence, e => e.Title.Contains("fever", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Without_meaning_the_same_lay_question_finds_no_topic_and_abstains()
    {
        // The same library searched by its words alone: what the test above gains comes from the reading by meaning.
        var answer = new AnswerEngine(fixture.Library.WordSearch).Ask(new AskRequest(LayFeverQuestion, Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
    }

    [Fact]
    public void A_question_about_something_no_source_mentions_still_abstains_though_neighbours_agree_on_a_topic()
    {
        var answer = fixture.Engine.Ask(new AskRequest("How do I get rid of nits and lice in my 7 year old's hair?", Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
    }
}
