using Galen.Core.Analysis;
using Galen.Core.Answers;
using Galen.Core.Grading;
using Galen.Core.Sources;

namespace Galen.Core.Composition;

/// <summary>
/// Writes the answer article from graded evidence: bottom line first, then only the sections the evidence supports.
/// Every statement is a source sentence (with at most a short lead-in naming the study) and cites it.
/// </summary>
public static partial class AnswerComposer
{
    // A sentence that says how a condition is diagnosed or prevented is of the kind such a question asks for,
    // whatever section of its source it stands in.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:diagnos\w*|confirm\w*|tested|testing|test for|screen\w*)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DiagnosisWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:prevent\w*|lowers? the (?:risk|chance)|reduces? the (?:risk|chance)|protects?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PreventionWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:treat\w*|therapy|medicines?|medications?|drugs?|pills?|tablets?|shots?|injections?|doses?|take|taking|first-line|first\s+choice|recommend\w*|offer|start|give|helps?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TreatmentWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:you|your|yours|yourself)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AddressesReader();

    private const int MaxPerSection = 6;
    private const int MaxSteps = 12;
    private const int MaxResearch = 6;

    public static Answer Compose(AskRequest request, QuestionAnalysis analysis, IReadOnlyList<GradedSource> graded, Verdict? verdict, BottomLineChoice? choice = null)
    {
        var audience = request.Audience;
        var ctx = new Context(audience) { Ranking = choice?.Ranking ?? BottomLineRanking.Default, Similarity = choice?.Similarity, StoredSimilarity = choice?.StoredSimilarity };
        var topics = new Dictionary<string, double>(StringComparer.Ordinal);
        var ranked = Rank(graded, analysis, topics);
        var usable = Usable(ranked, analysis);
        var conditionSources = ranked.Where(s => s.BearsOnCondition || (analysis.Conditions.Count == 0 && s.BearsOnIntervention)).ToList();
        var urgentNotice = analysis.Urgent ? Wording.UrgentNotice(audience, analysis.UrgentReason) : null;
        var evidence = ranked.Select(s => new EvidenceEntry(
            ExternalIdsView.From(s.Source.Ids), Math.Round(s.Score, 4), s.Level.ToSlug(),
            s.Stance.ToString().ToLowerInvariant(), s.Source.Kind.ToSlug(), s.Source.Title, s.Year)).ToList();

        var unmentioned = Unmentioned(analysis, ranked);
        var missing = MissingEvidence(analysis, ranked, usable, unmentioned);
        var named = NamedTopicAnswers(ranked, analysis, topics);
        if (AnswerFromNamedTopic(analysis, audience, named, usable, missing))
        {
            return ConsumerArticle(request, analysis, named, evidence, urgentNotice, unmentioned);
        }
        if (missing is not null)
        {
            return new Answer
            {
                Question = request.Question,
                Audience = audience.ToSlug(),
                QuestionKind = analysis.Kind.ToSlug(),
                Verdict = analysis.IsYesNo ? Verdict.Uncertain : null,
                VerdictReason = analysis.IsYesNo ? missing : null,
                Urgent = analysis.Urgent,
                UrgentNotice = urgentNotice,
                Abstained = true,
                BottomLineStatement = new Statement(missing, [], []),
                Evidence = evidence,
                FollowUps = FollowUps(analysis, ranked).Where(f => OnlyHeldTopics(f, analysis, ranked)).ToList(),
                Disclaimer = Wording.Disclaimer(audience),
                ReadingGrade = audience == Audience.Patient ? Readability.FleschKincaidGrade(missing) : null,
                After = request.After.Count > 0 ? request.After : null,
            };
        }

        // Sources whose category sections feed the practical sections: about the condition (or the intervention).
        var topical = conditionSources.Count > 0 ? conditionSources : usable;

        // Worked out once: whether an amount asked is lacking shapes the bottom line's candidates and the note before it.
        var (_, lackingNote, answersAmount) = LackingAmount(analysis, usable);
        var bottom = BottomLine(ctx, analysis, WithMedicineSources(ranked, usable, analysis), verdict, named, lackingNote is not null);
        var sections = new List<AnswerSection>();
        void Add(string key, List<Statement> statements, bool numbered = false)
        {
            if (statements.Count > 0)
            {
                sections.Add(new AnswerSection(Wording.SectionTitle(key, audience), statements, numbered));
            }
        }

        var kind = analysis.Kind;
        var practical = kind is QuestionKind.YesNoEfficacy or QuestionKind.Treatment or QuestionKind.Comparison or QuestionKind.Prevention;
        var drugFacts = practical || kind is QuestionKind.Dosing or QuestionKind.AdverseEffects;
        var aboutCondition = kind is QuestionKind.Definition or QuestionKind.Causes or QuestionKind.Diagnosis or QuestionKind.Prognosis or QuestionKind.Other;
        var both = usable.Concat(topical).Distinct().ToList();
        if (audience == Audience.Patient)
        {
            Add("patient", PatientSection(ctx, analysis, both));
        }
        Add("guidelines", GuidelineSection(ctx, analysis, both));
        if (kind is not (QuestionKind.Definition or QuestionKind.Causes))
        {
            Add("research", ResearchSection(ctx, analysis, usable));
        }
        if (practical)
        {
            Add("steps", CategorySection(ctx, analysis, topical, ["treatment-steps"], MaxSteps, requireMention: false), numbered: true);
        }
        if (drugFacts)
        {
            Add("dosing", DosingSection(ctx, analysis, both));
        }
        if (practical)
        {
            Add("avoid", CategorySection(ctx, analysis, topical, ["avoid"], MaxPerSection, requireMention: false));
        }
        if (drugFacts)
        {
            Add("contra", CategorySection(ctx, analysis, both, ["contraindications", "interactions"], MaxPerSection, requireMention: false));
        }
        if (kind is QuestionKind.AdverseEffects or QuestionKind.Dosing || (drugFacts && analysis.Interventions.Count > 0))
        {
            Add("adverse", CategorySection(ctx, analysis, usable.Count > 0 ? usable : topical, ["adverse-effects"], MaxPerSection, requireMention: false));
        }
        if (aboutCondition)
        {
            Add("diagnosis", CategorySection(ctx, analysis, topical, ["diagnosis"], MaxPerSection, requireMention: false));
        }
        if (aboutCondition || practical)
        {
            Add("differential", CategorySection(ctx, analysis, topical, ["differential"], MaxPerSection, requireMention: false));
            Add("mechanism", CategorySection(ctx, analysis, topical, ["mechanism"], 4, requireMention: false));
        }
        Add("urgent", CategorySection(ctx, analysis, topical, ["urgent"], MaxPerSection, requireMention: false));
        Add("considerations", CategorySection(ctx, analysis, topical, ["risk-factors", "prevention", "prognosis", "thresholds"], MaxPerSection, requireMention: false));
        if (audience != Audience.Patient && sections.Count == 0)
        {
            Add("patient", PatientSection(ctx, analysis, usable.Concat(topical).Distinct().ToList()));
        }

        if (bottom is null)
        {
            // Nothing in the evidence reads as a bottom line: use the first statement the article makes.
            var first = sections.SelectMany(s => s.Statements).FirstOrDefault();
            bottom = first ?? new Statement(NoFindingText(analysis), [], []);
        }

        (bottom, sections) = StatementMerging.MergeRepeats(bottom, sections);
        // What is asked is not in the library: a yes or no drawn from sources on something else would answer another
        // question ("does the time of day matter?" answered "no" from a trial of what the medicine does).
        var lacking = lackingNote is not null && !answersAmount(bottom.Text);
        if (lacking)
        {
            bottom = bottom with { Text = lackingNote + " " + bottom.Text };
        }
        var allText = string.Join(" ", new[] { bottom.Text }.Concat(sections.SelectMany(s => s.Statements.Select(st => st.Text))));
        return new Answer
        {
            Question = request.Question,
            Audience = audience.ToSlug(),
            QuestionKind = analysis.Kind.ToSlug(),
            Verdict = lacking && verdict is not null ? Verdict.Uncertain : verdict?.Value,
            VerdictReason = lacking && verdict is not null ? lackingNote!.Replace(" What it does hold:", "", StringComparison.Ordinal) : VerdictWording.Reason(verdict, audience),
            Urgent = analysis.Urgent,
            UrgentNotice = urgentNotice,
            Abstained = false,
            BottomLineStatement = bottom,
            Sections = sections,
            References = ctx.References(),
            Evidence = evidence,
            FollowUps = Merge(PatientFollowUps(audience, analysis, named), FollowUps(analysis, ranked).Where(f => !NamesUnlikelyTopic(f, analysis))),
            Disclaimer = Wording.Disclaimer(audience),
            ReadingGrade = audience == Audience.Patient ? Readability.FleschKincaidGrade(allText) : null,
            After = request.After.Count > 0 ? request.After : null,
        };
    }

    /// <summary>Ranks sources: bearing on the question first, then by weight, then by key (stable).</summary>
    public static IReadOnlyList<GradedSource> Rank(IReadOnlyList<GradedSource> graded, QuestionAnalysis analysis) =>
        Rank(graded, analysis, []);

    /// <summary>As <see cref="Rank(IReadOnlyList{GradedSource}, QuestionAnalysis)"/>, keeping each patient page's topic score by source key.</summary>
    private static List<GradedSource> Rank(IReadOnlyList<GradedSource> graded, QuestionAnalysis analysis, Dictionary<string, double> topics)
    {
        return OrderPatientInformation(ByEvidence(graded, analysis), analysis, topics);
    }

