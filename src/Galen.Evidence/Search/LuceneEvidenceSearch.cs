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

    public IReadOnlyList<SearchHit> Search(EvidenceQuery query)
    {
        var top = Math.Clamp(query.Top, 1, 1000);
        var lucene = BuildQuery(query);
        if (lucene is null || !index.Exists) return [];
        var searcher = index.AcquireSearcher();
        try
        {
            var docs = searcher.Search(lucene, top);
            var hits = new List<SearchHit>(docs.ScoreDocs.Length);
            foreach (var sd in docs.ScoreDocs)
            {
                var doc = searcher.Doc(sd.Doc);
                var record = SourceJson.Deserialize(doc.Get(EvidenceIndex.PayloadField));
                hits.Add(new SearchHit(record, Math.Round(sd.Score, 4)));
            }
            return hits;
        }
        finally
        {
            index.Release(searcher);
        }
    }

    internal Query? BuildQuery(EvidenceQuery query)
    {
        var root = new BooleanQuery();
        var textTerms = Analyze(query.Text ?? "")
            .Select(t => t.Term)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxQueryTerms)
            .ToList();
        var textQuery = new BooleanQuery();
        foreach (var term in textTerms) textQuery.Add(AcrossFields(term), Occur.SHOULD);

        var hasRequirement = false;
        foreach (var concept in query.RequiredConcepts)
        {
            var any = new BooleanQuery();
            foreach (var phrasing in concept.Phrasings.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var q = PhraseAcrossFields(phrasing);
                if (q is not null) any.Add(q, Occur.SHOULD);
            }
            if (any.Clauses.Count == 0) continue;
            root.Add(any, Occur.MUST);
            hasRequirement = true;
        }

        if (textQuery.Clauses.Count > 0) root.Add(textQuery, hasRequirement ? Occur.SHOULD : Occur.MUST);
        foreach (var boost in query.Boosts.Distinct(StringComparer.OrdinalIgnoreCase).Take(16))
        {
            var q = PhraseAcrossFields(boost);
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

    private static BooleanQuery AcrossFields(string term)
    {
        var q = new BooleanQuery();
        foreach (var (field, boost) in EvidenceIndex.SearchFields)
        {
            q.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
        }
        return q;
    }

    private Query? PhraseAcrossFields(string phrasing)
    {
        var terms = Analyze(phrasing).Where(t => t.PositionIncrement > 0).Select(t => t.Term).Take(8).ToList();
        if (terms.Count == 0) return null;
        if (terms.Count == 1) return AcrossFields(terms[0]);
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
