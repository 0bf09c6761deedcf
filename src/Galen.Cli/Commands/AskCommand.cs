using System.Text.Json;
using System.Text.Json.Nodes;
using Galen.Cli.Rendering;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Evidence;

namespace Galen.Cli.Commands;

public static class AskCommand
{
    public static int Run(Library library, List<string> rest, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        args.Allow("--audience", "--format", "--after", "--batch");
        if (!Audiences.TryParse(args.Get("--audience"), out var audience))
            throw new UsageException($"--audience must be clinician or patient, got '{args.Get("--audience")}'");
        var format = args.Get("--format") ?? "markdown";
        if (format is not ("markdown" or "json")) throw new UsageException($"--format must be markdown or json, got '{format}'");
        var engine = new AnswerEngine(library.Search);

        if (args.Get("--batch") is { } batchFile)
        {
            if (rest.Count > 0) throw new UsageException("ask --batch takes no QUESTION");
            if (format != "json") throw new UsageException("ask --batch needs --format json");
            return BatchLines.Run(batchFile, stdout, (id, line) =>
            {
                var question = line["question"] is JsonValue v && v.TryGetValue<string>(out var q) ? q : throw new BatchLineException("missing \"question\" (a string)");
                var lineAudience = audience;
                if (line["audience"] is JsonValue a && !Audiences.TryParse(a.GetValue<string>(), out lineAudience))
                    throw new BatchLineException("\"audience\" must be clinician or patient");
                var after = line["after"] is JsonArray arr ? arr.Select(n => n?.GetValue<string>() ?? "").Where(s => s.Length > 0).ToList() : [];
                var answer = engine.Ask(new AskRequest(question, lineAudience, after)) with { Id = id?.ToString() };
                var node = JsonSerializer.SerializeToNode(answer, CliJson.Options)!.AsObject();
                node["id"] = id?.DeepClone();
                return node;
            });
        }

        if (rest.Count == 0) throw new UsageException("usage: galen ask QUESTION [--audience clinician|patient] [--format markdown|json]");
        var result = engine.Ask(new AskRequest(string.Join(' ', rest), audience, args.All("--after").ToList()));
        stdout.WriteLine(format == "json" ? JsonSerializer.Serialize(result, CliJson.Options) : AnswerMarkdown.Write(result));
        return ExitCodes.Done;
    }
}