    /// <summary>
    /// Patient information is ordered among itself by how well it answers the question as asked (its topic named
    /// in the question, the kind of question it answers), not by evidence weight, which says little about
    /// leaflets. The places other sources hold in the list do not change.
    /// </summary>
    private static List<GradedSource> OrderPatientInformation(List<GradedSource> ranked, QuestionAnalysis analysis, Dictionary<string, double> topics)
    {
        var pages = PatientPages(ranked, analysis, topics);
        if (pages.Count < 2)
        {
            return ranked;
        }
        var ordering = ConsumerOrdering.Default;
        var ordered = pages
            .OrderByDescending(p => ordering.Score(p.Features))
            .ThenBy(p => p.Slot)
            .Select(p => ranked[p.Slot])
            .ToList();
        var result = new List<GradedSource>(ranked);
        for (var k = 0; k < pages.Count; k++)
        {
            result[pages[k].Slot] = ordered[k];
        }
        return result;
    }

    /// <summary>The signals of each page of patient information among the ranked sources (see <see cref="ConsumerOrdering"/>), with its place.</summary>
    internal static List<(int Slot, double[] Features)> PatientPages(IReadOnlyList<GradedSource> ranked, QuestionAnalysis analysis, Dictionary<string, double> topics)
    {
        var slots = new List<int>();
        for (var i = 0; i < ranked.Count; i++)
        {
            if (ranked[i].Source.Kind == SourceKind.PatientInformation)
            {
                slots.Add(i);
            }
        }
        if (slots.Count == 0)
        {
            return [];
        }
        var tokens = ConsumerAnswerMatcher.QuestionTokens(analysis.Question);
        var headline = ConsumerAnswerMatcher.HeadlineTokens(analysis.Question);
        var wanted = ConsumerAnswerMatcher.WantedTypes(analysis);
        var top = slots.Max(i => ranked[i].Score);
        var similarities = slots.Select(i => ranked[i].Similarity).OfType<double>().ToList();
        var closest = similarities.Count > 0 ? similarities.Max() : 0;
        var farthest = similarities.Count > 0 ? similarities.Min() : 0;
        return [.. slots.Select(i =>
        {
            var source = ranked[i].Source;
            var qa = source.QuestionAnswer ?? new QuestionAnswerInfo { Synonyms = source.Keywords };
            var topic = ConsumerAnswerMatcher.TopicScore(tokens, headline, qa, analysis.UnknownWords);
            topics[source.Key] = topic;
            // A word few sources use ("VDRL") that the page uses marks it as about what was asked, short of a topic
            // named in the question. A page without a vector counts as the farthest one that has one.
            var (overlap, rare) = ConsumerAnswerMatcher.ContentOverlap(tokens, source.FullText, analysis.RareWords);
            var meaning = ((ranked[i].Similarity ?? farthest) - closest) / ConsumerOrdering.MeaningUnit;
            return (i, ConsumerOrdering.Features(topic, ConsumerAnswerMatcher.TypeScore(wanted, qa), overlap, rare, top > 0 ? ranked[i].Score / top : 0, meaning));
        })];
    }

    /// <summary>Bearing on the question first, then by weight, then by search score, then by key (stable).</summary>
    private static List<GradedSource> ByEvidence(IReadOnlyList<GradedSource> graded, QuestionAnalysis analysis) =>
        [.. graded
            .Select((s, i) => (s, i))
            .OrderByDescending(p => VerdictEngine.Bears(p.s, analysis) ? 1 : 0)
            .ThenByDescending(p => Math.Round(p.s.Weight, 6))
            .ThenByDescending(p => p.s.Score)
            .ThenBy(p => p.s.Source.Key, StringComparer.Ordinal)
            .Select(p => p.s)];

    /// <summary>The signals of the pages of patient information for a question, in the order the ranking leaves them.</summary>
    internal static List<PatientPageSignals> PatientPageSignals(IReadOnlyList<GradedSource> graded, QuestionAnalysis analysis)
    {
        var ranked = ByEvidence(graded, analysis);
        return [.. PatientPages(ranked, analysis, []).Select(p => new PatientPageSignals(ranked[p.Slot].Source.Key, p.Features))];
    }

    /// <summary>Why the library cannot answer, or null when it can.</summary>
    private static string? MissingEvidence(QuestionAnalysis q, IReadOnlyList<GradedSource> ranked, IReadOnlyList<GradedSource> usable, Term? unmentioned)
    {
        if (q.Interventions.Count + q.Conditions.Count == 0 && ConsumerAnswerMatcher.IsGenericName(string.Join(' ', q.Keywords)))
        {
            // "Do I need tablets?" after a story the vocabulary cannot read: the words left ask what kind of thing, not
            // about what, and any source they find is about something else.
            return "The library holds too little evidence to answer this question: nothing in it matches what was asked.";
        }
        if (ranked.Count == 0 || ranked.All(s => s.Relevance <= 0.05))
        {
            return q.Interventions.Count + q.Conditions.Count > 0
                ? $"The library holds too little evidence to answer this question: it has no source about {VerdictEngine.Describe(q)}."
                : "The library holds too little evidence to answer this question: nothing in it matches what was asked.";
        }
        var i = q.MainIntervention;
        var c = q.MainCondition;
        if (usable.Count == 0)
        {
            if (i is not null && c is not null)
            {
                var onI = ranked.Any(s => s.BearsOnIntervention);
                var onC = ranked.Any(s => s.BearsOnCondition);
                var held = onI && onC ? $"It has sources on {i.Name} and on {c.Name}, but none that studies them together."
                    : onC ? $"It has sources on {c.Name}, but none on {i.Name}."
                    : onI ? $"It has sources on {i.Name}, but none on {c.Name}."
                    : "";
                return $"The library holds too little evidence to answer this question: no source reports on {i.Name} for {c.Name}. {held}".Trim();
            }
            return $"The library holds too little evidence to answer this question: no source is about {VerdictEngine.Describe(q)}.";
        }
        if (q.IsYesNo && i is not null && c is not null
            && !usable.Any(s => s.Source.Kind == SourceKind.Research
                || ((TitleNames(s, q.Conditions) || TopicsName(s, q.Conditions)) is var titled && s.Sentences.Any(x => x.MentionsIntervention && (x.MentionsCondition
                    || (titled && !BottomLineRanking.NamesAnotherCondition(q.Conditions, x.Text, broaderSpeaksOfKind: true)))))))
        {
            // Guidelines and leaflets tagged with both topics, but no sentence in any of them speaks of the two together
            // (a study's title states its own question, so research is not held to this; in a guideline or leaflet whose
            // title names the condition, a sentence on the medicine that names no other condition speaks of it): no
            // answer to give.
            return $"The library holds too little evidence to answer this question: no source says anything about {i.Name} for {c.Name} in the same breath.";
        }
        if (q.IsYesNo && q.Kind == QuestionKind.AdverseEffects && MedicinePair(q) is { } pair && !usable.Any(s => NamesBoth(s, pair)))
        {
            // "On metformin: is it safe to have a few pints?" asks about the two together; sources on each alone do not
            // answer it.
            return $"The library holds too little evidence to answer this question: no source says anything about {pair[0][0].Name} together with {pair[1][0].Name}.";
        }
        // "My sister bought me a copper bracelet: any truth in it?": a thing asked about that the vocabulary does not
        // know and that no source found names, in its title, its topics or its text, is not in the library; sources on
        // the rest of the question do not answer it.
        if (unmentioned is { } unknown)
        {
            return $"The library holds too little evidence to answer this question: no source in it mentions {unknown.Name}.";
        }
        // "Is this nose spray OK while I'm breastfeeding?": whether a medicine is safe in pregnancy or for a breastfed
        // baby is answered only by a source that speaks of pregnancy or breastfeeding; what is safe for other adults
        // says nothing about it.
        if (i is not null && (q.Kind == QuestionKind.AdverseEffects || q.Focus is QuestionFocus.Safety or QuestionFocus.Harm)
            && q.SafetyGroup is { } group
            && !ranked.Any(s => s.BearsOnIntervention && TextTools.Normalize(string.Join('\n', [s.Source.Title, .. s.Source.Keywords, s.Source.FullText])) is var text
                && group.Words.Any(w => TextTools.ContainsWordStart(text, w))))
        {
            return $"The library holds too little evidence to answer this question: no source in it speaks of {i.Name} {group.Phrase}.";
        }
        var anyUsableSentence = usable.Any(s => s.Relevance >= 0.5 || s.Sentences.Any(x => x.Relevance >= 0.3));
        if (!anyUsableSentence)
        {
            return $"The library holds too little evidence to answer this question: the sources found only touch on {VerdictEngine.Describe(q)}.";
        }
        return null;
    }

    /// <summary>
    /// A thing a yes/no question asks about that the vocabulary does not know and that no source found names, in its
    /// title, its topics or its text ("a copper bracelet" for painful knees), or such a thing the story reports as a claim
    /// or a diagnosis whatever the question asks ("nursery reckons it's hand foot and mouth"): the library does not hold it.
    /// </summary>
    private static Term? Unmentioned(QuestionAnalysis q, IReadOnlyList<GradedSource> ranked) =>
        q.Interventions.Concat(q.Conditions).FirstOrDefault(t => (t.Type == "claimed" || (q.IsYesNo && t.Type == "phrase"))
            && !ranked.Any(s => TitleNames(s, [t]) || TopicsName(s, [t]) || (s.Source.FullText is var text && t.IsIn(text, TextTools.Normalize(text)))));

    /// <summary>
    /// Whether the topics the source is filed under name one of the terms: a leaflet on atrial fibrillation filed under
    /// "irregular heartbeat" speaks of an irregular heartbeat throughout.
    /// </summary>
    private static bool TopicsName(GradedSource s, IReadOnlyList<Term> terms) =>
        s.Source.Keywords.Any(k => TextTools.Normalize(k) is var normalized && terms.Any(t => t.IsIn(k, normalized)));

    private static bool TitleNames(GradedSource s, IReadOnlyList<Term> terms)
    {
        var normalized = TextTools.Normalize(s.Source.Title);
        return terms.Any(t => t.IsIn(s.Source.Title, normalized));
    }

    private static string NoFindingText(QuestionAnalysis q) =>
        $"The sources found discuss {VerdictEngine.Describe(q)} but state no finding that answers the question directly.";

