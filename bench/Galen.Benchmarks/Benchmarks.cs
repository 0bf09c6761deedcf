using BenchmarkDotNet.Attributes;
using Galen.Core.Search;
using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Evidence.Store;

namespace Galen.Benchmarks;

/// <summary>Parsing a 30,000-citation baseline-style file, without storing it.</summary>
[MemoryDiagnoser]
public class PubMedParserBenchmark
{
    private string file = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(Path.GetTempPath(), "galen-bdn-corpus");
        file = Directory.Exists(dir) ? Directory.GetFiles(dir).FirstOrDefault() ?? "" : "";
        if (file.Length == 0) file = CorpusGenerator.Generate(30_000, dir)[0];
    }

    [Benchmark]
    public int Parse30kCitations() => PubMedReader.Read(file, new ImportReport()).Count();
}

/// <summary>One search over a 10,000-source library.</summary>
[MemoryDiagnoser]
public class SearchBenchmark : IDisposable
{
    private Library library = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(Path.GetTempPath(), "galen-bdn-search");
        var fresh = !Directory.Exists(data);
        library = new Library(new GalenStoreOptions { DataDirectory = data });
        library.Migrate();
        if (fresh)
        {
            var corpus = CorpusGenerator.Generate(10_000, Path.Combine(Path.GetTempPath(), "galen-bdn-corpus-10k"));
            library.ImportPubMed(corpus, new ImportReport());
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        library.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int SearchQuestion() => library.Search.Search(new EvidenceQuery
    {
        Text = "Does magnesium supplementation reduce nocturnal leg cramps in older adults?",
        Top = 20,
    }).Count;
}
