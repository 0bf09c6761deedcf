using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Grading;

namespace Galen.Evidence.Tests;

/// <summary>
/// Asked when in the day, or how with meals, to take a medicine, the bottom line gives the time a source states; where
/// no source states one for that medicine, it says so first instead of quoting a neighbouring fact as if it answered.
/// </summary>
public sealed class TimeOfDayAskedTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [Fact]
    public void A_time_of_day_no_source_gives_for_the_medicine_is_said_to_be_lacking()
    {
        var answer = fixture.Engine.Ask(new AskRequest(
            "My husband has heart failure and takes furosemide every day. Does it matter whether he has it in the morning or at night?",
            Audience.Patient, []));

        Assert.Contains("no source that says when to take furosemide", answer.BottomLine, StringComparison.Ordinal);
        // A yes or no from sources on what furosemide does would answer another question.
        Assert.Equal(Verdict.Uncertain, answer.Verdict);
        const string Held = "What it does hold:";
        var held = answer.BottomLine[(answer.BottomLine.IndexOf(Held, StringComparison.Ordinal) + Held.Length)..];
        Assert.Contains("furosemide", held, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_time_of_day_a_source_gives_is_the_bottom_line()
    {
        var answer = fixture.Engine.Ask(new AskRequest(
            "Just been put on levothyroxine. Do I swallow it with my breakfast or on an empty stomach?", Audience.Patient, []));

        Assert.DoesNotContain("holds no source", answer.BottomLine, StringComparison.Ordinal);
        Assert.Contains("empty stomach", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
    }
}