    // ---------------------------------------------------------------- bottom line

    /// <summary>
    /// The sources that bear on the question. Two medicines asked of together, whether they are safe to combine ("on
    /// simvastatin; I was about to prescribe clarithromycin for a chest infection: is that OK?"), are answered by a sentence that names both, whatever the condition the
    /// second is for: a source with such a sentence bears on the question even when it does not name the condition, so
    /// long as that sentence names no other condition either (a list of what worsens restless legs that holds alcohol
    /// and antidepressants says nothing of wine with sertraline for depression).
    /// </summary>
    private static List<GradedSource> Usable(IReadOnlyList<GradedSource> ranked, QuestionAnalysis q)
    {
        var pair = q.Kind == QuestionKind.AdverseEffects && q.Conditions.Count > 0 ? MedicinePair(q) : null;
        return [.. ranked.Where(s => VerdictEngine.Bears(s, q)
            || (pair is not null && s.BearsOnIntervention && NamesBoth(s, pair, x => !BottomLineRanking.NamesAnotherCondition(q.Conditions, x.Text))))];
    }

    /// <summary>Each medicine the question names for sure, with its classes: "NSAIDs" in a sentence names the ibuprofen asked about.</summary>
    private static List<IReadOnlyList<Term>> KnownMedicines(QuestionAnalysis q) =>
        [.. q.Interventions.Where(t => !t.IsUnsure).Select(t => EvidenceGrader.WithTheirClasses([t]))];

    /// <summary>The two medicines a question names, each with its classes, or null when it names another number.</summary>
    private static List<IReadOnlyList<Term>>? MedicinePair(QuestionAnalysis q) => KnownMedicines(q) is { Count: 2 } pair ? pair : null;

    private static bool NamesEach(string text, string normalized, List<IReadOnlyList<Term>> medicines) =>
        medicines.All(names => names.Any(t => t.IsIn(text, normalized)));

    private static bool NamesBoth(GradedSource s, List<IReadOnlyList<Term>> pair, Func<GradedSentence, bool>? alone = null) =>
        s.Sentences.Any(x => NamesEach(x.Text, TextTools.Normalize(x.Text), pair) && (alone is null || alone(x)));

    /// <summary>
    /// The sources the bottom line is chosen from. A symptom named with a medicine ("dysuria and frequency: trimethoprim,
    /// how many days?") is how an illness shows, and what is written of the medicine names the illness instead: when
    /// every condition asked is a symptom, the sources on the medicine join those on both, and the ranking weighs whether
    /// a sentence names the symptom. Only when some source speaks of both: with none, the library lacks what was asked
    /// ("is the sertraline making me put on weight?").
    /// </summary>
    private static List<GradedSource> WithMedicineSources(IReadOnlyList<GradedSource> ranked, List<GradedSource> usable, QuestionAnalysis q) =>
        usable.Count > 0 && q.Interventions.Count > 0 && q.Conditions.Count > 0 && q.Conditions.All(c => c.Type == "symptom")
            ? [.. ranked.Where(s => s.BearsOnIntervention || VerdictEngine.Bears(s, q))]
            : usable;

    /// <summary>
    /// The sentences the bottom line is chosen from for this question, each with its signals and many more of them
    /// compared by meaning than at question time (for fitting <see cref="BottomLineRanking"/>); empty when the article is not written from them (an
    /// abstention, or a patient's message answered by the page on the topic it names).
    /// </summary>
    public static BottomLineExplanation ExplainBottomLine(AskRequest request, QuestionAnalysis analysis, IReadOnlyList<GradedSource> graded, Verdict? verdict, BottomLineChoice? choice = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ctx = new Context(request.Audience) { Ranking = choice?.Ranking ?? BottomLineRanking.Default, Similarity = choice?.Similarity, StoredSimilarity = choice?.StoredSimilarity };
        var topics = new Dictionary<string, double>(StringComparer.Ordinal);
        var ranked = Rank(graded, analysis, topics);
        var usable = Usable(ranked, analysis);
        var unmentioned = Unmentioned(analysis, ranked);
        var missing = MissingEvidence(analysis, ranked, usable, unmentioned);
        var named = NamedTopicAnswers(ranked, analysis, topics);
        if (AnswerFromNamedTopic(analysis, request.Audience, named, usable, missing) || missing is not null)
        {
            return new BottomLineExplanation([], AmountKind.None, null);
        }
        var (amount, lackingNote, answersAmount) = LackingAmount(analysis, usable);
        return new BottomLineExplanation([.. BottomLineCandidates(ctx, analysis, WithMedicineSources(ranked, usable, analysis), verdict, named, everyMeaning: true, lackingNote is not null).Select(c => c.Candidate)], amount, lackingNote)
        {
            AnswersAmount = answersAmount,
            TwoThings = BottomLineRanking.AsksTwoThings(analysis.Question),
        };
    }

