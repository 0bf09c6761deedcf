using Microsoft.Extensions.Options;

namespace Galen.Web.Infrastructure;

/// <summary>Settings of the site, bound from the configuration section "Galen:Web".</summary>
public sealed class GalenWebOptions
{
    public const string Section = "Galen:Web";

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>How many parsed answers (per article, audience and version) are kept in memory.</summary>
    public int AnswerCacheEntries { get; set; } = 4000;

    /// <summary>Memory for rendered article pages (per article, audience and address), in megabytes; 0 renders every view.</summary>
    public int PageCacheMegabytes { get; set; } = 64;

    /// <summary>How long browsers and API clients may reuse an approved article, in seconds.</summary>
    public int ApprovedMaxAgeSeconds { get; set; } = 300;

    /// <summary>Former shared review key, now refused: staff sign in with their own accounts (<c>galen users add</c>).</summary>
    public string? EditorKey { get; set; }

    /// <summary>Longest question accepted, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>Longest feedback accepted, in characters.</summary>
    public int MaxFeedbackLength { get; set; } = 4000;

    public PasskeySiteOptions Passkeys { get; set; } = new();
}

/// <summary>
/// The site's identity for passkeys (the WebAuthn relying party). Left unset, it is the host name of each request, and
/// the browser's origin must be the one the request came from: right for a site reached directly. Behind a reverse
/// proxy or on several nodes, set the public host name and the public origins, so that a passkey made through one
/// node or address works through every other.
/// </summary>
public sealed class PasskeySiteOptions
{
    /// <summary>The relying-party ID: the public host name (<c>galen.example.org</c>), no scheme, port or path.</summary>
    public string? ServerDomain { get; set; }

    /// <summary>Origins the browser may be on (<c>https://galen.example.org</c>); empty: the request's own origin.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>An origin as the browser writes it: lower-case scheme and host, the port only when not the default.</summary>
    public static string? NormalizeOrigin(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Authority) : null;

    internal void Validate(List<string> errors)
    {
        var section = GalenWebOptions.Section + ":Passkeys";
        string? domain = null;
        if (ServerDomain is not null)
        {
            var value = ServerDomain.Trim();
            if (Uri.CheckHostName(value) is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            {
                errors.Add($"{section}:ServerDomain must be a host name; it is the IP address '{value}', which browsers refuse as a passkey site.");
            }
            else if (Uri.CheckHostName(value) != UriHostNameType.Dns || value.EndsWith('.') || value.Any(char.IsUpper))
            {
                errors.Add($"{section}:ServerDomain must be a host name in lower case with no scheme, port or path (for example galen.example.org); it is '{ServerDomain}'.");
            }
            else
            {
                domain = value;
            }
        }
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            var key = $"{section}:AllowedOrigins:{i}";
            var value = AllowedOrigins[i]?.Trim() ?? "";
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0
                || uri.PathAndQuery != "/" || uri.Fragment.Length > 0)
            {
                errors.Add($"{key} must be an origin: scheme, host and port only (for example https://galen.example.org); it is '{AllowedOrigins[i]}'.");
            }
            else if (uri.Scheme == "http" && !uri.IsLoopback)
            {
                errors.Add($"{key} must use https: browsers offer passkeys over plain http only on localhost; it is '{value}'.");
            }
            else if (domain is not null && uri.Host != domain && !uri.Host.EndsWith("." + domain, StringComparison.Ordinal))
            {
                errors.Add($"{key} must be on {section}:ServerDomain ({domain}) or one of its subdomains; it is '{value}'.");
            }
        }
    }
}

/// <summary>Requests allowed per client IP address in each window, per kind of request.</summary>
public sealed class RateLimitOptions
{
    public int WindowSeconds { get; set; } = 60;
    public int AskPerWindow { get; set; } = 20;
    public int RatingsPerWindow { get; set; } = 30;
    public int FeedbackPerWindow { get; set; } = 10;
}

/// <summary>Checks the options at start-up; each message names the configuration key to fix.</summary>
public sealed class GalenWebOptionsValidator : IValidateOptions<GalenWebOptions>
{
    public ValidateOptionsResult Validate(string? name, GalenWebOptions options)
    {
        var errors = new List<string>();
        void Range(string key, int value, int min, int max)
        {
            if (value < min || value > max) errors.Add($"{GalenWebOptions.Section}:{key} must be between {min} and {max}; it is {value}.");
        }
        var r = options.RateLimits ?? new RateLimitOptions();
        Range("RateLimits:WindowSeconds", r.WindowSeconds, 1, 86_400);
        Range("RateLimits:AskPerWindow", r.AskPerWindow, 1, 1_000_000);
        Range("RateLimits:RatingsPerWindow", r.RatingsPerWindow, 1, 1_000_000);
        Range("RateLimits:FeedbackPerWindow", r.FeedbackPerWindow, 1, 1_000_000);
        Range("AnswerCacheEntries", options.AnswerCacheEntries, 0, 10_000_000);
        Range("PageCacheMegabytes", options.PageCacheMegabytes, 0, 1_000_000);
        Range("ApprovedMaxAgeSeconds", options.ApprovedMaxAgeSeconds, 0, 31_536_000);
        Range("MaxQuestionLength", options.MaxQuestionLength, 10, 10_000);
        Range("MaxFeedbackLength", options.MaxFeedbackLength, 10, 100_000);
        (options.Passkeys ?? new PasskeySiteOptions()).Validate(errors);
        if (options.EditorKey is not null)
        {
            errors.Add($"{GalenWebOptions.Section}:EditorKey is no longer used: remove it. Staff sign in with their own accounts; create them with `galen users add`.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
