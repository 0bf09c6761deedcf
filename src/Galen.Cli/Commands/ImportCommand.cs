using Galen.Evidence;
using Galen.Evidence.Import;

namespace Galen.Cli.Commands;

public static class ImportCommand
{
    public static int Run(Library library, List<string> rest, ParsedArgs args, TextWriter stdout, TextWriter stderr, IProgressSink progress)
    {
        if (rest.Count < 2) throw new UsageException("usage: galen import pubmed|medquad|guidelines PATH...");
        var what = rest[0];
        var paths = rest.Skip(1).ToList();
        var report = new ImportReport();
        var started = System.Diagnostics.Stopwatch.StartNew();
        switch (what)
        {
            case "pubmed":
                args.Allow("--no-embed");
                library.ImportPubMed(paths, report, progress);
                break;
            case "medquad":
                args.Allow("--answers", "--no-embed");
                foreach (var path in paths) library.ImportMedQuad(path, report, args.Get("--answers"), progress);
                break;
            case "guidelines":
                args.Allow("--no-embed");
                library.ImportGuidelines(paths, report, progress);
                break;
            default:
                throw new UsageException($"unknown import format '{what}': use pubmed, medquad or guidelines");
        }
        started.Stop();
        foreach (var error in report.Errors) stderr.WriteLine($"galen: rejected {error.Message}");
        var rate = started.Elapsed.TotalSeconds > 0 ? (report.Added + report.Updated + report.Unchanged) / started.Elapsed.TotalSeconds : 0;
        stdout.WriteLine($"Imported {what}: {report} in {started.Elapsed.TotalSeconds:F1} s ({rate:F0} sources/s).");
        if (!args.Has("--no-embed"))
        {
            // The embedding stage is timed apart: it is slower than parsing, and resumable with `galen index embed`.
            var embedding = System.Diagnostics.Stopwatch.StartNew();
            var embedded = library.EmbedPending(progress);
            if (embedded > 0) stdout.WriteLine($"Embedded {embedded} sources in {embedding.Elapsed.TotalSeconds:F1} s ({embedded / Math.Max(0.001, embedding.Elapsed.TotalSeconds):F0} sources/s).");
        }
        // Living articles: what the library now says is checked against every open article.
        if (report.Imported + report.Deleted > 0) stdout.WriteLine(ArticlesCommand.Refresh(library));
        return report.Errors.Count > 0 ? ExitCodes.BadInput : ExitCodes.Done;
    }
}
