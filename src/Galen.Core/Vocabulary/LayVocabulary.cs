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
    /// <summary>Words whose plain wording must follow a noun: what to write when one comes before a noun instead.</summary>
    private static readonly Dictionary<string, string> BeforeNoun = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Routes in plain words ("into a vein"), said after the one-word medicine they modify.</summary>
    private static readonly Dictionary<string, string> Routes = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Regex? RoutePattern;

    private static readonly Regex RomanFour = new(@"(?<=\b(?:[Ss]tage|[Gg]rade|[Cc]lass|[Tt]ype|[Pp]hase|Rome|DSM|NYHA)[\s-]?)IV\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private const string RomanFourMark = "\u2163"; // the Roman numeral character, which no rule matches
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
            if (line.StartsWith("route:", StringComparison.Ordinal))
            {
                var routeArrow = line.IndexOf("=>", StringComparison.Ordinal);
                if (routeArrow > 6)
                {
                    Routes[line[6..routeArrow].Trim()] = line[(routeArrow + 2)..].Trim();
                }
                continue;
            }
            var isPost = line.StartsWith("post:", StringComparison.Ordinal);
            if (isPost)
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
            if (isPost)
            {
                // "post: intravenous => given into a vein | intravenous (into a vein)": the second form is used before a noun.
                var bar = plain.IndexOf('|', StringComparison.Ordinal);
                BeforeNoun[term] = bar < 0 ? term : plain[(bar + 1)..].Trim();
                plain = bar < 0 ? plain : plain[..bar].Trim();
            }
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
        if (Routes.Count > 0)
        {
            // "oral or intravenous iron when" -> "iron by mouth or into a vein when": only a one-word noun phrase moves,
            // so "intravenous iron sucrose" is left to the word-by-word rules.
            var routes = string.Join("|", Routes.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
            RoutePattern = new Regex(@"(?<![\w-])(?:(?<a>oral|" + routes + @")\s+(?<conj>or|and)\s+)?(?<b>" + routes + @")\s+(?!(?:now|then|once|twice|daily|weekly|slowly|immediately|again|only|every|each|also|instead|first|later|today|alone|or|and|is|are|was|were)\b)(?<noun>[a-z][a-z-]+)(?=\s*[.,;:)]|\s+(?:when|if|for|to|in|at|or|and|is|are|should|can|may|until|over|every|each|once|twice|with|without|as)\b|$)",
                RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
        GlossPattern = Build(glosses, RegexOptions.IgnoreCase, @"(?<![\w-])", @"(?![\w-])(?!\s*\()");
        WordsPattern = Build(words, RegexOptions.IgnoreCase, @"(?<art>\b[Aa]n?\s+)?(?<![\w-])", @"(?![\w-])");
        ExactPattern = Build(exact, RegexOptions.None, @"(?<![\w-])", @"(?![\w-])");
        UnitPattern = Build(units, RegexOptions.None, @"(?<=\d\s?)", @"(?![\w/])");
    }

    /// <summary>All entries (technical term, plain wording) in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All => Entries;

    /// <summary>Plain wordings that read only after a noun ("given into a vein"): before a noun they would leave it dangling.</summary>
    public static IReadOnlyCollection<string> AfterNounWordings =>
        Entries.Where(e => BeforeNoun.ContainsKey(e.Key)).Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();

    // Words after which a term is not in front of a noun: it ends its phrase ("given intravenous or oral").
    private static readonly HashSet<string> PhraseEnders = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "into", "for", "with", "without", "by", "at", "on", "from",
        "than", "as", "if", "when", "unless", "because", "until", "while", "over", "after", "before", "during", "per", "each",
        "every", "is", "are", "was", "were", "be", "been", "being", "can", "may", "should", "must", "will", "it", "they", "this",
        "that", "which", "who", "where", "then", "only", "also", "not", "so", "such", "up", "about", "once", "twice",
        "one", "two", "three", "four", "times", "daily", "now", "again", "immediately", "slowly",
    };

    /// <summary>Whether the word after position <paramref name="end"/> of <paramref name="text"/> is one a modifier would stand before.</summary>
    private static bool NounFollows(string text, int end)
    {
        var i = end;
        if (i >= text.Length || text[i] != ' ')
        {
            return false;
        }
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        var start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-'))
        {
            i++;
        }
        if (i == start)
        {
            return false;
        }
        var word = text[start..i];
        if (PhraseEnders.Contains(word))
        {
            return false;
        }
        // "intravenous or oral iron": the noun comes after the coordinated modifier.
        return true;
    }

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
        ArgumentNullException.ThrowIfNull(text);
        // After a stage, grade, class or a named set of criteria, "IV" is a number ("the Rome IV criteria", "stage IV"),
        // not a route: it is set aside while the rules run.
        var result = RomanFour.Replace(text, RomanFourMark);
        if (RoutePattern is not null)
        {
            result = RoutePattern.Replace(result, m =>
            {
                var b = RouteWords(m.Groups["b"].Value);
                var phrase = m.Groups["a"].Success ? RouteWords(m.Groups["a"].Value) + " " + m.Groups["conj"].Value + " " + b : b;
                return m.Groups["noun"].Value + " " + phrase;
            });
        }
        // A term kept and explained ("subclinical hypothyroidism") is kept whole: the word rules must not rewrite a part
        // of it ("subclinical an underactive thyroid"). Each stands aside as a mark while they run.
        var kept = new List<string>();
        if (GlossPattern is not null)
        {
            result = GlossPattern.Replace(result, m =>
            {
                var key = m.Value.ToLowerInvariant();
                var explained = glossed is not null && !glossed.Add(key) ? "" : " (" + Glosses[m.Value] + ")";
                kept.Add(m.Value);
                return KeptMark(kept.Count - 1) + explained;
            });
        }
        if (WordsPattern is not null)
        {
            var input = result;
            result = WordsPattern.Replace(input, m =>
            {
                var art = m.Groups["art"];
                var term = art.Success ? m.Value[art.Length..] : m.Value;
                var plain = Keep(term, BeforeNoun.TryGetValue(term, out var beforeNoun) && NounFollows(input, m.Index + m.Length)
                    ? (string.Equals(beforeNoun, term, StringComparison.OrdinalIgnoreCase) ? term : beforeNoun)
                    : Plain[term]);
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
            var input = result;
            result = ExactPattern.Replace(input, m => BeforeNoun.TryGetValue(m.Value, out var beforeNoun) && NounFollows(input, m.Index + m.Length)
                ? beforeNoun
                : PlainExact[m.Value]);
        }
        result = SpellUnits(result);
        for (var i = 0; i < kept.Count; i++)
        {
            result = result.Replace(KeptMark(i), kept[i], StringComparison.Ordinal);
        }
        return result.Replace(RomanFourMark, "IV", StringComparison.Ordinal);
    }

    // Private-use characters: no rule's pattern matches them, and no source text holds them.
    private static string KeptMark(int index) => "\uE000" + (char)(0xE100 + index) + "\uE001";

    /// <summary>Only the units after a number spelled out ("81 mg" -> "81 milligrams"), as the patient wording writes them.</summary>
    public static string SpellUnits(string text) =>
        UnitPattern is null || string.IsNullOrEmpty(text) ? text : UnitPattern.Replace(text, m => PlainUnits[m.Value]);

    private static string RouteWords(string term) =>
        Routes.TryGetValue(term, out var plain) ? plain : string.Equals(term, "oral", StringComparison.OrdinalIgnoreCase) ? "by mouth" : term;

    private static string Keep(string original, string plain)
    {
        if (original.Length > 0 && char.IsUpper(original[0]) && plain.Length > 0 && char.IsLower(plain[0]))
        {
            return char.ToUpperInvariant(plain[0]) + plain[1..];
        }
        return plain;
    }
}
