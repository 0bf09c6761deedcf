using Galen.Core;
using Galen.Core.Grading;
using Galen.Core.Search;
using Galen.Core.Sources;
using Galen.Evidence.Import;
using Galen.Evidence.Search;
using Galen.Evidence.Tests.Infrastructure;

namespace Galen.Evidence.Tests;

/// <summary>
/// The vectors of the sources' sentences, made in the embedding stage so that comparing the bottom line's candidate
/// sentences with a question costs dot products: the real model, a real SQLite library, the real vector files.
/// </summary>
public sealed class SentenceVectorTests : IDisposable
{
    private readonly TestLibrary test = new(Provider.Sqlite);

    public SentenceVectorTests() => test.Library.Writer.Apply("test", Records.Select(ImportItem.Of), new ImportReport());

    public void Dispose() => test.Dispose();

    private string SentenceFile => Path.Combine(test.DataDirectory, "vectors", "sentences", "vectors.bin");

    private const string Shared = "Iron tablets are advised when ferritin is below 75 micrograms per litre.";

    private static readonly SourceRecord[] Records =
    [
        new()
        {
            Kind = SourceKind.Guideline,
            Ids = new ExternalIds { Guideline = "sentence-test-rls" },
            Title = "Restless legs syndrome",
            Year = 2024,
            Sections =
            [
                new SourceSection { Label = "Summary", Category = "summary", Text = "Treat the causes first. " + Shared },
                new SourceSection { Label = "Recommendation", Category = "recommendation", Text = "Offer a dopamine agonist only for daily symptoms. Review the dose every year for augmentation." },
            ],
        },
        new()
        {
            Kind = SourceKind.PatientInformation,
            Ids = new ExternalIds { Medquad = "sentence-test-rls-page" },
            Title = "What are the treatments for restless legs syndrome ?",
            QuestionAnswer = new QuestionAnswerInfo { Question = "What are the treatments for restless legs syndrome ?", Focus = "Restless legs syndrome" },
            Keywords = ["Restless legs syndrome"],
            Sections = [new SourceSection { Label = "Answer", Category = "answer", Text = "Walking and stretching ease the urge to move. " + Shared }],
        },
    ];

    /// <summary>Every distinct sentence of the records, as the grader reads them.</summary>
    private static List<string> Sentences => [.. Records.SelectMany(SourceSentences.Of).Distinct(StringComparer.Ordinal)];

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void The_sentences_are_those_the_grader_reads()
    {
        var question = QuestionAnalyzer.Analyze("Does iron help restless legs syndrome?", []);
        foreach (var record in Records)
        {
            var graded = EvidenceGrader.Grade(record, 1, 1, question);
            Assert.Equal(graded.Sentences.Select(x => x.Text), SourceSentences.Of(record));
        }
    }

    [Fact]
    public void The_embedding_stage_gives_each_distinct_sentence_one_vector()
    {
        Assert.Equal(Records.Length, test.Library.EmbedPending());
        // Six sentences in the two records, one of them in both.
        Assert.Equal(5, Sentences.Count);
        Assert.Equal(Sentences.Count, test.Library.SentenceVectors.Count);
        Assert.All(Sentences, s => Assert.True(test.Library.SentenceVectors.IsCurrent(SourceSentences.Key(s), 0)));
        Assert.Equal(test.Library.StoreVersion(), test.Library.SentenceVectors.CompletedVersion);
        Assert.Equal(0, test.Library.EmbedPending());
        Assert.Equal(Sentences.Count, test.Library.SentenceVectors.Count);
    }

    [Fact]
    public void Stored_sentences_are_read_after_a_restart_and_other_passages_encoded_in_order()
    {
        test.Library.EmbedPending();
        var reopened = test.Reopen();
        var search = (ISemanticSearch)reopened.Search;
        Assert.NotNull(reopened.Embedder);
        Assert.Equal(Sentences.Count, reopened.SentenceVectors.Count);
        const string question = "Can iron tablets help my restless legs?";
        const string elsewhere = "Magnesium did not ease restless legs in a small trial, and it gave some people diarrhoea when taken for weeks.";
        string[] passages = [Sentences[3], elsewhere, Sentences[0], "A short one.", Shared];
        var served = search.SimilarityToPassages(question, passages);

        var model = reopened.SentenceEmbedder!;
        var query = model.EmbedQuery(question);
        var fresh = model.EmbedPassages(passages);
        var stored = reopened.SentenceVectors.Similarity(query, [.. passages.Select(SourceSentences.Key)]);
        Assert.Equal(passages.Length, served.Count);
        for (var i = 0; i < passages.Length; i++)
        {
            // A sentence of the library is read from its 8-bit vector; any other passage is encoded, in floats.
            var exact = Math.Round(Cosine(query, fresh[i]), 4);
            if (i is 1 or 3)
            {
                Assert.InRange(served[i], exact - 0.0002, exact + 0.0002);
            }
            else
            {
                Assert.Equal(stored[SourceSentences.Key(passages[i])], served[i]);
                Assert.InRange(served[i], exact - 0.01, exact + 0.01);
            }
        }
    }

