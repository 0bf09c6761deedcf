using System.Globalization;
using Galen.Core.Analysis;

namespace Galen.Core.Grading;

/// <summary>The answer to a yes/no question and why.</summary>
public sealed record Verdict(string Value, string Reason, double Score, IReadOnlyList<GradedSource> Basis)
{
    /// <summary>The sentence that decided the verdict when one alone did (a "not all" exception), with its source.</summary>
    public (GradedSource Source, GradedSentence Sentence)? Deciding { get; init; }

    /// <summary>Why the weighing came out as it did; the article words its reason from this and the basis.</summary>
    public VerdictGrounds Grounds { get; init; }

    public const string Yes = "yes";
    public const string No = "no";
    public const string Uncertain = "uncertain";
}

/// <summary>Why a verdict came out as it did.</summary>
public enum VerdictGrounds
{
    /// <summary>No source bears on the question, or none that bears states a finding.</summary>
    NoFinding,
    /// <summary>Only patient information speaks; leaflets inform the wording but are not evidence for or against.</summary>
    LeafletsOnly,
    /// <summary>Too little weight of evidence to decide.</summary>
    Thin,
    /// <summary>Sources of real weight point both ways.</summary>
    Conflict,
    /// <summary>The guidelines agree with one another and outrank the other sources, which differ.</summary>
    GuidelinesOutrank,
    /// <summary>The weighed evidence leans one way.</summary>
    Weighed,
    /// <summary>The weighed evidence does not lean far enough either way.</summary>
    Unsettled,
    /// <summary>One sentence limits an "all" or "most" claim.</summary>
    Exception,
}

/// <summary>Thresholds of the verdict.</summary>
public sealed record VerdictOptions
{
    /// <summary>The net stance needed for a yes or a no.</summary>
    public double DecisionThreshold { get; init; } = 0.15;
    /// <summary>Below this total weight the evidence is too thin to decide.</summary>
    public double MinimumWeight { get; init; } = 0.45;
    /// <summary>The weaker side must reach this share of the stronger side for the evidence to count as conflicting.</summary>
    public double ConflictRatio { get; init; } = 0.35;

    /// <summary>A source counts only when its relevance reaches this share of the most relevant source's.</summary>
    public double RelativeRelevance { get; init; } = 0.75;

    /// <summary>For answers: thin evidence (one case report, one small uncontrolled study) gives "uncertain".</summary>
    public static VerdictOptions Default { get; } = new();

    /// <summary>
    /// For reading what one study concludes about its own question (PubMedQA): the thin-evidence rule is off,
    /// because the question is whether the study's conclusion answers its title, not whether it is enough to act on.
    /// </summary>
    public static VerdictOptions SingleStudy { get; } = new() { MinimumWeight = 0, MaxSources = 1 };

    /// <summary>When set, only this many of the most relevant speaking sources decide (one, for reading a single study).</summary>
    public int? MaxSources { get; init; }
}

/// <summary>
/// Weighs the stances of graded sources into yes / no / uncertain: by evidence level, relevance, recency and
/// size; a guideline outranks single studies; thin or conflicting evidence gives "uncertain".
/// </summary>
public static partial class VerdictEngine
{
    public static Verdict Decide(IReadOnlyList<GradedSource> sources, QuestionAnalysis question, VerdictOptions? options = null)
    {
        var verdict = DecideByWeight(sources, question, options ?? VerdictOptions.Default);
        if (verdict.Value != Verdict.No && question.Quantifier is { } quantifier && Exception(sources, question, quantifier) is { } exception)
        {
            // "Do all X need Y?" is answered by the cases that do not; "Do most X ...?" by a source saying most do not.
            var (source, sentence) = exception;
            var claim = quantifier == "all" ? "Not in every case" : "Not for most";
            return verdict with
            {
                Value = Verdict.No,
                Reason = $"{claim}: {DescribeSource(source)} says \"{Clip(sentence.Text)}\"",
                Deciding = exception,
                Grounds = VerdictGrounds.Exception,
            };
        }
        return verdict;
    }

