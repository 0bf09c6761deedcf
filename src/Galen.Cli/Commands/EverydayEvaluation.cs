using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Composition;
using Galen.Evidence;
using Galen.Evidence.Import;

namespace Galen.Cli.Commands;

/// <summary>
/// `galen eval everyday FILE`: asks everyday questions of the starter library and checks whether each bottom line
/// states the facts the question asks for (eval/README.md describes the file and the scoring).
/// </summary>
public static class EverydayEvaluation
{
    /// <summary>The kinds in the order they are reported; kinds not listed follow in alphabetical order.</summary>
    private static readonly string[] KindOrder = ["asker", "negation", "first", "how-much", "either-or", "situational", "yes-no", "lacking", "plain"];

    private const int ShortenedBottomLine = 220;

    public static int Run(Library library, List<string> rest, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        args.Allow("--details", "--json", "--fit-bottom-line", "--folds", "--also-checks");
        if (rest.Count != 2) throw new UsageException("usage: galen eval everyday FILE [--details] [--json] [--fit-bottom-line OUT [--folds N] [--also-checks FILE,...]]");
        var questions = EverydayQuestionReader.Read(rest[1]);
        // The questions are about the starter library's topics; a throwaway store is empty, so it is loaded here.
        var starter = StarterLibrary.DefaultPath() ?? throw new InvalidOperationException("the starter library (the knowledge folder) was not found beside the program");
        library.EnsureReady(starter, progress);
        if (args.Get("--fit-bottom-line") is { } output) FitBottomLine(library, questions, rest[1], output, args, stdout, progress);
        var engine = new AnswerEngine(library.Search);

        var results = new List<(EverydayQuestion Question, EverydayScore Score, string BottomLine)>(questions.Count);
        progress.Start("Asking", questions.Count);
        foreach (var question in questions)
        {
            var answer = engine.Ask(new AskRequest(question.Question, question.Audience, []));
            results.Add((question, EverydayScorer.Score(question, answer.BottomLine), answer.BottomLine));
            progress.Advance(1);
        }
        progress.Finish();

        var kinds = results.SelectMany(r => r.Question.Kinds).Distinct(StringComparer.Ordinal)
            .OrderBy(k => Array.IndexOf(KindOrder, k) is var i && i >= 0 ? i : KindOrder.Length).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var byKind = kinds.Select(k =>
        {
            var of = results.Where(r => r.Question.Kinds.Contains(k)).ToList();
            return (Kind: k, Questions: of.Count, Passed: of.Count(r => r.Score.Passed));
        }).ToList();
        var passed = results.Count(r => r.Score.Passed);
        var held = results.Where(r => !r.Question.Lacking).ToList();
        var lacking = results.Where(r => r.Question.Lacking).ToList();
        // A bottom line that abstains although the library holds the fact is a miss of its own kind.
        var abstainedOnHeld = held.Count(r => r.Score.SaysLacking);

        if (args.Has("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                file = rest[1],
                questions = results.Count,
                passed,
                share = Share(passed, results.Count),
                held = new { questions = held.Count, passed = held.Count(r => r.Score.Passed), saidLacking = abstainedOnHeld },
                lacking = new { questions = lacking.Count, passed = lacking.Count(r => r.Score.Passed) },
                kinds = byKind.Select(k => new { kind = k.Kind, questions = k.Questions, passed = k.Passed, share = Share(k.Passed, k.Questions) }),
                items = args.Has("--details")
                    ? results.Select(r => new
                    {
                        id = r.Question.Id, passed = r.Score.Passed, kinds = r.Question.Kinds, missing = r.Score.Missing,
                        stated = r.Score.Contradicting, saysLacking = r.Score.SaysLacking, bottomLine = r.BottomLine,
                    })
                    : null,
            }, CliJson.Options));
            return ExitCodes.Done;
        }

        if (args.Has("--details"))
        {
            foreach (var (question, score, bottomLine) in results)
            {
                var why = new List<string>();
                if (score.Missing.Count > 0) why.Add("missing " + string.Join(", ", score.Missing.Select(m => $"\"{m}\"")));
                if (score.Contradicting.Count > 0) why.Add("states " + string.Join(", ", score.Contradicting.Select(m => $"\"{m}\"")));
                if (question.Lacking && !score.SaysLacking) why.Add("does not say what the library lacks");
                if (!question.Lacking && score.SaysLacking) why.Add("says the library lacks it");
                stdout.WriteLine($"{(score.Passed ? "pass" : "FAIL")}  {question.Id}  [{string.Join(",", question.Kinds)}]  {(why.Count > 0 ? string.Join("; ", why) + "  " : "")}| {Shorten(bottomLine)}");
            }
            stdout.WriteLine();
        }
        stdout.WriteLine($"Everyday questions: {results.Count} from {rest[1]}");
        stdout.WriteLine($"  bottom line states what was asked: {passed}/{results.Count} ({Share(passed, results.Count):P1})");
        stdout.WriteLine($"    the library holds the fact: {held.Count(r => r.Score.Passed)}/{held.Count}; of these, {abstainedOnHeld} bottom lines say it lacks it");
        stdout.WriteLine($"    the library lacks the fact, and the bottom line says so: {lacking.Count(r => r.Score.Passed)}/{lacking.Count}");
        stdout.WriteLine("  by kind (a question counts under each of its kinds):");
        foreach (var k in byKind) stdout.WriteLine($"    {k.Kind,-12}{k.Passed,4}/{k.Questions,-4}{Share(k.Passed, k.Questions),8:P1}");
        return ExitCodes.Done;
    }

    /// <summary>
    /// Chooses how much closeness in meaning counts in the bottom line: every question is asked with each weight of
    /// the grid, and the weight passing most is written; the figure reported is the k-fold cross-validated one.
    /// </summary>
    private static void FitBottomLine(Library library, List<EverydayQuestion> questions, string file, string output, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        var folds = args.GetInt("--folds", 5, 2, 100);
        // Other labelled questions the weight must also serve (the starter library's checks): the fit counts them too.
        var checks = (args.Get("--also-checks") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(StarterCheck.Read).ToList();
        var passes = new List<IReadOnlyList<bool>>();
        progress.Start("Fitting the bottom line", (long)StatementMeaning.Grid.Count * (questions.Count + checks.Count));
        foreach (var weight in StatementMeaning.Grid)
        {
            var engine = new AnswerEngine(library.Search, statementMeaningWeight: weight);
            passes.Add([.. questions.Select(q =>
            {
                progress.Advance(1);
                return EverydayScorer.Score(q, engine.Ask(new AskRequest(q.Question, q.Audience, [])).BottomLine).Passed;
            }), .. checks.Select(c =>
            {
                progress.Advance(1);
                return c.Passes(engine.Ask(new AskRequest(c.Question, c.Audience, [])));
            })]);
        }
        progress.Finish();
        // The other checks are a constraint, not more data: a weight may not fail one that passes without meaning
        // (the anaphylaxis bottom line must keep leading with adrenaline, however close another sentence's wording).
        var checkPasses = passes.Select(p => p.Skip(questions.Count).ToList()).ToList();
        var allowed = Enumerable.Range(0, passes.Count)
            .Where(w => Enumerable.Range(0, checks.Count).All(c => checkPasses[w][c] || !checkPasses[0][c])).ToHashSet();
        var everyday = passes.Select(p => (IReadOnlyList<bool>)[.. p.Take(questions.Count)]).ToList();
        var (crossValidated, chosen) = StatementMeaning.CrossValidate(everyday, folds, allowed);
        string Counts(int from, int count) => string.Join(", ", StatementMeaning.Grid.Select((w, i) => FormattableString.Invariant($"{w}: {passes[i].Skip(from).Take(count).Count(p => p)}")));
        var perWeight = $"everyday passed per weight {Counts(0, questions.Count)}" + (checks.Count > 0 ? $"; other checks ({checks.Count}) {Counts(questions.Count, checks.Count)}" : "");
        var header = $"Bottom-line weight of meaning: how much a tenth of cosine between question and statement counts.\nFitted with: galen eval everyday {Path.GetFileName(file)} --fit-bottom-line {Path.GetFileName(output)} --folds {folds}"
            + (checks.Count > 0 ? $" --also-checks ({checks.Count} starter checks)" : "") + "\n"
            + FormattableString.Invariant($"on {questions.Count} questions: {crossValidated:P1} pass in {folds}-fold cross-validation, among weights that fail none of the other checks.\n{perWeight}.");
        File.WriteAllText(output, StatementMeaning.Format(chosen, header));
        if (!args.Has("--json"))
        {
            stdout.WriteLine(FormattableString.Invariant($"Wrote {output}: weight {chosen}; {crossValidated:P1} pass in {folds}-fold cross-validation; {perWeight}."));
        }
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= ShortenedBottomLine ? flat : flat[..ShortenedBottomLine] + "...";
    }
}

