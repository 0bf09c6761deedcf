using System.Text;
using System.Text.RegularExpressions;

namespace Galen.Core.Grading;

/// <summary>The stance of one sentence toward a yes/no question.</summary>
public readonly record struct SentenceStance(double Score, bool Hedged, bool Inconclusive, bool Mixed);

/// <summary>
/// Reads whether a sentence supports, goes against or leaves open what a question asks, with negation
/// ("did not", "no significant"), hedging ("may", "further studies are needed") and the question's focus
/// (for a safety question "no increase in complications" supports; for a benefit question "no difference" goes against).
/// </summary>
public static class StanceDetector
{
    // Sentences are lower-cased once, so the cues need no case-insensitive matching (which doubles the work).
    private const RegexOptions Opts = RegexOptions.CultureInvariant;

    // The cue words and phrases (Lexicon/stance.txt); the patterns below put them together.
    private static readonly LexiconFile Lists = LexiconFile.Load("stance.txt");

    // ---- Open questions: the authors say the evidence does not settle it.
    private static readonly Regex OpenCue = Lists.Regex(@"\b{open}\b", Opts);

    private static readonly Regex FurtherStudyCue = Lists.Regex(@"\b{further-study}\b", Opts);

    // ---- Findings that go against (the effect, association or benefit is absent).
    private static readonly Regex NegatedVerbCue = Lists.Regex(@"\b{negated-auxiliary}\s+(?:\w+\s+){0,3}?{negated-predicate}\b", Opts);

    private static readonly Regex NotAdjectiveCue = Lists.Regex(@"\bnot\s+(?:\w+\s+){0,2}?{not-adjective}\b", Opts);

    private static readonly Regex NoEffectCue = Lists.Regex(@"\b{no-word}\s+(?:\w+[-\s]){0,3}?{no-effect}\b", Opts);

    private static readonly Regex AgainstCue = Lists.Regex(@"\b{against}\b", Opts);

    private static readonly Regex NoDifferenceCue = Lists.Regex(@"\b{no-difference}\b", Opts);

    private static readonly Regex StrictNoDifferenceCue = Lists.Regex(@"\b{strict-no-difference}\b", Opts);

    private static readonly Regex DifferenceCue = Lists.Regex(@"\b{difference}\b", Opts);

    private static readonly Regex DeficiencyCue = Lists.Regex(@"\b{deficiency}\b", Opts);

    private static readonly Regex DoubleNegativeCue = Lists.Regex(@"\bnot\s+(?:be\s+)?(?:an?\s+)?(?:\w+\s+)?{double-negative}\b", Opts);

    private static readonly Regex HarmConfirmedCue = Lists.Regex(@"\b{harm-confirmed}\b", Opts);

    // ---- Findings that support (an effect, an association, a benefit, a recommendation).
    private static readonly Regex PositiveCue = Lists.Regex(@"\b{positive}\b", Opts);

    private static readonly Regex HedgeCue = Lists.Regex(@"\b{hedge}\b", Opts);

    private static readonly Regex ContrastCue = Lists.Regex(@"\b{contrast}\b", Opts);

    private static readonly Regex NegationAnchor = Lists.Regex(@"\b{negation-anchor}\b|n't\b", Opts);

    private static readonly Regex ClauseBreak = Lists.Regex(@"[,;:]|\b{clause-break}\b", Opts);

    /// <summary>A negation inside a relative clause ("patients who did not receive X") describes a group, not a finding.</summary>
    private static readonly Regex RelativeClauseBefore = Lists.Regex(@"\b{group-word}\s+(?:\w+\s+)?$|\bwhether\s+or\s+$", Opts);

    // ---- Focus-specific cues.
    private static readonly Regex SafeCue = Lists.Regex(@"\b{safe}\b", Opts);

    private static readonly Regex UnsafeCue = Lists.Regex(@"\b{unsafe}\b", Opts);

    private static readonly Regex NotNeededCue = Lists.Regex(@"\b{not-needed}\b", Opts);

    private static readonly Regex NeededCue = Lists.Regex(@"\b{needed}\b", Opts);

    // ---- Stance toward one named target (a guideline or patient page that speaks about several treatments).
    // A negating governor that reaches the target: "advises against A, B and X", "not use A or X", "without X", "faster than X".
    private static readonly Regex TargetNegator = Lists.Regex(@"\b{target-negator}\b", Opts);

    // Words that start a new predicate between a governor and the target: the governor no longer reaches it.
    private static readonly Regex TargetReset = Lists.Regex(@"\b{target-reset}\b|[;:.]", Opts);

