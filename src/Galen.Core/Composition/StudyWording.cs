using System.Globalization;
using Galen.Core.Answers;
using Galen.Core.Grading;

namespace Galen.Core.Composition;

/// <summary>
/// How an article introduces a study: "An open-label pilot study (uncontrolled) of 12 people (2024) found:" for a
/// clinician; for a patient, short sentences: "A small study of 12 people (2024) had no comparison group. The people in
/// it knew what they were taking. It found:". Both are built from the same graded facts (level, limitations, size,
/// year), so the plain wording never claims randomisation, a comparison group or a size the clinician wording does not.
/// </summary>
public static class StudyWording
{
    /// <summary>The introduction, ending in "found:" or "concluded:".</summary>
    public static string Introduction(GradedSource s, Audience audience)
    {
        if (audience == Audience.Patient)
        {
            return PatientIntroduction(s);
        }
        var text = ClinicianNoun(s) + Size(s) + YearInBrackets(s);
        return text + (Concludes(s) ? " concluded:" : " found:");
    }

    /// <summary>
    /// One idea per sentence, so the design does not make the finding after it harder to read: what kind of study it
    /// was, then each limitation, then what it found.
    /// </summary>
    private static string PatientIntroduction(GradedSource s)
    {
        var (noun, did) = PatientDesign(s);
        var small = IsSmall(s) ? "small " : "";
        var subject = VerdictEngine.Article(small + noun) + " " + small + noun;
        if (s.Level == EvidenceLevel.SystematicReview)
        {
            // "A review (2021) pooled the results of many studies with 151 people in all": the size is of the studies.
            subject += YearInBrackets(s);
            did += s.SampleSize is { } total ? " with " + total.ToString(CultureInfo.InvariantCulture) + " people in all" : "";
        }
        else
        {
            subject += Size(s) + YearInBrackets(s);
        }
        var uncontrolled = s.Level == EvidenceLevel.UncontrolledStudy || s.Limitations.Contains("uncontrolled");
        var openLabel = s.Limitations.Contains("open-label");
        var found = Concludes(s) ? "It concluded:" : "It found:";
        var sentences = new List<string>();
        if (did.Length > 0)
        {
            sentences.Add(Capitalise(subject + " " + did) + ".");
            if (uncontrolled)
            {
                sentences.Add("It had no comparison group.");
            }
        }
        else if (uncontrolled)
        {
            // What the study lacked is then all there is to say of its design.
            sentences.Add(Capitalise(subject) + " had no comparison group.");
        }
        else if (!openLabel)
        {
            return Capitalise(subject) + (Concludes(s) ? " concluded:" : " found:");
        }
        if (openLabel)
        {
            sentences.Add(sentences.Count == 0 ? "In " + subject + ", the people knew what they were taking." : "The people in it knew what they were taking.");
        }
        sentences.Add(found);
        return string.Join(' ', sentences);
    }

    private static bool Concludes(GradedSource s) => s.Level is EvidenceLevel.SystematicReview or EvidenceLevel.NarrativeReview;

    private static string Size(GradedSource s) => s.SampleSize is { } n
        ? " of " + n.ToString(CultureInfo.InvariantCulture) + (s.Level == EvidenceLevel.SystematicReview ? " participants" : " people")
        : "";

    private static string YearInBrackets(GradedSource s) => s.Year is { } y ? " (" + y.ToString(CultureInfo.InvariantCulture) + ")" : "";

    /// <summary>"small" only for a pilot or a stated small size, and never for a review or a single case.</summary>
    private static bool IsSmall(GradedSource s) =>
        s.Level is not (EvidenceLevel.SystematicReview or EvidenceLevel.NarrativeReview or EvidenceLevel.CaseReport)
        && (s.Limitations.Contains("pilot") || s.Limitations.Contains("small"));

    /// <summary>"An open-label pilot study (uncontrolled)": the stated design with the limitations it does not already name.</summary>
    public static string ClinicianNoun(GradedSource s)
    {
        var design = s.Design;
        var quals = s.Limitations.Where(l => l is "open-label" or "pilot" or "uncontrolled" || (l == "small" && s.SampleSize is null))
            .Where(l => !design.Contains(l, StringComparison.OrdinalIgnoreCase)).ToList();
        var words = string.Join(' ', quals.Append(design));
        return Capitalise(VerdictEngine.Article(words) + " " + words);
    }

    /// <summary>
    /// The kind of study in plain words, from its level: a noun ("study") and what it did ("put people into groups at
    /// random to compare treatments"), empty when the noun says it all.
    /// </summary>
    public static (string Noun, string Did) PatientDesign(GradedSource s) => s.Level switch
    {
        EvidenceLevel.SystematicReview => ("review", s.Design.Contains("meta", StringComparison.OrdinalIgnoreCase)
            ? "pooled the results of many studies" : "looked at many studies"),
        EvidenceLevel.RandomizedTrial => ("study", "put people into groups at random to compare treatments"),
        EvidenceLevel.ControlledTrial => ("study", "compared a treated group with a comparison group"),
        EvidenceLevel.Cohort => ("study", "followed a group of people over time"),
        EvidenceLevel.CaseControl => ("study", "compared people who had the condition with people who did not"),
        EvidenceLevel.CrossSectional => ("survey", ""),
        EvidenceLevel.CaseSeries => ("report on a group of patients", ""),
        EvidenceLevel.CaseReport => ("report of one patient", ""),
        EvidenceLevel.NarrativeReview => ("review", ""),
        EvidenceLevel.Animal => ("study in animals", ""),
        EvidenceLevel.InVitro => ("laboratory study", ""),
        _ => ("study", ""),
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
