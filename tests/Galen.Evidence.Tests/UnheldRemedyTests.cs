using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// A remedy someone vouched for that no source in the library names is what the question is about: the answer says
/// the library holds nothing on it, instead of answering from the sources on the topic the message is closest to.
/// </summary>
public sealed class UnheldRemedyTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [Fact]
    public void A_vouched_for_remedy_no_source_names_gets_no_verdict_from_the_nearest_topic()
    {
        var answer = fixture.Engine.Ask(new AskRequest(
            "My knees ache on the stairs. My neighbour gave me a magnetic insole, says it takes the pain away. Any truth in that?", Audience.Patient, []));

        Assert.Contains("magnetic insole", answer.BottomLine, StringComparison.Ordinal);
        Assert.NotEqual("yes", answer.Verdict);
    }

    [Fact]
    public void A_medicine_no_source_names_that_someone_needs_to_take_is_said_to_be_missing_not_answered_from_a_topic_read_by_meaning()
    {
        var answer = fixture.Engine.Ask(new AskRequest(
            "My 5 year old has pinworms and scratches at night. Do all of us need to take pyrantel as well?", Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Contains("pyrantel", answer.BottomLine, StringComparison.Ordinal);
        Assert.Null(answer.TopicReadFromMeaning);
    }
}
