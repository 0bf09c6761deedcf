using System.Text.Json;
using System.Text.Json.Nodes;
using Galen.Core;

namespace Galen.Cli.Commands;

/// <summary>A problem with one batch line: reported on that line, and the batch goes on.</summary>
public sealed class BatchLineException(string message) : Exception(message);

/// <summary>Runs a JSON-lines batch: one object per line in, one object per line out, same order.</summary>
public static class BatchLines
{
    public static int Run(string file, TextWriter stdout, Func<JsonNode?, JsonObject, JsonObject> handle)
    {
        if (!File.Exists(file)) throw new UsageException($"batch file '{file}' does not exist");
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            JsonNode? id = null;
            JsonObject result;
            try
            {
                var node = JsonNode.Parse(raw) as JsonObject ?? throw new BatchLineException("the line is not a JSON object");
                id = node["id"];
                result = handle(id, node);
            }
            catch (Exception ex) when (ex is JsonException or BatchLineException or QuestionRejectedException or InvalidOperationException or FormatException)
            {
                var message = ex is JsonException ? "malformed JSON: " + ex.Message : ex.Message;
                result = new JsonObject { ["id"] = id?.DeepClone(), ["error"] = $"{file}:{lineNumber}: {message}" };
            }
            stdout.WriteLine(result.ToJsonString(CliJson.Options));
        }
        return ExitCodes.Done;
    }
}
