using System.Globalization;
using System.Text.RegularExpressions;
using Galen.Core.Analysis;

namespace Galen.Core.Composition;

/// <summary>
/// One sentence that could lead the article: its source, its text (as the article's wording writes it, when read for
/// fitting; the source's own words at question time) and its signals (named in <see cref="BottomLineRanking.FeatureNames"/>).
/// </summary>
public sealed record BottomLineCandidate(string SourceKey, int Order, int Level, string Text, double[] Features);

/// <summary>
/// Chooses the sentences the bottom line states: a weighted sum of signals per candidate sentence (how relevant it
/// is, the strength of its source, its section, whether it agrees with the verdict, whether its section is the kind
/// the question asks for, whether it shares the question's words and is close to it in meaning, whether it speaks
/// to an age or a thing the question rules out), the highest first. The weights are fitted on questions with the
/// facts a good bottom line must state (<c>galen eval everyday FILE --fit-bottom-line OUT</c>) and shipped as a
/// table (Composition/bottom-line.txt).
/// </summary>
public sealed partial class BottomLineRanking
{
    // Declared before the names built from it: static fields are set in the order written.
    private static readonly string[] Signals =
    [
        "relevance", "evidence-level", "search-score", "conclusion", "background", "stance-agrees", "stance-silent",
        "stance-differs", "against-when-uncertain", "kind-fit", "other-condition", "deciding", "record-bottom-line",
        "patient-voice", "named-first", "named-other", "named-elsewhere", "rare-word", "short", "long", "too-hard",
        "too-hard-record-line", "words-shared", "group-conflict", "excluded-named", "new-words", "negative-open", "meaning",
        "answer-kind", "meaning-only", "group-named", "leaflet-subject", "record-subject", "every-medicine", "amount-given",
        "words-asked", "reading-in-range", "reading-out-of-range", "meaning-asked", "body-asked",
        "every-condition",
    ];

    /// <summary>
    /// Names of the signals, in order (the rows of the weights table): each signal, then each again as it counts for a
    /// question told with a story around it (<see cref="StoryPrefix"/>).
    /// </summary>
    public static IReadOnlyList<string> FeatureNames { get; } = [.. Signals, .. Signals.Select(s => StoryPrefix + s)];

    /// <summary>
    /// The prefix of a signal's story copy. A question told with a story around it ("my mum is 80 and ... is it safe
    /// for her?") and one asked on its own ("first-line treatment for anaphylaxis?") weigh the same signal differently:
    /// the story's words mislead the word and meaning signals of the whole message. The copy is what a story adds to
    /// the shared weight, held to 0 by the fit unless the data say otherwise (EVALUATION.md).
    /// </summary>
    public const string StoryPrefix = "story:";

    /// <summary>How many signals there are (each has a story copy after them all).</summary>
    public static int SignalCount => Signals.Length;

    /// <summary>Index of the relevance signal: how much of what the question names the sentence names (log scale).</summary>
    public static int RelevanceFeature { get; } = Index("relevance");

    /// <summary>Index of the meaning signal: cosine of question and sentence, in tenths.</summary>
    public static int MeaningFeature { get; } = Index("meaning");

    /// <summary>
    /// Index of the asking sentence's closeness in meaning to a sentence, in tenths: a story's words ("just been put on
    /// alendronate") pull the whole message toward sentences about them, not toward the answer to what is asked.
    /// </summary>
    public static int MeaningAskedFeature { get; } = Index("meaning-asked");

    /// <summary>
    /// The signal that a sentence's source is by the guideline body the question asks after ("KDIGO: stop it or
    /// lower the dose?", "first-line antibiotic per AAP?", "what does NG84 suggest?").
    /// </summary>
    public static int BodyAskedFeature { get; } = Index("body-asked");

    /// <summary>
    /// The signal that a sentence speaks of every condition a question names, in its own words or its source's title
    /// ("kidney disease, and now a vomiting bug: carry on with my tablets?" is answered by what to do while sick on a
    /// kidney disease page).
    /// </summary>
    public static int EveryConditionFeature { get; } = Index("every-condition");

    /// <summary>
    /// The guideline bodies and guideline codes a question names: abbreviations of the bodies' list written in capitals
    /// ("ACC/AHA" is two), and codes such as "NG84".
    /// </summary>
    public static IReadOnlyList<string> BodiesNamed(string question)
    {
        var named = new List<string>();
        foreach (Match m in CapitalWord().Matches(question ?? ""))
        {
            named.AddRange(m.Value.Split('/').Where(TextTools.GuidelineBodies.Contains));
        }
        named.AddRange(GuidelineCodeWord().Matches(question ?? "").Select(m => m.Value.ToUpperInvariant()));
        return [.. named.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether a source is by one of the bodies named: its identifier carries the body's abbreviation ("ckd-kdigo-2024")
    /// or the code, or its title or publisher names it as a word.
    /// </summary>
    public static bool IsByBody(IReadOnlyList<string> bodies, Sources.SourceRecord source)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(source);
        var idParts = (source.Ids.Guideline ?? "").Split('-', StringSplitOptions.RemoveEmptyEntries);
        var words = CapitalWordOrCode().Matches(source.Title + " " + source.Container).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return bodies.Any(b => idParts.Contains(b, StringComparer.OrdinalIgnoreCase) || words.Contains(b));
    }

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]+(?:/[A-Z][A-Z0-9]+)*\b")]
    private static partial Regex CapitalWord();

    [GeneratedRegex(@"\b" + TextTools.GuidelineCode + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex GuidelineCodeWord();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]+\b")]
    private static partial Regex CapitalWordOrCode();

    /// <summary>The signal that a sentence names none of the question's terms and was admitted for its closeness in meaning.</summary>
    public static int MeaningOnlyFeature { get; } = Index("meaning-only");

    /// <summary>
    /// How many sentences of the sources found that name none of the question's terms join the candidates, the closest
    /// in meaning first: enough for the one that says what was asked in other words, few enough not to crowd the rest.
    /// </summary>
    public const int AdmittedByMeaning = 6;

    /// <summary>The signal that a sentence is written for a group the person asked about is not in (<see cref="AskerGroup"/>).</summary>
    public static int GroupConflictFeature { get; } = Index("group-conflict");

    /// <summary>The signal that a sentence names what the question rules out.</summary>
    public static int ExcludedFeature { get; } = Index("excluded-named");

    private static int OtherConditionFeature { get; } = Index("other-condition");

    /// <summary>The signal that a sentence is written for the asker's own group (<see cref="AskerGroup.Names"/>).</summary>
    public static int GroupNamedFeature { get; } = Index("group-named");

    /// <summary>The signal that a sentence of a leaflet titled with the condition speaks of it without naming it.</summary>
    public static int LeafletSubjectFeature { get; } = Index("leaflet-subject");

    /// <summary>How close in cosine one unit of the meaning signal is.</summary>
    public const double MeaningUnit = 0.1;

    /// <summary>
    /// How many of the best candidates are compared by meaning at question time. A sentence's vector is stored when
    /// the library is embedded, so a comparison is a dot product; as many as when fitting, so that the ranking asked
    /// is the ranking fitted.
    /// </summary>
    public const int MeaningCandidates = MeaningCandidatesWhenFitting;

    /// <summary>
    /// How many are compared by meaning when candidates are read for fitting: enough that any sentence another
    /// weighting could put first has its own closeness, few enough that reading the questions stays quick. The
    /// candidates are read with the start's weights, which order them unlike the fitted table; with 40, a sentence the
    /// table puts first at question time could have been fitted as the farthest, and the fit kept a starter check the
    /// answer then failed. With 100 that gap nearly closes and the cross-validated figure rose from 60.5% to 62.7%;
    /// with 250, more than any labelled question or starter check has (188 at most), it closes, and 63.1%
    /// (EVALUATION.md). A stored sentence vector makes each comparison a dot product.
    /// </summary>
    public const int MeaningCandidatesWhenFitting = 250;

    /// <summary>
    /// A second sentence joins the bottom line only when it scores this close to the first (log scale). Chosen by 5-fold
    /// cross-validation with the fit's other settings (<c>--explore</c>; EVALUATION.md), among the margins that keep every
    /// starter check and the patient wording's reading grade at 8 or below: a more lenient one (0.4, and 0.1, the best
    /// figure by a few questions) wins by saying more, and its longer bottom lines read above grade 8.
    /// </summary>
    public static double SecondSentenceMargin { get; } = Math.Log(0.5);

    /// <summary>How close to the first a second sentence must score to join it (log scale; <see cref="SecondSentenceMargin"/>).</summary>
    public double SecondSentence { get; init; } = SecondSentenceMargin;

    private readonly double[] _weights;

    public BottomLineRanking(double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != FeatureNames.Count)
        {
            throw new ArgumentException($"expected {FeatureNames.Count} weights, got {weights.Length}", nameof(weights));
        }
        _weights = weights;
    }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Whether closeness in meaning counts at all: comparing costs an encoding of the question.</summary>
    public bool UsesMeaning => Counts(MeaningFeature) || Counts(MeaningAskedFeature);

    /// <summary>Whether a signal has a weight, as asked alone or in its story copy.</summary>
    private bool Counts(int signal) => _weights[signal] != 0 || _weights[SignalCount + signal] != 0;

