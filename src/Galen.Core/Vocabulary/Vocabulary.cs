using System.Reflection;
using Galen.Core.Analysis;

namespace Galen.Core;

/// <summary>One group of names for the same thing: "restless legs syndrome", "RLS", "Willis-Ekbom disease".</summary>
public sealed record TermGroup(string Type, string Name, IReadOnlyList<string> Phrasings)
{
    public bool IsDrug => Type is "drug" or "drug-class" or "supplement" or "intervention";
    public bool IsCondition => Type is "condition" or "symptom";
}

/// <summary>A vocabulary term found in a text.</summary>
public sealed record TermMatch(TermGroup Group, string Surface, int Token, int TokenCount);

/// <summary>
/// The project's vocabulary of synonyms, abbreviations, brand and generic names and lay and clinical names,
/// read from the embedded <c>terms.txt</c>.
/// </summary>
public static class Vocabulary
{
    private const int MaxPhraseTokens = 7;
    private static readonly HashSet<string> AmbiguousAbbreviations = new(StringComparer.Ordinal)
    {
        "CAD", "GAD", "AMI", "ASA", "ADD", "CAT", "SAD", "PAD", "URI", "EPS", "CHD", "OSA", "CAP",
    };

    private static readonly IReadOnlyList<TermGroup> AllGroups;
    private static readonly Dictionary<string, List<TermGroup>> ByNormalized = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, List<TermGroup>> ByExact = new(StringComparer.Ordinal);

    /// <summary>
    /// Two-letter abbreviations as people type them in a message without a single capital ("my dad has af"): there
    /// the missing capitals say nothing, so "af" is AF.
    /// </summary>
    private static readonly Dictionary<string, List<TermGroup>> ByLowerCaseAbbreviation = new(StringComparer.Ordinal);

    /// <summary>
    /// Lower-case words that look like an abbreviation but are typed for something else: "im" is "I'm", "pe" a school
    /// lesson, "po" a box number.
    /// </summary>
    private static readonly HashSet<string> NotAbbreviationsInLowerCase = new(StringComparer.Ordinal) { "im", "pe", "po" };

    /// <summary>The first word of every name of two words or more: a word not in it starts no longer match.</summary>
    private static readonly HashSet<string> PhraseStarts = new(StringComparer.Ordinal);

