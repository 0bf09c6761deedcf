using System.Buffers;
using System.Text;
using Galen.Core.Answers;
using Galen.Web.Html;
using Galen.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Galen.Web.Pages;

/// <summary>
/// Article pages rendered once and kept as UTF-8, with a gap wherever a form carries its antiforgery token: a view
/// writes the pieces with the reader's own fresh token in the gaps. Rendering a 47 kB page on every view (and the
/// large-object garbage collections its strings caused) was most of the time an article page took.
/// </summary>
/// <remarks>
/// A stored page is used only while everything it was rendered from is unchanged: the article's metadata (review
/// state, version, approval, rating, dates), the parsed answer of its version, the parent and the related articles,
/// and the address and thank-you note it was rendered for. Those come from the same short-lived caches as before, so a
/// rating, a review step, a new version or a withdrawal shows on the next view. The page shows nothing about who is
/// reading it; the one thing that is the reader's own, the form token, is never stored.
/// </remarks>
public sealed class ArticlePageCache : IDisposable
{
    // Random for each process, so no text of an article can imitate it.
    private readonly string _gap = "galen-form-token-" + Guid.NewGuid().ToString("N");
    private readonly MemoryCache? _pages;

    public ArticlePageCache(IOptions<GalenWebOptions> options)
    {
        var bytes = (long)options.Value.PageCacheMegabytes * 1024 * 1024;
        if (bytes > 0) _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = bytes });
    }

    private sealed record Key(string Slug, Audience Audience, string Canonical, string? Thanks);

    /// <summary>The page for this view, rendered now or taken from memory when nothing it shows has changed.</summary>
    public RenderedArticlePage Get(ArticleView view)
    {
        var key = new Key(view.Article.Slug, view.Audience, view.Canonical, view.Thanks);
        if (_pages is not null && _pages.TryGetValue(key, out RenderedArticlePage? hit) && hit is not null && hit.RenderedFrom(view)) return hit;
        var page = Render(view);
        _pages?.Set(key, page, new MemoryCacheEntryOptions { Size = page.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return page;
    }

    private RenderedArticlePage Render(ArticleView view)
    {
        var withGaps = view with { Tokens = new AntiforgeryTokenSet(_gap, null, view.Tokens.FormFieldName, view.Tokens.HeaderName) };
        var pieces = ArticlePage.Render(withGaps).Split(_gap).Select(Encoding.UTF8.GetBytes).ToArray();
        return new RenderedArticlePage(withGaps, pieces);
    }

    /// <summary>Whether a rendered page of this article is in memory.</summary>
    internal bool Holds(string slug) => _pages?.Keys.OfType<Key>().Any(k => k.Slug == slug) ?? false;

    public void Dispose() => _pages?.Dispose();
}

/// <summary>An article page as UTF-8 pieces; the reader's form token goes between each two.</summary>
public sealed class RenderedArticlePage(ArticleView from, byte[][] pieces)
{
    public int Length { get; } = pieces.Sum(p => p.Length);

    public int TokenGaps => pieces.Length - 1;

    internal bool RenderedFrom(ArticleView view) =>
        view.Article == from.Article
        && ReferenceEquals(view.Answer, from.Answer)
        && view.Audience == from.Audience
        && view.Parent == from.Parent
        && view.Related.SequenceEqual(from.Related)
        && view.Canonical == from.Canonical
        && view.Thanks == from.Thanks
        && view.Tokens.FormFieldName == from.Tokens.FormFieldName;

    /// <summary>The page with this reader's token in every form.</summary>
    public IResult WithToken(AntiforgeryTokenSet tokens) => new PageWithToken(pieces, Encoding.UTF8.GetBytes(HtmlWriter.Escape(tokens.RequestToken ?? "")));

    private sealed class PageWithToken(byte[][] pieces, byte[] token) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = Http.HtmlContentType;
            response.ContentLength = pieces.Sum(p => (long)p.Length) + (long)token.Length * (pieces.Length - 1);
            var body = response.BodyWriter;
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0) body.Write(token);
                body.Write(pieces[i]);
            }
            await body.FlushAsync(httpContext.RequestAborted);
        }
    }
}
