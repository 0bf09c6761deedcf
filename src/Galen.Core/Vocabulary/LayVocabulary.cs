using System.Text.RegularExpressions;

namespace Galen.Core;

/// <summary>
/// Plain-word replacements for patient answers ("hypomagnesemia" -> "low magnesium in the blood"), read from the
/// embedded <c>lay.txt</c>.
/// </summary>
public static class LayVocabulary
{
    private static readonly Dictionary<string, string> Plain = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, string> PlainExact = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> PlainUnits = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> Glosses = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Regex? GlossPattern;
    private static readonly Regex? WordsPattern;
    private static readonly Regex? ExactPattern;
    private static readonly Regex? UnitPattern;
    private static readonly List<KeyValuePair<string, string>> Entries = [];

    static LayVocabulary()
    {
        var words = new List<string>();
        var exact = new List<string>();
        var units = new List<string>();
        var glosses = new List<string>();
        foreach (var raw in Vocabulary.ReadResource("lay.txt"))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var isUnit = line.StartsWith("unit:", StringComparison.Ordinal);
            if (isUnit)
            {
                line = line[5..].Trim();
            }
            var isGloss = line.StartsWith("gloss:", StringComparison.Ordinal);
            if (isGloss)
            {
                line = line[6..].Trim();
            }
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow <= 0)
            {
                continue;
            }
            var term = line[..arrow].Trim();
            var plain = line[(arrow + 2)..].Trim();
            Entries.Add(new(term, plain));
            if (isGloss)
            {
                Glosses[term] = plain;
                glosses.Add(term);
            }
            else if (isUnit)
            {
                PlainUnits[term] = plain;
                units.Add(term);
            }
            else if (Vocabulary.IsCaseSensitive(term) || (term.Length <= 3 && term.All(char.IsUpper)))
            {
                PlainExact[term] = plain;
                exact.Add(term);
            }
            else
            {
                Plain[term] = plain;
                words.Add(term);
            }
        }
        GlossPattern = Build(glosses, RegexOptions.IgnoreCase, @"(?<![\w-])", @"(?![\w-])(?!\s*\()");
        WordsPattern = Build(words, RegexOptions.IgnoreCase, @"(?<art>\b[Aa]n?\s+)?(?<![\w-])", @"(?![\w-])");
        ExactPattern = Build(exact, RegexOptions.None, @"(?<![\w-])", @"(?![\w-])");
        UnitPattern = Build(units, RegexOptions.None, @"(?<=\d\s?)", @"(?![\w/])");
    }

    /// <summary>All entries (technical term, plain wording) in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All => Entries;

    private static Regex? Build(List<string> terms, RegexOptions options, string before, string after)
    {
        if (terms.Count == 0)
        {
            return null;
        }
        var ordered = terms.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Select(Regex.Escape);
        return new Regex(before + "(?:" + string.Join("|", ordered) + ")" + after, options | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>
    /// Rewrites technical words of a sentence in plain words. Terms that are explained rather than replaced get
    /// their explanation once per <paramref name="glossed"/> set (one set per answer).
    /// </summary>
    public static string Simplify(string text, ISet<string>? glossed = null)
    {
        var result = text;
        if (GlossPattern is not null)
        {
            result = GlossPattern.Replace(result, m =>
            {
                var key = m.Value.ToLowerInvariant();
                if (glossed is not null && !glossed.Add(key))
                {
                    return m.Value;
                }
                return m.Value + " (" + Glosses[m.Value] + ")";
            });
        }
        if (WordsPattern is not null)
        {
            result = WordsPattern.Replace(result, m =>
            {
                var art = m.Groups["art"];
                var term = art.Success ? m.Value[art.Length..] : m.Value;
                var plain = Keep(term, Plain[term]);
                if (!art.Success)
                {
                    return plain;
                }
                var a = art.Value.TrimEnd();
                var vowel = plain.Length > 0 && "aeiouAEIOU".Contains(plain[0]);
                var chosen = vowel ? "an" : "a";
                if (char.IsUpper(a[0]))
                {
                    chosen = char.ToUpperInvariant(chosen[0]) + chosen[1..];
                }
                return chosen + " " + plain;
            });
        }
        if (ExactPattern is not null)
        {
            result = ExactPattern.Replace(result, m => PlainExact[m.Value]);
        }
        if (UnitPattern is not null)
        {
            result = UnitPattern.Replace(result, m => PlainUnits[m.Value]);
        }
        return result;
    }

    private static string Keep(string original, string plain)
    {
        if (original.Length > 0 && char.IsUpper(original[0]) && plain.Length > 0 && char.IsLower(plain[0]))
        {
            return char.ToUpperInvariant(plain[0]) + plain[1..];
        }
        return plain;
    }
}
