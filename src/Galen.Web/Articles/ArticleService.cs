using System.Collections.Concurrent;
using System.Text.Json;
using Galen.Core;
using Galen.Core.Analysis;
using Galen.Core.Answers;
using Galen.Evidence;
using Galen.Evidence.Store;
using Galen.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Galen.Web.Articles;

/// <summary>A parsed answer held in memory, with the page fragment rendered from it (filled on first render).</summary>
public sealed class CachedAnswer(Answer answer, string json)
{
    public Answer Answer { get; } = answer;
    public string Json { get; } = json;
    public string? BodyHtml { get; set; }
}

/// <summary>Articles: asking (create or open), reading, ratings, feedback, review. One short-lived context per call.</summary>
public sealed class ArticleService(
    GalenDbFactory dbFactory,
    Library library,
    IAnswerWriter writer,
    IOptions<GalenWebOptions> options) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.AnswerCacheEntries) });

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<ArticleSummary> Items)> _related = new(StringComparer.Ordinal);

    private sealed record AnswerKey(string Slug, Audience Audience, int Version);

    // Article metadata is read on every page view; it is kept for a moment and dropped on every local write.
    private static readonly TimeSpan MetaLifetime = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (long Expires, ArticleMeta Meta)> _meta = new(StringComparer.Ordinal);

    public async Task<ArticleMeta?> FindAsync(string slug, CancellationToken ct = default)
    {
        if (!Slugs.IsValid(slug)) return null;
        var now = Environment.TickCount64;
        if (_meta.TryGetValue(slug, out var cached) && cached.Expires > now) return cached.Meta;
        var meta = await LoadMetaAsync(slug, ct);
        if (meta is not null)
        {
            if (_meta.Count > 50_000) _meta.Clear();
            _meta[slug] = (now + (long)MetaLifetime.TotalMilliseconds, meta);
        }
        return meta;
    }

    /// <summary>Drops the cached metadata of an article after a write (review steps call it too).</summary>
    public void Forget(string slug) => _meta.TryRemove(slug, out _);

    private async Task<ArticleMeta?> LoadMetaAsync(string slug, CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        var row = await db.Articles.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new
            {
                a.Id, a.Slug, a.Question, a.ReviewState, a.Version, a.LatestVersion, a.ApprovedVersion, a.ApprovedAt, a.ApprovedBy, a.ConfirmedBy,
                a.FirstApproverId, a.Urgent, a.ParentSlug, a.AfterJson, a.CreatedAt, a.UpdatedAt,
                Count = a.Ratings.Count(),
                Sum = a.Ratings.Sum(r => (int?)r.Stars),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        // The public version is approved when it is the approved version; a newer draft under review does not change that.
        var approved = row.ApprovedVersion == row.Version && row.ApprovedAt is not null && !ReviewStates.IsClosed(row.ReviewState);
        ArticleApproval? approval = null;
        if (approved)
        {
            var confirmerId = await db.AuditLog.AsNoTracking().Where(e => e.ArticleId == row.Id && e.Action == "confirm")
                .OrderByDescending(e => e.Id).Select(e => e.ActorId).FirstOrDefaultAsync(ct);
            approval = new ArticleApproval(row.Version, DateTime.SpecifyKind(row.ApprovedAt!.Value, DateTimeKind.Utc),
                row.ApprovedBy ?? "", row.FirstApproverId, row.ConfirmedBy ?? "", confirmerId);
        }
        return new ArticleMeta(row.Id, row.Slug, row.Question, approved ? ReviewStates.Approved : row.ReviewState, row.Version, row.Urgent,
            row.ParentSlug, row.AfterJson, DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc),
            RatingSummary.Of(row.Count, row.Sum), approval, row.LatestVersion);
    }

    /// <summary>The stored answer for an audience, parsed once per article version and kept in memory.</summary>
    public async Task<CachedAnswer> AnswerAsync(ArticleMeta article, Audience audience, CancellationToken ct = default)
    {
        var key = new AnswerKey(article.Slug, audience, article.Version);
        if (cache.TryGetValue(key, out CachedAnswer? hit) && hit is not null) return hit;
        await using var db = dbFactory.Create();
        var json = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id)
            .Select(a => audience == Audience.Patient ? a.PatientJson : a.ClinicianJson)
            .FirstAsync(ct);
        var parsed = new CachedAnswer(JsonSerializer.Deserialize<Answer>(json, Json) ?? throw new InvalidDataException($"Article '{article.Slug}' holds no answer."), json);
        if (options.Value.AnswerCacheEntries > 0)
        {
            cache.Set(key, parsed, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }
        return parsed;
    }

    /// <summary>
    /// Opens the article for this question and conversation, or writes one. A follow-up continues the
    /// conversation of its parent: its "after" is the parent's plus the parent's question.
    /// </summary>
    public async Task<AskOutcome> AskAsync(string question, IReadOnlyList<string>? after, string? parentSlug, CancellationToken ct = default)
    {
        question = Squash(question);
        var conversation = (after ?? []).Select(Squash).Where(q => q.Length > 0).ToList();
        if (parentSlug is not null)
        {
            var parent = await FindAsync(parentSlug, ct) ?? throw new ArticleNotFoundException(parentSlug);
            conversation = [.. ParseAfter(parent.AfterJson), parent.Question];
        }
        var key = Slugs.QuestionKey(question, conversation, ArticlePublishing.MeaningMarker.Length + 20);
        var existing = await FindByKeyAsync(key, ct);
        if (existing is not null) return new AskOutcome(existing, false);
        // The same question in other words ("Is magnesium worth trying for RLS?") opens the article already written.
        var analysis = QuestionAnalyzer.Analyze(question, conversation);
        var meaning = ArticlePublishing.MeaningKey(analysis, conversation);
        existing = meaning is null ? null : await FindByMeaningAsync(meaning, ct);
        if (existing is not null) return new AskOutcome(existing, false);

        // Writing the answers may take a moment; it happens outside the lock. Two readers asking the same new
        // question at once both compute it, and the second finds the first's article below.
        var clinician = writer.Ask(question, Audience.Clinician, conversation);
        var patient = writer.Ask(question, Audience.Patient, conversation);
        if (ArticlePublishing.WhyPrivate(question, analysis, clinician, patient) is { } reason)
        {
            return new AskOutcome(null, false, new PrivateAnswer(clinician, patient, reason));
        }
        await CreateLock.WaitAsync(ct);
        try
        {
            existing = await FindByKeyAsync(key, ct) ?? (meaning is null ? null : await FindByMeaningAsync(meaning, ct));
            if (existing is not null) return new AskOutcome(existing, false);
            await using var db = dbFactory.Create();
            var slug = await FreeSlugAsync(db, Slugs.FromQuestion(question), ct);
            var now = DateTime.UtcNow;
            var row = new ArticleRow
            {
                Slug = slug,
                Question = question,
                QuestionKey = key + meaning,
                AfterJson = conversation.Count == 0 ? null : JsonSerializer.Serialize(conversation, Json),
                ParentSlug = parentSlug,
                ClinicianJson = JsonSerializer.Serialize(Stamp(clinician, slug, conversation), Json),
                PatientJson = JsonSerializer.Serialize(Stamp(patient, slug, conversation), Json),
                ReviewState = ReviewStates.Submitted,
                Version = 1,
                Urgent = clinician.Urgent || patient.Urgent,
                LibraryVersion = library.StoreVersion(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            row.Versions.Add(await ArticleVersions.SnapshotAsync(db, 1, row.ClinicianJson, row.PatientJson, row.LibraryVersion, "asked", null, ct));
            db.Articles.Add(row);
            await db.SaveChangesAsync(ct);
            _related.Clear();
            return new AskOutcome((await FindAsync(slug, ct))!, true);
        }
        finally
        {
            CreateLock.Release();
        }
    }

    private static Answer Stamp(Answer answer, string slug, List<string> conversation) =>
        answer with { Id = slug, After = answer.After ?? (conversation.Count > 0 ? conversation : null) };

    public static IReadOnlyList<string> ParseAfter(string? afterJson) =>
        string.IsNullOrEmpty(afterJson) ? [] : JsonSerializer.Deserialize<List<string>>(afterJson, Json) ?? [];

    private async Task<ArticleMeta?> FindByKeyAsync(string key, CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        var withMeaning = key + ArticlePublishing.MeaningMarker;
        var slug = await db.Articles.AsNoTracking().Where(a => a.QuestionKey == key || a.QuestionKey.StartsWith(withMeaning))
            .OrderBy(a => a.Id).Select(a => a.Slug).FirstOrDefaultAsync(ct);
        return slug is null ? null : await FindAsync(slug, ct);
    }

    private async Task<ArticleMeta?> FindByMeaningAsync(string meaning, CancellationToken ct)
    {
        await using var db = dbFactory.Create();
        var slug = await db.Articles.AsNoTracking().Where(a => a.QuestionKey.EndsWith(meaning)).OrderBy(a => a.Id).Select(a => a.Slug).FirstOrDefaultAsync(ct);
        return slug is null ? null : await FindAsync(slug, ct);
    }

    private static async Task<string> FreeSlugAsync(GalenDb db, string stem, CancellationToken ct)
    {
        var prefix = stem + "-";
        var taken = (await db.Articles.AsNoTracking().Where(a => a.Slug == stem || a.Slug.StartsWith(prefix)).Select(a => a.Slug).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(stem)) return stem;
        for (var n = 2; ; n++)
        {
            var candidate = prefix + n;
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    private static string Squash(string text) => TextTools.Squash(QuestionText.Compatible(text)).Trim();

    /// <param name="client">The reader key (<see cref="ReaderIdentity.KeyOf"/>): the same key rating again replaces its rating.</param>
    public async Task<RatingSummary?> RateAsync(string slug, int stars, string client, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        var id = await IdOfAsync(db, slug, ct);
        if (id is null) return null;
        // One rating per reader per article: a second rating changes the first instead of adding to the count.
        var mine = await db.Ratings.FirstOrDefaultAsync(r => r.ArticleId == id.Value && r.Client == client, ct);
        if (mine is null) db.Ratings.Add(new RatingRow { ArticleId = id.Value, Stars = stars, Client = client, CreatedAt = DateTime.UtcNow });
        else { mine.Stars = stars; mine.CreatedAt = DateTime.UtcNow; }
        await db.SaveChangesAsync(ct);
        if (stars <= ArticleVersions.LowRating) await ArticleVersions.AskForTriageAsync(db, id.Value, ct);
        Forget(slug);
        var count = await db.Ratings.CountAsync(r => r.ArticleId == id.Value, ct);
        var sum = await db.Ratings.Where(r => r.ArticleId == id.Value).SumAsync(r => (int?)r.Stars, ct);
        return RatingSummary.Of(count, sum);
    }

    public async Task<bool> AddFeedbackAsync(string slug, string text, string client, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        var id = await IdOfAsync(db, slug, ct);
        if (id is null) return false;
        db.Feedback.Add(new FeedbackRow { ArticleId = id.Value, Text = text, Client = client, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        await ArticleVersions.AskForTriageAsync(db, id.Value, ct);
        return true;
    }

    private static Task<long?> IdOfAsync(GalenDb db, string slug, CancellationToken ct) =>
        Slugs.IsValid(slug)
            ? db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct)
            : Task.FromResult<long?>(null);

    public async Task<IReadOnlyList<ArticleSummary>> RecentAsync(int take, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        return await db.Articles.AsNoTracking().OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new ArticleSummary(a.Slug, a.Question, a.ReviewState, a.UpdatedAt)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ArticleSummary>> ApprovedAsync(int take, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        return await db.Articles.AsNoTracking().Where(a => a.ApprovedVersion != null && a.ApprovedVersion == a.Version)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new ArticleSummary(a.Slug, a.Question, ReviewStates.Approved, a.UpdatedAt)).ToListAsync(ct);
    }

    /// <summary>Articles whose question holds every word of the query (ignoring common words).</summary>
    public async Task<IReadOnlyList<ArticleSummary>> SearchAsync(string query, int take, CancellationToken ct = default)
    {
        var words = Words(query).Take(8).ToList();
        if (words.Count == 0) return [];
        await using var db = dbFactory.Create();
        var q = db.Articles.AsNoTracking();
        foreach (var word in words) q = q.Where(a => a.QuestionKey.Contains(word));
        return await q.OrderByDescending(a => a.ApprovedVersion != null && a.ApprovedVersion == a.Version).ThenByDescending(a => a.UpdatedAt).Take(take)
            .Select(a => new ArticleSummary(a.Slug, a.Question, a.ReviewState, a.UpdatedAt)).ToListAsync(ct);
    }

    /// <summary>The parent, the follow-ups, and articles sharing the most words; kept for a minute.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(ArticleMeta article, CancellationToken ct = default)
    {
        if (_related.TryGetValue(article.Slug, out var hit) && DateTime.UtcNow - hit.At < TimeSpan.FromMinutes(1)) return hit.Items;
        await using var db = dbFactory.Create();
        var candidates = await db.Articles.AsNoTracking().Where(a => a.Slug != article.Slug)
            .OrderByDescending(a => a.UpdatedAt).Take(500)
            .Select(a => new { Summary = new ArticleSummary(a.Slug, a.Question, a.ReviewState, a.UpdatedAt), a.ParentSlug })
            .ToListAsync(ct);
        var mine = Words(article.Question).ToHashSet(StringComparer.Ordinal);
        var related = candidates
            .Select(c => new
            {
                c.Summary,
                Score = (c.Summary.Slug == article.ParentSlug || c.ParentSlug == article.Slug ? 100 : 0)
                        + Words(c.Summary.Question).Distinct().Count(mine.Contains),
            })
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Summary.UpdatedAt)
            .Take(6).Select(c => c.Summary).ToList();
        if (_related.Count > 10_000) _related.Clear();
        _related[article.Slug] = (DateTime.UtcNow, related);
        return related;
    }

    private static IEnumerable<string> Words(string text) =>
        TextTools.Tokens(TextTools.Normalize(text)).Where(w => w.Length > 2 && !TextTools.StopWords.Contains(w));

    public void Dispose() => cache.Dispose();
}