    // A positive governor right before the target: "recommends X", "offer X", "X is recommended" is handled after.
    private static readonly Regex TargetPositiveBefore = Lists.Regex(@"\b{target-positive}\s+(?:[\w,()]+[-\s]){0,5}$", Opts);

    // A negated predicate after the target: "X is not recommended", "X does not help", "X cannot give you flu".
    private static readonly Regex TargetNegatedAfter = Lists.Regex(@"^[^;:.]{0,60}?\b{target-negated-after}\b", Opts);

    /// <summary>
    /// The sign of what a sentence says about one target named in it: -1 when a negation reaches the target
    /// ("advises against X", "X is not recommended", "get better without X", "faster than X"), +1 when a
    /// recommendation governs it directly ("recommends X"), 0 when the sentence does not say (use the sentence's stance).
    /// </summary>
    /// <param name="lowerSentence">The sentence, lower-cased.</param>
    /// <param name="targets">Lower-cased names of the target.</param>
    /// <param name="afterOnly">Only a negated predicate after the target counts (harm questions: "X should not be used" is not "X does no harm").</param>
    public static int TargetSign(string lowerSentence, IEnumerable<string> targets, bool afterOnly = false)
    {
        var at = -1;
        var len = 0;
        foreach (var t in targets)
        {
            if (t.Length < 2)
            {
                continue;
            }
            var i = FindWord(lowerSentence, t);
            if (i >= 0 && (at < 0 || i < at))
            {
                at = i;
                len = t.Length;
            }
        }
        if (at < 0)
        {
            return 0;
        }
        var afterText = lowerSentence[(at + len)..];
        if (TargetNegatedAfter.IsMatch(afterText))
        {
            return -1;
        }
        if (afterOnly)
        {
            return 0;
        }
        var from = Math.Max(0, at - 140);
        var before = lowerSentence[from..at];
        Match? last = null;
        foreach (Match m in TargetNegator.Matches(before))
        {
            last = m;
        }
        if (last is not null)
        {
            var between = before[(last.Index + last.Length)..];
            if (!TargetReset.IsMatch(between))
            {
                return -1;
            }
        }
        if (TargetPositiveBefore.IsMatch(before))
        {
            return 1;
        }
        // "NICE recommends a stepped approach ..., then X ..., and advises against Y": a recommendation earlier in the
        // sentence reaches X when nothing starts a new predicate in between; the "against" later is about Y.
        var governor = RecommendVerb.Matches(before);
        if (governor.Count > 0)
        {
            var verb = governor[^1];
            var reach = before[(verb.Index + verb.Length)..];
            if (!TargetReset.IsMatch(reach) && !TargetNegator.IsMatch(reach))
            {
                return 1;
            }
        }
        return 0;
    }

    private static readonly Regex RecommendVerb = Lists.Regex(@"\b{recommend-verb}\b", Opts);

    private static int FindWord(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        while (i >= 0)
        {
            var okBefore = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + word.Length;
            var okAfter = end >= text.Length || !char.IsLetterOrDigit(text[end]) || (text[end] == 's' && (end + 1 >= text.Length || !char.IsLetterOrDigit(text[end + 1])));
            if (okBefore && okAfter)
            {
                return i;
            }
            i = text.IndexOf(word, i + 1, StringComparison.Ordinal);
        }
        return -1;
    }

    // A benefit too small to matter reads as "no": "at most a small benefit", "a trivial effect".
    private static readonly Regex MarginalCue = Lists.Regex(@"\b{marginal}\b", Opts);

    /// <summary>The stance of one sentence toward a question of the given focus.</summary>
    public static SentenceStance Classify(string sentence, QuestionFocus focus) => Classify(sentence, focus, null, null);

    /// <summary>
    /// As <see cref="Classify(string, QuestionFocus)"/>; when a sentence says two things ("X is not associated with A
    /// but is associated with B"), the clause that names the question's <paramref name="keywords"/> decides.
    /// </summary>
    public static SentenceStance Classify(string sentence, QuestionFocus focus, IReadOnlyList<string>? keywords) => Classify(sentence, focus, keywords, null);