    /// <summary>
    /// The amount the question asks for; when no sentence of the sources about the thing asked gives one, the note that
    /// says so (put before a bottom line that does not give one either); and whether a text gives it: a figure of the
    /// kind asked, as something to do rather than what a study tested, per day when asked per day, and for the thing
    /// asked (a dose of another medicine does not answer).
    /// </summary>
    private static (AmountKind Amount, string? Note, Func<string, bool> Answers) LackingAmount(QuestionAnalysis q, IReadOnlyList<GradedSource> usable)
    {
        var kind = AmountAsked.Of(q);
        if (kind == AmountKind.None)
        {
            var (note, answers) = LackingComparison(q, usable);
            return (kind, note, answers);
        }
        // Only a name the vocabulary knows is a thing a dose is given of ("how much sleep does a teenager need" asks
        // for a figure, not a dose of a phrase).
        var subject = AmountAsked.DoseSubject(q);
        if (subject is null && kind == AmountKind.Dose)
        {
            kind = AmountKind.Figure;
        }
        var rate = AmountAsked.RateOf(q.FocusQuestion);
        // A name the vocabulary does not know ("caffeine a day is safe") is still what the amount is asked of: a
        // sentence is about it only if it uses the name's first word.
        var unknownName = UnknownName(q);
        // Doses and targets change in pregnancy: an amount asked for a pregnant woman is held only where a source speaks
        // of pregnancy.
        var pregnant = AskerGroup.Read(q.Question).Pregnant;
        bool About(GradedSentence x) => (!pregnant || AskerGroup.SpeaksOfPregnancy(x.Text))
            && (subject is not null ? x.MentionsIntervention
                : unknownName is not null ? TextTools.ContainsWordStart(TextTools.Normalize(x.Text), unknownName)
                : q.MainCondition is null || x.MentionsCondition);
        // A figure asked in a unit ("how many litres") is given only in a unit of the same measure.
        var (measure, unit) = kind == AmountKind.Figure ? AmountAsked.MeasureOf(q.FocusQuestion) : (Measure.None, null);
        var studyAsked = AmountAsked.AsksOfStudy(q.Question);
        // A length of time asked in a unit ("after how many years") is given only in that unit or the next.
        var timeUnit = kind == AmountKind.Duration ? AmountAsked.TimeUnitOf(q.FocusQuestion) : null;
        // The most that may be taken ("ceiling dose?") is given only where a limit is stated, not by a starting dose.
        var maximum = AmountAsked.AsksMaximum(q.FocusQuestion);
        bool Gives(string text) => (!maximum || AmountAsked.StatesMaximum(text))
            && (kind == AmountKind.Dose && subject is not null ? AmountAsked.GivesDoseOf(subject, text, rate, studyAsked)
                : AmountAsked.Gives(kind, text, rate, studyAsked) && AmountAsked.StatesMeasure(measure, text) && AmountAsked.StatesTimeIn(timeUnit, text));
        var held = usable.Any(s => s.Sentences.Any(x => About(x) && x.Relevance >= 0.3 && Gives(x.Text)));
        // A bottom line of two sentences answers only if one of them both gives the amount and speaks of what is asked.
        return (kind, held ? null : AmountAsked.Lacking(kind, subject?.Name, unit, maximum),
            text => TextTools.SplitSentences(text).Select(span => text[span.Start..span.End])
                .Any(one => Gives(one) && SpeaksOfAsked(q, one) && (!pregnant || AskerGroup.SpeaksOfPregnancy(one))));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|substitute|replace|alternative\s+to|switch(?:ing)?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Substitution();

    /// <summary>
    /// "Is esomeprazole any stronger than omeprazole?": two medicines compared are weighed only by a sentence that names
    /// both; sources on each alone do not compare them. The note that says so, and whether a text names both.
    /// </summary>
    private static (string? Note, Func<string, bool> Answers) LackingComparison(QuestionAnalysis q, IReadOnlyList<GradedSource> usable)
    {
        // "Gaviscon instead of omeprazole?" asks whether the one will do, which a sentence on it alone can answer.
        var compared = q.Kind == QuestionKind.Comparison || q.Focus == QuestionFocus.Superiority
            || (q.Focus == QuestionFocus.Equivalence && !Substitution().IsMatch(q.Question));
        if (!compared || q.Interventions.Concat(q.Comparators).Where(t => t.Type is "drug" or "drug-class" && !t.IsUnsure)
                .DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList() is not [var first, var second])
        {
            return (null, _ => true);
        }
        bool NamesBoth(string text) => TextTools.Normalize(text) is var normalized && first.IsIn(text, normalized) && second.IsIn(text, normalized);
        return usable.Any(s => s.Sentences.Any(x => NamesBoth(x.Text)))
            ? (null, _ => true)
            : ($"The library holds no source that compares {first.Name} with {second.Name}. What it does hold:", NamesBoth);
    }

    /// <summary>
    /// The first content word of a name the vocabulary does not know, when that is what the question asks of: the
    /// unsure name it was read with, or, when it was read with no medicine, the word the amount is asked of ("how many
    /// grams of protein") if the vocabulary does not know it.
    /// </summary>
    private static string? UnknownName(QuestionAnalysis q) =>
        q.MainIntervention is { IsUnsure: true } unsure && BottomLineRanking.ContentWords(unsure.Name) is { Count: > 0 } words ? words[0]
        : q.MainIntervention is null && AmountAsked.ThingMeasured(q.FocusQuestion) is { } thing && Vocabulary.FindAll(thing).Count == 0 ? thing
        : null;

    /// <summary>
    /// Whether a text names the thing the question asks an amount of (any text does when it names nothing). Asked of a
    /// condition only ("how many weeks do the cravings last?"), a text that names the condition or shares a word of the
    /// question speaks of it; "prednisone for 5 days" for another illness does not.
    /// </summary>
    private static bool SpeaksOfAsked(QuestionAnalysis q, string text) =>
        q.MainIntervention is { IsUnsure: false } asked ? asked.IsIn(text, TextTools.Normalize(text))
            : UnknownName(q) is { } unknownName ? TextTools.ContainsWordStart(TextTools.Normalize(text), unknownName)
            : q.MainCondition is not { } condition || TextTools.Normalize(text) is var normalized
                && (condition.IsIn(text, normalized) || q.Keywords.Any(k => !TextTools.WhenWords.Contains(k) && TextTools.ContainsWordStart(normalized, k)));

    /// <summary>The sentences that could lead the article, each with its signals (see <see cref="BottomLineRanking"/>).</summary>
    private static List<(GradedSource Source, GradedSentence Sentence, BottomLineCandidate Candidate)> BottomLineCandidates(
        Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> usable, Verdict? verdict, IReadOnlyList<GradedSource> named, bool everyMeaning, bool amountLacking)
    {
        var want = verdict?.Value switch
        {
            Verdict.Yes => Stance.Supports,
            Verdict.No => Stance.Against,
            Verdict.Uncertain => Stance.Inconclusive,
            _ => Stance.None,
        };
        var questionWords = BottomLineRanking.ContentWords(q.Question);
        // The words of the asking sentence alone: a story's words ("my mum", "the school run") share nothing with the answer.
        var askingWords = BottomLineRanking.ContentWords(q.FocusQuestion);
        var readings = ReadingRange.Of(q.Question);
        var absent = AbsentFinding.Of(q.Question);
        var severity = SeverityAsked.Of(q.Question);
        var asker = AskerGroup.Read(q.Question);
        var amountAsked = AmountAsked.Of(q);
        // A dose asked of a medicine the question names is given only by a dose of that medicine (or of its class): "which
        // dose?" on apixaban is not answered by edoxaban's.
        var doseOf = amountAsked == AmountKind.Dose ? AmountAsked.DoseSubject(q) : null;
        // So is how often or when to use it: the steroid cream's "once or twice a day" is not how often to put on the
        // emollient asked about.
        var usedOf = amountAsked == AmountKind.Timing || (amountAsked == AmountKind.Figure && AmountAsked.AsksHowOften(q.FocusQuestion))
            ? AmountAsked.DoseSubject(q) : null;
        var timeUnit = amountAsked == AmountKind.Duration ? AmountAsked.TimeUnitOf(q.FocusQuestion) : null;
        // "How many days of tablets?" asks a course's length, not when to see the doctor again "after 2 to 3 days".
        var timeSense = amountAsked == AmountKind.Duration ? AmountAsked.TimeSenseOf(q.FocusQuestion) : TimeSense.Unknown;
        // "Amoxicillin dose and course length?" is answered by a sentence that gives both.
        var doseAndTimeAsked = amountAsked is AmountKind.Dose or AmountKind.Duration && AmountAsked.AsksDoseAndDuration(q.FocusQuestion);
        var measure = amountAsked == AmountKind.Figure ? AmountAsked.MeasureOf(q.FocusQuestion).Measure : Measure.None;
        var maximumAsked = amountAsked != AmountKind.None && AmountAsked.AsksMaximum(q.FocusQuestion);
        var asksWhen = BottomLineRanking.AsksWhen(q.FocusQuestion);
        var asksFirst = BottomLineRanking.AsksFirst(q.FocusQuestion);
        var placeAsked = BottomLineRanking.PlaceAsked(q.FocusQuestion);
        var asksCare = BottomLineRanking.AsksAboutCare(q.FocusQuestion);
        var asksStop = BottomLineRanking.AsksStop(q.FocusQuestion);
        var asksWhy = BottomLineRanking.AsksWhy(q.FocusQuestion);
        // "now that the 48 hours are up" is often said in the story, before the question.
        var asksStill = BottomLineRanking.AsksStill(q.Question);
        var asksNormal = BottomLineRanking.AsksNormal(q.FocusQuestion);
        var asksAlone = BottomLineRanking.AsksAlone(q.FocusQuestion);
        var bodiesAsked = BottomLineRanking.BodiesNamed(q.Question);
        var byBodyAsked = new Dictionary<GradedSource, bool>(ReferenceEqualityComparer.Instance);
        var conditionsAsked = q.Conditions.Where(t => !t.IsUnsure).DistinctBy(t => t.Name).ToList();
        var conditionsTitled = new Dictionary<GradedSource, bool[]>(ReferenceEqualityComparer.Instance);
        var givesReading = BottomLineRanking.GivesReading(q.Question);
        var knownMedicines = KnownMedicines(q);
        // In an emergency, what was tried and did not help ("loads of puffs of his blue inhaler and it's not touching it")
        // is part of what is happening; the answer says what to do now, and may well name it.
        IReadOnlyList<string> excluded = q.Urgent ? [] : BottomLineRanking.ExcludedWords(q.Question);
        // Only a question that asks whether the thing proposed will do proposes it ("can't we just change his diet instead?").
        var proposed = excluded.Count > 0 && q.IsYesNo ? BottomLineRanking.ProposedWords(q.Question) : [];
        var proposedMedicines = excluded.Count > 0 ? BottomLineRanking.ProposedMedicines(q.Question) : null;
        var asked = q.Interventions.Where(t => !t.IsUnsure).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var titled = new Dictionary<GradedSource, bool>(ReferenceEqualityComparer.Instance);
        var patient = ctx.Audience == Audience.Patient;
        var candidates = new List<(GradedSource Source, GradedSentence Sentence, BottomLineCandidate Candidate)>();
        // Sentences of these sources that name none of the question's terms: a few of them, the closest in meaning,
        // may still say what was asked in other words ("assess pain and unmet needs before medicines").
        var unnamed = new List<(GradedSource Source, GradedSentence Sentence)>();
        foreach (var s in usable)
        {
            foreach (var x in s.Sentences)
            {
                if (IsPoorStatement(x.Text) || ctx.OtherVoice(x.Text))
                {
                    continue;
                }
                if (!Bearing(s, x))
                {
                    unnamed.Add((s, x));
                    continue;
                }
                candidates.Add((s, x, new BottomLineCandidate(s.Source.Key, x.Order, (int)s.Level, everyMeaning ? ctx.Plain(s, x) : x.Text, Signals(s, x))));
            }
        }
        if (ctx.StoredSimilarity is { } stored && unnamed.Count > 0)
        {
            // Only sentences whose vectors were stored when the library was embedded: a dot product each.
            var texts = unnamed.Select(u => u.Sentence.Text).Distinct(StringComparer.Ordinal).ToList();
            var cosines = stored(q.Question, texts);
            var askedCosines = ToldWithStory(q) ? stored(q.FocusQuestion, texts) : cosines;
            if (cosines.Count == texts.Count && askedCosines.Count == texts.Count)
            {
                var askedBySentence = texts.Select((t, k) => (t, c: askedCosines[k])).ToDictionary(p => p.t, p => p.c, StringComparer.Ordinal);
                var closest = texts.Select((t, k) => (Text: t, Cosine: cosines[k])).Where(p => !double.IsNaN(p.Cosine))
                    .OrderByDescending(p => p.Cosine).ThenBy(p => p.Text, StringComparer.Ordinal).Take(BottomLineRanking.AdmittedByMeaning)
                    .ToDictionary(p => p.Text, p => p.Cosine, StringComparer.Ordinal);
                foreach (var (s, x) in unnamed)
                {
                    if (closest.TryGetValue(x.Text, out var cosine))
                    {
                        var f = Signals(s, x);
                        f[BottomLineRanking.MeaningOnlyFeature] = 1;
                        // Its words name none of the question's terms, which is why it is here: it counts as relevant as
                        // the least relevant sentence that does, and the meaning-only weight says how far to trust it.
                        f[BottomLineRanking.RelevanceFeature] = Math.Log(BearingRelevance);
                        f[BottomLineRanking.MeaningFeature] = cosine / BottomLineRanking.MeaningUnit;
                        f[BottomLineRanking.MeaningAskedFeature] = (double.IsNaN(askedBySentence[x.Text]) ? cosine : askedBySentence[x.Text]) / BottomLineRanking.MeaningUnit;
                        candidates.Add((s, x, new BottomLineCandidate(s.Source.Key, x.Order, (int)s.Level, everyMeaning ? ctx.Plain(s, x) : x.Text, f)));
                    }
                }
            }
        }

        bool TitledWithCondition(GradedSource s)
        {
            if (!titled.TryGetValue(s, out var names))
            {
                titled[s] = names = TitleNames(s, q.Conditions);
            }
            return names;
        }

        double[] Signals(GradedSource s, GradedSentence x)
        {
            static double On(bool b) => b ? 1 : 0;
            var f = new double[BottomLineRanking.FeatureNames.Count];
            var recordBottomLine = x.SectionCategory == "summary" && x.Span.Start == 0;
            // Which sentence answers is decided on the source's own words; how it reads to a patient comes after.
            var hard = patient && HardAsWritten(ctx, x.Text);
            var namesTopic = patient && named.Count > 0 && s.Source.Kind == SourceKind.PatientInformation;
            var i = 0;
            f[i++] = Math.Log(Math.Max(Math.Max(x.Relevance, x.IsConclusion ? 0.5 * s.Relevance : 0), 0.01));
            f[i++] = Math.Log(s.Level.BaseWeight());
            f[i++] = Math.Log(0.5 + s.RelativeScore);
            f[i++] = On(x.IsConclusion || x.SectionCategory is "summary" or "recommendation");
            f[i++] = On(x.SectionCategory is "background" or "methods");
            f[i++] = On(want != Stance.None && x.Stance == want);
            f[i++] = On(want != Stance.None && x.Stance != want && x.Stance == Stance.None);
            f[i++] = On(want != Stance.None && x.Stance != want && x.Stance != Stance.None);
            f[i++] = On(want == Stance.Inconclusive && x.Stance == Stance.Against);
            f[i++] = Math.Log(KindFit(q, x));
            // A sentence on the medicine for some other condition ("for migraine, an NSAID ...") does not answer
            // a question about this one.
            f[i++] = On(q.MainIntervention is not null && q.MainCondition is not null && !x.MentionsCondition);
            // The sentence that decided the verdict ("many older children ... without antibiotics").
            f[i++] = On(verdict?.Deciding is { } deciding && ReferenceEquals(deciding.Sentence, x));
            // A record's Summary opens with its bottom line: the sentence written to stand for the whole record.
            f[i++] = On(recordBottomLine);
            f[i++] = On(patient && (s.Source.Kind == SourceKind.PatientInformation || x.SectionCategory == "patient"));
            // The page that best answers the message on the topic it names speaks first.
            f[i++] = On(namesTopic && ReferenceEquals(s, named[0]));
            f[i++] = On(namesTopic && !ReferenceEquals(s, named[0]) && named.Contains(s));
            f[i++] = On(namesTopic && !named.Contains(s));
            // A word of the message that few sources use ("VDRL") singles out what was asked.
            f[i++] = On(patient && q.RareWords.Count > 0 && UsesRareWord(x.Text, q.RareWords));
            f[i++] = On(patient && WordCount(x.Text) <= 22);
            f[i++] = On(patient && WordCount(x.Text) > 22);
            f[i++] = On(hard);
            f[i++] = On(hard && recordBottomLine);
            // Normalized once: the whole question's words and the asking sentence's are both looked for in it.
            var normalizedText = TextTools.Normalize(x.Text);
            f[i++] = BottomLineRanking.WordsSharedNormalized(questionWords, normalizedText);
            f[i++] = On(asker.Excludes(x.Text));
            f[i++] = BottomLineRanking.ExcludedNamed(excluded, x.Text, asked, proposed, proposedMedicines);
            f[i++] = BottomLineRanking.NewWords(questionWords, x.Text);
            f[i++] = BottomLineRanking.NegativeForOpenQuestion(q.IsYesNo, x.Text);
            i++; // meaning: set below for the closest candidates
            // The amount test is the costliest part of answer-kind: run once, it serves the amount-given signal too.
            // A dose of the medicine asked is a dose stated: its test alone serves.
            var givesAmount = amountAsked != AmountKind.None && (!maximumAsked || AmountAsked.StatesMaximum(x.Text)) && (usedOf is null || x.MentionsIntervention)
                && (!doseAndTimeAsked || AmountAsked.StatesDoseAndDuration(x.Text))
                && (doseOf is not null ? AmountAsked.GivesDoseOf(doseOf, x.Text)
                    : AmountAsked.States(amountAsked, x.Text) && AmountAsked.StatesTimeIn(timeUnit, x.Text) && AmountAsked.StatesTimeAs(timeSense, x.Text)
                        && AmountAsked.StatesMeasure(measure, x.Text));
            f[i++] = BottomLineRanking.AnswerKind(amountAsked, asksWhen, x.Text, asksFirst, asksCare, givesReading, asksStop, asksWhy, asksStill, asksNormal, asksAlone, givesAmount, placeAsked);
            i++; // meaning-only: set by the caller for a sentence admitted by closeness in meaning alone.
            f[i++] = On(asker.Names(x.Text));
            // A leaflet titled with the condition speaks of it throughout: "draw around the redness to see whether it
            // spreads" on a cellulitis page is about cellulitis without naming it.
            var speaksOfTitle = !x.MentionsCondition && q.Conditions.Count > 0 && TitledWithCondition(s)
                && !BottomLineRanking.NamesAnotherCondition(q.Conditions, x.Text);
            f[i++] = On(s.Source.Kind == SourceKind.PatientInformation && speaksOfTitle);
            // So does a guideline or study titled with it: "change the antibiotic if there is no improvement within 7
            // days" in a sinusitis guideline is about sinusitis.
            f[i++] = On(s.Source.Kind != SourceKind.PatientInformation && speaksOfTitle);
            // A question about two medicines together ("on colchicine and now needs clarithromycin") is answered by a
            // sentence that names both.
            f[i++] = On(knownMedicines.Count >= 2 && NamesEach(x.Text, normalizedText, knownMedicines));
            // The amount asked for on its own: a figure of the kind asked is what a "how long" or "what dose" question
            // wants, more surely than the times, first choices and thresholds the answer-kind signal also counts.
            f[i++] = On(givesAmount);
            f[i++] = BottomLineRanking.WordsSharedNormalized(askingWords, normalizedText);
            // A sentence for people without what the asker says is absent fits the asker as a reading in its band does.
            var (inRange, outOfRange) = ReadingRange.Fit(readings, x.Text);
            var (withoutIt, withIt) = AbsentFinding.Fit(absent, x.Text);
            // So does a sentence for the band of severity the asker names ("for less severe depression").
            var (sameBand, otherBand) = SeverityAsked.Fit(severity, x.Text);
            f[i++] = Math.Max(Math.Max(inRange, withoutIt), sameBand);
            f[i++] = Math.Max(Math.Max(outOfRange, withIt), otherBand);
            if (bodiesAsked.Count > 0)
            {
                if (!byBodyAsked.TryGetValue(s, out var byBody))
                {
                    byBodyAsked[s] = byBody = BottomLineRanking.IsByBody(bodiesAsked, s.Source);
                }
                f[BottomLineRanking.BodyAskedFeature] = On(byBody);
            }
            if (conditionsAsked.Count >= 2)
            {
                if (!conditionsTitled.TryGetValue(s, out var inTitle))
                {
                    var title = TextTools.Normalize(s.Source.Title);
                    conditionsTitled[s] = inTitle = [.. conditionsAsked.Select(t => t.IsIn(s.Source.Title, title))];
                }
                f[BottomLineRanking.EveryConditionFeature] = On(conditionsAsked.Select((t, k) => inTitle[k] || t.IsIn(x.Text, normalizedText)).All(b => b));
            }
            return f;
        }

        // A sentence written for a group the person asked about is not in, naming what the question rules out, or saying
        // what the medicine asked about does for another condition (asked whether gabapentin helps restless legs: "for
        // neuropathic pain, gabapentin ...") cannot answer it: such sentences stand only when nothing else does. Nor can one
        // on the medicine asked given another way ("an intranasal antihistamine" asked about an oral one).
        var routesAsked = BottomLineRanking.RoutesNamed(q.Question);
        var fitting = candidates.Where(c => c.Candidate.Features[BottomLineRanking.GroupConflictFeature] == 0
            && c.Candidate.Features[BottomLineRanking.ExcludedFeature] == 0
            && !ForAnotherCondition(c.Sentence) && !BottomLineRanking.GivenAnotherWay(routesAsked, c.Sentence.Text)).ToList();
        if (fitting.Count > 0 && fitting.Count < candidates.Count)
        {
            candidates = fitting;
        }

        // A lay person telling of an emergency happening now ("we've rung 999: should I give him an aspirin while we
        // wait?") is asked about first aid, not about hospital treatment: what a guideline says doctors give after a scan
        // ("aspirin within 24 to 48 hours of an ischaemic stroke") would be unsafe to act on before help arrives. Where
        // patient information speaks of the medicine asked about, the bottom line comes from it. Only when the asking
        // sentence names the medicine: "he's had his EpiPen, do I lay him flat or let him sit up?" asks what else to do.
        if (patient && q.Urgent && q.MainIntervention is { } given && given.IsIn(q.FocusQuestion, TextTools.Normalize(q.FocusQuestion))
            && candidates.Where(c => c.Source.Source.Kind == SourceKind.PatientInformation && c.Sentence.MentionsIntervention).ToList() is { Count: > 0 } firstAid
            && firstAid.Count < candidates.Count)
        {
            candidates = firstAid;
        }
        // Nor, asked no medicine ("his face dropped for ten minutes and passed: ring 999?"), is such a person told to give
        // a dose that a guideline for clinicians sets out: where anything else answers, a dose from one does not lead.
        else if (patient && q.Urgent && q.MainIntervention is null
            && candidates.Where(c => c.Source.Source.Kind == SourceKind.PatientInformation || !AmountAsked.States(AmountKind.Dose, c.Sentence.Text)).ToList() is { Count: > 0 } noDose
            && noDose.Count < candidates.Count)
        {
            candidates = noDose;
        }

        // Asked a dose no source gives ("the first dose of tirzepatide"), what the bottom line says the library does hold
        // is about the medicine asked, not another medicine's dose; so for a time of day no source gives for it.
        if ((doseOf is not null || (amountAsked == AmountKind.Timing && usedOf is not null))
            && candidates.Where(c => c.Sentence.MentionsIntervention).ToList() is { Count: > 0 } about && about.Count < candidates.Count
            && amountLacking)
        {
            candidates = about;
        }

        bool ForAnotherCondition(GradedSentence x) =>
            q.IsYesNo && q.Focus == QuestionFocus.Benefit && q.MainIntervention is not null && q.MainCondition is not null
            && x.MentionsIntervention && !x.MentionsCondition && BottomLineRanking.NamesAnotherCondition(q.Conditions, x.Text, broaderSpeaksOfKind: true);
        if (ToldWithStory(q))
        {
            // Before the ranking picks which to compare by meaning, so that it is the ranking asked.
            candidates.ForEach(c => BottomLineRanking.CountForStory(c.Candidate.Features));
        }
        if (ctx.Similarity is { } similarity && candidates.Count > 1 && (everyMeaning || ctx.Ranking.UsesMeaning))
        {
            // Closeness in meaning costs an encoding per sentence: at question time only the best few by the other
            // signals are compared, and the rest count as far as the farthest of them.
            var texts = candidates.OrderByDescending(c => ctx.Ranking.Score(c.Candidate.Features)).Select(c => c.Sentence.Text)
                .Distinct(StringComparer.Ordinal).Take(everyMeaning ? BottomLineRanking.MeaningCandidatesWhenFitting : BottomLineRanking.MeaningCandidates).ToList();
            IReadOnlyList<double> Compare(string text) => everyMeaning ? similarity(text, texts) : Closeness(ctx, similarity, text, texts);
            var cosines = Compare(q.Question);
            if (cosines.Count == texts.Count && cosines.Any(c => !double.IsNaN(c)))
            {
                var bySentence = Closest(texts, cosines);
                var askedCosines = ToldWithStory(q) ? Compare(q.FocusQuestion) : cosines;
                var askedBySentence = askedCosines.Count == texts.Count && askedCosines.Any(c => !double.IsNaN(c)) ? Closest(texts, askedCosines) : bySentence;
                var story = ToldWithStory(q);
                foreach (var c in candidates.Where(c => c.Candidate.Features[BottomLineRanking.MeaningOnlyFeature] == 0))
                {
                    Set(c.Candidate.Features, BottomLineRanking.MeaningFeature, bySentence(c.Sentence.Text) / BottomLineRanking.MeaningUnit);
                    Set(c.Candidate.Features, BottomLineRanking.MeaningAskedFeature, askedBySentence(c.Sentence.Text) / BottomLineRanking.MeaningUnit);
                }

                // The other signals were copied to their story rows above; only the closeness is new.
                void Set(double[] features, int signal, double value)
                {
                    features[signal] = value;
                    if (story)
                    {
                        features[BottomLineRanking.SignalCount + signal] = value;
                    }
                }
            }
        }
        return candidates;
    }

    /// <summary>
    /// Whether the asking sentence stands apart from a story told around it: its own closeness is worth reading, and
    /// the signals count in their story copies (<see cref="BottomLineRanking.StoryPrefix"/>).
    /// </summary>
    private static bool ToldWithStory(QuestionAnalysis q) =>
        q.FocusQuestion.Length > 0 && q.FocusQuestion.Length < q.Question.Length;

    /// <summary>
    /// Each text's cosine; a sentence left unencoded (NaN), or not among those compared, counts as far as the farthest
    /// compared.
    /// </summary>
    private static Func<string, double> Closest(IReadOnlyList<string> texts, IReadOnlyList<double> cosines)
    {
        var farthest = cosines.Where(c => !double.IsNaN(c)).Min();
        var bySentence = texts.Select((t, k) => (t, c: double.IsNaN(cosines[k]) ? farthest : cosines[k])).ToDictionary(p => p.t, p => p.c, StringComparer.Ordinal);
        return text => bySentence.TryGetValue(text, out var cosine) ? cosine : farthest;
    }

    /// <summary>
    /// How many sentences without a stored vector an ask encodes at most: in a library whose embedding stage has not
    /// reached them, encoding every candidate compared would cost several times the rest of the ask (PERFORMANCE.md).
    /// </summary>
    public const int EncodedAtAsk = 8;

    /// <summary>
    /// The question's closeness to each text at question time: read from stored sentence vectors, and for texts without
    /// one, encoded for the first <see cref="EncodedAtAsk"/> only (the texts come best first); NaN for the rest.
    /// </summary>
    private static IReadOnlyList<double> Closeness(Context ctx, Func<string, IReadOnlyList<string>, IReadOnlyList<double>> similarity, string question, IReadOnlyList<string> texts)
    {
        if (ctx.StoredSimilarity is not { } stored || stored(question, texts) is not { } found || found.Count != texts.Count)
        {
            return similarity(question, [.. texts.Take(EncodedAtAsk)]) is { } first && first.Count == Math.Min(texts.Count, EncodedAtAsk)
                ? [.. first, .. Enumerable.Repeat(double.NaN, texts.Count - first.Count)]
                : [];
        }
        var result = found.ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => double.IsNaN(result[i])).Take(EncodedAtAsk).ToList();
        if (missing.Count > 0 && similarity(question, [.. missing.Select(i => texts[i])]) is { } encoded && encoded.Count == missing.Count)
        {
            for (var k = 0; k < missing.Count; k++)
            {
                result[missing[k]] = encoded[k];
            }
        }
        return result;
    }

