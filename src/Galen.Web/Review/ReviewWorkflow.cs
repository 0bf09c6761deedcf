using System.Text.Json;
using Galen.Core.Answers;
using Galen.Evidence.Store;
using Galen.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Review;

public enum ReviewStep
{
    Claim,
    RequestChanges,
    Approve,
    Confirm,
    Reject,
    Withdraw,
    Triage,
}

/// <summary>A step that the article's state does not allow (409).</summary>
public sealed class ReviewStateException(string message) : Exception(message);

/// <summary>The article changed since the form was shown (409): someone else acted first.</summary>
public sealed class ReviewConflictException(string message) : Exception(message);

/// <summary>A step this person may not take on this article, e.g. confirming their own approval (403).</summary>
public sealed class ReviewRuleException(string message) : Exception(message);

/// <summary>
/// The review workflow: Submitted → Under Review (a reviewer claims it) → Changes Requested ↔ revised → Second Review
/// (one reviewer approved) → Approved (a different reviewer confirmed), or Rejected / Withdrawn. Every step checks the
/// revision the form was shown (optimistic concurrency) and appends an audit row in the same transaction.
/// </summary>
public sealed class ReviewWorkflow(GalenDbFactory dbFactory, ArticleService articles)
{
    public const int MaxComment = 2000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Takes one step. Returns the new state, or null when there is no such article.</summary>
    public async Task<string?> StepAsync(string slug, ReviewStep step, int revision, string? comment, StaffAuthor actor, CancellationToken ct = default)
    {
        comment = CheckComment(comment, required: step is ReviewStep.RequestChanges or ReviewStep.Reject or ReviewStep.Withdraw);
        await using var db = dbFactory.Create();
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (article is null) return null;
        var from = article.ReviewState;
        string to;
        switch (step)
        {
            case ReviewStep.Claim:
                Require(from, ReviewStates.Submitted);
                to = ReviewStates.UnderReview;
                article.ClaimedById = actor.Id;
                break;
            case ReviewStep.RequestChanges:
                Require(from, ReviewStates.UnderReview, ReviewStates.SecondReview);
                to = ReviewStates.ChangesRequested;
                article.FirstApproverId = null;
                article.ApprovedBy = article.ApprovedVersion is null ? null : article.ApprovedBy;
                break;
            case ReviewStep.Approve:
                Require(from, ReviewStates.UnderReview);
                to = ReviewStates.SecondReview;
                article.FirstApproverId = actor.Id;
                break;
            case ReviewStep.Confirm:
                Require(from, ReviewStates.SecondReview);
                if (article.FirstApproverId == actor.Id)
                {
                    throw new ReviewRuleException("A second reviewer must confirm: you approved this version yourself, and nobody can both review and confirm.");
                }
                to = ReviewStates.Approved;
                await PublishAsync(db, article, actor, ct);
                break;
            case ReviewStep.Reject:
                Require(from, ReviewStates.Submitted, ReviewStates.UnderReview, ReviewStates.ChangesRequested, ReviewStates.SecondReview);
                to = ReviewStates.Rejected;
                article.ApprovedVersion = null;
                break;
            case ReviewStep.Withdraw:
                if (from == ReviewStates.Withdrawn) throw new ReviewStateException("The article is already withdrawn.");
                to = ReviewStates.Withdrawn;
                article.ApprovedVersion = null;
                break;
            case ReviewStep.Triage:
                if (article.TriageSince is null) throw new ReviewStateException("Readers have not asked for a look at this article since its last triage.");
                to = from;
                article.TriageSince = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
        article.ReviewState = to;
        await SaveStepAsync(db, article, revision, new AuditEntryRow
        {
            At = DateTime.UtcNow,
            Action = StepName(step),
            ActorId = actor.Id,
            ActorName = actor.Signature,
            ArticleId = article.Id,
            ArticleSlug = article.Slug,
            Version = article.LatestVersion,
            FromState = from,
            ToState = to,
            Comment = comment,
        }, ct);
        return to;
    }

    /// <summary>
    /// An editor's revision: new wording for statements (citations and cited passages stay as they are). Writes a new
    /// version; a first approval given to the old wording lapses.
    /// </summary>
    public async Task<int?> ReviseAsync(string slug, int revision, IReadOnlyDictionary<string, string> wording, string? comment, StaffAuthor editor, CancellationToken ct = default)
    {
        comment = CheckComment(comment, required: false);
        await using var db = dbFactory.Create();
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Slug == slug, ct);
        if (article is null) return null;
        var from = article.ReviewState;
        if (ReviewStates.IsClosed(from)) throw new ReviewStateException($"The article is {from}; it cannot be revised.");
        var latest = await db.ArticleVersions.AsNoTracking().FirstAsync(v => v.ArticleId == article.Id && v.Number == article.LatestVersion, ct);
        var clinician = Reword(Parse(latest.ClinicianJson), "clinician", wording);
        var patient = Reword(Parse(latest.PatientJson), "patient", wording);
        var clinicianJson = JsonSerializer.Serialize(clinician, Json);
        var patientJson = JsonSerializer.Serialize(patient, Json);
        if (clinicianJson == latest.ClinicianJson && patientJson == latest.PatientJson) throw new StaffInputException("wording: nothing was changed.");

        var number = article.LatestVersion + 1;
        var version = await ArticleVersions.SnapshotAsync(db, number, clinicianJson, patientJson, latest.LibraryVersion, ArticleVersionReasons.Revised, editor, ct);
        version.ArticleId = article.Id;
        db.ArticleVersions.Add(version);
        article.LatestVersion = number;
        if (article.ApprovedVersion is null)
        {
            // Nothing approved yet: readers see the latest wording (marked pending review).
            article.ClinicianJson = clinicianJson;
            article.PatientJson = patientJson;
            article.Version = number;
            article.UpdatedAt = DateTime.UtcNow;
        }
        article.FirstApproverId = null;
        var to = from is ReviewStates.Submitted or ReviewStates.Approved ? ReviewStates.Submitted : ReviewStates.UnderReview;
        article.ReviewState = to;
        if (to == ReviewStates.Submitted) article.ClaimedById = null;
        await SaveStepAsync(db, article, revision, new AuditEntryRow
        {
            At = DateTime.UtcNow, Action = "revise", ActorId = editor.Id, ActorName = editor.Signature, ArticleId = article.Id,
            ArticleSlug = article.Slug, Version = number, FromState = from, ToState = to, Comment = comment,
        }, ct);
        return number;
    }

