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
///   scale vectors --sources N --work DIR  the exact scan of N 8-bit sentence vectors (random unit vectors of 384
///                                         dimensions): load time, nearest-20 p50/p95, memory
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
            case "vectors": Vectors(Path.Combine(work, $"vectors-{sources}"), sources); break;
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
        var engine = new AnswerEngine(library.Search);
        foreach (var q in questions.Take(50))
        {
            library.Search.Search(new EvidenceQuery { Text = q, Top = 20 });
            engine.Ask(new AskRequest(q, Audience.Clinician, []));
        }
        var search = new List<double>();
        var hybrid = new List<double>();
        var ask = new List<double>();
        var askPatient = new List<double>();
        foreach (var q in questions)
        {
            var t = Stopwatch.GetTimestamp();
            library.Search.Search(new EvidenceQuery { Text = q, Top = 20 });
            search.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            library.Search.Search(new EvidenceQuery { Text = q, Top = 20, Hybrid = true });
            hybrid.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            engine.Ask(new AskRequest(q, Audience.Clinician, []));
            ask.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            engine.Ask(new AskRequest(q, Audience.Patient, []));
            askPatient.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Console.WriteLine($"sources: {library.CountSources():N0}; {questions.Count} PubMedQA questions after 50 warm-up");
        Console.WriteLine($"search top 20: p50 {P(search, 0.5):F1} ms, p95 {P(search, 0.95):F1} ms");
        Console.WriteLine($"hybrid search top 20 (query embedded, words and meaning fused): p50 {P(hybrid, 0.5):F1} ms, p95 {P(hybrid, 0.95):F1} ms");
        Console.WriteLine($"ask (analysis, search, grading, composition): p50 {P(ask, 0.5):F1} ms, p95 {P(ask, 0.95):F1} ms");
        Console.WriteLine($"ask in patient wording (adds the patient-information searches): p50 {P(askPatient, 0.5):F1} ms, p95 {P(askPatient, 0.95):F1} ms");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    private static void Vectors(string directory, int count)
    {
        const int dimensions = 384;
        var random = new Random(11);
        float[] Unit()
        {
            var v = new float[dimensions];
            for (var i = 0; i < dimensions; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            for (var i = 0; i < dimensions; i++) v[i] /= norm;
            return v;
        }
        if (Directory.Exists(directory)) Directory.Delete(directory, true);
        var clock = Stopwatch.StartNew();
        using (var store = new Galen.Evidence.Search.VectorStore(directory))
        {
            store.Open("synthetic/1", dimensions);
            for (var done = 0; done < count; done += 10_000)
            {
                store.Put([.. Enumerable.Range(done, Math.Min(10_000, count - done)).Select(i =>
                    new Galen.Evidence.Search.EmbeddedSource("synthetic:" + i, (ulong)i, Galen.Core.Sources.SourceKind.Research, 2020, Unit()))]);
            }
        }
        Console.WriteLine($"wrote {count:N0} vectors in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(Path.Combine(directory, "vectors.bin")).Length / (1024 * 1024)} MiB on disk)");
        var before = GC.GetTotalMemory(true);
        clock.Restart();
        using var loaded = new Galen.Evidence.Search.VectorStore(directory);
        loaded.Open("synthetic/1", dimensions);
        Console.WriteLine($"loaded {loaded.Count:N0} vectors in {clock.Elapsed.TotalSeconds:F1} s; managed memory {(GC.GetTotalMemory(true) - before) / (1024 * 1024)} MiB");
        var times = new List<double>();
        for (var q = 0; q < 220; q++)
        {
            var query = Unit();
            var t = Stopwatch.GetTimestamp();
            loaded.Nearest(query, 20);
            if (q >= 20) times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Console.WriteLine($"nearest 20 of {count:N0}: p50 {P(times, 0.5):F1} ms, p95 {P(times, 0.95):F1} ms (200 queries after 20 warm-up)");
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    private static double P(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
