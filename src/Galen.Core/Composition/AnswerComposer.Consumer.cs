using Galen.Core.Analysis;
using Galen.Core.Answers;
using Galen.Core.Grading;
using Galen.Core.Sources;

namespace Galen.Core.Composition;

/// <summary>
/// Articles for questions people write in their own words ("Beckwith-Wieddeman Syndrome. I would like to know
/// more"), where the analysis finds no treatment or condition the library knows, or finds something other than
/// what the message is about, but patient information on the topic the message names is at hand.
/// </summary>
public static partial class AnswerComposer
{
    private const int MaxConsumerStatements = 5;

    /// <summary>Words every message carries, which say nothing about which sentence answers it.</summary>
    private static readonly HashSet<string> MessageFiller = new(StringComparer.Ordinal)
    {
        "would", "like", "know", "hello", "thanks", "thank", "please", "question", "questions", "information", "anyone", "someone",
        "tell", "told", "have", "been", "just", "wondering", "wonder", "could", "should", "there", "their", "what", "when",
        "does", "with", "this", "that", "from", "your", "years", "year", "months", "weeks", "days", "time", "times", "since",
        "medication", "medications", "medicine", "medicines", "drug", "drugs", "doctor", "doctors", "help", "find", "more",
    };

    /// <summary>Patient information whose topic the question names by one of its names, best answer first.</summary>
    /// <param name="ranked">The ranked sources.</param>
    /// <param name="q">The question.</param>
    /// <param name="known">Topic scores already worked out while ranking, by source key.</param>
    internal static List<GradedSource> NamedTopicAnswers(IReadOnlyList<GradedSource> ranked, QuestionAnalysis q, IReadOnlyDictionary<string, double> known)
    {
        IReadOnlyList<string>? tokens = null, headline = null;
        double Score(GradedSource s, QuestionAnswerInfo qa)
        {
            if (known.TryGetValue(s.Source.Key, out var score))
            {
                return score;
            }
            tokens ??= ConsumerAnswerMatcher.QuestionTokens(q.Question);
            headline ??= ConsumerAnswerMatcher.HeadlineTokens(q.Question);
            return ConsumerAnswerMatcher.TopicScore(tokens, headline, qa, q.UnknownWords);
        }
        var named = ranked
            .Where(s => s.Source.Kind == SourceKind.PatientInformation && s.Source.QuestionAnswer is { } qa && Score(s, qa) >= 1)
            .ToList();
        if (named.Count == 0 && q.RareWords.Count > 0)
        {
            // No topic named, but words few sources use ("VDRL") single out the pages that use them.
            tokens ??= ConsumerAnswerMatcher.QuestionTokens(q.Question);
            named = ranked
                .Where(s => s.Source.Kind == SourceKind.PatientInformation && s.Source.QuestionAnswer is not null
                    && ConsumerAnswerMatcher.ContentOverlap(tokens, s.Source.FullText, q.RareWords).RareShare >= 0.5)
                .ToList();
        }
        return named;
    }

    /// <summary>
    /// Whether the article is written from the patient information on the topic the question names (never for
    /// whether a treatment helps a condition): when the analysis leaves nothing to answer from, or, for a patient,
    /// when nothing it would quote comes from a page on that topic.
    /// </summary>
    private static bool AnswerFromNamedTopic(QuestionAnalysis q, Audience audience, IReadOnlyList<GradedSource> named, IReadOnlyList<GradedSource> usable, string? missing)
    {
        if (named.Count == 0)
        {
            return false;
        }
        // Whether a treatment helps a condition is for the evidence on both to say: a page on the condition alone does
        // not answer it, and the abstention names what is missing. That holds when both are terms the vocabulary
        // knows; words merely lifted from a long message ("or does second hand smoke contribute") prove little.
        var efficacy = q.IsYesNo && q.MainIntervention is { } i && q.MainCondition is { } c && Known(i) && Known(c);
        if (efficacy)
        {
            return false;
        }
        return missing is not null || (audience == Audience.Patient && !usable.Any(s => named.Contains(s) && s.Sentences.Any(x => Bearing(s, x))));
    }

