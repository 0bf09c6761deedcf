using System.Collections.Concurrent;
using System.Diagnostics;
using Galen.Core.Search;
using Galen.Core.Sources;

namespace Galen.Benchmarks;

/// <summary>
/// The library's search with each call timed and named, so that an ask's time can be split into the searches it made
/// (by words, by meaning, word counts) and the rest (analysis, grading, composition).
/// </summary>
internal sealed class TimedSearch(IEvidenceSearch words) : IEvidenceSearch, ISemanticSearch
{
    private readonly IEvidenceSearch inner = words;
    private readonly ISemanticSearch meaning = (ISemanticSearch)words;

    public ConcurrentQueue<(string Call, double Ms)> Calls { get; } = new();

    private TResult Time<TResult>(string call, Func<TResult> run)
    {
        var t = Stopwatch.GetTimestamp();
        var result = run();
        Calls.Enqueue((call, Stopwatch.GetElapsedTime(t).TotalMilliseconds));
        return result;
    }

    public IReadOnlyList<SearchHit> Search(EvidenceQuery query) =>
        Time($"words {query.Scope} {query.Kind?.ToString() ?? "any"} top {query.Top} concepts {query.RequiredConcepts.Count}", () => inner.Search(query));

    public WordSources SourceCounts(IReadOnlyCollection<string> words) => Time("word counts", () => inner.SourceCounts(words));

    public IReadOnlyList<SearchHit> Nearest(string text, int top, SourceKind? kind = null) =>
        Time($"nearest {kind?.ToString() ?? "any"} top {top}", () => meaning.Nearest(text, top, kind));

    public IReadOnlyDictionary<string, double> Similarity(string text, IReadOnlyCollection<string> sourceKeys) =>
        Time($"similarity to {sourceKeys.Count} sources", () => meaning.Similarity(text, sourceKeys));

    public IReadOnlyList<double> SimilarityToPassages(string text, IReadOnlyList<string> passages) =>
        Time($"similarity to {passages.Count} passages, encoded", () => meaning.SimilarityToPassages(text, passages));

    public IReadOnlyList<double> StoredSimilarityToPassages(string text, IReadOnlyList<string> passages) =>
        Time($"similarity to {passages.Count} passages, stored", () => meaning.StoredSimilarityToPassages(text, passages));
}
