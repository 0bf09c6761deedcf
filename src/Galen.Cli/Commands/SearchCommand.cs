using System.Text.Json;
using System.Text.Json.Nodes;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Grading;
using Galen.Core.Search;
using Galen.Core.Sources;
using Galen.Evidence;

namespace Galen.Cli.Commands;

public static class SearchCommand
{
    public static int Run(Library library, List<string> rest, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        args.Allow("--top", "--json", "--batch", "--kind", "--from-year", "--to-year");
        var top = args.GetInt("--top", 10, 1, 1000);
        SourceKind? kind = null;
        if (args.Get("--kind") is { } k)
        {
            if (!SourceKinds.TryParse(k, out var parsedKind)) throw new UsageException($"--kind must be guideline, research, patient-information or drug-label, got '{k}'");
            kind = parsedKind;
        }
        int? fromYear = args.Has("--from-year") ? args.GetInt("--from-year", 0, 1000, 3000) : null;
        int? toYear = args.Has("--to-year") ? args.GetInt("--to-year", 0, 1000, 3000) : null;

        if (args.Get("--batch") is { } batchFile)
        {
            if (rest.Count > 0) throw new UsageException("search --batch takes no QUERY");
            if (!args.Has("--json")) throw new UsageException("search --batch needs --json");
            return BatchLines.Run(batchFile, stdout, (id, line) =>
            {
                var query = line["query"]?.GetValue<string>() ?? throw new BatchLineException("missing \"query\"");
                var hits = Search(library, query, top, kind, fromYear, toYear);
                return new JsonObject { ["id"] = id?.DeepClone(), ["evidence"] = JsonSerializer.SerializeToNode(hits.Select(ToEntry).ToList(), CliJson.Options) };
            });
        }

        if (rest.Count == 0) throw new UsageException("usage: galen search QUERY [--top N] [--json]");
        var text = string.Join(' ', rest);
        var results = Search(library, text, top, kind, fromYear, toYear);
        if (args.Has("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { query = text, evidence = results.Select(ToEntry).ToList() }, CliJson.Options));
            return ExitCodes.Done;
        }
        if (results.Count == 0) stdout.WriteLine("No sources found.");
        var n = 1;
        foreach (var hit in results)
        {
            var r = hit.Source;
            stdout.WriteLine($"{n++,3}. [{r.Kind.DisplayName()}] {r.Title}");
            var ranks = hit.WordRank is null && hit.MeaningRank is null ? "" : $" (words #{hit.WordRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, meaning #{hit.MeaningRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})";
            stdout.WriteLine($"     {r.Container}{(r.Year is int y ? ", " + y : "")} — {r.Key} — score {hit.Score:F4}{ranks}");
        }
        return ExitCodes.Done;
    }

    /// <summary>Searches the text, with the other names of any vocabulary term in it (RLS, Willis-Ekbom disease, ...) as boosts.</summary>
    internal static IReadOnlyList<SearchHit> Search(Library library, string text, int top, SourceKind? kind, int? fromYear, int? toYear)
    {
        var boosts = Vocabulary.FindAll(text).SelectMany(m => m.Group.Phrasings).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return library.Search.Search(new EvidenceQuery { Text = text, Boosts = boosts, Top = top, Kind = kind, FromYear = fromYear, ToYear = toYear, Hybrid = true });
    }

    internal static EvidenceEntry ToEntry(SearchHit hit) => new(
        ExternalIdsView.From(hit.Source.Ids),
        hit.Score,
        Galen.Core.Grading.EvidenceClassifier.Level(hit.Source).ToSlug(),
        "not-assessed",
        hit.Source.Kind.ToSlug(),
        hit.Source.Title,
        hit.Source.Year)
    {
        WordRank = hit.WordRank,
        WordScore = hit.WordScore,
        MeaningRank = hit.MeaningRank,
        Similarity = hit.Similarity,
    };
}