/// <summary>One everyday question and the facts its bottom line must (and must not) state.</summary>
public sealed record EverydayQuestion(
    string Id,
    string Question,
    Audience Audience,
    string? Topic,
    IReadOnlyList<string> Records,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<IReadOnlyList<string>> MustState,
    IReadOnlyList<string> MustNotState,
    bool Lacking);

/// <summary>How one bottom line fared: the facts it left out (each by its first phrasing) and the wrong ones it stated.</summary>
public sealed record EverydayScore(bool Passed, IReadOnlyList<string> Missing, IReadOnlyList<string> Contradicting, bool SaysLacking);

public static class EverydayScorer
{
    /// <summary>Ways a bottom line says the library does not hold what was asked.</summary>
    public static readonly IReadOnlyList<string> LackingPhrases =
        ["too little evidence", "holds too little", "does not hold", "holds no", "no source", "lacks", "not in the library", "nothing in the library"];

    public static EverydayScore Score(EverydayQuestion question, string bottomLine)
    {
        var text = Normalize(bottomLine);
        bool States(string phrase) => text.Contains(Normalize(phrase), StringComparison.Ordinal);
        var missing = question.MustState.Where(fact => !fact.Any(States)).Select(fact => fact[0]).ToList();
        var contradicting = question.MustNotState.Where(States).ToList();
        var saysLacking = LackingPhrases.Any(States);
        var passed = missing.Count == 0 && contradicting.Count == 0 && (!question.Lacking || saysLacking);
        return new EverydayScore(passed, missing, contradicting, saysLacking);
    }

