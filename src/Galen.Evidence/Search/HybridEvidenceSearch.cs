using Galen.Core.Search;
using Galen.Core.Sources;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Galen.Evidence.Search;

/// <summary>
/// The library's search: BM25 over the words (Lucene) and sentence embeddings over the meaning. A query that asks
/// for both (<see cref="EvidenceQuery.Hybrid"/>) gets the two lists fused by reciprocal rank; every hit says where
/// it stood in each. Without embeddings (none configured, or sources not yet embedded) the words alone answer.
/// Sentences of sources compared with a question (<see cref="SimilarityToPassages"/>) are read from the sentence
/// vectors made in the embedding stage (<see cref="SourceSentences"/>) and encoded only when they have none.
/// </summary>
public sealed class HybridEvidenceSearch(LuceneEvidenceSearch words, EvidenceIndex index, Func<(ITextEmbedder Embedder, VectorStore Vectors)?> meaning,
    Func<(ITextEmbedder Embedder, VectorStore Vectors)?>? sentences = null)
    : IEvidenceSearch, ISemanticSearch
{
    /// <summary>The usual constant of reciprocal-rank fusion: ranks far down either list still count a little.</summary>
    public const int FusionConstant = 60;

    /// <summary>How deep each list is read before fusing.</summary>
    private const int FusionDepth = 50;

    public IReadOnlyList<SearchHit> Search(EvidenceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // A query that requires concepts is a precise one: sources must name them, which the meaning side cannot promise.
        if (!query.Hybrid || query.RequiredConcepts.Count > 0 || meaning() is not { } m || m.Vectors.Count == 0)
        {
            return words.Search(query);
        }
        var top = Math.Clamp(query.Top, 1, 1000);
        var depth = Math.Max(top, FusionDepth);
        var lexical = words.Search(query with { Top = depth });
        var dense = m.Vectors.Nearest(m.Embedder.EmbedQuery(query.Text), depth, query.Kind, query.FromYear, query.ToYear);

        var fused = new Dictionary<string, (SourceRecord? Source, double Bm25, int? WordRank, int? MeaningRank, double? Similarity)>(StringComparer.Ordinal);
        for (var i = 0; i < lexical.Count; i++)
        {
            fused[lexical[i].Source.Key] = (lexical[i].Source, lexical[i].Score, i + 1, null, null);
        }
        for (var i = 0; i < dense.Count; i++)
        {
            var (key, similarity) = dense[i];
            fused[key] = fused.TryGetValue(key, out var f) ? f with { MeaningRank = i + 1, Similarity = similarity } : (null, 0, null, i + 1, similarity);
        }
        var missing = fused.Where(kv => kv.Value.Source is null).Select(kv => kv.Key).ToList();
        var fetched = Fetch(missing);
        return [.. fused
            .Where(kv => kv.Value.Source is not null || fetched.ContainsKey(kv.Key))
            .Select(kv =>
            {
                var f = kv.Value;
                var score = Rrf(f.WordRank) + Rrf(f.MeaningRank);
                return new SearchHit(f.Source ?? fetched[kv.Key], Math.Round(score, 6))
                {
                    WordRank = f.WordRank,
                    WordScore = f.WordRank is null ? null : f.Bm25,
                    MeaningRank = f.MeaningRank,
                    Similarity = f.Similarity,
                };
            })
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.WordRank ?? int.MaxValue)
            .ThenBy(h => h.Source.Key, StringComparer.Ordinal)
            .Take(top)];
    }

    private static double Rrf(int? rank) => rank is int r ? 1.0 / (FusionConstant + r) : 0;

    public WordSources SourceCounts(IReadOnlyCollection<string> wordsToCount) => words.SourceCounts(wordsToCount);

    public IReadOnlyList<SearchHit> Nearest(string text, int top, SourceKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text) || meaning() is not { } m || m.Vectors.Count == 0) return [];
        var dense = m.Vectors.Nearest(m.Embedder.EmbedQuery(text), Math.Clamp(top, 1, 1000), kind);
        var fetched = Fetch([.. dense.Select(d => d.Key)]);
        return [.. dense.Where(d => fetched.ContainsKey(d.Key)).Select((d, i) => new SearchHit(fetched[d.Key], d.Similarity) { MeaningRank = i + 1, Similarity = d.Similarity })];
    }

    public IReadOnlyDictionary<string, double> Similarity(string text, IReadOnlyCollection<string> sourceKeys)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceKeys);
        if (string.IsNullOrWhiteSpace(text) || sourceKeys.Count == 0 || meaning() is not { } m || m.Vectors.Count == 0)
        {
            return new Dictionary<string, double>();
        }
        return m.Vectors.Similarity(m.Embedder.EmbedQuery(text), sourceKeys);
    }

    public IReadOnlyList<double> SimilarityToPassages(string text, IReadOnlyList<string> passages)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(passages);
        // Sentences are compared by the sentence model (the sources' model when none is set apart).
        if (string.IsNullOrWhiteSpace(text) || passages.Count == 0 || (sentences?.Invoke() ?? meaning()) is not { } m) return [];
        var query = m.Embedder.EmbedQuery(text);
        // A sentence of a source embedded in the embedding stage costs a dot product (8-bit, as the source vectors);
        // any other passage is encoded now.
        var result = StoredCosines(query, passages);
        var missing = Enumerable.Range(0, passages.Count).Where(i => double.IsNaN(result[i])).ToList();
        foreach (var group in SourceSentences.ByLength([.. missing.Select(i => passages[i])], EncodeTogether))
        {
            var vectors = m.Embedder.EmbedPassages([.. group.Select(k => passages[missing[k]])]);
            for (var k = 0; k < group.Length; k++) result[missing[group[k]]] = Math.Round(Dot(query, vectors[k]), 4);
        }
        return result;
    }

    public IReadOnlyList<double> StoredSimilarityToPassages(string text, IReadOnlyList<string> passages)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(passages);
        if (string.IsNullOrWhiteSpace(text) || passages.Count == 0 || sentences?.Invoke() is not { } m || m.Vectors.Count == 0)
        {
            return [];
        }
        return StoredCosines(m.Embedder.EmbedQuery(text), passages);
    }

    /// <summary>The query's cosine to each passage's stored sentence vector, NaN where none is stored.</summary>
    private double[] StoredCosines(float[] query, IReadOnlyList<string> passages)
    {
        var result = new double[passages.Count];
        Array.Fill(result, double.NaN);
        if (sentences?.Invoke() is not { } m || m.Vectors.Count == 0)
        {
            return result;
        }
        var keys = passages.Select(SourceSentences.Key).ToList();
        var stored = m.Vectors.Similarity(query, keys);
        for (var i = 0; i < keys.Count; i++)
        {
            if (stored.TryGetValue(keys[i], out var cosine)) result[i] = cosine;
        }
        return result;
    }

    /// <summary>At most this many passages encoded in one batch at question time.</summary>
    private const int EncodeTogether = 8;

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length && i < b.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Sources by key, read from the index's stored copies.</summary>
    private Dictionary<string, SourceRecord> Fetch(IReadOnlyCollection<string> keys)
    {
        var result = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        if (keys.Count == 0 || !index.Exists) return result;
        var searcher = index.AcquireSearcher();
        try
        {
            foreach (var key in keys)
            {
                var docs = searcher.Search(new TermQuery(new Term(EvidenceIndex.KeyField, key)), 1);
                if (docs.ScoreDocs.Length == 0) continue;
                result[key] = SourceJson.Deserialize(searcher.Doc(docs.ScoreDocs[0].Doc).Get(EvidenceIndex.PayloadField));
            }
            return result;
        }
        finally
        {
            index.Release(searcher);
        }
    }
}
