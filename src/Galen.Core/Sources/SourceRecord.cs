namespace Galen.Core.Sources;

/// <summary>What a source is, as the reference list shows it.</summary>
public enum SourceKind
{
    Research,
    Guideline,
    PatientInformation,
    DrugLabel,
}

public static class SourceKinds
{
    public static string ToSlug(this SourceKind kind) => kind switch
    {
        SourceKind.Research => "research",
        SourceKind.Guideline => "guideline",
        SourceKind.PatientInformation => "patient-information",
        SourceKind.DrugLabel => "drug-label",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? value, out SourceKind kind)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "research": kind = SourceKind.Research; return true;
            case "guideline": kind = SourceKind.Guideline; return true;
            case "patient-information" or "patient information" or "patient": kind = SourceKind.PatientInformation; return true;
            case "drug-label" or "drug label": kind = SourceKind.DrugLabel; return true;
            default: kind = default; return false;
        }
    }

    public static string DisplayName(this SourceKind kind) => kind switch
    {
        SourceKind.Research => "Research",
        SourceKind.Guideline => "Guideline",
        SourceKind.PatientInformation => "Patient information",
        SourceKind.DrugLabel => "Drug label",
        _ => kind.ToString(),
    };
}

/// <summary>
/// A labelled part of a source: an abstract section ("RESULTS"), a recommendation statement
/// (with the strength and certainty the guideline gives it), or the answer of a consumer QA pair.
/// </summary>
public sealed record SourceSection
{
    public required string Label { get; init; }
    public required string Text { get; init; }
    /// <summary>Section category as given by the source (PubMed NlmCategory, or the guideline heading kind).</summary>
    public string? Category { get; init; }
    public string? Strength { get; init; }
    public string? Certainty { get; init; }
    /// <summary>Keys of the sources this recommendation rests on (guideline format), when stated.</summary>
    public IReadOnlyList<string>? RestsOn { get; init; }
    /// <summary>Sentences of the section the record's editors also wrote in plain words, for the patient wording.</summary>
    public IReadOnlyList<PlainWording>? Plain { get; init; }

    /// <summary>The editors' plain wording of one sentence of this section, or null when they wrote none.</summary>
    public string? PlainWordingOf(string sentence)
    {
        if (Plain is null)
        {
            return null;
        }
        var key = PlainWording.Key(sentence);
        return Plain.FirstOrDefault(p => PlainWording.Key(p.Sentence) == key)?.Text;
    }
}

/// <summary>
/// A sentence of a source and the same facts in plain words, written by the record's editors (a publisher's patient
/// version of a professional statement). Only the patient wording shows it; the clinician wording quotes the sentence.
/// </summary>
public sealed record PlainWording(string Sentence, string Text)
{
    /// <summary>The sentence compared without its closing stop or surrounding space.</summary>
    public static string Key(string sentence) => sentence.Trim().TrimEnd('.', '!', '?', ':', ' ');
}

/// <summary>External identifiers. Each is present only when the source itself carried it.</summary>
public sealed record ExternalIds
{
    public string? Pmid { get; init; }
    public string? Doi { get; init; }
    public string? Url { get; init; }
    public string? Medquad { get; init; }
    public string? Guideline { get; init; }

    /// <summary>The one stable key a source is stored under; prefers the most specific identifier.</summary>
    public string Key =>
        Pmid is not null ? "pmid:" + Pmid
        : Medquad is not null ? "medquad:" + Medquad
        : Guideline is not null ? "guideline:" + Guideline
        : Doi is not null ? "doi:" + Doi.ToLowerInvariant()
        : Url is not null ? "url:" + Url
        : throw new InvalidOperationException("A source needs at least one identifier.");
}

/// <summary>Consumer question-answer metadata kept from MedQuAD.</summary>
public sealed record QuestionAnswerInfo
{
    public string? Question { get; init; }
    public string? QuestionType { get; init; }
    public string? Focus { get; init; }
    public string? FocusCategory { get; init; }
    public IReadOnlyList<string> Synonyms { get; init; } = [];
    public IReadOnlyList<string> Cuis { get; init; } = [];
}

/// <summary>One piece of evidence in the library.</summary>
public sealed record SourceRecord
{
    public required SourceKind Kind { get; init; }
    public required ExternalIds Ids { get; init; }
    public required string Title { get; init; }
    /// <summary>Journal, issuing organisation or website.</summary>
    public string? Container { get; init; }
    public int? Year { get; init; }
    /// <summary>The publication date as the source gave it ("1978 Jul-Sep", "2019 Spring", "2021-03-04").</summary>
    public string? PublishedText { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> PublicationTypes { get; init; } = [];
    public IReadOnlyList<string> MeshTerms { get; init; } = [];
    /// <summary>Topic and synonym words that help find the source (MedQuAD focus and synonyms, guideline topics).</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<SourceSection> Sections { get; init; } = [];
    public QuestionAnswerInfo? QuestionAnswer { get; init; }
    /// <summary>Study design as the source states it (guideline-format research records), e.g. "randomized controlled trial".</summary>
    public string? Design { get; init; }
    /// <summary>Number of participants as the source states it.</summary>
    public int? SampleSize { get; init; }
    public string? License { get; init; }
    /// <summary>Date the record was last checked by its editors (starter library).</summary>
    public DateOnly? LastReviewed { get; init; }
    /// <summary>The edition of the source the record summarises ("Standards of Care in Diabetes 2025").</summary>
    public string? Edition { get; init; }
    /// <summary>A newer edition or a successor that exists, when the editors know of one; shown with the reference.</summary>
    public string? NewerEdition { get; init; }

    public string Key => Ids.Key;

    /// <summary>All section text in order, for full-text use.</summary>
    public string FullText => string.Join("\n", Sections.Select(s => s.Text));
}
