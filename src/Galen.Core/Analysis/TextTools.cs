using System.Text;
using System.Text.RegularExpressions;

namespace Galen.Core.Analysis;

/// <summary>A run of characters inside a larger text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Small text helpers shared by analysis, grading and composition. All are pure and culture-free.</summary>
public static partial class TextTools
{
    /// <summary>
    /// The text with a number written in words before a unit of age or time given in digits ("our four-year-old": "our
    /// 4-year-old", "twenty one months": "21 months"), so that an age is read however it is written.
    /// </summary>
    public static string TimeNumbersInDigits(string text) =>
        NumberWordBeforeTimeUnit().Replace(text, m => (Number(m.Groups["tens"].Value) + Number(m.Groups["unit"].Value)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static int Number(string word) => Array.IndexOf(NumberWords, word.ToLowerInvariant()) switch
    {
        < 0 => 0,
        var i and < 20 => i,
        var i => (i - 18) * 10,
    };

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    [GeneratedRegex(@"\b(?:(?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?<unit>one|two|three|four|five|six|seven|eight|nine))?|(?<unit>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))(?=[\s-]+(?:years?|yrs?|months?|weeks?|days?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWordBeforeTimeUnit();

    private static readonly LexiconFile Lists = LexiconFile.Load("text.txt");

    /// <summary>Abbreviations whose full stop does not end a sentence (Lexicon/text.txt).</summary>
    private static readonly HashSet<string> Abbreviations = new(Lists.Words("abbreviation"), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Lower-case form used for phrase matching: letters and digits kept, apostrophes dropped, everything else a
    /// single space. "Willis-Ekbom" and "Willis Ekbom" normalise alike.
    /// </summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = true;
        foreach (var raw in text)
        {
            var c = raw;
            if (c is '\'' or '\u2019')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
        return sb.ToString();
    }

    /// <summary>Word tokens of a normalised text.</summary>
    public static string[] Tokens(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Whether a normalised text holds a normalised phrase as whole words (a trailing plural "s"/"es" on the
    /// text side is tolerated).
    /// </summary>
    public static bool ContainsPhrase(string normalizedText, string normalizedPhrase)
    {
        if (normalizedPhrase.Length == 0 || normalizedText.Length < normalizedPhrase.Length)
        {
            return false;
        }
        var from = 0;
        while (true)
        {
            var i = normalizedText.IndexOf(normalizedPhrase, from, StringComparison.Ordinal);
            if (i < 0)
            {
                return false;
            }
            if (i == 0 || normalizedText[i - 1] == ' ')
            {
                var end = i + normalizedPhrase.Length;
                if (end == normalizedText.Length || normalizedText[end] == ' ')
                {
                    return true;
                }
                if (normalizedText[end] == 's' && (end + 1 == normalizedText.Length || normalizedText[end + 1] == ' '))
                {
                    return true;
                }
                if (end + 1 < normalizedText.Length && normalizedText[end] == 'e' && normalizedText[end + 1] == 's'
                    && (end + 2 == normalizedText.Length || normalizedText[end + 2] == ' '))
                {
                    return true;
                }
            }
            from = i + 1;
        }
    }

    /// <summary>Whether a normalised text has a word that starts with <paramref name="start"/>.</summary>
    public static bool ContainsWordStart(string normalizedText, string start)
    {
        var from = 0;
        while (true)
        {
            var i = normalizedText.IndexOf(start, from, StringComparison.Ordinal);
            if (i < 0)
            {
                return false;
            }
            if (i == 0 || normalizedText[i - 1] == ' ')
            {
                return true;
            }
            from = i + 1;
        }
    }

    /// <summary>Whether an original (not normalised) text holds a word written exactly so (case-sensitive).</summary>
    public static bool ContainsExactWord(string text, string word)
    {
        var from = 0;
        while (true)
        {
            var i = text.IndexOf(word, from, StringComparison.Ordinal);
            if (i < 0)
            {
                return false;
            }
            var end = i + word.Length;
            var leftOk = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var rightOk = end == text.Length || !char.IsLetterOrDigit(text[end]) || (text[end] == 's' && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1])));
            if (leftOk && rightOk)
            {
                return true;
            }
            from = i + 1;
        }
    }

    /// <summary>
    /// Splits text into sentences. Aware of abbreviations ("e.g.", "vs.", "et al."), decimals ("1.5 mg"),
    /// initials ("M. Hornyak"), list lines and blank lines. Text typed without capitals (<paramref name="lowerCaseStarts"/>:
    /// "im 72. is it worth stopping now?") starts its sentences in lower case.
    /// </summary>
    public static IReadOnlyList<TextSpan> SplitSentences(string text, bool lowerCaseStarts = false)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        var n = text.Length;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                // A line break ends a sentence when the next line is blank, a list item, or the line ended with a stop.
                var j = i + 1;
                while (j < n && text[j] is ' ' or '\t' or '\r')
                {
                    j++;
                }
                var prev = LastNonSpace(text, start, i);
                var breakHere = j >= n || text[j] == '\n' || IsListMarker(text, j) || prev is '.' or '!' or '?' or ':' or ';'
                    || (prev != '\0' && !char.IsLower(text[j]));
                if (breakHere)
                {
                    Add(spans, text, start, i);
                    start = i + 1;
                }
                continue;
            }
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }
            // Run of closing punctuation/quotes after the stop.
            var k = i + 1;
            while (k < n && text[k] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '\u201D' or '\u2019')
            {
                k++;
            }
            if (k < n && !char.IsWhiteSpace(text[k]))
            {
                continue; // "1.5", "e.g.,", "U.S.A"
            }
            if (c == '.' && IsAbbreviationBefore(text, start, i))
            {
                continue;
            }
            var m = k;
            while (m < n && text[m] is ' ' or '\t' or '\r')
            {
                m++;
            }
            if (m < n && text[m] != '\n')
            {
                var next = text[m];
                if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '(' or '[' or '\u201C' or '\'' || IsListMarker(text, m)
                    || (lowerCaseStarts && char.IsLower(next))))
                {
                    continue; // lower-case continuation: not a sentence end
                }
            }
            Add(spans, text, start, k);
            start = k;
            i = k - 1;
        }
        Add(spans, text, start, n);
        return spans;
    }

    private static char LastNonSpace(string text, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }
        return '\0';
    }

    private static bool IsListMarker(string text, int i)
    {
        if (i >= text.Length)
        {
            return false;
        }
        var c = text[i];
        if (c is '-' or '*' or '\u2022')
        {
            return i + 1 < text.Length && text[i + 1] == ' ';
        }
        if (char.IsDigit(c))
        {
            var j = i;
            while (j < text.Length && char.IsDigit(text[j]))
            {
                j++;
            }
            return j + 1 < text.Length && text[j] is '.' or ')' && text[j + 1] == ' ';
        }
        return false;
    }

    private static bool IsAbbreviationBefore(string text, int start, int dot)
    {
        // The word right before the dot, including inner dots ("e.g", "U.S").
        var j = dot - 1;
        while (j >= start && (char.IsLetterOrDigit(text[j]) || text[j] == '.'))
        {
            j--;
        }
        var word = text.Substring(j + 1, dot - j - 1);
        if (word.Length == 0)
        {
            return false;
        }
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            // An initial ("M. Hornyak"), unless it follows a number ("at 3 T.").
            var k = j;
            while (k >= start && text[k] == ' ')
            {
                k--;
            }
            return k < start || !char.IsDigit(text[k]);
        }
        return Abbreviations.Contains(word);
    }

    private static void Add(List<TextSpan> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        // Drop list markers from the front of a line ("- ", "1. ").
        if (start < end && IsListMarker(text, start))
        {
            var s = start;
            if (text[s] is '-' or '*' or '\u2022')
            {
                s += 2;
            }
            else
            {
                while (s < end && char.IsDigit(text[s]))
                {
                    s++;
                }
                s += 2;
            }
            start = Math.Min(s, end);
        }
        if (end - start >= 2 && HasLetter(text, start, end))
        {
            spans.Add(new TextSpan(start, end - start));
        }
    }

    private static bool HasLetter(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Collapses runs of whitespace into single spaces.</summary>
    public static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Words that carry no topic: question words, auxiliaries, pronouns, fillers (Lexicon/text.txt).</summary>
    public static readonly HashSet<string> StopWords = new(Lists.Words("stop-word"), StringComparer.Ordinal);

    /// <summary>Words by which a message refers to a treatment it named elsewhere ("the tablets", "the jab").</summary>
    public static readonly HashSet<string> ReferringNouns = new(Lists.Words("referring-noun"), StringComparer.Ordinal);

    /// <summary>Words that compare or count ("longer", "the better way"), never a topic on their own.</summary>
    public static readonly HashSet<string> ComparisonWords = new(Lists.Words("comparison-word"), StringComparer.Ordinal);

    /// <summary>Words of when ("straight away", "right now"): a phrase made only of them and stop words names nothing.</summary>
    public static readonly HashSet<string> WhenWords = new(Lists.Words("when-word"), StringComparer.Ordinal);

    /// <summary>Lay names of an illness that do not name the part of the body ("bunged up"), read only when none is named.</summary>
    public static readonly HashSet<string> OrganFreeNames = new(Lists.Words("organ-free-name"), StringComparer.Ordinal);

    /// <summary>Parts of the body ("ear", "nose") that a lay name such as "blocked up" may be said of.</summary>
    public static readonly HashSet<string> BodyParts = new(Lists.Words("body-part"), StringComparer.Ordinal);

    /// <summary>Verbs of doing that open a clause ("go on the plane with it", "give him"), never a name.</summary>
    public static readonly HashSet<string> ClauseVerbs = new(Lists.Words("clause-verb"), StringComparer.Ordinal);

    /// <summary>Words about the asker or the asking ("at my age", "worth"), never a topic.</summary>
    public static readonly HashSet<string> AskingWords = new(Lists.Words("asking-word"), StringComparer.Ordinal);

    /// <summary>Abbreviations of guideline bodies, matched as written in capitals ("per NICE"; "nice" is a word).</summary>
    public static readonly HashSet<string> GuidelineBodies = new(Lists.Words("guideline-body"), StringComparer.Ordinal);

    /// <summary>A guideline's code ("NG59", "CG150", "TA123", "SIGN158"): shared by the reading and the ranking.</summary>
    public const string GuidelineCode = @"(?:NG|CG|QS|TA|SIGN)\d{1,4}";
}
