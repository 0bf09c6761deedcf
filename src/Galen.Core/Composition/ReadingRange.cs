using System.Globalization;
using System.Text.RegularExpressions;

namespace Galen.Core.Composition;

/// <summary>
/// Whether a sentence's bands take in a value the question gives: "my eGFR is 41" falls in "G3b 30 to 44", and not in
/// "eGFR 30 to below 60", which is the rule for another band. A sentence is judged only on the measure it names, so a
/// temperature is never held against a range of ages or doses. The time since something began ("started 3 days ago") is
/// a reading too, held against the times a sentence bounds ("within 2 days", "more than 2 days ago", "after 10 days").
/// </summary>
public static partial class ReadingRange
{
    /// <summary>A measured value the question gives, with the measure's key ("egfr", "temperature").</summary>
    public readonly record struct Reading(string Measure, double Value);

    private static readonly string[] Measures =
        ["egfr", "temperature", "ferritin", "tsh", "hba1c", "potassium", "sodium", "b12", "inr", "psa", "cholesterol", "glucose", "oxygen", "peakflow", "pulse", "bmi", "vitamind", "risk", "eosinophils"];

    /// <summary>The readings the question gives ("eGFR 41", "the thermometer says 38.6", "she's 38.4").</summary>
    public static IReadOnlyList<Reading> Of(string question)
    {
        var readings = new List<Reading>();
        foreach (Match m in MeasureInQuestion().Matches(question ?? ""))
        {
            if (Measure(m) is { } measure && Parse(m.Groups["v"].Value) is double value)
            {
                readings.Add(new Reading(measure, value));
            }
        }
        if (readings.All(r => r.Measure != "temperature") && BareTemperature().Match(question ?? "") is { Success: true } bare
            && Parse(bare.Groups["v"].Value) is double degrees)
        {
            readings.Add(new Reading("temperature", degrees));
        }
        if (TimeSince().Match(question ?? "") is { Success: true } since && Days(since) is double days)
        {
            readings.Add(new Reading(Elapsed, days));
        }
        return readings;
    }

    private const string Elapsed = "elapsed";

    /// <summary>
    /// (1, 0) when the sentence names a measure the question gives a reading of and one of its bands takes the reading
    /// in; (0, 1) when it names the measure and states bands, none of which takes it in; (0, 0) otherwise.
    /// </summary>
    public static (double InRange, double OutOfRange) Fit(IReadOnlyList<Reading> readings, string sentence)
    {
        if (readings.Count == 0 || string.IsNullOrEmpty(sentence))
        {
            return (0, 0);
        }
        var named = MeasureInSentence().Matches(sentence).Select(Measure).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var timeBands = TimeBands(sentence).ToList();
        if (timeBands.Count > 0)
        {
            named.Add(Elapsed);
        }
        var asked = readings.Where(r => named.Contains(r.Measure)).ToList();
        if (asked.Count == 0)
        {
            return (0, 0);
        }
        if (asked.Any(r => r.Measure == Elapsed && timeBands.Any(b => b.Contains(r.Value))))
        {
            return (1, 0);
        }
        asked.RemoveAll(r => r.Measure == Elapsed);
        if (asked.Count == 0)
        {
            return (0, 1);
        }
        // A band of percentages ("a 10-year risk of 7.5% or higher") is not one of an LDL cholesterol in mg/dL.
        var bands = Bands(sentence).ToList();
        var judged = asked.Where(r => bands.Any(b => SameUnit(b, r))).ToList();
        if (judged.Count == 0)
        {
            return (0, 0);
        }
        return judged.Any(r => bands.Any(b => SameUnit(b, r) && b.Contains(r.Value))) ? (1, 0) : (0, 1);
    }

    private static bool SameUnit(Band band, Reading reading) => !band.Percent || InPercent.Contains(reading.Measure);

    /// <summary>The measures whose readings are given as percentages.</summary>
    private static readonly HashSet<string> InPercent = new(StringComparer.Ordinal) { "hba1c", "oxygen", "risk" };

    private readonly record struct Band(double Low, bool LowIncluded, double High, bool HighIncluded, bool Percent = false)
    {
        public bool Contains(double v) => (LowIncluded ? v >= Low : v > Low) && (HighIncluded ? v <= High : v < High);
    }

    private static IEnumerable<Band> Bands(string sentence)
    {
        foreach (Match m in Between().Matches(sentence))
        {
            if (Parse(m.Groups["a"].Value) is double a && Parse(m.Groups["b"].Value) is double b && a < b)
            {
                yield return new Band(a, true, b, !m.Groups["below"].Success, PercentAfter(sentence, m.Groups["b"]));
            }
        }
        foreach (Match m in UpperBound().Matches(sentence))
        {
            if (Parse(m.Groups["v"].Value) is double v)
            {
                yield return new Band(double.NegativeInfinity, false, v, m.Groups["incl"].Success, PercentAfter(sentence, m.Groups["v"]));
            }
        }
        foreach (Match m in LowerBound().Matches(sentence))
        {
            if (Parse(m.Groups["v"].Value) is double v)
            {
                yield return new Band(v, m.Groups["incl"].Success, double.PositiveInfinity, false, PercentAfter(sentence, m.Groups["v"]));
            }
        }
    }

