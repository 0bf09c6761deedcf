using System.Globalization;
using System.Text.Json;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Composition;
using Galen.Evidence;
using Galen.Evidence.Import;

namespace Galen.Cli.Commands;

/// <summary>
/// `galen eval readability FILE...`: asks each distinct question of the files (JSON arrays of objects with a
/// "question", such as the starter questions) of the starter library in the patient wording, and reports the
/// Flesch-Kincaid grade of the answers: mean, median and how many read at grade 8 or below.
/// </summary>
public static class ReadabilityEvaluation
{
    public static int Run(Library library, List<string> rest, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        args.Allow("--details", "--json");
        if (rest.Count < 2) throw new UsageException("usage: galen eval readability FILE... [--details] [--json]");
        var questions = rest.Skip(1).SelectMany(ReadQuestions).Distinct(StringComparer.Ordinal).ToList();
        var starter = StarterLibrary.DefaultPath() ?? throw new InvalidOperationException("the starter library (the knowledge folder) was not found beside the program");
        library.EnsureReady(starter, progress);
        var engine = new AnswerEngine(library.Search);

        var graded = new List<(string Question, double Grade)>(questions.Count);
        progress.Start("Asking", questions.Count);
        foreach (var question in questions)
        {
            var answer = engine.Ask(new AskRequest(question, Audience.Patient, []));
            graded.Add((question, answer.ReadingGrade ?? 0));
            progress.Advance(1);
        }
        progress.Finish();
        var summary = ReadingGradeSummary.Of([.. graded.Select(g => g.Grade)]);

        if (args.Has("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                questions = summary.Count,
                meanGrade = summary.Mean,
                medianGrade = summary.Median,
                atOrBelowTarget = summary.AtOrBelowTarget,
                targetGrade = ReadingGradeSummary.TargetGrade,
                items = args.Has("--details") ? graded.Select(g => new { question = g.Question, grade = g.Grade }) : null,
            }, CliJson.Options));
            return ExitCodes.Done;
        }
        if (args.Has("--details"))
        {
            foreach (var (question, grade) in graded.OrderByDescending(g => g.Grade))
            {
                stdout.WriteLine($"{grade.ToString("0.0", CultureInfo.InvariantCulture),5}  {question}");
            }
            stdout.WriteLine();
        }
        stdout.WriteLine($"Patient wording, {summary.Count} distinct questions: Flesch-Kincaid grade mean {Fixed(summary.Mean)}, median {Fixed(summary.Median)}; "
            + $"{summary.AtOrBelowTarget} of {summary.Count} at grade {Fixed(ReadingGradeSummary.TargetGrade)} or below");
        return ExitCodes.Done;
    }

    private static string Fixed(double value) => value.ToString("0.0#", CultureInfo.InvariantCulture);

    /// <summary>The "question" of every object in a JSON array; anything else is bad input naming the file.</summary>
    private static IEnumerable<string> ReadQuestions(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"questions file '{path}' does not exist");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new ImportFormatException(path, (int)(ex.LineNumber ?? 0) + 1, "malformed JSON: " + ex.Message, ex);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw new ImportFormatException(path, 1, "expected a JSON array of questions");
            var questions = new List<string>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("question", out var q) || q.ValueKind != JsonValueKind.String
                    || string.IsNullOrWhiteSpace(q.GetString()))
                {
                    throw new ImportFormatException(path, null, $"item {index + 1}: expected an object with a \"question\" string");
                }
                questions.Add(q.GetString()!);
                index++;
            }
            return questions;
        }
    }
}
