using System.Text.Json;
using Galen.Core.Sources;

namespace Galen.Evidence.Import;

/// <summary>A labelled PubMedQA item: the question, and the expected decision (yes, no, maybe).</summary>
public sealed record PubMedQaItem(string Pmid, string Question, string Decision, SourceRecord Source);

/// <summary>
/// Reads a PubMedQA JSON file (PMID -> QUESTION, CONTEXTS, LABELS, LONG_ANSWER, MESHES, YEAR,
/// final_decision) as PubMed-like research sources: the question as title, the contexts as labelled
/// sections and the long answer as the conclusions.
/// </summary>
public static class PubMedQaReader
{
    public static List<PubMedQaItem> Read(string path)
    {
        if (!File.Exists(path)) throw new ImportFormatException(path, null, "no such file");
        JsonDocument doc;
        try
        {
            using var stream = File.OpenRead(path);
            doc = JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new ImportFormatException(path, (int?)(ex.LineNumber + 1), "malformed JSON: " + ex.Message, ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new ImportFormatException(path, 1, "expected a JSON object keyed by PMID");
            var items = new List<PubMedQaItem>();
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                var pmid = entry.Name.Trim();
                var e = entry.Value;
                string Str(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : "";
                List<string> List(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
                    ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).ToList()
                    : [];
                var question = Str("QUESTION");
                if (question.Length == 0) throw new ImportFormatException(path, null, $"item {pmid} has no QUESTION");
                var contexts = List("CONTEXTS");
                var labels = List("LABELS");
                var sections = new List<SourceSection>();
                for (var i = 0; i < contexts.Count; i++)
                {
                    var label = i < labels.Count && labels[i].Length > 0 ? labels[i] : "ABSTRACT";
                    sections.Add(new SourceSection { Label = label, Category = CategoryOf(label), Text = contexts[i] });
                }
                var conclusion = Str("LONG_ANSWER");
                if (conclusion.Length > 0) sections.Add(new SourceSection { Label = "CONCLUSIONS", Category = "conclusions", Text = conclusion });
                int? year = int.TryParse(Str("YEAR"), out var y) ? y : null;
                var record = new SourceRecord
                {
                    Kind = SourceKind.Research,
                    Ids = new ExternalIds { Pmid = pmid },
                    Title = question,
                    Year = year,
                    PublishedText = year?.ToString(),
                    MeshTerms = List("MESHES"),
                    Sections = sections,
                };
                items.Add(new PubMedQaItem(pmid, question, Str("final_decision").ToLowerInvariant(), record));
            }
            return items;
        }
    }

    private static string? CategoryOf(string label)
    {
        var l = label.ToLowerInvariant();
        if (l.Contains("conclu")) return "conclusions";
        if (l.Contains("result") || l.Contains("finding")) return "results";
        if (l.Contains("method") || l.Contains("design") || l.Contains("patients") || l.Contains("participants")) return "methods";
        if (l.Contains("background") || l.Contains("objective") || l.Contains("purpose") || l.Contains("introduction") || l.Contains("aim")) return "background";
        return null;
    }
}
