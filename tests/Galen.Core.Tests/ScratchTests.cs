using System.Diagnostics;
using Galen.Core.Search;

namespace Galen.Core.Tests;

public sealed class ScratchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Timing()
    {
        var items = PubMedQaTests.Load(PubMedQaTests.FindDataFile("pqal_dev.json")!);
        var hits = items.Take(25).Select((it, i) => new SearchHit(it.Source, 20 - (i * 0.5))).ToList();
        var questions = items.Skip(100).Take(200).Select(i => i.Question).ToList();
        foreach (var q in questions.Take(20))
        {
            AnswerEngine.AnswerFrom(new AskRequest(q, Answers.Audience.Clinician, []), hits);
        }
        var times = new List<double>();
        foreach (var q in questions)
        {
            var sw = Stopwatch.StartNew();
            AnswerEngine.AnswerFrom(new AskRequest(q, Answers.Audience.Patient, []), hits);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        output.WriteLine($"patient p50 {times[times.Count / 2]:F2} ms p95 {times[(int)(times.Count * 0.95)]:F2} ms max {times[^1]:F2}");
        double ta = 0, tg = 0, tc = 0;
        foreach (var q in questions)
        {
            var sw = Stopwatch.StartNew();
            var a = QuestionAnalyzer.Analyze(q, []);
            ta += sw.Elapsed.TotalMilliseconds; sw.Restart();
            var g = hits.Select(h => Grading.EvidenceGrader.Grade(h.Source, h.Score, 20, a)).ToList();
            tg += sw.Elapsed.TotalMilliseconds; sw.Restart();
            var v = a.IsYesNo ? Grading.VerdictEngine.Decide(g, a) : null;
            Composition.AnswerComposer.Compose(new AskRequest(q, Answers.Audience.Patient, []), a, g, v);
            tc += sw.Elapsed.TotalMilliseconds;
        }
        output.WriteLine($"clinician per question: analysis {ta / questions.Count:F2} ms, grading {tg / questions.Count:F2} ms, compose {tc / questions.Count:F2} ms");
    }
}
