using System.Security.Cryptography;
using System.Text;
using Galen.Web.Articles;
using Galen.Web.Html;
using Galen.Web.Infrastructure;
using Galen.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Galen.Web.Review;

public sealed class EditorForm
{
    public string? Key { get; set; }
    public long? Reviewer { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A minimal review desk: the editor key (Galen:Web:EditorKey) unlocks the queue, the recent feedback and the
/// form that moves an article from Submitted to Under Review to Approved. Without a key the desk is off.
/// </summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapGalenReview(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("").ExcludeFromDescription();
        desk.MapGet("/editor", (HttpContext context, IAntiforgery antiforgery, IOptions<GalenWebOptions> options) =>
        {
            if (options.Value.EditorKey is null) return Http.NotFoundPage("The review desk is turned off on this site.");
            var tokens = antiforgery.GetAndStoreTokens(context);
            Http.NoStore(context);
            return Http.Html(Layout.Page(new PageHead("Review desk", NoIndex: true), w =>
            {
                w.Add($"<h1>Review desk</h1><form method=\"post\" action=\"/editor\">");
                Layout.Token(w, tokens);
                w.Add($"<label for=\"key\">Editor key</label><input type=\"password\" id=\"key\" name=\"key\" required autocomplete=\"current-password\"><button type=\"submit\">Open the queue</button></form>");
            }));
        });
        desk.MapPost("/editor", async ([FromForm] EditorForm form, HttpContext context, ArticleService articles, ReviewBoard board,
            IAntiforgery antiforgery, IOptions<GalenWebOptions> options, CancellationToken ct) =>
        {
            if (!KeyMatches(options.Value.EditorKey, form.Key)) return Forbidden();
            return await Queue(context, form.Key!, null, articles, board, antiforgery, ct);
        }).RequireRateLimiting(RateLimiting.Feedback);
        desk.MapPost("/articles/{slug}/review", async (string slug, [FromForm] EditorForm form, HttpContext context, ArticleService articles,
            ReviewBoard board, IAntiforgery antiforgery, IOptions<GalenWebOptions> options, CancellationToken ct) =>
        {
            if (!KeyMatches(options.Value.EditorKey, form.Key)) return Forbidden();
            if (form.Reviewer is null) return Http.BadRequestPage("reviewer: choose who is reviewing.");
            var state = await articles.AdvanceReviewAsync(slug, form.Reviewer.Value, form.Note, ct);
            if (state is null) return Http.NotFoundPage($"There is no article '{slug}'.");
            return await Queue(context, form.Key!, $"{slug} is now {state}.", articles, board, antiforgery, ct);
        }).RequireRateLimiting(RateLimiting.Feedback);
        return app;
    }

    private static IResult Forbidden() =>
        Http.Html(Layout.ErrorPage(StatusCodes.Status403Forbidden, "Not allowed", "The editor key is missing or wrong, or the review desk is off."), StatusCodes.Status403Forbidden);

    private static bool KeyMatches(string? expected, string? given) =>
        expected is not null && given is not null &&
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static async Task<IResult> Queue(HttpContext context, string key, string? done, ArticleService articles, ReviewBoard board,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var queue = await articles.QueueAsync(ct);
        var feedback = await articles.RecentFeedbackAsync(50, ct);
        var members = board.Members();
        Http.NoStore(context);
        return Http.Html(Layout.Page(new PageHead("Review queue", NoIndex: true), w =>
        {
            w.Add($"<h1>Review queue</h1>");
            if (done is not null) w.Add($"<p class=\"thanks\" role=\"status\">{done}</p>");
            if (queue.Count == 0) w.Add($"<p>Every article is approved.</p>");
            w.Add($"<ul class=\"queue\">");
            foreach (var (article, count) in queue)
            {
                var next = ReviewStates.Next(article.ReviewState);
                w.Add($"<li><a href=\"/articles/{article.Slug}\">{article.Question}</a> <span class=\"state state-{Layout.StateClass(article.ReviewState)}\">{article.ReviewState}</span> <span class=\"muted\">{count} feedback</span>");
                w.Add($"<form method=\"post\" action=\"/articles/{article.Slug}/review\" class=\"review-form\">");
                Layout.Token(w, tokens);
                w.Add($"<input type=\"hidden\" name=\"key\" value=\"{key}\"><label>Reviewer <select name=\"reviewer\" required>");
                foreach (var m in members) w.Add($"<option value=\"{m.Id}\">{m.Name}, {m.Credentials}</option>");
                w.Add($"</select></label><label>Note <input type=\"text\" name=\"note\" maxlength=\"500\"></label><button type=\"submit\">Move to {next}</button></form></li>");
            }
            w.Add($"</ul><h2>Recent feedback</h2>");
            if (feedback.Count == 0) w.Add($"<p>No feedback yet.</p>");
            w.Add($"<ul class=\"feedback-list\">");
            foreach (var f in feedback)
            {
                w.Add($"<li><a href=\"/articles/{f.Slug}\">{f.Question}</a><blockquote>{f.Text}</blockquote><time datetime=\"{Layout.IsoDate(f.At)}\">{Layout.Date(f.At)}</time></li>");
            }
            w.Add($"</ul>");
        }));
    }
}
