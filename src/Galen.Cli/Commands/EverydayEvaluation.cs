using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Galen.Core;
using Galen.Core.Analysis;
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
        args.Allow("--details", "--json", "--fit-bottom-line", "--folds", "--also-checks", "--explore", "--explain", "--score-on", "--candidates-out");
        if (rest.Count != 2) throw new UsageException("usage: galen eval everyday FILE[,FILE...] [--details] [--json] [--fit-bottom-line OUT [--folds N] [--also-checks FILE,...] [--score-on FILE]] [--explain ID]");
        // Several files (comma-separated) are read as one set: a fit learns from every labelled question there is.
        var questions = EverydayQuestionReader.ReadAll(rest[1]);
        // The questions are about the starter library's topics; a throwaway store is empty, so it is loaded here.
        var starter = StarterLibrary.DefaultPath() ?? throw new InvalidOperationException("the starter library (the knowledge folder) was not found beside the program");
        library.EnsureReady(starter, progress);
        if (args.Get("--explain") is { } id)
        {
            return Explain(library, questions.Find(q => q.Id == id) ?? throw new UsageException($"--explain: no question with id '{id}' in {rest[1]}"), stdout);
        }
        var fit = args.Get("--fit-bottom-line") is { } output ? FitBottomLine(library, questions, rest[1], output, args, stdout, progress) : null;
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
                fittedBottomLine = fit,
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
    /// Fits the bottom-line ranking: every question is asked once, the sentences its bottom line is chosen from are
    /// kept with their signals, and the weights are fitted to put the sentences that state the facts asked for first.
    /// The other checks (the starter library's) join every fit as more data and are never scored; the figure reported
    /// is the everyday questions' k-fold cross-validated pass rate.
    /// </summary>
    private static object FitBottomLine(Library library, List<EverydayQuestion> questions, string file, string output, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        var folds = args.GetInt("--folds", 5, 2, 100);
        var checks = (args.Get("--also-checks") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(StarterCheck.Read).ToList();
        var engine = new AnswerEngine(library.Search, bottomLine: BottomLineRanking.Start);
        progress.Start("Reading candidate bottom lines", questions.Count + checks.Count);
        var everyday = questions.Select(q =>
        {
            var (answer, explanation) = engine.ExplainBottomLine(new AskRequest(q.Question, q.Audience, []));
            progress.Advance(1);
            return BottomLineLabels.ForEveryday(q, answer, explanation);
        }).ToList();
        var other = checks.Select(c =>
        {
            var (answer, explanation) = engine.ExplainBottomLine(new AskRequest(c.Question, c.Audience, []));
            progress.Advance(1);
            var check = BottomLineLabels.ForCheck(c, answer, explanation);
            // A check the engine passes with the hand-set start is one the fit must keep.
            return check with { MustPass = check.Passes(check.ChosenBy(BottomLineRanking.Start)) };
        }).ToList();
        // Questions written apart from the fitted ones, never fitted on: how the table does on questions it has not seen.
        var scoredApart = args.Get("--score-on") is { } apartFile
            ? EverydayQuestionReader.Read(apartFile).Select(q =>
            {
                var (answer, explanation) = engine.ExplainBottomLine(new AskRequest(q.Question, q.Audience, []));
                return BottomLineLabels.ForEveryday(q, answer, explanation);
            }).ToList()
            : null;
        progress.Finish();
        if (args.Get("--candidates-out") is { } candidatesFile)
        {
            // Every question's candidates and signals, one line each: two runs on the same tree should write the same file.
            File.WriteAllLines(candidatesFile, everyday.Concat(other).SelectMany((q, n) => q.Candidates.Select((c, i) =>
                FormattableString.Invariant($"{n}\t{q.Gains[i]:0.###}\t{c.SourceKey}#{c.Order}\t{string.Join(' ', c.Features.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}"))));
        }

        var start = BottomLineRanking.Start;
        if (args.Has("--explore"))
        {
            // The ceiling a ranking can reach: questions where one candidate alone states every fact asked for.
            var reachable = everyday.Count(q => q.Gains.Count > 0 && q.Gains.Max() >= 1);
            stdout.WriteLine($"Reachable by ranking: {reachable}/{everyday.Count} everyday questions have a candidate that states every fact asked for");
            stdout.WriteLine("  not reachable: " + string.Join(", ", questions.Where((q, i) => !q.Lacking && (everyday[i].Gains.Count == 0 || everyday[i].Gains.Max() < 1)).Select(q => q.Id)));
            // How the figure moves with the hold to the start and the rounds that keep the checks: the table the shipped
            // settings were chosen from (the best cross-validated figure among those keeping every check).
            foreach (var (rounds, factor) in new[] { (0, 1.0), (1, 4.0), (2, 4.0), (5, 4.0), (2, 2.0), (5, 2.0), (10, 2.0), (10, 1.5) })
            {
                foreach (var r in new[] { 0.003, 0.01, 0.03, 0.1, 0.3 })
                {
                    var all = BottomLineRanking.FitKeeping([.. everyday, .. other], start, r, rounds, factor);
                    stdout.WriteLine(FormattableString.Invariant(
                        $"rounds {rounds} x{factor}, L2 {r}: everyday {BottomLineRanking.CrossValidate(everyday, other, start, folds, r, rounds, factor):P1} cross-validated; fitted on all: everyday {all.Passed(everyday)}, checks {all.Passed(other)}/{other.Count}")
                        + (scoredApart is null ? "" : $"; never fitted on: {all.Passed(scoredApart)}/{scoredApart.Count}"));
                    foreach (var (check, i) in checks.Select((c, i) => (c, i)).Where(x => !other[x.i].Passes(other[x.i].ChosenBy(all))))
                    {
                        stdout.WriteLine($"    check fails: {check.Question} | expects {string.Join(", ", check.Expect)} | start passes {other[i].Passes(other[i].ChosenBy(start))} | {other[i].Candidates.Count} candidates");
                    }
                }
            }
            // How close a second sentence must score to join the first, with the shipped settings of the fit.
            foreach (var margin in new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 })
            {
                var from = new BottomLineRanking([.. start.Weights]) { SecondSentence = Math.Log(margin) };
                var all = BottomLineRanking.FitKeeping([.. everyday, .. other], from);
                stdout.WriteLine(FormattableString.Invariant(
                    $"second sentence within x{margin}: everyday {BottomLineRanking.CrossValidate(everyday, other, from, folds):P1} cross-validated; fitted on all: everyday {all.Passed(everyday)}, checks {all.Passed(other)}/{other.Count}")
                    + (scoredApart is null ? "" : $"; never fitted on: {all.Passed(scoredApart)}/{scoredApart.Count}"));
            }
        }
        var crossValidated = BottomLineRanking.CrossValidate(everyday, other, start, folds);
        var regularization = BottomLineRanking.Regularization;
        var fitted = BottomLineRanking.FitKeeping([.. everyday, .. other], start, regularization);
        var unfitted = start.Passed(everyday);
        var checksKept = fitted.Passed(other);
        var summary = FormattableString.Invariant(
            $"on {everyday.Count} everyday questions: {(double)crossValidated:P1} pass in {folds}-fold cross-validation (the hand-set start: {Share(unfitted, everyday.Count):P1}); ")
            + FormattableString.Invariant($"other checks passing with the fitted weights {checksKept}/{other.Count} (start {start.Passed(other)}); L2 hold to the start {regularization}.");
        var header = "Bottom-line ranking: one line per signal, then its weight (log scale: ln 1.6 counts a signal 1.6 times).\n"
            + $"Fitted with: galen eval everyday {string.Join(',', file.Split(',').Select(Path.GetFileName))} --fit-bottom-line {Path.GetFileName(output)} --folds {folds}"
            + (checks.Count > 0 ? $" --also-checks ({checks.Count} starter checks)" : "") + "\n" + summary + "\nNumbers only; no text of the data.";
        File.WriteAllText(output, fitted.Format(header));
        if (!args.Has("--json"))
        {
            stdout.WriteLine($"Wrote {output}: {summary}");
            if (scoredApart is not null)
            {
                stdout.WriteLine($"  on {args.Get("--score-on")}, never fitted on: {fitted.Passed(scoredApart)}/{scoredApart.Count} with the fitted weights, {start.Passed(scoredApart)} with the hand-set start");
            }
            foreach (var (check, i) in checks.Select((c, i) => (c, i)).Where(x => !other[x.i].Passes(other[x.i].ChosenBy(fitted))))
            {
                stdout.WriteLine($"  check fails with the fitted weights: {check.Question} | expects {string.Join(", ", check.Expect)}");
            }
        }
        return new
        {
            file = output, folds, crossValidated, unfitted = Share(unfitted, everyday.Count), regularization,
            checks = other.Count, checksPassingFitted = checksKept, checksPassingUnfitted = start.Passed(other),
            scoredOn = scoredApart is null ? null : new { file = args.Get("--score-on"), questions = scoredApart.Count, passedFitted = fitted.Passed(scoredApart), passedUnfitted = start.Passed(scoredApart) },
        };
    }

    /// <summary>
    /// Why one question's bottom line is what it is: every candidate sentence, best first, with its score, the share
    /// of the facts asked for it states, and its signals that are not zero.
    /// </summary>
    private static int Explain(Library library, EverydayQuestion question, TextWriter stdout)
    {
        var engine = new AnswerEngine(library.Search);
        var (answer, explanation) = engine.ExplainBottomLine(new AskRequest(question.Question, question.Audience, []));
        var labelled = BottomLineLabels.ForEveryday(question, answer, explanation);
        var ranking = BottomLineRanking.Default;
        stdout.WriteLine($"{question.Id}: {question.Question}");
        stdout.WriteLine($"bottom line: {Shorten(answer.BottomLine)}");
        var analysis = QuestionAnalyzer.Analyze(question.Question, []);
        stdout.WriteLine($"read as: {analysis.Kind}{(analysis.IsYesNo ? " (yes/no)" : "")}; interventions {string.Join(", ", analysis.Interventions.Select(t => $"{t.Name} [{t.Type}]"))}; conditions {string.Join(", ", analysis.Conditions.Select(t => $"{t.Name} [{t.Type}]"))}; population {analysis.Population}; focus {analysis.Focus}; context {string.Join(", ", analysis.ContextTerms.Select(t => t.Name))}; keywords {string.Join(" ", analysis.Keywords)}");
        stdout.WriteLine($"{labelled.Candidates.Count} candidates; the sources it should come from: {string.Join(", ", question.Records)}");
        foreach (var i in Enumerable.Range(0, labelled.Candidates.Count).OrderByDescending(i => ranking.Score(labelled.Candidates[i].Features)))
        {
            var c = labelled.Candidates[i];
            var signals = string.Join(" ", c.Features.Select((v, k) => (v, k)).Where(p => p.v != 0)
                .Select(p => FormattableString.Invariant($"{BottomLineRanking.FeatureNames[p.k]}={p.v:0.##}")));
            stdout.WriteLine(FormattableString.Invariant($"{ranking.Score(c.Features),7:0.00}  states {labelled.Gains[i]:0.##}  {c.SourceKey}  | {Shorten(c.Text)}"));
            stdout.WriteLine($"         {signals}");
        }
        return ExitCodes.Done;
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

/// <summary>Labels a question's candidate bottom-line sentences for fitting: how much of what must be stated each states.</summary>
public static class BottomLineLabels
{
    public static BottomLineQuestion ForEveryday(EverydayQuestion question, Answer answer, BottomLineExplanation explanation)
    {
        var candidates = explanation.Candidates;
        var actual = EverydayScorer.Score(question, answer.BottomLine).Passed;
        var gains = candidates.Select(c =>
        {
            var text = EverydayScorer.Normalize(c.Text);
            bool States(string phrase) => EverydayScorer.States(text, phrase);
            if (question.MustNotState.Any(States) || question.MustState.Count == 0) return 0.0;
            return (double)question.MustState.Count(fact => fact.Any(States)) / question.MustState.Count;
        }).ToList();
        return new BottomLineQuestion(candidates, gains, chosen => candidates.Count == 0
            ? actual
            : EverydayScorer.Score(question, explanation.Text(chosen)).Passed, TwoThings: explanation.TwoThings);
    }

    public static BottomLineQuestion ForCheck(StarterCheck check, Answer answer, BottomLineExplanation explanation)
    {
        var candidates = explanation.Candidates;
        var actual = check.Passes(answer);
        var verdictKept = !answer.Abstained && (check.Verdict is null || check.Verdict == answer.Verdict);
        var gains = candidates.Select(c => check.Expect.Count == 0 ? 0.0
            : (double)check.Expect.Count(e => c.Text.Contains(e, StringComparison.OrdinalIgnoreCase)) / check.Expect.Count).ToList();
        return new BottomLineQuestion(candidates, gains, chosen =>
        {
            if (candidates.Count == 0) return actual;
            var text = explanation.Text(chosen);
            return verdictKept && check.Expect.All(e => text.Contains(e, StringComparison.OrdinalIgnoreCase));
        }, TwoThings: explanation.TwoThings);
    }
}

public static class EverydayScorer
{
    /// <summary>Ways a bottom line says the library does not hold what was asked.</summary>
    public static readonly IReadOnlyList<string> LackingPhrases =
        ["too little evidence", "holds too little", "does not hold", "holds no", "no source", "lacks", "not in the library", "nothing in the library"];

    public static EverydayScore Score(EverydayQuestion question, string bottomLine)
    {
        var text = Normalize(bottomLine);
        bool States(string phrase) => EverydayScorer.States(text, phrase);
        var missing = question.MustState.Where(fact => !fact.Any(States)).Select(fact => fact[0]).ToList();
        var contradicting = question.MustNotState.Where(States).ToList();
        var saysLacking = LackingPhrases.Any(States);
        var passed = missing.Count == 0 && contradicting.Count == 0 && (!question.Lacking || saysLacking);
        return new EverydayScore(passed, missing, contradicting, saysLacking);
    }

    /// <summary>
    /// Whether a normalised bottom line states a phrasing, as written or with its units spelled out: the patient wording
    /// writes "81 milligrams" where the record, and so the expected fact, says "81 mg".
    /// </summary>
    internal static bool States(string normalizedText, string phrase) =>
        normalizedText.Contains(Normalize(phrase), StringComparison.Ordinal)
        || normalizedText.Contains(Normalize(LayVocabulary.SpellUnits(phrase)), StringComparison.Ordinal);

    /// <summary>Lower case with runs of whitespace as one space, so line breaks and double spaces never decide a match.</summary>
    internal static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Reads an everyday-questions file (eval/README.md), naming the file, line and field of any error.</summary>
public static class EverydayQuestionReader
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
        { "id", "question", "audience", "topic", "records", "kinds", "mustState", "mustNotState", "lacking" };

    /// <summary>Reads one file, or several named with commas; an id used twice names both files.</summary>
    public static List<EverydayQuestion> ReadAll(string paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<EverydayQuestion>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var q in Read(path))
            {
                if (!seen.TryAdd(q.Id, path))
                {
                    throw new UsageException($"question id '{q.Id}' is in both {seen[q.Id]} and {path}");
                }
                all.Add(q);
            }
        }
        return all;
    }

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
