using Galen.Core;
using Galen.Core.Analysis;
using Galen.Core.Answers;
using Galen.Web.Articles;
using Galen.Web.Infrastructure;
using Galen.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Galen.Web.Asking;

public sealed class AskForm
{
    public string? Question { get; set; }
    public string? Parent { get; set; }
    public string? Audience { get; set; }
}

/// <summary>The question form: opens or writes the article, then sends the reader to it (POST, redirect, GET).</summary>
public static class AskEndpoints
{
    public static IEndpointRouteBuilder MapGalenAsking(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ask", Ask).RequireRateLimiting(RateLimiting.Ask).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Ask(
        [FromForm] AskForm form, HttpContext context, ArticleService articles, IAntiforgery antiforgery,
        IOptions<GalenWebOptions> options, CancellationToken ct)
    {
        Audiences.TryParse(form.Audience, out var audience);
        var error = InputRules.QuestionError(form.Question, options.Value.MaxQuestionLength);
        if (form.Parent is not null && !Slugs.IsValid(form.Parent)) return Http.BadRequestPage("parent: not an article address.");
        if (error is null)
        {
            try
            {
                var outcome = await articles.AskAsync(form.Question!, null, form.Parent, ct);
                if (outcome.Private is { } answer)
                {
                    // Not an article: the asker sees the answer here, and nothing is stored or listed.
                    Http.NoStore(context);
                    return Http.Html(ArticlePage.RenderPrivate(TextTools.Squash(form.Question!).Trim(), answer.For(audience), answer.Reason));
                }
                var target = $"/articles/{outcome.Article!.Slug}" + (form.Audience is null ? "" : "?audience=" + audience.ToSlug());
                context.Response.Headers.Location = target;
                return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
            }
            catch (QuestionRejectedException rejected)
            {
                error = rejected.Message;
            }
            catch (ArticleNotFoundException)
            {
                return Http.NotFoundPage("The article this question follows no longer exists.");
            }
        }
        // Show the form again with the reason, keeping what the reader wrote.
        var tokens = antiforgery.GetAndStoreTokens(context);
        var view = new HomeView(tokens, audience.ToSlug(), await articles.ApprovedAsync(10, ct), await articles.RecentAsync(10, ct),
            null, null, error, form.Question, Http.Canonical(context.Request, "/"));
        Http.NoStore(context);
        return Http.Html(HomePage.Render(view), StatusCodes.Status400BadRequest);
    }
}
