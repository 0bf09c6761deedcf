using System.Text.RegularExpressions;
using Galen.Core.Analysis;

namespace Galen.Core.Composition;

/// <summary>
/// What the question says the person does not have ("no neuro signs", "without a rash") held against a sentence written
/// for people with or without it: "Without neurological involvement: ..." is the rule for them, "With neurological
/// involvement: ..." the rule for someone else. Words are compared by their first five letters, so that the asker's
/// short word ("neuro") meets the sentence's long one ("neurological").
/// </summary>
public static partial class AbsentFinding
{
    private const int StemLength = 5;

    // "no neuro features", "without a fever", "denies chest pain", "not got any rash": the first word of what is absent.
    [GeneratedRegex(@"\b(?:no|without|denies|nil|not\s+(?:got\s+|had\s+)?any)\s+(?:known\s+|signs?\s+of\s+|history\s+of\s+|a\s+|an\s+)?(?<w>[a-z][a-z-]{3,})", RegexOptions.IgnoreCase)]
    private static partial Regex AbsentInQuestion();

    // A sentence written for people with or without something says so first: "With neurological involvement: ...",
    // "In adults without a fever, ...". A "with" further on ("an inhaled steroid only for people with flare-ups") is
    // one part of the advice, not whom the whole sentence is for.
    [GeneratedRegex(@"^\W*(?:(?:in|for)\s+(?:people|patients|adults|children|those|anyone|women|men)\s+)?(?<with>with|without|and\s+no|no)\s+(?:a\s+|an\s+|any\s+|signs?\s+of\s+)?(?<w>[a-z][a-z-]{3,})", RegexOptions.IgnoreCase)]
    private static partial Regex WithOrWithoutInSentence();

    /// <summary>The stems of what the question says is absent; empty when it says nothing is.</summary>
    public static IReadOnlyList<string> Of(string question)
    {
        var stems = new List<string>();
        foreach (Match m in AbsentInQuestion().Matches(question ?? ""))
        {
            var word = m.Groups["w"].Value.ToLowerInvariant();
            // "no longer", "no better", "without taking": a word of time, degree or doing, not a finding.
            if (!TextTools.StopWords.Contains(word) && !TextTools.ComparisonWords.Contains(word) && !word.EndsWith("ing", StringComparison.Ordinal)
                && !stems.Contains(Stem(word)))
            {
                stems.Add(Stem(word));
            }
        }
        return stems;
    }

    /// <summary>
    /// (1, 0) when the sentence is for people without a finding the question says is absent; (0, 1) when it is for
    /// people with it; (0, 0) when it says neither.
    /// </summary>
    public static (double Agrees, double Conflicts) Fit(IReadOnlyList<string> absent, string sentence)
    {
        if (absent.Count == 0 || string.IsNullOrEmpty(sentence)
            || WithOrWithoutInSentence().Match(sentence) is not { Success: true } m || !absent.Contains(Stem(m.Groups["w"].Value.ToLowerInvariant())))
        {
            return (0, 0);
        }
        return m.Groups["with"].Value.Equals("with", StringComparison.OrdinalIgnoreCase) ? (0, 1) : (1, 0);
    }

    private static string Stem(string word) => word.Length <= StemLength ? word : word[..StemLength];
}