    private static Statement? BottomLine(Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> usable, Verdict? verdict, IReadOnlyList<GradedSource> named, bool amountLacking)
    {
        var candidates = BottomLineCandidates(ctx, q, usable, verdict, named, everyMeaning: false, amountLacking);
        if (candidates.Count == 0)
        {
            return null;
        }
        // The verdict is shown once, beside the bottom line, so the bottom line does not say it again.
        // Strongest evidence first: a guideline's sentence before a study's.
        var chosen = ctx.Ranking.Choose([.. candidates.Select(c => c.Candidate)], BottomLineRanking.AsksTwoThings(q.Question));
        return ctx.Statement("", [.. chosen.Select(i => (candidates[i].Source, candidates[i].Sentence))]);
    }

    private static double KindFit(QuestionAnalysis q, GradedSentence x)
    {
        var cat = x.SectionCategory;
        return q.Kind switch
        {
            QuestionKind.Dosing => x.Facts.Any(f => f.Kind is FactKind.Dose or FactKind.Threshold) || cat is "dosing" or "thresholds" ? 1.8 : 0.8,
            QuestionKind.Treatment => cat is "recommendation" or "treatment-steps" or "summary" || TreatmentWords().IsMatch(x.Text) ? 1.5 : 1,
            QuestionKind.AdverseEffects => cat is "adverse-effects" or "contraindications" or "interactions" ? 1.6 : 1,
            QuestionKind.Diagnosis => cat is "diagnosis" or "differential" || DiagnosisWords().IsMatch(x.Text) ? 1.6 : 1,
            QuestionKind.Definition => cat is "summary" or "background" or "patient" || x.SectionLabel == "Answer" ? 1.5 : 1,
            QuestionKind.Prevention => cat == "prevention" || PreventionWords().IsMatch(x.Text) ? 1.6 : 1,
            QuestionKind.Prognosis => cat == "prognosis" ? 1.6 : 1,
            QuestionKind.Causes => cat is "risk-factors" or "mechanism" ? 1.5 : 1,
            _ => 1,
        };
    }