    /// <summary>As <see cref="Classify(string, QuestionFocus, IReadOnlyList{string})"/>, recording which cues fired (for tuning).</summary>
    internal static SentenceStance Classify(string sentence, QuestionFocus focus, IReadOnlyList<string>? keywords, List<string>? trace)
    {
        if (sentence.Length == 0)
        {
            return default;
        }
        var text = (sentence.Length > 1200 ? sentence[..1200] : sentence).ToLowerInvariant();
        var work = new StringBuilder(text);
        var open = OpenCue.IsMatch(text) || FurtherStudyCue.IsMatch(text);
        var hits = new List<(int Index, double Sign)>();
        var scan = new CueScan(work, hits, trace);

        switch (focus)
        {
            case QuestionFocus.Safety:
                scan.Blank(NotNeededCue, +1);
                scan.Blank(SafeCue, +1);
                scan.Blank(UnsafeCue, -1);
                scan.Blank(NoDifferenceCue, +1);
                break;
            case QuestionFocus.Equivalence:
                scan.Blank(NoDifferenceCue, +1);
                scan.Blank(DifferenceCue, -1);
                break;
            case QuestionFocus.Necessity:
                scan.Blank(NotNeededCue, -1);
                scan.Blank(NoDifferenceCue, -1);
                scan.Blank(NeededCue, +1);
                break;
            case QuestionFocus.Harm:
                scan.Blank(HarmConfirmedCue, +1);
                scan.Blank(SafeCue, -1);
                scan.Blank(StrictNoDifferenceCue, -1);
                scan.Blank(DeficiencyCue, +1);
                break;
            default:
                scan.Blank(StrictNoDifferenceCue, -1);
                scan.Blank(MarginalCue, -1);
                break;
        }
        var lower = text;
        var hasNot = lower.Contains("not", StringComparison.Ordinal) || lower.Contains("n't", StringComparison.Ordinal);
        var hasNo = hasNot || lower.Contains("no", StringComparison.Ordinal) || lower.Contains("neither", StringComparison.Ordinal)
            || lower.Contains("without", StringComparison.Ordinal) || lower.Contains("unable", StringComparison.Ordinal)
            || lower.Contains("fail", StringComparison.Ordinal) || lower.Contains("insufficient", StringComparison.Ordinal)
            || lower.Contains("inadequate", StringComparison.Ordinal);
        if (hasNot)
        {
            scan.Blank(DoubleNegativeCue, +1);
        }
        // "not only ... but also" is emphasis, not negation; "X rather than Y" is a preference, not a negation.
        var emphasis = hasNot && lower.Contains("not only", StringComparison.Ordinal);
        scan.BlankScope(AgainstCue);
        if (hasNot)
        {
            scan.BlankScope(NegatedVerbCue);
            scan.BlankScope(NotAdjectiveCue);
        }
        if (hasNo)
        {
            scan.BlankScope(NoEffectCue);
        }
        if (focus != QuestionFocus.Harm)
        {
            scan.Blank(DeficiencyCue, -1);
        }
        // Any other negation left ("none of the markers were validated", "cannot be relied upon") still negates its clause.
        if (hasNo)
        {
            scan.BlankScope(NegationAnchor, -0.75);
        }
        var rest = work.ToString();
        var positive = PositiveCue.Match(rest);
        for (var p = 0; p < 2 && positive.Success; p++)
        {
            hits.Add((positive.Index, 0.5));
            positive = positive.NextMatch();
        }
        if (emphasis)
        {
            hits.Add((0, 1));
        }

        var pos = hits.Where(h => h.Sign > 0).Sum(h => h.Sign);
        var neg = -hits.Where(h => h.Sign < 0).Sum(h => h.Sign);
        var hedged = HedgeCue.IsMatch(text);
        var contrast = LastContrast(text);
        var mixed = pos > 0 && neg > 0 && contrast >= 0;

        double score;
        if (neg > 0 && pos == 0)
        {
            score = -1;
        }
        else if (pos > 0 && neg == 0)
        {
            score = 1;
        }
        else if (pos > 0 && neg > 0)
        {
            var focused = ClauseOnTopic(text, hits, keywords);
            if (focused != 0)
            {
                // The clause about what the question asks decides.
                score = focused > 0 ? 0.6 : -0.6;
            }
            else if (mixed)
            {
                // "X was associated with A, but not with B": the clause after the contrast carries the conclusion.
                var after = hits.Where(h => h.Index > contrast).Sum(h => h.Sign);
                score = after > 0 ? 0.5 : after < 0 ? -0.5 : (pos - neg) / (pos + neg);
            }
            else
            {
                // Without a contrast, the negation usually carries the finding.
                score = -neg / (neg + (0.4 * pos));
            }
            score = Math.Clamp(score, -1, 1);
        }
        else
        {
            score = 0;
        }
        if (open)
        {
            score *= 0.3;
        }
        else if (hedged)
        {
            score *= 0.7;
        }
        trace?.Add($"pos={pos} neg={neg} open={open} hedged={hedged} mixed={mixed} rest=[{rest.Trim()}]");
        return new SentenceStance(score, hedged, open, mixed);
    }

