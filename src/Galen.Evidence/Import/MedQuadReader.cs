using System.Text;
using System.Xml;
using System.Xml.Linq;
using Galen.Core.Sources;

namespace Galen.Evidence.Import;

/// <summary>
/// Reads MedQuAD XML documents: one patient-information source per QA pair with an answer, keyed
/// SOURCE_DOCID_SecPID as the MedQuAD judged answers name them (document ids may contain '_').
/// </summary>
public static class MedQuadReader
{
    private static readonly Dictionary<string, string> Websites = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ADAM"] = "MedlinePlus (A.D.A.M. Medical Encyclopedia)",
        ["MPlusDrugs"] = "MedlinePlus Drug Information",
        ["MPlusHerbsSupplements"] = "MedlinePlus Herbs and Supplements",
        ["MPlusHealthTopics"] = "MedlinePlus Health Topics",
        ["CancerGov"] = "National Cancer Institute (cancer.gov)",
        ["GARD"] = "Genetic and Rare Diseases Information Center",
        ["GHR"] = "Genetics Home Reference",
        ["NIDDK"] = "National Institute of Diabetes and Digestive and Kidney Diseases",
        ["NINDS"] = "National Institute of Neurological Disorders and Stroke",
        ["NIHSeniorHealth"] = "NIHSeniorHealth",
        ["NHLBI"] = "National Heart, Lung, and Blood Institute",
        ["CDC"] = "Centers for Disease Control and Prevention",
    };

    public static IEnumerable<string> FindFiles(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new ImportFormatException(path, null, "no such file or folder");
        return Directory.EnumerateFiles(path, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
    }

    /// <summary>Reads one document. Answers that are empty are filled from <paramref name="answers"/> when it has them, else skipped.</summary>
    public static List<SourceRecord> Read(string file, ImportReport report, IReadOnlyDictionary<string, string>? answers = null)
    {
        XDocument doc;
        try
        {
            using var stream = File.OpenRead(file);
            doc = XDocument.Load(stream, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new ImportFormatException(file, ex.LineNumber, "malformed XML: " + ex.Message, ex);
        }
        var root = doc.Root;
        // Most collections use <Document id=... source=...>; a few files use the older <DiseaseFile fid=...>
        // or <doc docid=... corpus=...> with lower-case element names and the same content.
        if (root is null || root.Name.LocalName is not ("Document" or "DiseaseFile" or "doc"))
        {
            throw new ImportFormatException(file, LineOf(root), $"expected a <Document> element, found <{root?.Name.LocalName}>");
        }
        var docId = ((string?)root.Attribute("id") ?? (string?)root.Attribute("fid") ?? (string?)root.Attribute("docid"))?.Trim();
        var source = ((string?)root.Attribute("source") ?? (string?)root.Attribute("corpus"))?.Trim();
        if (string.IsNullOrEmpty(docId)) throw new ImportFormatException(file, LineOf(root), "the Document has no id attribute");
        if (string.IsNullOrEmpty(source)) throw new ImportFormatException(file, LineOf(root), "the Document has no source attribute");
        var url = ((string?)root.Attribute("url"))?.Trim();
        var focus = Clean((root.Element("Focus") ?? root.Element("doctitle-focus"))?.Value);
        var annotations = root.Element("FocusAnnotations") ?? root;
        var category = Clean(annotations?.Element("Category")?.Value);
        var cuis = annotations?.Descendants("CUI").Select(c => c.Value.Trim()).Where(c => c.Length > 0).ToList() ?? [];
        var synonyms = annotations?.Element("Synonyms")?.Elements("Synonym").Select(s => Clean(s.Value)).OfType<string>().ToList() ?? [];

        var records = new List<SourceRecord>();
        var pairs = root.Element("QAPairs")?.Elements("QAPair") ?? root.Element("qaPairs")?.Elements("pair") ?? [];
        foreach (var pair in pairs)
        {
            var pid = ((string?)pair.Attribute("pid"))?.Trim();
            if (string.IsNullOrEmpty(pid)) throw new ImportFormatException(file, LineOf(pair), "a QAPair has no pid attribute");
            var id = $"{source}_{docId}_Sec{pid}";
            var questionElement = pair.Element("Question") ?? pair.Element("question");
            var question = Clean(questionElement?.Value);
            var answer = Clean((pair.Element("Answer") ?? pair.Element("answer"))?.Value);
            if (answer is null && answers is not null && answers.TryGetValue(id, out var filled)) answer = Clean(filled);
            if (answer is null)
            {
                report.Skip("QA pairs without answer");
                continue;
            }
            records.Add(new SourceRecord
            {
                Kind = SourceKind.PatientInformation,
                Ids = new ExternalIds { Medquad = id, Url = string.IsNullOrEmpty(url) ? null : url },
                Title = question ?? focus ?? id,
                Container = Websites.GetValueOrDefault(source, source),
                Keywords = focus is null ? synonyms : [focus, .. synonyms],
                QuestionAnswer = new QuestionAnswerInfo
                {
                    Question = question,
                    QuestionType = ((string?)questionElement?.Attribute("qtype"))?.Trim(),
                    Focus = focus,
                    FocusCategory = category,
                    Synonyms = synonyms,
                    Cuis = cuis,
                },
                Sections = [new SourceSection { Label = "Answer", Category = "answer", Text = answer }],
            });
        }
        return records;
    }

    /// <summary>
    /// Reads an answers CSV (AnswerID,Answer with quoted multi-line fields) as published with the judged
    /// LiveQA answers, keyed by answer id without ".txt". The text after "Answer:" is the answer.
    /// </summary>
    public static Dictionary<string, string> ReadAnswersCsv(string path)
    {
        if (!File.Exists(path)) throw new ImportFormatException(path, null, "no such file");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = File.ReadAllText(path);
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        var first = true;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else { if (c == '\n') line++; field.Append(c); }
                if (i == text.Length) throw new ImportFormatException(path, recordLine, "unterminated quoted field");
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    if (fields.Count >= 2 && !(first && fields[0] == "AnswerID"))
                    {
                        var id = fields[0].Trim();
                        if (id.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) id = id[..^4];
                        var body = fields[1];
                        var marker = body.IndexOf("Answer:", StringComparison.Ordinal);
                        result[id] = (marker >= 0 ? body[(marker + 7)..] : body).Trim();
                    }
                    else if (fields.Count == 1 && fields[0].Length > 0)
                    {
                        throw new ImportFormatException(path, recordLine, "expected two fields: AnswerID,Answer");
                    }
                    first = false;
                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default: field.Append(c); break;
            }
        }
        return result;
    }

    private static int? LineOf(XObject? o) => o is IXmlLineInfo li && li.HasLineInfo() ? li.LineNumber : null;

    private static string? Clean(string? s)
    {
        if (s is null) return null;
        var t = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.Length == 0 ? null : t;
    }
}
