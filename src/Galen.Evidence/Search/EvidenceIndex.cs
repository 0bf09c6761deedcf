using Galen.Core.Search;
using Galen.Core.Sources;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Galen.Evidence.Search;

/// <summary>
/// The full-text index over the library (Lucene.NET, BM25, on disk under the data directory). It is
/// derived data: every commit records the library version it reflects, and a stale index is rebuilt
/// from the store.
/// </summary>
public sealed class EvidenceIndex : IDisposable
{
    internal const string KeyField = "key";
    internal const string KindField = "kind";
    internal const string YearField = "year";
    internal const string PayloadField = "payload";
    internal const string TitleField = "title";
    internal const string KeywordsField = "keywords";
    internal const string KeyTextField = "keytext";
    internal const string BodyField = "body";
    internal const string VersionCommitKey = "libraryVersion";

    /// <summary>Field boosts: a word in the title or MeSH terms says more about a source than one in its body.</summary>
    internal static readonly (string Field, float Boost)[] SearchFields =
    [
        (TitleField, 3.0f),
        (KeywordsField, 2.0f),
        (KeyTextField, 1.5f),
        (BodyField, 1.0f),
    ];

    private static readonly HashSet<string> KeyCategories = new(StringComparer.OrdinalIgnoreCase)
    {
        "conclusions", "conclusion", "summary", "recommendation", "answer", "results",
    };

    private readonly Directory directory;
    private readonly System.Threading.Lock writerLock = new();
    private IndexWriter? writer;
    private SearcherManager? searcherManager;

    public Analyzer Analyzer { get; } = new MedicalAnalyzer();
    public static Similarity Similarity { get; } = new BM25Similarity();

    public EvidenceIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
        Path = path;
    }

    public string Path { get; }

    /// <summary>Whether an index has been committed. Once true it stays true (clearing keeps an empty index), so it is
    /// asked of the directory only until then: every search checks it, and listing the directory is not free.</summary>
    public bool Exists => exists || (exists = DirectoryReader.IndexExists(directory));

    private volatile bool exists;

    /// <summary>The number of segments the last commit holds (0 when there is no index).</summary>
    public int SegmentCount()
    {
        if (!Exists) return 0;
        using var reader = DirectoryReader.Open(directory);
        return reader.Leaves.Count;
    }

    /// <summary>The most segments an import leaves: searches on four run as fast as on two, and merging to four costs a
    /// third as much at a million sources (measured, PERFORMANCE.md).</summary>
    internal const int CompactSegments = 4;

    /// <summary>
    /// Merges the index's smaller segments until at most <see cref="CompactSegments"/> remain. A query looks up each of
    /// its terms in every segment, so an index left in many pieces by an import (MedQuAD arrives in hundreds of small
    /// units) makes every search slower; the largest segments are left as they are, so that a small import never
    /// rewrites the whole index.
    /// </summary>
    public void Compact()
    {
        if (SegmentCount() <= CompactSegments) return;
        var w = Writer;
        w.ForceMerge(CompactSegments);
        // The commit keeps the library version recorded by the import's own commit.
        w.Commit();
        searcherManager?.MaybeRefreshBlocking();
    }

    /// <summary>The library version the last index commit reflects, or -1 when there is no index.</summary>
    public long CommittedVersion()
    {
        if (!DirectoryReader.IndexExists(directory)) return -1;
        var commits = DirectoryReader.ListCommits(directory);
        var last = commits[^1];
        return last.UserData.TryGetValue(VersionCommitKey, out var v) && long.TryParse(v, out var n) ? n : -1;
    }

    private IndexWriter Writer
    {
        get
        {
            lock (writerLock)
            {
                if (writer is null)
                {
                    var config = new IndexWriterConfig(MedicalAnalyzer.Version, Analyzer)
                    {
                        Similarity = Similarity,
                        OpenMode = OpenMode.CREATE_OR_APPEND,
                        RAMBufferSizeMB = 128,
                    };
                    writer = new IndexWriter(directory, config);
                }
                return writer;
            }
        }
    }

    public void Upsert(SourceRecord record, string payload) =>
        Writer.UpdateDocument(new Term(KeyField, record.Key), ToDocument(record, payload));

    public void Delete(string key) => Writer.DeleteDocuments(new Term(KeyField, key));

    public void DeleteAll() => Writer.DeleteAll();

    /// <summary>Makes the changes durable and visible, recording the library version they reflect.</summary>
    public void Commit(long libraryVersion)
    {
        var w = Writer;
        w.SetCommitData(new Dictionary<string, string> { [VersionCommitKey] = libraryVersion.ToString() });
        w.Commit();
        searcherManager?.MaybeRefreshBlocking();
    }

    public void Rollback()
    {
        lock (writerLock)
        {
            if (writer is null) return;
            writer.Rollback();
            writer = null;
        }
    }

    internal static Document ToDocument(SourceRecord record, string payload)
    {
        var doc = new Document
        {
            new StringField(KeyField, record.Key, Field.Store.YES),
            new StringField(KindField, record.Kind.ToSlug(), Field.Store.NO),
            new StoredField(PayloadField, payload),
            new TextField(TitleField, record.Title, Field.Store.NO),
        };
        if (record.Year is int year)
        {
            doc.Add(new Int32Field(YearField, year, Field.Store.NO));
        }
        var keywords = record.MeshTerms.Concat(record.Keywords);
        if (record.QuestionAnswer is { } qa)
        {
            keywords = keywords.Concat(qa.Synonyms);
            if (qa.Focus is not null) keywords = keywords.Append(qa.Focus);
        }
        foreach (var k in keywords) doc.Add(new TextField(KeywordsField, k, Field.Store.NO));
        foreach (var section in record.Sections)
        {
            var isKey = KeyCategories.Contains(section.Category ?? "") || KeyCategories.Contains(section.Label);
            doc.Add(new TextField(isKey ? KeyTextField : BodyField, section.Text, Field.Store.NO));
        }
        return doc;
    }

    public IndexSearcher AcquireSearcher()
    {
        var manager = searcherManager;
        if (manager is null)
        {
            lock (writerLock)
            {
                searcherManager ??= writer is not null
                    ? new SearcherManager(writer, true, new SimilaritySearcherFactory())
                    : new SearcherManager(directory, new SimilaritySearcherFactory());
                manager = searcherManager;
            }
        }
        return manager.Acquire();
    }

    public void Release(IndexSearcher searcher) => searcherManager?.Release(searcher);

    /// <summary>Picks up commits made by another process (an import while the site runs).</summary>
    public void RefreshIfChanged() => searcherManager?.MaybeRefresh();

    public int DocumentCount()
    {
        if (!Exists) return 0;
        var s = AcquireSearcher();
        try { return s.IndexReader.NumDocs; }
        finally { Release(s); }
    }

    public void Dispose()
    {
        searcherManager?.Dispose();
        lock (writerLock)
        {
            writer?.Dispose();
            writer = null;
        }
        directory.Dispose();
        Analyzer.Dispose();
    }

    private sealed class SimilaritySearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}
