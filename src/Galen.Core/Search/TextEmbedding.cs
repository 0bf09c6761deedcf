using Galen.Core.Sources;

namespace Galen.Core.Search;

/// <summary>
/// Turns text into a unit-length vector of its meaning. Queries and passages may be encoded differently (some
/// models are trained with an instruction before the query), so the two have their own methods.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Names the model and how texts are prepared for it: vectors made under another id are stale.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>Encodes passages (a source's question, title or conclusion), one unit vector each.</summary>
    float[][] EmbedPassages(IReadOnlyList<string> passages, CancellationToken cancellation = default);

    /// <summary>Encodes what someone asked.</summary>
    float[] EmbedQuery(string query);
}

/// <summary>Which words of a source stand for its meaning when it is embedded.</summary>
public static class EmbeddingText
{
    /// <summary>Encoding time grows with length and the opening carries the claim; about 150 words are kept.</summary>
    public const int MaxCharacters = 900;

    private static readonly string[] ClaimCategories = ["conclusions", "conclusion", "summary", "recommendation", "answer", "results"];

    /// <summary>
    /// Patient information that states the question it answers is represented by that question: people ask in
    /// the same way, so a message is matched to the question a page answers. Everything else by its title and the
    /// passage that carries its claim (a conclusion, a summary, a recommendation), else its first passage.
    /// </summary>
    public static string For(SourceRecord source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.QuestionAnswer?.Question is { Length: > 0 } question)
        {
            return Cut(question);
        }
        var claim = source.Sections.FirstOrDefault(s => s.Category is { } c && ClaimCategories.Contains(c, StringComparer.OrdinalIgnoreCase))
            ?? (source.Sections.Count > 0 ? source.Sections[0] : null);
        return Cut(claim is null ? source.Title : source.Title + ". " + claim.Text);
    }

    private static string Cut(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= MaxCharacters) return flat;
        var cut = flat.LastIndexOf(' ', MaxCharacters);
        return flat[..(cut > MaxCharacters / 2 ? cut : MaxCharacters)];
    }
}
