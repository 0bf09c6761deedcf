namespace Galen.Core.Tests;

public sealed class ScratchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        var q = QuestionAnalyzer.Analyze("What dose of benztropine is used for acute dystonia?", []);
        output.WriteLine($"{q.Kind} I={q.MainIntervention?.Name} C={q.MainCondition?.Name}");
        var g = Grading.EvidenceGrader.Grade(TestLibrary.DystoniaGuideline, 10, 10, q);
        foreach (var s in g.Sentences)
        {
            output.WriteLine($"{s.SectionCategory} rel={s.Relevance} mi={s.MentionsIntervention} facts={s.Facts.Count} grade={Composition.Readability.FleschKincaidGrade(LayVocabulary.Simplify(s.Text))} :: {s.Text}");
        }
    }
}