    /// <summary>The approved version becomes the public one.</summary>
    private static async Task PublishAsync(GalenDb db, ArticleRow article, StaffAuthor confirmer, CancellationToken ct)
    {
        var firstSignature = await db.AuditLog.AsNoTracking()
            .Where(e => e.ArticleId == article.Id && e.Action == "approve" && e.ActorId == article.FirstApproverId)
            .OrderByDescending(e => e.Id).Select(e => e.ActorName).FirstOrDefaultAsync(ct);
        if (article.Version != article.LatestVersion)
        {
            var latest = await db.ArticleVersions.AsNoTracking().FirstAsync(v => v.ArticleId == article.Id && v.Number == article.LatestVersion, ct);
            article.ClinicianJson = latest.ClinicianJson;
            article.PatientJson = latest.PatientJson;
            article.Version = latest.Number;
        }
        var now = DateTime.UtcNow;
        article.ApprovedVersion = article.LatestVersion;
        article.ApprovedAt = now;
        article.ApprovedBy = firstSignature;
        article.ConfirmedBy = confirmer.Signature;
        article.UpdatedAt = now;
    }

    private async Task SaveStepAsync(GalenDb db, ArticleRow article, int revision, AuditEntryRow audit, CancellationToken ct)
    {
        // The form's revision is the one the person saw; if the row moved on since, the update matches no row.
        db.Entry(article).Property(a => a.Revision).OriginalValue = revision;
        article.Revision = revision + 1;
        db.AuditLog.Add(audit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ReviewConflictException("Someone else changed this article since you opened it. Nothing was saved: reload the page to see their step.");
        }
        finally
        {
            articles.Forget(article.Slug);
        }
    }

    private static void Require(string state, params string[] allowed)
    {
        if (!allowed.Contains(state)) throw new ReviewStateException($"The article is {state}; this step needs it to be {string.Join(" or ", allowed)}.");
    }

    private static string? CheckComment(string? comment, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (trimmed is null && required) throw new StaffInputException("comment: say why (it is recorded in the audit log).");
        if (trimmed is { Length: > MaxComment }) throw new StaffInputException($"comment: at most {MaxComment} characters (this one has {trimmed.Length}).");
        return trimmed;
    }

    public static string StepName(ReviewStep step) => step switch
    {
        ReviewStep.Claim => "claim",
        ReviewStep.RequestChanges => "request-changes",
        ReviewStep.Approve => "approve",
        ReviewStep.Confirm => "confirm",
        ReviewStep.Reject => "reject",
        ReviewStep.Withdraw => "withdraw",
        _ => "triage",
    };

    public static Answer Parse(string json) => JsonSerializer.Deserialize<Answer>(json, Json) ?? throw new InvalidDataException("A stored version holds no answer.");

    /// <summary>Form field names for a statement's wording: "clinician.bottom", "clinician.s1.2" (section 1, statement 2).</summary>
    public static string FieldName(string audience, int section, int statement) => section == 0 ? $"{audience}.bottom" : $"{audience}.s{section}.{statement}";

    private static Answer Reword(Answer answer, string audience, IReadOnlyDictionary<string, string> wording)
    {
        var bottom = Replace(answer.BottomLineStatement, FieldName(audience, 0, 0), wording);
        var sections = answer.Sections.Select((section, i) => section with
        {
            Statements = section.Statements.Select((s, j) => Replace(s, FieldName(audience, i + 1, j + 1), wording)).ToList(),
        }).ToList();
        return answer with { BottomLineStatement = bottom, Sections = sections };
    }

    private static Statement Replace(Statement statement, string field, IReadOnlyDictionary<string, string> wording)
    {
        if (!wording.TryGetValue(field, out var text)) return statement;
        text = text.Trim();
        if (text.Length == 0) throw new StaffInputException($"{field}: a statement cannot be empty; withdraw the article instead of blanking it.");
        if (text.Length > MaxComment) throw new StaffInputException($"{field}: at most {MaxComment} characters.");
        return text == statement.Text ? statement : statement with { Text = text };
    }
}
