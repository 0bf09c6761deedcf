using System.Security.Cryptography;
using System.Text;

namespace Galen.Web.Articles;

/// <summary>
/// Who rated, for one rating per reader per article: a first-party cookie holding a random reader id when the client
/// keeps cookies (a browser), else the client address. Either is stored only as a salted hash.
/// </summary>
public static class ReaderIdentity
{
    public const string CookieName = "galen_reader";

    /// <summary>The reader key stored with a rating ("reader:..." from the cookie, "address:..." without one).</summary>
    public static string KeyOf(HttpContext context, bool issueCookie)
    {
        var id = context.Request.Cookies[CookieName];
        if (id is null || id.Length is < 16 or > 64 || !id.All(char.IsAsciiLetterOrDigit))
        {
            id = null;
            if (issueCookie)
            {
                id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                context.Response.Cookies.Append(CookieName, id, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(365),
                    IsEssential = true,
                });
            }
        }
        return id is not null
            ? "reader:" + Hash(id)
            : "address:" + Hash(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("galen-rating|" + value)))[..32];
}
