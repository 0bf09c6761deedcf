using System.Security.Cryptography;
using System.Text;
using Galen.Core;
using Galen.Core.Analysis;
using Galen.Core.Answers;

namespace Galen.Web.Articles;

/// <summary>
/// Which answers become public articles, and when two questions mean the same. An article is a page the review board
/// will read and search engines may list, so only real answers become one: an abstention, a question not in English
/// or one naming nothing the analysis can place is answered to its asker and kept private.
/// </summary>
public static class ArticlePublishing
{
    /// <summary>Why the answer stays private, or null when it may become an article.</summary>
    public static string? WhyPrivate(string question, QuestionAnalysis analysis, Answer clinician, Answer patient)
    {
        if (!LooksEnglish(question, analysis))
        {
            return "Only questions in English are published as articles; this answer is shown to you alone.";
        }
        if (analysis.Interventions.Count == 0 && analysis.Conditions.Count == 0)
        {
            return "The question names no medicine, treatment or condition Galen could place, so this answer is shown to you alone and not published.";
        }
        if (clinician.TopicReadByMeaning || patient.TopicReadByMeaning)
        {
            // Its topic was read from the sources nearest it in meaning, not from its words: a good guess for the asker,
            // not a page for the review board or search engines.
            return "The question names no medicine, treatment or condition Galen could place, so this answer is shown to you alone and not published.";
        }
        if (clinician.Abstained || patient.Abstained)
        {
            return "The library holds too little evidence to answer this question, so it is not published as an article.";
        }
        return null;
    }

    /// <summary>
    /// Mostly Latin letters, and at least one common English word or one medical term the analysis recognised
    /// ("magnesium RLS").
    /// </summary>
    public static bool LooksEnglish(string question, QuestionAnalysis analysis)
    {
        int letters = 0, latin = 0;
        foreach (var c in question)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')) latin++;
        }
        if (letters == 0 || latin < 0.8 * letters) return false;
        var words = TextTools.Tokens(TextTools.Normalize(question));
        return words.Any(EnglishWords.Contains) || analysis.Interventions.Count + analysis.Conditions.Count > 0;
    }

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "is", "are", "was", "can", "could", "should", "does", "do", "did", "what", "how", "when", "why",
        "which", "who", "will", "would", "my", "i", "me", "for", "of", "to", "in", "with", "and", "or", "it", "after",
        "before", "take", "help", "treat", "treatment", "dose", "safe", "side", "effects", "pain", "child", "baby",
    };

    /// <summary>
    /// What the question asks, as the analysis reads it: kind, what it asks about, for whom, in which conversation.
    /// Two questions with the same key open the same article. Null when the analysis placed nothing.
    /// </summary>
    public static string? MeaningKey(QuestionAnalysis analysis, IReadOnlyList<string> conversation)
    {
        if (analysis.Interventions.Count == 0 && analysis.Conditions.Count == 0) return null;
        static string Names(IEnumerable<Term> terms) =>
            string.Join(",", terms.Select(t => t.Name.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));
        var meaning = string.Join("|",
            analysis.Kind.ToSlug(), analysis.Quantifier ?? "", analysis.Focus.ToString(), analysis.Population ?? "",
            Names(analysis.Interventions), Names(analysis.Conditions), Names(analysis.Comparators), Names(analysis.ContextTerms),
            string.Join(" | ", conversation.Select(TextTools.Normalize)));
        // Digits only, so the key never matches a word of the site search over question keys.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(meaning));
        return MeaningMarker + BitConverter.ToUInt64(hash, 0).ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Separates the question's own key from its meaning key in the stored question key.</summary>
    public const string MeaningMarker = " ~";
}
