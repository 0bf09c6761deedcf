using System.Diagnostics;
using System.Net.Http.Json;

namespace Galen.Benchmarks;

/// <summary>
/// A closed-loop HTTP load generator for the site (when wrk is not installed):
///   load --url http://127.0.0.1:5124 [--seconds 10] [--connections 16]
/// asks the restless legs seed question once, then GETs its article page as fast as the connections allow.
/// Also times asking end to end: ask --url ... [--count 50] posts distinct starter questions.
/// </summary>
internal static class WebLoad
{
    public static int Run(string[] args)
    {
        var url = CorpusGenerator.Arg(args, "--url") ?? "http://127.0.0.1:5124";
        var seconds = int.Parse(CorpusGenerator.Arg(args, "--seconds") ?? "10");
        var connections = int.Parse(CorpusGenerator.Arg(args, "--connections") ?? "16");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var created = http.PostAsJsonAsync("/api/questions", new { question = "Can magnesium be used to treat restless legs syndrome?" }).Result;
        var article = created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>().Result!["articleUrl"]!.GetValue<string>();
        var path = new Uri(article).PathAndQuery;

        var latencies = new List<double>[connections];
        var stop = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, connections).Select(async c =>
        {
            latencies[c] = [];
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode} for {path}");
                latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }).ToArray();
        Task.WaitAll(tasks);
        var all = latencies.SelectMany(l => l).Order().ToList();
        double P(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        Console.WriteLine($"article page {path}: {all.Count / stop.Elapsed.TotalSeconds:F0} requests/s over {connections} connections, {seconds} s; p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms");
        return 0;
    }

    public static int Ask(string[] args)
    {
        var url = CorpusGenerator.Arg(args, "--url") ?? "http://127.0.0.1:5124";
        var count = int.Parse(CorpusGenerator.Arg(args, "--count") ?? "50");
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        string[] subjects = ["magnesium", "gabapentin", "iron", "benztropine", "propranolol", "statins", "metformin", "ibuprofen", "amoxicillin", "melatonin"];
        string[] conditions = ["restless legs syndrome", "acute dystonia", "akathisia", "migraine", "insomnia", "gout", "hypertension", "asthma", "low back pain", "otitis media"];
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var q = $"Does {subjects[i % subjects.Length]} help {conditions[(i / subjects.Length + i) % conditions.Length]}?";
            var t = Stopwatch.GetTimestamp();
            using var response = http.PostAsJsonAsync("/api/questions", new { question = q }).Result;
            if ((int)response.StatusCode != 201) throw new InvalidOperationException($"{response.StatusCode} for {q}");
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var sorted = times.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"asking end to end (POST /api/questions, new article each): {count} questions; p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms");
        return 0;
    }
}
