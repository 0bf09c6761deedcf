using System.Text.RegularExpressions;

namespace Galen.Core.Composition;

/// <summary>
/// How severe the question says the illness is ("less severe depression", "mild asthma", "severe acne") held against a
/// sentence written for a band of severity: "For more severe depression, ..." is the advice for someone else when the
/// asker's is less severe. Guidelines split advice this way, and the neighbouring band's advice is the commonest wrong
/// answer to such a question.
/// </summary>
public static partial class SeverityAsked
{
    /// <summary>The bands of severity a text names, as flags.</summary>
    [Flags]
    public enum Band
    {
        None = 0,
        Low = 1,
        Middle = 2,
        High = 4,
    }

    // "mild to moderate" and "moderate to severe" span two bands; "less severe" and "more severe" are the two bands some
    // guidelines (NICE on depression) use instead of three.
    // "Non-severe" (the WHO's word) takes in mild and moderate.
    private const string BandWords = @"(?<band>mild(?:\s+(?:to|or)\s+moderate)?|moderate(?:\s+(?:to|or)\s+severe)?|less\s+severe|more\s+severe|non-?\s?severe|severe)";

    // How a lay person says the illness is mild without the word: "just a sore throat", "only a bit of a cough", "not too
    // bad", "feeling okay otherwise".
    [GeneratedRegex(@"\b(?:just|only)\s+(?:a|an|some)\s+(?:bit\s+of\s+(?:a\s+)?|little\s+)?(?:sore|runny|blocked|stuffy|slight|tickly|mild|temperature|cough|cold|sniffle|headache|ache)|\bnot\s+(?:too|that|very|really)\s+(?:bad|poorly|unwell|ill|sick)\b|\b(?:mildly|slightly|a\s+bit)\s+(?:unwell|ill|poorly|under\s+the\s+weather)\b|\bfeel(?:ing)?\s+(?:ok(?:ay)?|fine|well)\s+otherwise\b", RegexOptions.IgnoreCase)]
    private static partial Regex LayMild();

    [GeneratedRegex(@"\b" + BandWords + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex BandInQuestion();

    // A sentence is written for a band when it says so before the illness: "for more severe depression", "in mild
    // asthma", "people with moderate to severe symptoms". "Severe bleeding" as a harm names no band of the illness.
    [GeneratedRegex(@"\b(?:for|in|with|of|help|helps|treat|treats)\s+(?:(?:people|patients|adults|children|those|anyone)\s+(?:with|who\s+have)\s+)?(?:a\s+|an\s+)?(?:persistent\s+)?" + BandWords + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex BandInSentence();

    /// <summary>The band the question names; none when it names none or names bands that do not meet ("mild or severe?").</summary>
    public static Band Of(string question)
    {
        var bands = Band.None;
        foreach (Match m in BandInQuestion().Matches(question ?? ""))
        {
            bands |= Read(m.Groups["band"].Value);
        }
        if (bands == Band.None && LayMild().IsMatch(question ?? ""))
        {
            return Band.Low;
        }
        // A question that asks between bands ("is it mild or severe?") says none of its own.
        return bands == (Band.Low | Band.High) || bands == (Band.Low | Band.Middle | Band.High) ? Band.None : bands;
    }

    /// <summary>
    /// (1, 0) when the sentence is written for the asker's band; (0, 1) when it is written only for other bands; (0, 0)
    /// when it names no band or the question names none.
    /// </summary>
    public static (double Agrees, double Conflicts) Fit(Band asked, string sentence)
    {
        if (asked == Band.None || string.IsNullOrEmpty(sentence))
        {
            return (0, 0);
        }
        var written = Band.None;
        foreach (Match m in BandInSentence().Matches(sentence))
        {
            written |= Read(m.Groups["band"].Value);
        }
        return written == Band.None ? (0, 0) : (written & asked) != 0 ? (1, 0) : (0, 1);
    }

    private static Band Read(string words)
    {
        var w = string.Join(' ', words.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return w switch
        {
            "mild" or "less severe" => Band.Low,
            "mild to moderate" or "mild or moderate" => Band.Low | Band.Middle,
            "moderate" => Band.Middle,
            "moderate to severe" or "moderate or severe" => Band.Middle | Band.High,
            var n when n.StartsWith("non", StringComparison.Ordinal) => Band.Low | Band.Middle,
            _ => Band.High,
        };
    }
}
