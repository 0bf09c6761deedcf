using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Galen.Web.Html;

/// <summary>Markup that is already safe: written as is. Only code in this project creates it, never from input.</summary>
public readonly record struct HtmlString(string Value)
{
    public static readonly HtmlString Empty = new(string.Empty);
    public override string ToString() => Value;
}

/// <summary>
/// A small HTML builder. Interpolated holes are escaped unless they are <see cref="HtmlString"/>, so
/// <c>w.Add($"&lt;h1&gt;{question}&lt;/h1&gt;")</c> can never inject markup. Attribute values are always
/// written inside double quotes, where the same escaping is safe.
/// </summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder _sb;

    public HtmlWriter(int capacity = 16 * 1024) => _sb = new StringBuilder(capacity);

    /// <summary>Appends literal markup with escaped holes.</summary>
    public HtmlWriter Add([InterpolatedStringHandlerArgument("")] ref HtmlHandler handler) => this;

    /// <summary>Appends escaped text.</summary>
    public HtmlWriter Text(string? text)
    {
        if (text is not null) Escape(_sb, text);
        return this;
    }

    /// <summary>Appends trusted markup.</summary>
    public HtmlWriter Raw(HtmlString html)
    {
        _sb.Append(html.Value);
        return this;
    }

    internal void Literal(string markup) => _sb.Append(markup);

    public override string ToString() => _sb.ToString();

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        Escape(sb, text);
        return sb.ToString();
    }

    private static void Escape(StringBuilder sb, string text)
    {
        var span = text.AsSpan();
        while (true)
        {
            var i = span.IndexOfAny("&<>\"'");
            if (i < 0)
            {
                sb.Append(span);
                return;
            }
            sb.Append(span[..i]);
            sb.Append(span[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            span = span[(i + 1)..];
        }
    }
}

[InterpolatedStringHandler]
public ref struct HtmlHandler
{
    private readonly HtmlWriter _writer;

    public HtmlHandler(int literalLength, int formattedCount, HtmlWriter writer)
    {
        _ = literalLength;
        _ = formattedCount;
        _writer = writer;
    }

    public readonly void AppendLiteral(string value) => _writer.Literal(value);

    public readonly void AppendFormatted(string? value) => _writer.Text(value);

    public readonly void AppendFormatted(HtmlString value) => _writer.Raw(value);

    public readonly void AppendFormatted(int value) => _writer.Literal(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted(long value) => _writer.Literal(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted<T>(T value) => _writer.Text(Convert.ToString(value, CultureInfo.InvariantCulture));
}
