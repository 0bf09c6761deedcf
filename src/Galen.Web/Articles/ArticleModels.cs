using Galen.Core.Answers;
namespace Galen.Web.Articles;

public static class ReviewStates
{
    public const string Submitted = "Submitted";
    public const string UnderReview = "Under Review";
    public const string Approved = "Approved";

    public static readonly IReadOnlyList<string> Order = [Submitted, UnderReview, Approved];

    /// <summary>The state after <paramref name="state"/>, or null when it is the last.</summary>
    public static string? Next(string state)
    {
        var i = IndexOf(state);
        return i >= 0 && i < Order.Count - 1 ? Order[i + 1] : null;
    }

    public static int IndexOf(string state)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (string.Equals(Order[i], state, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}

/// <summary>What a page needs about an article besides its answer: read on every request, small.</summary>
public sealed record ArticleMeta(
    long Id,
    string Slug,
    string Question,
    string ReviewState,
    int Version,
    bool Urgent,
    string? ParentSlug,
    string? AfterJson,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    RatingSummary Rating,
    ReviewEvent? LastReview = null)
{
    public bool Approved => ReviewState == ReviewStates.Approved;
}

public sealed record RatingSummary(int Count, double? Mean)
{
    public static RatingSummary Of(int count, int? sum) =>
        new(count, count == 0 || sum is null ? null : Math.Round((double)sum.Value / count, 2));
}

public sealed record ArticleSummary(string Slug, string Question, string ReviewState, DateTime UpdatedAt);

/// <summary>The article that answers a question, or the private answer when it does not become one.</summary>
public sealed record AskOutcome(ArticleMeta? Article, bool Created, PrivateAnswer? Private = null);

/// <summary>An answer shown to its asker only (<see cref="ArticlePublishing.WhyPrivate"/>): not stored, listed or queued.</summary>
public sealed record PrivateAnswer(Answer Clinician, Answer Patient, string Reason)
{
    public Answer For(Galen.Core.Answers.Audience audience) => audience == Galen.Core.Answers.Audience.Patient ? Patient : Clinician;
}

public sealed record Reviewer(long Id, string Name, string Credentials, string Specialty, string Disclosures, string? Bio);

public sealed record ReviewEvent(string FromState, string ToState, string? ReviewerName, string? Note, DateTime At);

public sealed record FeedbackItem(string Slug, string Question, string Text, DateTime At);
