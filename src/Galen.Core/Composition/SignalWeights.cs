using System.Globalization;

namespace Galen.Core.Composition;

/// <summary>
/// The text form of a fitted weights table: a comment header, then one "signal TAB weight" line per signal. Shared
/// by the rankings that ship one (<see cref="ConsumerOrdering"/>, <see cref="BottomLineRanking"/>).
/// </summary>
internal static class SignalWeights
{
    public static string Format(IReadOnlyList<string> names, IReadOnlyList<double> weights, string header)
    {
        var lines = new List<string>();
        lines.AddRange((header ?? "").Split('\n').Select(l => "# " + l.TrimEnd()));
        for (var j = 0; j < names.Count; j++)
        {
            lines.Add(FormattableString.Invariant($"{names[j]}\t{weights[j]:F3}"));
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The weights in the order of <paramref name="names"/>; a bad line, an unknown or a missing signal names the file (and line).</summary>
    public static double[] Parse(IEnumerable<string> lines, string file, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byName = new Dictionary<string, double>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }
            var parts = raw.Split('\t');
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new FormatException($"{file}:{lineNo}: expected 'signal<TAB>weight'");
            }
            if (!names.Contains(parts[0]))
            {
                throw new FormatException($"{file}:{lineNo}: unknown signal '{parts[0]}'");
            }
            byName[parts[0]] = weight;
        }
        var missing = names.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{file}: no weight for {string.Join(", ", missing)}");
        }
        return [.. names.Select(n => byName[n])];
    }
}
