using System.Text.RegularExpressions;
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
        plain = message;
    }

    // The message is shown to the person who asked: without the "(Parameter 'question')" ArgumentException adds.
    private readonly string? plain;

    public override string Message => plain ?? base.Message;

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
/// <param name="bottomLine">How the bottom line is chosen among candidate sentences; the shipped ranking when null.</param>
public sealed class AnswerEngine(IEvidenceSearch search, VerdictOptions? verdictOptions = null, BottomLineRanking? bottomLine = null)
{
    public const int MaxQuestionLength = 20_000;
    private const int MinimumHits = 4;

    /// <summary>The first words of a patient's message searched as text; the rest is searched against topic names only.</summary>
    private const int OwnWordsSearched = 30;

    /// <summary>A word at most this many sources use (and at most one in a thousand) is rare enough to single them out.</summary>
    private const int RareWordSources = 25;

    /// <summary>How many pages of patient information closest in meaning to a patient's message are considered.</summary>
    private const int NearestPatientPages = 10;

    /// <summary>
    /// Reading a question's topic from its nearest sources (EVALUATION.md measures these): how many sources nearest in
    /// meaning and nearest in words are read, how many different sources must name the topic, how much a rank counts
    /// (1 / (damping + rank)), how much less the words count than the meaning, how far the topic must lead the next,
    /// and the least weight of votes it needs (below it, most topics read were wrong).
    /// </summary>
    private const int NeighboursRead = 6;

    private const int NeighboursAgreeing = 2;

    private const double RankDamping = 3;

    private const double WordsWeight = 0.5;

    private const double LeadOverRunnerUp = 2;

    private const double LeastWeight = 0.5;

    private readonly IEvidenceSearch _search = search ?? throw new ArgumentNullException(nameof(search));
    private readonly VerdictOptions _verdictOptions = verdictOptions ?? VerdictOptions.Default;
    private readonly BottomLineChoice _bottomLine = new(
        bottomLine ?? BottomLineRanking.Default,
        search is ISemanticSearch semantic ? semantic.SimilarityToPassages : null,
        search is ISemanticSearch stored ? stored.StoredSimilarityToPassages : null);

    public Answer Ask(AskRequest request) => Answer(request).Answer;

    /// <summary>
    /// The answer and the sentences its bottom line was chosen from, each with its signals (fitting the choice:
    /// <see cref="BottomLineRanking"/>); no candidates when the bottom line was not chosen from sentences.
    /// </summary>
    public (Answer Answer, BottomLineExplanation Explanation) ExplainBottomLine(AskRequest request)
    {
        var (answer, explain) = Answer(request);
        return (answer, explain());
    }

