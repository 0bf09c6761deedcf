using System.Globalization;
using System.Text.RegularExpressions;

namespace Galen.Core.Grading;

/// <summary>Finds doses, thresholds, NNTs and effect sizes in a sentence.</summary>
public static partial class FactExtractor
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"(?<![\w.])(?<v>\d+(?:\.\d+)?)(?:\s*(?:–|-|to)\s*(?<v2>\d+(?:\.\d+)?))?\s*(?<u>mg/kg(?:/day|/d|/h)?|mg/day|mg/d|mcg/kg|µg/kg|μg/kg|mg|g|mcg|µg|μg|mEq|mmol|IU|international\s+units|units|mL|ml|milligrams?|grams?|micrograms?)(?![\w/])", RegexOptions.CultureInvariant)]
    private static partial Regex DosePattern();

    [GeneratedRegex(@"(?<op>≤|≥|<=|>=|=<|<|>|less\s+than|greater\s+than|more\s+than|below|above|under|over|exceed(?:s|ing)?|at\s+least|up\s+to|lower\s+than|higher\s+than)\s*(?<v>\d+(?:\.\d+)?)\s*(?<u>ng/mL|ng/ml|mg/dL|mg/dl|mmol/L|mmol/l|µmol/L|μmol/L|umol/L|mEq/L|meq/l|%|mmHg|mm\s+Hg|g/dL|g/dl|pg/mL|IU/L|U/L|beats\s+per\s+minute|bpm|kg/m2|kg/m²|mg/L|mcg/L|µg/L|ms)", Opts)]
    private static partial Regex ThresholdPattern();

    [GeneratedRegex(@"\b(?:NNT|number\s+needed\s+to\s+treat)\)?\s*(?:was|of|=|:|is)?\s*(?<v>\d+(?:\.\d+)?)(?:\s*[\(\[,;]?\s*95\s*%\s*(?:CI|confidence\s+interval)[:,]?\s*(?<lo>\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(?<hi>\d+(?:\.\d+)?)\s*[\)\]]?)?", Opts)]
    private static partial Regex NntPattern();

    [GeneratedRegex(@"\b(?<k>aOR|aHR|OR|RR|HR|IRR|SMD|WMD|MD|odds\s+ratio|relative\s+risk|risk\s+ratio|hazard\s+ratio|standardi[sz]ed\s+mean\s+difference|mean\s+difference)\)?\s*(?:was|of|=|:|,)?\s*(?<v>-?\d+(?:\.\d+)?)(?:\s*[\(\[,;]?\s*(?:95\s*%\s*)?(?:CI|confidence\s+interval)[:,]?\s*(?<lo>-?\d+(?:\.\d+)?)\s*(?:-|–|to|,)\s*(?<hi>-?\d+(?:\.\d+)?)\s*[\)\]]?)?", RegexOptions.CultureInvariant)]
    private static partial Regex EffectPattern();

    [GeneratedRegex(@"\b(?:IM|IV|PO|SC|SQ|intramuscular(?:ly)?|intravenous(?:ly)?|oral(?:ly)?|by\s+mouth|subcutaneous(?:ly)?|sublingual(?:ly)?|topical(?:ly)?|inhaled|transdermal|rectal(?:ly)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RoutePattern();

    [GeneratedRegex(@"\b(?:(?:once|twice|three\s+times|four\s+times)\s+(?:a\s+|per\s+)?(?:day|daily|week|weekly|month)|daily|at\s+bedtime|nightly|every\s+\d+(?:\s*(?:-|–|to)\s*\d+)?\s*(?:hours?|h|days?|weeks?|minutes?)|bid|tid|qid|qhs|prn|as\s+needed|over\s+\d+\s*(?:minutes|min|hours|h))\b", Opts)]
    private static partial Regex FrequencyPattern();

    /// <summary>All facts in a sentence, in order of appearance.</summary>
    public static IReadOnlyList<Fact> Extract(string sentence)
    {
        if (!sentence.Any(char.IsDigit))
        {
            return [];
        }
        var facts = new List<Fact>();
        var route = RoutePattern().Match(sentence);
        var frequency = FrequencyPattern().Match(sentence);
        var routeText = route.Success ? route.Value : null;
        var freqText = frequency.Success ? frequency.Value : null;
        var claimed = new List<(int Start, int End)>();

        foreach (Match m in NntPattern().Matches(sentence))
        {
            facts.Add(new Fact(FactKind.Nnt, m.Value.Trim(), Num(m.Groups["v"]), Num(m.Groups["lo"]), Num(m.Groups["hi"]), null));
            claimed.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in EffectPattern().Matches(sentence))
        {
            if (Overlaps(claimed, m))
            {
                continue;
            }
            facts.Add(new Fact(FactKind.EffectSize, m.Value.Trim(), Num(m.Groups["v"]), Num(m.Groups["lo"]), Num(m.Groups["hi"]), m.Groups["k"].Value));
            claimed.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in ThresholdPattern().Matches(sentence))
        {
            if (Overlaps(claimed, m))
            {
                continue;
            }
            facts.Add(new Fact(FactKind.Threshold, m.Value.Trim(), Num(m.Groups["v"]), null, null, m.Groups["u"].Value));
            claimed.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in DosePattern().Matches(sentence))
        {
            if (Overlaps(claimed, m))
            {
                continue;
            }
            var v = Num(m.Groups["v"]);
            var v2 = Num(m.Groups["v2"]);
            facts.Add(new Fact(FactKind.Dose, m.Value.Trim(), v, v, v2 ?? v, m.Groups["u"].Value)
            {
                Route = routeText,
                Frequency = freqText,
            });
            claimed.Add((m.Index, m.Index + m.Length));
        }
        if (facts.Count > 0 && routeText is not null)
        {
            facts.Add(new Fact(FactKind.Route, routeText, null, null, null, null));
        }
        if (facts.Count > 0 && freqText is not null)
        {
            facts.Add(new Fact(FactKind.Frequency, freqText, null, null, null, null));
        }
        return facts;
    }

    private static bool Overlaps(List<(int Start, int End)> claimed, Match m)
    {
        foreach (var (s, e) in claimed)
        {
            if (m.Index < e && m.Index + m.Length > s)
            {
                return true;
            }
        }
        return false;
    }

    private static double? Num(Group g) =>
        g.Success && double.TryParse(g.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