    private static bool Known(Term term) => term.Type is not ("phrase" or "fallback" or "pronoun" or "topic");

    private static Answer ConsumerArticle(AskRequest request, QuestionAnalysis q,
        IReadOnlyList<GradedSource> named, IReadOnlyList<EvidenceEntry> evidence, string? urgentNotice, Term? unmentioned = null)
    {
        var audience = request.Audience;
        var ctx = new Context(audience) { Ranking = BottomLineRanking.Default };
        var tokens = ConsumerAnswerMatcher.QuestionTokens(q.Question)
            .Where(t => t.Length >= 4 && t.Any(char.IsLower) && !MessageFiller.Contains(t))
            .ToHashSet(StringComparer.Ordinal);
        var top = named[0];
        var focus = top.Source.QuestionAnswer?.Focus ?? top.Source.Title;

        // A yes/no question is not decided by a page that is only on its topic: say so, then give what the page says.
        string? reason = null;
        var lead = "";
        if (q.IsYesNo && unmentioned is not null)
        {
            // What was asked about is nowhere in the library: say that first, then what it holds on the topic.
            reason = $"The library holds no source on {unmentioned.Name}; the closest is patient information on {focus}.";
            lead = audience == Audience.Patient
                ? $"Galen's library holds no source on {unmentioned.Name}, so it cannot answer this question. This is what it says about {focus}:"
                : $"Uncertain: the library holds no source on {unmentioned.Name}. Patient information on {focus}:";
        }
        else if (q.IsYesNo)
        {
            reason = $"No source in the library answers this question directly; the closest is patient information on {focus}.";
            lead = audience == Audience.Patient
                ? $"Galen's library does not answer this exact question. This is what it says about {focus}:"
                : $"Uncertain: no source in the library answers this question directly. Patient information on {focus}:";
        }

        // The best answer opens the article; if it holds no statement worth quoting (a list of links), the next one does.
        var bottomParts = named.Select(s => ConsumerSentences(ctx, s, tokens).Take(2).ToList()).FirstOrDefault(p => p.Count > 0) ?? [];
        var bottom = bottomParts.Count > 0
            ? ctx.Statement(lead, bottomParts)
            : new Statement(NoFindingText(q), [], []);

        var statements = new List<Statement>();
        foreach (var source in named.Take(4))
        {
            var take = ReferenceEquals(source, top) ? 2 : 1;
            foreach (var part in ConsumerSentences(ctx, source, tokens).Take(take))
            {
                if (statements.Count < MaxConsumerStatements)
                {
                    statements.Add(ctx.Statement("", [part]));
                }
            }
        }
        var sections = statements.Count > 0
            ? new List<AnswerSection> { new(Wording.SectionTitle("patient", audience), statements, false) }
            : [];
        var allText = string.Join(" ", new[] { bottom.Text }.Concat(statements.Select(s => s.Text)));
        return new Answer
        {
            Question = request.Question,
            Audience = audience.ToSlug(),
            QuestionKind = q.Kind.ToSlug(),
            Verdict = q.IsYesNo ? Verdict.Uncertain : null,
            VerdictReason = reason,
            Urgent = q.Urgent,
            UrgentNotice = urgentNotice,
            Abstained = false,
            BottomLineStatement = bottom,
            Sections = sections,
            References = ctx.References(),
            Evidence = evidence,
            FollowUps = NamedTopicFollowUps(q, named, top),
            Disclaimer = Wording.Disclaimer(audience),
            ReadingGrade = audience == Audience.Patient ? Readability.FleschKincaidGrade(allText) : null,
            After = request.After.Count > 0 ? request.After : null,
        };
    }

