using Galen.Core;
using Galen.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Galen.Web.Infrastructure;

/// <summary>Writes an error as ProblemDetails for API clients, or as a page for browsers.</summary>
public static class ErrorResponses
{
    public static bool WantsHtml(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") &&
        context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        if (WantsHtml(context))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Layout.ErrorPage(status, title, detail));
            return;
        }
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Instance = context.Request.Path;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

/// <summary>The one place that turns exceptions into responses.</summary>
public sealed class GalenExceptionHandler(ILogger<GalenExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var antiforgeryFailed = context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false };
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException when antiforgeryFailed =>
                (StatusCodes.Status400BadRequest, "The form has expired or is invalid", "The form could not be verified. Reload the page and send it again."),
            QuestionRejectedException rejected => (StatusCodes.Status400BadRequest, "The question cannot be answered", rejected.Message),
            BadHttpRequestException { InnerException: AntiforgeryValidationException } =>
                (StatusCodes.Status400BadRequest, "The form has expired or is invalid", "The form could not be verified. Reload the page and send it again."),
            AntiforgeryValidationException =>
                (StatusCodes.Status400BadRequest, "The form has expired or is invalid", "The form could not be verified. Reload the page and send it again."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            ArticleNotFoundException missing => (StatusCodes.Status404NotFound, "No such article", missing.Message),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong", "The server could not complete the request."),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        await ErrorResponses.WriteAsync(context, status, title, detail);
        return true;
    }
}

public sealed class ArticleNotFoundException(string slug) : Exception($"There is no article '{slug}'.");