    /// <summary>Lower case with runs of whitespace as one space, so line breaks and double spaces never decide a match.</summary>
    internal static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Reads an everyday-questions file (eval/README.md), naming the file, line and field of any error.</summary>
public static class EverydayQuestionReader
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
        { "id", "question", "audience", "topic", "records", "kinds", "mustState", "mustNotState", "lacking" };

    public static List<EverydayQuestion> Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"questions file '{path}' does not exist");
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var json = new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start);
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException ex) { throw new ImportFormatException(path, (int)(ex.LineNumber ?? 0) + 1, "malformed JSON: " + ex.Message, ex); }
        using (document)
        {
            var lines = LinesOf(json.Span);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new ImportFormatException(path, lines.Element(-1), "expected a JSON array of questions");
            var questions = new List<EverydayQuestion>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var at = index;
                var where = $"question {at + 1}";
                ImportFormatException Bad(string field, string message) =>
                    new(path, lines.Field(at, field) ?? lines.Element(at), $"{where}: {message}");
                if (element.ValueKind != JsonValueKind.Object) throw new ImportFormatException(path, lines.Element(at), $"{where}: expected an object");
                foreach (var property in element.EnumerateObject())
                    if (!Fields.Contains(property.Name)) throw Bad(property.Name, $"unknown field \"{property.Name}\"");

                string Text(string field)
                {
                    if (!element.TryGetProperty(field, out var value)) throw new ImportFormatException(path, lines.Element(at), $"{where}: missing \"{field}\"");
                    if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString())) throw Bad(field, $"\"{field}\" must be a non-empty string");
                    return value.GetString()!;
                }
                List<string> Texts(string field, JsonElement value)
                {
                    if (value.ValueKind != JsonValueKind.Array) throw Bad(field, $"\"{field}\" must be an array of strings");
                    var list = new List<string>();
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString())) throw Bad(field, $"\"{field}\" must hold only non-empty strings");
                        list.Add(item.GetString()!);
                    }
                    return list;
                }
                JsonElement Required(string field) => element.TryGetProperty(field, out var value)
                    ? value
                    : throw new ImportFormatException(path, lines.Element(at), $"{where}: missing \"{field}\"");

                var id = Text("id");
                where = $"question {at + 1} (\"{id}\")";
                if (!ids.Add(id)) throw Bad("id", $"the id \"{id}\" is used twice");
                var question = Text("question");
                if (!Audiences.TryParse(Text("audience"), out var audience))
                    throw Bad("audience", "\"audience\" must be \"patient\" or \"clinician\"");
                var topicValue = Required("topic");
                if (topicValue.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) throw Bad("topic", "\"topic\" must be a string or null");
                var records = Texts("records", Required("records"));
                var kinds = Texts("kinds", Required("kinds"));
                if (kinds.Count == 0) throw Bad("kinds", "\"kinds\" must name at least one kind");
                var mustValue = Required("mustState");
                if (mustValue.ValueKind != JsonValueKind.Array) throw Bad("mustState", "\"mustState\" must be an array of facts, each an array of phrasings");
                var must = new List<IReadOnlyList<string>>();
                foreach (var fact in mustValue.EnumerateArray())
                {
                    var phrasings = Texts("mustState", fact);
                    if (phrasings.Count == 0) throw Bad("mustState", "each fact in \"mustState\" needs at least one phrasing");
                    must.Add(phrasings);
                }
                var mustNot = element.TryGetProperty("mustNotState", out var mustNotValue) ? Texts("mustNotState", mustNotValue) : [];
                var lacking = false;
                if (element.TryGetProperty("lacking", out var lackingValue))
                {
                    if (lackingValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw Bad("lacking", "\"lacking\" must be true or false");
                    lacking = lackingValue.GetBoolean();
                }
                // Without a fact to state, a question would pass on any bottom line.
                if (must.Count == 0 && !lacking) throw Bad("mustState", "\"mustState\" is empty; name the facts, or mark the question \"lacking\": true");
                questions.Add(new EverydayQuestion(id, question, audience, topicValue.ValueKind == JsonValueKind.String ? topicValue.GetString() : null,
                    records, kinds, must, mustNot, lacking));
                index++;
            }
            if (questions.Count == 0) throw new ImportFormatException(path, lines.Element(-1), "the file holds no questions");
            return questions;
        }
    }

    /// <summary>Where each question and each of its fields starts in the file, as 1-based line numbers.</summary>
    private sealed class LineMap
    {
        public List<int> Elements { get; } = [];
        public List<Dictionary<string, int>> ElementFields { get; } = [];
        public int RootLine { get; set; } = 1;

        public int Element(int index) => index >= 0 && index < Elements.Count ? Elements[index] : RootLine;

        public int? Field(int index, string field) =>
            index >= 0 && index < ElementFields.Count && ElementFields[index].TryGetValue(field, out var line) ? line : null;
    }

    private static LineMap LinesOf(ReadOnlySpan<byte> json)
    {
        var map = new LineMap();
        var newlines = new List<long>();
        for (var i = 0; i < json.Length; i++) if (json[i] == (byte)'\n') newlines.Add(i);
        int LineAt(long offset) => (newlines.BinarySearch(offset) is var found && found >= 0 ? found : ~found) + 1;
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                map.RootLine = LineAt(reader.TokenStartIndex);
            else if (reader.CurrentDepth == 1 && reader.TokenType != JsonTokenType.EndArray && reader.TokenType != JsonTokenType.EndObject)
            {
                map.Elements.Add(LineAt(reader.TokenStartIndex));
                map.ElementFields.Add(new Dictionary<string, int>(StringComparer.Ordinal));
            }
            else if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.PropertyName && map.ElementFields.Count > 0)
                map.ElementFields[^1].TryAdd(reader.GetString()!, LineAt(reader.TokenStartIndex));
        }
        return map;
    }
}

