namespace Galen.Evidence.Store;

/// <summary>A stored source. The full record is kept as JSON; the columns are what lookups and filters need.</summary>
public sealed class SourceRow
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Container { get; set; }
    public int? Year { get; set; }
    public string? Pmid { get; set; }
    public string? Doi { get; set; }
    public string? MedquadId { get; set; }
    public required string ContentHash { get; set; }
    public required string Payload { get; set; }
    /// <summary>The file the source was last imported from.</summary>
    public string? Origin { get; set; }
    public DateTime ImportedAt { get; set; }
}

/// <summary>One row: a counter bumped by every committed change to the sources, so the search index can tell it is stale.</summary>
public sealed class LibraryStateRow
{
    public int Id { get; set; }
    public long Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Names that mean the same thing, learned at import (MedQuAD focus and synonyms).</summary>
public sealed class SynonymRow
{
    public long Id { get; set; }
    public required string Term { get; set; }
    public required string Alternatives { get; set; }
}

public sealed class ArticleRow
{
    public long Id { get; set; }
    public required string Slug { get; set; }
    public required string Question { get; set; }
    /// <summary>The normalised question and its conversation, so the same question opens the same article.</summary>
    public required string QuestionKey { get; set; }
    public string? AfterJson { get; set; }
    public string? ParentSlug { get; set; }
    public required string ClinicianJson { get; set; }
    public required string PatientJson { get; set; }
    public required string ReviewState { get; set; }
    public int Version { get; set; } = 1;
    public bool Urgent { get; set; }
    public long LibraryVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<RatingRow> Ratings { get; set; } = [];
    public List<FeedbackRow> Feedback { get; set; } = [];
    public List<ReviewEventRow> ReviewEvents { get; set; } = [];
}

public sealed class RatingRow
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public int Stars { get; set; }
    public string? Client { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class FeedbackRow
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public required string Text { get; set; }
    public string? Client { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class ReviewerRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Credentials { get; set; }
    public required string Specialty { get; set; }
    public required string Disclosures { get; set; }
    public string? Bio { get; set; }
}

public sealed class ReviewEventRow
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public required string FromState { get; set; }
    public required string ToState { get; set; }
    public long? ReviewerId { get; set; }
    public string? ReviewerName { get; set; }
    public string? Note { get; set; }
    public DateTime At { get; set; }
}
