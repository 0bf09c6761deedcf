using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Composition;

namespace Galen.Evidence.Tests;

/// <summary>
/// A sentence that says what was asked in other words than the question's (none of its terms named) can still lead
/// the article: the few sentences of the sources found that are closest to the question in meaning join the candidates.
/// </summary>
public sealed class BottomLineByMeaningTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    private const string GelOrPills = "Sore arthritic knee: should I rub on a gel or swallow pills?";

    [Fact]
    public void A_sentence_naming_none_of_the_questions_terms_joins_the_candidates_when_it_is_closest_in_meaning()
    {
        var (answer, explanation) = fixture.Engine.ExplainBottomLine(new AskRequest(GelOrPills, Audience.Patient, []));

        Assert.False(answer.Abstained, answer.BottomLine);
        var gel = Assert.Single(explanation.Candidates, c => c.Text.Contains("gels", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, gel.Features[BottomLineRanking.MeaningOnlyFeature]);
        // Its closeness is the stored cosine, higher than that of any sentence that names the question's terms.
        Assert.True(explanation.Candidates.Where(c => c.Features[BottomLineRanking.MeaningOnlyFeature] == 0)
            .All(c => c.Features[BottomLineRanking.MeaningFeature] < gel.Features[BottomLineRanking.MeaningFeature]));
    }

    [Fact]
    public void The_asking_sentence_alone_is_compared_in_meaning_apart_from_the_story_around_it()
    {
        var (_, explanation) = fixture.Engine.ExplainBottomLine(new AskRequest(
            "I am 70 and last month my doctor put me on alendronate because my bones are thin. Which sort of exercise is good for me?", Audience.Patient, []));

        BottomLineCandidate Candidate(string words) => Assert.Single(explanation.Candidates, c => c.Text.Contains(words, StringComparison.OrdinalIgnoreCase));
        var exercise = Candidate("weight-bearing exercise");
        var howToTake = Candidate("full glass of plain water");
        // The whole message is about alendronate as much as exercise; the asking sentence only about exercise.
        Assert.True(exercise.Features[BottomLineRanking.MeaningAskedFeature] > howToTake.Features[BottomLineRanking.MeaningAskedFeature]);
        Assert.True(exercise.Features[BottomLineRanking.MeaningAskedFeature] - howToTake.Features[BottomLineRanking.MeaningAskedFeature]
            > exercise.Features[BottomLineRanking.MeaningFeature] - howToTake.Features[BottomLineRanking.MeaningFeature]);
        Assert.Equal(exercise.Features[BottomLineRanking.MeaningAskedFeature], exercise.Features[BottomLineRanking.SignalCount + BottomLineRanking.MeaningAskedFeature]);
    }

    [Fact]
    public void Without_stored_sentence_vectors_that_sentence_is_not_a_candidate()
    {
        // The same library searched by words alone: the sentence above is a candidate only by its meaning.
        var (_, explanation) = new AnswerEngine(fixture.Library.WordSearch).ExplainBottomLine(new AskRequest(GelOrPills, Audience.Patient, []));

        Assert.DoesNotContain(explanation.Candidates, c => c.Text.Contains("gels", StringComparison.OrdinalIgnoreCase));
    }
}
