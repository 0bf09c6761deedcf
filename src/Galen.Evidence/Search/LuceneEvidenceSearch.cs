using System.Collections.Concurrent;
using Galen.Core.Search;
using Galen.Core.Sources;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Galen.Evidence.Search;

/// <summary>
/// Answers evidence queries from the index. User text is never parsed as query syntax: it is analysed
/// into terms and the query is built from them, so "title:(a OR b)^3" is searched as words.
/// </summary>
public sealed class LuceneEvidenceSearch(EvidenceIndex index) : IEvidenceSearch
{
    /// <summary>Long questions are cut to their most telling terms; a 100 KB message must not become a 20,000-clause query.</summary>
    private const int MaxQueryTerms = 48;

    /// <summary>At most this many unknown words are searched by near spellings; each walks the term dictionary.</summary>
    private const int MaxSpellingGuesses = 3;

    /// <summary>Words that make a question a question; they say nothing about what it is about.</summary>
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "doe", "do", "did", "what", "which", "how", "can", "could", "should", "would", "why", "when", "who", "whom",
        "whose", "where", "ani", "i", "my", "me", "we", "our", "you", "your", "it", "its", "been", "have", "ha", "had",
        "than", "so", "about", "from", "also", "mai", "might", "must", "we",
    };

    /// <summary>
    /// Names learned at import (a MedQuAD focus and its synonyms), lower-cased, each with its other names.
    /// A query that names one is boosted by the others.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> LearnedSynonyms
    {
        get => learnedSynonyms;
        set
        {
            learnedSynonyms = value ?? new Dictionary<string, string[]>();
            // Looked up by first word: a query checks only the names that start with one of its words, not all of them.
            synonymsByFirstWord = learnedSynonyms
                .GroupBy(kv => kv.Key.Trim().Split(' ')[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(kv => (kv.Key, kv.Value)).ToArray(), StringComparer.Ordinal);
        }
    }

    private IReadOnlyDictionary<string, string[]> learnedSynonyms = new Dictionary<string, string[]>();
    private Dictionary<string, (string Name, string[] Others)[]> synonymsByFirstWord = new(StringComparer.Ordinal);

    public IReadOnlyList<SearchHit> Search(EvidenceQuery query)
    {
        // A topic search asks which topics the words name; synonym boosts would pull in topics merely related.
        query = query.Scope == SearchScope.Topics ? query with { Boosts = [] } : WithLearnedSynonyms(query);
        var top = Math.Clamp(query.Top, 1, 1000);
        if (!index.Exists) return [];
        var searcher = index.AcquireSearcher();
        try
        {
            var lucene = BuildQuery(query, searcher.IndexReader);
            if (lucene is null) return [];
            var read = ReadFor(searcher.IndexReader);
            var docs = Ranked(searcher, lucene, top, read);
            var hits = new List<SearchHit>(docs.Count);
            foreach (var sd in docs)
            {
                hits.Add(new SearchHit(read.Record(searcher, sd.Doc), Math.Round(sd.Score, 4)));
            }
            return hits;
        }
        finally
        {
            index.Release(searcher);
        }
    }

    /// <summary>
    /// The best <paramref name="top"/> documents, equal scores in the order of their source keys. Lucene orders equal
    /// scores by document number, which follows the order an import's threads happened to add the sources in: two
    /// libraries built from the same files would otherwise find different sources for the same question.
    /// </summary>
    private static List<ScoreDoc> Ranked(IndexSearcher searcher, Query query, int top, ReaderWork read)
    {
        // One more than asked shows whether a tie crosses the cut; only then is the search taken deeper.
        var depth = top + 1;
        ScoreDoc[] found;
        while (true)
        {
            var docs = searcher.Search(query, depth);
            found = docs.ScoreDocs;
            var tieCrossesCut = found.Length > top && found[^1].Score == found[top - 1].Score;
            if (!tieCrossesCut || docs.TotalHits <= depth || depth >= MaxTieDepth)
            {
                break;
            }
            depth = Math.Min(MaxTieDepth, depth * 4);
        }
        var ranked = new List<ScoreDoc>(found);
        for (var start = 0; start < ranked.Count;)
        {
            var end = start + 1;
            while (end < ranked.Count && ranked[end].Score == ranked[start].Score) end++;
            if (end - start > 1)
            {
                ranked.Sort(start, end - start, Comparer<ScoreDoc>.Create((a, b) => string.CompareOrdinal(read.Key(searcher, a.Doc), read.Key(searcher, b.Doc))));
            }
            start = end;
        }
        return ranked.Count > top ? ranked.GetRange(0, top) : ranked;
    }

    /// <summary>How deep a search goes to order a tie at its cut by key; past it, a tie that wide is cut by document order.</summary>
    private const int MaxTieDepth = 4096;

    private static readonly string[] KnownFields = [EvidenceIndex.TitleField, EvidenceIndex.KeywordsField, EvidenceIndex.KeyTextField, EvidenceIndex.BodyField];

    public WordSources SourceCounts(IReadOnlyCollection<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!index.Exists) return new WordSources(0, counts);
        var searcher = index.AcquireSearcher();
        try
        {
            var reader = searcher.IndexReader;
            if (reader.NumDocs == 0) return new WordSources(0, counts);
            foreach (var word in words.Take(MaxQueryTerms * 2))
            {
                if (word.Length < 4 || !word.Any(char.IsLetter) || !word.All(char.IsLetterOrDigit) || counts.ContainsKey(word)) continue;
                var terms = Analyze(word).Select(t => t.Term).ToList();
                // The field that uses the word most: a source rarely has a word only in its title and not in its text.
                if (terms.Count == 1) counts[word] = KnownFields.Max(field => ReadFor(reader).DocFreq(new Term(field, terms[0])));
            }
            return new WordSources(reader.NumDocs, counts);
        }
        finally
        {
            index.Release(searcher);
        }
    }

    private EvidenceQuery WithLearnedSynonyms(EvidenceQuery query)
    {
        var byFirstWord = synonymsByFirstWord;
        if (byFirstWord.Count == 0 || string.IsNullOrEmpty(query.Text) || query.Text.Length > 2000) return query;
        var text = " " + new string(query.Text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray()) + " ";
        List<string>? extra = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!seen.Add(word) || !byFirstWord.TryGetValue(word, out var names)) continue;
            foreach (var (name, others) in names)
            {
                if (text.Contains(name, StringComparison.Ordinal)) (extra ??= []).AddRange(others);
            }
        }
        return extra is null ? query : query with { Boosts = [.. query.Boosts, .. extra.Take(4)] };
    }

    internal Query? BuildQuery(EvidenceQuery query, IndexReader? reader = null)
    {
        var work = reader is null ? null : ReadFor(reader);
        var root = new BooleanQuery();
        var textTerms = Analyze(query.Text ?? "")
            .Select(t => t.Term)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxQueryTerms)
            .ToList();
        textTerms = PruneCommonTerms(textTerms, work);
        var textQuery = new BooleanQuery();
        switch (query.Scope)
        {
            case SearchScope.Topics:
                foreach (var q in TopicTerms(textTerms, work)) textQuery.Add(q, Occur.SHOULD);
                break;
            case SearchScope.TitlesAndTopics:
                foreach (var term in textTerms) textQuery.Add(AcrossFields(term, TitleFields, work), Occur.SHOULD);
                break;
            default:
                foreach (var term in textTerms) textQuery.Add(AcrossFields(term, EvidenceIndex.SearchFields, work), Occur.SHOULD);
                break;
        }
        foreach (var misspelt in UnknownWords(textTerms, work).Take(MaxSpellingGuesses))
        {
            textQuery.Add(work!.NearSpellings(misspelt), Occur.SHOULD);
        }

        var hasRequirement = false;
        foreach (var concept in query.RequiredConcepts)
        {
            var any = new BooleanQuery();
            foreach (var phrasing in concept.Phrasings.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var q = PhraseAcrossFields(phrasing, work);
                if (q is not null) any.Add(q, Occur.SHOULD);
            }
            if (any.Clauses.Count == 0) continue;
            root.Add(any, Occur.MUST);
            hasRequirement = true;
        }

        if (textQuery.Clauses.Count > 0) root.Add(textQuery, hasRequirement ? Occur.SHOULD : Occur.MUST);
        foreach (var boost in query.Boosts.Distinct(StringComparer.OrdinalIgnoreCase).Take(16))
        {
            var q = PhraseAcrossFields(boost, work);
            if (q is null) continue;
            q.Boost = 0.5f;
            root.Add(q, Occur.SHOULD);
        }
        if (!hasRequirement && textQuery.Clauses.Count == 0) return null;

        if (query.Kind is SourceKind kind)
        {
            root.Add(new ConstantScoreQuery(new TermQuery(new Term(EvidenceIndex.KindField, kind.ToSlug()))) { Boost = 0 }, Occur.MUST);
        }
        if (query.FromYear is not null || query.ToYear is not null)
        {
            root.Add(new ConstantScoreQuery(NumericRangeQuery.NewInt32Range(EvidenceIndex.YearField, query.FromYear, query.ToYear, true, true)) { Boost = 0 }, Occur.MUST);
        }
        return root;
    }

    /// <summary>
    /// Drops question words, and words found in more than a fifth of the library ("patients", "study"):
    /// they barely change the ranking but make every search walk long posting lists.
    /// </summary>
    private static List<string> PruneCommonTerms(List<string> terms, ReaderWork? work)
    {
        var kept = terms.Where(t => !QuestionWords.Contains(t)).ToList();
        if (kept.Count == 0) kept = terms;
        if (work is null || work.Reader.NumDocs < 1000 || kept.Count <= 2) return kept;
        var limit = work.Reader.NumDocs / 5;
        var specific = kept.Where(t => work.InText(t) <= limit).ToList();
        return specific.Count >= 2 ? specific : kept;
    }

    /// <summary>
    /// Topic-name words, weighted by how rare the word is in the library's text: a name few sources use at all
    /// ("hnpp") says what the question is about; "trouble" or "after", which also begin a few topic names, do not.
    /// </summary>
    private static IEnumerable<Query> TopicTerms(List<string> terms, ReaderWork? work)
    {
        var docs = Math.Max(1, work?.Reader.NumDocs ?? 1);
        foreach (var term in terms)
        {
            var topic = new Term(EvidenceIndex.KeywordsField, term);
            if (work is null)
            {
                yield return new TermQuery(topic);
                continue;
            }
            if (work.DocFreq(topic) == 0) continue;
            var rarity = Math.Log(1 + ((double)docs / Math.Max(1, work.InText(term))));
            yield return work.TermQuery(topic, (float)(rarity * rarity));
        }
    }

    /// <summary>
    /// Words of the question that no source contains, long enough to be a misspelt name ("diahrrea",
    /// "Wieddeman"): people type medical words as they hear them.
    /// </summary>
    private static IEnumerable<string> UnknownWords(List<string> terms, ReaderWork? work)
    {
        if (work is null || work.Reader.NumDocs == 0) yield break;
        foreach (var term in terms)
        {
            if (term.Length < 5 || !term.All(char.IsLetter)) continue;
            if (work.InText(term) == 0) yield return term;
        }
    }

    private ReaderWork? readerWork;

    /// <summary>What has been worked out from the reader in use; started afresh when the index changes.</summary>
    private ReaderWork ReadFor(IndexReader reader)
    {
        var work = readerWork;
        if (work is null || !ReferenceEquals(work.Reader, reader))
        {
            readerWork = work = new ReaderWork(reader);
        }
        return work;
    }

    /// <summary>
    /// What one reader of the index gives the same answer to every time, kept while that reader is in use: an ask
    /// makes a dozen or more searches (two dozen for a patient's), which find many of the same sources and repeat the
    /// question's unknown words. Each list starts again when full.
    /// </summary>
    private sealed class ReaderWork(IndexReader reader)
    {
        private const int NearSpellingsKept = 4096;
        private const int RecordsKept = 2048;
        private const int TermsKept = 65_536;

        private readonly ConcurrentDictionary<string, Query> nearSpellings = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<int, SourceRecord> records = new();
        private readonly ConcurrentDictionary<int, string> keys = new();
        private readonly ConcurrentDictionary<Term, TermContext> terms = new();

        public IndexReader Reader { get; } = reader;

        /// <summary>
        /// Where a term is in each segment and how many sources use it, looked up in the term dictionary once: every
        /// search looks its words up for pruning and rarity, and again for scoring.
        /// </summary>
        private TermContext Context(Term term) => Kept(terms, TermsKept, term, t => TermContext.Build(Reader.Context, t));

        public int DocFreq(Term term) => Context(term).DocFreq;

        /// <summary>How many sources use the word in their text (body and key text).</summary>
        public int InText(string term) =>
            DocFreq(new Term(EvidenceIndex.BodyField, term)) + DocFreq(new Term(EvidenceIndex.KeyTextField, term));

        /// <summary>A query for the term that scores as a plain one, its look-up already made.</summary>
        public TermQuery TermQuery(Term term, float boost) => new(term, Context(term)) { Boost = boost };

        /// <summary>
        /// <see cref="LuceneEvidenceSearch.NearSpellings"/> rewritten into the names it matches. Finding them builds an
        /// automaton for the word and walks the term dictionary with it, the costliest part of a search.
        /// </summary>
        public Query NearSpellings(string term) => Kept(nearSpellings, NearSpellingsKept, term, word =>
        {
            Query query = LuceneEvidenceSearch.NearSpellings(word);
            // As the searcher would rewrite it: until it no longer changes.
            for (var rewritten = query.Rewrite(Reader); !ReferenceEquals(rewritten, query); rewritten = query.Rewrite(Reader))
            {
                query = rewritten;
            }
            return query;
        });

        /// <summary>A found source's key, read from its stored fields once (ties are ordered by it).</summary>
        public string Key(IndexSearcher searcher, int doc) => Kept(keys, RecordsKept, doc,
            d => records.TryGetValue(d, out var record) ? record.Key : searcher.Doc(d, KeyOnly).Get(EvidenceIndex.KeyField));

        private static readonly HashSet<string> KeyOnly = [EvidenceIndex.KeyField];

        /// <summary>A found source's record, read from the stored payload once (a long page is costly to parse).</summary>
        public SourceRecord Record(IndexSearcher searcher, int doc) => Kept(records, RecordsKept, doc,
            d => SourceJson.Deserialize(searcher.Doc(d).Get(EvidenceIndex.PayloadField)));

        private static TValue Kept<TKey, TValue>(ConcurrentDictionary<TKey, TValue> kept, int limit, TKey key, Func<TKey, TValue> make)
            where TKey : notnull
        {
            if (kept.TryGetValue(key, out var known))
            {
                return known;
            }
            if (kept.Count >= limit)
            {
                kept.Clear();
            }
            return kept[key] = make(key);
        }
    }

    /// <summary>
    /// Names within one or two slips of spelling (the first letter kept) in titles and topic words; for a long word,
    /// also names that begin as it does, since long drug names are misspelt past their start ("ciprofaxin").
    /// </summary>
    private static BooleanQuery NearSpellings(string term)
    {
        var edits = term.Length >= 8 ? 2 : 1;
        var q = new BooleanQuery();
        q.Add(new FuzzyQuery(new Term(EvidenceIndex.TitleField, term), edits, 1) { Boost = 2.0f }, Occur.SHOULD);
        q.Add(new FuzzyQuery(new Term(EvidenceIndex.KeywordsField, term), edits, 1) { Boost = 1.5f }, Occur.SHOULD);
        if (term.Length >= 8)
        {
            q.Add(new PrefixQuery(new Term(EvidenceIndex.TitleField, term[..6])) { Boost = 1.0f }, Occur.SHOULD);
        }
        return q;
    }

    private static readonly (string Field, float Boost)[] TitleFields =
        [.. EvidenceIndex.SearchFields.Where(f => f.Field is EvidenceIndex.TitleField or EvidenceIndex.KeywordsField)];

    private static BooleanQuery AcrossFields(string term, (string Field, float Boost)[] fields, ReaderWork? work)
    {
        var q = new BooleanQuery();
        foreach (var (field, boost) in fields)
        {
            var t = new Term(field, term);
            q.Add(work is null ? new TermQuery(t) { Boost = boost } : work.TermQuery(t, boost), Occur.SHOULD);
        }
        return q;
    }

    private Query? PhraseAcrossFields(string phrasing, ReaderWork? work)
    {
        var terms = Analyze(phrasing).Where(t => t.PositionIncrement > 0).Select(t => t.Term).Take(8).ToList();
        if (terms.Count == 0) return null;
        if (terms.Count == 1) return AcrossFields(terms[0], EvidenceIndex.SearchFields, work);
        var q = new BooleanQuery();
        foreach (var (field, boost) in EvidenceIndex.SearchFields)
        {
            var phrase = new PhraseQuery { Slop = 1, Boost = boost };
            foreach (var t in terms) phrase.Add(new Term(field, t));
            q.Add(phrase, Occur.SHOULD);
        }
        return q;
    }

    internal List<(string Term, int PositionIncrement)> Analyze(string text)
    {
        var result = new List<(string, int)>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        using var stream = index.Analyzer.GetTokenStream(EvidenceIndex.BodyField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add((term.ToString(), posInc.PositionIncrement));
        }
        stream.End();
        return result;
    }
}
