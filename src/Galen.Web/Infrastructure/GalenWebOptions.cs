using Microsoft.Extensions.Options;

namespace Galen.Web.Infrastructure;

/// <summary>Settings of the site, bound from the configuration section "Galen:Web".</summary>
public sealed class GalenWebOptions
{
    public const string Section = "Galen:Web";

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>How many parsed answers (per article, audience and version) are kept in memory.</summary>
    public int AnswerCacheEntries { get; set; } = 4000;

    /// <summary>How long browsers and API clients may reuse an approved article, in seconds.</summary>
    public int ApprovedMaxAgeSeconds { get; set; } = 300;

    /// <summary>Former shared review key, now refused: staff sign in with their own accounts (<c>galen users add</c>).</summary>
    public string? EditorKey { get; set; }

    /// <summary>Longest question accepted, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>Longest feedback accepted, in characters.</summary>
    public int MaxFeedbackLength { get; set; } = 4000;
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
        Range("ApprovedMaxAgeSeconds", options.ApprovedMaxAgeSeconds, 0, 31_536_000);
        Range("MaxQuestionLength", options.MaxQuestionLength, 10, 10_000);
        Range("MaxFeedbackLength", options.MaxFeedbackLength, 10, 100_000);
        if (options.EditorKey is not null)
        {
            errors.Add($"{GalenWebOptions.Section}:EditorKey is no longer used: remove it. Staff sign in with their own accounts; create them with `galen users add`.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
