using Galen.Web.Assets;
using Galen.Web.Html;
using Microsoft.AspNetCore.Antiforgery;

namespace Galen.Web.Pages;

public sealed record PageHead(string Title, string? Description = null, string? Canonical = null, bool NoIndex = false);

/// <summary>The frame every page shares: head, skip link, site header and footer.</summary>
public static class Layout
{
    public const string SiteName = "Galen";

    public static string Page(PageHead head, Action<HtmlWriter> body, int capacity = 16 * 1024)
    {
        var w = new HtmlWriter(capacity);
        w.Add($"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.Add($"<title>{head.Title} | {SiteName}</title>");
        if (head.Description is not null) w.Add($"<meta name=\"description\" content=\"{head.Description}\">");
        if (head.Canonical is not null) w.Add($"<link rel=\"canonical\" href=\"{head.Canonical}\">");
        if (head.NoIndex) w.Add($"<meta name=\"robots\" content=\"noindex\">");
        w.Add($"<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"{SiteAssets.CssUrl}\"><script src=\"{SiteAssets.JsUrl}\" defer></script></head>");
        w.Add($"<body><a class=\"skip-link\" href=\"#main\">Skip to main content</a>");
        w.Add($"<header class=\"site-header\"><div class=\"wrap\"><a class=\"brand\" href=\"/\">{SiteName}<span class=\"tagline\"> evidence answers</span></a>");
        w.Add($"<nav aria-label=\"Site\"><ul><li><a href=\"/\">Ask</a></li><li><a href=\"/editorial-policy\">Editorial policy</a></li><li><a href=\"/review-board\">Review board</a></li><li><a href=\"/about\">About</a></li><li><a href=\"/disclaimer\">Disclaimer</a></li></ul></nav></div></header>");
        w.Add($"<main id=\"main\" class=\"wrap\" tabindex=\"-1\">");
        body(w);
        w.Add($"</main><footer class=\"site-footer\"><div class=\"wrap\"><p>Galen summarises the evidence in its library for education. It does not replace a clinician who knows the patient. In an emergency, call your local emergency number.</p>");
        w.Add($"<p>The starter library is for demonstration and must be checked against current guidance before any clinical use. <a href=\"/disclaimer\">Read the disclaimer</a>.</p></div></footer></body></html>");
        return w.ToString();
    }

    public static string ErrorPage(int status, string title, string detail) =>
        Page(new PageHead(title, NoIndex: true), w =>
        {
            w.Add($"<h1>{title}</h1><p>{detail}</p><p class=\"muted\">Error {status}.</p><p><a href=\"/\">Go to the home page</a></p>");
        });

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public static void Token(HtmlWriter w, AntiforgeryTokenSet tokens) =>
        w.Add($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");

    /// <summary>The question form: on the home page, and as the follow-up box on an article.</summary>
    public static void AskForm(HtmlWriter w, AntiforgeryTokenSet tokens, string id, string label, string? parentSlug, string audience, string? error = null, string? value = null)
    {
        w.Add($"<form class=\"ask\" method=\"post\" action=\"/ask\">");
        Token(w, tokens);
        if (parentSlug is not null) w.Add($"<input type=\"hidden\" name=\"parent\" value=\"{parentSlug}\">");
        if (parentSlug is not null) w.Add($"<input type=\"hidden\" name=\"audience\" value=\"{audience}\">");
        w.Add($"<label for=\"{id}\">{label}</label>");
        var described = error is null ? $"{id}-hint" : $"{id}-hint {id}-error";
        w.Add($"<p class=\"hint\" id=\"{id}-hint\">Ask in plain words, for example: Can magnesium help restless legs?</p>");
        if (error is not null) w.Add($"<p class=\"error\" id=\"{id}-error\">{error}</p>");
        w.Add($"<div class=\"ask-row\"><textarea id=\"{id}\" name=\"question\" rows=\"2\" maxlength=\"500\" required aria-describedby=\"{described}\"");
        if (error is not null) w.Add($" aria-invalid=\"true\"");
        w.Add($">{value}</textarea><button type=\"submit\">Ask</button></div></form>");
    }

    public static string Date(DateTime utc) => utc.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string IsoDate(DateTime utc) => utc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string StateClass(string state) => state.Replace(' ', '-').ToLowerInvariant();
}
