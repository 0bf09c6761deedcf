using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// A question whose words name no condition the vocabulary knows is answered from the topic its nearest sources by
/// meaning agree on, and never from a neighbouring topic when a word of it points elsewhere.
/// </summary>
public sealed class ReadingByMeaningTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [Fact]
    public void A_lay_question_naming_no_known_condition_is_answered_from_the_topic_its_nearest_sources_share()
    {
        var answer = fixture.Engine.Ask(new AskRequest("Our 5 week old feels very hot to touch and the reading was 38.6. What now?", Audience.Patient, []));

        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.Contains("3 months", answer.BottomLine, StringComparison.Ordinal);
        Assert.Contains(answer.Evidence, e => e.Title.Contains("fever", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_question_about_something_no_source_mentions_still_abstains_though_neighbours_agree_on_a_topic()
    {
        var answer = fixture.Engine.Ask(new AskRequest("How do I get rid of nits and lice in my 7 year old's hair?", Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
    }
}
