using Galen.Core.Search;
using Galen.Core.Sources;
using Galen.Evidence.Import;
using Galen.Evidence.Search;
using Galen.Evidence.Store;
using Microsoft.EntityFrameworkCore;

namespace Galen.Evidence;

/// <summary>Progress of a long operation: total when known, and how much is done.</summary>
public interface IProgressSink
{
    void Start(string label, long? total);
    void Advance(long amount);
    void Finish();
}

public sealed class NoProgress : IProgressSink
{
    public static readonly NoProgress Instance = new();
    public void Start(string label, long? total) { }
    public void Advance(long amount) { }
    public void Finish() { }
}

/// <summary>Thrown when the database schema is behind the code; the message says what to run.</summary>
public sealed class StoreNotMigratedException(string message) : Exception(message);

/// <summary>
/// The evidence library: the store, the search index derived from it, and the importers.
/// One per process; the web app and the command line share it.
/// </summary>
public sealed class Library : IDisposable
{
    private const int MedQuadFilesPerUnit = 250;

    public Library(GalenStoreOptions options)
    {
        Options = options;
        Db = new GalenDbFactory(options);
        Index = new EvidenceIndex(options.IndexDirectory);
        search = new LuceneEvidenceSearch(Index);
        Writer = new LibraryWriter(Db, Index);
        Vectors = new VectorStore(options.VectorDirectory);
        SentenceVectors = new VectorStore(Path.Combine(options.VectorDirectory, "sentences")) { ApproximateFrom = int.MaxValue };
        hybrid = new HybridEvidenceSearch(search, Index, Meaning, () => Embedder is not null && sentenceEmbedder is { } e ? (e, SentenceVectors) : null);
    }

    /// <summary>How many sources are read and embedded at a time: big enough for the model to batch, small enough to resume.</summary>
    private const int EmbeddingBatch = 64;

    /// <summary>Above this many sources without vectors, getting ready leaves the embedding to `galen index embed`.</summary>
    public const int EmbedOnStartLimit = 20_000;

    private readonly LuceneEvidenceSearch search;
    private readonly HybridEvidenceSearch hybrid;
    private readonly System.Threading.Lock meaningLock = new();
    private ITextEmbedder? embedder;
    private ITextEmbedder? sentenceEmbedder;
    private bool meaningOpened;
    private bool synonymsLoaded;

    /// <summary>The sources' sentence embeddings (open once <see cref="Embedder"/> is asked for).</summary>
    public VectorStore Vectors { get; }

    /// <summary>
    /// The vectors of the sources' sentences (<see cref="SourceSentences"/>), one per distinct sentence, made by
    /// <see cref="SentenceEmbedder"/> in the same stage as <see cref="Vectors"/>: what the bottom line compares with the question.
    /// </summary>
    public VectorStore SentenceVectors { get; }

    /// <summary>
    /// The model that compares a question with single sentences (<see cref="GalenStoreOptions.SentenceModel"/>), loaded
    /// with <see cref="Embedder"/>; null when embeddings are turned off. Finding sources and telling which sentence
    /// answers are different tasks, and a model trained for each does better at it than one model at both.
    /// </summary>
    public ITextEmbedder? SentenceEmbedder
    {
        get
        {
            _ = Embedder;
            return sentenceEmbedder;
        }
    }

    /// <summary>The embedding model, loaded on first use; null when embeddings are turned off.</summary>
    public ITextEmbedder? Embedder
    {
        get
        {
            lock (meaningLock)
            {
                if (!meaningOpened)
                {
                    embedder = SentenceEncoderEmbedder.ForModel(Options.EmbeddingModel);
                    if (embedder is not null)
                    {
                        sentenceEmbedder = SentenceEncoderEmbedder.ForModel(Options.SentenceModel, SentenceEncoderEmbedder.DefaultSentenceModel) ?? embedder;
                        Vectors.Open(embedder.ModelId, embedder.Dimensions);
                        SentenceVectors.Open(sentenceEmbedder.ModelId, sentenceEmbedder.Dimensions);
                    }
                    meaningOpened = true;
                }
                return embedder;
            }
        }
    }

    private (ITextEmbedder, VectorStore)? Meaning() => Embedder is { } e ? (e, Vectors) : null;

