using Galen.Core.Analysis;
using Galen.Core.Answers;
using Galen.Core.Composition;
using Galen.Core.Grading;
using Galen.Core.Search;
using Galen.Core.Sources;

namespace Galen.Core;

/// <summary>A question to answer, for whom, and the earlier questions of the conversation (oldest first).</summary>
public sealed record AskRequest(string Question, Audience Audience, IReadOnlyList<string> After)
{
    public AskRequest(string question, Audience audience = Audience.Clinician)
        : this(question, audience, [])
    {
    }
}

/// <summary>A question the engine will not take: empty, only punctuation, or too long.</summary>
public sealed class QuestionRejectedException : ArgumentException
{
    public QuestionRejectedException()
    {
    }

    public QuestionRejectedException(string message)
        : base(message, "question")
    {
    }

    public QuestionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Answers a question from the evidence library: analysis, retrieval, grading, verdict, composition.
/// Pure apart from the search it is given; the same library and question give the same answer.
/// </summary>
/// <param name="search">The evidence library's search.</param>
/// <param name="verdictOptions">Verdict thresholds; <see cref="VerdictOptions.Default"/> when null.</param>
public sealed class AnswerEngine(IEvidenceSearch search, VerdictOptions? verdictOptions = null)
{
    public const int MaxQuestionLength = 20_000;
    private const int MinimumHits = 4;

    private readonly IEvidenceSearch _search = search ?? throw new ArgumentNullException(nameof(search));
    private readonly VerdictOptions _verdictOptions = verdictOptions ?? VerdictOptions.Default;

    public Answer Ask(AskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Question;
        Validate(question);
        var after = (request.After ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        var normalizedRequest = request with { After = after };

        var analysis = QuestionAnalyzer.Analyze(question, after);
        if (!QuestionAnalyzer.HasLatinWords(analysis.Question))
        {
            return AnswerComposer.Compose(normalizedRequest, analysis, [], null) with
            {
                BottomLineStatement = new Statement(
                    "The library holds too little evidence to answer this question: Galen reads questions in English, and no English words were found in it.",
                    [], []),
            };
        }

        var hits = Retrieve(analysis, request.Audience);
        var top = hits.Count > 0 ? hits.Max(h => h.Score) : 0;
        var graded = hits.Select(h => EvidenceGrader.Grade(h.Source, h.Score, top, analysis)).ToList();
        var verdict = analysis.IsYesNo ? VerdictEngine.Decide(graded, analysis, _verdictOptions) : null;
        return AnswerComposer.Compose(normalizedRequest, analysis, graded, verdict);
    }

    /// <summary>Grades given evidence against a question without searching (evaluation and tests).</summary>
    public static Answer AnswerFrom(AskRequest request, IReadOnlyList<SearchHit> hits, VerdictOptions? verdictOptions = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.Question);
        var analysis = QuestionAnalyzer.Analyze(request.Question, request.After ?? []);
        var top = hits.Count > 0 ? hits.Max(h => h.Score) : 0;
        var graded = hits.Select(h => EvidenceGrader.Grade(h.Source, h.Score, top, analysis)).ToList();
        var verdict = analysis.IsYesNo ? VerdictEngine.Decide(graded, analysis, verdictOptions) : null;
        return AnswerComposer.Compose(request with { After = request.After ?? [] }, analysis, graded, verdict);
    }

    /// <summary>Throws <see cref="QuestionRejectedException"/> for a question the engine cannot take.</summary>
    public static void Validate(string? question)
    {
        if (question is null || string.IsNullOrWhiteSpace(question))
        {
            throw new QuestionRejectedException("The question is empty. Ask a medical question in words, for example \"Does magnesium help with restless legs syndrome?\".");
        }
        if (question.Length > MaxQuestionLength)
        {
            throw new QuestionRejectedException($"The question is {question.Length:N0} characters long; the limit is {MaxQuestionLength:N0}. Ask it in fewer words.");
        }
        if (!question.Any(char.IsLetterOrDigit))
        {
            throw new QuestionRejectedException("The question has no words, only punctuation or symbols. Ask a medical question in words.");
        }
    }

