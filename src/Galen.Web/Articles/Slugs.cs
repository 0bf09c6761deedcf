using System.Security.Cryptography;
using System.Text;
using Galen.Core.Analysis;

namespace Galen.Web.Articles;

/// <summary>Slugs and question keys.</summary>
public static class Slugs
{
    private const int MaxSlugLength = 80;
    private const int MaxKeyLength = 450;

    /// <summary>Lower-case words of the question joined by hyphens, cut at a word boundary.</summary>
    public static string FromQuestion(string question)
    {
        var words = TextTools.Tokens(TextTools.Normalize(question));
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            var ascii = new string(word.Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')).ToArray());
            if (ascii.Length == 0) continue;
            if (sb.Length + ascii.Length + 1 > MaxSlugLength) break;
            if (sb.Length > 0) sb.Append('-');
            sb.Append(ascii);
        }
        return sb.Length == 0 ? "question" : sb.ToString();
    }

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= 200 && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>The normalised question and the conversation before it: the same key opens the same article.</summary>
    /// <param name="reserve">Characters kept free at the end of the stored key (for the meaning key).</param>
    public static string QuestionKey(string question, IReadOnlyList<string> after, int reserve = 0)
    {
        var max = MaxKeyLength - reserve;
        var key = string.Join(" | ", after.Select(TextTools.Normalize).Append(TextTools.Normalize(question)));
        if (key.Length <= max) return key;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return key[..(max - hash.Length - 1)] + "#" + hash;
    }
}