    // ---------------------------------------------------------------- sections

    private static List<Statement> GuidelineSection(Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> sources)
    {
        var list = new List<Statement>();
        foreach (var s in sources.Where(s => s.Source.Kind == SourceKind.Guideline))
        {
            var picks = s.Sentences
                .Where(x => !ctx.Unusable(s, x) && !IsPoorStatement(x.Text) && !TooHard(ctx, s, x)
                    && (x.SectionCategory == "summary"
                        || ((x.SectionCategory == "recommendation" || x.SectionLabel.StartsWith("Recommendation", StringComparison.OrdinalIgnoreCase))
                            && q.Kind is not (QuestionKind.Definition or QuestionKind.Causes or QuestionKind.Diagnosis or QuestionKind.Prognosis)))
                    && x.Relevance >= (q.Interventions.Count > 0 && q.Conditions.Count > 0 ? 0.35 : 0.3))
                .OrderByDescending(x => x.Relevance)
                .ThenBy(x => x.Order)
                .Take(3)
                .OrderBy(x => x.Order);
            foreach (var x in picks)
            {
                list.Add(ctx.Statement("", [(s, x)]));
                if (list.Count >= (ctx.Audience == Audience.Patient ? 3 : MaxPerSection))
                {
                    return list;
                }
            }
        }
        return list;
    }

    private static List<Statement> ResearchSection(Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> usable)
    {
        var list = new List<Statement>();
        foreach (var s in usable.Where(s => s.Source.Kind == SourceKind.Research))
        {
            var finding = s.Sentences
                .Where(x => !ctx.Unusable(s, x) && !IsPoorStatement(x.Text) && Bearing(s, x) && x.SectionCategory is not ("background" or "methods"))
                .OrderByDescending(x => (x.IsConclusion ? 1.5 : IsResults(x) ? 1.1 : 0.7) * x.Relevance * (x.Stance != Stance.None ? 1.2 : 1))
                .ThenBy(x => x.Order)
                .FirstOrDefault();
            if (finding is null)
            {
                continue;
            }
            var lead = StudyIntroduction(s, ctx.Audience);
            list.Add(ctx.Statement(lead, [(s, finding)]));
            if (list.Count >= (ctx.Audience == Audience.Patient ? 3 : MaxResearch))
            {
                break;
            }
        }
        return list;
    }

    /// <summary>"A randomized controlled trial of 120 people (2019) found:" (see <see cref="StudyWording"/>).</summary>
    public static string StudyIntroduction(GradedSource s, Audience audience) => StudyWording.Introduction(s, audience);