    static Vocabulary()
    {
        var groups = new List<TermGroup>();
        foreach (var line in ReadResource("terms.txt"))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            var parts = trimmed.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }
            var group = new TermGroup(parts[0], parts[1], parts[1..]);
            groups.Add(group);
            foreach (var phrase in group.Phrasings)
            {
                if (IsCaseSensitive(phrase))
                {
                    AddTo(ByExact, phrase, group);
                    if (phrase.Length == 2 && !NotAbbreviationsInLowerCase.Contains(phrase.ToLowerInvariant()))
                    {
                        AddTo(ByLowerCaseAbbreviation, phrase.ToLowerInvariant(), group);
                    }
                }
                else
                {
                    AddTo(ByNormalized, TextTools.Normalize(phrase), group);
                    if (AnyOwner(TextTools.Normalize(phrase)) is { } owned)
                    {
                        AddTo(ByNormalized, owned, group);
                    }
                }
            }
        }
        AllGroups = groups;
        foreach (var key in ByNormalized.Keys)
        {
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                PhraseStarts.Add(key[..space]);
            }
        }
    }

    /// <summary>Every group's names, preferred name first, in file order.</summary>
    public static IEnumerable<IReadOnlyList<string>> Groups => AllGroups.Select(g => g.Phrasings);

    /// <summary>Every group with its type, in file order.</summary>
    public static IReadOnlyList<TermGroup> TermGroups => AllGroups;

    /// <summary>
    /// The names of a phrase's group, preferred name first; the phrase alone when the vocabulary does not know it.
    /// </summary>
    public static IReadOnlyList<string> Expand(string phrase)
    {
        var group = Lookup(phrase);
        if (group is null)
        {
            return [phrase.Trim()];
        }
        return group.Phrasings;
    }

    private static readonly Lazy<Dictionary<string, List<TermGroup>>> ClassesByMember = new(ReadClasses);

    /// <summary>The classes a medicine belongs to (classes.txt), by the medicine's preferred name; empty when none is known.</summary>
    public static IReadOnlyList<TermGroup> ClassesOf(string medicine) =>
        ClassesByMember.Value.TryGetValue(medicine ?? "", out var classes) ? classes : [];

    // Built when first asked, after the static constructor has read the groups.
    private static readonly Lazy<Dictionary<string, List<TermGroup>>> MembersByClass = new(() =>
    {
        var byClass = new Dictionary<string, List<TermGroup>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (member, classes) in ClassesByMember.Value)
        {
            if (Lookup(member) is not { IsDrug: true } group)
            {
                continue;
            }
            foreach (var c in classes)
            {
                AddTo(byClass, c.Name, group);
            }
        }
        return byClass;
    });

    /// <summary>The medicines of a class (classes.txt), by the class's preferred name; empty when it lists none.</summary>
    public static IReadOnlyList<TermGroup> MembersOf(string medicineClass) =>
        MembersByClass.Value.TryGetValue(medicineClass ?? "", out var members) ? members : [];

    private static Dictionary<string, List<TermGroup>> ReadClasses()
    {
        var byMember = new Dictionary<string, List<TermGroup>>(StringComparer.OrdinalIgnoreCase);
        var lineNumber = 0;
        foreach (var line in ReadResource("classes.txt"))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            var parts = trimmed.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            // A supplement named by its element ("iron") is the class of its salts, as a drug class is of its members.
            var group = AllGroups.FirstOrDefault(g => g.Type is "drug-class" or "supplement" && g.Name == parts[0])
                ?? throw new InvalidDataException($"classes.txt line {lineNumber}: '{parts[0]}' is not a drug-class or supplement in terms.txt");
            foreach (var member in parts[1..])
            {
                if (!AllGroups.Any(g => g.Name == member && g.IsDrug))
                {
                    throw new InvalidDataException($"classes.txt line {lineNumber}: '{member}' is not a medicine in terms.txt");
                }
                AddTo(byMember, member, group);
            }
        }
        return byMember;
    }

    /// <summary>The group a whole phrase names, or null.</summary>
    public static TermGroup? Lookup(string phrase)
    {
        var trimmed = phrase.Trim();
        if (ByExact.TryGetValue(trimmed, out var exact))
        {
            return exact[0];
        }
        var normalized = TextTools.Normalize(trimmed);
        if (ByNormalized.TryGetValue(normalized, out var list))
        {
            return list[0];
        }
        // Plural tolerance: "statins" -> "statin", "antipsychotic medications" -> "antipsychotic medication".
        if (normalized.EndsWith('s') && ByNormalized.TryGetValue(normalized[..^1], out list))
        {
            return list[0];
        }
        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> OtherThingsNamed = new(StringComparer.Ordinal);

    /// <summary>
    /// The longer names of other things that hold a phrase without being a kind of it ("hay fever" is not a fever,
    /// while "scarlet fever" and "chest pain" name kinds of fever and pain): normalised, longest first.
    /// </summary>
    internal static string[] LongerNamesOfOtherThings(string normalizedPhrase) =>
        OtherThingsNamed.GetOrAdd(normalizedPhrase, phrase => AllGroups
            .Where(g => !TextTools.ContainsPhrase(TextTools.Normalize(g.Name), phrase))
            .SelectMany(g => g.Phrasings.Select(TextTools.Normalize))
            .Where(n => n.Length > phrase.Length && TextTools.ContainsPhrase(n, phrase))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length)
            .ToArray());

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> CombinationsNamed = new(StringComparer.Ordinal);

    /// <summary>
    /// The names of other medicines that hold a medicine's name ("trimethoprim-sulfamethoxazole" holds "trimethoprim",
    /// "sacubitril-valsartan" holds "valsartan"): a combination is a medicine of its own, with its own doses and
    /// courses. Normalised, longest first.
    /// </summary>
    internal static string[] CombinationsHolding(string normalizedPhrase) =>
        CombinationsNamed.GetOrAdd(normalizedPhrase, phrase => AllGroups
            .Where(g => g.Type == "drug" && !g.Phrasings.Any(p => TextTools.Normalize(p) == phrase))
            .SelectMany(g => g.Phrasings.Select(TextTools.Normalize))
            .Where(n => n.Length > phrase.Length && TextTools.ContainsPhrase(n, phrase))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(n => n.Length)
            .ToArray());

    /// <summary>All vocabulary terms in a text, longest match first at each position, left to right.</summary>
    public static IReadOnlyList<TermMatch> FindAll(string text)
    {
        var original = TokensKeepCase(text);
        var matches = new List<TermMatch>();
        var noCapitals = !text.Any(char.IsUpper);
        var lower = new string[original.Count];
        for (var k = 0; k < lower.Length; k++)
        {
            lower[k] = original[k].ToLowerInvariant();
        }
        var i = 0;
        while (i < original.Count)
        {
            var found = false;
            // Most words start no name of several words: only the one-word look-ups are made for them.
            var maxLen = PhraseStarts.Contains(lower[i]) ? Math.Min(MaxPhraseTokens, original.Count - i) : 1;
            for (var len = maxLen; len >= 1 && !found; len--)
            {
                if (len == 1 && (ByExact.TryGetValue(original[i], out var exact) || (noCapitals && ByLowerCaseAbbreviation.TryGetValue(original[i], out exact))))
                {
                    matches.Add(new TermMatch(exact[0], original[i], i, 1));
                    i += 1;
                    found = true;
                    break;
                }
                var key = len == 1 ? lower[i] : string.Join(' ', lower, i, len);
                if ((ByNormalized.TryGetValue(key, out var list)
                    || (len > 1 && HasOtherOwner(lower, i, len) && AnyOwner(key) is { } owned && ByNormalized.TryGetValue(owned, out list))
                    || (key.Length > 3 && key.EndsWith('s') && ByNormalized.TryGetValue(key[..^1], out list)))
                    && !SaidOfAnotherPart(lower, i, len, key))
                {
                    matches.Add(new TermMatch(list[0], len == 1 ? original[i] : string.Join(' ', original.GetRange(i, len)), i, len));
                    i += len;
                    found = true;
                }
            }
            if (!found)
            {
                i++;
            }
        }
        return matches;
    }

    /// <summary>
    /// Whether a lay name that names no part of the body ("bunged up") is said of another part just before it ("my ear
    /// feels totally bunged up") or just after it ("a bunged up nose"), or means "supported" ("backed up by a culture"):
    /// then it names no illness there.
    /// </summary>
    private static bool SaidOfAnotherPart(string[] lower, int start, int length, string key)
    {
        if (!TextTools.OrganFreeNames.Contains(key))
        {
            return false;
        }
        if (start + length < lower.Length && lower[start + length] == "by")
        {
            return true;
        }
        for (var k = Math.Max(0, start - 5); k < Math.Min(lower.Length, start + length + 2); k++)
        {
            if (k >= start && k < start + length)
            {
                continue;
            }
            if (TextTools.BodyParts.Contains(lower[k]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Tokens as <see cref="TextTools.Normalize"/> makes them, but keeping letter case.</summary>
    internal static List<string> TokensKeepCase(string text)
    {
        var tokens = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
        {
            tokens.Add(sb.ToString());
        }
        return tokens;
    }

    /// <summary>Short capitalised abbreviations ("IM", "TD") are only recognised written in capitals.</summary>
    internal static bool IsCaseSensitive(string phrase)
    {
        if (phrase.Contains(' ') || phrase.Length > 3)
        {
            return false;
        }
        var upper = phrase.Count(char.IsUpper);
        if (upper < 2)
        {
            return false;
        }
        return phrase.Length <= 2 || AmbiguousAbbreviations.Contains(phrase);
    }

    private static readonly HashSet<string> Owners = new(["my", "his", "her", "their", "your", "our"], StringComparer.Ordinal);

    /// <summary>Whether the words of a name looked up hold an owner word other than "my" after its first word.</summary>
    private static bool HasOtherOwner(string[] lower, int start, int length)
    {
        // Most names looked up have no owner word: checked on the tokens before a key is rebuilt.
        for (var k = start + 1; k < start + length; k++)
        {
            if (lower[k] != "my" && Owners.Contains(lower[k]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A name of several words with whose body it is written in one form ("pressure across her chest" and "across my
    /// chest" are one lay name): each owner word after the first word made "my"; null when it has none.
    /// </summary>
    private static string? AnyOwner(string key)
    {
        var words = key.Split(' ');
        var changed = false;
        for (var k = 1; k < words.Length; k++)
        {
            if (Owners.Contains(words[k]) && words[k] != "my")
            {
                words[k] = "my";
                changed = true;
            }
        }
        return changed ? string.Join(' ', words) : null;
    }

    private static void AddTo(Dictionary<string, List<TermGroup>> map, string key, TermGroup group)
    {
        if (key.Length == 0)
        {
            return;
        }
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }
        if (!list.Contains(group))
        {
            list.Add(group);
        }
    }

    internal static IEnumerable<string> ReadResource(string fileName)
    {
        var assembly = typeof(Vocabulary).Assembly;
        var name = assembly.GetManifestResourceNames().First(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded resource " + fileName);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }
}
