using System.Text.Json;
using System.Xml.Linq;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Composition;
using Galen.Core.Grading;
using Galen.Evidence;
using Galen.Evidence.Import;
using Galen.Evidence.Store;

namespace Galen.Cli.Commands;

/// <summary>
/// Measures the engine on labelled data, reading files by path. Unless --data is given, each run
/// works in a fresh temporary library so the user's own library is untouched.
/// </summary>
public static class EvalCommand
{
    public static int Run(GalenStoreOptions store, bool explicitData, List<string> rest, ParsedArgs args, TextWriter stdout, TextWriter stderr, IProgressSink progress)
    {
        if (rest.Count == 0) throw new UsageException("usage: galen eval pubmedqa FILE | galen eval liveqa --medquad DIR --answers CSV --questions XML --qrels FILE | galen eval everyday FILE | galen eval readability FILE...");
        string? temp = null;
        if (!explicitData)
        {
            temp = Path.Combine(Path.GetTempPath(), "galen-eval-" + Guid.NewGuid().ToString("N"));
            // A throwaway library holding all of MedQuAD (16,000 pages, 119,000 distinct sentences) is asked a few dozen
            // questions: its sentences are encoded when compared rather than all at import (the same values).
            // The embedding models are those the environment names (GALEN_EMBEDDINGS, GALEN_SENTENCE_EMBEDDINGS), so that
            // models can be compared.
            var named = GalenStoreOptions.FromEnvironment(temp);
            store = new GalenStoreOptions
            {
                DataDirectory = temp,
                SentenceVectors = rest[0] != "liveqa" && !args.Has("--with-medquad"),
                EmbeddingModel = named.EmbeddingModel,
                SentenceModel = named.SentenceModel,
            };
        }
        try
        {
            using var library = new Library(store);
            library.EnsureReady(starterLibrary: null, progress);
            return rest[0] switch
            {
                "pubmedqa" => PubMedQa(library, rest, args, stdout, progress),
                "liveqa" => LiveQa(library, args, stdout, progress),
                "everyday" => EverydayEvaluation.Run(library, rest, args, stdout, progress),
                "readability" => ReadabilityEvaluation.Run(library, rest, args, stdout, progress),
                _ => throw new UsageException($"unknown evaluation '{rest[0]}': use pubmedqa, liveqa, everyday or readability"),
            };
        }
        finally
        {
            if (temp is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(temp, true); } catch (IOException) { }
            }
        }
    }

    private static int PubMedQa(Library library, List<string> rest, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        args.Allow("--json", "--with-medquad", "--details", "--fit-reader", "--folds");
        if (rest.Count != 2) throw new UsageException("usage: galen eval pubmedqa FILE [--with-medquad DIR] [--details] [--fit-reader OUT [--folds N]]");
        var items = PubMedQaReader.Read(rest[1]);
        if (args.Get("--fit-reader") is { } readerFile) return FitReader(items, rest[1], readerFile, args, stdout);
        var report = new ImportReport();
        // The retrieval target is measured with all of MedQuAD in the library as distractors.
        if (args.Get("--with-medquad") is { } medquad) library.ImportMedQuad(medquad, report, progress: progress);
        library.Writer.Apply(rest[1], items.Select(i => ImportItem.Of(i.Source)), report);
        // Searched as the product searches: by words and by meaning.
        library.EmbedPending(progress);
        // PubMedQA asks what each study concludes, so the verdict is taken as for a single study: the
        // clinical rule that thin evidence (one pilot, one case report) means "uncertain" is switched off.
        // The figure with the clinical rule is reported too.
        var engine = new AnswerEngine(library.Search, VerdictOptions.SingleStudy);
        var clinical = new AnswerEngine(library.Search);
        var clinicalCorrect = 0;
        string[] labels = ["yes", "no", "uncertain"];
        var confusion = new int[3, 3];
        progress.Start("Asking", items.Count);
        var latencies = new List<double>(items.Count);
        var ownFirst = 0;
        var searchFirst = 0;
        foreach (var item in items)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var answer = engine.Ask(new AskRequest(item.Question, Audience.Clinician, []));
            latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (answer.Evidence.Count > 0 && answer.Evidence[0].ExternalIds.Pmid == item.Pmid) ownFirst++;
            if (SearchCommand.Search(library, item.Question, 1, null, null, null) is [{ } hit] && hit.Source.Ids.Pmid == item.Pmid) searchFirst++;
            var expected = item.Decision == "maybe" ? "uncertain" : item.Decision;
            var actual = answer.Verdict ?? "uncertain";
            if ((clinical.Ask(new AskRequest(item.Question, Audience.Clinician, [])).Verdict ?? "uncertain") == expected) clinicalCorrect++;
            var ei = Array.IndexOf(labels, expected);
            var ai = Array.IndexOf(labels, actual);
            if (ei >= 0 && ai >= 0) confusion[ei, ai]++;
            if (args.Has("--details"))
            {
                // One JSON line per question: what was expected and decided, and how the study's own sentences were read.
                var own = EvidenceGrader.Grade(item.Source, 1, 1, QuestionAnalyzer.Analyze(item.Question, []));
                stdout.WriteLine(JsonSerializer.Serialize(new
                {
                    pmid = item.Pmid, expected, predicted = actual, reason = answer.VerdictReason, question = item.Question,
                    stance = own.Stance.ToString(), score = own.StanceScore,
                    sentences = own.Sentences.Where(x => x.StanceScore != 0 || x.IsConclusion || x.Hedged).Select(x => new { x.SectionLabel, x.IsConclusion, x.StanceScore, x.Hedged, x.Relevance, x.Text }),
                }, CliJson.Options));
            }
            progress.Advance(1);
        }
        progress.Finish();
        var total = items.Count;
        var correct = Enumerable.Range(0, 3).Sum(i => confusion[i, i]);
        var f1s = F1PerLabel(confusion);
        var accuracy = total == 0 ? 0 : (double)correct / total;
        var macroF1 = f1s.Average();
        if (args.Has("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                items = total, accuracy, macroF1,
                clinicalRuleAccuracy = total == 0 ? 0 : (double)clinicalCorrect / total,
                f1 = labels.Select((l, i) => new { label = l, f1 = f1s[i] }),
                confusion = labels.Select((l, i) => new { expected = l, predicted = labels.Select((p, j) => new { label = p, count = confusion[i, j] }) }),
                ownArticleFirst = total == 0 ? 0 : (double)ownFirst / total,
                searchOwnArticleFirst = total == 0 ? 0 : (double)searchFirst / total,
                latencyMs = new { p50 = Percentiles(latencies).P50, p95 = Percentiles(latencies).P95 },
            }, CliJson.Options));
            return ExitCodes.Done;
        }
        stdout.WriteLine($"PubMedQA: {total} questions");
        stdout.WriteLine($"  accuracy {accuracy:F3}   macro-F1 {macroF1:F3}   (F1 yes {f1s[0]:F3}, no {f1s[1]:F3}, uncertain {f1s[2]:F3})");
        stdout.WriteLine($"  with the clinical thin-evidence rule on: accuracy {(double)clinicalCorrect / Math.Max(1, total):F3}");
        stdout.WriteLine($"  own article ranked first: by search {(double)searchFirst / Math.Max(1, total):P1}, in the answer's evidence {(double)ownFirst / Math.Max(1, total):P1}");
        stdout.WriteLine("  confusion (rows expected, columns predicted: yes no uncertain)");
        for (var i = 0; i < 3; i++) stdout.WriteLine($"    {labels[i],-10}{confusion[i, 0],6}{confusion[i, 1],6}{confusion[i, 2],6}");
        var p = Percentiles(latencies);
        stdout.WriteLine($"  ask latency p50 {p.P50:F1} ms, p95 {p.P95:F1} ms");
        return ExitCodes.Done;
    }

    /// <summary>
    /// Fits the conclusion reader on a labelled PubMedQA file and writes its weights table; with --folds N, first
    /// reports how a reader fitted on the other folds does on each held-out fold (the honest figure).
    /// </summary>
    private static int FitReader(List<PubMedQaItem> items, string file, string output, ParsedArgs args, TextWriter stdout)
    {
        string[] labels = ["yes", "no", "uncertain"];
        var examples = new List<(double[] Features, int Label, bool RuleOpen)>();
        foreach (var item in items)
        {
            var analysis = QuestionAnalyzer.Analyze(item.Question, []);
            var graded = EvidenceGrader.Grade(item.Source, 1, 1, analysis, reader: null);
            var label = Array.IndexOf(labels, item.Decision == "maybe" ? "uncertain" : item.Decision);
            if (label < 0 || (!ConclusionReader.Applies(item.Source, graded.Sentences, graded.Stance) && graded.Stance != Stance.Inconclusive)) continue;
            examples.Add((ConclusionReader.Features(analysis.Question, graded.Sentences, graded.Stance, graded.StanceScore), label, graded.Stance == Stance.Inconclusive));
        }
        var trainable = examples.Where(e => !e.RuleOpen).Select(e => (e.Features, e.Label)).ToList();
        if (args.Get("--folds") is { } foldText)
        {
            if (!int.TryParse(foldText, System.Globalization.CultureInfo.InvariantCulture, out var folds) || folds < 2) throw new UsageException("--folds needs a whole number of at least 2");
            var confusion = new int[3, 3];
            for (var f = 0; f < folds; f++)
            {
                var reader = ConclusionReader.Fit(trainable.Where((_, i) => i % folds != f).ToList());
                var kept = 0;
                for (var i = 0; i < examples.Count; i++)
                {
                    var e = examples[i];
                    if (e.RuleOpen)
                    {
                        if (f == 0) confusion[e.Label, 2]++;
                        continue;
                    }
                    if (kept++ % folds != f) continue;
                    var predicted = reader.Read(e.Features).Stance switch { Stance.Supports => 0, Stance.Against => 1, _ => 2 };
                    confusion[e.Label, predicted]++;
                }
            }
            var total = Enumerable.Range(0, 3).Sum(i => Enumerable.Range(0, 3).Sum(j => confusion[i, j]));
            var f1 = F1PerLabel(confusion);
            stdout.WriteLine($"Conclusion reader, {folds}-fold cross-validation on {total} abstracts (each read by a reader fitted without it):");
            stdout.WriteLine($"  accuracy {Enumerable.Range(0, 3).Sum(i => confusion[i, i]) / (double)Math.Max(1, total):F3}   macro-F1 {f1.Average():F3}   (F1 yes {f1[0]:F3}, no {f1[1]:F3}, uncertain {f1[2]:F3})");
        }
        var fitted = ConclusionReader.Fit(trainable);
        var header = $"Conclusion reader weights: one line per cue, then its weight toward yes, no and uncertain.\nFitted with: galen eval pubmedqa {Path.GetFileName(file)} --fit-reader {Path.GetFileName(output)}\non {trainable.Count} labelled abstracts whose conclusions the rules read as a finding. Numbers only; no text of the data.";
        File.WriteAllText(output, fitted.Format(header));
        stdout.WriteLine($"Wrote {output}: {ConclusionReader.FeatureNames.Count} cues fitted on {trainable.Count} abstracts.");
        return ExitCodes.Done;
    }

    private static int LiveQa(Library library, ParsedArgs args, TextWriter stdout, IProgressSink progress)
    {
        args.Allow("--medquad", "--answers", "--questions", "--qrels", "--json", "--details", "--fit-ordering", "--folds");
        string Need(string name) => args.Get(name) ?? throw new UsageException($"eval liveqa needs {name}");
        var medquad = Need("--medquad");
        var questionsFile = Need("--questions");
        var qrelsFile = Need("--qrels");
        var report = new ImportReport();
        library.ImportMedQuad(medquad, report, args.Get("--answers"), progress);
        library.EmbedPending(progress);
        var qrels = ReadQrels(qrelsFile);
        var questions = ReadLiveQaQuestions(questionsFile);
        var engine = new AnswerEngine(library.Search);
        var grades = new List<int?>();
        var searchGrades = new List<int?>();
        var wordGrades = new List<int?>();
        var meaningGrades = new List<int?>();
        var meaningBestOfFive = new List<int>();
        var recallSearch = new List<double>();
        var recallEngine = new List<double>();
        // What the reader sees first: the answer the article's bottom line quotes; and how often the article abstains.
        var leadGrades = new List<int?>();
        var abstained = 0;
        // For fitting the ordering of patient pages: each question's pages with their signals and grades (unjudged as 0).
        var judgedPages = new List<IReadOnlyList<(double[] Features, int Grade)>>();
        progress.Start("Asking", questions.Count);
        foreach (var (qid, text) in questions)
        {
            var answer = engine.Ask(new AskRequest(text, Audience.Patient, []));
            judgedPages.Add([.. engine.PatientPages(new AskRequest(text, Audience.Patient, [])).Select(p => (p.Features, qrels.TryGetValue((qid, p.SourceKey.StartsWith("medquad:", StringComparison.Ordinal) ? p.SourceKey["medquad:".Length..] : p.SourceKey), out var pg) ? pg : 0))]);
            var top = answer.Evidence.Select(e => e.ExternalIds.Medquad).FirstOrDefault(m => m is not null);
            grades.Add(top is not null && qrels.TryGetValue((qid, top), out var g) ? g : null);
            var quoted = answer.BottomLineStatement.Citations.Select(c => answer.References.FirstOrDefault(r => r.N == c)?.ExternalIds.Medquad).FirstOrDefault(m => m is not null);
            leadGrades.Add(quoted is not null && qrels.TryGetValue((qid, quoted), out var lg) ? lg : null);
            abstained += answer.Abstained ? 1 : 0;
            // The baselines: the words alone (BM25), the meaning alone (the embedding model untuned), and the two fused.
            int? Grade(string? id) => id is not null && qrels.TryGetValue((qid, id), out var sg) ? sg : null;
            var fused = SearchCommand.Search(library, text, 1, Galen.Core.Sources.SourceKind.PatientInformation, null, null);
            searchGrades.Add(Grade(fused.Count > 0 ? fused[0].Source.Ids.Medquad : null));
            var lexical = library.Search.Search(new Galen.Core.Search.EvidenceQuery { Text = text, Top = 1, Kind = Galen.Core.Sources.SourceKind.PatientInformation });
            wordGrades.Add(Grade(lexical.Count > 0 ? lexical[0].Source.Ids.Medquad : null));
            var nearest = library.Search is Galen.Core.Search.ISemanticSearch semantic ? semantic.Nearest(text, 10, Galen.Core.Sources.SourceKind.PatientInformation) : [];
            meaningGrades.Add(Grade(nearest.Count > 0 ? nearest[0].Source.Ids.Medquad : null));
            meaningBestOfFive.Add(nearest.Take(5).Select(h => Grade(h.Source.Ids.Medquad) ?? 0).DefaultIfEmpty(0).Max());
            var found = SearchCommand.Search(library, text, 10, Galen.Core.Sources.SourceKind.PatientInformation, null, null).Select(h => h.Source.Ids.Medquad).ToHashSet(StringComparer.Ordinal);
            var engineFound = answer.Evidence.Select(e => e.ExternalIds.Medquad).Where(m => m is not null).Take(10).ToHashSet(StringComparer.Ordinal);
            var useful = qrels.Where(kv => kv.Key.Item1 == qid && kv.Value >= 2).Select(kv => kv.Key.Item2).ToList();
            if (useful.Count > 0)
            {
                recallSearch.Add(useful.Count(found.Contains) / (double)useful.Count);
                recallEngine.Add(useful.Count(engineFound.Contains) / (double)useful.Count);
            }

            if (args.Has("--details"))
            {
                // One line per question to see where the top answer went wrong: the grade, what came first, and the best judged answer.
                var best = qrels.Where(kv => kv.Key.Item1 == qid).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key.Item2}={kv.Value}").FirstOrDefault() ?? "-";
                var topTitle = answer.Evidence.FirstOrDefault(e => e.ExternalIds.Medquad is not null)?.Title ?? "-";
                stdout.WriteLine($"{qid}\t{grades[^1]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unjudged"}\t{top ?? "-"}\t{topTitle}\tbest {best}\t{answer.QuestionKind}\t{Flatten(text)}");
            }
            progress.Advance(1);
        }
        progress.Finish();
        var n = Math.Max(1, grades.Count);
        var mean = grades.Sum(g => g ?? 0) / (double)n;
        var good = grades.Count(g => g >= 2) / (double)n;
        var unjudged = grades.Count(g => g is null) / (double)n;
        var meanJudged = grades.Any(g => g is not null) ? grades.Where(g => g is not null).Average(g => g!.Value) : 0;
        var fitted = args.Get("--fit-ordering") is { } orderingFile ? FitOrdering(judgedPages, orderingFile, args, stdout) : null;
        if (args.Has("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { fittedOrdering = fitted, questions = grades.Count, meanGrade = mean, meanGradeJudged = meanJudged, shareIncompleteOrBetter = good, shareUnjudged = unjudged, meanGradeQuotedFirst = leadGrades.Sum(g => g ?? 0) / (double)n, shareAbstained = abstained / (double)n, meanGradeWords = wordGrades.Sum(g => g ?? 0) / (double)n, meanGradeMeaning = meaningGrades.Sum(g => g ?? 0) / (double)n, meanGradeFused = searchGrades.Sum(g => g ?? 0) / (double)n, recallAt10 = recallEngine.Count > 0 ? recallEngine.Average() : 0, imported = report.Imported + report.Unchanged }, CliJson.Options));
            return ExitCodes.Done;
        }
        stdout.WriteLine($"LiveQA: {grades.Count} questions over {report.Imported + report.Unchanged} MedQuAD answers");
        stdout.WriteLine($"  mean grade of the top answer (0-3, unjudged as 0): {mean:F3}");
        stdout.WriteLine($"  mean grade over judged top answers: {meanJudged:F3}");
        stdout.WriteLine($"  share graded 3-Incomplete or better: {good:P1}; share unjudged: {unjudged:P1}");
        stdout.WriteLine($"  the answer the bottom line quotes first: mean grade {leadGrades.Sum(g => g ?? 0) / (double)n:F3}, unjudged {leadGrades.Count(g => g is null) / (double)n:P1}; articles that abstain {abstained / (double)n:P1}");
        stdout.WriteLine($"  baselines, top page of patient information (no question analysis):");
        stdout.WriteLine($"    words alone (BM25): mean grade {wordGrades.Sum(g => g ?? 0) / (double)n:F3}, unjudged {wordGrades.Count(g => g is null) / (double)n:P1}");
        stdout.WriteLine($"    meaning alone ({library.Embedder?.ModelId ?? "no embeddings"}): mean grade {meaningGrades.Sum(g => g ?? 0) / (double)n:F3}, unjudged {meaningGrades.Count(g => g is null) / (double)n:P1}; best of its top five {meaningBestOfFive.Sum() / (double)n:F3}");
        stdout.WriteLine($"    both fused by reciprocal rank, nothing fitted: mean grade {searchGrades.Sum(g => g ?? 0) / (double)n:F3}, unjudged {searchGrades.Count(g => g is null) / (double)n:P1}");
        stdout.WriteLine($"  recall@10 of the answers judged 3-Incomplete or better: engine {(recallEngine.Count > 0 ? recallEngine.Average() : 0):F3}, fused search {(recallSearch.Count > 0 ? recallSearch.Average() : 0):F3} (over {recallEngine.Count} questions with one)");
        return ExitCodes.Done;
    }

    /// <summary>
    /// Fits the weights that order patient pages on the judged questions, writes them as a table, and reports the
    /// figure k-fold cross-validated beside the unfitted start's: a figure fitted and scored on the same questions is
    /// not one to report.
    /// </summary>
    private static object FitOrdering(List<IReadOnlyList<(double[] Features, int Grade)>> pages, string output, ParsedArgs args, TextWriter stdout)
    {
        var folds = args.GetInt("--folds", 5, 2, 100);
        var start = ConsumerOrdering.Start;
        var crossValidated = ConsumerOrdering.CrossValidate(pages, start, folds);
        var unfitted = start.MeanFirstGrade(pages);
        var fitted = ConsumerOrdering.Fit(pages, start);
        var header = $"Consumer ordering weights: one line per signal, then its weight.\nFitted with: galen eval liveqa ... --fit-ordering {Path.GetFileName(output)} --folds {folds}\n"
            + FormattableString.Invariant($"on {pages.Count} judged questions: first-page grade {crossValidated:F3} in {folds}-fold cross-validation (unfitted start {unfitted:F3}). Numbers only; no text of the data.");
        File.WriteAllText(output, fitted.Format(header));
        if (!args.Has("--json"))
        {
            stdout.WriteLine(FormattableString.Invariant($"Wrote {output}: first-page grade {crossValidated:F3} in {folds}-fold cross-validation on {pages.Count} questions (unfitted start {unfitted:F3})."));
        }
        return new { file = output, folds, crossValidated, unfitted };
    }

    /// <summary>qrels lines: "QUESTION JUDGMENT ANSWER-ID", judgments "1-Incorrect" .. "4-Excellent" mapped to 0..3.</summary>
    internal static Dictionary<(string, string), int> ReadQrels(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"qrels file '{path}' does not exist");
        var result = new Dictionary<(string, string), int>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            if (parts.Length != 3 || parts[1].Length == 0 || !char.IsDigit(parts[1][0]))
                throw new ImportFormatException(path, lineNo, "expected 'QUESTION JUDGMENT ANSWER-ID'");
            var answerId = parts[2].EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? parts[2][..^4] : parts[2];
            result[(parts[0], answerId)] = parts[1][0] - '1';
        }
        return result;
    }

    /// <summary>LiveQA questions: the question number (as in qrels) and the original subject and message.</summary>
    internal static List<(string Id, string Text)> ReadLiveQaQuestions(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"questions file '{path}' does not exist");
        XDocument doc;
        try { doc = XDocument.Load(path, LoadOptions.SetLineInfo); }
        catch (System.Xml.XmlException ex) { throw new ImportFormatException(path, ex.LineNumber, "malformed XML: " + ex.Message, ex); }
        var list = new List<(string, string)>();
        foreach (var q in doc.Descendants("NLM-QUESTION"))
        {
            var qid = ((string?)q.Attribute("qid"))?.Trim() ?? "";
            var number = new string(qid.Where(char.IsDigit).ToArray());
            var original = q.Element("Original-Question");
            var subject = original?.Element("SUBJECT")?.Value.Trim() ?? "";
            var message = original?.Element("MESSAGE")?.Value.Trim() ?? "";
            var text = string.Join(". ", new[] { subject, message }.Where(s => s.Length > 0));
            if (text.Length > 0) list.Add((number.Length > 0 ? number : qid, text));
        }
        return list;
    }

    /// <summary>F1 of each label from a confusion matrix (rows expected, columns predicted).</summary>
    private static double[] F1PerLabel(int[,] confusion) =>
        Enumerable.Range(0, confusion.GetLength(0)).Select(i =>
        {
            var n = confusion.GetLength(0);
            var tp = confusion[i, i];
            var fp = Enumerable.Range(0, n).Sum(r => confusion[r, i]) - tp;
            var fn = Enumerable.Range(0, n).Sum(c => confusion[i, c]) - tp;
            return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }).ToArray();

    private static string Flatten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 160 ? flat : flat[..160] + "...";
    }

    internal static (double P50, double P95) Percentiles(List<double> values)
    {
        if (values.Count == 0) return (0, 0);
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return (At(0.50), At(0.95));
    }
}
