using Galen.Core.Analysis;
using Galen.Core.Sources;

namespace Galen.Core.Grading;

/// <summary>Grades one source against one question: level, size, limitations, relevant sentences, facts, stance.</summary>
public static partial class EvidenceGrader
{
    private const double TitleWeight = 0.6;
    private const double SilentScore = 0.3;

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:really|always|truly|actually|necessarily|myth|the\s+same)\b[^?]*\?", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SceptialTitle();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:dose|doses|dosage)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DoseWord();

    private const int MaxSentencesPerSource = 400;

    public static GradedSource Grade(SourceRecord source, double score, double topScore, QuestionAnalysis question) =>
        Grade(source, score, topScore, question, ConclusionReader.Default);

    /// <summary>
    /// As <see cref="Grade(SourceRecord, double, double, QuestionAnalysis)"/> with the given conclusion reader;
    /// null reads stances by the rules alone (used to fit a reader).
    /// </summary>
    public static GradedSource Grade(SourceRecord source, double score, double topScore, QuestionAnalysis question, ConclusionReader? reader)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(question);
        var level = EvidenceClassifier.Level(source);
        var size = EvidenceClassifier.SampleSize(source);
        var limitations = EvidenceClassifier.Limitations(source, level, size);
        var keywords = question.Keywords.Take(10).ToArray();

        var sentences = new List<GradedSentence>();
        var hasConclusionSection = source.Sections.Any(IsConclusionSection);
        var order = 0;
        var bearsI = false;
        var bearsC = false;
        var titleNorm = TextTools.Normalize(source.Title + " " + string.Join(" ", source.Keywords));
        var interventions = question.MembersAsked.Count == 0 ? WithTheirClasses(question.Interventions)
            : [.. WithTheirClasses(question.Interventions), .. question.MembersAsked];
        if (Mentions(interventions, source.Title + " " + string.Join(" ", source.Keywords), titleNorm))
        {
            bearsI = true;
        }
        if (Mentions(question.Conditions, source.Title + " " + string.Join(" ", source.Keywords), titleNorm))
        {
            bearsC = true;
        }
        var titleKw = KeywordShare(titleNorm, keywords);
        var targets = question.Interventions.Count > 0
            ? question.Interventions[0].Phrasings.Select(p => p.ToLowerInvariant()).Where(p => p.Length > 1).ToArray()
            : null;

        for (var si = 0; si < source.Sections.Count && order < MaxSentencesPerSource; si++)
        {
            var section = source.Sections[si];
            var isConclusionSection = IsConclusionSection(section);
            var isLast = si == source.Sections.Count - 1;
            var spans = TextTools.SplitSentences(section.Text);
            var previousNamedIt = false;
            for (var k = 0; k < spans.Count && order < MaxSentencesPerSource; k++)
            {
                var span = spans[k];
                var text = section.Text.Substring(span.Start, span.Length);
                var norm = TextTools.Normalize(text);
                var mi = Mentions(interventions, text, norm);
                if (!mi && previousNamedIt && DoseWord().IsMatch(text) && !Vocabulary.FindAll(text).Any(t => t.Group.IsDrug))
                {
                    // "Offer duloxetine. Consider a starting dose of 30 mg once a day": a dose that names no
                    // medicine is a dose of the one the sentence before it named.
                    mi = true;
                }
                previousNamedIt = mi;
                var mc = Mentions(question.Conditions, text, norm);
                var mx = Mentions(question.ContextTerms, text, norm);
                bearsI |= mi;
                bearsC |= mc;
                var kw = KeywordShare(norm, keywords);
                var relevance = Relevance(question, mi, mc, kw);
                var isConclusion = isConclusionSection
                    || (!hasConclusionSection && isLast && source.Kind == SourceKind.Research && k >= spans.Count - 2);
                // A leaflet's answer is all "conclusion"; past its opening, only sentences on the question's terms are read for
                // stance (a long consumer answer would otherwise cost most of the time of a patient's question).
                var readStance = relevance >= 0.3 || section.Category == "recommendation"
                    || (isConclusion && (source.Kind != SourceKind.PatientInformation || k < 3));
                var stance = readStance ? StanceDetector.Classify(text, question.Focus, question.Keywords) : default;
                if (mi && source.Kind != SourceKind.Research && targets is not null)
                {
                    // A guideline or patient page often speaks of several treatments in one sentence: what it says
                    // of the one asked about decides ("advises against A, B and X", "get better without X").
                    var sign = StanceDetector.TargetSign(text.ToLowerInvariant(), targets, afterOnly: question.Focus == QuestionFocus.Harm);
                    if (sign != 0 && !stance.Inconclusive)
                    {
                        stance = new SentenceStance(sign * (stance.Hedged ? 0.7 : 1), stance.Hedged, false, false);
                    }
                }
                sentences.Add(new GradedSentence
                {
                    SectionIndex = si,
                    SectionLabel = section.Label,
                    SectionCategory = section.Category,
                    Span = span,
                    Text = text,
                    Order = order++,
                    MentionsIntervention = mi,
                    MentionsCondition = mc,
                    MentionsContext = mx,
                    Relevance = relevance,
                    IsConclusion = isConclusion,
                    Stance = stance.Inconclusive ? Stance.Inconclusive : stance.Score > 0 ? Stance.Supports : stance.Score < 0 ? Stance.Against : Stance.None,
                    StanceScore = stance.Score,
                    Hedged = stance.Hedged,
                    Facts = relevance > 0 || section.Category is "dosing" or "thresholds" ? FactExtractor.Extract(text) : [],
                });
            }
        }

        var sourceRelevance = SourceRelevance(question, bearsI, bearsC, sentences, titleKw);
        var (stanceKind, stanceScore) = SourceStance(source, question, sentences, titleKw);
        if (reader is not null && ConclusionReader.Applies(source, sentences, stanceKind))
        {
            var reading = reader.Read(ConclusionReader.Features(question.Question, sentences, stanceKind, stanceScore));
            stanceKind = reading.Stance;
            stanceScore = Math.Round(stanceKind switch
            {
                Stance.Supports => Math.Max(0.2, reading.Yes - reading.No),
                Stance.Against => -Math.Max(0.2, reading.No - reading.Yes),
                _ => Math.Clamp(reading.Yes - reading.No, -0.3, 0.3),
            }, 4);
        }
        var weight = level.BaseWeight() * SizeFactor(size, level) * LimitationFactor(limitations)
            * (0.3 + (0.7 * Math.Clamp(topScore > 0 ? score / topScore : 1, 0, 1)))
            * sourceRelevance * sourceRelevance;

        return new GradedSource
        {
            Source = source,
            Score = score,
            RelativeScore = topScore > 0 ? Math.Clamp(score / topScore, 0, 1) : 1,
            Level = level,
            Design = EvidenceClassifier.DesignWords(source, level),
            SampleSize = size,
            Year = source.Year,
            Limitations = limitations,
            Sentences = sentences,
            BearsOnIntervention = bearsI,
            BearsOnCondition = bearsC,
            Relevance = sourceRelevance,
            Stance = stanceKind,
            StanceScore = stanceScore,
            Weight = weight,
        };
    }

    internal static bool IsConclusionSection(SourceSection s)
    {
        var key = (s.Category ?? s.Label).ToUpperInvariant();
        var label = s.Label.ToUpperInvariant();
        return key.Contains("CONCLUSION") || key.Contains("SUMMARY") || key.Contains("RECOMMENDATION") || key.Contains("INTERPRETATION")
            || key.Contains("IMPLICATION") || key == "ANSWER" || key.Contains("KEY POINT") || key.Contains("BOTTOM LINE")
            || label.Contains("CONCLUSION") || label.StartsWith("RECOMMENDATION", StringComparison.Ordinal) || label == "ANSWER";
    }

    /// <summary>
    /// The medicines asked about and the classes they belong to (classes.txt): what a source says of antibiotics it
    /// says of amoxicillin, so a source on the class bears on a question about the member.
    /// </summary>
    public static IReadOnlyList<Term> WithTheirClasses(IReadOnlyList<Term> interventions)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        var classes = interventions.SelectMany(t => Vocabulary.ClassesOf(t.Name))
            .Where(g => !interventions.Any(t => string.Equals(t.Name, g.Name, StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(g => g.Name).Select(g => ClassTerms.GetOrAdd(g.Name, _ => new Term(g.Name, g.Phrasings, g.Type))).ToList();
        return classes.Count == 0 ? interventions : [.. interventions, .. classes];
    }

    // Every source of an ask is graded against the same classes: one term per class, so its phrasings are normalised once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Term> ClassTerms = new(StringComparer.Ordinal);

    private static bool Mentions(IReadOnlyList<Term> terms, string text, string normalized)
    {
        foreach (var t in terms)
        {
            if (t.IsIn(text, normalized))
            {
                return true;
            }
        }
        return false;
    }

    private static double KeywordShare(string normalized, string[] keywords)
    {
        if (keywords.Length == 0)
        {
            return 0;
        }
        var hits = 0;
        foreach (var k in keywords)
        {
            if (TextTools.ContainsPhrase(normalized, k) || (k.Length > 6 && normalized.Contains(k[..6], StringComparison.Ordinal)))
            {
                hits++;
            }
        }
        return (double)hits / keywords.Length;
    }

    private static double Relevance(QuestionAnalysis q, bool mi, bool mc, double kw)
    {
        var hasI = q.Interventions.Count > 0;
        var hasC = q.Conditions.Count > 0;
        double r;
        if (hasI && hasC)
        {
            r = (mi ? 0.4 : 0) + (mc ? 0.4 : 0) + (0.2 * kw);
        }
        else if (hasI)
        {
            r = (mi ? 0.7 : 0) + (0.3 * kw);
        }
        else if (hasC)
        {
            r = (mc ? 0.7 : 0) + (0.3 * kw);
        }
        else
        {
            r = kw;
        }
        return Math.Round(r, 4);
    }

    private static double SourceRelevance(QuestionAnalysis q, bool bi, bool bc, List<GradedSentence> sentences, double titleKw)
    {
        var hasI = q.Interventions.Count > 0;
        var hasC = q.Conditions.Count > 0;
        double concept;
        if (hasI && hasC)
        {
            concept = bi && bc ? 1 : bi || bc ? 0.4 : 0;
        }
        else if (hasI || hasC)
        {
            concept = (hasI ? bi : bc) ? 1 : 0;
        }
        else
        {
            concept = titleKw;
        }
        var best = 0.0;
        foreach (var s in sentences)
        {
            best = Math.Max(best, s.Relevance);
        }
        // A title naming the question's words marks a source written about exactly this question.
        return Math.Round(Math.Clamp((0.4 * concept) + (0.25 * best) + (0.35 * titleKw), 0, 1), 4);
    }

    /// <summary>The source's stance: its conclusions and recommendations, weighted by position and relevance.</summary>
    private static (Stance, double) SourceStance(SourceRecord source, QuestionAnalysis q, List<GradedSentence> sentences, double titleKw)
    {
        double sum = 0, weightSum = 0, openWeight = 0, silentWeight = 0;
        // A title asked sceptically ("Is X really ...?", "... always necessary?") signals the authors' answer.
        if (source.Kind == SourceKind.Research && SceptialTitle().IsMatch(source.Title))
        {
            weightSum += TitleWeight;
            sum -= TitleWeight;
        }
        var conclusionIndex = 0;
        var hasConcept = q.Interventions.Count > 0 || q.Conditions.Count > 0;
        // A guideline or patient page covers many treatments: when it names the one asked about, only those sentences speak.
        var onTarget = source.Kind != SourceKind.Research && q.Interventions.Count > 0 && sentences.Any(x => x.MentionsIntervention && x.StanceScore != 0);
        foreach (var s in sentences)
        {
            var section = source.Sections[s.SectionIndex];
            if (onTarget && !s.MentionsIntervention)
            {
                continue;
            }
            double w;
            double score = s.StanceScore;
            var open = s.Stance == Stance.Inconclusive;
            if (section.Category == "recommendation" || s.SectionLabel.StartsWith("Recommendation", StringComparison.OrdinalIgnoreCase))
            {
                if (!s.MentionsIntervention && q.Interventions.Count > 0)
                {
                    continue;
                }
                var strength = section.Strength ?? "";
                if (strength.Contains("against", StringComparison.OrdinalIgnoreCase))
                {
                    score = -1;
                    open = false;
                }
                else if (score == 0 && strength.Length > 0)
                {
                    score = 1;
                }
                w = strength.Contains("strong", StringComparison.OrdinalIgnoreCase) ? 1.6 : 1.3;
            }
            else if (s.IsConclusion)
            {
                // The first conclusion sentence usually states the answer; later ones qualify it.
                w = Math.Pow(0.5, conclusionIndex++);
            }
            else if (source.Kind != SourceKind.Research)
            {
                // Guidelines, labels and patient pages: any sentence naming the intervention and the condition counts.
                if (s.Relevance < 0.75 && !onTarget)
                {
                    continue;
                }
                w = 0.6;
            }
            else
            {
                continue;
            }
            if (hasConcept && !s.IsConclusion)
            {
                var mentions = s.MentionsIntervention || s.MentionsCondition;
                w *= mentions ? 0.6 + (0.4 * s.Relevance) : 0.55;
            }
            if (score == 0 && !open)
            {
                // A relevant conclusion that states a finding without negation or hedging leans towards yes.
                if (s.IsConclusion && source.Kind == SourceKind.Research)
                {
                    silentWeight += w;
                }
                continue;
            }
            weightSum += w;
            sum += w * score;
            if (open)
            {
                openWeight += w;
            }
        }
        if (weightSum <= 0)
        {
            return silentWeight > 0 ? (Stance.Supports, SilentScore) : (Stance.None, 0);
        }
        var mean = sum / weightSum;
        var openShare = openWeight / weightSum;
        if (openShare >= 0.5 && Math.Abs(mean) < 0.5)
        {
            return (Stance.Inconclusive, Math.Round(mean, 4));
        }
        if (mean >= 0.15)
        {
            return (Stance.Supports, Math.Round(mean, 4));
        }
        if (mean <= -0.15)
        {
            return (Stance.Against, Math.Round(mean, 4));
        }
        return (Stance.Inconclusive, Math.Round(mean, 4));
    }

    private static bool IsResultsSection(SourceSection s)
    {
        var key = (s.Category ?? s.Label).ToUpperInvariant();
        return key.Contains("RESULT") || key.Contains("FINDING") || key.Contains("OUTCOME");
    }

    private static double SizeFactor(int? n, EvidenceLevel level)
    {
        if (n is null || level is EvidenceLevel.Guideline or EvidenceLevel.PatientInformation or EvidenceLevel.DrugLabel)
        {
            return 1.0;
        }
        return n switch
        {
            < 20 => 0.5,
            < 50 => 0.7,
            < 100 => 0.85,
            < 500 => 1.0,
            < 5000 => 1.15,
            _ => 1.25,
        };
    }

    private static double LimitationFactor(IReadOnlyList<string> limitations)
    {
        var f = 1.0;
        foreach (var l in limitations)
        {
            f *= l switch
            {
                "pilot" => 0.7,
                "uncontrolled" => 0.6,
                "underpowered" => 0.7,
                "open-label" => 0.85,
                _ => 1.0,
            };
        }
        return f;
    }
}