    private IReadOnlyList<SearchHit> Retrieve(QuestionAnalysis analysis, Audience audience)
    {
        var intervention = analysis.MainIntervention;
        var condition = analysis.MainCondition;
        var text = QueryText(analysis);
        var boosts = analysis.Interventions.Concat(analysis.Conditions).Concat(analysis.Comparators)
            .SelectMany(t => t.Phrasings).Select(Sanitize).Where(p => p.Length > 1)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(40).ToList();
        var results = new List<SearchHit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Run(IReadOnlyList<Term> concepts, int topN, SourceKind? kind = null, string? ownText = null, bool topicsOnly = false)
        {
            var query = new EvidenceQuery
            {
                TopicsOnly = topicsOnly,
                Text = ownText ?? text,
                RequiredConcepts = concepts.Select(ToConcept).Where(c => c.Phrasings.Count > 0).ToList(),
                Boosts = boosts,
                Top = topN,
                Kind = kind,
            };
            foreach (var hit in _search.Search(query))
            {
                if (seen.Add(hit.Source.Key))
                {
                    results.Add(hit);
                }
            }
        }

        if (intervention is not null && condition is not null)
        {
            Run([intervention, condition], 25);
            if (results.Count < MinimumHits)
            {
                Run([condition], 15);
            }
            if (results.Count < MinimumHits)
            {
                Run([intervention], 10);
            }
        }
        else if (intervention is not null && analysis.Interventions.Count > 1)
        {
            // Two medicines and no condition ("Is it safe to take ibuprofen with lisinopril?"): sources naming both first.
            Run([intervention, analysis.Interventions[1]], 20);
            if (results.Count < MinimumHits)
            {
                Run([intervention], 15);
            }
        }
        else if (intervention is not null || condition is not null)
        {
            Run([(intervention ?? condition)!], 25);
        }
        if (analysis.Comparators.Count > 0)
        {
            // The alternative a comparison names needs its own evidence.
            Run(condition is not null ? [analysis.Comparators[0], condition] : [analysis.Comparators[0]], 10);
        }
        else if (text.Length > 0)
        {
            Run([], 20);
        }
        if (audience == Audience.Patient && (condition ?? intervention) is { } topic && !results.Any(h => h.Source.Kind == SourceKind.PatientInformation))
        {
            Run([topic], 5, SourceKind.PatientInformation);
        }
        if (audience == Audience.Patient)
        {
            // Patients name their topic in their own words and spelling, which the analysis may not recognise:
            // patient information is also searched with the question's own words.
            var own = Sanitize(analysis.Question);
            if (own.Length > 0)
            {
                Run([], 30, SourceKind.PatientInformation, own);
                // And by topic names alone: a rare name in a long story ("hnpp") is found even when common words dominate the text search.
                Run([], 40, SourceKind.PatientInformation, own, topicsOnly: true);
            }
            var sentences = TextTools.SplitSentences(analysis.Question);
            if (sentences.Count > 1 && Sanitize(analysis.Question[sentences[0].Start..sentences[0].End]) is { Length: > 0 } headline)
            {
                // A long message's first sentence usually names its topic; searched alone it is not drowned by the story.
                Run([], 10, SourceKind.PatientInformation, headline);
            }
        }
        return results;
    }

    private static Concept ToConcept(Term term) =>
        new(term.Name, term.Phrasings.Select(Sanitize).Where(p => p.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase).ToList());

    private static string QueryText(QuestionAnalysis analysis)
    {
        var words = new List<string>();
        foreach (var t in analysis.Interventions.Concat(analysis.Conditions).Concat(analysis.Comparators))
        {
            words.Add(Sanitize(t.Name));
        }
        foreach (var k in analysis.Keywords)
        {
            if (!words.Any(w => w.Contains(k, StringComparison.OrdinalIgnoreCase)))
            {
                words.Add(k);
            }
        }
        return string.Join(' ', words.Where(w => w.Length > 0).Take(40));
    }

    /// <summary>Letters, digits, spaces and inner hyphens only: query syntax never reaches the search.</summary>
    private static string Sanitize(string phrase)
    {
        var chars = phrase.Select(c => char.IsLetterOrDigit(c) || c is '-' or '\'' ? c : ' ').ToArray();
        return TextTools.Squash(new string(chars)).Trim('-', '\'', ' ');
    }
}
