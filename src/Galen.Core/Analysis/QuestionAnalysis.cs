using Galen.Core.Analysis;

namespace Galen.Core;

/// <summary>What a question asks for.</summary>
public enum QuestionKind
{
    YesNoEfficacy,
    Treatment,
    Dosing,
    AdverseEffects,
    Diagnosis,
    Definition,
    Comparison,
    Prognosis,
    Prevention,
    Causes,
    Other,
}

/// <summary>What a yes/no question asks to be true; decides how "no difference" and "no increase" read.</summary>
public enum QuestionFocus
{
    /// <summary>Does it help, improve, work?</summary>
    Benefit,
    /// <summary>Does it cause harm, raise a risk?</summary>
    Harm,
    /// <summary>Is it safe, feasible, tolerated?</summary>
    Safety,
    /// <summary>Is it as good as the alternative?</summary>
    Equivalence,
    /// <summary>Is it better than the alternative?</summary>
    Superiority,
    /// <summary>Is it needed, mandatory, required?</summary>
    Necessity,
    /// <summary>Is it associated with, does it predict, influence, differ?</summary>
    Association,
    /// <summary>Is it accurate, reliable, valid?</summary>
    Accuracy,
}

public static class QuestionKinds
{
    public static string ToSlug(this QuestionKind kind) => kind switch
    {
        QuestionKind.YesNoEfficacy => "yes-no-efficacy",
        QuestionKind.Treatment => "treatment",
        QuestionKind.Dosing => "dosing",
        QuestionKind.AdverseEffects => "adverse-effects",
        QuestionKind.Diagnosis => "diagnosis",
        QuestionKind.Definition => "definition",
        QuestionKind.Comparison => "comparison",
        QuestionKind.Prognosis => "prognosis",
        QuestionKind.Prevention => "prevention",
        QuestionKind.Causes => "causes",
        _ => "other",
    };
}

/// <summary>A named thing in a question (an intervention, a condition) with every phrasing that names it.</summary>
public sealed record Term(string Name, IReadOnlyList<string> Phrasings, string Type)
{
    private string[]? _normalized;

    /// <summary>
    /// Only found written as in the question: an abbreviation the vocabulary does not know, written in capitals in a
    /// message that is not all capitals ("ODD" is not "odd").
    /// </summary>
    public bool MatchCase { get; init; }

    /// <summary>
    /// Read from the question's wording alone, not a name the vocabulary knows: a phrase taken as the topic, a
    /// pronoun resolved from earlier questions, a fallback guess.
    /// </summary>
    public bool IsUnsure => Type is "fallback" or "phrase" or "pronoun";

