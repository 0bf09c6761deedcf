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

public sealed record SearchHit(SourceRecord Source, double Score);

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