    /// <summary>
    /// The net sign of the cues in the one clause that names the most question keywords, or 0 when no clause
    /// stands out (ties, no keywords, a single clause).
    /// </summary>
    private static double ClauseOnTopic(string text, List<(int Index, double Sign)> hits, IReadOnlyList<string>? keywords)
    {
        if (keywords is null || keywords.Count == 0)
        {
            return 0;
        }
        var bounds = new List<int> { 0 };
        foreach (Match m in ClauseBreak.Matches(text))
        {
            bounds.Add(m.Index);
        }
        bounds.Add(text.Length);
        if (bounds.Count <= 2)
        {
            return 0;
        }
        var best = -1;
        var bestCount = 0;
        var tie = false;
        for (var c = 0; c < bounds.Count - 1; c++)
        {
            var clause = text[bounds[c]..bounds[c + 1]].ToLowerInvariant();
            var count = 0;
            foreach (var k in keywords)
            {
                var stem = k.Length > 6 ? k[..6] : k;
                if (stem.Length >= 3 && clause.Contains(stem, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            if (count > bestCount)
            {
                best = c;
                bestCount = count;
                tie = false;
            }
            else if (count == bestCount && count > 0)
            {
                tie = true;
            }
        }
        if (best < 0 || tie)
        {
            return 0;
        }
        var sum = 0.0;
        foreach (var (index, sign) in hits)
        {
            if (index >= bounds[best] && index < bounds[best + 1])
            {
                sum += sign;
            }
        }
        return sum;
    }

    private static int LastContrast(string text)
    {
        var last = -1;
        foreach (Match m in ContrastCue.Matches(text))
        {
            last = m.Index;
            // "Although X, Y": the main clause starts after the comma.
            if (m.Index <= 16 && m.Value is "although" or "though" or "while" or "whereas")
            {
                var comma = text.IndexOf(',', m.Index);
                if (comma > 0)
                {
                    last = comma;
                }
            }
        }
        return last;
    }

    /// <summary>Every cue pattern by name (diagnostics and performance tests).</summary>
    internal static IReadOnlyList<(string Name, Regex Pattern)> Cues =>
    [
        ("open", OpenCue), ("further", FurtherStudyCue), ("negverb", NegatedVerbCue), ("notadj", NotAdjectiveCue),
        ("noeffect", NoEffectCue), ("against", AgainstCue), ("nodiff", NoDifferenceCue), ("strictnodiff", StrictNoDifferenceCue),
        ("difference", DifferenceCue), ("deficiency", DeficiencyCue), ("doubleneg", DoubleNegativeCue), ("harmconfirmed", HarmConfirmedCue),
        ("positive", PositiveCue), ("hedge", HedgeCue), ("contrast", ContrastCue), ("anchor", NegationAnchor),
        ("clause", ClauseBreak), ("safe", SafeCue), ("unsafe", UnsafeCue), ("notneeded", NotNeededCue), ("needed", NeededCue),
    ];

    /// <summary>The text being read, the cues found in it so far, and optionally a trace of them (for tuning).</summary>
    private sealed class CueScan(StringBuilder work, List<(int Index, double Sign)> hits, List<string>? trace)
    {
        /// <summary>
        /// Records each match of a negating cue and blanks it with the rest of its clause: words in the scope of a
        /// negation ("did not have a favourable impact") must not count as a positive finding.
        /// </summary>
        public void BlankScope(Regex cue, double sign = -1)
        {
            var s = work.ToString();
            var count = 0;
            foreach (Match m in cue.Matches(s))
            {
                if (string.IsNullOrWhiteSpace(m.Value))
                {
                    continue;
                }
                if (m.Index > 0)
                {
                    var from = Math.Max(0, m.Index - 40);
                    if (RelativeClauseBefore.IsMatch(s.AsSpan(from, m.Index - from)))
                    {
                        continue;
                    }
                }
                if (count++ < 2)
                {
                    hits.Add((m.Index, sign));
                }
                trace?.Add("scope " + m.Value);
                var end = m.Index + m.Length;
                var brk = ClauseBreak.Match(s, end);
                var stop = brk.Success ? brk.Index : s.Length;
                stop = Math.Min(stop, end + 80);
                for (var i = m.Index; i < stop; i++)
                {
                    work[i] = ' ';
                }
            }
        }

        /// <summary>Records each match of a cue and blanks it so later cues do not count the same words.</summary>
        public void Blank(Regex cue, double sign)
        {
            var s = work.ToString();
            var count = 0;
            foreach (Match m in cue.Matches(s))
            {
                if (count++ < 2)
                {
                    hits.Add((m.Index, sign));
                }
                trace?.Add("cue " + m.Value);
                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    work[i] = ' ';
                }
            }
        }
    }
}
