using System.Globalization;
using Galen.Core.Sources;

namespace Galen.Core.Grading;

/// <summary>What a study's conclusions answer to a yes/no question, as probabilities.</summary>
public readonly record struct ConclusionReading(double Yes, double No, double Uncertain)
{
    public Stance Stance => Yes >= No && Yes >= Uncertain ? Stance.Supports : No >= Uncertain ? Stance.Against : Stance.Inconclusive;
}

/// <summary>
/// Reads the answer a research abstract's conclusions give to a yes/no question by weighing many small cues at
/// once: the sentence-level stances the rules find, how hedged and mixed the conclusions are, and telling words
/// in the conclusions and the question ("only", "some", "really", "always"). A multinomial logistic model whose
/// weights are fitted on labelled abstracts (<c>galen eval pubmedqa FILE --fit-reader OUT</c>) and shipped as a
/// plain table of numbers, one line per cue. The rules still decide when the authors say outright that the
/// question is open; this reader only settles what the rules read as a finding.
/// </summary>
public sealed class ConclusionReader
{
    public static readonly string[] Labels = ["yes", "no", "uncertain"];

    private static readonly string[] ConclusionWords =
    [
        "may", "might", "could", "suggest", "possibl", "some", "selected", "subgroup", "only", "not necessarily", "however",
        "although", "further", "needed", "unclear", "partial", "partly", "modest", "limited", "trend", "no significant", "not ",
        "no ", "did not", "should", "recommend", "useful", "effective", "associated", "significant", "but", "whereas", "depend",
        "vari", "cannot", "controvers", "both", "inconsisten", "small", "larger", "prospective", "role", "appear", "seem",
        "likely", "warrant", "confirm", "weak", "poor", "low", "minor", "benefit", "improv", "increas", "reduc", "differ",
        "similar", "comparable", "not all", "in some", "certain", "particular", "if ", "when ", "unless", "need to", "remain",
        "doubt", "question", "debat", "should be considered", "caution",
    ];

    private static readonly string[] QuestionWords =
    [
        "really", "always", "necessary", "worth", "still", "should", "is there", "does", "do ", "can ", "a cause", "same",
        "predict", "better", "than", " or ", " and ", ",", "safe", "effective", "improve", "associated", "useful", "role",
        "reliable", "accurate", "justified", "risk", "differ",
    ];

    private static readonly string[] StanceFeatures =
    [
        "bias", "source-score", "first-conclusion", "mean-conclusion", "min-conclusion", "max-conclusion", "any-hedged",
        "hedged-share", "mixed", "conclusion-count", "rule-inconclusive", "rule-against", "rule-supports", "silent-share",
    ];

    /// <summary>Names of the model's inputs, in order (the rows of the weights table).</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        [.. StanceFeatures, .. ConclusionWords.Select(w => "conclusion:" + w), .. QuestionWords.Select(w => "question:" + w)];

    private readonly double[][] _weights;

