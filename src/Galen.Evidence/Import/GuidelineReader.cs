using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Galen.Core.Sources;

namespace Galen.Evidence.Import;

/// <summary>Reads the project's own Markdown evidence format (docs/guideline-format.md).</summary>
public static partial class GuidelineReader
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "id", "kind", "title", "container", "year", "published", "authors", "design", "sample-size",
        "pmid", "doi", "url", "topics", "publication-types", "mesh", "last-reviewed", "license", "edition", "newer-edition",
    };

    private static readonly Dictionary<string, string> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["summary"] = "summary", ["key points"] = "summary",
        ["background"] = "background", ["methods"] = "methods", ["results"] = "results", ["conclusions"] = "conclusions",
        ["treatment steps"] = "treatment-steps", ["dosing"] = "dosing", ["thresholds"] = "thresholds",
        ["medications to avoid"] = "avoid", ["contraindications"] = "contraindications", ["interactions"] = "interactions",
        ["side effects"] = "adverse-effects", ["differential diagnosis"] = "differential", ["diagnosis"] = "diagnosis",
        ["mechanism"] = "mechanism", ["risk factors"] = "risk-factors", ["prevention"] = "prevention",
        ["prognosis"] = "prognosis", ["when to seek urgent care"] = "urgent", ["patient information"] = "patient",
    };

    public static IEnumerable<string> FindFiles(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new ImportFormatException(path, null, "no such file or folder");
        return Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
    }

    public static SourceRecord Read(string file) => Parse(File.ReadAllText(file), file);

    public static SourceRecord Parse(string text, string file)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---") throw new ImportFormatException(file, 1, "expected front matter starting with '---'");
        var meta = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var i = 1;
        for (; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            var raw = lines[i];
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#')) continue;
            var colon = raw.IndexOf(':');
            if (colon <= 0) throw new ImportFormatException(file, i + 1, "expected 'key: value' in the front matter");
            var key = raw[..colon].Trim().ToLowerInvariant();
            if (!KnownKeys.Contains(key)) throw new ImportFormatException(file, i + 1, $"unknown key '{key}'");
            if (meta.ContainsKey(key)) throw new ImportFormatException(file, i + 1, $"key '{key}' given twice");
            meta[key] = (raw[(colon + 1)..].Trim(), i + 1);
        }
        if (i >= lines.Length) throw new ImportFormatException(file, lines.Length, "front matter is not closed with '---'");
        var bodyStart = i + 1;

        string Required(string key)
        {
            if (!meta.TryGetValue(key, out var v) || v.Value.Length == 0)
                throw new ImportFormatException(file, 1, $"missing required key '{key}'");
            return v.Value;
        }
        string? Optional(string key) => meta.TryGetValue(key, out var v) && v.Value.Length > 0 ? v.Value : null;
        int LineOf(string key) => meta.TryGetValue(key, out var v) ? v.Line : 1;
        List<string> ListOf(string key) => Optional(key)?.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToList() ?? [];

        var id = Required("id");
        if (!IdPattern().IsMatch(id)) throw new ImportFormatException(file, LineOf("id"), $"id '{id}' must be lowercase letters, digits and '-'");
        if (!SourceKinds.TryParse(Required("kind"), out var kind))
            throw new ImportFormatException(file, LineOf("kind"), $"kind '{Required("kind")}' is not guideline, research, patient-information or drug-label");
        var yearText = Required("year");
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1800 or > 2100)
            throw new ImportFormatException(file, LineOf("year"), $"year '{yearText}' is not a four-digit year");
        if (!DateOnly.TryParseExact(Required("last-reviewed"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewed))
            throw new ImportFormatException(file, LineOf("last-reviewed"), "last-reviewed must be a date YYYY-MM-DD");
        int? sampleSize = null;
        if (Optional("sample-size") is { } n)
        {
            if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size <= 0)
                throw new ImportFormatException(file, LineOf("sample-size"), $"sample-size '{n}' is not a positive whole number");
            sampleSize = size;
        }
        var pmid = Optional("pmid");
        if (pmid is not null && !PmidPattern().IsMatch(pmid)) throw new ImportFormatException(file, LineOf("pmid"), $"pmid '{pmid}' is not a number");

        var sections = ParseBody(lines, bodyStart, file);
        if (sections.Count == 0) throw new ImportFormatException(file, bodyStart, "the record has no '## ' sections");

        return new SourceRecord
        {
            Kind = kind,
            Ids = new ExternalIds { Guideline = id, Pmid = pmid, Doi = Optional("doi"), Url = Optional("url") },
            Title = Required("title"),
            Container = Required("container"),
            Year = year,
            PublishedText = Optional("published") ?? yearText,
            Authors = ListOf("authors"),
            Design = Optional("design"),
            SampleSize = sampleSize,
            Keywords = ListOf("topics"),
            PublicationTypes = ListOf("publication-types"),
            MeshTerms = ListOf("mesh"),
            License = Optional("license"),
            LastReviewed = reviewed,
            Edition = Optional("edition"),
            NewerEdition = Optional("newer-edition"),
            Sections = sections,
        };
    }

    private static List<SourceSection> ParseBody(string[] lines, int start, string file)
    {
        var sections = new List<SourceSection>();
        string? label = null;
        var headingLine = 0;
        var buffer = new List<(string Text, int Line)>();

        for (var i = start; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : null;
            if (line is null || line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (label is not null) sections.Add(BuildSection(label, headingLine, buffer, file));
                else if (buffer.Any(b => b.Text.Trim().Length > 0))
                    throw new ImportFormatException(file, buffer.First(b => b.Text.Trim().Length > 0).Line, "text before the first '## ' heading");
                if (line is null) break;
                label = line[3..].Trim();
                if (label.Length == 0) throw new ImportFormatException(file, i + 1, "empty heading");
                headingLine = i + 1;
                buffer.Clear();
                continue;
            }
            buffer.Add((line, i + 1));
        }
        return sections;
    }

    private static SourceSection BuildSection(string heading, int headingLine, List<(string Text, int Line)> body, string file)
    {
        string? strength = null, certainty = null;
        List<string>? restsOn = null;
        var label = heading;
        string category;
        var content = body.AsEnumerable();
        if (heading.StartsWith("Recommendation", StringComparison.OrdinalIgnoreCase))
        {
            category = "recommendation";
            var colon = heading.IndexOf(':');
            label = colon > 0 ? heading[(colon + 1)..].Trim() : heading;
            var metaLines = body.SkipWhile(b => b.Text.Trim().Length == 0).TakeWhile(b => b.Text.Trim().Length > 0 && MetaLine().IsMatch(b.Text)).ToList();
            foreach (var (text, line) in metaLines)
            {
                var m = MetaLine().Match(text);
                var key = m.Groups[1].Value.ToLowerInvariant();
                var value = m.Groups[2].Value.Trim();
                switch (key)
                {
                    case "strength": strength = value; break;
                    case "certainty": certainty = value; break;
                    case "based on": restsOn = value.Split(';', ',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList(); break;
                    default: throw new ImportFormatException(file, line, $"unknown recommendation field '{m.Groups[1].Value}'");
                }
            }
            content = body.Except(metaLines);
        }
        else
        {
            category = Categories.GetValueOrDefault(heading, "general");
        }

        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var plain = new List<PlainWording>();
        foreach (var (raw, line) in content)
        {
            var t = raw.Trim();
            if (PlainLine().Match(t) is { Success: true } plainLine)
            {
                // "Plain: ..." rewords the sentence just before it; it is not a sentence of the section itself.
                var before = current.Length > 0 ? current.ToString() : paragraphs.LastOrDefault();
                var sentences = before is null ? [] : Galen.Core.Analysis.TextTools.SplitSentences(before);
                if (sentences.Count == 0) throw new ImportFormatException(file, line, "a 'Plain:' line must follow the sentence it rewords");
                var last = sentences[^1];
                var wording = plainLine.Groups[1].Value.Trim();
                if (wording.Length == 0) throw new ImportFormatException(file, line, "empty 'Plain:' line");
                plain.Add(new PlainWording(before!.Substring(last.Start, last.Length), EndSentence(wording)));
                continue;
            }
            var item = ListItem().Match(t);
            if (t.Length == 0 || item.Success)
            {
                if (current.Length > 0) { paragraphs.Add(current.ToString()); current.Clear(); }
                if (item.Success) current.Append(item.Groups[1].Value.Trim());
                continue;
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(t);
        }
        if (current.Length > 0) paragraphs.Add(current.ToString());
        var textBody = string.Join("\n", paragraphs.Select(EndSentence));
        if (textBody.Length == 0) throw new ImportFormatException(file, headingLine, $"section '{heading}' is empty");
        return new SourceSection
        {
            Label = label, Category = category, Text = textBody, Strength = strength, Certainty = certainty, RestsOn = restsOn,
            Plain = plain.Count > 0 ? plain : null,
        };
    }

    [GeneratedRegex(@"^Plain:(.*)$")]
    private static partial Regex PlainLine();

    /// <summary>List items become sentences of their own, so each ends with a full stop.</summary>
    private static string EndSentence(string paragraph) =>
        paragraph.Length > 0 && ".!?:".Contains(paragraph[^1]) ? paragraph : paragraph + ".";

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{1,9}$")]
    private static partial Regex PmidPattern();

    [GeneratedRegex(@"^(Strength|Certainty|Based on):\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex MetaLine();

    [GeneratedRegex(@"^(?:\d+[.)]|[-*•])\s+(.*)$")]
    private static partial Regex ListItem();
}
