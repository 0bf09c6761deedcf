using System.Text.RegularExpressions;

namespace Galen.Core.Analysis;

/// <summary>Spots a question that describes an emergency happening now.</summary>
public static partial class UrgencyDetector
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <param name="Condition">The vocabulary's name for what the sign points to, when it names one: a message that says
    /// only "her face is drooping" is about a stroke.</param>
    private sealed record Sign(Regex Pattern, string Reason, bool NeedsPersonal, string? Condition = null);

    // Signs that are an emergency whoever writes them; and signs that are one when the writer describes them
    // happening to someone (not a general question such as "what are the signs of a stroke?").
    private static readonly Sign[] Signs =
    [
        new(Breathing(), "trouble breathing", false),
        new(Throat(), "throat tightness or swelling", false, "anaphylaxis"),
        new(Choking(), "choking", false),
        new(FaceSwelling(), "swelling of the face, lips or tongue", false, "anaphylaxis"),
        new(Suicide(), "thoughts of suicide or self-harm", false),
        new(Unresponsive(), "unresponsiveness or collapse", false),
        new(StrokeSigns(), "signs of a stroke", false, "stroke"),
        new(ChestPain(), "chest pain", true, "chest pain"),
        new(Anaphylaxis(), "a severe allergic reaction", true, "anaphylaxis"),
        new(FeverYoungBaby(), "fever in a baby under 3 months", true, "fever"),
        new(SeizureNow(), "a seizure", true),
        new(Overdose(), "a possible overdose", true),
        new(Bleeding(), "serious bleeding", true),
        new(WorstHeadache(), "a sudden severe headache", true),
        new(HighFeverStiffNeck(), "fever with a stiff neck", true),
    ];

    [GeneratedRegex(@"\b(?:can'?t|cannot|can\s+not|could\s+not|couldn'?t|unable\s+to|struggling\s+to|hard\s+to|trouble|difficulty|difficult\s+to|problems?|fighting\s+to)\s+(?:breathe|breathing|breath|catch\s+(?:my|his|her|their)\s+breath|get\s+air)\b|\bnot\s+breathing\b|\bstopped\s+breathing\b|\bgasping\b|\bstridor\b|\bturning\s+blue\b|\blips\s+(?:are\s+)?(?:turning\s+)?blue\b", Opts)]
    private static partial Regex Breathing();

    [GeneratedRegex(@"\bthroat\s+(?:is\s+|feels\s+|feeling\s+|getting\s+)?(?:closing|tight|tightening|tightness|swelling|swollen|closing\s+up)\b|\b(?:tightness|swelling|closing)\s+(?:in|of)\s+(?:my|his|her|the|their)\s+throat\b|\bthroat\s+tightness\b", Opts)]
    private static partial Regex Throat();

    [GeneratedRegex(@"\b(?:choking|chokes|choked|can'?t\s+swallow|unable\s+to\s+swallow|cannot\s+swallow)\b", Opts)]
    private static partial Regex Choking();

    [GeneratedRegex(@"\b(?:face|lips?|tongue|mouth|eyes)\s+(?:is\s+|are\s+|started\s+|starting\s+|began\s+)?(?:swelling|swollen|swelled|puffing\s+up|blowing\s+up)\b|\bswelling\s+of\s+(?:the\s+|my\s+|his\s+|her\s+)?(?:face|lips?|tongue|throat)\b", Opts)]
    private static partial Regex FaceSwelling();

    [GeneratedRegex(@"\b(?:suicid\w*|kill(?:ing)?\s+(?:my|him|her|them)sel(?:f|ves)|end(?:ing)?\s+(?:my|his|her|their)\s+(?:own\s+)?life|end(?:ing)?\s+it\s+all|want\s+to\s+die|wanting\s+to\s+die|(?:don'?t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive|wake\s+up)|self[-\s]harm\w*|hurt(?:ing)?\s+(?:my|him|her)self|better\s+off\s+dead|no\s+reason\s+to\s+live)\b", Opts)]
    private static partial Regex Suicide();

    [GeneratedRegex(@"\b(?:unconscious|unresponsive|won'?t\s+wake\s+up|can'?t\s+wake\s+(?:him|her|them|me)|passed\s+out\s+and|collapsed|not\s+responding)\b", Opts)]
    private static partial Regex Unresponsive();

    [GeneratedRegex(@"\b(?:face\s+(?:is\s+)?drooping|drooping\s+(?:face|mouth|on\s+one\s+side)|slurred\s+speech|slurring\s+(?:my|his|her|their)?\s*(?:words|speech)|sudden(?:ly)?\s+(?:weakness|numbness|can'?t\s+speak|confusion|loss\s+of\s+vision|blindness)|one\s+side\s+of\s+(?:my|his|her|the)\s+(?:body|face)\s+(?:is\s+|went\s+|feels\s+)?(?:weak|numb|limp))\b", Opts)]
    private static partial Regex StrokeSigns();

    [GeneratedRegex(@"\b(?:chest\s+(?:pain|pressure|tightness|is\s+tight|hurts|feels\s+tight)|crushing\s+(?:pain|chest)|pain\s+in\s+(?:my|his|her)\s+chest|heart\s+attack)\b", Opts)]
    private static partial Regex ChestPain();

    [GeneratedRegex(@"\b(?:anaphyla\w+|severe\s+allergic\s+reaction|allergic\s+reaction\s+(?:now|right\s+now)|hives\s+all\s+over)\b", Opts)]
    private static partial Regex Anaphylaxis();

    [GeneratedRegex(@"\b(?:having\s+a\s+seizure|seizure\s+(?:now|right\s+now|won'?t\s+stop|lasting|that\s+won'?t\s+stop)|seizing|convulsing|fitting\s+now)\b", Opts)]
    private static partial Regex SeizureNow();

    [GeneratedRegex(@"\b(?:overdos(?:e|ed)|took\s+(?:too\s+many|a\s+whole\s+(?:bottle|pack))|swallowed\s+(?:a\s+bottle|too\s+many|all\s+(?:my|his|her|the))|ate\s+(?:a\s+bottle|too\s+many))\b", Opts)]
    private static partial Regex Overdose();

    [GeneratedRegex(@"\b(?:vomiting\s+blood|coughing\s+up\s+blood|bleeding\s+(?:that\s+)?won'?t\s+stop|black\s+(?:tarry\s+)?stools?|heavy\s+bleeding)\b", Opts)]
    private static partial Regex Bleeding();

    [GeneratedRegex(@"\b(?:worst\s+headache|thunderclap\s+headache|sudden\s+severe\s+headache)\b", Opts)]
    private static partial Regex WorstHeadache();

    // A baby under three months with a fever (38 °C or more) needs to be seen at once.
    [GeneratedRegex(@"^(?=.*\b(?:fever|feverish|(?:temperature|temp)\s+(?:of\s+|is\s+|was\s+)?(?:3[89]|4[0-2]|10[0-6])))(?=.*(?:\b(?:[1-9]|1[0-2])[-\s]?(?:weeks?|wks?|days?)[-\s]old\b|\bnewborn\b|\b(?:one|two|1|2)[-\s]months?[-\s]old\b|\b(?:baby|infant|son|daughter)\s+is\s+(?:[1-9]|1[0-2])\s+(?:weeks?|days?)\b))", Opts | RegexOptions.Singleline)]
    private static partial Regex FeverYoungBaby();

    [GeneratedRegex(@"\b(?:fever\b.{0,40}\bstiff\s+neck|stiff\s+neck\b.{0,40}\bfever)\b", Opts)]
    private static partial Regex HighFeverStiffNeck();

    [GeneratedRegex(@"\b(?:i|i'm|im|i've|ive|me|my|mine|we|our|he|she|his|her|him|they're|my\s+\w+|right\s+now|just\s+now|currently|tonight|today|this\s+morning)\b", Opts)]
    private static partial Regex Personal();

    [GeneratedRegex(@"^\s*(?:what\s+(?:are|is)\s+(?:the\s+)?(?:signs?|symptoms?|causes?|treatment|definition)|how\s+(?:is|are)\s+\w+\s+(?:diagnosed|treated)|define)\b", Opts)]
    private static partial Regex GeneralQuestion();

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
        var general = GeneralQuestion().IsMatch(sample);
        var personal = Personal().IsMatch(sample) && !general;
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
