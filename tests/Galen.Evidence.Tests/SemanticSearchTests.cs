using Galen.Core.Search;
using Galen.Core.Sources;
using Galen.Evidence.Import;
using Galen.Evidence.Search;
using Galen.Evidence.Store;
using Galen.Testing;

namespace Galen.Evidence.Tests;

/// <summary>The embedding stage, the vector file and hybrid retrieval, with the real model on a real SQLite library.</summary>
public sealed class SemanticSearchTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly Library library;

    public SemanticSearchTests()
    {
        library = Open();
        library.Migrate();
        library.Writer.Apply("test", Records.Select(ImportItem.Of), new ImportReport());
    }

    public void Dispose()
    {
        library.Dispose();
        dir.Dispose();
    }

    private Library Open(string? model = null) => new(new GalenStoreOptions { DataDirectory = dir.Path, EmbeddingModel = model });

    private static readonly SourceRecord[] Records =
    [
        Page("insomnia", "Insomnia", "What are the treatments for insomnia ?", "Cognitive behavioural therapy is the first treatment for long-standing insomnia; hypnotic tablets are kept for short spells."),
        Page("gout", "Gout", "What are the symptoms of gout ?", "A hot, swollen and very tender big toe joint that flares over hours."),
        Page("asthma", "Asthma", "How to prevent asthma attacks ?", "Use the preventer inhaler every day and avoid known triggers such as smoke."),
        Page("eczema", "Eczema", "What is (are) eczema ?", "Dry, itchy and inflamed patches of skin, often in the creases of the elbows and knees."),
        new()
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "semantic-test-bp" },
            Title = "Raised blood pressure in adults",
            Year = 2024,
            Sections = [new SourceSection { Label = "Summary", Category = "summary", Text = "Offer a thiazide-like diuretic or a calcium-channel blocker when readings stay above target." }],
        },
    ];

    private static SourceRecord Page(string id, string focus, string question, string answer) => new()
    {
        Kind = SourceKind.PatientInformation,
        Ids = new ExternalIds { Medquad = "semantic-test-" + id },
        Title = question,
        QuestionAnswer = new QuestionAnswerInfo { Question = question, Focus = focus },
        Keywords = [focus],
        Sections = [new SourceSection { Label = "Answer", Category = "answer", Text = answer }],
    };

    [Fact]
    public void The_embedding_stage_gives_every_source_a_vector_and_a_second_run_does_nothing()
    {
        Assert.Equal(Records.Length, library.EmbedPending());
        Assert.Equal(Records.Length, library.Vectors.Count);
        Assert.Equal(library.StoreVersion(), library.Vectors.CompletedVersion);
        Assert.Equal(0, library.EmbedPending());
    }

    [Fact]
    public void A_changed_source_is_embedded_again_and_a_deleted_one_loses_its_vector()
    {
        library.EmbedPending();
        var changed = Records[1] with { Sections = [new SourceSection { Label = "Answer", Category = "answer", Text = "Sudden pain and swelling in one joint, most often the big toe." }] };
        library.Writer.Apply("test", [ImportItem.Of(changed)], new ImportReport());
        Assert.Equal(1, library.EmbedPending());

        using (var db = library.Db.Create())
        {
            db.Sources.Remove(db.Sources.Single(s => s.Key == Records[3].Key));
            db.SaveChanges();
        }
        library.EmbedPending();
        Assert.Equal(Records.Length - 1, library.Vectors.Count);
        Assert.DoesNotContain(Records[3].Key, library.Vectors.Keys());
    }

    [Fact]
    public void Vectors_survive_a_restart_and_a_run_cut_short_keeps_what_it_wrote()
    {
        library.EmbedPending();
        library.Dispose();
        var file = Path.Combine(dir.Path, "vectors", "vectors.bin");
        // A run stopped in the middle of writing its last vector.
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length - 100);
        }

        using var reopened = Open();
        Assert.NotNull(reopened.Embedder);
        Assert.Equal(Records.Length - 1, reopened.Vectors.Count);
        Assert.Equal(1, reopened.EmbedPending());
        Assert.Equal(Records.Length, reopened.Vectors.Count);
    }

    [Fact]
    public void Another_model_discards_the_vectors_and_makes_them_again()
    {
        library.EmbedPending();
        var before = library.Vectors.ModelId;
        library.Dispose();

        using var other = Open("minilm");
        Assert.NotEqual(before, other.Embedder!.ModelId);
        Assert.Equal(0, other.Vectors.Count);
        Assert.Equal(Records.Length, other.EmbedPending());
        Assert.Equal(other.Embedder.ModelId, other.Vectors.ModelId);
    }

    [Fact]
    public void With_embeddings_off_the_library_is_searched_by_its_words()
    {
        library.Dispose();
        using var plain = Open(SentenceEncoderEmbedder.NoModel);
        Assert.Null(plain.Embedder);
        Assert.Equal(0, plain.EmbedPending());
        var hits = plain.Search.Search(new EvidenceQuery { Text = "gout toe", Hybrid = true });
        Assert.Equal(Records[1].Key, hits[0].Source.Key);
        Assert.Null(hits[0].MeaningRank);
    }

    [Fact]
    public void An_unknown_model_name_is_refused_with_the_names_that_work()
    {
        var error = Assert.Throws<ArgumentException>(() => SentenceEncoderEmbedder.ForModel("gpt-9"));
        Assert.Contains("gpt-9", error.Message);
        Assert.Contains("arctic-xs", error.Message);
    }

    [Fact]
    public void A_paraphrase_sharing_no_word_with_the_page_is_found_by_meaning()
    {
        library.EmbedPending();
        const string asked = "I keep lying awake until 3am, what can help me drop off";

        Assert.DoesNotContain(library.WordSearch.Search(new EvidenceQuery { Text = asked }), h => h.Source.Key == Records[0].Key);
        var hits = library.Search.Search(new EvidenceQuery { Text = asked, Hybrid = true });
        Assert.Equal(Records[0].Key, hits[0].Source.Key);
        Assert.Equal(1, hits[0].MeaningRank);
        Assert.Null(hits[0].WordRank);
    }

    [Fact]
    public void Fused_scores_add_the_reciprocal_ranks_of_both_lists()
    {
        library.EmbedPending();
        var hits = library.Search.Search(new EvidenceQuery { Text = "swollen big toe joint", Hybrid = true });

        var gout = Assert.Single(hits, h => h.Source.Key == Records[1].Key);
        Assert.Equal(1, gout.WordRank);
        Assert.Equal(1, gout.MeaningRank);
        Assert.Equal(2.0 / (HybridEvidenceSearch.FusionConstant + 1), gout.Score, 6);
        Assert.Same(gout, hits[0]);
        foreach (var hit in hits)
        {
            var expected = (hit.WordRank is int w ? 1.0 / (HybridEvidenceSearch.FusionConstant + w) : 0) + (hit.MeaningRank is int m ? 1.0 / (HybridEvidenceSearch.FusionConstant + m) : 0);
            Assert.Equal(expected, hit.Score, 6);
        }
    }

    [Fact]
    public void A_search_requiring_concepts_is_not_widened_by_meaning()
    {
        library.EmbedPending();
        var hits = library.Search.Search(new EvidenceQuery
        {
            Text = "trouble sleeping",
            RequiredConcepts = [new Concept("gout", ["gout"])],
            Hybrid = true,
        });
        Assert.All(hits, h => Assert.Equal(Records[1].Key, h.Source.Key));
    }

    [Fact]
    public void Nearest_keeps_to_the_kind_asked_for()
    {
        library.EmbedPending();
        var semantic = Assert.IsAssignableFrom<ISemanticSearch>(library.Search);
        var guidelines = semantic.Nearest("medicines for high blood pressure", 3, SourceKind.Guideline);
        Assert.Equal("semantic-test-bp", Assert.Single(guidelines).Source.Ids.Guideline);
        var pages = semantic.Nearest("medicines for high blood pressure", 10, SourceKind.PatientInformation);
        Assert.Equal(4, pages.Count);
        Assert.All(pages, p => Assert.Equal(SourceKind.PatientInformation, p.Source.Kind));
    }

    [Fact]
    public void Eight_bit_vectors_keep_the_cosine_within_a_hundredth()
    {
        library.EmbedPending();
        var model = library.Embedder!;
        var query = model.EmbedQuery("itchy skin in the elbow creases");
        var passages = model.EmbedPassages([.. Records.Select(EmbeddingText.For)]);
        var stored = library.Vectors.Similarity(query, [.. Records.Select(r => r.Key)]);
        for (var i = 0; i < Records.Length; i++)
        {
            var exact = query.Zip(passages[i], (a, b) => (double)a * b).Sum();
            Assert.InRange(stored[Records[i].Key], exact - 0.01, exact + 0.01);
        }
    }

    [Fact]
    public void A_large_store_scanned_in_parts_finds_the_same_nearest_as_one_pass()
    {
        using var vectors = new TempDirectory();
        using var store = new VectorStore(vectors.Path);
        store.Open("test/1", 16);
        var random = new Random(3);
        float[] Unit()
        {
            var v = Enumerable.Range(0, 16).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return [.. v.Select(x => x / norm)];
        }
        var all = Enumerable.Range(0, VectorStore.ParallelScanFrom + 5_000).Select(i => (Key: "k" + i, Vector: Unit())).ToList();
        store.Put([.. all.Select((a, i) => new EmbeddedSource(a.Key, (ulong)i, i % 2 == 0 ? SourceKind.Research : SourceKind.Guideline, 2020, a.Vector))]);
        var query = all[^7].Vector;

        var nearest = store.Nearest(query, 10);
        Assert.Equal(all[^7].Key, nearest[0].Key);
        Assert.InRange(nearest[0].Similarity, 0.98, 1.01);
        Assert.Equal(nearest.OrderByDescending(n => n.Similarity).Select(n => n.Key), nearest.Select(n => n.Key));
        // The same ten as a plain pass over every vector's stored similarity.
        var exact = store.Similarity(query, [.. all.Select(a => a.Key)]).OrderByDescending(kv => kv.Value).Take(10).Select(kv => kv.Value);
        Assert.Equal(exact, nearest.Select(n => n.Similarity));
        Assert.All(store.Nearest(query, 10, SourceKind.Guideline), n => Assert.Equal(1, int.Parse(n.Key[1..], System.Globalization.CultureInfo.InvariantCulture) % 2));
    }

    [Fact]
    public void The_vector_dot_product_matches_plain_arithmetic()
    {
        var random = new Random(7);
        foreach (var length in new[] { 3, 16, 384, 401 })
        {
            var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            var q = Enumerable.Range(0, length).Select(_ => (short)random.Next(-127, 128)).ToArray();
            Assert.Equal(a.Zip(q, (x, y) => x * y).Sum(), VectorStore.Dot(a, q));
        }
    }
}