    /// <summary>
    /// The sentences of one answer best worth quoting, best first: those using the question's own words, and
    /// early ones (an answer opens with what matters most); for patients, plain sentences when there are any.
    /// </summary>
    private static IEnumerable<(GradedSource Source, GradedSentence Sentence)> ConsumerSentences(Context ctx, GradedSource source, HashSet<string> questionWords)
    {
        var fit = source.Sentences.Where(x => !ctx.Used(source, x) && !IsPoorStatement(x.Text) && !IsList(x.Text)).ToList();
        var plain = fit.Where(x => !TooHard(ctx, source, x)).ToList();
        var pool = plain.Count > 0 ? plain : fit;
        return pool
            .Select(x => (Sentence: x, Score: SharedWords(x.Text, questionWords) + (0.6 / (1 + x.Order)) + (WordCount(x.Text) <= 22 ? 0.1 : 0)
                - (LeansOnWhatCameBefore(x.Text) ? 0.4 : 0)))
            .OrderByDescending(p => Math.Round(p.Score, 6))
            .ThenBy(p => p.Sentence.Order)
            .Select(p => (source, p.Sentence));
    }

    /// <summary>A run of links or list items ("resources: - Foundation - Review"), not a statement.</summary>
    private static bool IsList(string text) =>
        text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Split(" - ").Length > 2;

    /// <summary>A sentence that opens by leaning on the one before ("But ...", "These include ...") reads badly alone.</summary>
    private static bool LeansOnWhatCameBefore(string text)
    {
        var first = text.TrimStart().Split(' ', 2)[0].TrimEnd(',').ToLowerInvariant();
        return first is "but" or "however" or "also" or "these" or "this" or "they" or "it" or "and" or "or" or "so" or "then" or "other" or "such";
    }

    private static double SharedWords(string sentence, HashSet<string> questionWords)
    {
        if (questionWords.Count == 0)
        {
            return 0;
        }
        var words = TextTools.Tokens(TextTools.Normalize(sentence)).ToHashSet(StringComparer.Ordinal);
        var shared = questionWords.Count(w => words.Contains(w) || words.Contains(w + "s") || (w.EndsWith('s') && words.Contains(w[..^1])));
        return Math.Min(shared, 4) * 0.5;
    }

    /// <summary>The questions the other answers on the same topic answer: the library holds their answers.</summary>
    internal static List<string> NamedTopicFollowUps(QuestionAnalysis q, IReadOnlyList<GradedSource> named, GradedSource top)
    {
        var list = new List<string>();
        var answered = PlainQuestion(top.Source.QuestionAnswer?.Question ?? top.Source.Title);
        var focus = top.Source.QuestionAnswer?.Focus;
        // One follow-up per kind of question, the topic's own pages first: "What causes it?", "How is it treated?",
        // rather than the same question about five subtypes.
        var kinds = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { top.Source.QuestionAnswer?.QuestionType ?? "" };
        var others = named.Where(s => !ReferenceEquals(s, top))
            .OrderBy(s => string.Equals(s.Source.QuestionAnswer?.Focus, focus, StringComparison.OrdinalIgnoreCase) ? 0 : 1);
        foreach (var source in others)
        {
            var text = PlainQuestion(source.Source.QuestionAnswer?.Question ?? source.Source.Title);
            if (!kinds.Add(source.Source.QuestionAnswer?.QuestionType ?? text))
            {
                continue;
            }
            if (text.Length > 0 && !list.Contains(text, StringComparer.OrdinalIgnoreCase)
                && !string.Equals(text, answered, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(text.TrimEnd('?'), q.FocusQuestion.TrimEnd('?', ' '), StringComparison.OrdinalIgnoreCase))
            {
                list.Add(text);
            }
            if (list.Count == 5)
            {
                break;
            }
        }
        return list;
    }

    /// <summary>"What is (are) Noonan syndrome ?" as a reader would write it: "What is Noonan syndrome?".</summary>
    internal static string PlainQuestion(string question)
    {
        var text = TextTools.Squash(question.Replace("(are) ", "", StringComparison.Ordinal).Replace("? ?", "?", StringComparison.Ordinal)).Trim();
        while (text.EndsWith(" ?", StringComparison.Ordinal))
        {
            text = text[..^2].TrimEnd() + "?";
        }
        return text;
    }
}