    /// <summary>
    /// Where the fit starts: the multipliers once set by hand, as logarithms (a sentence of a summary counted 1.6
    /// times: ln 1.6). The new signals start at 0. Fixed, so that the fit gives the same table from the same data.
    /// </summary>
    public static BottomLineRanking Start { get; } = new(
    [..(double[])[
        1, 0.5, 1, Math.Log(1.6), Math.Log(0.4), Math.Log(1.6), Math.Log(0.6),
        Math.Log(0.5), Math.Log(1.1 / 0.5), 1, Math.Log(0.4), Math.Log(4), Math.Log(1.5),
        Math.Log(1.8), Math.Log(2.5), Math.Log(1.2), Math.Log(0.5), Math.Log(2.5), Math.Log(1.2), Math.Log(0.8), Math.Log(0.4),
        Math.Log(0.7 / 0.4), 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0,
    ], .. new double[SignalCount]]);

    /// <summary>A question told with a story: its signals count again in their story copies.</summary>
    public static void CountForStory(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Array.Copy(features, 0, features, SignalCount, SignalCount);
    }

    /// <summary>The ranking shipped with Galen (Composition/bottom-line.txt).</summary>
    public static BottomLineRanking Default { get; } = Parse(Vocabulary.ReadResource("bottom-line.txt"), "bottom-line.txt");

