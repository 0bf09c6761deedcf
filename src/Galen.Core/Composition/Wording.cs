using Galen.Core.Answers;

namespace Galen.Core.Composition;

/// <summary>The fixed texts of an answer: disclaimers, urgent notices, verdict lead-ins.</summary>
public static class Wording
{
    public const string ClinicianDisclaimer =
        "For healthcare professionals. This summary was assembled from the sources listed below and can be incomplete " +
        "or out of date. Check each cited source and current local guidance before acting on it, and rely on your own " +
        "clinical judgement for the individual patient in front of you.";

    public const string PatientDisclaimer =
        "This page gives general health information. It is not advice about your own care and does not replace a " +
        "doctor, nurse or pharmacist who knows you. Do not start, stop or change a medicine without asking them first. " +
        "If you feel very unwell, get help right away.";

    /// <summary>What an article says when its topic was read from the question's meaning, not named in it.</summary>
    public static string TopicReadNote(string topic) =>
        $"The question does not name a condition Galen knows, so Galen read it as being about {topic}: the sources closest to it in meaning are about that. If you meant something else, ask again naming it.";

    public static string Disclaimer(Audience audience) => audience == Audience.Patient ? PatientDisclaimer : ClinicianDisclaimer;

    public static string UrgentNotice(Audience audience, string? reason)
    {
        var what = string.IsNullOrWhiteSpace(reason) ? "signs of an emergency" : reason;
        return audience == Audience.Patient
            ? $"This may be an emergency ({what}). Call your local emergency number (such as 911, 112 or 999) or go to the nearest emergency department now. Do not wait to read the rest of this page."
            : $"Possible emergency: the question describes {what}. Assess airway, breathing and circulation and manage as an emergency now; the evidence summary below does not replace emergency care.";
    }

    public static string SectionTitle(string key, Audience audience) => (key, audience) switch
    {
        ("guidelines", _) => "From the Guidelines",
        ("research", Audience.Patient) => "What studies found",
        ("research", _) => "From the Research",
        ("patient", Audience.Patient) => "What this means for you",
        ("patient", _) => "From Patient Information",
        ("steps", _) => "Treatment steps",
        ("dosing", Audience.Patient) => "Doses",
        ("dosing", _) => "Dosing",
        ("avoid", _) => "Medications to avoid",
        ("contra", Audience.Patient) => "Who should not take it, and other medicines",
        ("contra", _) => "Contraindications and interactions",
        ("adverse", _) => "Side effects",
        ("diagnosis", _) => "Diagnosis",
        ("differential", Audience.Patient) => "Other conditions that can look similar",
        ("differential", _) => "Differential diagnosis",
        ("mechanism", Audience.Patient) => "How it works",
        ("mechanism", _) => "Mechanism",
        ("urgent", Audience.Patient) => "When to get urgent help",
        ("urgent", _) => "When to seek urgent care",
        ("considerations", Audience.Patient) => "Good to know",
        _ => "Clinical considerations",
    };
}