    /// <summary>Phrasings in the normalised form used for matching (case-sensitive abbreviations excluded).</summary>
    internal string[] NormalizedPhrasings => _normalized ??= Phrasings
        .Where(p => !MatchCase && !Vocabulary.IsCaseSensitive(p))
        .Select(TextTools.Normalize)
        .Where(p => p.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Short abbreviations that only count written in capitals.</summary>
    internal IEnumerable<string> ExactPhrasings => MatchCase ? Phrasings : Phrasings.Where(Vocabulary.IsCaseSensitive);

    public bool Equals(Term? other) =>
        other is not null && Name == other.Name && Type == other.Type && Phrasings.SequenceEqual(other.Phrasings);

    public override int GetHashCode() => HashCode.Combine(Name, Type);

    /// <summary>
    /// Whether a text names this term (<paramref name="normalized"/> is the text's normalised form). A free-text
    /// phrase the vocabulary does not know ("tailored print interventions") also counts when most of its words occur.
    /// </summary>
    public bool IsIn(string text, string normalized)
    {
        foreach (var p in NormalizedPhrasings)
        {
            if (TextTools.ContainsPhrase(normalized, p) && !(Type == "symptom" && OnlyInNamesOfOtherThings(normalized, p))
                && !(Type == "drug" && OnlyInNames(normalized, p, Vocabulary.CombinationsHolding(p))))
            {
                return true;
            }
        }
        foreach (var p in ExactPhrasings)
        {
            if (TextTools.ContainsExactWord(text, p))
            {
                return true;
            }
        }
        if (Type is "phrase" or "fallback")
        {
            var stems = Stems;
            if (stems.Length >= 2)
            {
                var found = 0;
                foreach (var stem in stems)
                {
                    if (TextTools.ContainsWordStart(normalized, stem))
                    {
                        found++;
                    }
                }
                return found * 10 >= stems.Length * 6;
            }
        }
        return false;
    }

    private string[]? _stems;

    /// <summary>Word starts (up to 6 letters) of the topic words of the preferred name.</summary>
    /// <summary>
    /// Whether every place the phrase stands in the text is inside the name of another thing ("fever" in "hay fever").
    /// Asked only of symptoms: "low magnesium" is still about magnesium.
    /// </summary>
    private static bool OnlyInNamesOfOtherThings(string normalized, string phrase) =>
        OnlyInNames(normalized, phrase, Vocabulary.LongerNamesOfOtherThings(phrase));

    /// <summary>Whether every place the phrase stands in the text is inside one of the names given.</summary>
    private static bool OnlyInNames(string normalized, string phrase, string[] others)
    {
        if (others.Length == 0)
        {
            return false;
        }
        var rest = " " + normalized + " ";
        foreach (var other in others)
        {
            rest = rest.Replace(" " + other + " ", " | ", StringComparison.Ordinal);
        }
        return !TextTools.ContainsPhrase(rest, phrase);
    }

    private string[] Stems => _stems ??= TextTools.Tokens(TextTools.Normalize(Name))
        .Where(w => w.Length >= 3 && !TextTools.StopWords.Contains(w))
        .Select(w => w.Length > 6 ? w[..6] : w)
        .Distinct(StringComparer.Ordinal)
        .ToArray();
}

/// <summary>The result of reading a question.</summary>
public sealed record QuestionAnalysis
{
    /// <summary>The question as asked (markup removed).</summary>
    public required string Question { get; init; }
    /// <summary>The sentence that carries the question (a story may surround it).</summary>
    public required string FocusQuestion { get; init; }
    public required QuestionKind Kind { get; init; }
    /// <summary>Whether the question wants a yes / no / uncertain verdict.</summary>
    public required bool IsYesNo { get; init; }
    /// <summary>"all" or "most" when a yes/no question claims something of every case or of most cases; null otherwise.</summary>
    public string? Quantifier { get; init; }
    public QuestionFocus Focus { get; init; } = QuestionFocus.Benefit;
    public IReadOnlyList<Term> Interventions { get; init; } = [];
    public IReadOnlyList<Term> Conditions { get; init; } = [];
    /// <summary>Alternatives an intervention is compared with.</summary>
    public IReadOnlyList<Term> Comparators { get; init; } = [];
    /// <summary>
    /// The medicines of a class the question asks which of ("which macrolide?"): a source that names one answers it,
    /// though it may never name the class.
    /// </summary>
    public IReadOnlyList<Term> MembersAsked { get; init; } = [];
    public string? Population { get; init; }

    /// <summary>
    /// An asker whose medicines have safety evidence of their own (pregnancy, breastfeeding): how to say it, and the word
    /// starts by which a source speaks of it. What is safe for other adults says nothing about it.
    /// </summary>
    public (string Phrase, string[] Words)? SafetyGroup => Population switch
    {
        "breastfeeding" => ("while breastfeeding", ["breastfe", "breast fe", "lactat", "breast milk", "nursing mother"]),
        "pregnancy" => ("in pregnancy", ["pregnan", "gestation", "trimester"]),
        _ => null,
    };
    /// <summary>The circumstance the question sets ("after starting an antipsychotic").</summary>
    public string? Context { get; init; }
    /// <summary>Medicines or events named in the context (the likely cause, not the treatment asked about).</summary>
    public IReadOnlyList<Term> ContextTerms { get; init; } = [];
    /// <summary>Topic words of the question, lower case, in order.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>True when the intervention or condition was taken from earlier questions of the conversation.</summary>
    public bool UsesConversation { get; init; }
    /// <summary>
    /// Words of the question that no source in the library uses, most often misspellings; set by the engine, which
    /// knows the library (empty from the analyser alone).
    /// </summary>
    public IReadOnlySet<string> UnknownWords { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    /// <summary>Words of the question that only a few sources use ("VDRL"), which single those sources out; set by the engine.</summary>
    public IReadOnlySet<string> RareWords { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    public bool Urgent { get; init; }
    /// <summary>What made the question look like an emergency, in words.</summary>
    public string? UrgentReason { get; init; }

    public Term? MainIntervention => Interventions.Count > 0 ? Interventions[0] : null;
    public Term? MainCondition => Conditions.Count > 0 ? Conditions[0] : null;
}