    /// <summary>
    /// Answers. When the question names no condition the vocabulary knows ("my lower back went when I bent down", "is
    /// magnesium worth trying for this?"), it is answered on the condition its nearest sources agree on, read without
    /// the phrases the analysis guessed at; that answer is kept unless it abstains. When the answer would still
    /// abstain while the question was read with names the vocabulary does not know ("go" in "should I still go to
    /// hospital"), it is read again without them, and the second answer is kept only if it does not abstain too. A
    /// question about a thing whose words no source uses ("tennis elbow") is answered by saying the library lacks it.
    /// </summary>
    private (Answer Answer, Func<BottomLineExplanation> Explain) Answer(AskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.Question);
        var wording = new WordingWork();
        // When the reading alone shows the topic unplaced, the answer on the question as read is worked out only if the
        // topic read from the nearest sources does not answer it: otherwise those asks, the slowest, would answer twice.
        var first = new Lazy<(Answer Answer, Func<BottomLineExplanation> Explain, bool UnsureTerms, bool TopicUnplaced)>(
            () => AnswerOnce(request, knownTermsOnly: false, topic: null, wording), LazyThreadSafetyMode.None);
        // "Would CBD oil help me sleep through the night?": asked whether a thing helps that no source names, the answer
        // is that the library lacks it, whatever the rest of the question is about; read again on its topic or on its
        // known words alone, it would answer a question about something else. A phrase guessed from a question that
        // also names a medicine the vocabulary knows ("doxycycline dosing per NICE") or that points back to the story
        // ("is that spacing alright?") is more likely a misreading than a new thing asked about; a claim's subject is
        // not guessed.
        if (AsksOfThingNoSourceNames(Read(request, wording), wording) && first.Value.Answer.Abstained)
        {
            return (first.Value.Answer, first.Value.Explain);
        }
        if ((TopicUnplacedAsRead(request, wording) || first.Value.TopicUnplaced) && TopicByMeaning(request.Question, wording) is { } topic)
        {
            var read = AnswerOnce(request, knownTermsOnly: true, topic, wording);
            if (!read.Answer.Abstained)
            {
                return (read.Answer with { TopicReadFromMeaning = topic.Name }, read.Explain);
            }
        }
        if (first.Value.Answer.Abstained && first.Value.UnsureTerms && !AboutThingNoSourceNames(Read(request, wording), UnknownWords(request.Question, wording)))
        {
            var second = AnswerOnce(request, knownTermsOnly: true, topic: null, wording);
            if (!second.Answer.Abstained)
            {
                return (second.Answer, second.Explain);
            }
        }
        return (first.Value.Answer, first.Value.Explain);
    }

    /// <summary>
    /// Whether the question as read leaves its topic unplaced whatever its answer (see <see cref="AnswerOnce"/>): it
    /// names no condition the vocabulary knows, and no medicine either (or a purpose it does not place).
    /// </summary>
    private static bool TopicUnplacedAsRead(AskRequest request, WordingWork wording)
    {
        var analysis = Read(request, wording);
        return QuestionAnalyzer.HasLatinWords(analysis.Question) && !analysis.Conditions.Any(t => !t.IsUnsure) && UnplacedByReading(analysis, request.Audience);
    }

    private static bool UnplacedByReading(QuestionAnalysis analysis, Audience audience) =>
        VerdictEngine.PurposeUnnamed(analysis)
        || (!analysis.Interventions.Any(NamesATreatment) && (analysis.Conditions.Count == 0 || audience == Audience.Patient));

    private static QuestionAnalysis Read(AskRequest request, WordingWork wording) =>
        wording.Analysis ??= QuestionAnalyzer.Analyze(request.Question, NonEmpty(request.After));

    private static List<string> NonEmpty(IReadOnlyList<string>? after) => [.. (after ?? []).Where(a => !string.IsNullOrWhiteSpace(a))];

    /// <summary>
    /// The condition the sources nearest the question agree on, when its words name none the vocabulary knows. The
    /// <see cref="NeighboursRead"/> sources nearest in meaning and, counting less, those nearest in words each vote for
    /// the condition their title names (or, when it names none, the first their topic names do), by rank; the
    /// condition must be named by <see cref="NeighboursAgreeing"/> different sources and weigh
    /// <see cref="LeadOverRunnerUp"/> times the next and at least <see cref="LeastWeight"/>. One near source alone is
    /// not enough, and an even split is no answer: the nearest by meaning is often a neighbouring topic.
    /// </summary>
    private Term? TopicByMeaning(string question, WordingWork wording)
    {
        if (_search is not ISemanticSearch meaning)
        {
            return null;
        }
        // The two searches are independent: the one by meaning (encoding the question) runs beside the one by words.
        var nearest = Task.Run(() => meaning.Nearest(question, NeighboursRead));
        var words = Sanitize(question);
        var byWords = words.Length == 0 ? [] : _search.Search(Query(words, [], NeighboursRead, null, SearchScope.Everything, []));
        var named = nearest.GetAwaiter().GetResult().Select((hit, rank) => (hit.Source, Weight: 1 / (RankDamping + rank)))
            .Concat(byWords.Take(NeighboursRead).Select((hit, rank) => (hit.Source, Weight: WordsWeight / (RankDamping + rank))))
            .SelectMany(v => ConditionsNamed(v.Source).Select(t => (Term: t, v.Source.Key, v.Weight)))
            .GroupBy(n => n.Term.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.First().Term, Weight: g.Sum(n => n.Weight), Keys: g.Select(n => n.Key).Distinct(StringComparer.Ordinal).ToList()))
            .Where(g => g.Keys.Count >= NeighboursAgreeing)
            .OrderByDescending(g => g.Weight).ThenBy(g => g.Term.Name, StringComparer.Ordinal)
            .ToList();
        if (named.Count == 0 || named[0].Weight < LeastWeight || (named.Count > 1 && named[0].Weight < LeadOverRunnerUp * named[1].Weight))
        {
            return null;
        }
        // A word no source uses may name what the question is about ("head lice"): the topic found stands only if
        // one such word points towards it, i.e. the question is closer to its sources with the word than without.
        // Story words the library never uses ("yesterday") point nowhere in particular, so they alone do not veto.
        var unknown = UnknownWords(question, wording);
        if (wording.Analysis is { } read && AboutThingNoSourceNames(read, unknown))
        {
            return null;
        }
        if (unknown.Count > 0)
        {
            var keys = named[0].Keys;
            var questionWords = question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var closeness = meaning.Similarity(question, keys).Values.DefaultIfEmpty().Average();
            var away = unknown.Count(word =>
                string.Join(' ', questionWords.Where(w => !TextTools.Tokens(TextTools.Normalize(w)).Contains(word, StringComparer.Ordinal))) is var without
                && (without.Length == 0 || meaning.Similarity(without, keys).Values.DefaultIfEmpty().Average() >= closeness));
            if (away == unknown.Count)
            {
                return null;
            }
        }
        return named[0].Term;
    }

    /// <summary>
    /// Whether the question is about a thing of two or more words none of which any source uses ("tennis elbow"), and
    /// names nothing the vocabulary knows: the library lacks it, however near the question's other words are to a topic
    /// it holds, and read without the name the question would be answered on those other words alone. Beside a medicine
    /// or condition the vocabulary knows, or in the middle of a story, such words are more likely the story's ("the
    /// chemist sold me senna").
    /// </summary>
    private static bool AboutThingNoSourceNames(QuestionAnalysis analysis, IReadOnlyCollection<string> unknownWords) =>
        analysis.Interventions.All(t => t.IsUnsure) && analysis.Conditions.All(t => t.IsUnsure)
        && analysis.Conditions.Any(c => c.Type == "fallback"
            && TextTools.Tokens(TextTools.Normalize(c.Name)) is { Length: >= 2 } nameWords && nameWords.All(unknownWords.Contains)
            && WhereTheSubjectIs(analysis, TextTools.Normalize(c.Name)));

    /// <summary>
    /// Whether a name stands where people put what they ask about: in the asking sentence, or among the message's first
    /// words. In the middle of a story ("one of the nursery mums said ...") it is more likely who or where than what.
    /// </summary>
    private static bool WhereTheSubjectIs(QuestionAnalysis analysis, string name) =>
        TextTools.ContainsPhrase(TextTools.Normalize(analysis.FocusQuestion), name)
        || TextTools.ContainsPhrase(string.Join(' ', TextTools.Tokens(TextTools.Normalize(analysis.Question)).Take(SubjectWords)), name);

    private const int SubjectWords = 6;

    /// <summary>The question's words of four letters or more that no source uses.</summary>
    private List<string> UnknownWords(string question, WordingWork wording) =>
        [.. wording.SourceCounts(_search, question).Counts.Where(c => c.Value == 0 && c.Key.Length >= 4 && c.Key.All(char.IsLetter)).Select(c => c.Key)];

    /// <summary>
    /// Whether one of the sources its words find writes the phrase itself: the words of a two-word name find sources
    /// that share one word of it (another member of the same family of supplements) but never write the name. Looked up
    /// once per question: both the early abstention and the first reading ask it of the same term.
    /// </summary>
    private bool NamedWordForWord(Term term, WordingWork wording) => wording.NamedWordForWord(term, t =>
        _search.Search(Query(Sanitize(t.Name), [t], 5, null, SearchScope.Everything, []))
            .Any(hit => string.Join('\n', [hit.Source.Title, .. hit.Source.Keywords, hit.Source.FullText]) is var text
                && t.IsIn(text, TextTools.Normalize(text))));

    private bool AsksOfThingNoSourceNames(QuestionAnalysis analysis, WordingWork wording) =>
        // "What dose of mebendazole?" asks of a thing as surely as "does mebendazole help?".
        (analysis.IsYesNo || analysis.Kind == QuestionKind.Dosing) && analysis.MainIntervention is { Type: "phrase" or "claimed" } asked
            && (asked.Type == "claimed" || (!Vocabulary.FindAll(analysis.FocusQuestion).Any(m => m.Group.IsDrug)
                && !Regex.IsMatch(analysis.FocusQuestion, @"\b(?:that|this|these|those|the|my|your|his|her|our|their)\s+" + Regex.Escape(asked.Name), RegexOptions.IgnoreCase)))
            && !NamedWordForWord(asked, wording);

    /// <summary>Whether some source names the term as the question wrote it ("fibre enough" is named by none).</summary>
    private bool NamedInAnySource(Term term) => _search.Search(Query(Sanitize(term.Name), [term], 1, null, SearchScope.Everything, [])).Count > 0;

    /// <summary>
    /// The conditions a source's title names, or when it names none, the first its topic names do. Read once per title
    /// and topics: nearby questions find the same sources, and reading a title is a whole question analysis.
    /// </summary>
    private IReadOnlyList<Term> ConditionsNamed(SourceRecord source)
    {
        var key = source.Title + "\u0001" + string.Join("\u0001", source.Keywords);
        if (_conditionsNamed.TryGetValue(key, out var known))
        {
            return known;
        }
        if (_conditionsNamed.Count >= ConditionsNamedKept)
        {
            _conditionsNamed.Clear();
        }
        return _conditionsNamed[key] = [.. ReadConditionsNamed(source)];
    }

    private const int ConditionsNamedKept = 20_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Term>> _conditionsNamed = new(StringComparer.Ordinal);

    private static IEnumerable<Term> ReadConditionsNamed(SourceRecord source)
    {
        var titled = QuestionAnalyzer.Analyze(source.Title, []).Conditions.Where(t => !t.IsUnsure)
            .DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return titled.Count > 0
            ? titled
            : source.Keywords.SelectMany(k => QuestionAnalyzer.Analyze(k, []).Conditions.Where(t => !t.IsUnsure)).Take(1);
    }

    /// <summary>
    /// One answer, whether it was read with names the vocabulary does not know, and whether its topic was left
    /// unplaced: no condition the vocabulary knows, and the answer abstains, names nothing at all, rests on a guessed
    /// phrase no source names, cannot tell which condition a "for this" means, or is a patient's story naming no
    /// medicine either (its phrases are guesses: "at home" in "what eases it at home"). A question naming only a
    /// medicine, and a clinician's question naming a phrase its sources use (a study's title), keep their reading.
    /// </summary>
    private (Answer Answer, Func<BottomLineExplanation> Explain, bool UnsureTerms, bool TopicUnplaced) AnswerOnce(AskRequest request, bool knownTermsOnly, Term? topic, WordingWork wording)
    {
        var (normalizedRequest, analysis, graded, early) = Prepare(request, wording, knownTermsOnly, topic);
        if (early is not null)
        {
            return (early, () => new BottomLineExplanation([], AmountKind.None, null), false, false);
        }
        var verdict = analysis.IsYesNo ? VerdictEngine.Decide(graded, analysis, _verdictOptions) : null;
        var answer = AnswerComposer.Compose(normalizedRequest, analysis, graded, verdict, _bottomLine);
        // Asked whether a thing no source names helps a condition the library speaks of ("a copper bracelet" for knee
        // arthritis, garlic for blood pressure), the answer is that the library holds nothing on it: read again without
        // the thing, the question would become whether anything helps, and the condition's treatments would say "yes".
        var asksOfUnnamedThing = answer.Abstained && analysis.IsYesNo && analysis.MainIntervention is { IsUnsure: true } asked
            && analysis.MainCondition is { } condition && !NamedWordForWord(asked, wording) && (!condition.IsUnsure || NamedInAnySource(condition));
        // The other way round ("does fish oil ease dry eyes?"): a known medicine asked of a condition the vocabulary does
        // not know but a source writes word for word; read again without the condition, the question would become
        // whether the medicine helps anything, and a trial of it for something else would answer "no".
        var asksOfHeldCondition = answer.Abstained && analysis.IsYesNo && analysis.Focus == QuestionFocus.Benefit && analysis.MainIntervention is { IsUnsure: false }
            && analysis.MainCondition is { Type: "phrase" } phrase && NamedWordForWord(phrase, wording);
        return (answer,
            () => AnswerComposer.ExplainBottomLine(normalizedRequest, analysis, graded, verdict, _bottomLine),
            analysis.Interventions.Concat(analysis.Conditions).Any(t => t.IsUnsure) && !asksOfUnnamedThing && !asksOfHeldCondition,
            !asksOfHeldCondition && !analysis.Conditions.Any(t => !t.IsUnsure)
                // The checks that cost nothing first; whether a source names the phrase costs a search.
                && (answer.Abstained || UnplacedByReading(analysis, request.Audience) || analysis.Conditions.Any(t => !NamedInAnySource(t))));
    }

    /// <summary>
    /// Whether an intervention the question names places it: a medicine does ("how much ibuprofen"); a treatment that
    /// is not one (exercise, a talking therapy, a vaccine: type "intervention") serves many conditions and does not
    /// say which is meant ("how much exercise ... to bring it down").
    /// </summary>
    private static bool NamesATreatment(Term intervention) => intervention.Type != "intervention";

    /// <summary>
    /// The pages of patient information a patient's message brings up, each with the signals that order them
    /// (fitting the ordering: <see cref="ConsumerOrdering"/>).
    /// </summary>
    public IReadOnlyList<PatientPageSignals> PatientPages(AskRequest request)
    {
        var (_, analysis, graded, early) = Prepare(request, new WordingWork());
        return early is not null ? [] : AnswerComposer.PatientPageSignals(graded, analysis);
    }

    private (AskRequest Request, QuestionAnalysis Analysis, List<GradedSource> Graded, Answer? Early) Prepare(AskRequest request, WordingWork wording, bool knownTermsOnly = false, Term? topic = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Question;
        Validate(question);
        var normalizedRequest = request with { After = NonEmpty(request.After) };

        var analysis = Read(request, wording);
        if (knownTermsOnly)
        {
            analysis = analysis with
            {
                Interventions = [.. analysis.Interventions.Where(t => !t.IsUnsure)],
                Conditions = [.. analysis.Conditions.Where(t => !t.IsUnsure)],
            };
        }
        if (topic is not null)
        {
            analysis = analysis with { Conditions = [topic, .. analysis.Conditions] };
        }
        if (!QuestionAnalyzer.HasLatinWords(analysis.Question))
        {
            return (normalizedRequest, analysis, [], AnswerComposer.Compose(normalizedRequest, analysis, [], null) with
            {
                BottomLineStatement = new Statement(
                    "The library holds too little evidence to answer this question: Galen reads questions in English, and no English words were found in it.",
                    [], []),
            });
        }

        if (request.Audience == Audience.Patient)
        {
            // Patients misspell names; a word the library has never seen may then match a topic name loosely.
            var (library, counts) = wording.SourceCounts(_search, analysis.Question);
            // Rare is relative: in a small library most words are used by few sources and single nothing out, and a
            // word it lacks is as likely a real word it does not cover as a misspelling.
            var rare = Math.Min(RareWordSources, library / 1000);
            analysis = analysis with
            {
                UnknownWords = counts.Where(c => c.Value == 0 && rare > 0 && c.Key.Length >= 5 && c.Key.All(char.IsLetter)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal),
                RareWords = counts.Where(c => c.Value > 0 && c.Value <= rare).Select(c => c.Key).ToHashSet(StringComparer.Ordinal),
            };
        }
        var hits = Retrieve(analysis, request.Audience, wording);
        var top = hits.Count > 0 ? hits.Max(h => h.Score) : 0;
        // Grading each hit is independent work: on more than one core it is shared out, the order kept.
        // How close in meaning each page of patient information is to the message: what orders them for a patient.
        var similarity = request.Audience == Audience.Patient && _search is ISemanticSearch meaning
            ? meaning.Similarity(analysis.Question, [.. hits.Where(h => h.Source.Kind == SourceKind.PatientInformation).Select(h => h.Source.Key)])
            : null;
        var graded = hits.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, Math.Min(Environment.ProcessorCount, 4)))
            .Select(h => EvidenceGrader.Grade(h.Source, h.Score, top, analysis) is var g && similarity is not null && similarity.TryGetValue(h.Source.Key, out var s) ? g with { Similarity = s } : g)
            .ToList();
        return (normalizedRequest, analysis, graded, null);
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

    private IReadOnlyList<SearchHit> Retrieve(QuestionAnalysis analysis, Audience audience, WordingWork wording)
    {
        // The searches of patient information do not depend on the others: they run meanwhile on another core.
        var patient = audience == Audience.Patient ? Task.Run(() => wording.PatientInformation(analysis, PatientInformation)) : null;
        var intervention = analysis.MainIntervention;
        var condition = analysis.MainCondition;
        var text = QueryText(analysis);
        var boosts = analysis.Interventions.Concat(analysis.Conditions).Concat(analysis.Comparators)
            .SelectMany(t => t.Phrasings).Select(Sanitize).Where(p => p.Length > 1)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(40).ToList();
        var results = new HitList();
        // So does the search on the question's words alone, which comes after the concept searches in the list.
        var broad = analysis.Comparators.Count == 0 && text.Length > 0
            ? Task.Run(() => _search.Search(Query(text, [], 20, null, SearchScope.Everything, boosts)))
            : null;

        void Run(IReadOnlyList<Term> concepts, int topN, SourceKind? kind = null) =>
            results.AddRange(_search.Search(Query(text, concepts, topN, kind, SearchScope.Everything, boosts)));

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
            if (analysis.SafetyGroup is not null && Vocabulary.Lookup(analysis.Population!) is { } group)
            {
                // A pregnant asker's medicine is answered by what is known of it in pregnancy, which sources on the
                // condition ("ibuprofen for back pain") rarely say.
                Run([intervention, new Term(group.Name, group.Phrasings, group.Type)], 10);
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
        if (intervention is not null && results.Count < MinimumHits)
        {
            // A medicine few sources name ("gliclazide") is found by what they say of its class ("sulfonylureas").
            foreach (var group in Vocabulary.ClassesOf(intervention.Name))
            {
                var medicineClass = new Term(group.Name, group.Phrasings, group.Type);
                Run(condition is not null ? [medicineClass, condition] : [medicineClass], 10);
            }
        }
        if (analysis.Comparators.Count > 0)
        {
            // The alternative a comparison names needs its own evidence.
            Run(condition is not null ? [analysis.Comparators[0], condition] : [analysis.Comparators[0]], 10);
        }
        else if (broad is not null)
        {
            results.AddRange(broad.GetAwaiter().GetResult());
        }
        if (audience == Audience.Patient && (condition ?? intervention) is { } topic && !results.Hits.Any(h => h.Source.Kind == SourceKind.PatientInformation))
        {
            Run([topic], 5, SourceKind.PatientInformation);
        }
        if (patient is not null)
        {
            results.AddRange(patient.GetAwaiter().GetResult());
        }
        return results.Hits;
    }

    /// <summary>
    /// Patients name their topic in their own words and spelling, which the analysis may not recognise, so patient
    /// information is also searched with the question's own words: the start of the message against titles and
    /// topic names, the whole message against topic names (a rare name deep in a long story, "hnpp", is still
    /// found), and a longer message's first sentence alone. The one or two topics the message names best are then
    /// fetched whole, so that the pair answering the kind of question asked (causes, treatment, dose) is among them.
    /// </summary>
    private List<SearchHit> PatientInformation(QuestionAnalysis analysis)
    {
        var found = new HitList();
        var own = Sanitize(analysis.Question);
        if (own.Length == 0)
        {
            return found.Hits;
        }
        void Run(string text, int topN, SearchScope scope, IReadOnlyList<Term>? concepts = null) =>
            found.AddRange(_search.Search(Query(text, concepts ?? [], topN, SourceKind.PatientInformation, scope, [])));

        var words = own.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Run(string.Join(' ', words.Take(OwnWordsSearched)), 10, SearchScope.TitlesAndTopics);
        if (_search is ISemanticSearch meaning)
        {
            // The pages whose questions mean most nearly what the message asks, whatever words either uses.
            found.AddRange(meaning.Nearest(analysis.Question, NearestPatientPages, SourceKind.PatientInformation));
        }
        Run(own, 15, SearchScope.Topics);
        if (analysis.RareWords.Count > 0)
        {
            // A word few sources use ("VDRL") finds them wherever in their text it stands, topic or not.
            Run(string.Join(' ', analysis.RareWords.Order(StringComparer.Ordinal)), 5, SearchScope.Everything);
        }
        var sentences = TextTools.SplitSentences(analysis.Question);
        if (sentences.Count > 1 && Sanitize(analysis.Question[sentences[0].Start..sentences[0].End]) is { Length: > 0 } headline)
        {
            Run(headline, 8, SearchScope.TitlesAndTopics);
        }
        var tokens = ConsumerAnswerMatcher.QuestionTokens(analysis.Question);
        var headlineTokens = ConsumerAnswerMatcher.HeadlineTokens(analysis.Question);
        var topics = found.Hits
            .Where(h => h.Source.QuestionAnswer?.Focus is { Length: > 1 })
            .Select(h => (Focus: h.Source.QuestionAnswer!.Focus!, Score: ConsumerAnswerMatcher.TopicScore(tokens, headlineTokens, h.Source.QuestionAnswer!, analysis.UnknownWords)))
            .Where(t => t.Score >= 1)
            .GroupBy(t => t.Focus, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Focus: g.Key, Score: g.Max(t => t.Score)))
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Focus, StringComparer.Ordinal)
            .Take(2)
            .ToList();
        foreach (var (focus, _) in topics)
        {
            Run(focus, 12, SearchScope.Topics, [new Term(focus, [focus], "topic")]);
        }
        return found.Hits;
    }

    private static EvidenceQuery Query(string text, IReadOnlyList<Term> concepts, int top, SourceKind? kind, SearchScope scope, IReadOnlyList<string> boosts) => new()
    {
        Text = text,
        RequiredConcepts = concepts.Select(ToConcept).Where(c => c.Phrasings.Count > 0).ToList(),
        Boosts = boosts,
        Top = top,
        Kind = kind,
        Scope = scope,
    };

    /// <summary>
    /// What an ask works out from the question's wording alone: its reading, how many sources use its words, and the
    /// pages of patient information its own words find. An ask that answers a second time (on the topic read from the
    /// nearest sources, or without the names it was unsure of) needs the same again; the slowest asks are those, and
    /// the patient-information searches are most of what they would repeat. Used by one ask at a time.
    /// </summary>
    private sealed class WordingWork
    {
        private (string Text, WordSources Counts)? _counts;
        private (string Key, List<SearchHit> Hits)? _patientPages;

        public QuestionAnalysis? Analysis { get; set; }

        private (Term Term, bool Named)? _namedWordForWord;

        public bool NamedWordForWord(Term term, Func<Term, bool> look)
        {
            if (_namedWordForWord is { } known && known.Term == term)
            {
                return known.Named;
            }
            var named = look(term);
            _namedWordForWord = (term, named);
            return named;
        }

        public WordSources SourceCounts(IEvidenceSearch search, string text)
        {
            if (_counts is { } known && known.Text == text)
            {
                return known.Counts;
            }
            var counts = search.SourceCounts(ConsumerAnswerMatcher.QuestionTokens(text));
            _counts = (text, counts);
            return counts;
        }

        /// <summary>The pages found for the analysis, found again only if what they are found by has changed.</summary>
        public List<SearchHit> PatientInformation(QuestionAnalysis analysis, Func<QuestionAnalysis, List<SearchHit>> find)
        {
            var key = string.Join('\u0001', [analysis.Question, .. analysis.RareWords.Order(StringComparer.Ordinal), "\u0002", .. analysis.UnknownWords.Order(StringComparer.Ordinal)]);
            if (_patientPages is { } known && known.Key == key)
            {
                return known.Hits;
            }
            var hits = find(analysis);
            _patientPages = (key, hits);
            return hits;
        }
    }

    /// <summary>Hits in the order found, each source once.</summary>
    private sealed class HitList
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<SearchHit> Hits { get; } = [];

        public int Count => Hits.Count;

        public void AddRange(IEnumerable<SearchHit> hits)
        {
            foreach (var hit in hits)
            {
                if (_seen.Add(hit.Source.Key))
                {
                    Hits.Add(hit);
                }
            }
        }
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