/// <summary>A starter-library check (tests/Galen.Evidence.Tests/Fixtures/starter-questions-*.json): words the bottom line must use, and the verdict.</summary>
public sealed record StarterCheck(string Question, Audience Audience, string? Verdict, IReadOnlyList<string> Expect)
{
    public bool Passes(Answer answer) =>
        !answer.Abstained && (Verdict is null || Verdict == answer.Verdict)
        && Expect.All(e => answer.BottomLine.Contains(e, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<StarterCheck> Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"checks file '{path}' does not exist");
        JsonArray items;
        try
        {
            items = JsonNode.Parse(File.ReadAllText(path)) as JsonArray ?? throw new ImportFormatException(path, 1, "expected a JSON array of checks");
        }
        catch (JsonException ex)
        {
            throw new ImportFormatException(path, (int?)(ex.LineNumber + 1), "malformed JSON: " + ex.Message, ex);
        }
        var checks = new List<StarterCheck>();
        foreach (var (item, index) in items.Select((n, i) => (n, i)))
        {
            var question = item?["question"]?.GetValue<string>();
            var audience = item?["audience"]?.GetValue<string>();
            if (question is null || !Audiences.TryParse(audience, out var parsed))
            {
                throw new ImportFormatException(path, null, $"check {index + 1}: needs \"question\" and an \"audience\" of clinician or patient");
            }
            var expect = item?["expect"] as JsonArray;
            checks.Add(new StarterCheck(question, parsed, item?["verdict"]?.GetValue<string>(), [.. (expect ?? []).Select(e => e?.GetValue<string>() ?? "")]));
        }
        return checks;
    }
}
