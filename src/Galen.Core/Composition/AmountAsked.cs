using System.Text.RegularExpressions;
using Galen.Core.Analysis;

namespace Galen.Core.Composition;

/// <summary>What a figure asked for measures, when the question names its unit.</summary>
public enum Measure
{
    None,
    Volume,
    Length,
    Weight,
    /// <summary>A share: a percentage, a proportion.</summary>
    Share,
    /// <summary>A level measured or aimed at (a target, a threshold, a cut-off): any figure but a dose given.</summary>
    Level,
}

/// <summary>What kind of amount a question asks for, if any.</summary>
public enum AmountKind
{
    None,
    /// <summary>"What dose", "how much ... a day", "how many milligrams".</summary>
    Dose,
    /// <summary>"How long".</summary>
    Duration,
    /// <summary>"How many", "how often": some other figure.</summary>
    Figure,
    /// <summary>"What time of day", "morning or evening", "with food or on an empty stomach": when to take something.</summary>
    Timing,
}

/// <summary>What a length of time asked is: a course taken, or a wait before something.</summary>
public enum TimeSense
{
    Unknown,
    Course,
    Wait,
}

/// <summary>
/// Questions that ask for an amount are answered by a figure: when no sentence of the library about the thing
/// asked gives one, the bottom line says so before what the library does hold, rather than quoting a neighbouring
/// fact as if it answered.
/// </summary>
public static partial class AmountAsked
{
    // A regimen is a dose and its schedule ("hydroxocobalamin regimen, initial and ongoing?").
    [GeneratedRegex(@"\b(?:what|which|usual|normal|right|correct|daily|starting|maximum|max)\s+(?:daily\s+|starting\s+|usual\s+)?(?:dose|dosage|strength)\b|\b(?:dos(?:e|ing)\s+)?regimens?\b|\b" + QuestionAnalyzer.HowMuchOfAnAmount + @"|\b" + QuestionAnalyzer.HowManyOfADose + @"|\b(?:the\s+)?most\s+(?:[\w-]+\s+){0,3}?(?:i|you|we|he|she|they|one)\s*(?:'m|'re|am|are|is)?\s+(?:allowed|able|can|could|should|may)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksDose();

    // "How many minutes of exercise" asks for a length of time as much as "how long" does, and so do "how much longer",
    // "course length", "how soon", "how quickly", "what time to peak", a deadline or time limit for starting something, a
    // washout between two medicines, the gap between two doses or how far apart to space them, and a terse "amoxicillin
    // started: duration?".
    [GeneratedRegex(@"\bhow\s+(?:soon|quickly|far\s+apart)\b|\b(?:what|which|how\s+(?:long|big)\s+(?:a|of\s+a))\s+(?:time\s+)?(?:gap|interval|pause|break)\b[^.?!]{0,40}?\b(?:between|before|after|since)\b|\bspac(?:e|ing)\s+(?:[\w-]+\s+){0,6}?(?:out|apart)\b|\b(?:duration|length)\s*\?\s*$|\b(?:what|which)\s+(?:time|interval|time\s+(?:interval|frame|window))\s+(?:to|until|till|from|between|before)\b|\bwithin\s+what\s+time\b|\bwash-?\s?out\b|\b(?:deadline|time\s+limit|cut-?off\s+time)\b|\bby\s+when\b|\b(?:course|treatment)\s+(?:length|duration)\b|\b(?:length|duration)\s+of\s+(?:the\s+)?(?:course|treatment|therapy|antibiotics?)\b|\bhow\s+long\b|\bhow\s+much\s+(?:longer|more\s+time)\b|\b(?:how\s+many|number\s+of)\s+(?:minutes|hours|days|weeks|months|years)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksDuration();

    // "At what serum concentration", "what blood pressure target", "above what level", "at what eGFR should", "how high
    // does the CK have to be": a threshold is a figure; so is "by what percentage". "Frequency" asks how often (a "dosing
    // frequency" is part of a dose). A terse "serum urate target?" or "target saturation range?" asks for the figure as
    // much as "what target?", as does "the level that defines deficiency?"; and "is a reading of 60 low enough for
    // treatment?" for the line it is measured against, as "3 or 4 times a week: is that too much?" does for the line of
    // too much.
    [GeneratedRegex(@"\bhow\s+(?:many|often|frequently|high|low)\b|\b(?:at|above|below|over|under)\s+what\s+(?!(?:time|stage|moment|hour|day|week|month|year|point)s?\b)[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|was|does|do|did|should|would|will|can|must|might|may)\b|\b(?<!\bdos(?:e|ing|age)\s+)frequency\b|\b(?:by\s+)?what\s+(?:percentage|percent|proportion|fraction|share)\b|\bwhat\s+(?:[\w-]+\s+){0,3}?(?:number|level|value|reading|figure|result)s?\b[^.?!]{0,40}?\b(?:get|getting|keep|keeping|stay|bring|bringing)\s+(?:it\s+|them\s+|this\s+|that\s+)?(?:under|below|down\s+to|above|over)\b|\bhow\s+much(?=" + QuestionAnalyzer.HowMuchOfAnEffect + @")|\b(?:at|above|below|from|over|under)\s+what\s+(?:[\w-]+\s+){0,3}?(?:level|concentration|value|reading|temperature|age|count|threshold|point|number)s?\b|\b(?:what|which)\s+(?:[\w-]+\s+){0,3}?(?:level|threshold|cut-?off|target|concentration)s?(?:\s+(?:range|value|level)s?)?\s+(?:is|are|should|do|does|for|of|to|counts?)\b|\b(?:target|threshold|cut-?off|goal)s?(?:\s+(?:[\w-]+\s+)?(?:level|range|value)s?)?\s*\?\s*$|\b(?:level|threshold|cut-?off|value|concentration)s?\s+(?:that|which|at\s+which)\s+(?:defines?|counts?\s+as|means?|marks?|confirms?)\b|\b(?:low|high)\s+enough\s+(?:for|to)\b|\b(?:is|are)\s+(?:that|this|it|these|those)\s+too\s+(?:much|many|often|high|low)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksFigure();

    // A mass per volume of blood or urine ("6 mg/dL", "75 µg/L", "milligrams per decilitre") is a level measured, not a
    // dose given; a mass per body weight or per day is a dose.
    [GeneratedRegex(@"\d\s*(?:-|to|–)?\s*\d*\s*(?:mg|milligrams?|micrograms?|mcg|µg|g\b|grams?|units?|iu\b|ml\b|millilitres?|milliliters?|tablets?|capsules?|puffs?|inhalations?|drops?)\b(?!\s*(?:/|per)\s*(?:dl|l|ml|deci|decilitres?|deciliters?|litres?|liters?|millilitres?|milliliters?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StatesDose();

    // An age ("aged 40 to 75 years", "80 years or older", "children under 12 years") is not a length of time.
    // "5.3 years" is a length of time as much as "5 years".
    [GeneratedRegex(@"(?<![\d.])(?<!\b(?:aged?|ages|under|over|older\s+than|younger\s+than|below|above)\s+(?:\d+\s*(?:-|to|–|and)\s*)?)\d+(?:\.\d+)?\s*(?:-|to|–)?\s*(?:\d+(?:\.\d+)?)?\s*(?:minutes?|hours?|days?|weeks?|months?|years?)\b(?!\s*(?:or\s+(?:older|over|more\s+of\s+age|younger|under)|and\s+(?:over|older|under|younger)|old\b|of\s+age\b))|\b(?:one|two|three|four|five|six|seven|ten|a few|several)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\b|\blifelong\b|\bfor life\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesDuration();

    // A digit inside a name ("vitamin B12", "COVID-19", "T4", the gene variant "HLA-B*5801") is no figure.
    [GeneratedRegex(@"(?<![\p{L}\d.*]-?)\d|\b(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesFigure();

    // So is a number joined to a word after it ("25-hydroxyvitamin D", "a 10-year risk") when a level is asked.
    [GeneratedRegex(@"(?<![\p{L}\d.*]-?)\d(?!\d*-\p{L}{2})", RegexOptions.IgnoreCase)]
    private static partial Regex StatesDigit();

    // An age or a band of ages ("aged 18 to 74 years", "adults under 75 years", "65 years or older"): who a level is for,
    // not the level.
    [GeneratedRegex(@"\b(?:aged?|ages)\s+\d+(?:\s*(?:-|to|–|and)\s*\d+)?(?:\s*(?:years?|months?|weeks?)\b)?|\b(?:under|over|older\s+than|younger\s+than|below|above)\s+\d+(?:\s*(?:-|to|–|and)\s*\d+)?\s*(?:years?|months?|weeks?)\b|\b\d+\s*(?:years?|months?)\s+(?:old|of\s+age|or\s+(?:older|over|younger|under))\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesAge();

    /// <summary>
    /// The amount a question asks for, from its words, or a dose when the analysis reads an open question as one about
    /// dosing ("amoxicillin dose for an ear infection?").
    /// </summary>
    public static AmountKind Of(QuestionAnalysis question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var kind = Of(question.FocusQuestion);
        // "Amoxicillin dose for an ear infection?" has no verb to ask whether: it asks what the dose is.
        var asksWhether = question.IsYesNo && AuxiliaryStart().IsMatch(question.FocusQuestion);
        return kind == AmountKind.None && question.Kind == QuestionKind.Dosing && !asksWhether ? AmountKind.Dose : kind;
    }

    [GeneratedRegex(@"^\W*(?:is|are|am|was|were|can|could|should|shall|does|do|did|will|would|may|might|must|has|have|had)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AuxiliaryStart();

    public static AmountKind Of(string question)
    {
        question ??= "";
        return AsksDose().IsMatch(question) ? AmountKind.Dose
            : AsksDuration().IsMatch(question) ? AmountKind.Duration
            : AsksFigure().IsMatch(question) ? AmountKind.Figure
            : AsksTiming().IsMatch(question) ? AmountKind.Timing
            : AmountKind.None;
    }

    // When in the day, or how with meals, to take something: "what time of day", "morning versus evening", "best time to
    // take", "with a meal or on an empty stomach", "before or after food". A meal named alone ("heartburn after eating")
    // is a circumstance, not a time asked: only a choice between two ("with food or ...") or an empty stomach asks it.
    [GeneratedRegex(@"\btime\s+of\s+(?:the\s+)?(?:day|night)\b|\b(?:best|right|ideal|usual|good)\s+time\s+to\s+(?:take|have|give|use|inject)\b|\b(?:morning|evening|night|night-?time|bedtime|daytime|day)\s+(?:or|versus|vs\.?)\s+(?:at\s+|in\s+the\s+|at\s+the\s+)?(?:morning|evening|night|night-?time|bedtime|daytime|day)\b|\bempty\s+stomach\b|\b(?:with|before|after)\s+(?:or\s+(?:with|before|after|without)\s+)?(?:food|a\s+meal|meals|eating|breakfast)\s+or\s+(?:with|before|after|without|on|not)\b|\b(?:before|after|with)\s+or\s+(?:before|after|without)\s+(?:food|a\s+meal|meals|eating|breakfast)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksTiming();

    // A time of day or a relation to meals or sleep.
    [GeneratedRegex(@"\b(?:in\s+the\s+(?:morning|evening)|mornings?|evenings?|at\s+night|nightly|bedtime|before\s+bed|night-?time|daytime|time\s+of\s+day|with\s+(?:food|a\s+meal|meals|breakfast|milk)|empty\s+stomach|(?:before|after)\s+(?:food|a\s+meal|meals|breakfast|eating))\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesTiming();

    /// <summary>
    /// The word for what an amount is asked of when the question writes it after "how much" or after a unit ("how much
    /// protein", "how many grams of fibre"); null when it names none there or names a pronoun or a unit only.
    /// </summary>
    public static string? ThingMeasured(string question)
    {
        var m = AsksOfThing().Match(question ?? "");
        return m.Success && !TextTools.StopWords.Contains(m.Groups["thing"].Value.ToLowerInvariant()) ? m.Groups["thing"].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"\b(?:what|which|the\s+right)\s+(?:amount|quantity)\s+of\s+(?<thing>[a-z][a-z-]{2,})\b|\bhow\s+(?:much|many\s+(?:grams?|milligrams?|micrograms?|kilos?|litres?|liters?|millilitres?|milliliters?|cups?|glass(?:es)?|mugs?|portions?|servings?|calories)\s+of)\s+(?<thing>[a-z][a-z-]{2,})\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksOfThing();

    /// <summary>Whether the question asks how often ("how often", "how many times a day", "what frequency").</summary>
    public static bool AsksHowOften(string question) => HowOften().IsMatch(question ?? "");

    [GeneratedRegex(@"\bhow\s+(?:often|frequently|many\s+times)\b|\bfrequency\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowOften();

    /// <summary>Whether a sentence gives an amount of the kind asked (a dose with its unit, a length of time, a figure).</summary>
    public static bool States(AmountKind kind, string sentence) => kind switch
    {
        AmountKind.Dose => StatesDose().IsMatch(sentence),
        AmountKind.Duration => StatesDuration().IsMatch(sentence),
        AmountKind.Figure => StatesFigure().IsMatch(sentence) || StatesShare().IsMatch(sentence),
        AmountKind.Timing => StatesTiming().IsMatch(sentence),
        _ => true,
    };

    /// <summary>
    /// Whether a sentence gives the amount asked as something to do: a dose or a length of time a study gave its
    /// participants ("in a trial, 2000 IU a day did not lower ...") is what was tested, not what to take; and an amount
    /// asked per day (or week, night ...) is given only with that rate ("2 hours before bed" is no amount a day). When
    /// the question itself asks about a study ("how many years were the people in that trial followed?"), what the
    /// study gave or how long it ran is what is asked.
    /// </summary>
    public static bool Gives(AmountKind kind, string sentence, string? rate = null, bool studyAsked = false)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (!States(kind, sentence))
        {
            return false;
        }
        var tested = !studyAsked && kind is (AmountKind.Dose or AmountKind.Duration) && ReportsStudy().IsMatch(sentence);
        return !tested && (rate is null || StatesRate(sentence, rate));
    }

    [GeneratedRegex(@"\b(?:trials?|randomi[sz]ed|randomly|participants|placebo|dummy treatment|cohort|stud(?:y|ies))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportsStudy();

    /// <summary>
    /// Whether the question asks the most that may be given or taken ("ceiling dose", "maximum", "upper limit", "the most
    /// I can take"): a starting dose or a usual one does not answer it, only a sentence that states a limit.
    /// </summary>
    public static bool AsksMaximum(string question) => AsksLimit().IsMatch(question ?? "");

    /// <summary>Whether a sentence states the most that may be given ("maximum 1000 mg", "up to 2000 mg", "should not exceed").</summary>
    public static bool StatesMaximum(string sentence) => StatesLimit().IsMatch(sentence ?? "");

    [GeneratedRegex(@"\b(?:max(?:imum|imal)?|ceiling|upper\s+(?:limit|intake|level))\b|\b(?:highest|top)\s+(?:daily\s+|safe\s+)?(?:dose|dosage|amount)\b|\bmost\s+(?:[\w-]+\s+){0,3}?(?:i|you|we|he|she|they|one)\s*(?:'m|'re|am|are|is)?\s+(?:allowed|able|can|could|should|may)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksLimit();

    [GeneratedRegex(@"\b(?:max(?:imum|imal)?|ceiling|upper\s+(?:limit|intake|level)|tolerable|highest|no\s+more\s+than|not\s+more\s+than|at\s+most|up\s+to|(?:not|never)\s+(?:to\s+)?(?:exceed|go\s+above|go\s+over)|limit(?:ed)?\s+to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesLimit();

    /// <summary>Whether a question speaks of a study ("that big vitamin D trial"): then a study's figures can answer it.</summary>
    public static bool AsksOfStudy(string question) => ReportsStudy().IsMatch(question ?? "");

    /// <summary>
    /// The rate an amount is asked at, when the question asks how much or how many per day, week, night, month or year
    /// ("how many units ... each day", "how many minutes ... a week"): "day", "week" ...; null when it asks none.
    /// </summary>
    public static string? RateOf(string question)
    {
        var match = AsksRate().Match(question ?? "");
        if (!match.Success)
        {
            return null;
        }
        var unit = match.Groups["unit"].Success ? match.Groups["unit"].Value : match.Groups["adverb"].Value;
        return unit.ToLowerInvariant() switch
        {
            "daily" => "day",
            "weekly" => "week",
            "nightly" => "night",
            "monthly" => "month",
            "yearly" or "annually" => "year",
            var u => u,
        };
    }

    [GeneratedRegex(@"\bhow\s+(?:much|many|often)\b[^.?!;]{0,80}?(?:\b(?:a|an|per|each|every)\s+(?<unit>day|week|night|month|year)\b|\b(?<adverb>daily|weekly|nightly|monthly|yearly|annually)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AsksRate();

    private static bool StatesRate(string sentence, string rate) => rate switch
    {
        "day" => PerDay().IsMatch(sentence),
        "week" => PerWeek().IsMatch(sentence),
        "night" => PerNight().IsMatch(sentence),
        "month" => PerMonth().IsMatch(sentence),
        _ => PerYear().IsMatch(sentence),
    };

    [GeneratedRegex(@"\b(?:a|per|each|every)\s+day\b|\bdaily\b|/\s*d(?:ay)?\b|\b(?:once|twice|\w+\s+times)\s+a\s+day\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerDay();

    [GeneratedRegex(@"\b(?:a|per|each|every)\s+week\b|\bweekly\b|/\s*(?:wk|week)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerWeek();

    [GeneratedRegex(@"\b(?:a|per|each|every)\s+night\b|\bnightly\b|\bat night\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerNight();

    [GeneratedRegex(@"\b(?:a|per|each|every)\s+month\b|\bmonthly\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerMonth();

    [GeneratedRegex(@"\b(?:a|per|each|every)\s+year\b|\byearly\b|\bannually\b", RegexOptions.IgnoreCase)]
    private static partial Regex PerYear();

    /// <summary>
    /// Whether a sentence gives a dose of the medicine asked about: a dose belongs to the medicine named nearest before
    /// it ("aspirin 900 mg or paracetamol" gives aspirin's dose, not paracetamol's), or, when none is named before it, to
    /// the first one named after it. A dose that names no medicine counts for the one asked, as the grader reads it, and
    /// a dose of a member of the class asked about ("which fluoroquinolone, at what dose?": levofloxacin 750 mg) is a
    /// dose of the class.
    /// </summary>
    public static bool GivesDoseOf(Term medicine, string sentence, string? rate = null, bool studyAsked = false)
    {
        ArgumentNullException.ThrowIfNull(medicine);
        if (!Gives(AmountKind.Dose, sentence, rate, studyAsked))
        {
            return false;
        }
        // The sentence's medicines are looked up once; each dose is placed among them by the words before it.
        var medicines = Vocabulary.FindAll(sentence).Where(m => m.Group.IsDrug).ToList();
        // A medicine the vocabulary knows is not a product of its own that carries its name: "amoxicillin-clavulanate 90
        // mg/kg/day" is no dose of amoxicillin alone.
        var known = Vocabulary.Lookup(medicine.Name);
        // "Amoxicillin-clavulanate (90 mg/kg/day of amoxicillin with 6.4 mg/kg/day of clavulanate)": what a bracket
        // right after a medicine's name sets out is that medicine's dosing, whatever it names inside.
        var brackets = Bracketed().Matches(sentence).Select(b => (b.Index, End: b.Index + b.Length,
            Owner: medicines.LastOrDefault(m => m.Token + m.TokenCount <= Vocabulary.TokensKeepCase(sentence[..b.Index]).Count
                && sentence[..b.Index].TrimEnd().EndsWith(m.Surface.Split(' ')[^1], StringComparison.OrdinalIgnoreCase)))).ToList();
        foreach (Match dose in StatesDose().Matches(sentence))
        {
            var at = Vocabulary.TokensKeepCase(sentence[..dose.Index]).Count;
            var after = Vocabulary.TokensKeepCase(sentence[..(dose.Index + dose.Length)]).Count;
            var owner = brackets.FirstOrDefault(b => b.Owner is not null && dose.Index > b.Index && dose.Index < b.End).Owner
                ?? medicines.LastOrDefault(m => m.Token + m.TokenCount <= at) ?? medicines.FirstOrDefault(m => m.Token >= after);
            if (owner is null || string.Equals(owner.Group.Name, medicine.Name, StringComparison.OrdinalIgnoreCase)
                || ((known is null || !owner.Group.IsDrug || known == owner.Group) && medicine.IsIn(owner.Surface, TextTools.Normalize(owner.Surface)))
                || Vocabulary.ClassesOf(owner.Group.Name).Any(c => string.Equals(c.Name, medicine.Name, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Bracketed();

    /// <summary>
    /// Whether the question asks which medicine to give as well as how much ("what do I give and how much?"): then the
    /// amount asked is of the answer, not of a medicine the question names (the one that caused the problem).
    /// </summary>
    public static bool AsksWhichToGive(string question) => WhichToGive().IsMatch(question ?? "");

    /// <summary>
    /// The medicine a dose is asked of: the one the question names when the vocabulary knows it, unless the question
    /// also asks which medicine to give, or asks the amount of something else by name ("on gliclazide ... what amount of
    /// sugar do I take?"). Shared by the lacking-amount check and the amount-given signal.
    /// </summary>
    public static Term? DoseSubject(QuestionAnalysis question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.MainIntervention is { IsUnsure: false } known && !AsksWhichToGive(question.FocusQuestion)
            && (ThingMeasured(question.FocusQuestion) is not { } thing || known.NormalizedPhrasings.Any(p => TextTools.ContainsPhrase(p, thing))) ? known : null;
    }

    // "Drug and dose?", "which agent, at what dose?" ask for the medicine as well as its amount.
    [GeneratedRegex(@"\b(?:what|which)\s+(?:\w+\s+)?(?:do|should|can|could|would|to)\s+(?:i|we|you|one)?\s*(?:give|take|use|prescribe|start)\b|\b(?:drug|medicine|medication|agent|treatment)(?:\s*,\s*(?:and\s+)?|\s+(?:and|&|plus)\s+|\s+(?=at\s))(?:at\s+)?(?:the\s+|its\s+|what\s+|which\s+)?(?:dose|dosage|dosing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhichToGive();

    /// <summary>The sentence that says the library holds no such amount, naming what it is about.</summary>
    public static string Lacking(AmountKind kind, string? subject, string? unit = null, bool maximum = false) => kind switch
    {
        AmountKind.Dose when maximum => subject is null ? "The library holds no source that gives the highest dose asked about." : $"The library holds no source that gives the highest dose of {subject}.",
        _ when maximum => "The library holds no source that gives the upper limit asked about.",
        AmountKind.Dose => subject is null ? "The library holds no source that gives the dose asked about." : $"The library holds no source that gives a dose of {subject} for this.",
        AmountKind.Duration => "The library holds no source that says how long, as asked.",
        AmountKind.Timing => subject is null ? "The library holds no source that says when to take it, as asked."
            : $"The library holds no source that says when to take {subject} (the time of day, or with or without food).",
        _ when unit is not null => $"The library holds no source that gives the figure asked about in {unit}.",
        _ => "The library holds no source that gives the figure asked about.",
    } + " What it does hold:";

    /// <summary>
    /// What a figure asked for measures, when the question names its unit ("how many litres", "in inches") or asks for a
    /// level ("target?", "what level"): a figure of another kind (a percentage, a count, a dose) does not answer it.
    /// </summary>
    public static (Measure Measure, string? Unit) MeasureOf(string question)
    {
        var m = AsksUnit().Match(question ?? "");
        var measure = !m.Success ? Measure.None
            : m.Groups["volume"].Success ? Measure.Volume
            : m.Groups["length"].Success ? Measure.Length
            : m.Groups["share"].Success ? Measure.Share
            : Measure.Weight;
        if (measure == Measure.Share)
        {
            return (measure, "per cent");
        }
        if (!m.Success && AsksLevel().IsMatch(question ?? ""))
        {
            return (Measure.Level, null);
        }
        var unit = m.Groups["volume"].Success ? m.Groups["volume"] : m.Groups["length"].Success ? m.Groups["length"] : m.Groups["weight"];
        return (measure, m.Success ? unit.Value.ToLowerInvariant() : null);
    }

    private static readonly string[] TimeUnits = ["minute", "hour", "day", "week", "month", "year"];

    /// <summary>
    /// The unit a length of time is asked in ("after how many years", "how many weeks"): "year", "week" ...; null when
    /// the question names none.
    /// </summary>
    public static string? TimeUnitOf(string question)
    {
        var m = AsksTimeUnit().Match(question ?? "");
        return m.Success ? m.Groups["unit"].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"\b(?:how\s+many|number\s+of)\s+(?<unit>minute|hour|day|week|month|year)s\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksTimeUnit();

    /// <summary>
    /// What a length of time asked is: how long something is taken or done ("how many days of tablets", "course
    /// length") or how long to wait before something ("how long before we go back", "the waiting period"); unknown when
    /// the words do not say.
    /// </summary>
    public static TimeSense TimeSenseOf(string question)
    {
        question ??= "";
        return WaitAsked().IsMatch(question) ? TimeSense.Wait : CourseAsked().IsMatch(question) ? TimeSense.Course : TimeSense.Unknown;
    }

    /// <summary>
    /// Whether a sentence gives a length of time in the sense asked: a course is given "for a week" or as "a 7-day
    /// course", a wait "after 2 to 3 days", "within 48 hours" or as a bound ("a fever of 5 days or more"). A course is
    /// not given by a sentence that gives a wait alone, and a wait only by a wait or a bound ("pain of less than 48
    /// hours" describes a case, it sets no time to wait); any length of time does when the sense is unknown.
    /// </summary>
    public static bool StatesTimeAs(TimeSense sense, string sentence)
    {
        sentence ??= "";
        return sense switch
        {
            TimeSense.Course => !WaitStated().IsMatch(sentence) || CourseStated().IsMatch(sentence),
            TimeSense.Wait => WaitStated().IsMatch(sentence) || TimeBound().IsMatch(sentence),
            _ => true,
        };
    }

    [GeneratedRegex(@"\d+\s*(?:hours?|days?|weeks?)\s+or\s+(?:more|longer)\b|\b(?:more|longer)\s+than\s+(?:\d+|one|two|three|a\s+few)\b|\b(?:lasts?|lasting|beyond|past)\s+(?:\d+|one|two|three)\s*(?:hours?|days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeBound();

    /// <summary>Whether the question asks both a dose and a length of time ("dose and course length?", "how much and for how long?").</summary>
    public static bool AsksDoseAndDuration(string question) =>
        (AsksDose().IsMatch(question ?? "") || DoseNamed().IsMatch(question ?? "")) && AsksDuration().IsMatch(question ?? "");

    /// <summary>Whether a sentence gives both a dose and a length of time ("500 mg three times daily for a week").</summary>
    public static bool StatesDoseAndDuration(string sentence) =>
        StatesDose().IsMatch(sentence ?? "") && StatesDuration().IsMatch(sentence ?? "");

    // "Dose and course length?", "duration and dose?": a dose named beside a length of time, not "before the first dose"
    // nor "between the last ACE inhibitor dose and the first ARNI dose" (doses as points in time).
    [GeneratedRegex(@"(?<!\b(?:first|last|final|next|previous|later|earlier)\s+(?:[\w-]+\s+){0,3})\b(?:dose|dosage|dosing)\s*(?:and|&|/|\+)|(?:and|&|/|\+)\s*(?:the\s+)?(?:dose|dosage|dosing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoseNamed();

    [GeneratedRegex(@"\bhow\s+(?:long|many\s+(?:hours|days|weeks))\b[^.?!]{0,60}?\b(?:before|until|till|wait(?:ing)?)\b|\bwaiting\s+(?:period|time)\b|\bhow\s+soon\b", RegexOptions.IgnoreCase)]
    private static partial Regex WaitAsked();

    [GeneratedRegex(@"\bhow\s+many\s+(?:days|weeks|months)\s+(?:of|on|course)\b|\bhow\s+(?:long|much\s+longer)\s+(?:do|does|should|must|will|would|to|is|are|am)\s+(?:i|you|we|he|she|they|it|the\s+course|a\s+course)?\s*(?:need\s+to\s+|supposed\s+to\s+|meant\s+to\s+|have\s+to\s+)?(?:take|taken|use|used|give|given|stay\s+on|keep\s+(?:taking|using|on)|carry\s+on|continue|last|run)\b|\b(?:course|treatment)\s+(?:length|duration)\b|\b(?:length|duration)\s+of\s+(?:the\s+)?(?:course|treatment|therapy)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CourseAsked();

    [GeneratedRegex(@"(?<!\b(?:watch|observ|monitor|wait)(?:ed|ing|e)?\s+)\bfor\s+(?:about\s+|around\s+|at\s+least\s+|up\s+to\s+|only\s+)?(?:\d+|one|two|three|five|seven|ten|fourteen)(?:\s*(?:to|-|–|or)\s*\d+)?\s*(?:days?|weeks?|months?)\b|\b\d+-(?:day|week|month)\b|\bcourse\b[^.;]{0,40}?\b\d+\s*(?:days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CourseStated();

    // "Watched for 48 to 72 hours" is a wait before deciding, as "wait 2 days" is.
    [GeneratedRegex(@"\b(?:after|within|in|by|wait(?:ing)?(?:\s+for)?|(?:watch|observ|monitor)(?:ed|ing|e)?\s+for)\s+(?:about\s+|around\s+|another\s+|a\s+further\s+)?(?:\d+|one|two|three|a\s+few)(?:\s*(?:to|-|–|or)\s*\d+)?\s*(?:hours?|days?|weeks?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WaitStated();

    /// <summary>
    /// Whether a sentence gives a length of time in the unit asked or the one next to it: "18 months" answers "how many
    /// years", "48 hours" answers "how many days", but staying upright for 30 minutes does not answer after how many
    /// years a medicine is paused. Any length of time does when no unit is asked.
    /// </summary>
    public static bool StatesTimeIn(string? unit, string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (unit is null)
        {
            return true;
        }
        var wanted = Array.IndexOf(TimeUnits, unit);
        foreach (Match duration in StatesDuration().Matches(sentence))
        {
            // "How many hours apart?" asks for a count: "several hours apart" gives none.
            if (VagueCount().IsMatch(duration.Value))
            {
                continue;
            }
            var word = TimeUnitWord().Match(duration.Value);
            var given = word.Success ? Array.IndexOf(TimeUnits, word.Groups["unit"].Value.ToLowerInvariant()) : TimeUnits.Length - 1;
            if (Math.Abs(given - wanted) <= 1)
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"\b(?<unit>minute|hour|day|week|month|year)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeUnitWord();

    [GeneratedRegex(@"^(?:a few|several)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VagueCount();

    /// <summary>Whether a sentence gives a figure in a unit of the measure (any sentence does when none is asked).</summary>
    public static bool StatesMeasure(Measure measure, string sentence) => measure switch
    {
        Measure.None => true,
        Measure.Volume => StatesVolume().IsMatch(sentence),
        Measure.Length => StatesLength().IsMatch(sentence),
        Measure.Share => StatesShare().IsMatch(sentence),
        // "Started at 100 mg a day until the urate target is reached" names the target but gives only a dose; "measure it
        // every 3 months" gives only a time; a level is written in digits ("two similar results" counts, not measures).
        Measure.Level => StatesDigit().IsMatch(StatesAge().Replace(StatesDuration().Replace(StatesDose().Replace(sentence, " "), " "), " ")),
        _ => StatesWeight().IsMatch(sentence),
    };

    // "Serum urate target?", "what level counts as low?", "at what threshold", "what number are we getting it under": the
    // figure is a level, not a dose ("the number of tablets" is a count).
    [GeneratedRegex(@"\b(?:targets?|thresholds?|cut-?offs?|goals?|levels?|concentrations?|readings?|numbers?(?!\s+of\b))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksLevel();

    private const string VolumeUnits = @"litres?|liters?|l\b|pints?|glass(?:es)?|cups?|millilitres?|milliliters?|ml\b";
    private const string LengthUnits = @"centimetres?|centimeters?|cm\b|inch(?:es)?|in\.|millimetres?|mm\b|metres?|meters?|feet|foot|ft\b";
    private const string WeightUnits = @"kilos?|kilograms?|kg\b|pounds?|lbs?\b|stones?\b";

    [GeneratedRegex(@"\bhow\s+(?:many|much)\s+(?:(?<volume>" + VolumeUnits + @")|(?<length>" + LengthUnits + @")|(?<weight>" + WeightUnits + @"))|\bin\s+(?:(?<volume>litres|liters|pints|millilitres|milliliters)|(?<length>inches|centimetres|centimeters|cm)|(?<weight>kilos|kilograms|kg|pounds|stones?))\s*\?|\b(?:what|which)\s+(?<share>percentage|percent|proportion|fraction|share)\b|\bhow\s+many\s+(?<share>percent|per\s+cent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksUnit();

    [GeneratedRegex(@"(?:\d|\b(?:one|two|three|four|five|six|eight|ten|half a|a)\b)\s*(?:(?:-|to|–|or)\s*\d+(?:\.\d+)?\s*)?(?:" + VolumeUnits + @")", RegexOptions.IgnoreCase)]
    private static partial Regex StatesVolume();

    [GeneratedRegex(@"\d\s*(?:(?:-|to|–|or)\s*\d+(?:\.\d+)?\s*)?(?:" + LengthUnits + @")", RegexOptions.IgnoreCase)]
    private static partial Regex StatesLength();

    [GeneratedRegex(@"\d\s*(?:(?:-|to|–|or)\s*\d+(?:\.\d+)?\s*)?(?:" + WeightUnits + @")", RegexOptions.IgnoreCase)]
    private static partial Regex StatesWeight();

    // "25%", "30 per cent", "by about half", "a third", "1 in 5": a share.
    [GeneratedRegex(@"\d\s*(?:%|per\s*cent\b|percent\b)|\b(?:by\s+(?:about\s+|around\s+|roughly\s+)?half|a\s+(?:half|third|quarter|fifth)|one\s+in\s+\w+|\d+\s+in\s+\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesShare();
}
