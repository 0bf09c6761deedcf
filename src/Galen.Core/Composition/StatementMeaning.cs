using System.Globalization;

namespace Galen.Core.Composition;

/// <summary>
/// How close in meaning each candidate statement of the bottom line is to the question, and how much that counts:
/// among statements the evidence rules find fit to lead, the one that says what was asked ("how much a day",
/// "for a child of four") is preferred to a neighbouring fact on the same topic. The weight is fitted on the
/// everyday questions (<c>galen eval everyday FILE --fit-bottom-line OUT</c>) and shipped as a table.
/// </summary>
/// <param name="Similarity">Cosine similarities of the question to each of some statements, in their order.</param>
/// <param name="Weight">How much a tenth of cosine counts, as a power of e multiplying a candidate's score.</param>
public sealed record StatementMeaning(Func<string, IReadOnlyList<string>, IReadOnlyList<double>> Similarity, double Weight)
{
    /// <summary>How many of the best candidates are compared by meaning: each costs an encoding at question time.</summary>
    public const int Candidates = 8;

    /// <summary>The weights tried by the fit, smallest first (0 leaves the choice to the rules alone).</summary>
    public static IReadOnlyList<double> Grid { get; } = [0, 0.5, 1, 2, 4, 8, 16];

    /// <summary>The weight shipped with Galen (Composition/bottom-line.txt).</summary>
    public static double DefaultWeight { get; } = ParseWeight(Vocabulary.ReadResource("bottom-line.txt"), "bottom-line.txt");

    /// <summary>
    /// Multiplies the score of each candidate by e^(weight x (its similarity - the best similarity) / 0.1). Only the
    /// best <see cref="Candidates"/> distinct texts are encoded; the rest count as far as the farthest of them.
    /// </summary>
    public List<(T Item, double Score)> Reweigh<T>(string question, List<(T Item, double Score)> candidates, Func<T, string> text)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(text);
        if (Weight <= 0 || candidates.Count < 2)
        {
            return candidates;
        }
        var best = candidates.OrderByDescending(c => c.Score).Select(c => text(c.Item)).Distinct(StringComparer.Ordinal).Take(Candidates).ToList();
        if (best.Count < 2)
        {
            return candidates;
        }
        var similarities = Similarity(question, best);
        if (similarities.Count != best.Count)
        {
            return candidates;
        }
        var bySentence = best.Select((t, i) => (t, s: similarities[i])).ToDictionary(p => p.t, p => p.s, StringComparer.Ordinal);
        var closest = similarities.Max();
        var farthest = similarities.Min();
        return [.. candidates.Select(c => (c.Item, c.Score * Math.Exp(Weight * ((bySentence.TryGetValue(text(c.Item), out var s) ? s : farthest) - closest) / 0.1)))];
    }

    /// <summary>
    /// The weight of the grid that passes most questions held out from the choice, k folds (question i in fold i mod
    /// k), and that figure: <paramref name="passes"/>[w][q] says whether question q passed with the grid's weight w.
    /// Only weights in <paramref name="allowed"/> are chosen (all when null): a weight that breaks other checks is out.
    /// </summary>
    public static (double CrossValidated, double Chosen) CrossValidate(IReadOnlyList<IReadOnlyList<bool>> passes, int folds, IReadOnlySet<int>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(passes);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var n = passes[0].Count;
        var weights = Enumerable.Range(0, passes.Count).Where(w => allowed is null || allowed.Contains(w)).ToList();
        int Passed(int w, Func<int, bool> which) => Enumerable.Range(0, n).Count(q => which(q) && passes[w][q]);
        // Ties go to the smaller weight: meaning counts only as far as it proves itself.
        int Choose(Func<int, bool> which) => weights.OrderByDescending(w => Passed(w, which)).ThenBy(w => w).First();
        var held = 0;
        for (var f = 0; f < folds; f++)
        {
            var w = Choose(q => q % folds != f);
            held += Passed(w, q => q % folds == f);
        }
        return (n == 0 ? 0 : (double)held / n, Grid[Choose(_ => true)]);
    }

    public static string Format(double weight, string header) =>
        string.Join('\n', (header ?? "").Split('\n').Select(l => "# " + l.TrimEnd())) + "\n" + FormattableString.Invariant($"meaning\t{weight:F2}") + "\n";

    public static double ParseWeight(IEnumerable<string> lines, string file)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var lineNo = 0;
        double? weight = null;
        foreach (var raw in lines)
        {
            lineNo++;
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }
            var parts = raw.Split('\t');
            if (parts.Length != 2 || parts[0] != "meaning" || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w < 0)
            {
                throw new FormatException($"{file}:{lineNo}: expected 'meaning<TAB>weight' with a weight of 0 or more");
            }
            weight = w;
        }
        return weight ?? throw new FormatException($"{file}: no weight for meaning");
    }
}