    /// <summary>
    /// For a clinician a practical section is written from guidelines, studies and labels; patient leaflets fill it
    /// only when those have nothing to say (one voice per audience).
    /// </summary>
    private static List<Statement> CategorySection(Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> sources, string[] categories, int max, bool requireMention)
    {
        if (ctx.Audience == Audience.Clinician && sources.Any(s => s.Source.Kind == SourceKind.PatientInformation))
        {
            var professional = sources.Where(s => s.Source.Kind != SourceKind.PatientInformation).ToList();
            var fromProfessional = CategorySection(ctx, q, professional, categories, max, requireMention, relaxed: false);
            if (fromProfessional.Count > 0)
            {
                return fromProfessional;
            }
        }
        var list = CategorySection(ctx, q, sources, categories, max, requireMention, relaxed: false);
        if (list.Count > 0 || ctx.Audience != Audience.Patient)
        {
            return list;
        }
        // For patients, harder sentences are used only where the section is what the question asks for.
        var essential = categories.Contains("urgent")
            || (categories.Contains("treatment-steps") && q.Kind == QuestionKind.Treatment)
            || (categories.Contains("adverse-effects") && q.Kind == QuestionKind.AdverseEffects)
            || (categories.Contains("contraindications") && q.Kind == QuestionKind.AdverseEffects)
            || (categories.Contains("diagnosis") && q.Kind == QuestionKind.Diagnosis)
            || (categories.Contains("prevention") && q.Kind == QuestionKind.Prevention);
        return essential ? CategorySection(ctx, q, sources, categories, 2, requireMention, relaxed: true) : list;
    }

    private static List<Statement> CategorySection(Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> sources, string[] categories, int max, bool requireMention, bool relaxed)
    {
        var list = new List<Statement>();
        foreach (var s in sources)
        {
            foreach (var x in s.Sentences)
            {
                if (x.SectionCategory is null || !categories.Contains(x.SectionCategory) || ctx.Unusable(s, x) || IsPoorStatement(x.Text) || (!relaxed && TooHard(ctx, s, x)))
                {
                    continue;
                }
                if (requireMention && !x.MentionsIntervention && !x.MentionsCondition)
                {
                    continue;
                }
                list.Add(ctx.Statement("", [(s, x)]));
                if (list.Count >= (ctx.Audience == Audience.Patient ? Math.Min(max, 4) : max))
                {
                    return list;
                }
            }
            if (list.Count > 0 && categories.Contains("treatment-steps"))
            {
                return list; // one guideline's steps, in its order
            }
        }
        return list;
    }

    private static List<Statement> DosingSection(Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> sources)
    {
        if (ctx.Audience == Audience.Clinician && sources.Any(s => s.Source.Kind == SourceKind.PatientInformation))
        {
            var fromProfessional = DosingSection(ctx, q, sources.Where(s => s.Source.Kind != SourceKind.PatientInformation).ToList(), relaxed: false);
            if (fromProfessional.Count > 0)
            {
                return fromProfessional;
            }
        }
        var list = DosingSection(ctx, q, sources, relaxed: false);
        return list.Count > 0 || ctx.Audience != Audience.Patient || q.Kind != QuestionKind.Dosing ? list : DosingSection(ctx, q, sources, relaxed: true);
    }

    private static List<Statement> DosingSection(Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> sources, bool relaxed)
    {
        var list = new List<Statement>();
        var drugQuestion = q.Interventions.Count > 0;
        foreach (var s in sources)
        {
            foreach (var x in s.Sentences)
            {
                var inDosing = x.SectionCategory is "dosing" or "thresholds";
                var hasDose = x.Facts.Any(f => f.Kind is FactKind.Dose);
                var fits = inDosing
                    ? (!drugQuestion || x.MentionsIntervention || q.Kind is QuestionKind.Treatment || !s.Sentences.Any(o => o.MentionsIntervention && o.SectionCategory is "dosing"))
                    : hasDose && x.SectionCategory is not ("background" or "methods" or "results") && s.Source.Kind != SourceKind.Research
                        && (drugQuestion ? x.MentionsIntervention : x.MentionsCondition || q.Kind == QuestionKind.Treatment);
                if (!fits || ctx.Unusable(s, x) || IsPoorStatement(x.Text) || (!relaxed && TooHard(ctx, s, x)))
                {
                    continue;
                }
                list.Add(ctx.Statement("", [(s, x)]));
                if (list.Count >= (ctx.Audience != Audience.Patient ? MaxPerSection : relaxed ? 2 : 3))
                {
                    return list;
                }
            }
        }
        return list;
    }

