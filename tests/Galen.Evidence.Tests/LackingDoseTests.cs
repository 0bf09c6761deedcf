using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// Asked a dose of a medicine the library holds no dose for, the bottom line says so, and what it goes on to say the
/// library does hold is about that medicine, not the dose of another one that happens to rank high for a dose question.
/// </summary>
public sealed class LackingDoseTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [Fact]
    public void A_dose_the_library_lacks_is_said_to_be_lacking_and_followed_by_what_it_holds_on_that_medicine()
    {
        var answer = fixture.Engine.Ask(new AskRequest(
            "Mounjaro jabs start next month for my weight. How many milligrams is the starting dose normally?", Audience.Patient, []));

        Assert.Contains("no source that gives a dose of tirzepatide", answer.BottomLine, StringComparison.Ordinal);
        const string Held = "What it does hold:";
        Assert.Contains(Held, answer.BottomLine, StringComparison.Ordinal);
        var held = answer.BottomLine[(answer.BottomLine.IndexOf(Held, StringComparison.Ordinal) + Held.Length)..];
        Assert.Contains("tirzepatide", held, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("metformin", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
    }
}