    // Words that limit a claim about every case: a condition, a choice to wait, a part of the group.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:when\s+(?:an?\s+)?[\w-]+\s+is\s+(?:needed|necessary|indicated)|can\s+be\s+(?:watched|observed|monitored|managed)|without\s+(?:an?\s+)?(?:antibiotics?|medicines?|treatment|drugs?)|watchful\s+waiting|wait(?:ing)?\s+(?:and\s+see|for\s+\d+)|delayed|back-?up\s+(?:prescription|antibiotic)|not\s+(?:all|every|routinely|always)|only\s+(?:if|when|for|in)\b|unless|selected|(?:some|many)\s+(?:older\s+)?(?:children|patients|people|adults)\s+(?:can|do\s+not|don't|get\s+better)|is\s+not\s+needed|are\s+not\s+needed|do\s+not\s+need)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotAllCue();

    // Words that say most cases are otherwise: most get better on their own, are viral, or only a minority are affected.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:minority|only\s+(?:a\s+)?(?:few|small\s+(?:number|share|proportion|fraction|percentage))|most\s+[\w\s,()-]{0,80}?(?:get\s+better|improve|resolve|clear\s+up|settle|are\s+(?:caused\s+by\s+)?vir(?:al|uses)|do\s+not|don't|are\s+not|without))\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NotMostCue();

    /// <summary>The strongest source sentence on the question that limits an "all" or "most" claim, or null.</summary>
    private static (GradedSource, GradedSentence)? Exception(IReadOnlyList<GradedSource> sources, QuestionAnalysis question, string quantifier)
    {
        var cue = quantifier == "all" ? NotAllCue() : NotMostCue();
        // A leaflet's sentence does not decide a verdict either.
        return sources
            .Where(s => Bears(s, question) && s.Level != EvidenceLevel.PatientInformation)
            .SelectMany(s => s.Sentences
                .Where(x => (x.MentionsCondition || x.MentionsIntervention) && x.Stance != Stance.Inconclusive && cue.IsMatch(x.Text))
                .Select(x => (Source: s, Sentence: x)))
            .OrderByDescending(p => p.Source.Level.BaseWeight() * (0.5 + p.Source.Relevance) * (p.Sentence.MentionsCondition && p.Sentence.MentionsIntervention ? 1.5 : 1))
            .ThenBy(p => p.Source.Source.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Sentence.Order)
            .Select(p => ((GradedSource, GradedSentence)?)(p.Source, p.Sentence))
            .FirstOrDefault();
    }