    [Fact]
    public void Sources_and_sentences_are_embedded_each_by_its_own_model_and_sentences_are_compared_with_the_sentence_model()
    {
        test.Library.EmbedPending();
        var library = test.Library;
        Assert.Equal("arctic-xs", library.Embedder!.ModelId.Split('/')[0]);
        Assert.Equal("minilm", library.SentenceEmbedder!.ModelId.Split('/')[0]);
        Assert.Equal(library.Embedder.ModelId, library.Vectors.ModelId);
        Assert.Equal(library.SentenceEmbedder.ModelId, library.SentenceVectors.ModelId);

        // The question is encoded by the sentence model: its cosines to the stored sentences are what the bottom line reads.
        const string question = "Should I take iron for restless legs?";
        var served = ((ISemanticSearch)library.Search).StoredSimilarityToPassages(question, [Shared]);
        var bySentenceModel = library.SentenceVectors.Similarity(library.SentenceEmbedder.EmbedQuery(question), [SourceSentences.Key(Shared)]);
        var bySourceModel = Cosine(library.Embedder.EmbedQuery(question), library.Embedder.EmbedPassages([Shared])[0]);
        Assert.Equal(bySentenceModel[SourceSentences.Key(Shared)], served[0]);
        Assert.NotEqual(Math.Round(bySourceModel, 2), Math.Round(served[0], 2));
    }

    [Fact]
    public void Another_model_discards_the_sentence_vectors_and_makes_them_again()
    {
        test.Library.EmbedPending();
        var before = test.Library.SentenceVectors.ModelId;

        var other = test.Reopen(() => test.Options.SentenceModel = "arctic-xs");
        Assert.NotEqual(before, other.SentenceEmbedder!.ModelId);
        Assert.Equal(0, other.SentenceVectors.Count);
        other.EmbedPending();
        Assert.Equal(other.SentenceEmbedder.ModelId, other.SentenceVectors.ModelId);
        Assert.Equal(Sentences.Count, other.SentenceVectors.Count);
    }

    [Fact]
    public void A_rebuild_makes_the_sentence_vectors_again()
    {
        test.Library.EmbedPending();
        var written = File.GetLastWriteTimeUtc(SentenceFile);
        Thread.Sleep(20);

        Assert.Equal(Records.Length, test.Library.RebuildVectors());
        Assert.Equal(Sentences.Count, test.Library.SentenceVectors.Count);
        Assert.Equal(test.Library.StoreVersion(), test.Library.SentenceVectors.CompletedVersion);
        Assert.True(File.GetLastWriteTimeUtc(SentenceFile) > written);
    }

    [Fact]
    public void A_library_embedded_before_sentences_were_gets_them_once()
    {
        test.Library.EmbedPending();
        // As a release before sentence vectors left it: source vectors complete, no sentence file.
        var reopened = test.Reopen(() => File.Delete(SentenceFile));
        Assert.Equal(0, reopened.EmbedPending());
        Assert.Equal(Records.Length, reopened.Vectors.Count);
        Assert.Equal(Sentences.Count, reopened.SentenceVectors.Count);
        Assert.Equal(reopened.StoreVersion(), reopened.SentenceVectors.CompletedVersion);
    }

    [Fact]
    public void A_cut_short_sentence_file_keeps_what_it_wrote_and_resumes()
    {
        test.Library.EmbedPending();
        var reopened = test.Reopen(() =>
        {
            // A run stopped in the middle of writing: the completion record and the last vector's tail are missing.
            using var stream = new FileStream(SentenceFile, FileMode.Open, FileAccess.Write);
            stream.SetLength(stream.Length - 100);
        });
        Assert.NotNull(reopened.Embedder);
        Assert.Equal(Sentences.Count - 1, reopened.SentenceVectors.Count);
        reopened.EmbedPending();
        Assert.Equal(Sentences.Count, reopened.SentenceVectors.Count);
    }

    [Fact]
    public void Texts_are_grouped_by_length_so_that_padding_wastes_little()
    {
        string[] texts = ["a long sentence of many words that goes on and on for a while", "short", "tiny", "a medium sentence here", "a medium sentence too"];
        var groups = SourceSentences.ByLength(texts, 8).ToList();
        Assert.Equal(Enumerable.Range(0, texts.Length), groups.SelectMany(g => g).Order());
        foreach (var g in groups)
        {
            Assert.True(g.Length * g.Max(i => texts[i].Length) <= 1.25 * g.Sum(i => texts[i].Length));
        }
        Assert.All(SourceSentences.ByLength([.. Enumerable.Repeat("same length", 20)], 8), g => Assert.True(g.Length <= 8));
    }
}
