using System.Text;
using System.Text.RegularExpressions;

namespace Galen.Core.Composition;

/// <summary>
/// Shorter sentences for the patient wording, from a source sentence already in plain words: independent clauses
/// joined by a semicolon, ", but" or ", so" become sentences of their own, and a figure repeated in a second unit
/// ("0.75 mmol/L (about 1.8 milligrams per decilitre)") or a statistic in brackets ("(95% CI 3 to 6)") is left to the
/// clinician wording. Nothing else is dropped: a bracket that warns ("not", "avoid") or gives any other figure stays.
/// </summary>
public static partial class PlainSentences
{
    /// <summary>A bracket holding the figure before it in another unit, or a statistic.</summary>
    [GeneratedRegex(@"\s\((?:about |around |approximately |or |equal to )?[\d.,]+(?:\s?(?:to|-|–)\s?[\d.,]+)?\s?(?:mmol/mol|mmol/L|mg/dL|micromol/L|µmol/L|milligrams? per decilitre|milligrams? per deciliter|nanograms? per millilitre|grams? per litre|mg/g|mg/mmol|%|kg|lb|pounds?|°F|°C)\)|\s\((?:\d+% CI|95% confidence interval|p\s?[<=]|hazard ratio|odds ratio|relative risk|risk ratio|HR |OR |RR )[^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex SecondUnitOrStatistic();

    /// <summary>Where a clause ends and another begins: a semicolon, or a comma before "but" or "so".</summary>
    [GeneratedRegex(@";\s+|,\s+(?=(?:but|so)\s)", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    /// <summary>"but not", "but also", "so that", "so far": the word after the comma does not open a new clause.</summary>
    [GeneratedRegex(@"^(?:but\s+(?:not|also|only|rather|usually|often|less|more)\b|so\s+(?:that|far|much|many|long|as)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NotAClause();

    private const int MinimumClauseWords = 4;

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
            if (Words(left) < MinimumClauseWords || Words(UpToNextBreak(right)) < MinimumClauseWords || NotAClause().IsMatch(right))
            {
                continue;
            }
            result.Append(left.TrimEnd()).Append(". ");
            start = m.Index + m.Length;
            if (start < text.Length)
            {
                result.Append(char.ToUpperInvariant(text[start]));
                start++;
            }
        }
        result.Append(text[start..]);
        return result.ToString();
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