    public GalenStoreOptions Options { get; }
    public GalenDbFactory Db { get; }
    public EvidenceIndex Index { get; }
    public IEvidenceSearch Search
    {
        get
        {
            if (!synonymsLoaded) LoadLearnedSynonyms();
            return hybrid;
        }
    }
    /// <summary>The search by words alone (BM25), with the names learned at import.</summary>
    public LuceneEvidenceSearch WordSearch
    {
        get
        {
            if (!synonymsLoaded) LoadLearnedSynonyms();
            return search;
        }
    }

    public LibraryWriter Writer { get; }

    /// <summary>Applies pending migrations. Returns the names of the migrations applied.</summary>
    public IReadOnlyList<string> Migrate()
    {
        using var db = Db.Create();
        var pending = db.Database.GetPendingMigrations().ToList();
        if (pending.Count > 0) db.Database.Migrate();
        return pending;
    }

    /// <summary>
    /// Makes the library usable: migrates the embedded default on first run (a server database is
    /// migrated only by an explicit `galen migrate`), loads the starter library into an empty store, and
    /// rebuilds the index when it does not reflect the store.
    /// </summary>
    public void EnsureReady(string? starterLibrary = null, IProgressSink? progress = null)
    {
        using (var db = Db.Create())
        {
            var pending = db.Database.GetPendingMigrations().ToList();
            if (pending.Count > 0)
            {
                if (Options.Provider != StoreProvider.Sqlite || Options.Database is not null)
                {
                    throw new StoreNotMigratedException($"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}). Run `galen migrate` first.");
                }
                db.Database.Migrate();
            }
        }
        if (starterLibrary is not null && Directory.Exists(starterLibrary) && CountSources() == 0)
        {
            var report = new ImportReport();
            ImportGuidelines([starterLibrary], report, progress);
        }
        EnsureIndexFresh(progress);
        // Neighbour graphs of a large library are left to `galen index embed`: building one takes minutes.
        if (Embedder is not null && StoreVersion() is var version && (Vectors.CompletedVersion != version || SentenceVectors.CompletedVersion != version))
        {
            EmbedPending(progress, EmbedOnStartLimit, graphs: false);
        }
    }

    /// <summary>
    /// The embedding stage: gives every source without a current vector one, and every sentence of those sources
    /// without a vector one (<see cref="SentenceVectors"/>); drops the vectors of sources gone from the store, and
    /// records the library version then complete. Vectors are written as they are made, so a run that stops keeps its
    /// work and the next one resumes. A library embedded before sentences were gives every source's sentences their
    /// vectors once (on getting ready only when it holds at most <paramref name="limit"/> sources). Returns how many
    /// sources were embedded (0 when embeddings are off, or when more than <paramref name="limit"/> are waiting: they
    /// are then left to an explicit run). With <paramref name="graphs"/>, the neighbour graphs of kinds large enough to
    /// have one are then brought up to date (<see cref="VectorStore.UpdateGraphs"/>).
    /// </summary>
    public int EmbedPending(IProgressSink? progress = null, int limit = int.MaxValue, bool graphs = true, CancellationToken cancellation = default)
    {
        progress ??= NoProgress.Instance;
        if (Embedder is not { } model) return 0;
        var version = StoreVersion();
        var pending = new List<long>();
        var all = new List<long>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        using (var db = Db.Create())
        {
            long lastId = 0;
            while (true)
            {
                var page = db.Sources.AsNoTracking().Where(s => s.Id > lastId).OrderBy(s => s.Id)
                    .Select(s => new { s.Id, s.Key, s.ContentHash }).Take(20_000).ToList();
                if (page.Count == 0) break;
                foreach (var row in page)
                {
                    present.Add(row.Key);
                    all.Add(row.Id);
                    if (!Vectors.IsCurrent(row.Key, VectorStore.Fingerprint(row.ContentHash))) pending.Add(row.Id);
                }
                lastId = page[^1].Id;
            }
        }
        Vectors.Remove(Vectors.Keys().Where(k => !present.Contains(k)).ToList());
        if (pending.Count > limit) return 0;
        // Sentences of sources embedded before they were: every source is read once, its known sentences skipped.
        var everySentence = SentenceVectors.CompletedVersion < 0 && all.Count <= limit;
        var work = everySentence ? all : pending;
        progress.Start("Embedding", work.Count);
        foreach (var batch in work.Chunk(EmbeddingBatch))
        {
            cancellation.ThrowIfCancellationRequested();
            List<(string Key, string ContentHash, string Payload)> rows;
            using (var db = Db.Create())
            {
                rows = [.. db.Sources.AsNoTracking().Where(s => batch.Contains(s.Id)).Select(s => new { s.Key, s.ContentHash, s.Payload }).AsEnumerable()
                    .Select(s => (s.Key, s.ContentHash, s.Payload))];
            }
            var records = rows.Select(r => SourceJson.Deserialize(r.Payload)).ToList();
            // Sentences first: a source with a current vector has its sentences' vectors too.
            if (Options.SentenceVectors)
            {
                EmbedSentences(sentenceEmbedder ?? model, records, cancellation);
            }
            var stale = Enumerable.Range(0, rows.Count).Where(i => !Vectors.IsCurrent(rows[i].Key, VectorStore.Fingerprint(rows[i].ContentHash))).ToList();
            var vectors = model.EmbedPassages([.. stale.Select(i => EmbeddingText.For(records[i]))], cancellation);
            Vectors.Put([.. stale.Select((i, k) => new EmbeddedSource(rows[i].Key, VectorStore.Fingerprint(rows[i].ContentHash), records[i].Kind, records[i].Year, vectors[k]))]);
            progress.Advance(batch.Length);
        }
        Vectors.MarkComplete(version);
        if (everySentence || SentenceVectors.CompletedVersion >= 0) SentenceVectors.MarkComplete(version);
        progress.Finish();
        if (graphs) Vectors.UpdateGraphs(progress, cancellation);
        return pending.Count;
    }

