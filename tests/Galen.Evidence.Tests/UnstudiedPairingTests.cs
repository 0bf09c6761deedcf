using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// A known supplement asked of a condition the vocabulary does not know but the library writes (dry eyes, in a side
/// effect of an acne medicine) is a question about the two together: no source studies them together, so the answer
/// says so, instead of answering from a trial of the supplement for something else.
/// </summary>
public sealed class UnstudiedPairingTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [Theory]
    [InlineData("does fish oil ease dry eyes?")]
    [InlineData("are there studies that show omega-3 capsules help with dry eyes?")]
    public void A_supplement_asked_of_a_condition_no_source_studies_it_for_gets_no_verdict_from_a_trial_on_something_else(string question)
    {
        var answer = fixture.Engine.Ask(new AskRequest(question, Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Contains("dry eyes", answer.BottomLine, StringComparison.Ordinal);
        Assert.NotEqual("no", answer.Verdict);
    }
}
