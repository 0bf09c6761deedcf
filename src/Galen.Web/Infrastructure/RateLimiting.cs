using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Galen.Web.Infrastructure;

/// <summary>Per-client-IP fixed-window limits on asking, rating and feedback; over the limit is 429.</summary>
public static class RateLimiting
{
    public const string Ask = "ask";
    public const string Ratings = "ratings";
    public const string Feedback = "feedback";

    public static IServiceCollection AddGalenRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Ask, context => Partition(context, Ask, o => o.AskPerWindow));
            limiter.AddPolicy(Ratings, context => Partition(context, Ratings, o => o.RatingsPerWindow));
            limiter.AddPolicy(Feedback, context => Partition(context, Feedback, o => o.FeedbackPerWindow));
            limiter.OnRejected = async (rejected, token) =>
            {
                var window = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<GalenWebOptions>>().Value.RateLimits.WindowSeconds;
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : window;
                rejected.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await ErrorResponses.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"Too many requests from this address. Try again in {retry} seconds.");
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<RateLimitOptions, int> permits)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(policy + "|" + client, _ =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<GalenWebOptions>>().Value.RateLimits;
            return new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits(options),
                Window = TimeSpan.FromSeconds(options.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        });
    }

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
