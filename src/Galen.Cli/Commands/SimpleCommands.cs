using System.Text.Json;
using Galen.Evidence;
using Galen.Evidence.Store;
using Galen.Web;

namespace Galen.Cli.Commands;

public static class MigrateCommand
{
    public static int Run(GalenStoreOptions store, TextWriter stdout)
    {
        using var library = new Library(store);
        var applied = library.Migrate();
        stdout.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        library.EnsureIndexFresh();
        return ExitCodes.Done;
    }
}

public static class ServeCommand
{
    public static async Task<int> RunAsync(GalenStoreOptions store, string? urls)
    {
        var app = GalenWebApp.Build(["--urls", urls ?? "http://127.0.0.1:5000"], store);
        await app.RunAsync();
        return ExitCodes.Done;
    }
}

public static class IndexCommand
{
    public static int Run(Library library, List<string> rest, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        args.Allow();
        switch (rest)
        {
            case ["rebuild"]:
                var count = library.RebuildIndex(progress);
                stdout.WriteLine($"Indexed {count} sources.");
                var rebuilt = library.RebuildVectors(progress);
                if (library.Embedder is { } model) stdout.WriteLine($"Embedded {rebuilt} sources ({model.ModelId}).");
                return ExitCodes.Done;
            case ["embed"]:
                if (library.Embedder is not { } embedder)
                {
                    stdout.WriteLine("Embeddings are turned off (GALEN_EMBEDDINGS=none): the library is searched by its words.");
                    return ExitCodes.Done;
                }
                var embedded = library.EmbedPending(progress);
                stdout.WriteLine($"Embedded {embedded} sources ({embedder.ModelId}); {library.Vectors.Count} have vectors, {library.Vectors.CountInGraphs} of them in neighbour graphs; {library.SentenceVectors.Count} distinct sentences have vectors.");
                return ExitCodes.Done;
            default:
                throw new UsageException("usage: galen index rebuild | galen index embed");
        }
    }
}

public static class StatsCommand
{
    public static int Run(Library library, ParsedArgs args, TextWriter stdout)
    {
        args.Allow("--json");
        var stats = library.Stats();
        if (args.Has("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                sources = new { total = stats.Total, byKind = stats.ByKind },
                articles = stats.Articles,
                libraryVersion = stats.Version,
                indexedDocuments = stats.IndexedDocuments,
                database = stats.Provider,
                dataDirectory = library.Options.DataDirectory,
            }, CliJson.Options));
            return ExitCodes.Done;
        }
        stdout.WriteLine($"Sources: {stats.Total}");
        foreach (var (kind, count) in stats.ByKind) stdout.WriteLine($"  {kind,-22}{count,10}");
        stdout.WriteLine($"Articles: {stats.Articles}");
        stdout.WriteLine($"Index: {stats.IndexedDocuments} documents (library version {stats.Version})");
        stdout.WriteLine($"Database: {stats.Provider}; data directory {library.Options.DataDirectory}");
        return ExitCodes.Done;
    }
}

public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
