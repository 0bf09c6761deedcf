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
    /// <summary>The public version's answers: the approved version once there is one, the latest before that.</summary>
    public required string ClinicianJson { get; set; }
    public required string PatientJson { get; set; }
    public required string ReviewState { get; set; }
    /// <summary>The version shown to the public (see <see cref="ClinicianJson"/>).</summary>
    public int Version { get; set; } = 1;
    /// <summary>The newest version; newer than <see cref="Version"/> while an approved article's new draft is under re-review.</summary>
    public int LatestVersion { get; set; } = 1;
    public int? ApprovedVersion { get; set; }
    public DateTime? ApprovedAt { get; set; }
    /// <summary>"Name, credentials" of the reviewer who approved first and of the one who confirmed, as they were then.</summary>
    public string? ApprovedBy { get; set; }
    public string? ConfirmedBy { get; set; }
    public string? ClaimedById { get; set; }
    public string? FirstApproverId { get; set; }
    /// <summary>Bumped by every review step: a form carries the revision it was shown, so two people cannot overwrite each other.</summary>
    public int Revision { get; set; }
    /// <summary>Set when readers' ratings or feedback ask the desk to look at the article again; approval is kept.</summary>
    public DateTime? TriageSince { get; set; }
    public bool Urgent { get; set; }
    public long LibraryVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<RatingRow> Ratings { get; set; } = [];
    public List<FeedbackRow> Feedback { get; set; } = [];
    public List<ArticleVersionRow> Versions { get; set; } = [];
}

/// <summary>One version of an article, never changed once written: the answers, and what they were built from.</summary>
public sealed class ArticleVersionRow
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public int Number { get; set; }
    public required string ClinicianJson { get; set; }
    public required string PatientJson { get; set; }
    public long LibraryVersion { get; set; }
    public required string EngineVersion { get; set; }
    /// <summary>JSON object: cited source key to its content hash when the version was written.</summary>
    public required string SourceHashesJson { get; set; }
    /// <summary>Why the version exists: "asked", "revised", "new evidence".</summary>
    public required string Reason { get; set; }
    public string? AuthorId { get; set; }
    public string? AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
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

/// <summary>
/// One line of the audit log: a review transition, a revision, a staff change. Append-only: the store refuses to
/// change or delete a row (<see cref="GalenDb.SaveChanges(bool)"/>).
/// </summary>
public sealed class AuditEntryRow
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Action { get; set; }
    public string? ActorId { get; set; }
    /// <summary>"Name, credentials" as they were at the time (a later change of name does not rewrite history).</summary>
    public string? ActorName { get; set; }
    public long? ArticleId { get; set; }
    public string? ArticleSlug { get; set; }
    public int? Version { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    /// <summary>The account acted on, for staff changes.</summary>
    public string? SubjectId { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A data-protection key (sign-in cookies, form tokens), shared by every web node on the same database.</summary>
public sealed class DataProtectionKeyRow
{
    public long Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
}
