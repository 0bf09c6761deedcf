using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Galen.Web.Assets;

/// <summary>The stylesheet and script, embedded in the assembly and served with a content hash in the URL.</summary>
public static class SiteAssets
{
    private sealed record Asset(byte[] Bytes, string ContentType, string Hash);

    private static readonly Asset Css = Load("Galen.Web.site.css", "text/css; charset=utf-8");
    private static readonly Asset Js = Load("Galen.Web.site.js", "text/javascript; charset=utf-8");

    public static string CssUrl { get; } = "/assets/site.css?v=" + Css.Hash;
    public static string JsUrl { get; } = "/assets/site.js?v=" + Js.Hash;

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded asset {name} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return new Asset(bytes, contentType, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
    }

    public static IEndpointRouteBuilder MapSiteAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/site.css", (HttpContext context) => Serve(context, Css)).ExcludeFromDescription();
        app.MapGet("/assets/site.js", (HttpContext context) => Serve(context, Js)).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context, Asset asset)
    {
        var etag = new EntityTagHeaderValue("\"" + asset.Hash + "\"");
        context.Response.Headers.CacheControl = context.Request.Query["v"] == asset.Hash
            ? "public, max-age=31536000, immutable"
            : "public, max-age=300";
        context.Response.Headers.ETag = etag.ToString();
        if (context.Request.Headers.IfNoneMatch.ToString() == etag.ToString()) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }
}