    private static List<Statement> PatientSection(Context ctx, QuestionAnalysis q, IReadOnlyList<GradedSource> sources)
    {
        var list = new List<Statement>();
        var candidates = new List<(GradedSource S, GradedSentence X, double Score)>();
        foreach (var s in sources)
        {
            var isPatientSource = s.Source.Kind == SourceKind.PatientInformation;
            foreach (var x in s.Sentences)
            {
                var patientText = x.SectionCategory == "patient" || isPatientSource;
                if (!patientText || (x.Relevance < 0.3 && !(x.SectionCategory == "patient" && s.BearsOnCondition)))
                {
                    continue;
                }
                if (ctx.Unusable(s, x) || IsPoorStatement(x.Text) || TooHard(ctx, s, x))
                {
                    continue;
                }
                var score = (0.5 + x.Relevance) * (WordCount(x.Text) <= 22 ? 1.3 : 1) * (x.SectionCategory == "patient" ? 1.2 : 1) * (0.5 + s.RelativeScore);
                candidates.Add((s, x, score));
            }
        }
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.S.Source.Key, StringComparer.Ordinal).ThenBy(c => c.X.Order).Take(MaxPerSection))
        {
            list.Add(ctx.Statement("", [(c.S, c.X)]));
        }
        return list;
    }

    private static bool UsesRareWord(string text, IReadOnlySet<string> rareWords) =>
        TextTools.Tokens(TextTools.Normalize(text)).Any(rareWords.Contains);

    // ---------------------------------------------------------------- follow-ups

    /// <summary>
    /// For a patient whose message names a topic the library has question-answer pairs on, the questions those pairs
    /// answer make the best follow-ups; null for anyone else.
    /// </summary>
    private static List<string>? PatientFollowUps(Audience audience, QuestionAnalysis q, IReadOnlyList<GradedSource> named)
    {
        if (audience != Audience.Patient || named.Count == 0)
        {
            return null;
        }
        return NamedTopicFollowUps(q, named, named[0]);
    }

    /// <summary>The page questions first; the general follow-ups fill up to three.</summary>
    private static List<string> Merge(List<string>? fromPages, IEnumerable<string> general)
    {
        var list = fromPages ?? [];
        foreach (var f in general)
        {
            if (list.Count >= 3)
            {
                break;
            }
            if (!list.Contains(f, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(f);
            }
        }
        return list;
    }

    /// <summary>
    /// After an abstention, a follow-up may only be about a known medicine or condition some source found bears on:
    /// the words the analysis could not place ("patch only been on it") are what the library lacks.
    /// </summary>
    private static bool OnlyHeldTopics(string followUp, QuestionAnalysis q, IReadOnlyList<GradedSource> ranked)
    {
        foreach (var term in q.Interventions.Concat(q.Conditions))
        {
            if (!followUp.Contains(term.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var isIntervention = q.Interventions.Contains(term);
            var held = Known(term) && ranked.Any(s => isIntervention ? s.BearsOnIntervention : s.BearsOnCondition);
            if (!held)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A follow-up built on words the analysis merely lifted from the message and that read like no topic's name:
    /// a short everyday word ("well", "learn"), a strength or a date, a run of four words or more, or only words
    /// that name no topic on their own ("Diagnosis", "treatment options").
    /// </summary>
    private static bool NamesUnlikelyTopic(string followUp, QuestionAnalysis q) =>
        q.Interventions.Concat(q.Conditions).Any(t => !Known(t) && followUp.Contains(t.Name, StringComparison.OrdinalIgnoreCase)
            && (t.Name.Any(char.IsDigit) || t.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 || (t.Name.Length <= 5 && !t.Name.Any(char.IsUpper))
                || ConsumerAnswerMatcher.IsGenericName(t.Name)));

    /// <summary>3-5 follow-up questions the library can answer, from the sections present in the evidence found.</summary>
    public static IReadOnlyList<string> FollowUps(QuestionAnalysis q, IReadOnlyList<GradedSource> ranked)
    {
        var x = q.MainIntervention?.Name;
        var y = q.MainCondition?.Name;
        var derived = false;
        if (x is null && y is not null)
        {
            // A treatment question names no medicine: take the first one the leading evidence names.
            x = FirstDrugInEvidence(ranked);
            derived = x is not null;
        }
        var categories = new HashSet<string>(StringComparer.Ordinal);
        var mentionsPregnancy = false;
        var hasDoseFacts = false;
        foreach (var s in ranked.Where(s => s.Relevance > 0.2))
        {
            foreach (var sec in s.Source.Sections)
            {
                if (sec.Category is not null)
                {
                    categories.Add(sec.Category);
                }
            }
            foreach (var sent in s.Sentences)
            {
                if (!mentionsPregnancy && sent.Relevance > 0 && sent.Text.Contains("pregnan", StringComparison.OrdinalIgnoreCase))
                {
                    mentionsPregnancy = true;
                }
                hasDoseFacts |= (sent.MentionsIntervention || (x is not null && sent.Text.Contains(x, StringComparison.OrdinalIgnoreCase)))
                    && (sent.Facts.Any(f => f.Kind == FactKind.Dose) || sent.SectionCategory == "dosing");
            }
        }
        var list = new List<string>();
        void Add(bool when, string? text)
        {
            if (when && text is not null && !list.Contains(text) && list.Count < 5
                && !string.Equals(text.TrimEnd('?'), q.FocusQuestion.TrimEnd('?', ' '), StringComparison.OrdinalIgnoreCase))
            {
                list.Add(text);
            }
        }
        Add(q.Kind != QuestionKind.Dosing && x is not null && hasDoseFacts, y is not null ? $"What dose of {x} is used for {y}?" : $"What is the usual dose of {x}?");
        Add(q.Kind != QuestionKind.Treatment && y is not null && (categories.Contains("treatment-steps") || categories.Contains("recommendation")), $"What is the first-line treatment for {y}?");
        Add(q.Kind != QuestionKind.AdverseEffects && x is not null && categories.Contains("adverse-effects"), $"What are the side effects of {x}?");
        Add(x is not null && (categories.Contains("contraindications") || categories.Contains("interactions")), $"Who should not take {x}, and what does it interact with?");
        Add(y is not null && categories.Contains("avoid"), $"Which medicines should be avoided in {y}?");
        Add(y is not null && categories.Contains("differential"), $"What other conditions can look like {y}?");
        Add(y is not null && categories.Contains("urgent"), $"When is {y} an emergency?");
        Add(q.Kind != QuestionKind.Prevention && y is not null && categories.Contains("prevention"), $"How can {y} be prevented?");
        Add(x is not null && mentionsPregnancy && q.Population != "pregnancy", $"Is {x} safe in pregnancy?");
        Add(y is not null && categories.Contains("mechanism") && q.Kind != QuestionKind.Causes, $"What causes {y}?");
        Add(q.Kind != QuestionKind.Diagnosis && y is not null && categories.Contains("diagnosis"), $"How is {y} diagnosed?");
        // Fill up to three with questions every library with these sources can take.
        Add(list.Count < 3 && x is not null && y is not null && q.Kind != QuestionKind.YesNoEfficacy && !derived, $"Does {x} help with {y}?");
        Add(list.Count < 3 && y is not null && q.Kind != QuestionKind.Treatment && !list.Any(f => f.StartsWith("What is the first-line treatment", StringComparison.Ordinal)), $"How is {y} treated?");
        Add(list.Count < 3 && y is not null && q.Kind != QuestionKind.Definition, $"What is {y}?");
        Add(list.Count < 3 && x is not null && q.Kind != QuestionKind.AdverseEffects, $"What are the side effects of {x}?");
        Add(list.Count < 3 && x is not null && q.Kind != QuestionKind.Definition, $"What is {x} used for?");
        Add(list.Count < 3 && y is not null && q.Kind != QuestionKind.Prognosis, $"What is the outlook for {y}?");
        return list;
    }

    private static string? FirstDrugInEvidence(IReadOnlyList<GradedSource> ranked)
    {
        foreach (var s in ranked.Take(3))
        {
            foreach (var sent in s.Sentences.Where(x => x.Relevance >= 0.3 && x.SectionCategory is "summary" or "recommendation" or "dosing").Take(6))
            {
                var drug = Vocabulary.FindAll(sent.Text).FirstOrDefault(m => m.Group.Type == "drug");
                if (drug is not null)
                {
                    return drug.Group.Name;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>
    /// A sentence bears on the question when it names what the question asks about, or when it is the conclusion of
    /// a source written about exactly this question (its title matches even if the sentence says "this treatment").
    /// </summary>
    private const double BearingRelevance = 0.3;

    private static bool Bearing(GradedSource s, GradedSentence x) => x.Relevance >= BearingRelevance || (x.IsConclusion && s.Relevance >= 0.5);

    private static bool IsResults(GradedSentence x)
    {
        var key = (x.SectionCategory ?? x.SectionLabel).ToUpperInvariant();
        return key.Contains("RESULT") || key.Contains("FINDING");
    }

    /// <summary>For patients: sentences too long or too technical to read easily are left out.</summary>
    /// <summary>
    /// For patients: whether a sentence as its source wrote it (in plain words, but not reworded or split) is too long or
    /// too technical. The bottom line is chosen on this, so rewording changes how an answer reads, not what it answers.
    /// </summary>
    private static bool HardAsWritten(Context ctx, string text) =>
        ctx.Audience == Audience.Patient && (WordCount(text) > 32 || ctx.Hardness(text, asWritten: true));

    private static bool TooHard(Context ctx, GradedSource s, GradedSentence x)
    {
        if (ctx.Audience != Audience.Patient)
        {
            return false;
        }
        var text = PlainWording(s, x) ?? x.Text;
        // Judged as the reader will see it: in plain words, long sentences split at their clauses.
        return ctx.Hardness(text);
    }

    /// <summary>The plain wording the record's editors wrote for a sentence, if any (see <see cref="SourceSection.Plain"/>).</summary>
    private static string? PlainWording(GradedSource s, GradedSentence x) =>
        x.SectionIndex < s.Source.Sections.Count ? s.Source.Sections[x.SectionIndex].PlainWordingOf(x.Text) : null;

    /// <summary>Fragments that make poor statements: headings, very short or very long runs, questions.</summary>
    private static bool IsPoorStatement(string text)
    {
        var words = WordCount(text);
        return words < 4 || words > 90 || text.TrimEnd().EndsWith('?') || text.TrimEnd().EndsWith(':');
    }

    /// <summary>The words of the longest sentence of a text the patient wording may have split.</summary>
    private static int LongestSentenceWords(string text) =>
        TextTools.SplitSentences(text).Select(span => WordCount(text.Substring(span.Start, span.Length))).DefaultIfEmpty(0).Max();

    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }
        return count;
    }

    /// <summary>Citation numbering (by first citation) and which sentences are already used.</summary>
    private sealed class Context(Audience audience)
    {
        private readonly List<GradedSource> _order = [];
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly HashSet<(string, int)> _used = [];
        private readonly HashSet<string> _glossed = new(StringComparer.Ordinal);

        public Audience Audience { get; } = audience;

        /// <summary>How the bottom line is chosen among candidate sentences.</summary>
        public required BottomLineRanking Ranking { get; init; }

        /// <summary>How close candidate statements are to the question in meaning, where the library has embeddings.</summary>
        public Func<string, IReadOnlyList<string>, IReadOnlyList<double>>? Similarity { get; init; }

        /// <summary>Closeness in meaning from stored sentence vectors only (NaN for a sentence without one).</summary>
        public Func<string, IReadOnlyList<string>, IReadOnlyList<double>>? StoredSimilarity { get; init; }

        /// <summary>A sentence as this audience reads it (as <see cref="Statement"/> writes it), without citing it.</summary>
        public string Plain(GradedSource s, GradedSentence x)
        {
            var sentence = TextTools.Squash(x.Text);
            if (Audience == Audience.Patient)
            {
                sentence = PlainWording(s, x) is { } plain
                    ? TextTools.Squash(plain)
                    : PlainSentences.Shorten(LayVocabulary.Simplify(sentence, new HashSet<string>(StringComparer.Ordinal)));
            }
            return EndWithStop(sentence);
        }

        private readonly Dictionary<string, bool> _hard = new(StringComparer.Ordinal);

        public bool Used(GradedSource s, GradedSentence x) => _used.Contains((s.Source.Key, x.Order));

        /// <summary>Already used, or written to the other audience (a leaflet's "see your doctor" on a clinician page).</summary>
        public bool Unusable(GradedSource s, GradedSentence x) => Used(s, x) || OtherVoice(x.Text);

        /// <summary>A clinician article does not speak to the patient: sentences addressed to "you" stay in the patient wording.</summary>
        public bool OtherVoice(string text) => Audience == Audience.Clinician && AddressesReader().IsMatch(text);

        /// <summary>Whether a sentence, in plain words, still reads above grade 12 (cached per answer).</summary>
        public bool Hardness(string text, bool asWritten = false)
        {
            var key = (asWritten ? "w:" : "s:") + text;
            if (!_hard.TryGetValue(key, out var hard))
            {
                var lay = LayVocabulary.Simplify(text);
                var plain = asWritten ? lay : PlainSentences.Shorten(lay);
                hard = LongestSentenceWords(plain) > 32 || Readability.FleschKincaidGrade(plain) > 12;
                _hard[key] = hard;
            }
            return hard;
        }

        public int Cite(GradedSource s)
        {
            if (!_numbers.TryGetValue(s.Source.Key, out var n))
            {
                _order.Add(s);
                n = _order.Count;
                _numbers[s.Source.Key] = n;
            }
            return n;
        }

        public Statement Statement(string lead, IReadOnlyList<(GradedSource Source, GradedSentence Sentence)> parts, bool markUsed = true)
        {
            var texts = new List<string>();
            if (lead.Length > 0)
            {
                texts.Add(lead);
            }
            var citations = new List<int>();
            var spans = new List<SourceSpan>();
            foreach (var (s, x) in parts)
            {
                var n = Cite(s);
                if (!citations.Contains(n))
                {
                    citations.Add(n);
                }
                var sentence = TextTools.Squash(x.Text);
                if (Audience == Audience.Patient)
                {
                    // The editors' own plain wording of the sentence is preferred to any made by rule.
                    sentence = PlainWording(s, x) is { } plain
                        ? TextTools.Squash(plain)
                        : PlainSentences.Shorten(LayVocabulary.Simplify(sentence, _glossed));
                }
                texts.Add(EndWithStop(sentence));
                spans.Add(new SourceSpan(n, s.Source.Key, x.SectionLabel, x.Span.Start, x.Span.Length, x.Text) { Passage = Passage(s, x) });
                if (markUsed)
                {
                    _used.Add((s.Source.Key, x.Order));
                }
            }
            return new Statement(string.Join(" ", texts), citations, spans);
        }

        /// <summary>The sentence before, the cited sentence and the one after, from the same section of the source.</summary>
        private static string Passage(GradedSource s, GradedSentence x)
        {
            var around = s.Sentences.Where(o => o.SectionIndex == x.SectionIndex && Math.Abs(o.Order - x.Order) <= 1).OrderBy(o => o.Order)
                .Select(o => TextTools.Squash(o.Text).Trim());
            return string.Join(" ", around);
        }

        public IReadOnlyList<Reference> References() => _order
            .Select((s, i) => new Reference(i + 1, s.Source.Kind.ToSlug(), s.Source.Title, s.Source.Container, s.Source.Year, ExternalIdsView.From(s.Source.Ids))
            {
                Edition = s.Source.Edition,
                NewerEdition = s.Source.NewerEdition,
            })
            .ToList();

        private static string EndWithStop(string s)
        {
            var t = s.TrimEnd();
            if (t.Length == 0)
            {
                return t;
            }
            return t[^1] is '.' or '!' or '?' or ')' or '"' ? t : t + ".";
        }
    }
}
