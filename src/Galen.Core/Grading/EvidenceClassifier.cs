using System.Text.RegularExpressions;
using Galen.Core.Sources;

namespace Galen.Core.Grading;

/// <summary>Level of evidence, design, sample size and limitations of a source.</summary>
public static partial class EvidenceClassifier
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // The cue words and phrases (Lexicon/design.txt); the patterns below put them together.
    private static readonly LexiconFile Lists = LexiconFile.Load("design.txt");

    [GeneratedRegex(@"\bpatients\b", Opts)]
    private static partial Regex PatientsWord();

    private static readonly Regex HumanSubjectsText = Lists.Regex(@"\b{human-subjects}\b", Opts);

    [GeneratedRegex(@"\bnon-?randomi[sz]ed\b", Opts)]
    private static partial Regex NonRandomizedText();

    [GeneratedRegex(@"\?", Opts)]
    private static partial Regex QuestionMark();

    private static readonly Regex LiteratureReviewText = Lists.Regex(@"\b{narrative-review}\b", Opts);

    private static readonly Regex SystematicReviewText = Lists.Regex(@"\b{systematic-review}\b", Opts);

    private static readonly Regex RandomizedText = Lists.Regex(@"\b{randomised}", Opts);

    private static readonly Regex CaseControlText = Lists.Regex(@"\b{case-control}\b", Opts);

    private static readonly Regex CohortText = Lists.Regex(@"\b{cohort}\b", Opts);

    private static readonly Regex CrossSectionalText = Lists.Regex(@"\b{cross-sectional}\b", Opts);

    private static readonly Regex CaseReportText = Lists.Regex(@"\b{case-report}", Opts);

    private static readonly Regex CaseSeriesText = Lists.Regex(@"\b{case-series}\b", Opts);

    private static readonly Regex AnimalText = Lists.Regex(@"\b{animal}\b", Opts);

    private static readonly Regex InVitroText = Lists.Regex(@"\b{in-vitro}\b", Opts);

    private static readonly Regex ControlledText = Lists.Regex(@"\b{controlled}\b", Opts);

    private static readonly Regex ReviewTitle = Lists.Regex(@"\b{review-title}\b", Opts);

    [GeneratedRegex(@"\b[nN]\s*=\s*(?<n>\d{1,3}(?:,\d{3})+|\d{1,7})\b")]
    private static partial Regex NEquals();

    private static readonly Regex NumberNoun = Lists.Regex(@"\b(?<n>\d{1,3}(?:,\d{3})+|\d{1,7})\s+(?:{participant-qualifier}\s+){0,3}{participant}\b", Opts);

    private static readonly Regex WordNumberNoun = Lists.Regex(@"\b(?<w>(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)(?:[-\s]+|\s+and\s+)?)+)\s*(?:{counted-qualifier}\s+){0,2}{counted-participant}\b", Opts);

    private static readonly Regex OpenLabelText = Lists.Regex(@"\b{open-label}\b", Opts);

    [GeneratedRegex(@"\bpilot\b", Opts)]
    private static partial Regex PilotText();

    // A study without a comparison group. "Uncontrolled" alone is not enough: "uncontrolled asthma" is a condition.
    private static readonly Regex UncontrolledText = Lists.Regex(@"{uncontrolled}", Opts);

    // Sentences that call for or imagine other studies ("a larger placebo-controlled trial is needed") say nothing
    // about this study's own design.
    private static readonly Regex OtherStudiesText = Lists.Regex(@"\b{other-studies}\b", Opts);

    private static readonly Regex UnderpoweredText = Lists.Regex(@"\b{underpowered}\b", Opts);

    [GeneratedRegex(@"\bsingle[-\s]cent(?:er|re)\b", Opts)]
    private static partial Regex SingleCentreText();

    [GeneratedRegex(@"\bretrospective(?:ly)?\b", Opts)]
    private static partial Regex RetrospectiveText();

    /// <summary>The level of evidence of a source, from its kind, stated design, publication types, MeSH terms and text.</summary>
    public static EvidenceLevel Level(SourceRecord source)
    {
        switch (source.Kind)
        {
            case SourceKind.Guideline:
                return EvidenceLevel.Guideline;
            case SourceKind.PatientInformation:
                return EvidenceLevel.PatientInformation;
            case SourceKind.DrugLabel:
                return EvidenceLevel.DrugLabel;
        }
        if (!string.IsNullOrWhiteSpace(source.Design))
        {
            var fromDesign = FromText(source.Design, source.Design);
            if (fromDesign is not null)
            {
                return fromDesign.Value;
            }
        }
        var types = source.PublicationTypes;
        if (Has(types, "Practice Guideline") || Has(types, "Guideline") || Has(types, "Consensus Development Conference"))
        {
            return EvidenceLevel.Guideline;
        }
        if (Has(types, "Meta-Analysis") || Has(types, "Systematic Review"))
        {
            return EvidenceLevel.SystematicReview;
        }
        if (Has(types, "Randomized Controlled Trial"))
        {
            return EvidenceLevel.RandomizedTrial;
        }
        var mesh = source.MeshTerms;
        var animal = (Has(mesh, "Animals") && !Has(mesh, "Humans")) || Has(types, "Research Support, Non-U.S. Gov't") && Has(mesh, "Rats");
        if (animal)
        {
            return EvidenceLevel.Animal;
        }
        if (Has(types, "Case Reports"))
        {
            return EvidenceLevel.CaseReport;
        }
        var text = DesignText(source);
        var fromText = FromText(text, source.Title);
        if (fromText is EvidenceLevel.SystematicReview or EvidenceLevel.RandomizedTrial)
        {
            return fromText.Value;
        }
        if (Has(types, "Controlled Clinical Trial") || types.Any(t => t.StartsWith("Clinical Trial", StringComparison.OrdinalIgnoreCase)))
        {
            // "Clinical Trial" is also given to single-arm studies; the text says when there was no comparison group.
            return fromText == EvidenceLevel.UncontrolledStudy ? EvidenceLevel.UncontrolledStudy : EvidenceLevel.ControlledTrial;
        }
        if (Has(mesh, "Random Allocation") || Has(mesh, "Double-Blind Method") || Has(mesh, "Single-Blind Method"))
        {
            return EvidenceLevel.RandomizedTrial;
        }
        if (Has(mesh, "Case-Control Studies"))
        {
            return EvidenceLevel.CaseControl;
        }
        if (Has(mesh, "Cohort Studies") || Has(mesh, "Prospective Studies") || Has(mesh, "Retrospective Studies") || Has(mesh, "Longitudinal Studies") || Has(mesh, "Follow-Up Studies"))
        {
            return fromText is EvidenceLevel.CaseControl or EvidenceLevel.CaseSeries or EvidenceLevel.CaseReport ? fromText.Value : EvidenceLevel.Cohort;
        }
        if (Has(mesh, "Cross-Sectional Studies"))
        {
            return EvidenceLevel.CrossSectional;
        }
        if (fromText is not null)
        {
            return fromText.Value;
        }
        if (Has(types, "Review"))
        {
            return EvidenceLevel.NarrativeReview;
        }
        if (Has(types, "Editorial") || Has(types, "Comment") || Has(types, "Letter"))
        {
            return EvidenceLevel.ExpertOpinion;
        }
        return EvidenceLevel.Study;
    }

    private static EvidenceLevel? FromText(string text, string title)
    {
        if (SystematicReviewText.IsMatch(text))
        {
            return EvidenceLevel.SystematicReview;
        }
        if (InVitroText.IsMatch(text) && !PatientsWord().IsMatch(text))
        {
            return EvidenceLevel.InVitro;
        }
        if (AnimalText.IsMatch(text) && !HumanSubjectsText.IsMatch(text))
        {
            return EvidenceLevel.Animal;
        }
        if (RandomizedText.IsMatch(text) && !NonRandomizedText().IsMatch(text))
        {
            return EvidenceLevel.RandomizedTrial;
        }
        if (CaseReportText.IsMatch(text))
        {
            return EvidenceLevel.CaseReport;
        }
        if (CaseControlText.IsMatch(text))
        {
            return EvidenceLevel.CaseControl;
        }
        if (CaseSeriesText.IsMatch(text))
        {
            return EvidenceLevel.CaseSeries;
        }
        if (UncontrolledText.IsMatch(text))
        {
            return EvidenceLevel.UncontrolledStudy;
        }
        if (CohortText.IsMatch(text))
        {
            return EvidenceLevel.Cohort;
        }
        if (CrossSectionalText.IsMatch(text))
        {
            return EvidenceLevel.CrossSectional;
        }
        if (ControlledText.IsMatch(text))
        {
            return EvidenceLevel.ControlledTrial;
        }
        if (ReviewTitle.IsMatch(title) && !QuestionMark().IsMatch(title))
        {
            return EvidenceLevel.NarrativeReview;
        }
        if (LiteratureReviewText.IsMatch(text))
        {
            return EvidenceLevel.NarrativeReview;
        }
        return null;
    }

    /// <summary>Title, stated design and the method-like sections (first 3000 characters).</summary>
    private static string DesignText(SourceRecord source)
    {
        var parts = new List<string> { source.Title };
        if (source.Design is not null)
        {
            parts.Add(source.Design);
        }
        var length = 0;
        foreach (var s in source.Sections)
        {
            if (IsMethodsLike(s) || length < 1500)
            {
                var t = s.Text.Length > 1500 ? s.Text[..1500] : s.Text;
                parts.Add(t);
                length += t.Length;
            }
            if (length > 3000)
            {
                break;
            }
        }
        return OwnDesign(string.Join(" \n", parts));
    }

    /// <summary>The text without its sentences about other or future studies ("a placebo-controlled trial is needed").</summary>
    private static string OwnDesign(string text)
    {
        if (!OtherStudiesText.IsMatch(text))
        {
            return text;
        }
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var span in Analysis.TextTools.SplitSentences(text))
        {
            var sentence = text.Substring(span.Start, span.Length);
            if (OtherStudiesText.IsMatch(sentence) && StudyWord.IsMatch(sentence))
            {
                continue;
            }
            kept.Append(sentence).Append(' ');
        }
        return kept.ToString();
    }

    private static readonly Regex StudyWord = Lists.Regex(@"\b{study-word}\b", Opts);

    internal static bool IsMethodsLike(SourceSection s)
    {
        var key = (s.Category ?? s.Label).ToUpperInvariant();
        return key.Contains("METHOD") || key.Contains("DESIGN") || key.Contains("PARTICIPANT") || key.Contains("SUBJECT")
            || key.Contains("PATIENT") || key.Contains("SETTING") || key.Contains("MATERIAL") || key.Contains("POPULATION");
    }

    /// <summary>The design in words: the stated design when the source gives one, else the level's words.</summary>
    public static string DesignWords(SourceRecord source, EvidenceLevel level)
    {
        if (!string.IsNullOrWhiteSpace(source.Design))
        {
            return source.Design.Trim().ToLowerInvariant();
        }
        return level.Words();
    }

    /// <summary>Number of participants: as stated, or found in the text ("n=10", "120 patients", "One thousand ninety-nine women").</summary>
    public static int? SampleSize(SourceRecord source)
    {
        if (source.SampleSize is > 0)
        {
            return source.SampleSize;
        }
        if (source.Kind is SourceKind.Guideline or SourceKind.PatientInformation or SourceKind.DrugLabel)
        {
            return null;
        }
        // Methods-like sections first, then everything else in order.
        var ordered = source.Sections.Where(IsMethodsLike).Concat(source.Sections.Where(s => !IsMethodsLike(s)));
        foreach (var section in ordered)
        {
            var n = SampleSizeIn(section.Text);
            if (n is not null)
            {
                return n;
            }
        }
        return SampleSizeIn(source.Title);
    }

    /// <summary>The first participant count stated in a text.</summary>
    public static int? SampleSizeIn(string text)
    {
        var best = -1;
        var bestAt = int.MaxValue;
        foreach (var m in new[] { NEquals().Match(text), NumberNoun.Match(text) })
        {
            if (m.Success && m.Index < bestAt && int.TryParse(m.Groups["n"].Value.Replace(",", ""), out var v) && v >= 2 && !(v >= 1900 && v <= 2100))
            {
                best = v;
                bestAt = m.Index;
            }
        }
        var w = WordNumberNoun.Match(text);
        if (w.Success && w.Index < bestAt)
        {
            var v = ParseNumberWords(w.Groups["w"].Value);
            if (v >= 2)
            {
                best = v;
            }
        }
        return best >= 2 ? best : null;
    }

    /// <summary>"One thousand ninety-nine" -> 1099.</summary>
    public static int ParseNumberWords(string words)
    {
        var total = 0;
        var current = 0;
        foreach (var raw in words.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw.Trim();
            var small = w switch
            {
                "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8,
                "nine" => 9, "ten" => 10, "eleven" => 11, "twelve" => 12, "thirteen" => 13, "fourteen" => 14,
                "fifteen" => 15, "sixteen" => 16, "seventeen" => 17, "eighteen" => 18, "nineteen" => 19, "twenty" => 20,
                "thirty" => 30, "forty" => 40, "fifty" => 50, "sixty" => 60, "seventy" => 70, "eighty" => 80, "ninety" => 90,
                _ => -1,
            };
            if (small >= 0)
            {
                current += small;
            }
            else if (w == "hundred")
            {
                current = Math.Max(current, 1) * 100;
            }
            else if (w == "thousand")
            {
                total += Math.Max(current, 1) * 1000;
                current = 0;
            }
        }
        return total + current;
    }

    /// <summary>Limitations a reader should know, in words ("open-label", "pilot", "uncontrolled", "underpowered", "small").</summary>
    public static IReadOnlyList<string> Limitations(SourceRecord source, EvidenceLevel level, int? sampleSize)
    {
        var list = new List<string>();
        if (source.Kind != SourceKind.Research)
        {
            return list;
        }
        var text = DesignText(source) + " " + OwnDesign(string.Join(" ", source.Sections.Select(s => s.Text.Length > 3000 ? s.Text[..3000] : s.Text)));
        // A review's text describes the studies it gathered ("open-label", "uncontrolled"); those words are not its own design.
        var review = level is EvidenceLevel.SystematicReview or EvidenceLevel.NarrativeReview;
        if (!review && OpenLabelText.IsMatch(text))
        {
            list.Add("open-label");
        }
        if (!review && PilotText().IsMatch(text))
        {
            list.Add("pilot");
        }
        if (!review && level is not (EvidenceLevel.RandomizedTrial or EvidenceLevel.ControlledTrial) && UncontrolledText.IsMatch(text))
        {
            list.Add("uncontrolled");
        }
        if (!review && UnderpoweredText.IsMatch(text))
        {
            list.Add("underpowered");
        }
        if (sampleSize is > 0 and < 50 && level is not (EvidenceLevel.SystematicReview or EvidenceLevel.Guideline or EvidenceLevel.CaseReport))
        {
            list.Add("small");
        }
        if (RetrospectiveText().IsMatch(text) && level is EvidenceLevel.Cohort or EvidenceLevel.CaseSeries or EvidenceLevel.Study)
        {
            list.Add("retrospective");
        }
        if (SingleCentreText().IsMatch(text))
        {
            list.Add("single-centre");
        }
        if (level == EvidenceLevel.Animal)
        {
            list.Add("animal");
        }
        if (level == EvidenceLevel.InVitro)
        {
            list.Add("laboratory only");
        }
        return list;
    }

    private static bool Has(IReadOnlyList<string> list, string value)
    {
        foreach (var s in list)
        {
            if (string.Equals(s, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