    public double Score(double[] features)
    {
        var s = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            s += _weights[i] * features[i];
        }
        return s;
    }

    /// <summary>
    /// The candidates the bottom line states, strongest evidence first: the best, and the next best from another
    /// source if it scores nearly as well and does not speak of another condition than the one asked about. Ties go to the source key, then the sentence's place in its source.
    /// A question that asks two things (<see cref="AsksTwoThings"/>) may take its second sentence from the same source:
    /// one passage often gives both the dose and when to repeat it.
    /// </summary>
    public IReadOnlyList<int> Choose(IReadOnlyList<BottomLineCandidate> candidates, bool twoThings = false)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return [];
        }
        var scores = candidates.Select(c => Score(c.Features)).ToArray();
        var best = scores.Max();
        var picked = new List<int>();
        foreach (var i in Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores[i])
            .ThenBy(i => candidates[i].SourceKey, StringComparer.Ordinal).ThenBy(i => candidates[i].Order))
        {
            if (picked.Any(p => candidates[p].SourceKey == candidates[i].SourceKey
                && (!twoThings || candidates[p].Order == candidates[i].Order || candidates[p].Text == candidates[i].Text)))
            {
                continue;
            }
            if (picked.Count > 0 && scores[i] < best + SecondSentence)
            {
                break;
            }
            // A second sentence from the source of the first (only for a question asking two things) is about what the
            // first is about, so the two rules below, which keep out sentences that drift from it, do not apply to it.
            var fromAnotherSource = picked.Count > 0 && candidates[picked[0]].SourceKey != candidates[i].SourceKey;
            if (fromAnotherSource && candidates[i].Features[OtherConditionFeature] > 0)
            {
                // A second sentence about the medicine for some other condition would drift from what was asked.
                continue;
            }
            if (fromAnotherSource && candidates[picked[0]].Features[GroupNamedFeature] > 0 && candidates[i].Features[GroupNamedFeature] == 0)
            {
                // What is said for the asker's own group ("in pregnancy, 7 days") overrides what is said for everyone
                // ("3 days"): the general rule beside it would contradict it.
                continue;
            }
            picked.Add(i);
            if (picked.Count == 2)
            {
                break;
            }
        }
        return [.. picked.OrderBy(i => candidates[i].Level)];
    }

    // ------------------------------------------------------------------ signals read from the question and a sentence

    /// <summary>Share of the question's content words (by their first five letters) that the sentence uses.</summary>
    public static double WordsShared(IReadOnlyList<string> questionWords, string sentence) =>
        questionWords.Count == 0 ? 0 : WordsSharedNormalized(questionWords, TextTools.Normalize(sentence));

    /// <summary>As <see cref="WordsShared"/>, for a sentence already normalized (<see cref="TextTools.Normalize"/>).</summary>
    public static double WordsSharedNormalized(IReadOnlyList<string> questionWords, string normalizedSentence) =>
        questionWords.Count == 0 ? 0 : (double)questionWords.Count(w => TextTools.ContainsWordStart(normalizedSentence, w)) / questionWords.Count;

    /// <summary>The question's content words, each cut to its first five letters, without repeats.</summary>
    public static IReadOnlyList<string> ContentWords(string question) =>
        [.. TextTools.Tokens(TextTools.Normalize(question))
            .Where(t => t.Length >= 3 && !TextTools.StopWords.Contains(t) && !t.All(char.IsDigit))
            .Select(t => t.Length > 5 ? t[..5] : t).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Share of the sentence's content words that the question does not use: a sentence that answers brings
    /// something new (the medicine, the figure), one that restates the question brings little.
    /// </summary>
    public static double NewWords(IReadOnlyList<string> questionWords, string sentence)
    {
        var words = ContentWords(sentence);
        if (words.Count == 0)
        {
            return 0;
        }
        var asked = questionWords.ToHashSet(StringComparer.Ordinal);
        return (double)words.Count(w => !asked.Contains(w)) / words.Count;
    }

    /// <summary>
    /// The share of the kinds of thing the question asks for that the sentence gives (1 when it asks one and the sentence
    /// gives it; a question asking two, "still ring for an ambulance?", is answered wholly only by a sentence giving both):
    /// an amount of the kind asked ("how much", "how long"), a time for a "when" question ("before the season", "at night", "within 2 days"), a choice ranked first
    /// for a "what first" question, where and how soon to get care for a "can it wait?" question, or a threshold for a
    /// question that gives a reading ("my ferritin came back at 60", "oxygen 90%"): the line the reading is judged by;
    /// whether to stop or to go on, for a question that asks whether to stop a medicine ("can I come off it now?").
    /// </summary>
    /// An amount's test is costly: a caller that has run it passes its result as <paramref name="givesAmount"/>.
    public static double AnswerKind(AmountKind amount, bool asksWhen, string sentence, bool asksFirst = false, bool asksCare = false, bool givesReading = false, bool asksStop = false, bool asksWhy = false, bool asksStill = false, bool asksNormal = false, bool asksAlone = false, bool? givesAmount = null, int placeAsked = 0)
    {
        var asked = 0;
        var given = 0;
        void Count(bool asks, Regex? says, bool? gives = null)
        {
            if (asks)
            {
                asked++;
                given += gives ?? says!.IsMatch(sentence) ? 1 : 0;
            }
        }
        Count(amount != AmountKind.None, null, amount != AmountKind.None && (givesAmount ?? AmountAsked.States(amount, sentence)));
        Count(asksWhen, TimeExpression());
        Count(asksFirst, FirstChoice());
        Count(placeAsked > 1, null, placeAsked > 1 && GivesPlace(placeAsked, sentence));
        Count(asksCare, SaysWhereToGetCare());
        Count(asksStop, SaysStopOrGoOn());
        Count(asksWhy, GivesReason());
        Count(asksStill, SaysEvenSo());
        Count(asksNormal, SaysExpected());
        Count(asksAlone, SaysAloneOrTogether());
        // A reading the message gives is the context of what it asks ("eGFR 85: dose?"); only a message that asks nothing
        // else asks where the reading stands.
        Count(givesReading && asked == 0, StatesThreshold());
        return asked == 0 ? 0 : (double)given / asked;
    }

    /// <summary>
    /// True when the message asks whether what is happening is normal or a worry ("the redness looks bigger on day 2,
    /// is that normal?", "should I be worried?", "should that worry me?", "is that just the illness getting worse?", "is
    /// the antibiotic not working?", "normal, or do I need ...?"):
    /// what answers is what is to be expected, or that it is no cause for concern, or that it is not to be expected.
    /// </summary>
    public static bool AsksNormal(string question) => NormalAsked().IsMatch(question ?? "");

    [GeneratedRegex(@"\b(?:is|are)\s+(?:that|this|it|these|those)\s+(?:normal|usual|expected|common|to\s+be\s+expected)\b|\bnormal\s+(?:for|to\s+(?:get|have|feel|see))\b|\bshould\s+(?:i|we)\s+(?:be\s+)?(?:worried|worry|concerned)\b|\bshould\s+(?:that|this|it)\s+(?:worry|concern|bother)\s+(?:me|us|him|her)\b|\b(?:is|are)\s+(?:that|this|it)\s+(?:worrying|concerning|a\s+(?:worry|concern))\b|\b(?:is|are)\s+(?:that|this|it)\s+(?:just|simply|only)\s+(?:how|what|part\s+of|the\s+(?:illness|disease|condition|infection))\b|\b(?:a\s+)?bad\s+sign\b|\b(?:is|are)\s+(?:that|this|it|these|those)\s+(?:supposed|meant)\s+to\s+(?:happen|be\s+like\s+this)\b|\b(?:anything|something)\s+to\s+worry\s+about\b|\bcause\s+for\s+(?:concern|alarm|worry)\b|\b(?:is|are)\s+(?:the|my|his|her|it|this|that|they)\s+(?:[\w-]+\s+)?not\s+working\b|\b(?:isn't|aren't)\s+(?:it|they|the\s+[\w-]+)\s+working\b|(?:^|[.,;:!?\u2013-])\s*normal\s*,?\s+or\b", RegexOptions.IgnoreCase)]
    private static partial Regex NormalAsked();

    // What is to be expected: "may look a little worse at first", "is common", "is expected", "is no cause for concern", how long it
    // usually or can last; or what is not: "is not normal for dementia".
    [GeneratedRegex(@"\b(?:is|are)\s+(?:not\s+)?(?:normal|expected|common|usual)\b|\b(?:often|usually|commonly|normally|typically)\s+(?:lasts?|lingers?|goes\s+on|takes?)\b|\b(?:can|may|might)\s+(?:last|linger|go\s+on)\b|\b(?:may|can|might|often|usually|sometimes)\s+(?:make\s+(?:[\w-]+\s+){1,2}?)?(?:look|get|feel|seem|become|spread)\s+(?:a\s+little\s+|slightly\s+|a\s+bit\s+)?(?:worse|bigger|redder|larger|more)\b|\bnot\s+(?:a\s+)?(?:reason|cause)\s+(?:to|for)\s+(?:worry|concern|alarm|stop)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysExpected();

    /// <summary>
    /// True when the question asks whether one thing will do on its own ("is it fine to only take the capsules?", "is
    /// diet alone enough?", "just the inhaler on its own?"): what answers says whether it is used alone or with another.
    /// </summary>
    public static bool AsksAlone(string question) => AloneAsked().IsMatch(question ?? "");

    [GeneratedRegex(@"\bon\s+(?:its|their|his|her|my|your)\s+own\b|\balone\b|\bby\s+(?:itself|themselves)\b|\b(?:only|just)\s+(?:take|use|swallow|have|give|stick\s+(?:to|with)|rely\s+on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AloneAsked();

    // Whether used alone or with another: "should not be used on their own", "combined with", "together with", "alone".
    [GeneratedRegex(@"\bon\s+(?:its|their)\s+own\b|\balone\b|\bby\s+(?:itself|themselves)\b|\b(?:combined|combining|together|along)\s+with\b|\bin\s+combination\b|\bas\s+well\s+as\b|\bplus\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysAloneOrTogether();

    /// <summary>
    /// True when the question asks whether something still holds now that things have changed: the symptoms have gone
    /// ("she seems fine now, do we still need to ring?"), the time for it seems past ("now that the 48 hours are up", "is
    /// it too late?"). What answers is what holds even so ("even if the symptoms go away", "even after 2 days").
    /// </summary>
    public static bool AsksStill(string question) => StillAsked().IsMatch(question ?? "");

    [GeneratedRegex(@"\bstill\s+(?:need|needs|have\s+to|has\s+to|worth|any\s+point|be\s+worth|go|ring|call|phone|take|give|get|see|bother|start|use|a\s+need)\b|\btoo\s+late\b|\bnow\s+that\b[^?.!]{0,40}\b(?:up|over|gone|passed|better|fine|settled|cleared)\b|\bmissed\s+(?:the|my|his|her|our)\s+(?:window|chance|time)\b|\b(?:is\s+it|it['’]s|it\s+is)\s+pointless\b", RegexOptions.IgnoreCase)]
    private static partial Regex StillAsked();

    // What holds even so: "even if the symptoms go away", "even after 48 hours", "still worth starting", "still helps".
    [GeneratedRegex(@"\beven\s+(?:if|when|after|though|once|beyond|later\s+than|more\s+than)\b|\bstill\s+(?:worth|helps?|helpful|useful|works?|needs?|needed|recommended|advised|benefits?|be\s+(?:given|started|offered|seen|used))\b|\bwhatever\s+(?:the\s+)?(?:time|delay)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysEvenSo();

    /// <summary>
    /// True when the question asks the reason for something ("why would I need that?", "why do they check it?") or
    /// whether something is its cause ("is the statin to blame?", "could the tablets be causing this?"); "why not" asks
    /// for an alternative, not a reason.
    /// </summary>
    public static bool AsksWhy(string question) => WhyAsked().IsMatch(question ?? "");

    [GeneratedRegex(@"\bwhy\b(?!\s+not\b)|\bwhat(?:\s+is|['\u2019]s)\s+the\s+(?:reason|point|purpose)\b|\bwhat\s+for\b|\bto\s+blame\b|\b(?:be|is|are)\s+(?:\w+\s+)?(?:causing|behind)\s+(?:this|that|it|these|those|my|his|her|the)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhyAsked();

    // What answers it: a cause or purpose given ("because", "so that", "to look for", "caused by", "not due to"), or
    // what a finding can be a sign of.
    [GeneratedRegex(@"\bbecause\b|\b(?:caused|explained)\s+by\b|\bdue\s+to\b|\bso that\b|\bin order to\b|\bthe reason\b|\b(?:can|may|could|might)\s+be\s+(?:the\s+|an?\s+)?(?:first\s+|early\s+|only\s+)?signs?\b|\bto\s+(?:find|look\s+for|check\s+for|rule\s+out|exclude|detect|spot|prevent|protect)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GivesReason();

    /// <summary>
    /// True when the question asks two things joined by "and" ("which antibiotic, and for how long?", "what do I give
    /// him and how much?", "Do I take it with breakfast? And how long do I stay upright?"), or a dose to start on and
    /// the most to go up to ("starting dose and usual ceiling?") or the target it is raised to ("starting dose and
    /// blood pressure goal?") or the one kept on ("initial and ongoing?"), which sources give in two sentences; a dose and its length of time one sentence often gives.
    /// </summary>
    public static bool AsksTwoThings(string question) => TwoThingsAsked().IsMatch(question ?? "");

    [GeneratedRegex(@"\band\s+(?:when|how|what|which|where|whether|for\s+how|at\s+what|from\s+what)\b[^?.!]*\?|\b(?:dose|dosage)\s+and\s+(?:[\w-]+\s+){0,2}?(?:ceiling|maximum|max|limit|target|goal)\b|\b(?:starting|initial|loading|induction)\s+(?:dose\s+|regimen\s+)?(?:and|&|then|\+|/)\s+(?:the\s+)?(?:maintenance|ongoing|usual|long-term|continuing)\b|\b(?:ceiling|maximum|max|limit|target|goal)\s+and\s+(?:[\w-]+\s+){0,2}?(?:dose|dosage)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TwoThingsAsked();

    /// <summary>
    /// True when the question asks whether to stop, pause or come off a medicine, or to carry on with it ("can I stop
    /// taking them now?", "do I stop the allopurinol while it flares?", "if I come off it ...", "do I bin it?", "do I skip allopurinol until the flare settles?").
    /// </summary>
    public static bool AsksStop(string question) => StopAsked().IsMatch(question ?? "");

    [GeneratedRegex(@"\b(?:stop|stopping|quit|quitting|pause|pausing|skip|skipping)\s+(?:taking|using|it|them|these|those|(?:the|my|his|her|their)\s+\w+)\b(?!\s+(?:coming|from|getting|happening|going|spreading))|\b(?:stop|stopping|skip|skipping|pause|pausing|hold|holding|withhold)\s+(?:[\w-]+\s+){1,2}?(?:until|till|while|whilst|during|for\s+now)\b|\b(?:come|coming|get|getting)\s+off\b|\bpack(?:ing)?\s+(?:it|them)\s+in\b|\b(?:bin|binning|ditch|ditching|chuck|chucking)\s+(?:it|them|these|those)\b|\bgiv(?:e|ing)\s+(?:it|them)\s+up\b|\bcarry(?:ing)?\s+on\b|\bkeep\s+(?:on\s+)?taking\b|\bgo\s+on\s+taking\b", RegexOptions.IgnoreCase)]
    private static partial Regex StopAsked();

    // What answers it: to stop or not, to go on (and for how long), to taper, or what happens on stopping. Doing it
    // "every day, even when the skin looks clear" says to go on once better.
    [GeneratedRegex(@"\beven\s+(?:when|if|once|after|though)\s+(?:[\w'-]+\s+){0,4}?(?:clear|better|gone|well|settled|normal|fine|controlled|healed|improved?)\b|\b(?:continu\w*|keep taking|keep using|keep applying|carry on|stop(?:s|ping|ped)?|come off|coming off|withdraw\w*|taper\w*|discontinu\w*|comes? back|for (?:at least |about |another )?(?:\d+|one|two|three|six|twelve) (?:weeks?|months?|years?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysStopOrGoOn();

    /// <summary>
    /// True when the message gives a measured value: a number in a unit of measurement ("90%", "110 mL/min", "38.5
    /// degrees"), a body temperature written bare ("she's 38.4"), or a number soon after the name of something measured
    /// ("ferritin came back at 60", "TSH of 7").
    /// </summary>
    public static bool GivesReading(string question) => Reading().IsMatch(question ?? "");

    [GeneratedRegex(@"\d(?:[.,]\d+)?\s*(?:%|per ?cent\b|mmol/l\b|mg/dl\b|[µu]g/l\b|mcg/l\b|ng/ml\b|m?iu/l\b|mu/l\b|ml/min\b|°|degrees\b|mm ?hg\b|kg/m2\b|g/dl\b|g/l\b|nmol/l\b|pmol/l\b|bpm\b)|(?<![\d.,])(?:3[5-9]|4[0-2])[.,]\d(?!\d|[.,]\d|\s*(?:%|mg|kg|g\b|ml|cm|weeks?|kilos?|lbs?))|\b(?:ferritin|oxygen|saturations?|sats|tsh|e?gfr|creatinine|clearance|hba1c|a1c|cholesterol|ldl|potassium|sodium|calcium|temperature|temp|thermometer|blood pressure|bp|b12|folate|platelets?|ha?emoglobin|inr|psa|glucose|sugars?|peak flow|heart rate|pulse|eosinophils?|score|feverpain|centor|wells|curb-?65|crb-?65|cha2ds2-?vasc|has-?bled|qrisk\d?|phq-?9|gad-?7|mmse|gcs)\b[^.?!\d]{0,30}(?<!\p{L})\d", RegexOptions.IgnoreCase)]
    private static partial Regex Reading();

    // A line a value is judged against: "below 92%", "75 µg/L or less", "above 95 mL/min", "at least 140/90", "a score
    // of 0 or 1", a band "between -1.0 and -2.5".
    [GeneratedRegex(@"\bscores?\s+(?:of\s+)?\d|\bbetween\s+[-−]?\d[\d.,]*\s*(?:[^\s\d.,;]+\s+)?and\s+[-−]?\d|\b(?:above|below|over|under|less than|more than|greater than|lower than|higher than|at least|at most|up to|exceeds?|exceeding)\s+(?:about\s+|around\s+)?\d|\d[\d.,/]*\s*(?:[^\s\d.,;]+\s+){0,2}?(?:or|and)\s+(?:more|less|higher|lower|above|below|greater|over|under)\b|[<>≥≤]\s*\d", RegexOptions.IgnoreCase)]
    private static partial Regex StatesThreshold();

    /// <summary>
    /// True when the message asks whether it can wait or where to go ("can this wait till Monday?", "ok to wait for the
    /// GP?", "should someone look at me?", "fine to keep an eye on him at home?", "give it another day or get seen?", "ride
    /// it out or ring for an ambulance?"): what answers is where and how soon to get care, not how the illness goes.
    /// </summary>
    public static bool AsksAboutCare(string question) => CareAsked().IsMatch(question ?? "");

    [GeneratedRegex(@"\b(?:(?:can|could|will|would|should|does) (?:this|it|that|he|she|i|we|they) (?:just |still )?wait|(?:ok(?:ay)?|alright|all right|fine|safe|better) (?:for (?:me|him|her|them|us) )?to (?:just )?wait|wait (?:and see|for (?:the|my|a|his|her|our) (?:gp|doctor|appointment|midwife|nurse|surgery|clinic|practice|optician|pharmacist)|until|till)|(?:get|be|being|getting) (?:seen|checked(?: out)?|looked at)\b|get (?:medical )?help (?:now|today|tonight|straight away)|go in (?:now|today|tonight)|take (?:him|her|them|me) in\b|(?:ring|call|phone) (?:for )?(?:999|911|112|an ambulance|the ambulance)|book (?:in with )?(?:the|a|my|his|her) (?:gp|doctor)|(?:ride|riding|sleep|sleeping) it (?:out|off)|give it (?:another|a few|one more) (?:day|days|night)|hold off (?:till|until)|see how (?:it|things|he|she|they|this) go(?:es)?|keep an eye on (?:it|this|that|him|her|them|me)|(?:manage|treat|look after|nurse) (?:it|this|him|her|them|me) (?:at|from) home|(?:stay|staying|keep (?:him|her|them)) (?:at )?home|(?:should|do|must) (?:i|we|he|she|they) (?:go|ring|call|phone)\b|(?:should|do) (?:i|we|he|she|they) (?:need to )?(?:see|get seen by) (?:a|the|my|his|her|someone)|(?:need|needs) to be seen|get (?:it|this|that|him|her|them|me) (?:looked at|checked(?: out)?|seen(?: to)?)\b|should (?:someone|a doctor|somebody) (?:look at|see|check)|is (?:this|it|that) an emergency)", RegexOptions.IgnoreCase)]
    private static partial Regex CareAsked();

    // A sentence that says where or how soon to get care: emergency, urgent or same-day care, an ambulance, a doctor.
    [GeneratedRegex(@"\b(?:emergency|urgent(?:ly)?|same[- ]day|ambulance|999|911|112|a&e|immediate(?:ly)? medical|medical (?:help|attention|care|advice|assessment)|seek (?:medical |urgent )?(?:help|care|advice)|(?:see|call|contact|ring|phone|tell) (?:a|your|the) (?:doctor|gp|midwife|maternity unit|nurse)|go to (?:hospital|a hospital|the hospital))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysWhereToGetCare();

    /// <summary>True when the question asks what comes first (to try, to start with, to add), not what works at all.</summary>
    public static bool AsksFirst(string question) => FirstAsked().IsMatch(question ?? "");

    [GeneratedRegex(@"\bfirst\b|\bfirst-line\b|\b(?-i:[Ss]tep)\s*(?:1|one)\b|\b(?:start|begin|started|begun) (?:with|on)\b|\binitial(?:ly)?\b|\bpreferred\b|\bfrom the (?:outset|start)\b|\bbefore (?:anything|everything) else\b|\bto (?:start|begin) with\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstAsked();

    /// <summary>
    /// The place beyond the first in a sequence of treatments that the question asks for ("second-line?", "a fourth
    /// agent?", "what is step 3?"), or 0: what answers is the step or line of that number, not the ones before it.
    /// </summary>
    public static int PlaceAsked(string question) => PlaceInSequence().Match(question ?? "") is { Success: true } m ? PlaceOf(m) : 0;

    private static int PlaceOf(Match m) => m.Groups["digit"].Success ? m.Groups["digit"].Value[0] - '0'
        : Array.IndexOf(PlaceWords, m.Groups["word"].Value.ToLowerInvariant()) + 1;

    private static readonly string[] PlaceWords = ["first", "second", "third", "fourth", "fifth"];

    [GeneratedRegex(@"\b(?<word>second|third|fourth|fifth)(?:[- ]line\b|\s+(?:[\w-]+\s+)?(?:agents?|drugs?|medicines?|medications?|steps?|choices?|options?|treatments?)\b)|\b(?-i:[Ss]tep)\s*(?<digit>[2-5])\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceInSequence();

    private static bool GivesPlace(int place, string sentence) => PlaceInSequence().Matches(sentence).Any(m => PlaceOf(m) == place);

    // What a sentence says when it ranks a treatment first: "first-line", "first choice", "initially", "start with",
    // "preferred", "step 1" (not the trial called "STEP 1"); a first day or week is a time, not a choice.
    [GeneratedRegex(@"\bfirst(?:[- ]line| choice| option| step| treatment)\b|\b(?-i:[Ss]tep)\s*(?:1|one)\b|\bfirst,|\b(?:offer|try|use|give|start)\w* [^.;]{0,40}\bfirst\b|\binitial(?:ly)?\b|\b(?:start|begin)\w* (?:with|on|by)\b|\bpreferred\b|\bfrom the (?:outset|start)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstChoice();

    /// <summary>True when the question asks when (to start, to stop, to worry), not what or whether.</summary>
    public static bool AsksWhen(string question) => WhenQuestion().IsMatch(question ?? "");

    [GeneratedRegex(@"^\W*when\b|\bwhen (?:should|do|does|can|could|must|is|are|to|will|would)\b|\bhow soon\b|\bwhat time\b|\btiming\b|\bhow early\b|\bat what (?:age|point|stage)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhenQuestion();

    // "When should I worry?" is also answered by how long is too long: "a cough that lasts more than 3 weeks", "a fever
    // of 5 days or longer".
    [GeneratedRegex(@"\b(?:before|after|until|within|during|beforehand|afterwards|as soon as|at night|at bedtime|bedtime|in the morning|in the evening|each morning|each evening|season|first (?:day|days|week|weeks|hours)|(?:\d+|one|two|three|few|several) (?:hours?|days?|weeks?|months?) (?:before|after|later|apart)|(?:more|longer|less|fewer) than (?:\d+|a|one|two|three|four|five|six|a few) (?:hours?|days?|weeks?|months?)|(?:\d+|one|two|three|four|five|six|seven) (?:hours?|days?|weeks?|months?) or (?:more|longer))\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeExpression();

    [GeneratedRegex(@"\b(?:not|no|never|against|avoid|avoided|cannot)\b|n't\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    /// <summary>
    /// 1 when the question asks what (not whether) and the sentence says what not to do or what is not so: an open
    /// question is answered by what is, and a denial near its words ("X is not first-line") only restates it.
    /// </summary>
    public static double NegativeForOpenQuestion(bool yesNo, string sentence) => !yesNo && Negation().IsMatch(sentence) ? 1 : 0;

    [GeneratedRegex(@"\b(\d{1,3})[\s-]*(year|yr|month|week|day)s?[\s-]*old\b|\baged?\s+(\d{1,3})(?:\s*(year|month|week)s?)?\b|\b(\d{1,3})\s?(?:yo|y/o|y\.o\.)(?![\w/])", RegexOptions.IgnoreCase)]
    private static partial Regex AskerAge();

    // "my son, who's 4", "she is 6 months", "my daughter is 4 months": an age said of the person after the fact, never a
    // reading ("she is 38.5").
    [GeneratedRegex(@"\b(?:he|she|who|(?:my|our)\s+(?:(?:little|baby|eldest|oldest|youngest)\s+)?(?:son|daughter|baby|child|kid|boy|girl|grandson|granddaughter|dad|father|mum|mom|mother|husband|wife|partner|brother|sister))(?:'s|’s|\s+is)\s+(?:only\s+|just\s+)?(\d{1,2})(?![.,/]\d)(?:\s*(year|month|week)s?(?:\s+old)?)?\b(?!\s*(?:%|mg|kg|g\b|ml|cm|lbs?|pounds?|stone|degrees?|°|kilos?|weeks? pregnant|days?|hours?))", RegexOptions.IgnoreCase)]
    private static partial Regex StatedAge();

    // "Baby girl, 7 weeks": a baby's age said straight after the word for the baby.
    [GeneratedRegex(@"\b(?:(?:baby|infant|newborn)(?:\s+(?:boy|girl|son|daughter))?|toddler|child)\s*[,(]?\s*(?:aged\s+)?(\d{1,2})\s*(month|week|day)s?\b(?!\s+(?:into|of|on|since|after|ago|later|pregnant|late|early|overdue)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex InfantAge();

    // "under 65 years" leaves 65-year-olds out; "64 years or younger" keeps them up to their 65th birthday.
    [GeneratedRegex(@"\b(?:under|younger than|less than|below)\s+(?:the age of\s+)?(\d{1,3})\s*(year|month|week)s?\b|\b(\d{1,3})\s*(year|month|week)s?\s+(?:or younger|and younger|or under|and under|or less)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpperAgeBound();

    [GeneratedRegex(@"\b(?:over|older than|above)\s+(?:the age of\s+)?(\d{1,3})\s*(year|month|week)s?\b|\b(\d{1,3})\s*(year|month|week)s?\s+(?:and over|or older|or over|and older)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LowerAgeBound();

    // "If you are over 50", "people under 16": a bare number after a person and "over" or "under" is an age in years.
    [GeneratedRegex(@"\b(?:you are|you're|who are|aged|people|adults|anyone|someone|those|women|men|patients|children)\s+(under|younger than|below|over|older than|above)\s+(\d{1,3})\b(?![/.,]\d)(?!\s*(?:%|mg|kg|g\b|ml|mmol|mmhg|cm|units?|years?|months?|weeks?))", RegexOptions.IgnoreCase)]
    private static partial Regex BareAgeBound();

    // "Children 6 to 12 years", "aged 40 to 75 years", "6 months to 6 years": an age range, read only after a word for people
    // or an age, so that a duration ("for 3 to 6 months") is never taken for one.
    [GeneratedRegex(@"\b(?:aged|ages?|children|adults|people|infants|babies|women|men|patients|persons|anyone|those)\s+(?:from\s+|between\s+)?(\d{1,3})\s*(years?|months?)?\s*(?:to|-|–|and)\s*(\d{1,3})\s*(years?|months?)(?!\s*(?:ago|later|after|before))", RegexOptions.IgnoreCase)]
    private static partial Regex AgeRange();

    private static IEnumerable<(double From, double To)> AgeRanges(string sentence)
    {
        foreach (Match m in AgeRange().Matches(sentence ?? ""))
        {
            var upperUnit = m.Groups[4].Value.TrimEnd('s', 'S');
            var lowerUnit = m.Groups[2].Success ? m.Groups[2].Value.TrimEnd('s', 'S') : upperUnit;
            // "to 12 years" takes in the whole of the twelfth year.
            yield return (Months(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), lowerUnit),
                Months(double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) + 1, upperUnit));
        }
    }

    /// <summary>The age the question gives for the person asked about, in months ("my 4 year old": 48), or null.</summary>
    public static double? AskerAgeInMonths(string question)
    {
        question = TextTools.TimeNumbersInDigits(question ?? "");
        var m = AskerAge().Match(question);
        if (!m.Success)
        {
            if (StatedAge().Match(question) is { Success: true } stated)
            {
                return Months(double.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture), stated.Groups[2].Success ? stated.Groups[2].Value : "year");
            }
            if (InfantAge().Match(question) is { Success: true } infant)
            {
                return Months(double.Parse(infant.Groups[1].Value, CultureInfo.InvariantCulture), infant.Groups[2].Value);
            }
            return AskerGroup.AgeAndSexTogether(question) is { Success: true } compact
                ? Months(double.Parse(compact.Groups[1].Value, CultureInfo.InvariantCulture), "year")
                : null;
        }
        // "8yo" and "8 y/o" are a clinician's way of writing "8 years old".
        var number = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Success ? m.Groups[3].Value : m.Groups[5].Value;
        var unit = m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Success ? m.Groups[4].Value : "year";
        return Months(double.Parse(number, CultureInfo.InvariantCulture), unit);
    }

    private static double Months(double n, string unit) => unit.ToLowerInvariant() switch
    {
        "month" => n,
        "week" => n / 4.345,
        "day" => n / 30.4,
        _ => n * 12,
    };

    /// <summary>True when the sentence bounds an age ("under 5 years", "aged 65 years or over").</summary>
    public static bool AgeBounded(string sentence) =>
        UpperAgeBound().IsMatch(sentence ?? "") || LowerAgeBound().IsMatch(sentence ?? "") || BareAgeBound().IsMatch(sentence ?? "")
        || AgeRange().IsMatch(sentence ?? "");

    /// <summary>1 when the sentence is about an age group the person asked about is not in ("under 3 months" for a 4-year-old).</summary>
    public static double AgeConflict(double? askerMonths, string sentence)
    {
        if (askerMonths is not double age)
        {
            return 0;
        }
        // A sentence may speak of several age groups ("below 140/90 under 80 years and below 150/90 from 80 years"):
        // it conflicts only when the person fits none of them.
        var excluded = false;
        foreach (Match m in UpperAgeBound().Matches(sentence))
        {
            var (n, unit, inclusive) = m.Groups[1].Success ? (m.Groups[1].Value, m.Groups[2].Value, 0) : (m.Groups[3].Value, m.Groups[4].Value, 1);
            if (age >= Months(double.Parse(n, CultureInfo.InvariantCulture) + inclusive, unit))
            {
                excluded = true;
            }
            else
            {
                return 0;
            }
        }
        foreach (Match m in LowerAgeBound().Matches(sentence))
        {
            var (n, unit) = m.Groups[1].Success ? (m.Groups[1].Value, m.Groups[2].Value) : (m.Groups[3].Value, m.Groups[4].Value);
            if (age < Months(double.Parse(n, CultureInfo.InvariantCulture), unit))
            {
                excluded = true;
            }
            else
            {
                return 0;
            }
        }
        foreach (Match m in BareAgeBound().Matches(sentence))
        {
            var bound = Months(double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), "year");
            var under = m.Groups[1].Value.ToLowerInvariant() is "under" or "younger than" or "below";
            if (under ? age >= bound : age < bound)
            {
                excluded = true;
            }
            else
            {
                return 0;
            }
        }
        foreach (var (from, to) in AgeRanges(sentence))
        {
            if (age < from || age >= to)
            {
                excluded = true;
            }
            else
            {
                return 0;
            }
        }
        return excluded ? 1 : 0;
    }

    // "sooner ... than from pills", "besides", "I know about face, arm, speech", "already tried ibuprofen": what the
    // asker has, knows or does not want is not the answer they are after. What the person is allergic to or cannot
    // take is not an answer for them either; nor is what the answer is asked not to be ("something that isn't a pill"),
    // nor what the trouble goes on despite ("wakes me even though I take omeprazole", "despite an ACE inhibitor").
    [GeneratedRegex(@"\b(?:without|(?:that|which)(?:['’]s|\s+is|\s+are)(?:n['’]?t|\s+not)(?:\s+an?)?|(?:that|which)\s+(?:does|do)(?:n['’]?t|\s+not)\s+(?:involve|need|mean)(?:\s+(?:taking|using))?|instead of|other than|apart from|aside from|(?:leaving|setting|putting)\s+aside|rather than|besides|except(?:\s+for)?|avoid(?:ing)?|no more|(?:allergic|allergy|allergies|anaphylaxis|intolerant|intolerance)\s+(?:to|of)|(?:can['’]?t|cannot|can\s+not|couldn['’]?t|unable\s+to|(?:don['’]?t|do\s+not)\s+want\s+to|(?:would|['’]d)\s+rather\s+not)\s+(?:take|have|use|tolerate|swallow|put|apply|rub|give)|not\s+keen\s+on|(?<prefer>(?<=\b(?:sooner|rather|prefer)\b[^.?!]{0,60})\bthan(?:\s+(?:from|with|by|taking|using))?)|(?:i|we)\s+(?:already\s+)?know\s+(?:about|of)|already\s+(?:tried|taking|take|on|using)|(?:i|we)(?:['’]ve|\s+have)\s+(?:already\s+)?tried|neither|nor|(?:even\s+though|although|despite|in\s+spite\s+of)(?:\s+(?:i|we|he|she|they)(?:\s*['’]\s*(?:m|re|s|ve\s+been)|\s+(?:am|is|are|have\s+been|has\s+been))?)?(?:\s+(?:already|still|regularly))?(?:\s+(?:take|takes|taking|use|uses|using|on|being\s+on|been\s+on))?)\s+((?:\w+[\s,-]+){0,3}\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex RuledOut();

    [GeneratedRegex(@"\b(?:as\s+(?:well|good|effective|safe|much)|just\s+as|better|worse|compared?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonAsked();

    [GeneratedRegex(@"\b((?:[\w-]+[\s,]+(?:(?:and|or|&)\s+)?){0,2}[\w-]+)(?:\s+|-(?=allerg)|(?=['’]s\s+(?:doing|done|not|barely|hardly)\b))(?:(?:both|are|is|were|was)\s+)?(?:unsuitable|not\s+(?:suitable|an\s+option|options|tolerated|working|helping)|contraindicated|ruled\s+out|(?<=\b(?:is|are)\s+)out\b(?!\s+of)|allerg(?:ic|y)|(?:did|does|do|has|have)\s*(?:n't|not)\s+(?:work(?:ed)?|help(?:ed)?|suit(?:ed)?)|(?:and\s+)?(?:it|they|that)\s*(?:['’]s|['’]re|is|are)\s+(?:barely|hardly|not|n't)\s+(?:touching|helping|working|doing\s+(?:much|anything))(?:\s+(?:it|them))?|(?:is|are|has|have)\s+(?:doing|done)\s+nothing|['’]s\s+(?:doing|done)\s+nothing|['’]s\s+(?:not|barely|hardly)\s+(?:working|helping|touching\s+it)|does\s+nothing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RuledOutBefore();

    /// <summary>
    /// The medicines the question says are ruled out, not those it asks about: "at what eGFR is metformin
    /// contraindicated?" and "whether apixaban is unsuitable" ask when it is, and the answer names it. An allergy is
    /// told, not asked ("she is penicillin-allergic").
    /// </summary>
    private static IEnumerable<Match> RuledOutBeforeStated(string? question) =>
        RuledOutBefore().Matches(question ?? "").Where(m => !AskedWhetherRuledOut().IsMatch(m.Groups[1].Value)
            || m.Value.Contains("allerg", StringComparison.OrdinalIgnoreCase));

    // The verb or "whether" before the medicine's name: the question form.
    [GeneratedRegex(@"\b(?:is|are|was|were|whether)\s+(?:[\w-]+\s+)?[\w-]+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AskedWhetherRuledOut();

    /// <summary>
    /// The medicines a text names with the way they are given ("an oral antihistamine": antihistamine by mouth), each
    /// as the first five letters of its name and the route.
    /// </summary>
    public static IReadOnlyList<(string Name, string Route)> RoutesNamed(string text) =>
        [.. RoutedName().Matches(text ?? "").Select(m => (Stem(m.Groups["name"].Value), RouteOf(m.Groups["route"].Value))).Distinct()];

    /// <summary>
    /// Whether a sentence names a medicine asked about only as given another way than the question gives it: "an
    /// intranasal antihistamine" does not answer a question about an oral one. A question that offers two ways ("oral
    /// iron or IV iron?") is answered by a sentence on either.
    /// </summary>
    public static bool GivenAnotherWay(IReadOnlyList<(string Name, string Route)> asked, string sentence)
    {
        if (asked.Count == 0)
        {
            return false;
        }
        var given = RoutesNamed(sentence);
        return asked.Any(a => given.Any(g => g.Name == a.Name) && !given.Any(g => g.Name == a.Name && asked.Contains(g)));
    }

    private static string Stem(string word) => word.Length > 5 ? word[..5].ToLowerInvariant() : word.ToLowerInvariant();

    private static string RouteOf(string word) => word.ToLowerInvariant() switch
    {
        "oral" => "mouth",
        "intranasal" or "nasal" => "nose",
        "inhaled" => "lungs",
        "iv" or "intravenous" => "vein",
        "intramuscular" => "muscle",
        "topical" => "skin",
        var w => w,
    };

    [GeneratedRegex(@"\b(?<route>oral|intranasal|nasal|inhaled|topical|intravenous|IV|intramuscular|subcutaneous)\s+(?<name>[a-z][\w-]{3,})", RegexOptions.IgnoreCase)]
    private static partial Regex RoutedName();

    // "What non-drug option ...", "a drug-free way", "leaving medication aside": medicine as such is ruled out.
    [GeneratedRegex(@"\b(?:non-?drug|drug-free|non-?medic(?:ine|ation|al)|medic(?:ine|ation)-free|non-?pharmacological|tablet-free|pill-free)\b|" + MedicineAsideText, RegexOptions.IgnoreCase)]
    private static partial Regex NoMedicine();

    private const string MedicineAsideText = @"\b(?:(?:leaving|setting|putting|leave|set|put)\s+)?(?:the\s+|any\s+|all\s+)?(?:medic(?:ine|ation)s?|pills?|tablets?|drugs?|meds)\s+aside\b";

    [GeneratedRegex(MedicineAsideText, RegexOptions.IgnoreCase)]
    private static partial Regex MedicineAside();

    /// <summary>Content words of what the question rules out ("without going on tablets": "tablets"), first five letters.</summary>
    public static IReadOnlyList<string> ExcludedWords(string question)
    {
        var words = new List<string>();
        var compares = ComparisonAsked().IsMatch(question ?? "");
        foreach (Match m in RuledOut().Matches(question ?? ""))
        {
            // "I'd rather take aspirin than apixaban: would it protect me as well?" weighs the one against the other.
            if (compares && m.Groups["prefer"].Success)
            {
                continue;
            }
            // What a question rules out is a treatment; a condition, symptom or group after "rather than" or
            // "without" describes the case ("a lung infection rather than a chest cold").
            var phrase = m.Groups[1].Value;
            var named = Vocabulary.FindAll(phrase);
            var described = named.Where(t => t.Group.Type is "condition" or "symptom" or "population")
                .SelectMany(t => ContentWords(t.Surface)).ToHashSet(StringComparer.Ordinal);
            // A medicine's name of several words is ruled out whole: "a sleeping pill" rules out the pill, not sleep.
            var longNames = named.Where(t => t.Group.Type is "drug" or "drug-class" && t.TokenCount > 1).ToList();
            var inMedicineNames = longNames.SelectMany(t => ContentWords(t.Surface)).ToHashSet(StringComparer.Ordinal);
            // A medicine named by an abbreviation or a short name ("despite ACEi, CCB") rules out its other names too.
            words.AddRange(WholeNames(named.Where(t => t.Group.IsDrug)));
            var own = ContentWords(phrase).Where(w => w.Length >= 4 && !IsVerbOfTaking(w) && !described.Contains(w) && !inMedicineNames.Contains(w)).ToList();
            // "another QT-prolonging drug" is a kind of medicine, not medicine as such: only what makes it that kind is.
            if (own.Any(MedicineInGeneral.Contains) && own.Any(w => !MedicineInGeneral.Contains(w) && w is not ("anoth" or "diffe")))
            {
                own.RemoveAll(MedicineInGeneral.Contains);
            }
            words.AddRange(own);
            words.AddRange(KinRuledOut(named.Where(t => t.Group.IsDrug)));
        }
        // "Topiramate and propranolol both unsuitable", "Paxlovid not an option", "ibuprofen didn't help", "is doing nothing",
        // "the co-codamol's done nothing" or "taking naproxen and it's barely touching it",
        // "penicillin-allergic": the medicines named before are ruled out (only medicines: "COVID-19, Paxlovid not an
        // option" rules out no condition).
        foreach (Match m in RuledOutBeforeStated(question))
        {
            var medicines = Vocabulary.FindAll(m.Groups[1].Value).Where(t => t.Group.IsDrug).ToList();
            // A name of several words is ruled out whole: "his blue inhaler" is not everything blue.
            words.AddRange(WholeNames(medicines.Where(t => t.TokenCount > 1)));
            words.AddRange(WholeNames(medicines.Where(t => t.TokenCount == 1)).Where(p => p.Length >= 4));
            words.AddRange(medicines.Where(t => t.TokenCount == 1).SelectMany(t => ContentWords(t.Surface)).Where(w => w.Length >= 4));
            words.AddRange(KinRuledOut(medicines));
        }
        if (NoMedicine().IsMatch(question ?? ""))
        {
            words.Add("drugs");
        }
        return [.. words.Distinct(StringComparer.Ordinal)];
    }

    // A medicine's name of several words, with its other names, each matched whole.
    private static IEnumerable<string> WholeNames(IEnumerable<TermMatch> medicines) =>
        medicines.SelectMany(t => t.Group.Phrasings.Prepend(t.Surface)).Select(TextTools.Normalize).Where(p => p.Length >= 3);

    // Ruling out a medicine rules out what is said of its class ("instead of omeprazole": a proton pump inhibitor), and
    // ruling out a class rules out its members (an allergy to the penicillins: amoxicillin too).
    private static IEnumerable<string> KinRuledOut(IEnumerable<TermMatch> medicines) =>
        medicines.SelectMany(t => t.Group.Type == "drug-class"
                ? Vocabulary.MembersOf(t.Group.Name).SelectMany(g => g.Phrasings)
                : Vocabulary.ClassesOf(t.Group.Name).SelectMany(c => c.Phrasings.Prepend(c.Name)))
            .Select(TextTools.Normalize).Where(p => p.Length >= 3);

    /// <summary>
    /// The text without what it rules out when that is medicine as such ("what eases it apart from tablets" and "leaving
    /// medication aside, what eases it" read "what eases it"): it is not the topic. A named medicine or anything else ruled out stays ("instead of
    /// amoxicillin", "without a spleen").
    /// </summary>
    public static string WithoutRuledOutMedicine(string text) =>
        MedicineAside().Replace(RuledOut().Replace(text ?? "", m => ContentWords(m.Groups[1].Value).Any(MedicineInGeneral.Contains) ? " " : m.Value), " ");

    // "without going on", "instead of taking": the verb is not the thing ruled out.
    private static bool IsVerbOfTaking(string w) => w is "going" or "takin" or "using" or "havin" or "getti" or "givin" or "start";

    /// <summary>
    /// What the question proposes in place of what it rules out ("change his diet instead of medicine": "diet"), first
    /// five letters: a sentence that speaks of it ("a laxative, not just diet changes") weighs the proposal itself.
    /// </summary>
    /// <remarks>
    /// Only a thing named: a medicine proposed is weighed as an alternative already (<see cref="ExcludedNamed"/>), a
    /// condition ("for my heartburn instead of") is what both are for, and
    /// "which choice instead of", "first instead of", "per NICE in place of" name none.
    /// </remarks>
    public static IReadOnlyList<string> ProposedWords(string question) =>
        [.. ProposedInstead().Matches(question ?? "").Select(m => m.Groups["proposal"].Value)
            .Where(w => w.Any(char.IsLower) && !ConsumerAnswerMatcher.IsGenericName(w) && !WhichOneWords.Contains(w.ToLowerInvariant())
                && !Vocabulary.FindAll(w).Any(t => t.Group.IsDrug || t.Group.IsCondition))
            .SelectMany(ContentWords).Where(w => w.Length >= 4 && !MedicineInGeneral.Contains(w)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The medicines the question names that it does not rule out, when it rules one out: "why co-amoxiclav instead of
    /// plain amoxicillin?" proposes co-amoxiclav, and a sentence on co-amoxiclav speaks to it even if it names the
    /// amoxicillin inside it.
    /// </summary>
    public static IReadOnlySet<string> ProposedMedicines(string question)
    {
        var ruledOut = RuledOut().Matches(question ?? "").SelectMany(m => Vocabulary.FindAll(m.Groups[1].Value))
            .Concat(RuledOutBeforeStated(question).SelectMany(m => Vocabulary.FindAll(m.Groups[1].Value)))
            .Where(t => t.Group.IsDrug).Select(t => t.Group.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (ruledOut.Count == 0)
        {
            return new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }
        return Vocabulary.FindAll(question ?? "").Where(t => t.Group.Type == "drug" && !ruledOut.Contains(t.Group.Name)
                && !Vocabulary.ClassesOf(t.Group.Name).Any(c => ruledOut.Contains(c.Name)))
            .Select(t => t.Group.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> WhichOneWords = new(["choice", "choices", "first", "alternative", "alternatives", "one", "dosing", "dose", "dosage"], StringComparer.Ordinal);

    [GeneratedRegex(@"(?<proposal>[\w-]+)\s+(?:instead\s+of|rather\s+than|in\s+place\s+of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProposedInstead();

    /// <summary>
    /// 1 when the sentence names what the question rules out: the word itself, or, when the question rules out
    /// medicine in general ("without tablets", "apart from pills"), any medicine the vocabulary knows.
    /// </summary>
    /// <remarks>
    /// <paramref name="asked"/> names the medicines the question itself is about: a sentence naming them names no
    /// other medicine ("vitamin D supplements" asked where to get vitamin D apart from supplements; "if neither
    /// topiramate nor propranolol suits" asked for a non-drug option after both).
    /// </remarks>
    public static double ExcludedNamed(IReadOnlyList<string> excluded, string sentence, IReadOnlyCollection<string>? asked = null, IReadOnlyList<string>? proposed = null, IReadOnlySet<string>? proposedMedicines = null)
    {
        if (excluded.Count == 0)
        {
            return 0;
        }
        if (proposed is { Count: > 0 } && TextTools.Normalize(sentence) is var words && proposed.Any(w => TextTools.ContainsWordStart(words, w)))
        {
            return 0;
        }
        if (proposedMedicines is { Count: > 0 } && Vocabulary.FindAll(sentence).Any(m => proposedMedicines.Contains(m.Group.Name)))
        {
            return 0;
        }
        // A sentence that rules the same thing out ("without nerve involvement: ...") speaks to the same case, as does one
        // that says what to do when it fails ("call an ambulance if the reliever does not help").
        var normalized = TextTools.Normalize(WhenItFails().Replace(RuledOut().Replace(sentence, " "), " "));
        var named = excluded.Any(w => TextTools.ContainsWordStart(normalized, w));
        bool NotAsked(TermMatch m) => asked is null || !asked.Contains(m.Group.Name);
        if (excluded.Any(MedicineInGeneral.Contains))
        {
            return named || Vocabulary.FindAll(sentence).Any(m => m.Group.Type is "drug" or "drug-class" && NotAsked(m)) ? 1 : 0;
        }
        if (!named)
        {
            return 0;
        }
        // "amoxicillin, or doxycycline" names the thing ruled out beside an alternative to it, which answers. Examples
        // of what is ruled out ("an antibiotic such as cephalexin") are more of it, not alternatives to it.
        // Nor are other members of a class ruled out with it when the sentence speaks of that class ("naproxen, diclofenac
        // and other NSAIDs" after "apart from naproxen"); "amoxicillin, or doxycycline" names an alternative.
        // Examples of something else ("medicines such as nicotine replacement, varenicline or bupropion" after "isn't a
        // nicotine product") are alternatives still.
        var alternatives = Vocabulary.FindAll(Examples().Replace(sentence, m => ExemplifiesRuledOut(excluded, sentence, m.Index) ? " " : m.Value))
            .Where(m => m.Group.IsDrug && NotAsked(m)).ToList();
        bool IsRuledOut(TermMatch m) => excluded.Any(w => TextTools.ContainsWordStart(TextTools.Normalize(m.Surface), w))
            || Vocabulary.ClassesOf(m.Group.Name).Any(c => alternatives.Any(a => a.Group.Name == c.Name)
                && c.Phrasings.Prepend(c.Name).Any(p => excluded.Contains(TextTools.Normalize(p))));
        return !alternatives.Any(m => !IsRuledOut(m)) ? 1 : 0;
    }

    [GeneratedRegex(@"\b(?:if|when|where|once)\s+(?:[\w-]+\s+){0,4}?(?:does\s+not|doesn['’]t|do\s+not|don['’]t|did\s+not|didn['’]t|is\s+not|isn['’]t|are\s+not|aren['’]t|has\s+not|hasn['’]t|have\s+not|haven['’]t)\s+(?:help|helping|helped|work|working|worked|eased?|easing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhenItFails();

    /// <summary>Whether the sentence names a condition the vocabulary knows that is none of the question's.</summary>
    public static bool NamesAnotherCondition(IReadOnlyList<Term> conditions, string sentence, bool broaderSpeaksOfKind = false)
    {
        var matches = Vocabulary.FindAll(sentence);
        if (matches.Count == 0)
        {
            return false;
        }
        var tokens = Vocabulary.TokensKeepCase(sentence);
        return matches.Any(m => m.Group.Type == "condition"
            && !NamesAMedicinesUse(tokens, matches, m.Token + m.TokenCount)
            && !conditions.Any(c => string.Equals(c.Name, m.Group.Name, StringComparison.OrdinalIgnoreCase)
                || c.Phrasings.Any(p => string.Equals(p, m.Surface, StringComparison.OrdinalIgnoreCase))
                // "IBS with diarrhea" is a kind of IBS: what a sentence says of IBS holds for it (where whether anything
                // is said at all is asked; the ranking still prefers a sentence on the kind itself).
                || (broaderSpeaksOfKind && IsKindOf(c, m.Group))));
    }

    // A kind is named by its broader condition's name and more ("IBS with diarrhea" is a kind of IBS).
    private static bool IsKindOf(Term asked, TermGroup broader) =>
        TextTools.Normalize(asked.Name) is var name
        && broader.Phrasings.Any(p => TextTools.Normalize(p) is { Length: > 0 } phrasing && phrasing.Length < name.Length && TextTools.ContainsPhrase(name, phrasing));

    // "Cold and allergy medicines", "hay fever tablets": a condition named before the word for a medicine says what the
    // medicine is sold for; the sentence speaks of the medicine, not of that condition.
    private static bool NamesAMedicinesUse(IReadOnlyList<string> tokens, IReadOnlyList<TermMatch> matches, int after)
    {
        var next = after;
        if (next < tokens.Count && tokens[next].Equals("and", StringComparison.OrdinalIgnoreCase)
            && matches.FirstOrDefault(m => m.Token == next + 1 && m.Group.Type == "condition") is { } joined)
        {
            next = joined.Token + joined.TokenCount;
        }
        return next < tokens.Count && MedicineWords.Contains(tokens[next]);
    }

    private static readonly HashSet<string> MedicineWords = new(
        ["medicine", "medicines", "remedy", "remedies", "tablets", "pills", "drugs", "products", "sprays", "syrups"],
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?:such as|for example|e\.g\.|including)\s+[^.;:()]*", RegexOptions.IgnoreCase)]
    private static partial Regex Examples();

    /// <summary>Whether the words just before a list of examples ("an antibiotic such as ...") name what is ruled out.</summary>
    private static bool ExemplifiesRuledOut(IReadOnlyList<string> excluded, string sentence, int examplesAt)
    {
        var head = TextTools.Tokens(TextTools.Normalize(sentence[..examplesAt])).TakeLast(3);
        return head.Any(w => excluded.Any(e => w.StartsWith(e, StringComparison.Ordinal)));
    }

    // Words for medicine as such, by their first five letters as ExcludedWords keeps them.
    private static readonly HashSet<string> MedicineInGeneral = new(["medic", "table", "pills", "pill", "drug", "drugs", "meds", "paink", "presc"], StringComparer.Ordinal);

    // ------------------------------------------------------------------ fitting

    /// <summary>
    /// How strongly the fit is held to its start (L2 per weight). Chosen with <see cref="KeepingRounds"/> and <see cref="KeepingFactor"/> by 5-fold
    /// cross-validation on all the everyday questions (the labelled files in eval/; eval/README.md), among the settings that keep every
    /// starter check passing (<c>--explore</c> prints the table; EVALUATION.md).
    /// </summary>
    public const double Regularization = 0.003;

    /// <summary>Newton steps at most; the fit stops sooner once a step moves no weight by more than <see cref="Converged"/>.</summary>
    private const int MaxSteps = 100;

    private const double Converged = 1e-9;

    /// <summary>
    /// Fits the weights so that, on each question, the candidates that state the facts asked for take the most of a
    /// softmax over its candidates: cross-entropy against the share of the required facts each candidate states
    /// (questions where no candidate states any are left out), each question weighing the same, held to the start
    /// by an L2 penalty. The loss is convex and, with the penalty, strictly so: it has one minimum, found by Newton's
    /// method with a backtracking line search and run to convergence, so the table does not depend on where or how
    /// long the search went, and a small change in the signals moves the weights a little, not to another table.
    /// </summary>
    public static BottomLineRanking Fit(IReadOnlyList<BottomLineQuestion> questions, BottomLineRanking start, double regularization)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(regularization);
        var usable = questions.Where(q => q.Candidates.Count > 1 && q.Gains.Sum() > 0 && q.Gains.Distinct().Count() > 1).ToList();
        var w = start._weights.ToArray();
        if (usable.Count == 0)
        {
            return new BottomLineRanking(w) { SecondSentence = start.SecondSentence };
        }
        var loss = new FitLoss(usable, start._weights, regularization);
        var current = loss.Value(w, gradient: null, hessian: null);
        var n = w.Length;
        for (var step = 0; step < MaxSteps; step++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            loss.Value(w, gradient, hessian);
            var direction = SolvePositiveDefinite(hessian, gradient);
            var slope = 0.0;
            for (var k = 0; k < n; k++) slope += gradient[k] * direction[k];
            // Halve the step until the loss falls enough (Armijo); a full Newton step is taken near the minimum.
            var t = 1.0;
            double[] next;
            double value;
            while (true)
            {
                next = [.. w.Select((x, k) => x - t * direction[k])];
                value = loss.Value(next, gradient: null, hessian: null);
                if (value <= current - 1e-4 * t * slope || t < 1e-8) break;
                t /= 2;
            }
            var moved = w.Select((x, k) => Math.Abs(x - next[k])).Max();
            w = next;
            current = value;
            if (moved < Converged) break;
        }
        return new BottomLineRanking([.. w.Select(x => Math.Round(x, 3))]) { SecondSentence = start.SecondSentence };
    }

    /// <summary>The fit's loss, and its gradient and Hessian when asked for.</summary>
    private sealed class FitLoss(List<BottomLineQuestion> questions, IReadOnlyList<double> start, double regularization)
    {
        private readonly double totalWeight = questions.Sum(q => q.Weight);
        private readonly double[] scores = new double[questions.Max(q => q.Candidates.Count)];

        public double Value(double[] w, double[]? gradient, double[,]? hessian)
        {
            var n = w.Length;
            var value = 0.0;
            var mean = new double[n];
            foreach (var q in questions)
            {
                var share = q.Weight / totalWeight;
                var gainSum = q.Gains.Sum();
                var max = double.NegativeInfinity;
                for (var i = 0; i < q.Candidates.Count; i++)
                {
                    var s = 0.0;
                    var f = q.Candidates[i].Features;
                    for (var k = 0; k < n; k++) s += w[k] * f[k];
                    scores[i] = s;
                    max = Math.Max(max, s);
                }
                var z = 0.0;
                for (var i = 0; i < q.Candidates.Count; i++) z += Math.Exp(scores[i] - max);
                var logZ = max + Math.Log(z);
                Array.Clear(mean);
                for (var i = 0; i < q.Candidates.Count; i++)
                {
                    var target = q.Gains[i] / gainSum;
                    var p = Math.Exp(scores[i] - logZ);
                    // -sum t_i log p_i; its gradient is sum (p_i - t_i) f_i.
                    value -= share * target * (scores[i] - logZ);
                    if (gradient is null) continue;
                    var f = q.Candidates[i].Features;
                    for (var k = 0; k < n; k++)
                    {
                        gradient[k] += share * (p - target) * f[k];
                        mean[k] += p * f[k];
                    }
                    if (hessian is null) continue;
                    // The Hessian is the covariance of the signals under the softmax: sum p_i f_i f_i' - mean mean'.
                    for (var a = 0; a < n; a++)
                    {
                        if (f[a] == 0) continue;
                        for (var b = 0; b < n; b++) hessian[a, b] += share * p * f[a] * f[b];
                    }
                }
                if (hessian is null) continue;
                for (var a = 0; a < n; a++)
                {
                    if (mean[a] == 0) continue;
                    for (var b = 0; b < n; b++) hessian[a, b] -= share * mean[a] * mean[b];
                }
            }
            for (var k = 0; k < n; k++)
            {
                var d = w[k] - start[k];
                value += regularization * d * d;
                if (gradient is not null) gradient[k] += 2 * regularization * d;
                if (hessian is not null) hessian[k, k] += 2 * regularization;
            }
            return value;
        }
    }

    /// <summary>Solves H x = g for a symmetric positive definite H by its Cholesky factor.</summary>
    private static double[] SolvePositiveDefinite(double[,] h, double[] g)
    {
        var n = g.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = g[i];
            for (var k = 0; k < i; k++) sum -= l[i, k] * y[k];
            y[i] = sum / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++) sum -= l[k, i] * x[k];
            x[i] = sum / l[i, i];
        }
        return x;
    }

    /// <summary>
    /// Fits, then, while checks that must pass fail, counts those checks <paramref name="factor"/> times as much and fits again (at most
    /// <see cref="KeepingRounds"/> times): the questions the engine already answers right are a constraint on what the
    /// fit may trade away, not just more data. Returns the last fit, which may still fail a check no weighting keeps.
    /// </summary>
    public static BottomLineRanking FitKeeping(IReadOnlyList<BottomLineQuestion> questions, BottomLineRanking start, double regularization = Regularization, int rounds = KeepingRounds, double factor = KeepingFactor)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var weighted = questions.ToList();
        var fitted = Fit(weighted, start, regularization);
        for (var round = 0; round < rounds; round++)
        {
            var failing = Enumerable.Range(0, weighted.Count).Where(i => weighted[i].MustPass && !weighted[i].Passes(weighted[i].ChosenBy(fitted))).ToList();
            if (failing.Count == 0)
            {
                break;
            }
            foreach (var i in failing)
            {
                weighted[i] = weighted[i] with { Weight = weighted[i].Weight * factor };
            }
            fitted = Fit(weighted, start, regularization);
        }
        return fitted;
    }

    /// <summary>
    /// How many times failing checks are counted more and the fit repeated. Each round trades everyday questions for
    /// checks: ten rounds that each double a failing check's count keep every check at the best cross-validated figure
    /// among the settings that do. Quadrupling it each round keeps them too but pulls the whole fit toward the few
    /// checks that fail (about 6 points fewer); no rounds fail 12 checks and gain about 7 points (EVALUATION.md).
    /// </summary>
    public const int KeepingRounds = 10;

    /// <summary>How many times more a failing check counts after each round (see <see cref="KeepingRounds"/>).</summary>
    public const double KeepingFactor = 2;

    /// <summary>How many questions pass with this ranking (each question says whether a choice of candidates passes).</summary>
    public int Passed(IReadOnlyList<BottomLineQuestion> questions) => questions.Count(q => q.Passes(q.ChosenBy(this)));

    /// <summary>
    /// The share of <paramref name="scored"/> questions passing with rankings fitted on the other folds (question i in
    /// fold i mod k): the figure to report for a fitted ranking. <paramref name="training"/> questions (other checks)
    /// join every training part and are never scored.
    /// </summary>
    public static double CrossValidate(IReadOnlyList<BottomLineQuestion> scored, IReadOnlyList<BottomLineQuestion> training, BottomLineRanking start, int folds, double regularization = Regularization, int rounds = KeepingRounds, double factor = KeepingFactor)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var passed = 0;
        for (var f = 0; f < folds; f++)
        {
            var train = scored.Where((_, i) => i % folds != f).Concat(training).ToList();
            passed += FitKeeping(train, start, regularization, rounds, factor).Passed([.. scored.Where((_, i) => i % folds == f)]);
        }
        return scored.Count == 0 ? 0 : (double)passed / scored.Count;
    }

    // ------------------------------------------------------------------ the table

    public string Format(string header) => SignalWeights.Format(FeatureNames, _weights, header);

    public static BottomLineRanking Parse(IEnumerable<string> lines, string file) => new(SignalWeights.Parse(lines, file, FeatureNames));

    private static int Index(string name)
    {
        for (var i = 0; i < FeatureNames.Count; i++)
        {
            if (FeatureNames[i] == name)
            {
                return i;
            }
        }
        throw new ArgumentException(name);
    }
}

/// <summary>
/// A labelled question for fitting the bottom line: its candidates, how much of what must be stated each states
/// alone (0..1, 0 when it also states something wrong), and whether a choice of candidates passes the question.
/// </summary>
/// <param name="Weight">How much the question counts in the fit relative to the others.</param>
/// <param name="MustPass">A check the fitted ranking has to keep passing (see <see cref="BottomLineRanking.FitKeeping"/>).</param>
/// <param name="TwoThings">The question asks two things (<see cref="BottomLineRanking.AsksTwoThings"/>).</param>
public sealed record BottomLineQuestion(IReadOnlyList<BottomLineCandidate> Candidates, IReadOnlyList<double> Gains, Func<IReadOnlyList<int>, bool> Passes, double Weight = 1, bool MustPass = false, bool TwoThings = false)
{
    /// <summary>The candidates a ranking states for this question.</summary>
    public IReadOnlyList<int> ChosenBy(BottomLineRanking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        return ranking.Choose(Candidates, TwoThings);
    }
}

/// <summary>How an answer's bottom line is chosen: the ranking, and closeness in meaning where the library has embeddings.</summary>
/// <param name="StoredSimilarity">Closeness from stored sentence vectors only, NaN for a sentence without one.</param>
public sealed record BottomLineChoice(
    BottomLineRanking Ranking,
    Func<string, IReadOnlyList<string>, IReadOnlyList<double>>? Similarity,
    Func<string, IReadOnlyList<string>, IReadOnlyList<double>>? StoredSimilarity = null);

/// <summary>
/// The sentences a bottom line is chosen from, the amount the question asks for, and the note said first when the
/// library holds no such amount and the chosen sentences give none.
/// </summary>
public sealed record BottomLineExplanation(IReadOnlyList<BottomLineCandidate> Candidates, AmountKind Amount, string? LackingNote)
{
    /// <summary>Whether a bottom line gives the amount asked, as the article judges it (by default: any figure of the kind).</summary>
    public Func<string, bool>? AnswersAmount { get; init; }

    /// <summary>The question asks two things (<see cref="BottomLineRanking.AsksTwoThings"/>).</summary>
    public bool TwoThings { get; init; }

    /// <summary>The bottom line's text for a choice of candidates, as the article would write it.</summary>
    public string Text(IReadOnlyList<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var joined = string.Join(' ', chosen.Select(i => Candidates[i].Text));
        var answers = AnswersAmount ?? (text => AmountAsked.States(Amount, text));
        return LackingNote is not null && !answers(joined) ? LackingNote + " " + joined : joined;
    }
}