    /// <summary>Words a question's claim turns on that are not the treatment, the condition or a generic verb ("give", "wear", "drive").</summary>
    private static List<string> ClaimWords(QuestionAnalysis question)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in question.Interventions.Concat(question.Conditions).Concat(question.Comparators).Concat(question.ContextTerms))
        {
            foreach (var phrasing in term.Phrasings.Append(term.Name))
            {
                named.UnionWith(TextTools.Tokens(TextTools.Normalize(phrasing)));
            }
        }
        return question.Keywords
            .Where(k => k.Length >= 4 && !named.Contains(k) && !GenericClaimWords.Contains(k) && !named.Any(n => n.Length >= 4 && (n.StartsWith(k, StringComparison.Ordinal) || k.StartsWith(n, StringComparison.Ordinal))))
            .Select(k => k.Length > 6 ? k[..6] : k)
            .Distinct(StringComparer.Ordinal)
            .Take(6)
            .ToList();
    }

    private static bool SpeaksTo(GradedSource source, List<string> claim) =>
        source.Sentences.Any(x => (x.StanceScore != 0 || x.Stance == Stance.Inconclusive) && (x.MentionsIntervention || x.MentionsCondition)
            && TextTools.Normalize(x.Text) is var normalized && claim.Any(c => TextTools.ContainsWordStart(normalized, c)));

    private static readonly HashSet<string> GenericClaimWords = new(StringComparer.Ordinal)
    {
        "help", "helps", "helpful", "work", "works", "working", "used", "using", "take", "taking", "treat", "treated", "treating",
        "treatment", "treatments", "effective", "effect", "effects", "need", "needs", "needed", "recommend", "recommended",
        "safe", "safely", "good", "best", "better", "worth", "trying", "benefit", "benefits", "useful", "cure", "cures",
        "therapy", "medicine", "medicines", "medication", "medications", "drug", "drugs", "pills", "tablets", "patients",
        "people", "adults", "children", "child", "years", "really", "actually", "first", "line", "choice", "option", "options",
        "okay", "there", "they", "them", "their", "about", "with", "from", "that", "this", "what", "which", "when", "should",
        "could", "would", "does", "have", "been", "usually", "often", "ever", "still", "always", "woman", "women", "pregnant",
        "pregnancy", "elderly", "older", "baby", "babies", "infant", "infants", "teenager", "teenagers", "someone", "while",
        "during", "serum", "level", "levels", "concentration", "dose", "doses", "amount",
    };

    private static bool NamesBoth(GradedSource source, QuestionAnalysis question) =>
        question.MainIntervention is null || question.MainCondition is null
        || source.Sentences.Any(x => x.StanceScore != 0 && x.MentionsIntervention && x.MentionsCondition);

    private static string Clip(string text) => text.Length <= 220 ? text : text[..217].TrimEnd() + "...";

    // "Is magnesium worth trying for this?": the purpose is named only by a word pointing back into the story.
    [System.Text.RegularExpressions.GeneratedRegex(@"\bfor\s+(?:this|that|it|these|them|those)\s*\?*\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UnnamedPurpose();

    /// <summary>
    /// The question asks whether a treatment helps with something only its story describes ("is magnesium worth
    /// trying for this?"), and the analysis placed no condition: the verdict cannot say which condition it means.
    /// </summary>
    public static bool PurposeUnnamed(QuestionAnalysis question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.MainIntervention is not null && question.Conditions.Count == 0 && UnnamedPurpose().IsMatch(question.FocusQuestion.Trim());
    }

    private static Verdict DecideByWeight(IReadOnlyList<GradedSource> sources, QuestionAnalysis question, VerdictOptions options)
    {
        if (PurposeUnnamed(question) && question.MainIntervention is { } treatment)
        {
            // The question asks whether a treatment helps with something it describes but the analysis could not
            // place: sources on the same treatment for other conditions would answer another question.
            return new Verdict(Verdict.Uncertain,
                $"Galen could not tell which condition the question means, and the sources on {treatment.Name} speak of it for other things; none answers this question as asked.",
                0, []) { Grounds = VerdictGrounds.NoFinding };
        }
        var relevant = sources.Where(s => Bears(s, question)).ToList();
        // A page of patient information describes a topic, and its wording leans one way or the other whatever was
        // asked ("autoimmune diseases can affect many parts of the body"): on a question that pairs two things it
        // speaks only in a sentence that names both.
        var stating = relevant.Where(s => s.Stance != Stance.None && (s.Level != EvidenceLevel.PatientInformation || NamesBoth(s, question))).ToList();
        // Patient information pages (leaflets) are written from the evidence for readers; they are not evidence
        // themselves, so they never vote. They still inform the patient wording of the article.
        var leaflets = stating.Where(s => s.Level == EvidenceLevel.PatientInformation).ToList();
        var speaking = stating.Where(s => s.Level != EvidenceLevel.PatientInformation).ToList();
        if (speaking.Count > 1)
        {
            // Sources that match the question much less well than the best one do not get a say.
            var best = speaking.Max(s => s.Relevance);
            speaking = speaking.Where(s => s.Relevance >= options.RelativeRelevance * best).ToList();
        }
        if (options.MaxSources is int max && speaking.Count > max)
        {
            speaking = speaking.OrderByDescending(s => s.Relevance).ThenByDescending(s => s.Score).ThenBy(s => s.Source.Key, StringComparer.Ordinal).Take(Math.Max(1, max)).ToList();
        }
        else if (speaking.Count > 0 && ClaimWords(question) is { Count: > 0 } claim)
        {
            // "Can the flu shot give me the flu?" asks about a claim ("give"), not whether the shot is recommended:
            // when some sources speak to the claim itself, those that only recommend the treatment step back.
            var onClaim = speaking.Where(s => SpeaksTo(s, claim)).ToList();
            if (onClaim.Count == 0 && leaflets.Any(s => SpeaksTo(s, claim)))
            {
                // Only leaflets speak to the claim: the other sources answer another question (whether to use the
                // treatment), and the leaflets do not count, so nothing that counts answers this one.
                speaking = [];
            }
            else if (onClaim.Count > 0 && onClaim.Count < speaking.Count)
            {
                speaking = onClaim;
            }
        }
        if (speaking.Count == 0 && leaflets.Count > 0)
        {
            // Only leaflets speak: no guideline, study or label answers the question, so there is too little evidence
            // to say yes or no, whatever the leaflets' sentences lean to.
            return new Verdict(Verdict.Uncertain,
                $"Only pages of patient information speak to {Describe(question)}; they are not evidence for or against, and no guideline, study or label answers this question.",
                0, leaflets) { Grounds = VerdictGrounds.LeafletsOnly };
        }
        if (speaking.Count == 0)
        {
            var what = Describe(question);
            var reason = relevant.Count == 0
                ? $"No source in the library reports on {what}."
                : $"The sources found mention {what} but none states a finding on it.";
            return new Verdict(Verdict.Uncertain, reason, 0, []) { Grounds = VerdictGrounds.NoFinding };
        }

        var newest = speaking.Max(s => s.Year ?? 0);
        double total = 0, net = 0, forWeight = 0, againstWeight = 0, openWeight = 0;
        var weights = new List<(GradedSource Source, double Weight)>();
        foreach (var s in speaking)
        {
            var w = s.Weight * Recency(s.Year, newest);
            weights.Add((s, w));
            total += w;
            net += w * s.StanceScore * (s.Stance == Stance.Inconclusive ? 0.3 : 1);
            switch (s.Stance)
            {
                case Stance.Supports: forWeight += w; break;
                case Stance.Against: againstWeight += w; break;
                default: openWeight += w; break;
            }
        }
        var score = total > 0 ? net / total : 0;
        var basis = weights.OrderByDescending(p => p.Weight).ThenBy(p => p.Source.Source.Key, StringComparer.Ordinal).Select(p => p.Source).ToList();
        var summary = Summarize(basis);

        if (total < options.MinimumWeight)
        {
            return new Verdict(Verdict.Uncertain, $"The evidence is thin: {summary}.", Math.Round(score, 4), basis) { Grounds = VerdictGrounds.Thin };
        }
        var conflict = forWeight > 0 && againstWeight > 0 && Math.Min(forWeight, againstWeight) >= options.ConflictRatio * Math.Max(forWeight, againstWeight);
        if (conflict && question.MainIntervention is not null && question.MainCondition is not null && GuidelinesAgree(weights) is { } guided)
        {
            // Guidelines outrank single studies: when the guidelines that speak agree with one another,
            // their answer stands, and the reason says that other sources differ.
            var guidelines = basis.Where(b => b.Level == EvidenceLevel.Guideline && b.Stance == guided).ToList();
            var others = basis.Where(b => !guidelines.Contains(b)).ToList();
            var what = guided == Stance.Supports ? "Supported by" : "Not supported:";
            return new Verdict(guided == Stance.Supports ? Verdict.Yes : Verdict.No,
                $"{what} {Summarize(guidelines)}; guidelines outrank the other sources, which differ: {Summarize(others)}.",
                Math.Round(score, 4), basis) { Grounds = VerdictGrounds.GuidelinesOutrank };
        }
        if (conflict)
        {
            return new Verdict(Verdict.Uncertain, $"The evidence conflicts: {summary}.", Math.Round(score, 4), basis) { Grounds = VerdictGrounds.Conflict };
        }
        if (score >= options.DecisionThreshold)
        {
            return new Verdict(Verdict.Yes, $"Supported by {summary}.", Math.Round(score, 4), basis) { Grounds = VerdictGrounds.Weighed };
        }
        if (score <= -options.DecisionThreshold)
        {
            return new Verdict(Verdict.No, $"Not supported: {summary}.", Math.Round(score, 4), basis) { Grounds = VerdictGrounds.Weighed };
        }
        return new Verdict(Verdict.Uncertain, $"The evidence does not settle the question: {summary}.", Math.Round(score, 4), basis) { Grounds = VerdictGrounds.Unsettled };
    }

    /// <summary>
    /// The side the speaking guidelines on the treatment and condition asked about take, when they carry a real
    /// share of the weight and do not conflict among themselves; null otherwise.
    /// </summary>
    private static Stance? GuidelinesAgree(List<(GradedSource Source, double Weight)> weights)
    {
        double forWeight = 0, againstWeight = 0, total = 0;
        foreach (var (source, weight) in weights)
        {
            total += weight;
            // Only a guideline on both the treatment and the condition asked about answers the question itself.
            if (source.Level != EvidenceLevel.Guideline || !source.BearsOnBoth)
            {
                continue;
            }
            if (source.Stance == Stance.Supports)
            {
                forWeight += weight;
            }
            else if (source.Stance == Stance.Against)
            {
                againstWeight += weight;
            }
        }
        var major = Math.Max(forWeight, againstWeight);
        var minor = Math.Min(forWeight, againstWeight);
        if (major <= 0 || major < 0.3 * total || minor > 0)
        {
            return null;
        }
        return forWeight > againstWeight ? Stance.Supports : Stance.Against;
    }

    /// <summary>Whether a source bears on the question enough to count in the verdict.</summary>
    public static bool Bears(GradedSource s, QuestionAnalysis q)
    {
        var hasI = q.Interventions.Count > 0;
        var hasC = q.Conditions.Count > 0;
        if (hasI && hasC)
        {
            // A pregnant asker's medicine ("naproxen for a sore knee at 30 weeks"): a source on the medicine in pregnancy
            // bears on it whatever the medicine is taken for.
            return s.BearsOnBoth || (s.BearsOnIntervention && q.SafetyGroup is { } group
                && TextTools.Normalize(string.Join('\n', [s.Source.Title, .. s.Source.Keywords])) is var named
                && group.Words.Any(w => TextTools.ContainsWordStart(named, w)));
        }
        if (hasI)
        {
            return s.BearsOnIntervention;
        }
        if (hasC)
        {
            return s.BearsOnCondition;
        }
        return s.Relevance > 0.2;
    }

    private static double Recency(int? year, int newest)
    {
        if (year is null || newest == 0)
        {
            return 0.9;
        }
        var age = newest - year.Value;
        return age switch
        {
            <= 10 => 1.0,
            <= 20 => 0.9,
            <= 30 => 0.8,
            _ => 0.7,
        };
    }

    /// <summary>"a guideline (2024), one systematic review and one uncontrolled pilot study of 10 patients (1998)".</summary>
    public static string Summarize(IReadOnlyList<GradedSource> basis)
    {
        var parts = new List<string>();
        foreach (var s in basis.Take(4))
        {
            parts.Add(DescribeSource(s));
        }
        if (basis.Count > 4)
        {
            parts.Add($"{basis.Count - 4} more {(basis.Count - 4 == 1 ? "source" : "sources")}");
        }
        return UrgencyDetector.JoinWords(parts);
    }

    /// <summary>"an underpowered randomized controlled trial of 40 patients (2012) that found no benefit".</summary>
    public static string DescribeSource(GradedSource s)
    {
        var quals = s.Limitations.Where(l => l is "open-label" or "pilot" or "uncontrolled" or "underpowered" or "retrospective" || (l == "small" && s.SampleSize is null)).ToList();
        var design = s.Design;
        foreach (var q in quals.ToList())
        {
            if (design.Contains(q, StringComparison.OrdinalIgnoreCase))
            {
                quals.Remove(q);
            }
        }
        var words = string.Join(' ', quals.Append(design));
        var text = Article(words) + " " + words;
        if (s.SampleSize is { } n && s.Level is not (Grading.EvidenceLevel.Guideline or Grading.EvidenceLevel.PatientInformation or Grading.EvidenceLevel.DrugLabel))
        {
            text += " of " + n.ToString(CultureInfo.InvariantCulture) + (s.Level == Grading.EvidenceLevel.SystematicReview ? " participants" : " patients");
        }
        if (s.Year is { } y)
        {
            text += " (" + y.ToString(CultureInfo.InvariantCulture) + ")";
        }
        text += s.Stance switch
        {
            Stance.Supports => " in favour",
            Stance.Against => " against",
            Stance.Inconclusive => " that was inconclusive",
            _ => "",
        };
        return text;
    }

    internal static string Article(string words) =>
        words.Length > 0 && "aeiouAEIOU".Contains(words[0]) && !words.StartsWith("uni", StringComparison.OrdinalIgnoreCase) ? "an" : "a";

    internal static string Describe(QuestionAnalysis q)
    {
        var i = q.MainIntervention?.Name;
        var c = q.MainCondition?.Name;
        return (i, c) switch
        {
            (not null, not null) => $"{i} for {c}",
            (not null, null) => i,
            (null, not null) => c,
            _ => "this question",
        };
    }
}
