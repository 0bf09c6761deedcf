using System.Diagnostics;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Search;
using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Evidence.Store;

namespace Galen.Benchmarks;

/// <summary>
/// Whole-command figures at scale. Two phases, each its own process so memory figures are honest:
///   scale import --sources N --work DIR   generate (once) and import the synthetic corpus: sources/s, peak memory
///   scale search --sources N --work DIR [--with-medquad]   search and ask latency p50/p95 over PubMedQA questions
///                                         (clinician and patient wording), peak memory; --with-medquad adds MedQuAD's
///                                         answers first, so patients' searches of patient information have real work
///   scale medquad --work DIR              full MedQuAD import time
///   scale vectors --sources N --work DIR [--graph] [--keep]
///                                         N 8-bit sentence vectors of 384 dimensions (unit vectors scattered around
///                                         2,000 centres, as sentence embeddings cluster by topic): load time,
///                                         nearest-20 p50/p95 and memory; --graph builds the neighbour graph and
///                                         measures it against the exact scan (recall at 20); --keep reuses the vectors
///                                         and graph written by an earlier run, so that the figures are of a process
///                                         that only loads and searches
///   scale lend-vectors --sources N --from M --work DIR
///                                         gives each research source of the N library that has no vector one borrowed
///                                         from the M library's real embeddings (made by `scale embed`), with a little
///                                         noise, and builds the neighbour graphs: what a fully embedded large library
///                                         costs to search, without the hours of embedding (what the borrowed vectors
///                                         find is not meaningful; the time and memory are)
///   scale meaning --sources N --work DIR [--queries Q]
///                                         where the bottom line's closeness in meaning costs its time: each ask timed
///                                         with and without comparing the question to the candidate sentences, and
///                                         those sentences encoded again by length and batching (MeaningProfile)
///   scale embed --sources N --work DIR [--seconds S]
///                                         the embedding stage on the library of `scale search` (research and MedQuAD):
///                                         sources per second; stops after S seconds, and the next run resumes
/// </summary>
internal static class ScaleHarness
{
    public static int Run(string[] args)
    {
        var phase = args.Length > 0 ? args[0] : throw new ArgumentException("scale import|search|medquad");
        var work = CorpusGenerator.Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), "galen-scale");
        var sources = int.Parse(CorpusGenerator.Arg(args, "--sources") ?? "10000");
        var data = Path.Combine(work, $"data-{sources}");
        switch (phase)
        {
            case "import": Import(work, data, sources); break;
            case "search": Search(data, int.Parse(CorpusGenerator.Arg(args, "--queries") ?? "500"), args.Contains("--with-medquad"), args); break;
            case "medquad": MedQuad(Path.Combine(work, "data-medquad")); break;
            case "stages": Stages(Path.Combine(work, $"corpus-{sources}")); break;
            case "vectors": Vectors(Path.Combine(work, $"vectors-{sources}"), sources, args.Contains("--graph"), args.Contains("--keep")); break;
            case "lend-vectors": LendVectors(Path.Combine(work, $"data-{CorpusGenerator.Arg(args, "--from") ?? "100000"}"), data); break;
            case "meaning": MeaningProfile.Run(data, int.Parse(CorpusGenerator.Arg(args, "--queries") ?? "200")); break;
            case "embed": Embed(data, CorpusGenerator.Arg(args, "--seconds") is { } seconds ? int.Parse(seconds) : null); break;
            default: throw new ArgumentException($"unknown phase {phase}");
        }
        return 0;
    }

    private static void Import(string work, string data, int sources)
    {
        var corpus = Path.Combine(work, $"corpus-{sources}");
        if (!Directory.Exists(corpus) || Directory.GetFiles(corpus).Length == 0)
        {
            var g = Stopwatch.StartNew();
            CorpusGenerator.Generate(sources, corpus);
            Console.WriteLine($"generated {sources:N0} citations in {g.Elapsed.TotalSeconds:F1} s");
        }
        if (Directory.Exists(data)) Directory.Delete(data, true);
        using var library = new Library(new GalenStoreOptions { DataDirectory = data });
        library.Migrate();
        var report = new ImportReport();
        var clock = Stopwatch.StartNew();
        library.ImportPubMed([corpus], report);
        clock.Stop();
        Console.WriteLine($"import pubmed: {report.Added:N0} sources in {clock.Elapsed.TotalSeconds:F1} s = {report.Added / clock.Elapsed.TotalSeconds:F0} sources/s (parse, store, index; SQLite)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    /// <summary>Where import time goes: parsing, serialising, analysing text for the index.</summary>
    private static void Stages(string corpus)
    {
        var files = Directory.GetFiles(corpus);
        var clock = Stopwatch.StartNew();
        var records = files.SelectMany(f => PubMedReader.Read(f, new ImportReport())).Select(i => i.Record!).ToList();
        Console.WriteLine($"parse: {records.Count / clock.Elapsed.TotalSeconds:F0} sources/s");
        clock.Restart();
        var payloads = records.Select(Galen.Evidence.Search.SourceJson.Serialize).ToList();
        foreach (var p in payloads) Galen.Evidence.Search.SourceJson.Hash(p);
        Console.WriteLine($"serialise + hash: {records.Count / clock.Elapsed.TotalSeconds:F0} sources/s");
        clock.Restart();
        using var analyzer = new Galen.Evidence.Search.MedicalAnalyzer();
        long tokens = 0;
        foreach (var r in records)
        {
            using var ts = analyzer.GetTokenStream("body", r.FullText);
            ts.Reset();
            while (ts.IncrementToken()) tokens++;
            ts.End();
        }
        Console.WriteLine($"analyse: {records.Count / clock.Elapsed.TotalSeconds:F0} sources/s ({tokens / records.Count} tokens each)");
    }

    private static void MedQuad(string data)
    {
        if (Directory.Exists(data)) Directory.Delete(data, true);
        using var library = new Library(new GalenStoreOptions { DataDirectory = data });
        library.Migrate();
        var report = new ImportReport();
        var clock = Stopwatch.StartNew();
        library.ImportMedQuad(SharedData.Path("medquad"), report);
        clock.Stop();
        Console.WriteLine($"import medquad: {report.Added:N0} sources from {report.Files:N0} files in {clock.Elapsed.TotalSeconds:F1} s = {report.Added / clock.Elapsed.TotalSeconds:F0} sources/s; {report.Skipped:N0} skipped");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    private static void Search(string data, int queries, bool withMedQuad, string[] args)
    {
        using var library = new Library(new GalenStoreOptions { DataDirectory = data });
        library.EnsureReady();
        if (withMedQuad)
        {
            var report = new ImportReport();
            library.ImportMedQuad(SharedData.Path("medquad"), report);
            Console.WriteLine($"medquad: {report.Added:N0} added, {report.Unchanged:N0} already there");
        }
        if (!args.Contains("--no-embed") && library.Embedder is not null)
        {
            // The embedding stage, timed apart from the import; sources it has not reached are still found by their words.
            var clock = Stopwatch.StartNew();
            var embedded = library.EmbedPending(limit: int.Parse(CorpusGenerator.Arg(args, "--embed-limit") ?? "30000"));
            Console.WriteLine($"embedded {embedded:N0} sources in {clock.Elapsed.TotalSeconds:F1} s; {library.Vectors.Count:N0} have vectors");
        }
        var questions = PubMedQaReader.Read(SharedData.Path("pubmedqa", "pqal_dev.json")).Select(i => i.Question).Take(queries).ToList();
        var timed = new TimedSearch(library.Search);
        var engine = new AnswerEngine(timed);
        foreach (var q in questions.Take(50))
        {
            library.Search.Search(new EvidenceQuery { Text = q, Top = 20 });
            engine.Ask(new AskRequest(q, Audience.Clinician, []));
        }
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = (G0: GC.CollectionCount(0), G1: GC.CollectionCount(1), G2: GC.CollectionCount(2), Bytes: GC.GetTotalAllocatedBytes(), Pause: GC.GetTotalPauseDuration());
        var search = new List<double>();
        var hybrid = new List<double>();
        var ask = new List<double>();
        var askPatient = new List<double>();
        var patientCalls = new List<List<(string Call, double Ms)>>();
        var answers = new List<Answer>();
        foreach (var q in questions)
        {
            var t = Stopwatch.GetTimestamp();
            library.Search.Search(new EvidenceQuery { Text = q, Top = 20 });
            search.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            library.Search.Search(new EvidenceQuery { Text = q, Top = 20, Hybrid = true });
            hybrid.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            var clinicianAnswer = engine.Ask(new AskRequest(q, Audience.Clinician, []));
            ask.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            timed.Calls.Clear();
            t = Stopwatch.GetTimestamp();
            var patientAnswer = engine.Ask(new AskRequest(q, Audience.Patient, []));
            askPatient.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            patientCalls.Add([.. timed.Calls]);
            answers.Add(clinicianAnswer);
            answers.Add(patientAnswer);
        }
        Console.WriteLine($"sources: {library.CountSources():N0}; {questions.Count} PubMedQA questions after 50 warm-up");
        Console.WriteLine($"search top 20: p50 {P(search, 0.5):F1} ms, p95 {P(search, 0.95):F1} ms");
        Console.WriteLine($"hybrid search top 20 (query embedded, words and meaning fused): p50 {P(hybrid, 0.5):F1} ms, p95 {P(hybrid, 0.95):F1} ms");
        Console.WriteLine($"ask (analysis, search, grading, composition): p50 {P(ask, 0.5):F1} ms, p95 {P(ask, 0.95):F1} ms");
        Console.WriteLine($"ask in patient wording (adds the patient-information searches): p50 {P(askPatient, 0.5):F1} ms, p95 {P(askPatient, 0.95):F1} ms");
        // Processor time is less moved than the clock by other work sharing the cores: compares builds on a busy machine.
        Console.WriteLine($"processor time while measuring: {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / questions.Count:F1} ms per question (four calls, all threads)");
        Console.WriteLine($"garbage collections while measuring: gen0 {GC.CollectionCount(0) - gcBefore.G0}, gen1 {GC.CollectionCount(1) - gcBefore.G1}, gen2 {GC.CollectionCount(2) - gcBefore.G2}; " +
            $"{(GC.GetTotalAllocatedBytes() - gcBefore.Bytes) / (1024.0 * 1024 * questions.Count):F1} MiB allocated per question (four calls); paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds / questions.Count:F1} ms per question");
        if (CorpusGenerator.Arg(args, "--answers") is { } answersFile)
        {
            // Every answer given, one per line, to compare two builds: a change meant for speed must not change one.
            File.WriteAllLines(answersFile, answers.Select(a => System.Text.Json.JsonSerializer.Serialize(a)));
        }
        if (CorpusGenerator.Arg(args, "--slowest") is { } slowest)
        {
            // Which questions make the tail: each one's times, slowest patient asks first.
            Console.WriteLine("slowest patient asks (patient / clinician / search ms, question):");
            foreach (var i in Enumerable.Range(0, questions.Count).OrderByDescending(i => askPatient[i]).Take(int.Parse(slowest)))
            {
                // Asked again three times: a question slow every time is slow in itself, not caught by a collection.
                var again = Enumerable.Range(0, 3).Select(_ =>
                {
                    var t = Stopwatch.GetTimestamp();
                    engine.Ask(new AskRequest(questions[i], Audience.Patient, []));
                    return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                }).Min();
                Console.WriteLine($"  {askPatient[i],7:F1} (again, fastest of 3: {again,6:F1}) {ask[i],7:F1} {search[i],6:F1}  {questions[i]}");
                if (args.Contains("--calls"))
                {
                    foreach (var (call, ms) in patientCalls[i]) Console.WriteLine($"           {ms,7:F1}  {call}");
                }
            }
        }
        if (args.Contains("--calls"))
        {
            // Over all patient asks: the time each kind of call took, summed (calls on other threads overlap).
            Console.WriteLine($"patient asks, {askPatient.Sum():F0} ms in all; calls by kind:");
            foreach (var g in patientCalls.SelectMany(c => c).GroupBy(c => c.Call).OrderByDescending(g => g.Sum(c => c.Ms)).Take(25))
            {
                Console.WriteLine($"  {g.Sum(c => c.Ms),8:F0} ms in {g.Count(),4} calls, max {g.Max(c => c.Ms),6:F1}  {g.Key}");
            }
        }
        var young = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        Console.WriteLine($"last young collection: gen{young.Generation}, paused {young.PauseDurations[0].TotalMilliseconds:F1} ms, promoted {young.PromotedBytes / (1024 * 1024)} MiB; heap {young.HeapSizeBytes / (1024 * 1024)} MiB; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB; {ResidentParts()}");
    }

    /// <summary>
    /// What the working set is made of now (Linux): anonymous memory (heaps, the model) against pages of mapped files
    /// (the index, the vector file, the neighbour graph), which the system can drop and read again.
    /// </summary>
    private static string ResidentParts()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return "";
        var fields = File.ReadAllLines(status).Select(l => l.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
        string Get(string name) => fields.TryGetValue(name, out var v) && long.TryParse(v.Split(' ')[0], out var kb) ? $"{kb / 1024} MiB" : "?";
        return $"resident now: {Get("RssAnon")} anonymous (heaps, model), {Get("RssFile")} of mapped files (index, vectors, graph)";
    }

    private static void LendVectors(string donorData, string data)
    {
        var donors = new List<float[]>();
        using (var donor = new Library(new GalenStoreOptions { DataDirectory = donorData }))
        {
            if (donor.Embedder is null) throw new InvalidOperationException("embeddings are turned off");
            donors.AddRange(donor.Vectors.Keys().Where(k => k.StartsWith("pmid:", StringComparison.Ordinal)).Select(k => donor.Vectors.Dequantized(k)!));
        }
        Console.WriteLine($"{donors.Count:N0} research vectors to lend");
        if (donors.Count == 0) throw new InvalidOperationException("embed the donor library first (scale embed)");
        using var library = new Library(new GalenStoreOptions { DataDirectory = data });
        if (library.Embedder is null) throw new InvalidOperationException("embeddings are turned off");
        var random = new Random(5);
        var clock = Stopwatch.StartNew();
        var lent = 0;
        long lastId = 0;
        while (true)
        {
            List<(long Id, string Key, string Kind, int? Year, string Hash)> page;
            using (var db = library.Db.Create())
            {
                page = [.. db.Sources.Where(s => s.Id > lastId).OrderBy(s => s.Id).Select(s => new { s.Id, s.Key, s.Kind, s.Year, s.ContentHash }).Take(10_000)
                    .AsEnumerable().Select(s => (s.Id, s.Key, s.Kind, s.Year, Hash: s.ContentHash))];
            }
            if (page.Count == 0) break;
            lastId = page[^1].Id;
            // Research only, and only where the source has no vector of its own: real ones are kept.
            page = [.. page.Where(row => row.Key.StartsWith("pmid:", StringComparison.Ordinal) && !library.Vectors.IsCurrent(row.Key, Galen.Evidence.Search.VectorStore.Fingerprint(row.Hash)))];
            library.Vectors.Put([.. page.Select(row =>
            {
                var donor = donors[random.Next(donors.Count)];
                var vector = donor.Select(x => x + (float)((random.NextDouble() * 2 - 1) * 0.02)).ToArray();
                var norm = MathF.Sqrt(vector.Sum(x => x * x));
                for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
                Galen.Core.Sources.SourceKinds.TryParse(row.Kind, out var kind);
                return new Galen.Evidence.Search.EmbeddedSource(row.Key, Galen.Evidence.Search.VectorStore.Fingerprint(row.Hash), kind, row.Year, vector);
            })]);
            lent += page.Count;
        }
        library.Vectors.MarkComplete(library.StoreVersion());
        Console.WriteLine($"lent {lent:N0} vectors in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var added = library.Vectors.UpdateGraphs();
        Console.WriteLine($"neighbour graphs: {added:N0} vectors added in {clock.Elapsed.TotalSeconds:F1} s ({added / Math.Max(0.001, clock.Elapsed.TotalSeconds):F0}/s); {library.Vectors.CountInGraphs:N0} in graphs");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    private static void Embed(string data, int? seconds)
    {
        using var library = new Library(new GalenStoreOptions { DataDirectory = data });
        if (library.Embedder is null) throw new InvalidOperationException("embeddings are turned off");
        var before = library.Vectors.Count;
        var sentencesBefore = library.SentenceVectors.Count;
        using var stop = seconds is { } s ? new CancellationTokenSource(TimeSpan.FromSeconds(s)) : new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var finished = true;
        try
        {
            library.EmbedPending(cancellation: stop.Token);
        }
        catch (OperationCanceledException)
        {
            finished = false;
        }
        clock.Stop();
        var done = library.Vectors.Count - before;
        Console.WriteLine($"{before:N0} had vectors; embedded {done:N0} sources in {clock.Elapsed.TotalSeconds:F1} s = {done / clock.Elapsed.TotalSeconds:F1} sources/s; " +
            $"{library.Vectors.Count:N0} of {library.CountSources():N0} have vectors{(finished ? " (complete)" : " (stopped; run again to resume)")}");
        var sentenceFile = new FileInfo(Path.Combine(library.Options.VectorDirectory, "sentences", "vectors.bin"));
        Console.WriteLine($"sentences: {library.SentenceVectors.Count - sentencesBefore:N0} embedded, {library.SentenceVectors.Count:N0} distinct sentences have vectors " +
            $"({(sentenceFile.Exists ? sentenceFile.Length / (1024.0 * 1024) : 0):F1} MiB on disk)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    private static void Vectors(string directory, int count, bool graph, bool keep)
    {
        const int dimensions = 384;
        var random = new Random(11);
        float[] Normalised(float[] v)
        {
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            for (var i = 0; i < v.Length; i++) v[i] /= norm;
            return v;
        }
        float[] RandomUnit() => Normalised([.. Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1))]);
        var centres = Enumerable.Range(0, 2_000).Select(_ => RandomUnit()).ToArray();
        // A topic's centre plus as much noise again: neighbours share a topic, as sentence embeddings do.
        float[] Unit()
        {
            var centre = centres[random.Next(centres.Length)];
            var noise = RandomUnit();
            return Normalised([.. centre.Zip(noise, (c, n) => c + n)]);
        }
        var clock = Stopwatch.StartNew();
        if (!keep || !Directory.Exists(directory))
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
            using var store = new Galen.Evidence.Search.VectorStore(directory);
            store.Open("synthetic/1", dimensions);
            for (var done = 0; done < count; done += 10_000)
            {
                store.Put([.. Enumerable.Range(done, Math.Min(10_000, count - done)).Select(i =>
                    new Galen.Evidence.Search.EmbeddedSource("synthetic:" + i, (ulong)i, Galen.Core.Sources.SourceKind.Research, 2020, Unit()))]);
            }
            Console.WriteLine($"wrote {count:N0} vectors in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(Path.Combine(directory, "vectors.bin")).Length / (1024 * 1024)} MiB on disk)");
            if (graph)
            {
                clock.Restart();
                var added = store.UpdateGraphs();
                Console.WriteLine($"neighbour graph: {added:N0} vectors added in {clock.Elapsed.TotalSeconds:F1} s ({added / clock.Elapsed.TotalSeconds:F0}/s, one thread); " +
                    $"{Directory.GetFiles(directory, "graph-*.usearch").Sum(f => new FileInfo(f).Length) / (1024 * 1024)} MiB on disk");
            }
        }
        var before = GC.GetTotalMemory(true);
        clock.Restart();
        using var loaded = new Galen.Evidence.Search.VectorStore(directory) { ApproximateFrom = graph ? Math.Min(count, Galen.Evidence.Search.VectorStore.DefaultApproximateFrom) : int.MaxValue };
        loaded.Open("synthetic/1", dimensions);
        Console.WriteLine($"loaded {loaded.Count:N0} vectors ({loaded.CountInGraphs:N0} in a neighbour graph) in {clock.Elapsed.TotalSeconds:F1} s; managed memory {(GC.GetTotalMemory(true) - before) / (1024 * 1024)} MiB");
        var queries = Enumerable.Range(0, 220).Select(_ => Unit()).ToList();
        var times = new List<double>();
        var found = new List<IReadOnlyList<(string Key, double Similarity)>>();
        for (var q = 0; q < queries.Count; q++)
        {
            var t = Stopwatch.GetTimestamp();
            var nearest = loaded.Nearest(queries[q], 20);
            if (q >= 20)
            {
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                found.Add(nearest);
            }
        }
        Console.WriteLine($"nearest 20 of {count:N0}{(graph ? " through the graph" : " by exact scan")}: p50 {P(times, 0.5):F2} ms, p95 {P(times, 0.95):F2} ms (200 queries after 20 warm-up)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB; private memory now {Process.GetCurrentProcess().PrivateMemorySize64 / (1024 * 1024)} MiB");
        if (graph)
        {
            using var exact = new Galen.Evidence.Search.VectorStore(directory) { ApproximateFrom = int.MaxValue };
            exact.Open("synthetic/1", dimensions);
            var shared = queries.Skip(20).Select((query, i) => exact.Nearest(query, 20).Select(n => n.Key).Intersect(found[i].Select(n => n.Key)).Count()).Sum();
            Console.WriteLine($"recall at 20 against the exact scan: {shared / (20.0 * found.Count):F3}");
        }
    }

    private static double P(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
