using Galen.Core.Answers;

namespace Galen.Web.Review;

public sealed record RecitedStatement(string Text, IReadOnlyList<string> Before, IReadOnlyList<string> After);

/// <summary>What changed between two versions of an answer: statements added, removed and re-cited; references added and removed.</summary>
public sealed record VersionDiff(
    IReadOnlyList<string> StatementsAdded,
    IReadOnlyList<string> StatementsRemoved,
    IReadOnlyList<RecitedStatement> StatementsRecited,
    IReadOnlyList<string> ReferencesAdded,
    IReadOnlyList<string> ReferencesRemoved,
    bool BottomLineChanged)
{
    public bool IsEmpty => StatementsAdded.Count == 0 && StatementsRemoved.Count == 0 && StatementsRecited.Count == 0
                           && ReferencesAdded.Count == 0 && ReferencesRemoved.Count == 0 && !BottomLineChanged;

    public static VersionDiff Between(Answer before, Answer after)
    {
        var old = Statements(before);
        var @new = Statements(after);
        var added = @new.Keys.Where(k => !old.ContainsKey(k)).ToList();
        var removed = old.Keys.Where(k => !@new.ContainsKey(k)).ToList();
        var recited = @new.Where(kv => old.TryGetValue(kv.Key, out var was) && !was.SequenceEqual(kv.Value))
            .Select(kv => new RecitedStatement(kv.Key, Titles(before, old[kv.Key]), Titles(after, kv.Value))).ToList();
        var oldRefs = before.References.Select(Describe).ToHashSet(StringComparer.Ordinal);
        var newRefs = after.References.Select(Describe).ToHashSet(StringComparer.Ordinal);
        return new VersionDiff(added, removed, recited,
            newRefs.Where(r => !oldRefs.Contains(r)).ToList(), oldRefs.Where(r => !newRefs.Contains(r)).ToList(),
            before.BottomLineStatement.Text != after.BottomLineStatement.Text);
    }

    /// <summary>Each statement's text with the sources it cites (by source key, so renumbering is not a change).</summary>
    private static Dictionary<string, IReadOnlyList<string>> Statements(Answer answer)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var s in answer.Sections.SelectMany(s => s.Statements).Prepend(answer.BottomLineStatement))
        {
            result.TryAdd(s.Text, s.Spans.Select(x => x.SourceKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        }
        return result;
    }

    private static List<string> Titles(Answer answer, IReadOnlyList<string> keys)
    {
        var byKey = answer.Sections.SelectMany(s => s.Statements).Prepend(answer.BottomLineStatement).SelectMany(s => s.Spans)
            .GroupBy(s => s.SourceKey).ToDictionary(g => g.Key, g => g.First().Ref, StringComparer.Ordinal);
        return keys.Select(k => byKey.TryGetValue(k, out var n) && answer.References.FirstOrDefault(r => r.N == n) is { } r ? Describe(r) : k).ToList();
    }

    private static string Describe(Reference r) =>
        r.Year is { } year ? $"{r.Title} ({r.Container}, {year})" : string.IsNullOrEmpty(r.Container) ? r.Title : $"{r.Title} ({r.Container})";
}
