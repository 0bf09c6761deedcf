using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// A message whose words name no medicine, condition or guessed topic, and ask only what kind of thing ("do I need
/// tablets?"), is abstained on: whatever such words find in the library is about something else. So is a message about
/// a thing whose words no source uses, however near its other words come to a topic the library holds.
/// </summary>
public sealed class UnreadTopicTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [Theory]
    [InlineData("I'm 58 and things have felt off for a while now. Do I need tablets?")]
    [InlineData("my grandad is 81 and has been a bit off. should he be on some pills?")]
    public void A_message_that_names_nothing_but_a_kind_of_medicine_is_abstained_on(string question)
    {
        var answer = fixture.Engine.Ask(new AskRequest(question, Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Contains("nothing in it matches what was asked", answer.BottomLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("carpal tunnel from typing all day, wearing a wrist splint at night. how many weeks until it usually settles?", "carpal tunnel")]
    public void A_thing_named_in_words_no_source_uses_is_said_to_be_lacking(string question, string thing)
    {
        var answer = fixture.Engine.Ask(new AskRequest(question, Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Contains(thing, answer.BottomLine, StringComparison.OrdinalIgnoreCase);
        Assert.Null(answer.TopicReadFromMeaning);
    }

    [Fact]
    public void Words_no_source_uses_in_the_middle_of_a_story_do_not_make_the_question_lacking()
    {
        var answer = fixture.Engine.Ask(new AskRequest(
            "my 3 year old is 38.9 and whiny. one of the playgroup dads said to give calpol with nurofen together. both at once or just one?",
            Audience.Patient, []));

        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.Equal("fever", answer.TopicReadFromMeaning);
    }

    [Fact]
    public void A_kind_of_medicine_asked_about_a_named_condition_is_still_answered()
    {
        var answer = fixture.Engine.Ask(new AskRequest("I have gout. Do I need tablets?", Audience.Patient, []));

        Assert.False(answer.Abstained, answer.BottomLine);
    }
}