    /// <summary>Whether the number is written as a percentage: "7.5%", "7.5 %", "7.5 percent".</summary>
    private static bool PercentAfter(string sentence, Group number)
    {
        var rest = sentence.AsSpan(number.Index + number.Length).TrimStart();
        return rest.StartsWith("%") || rest.StartsWith("percent", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("per cent", StringComparison.OrdinalIgnoreCase);
    }

    // Only bounds that speak of time since a start: "within 2 days", "more than 2 days ago", "after 10 days", "lasts 3 to
    // 4 weeks". "Under 3 months" is more often an age, and "for a week" or "for more than 3 days" how long to take
    // something, so none of them is read as one.
    private static IEnumerable<Band> TimeBands(string sentence)
    {
        foreach (Match m in TimeBound().Matches(sentence))
        {
            if (Days(m) is not double v)
            {
                continue;
            }
            if (m.Groups["within"].Success)
            {
                yield return new Band(0, true, v, true);
            }
            else if (m.Groups["a"].Success && Count(m.Groups["a"].Value) is double a)
            {
                yield return new Band(a * UnitDays(m.Groups["u"].Value), true, v, true);
            }
            else
            {
                yield return new Band(v, m.Groups["after"].Success, double.PositiveInfinity, false);
            }
        }
    }

    private static double? Days(Match m) => Count(m.Groups["v"].Value) * UnitDays(m.Groups["u"].Value);

    private static double UnitDays(string unit) => unit.ToLowerInvariant().TrimEnd('s') switch
    {
        "hour" => 1 / 24.0,
        "day" => 1,
        "week" => 7,
        "month" => 30.4,
        _ => 365,
    };

    // "3", "three", "a", "a couple of", "a few": how many of the unit.
    private static double? Count(string words) => Parse(words) ?? (string.Join(' ', words.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) switch
    {
        "a" or "an" => 1,
        "couple of" or "a couple of" => 2,
        "few" or "a few" => 3,
        var named => Grading.EvidenceClassifier.ParseNumberWords(named) is > 0 and var n ? n : null,
    });

    private const string CountWords = @"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a\s+)?couple\s+of|(?:a\s+)?few)";

    // A sentence's bound is a number ("more than a few days" of a spray is how long to use it, not a time since).
    private const string Number = @"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)";

    // "started 3 days ago", "two weeks back", "3 days into", "for the last 5 days", "had it for 2 weeks", "today is day five".
    [GeneratedRegex(@"(?<![\w.,])(?<v>" + CountWords + @")\s*(?<u>hours?|days?|weeks?|months?|years?)\s+(?:ago|back|in(?:to)?)\b|\b(?:today\s+is|it['’]?s|it\s+is|we['’]?re\s+(?:on|at)|now\s+on|now)\s+(?:the\s+)?(?<u>day|week)\s+(?<v>" + Number + @")\b|\b(?:for|over|in)\s+(?:the\s+)?(?:last|past)\s+(?<v>" + CountWords + @")\s*(?<u>hours?|days?|weeks?|months?|years?)\b|\b(?:had|having|been|going\s+on|lasted|lasting|started|begun)\b[^.?!]{0,40}?\bfor\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?(?<v>" + CountWords + @")\s*(?<u>hours?|days?|weeks?|months?|years?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeSince();

    [GeneratedRegex(@"\b(?<within>within)\s+(?<v>" + Number + @")\s*(?<u>hours?|days?|weeks?|months?)\b|(?<!\b(?:for|no|not)\s+)\b(?:more|longer)\s+than\s+(?<v>" + Number + @")\s*(?<u>hours?|days?|weeks?|months?)\b(?!\s+(?:old|of\s+age))|\b(?<after>after|beyond)\s+(?<v>" + Number + @")\s*(?<u>hours?|days?|weeks?|months?)\b|\b(?:lasts?|lasting|lasted)\s+(?:about\s+|around\s+|up\s+to\s+)?(?<a>\d+)\s*(?:to|-|–)\s*(?<v>\d+)\s*(?<u>hours?|days?|weeks?|months?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeBound();

    private static string? Measure(Match m) => Measures.FirstOrDefault(name => m.Groups[name].Success);

    private static double? Parse(string text) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    // A number that is a length of time, a dose or a count is not a band of a measure; a clearance in mL/min is, and so
    // is a concentration in mg/dL or g/L.
    private const string NotAMeasure = @"(?!\d|[.,]\d|\s*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|(?:mg|mcg|µg|g)\b(?!\s*/\s*(?:dl|l|ml)\b)|grams?|milligrams?|micrograms?|ml\b(?!/min)|times|tablets?|doses?|puffs?|units?|people|patients|%\s+of))";

    // The name of a measure, then its reading within a few words: a number standing alone, not a digit inside a word ("SpO2").
    [GeneratedRegex(@"\b(?:(?<egfr>e?gfr|kidney (?:function|number)|creatinine clearance|crcl)|(?<temperature>temp(?:erature)?|thermometer)|(?<ferritin>ferritin)|(?<tsh>tsh)|(?<hba1c>hba1c|a1c)|(?<potassium>potassium)|(?<sodium>sodium)|(?<b12>b12)|(?<inr>inr)|(?<psa>psa)|(?<cholesterol>ldl|cholesterol)|(?<glucose>glucose|blood sugars?)|(?<oxygen>oxygen|sats|saturations?)|(?<peakflow>peak flow)|(?<pulse>heart rate|pulse)|(?<bmi>bmi)|(?<vitamind>vitamin d)|(?<eosinophils>eosinophils?|eos)|(?<risk>(?:(?:cvd|ascvd|cardiovascular|heart)\s+(?:disease\s+)?|\d+[-\s]year\s+)risk(?!\s+factors?)|qrisk\d?))\b[^.?!\d]{0,30}?(?<![\d.,\p{L}])(?<v>\d+(?:[.,]\d+)?)(?(risk)\s*%|)", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureInQuestion();

    [GeneratedRegex(@"\b(?:(?<egfr>e?gfr|glomerular filtration|creatinine clearance|crcl)|(?<temperature>temperature|fever)|(?<ferritin>ferritin)|(?<tsh>tsh)|(?<hba1c>hba1c|a1c)|(?<potassium>potassium)|(?<sodium>sodium)|(?<b12>b12)|(?<inr>inr)|(?<psa>psa)|(?<cholesterol>ldl|cholesterol)|(?<glucose>glucose|blood sugar)|(?<oxygen>oxygen|saturation)|(?<peakflow>peak flow)|(?<pulse>heart rate|pulse)|(?<bmi>bmi|body mass index)|(?<vitamind>vitamin d)|(?<eosinophils>eosinophils?)|(?<risk>(?:(?:cvd|ascvd|cardiovascular|heart)\s+(?:disease\s+)?|\d+[-\s]year\s+)risk(?!\s+factors?)|qrisk\d?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureInSentence();

    // "she's 38.4", "it's 39.1 now": a bare number between 35.0 and 42.9 written with one decimal is a body temperature.
    [GeneratedRegex(@"(?<![\d.,])(?<v>(?:3[5-9]|4[0-2])[.,]\d)(?!\d|[.,]\d|\s*(?:%|mg|kg|g\b|ml|cm|weeks?|kilos?|lbs?))", RegexOptions.IgnoreCase)]
    private static partial Regex BareTemperature();

    // "7.5% to less than 10%": a band of percentages names its unit after each end. "between 75 and 100 ng/mL" is a
    // band too, its unit after the second end or after both.
    [GeneratedRegex(@"(?:(?<![\d.,])(?<a>\d+(?:\.\d+)?)\s*%?\s*(?:to|-|–)|\bbetween\s+(?<a>\d+(?:\.\d+)?)\s*(?:%|[^\s\d]+)?\s+and)\s*(?<below>(?:below|under|less than)\s+)?(?<b>\d+(?:\.\d+)?)" + NotAMeasure, RegexOptions.IgnoreCase)]
    private static partial Regex Between();

    [GeneratedRegex(@"(?:\b(?:below|under|less than|lower than)\s+|<\s*|(?<incl>\b(?:up to|at most)\s+|≤\s*))(?<v>\d+(?:\.\d+)?)" + NotAMeasure + @"|(?<![\d.,])(?<v>\d+(?:\.\d+)?)\s*(?:[^\s\d.,;]+\s+){0,2}?(?<incl>or (?:less|lower|below|under))\b", RegexOptions.IgnoreCase)]
    private static partial Regex UpperBound();

    [GeneratedRegex(@"(?:\b(?:above|over|more than|greater than|higher than)\s+|>\s*|(?<incl>\bat least\s+|≥\s*))(?<v>\d+(?:\.\d+)?)" + NotAMeasure + @"|(?<![\d.,])(?<v>\d+(?:\.\d+)?)\s*(?:[^\s\d.,;]+\s+){0,2}?(?<incl>or (?:more|higher|above|greater|over))\b", RegexOptions.IgnoreCase)]
    private static partial Regex LowerBound();
}
