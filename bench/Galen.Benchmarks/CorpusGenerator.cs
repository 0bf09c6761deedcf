using System.IO.Compression;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Galen.Evidence.Import;

namespace Galen.Benchmarks;

/// <summary>
/// Builds large PubMed-format corpora by recombining sentences of the real shared data (PubMedQA abstracts
/// and MedQuAD answers), written as gzipped baseline-style files of 30,000 citations each. Deterministic for
/// a given size.
/// </summary>
internal static partial class CorpusGenerator
{
    private const int PerFile = 30_000;

    public static int Run(string[] args)
    {
        var sources = int.Parse(Arg(args, "--sources") ?? "10000");
        var output = Arg(args, "--out") ?? throw new ArgumentException("--out DIR is required");
        Generate(sources, output);
        return 0;
    }

    public static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static (List<string> Titles, List<string> Sentences, List<string> Mesh) LoadPool()
    {
        var items = PubMedQaReader.Read(SharedData.Path("pubmedqa", "pqal_dev.json"));
        var titles = items.Select(i => i.Question).ToList();
        var sentences = new List<string>();
        var mesh = items.SelectMany(i => i.Source.MeshTerms).Distinct().ToList();
        foreach (var s in items.SelectMany(i => i.Source.Sections)) sentences.AddRange(Sentences(s.Text));
        var report = new ImportReport();
        foreach (var dir in new[] { "5_NIDDK_QA", "6_NINDS_QA", "9_CDC_QA" })
        {
            foreach (var file in MedQuadReader.FindFiles(SharedData.Path("medquad", dir)))
            {
                foreach (var r in MedQuadReader.Read(file, report))
                {
                    titles.Add(r.Title);
                    sentences.AddRange(r.Sections.SelectMany(x => Sentences(x.Text)));
                }
            }
        }
        return (titles, sentences.Where(s => s.Length is > 30 and < 400).Distinct().ToList(), mesh);
    }

    public static List<string> Generate(int sources, string output)
    {
        Directory.CreateDirectory(output);
        var (titles, sentences, mesh) = LoadPool();
        var random = new Random(sources);
        var files = new List<string>();
        var pmid = 40_000_000;
        for (var start = 0; start < sources; start += PerFile)
        {
            var count = Math.Min(PerFile, sources - start);
            var path = System.IO.Path.Combine(output, $"galen-synthetic-{start / PerFile:D4}.xml.gz");
            files.Add(path);
            using var stream = new GZipStream(File.Create(path), CompressionLevel.Fastest);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.WriteLine("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            writer.WriteLine("<PubmedArticleSet>");
            for (var i = 0; i < count; i++)
            {
                var title = titles[random.Next(titles.Count)];
                var year = 1980 + random.Next(45);
                writer.Write($"<PubmedArticle><MedlineCitation><PMID Version=\"1\">{pmid++}</PMID><Article><Journal><Title>Synthetic Journal {random.Next(200)}</Title><JournalIssue><PubDate><Year>{year}</Year></PubDate></JournalIssue></Journal>");
                writer.Write($"<ArticleTitle>{SecurityElement.Escape(title)}</ArticleTitle><Abstract>");
                foreach (var label in new[] { "BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS" })
                {
                    var n = 1 + random.Next(3);
                    var text = string.Join(' ', Enumerable.Range(0, n).Select(_ => sentences[random.Next(sentences.Count)]));
                    writer.Write($"<AbstractText Label=\"{label}\" NlmCategory=\"{label}\">{SecurityElement.Escape(text)}</AbstractText>");
                }
                writer.Write("</Abstract><PublicationTypeList><PublicationType>Journal Article</PublicationType></PublicationTypeList></Article><MeshHeadingList>");
                for (var m = 0; m < 4; m++) writer.Write($"<MeshHeading><DescriptorName>{SecurityElement.Escape(mesh[random.Next(mesh.Count)])}</DescriptorName></MeshHeading>");
                writer.WriteLine("</MeshHeadingList></MedlineCitation></PubmedArticle>");
            }
            writer.WriteLine("</PubmedArticleSet>");
        }
        return files;
    }

    private static IEnumerable<string> Sentences(string text) => SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();
}
