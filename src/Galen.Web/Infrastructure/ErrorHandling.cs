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
        if (!antiforgeryFailed && exception is BadHttpRequestException unreadable && BodyErrors.Describe(unreadable) is { } field)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "The request is not valid", field.Message,
                new Dictionary<string, string[]> { [field.Name] = [field.Message] });
            return true;
        }
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

/// <summary>Limits of the JSON API, stated once so the code and the docs agree.</summary>
public static class ApiLimits
{
    /// <summary>Nesting deeper than this is refused (the API's bodies are two levels deep).</summary>
    public const int MaxJsonDepth = 8;
}

/// <summary>Which field of a JSON body could not be read, and why, in words.</summary>
public static partial class BodyErrors
{
    [System.Text.RegularExpressions.GeneratedRegex(@"converted to (?<type>[\w.`\[\]]+)")]
    private static partial System.Text.RegularExpressions.Regex ConvertedTo();

    public static (string Name, string Message)? Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is System.Text.Json.JsonException json)
        {
            var name = FieldName(json.Path);
            var type = ConvertedTo().Match(json.Message) is { Success: true } m ? m.Groups["type"].Value : "";
            var reason = json.Message.Contains("maximum configured depth", StringComparison.Ordinal)
                ? $"nested deeper than {ApiLimits.MaxJsonDepth} levels"
                : type.Contains("String", StringComparison.Ordinal) && !type.Contains("List", StringComparison.Ordinal) ? "must be text (a JSON string)"
                : type.Contains("Int32", StringComparison.Ordinal) ? "must be a whole number"
                : type.Contains("List", StringComparison.Ordinal) ? "must be an array of strings"
                : type.Length > 0 ? "has the wrong type"
                : "is not valid JSON";
            return (name, $"{name}: {reason}.");
        }
        if (exception.Message.Contains("was not provided from body", StringComparison.Ordinal)
            || exception.Message.Contains("no body was provided", StringComparison.Ordinal)
            || exception.Message.Contains("body was empty", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "body: send a JSON object.");
        }
        if (exception.Message.Contains("Content-Type", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "body: send the body as application/json.");
        }
        return null;
    }

    /// <summary>"$.after[0]" -> "after[0]"; the whole body when the path names no field.</summary>
    private static string FieldName(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return name.Length == 0 ? "body" : name;
    }
}
