using Galen.Core.Analysis;
using Galen.Core.Sources;

namespace Galen.Core.Grading;

/// <summary>Level of evidence of one source, strongest first.</summary>
public enum EvidenceLevel
{
    Guideline,
    SystematicReview,
    RandomizedTrial,
    ControlledTrial,
    Cohort,
    CaseControl,
    CrossSectional,
    /// <summary>A treated group with no comparison group (single-arm, uncontrolled open-label, before-after).</summary>
    UncontrolledStudy,
    CaseSeries,
    CaseReport,
    NarrativeReview,
    ExpertOpinion,
    Animal,
    InVitro,
    DrugLabel,
    PatientInformation,
    Study,
}

/// <summary>What a source says about the question.</summary>
public enum Stance
{
    /// <summary>The source does not speak to the question.</summary>
    None,
    Supports,
    Against,
    Inconclusive,
}

public enum FactKind
{
    Dose,
    Threshold,
    Nnt,
    EffectSize,
    Route,
    Frequency,
    Percentage,
}

/// <summary>A figure found in a sentence: a dose, a threshold, an NNT, an effect size.</summary>
public sealed record Fact(FactKind Kind, string Text, double? Value, double? Low, double? High, string? Unit)
{
    public string? Drug { get; init; }
    public string? Route { get; init; }
    public string? Frequency { get; init; }
}

/// <summary>A sentence of a source, located exactly, with what it says about the question.</summary>
public sealed record GradedSentence
{
    public required int SectionIndex { get; init; }
    public required string SectionLabel { get; init; }
    public string? SectionCategory { get; init; }
    /// <summary>Start and length inside the section's text.</summary>
    public required TextSpan Span { get; init; }
    public required string Text { get; init; }
    /// <summary>Order of the sentence within the source (0-based).</summary>
    public required int Order { get; init; }
    public bool MentionsIntervention { get; init; }
    public bool MentionsCondition { get; init; }
    public bool MentionsContext { get; init; }
    /// <summary>0..1: how much the sentence bears on the question.</summary>
    public double Relevance { get; init; }
    /// <summary>The sentence states the source's conclusion (conclusions, summary, recommendation).</summary>
    public bool IsConclusion { get; init; }
    public Stance Stance { get; init; }
    /// <summary>Signed stance score: positive supports, negative goes against; 0 inconclusive or silent.</summary>
    public double StanceScore { get; init; }
    public bool Hedged { get; init; }
    public IReadOnlyList<Fact> Facts { get; init; } = [];
}

/// <summary>One source graded against one question.</summary>
public sealed record GradedSource
{
    public required SourceRecord Source { get; init; }
    public required double Score { get; init; }
    /// <summary>Score relative to the top hit (0..1).</summary>
    public required double RelativeScore { get; init; }
    public required EvidenceLevel Level { get; init; }
    /// <summary>The design in words: "randomized controlled trial", "systematic review".</summary>
    public required string Design { get; init; }
    public int? SampleSize { get; init; }
    public int? Year { get; init; }
    public IReadOnlyList<string> Limitations { get; init; } = [];
    /// <summary>Every sentence of the source, in order (relevance and stance set).</summary>
    public IReadOnlyList<GradedSentence> Sentences { get; init; } = [];
    public bool BearsOnIntervention { get; init; }
    public bool BearsOnCondition { get; init; }
    /// <summary>0..1: how much the source as a whole bears on the question.</summary>
    public double Relevance { get; init; }
    public Stance Stance { get; init; }
    /// <summary>Signed stance strength in -1..1.</summary>
    public double StanceScore { get; init; }
    /// <summary>Weight in the verdict: evidence level x relevance x size x recency x limitations.</summary>
    public double Weight { get; init; }
    /// <summary>The cosine similarity of the source's meaning to the question's, where the library has embeddings.</summary>
    public double? Similarity { get; init; }

    public bool BearsOnBoth => BearsOnIntervention && BearsOnCondition;
}

public static class EvidenceLevels
{
    public static string ToSlug(this EvidenceLevel level) => level switch
    {
        EvidenceLevel.Guideline => "guideline",
        EvidenceLevel.SystematicReview => "systematic-review",
        EvidenceLevel.RandomizedTrial => "randomized-controlled-trial",
        EvidenceLevel.ControlledTrial => "controlled-trial",
        EvidenceLevel.Cohort => "cohort-study",
        EvidenceLevel.CaseControl => "case-control-study",
        EvidenceLevel.CrossSectional => "cross-sectional-study",
        EvidenceLevel.UncontrolledStudy => "uncontrolled-study",
        EvidenceLevel.CaseSeries => "case-series",
        EvidenceLevel.CaseReport => "case-report",
        EvidenceLevel.NarrativeReview => "narrative-review",
        EvidenceLevel.ExpertOpinion => "expert-opinion",
        EvidenceLevel.Animal => "animal-study",
        EvidenceLevel.InVitro => "in-vitro-study",
        EvidenceLevel.DrugLabel => "drug-label",
        EvidenceLevel.PatientInformation => "patient-information",
        _ => "study",
    };

    /// <summary>Design in words, as an article introduces a study.</summary>
    public static string Words(this EvidenceLevel level) => level switch
    {
        EvidenceLevel.Guideline => "guideline",
        EvidenceLevel.SystematicReview => "systematic review",
        EvidenceLevel.RandomizedTrial => "randomized controlled trial",
        EvidenceLevel.ControlledTrial => "controlled trial",
        EvidenceLevel.Cohort => "cohort study",
        EvidenceLevel.CaseControl => "case-control study",
        EvidenceLevel.CrossSectional => "cross-sectional study",
        EvidenceLevel.UncontrolledStudy => "uncontrolled study",
        EvidenceLevel.CaseSeries => "case series",
        EvidenceLevel.CaseReport => "case report",
        EvidenceLevel.NarrativeReview => "narrative review",
        EvidenceLevel.ExpertOpinion => "expert opinion",
        EvidenceLevel.Animal => "animal study",
        EvidenceLevel.InVitro => "laboratory study",
        EvidenceLevel.DrugLabel => "drug label",
        EvidenceLevel.PatientInformation => "patient information",
        _ => "study",
    };

    /// <summary>Base weight of a level in the verdict (a guideline outranks any single study).</summary>
    public static double BaseWeight(this EvidenceLevel level) => level switch
    {
        EvidenceLevel.Guideline => 6.0,
        EvidenceLevel.SystematicReview => 4.0,
        EvidenceLevel.RandomizedTrial => 2.5,
        EvidenceLevel.ControlledTrial => 1.8,
        EvidenceLevel.Cohort => 1.5,
        EvidenceLevel.CaseControl => 1.3,
        EvidenceLevel.CrossSectional => 1.1,
        EvidenceLevel.UncontrolledStudy => 0.8,
        EvidenceLevel.CaseSeries => 0.6,
        EvidenceLevel.CaseReport => 0.3,
        EvidenceLevel.NarrativeReview => 1.0,
        EvidenceLevel.ExpertOpinion => 0.6,
        EvidenceLevel.Animal => 0.3,
        EvidenceLevel.InVitro => 0.2,
        EvidenceLevel.DrugLabel => 3.0,
        EvidenceLevel.PatientInformation => 1.0,
        _ => 1.2,
    };
}
