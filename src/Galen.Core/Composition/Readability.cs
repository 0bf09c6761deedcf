using Galen.Core.Analysis;

namespace Galen.Core.Composition;

/// <summary>Flesch-Kincaid grade level of English text.</summary>
public static class Readability
{
    public static double FleschKincaidGrade(string text)
    {
        var sentences = Math.Max(1, TextTools.SplitSentences(text).Count);
        var words = 0;
        var syllables = 0;
        foreach (var token in text.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = new string(token.Where(char.IsLetter).ToArray());
            if (word.Length == 0)
            {
                if (token.Any(char.IsDigit))
                {
                    words++;
                    syllables += 1;
                }
                continue;
            }
            words++;
            syllables += Syllables(word);
        }
        if (words == 0)
        {
            return 0;
        }
        var grade = (0.39 * words / sentences) + (11.8 * syllables / words) - 15.59;
        return Math.Round(Math.Max(0, grade), 1);
    }

    /// <summary>Vowel-group count with the usual silent-e and "-le" corrections.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 3)
        {
            return 1;
        }
        var count = 0;
        var prevVowel = false;
        for (var i = 0; i < w.Length; i++)
        {
            var v = w[i] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (v && !prevVowel)
            {
                count++;
            }
            prevVowel = v;
        }
        if (w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && count > 1)
        {
            count--;
        }
        if ((w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal)) && count > 1 && !w.EndsWith("ted", StringComparison.Ordinal) && !w.EndsWith("ded", StringComparison.Ordinal))
        {
            count--;
        }
        return Math.Max(1, count);
    }
}
