using Galen.Core.Analysis;
using Galen.Core.Search;
using Galen.Core.Sources;

namespace Galen.Core.Tests;

internal sealed class FastSearch(IReadOnlyList<SourceRecord> sources) : IEvidenceSearch
{
    private readonly List<(SourceRecord S, string Raw, string Norm, HashSet<string> Tokens)> _index =
        sources.Select(s => { var raw = s.Title + " " + s.FullText; var n = TextTools.Normalize(raw); return (s, raw, n, TextTools.Tokens(n).ToHashSet()); }).ToList();

    public IReadOnlyList<SearchHit> Search(EvidenceQuery query)
    {
        var tokens = TextTools.Tokens(TextTools.Normalize(query.Text)).Distinct().ToArray();
        var hits = new List<SearchHit>();
        foreach (var (s, raw, norm, set) in _index)
        {
            if (!query.RequiredConcepts.All(c => c.Phrasings.Any(p => TextTools.ContainsPhrase(norm, TextTools.Normalize(p)))))
            {
                continue;
            }
            var score = tokens.Count(set.Contains) + (tokens.Count(t => TextTools.ContainsPhrase(TextTools.Normalize(s.Title), t)) * 2.0);
            if (score > 0) hits.Add(new SearchHit(s, score));
        }
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Source.Key, StringComparer.Ordinal).Take(query.Top).ToList();
    }
}

public sealed class ScratchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void EndToEnd()
    {
        var items = PubMedQaTests.Load(PubMedQaTests.FindDataFile("pqal_dev.json")!);
        var engine = new AnswerEngine(new FastSearch(items.Select(i => i.Source).ToList()));
        int correct = 0, own = 0, abst = 0, samples = 0;
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var m = new Dictionary<(string, string), int>();
        foreach (var it in items)
        {
            var a = engine.Ask(new AskRequest(it.Question, Answers.Audience.Clinician, []));
            var v = a.Verdict ?? "uncertain";
            if (v == it.Expected) correct++;
            if (a.Evidence.Count > 0 && a.Evidence[0].ExternalIds.Pmid == it.Id) own++;
            if (a.Abstained) abst++;
            m[(it.Expected, v)] = m.GetValueOrDefault((it.Expected, v)) + 1;
            if (v != it.Expected && v == "uncertain")
            {
                var key = (a.Abstained ? "ABSTAIN " : "") + (a.VerdictReason ?? "").Split(':')[0];
                key = key.Length > 60 ? key[..60] : key;
                reasons[key] = reasons.GetValueOrDefault(key) + 1;
                if (samples < 12 && !a.Abstained) { samples++; output.WriteLine($"  {it.Expected} | {it.Question} | {a.VerdictReason} | ev={a.Evidence.Count} own={(a.Evidence.Count > 0 ? a.Evidence[0].ExternalIds.Pmid == it.Id : false)}"); }
            }
        }
        foreach (var r in reasons) output.WriteLine($"  {r.Value,4} {r.Key}");
        output.WriteLine($"end-to-end accuracy {correct / 500.0:F3}, own first {own / 500.0:F3}, abstained {abst}");
        foreach (var e in new[] { "yes", "no", "uncertain" })
            output.WriteLine($"{e}: {m.GetValueOrDefault((e, "yes"))} {m.GetValueOrDefault((e, "no"))} {m.GetValueOrDefault((e, "uncertain"))}");
    }
}
