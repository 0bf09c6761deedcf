using System.Globalization;
using Galen.Core.Analysis;
using Galen.Core.Sources;

namespace Galen.Evidence.Search;

/// <summary>
/// The sentences of a source as the grader reads them (each section split into sentences, the first 400 of a source),
/// and the key a sentence's vector is kept under: a hash of its text, so that a sentence found in many sources is
/// embedded once. The bottom line is chosen among these sentences by, among other signals, their closeness in meaning
/// to the question; with their vectors made in the embedding stage, that closeness costs a dot product at question
/// time instead of an encoding.
/// </summary>
public static class SourceSentences
{
    /// <summary>As many sentences of a source as the grader reads.</summary>
    private const int MaxSentencesPerSource = 400;

    public static IEnumerable<string> Of(SourceRecord source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var count = 0;
        foreach (var section in source.Sections)
        {
            foreach (var span in TextTools.SplitSentences(section.Text))
            {
                if (count++ >= MaxSentencesPerSource) yield break;
                yield return section.Text.Substring(span.Start, span.Length);
            }
        }
    }

    /// <summary>The key of a sentence's vector: 64 bits of hash of its exact text.</summary>
    public static string Key(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return "s:" + VectorStore.Fingerprint(sentence).ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Groups of texts to encode together, shortest first: a batch is padded to its longest text, so texts of unlike
    /// length are encoded apart (a 20-word sentence batched with a 120-word one costs as much as a second long one).
    /// Returns indexes into <paramref name="texts"/>.
    /// </summary>
    public static IEnumerable<int[]> ByLength(IReadOnlyList<string> texts, int most)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToList();
        var group = new List<int>();
        var sum = 0;
        foreach (var i in order)
        {
            var length = Math.Max(1, texts[i].Length);
            // Sorted by length, the newcomer is the longest: padding everything to it must waste at most a quarter.
            if (group.Count > 0 && (group.Count == most || (group.Count + 1) * length > 1.25 * (sum + length)))
            {
                yield return [.. group];
                group.Clear();
                sum = 0;
            }
            group.Add(i);
            sum += length;
        }
        if (group.Count > 0) yield return [.. group];
    }
}
