using Galen.Core.Grading;
using Galen.Core.Sources;

namespace Galen.Core.Tests;

public sealed class ConclusionReaderTests
{
    [Fact]
    public void The_shipped_reader_reads_a_plainly_positive_conclusion_as_yes_and_a_plainly_negative_one_as_no()
    {
        const string question = "Does early mobilisation shorten hospital stay after hip fracture surgery?";
        var yes = Grade(question, "Early mobilisation significantly shortened hospital stay after hip fracture surgery and should be offered to all patients.");
        var no = Grade(question, "Early mobilisation did not shorten hospital stay after hip fracture surgery; no significant difference was found.");

        Assert.Equal(Stance.Supports, yes.Stance);
        Assert.True(yes.StanceScore >= 0.2, $"{yes.StanceScore}");
        Assert.Equal(Stance.Against, no.Stance);
        Assert.True(no.StanceScore <= -0.2, $"{no.StanceScore}");
    }

    [Fact]
    public void Conclusions_that_say_the_question_is_open_stay_inconclusive_whatever_the_reader_would_say()
    {
        var open = Grade("Does zinc shorten the common cold?", "Whether zinc shortens the common cold remains unclear, and larger randomized trials are needed.");
        Assert.Equal(Stance.Inconclusive, open.Stance);
    }

    [Fact]
    public void Fitting_learns_which_cues_point_which_way()
    {
        var analysisYes = "significantly improved outcomes and is recommended";
        var analysisNo = "did not improve outcomes; no significant difference";
        var examples = new List<(double[], int)>();
        for (var i = 0; i < 20; i++)
        {
            examples.Add((Features("Does X help?", analysisYes), 0));
            examples.Add((Features("Does X help?", analysisNo), 1));
        }
        var reader = ConclusionReader.Fit(examples);

        Assert.Equal(Stance.Supports, reader.Read(Features("Does Y help?", analysisYes)).Stance);
        Assert.Equal(Stance.Against, reader.Read(Features("Does Y help?", analysisNo)).Stance);
    }

    [Fact]
    public void A_weights_table_survives_writing_and_reading_back()
    {
        var table = ConclusionReader.Default.Format("test table");
        var again = ConclusionReader.Parse(table.Split('\n'), "test.txt");
        var x = Features("Is it safe?", "It was safe and well tolerated.");
        Assert.Equal(ConclusionReader.Default.Read(x).Yes, again.Read(x).Yes, 4);
    }

    [Theory]
    [InlineData("bias\t1\t2\t3\n", "no weights for")]
    [InlineData("bias\t1\ttwo\t3\n", "reader.txt:1")]
    public void A_malformed_weights_table_is_refused_with_the_file_and_line(string table, string message)
    {
        var error = Assert.Throws<FormatException>(() => ConclusionReader.Parse(table.Split('\n'), "reader.txt"));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_single_study_verdict_comes_from_the_most_relevant_study_alone()
    {
        var analysis = QuestionAnalyzer.Analyze("Does early mobilisation shorten hospital stay after hip fracture surgery?", []);
        var own = EvidenceGrader.Grade(Study("own", "Does early mobilisation shorten hospital stay after hip fracture surgery?", "Early mobilisation significantly shortened hospital stay after hip fracture surgery."), 10, 10, analysis);
        var other = EvidenceGrader.Grade(Study("other", "Hip fracture surgery and hospital stay in older adults", "Early mobilisation did not shorten hospital stay after hip fracture surgery in this registry."), 6, 10, analysis);
        Assert.True(own.Relevance > other.Relevance, $"{own.Relevance} {other.Relevance}");

        Assert.Equal(Verdict.Yes, VerdictEngine.Decide([own, other], analysis, VerdictOptions.SingleStudy).Value);
        Assert.NotEqual(Verdict.Yes, VerdictEngine.Decide([own, other], analysis, VerdictOptions.Default).Value);
    }

    private static double[] Features(string question, string conclusion)
    {
        var analysis = QuestionAnalyzer.Analyze(question, []);
        var graded = EvidenceGrader.Grade(Study("f", question, conclusion), 1, 1, analysis, reader: null);
        return ConclusionReader.Features(question, graded.Sentences, graded.Stance, graded.StanceScore);
    }

    private static GradedSource Grade(string question, string conclusion) =>
        EvidenceGrader.Grade(Study("g", question, conclusion), 1, 1, QuestionAnalyzer.Analyze(question, []));

    private static SourceRecord Study(string id, string title, string conclusion) => new()
    {
        Kind = SourceKind.Research,
        Ids = new ExternalIds { Url = "https://example.org/test/" + id },
        Title = title,
        Year = 2020,
        Sections =
        [
            new SourceSection { Label = "METHODS", Category = "METHODS", Text = "Adults were followed after surgery in a test cohort of 200 patients." },
            new SourceSection { Label = "CONCLUSIONS", Category = "CONCLUSIONS", Text = conclusion },
        ],
    };
}
