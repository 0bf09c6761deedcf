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
    public void A_lay_story_of_a_hurt_back_is_answered_on_back_pain_though_the_analysis_guessed_another_phrase()
    {
        var answer = fixture.Engine.Ask(new AskRequest(
            "Bent down to pick up the laundry basket and my lower back went. What can I do to ease it at home?", Audience.Patient, []));

        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.Equal("back pain", answer.TopicReadFromMeaning);
        Assert.Contains("back pain", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(answer.Evidence.Take(3), e => e.Title.Contains("back pain", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_for_this_question_gets_a_verdict_on_the_condition_its_story_describes()
    {
        const string story = "At bedtime I get an awful urge to move my legs and a crawling feeling under the skin. Is magnesium worth trying for this?";

        var answer = fixture.Engine.Ask(new AskRequest(story, Audience.Clinician, []));

        Assert.Equal("restless legs syndrome", answer.TopicReadFromMeaning);
        Assert.NotNull(answer.Verdict);
        Assert.DoesNotContain("could not tell which condition", answer.VerdictReason ?? "", StringComparison.Ordinal);
        Assert.Contains("restless legs", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_answer_json_names_the_topic_read_from_the_question_s_meaning()
    {
        var answer = fixture.Engine.Ask(new AskRequest(LayFeverQuestion, Audience.Patient, []));
        var json = System.Text.Json.JsonSerializer.Serialize(answer);

        Assert.Contains("\"topicReadFromMeaning\":\"fever\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_naming_its_condition_is_not_read_by_meaning()
    {
        var answer = fixture.Engine.Ask(new AskRequest("What helps low back pain without painkillers?", Audience.Patient, []));

        Assert.Null(answer.TopicReadFromMeaning);
        Assert.False(answer.TopicReadByMeaning);
    }

    [Fact]
    public void A_lay_question_on_a_topic_the_library_lacks_still_abstains()
    {
        var answer = fixture.Engine.Ask(new AskRequest("My son has worms in his bottom. What treatment gets rid of them?", Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Null(answer.TopicReadFromMeaning);
    }

    [Fact]
    public void A_question_about_something_no_source_mentions_still_abstains_though_neighbours_agree_on_a_topic()
    {
        var answer = fixture.Engine.Ask(new AskRequest("How do I get rid of nits and lice in my 7 year old's hair?", Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Null(answer.TopicReadFromMeaning);
    }

    [Fact]
    public void A_dose_asked_of_a_medicine_no_source_names_is_abstained_on_not_read_again_on_a_neighbouring_topic()
    {
        var answer = fixture.Engine.Ask(new AskRequest("our 6 year old caught pinworms at school. what dose of pyrantel should we give him?", Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Contains("pyrantel", answer.BottomLine, StringComparison.Ordinal);
        Assert.Null(answer.TopicReadFromMeaning);
    }
}
