using System.Globalization;
using System.Text;
using System.Text.Json;
using Galen.Core.Grading;
using Galen.Core.Sources;
using Xunit.Abstractions;

namespace Galen.Core.Tests;

/// <summary>
/// Verdict accuracy on the PubMedQA labelled dev set: each item's abstract (with its conclusions) is the only
/// evidence, and the engine's yes / no / uncertain is compared with the expert label (maybe = uncertain).
/// </summary>
public sealed class PubMedQaTests(ITestOutputHelper output)
{
    internal sealed record Item(string Id, string Question, string Expected, SourceRecord Source);

    internal static string? FindDataFile(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "pubmedqa", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            dir = dir.Parent;
        }
        return null;
    }

    internal static List<Item> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var items = new List<Item>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var v = p.Value;
            var question = v.GetProperty("QUESTION").GetString() ?? "";
            var contexts = v.GetProperty("CONTEXTS").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            var labels = v.TryGetProperty("LABELS", out var l) ? l.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
            var sections = new List<SourceSection>();
            for (var i = 0; i < contexts.Count; i++)
            {
                var label = i < labels.Count ? labels[i] : "ABSTRACT";
                sections.Add(new SourceSection { Label = label, Text = contexts[i], Category = label });
            }
            if (v.TryGetProperty("LONG_ANSWER", out var la) && la.GetString() is { Length: > 0 } conclusion)
            {
                sections.Add(new SourceSection { Label = "CONCLUSIONS", Text = conclusion, Category = "CONCLUSIONS" });
            }
            var meshes = v.TryGetProperty("MESHES", out var m) ? m.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
            int? year = v.TryGetProperty("YEAR", out var y) && int.TryParse(y.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var yy) ? yy : null;
            var source = new SourceRecord
            {
                Kind = SourceKind.Research,
                Ids = new ExternalIds { Pmid = p.Name },
                Title = question,
                Sections = sections,
                MeshTerms = meshes,
                Year = year,
            };
            var expected = v.GetProperty("final_decision").GetString() switch
            {
                "yes" => Verdict.Yes,
                "no" => Verdict.No,
                _ => Verdict.Uncertain,
            };
            items.Add(new Item(p.Name, question, expected, source));
        }
        return items;
    }

    internal static string Predict(Item item, VerdictOptions options)
    {
        var analysis = QuestionAnalyzer.Analyze(item.Question, []);
        var graded = EvidenceGrader.Grade(item.Source, 10, 10, analysis);
        return VerdictEngine.Decide([graded], analysis, options).Value;
    }

    [Fact]
    public void Verdicts_on_the_PubMedQA_dev_set_reach_the_accuracy_and_macro_F1_targets()
    {
        var path = FindDataFile("pqal_dev.json");
        Assert.True(path is not null, "pqal_dev.json not found above the test folder (expected shared/data/pubmedqa).");
        var items = Load(path!);
        string[] labels = [Verdict.Yes, Verdict.No, Verdict.Uncertain];
        var matrix = new int[3, 3];
        var errors = new StringBuilder();
        foreach (var item in items)
        {
            var predicted = Predict(item, VerdictOptions.SingleStudy);
            matrix[Array.IndexOf(labels, item.Expected), Array.IndexOf(labels, predicted)]++;
            if (predicted != item.Expected)
            {
                errors.AppendLine(CultureInfo.InvariantCulture, $"{item.Id}\texpected={item.Expected}\tpredicted={predicted}\t{item.Question}");
            }
        }
        var correct = 0;
        for (var i = 0; i < 3; i++)
        {
            correct += matrix[i, i];
        }
        var accuracy = (double)correct / items.Count;
        var f1s = new double[3];
        for (var i = 0; i < 3; i++)
        {
            double tp = matrix[i, i];
            double predictedCount = 0, actualCount = 0;
            for (var j = 0; j < 3; j++)
            {
                predictedCount += matrix[j, i];
                actualCount += matrix[i, j];
            }
            var precision = predictedCount > 0 ? tp / predictedCount : 0;
            var recall = actualCount > 0 ? tp / actualCount : 0;
            f1s[i] = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        }
        var macroF1 = f1s.Average();

        var withThinRule = items.Count(i => Predict(i, VerdictOptions.Default) == i.Expected) / (double)items.Count;
        output.WriteLine($"PubMedQA dev: {items.Count} items, accuracy {accuracy:F3}, macro-F1 {macroF1:F3} (single-study verdict; with the answer engine's thin-evidence rule on, accuracy {withThinRule:F3})");
        output.WriteLine($"F1 yes {f1s[0]:F3}, no {f1s[1]:F3}, uncertain {f1s[2]:F3}");
        output.WriteLine("expected \\ predicted   yes    no  uncertain");
        for (var i = 0; i < 3; i++)
        {
            output.WriteLine($"{labels[i],-20} {matrix[i, 0],5} {matrix[i, 1],5} {matrix[i, 2],10}");
        }
        var details = Environment.GetEnvironmentVariable("GALEN_PUBMEDQA_DETAILS");
        if (!string.IsNullOrEmpty(details))
        {
            using var w = new StreamWriter(details);
            foreach (var item in items)
            {
                var analysis = QuestionAnalyzer.Analyze(item.Question, []);
                var graded = EvidenceGrader.Grade(item.Source, 10, 10, analysis);
                var verdict = VerdictEngine.Decide([graded], analysis, VerdictOptions.SingleStudy);
                w.WriteLine(JsonSerializer.Serialize(new
                {
                    id = item.Id, expected = item.Expected, predicted = verdict.Value, focus = analysis.Focus.ToString(), yesno = analysis.IsYesNo,
                    level = graded.Level.ToString(), n = graded.SampleSize, weight = graded.Weight, stance = graded.Stance.ToString(), score = graded.StanceScore,
                    i = analysis.MainIntervention?.Name, c = analysis.MainCondition?.Name, bi = graded.BearsOnIntervention, bc = graded.BearsOnCondition,
                    q = item.Question,
                    sents = graded.Sentences.Where(x => x.IsConclusion || x.StanceScore != 0).Select(x => new { x.SectionLabel, x.IsConclusion, x.StanceScore, x.Hedged, open = x.Stance == Stance.Inconclusive, x.Relevance, x.Text }),
                }));
            }
        }
        var dump = Environment.GetEnvironmentVariable("GALEN_PUBMEDQA_ERRORS");
        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllText(dump, $"accuracy {accuracy:F3} macroF1 {macroF1:F3}\n" + errors);
        }

        Assert.True(accuracy >= MinimumAccuracy, $"accuracy {accuracy:F3} < {MinimumAccuracy}");
        Assert.True(macroF1 >= MinimumMacroF1, $"macro-F1 {macroF1:F3} < {MinimumMacroF1}");
    }

    // Reached on the dev set: accuracy 0.778, macro-F1 0.60 (the "maybe" class is the hard one, F1 ~0.2). The
    // conclusion reader's weights were fitted on this file, so its 5-fold cross-validated figure (0.774 / 0.603,
    // EVALUATION.md) is the honest one; this test guards against regressions. The thresholds leave a small margin
    // so that a general rule that helps elsewhere is not blocked by one item.
    private const double MinimumAccuracy = 0.76;
    private const double MinimumMacroF1 = 0.58;
}