    /// <summary>Gives the sentences of these sources that have no vector one, each distinct sentence once.</summary>
    private void EmbedSentences(ITextEmbedder model, IReadOnlyList<SourceRecord> records, CancellationToken cancellation)
    {
        var wanted = new Dictionary<string, (string Text, SourceKind Kind)>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Kind == SourceKind.Research && SentenceVectors.Count >= ResearchSentencesUpTo) continue;
            foreach (var sentence in SourceSentences.Of(record))
            {
                var key = SourceSentences.Key(sentence);
                if (!wanted.ContainsKey(key) && !SentenceVectors.IsCurrent(key, SentenceFingerprint)) wanted[key] = (sentence, record.Kind);
            }
        }
        var items = wanted.ToList();
        var texts = items.Select(i => i.Value.Text).ToList();
        foreach (var group in SourceSentences.ByLength(texts, EmbeddingBatch))
        {
            cancellation.ThrowIfCancellationRequested();
            var vectors = model.EmbedPassages([.. group.Select(i => texts[i])], cancellation);
            SentenceVectors.Put([.. group.Select((i, k) => new EmbeddedSource(items[i].Key, SentenceFingerprint, items[i].Value.Kind, null, vectors[k]))]);
        }
    }

    /// <summary>
    /// Research sentences are given vectors while the sentence file holds fewer than this many (about 400 MiB on disk
    /// and 120 MiB of keys in memory; a real library of about 100,000 studies): past it, a study's sentences are
    /// encoded when a question compares them, so that a library of a million studies does not spend a day and gigabytes
    /// on them. Guidelines, patient information and drug labels always get theirs.
    /// </summary>
    public const int ResearchSentencesUpTo = 1_000_000;

    /// <summary>A sentence's key is the hash of its text: whatever vector it has was made from that text.</summary>
    private const ulong SentenceFingerprint = 0;

    /// <summary>Makes every vector again (after a change of model or of what is embedded).</summary>
    public int RebuildVectors(IProgressSink? progress = null)
    {
        if (Embedder is null) return 0;
        Vectors.Clear();
        SentenceVectors.Clear();
        return EmbedPending(progress);
    }

    public long StoreVersion()
    {
        using var db = Db.Create();
        return db.LibraryState.AsNoTracking().Where(s => s.Id == 1).Select(s => (long?)s.Version).FirstOrDefault() ?? 0;
    }

    public int CountSources()
    {
        using var db = Db.Create();
        return db.Sources.Count();
    }

    /// <summary>Rebuilds the index if a crash or another process left it behind the store.</summary>
    public bool EnsureIndexFresh(IProgressSink? progress = null)
    {
        var version = StoreVersion();
        if (Index.CommittedVersion() == version && (version > 0 || Index.Exists)) return false;
        RebuildIndex(progress);
        return true;
    }

    /// <summary>Recreates the index from the store.</summary>
    public int RebuildIndex(IProgressSink? progress = null)
    {
        progress ??= NoProgress.Instance;
        using var db = Db.Create();
        var version = StoreVersion();
        var total = db.Sources.Count();
        progress.Start("Indexing", total);
        Index.DeleteAll();
        var count = 0;
        long lastId = 0;
        while (true)
        {
            var page = db.Sources.AsNoTracking().Where(s => s.Id > lastId).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.Payload }).Take(2000).ToList();
            if (page.Count == 0) break;
            foreach (var row in page)
            {
                Index.Upsert(SourceJson.Deserialize(row.Payload), row.Payload);
            }
            lastId = page[^1].Id;
            count += page.Count;
            progress.Advance(page.Count);
        }
        Index.Commit(version);
        progress.Finish();
        CompactIndex(progress);
        return count;
    }

    public void ImportPubMed(IEnumerable<string> paths, ImportReport report, IProgressSink? progress = null)
    {
        progress ??= NoProgress.Instance;
        var files = paths.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(PubMedReader.IsPubMedFile).Order(StringComparer.Ordinal)
            : (IEnumerable<string>)[p]).ToList();
        var totalBytes = files.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        progress.Start("Importing PubMed", totalBytes);
        foreach (var file in files)
        {
            report.Files++;
            if (!File.Exists(file))
            {
                report.Errors.Add(new ImportFormatException(file, null, "no such file or folder"));
                continue;
            }
            try
            {
                Writer.Apply(file, ImportPipeline.ReadAhead(PubMedReader.Read(file, report)), report);
            }
            catch (ImportFormatException ex)
            {
                report.Errors.Add(ex);
            }
            progress.Advance(new FileInfo(file).Length);
        }
        progress.Finish();
        CompactIndex(progress);
    }

    /// <summary>Reads the names learned at import into the search, so a query naming one is boosted by the others.</summary>
    public void LoadLearnedSynonyms()
    {
        synonymsLoaded = true;
        try
        {
            using var db = Db.Create();
            search.LearnedSynonyms = db.Synonyms.AsNoTracking().ToList()
                .ToDictionary(s => " " + s.Term + " ", s => s.Alternatives.Split('|', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            // Not migrated yet: nothing learned.
        }
    }

    /// <summary>Stores a MedQuAD document's focus and synonyms as names for the same thing (derived data; last import wins).</summary>
    private void LearnSynonyms(IEnumerable<SourceRecord> records)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var qa in records.Select(r => r.QuestionAnswer).OfType<QuestionAnswerInfo>())
        {
            if (qa.Focus is null || qa.Synonyms.Count == 0) continue;
            var names = qa.Synonyms.Prepend(qa.Focus).Select(n => n.Trim()).Where(n => n.Length is > 2 and < 120).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var name in names)
            {
                var key = NormaliseName(name);
                // Single common words ("pain", "cold") would boost unrelated names: keep specific names only.
                if (key.Length < 8 || !key.Contains(' ')) continue;
                groups[key] = string.Join('|', names.Where(n => !n.Equals(name, StringComparison.OrdinalIgnoreCase)));
            }
        }
        if (groups.Count == 0) return;
        using var db = Db.Create();
        var keys = groups.Keys.ToList();
        var existing = db.Synonyms.Where(s => keys.Contains(s.Term)).ToDictionary(s => s.Term, StringComparer.Ordinal);
        foreach (var (term, alternatives) in groups)
        {
            if (existing.TryGetValue(term, out var row)) row.Alternatives = alternatives;
            else db.Synonyms.Add(new SynonymRow { Term = term, Alternatives = alternatives });
        }
        db.SaveChanges();
        synonymsLoaded = false;
    }

    private static string NormaliseName(string name) =>
        string.Join(' ', new string(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public void ImportMedQuad(string path, ImportReport report, string? answersCsv = null, IProgressSink? progress = null)
    {
        progress ??= NoProgress.Instance;
        var answers = answersCsv is null ? null : MedQuadReader.ReadAnswersCsv(answersCsv);
        var files = MedQuadReader.FindFiles(path).ToList();
        progress.Start("Importing MedQuAD", files.Count);
        // Small files are grouped into one transaction each; a bad file is rejected alone before its group is written.
        foreach (var group in files.Chunk(MedQuadFilesPerUnit))
        {
            var records = new List<ImportItem>();
            foreach (var file in group)
            {
                report.Files++;
                try
                {
                    records.AddRange(MedQuadReader.Read(file, report, answers).Select(ImportItem.Of));
                }
                catch (ImportFormatException ex)
                {
                    report.Errors.Add(ex);
                }
            }
            Writer.Apply(path, records, report);
            LearnSynonyms(records.Select(r => r.Record!));
            progress.Advance(group.Length);
        }
        progress.Finish();
        CompactIndex(progress);
    }

    /// <summary>Imports guideline-format files. "Based on" ids must resolve to a record in these files or already in the store.</summary>
    public void ImportGuidelines(IEnumerable<string> paths, ImportReport report, IProgressSink? progress = null)
    {
        progress ??= NoProgress.Instance;
        var parsed = new List<(string File, SourceRecord Record)>();
        foreach (var path in paths)
        {
            IEnumerable<string> files;
            try { files = GuidelineReader.FindFiles(path).ToList(); }
            catch (ImportFormatException ex) { report.Files++; report.Errors.Add(ex); continue; }
            foreach (var file in files)
            {
                report.Files++;
                try { parsed.Add((file, GuidelineReader.Read(file))); }
                catch (ImportFormatException ex) { report.Errors.Add(ex); }
            }
        }
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var accepted = new List<(string File, SourceRecord Record)>();
        foreach (var (file, record) in parsed)
        {
            if (seen.TryGetValue(record.Key, out var other))
            {
                report.Errors.Add(new ImportFormatException(file, 2, $"id '{record.Ids.Guideline}' is already used by {other}"));
                continue;
            }
            seen[record.Key] = file;
            accepted.Add((file, record));
        }
        var known = new HashSet<string>(accepted.Select(a => a.Record.Ids.Guideline!), StringComparer.Ordinal);
        var referenced = accepted.SelectMany(a => a.Record.Sections).SelectMany(s => s.RestsOn ?? []).Where(id => !known.Contains(id)).Distinct().ToList();
        if (referenced.Count > 0)
        {
            using var db = Db.Create();
            var keys = referenced.Select(id => "guideline:" + id).ToList();
            foreach (var key in db.Sources.Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToList()) known.Add(key["guideline:".Length..]);
        }
        var valid = new List<ImportItem>();
        foreach (var (file, record) in accepted)
        {
            var missing = record.Sections.SelectMany(s => s.RestsOn ?? []).FirstOrDefault(id => !known.Contains(id));
            if (missing is not null)
            {
                report.Errors.Add(new ImportFormatException(file, null, $"'Based on' names '{missing}', which is not in the library"));
                continue;
            }
            valid.Add(ImportItem.Of(record));
        }
        progress.Start("Importing guidelines", valid.Count);
        Writer.Apply(string.Join(";", paths), valid, report, n => progress.Advance(n));
        progress.Finish();
        CompactIndex(progress);
    }

    /// <summary>After an import, the index's small segments are merged (see <see cref="EvidenceIndex.Compact"/>).</summary>
    private void CompactIndex(IProgressSink progress)
    {
        if (Index.SegmentCount() <= EvidenceIndex.CompactSegments) return;
        progress.Start("Compacting the index", null);
        Index.Compact();
        progress.Finish();
    }

    public LibraryStats Stats()
    {
        using var db = Db.Create();
        var byKind = db.Sources.GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToList()
            .OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => k.Count, StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<SourceKind>()) byKind.TryAdd(kind.ToSlug(), 0);
        return new LibraryStats(
            byKind.Values.Sum(),
            new SortedDictionary<string, int>(byKind, StringComparer.Ordinal),
            db.Articles.Count(),
            StoreVersion(),
            Index.DocumentCount(),
            Options.Provider == StoreProvider.Sqlite ? "sqlite" : "postgresql");
    }

    public void Dispose()
    {
        Index.Dispose();
        Vectors.Dispose();
        SentenceVectors.Dispose();
    }
}

public sealed record LibraryStats(int Total, SortedDictionary<string, int> ByKind, int Articles, long Version, int IndexedDocuments, string Provider);
