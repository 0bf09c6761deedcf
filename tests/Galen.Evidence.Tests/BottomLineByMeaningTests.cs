using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// A sentence that says what was asked in other words than the question's (none of its terms named) can still lead
/// the article: the few sentences of the sources found that are closest to the question in meaning join the candidates.
/// </summary>
public sealed class BottomLineByMeaningTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    private const string GelOrPills = "Sore arthritic knee: should I rub on a gel or swallow pills?";

    [Fact]
    public void A_sentence_naming_none_of_the_questions_terms_leads_when_it_is_closest_in_meaning()
    {
        var answer = fixture.Engine.Ask(new AskRequest(GelOrPills, Audience.Patient, []));

        Assert.False(answer.Abstained, answer.BottomLine);
        Assert.Contains("gel", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_stored_sentence_vectors_that_sentence_is_not_a_candidate()
    {
        // The same library searched by words alone: the sentence above reaches the bottom line only by its meaning.
        var answer = new AnswerEngine(fixture.Library.WordSearch).Ask(new AskRequest(GelOrPills, Audience.Patient, []));

        Assert.DoesNotContain("gel", answer.BottomLine, StringComparison.OrdinalIgnoreCase);
    }
}
