using System.Text;

namespace Galen.Web.Articles;

/// <summary>Questions as typed, folded to the letters the analysis reads.</summary>
public static class QuestionText
{
    /// <summary>
    /// NFKC: full-width and other compatibility forms ("ｍａｇｎｅｓｉｕｍ", "ﬁ") become their plain letters. The program
    /// runs with invariant globalization, where the platform may not normalise, so the full-width block (the common
    /// case, from East Asian keyboards) is also folded by hand.
    /// </summary>
    public static string Compatible(string text)
    {
        string normalised;
        try
        {
            normalised = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (PlatformNotSupportedException)
        {
            normalised = text;
        }
        if (!normalised.Any(c => c is >= '\uFF01' and <= '\uFF5E' or '\u3000'))
        {
            return normalised;
        }
        var sb = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            sb.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        }
        return sb.ToString();
    }
}
