using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Galen.Core.Sources;

namespace Galen.Evidence.Import;

/// <summary>
/// Streams PubMed XML (efetch output, annual baseline and update files; plain or gzip): one article is
/// in memory at a time. Yields research sources and the PMIDs of DeleteCitation elements.
/// </summary>
public static partial class PubMedReader
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool IsPubMedFile(string path) =>
        path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml.gz", StringComparison.OrdinalIgnoreCase);

    public static Stream OpenMaybeGzip(string path)
    {
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>Reads a file. Malformed XML throws <see cref="ImportFormatException"/> naming the file and line.</summary>
    public static IEnumerable<ImportItem> Read(string path, ImportReport report)
    {
        using var stream = OpenMaybeGzip(path);
        foreach (var item in Read(stream, path, report)) yield return item;
    }

    public static IEnumerable<ImportItem> Read(Stream stream, string name, ImportReport report)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        var lineInfo = (IXmlLineInfo)reader;
        Guard(name, () =>
        {
            if (reader.MoveToContent() != XmlNodeType.Element) throw new ImportFormatException(name, null, "no XML content (empty file?)");
            if (reader.LocalName is not ("PubmedArticleSet" or "PubmedBookArticleSet" or "PubmedArticle" or "PubmedBookArticle"))
            {
                throw new ImportFormatException(name, lineInfo.LineNumber, $"expected a PubmedArticleSet, found <{reader.LocalName}>");
            }
            if (reader.LocalName is "PubmedArticleSet" or "PubmedBookArticleSet") reader.Read();
            return 0;
        });
        while (Guard(name, () => NextItem(reader, lineInfo, name, report)) is { } item)
        {
            yield return item;
        }
    }

    /// <summary>Advances to the next article or deletion; null at the end of the file.</summary>
    private static ImportItem? NextItem(XmlReader reader, IXmlLineInfo lineInfo, string name, ImportReport report)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
            var line = lineInfo.LineNumber;
            switch (reader.LocalName)
            {
                case "PubmedArticle":
                case "PubmedBookArticle":
                    var isBook = reader.LocalName == "PubmedBookArticle";
                    var element = (XElement)XNode.ReadFrom(reader);
                    var record = isBook ? FromBookArticle(element, name, line) : FromArticle(element, name, line);
                    if (record is null) { report.Skip("without PMID"); continue; }
                    return ImportItem.Of(record);
                case "DeleteCitation":
                    var deletion = (XElement)XNode.ReadFrom(reader);
                    return ImportItem.Delete(deletion.Elements("PMID").Select(p => p.Value.Trim()).Where(p => p.Length > 0).Select(p => "pmid:" + p).ToList());
                case "PubmedArticleSet" or "PubmedBookArticleSet":
                    reader.Read();
                    continue;
                default:
                    reader.Skip();
                    continue;
            }
        }
        return null;
    }

    private static T Guard<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException ex)
        {
            throw new ImportFormatException(name, ex.LineNumber, "malformed XML: " + ex.Message, ex);
        }
    }

    internal static SourceRecord? FromArticle(XElement e, string file, int line)
    {
        var citation = e.Element("MedlineCitation");
        var article = citation?.Element("Article");
        var pmid = citation?.Element("PMID")?.Value.Trim();
        if (string.IsNullOrEmpty(pmid)) return null;
        if (!PmidPattern().IsMatch(pmid)) throw new ImportFormatException(file, line, $"PMID '{pmid}' is not a number");

        var title = CleanText(article?.Element("ArticleTitle")) ?? CleanText(article?.Element("VernacularTitle"));
        var journal = article?.Element("Journal");
        var container = CleanText(journal?.Element("Title")) ?? CleanText(citation?.Element("MedlineJournalInfo")?.Element("MedlineTA"));
        var pubDate = journal?.Element("JournalIssue")?.Element("PubDate");
        var (year, published) = ParseDate(pubDate);
        if (year is null)
        {
            var articleDate = article?.Element("ArticleDate");
            (year, published) = ParseDate(articleDate);
        }
        var doi = e.Element("PubmedData")?.Element("ArticleIdList")?.Elements("ArticleId")
                      .FirstOrDefault(a => (string?)a.Attribute("IdType") == "doi")?.Value.Trim()
                  ?? article?.Elements("ELocationID").FirstOrDefault(a => (string?)a.Attribute("EIdType") == "doi")?.Value.Trim();

        return new SourceRecord
        {
            Kind = SourceKind.Research,
            Ids = new ExternalIds { Pmid = pmid, Doi = string.IsNullOrEmpty(doi) ? null : doi },
            Title = title ?? "(untitled)",
            Container = container,
            Year = year,
            PublishedText = published,
            Authors = Authors(article?.Element("AuthorList")),
            PublicationTypes = article?.Element("PublicationTypeList")?.Elements("PublicationType").Select(p => p.Value.Trim()).Where(p => p.Length > 0).ToList() ?? [],
            MeshTerms = citation?.Element("MeshHeadingList")?.Elements("MeshHeading")
                .Select(m => CleanText(m.Element("DescriptorName"))).OfType<string>().ToList() ?? [],
            Keywords = citation?.Elements("KeywordList").SelectMany(k => k.Elements("Keyword")).Select(k => CleanText(k)).OfType<string>().ToList() ?? [],
            Sections = AbstractSections(article?.Element("Abstract")),
        };
    }

    internal static SourceRecord? FromBookArticle(XElement e, string file, int line)
    {
        var doc = e.Element("BookDocument");
        var pmid = doc?.Element("PMID")?.Value.Trim();
        if (string.IsNullOrEmpty(pmid)) return null;
        if (!PmidPattern().IsMatch(pmid)) throw new ImportFormatException(file, line, $"PMID '{pmid}' is not a number");
        var book = doc?.Element("Book");
        var (year, published) = ParseDate(book?.Element("PubDate"));
        return new SourceRecord
        {
            Kind = SourceKind.Research,
            Ids = new ExternalIds { Pmid = pmid },
            Title = CleanText(doc?.Element("ArticleTitle")) ?? CleanText(book?.Element("BookTitle")) ?? "(untitled)",
            Container = CleanText(book?.Element("Publisher")?.Element("PublisherName")) ?? CleanText(book?.Element("BookTitle")),
            Year = year,
            PublishedText = published,
            Authors = Authors(doc?.Element("AuthorList") ?? book?.Element("AuthorList")),
            PublicationTypes = doc?.Element("PublicationType") is { } pt ? [pt.Value.Trim()] : ["Book chapter"],
            Sections = AbstractSections(doc?.Element("Abstract")),
        };
    }

    private static List<string> Authors(XElement? list)
    {
        if (list is null) return [];
        var result = new List<string>();
        foreach (var a in list.Elements("Author"))
        {
            var collective = CleanText(a.Element("CollectiveName"));
            if (collective is not null) { result.Add(collective); continue; }
            var last = CleanText(a.Element("LastName"));
            var initials = CleanText(a.Element("Initials")) ?? CleanText(a.Element("ForeName"));
            if (last is not null) result.Add(initials is null ? last : $"{last} {initials}");
        }
        return result;
    }

    private static List<SourceSection> AbstractSections(XElement? abstractElement)
    {
        if (abstractElement is null) return [];
        var sections = new List<SourceSection>();
        foreach (var t in abstractElement.Elements("AbstractText"))
        {
            var text = CleanText(t);
            if (text is null) continue;
            var label = ((string?)t.Attribute("Label"))?.Trim();
            var category = ((string?)t.Attribute("NlmCategory"))?.Trim();
            sections.Add(new SourceSection
            {
                Label = string.IsNullOrEmpty(label) ? "ABSTRACT" : label,
                Category = string.IsNullOrEmpty(category) ? null : category.ToLowerInvariant() switch
                {
                    "conclusions" => "conclusions",
                    "results" => "results",
                    "methods" => "methods",
                    "background" => "background",
                    "objective" => "background",
                    var other => other,
                },
                Text = text,
            });
        }
        return sections;
    }

    /// <summary>Year and the date as written: "2019 Mar 5", "1978 Jul-Sep" (MedlineDate), "2019 Spring" (Season).</summary>
    internal static (int? Year, string? Text) ParseDate(XElement? date)
    {
        if (date is null) return (null, null);
        var yearText = date.Element("Year")?.Value.Trim();
        if (yearText is not null && int.TryParse(yearText, out var y))
        {
            var parts = new List<string> { yearText };
            var month = date.Element("Month")?.Value.Trim();
            if (!string.IsNullOrEmpty(month))
            {
                parts.Add(int.TryParse(month, out var m) && m is >= 1 and <= 12
                    ? char.ToUpperInvariant(MonthNames[m - 1][0]) + MonthNames[m - 1][1..]
                    : month);
            }
            var season = date.Element("Season")?.Value.Trim();
            if (!string.IsNullOrEmpty(season)) parts.Add(season);
            var day = date.Element("Day")?.Value.Trim();
            if (!string.IsNullOrEmpty(day)) parts.Add(day);
            return (y, string.Join(' ', parts));
        }
        var medline = date.Element("MedlineDate")?.Value.Trim();
        if (!string.IsNullOrEmpty(medline))
        {
            var match = YearPattern().Match(medline);
            return (match.Success ? int.Parse(match.Value) : null, medline);
        }
        return (null, null);
    }

    /// <summary>Text content with inline markup (italics, sub/superscripts, MathML) reduced to clean text.</summary>
    internal static string? CleanText(XElement? element)
    {
        if (element is null) return null;
        var sb = new StringBuilder();
        Append(element, sb);
        var text = Whitespace().Replace(sb.ToString(), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    private static void Append(XElement element, StringBuilder sb)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t: sb.Append(t.Value); break;
                case XElement child when child.Name.LocalName == "annotation": break; // MathML alternative encodings
                case XElement child when child.Name.LocalName == "math" && child.Attribute("alttext") is { } alt:
                    sb.Append(alt.Value); break;
                case XElement child: Append(child, sb); break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(1[6-9]|20)\d\d\b")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\d{1,9}$")]
    private static partial Regex PmidPattern();
}
