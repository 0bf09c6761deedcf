using Galen.Cli.Commands;
using Galen.Core;
using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Evidence.Store;

namespace Galen.Cli;

/// <summary>The `galen` command: global options, then one command. Exit codes: 0 done, 1 failed, 2 bad usage or bad input.</summary>
public static class GalenCommand
{
    public const string Usage = """
        usage: galen [--data DIR] [--database CONNECTION-STRING] COMMAND

          import pubmed PATH...            PubMed XML files or folders (.xml, .xml.gz)
          import medquad DIR [--answers CSV]
                                           MedQuAD XML folders; one source per QA pair with an answer
          import guidelines PATH...        Galen evidence files (Markdown, docs/guideline-format.md)
          index rebuild                    recreate the search index from the store
          migrate                          apply database migrations
          search QUERY [--top N] [--kind KIND] [--from-year Y] [--to-year Y] [--json]
          search --batch FILE --json       one {"id","query"} per line in, one {"id","evidence"} per line out
          ask QUESTION [--audience clinician|patient] [--format markdown|json] [--after Q]...
          ask --batch FILE --format json   one {"id","question","after"?} per line in, one answer per line out
          serve [--urls URL]               the web site and API (default http://127.0.0.1:5000)
          stats [--json]
          articles refresh                 answer every open article again; changed ones go back to review
          users add --email E --name N --role admin|editor|reviewer [--credentials C] [--specialty S] [--disclosures D]
                                           a staff account; prints a one-time password (no default account exists)
          users list [--json]              staff accounts and their roles
          users disable --email E          ends the person's sessions; they can no longer sign in
          eval pubmedqa FILE [--with-medquad DIR] [--details] [--json]
                                           verdict accuracy and macro-F1 on a PubMedQA file
          eval pubmedqa FILE --fit-reader OUT [--folds N]
                                           fit the conclusion reader's weights on a labelled file
          eval liveqa --medquad DIR --answers CSV --questions XML --qrels FILE [--details] [--json]
                                           grade consumer answers with a LiveQA qrels file
          eval everyday FILE[,FILE...] [--details] [--json]
                                           share of bottom lines that state what everyday questions ask
          eval readability FILE... [--details] [--json]
                                           reading grade of the patient wording over the questions of the files

        --data defaults to ~/.galen (or GALEN_DATA); --database defaults to the SQLite file in the data
        directory (or GALEN_DATABASE; "Host=..." is PostgreSQL).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ParsedArgs parsed;
        try
        {
            parsed = ParsedArgs.Parse(args);
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"galen: {ex.Message}");
            return ExitCodes.BadInput;
        }
        if (parsed.Positional.Count == 0 || parsed.Has("--help") || parsed.Has("-h"))
        {
            await (parsed.Positional.Count == 0 && !parsed.Has("--help") && !parsed.Has("-h") ? stderr : stdout).WriteLineAsync(Usage);
            return parsed.Positional.Count == 0 && !parsed.Has("--help") && !parsed.Has("-h") ? ExitCodes.BadInput : ExitCodes.Done;
        }
        var store = GalenStoreOptions.FromEnvironment(parsed.Get("--data"), parsed.Get("--database"));
        var progress = new ConsoleProgress(parsed.Has("--quiet"));
        var command = parsed.Positional[0];
        var rest = parsed.Positional.Skip(1).ToList();
        try
        {
            switch (command)
            {
                case "serve":
                    parsed.Allow("--urls");
                    return await ServeCommand.RunAsync(store, parsed.Get("--urls"));
                case "migrate":
                    parsed.Allow();
                    return MigrateCommand.Run(store, stdout);
                case "eval":
                    // Evaluations use a throwaway library unless a data directory or database is named explicitly.
                    var explicitData = parsed.Has("--data") || parsed.Has("--database");
                    return EvalCommand.Run(store, explicitData, rest, parsed, stdout, stderr, progress);
            }
            using var library = new Library(store);
            // First run of any command on an empty store loads the starter library.
            library.EnsureReady(StarterLibrary.DefaultPath(), progress);
            return command switch
            {
                "import" => ImportCommand.Run(library, rest, parsed, stdout, stderr, progress),
                "index" => IndexCommand.Run(library, rest, parsed, stdout, progress),
                "search" => SearchCommand.Run(library, rest, parsed, stdout, progress),
                "ask" => AskCommand.Run(library, rest, parsed, stdout, progress),
                "stats" => StatsCommand.Run(library, parsed, stdout),
                "users" => await UsersCommand.RunAsync(library, rest, parsed, stdout),
                "articles" => ArticlesCommand.Run(library, rest, parsed, stdout),
                _ => throw new UsageException($"unknown command '{command}'. Run `galen --help`."),
            };
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"galen: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (ImportFormatException ex)
        {
            await stderr.WriteLineAsync($"galen: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (QuestionRejectedException ex)
        {
            await stderr.WriteLineAsync($"galen: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (StoreNotMigratedException ex)
        {
            await stderr.WriteLineAsync($"galen: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"galen: {command} failed: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
