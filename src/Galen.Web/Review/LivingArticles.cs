using System.Text.Json;
using Galen.Core.Answers;
using Galen.Evidence;
using Galen.Evidence.Store;
using Galen.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Review;

public sealed record RefreshReport(int Checked, int Unchanged, int NewDrafts, int ApprovalsWithdrawn)
{
    public override string ToString() =>
        $"Checked {Checked} articles: {Unchanged} unchanged, {NewDrafts} new {(NewDrafts == 1 ? "version" : "versions")} sent to review, {ApprovalsWithdrawn} {(ApprovalsWithdrawn == 1 ? "approval" : "approvals")} withdrawn.";
}

/// <summary>
/// Living articles: after the library changes, every open article is answered again. Where the bottom line, a statement
/// or a cited source changed, a new version goes to the review queue; an approved article keeps showing its approved
/// version (with a re-review notice) unless a source it cites was changed or deleted, which takes the approval away.
/// </summary>
public sealed class LivingArticles(GalenDbFactory dbFactory, IAnswerWriter writer, Library library)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="changed">Told the slug of every article that changed (the web site drops its cached copy).</param>
    public async Task<RefreshReport> RefreshAsync(Action<string>? changed = null, CancellationToken ct = default)
    {
        library.EnsureIndexFresh();
        List<long> ids;
        await using (var db = dbFactory.Create())
        {
            ids = await db.Articles.AsNoTracking()
                .Where(a => a.ReviewState != ReviewStates.Rejected && a.ReviewState != ReviewStates.Withdrawn)
                .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        }
        int unchanged = 0, drafts = 0, withdrawn = 0;
        foreach (var id in ids)
        {
            switch (await RefreshOneAsync(id, ct))
            {
                case Outcome.Unchanged: unchanged++; break;
                case Outcome.NewDraft: drafts++; break;
                case Outcome.ApprovalWithdrawn: drafts++; withdrawn++; break;
            }
            if (changed is not null)
            {
                await using var db = dbFactory.Create();
                changed(await db.Articles.Where(a => a.Id == id).Select(a => a.Slug).FirstAsync(ct));
            }
        }
        return new RefreshReport(ids.Count, unchanged, drafts, withdrawn);
    }

    private enum Outcome { Unchanged, NewDraft, ApprovalWithdrawn }

    private async Task<Outcome> RefreshOneAsync(long id, CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        var article = await db.Articles.FirstAsync(a => a.Id == id, ct);
        var latest = await db.ArticleVersions.AsNoTracking().FirstAsync(v => v.ArticleId == id && v.Number == article.LatestVersion, ct);
        var approved = article.ApprovedVersion is { } n && n != latest.Number
            ? await db.ArticleVersions.AsNoTracking().FirstAsync(v => v.ArticleId == id && v.Number == n, ct)
            : article.ApprovedVersion is null ? null : latest;

        var conversation = ArticleService.ParseAfter(article.AfterJson).ToList();
        var clinician = Stamp(writer.Ask(article.Question, Audience.Clinician, conversation), article.Slug, conversation);
        var patient = Stamp(writer.Ask(article.Question, Audience.Patient, conversation), article.Slug, conversation);
        // Editors' wording survives a re-answer wherever the statement under it is unchanged.
        var history = await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == id).OrderBy(v => v.Number)
            .Select(v => new { v.Reason, v.ClinicianJson, v.PatientJson }).ToListAsync(ct);
        var clinicianWording = EditorWording.Read(history.Select(v => (v.Reason, ReviewWorkflow.Parse(v.ClinicianJson))));
        var patientWording = EditorWording.Read(history.Select(v => (v.Reason, ReviewWorkflow.Parse(v.PatientJson))));
        clinician = clinicianWording.ApplyTo(clinician, out var keptClinician);
        patient = patientWording.ApplyTo(patient, out var keptPatient);
        var clinicianJson = JsonSerializer.Serialize(clinician, Json);
        var patientJson = JsonSerializer.Serialize(patient, Json);

        var latestSourcesChanged = await ChangedSourcesAsync(db, latest.SourceHashesJson, ct);
        var answerChanged = !VersionDiff.Between(ReviewWorkflow.Parse(latest.ClinicianJson), clinician).IsEmpty
                            || !VersionDiff.Between(ReviewWorkflow.Parse(latest.PatientJson), patient).IsEmpty;
        if (!answerChanged && latestSourcesChanged.Count == 0) return Outcome.Unchanged;

        var number = article.LatestVersion + 1;
        var version = await ArticleVersions.SnapshotAsync(db, number, clinicianJson, patientJson, library.StoreVersion(), ArticleVersionReasons.NewEvidence, null, ct);
        version.ArticleId = id;
        db.ArticleVersions.Add(version);
        var from = article.ReviewState;
        var approvedSourcesChanged = approved is null ? [] : await ChangedSourcesAsync(db, approved.SourceHashesJson, ct);
        var outcome = Outcome.NewDraft;
        string comment;
        if (approved is not null && approvedSourcesChanged.Count > 0)
        {
            // The approval rested on sources that are no longer what the reviewers read: it lapses, and readers see the
            // new version as pending review.
            outcome = Outcome.ApprovalWithdrawn;
            article.ApprovedVersion = null;
            article.ApprovedAt = null;
            article.ApprovedBy = null;
            article.ConfirmedBy = null;
            comment = "Approval withdrawn: cited sources changed or deleted: " + string.Join(", ", approvedSourcesChanged) + ".";
        }
        else
        {
            comment = latestSourcesChanged.Count > 0
                ? "Cited sources changed or deleted: " + string.Join(", ", latestSourcesChanged) + "."
                : "The answer changed after new evidence was imported.";
        }
        var replaced = clinicianWording.Replaced(ReviewWorkflow.Parse(latest.ClinicianJson), clinician) + patientWording.Replaced(ReviewWorkflow.Parse(latest.PatientJson), patient);
        if (keptClinician + keptPatient > 0) comment += $" Editor wording kept for {keptClinician + keptPatient} unchanged {(keptClinician + keptPatient == 1 ? "statement" : "statements")}.";
        if (replaced > 0) comment += $" {replaced} {(replaced == 1 ? "statement an editor had reworded was" : "statements an editor had reworded were")} changed by the new evidence: the engine's new wording is shown; check the diff.";
        if (article.ApprovedVersion is null)
        {
            article.ClinicianJson = clinicianJson;
            article.PatientJson = patientJson;
            article.Version = number;
            article.Urgent = clinician.Urgent || patient.Urgent;
            article.UpdatedAt = DateTime.UtcNow;
        }
        article.LatestVersion = number;
        article.LibraryVersion = version.LibraryVersion;
        article.FirstApproverId = null;
        article.ReviewState = from is ReviewStates.UnderReview or ReviewStates.SecondReview or ReviewStates.ChangesRequested && outcome == Outcome.NewDraft && approved is null
            ? ReviewStates.UnderReview
            : ReviewStates.Submitted;
        if (article.ReviewState == ReviewStates.Submitted) article.ClaimedById = null;
        article.Revision++;
        db.AuditLog.Add(new AuditEntryRow
        {
            At = DateTime.UtcNow, Action = outcome == Outcome.ApprovalWithdrawn ? "approval-withdrawn" : "new-evidence", ActorName = "Galen (library refresh)",
            ArticleId = id, ArticleSlug = article.Slug, Version = number, FromState = from, ToState = article.ReviewState, Comment = comment,
        });
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>Keys of the recorded sources whose content hash is no longer the one recorded, or which are gone.</summary>
    private static async Task<List<string>> ChangedSourcesAsync(GalenDb db, string hashesJson, CancellationToken ct)
    {
        var recorded = JsonSerializer.Deserialize<Dictionary<string, string>>(hashesJson) ?? [];
        if (recorded.Count == 0) return [];
        var keys = recorded.Keys.ToList();
        var now = await db.Sources.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.ContentHash, StringComparer.Ordinal, ct);
        return recorded.Where(kv => !now.TryGetValue(kv.Key, out var hash) || hash != kv.Value).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
    }

    private static Answer Stamp(Answer answer, string slug, List<string> conversation) =>
        answer with { Id = slug, After = answer.After ?? (conversation.Count > 0 ? conversation : null) };
}
