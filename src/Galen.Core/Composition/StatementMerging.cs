using Galen.Core.Analysis;
using Galen.Core.Answers;

namespace Galen.Core.Composition;

/// <summary>
/// One claim is said once: when two sources make the same statement (or nearly the same words), the article keeps
/// the first and cites both sources on it.
/// </summary>
public static class StatementMerging
{
    /// <summary>Share of the shorter statement's content words the longer one must hold to count as the same claim.</summary>
    private const double SameClaim = 0.8;

    public static (Statement BottomLine, List<AnswerSection> Sections) MergeRepeats(Statement bottomLine, IReadOnlyList<AnswerSection> sections)
    {
        var kept = new List<(Statement Statement, HashSet<string> Words, string Numbers, int Section, int Index)>();
        var bottom = bottomLine;
        var bodies = sections.Select(s => s.Statements.ToList()).ToList();
        if (bottom.Citations.Count > 0)
        {
            kept.Add((bottom, Words(bottom.Text), Numbers(bottom.Text), -1, 0));
        }
        for (var si = 0; si < bodies.Count; si++)
        {
            var list = bodies[si];
            for (var i = 0; i < list.Count; i++)
            {
                var statement = list[i];
                var words = Words(statement.Text);
                var numbers = Numbers(statement.Text);
                if (bottom.Spans.Count > 0 && statement.Spans.Count > 0
                    && statement.Spans.All(x => bottom.Spans.Any(b => b.SourceKey == x.SourceKey && b.Start == x.Start && b.Section == x.Section)))
                {
                    // The bottom line already quotes this sentence from this source: saying it again adds nothing.
                    list.RemoveAt(i);
                    ShiftAfter(kept, si, i);
                    i--;
                    continue;
                }
                var match = kept.FindIndex(k => k.Numbers == numbers && (IsSameClaim(words, k.Words) || (k.Section == si && IsSameTopicLine(words, k.Words))));
                if (match < 0 || words.Count < 4)
                {
                    kept.Add((statement, words, numbers, si, i));
                    continue;
                }
                var target = kept[match];
                var merged = Merge(target.Statement, statement);
                kept[match] = target with { Statement = merged };
                if (target.Section < 0)
                {
                    bottom = merged;
                }
                else
                {
                    bodies[target.Section][target.Index] = merged;
                }
                list.RemoveAt(i);
                ShiftAfter(kept, si, i);
                i--;
            }
        }
        var result = new List<AnswerSection>();
        for (var si = 0; si < sections.Count; si++)
        {
            if (bodies[si].Count > 0)
            {
                result.Add(sections[si] with { Statements = bodies[si] });
            }
        }
        return (bottom, result);
    }

    /// <summary>Positions after a removed statement in its section move up by one.</summary>
    private static void ShiftAfter(List<(Statement Statement, HashSet<string> Words, string Numbers, int Section, int Index)> kept, int section, int removed)
    {
        for (var k = 0; k < kept.Count; k++)
        {
            if (kept[k].Section == section && kept[k].Index > removed)
            {
                kept[k] = kept[k] with { Index = kept[k].Index - 1 };
            }
        }
    }

    private static bool IsSameClaim(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }
        var shared = a.Count(b.Contains);
        return shared >= SameClaim * Math.Min(a.Count, b.Count) && shared >= 0.5 * Math.Max(a.Count, b.Count);
    }

    /// <summary>
    /// Within one section, two sentences sharing most of their word stems ("augmentation ... start earlier in the day
    /// ... spread to the arms") say the same thing in other words.
    /// </summary>
    private static bool IsSameTopicLine(HashSet<string> a, HashSet<string> b)
    {
        var sa = a.Select(Stem).ToHashSet(StringComparer.Ordinal);
        var sb = b.Select(Stem).ToHashSet(StringComparer.Ordinal);
        var shared = sa.Count(sb.Contains);
        return shared >= 7 && shared >= 0.45 * Math.Min(sa.Count, sb.Count);
    }

    private static string Stem(string word) => word.Length > 5 ? word[..5] : word;

    private static Statement Merge(Statement first, Statement repeat)
    {
        var citations = first.Citations.Concat(repeat.Citations.Where(c => !first.Citations.Contains(c))).ToList();
        return first with { Citations = citations, Spans = [.. first.Spans, .. repeat.Spans] };
    }

    private static HashSet<string> Words(string text) =>
        TextTools.Tokens(TextTools.Normalize(text)).Where(w => w.Length > 2 && !TextTools.StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The figures a statement states, in order: statements with different figures are different claims.</summary>
    private static string Numbers(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\d+(?:[.,]\d+)?").Select(m => m.Value).Distinct());
}
