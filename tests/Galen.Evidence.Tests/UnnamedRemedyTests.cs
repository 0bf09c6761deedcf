using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// Asked whether something the library never names helps a condition it does know, the answer says the library holds
/// nothing on that thing: it does not answer, from the condition's own treatments, whether anything helps.
/// </summary>
public sealed class UnnamedRemedyTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [Theory]
    [InlineData("Will wearing a magnetic insole help my knee osteoarthritis?", "magnetic insole")]
    [InlineData("Does a lavender pillow spray cure sinusitis?", "lavender pillow spray")]
    [InlineData("Does beetroot juice lower blood pressure?", "beetroot juice")]
    [InlineData("Does vitamin C help sinusitis?", "vitamin C")]
    public void A_yes_no_question_on_a_remedy_no_source_names_is_abstained_on_and_names_the_remedy(string question, string remedy)
    {
        var answer = fixture.Engine.Ask(new AskRequest(question, Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Equal("uncertain", answer.Verdict);
        Assert.Contains("too little evidence", answer.BottomLine, StringComparison.Ordinal);
        Assert.Contains(remedy, answer.BottomLine, StringComparison.OrdinalIgnoreCase);
    }

    // The purpose in words the vocabulary cannot place, or the remedy brought in by the story: the library still lacks
    // the remedy, and the answer says so rather than answering on the topic read from meaning or on the known words.
    [Theory]
    [InlineData("Would goji berries help me sleep through to morning?", "goji berries")]
    [InlineData("I'd like to avoid sleeping tablets. Would lemon balm tea help me sleep through the night?", "lemon balm tea")]
    [InlineData("my aunt reckons a tablespoon of flaxseed oil each morning settles her joints. worth me trying it for my gout?", "flaxseed oil")]
    [InlineData("I'm on levothyroxine and have just started some ashwagandha capsules for stress. could that throw my thyroid off?", "ashwagandha")]
    public void A_remedy_no_source_names_is_abstained_on_however_the_rest_is_worded(string question, string remedy)
    {
        var answer = fixture.Engine.Ask(new AskRequest(question, Audience.Patient, []));

        Assert.True(answer.Abstained, answer.BottomLine);
        Assert.Contains(remedy, answer.BottomLine, StringComparison.OrdinalIgnoreCase);
    }
}
