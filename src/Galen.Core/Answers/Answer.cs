using System.Text.Json.Serialization;
using Galen.Core.Sources;

namespace Galen.Core.Answers;

public enum Audience
{
    Clinician,
    Patient,
}

public static class Audiences
{
    public static string ToSlug(this Audience audience) => audience == Audience.Patient ? "patient" : "clinician";

    public static bool TryParse(string? value, out Audience audience)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "clinician" or "professional": audience = Audience.Clinician; return true;
            case "patient" or "caregiver" or "patient-or-caregiver": audience = Audience.Patient; return true;
            default: audience = Audience.Clinician; return false;
        }
    }
}

/// <summary>The span of a source a statement came from: which source, which labelled section, which characters.</summary>
public sealed record SourceSpan(
    [property: JsonPropertyName("ref")] int Ref,
    [property: JsonPropertyName("sourceKey")] string SourceKey,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("text")] string Text)
{
    /// <summary>The cited sentence with the sentences around it in its section, as the source words it (the citation tooltip).</summary>
    [JsonPropertyName("passage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Passage { get; init; }
}

public sealed record Statement(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("citations")] IReadOnlyList<int> Citations,
    [property: JsonPropertyName("spans")] IReadOnlyList<SourceSpan> Spans);

public sealed record AnswerSection(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("statements")] IReadOnlyList<Statement> Statements,
    [property: JsonPropertyName("numbered")] bool Numbered = false);

public sealed record ExternalIdsView(
    [property: JsonPropertyName("pmid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Pmid,
    [property: JsonPropertyName("doi"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Doi,
    [property: JsonPropertyName("url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonPropertyName("medquad"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Medquad,
    [property: JsonPropertyName("guideline"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Guideline)
{
    public static ExternalIdsView From(ExternalIds ids) => new(ids.Pmid, ids.Doi, ids.Url, ids.Medquad, ids.Guideline);
}

public sealed record Reference(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("container")] string? Container,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("externalIds")] ExternalIdsView ExternalIds)
{
    /// <summary>The edition the library's record summarises, when it says.</summary>
    [JsonPropertyName("edition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Edition { get; init; }

    /// <summary>A newer edition or successor of the source, when the record names one: the reader should check it.</summary>
    [JsonPropertyName("newerEdition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NewerEdition { get; init; }
}

/// <summary>One ranked piece of evidence: what search found and how it was graded.</summary>
public sealed record EvidenceEntry(
    [property: JsonPropertyName("externalIds")] ExternalIdsView ExternalIds,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("stance")] string Stance,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("year")] int? Year)
{
    /// <summary>In a hybrid search: the place in the BM25 ranking (null when not in it).</summary>
    [JsonPropertyName("wordRank")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? WordRank { get; init; }

    /// <summary>In a hybrid search: the BM25 score, when <see cref="Score"/> is the fused one.</summary>
    [JsonPropertyName("wordScore")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? WordScore { get; init; }

    /// <summary>In a hybrid search: the place in the ranking by meaning (null when not in it).</summary>
    [JsonPropertyName("meaningRank")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MeaningRank { get; init; }

    /// <summary>The cosine similarity of the source's meaning to the question's.</summary>
    [JsonPropertyName("similarity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Similarity { get; init; }
}

/// <summary>The answer article, as the JSON of DESIGN.md describes it.</summary>
public sealed record Answer
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("question")] public required string Question { get; init; }
    [JsonPropertyName("audience")] public required string Audience { get; init; }
    [JsonPropertyName("kind")] public required string QuestionKind { get; init; }
    /// <summary>yes, no or uncertain for yes/no questions; null otherwise.</summary>
    [JsonPropertyName("verdict")] public string? Verdict { get; init; }
    [JsonPropertyName("verdictReason")] public string? VerdictReason { get; init; }
    [JsonPropertyName("urgent")] public bool Urgent { get; init; }
    [JsonPropertyName("urgentNotice")] public string? UrgentNotice { get; init; }
    [JsonPropertyName("abstained")] public bool Abstained { get; init; }

    /// <summary>
    /// The condition the answer is about when the question did not name it and it was read from the sources nearest
    /// the question ("restless legs syndrome" for an urge to move the legs at bedtime); null when the question
    /// named its topic. The article says so, and such an answer is shown to the asker but not published.
    /// </summary>
    [JsonPropertyName("topicReadFromMeaning")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TopicReadFromMeaning { get; init; }

    /// <summary>Whether the topic was read from the question's meaning rather than named by it.</summary>
    [JsonIgnore] public bool TopicReadByMeaning => TopicReadFromMeaning is not null;
    /// <summary>The bottom line as plain text (1-3 sentences); its citations and spans are in <see cref="BottomLineStatement"/>.</summary>
    [JsonPropertyName("bottomLine")] public string BottomLine => BottomLineStatement.Text;
    [JsonPropertyName("bottomLineStatement")] public required Statement BottomLineStatement { get; init; }
    [JsonPropertyName("sections")] public IReadOnlyList<AnswerSection> Sections { get; init; } = [];
    [JsonPropertyName("references")] public IReadOnlyList<Reference> References { get; init; } = [];
    [JsonPropertyName("evidence")] public IReadOnlyList<EvidenceEntry> Evidence { get; init; } = [];
    [JsonPropertyName("followUps")] public IReadOnlyList<string> FollowUps { get; init; } = [];
    [JsonPropertyName("disclaimer")] public required string Disclaimer { get; init; }
    /// <summary>Flesch-Kincaid grade of the whole answer text; reported for patient answers.</summary>
    [JsonPropertyName("readingGrade")] public double? ReadingGrade { get; init; }
    [JsonPropertyName("after"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? After { get; init; }
}
