using Galen.Core.Sources;

namespace Galen.Core.Search;

/// <summary>
/// One concept of a question (an intervention, a condition) with the alternative phrasings that name it.
/// A source bears on the concept when it contains any of the phrasings.
/// </summary>
public sealed record Concept(string Name, IReadOnlyList<string> Phrasings);

/// <summary>What the answer engine asks of the library.</summary>
public sealed record EvidenceQuery
{
    /// <summary>Free text, searched as text: query syntax in it is never interpreted.</summary>
    public required string Text { get; init; }
    /// <summary>Concepts every hit must bear on (any phrasing of each). Empty means no constraint.</summary>
    public IReadOnlyList<Concept> RequiredConcepts { get; init; } = [];
    /// <summary>Extra phrasings that raise a hit's score (synonyms, expanded abbreviations).</summary>
    public IReadOnlyList<string> Boosts { get; init; } = [];
    public int Top { get; init; } = 20;
    public SourceKind? Kind { get; init; }
    /// <summary>Which parts of a source the text is matched against (required concepts and boosts always search everything).</summary>
    public SearchScope Scope { get; init; } = SearchScope.Everything;
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    /// <summary>
    /// Also search the text by meaning (sentence embeddings) and fuse the two rankings. Ignored when concepts are
    /// required, and where the library has no embeddings.
    /// </summary>
    public bool Hybrid { get; init; }
}

/// <summary>Which parts of a source a query's text is matched against.</summary>
public enum SearchScope
{
    /// <summary>Title, topic names, key text and body.</summary>
    Everything,
    /// <summary>Titles and topic names only: cheap on long messages, and what names a topic.</summary>
    TitlesAndTopics,
    /// <summary>Topic names only, rarer words weighing more: which topics the words name.</summary>
    Topics,
}

/// <summary>A source found, its score, and where it stood in each ranking that was fused (null: not in that list).</summary>
public sealed record SearchHit(SourceRecord Source, double Score)
{
    /// <summary>Its place in the BM25 ranking of the words.</summary>
    public int? WordRank { get; init; }
    /// <summary>Its BM25 score, when the hit's <see cref="Score"/> is a fused one.</summary>
    public double? WordScore { get; init; }
    /// <summary>Its place in the ranking by meaning.</summary>
    public int? MeaningRank { get; init; }
    /// <summary>The cosine similarity of its meaning to the query's.</summary>
    public double? Similarity { get; init; }
}

public interface IEvidenceSearch
{
    IReadOnlyList<SearchHit> Search(EvidenceQuery query);

    /// <summary>
    /// About how many sources use each word (of four characters or more, with a letter; shorter words are left out).
    /// A word no source uses is most often a misspelling ("ciprofaxin"), which may then be matched more loosely; a
    /// word few sources use ("VDRL") singles them out.
    /// </summary>
    WordSources SourceCounts(IReadOnlyCollection<string> words);
}

/// <summary>How many sources use each word, and how many the library holds in all.</summary>
public sealed record WordSources(int Library, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// Search by meaning: the library's sources and a text compared as sentence embeddings. A library whose sources
/// have not been embedded (or with embeddings turned off) finds nothing here and is searched by its words alone.
/// </summary>
public interface ISemanticSearch
{
    /// <summary>The sources closest in meaning to the text, closest first; <see cref="SearchHit.Score"/> is the cosine similarity.</summary>
    IReadOnlyList<SearchHit> Nearest(string text, int top, SourceKind? kind = null);

    /// <summary>The cosine similarity of the text's meaning to each of the given sources that has been embedded.</summary>
    IReadOnlyDictionary<string, double> Similarity(string text, IReadOnlyCollection<string> sourceKeys);

    /// <summary>The cosine similarity of the text's meaning to each passage's, in order (encoded now; none when embeddings are off).</summary>
    IReadOnlyList<double> SimilarityToPassages(string text, IReadOnlyList<string> passages);

    /// <summary>
    /// The cosine similarity of the text's meaning to each passage whose vector was stored when the library was embedded,
    /// in order; NaN for a passage without one (nothing is encoded but the text).
    /// </summary>
    IReadOnlyList<double> StoredSimilarityToPassages(string text, IReadOnlyList<string> passages);
}
