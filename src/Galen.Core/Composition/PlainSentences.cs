using System.Text;
using System.Text.RegularExpressions;

namespace Galen.Core.Composition;

/// <summary>
/// Shorter sentences for the patient wording, from a source sentence already in plain words: independent clauses
/// joined by a semicolon, ", but", ", so", ", and" or ", because" become sentences of their own (never the items of a
/// list or a clause that depends on the one before), and a figure repeated in a second unit
/// ("0.75 mmol/L (about 1.8 milligrams per decilitre)") or a statistic in brackets ("(95% CI 3 to 6)") is left to the
/// clinician wording. Nothing else is dropped: a bracket that warns ("not", "avoid") or gives any other figure stays.
/// </summary>
public static partial class PlainSentences
{
    /// <summary>A bracket holding the figure before it in another unit, or a statistic.</summary>
    [GeneratedRegex(@"\s\((?:about |around |approximately |or |equal to )?[\d.,]+(?:\s?(?:to|-|–)\s?[\d.,]+)?\s?(?:mmol/mol|mmol/L|mg/dL|micromol/L|µmol/L|milligrams? per decilitre|milligrams? per deciliter|nanograms? per millilitre|grams? per litre|mg/g|mg/mmol|%|kg|lb|pounds?|°F|°C)\)|\s\((?:\d+% CI|95% confidence interval|p\s?[<=]|hazard ratio|odds ratio|relative risk|risk ratio|HR |OR |RR )[^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex SecondUnitOrStatistic();

    /// <summary>
    /// Where a clause may end and another begin: a semicolon, or a comma before "but", "so", "because" or "and" (the
    /// last two only between whole clauses, see <see cref="SplitClauses"/>).
    /// </summary>
    [GeneratedRegex(@";\s+|,\s+(?=(?:but|so|because|and)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    /// <summary>
    /// Words that make a run of words a clause rather than an item of a list: the auxiliaries and the verbs the
    /// library's sentences state their facts with.
    /// </summary>
    [GeneratedRegex(@"\b(?:is|are|was|were|be|been|can|could|may|might|must|should|will|would|has|have|had|does|do|did|need|needs|helps?|lowers?|raises?|causes?|reduces?|increases?|recommends?|suggests?|advises?|works?|gets?|lasts?|takes?|uses?|starts?|shows?|found|affects?|improves?|prevents?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClauseVerb();

    /// <summary>"but not", "but also", "so that", "so far": the word after the comma does not open a new clause.</summary>
    [GeneratedRegex(@"^(?:but\s+(?:not|also|only|rather|usually|often|less|more)\b|so\s+(?:that|far|much|many|long|as)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NotAClause();

    private const int MinimumClauseWords = 4;

    /// <summary>The sentence as shorter sentences, with repeated units and statistics in brackets left out.</summary>
    public static string Shorten(string sentence)
    {
        var text = SecondUnitOrStatistic().Replace(sentence, "");
        return SplitClauses(text);
    }

    /// <summary>Each clause of at least four words outside brackets becomes its own sentence.</summary>
    private static string SplitClauses(string text)
    {
        var result = new StringBuilder();
        var start = 0;
        foreach (Match m in ClauseBreak().Matches(text))
        {
            if (InsideBrackets(text, m.Index))
            {
                continue;
            }
            var left = text[start..m.Index];
            var right = text[(m.Index + m.Length)..];
            var rightClause = UpToNextBreak(right);
            if (Words(left) < MinimumClauseWords || Words(rightClause) < MinimumClauseWords || NotAClause().IsMatch(right))
            {
                continue;
            }
            var connective = right.Split(' ', 2)[0];
            var replacement = "";
            if (connective is "and" or "because")
            {
                // ", and" ends a clause only when a verb stands on both sides ("A can cause B, and C can build up"), not
                // in a list ("kidney disease, heart failure, and diabetes"); ", because" only between clauses long
                // enough that one sentence would be hard to follow.
                var clauses = ClauseVerb().IsMatch(left) && HasSubjectAndVerb(rightClause[connective.Length..]);
                var longEnough = connective == "and" || (Words(left) >= 8 && Words(rightClause) >= 6);
                if (!clauses || !longEnough)
                {
                    continue;
                }
                replacement = connective == "because" ? "This is because " : "";
            }
            result.Append(left.TrimEnd()).Append(". ");
            start = m.Index + m.Length;
            if (connective == "and")
            {
                start += "and ".Length;
            }
            if (replacement.Length > 0)
            {
                result.Append(replacement);
                start += "because ".Length;
                continue;
            }
            if (start < text.Length)
            {
                result.Append(char.ToUpperInvariant(text[start]));
                start++;
            }
        }
        result.Append(text[start..]);
        return result.ToString();
    }

    /// <summary>Words that open a subordinate or relative clause: a verb after them is not the clause's own.</summary>
    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "when", "if", "who", "that", "which", "whose", "where", "unless", "until", "while", "because", "although", "though",
        "even", "than",
    };

    /// <summary>Words that open a phrase: before any subject ("and in women who ..."), the words cannot stand alone.</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "after", "before", "as", "in", "on", "at", "for", "with", "without", "from", "by", "of", "to", "into", "during", "over", "under",
    };

    /// <summary>Words that say how or when, and so cannot be the subject a verb needs ("and often gets better").</summary>
    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "often", "also", "then", "still", "sometimes", "always", "never", "usually", "soon", "only", "not", "rarely", "mostly",
    };

    /// <summary>
    /// Whether words following ", and" make a clause of their own: a subject, then a verb, before any word that
    /// would make them depend on the sentence they came from ("and in women who are at risk" does not).
    /// </summary>
    private static bool HasSubjectAndVerb(string words)
    {
        var tokens = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var subject = false;
        foreach (var raw in tokens)
        {
            var token = raw.Trim(',', '(', ')', ':');
            if (Subordinators.Contains(token) || (!subject && Prepositions.Contains(token)))
            {
                return false;
            }
            if (ClauseVerb().IsMatch(token) && ClauseVerb().Match(token).Length == token.Length)
            {
                return subject;
            }
            subject |= !Adverbs.Contains(token) && !token.EndsWith("ly", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private static bool InsideBrackets(string text, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
        }
        return depth > 0;
    }

    private static string UpToNextBreak(string text)
    {
        var next = ClauseBreak().Match(text);
        return next.Success ? text[..next.Index] : text;
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
