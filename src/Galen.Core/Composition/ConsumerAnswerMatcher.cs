using System.Text.RegularExpressions;
using Galen.Core.Analysis;
using Galen.Core.Sources;

namespace Galen.Core.Composition;

/// <summary>
/// Judges how well a consumer question-answer pair (patient information that states the question it answers,
/// its topic and the kind of question) answers what was asked. A pair helps only when its topic is named in
/// the question, however the question is spelled; among pairs on that topic, the one that answers the kind
/// of thing asked (treatment, causes, dose) is better than the general description, which in turn is better
/// than a pair answering some other kind of question.
/// </summary>
public static partial class ConsumerAnswerMatcher
{
    /// <summary>Topic words that alone say little about which topic is meant.</summary>
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "disease", "diseases", "disorder", "disorders", "syndrome", "syndromes", "deficiency", "infection", "infections",
        "type", "acute", "chronic", "adult", "adults", "child", "children", "childhood", "pain", "problems", "cancer",
        "condition", "conditions", "test", "tests", "diagnosis", "care", "health", "information", "learn", "about",
        "general", "familial", "hereditary", "congenital", "primary", "secondary", "juvenile", "benign",
        "drug", "drugs", "medication", "medications", "medicine", "medicines", "prescription", "use", "using", "tablet", "tablets",
        "pill", "pills", "capsule", "capsules", "meds",
    };

    /// <summary>Words a message uses about its topic that are no topic themselves.</summary>
    private static readonly HashSet<string> AboutTopicWords = new(StringComparer.Ordinal)
    {
        "treatment", "treatments", "symptom", "symptoms", "sign", "signs", "cause", "causes", "precaution", "precautions",
        "question", "questions", "problem", "help", "option", "options", "side", "effect", "effects", "risk", "risks", "result", "results",
        // How good a thing is asked to be ("the strongest option", "anything simple") says nothing of which thing.
        "strong", "stronger", "strongest", "safer", "safest", "quicker", "quickest", "faster", "fastest", "easier", "easiest",
        "simple", "simpler", "simplest", "gentler", "gentlest", "try", "trying",
    };

    /// <summary>
    /// A name made only of words that say what is asked about a topic, not which ("Diagnosis", "treatment options",
    /// "medication question").
    /// </summary>
    public static bool IsGenericName(string name)
    {
        var words = TextTools.Tokens(TextTools.Normalize(name ?? "")).Where(w => !TextTools.StopWords.Contains(w)).ToList();
        return words.Count > 0 && words.All(w => GenericWords.Contains(w) || AboutTopicWords.Contains(w));
    }

    private static readonly (string QuestionType, Regex Cue)[] TypeCues =
    [
        ("forget a dose", Cue(@"\b(?:forg[eo]t\w*|miss(?:ed)?)\b.{0,20}\bdoses?\b")),
        ("storage and disposal", Cue(@"\b(?:expir\w*|shelf life|stor(?:e|age|ed)|dispos\w*|once (?:it is |it's )?opened)\b")),
        ("interactions with medications", Cue(@"\b(?:interact\w*|together|combin\w*|mix\w*|along with|at the same time)\b")),
        ("precautions", Cue(@"\b(?:interact\w*|together|mix\w*|pregnan\w*|breast ?feed\w*|precaution\w*|allerg\w*)\b")),
        ("other information", Cue(@"\b(?:gluten|ingredients?|contains?|lactose|dye|made of|generic)\b")),
        ("dietary", Cue(@"\b(?:diet\w*|foods?|eat\w*|drink\w*|alcohol|grapefruit)\b")),
        ("side effects", Cue(@"\b(?:side ?effects?|adverse|reactions?|harm\w*|safe\w*|damag\w*|hurt)\b")),
        ("usage", Cue(@"\b(?:how (?:much|many|often|long)|doses?|dosage|dosing|\d+ ?(?:mg|mcg|g|ml)\b|take it|taking|stop (?:using|taking)|using it|use it|how (?:to|do i|should i) (?:take|use))")),
        ("dose", Cue(@"\b(?:how much|doses?|dosage|dosing|\d+ ?(?:mg|mcg|g|ml)\b)")),
        ("indication", Cue(@"\b(?:used for|prescribed|what is it for|work well|better drug|effective|work for)\b")),
        ("how effective is it", Cue(@"\b(?:work well|effective|does it work|better)\b")),
        ("treatment", Cue(@"\b(?:treat\w*|cure\w*|therap\w*|remed\w*|surgery|surgical|operation|medication\w*|medicines?|drugs?|manag\w*|get rid|reliev\w*|relief|help (?:with|for)|what can (?:i|be) do)")),
        ("causes", Cue(@"\b(?:caus\w*|why (?:do|does|did|am|is|are|would)|reasons?|trigger\w*|how (?:do|did|does) (?:you|i|one|people|someone) get|relat\w* to|link\w*|associat\w*)")),
        ("symptoms", Cue(@"\b(?:symptoms?|signs?|feel\w*|what happens)\b")),
        ("exams and tests", Cue(@"\b(?:tests?|tested|testing|diagnos\w*|positive|negative|results?|screen\w*|lab|labs|scan|biopsy|levels?|blood work)\b")),
        ("inheritance", Cue(@"\b(?:genetic\w*|inherit\w*|hereditar\w*|passed (?:down|on)|run(?:s)? in (?:the |my )?famil\w*|genes?|chromosom\w*|carrier)\b")),
        ("genetic changes", Cue(@"\b(?:genetic\w*|genes?|chromosom\w*|mutation\w*|dna)\b")),
        ("outlook", Cue(@"\b(?:outlook|prognos\w*|life expectancy|surviv\w*|go away|curable|permanent|how long|recover\w*|fatal|die)\b")),
        ("prevention", Cue(@"\b(?:prevent\w*|avoid\w*|reduce (?:the |my )?risk|protect\w*)\b")),
        ("complications", Cue(@"\b(?:complications?|lead to|long[- ]term)\b")),
        ("frequency", Cue(@"\b(?:how common|how many people|how rare|prevalen\w*)\b")),
        ("susceptibility", Cue(@"\b(?:who (?:gets|is at risk)|risk factors?|at risk)\b")),
        ("when to contact a medical professional", Cue(@"\b(?:see a doctor|call (?:a|the|my) doctor|emergency room|go to the (?:er|hospital))\b")),
        ("support groups", Cue(@"\bsupport (?:groups?|organi[sz]ations?)\b")),
        ("research", Cue(@"\b(?:clinical trials?|research\w*|new (?:treatments?|studies))\b")),
        ("information", Cue(@"\b(?:(?:learn|know|read|find out|hear)\s+(?:more\s+)?about|more information|(?:information|knowledge)\s+(?:about|on)|tell me about)\b")),
    ];

    private static readonly Dictionary<QuestionKind, string[]> KindTypes = new()
    {
        [QuestionKind.Treatment] = ["treatment"],
        [QuestionKind.Dosing] = ["usage", "dose"],
        [QuestionKind.AdverseEffects] = ["side effects", "precautions", "causes"],
        [QuestionKind.Diagnosis] = ["exams and tests", "symptoms"],
        [QuestionKind.Prognosis] = ["outlook"],
        [QuestionKind.Prevention] = ["prevention"],
        [QuestionKind.Causes] = ["causes"],
        [QuestionKind.Definition] = ["information"],
    };

    /// <summary>The question types the question asks for, most telling first.</summary>
    public static IReadOnlyList<string> WantedTypes(QuestionAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = analysis.Question;
        var wanted = new List<string>();
        if (KindTypes.TryGetValue(analysis.Kind, out var fromKind))
        {
            wanted.AddRange(fromKind);
        }
        foreach (var (type, cue) in TypeCues)
        {
            if (!wanted.Contains(type) && cue.IsMatch(text))
            {
                wanted.Add(type);
            }
        }
        return wanted;
    }

    /// <summary>
    /// How strongly the pair's topic is named in the question: 0 when not at all, about 1 when one of its names
    /// appears whole (a little more for longer, more specific names), a fraction when only part of it does.
    /// </summary>
    public static double TopicScore(IReadOnlyList<string> questionTokens, QuestionAnswerInfo qa) =>
        TopicScore(questionTokens, [], qa);

    /// <summary>
    /// As <see cref="TopicScore(IReadOnlyList{string}, QuestionAnswerInfo)"/>; a topic named whole in the headline
    /// (the first sentence of a longer message, where people tend to say what they ask about) counts a little more.
    /// </summary>
    /// <remarks>
    /// A question word in <paramref name="unknownWords"/> (one the library never uses, so most likely misspelt) also
    /// names a long word that begins as it does ("ciprofaxin", "ciprofloxacin"); a word the library knows never
    /// stands for another ("hydrocortisone" is not "hydrocodone").
    /// </remarks>
    public static double TopicScore(IReadOnlyList<string> questionTokens, IReadOnlyList<string> headlineTokens, QuestionAnswerInfo qa, IReadOnlySet<string>? unknownWords = null)
    {
        ArgumentNullException.ThrowIfNull(headlineTokens);
        ArgumentNullException.ThrowIfNull(questionTokens);
        ArgumentNullException.ThrowIfNull(qa);
        var best = 0.0;
        var inHeadline = false;
        IEnumerable<string> names = qa.Focus is null ? qa.Synonyms : [qa.Focus, .. qa.Synonyms];
        foreach (var name in names.Take(24))
        {
            var trimmed = name.Trim();
            var words = trimmed.Length is >= 2 and <= 3 && trimmed.All(char.IsUpper)
                ? [trimmed]
                : TextTools.Tokens(TextTools.Normalize(name)).Where(w => !TextTools.StopWords.Contains(w)).Take(8).ToArray();
            if (words.Length == 0)
            {
                continue;
            }
            double total = 0, found = 0;
            var specificFound = 0;
            var earliest = questionTokens.Count;
            var slips = 0;
            foreach (var word in words)
            {
                var weight = GenericWords.Contains(word) || word.Length <= 2 ? 0.3 : 1.0;
                total += weight;
                var (at, exact) = IndexOf(questionTokens, word, unknownWords);
                if (at >= 0)
                {
                    found += weight;
                    slips += exact ? 0 : 1;
                    if (weight == 1.0)
                    {
                        specificFound++;
                        earliest = Math.Min(earliest, at);
                    }
                }
            }
            if (specificFound == 0 && (words.Any(w => !GenericWords.Contains(w) && w.Length > 2) || HasDroppedNameWord(name)))
            {
                continue;
            }
            var coverage = found / total;
            if (coverage >= 0.999 && specificFound >= 2 && Spread(questionTokens, words) > (2 * words.Length) + 2)
            {
                // The words of a longer name scattered over a long message ("cant use the site ... burning mouth
                // syndrome") do not name it.
                coverage = 0.8;
            }
            // Among names the question holds whole, a longer name is more specific, and people name their topic early.
            var score = coverage >= 0.999
                ? 1 + (0.03 * Math.Min(specificFound, 4)) + (0.06 * (1 - ((double)earliest / Math.Max(1, questionTokens.Count)))) - (0.05 * slips)
                : coverage >= 0.5 ? 0.6 * coverage : 0;
            if (score > 1 && words.Length == 1 && Modifies(questionTokens, words[0]))
            {
                // A one-word name that reads as an adjective before another word ("an invasive disease") describes
                // that word; it names the topic less surely than a name standing on its own.
                score = 1;
            }
            best = Math.Max(best, score);
            if (coverage >= 0.999 && headlineTokens.Count > 0 && words.All(w => headlineTokens.Any(t => SameWord(t, w))))
            {
                inHeadline = true;
            }
        }
        return best + (inHeadline ? 0.15 : 0);
    }

    /// <summary>
    /// A name word that reads as a common word and so is not compared ("Cant" in "Cant syndrome"): the name is then
    /// not named by its remaining, general words alone.
    /// </summary>
    private static bool HasDroppedNameWord(string name) =>
        TextTools.Tokens(TextTools.Normalize(name)).Any(w => TextTools.StopWords.Contains(w) && !FunctionWords.Contains(w));

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "your", "you", "how", "what", "about",
    };

    private static bool Modifies(IReadOnlyList<string> questionTokens, string word)
    {
        if (!(word.EndsWith("ive", StringComparison.Ordinal) || word.EndsWith("ous", StringComparison.Ordinal) || word.EndsWith("ic", StringComparison.Ordinal)))
        {
            return false;
        }
        var (at, _) = IndexOf(questionTokens, word);
        return at >= 0 && at + 1 < questionTokens.Count && questionTokens[at + 1].Length > 2;
    }

    /// <summary>How far apart, in question words, the first and last of the name's specific words stand.</summary>
    private static int Spread(IReadOnlyList<string> questionTokens, IReadOnlyList<string> words)
    {
        int first = int.MaxValue, last = -1;
        foreach (var word in words)
        {
            if (GenericWords.Contains(word) || word.Length <= 2)
            {
                continue;
            }
            var (at, _) = IndexOf(questionTokens, word);
            if (at >= 0)
            {
                first = Math.Min(first, at);
                last = Math.Max(last, at);
            }
        }
        return last < 0 ? 0 : last - first;
    }

    /// <summary>How well the pair's question type fits what was asked: 1 asked for, 0.5 the general description, 0 other.</summary>
    public static double TypeScore(IReadOnlyList<string> wantedTypes, QuestionAnswerInfo qa)
    {
        ArgumentNullException.ThrowIfNull(wantedTypes);
        ArgumentNullException.ThrowIfNull(qa);
        var type = qa.QuestionType?.Trim().ToLowerInvariant();
        if (type is null)
        {
            return 0.4;
        }
        var at = -1;
        for (var i = 0; i < wantedTypes.Count; i++)
        {
            if (wantedTypes[i] == type)
            {
                at = i;
                break;
            }
        }
        if (at >= 0)
        {
            return 1.0 - (0.05 * Math.Min(at, 4));
        }
        return type == "information" ? (wantedTypes.Count == 0 ? 0.9 : 0.5) : 0;
    }

    /// <summary>Share of the question's telling words (four letters or more) that the answer's text uses, 0..1.</summary>
    public static double ContentOverlap(IReadOnlyList<string> questionTokens, string answerText) =>
        ContentOverlap(questionTokens, answerText, null).Overlap;

    /// <summary>
    /// As <see cref="ContentOverlap(IReadOnlyList{string}, string)"/>, and the share of <paramref name="rareWords"/> (words
    /// few sources use) that the answer's text uses.
    /// </summary>
    public static (double Overlap, double RareShare) ContentOverlap(IReadOnlyList<string> questionTokens, string answerText, IReadOnlySet<string>? rareWords)
    {
        ArgumentNullException.ThrowIfNull(questionTokens);
        var telling = questionTokens.Where(t => t.Length >= 4 && t.Any(char.IsLower)).ToList();
        if (telling.Count == 0 || string.IsNullOrEmpty(answerText))
        {
            return (0, 0);
        }
        var words = new HashSet<string>(TextTools.Tokens(TextTools.Normalize(answerText.Length > 20_000 ? answerText[..20_000] : answerText)), StringComparer.Ordinal);
        bool Uses(string t) => words.Contains(t) || words.Contains(t + "s") || (t.EndsWith('s') && words.Contains(t[..^1]));
        var found = telling.Count(Uses);
        var rare = rareWords is { Count: > 0 } ? (double)rareWords.Count(Uses) / rareWords.Count : 0;
        return ((double)found / telling.Count, rare);
    }

    /// <summary>The words of a longer message's first sentence; none when the question is a single sentence.</summary>
    public static IReadOnlyList<string> HeadlineTokens(string question)
    {
        var sentences = TextTools.SplitSentences(question ?? "");
        return sentences.Count < 2 ? [] : QuestionTokens(question![sentences[0].Start..sentences[0].End]);
    }

    /// <summary>Question words as compared with topic names.</summary>
    /// <remarks>
    /// A short word written in capitals ("CAR", "AMD") is also kept as written, so that a short abbreviation among a
    /// topic's names matches only an abbreviation in the question, never the everyday word ("car seat").
    /// </remarks>
    public static IReadOnlyList<string> QuestionTokens(string question)
    {
        var tokens = new List<string>();
        foreach (var raw in (question ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']');
            if (word.Length is >= 2 and <= 3 && word.All(char.IsUpper))
            {
                tokens.Add(word);
            }
            tokens.AddRange(TextTools.Tokens(TextTools.Normalize(raw)).Where(w => !TextTools.StopWords.Contains(w)));
        }
        return tokens.Distinct(StringComparer.Ordinal).ToList();
    }

    private static (int At, bool Exact) IndexOf(IReadOnlyList<string> tokens, string word, IReadOnlySet<string>? unknownWords = null)
    {
        var near = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == word || IsPluralOf(tokens[i], word) || IsPluralOf(word, tokens[i]))
            {
                // One or many of a thing is not a slip of spelling.
                return (i, true);
            }
            if (near < 0 && (SameWord(tokens[i], word) || (unknownWords is not null && unknownWords.Contains(tokens[i]) && BeginsAlike(tokens[i], word))))
            {
                near = i;
            }
        }
        return (near, false);
    }

    /// <summary>Two long words with the same first six letters and lengths within four: a misspelt long name.</summary>
    private static bool BeginsAlike(string misspelt, string name) =>
        misspelt.Length >= 8 && name.Length >= 8 && Math.Abs(misspelt.Length - name.Length) <= 4
        && string.CompareOrdinal(misspelt, 0, name, 0, 6) == 0;

    private static bool IsPluralOf(string plural, string single) =>
        single.Length > 3 && (plural == single + "s" || plural == single + "es");

    /// <summary>
    /// Equal, a plural of the other, another form of one long word, or (for long words) one or two slips of
    /// spelling away. Opposites that differ by a few letters ("hypertension", "hypotension") are never the same.
    /// </summary>
    internal static bool SameWord(string a, string b)
    {
        if (a == b)
        {
            return true;
        }
        if (a.Length > 3 && b.Length > 3 && (a == b + "s" || b == a + "s" || a == b + "es" || b == a + "es"))
        {
            return true;
        }
        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 6 || a[0] != b[0] || Opposites(a, b) || Opposites(b, a))
        {
            return false;
        }
        // Two forms of one word ("streptococcus", "streptococcal"): a long shared beginning, differing only at the end.
        var common = 0;
        while (common < shorter && a[common] == b[common])
        {
            common++;
        }
        if (common >= 7 && common >= shorter - 3)
        {
            return true;
        }
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return false;
        }
        var limit = shorter >= 8 ? 2 : 1;
        return EditDistance(a, b, limit) <= limit;
    }

    private static bool Opposites(string a, string b) =>
        (a.StartsWith("hyper", StringComparison.Ordinal) && b.StartsWith("hypo", StringComparison.Ordinal))
        || (a.StartsWith("hyper", StringComparison.Ordinal) && !b.StartsWith("hyper", StringComparison.Ordinal) && b.StartsWith("hyp", StringComparison.Ordinal))
        || (a.StartsWith("ab", StringComparison.Ordinal) && b.StartsWith("ad", StringComparison.Ordinal))
        || (a.StartsWith("inter", StringComparison.Ordinal) && b.StartsWith("intra", StringComparison.Ordinal));

    /// <summary>Optimal-string-alignment distance (a swap of neighbours counts once), stopping early past the limit.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }
            if (rowBest > limit)
            {
                return limit + 1;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }

    private static Regex Cue(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
}
