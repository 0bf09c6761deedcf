using System.Globalization;
using Galen.Core.Answers;
using Galen.Core.Grading;

namespace Galen.Core.Composition;

/// <summary>
/// How an article introduces a study: "An open-label pilot study (uncontrolled) of 12 people (2024) found:" for a
/// clinician, "A small study of 12 people (2024), with no comparison group and in which people knew what they were
/// taking, found:" for a patient. Both are built from the same graded facts (level, limitations, size, year), so the
/// plain wording never claims randomisation, a comparison group or a size the clinician wording does not.
/// </summary>
public static class StudyWording
{
    /// <summary>The introduction, ending in "found:" or "concluded:".</summary>
    public static string Introduction(GradedSource s, Audience audience)
    {
        var text = audience == Audience.Patient ? PatientNoun(s) : ClinicianNoun(s);
        if (s.SampleSize is { } n)
        {
            text += " of " + n.ToString(CultureInfo.InvariantCulture) + (s.Level == EvidenceLevel.SystematicReview ? " participants" : " people");
        }
        if (s.Year is { } y)
        {
            text += " (" + y.ToString(CultureInfo.InvariantCulture) + ")";
        }
        if (audience == Audience.Patient && PatientQualifiers(s) is { Length: > 0 } quals)
        {
            text += ", " + quals + ",";
        }
        return text + (s.Level is EvidenceLevel.SystematicReview or EvidenceLevel.NarrativeReview ? " concluded:" : " found:");
    }

    /// <summary>"An open-label pilot study (uncontrolled)": the stated design with the limitations it does not already name.</summary>
    public static string ClinicianNoun(GradedSource s)
    {
        var design = s.Design;
        var quals = s.Limitations.Where(l => l is "open-label" or "pilot" or "uncontrolled" || (l == "small" && s.SampleSize is null))
            .Where(l => !design.Contains(l, StringComparison.OrdinalIgnoreCase)).ToList();
        var words = string.Join(' ', quals.Append(design));
        return Capitalise(VerdictEngine.Article(words) + " " + words);
    }

    /// <summary>"A small study": the kind of study in plain words, from its level; "small" only for a pilot or a stated small size.</summary>
    public static string PatientNoun(GradedSource s)
    {
        var noun = s.Level switch
        {
            EvidenceLevel.SystematicReview => s.Design.Contains("meta", StringComparison.OrdinalIgnoreCase)
                ? "review that pooled the results of many studies" : "review of many studies",
            EvidenceLevel.RandomizedTrial => "study that compared treatments at random",
            EvidenceLevel.ControlledTrial => "study that compared a treated group with a comparison group",
            EvidenceLevel.Cohort => "study that followed a group of people over time",
            EvidenceLevel.CaseControl => "study that compared people who had the condition with people who did not",
            EvidenceLevel.CrossSectional => "survey",
            EvidenceLevel.UncontrolledStudy => "study",
            EvidenceLevel.CaseSeries => "report on a group of patients",
            EvidenceLevel.CaseReport => "report of one patient",
            EvidenceLevel.NarrativeReview => "review",
            EvidenceLevel.Animal => "study in animals",
            EvidenceLevel.InVitro => "laboratory study",
            _ => "study",
        };
        var small = s.Level is not (EvidenceLevel.SystematicReview or EvidenceLevel.NarrativeReview or EvidenceLevel.CaseReport)
            && (s.Limitations.Contains("pilot") || s.Limitations.Contains("small"));
        var words = (small ? "small " : "") + noun;
        return Capitalise(VerdictEngine.Article(words) + " " + words);
    }

    /// <summary>"with no comparison group and in which people knew what they were taking", or empty.</summary>
    public static string PatientQualifiers(GradedSource s)
    {
        var parts = new List<string>();
        if (s.Level == EvidenceLevel.UncontrolledStudy || s.Limitations.Contains("uncontrolled"))
        {
            parts.Add("with no comparison group");
        }
        if (s.Limitations.Contains("open-label"))
        {
            parts.Add("in which people knew what they were taking");
        }
        return string.Join(" and ", parts);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
