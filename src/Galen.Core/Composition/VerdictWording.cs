using Galen.Core.Analysis;
using Galen.Core.Answers;
using Galen.Core.Grading;

namespace Galen.Core.Composition;

/// <summary>
/// The reason under a verdict, in words for its reader: what kinds of evidence point which way ("Inconclusive: a
/// guideline and a systematic review. In favour: two small uncontrolled studies."), not a list of records.
/// </summary>
public static class VerdictWording
{
    public static string? Reason(Verdict? verdict, Audience audience)
    {
        if (verdict is null)
        {
            return null;
        }
        if (verdict.Grounds is VerdictGrounds.Exception or VerdictGrounds.NoFinding)
        {
            return verdict.Reason;
        }
        if (verdict.Grounds == VerdictGrounds.LeafletsOnly)
        {
            return audience == Audience.Patient
                ? "Only patient information pages speak of this; no guideline or study in the library answers it."
                : "Only patient information speaks to this; no guideline, study or label in the library answers it.";
        }
        var patient = audience == Audience.Patient;
        var lead = (verdict.Grounds, verdict.Value, patient) switch
        {
            (VerdictGrounds.Thin, _, false) => "The evidence is too thin to decide.",
            (VerdictGrounds.Thin, _, true) => "There is too little research to say.",
            (VerdictGrounds.Conflict, _, false) => "The evidence conflicts.",
            (VerdictGrounds.Conflict, _, true) => "Studies and guidelines disagree.",
            (VerdictGrounds.GuidelinesOutrank, _, false) => "The guidelines agree with one another and outrank the other sources, which differ.",
            (VerdictGrounds.GuidelinesOutrank, _, true) => "Expert guidelines agree on this, although some other sources differ.",
            (_, Verdict.Yes, false) => "The weight of evidence is in favour.",
            (_, Verdict.Yes, true) => "Most of the evidence says it helps.",
            (_, Verdict.No, false) => "The weight of evidence is against.",
            (_, Verdict.No, true) => "Most of the evidence says it does not help.",
            (_, _, false) => "The evidence does not settle the question.",
            (_, _, true) => "The research so far does not give a clear answer.",
        };
        var groups = verdict.Basis
            .Where(s => s.Stance != Stance.None)
            .GroupBy(s => s.Stance)
            .OrderBy(g => g.Key == Stance.Supports ? 0 : g.Key == Stance.Against ? 1 : 2)
            .Select(g => (Stance: g.Key, Kinds: Kinds(g.ToList(), patient)))
            .ToList();
        if (groups.Count == 0)
        {
            return lead;
        }
        var parts = groups.Select(g => patient ? PatientClause(g.Stance, g.Kinds) : ClinicianClause(g.Stance, g.Kinds));
        return lead + " " + string.Join(" ", parts);
    }

    private static string ClinicianClause(Stance stance, (string Words, int Count)[] kinds)
    {
        var what = stance switch { Stance.Supports => "In favour", Stance.Against => "Against", _ => "Inconclusive" };
        return what + ": " + UrgencyDetector.JoinWords(kinds.Select(k => k.Words).ToList()) + ".";
    }

    private static string PatientClause(Stance stance, (string Words, int Count)[] kinds)
    {
        var plural = kinds.Length > 1 || kinds[0].Count > 1;
        var said = stance switch
        {
            Stance.Supports => plural ? "suggest it may help" : "suggests it may help",
            Stance.Against => plural ? "suggest it does not help" : "suggests it does not help",
            _ => "found no clear answer",
        };
        var text = UrgencyDetector.JoinWords(kinds.Select(k => k.Words).ToList()) + " " + said + ".";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>"a guideline", "two small uncontrolled studies": one entry per kind of evidence, strongest first.</summary>
    private static (string Words, int Count)[] Kinds(List<GradedSource> sources, bool patient) => sources
        .GroupBy(s => KindOf(s.Level))
        .OrderBy(g => g.Min(s => (int)s.Level))
        .Select(g =>
        {
            var (singular, plural) = patient ? PatientNames(g.Key) : ClinicianNames(g.Key);
            var count = g.Count();
            var small = g.Key is "uncontrolled" or "randomized" or "controlled" or "observational"
                && g.All(s => s.Limitations.Contains("small") || s.Limitations.Contains("pilot"));
            var noun = (small ? "small " : "") + (count == 1 ? singular : plural);
            return (count == 1 ? VerdictEngine.Article(noun) + " " + noun : CountWord(count) + " " + noun, count);
        })
        .ToArray();

    private static string KindOf(EvidenceLevel level) => level switch
    {
        EvidenceLevel.Guideline => "guideline",
        EvidenceLevel.SystematicReview => "systematic",
        EvidenceLevel.RandomizedTrial => "randomized",
        EvidenceLevel.ControlledTrial => "controlled",
        EvidenceLevel.Cohort or EvidenceLevel.CaseControl or EvidenceLevel.CrossSectional => "observational",
        EvidenceLevel.UncontrolledStudy => "uncontrolled",
        EvidenceLevel.CaseSeries or EvidenceLevel.CaseReport => "case",
        EvidenceLevel.NarrativeReview or EvidenceLevel.ExpertOpinion => "expert",
        EvidenceLevel.Animal or EvidenceLevel.InVitro => "laboratory",
        EvidenceLevel.DrugLabel => "label",
        EvidenceLevel.PatientInformation => "leaflet",
        _ => "study",
    };

    private static (string, string) ClinicianNames(string kind) => kind switch
    {
        "guideline" => ("guideline", "guidelines"),
        "systematic" => ("systematic review", "systematic reviews"),
        "randomized" => ("randomized trial", "randomized trials"),
        "controlled" => ("controlled trial", "controlled trials"),
        "observational" => ("observational study", "observational studies"),
        "uncontrolled" => ("uncontrolled study", "uncontrolled studies"),
        "case" => ("case report or series", "case reports or series"),
        "expert" => ("narrative review or expert opinion", "narrative reviews or expert opinions"),
        "laboratory" => ("animal or laboratory study", "animal or laboratory studies"),
        "label" => ("drug label", "drug labels"),
        "leaflet" => ("patient information page", "patient information pages"),
        _ => ("study", "studies"),
    };

    private static (string, string) PatientNames(string kind) => kind switch
    {
        "guideline" => ("expert guideline", "expert guidelines"),
        "systematic" => ("review of many studies", "reviews of many studies"),
        "randomized" => ("study that compared treatments at random", "studies that compared treatments at random"),
        "controlled" => ("study with a comparison group", "studies with a comparison group"),
        "observational" => ("study that observed people", "studies that observed people"),
        "uncontrolled" => ("study with no comparison group", "studies with no comparison group"),
        "case" => ("report on single patients", "reports on single patients"),
        "expert" => ("expert review", "expert reviews"),
        "laboratory" => ("study in animals or cells", "studies in animals or cells"),
        "label" => ("official medicine label", "official medicine labels"),
        "leaflet" => ("patient information page", "patient information pages"),
        _ => ("study", "studies"),
    };

    private static string CountWord(int n) => n switch
    {
        2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", 7 => "seven", 8 => "eight", 9 => "nine", 10 => "ten",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