    public ConclusionReader(double[][] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != Labels.Length || weights.Any(w => w.Length != FeatureNames.Count))
        {
            throw new ArgumentException($"expected {Labels.Length} x {FeatureNames.Count} weights", nameof(weights));
        }
        _weights = weights;
    }

    /// <summary>The reader shipped with Galen (Grading/conclusion-reader.txt).</summary>
    public static ConclusionReader Default { get; } = Parse(Vocabulary.ReadResource("conclusion-reader.txt"), "conclusion-reader.txt");

    /// <summary>Whether the reader applies: a research source with conclusions the rules read as a finding.</summary>
    public static bool Applies(SourceRecord source, IReadOnlyList<GradedSentence> sentences, Stance ruleStance) =>
        source.Kind == SourceKind.Research && ruleStance != Stance.Inconclusive && sentences.Any(s => s.IsConclusion);

    /// <summary>The model's inputs for one source graded by the rules against one question.</summary>
    public static double[] Features(string question, IReadOnlyList<GradedSentence> sentences, Stance ruleStance, double ruleScore)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var conclusions = sentences.Where(s => s.IsConclusion).ToList();
        var scores = conclusions.Count > 0 ? conclusions.Select(s => s.StanceScore).ToList() : [0.0];
        var text = string.Join(" ", conclusions.Select(s => s.Text)).ToLowerInvariant();
        var q = (question ?? "").ToLowerInvariant();
        var f = new List<double>(FeatureNames.Count)
        {
            1.0,
            ruleScore,
            scores[0],
            scores.Average(),
            scores.Min(),
            scores.Max(),
            conclusions.Any(s => s.Hedged) ? 1 : 0,
            conclusions.Count > 0 ? conclusions.Count(s => s.Hedged) / (double)conclusions.Count : 0,
            scores.Any(x => x > 0.2) && scores.Any(x => x < -0.2) ? 1 : 0,
            Math.Min(conclusions.Count, 5) / 5.0,
            ruleStance == Stance.Inconclusive ? 1 : 0,
            ruleStance == Stance.Against ? 1 : 0,
            ruleStance == Stance.Supports ? 1 : 0,
            scores.Count(x => x == 0) / (double)scores.Count,
        };
        f.AddRange(ConclusionWords.Select(w => text.Contains(w, StringComparison.Ordinal) ? 1.0 : 0.0));
        f.AddRange(QuestionWords.Select(w => q.Contains(w, StringComparison.Ordinal) ? 1.0 : 0.0));
        return [.. f];
    }

    public ConclusionReading Read(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var p = Probabilities(_weights, features);
        return new ConclusionReading(p[0], p[1], p[2]);
    }

    /// <summary>
    /// Fits the weights by batch gradient descent on the softmax loss with an L2 penalty (deterministic: the same
    /// examples give the same table).
    /// </summary>
    public static ConclusionReader Fit(IReadOnlyList<(double[] Features, int Label)> examples, double l2 = 0.03, int epochs = 300, double rate = 0.5)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var d = FeatureNames.Count;
        var w = Enumerable.Range(0, Labels.Length).Select(_ => new double[d]).ToArray();
        if (examples.Count == 0)
        {
            return new ConclusionReader(w);
        }
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var g = Enumerable.Range(0, Labels.Length).Select(_ => new double[d]).ToArray();
            foreach (var (x, y) in examples)
            {
                var p = Probabilities(w, x);
                for (var k = 0; k < Labels.Length; k++)
                {
                    var e = p[k] - (y == k ? 1 : 0);
                    for (var j = 0; j < d; j++)
                    {
                        g[k][j] += e * x[j];
                    }
                }
            }
            for (var k = 0; k < Labels.Length; k++)
            {
                for (var j = 0; j < d; j++)
                {
                    w[k][j] -= rate * ((g[k][j] / examples.Count) + (l2 * w[k][j]));
                }
            }
        }
        return new ConclusionReader(w);
    }

    /// <summary>The weights table: a comment header, then "cue yes no uncertain" per line.</summary>
    public string Format(string header)
    {
        var lines = new List<string>();
        lines.AddRange((header ?? "").Split('\n').Select(l => "# " + l.TrimEnd()));
        for (var j = 0; j < FeatureNames.Count; j++)
        {
            lines.Add(FormattableString.Invariant($"{FeatureNames[j]}\t{_weights[0][j]:F5}\t{_weights[1][j]:F5}\t{_weights[2][j]:F5}"));
        }
        return string.Join('\n', lines) + "\n";
    }

    public static ConclusionReader Parse(IEnumerable<string> lines, string file)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byName = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }
            var parts = raw.Split('\t');
            if (parts.Length != 4 || !parts.Skip(1).All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                throw new FormatException($"{file}:{lineNo}: expected 'cue<TAB>yes<TAB>no<TAB>uncertain' with numbers");
            }
            byName[parts[0]] = [.. parts.Skip(1).Select(p => double.Parse(p, CultureInfo.InvariantCulture))];
        }
        var missing = FeatureNames.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{file}: no weights for {string.Join(", ", missing.Take(5))}");
        }
        var w = Enumerable.Range(0, Labels.Length).Select(k => FeatureNames.Select(n => byName[n][k]).ToArray()).ToArray();
        return new ConclusionReader(w);
    }

    private static double[] Probabilities(double[][] w, double[] x)
    {
        var z = new double[w.Length];
        for (var k = 0; k < w.Length; k++)
        {
            double sum = 0;
            for (var j = 0; j < x.Length; j++)
            {
                sum += w[k][j] * x[j];
            }
            z[k] = sum;
        }
        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        var total = e.Sum();
        return [.. e.Select(v => v / total)];
    }
}
