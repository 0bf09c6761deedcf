using Galen.Core.Answers;

namespace Galen.Web.Pages;

/// <summary>The reader's wording: ?audience= when given (and then remembered in a cookie), else the cookie, else clinician.</summary>
public static class AudiencePreference
{
    public const string CookieName = "galen_audience";

    public static Audience Resolve(HttpContext context, string? requested)
    {
        var cookie = context.Request.Cookies[CookieName];
        if (!string.IsNullOrWhiteSpace(requested) && Audiences.TryParse(requested, out var chosen))
        {
            if (cookie != chosen.ToSlug())
            {
                context.Response.Cookies.Append(CookieName, chosen.ToSlug(), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                    Path = "/",
                });
            }
            return chosen;
        }
        return Audiences.TryParse(cookie, out var remembered) ? remembered : Audience.Clinician;
    }
}
