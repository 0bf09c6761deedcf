using System.Text.RegularExpressions;

namespace Galen.Core.Analysis;

/// <summary>Spots a question that describes an emergency happening now.</summary>
public static partial class UrgencyDetector
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // The emergency phrases (Lexicon/urgency.txt); the patterns below put them together.
    private static readonly LexiconFile Lists = LexiconFile.Load("urgency.txt");

    /// <param name="Condition">The vocabulary's name for what the sign points to, when it names one: a message that says
    /// only "her face is drooping" is about a stroke.</param>
    private sealed record Sign(Regex Pattern, string Reason, bool NeedsPersonal, string? Condition = null);


    private static readonly Regex Breathing = Lists.Regex(@"\b{breathing-difficulty}\s+{breath}\b|\b{not-breathing}\b", Opts);

    private static readonly Regex Throat = Lists.Regex(@"\bthroat\s+(?:is\s+|feels\s+|feeling\s+|getting\s+)?{throat-closing}\b|\b{throat-closing-noun}\s+(?:in|of)\s+(?:my|his|her|the|their)\s+throat\b|\bthroat\s+tightness\b", Opts);

    private static readonly Regex Choking = Lists.Regex(@"\b{choking}\b", Opts);

    private static readonly Regex FaceSwelling = Lists.Regex(@"\b{swelling-part}\s+(?:is\s+|are\s+|started\s+|starting\s+|began\s+)?{swelling}\b|\bswelling\s+of\s+(?:the\s+|my\s+|his\s+|her\s+)?{swollen-part}\b", Opts);

    private static readonly Regex Suicide = Lists.Regex(@"\b{suicide}\b", Opts);

    private static readonly Regex Unresponsive = Lists.Regex(@"\b{unresponsive}\b", Opts);

    private static readonly Regex StrokeSigns = Lists.Regex(@"\b{stroke}\b", Opts);

    private static readonly Regex StrokeSignsPassed = Lists.Regex(@"^(?=.*\b{stroke}\b)(?=.*\b{stroke-passed}\b)", Opts | RegexOptions.Singleline);

    private static readonly Regex ChestPain = Lists.Regex(@"\b{chest-pain}\b", Opts);

    private static readonly Regex Anaphylaxis = Lists.Regex(@"\b{anaphylaxis}\b", Opts);

    private static readonly Regex SeizureNow = Lists.Regex(@"\b{seizure}\b", Opts);

    private static readonly Regex Overdose = Lists.Regex(@"\b{overdose}\b", Opts);

    private static readonly Regex Bleeding = Lists.Regex(@"\b{bleeding}\b", Opts);

    private static readonly Regex WorstHeadache = Lists.Regex(@"\b{sudden-headache}\b", Opts);

    // A baby under three months with a fever (38 °C or more) needs to be seen at once.
    [GeneratedRegex(@"^(?=.*\b(?:fever|feverish|(?:temperature|temp)\s+(?:of\s+|is\s+|was\s+)?(?:3[89]|4[0-2]|10[0-6])))(?=.*(?:\b(?:[1-9]|1[0-2])[-\s]?(?:weeks?|wks?|days?)[-\s]old\b|\bnewborn\b|\b(?:one|two|1|2)[-\s]months?[-\s]old\b|\b(?:baby|infant|son|daughter)\s+is\s+(?:[1-9]|1[0-2])\s+(?:weeks?|days?)\b))", Opts | RegexOptions.Singleline)]
    private static partial Regex FeverYoungBaby();

    // Fever with a neck too stiff to bend is a sign of meningitis, however it is said: "a high temperature and his neck
    // is too stiff to bend", "can't bend her neck ... feverish".
    [GeneratedRegex(@"^(?=.*\b(?:fever|feverish|high\s+temp(?:erature)?|temp(?:erature)?\s+(?:of\s+|is\s+|was\s+)?(?:3[89]|4[0-2]|10[0-6])))(?=.*(?:\bstiff\s+neck\b|\bneck\s+(?:is\s+|feels\s+|was\s+|has\s+gone\s+|got\s+)?(?:really\s+|very\s+|too\s+|so\s+)*stiff\b|\b(?:can'?t|cannot|unable\s+to|won'?t)\s+bend\s+(?:his|her|my|their|the)\s+neck\b))", Opts | RegexOptions.Singleline)]
    private static partial Regex HighFeverStiffNeck();

    private static readonly Regex Personal = Lists.Regex(@"\b{personal}\b", Opts);

    private static readonly Regex GeneralQuestion = Lists.Regex(@"^\s*{general-question}\b", Opts);

    // Signs that are an emergency whoever writes them; and signs that are one when the writer describes them
    // happening to someone (not a general question such as "what are the signs of a stroke?").
    private static readonly Sign[] Signs =
    [
        new(Breathing, "trouble breathing", false),
        new(Throat, "throat tightness or swelling", false, "anaphylaxis"),
        new(Choking, "choking", false),
        new(FaceSwelling, "swelling of the face, lips or tongue", false, "anaphylaxis"),
        new(Suicide, "thoughts of suicide or self-harm", false),
        new(Unresponsive, "unresponsiveness or collapse", false),
        new(StrokeSignsPassed, "signs of a stroke", false, "transient ischemic attack"),
        new(StrokeSigns, "signs of a stroke", false, "stroke"),
        new(ChestPain, "chest pain", true, "chest pain"),
        new(Anaphylaxis, "a severe allergic reaction", true, "anaphylaxis"),
        new(FeverYoungBaby(), "fever in a baby under 3 months", true, "fever"),
        new(SeizureNow, "a seizure", true),
        new(Overdose, "a possible overdose", true),
        new(Bleeding, "serious bleeding", true),
        new(WorstHeadache, "a sudden severe headache", true),
        new(HighFeverStiffNeck(), "fever with a stiff neck", true),
    ];

    /// <summary>Whether the text describes an emergency, and which sign made it look like one.</summary>
    public static (bool Urgent, string? Reason) Detect(string text)
    {
        var reasons = Found(text).Select(s => s.Reason).Distinct().ToList();
        return reasons.Count == 0 ? (false, null) : (true, JoinWords(reasons));
    }

    /// <summary>The conditions the emergency signs in the text point to ("stroke" for a drooping face), in the vocabulary's names.</summary>
    public static IReadOnlyList<string> Conditions(string text) =>
        Found(text).Select(s => s.Condition).OfType<string>().Distinct().ToList();

    private static List<Sign> Found(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var sample = text.Length > 5000 ? text[..5000] : text;
        var general = GeneralQuestion.IsMatch(sample);
        var personal = Personal.IsMatch(sample) && !general;
        var found = new List<Sign>();
        foreach (var sign in Signs)
        {
            var applies = sign.NeedsPersonal ? personal : (!general || ReferenceEquals(sign, Signs[4]));
            if (applies && sign.Pattern.IsMatch(sample))
            {
                found.Add(sign);
            }
        }
        return found;
    }

    internal static string JoinWords(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => items[0] + " and " + items[1],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
