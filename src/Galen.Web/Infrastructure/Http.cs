using Galen.Web.Pages;

namespace Galen.Web.Infrastructure;

public static class Http
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, HtmlContentType, System.Text.Encoding.UTF8, status);

    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static string Canonical(HttpRequest request, string pathAndQuery) => Origin(request) + pathAndQuery;

    public static IResult NotFoundPage(string what) =>
        Html(Layout.ErrorPage(StatusCodes.Status404NotFound, "Not found", what), StatusCodes.Status404NotFound);

    public static IResult BadRequestPage(string detail) =>
        Html(Layout.ErrorPage(StatusCodes.Status400BadRequest, "Please check what you sent", detail), StatusCodes.Status400BadRequest);

    public static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";
}

/// <summary>Checks shared by the form and JSON endpoints; messages name the field.</summary>
public static class InputRules
{
    public static string? QuestionError(string? question, int max)
    {
        if (string.IsNullOrWhiteSpace(question)) return "question: write a question.";
        if (question.Trim().Length > max) return $"question: at most {max} characters (this one has {question.Trim().Length}).";
        return null;
    }

    public static string? StarsError(int? stars) =>
        stars is >= 1 and <= 5 ? null : "stars: choose a whole number from 1 to 5.";

    public static string? FeedbackError(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return "text: write what could be better.";
        if (text.Trim().Length > max) return $"text: at most {max} characters (this one has {text.Trim().Length}).";
        return null;
    }
}
