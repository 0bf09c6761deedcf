using Galen.Core.Sources;
using Galen.Evidence.Search;
using Galen.Testing;

namespace Galen.Evidence.Tests;

/// <summary>
/// The neighbour graphs that search a large library's vectors without reading them all: built from the vector file,
/// saved and read back, in agreement with the exact scan, and dropped with the vectors they were made from. The
/// threshold is lowered so that a few thousand vectors stand in for a large library.
/// </summary>
public sealed class NeighbourGraphTests : IDisposable
{
    private const int Dimensions = 32;
    private const int Threshold = 1_000;
    private readonly TempDirectory dir = new();
    private readonly Random random = new(17);

    public void Dispose() => dir.Dispose();

    private VectorStore Open(string model = "test/1", int approximateFrom = Threshold)
    {
        var store = new VectorStore(dir.Path) { ApproximateFrom = approximateFrom };
        store.Open(model, Dimensions);
        return store;
    }

    private float[] Unit()
    {
        var v = Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        return Normalised(v);
    }

    private static float[] Normalised(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    /// <summary>A vector a little way from the given one, so that it has one clear nearest neighbour.</summary>
    private float[] Near(float[] v) => Normalised([.. v.Select(x => x + (float)((random.NextDouble() * 2 - 1) * 0.05))]);

    private List<(string Key, float[] Vector)> Fill(VectorStore store, int count, SourceKind kind = SourceKind.Research, string prefix = "r")
    {
        var items = Enumerable.Range(0, count).Select(i => (Key: prefix + i, Vector: Unit())).ToList();
        store.Put([.. items.Select((a, i) => new EmbeddedSource(a.Key, (ulong)i, kind, 2000 + (i % 20), a.Vector))]);
        return items;
    }

    [Fact]
    public void A_kind_with_enough_vectors_gets_a_graph_that_is_saved_and_found_again_after_a_restart()
    {
        using (var store = Open())
        {
            Fill(store, 3_000);
            Fill(store, 200, SourceKind.Guideline, "g");
            Assert.Equal(0, store.CountInGraphs);
            Assert.Equal(3_000, store.UpdateGraphs());
            Assert.Equal(3_000, store.CountInGraphs);
            Assert.True(File.Exists(NeighbourGraph.FileFor(dir.Path, (byte)SourceKind.Research)));
            // Guidelines are too few for a graph: they stay with the exact scan.
            Assert.False(File.Exists(NeighbourGraph.FileFor(dir.Path, (byte)SourceKind.Guideline)));
        }

        using var reopened = Open();
        Assert.Equal(3_000, reopened.CountInGraphs);
        Assert.Equal(0, reopened.UpdateGraphs());
    }

    [Fact]
    public void The_graph_finds_nearly_the_same_nearest_as_the_exact_scan()
    {
        List<(string Key, float[] Vector)> items;
        using (var store = Open())
        {
            items = Fill(store, 5_000);
            store.UpdateGraphs();
        }
        using var graphed = Open();
        using var exact = new VectorStore(dir.Path) { ApproximateFrom = int.MaxValue };
        exact.Open("test/1", Dimensions);
        Assert.Equal(5_000, graphed.CountInGraphs);
        Assert.Equal(0, exact.CountInGraphs);

        var firstAgree = 0;
        var shared = 0;
        const int queries = 100;
        for (var q = 0; q < queries; q++)
        {
            var target = items[random.Next(items.Count)];
            var query = Near(target.Vector);
            var approximate = graphed.Nearest(query, 10);
            var truth = exact.Nearest(query, 10);
            Assert.Equal(10, approximate.Count);
            Assert.Equal(approximate.OrderByDescending(a => a.Similarity).Select(a => a.Similarity), approximate.Select(a => a.Similarity));
            if (approximate[0].Key == truth[0].Key) firstAgree++;
            shared += approximate.Select(a => a.Key).Intersect(truth.Select(t => t.Key)).Count();
        }
        Assert.InRange(firstAgree, 98, queries);
        // Recall at 10 against the exact scan.
        Assert.InRange(shared / (10.0 * queries), 0.9, 1.0);
    }

    [Fact]
    public void Vectors_added_after_the_graph_was_built_are_found_by_the_exact_scan_until_the_next_update()
    {
        using var store = Open();
        Fill(store, 2_000);
        store.UpdateGraphs();
        var late = Unit();
        store.Put([new EmbeddedSource("late", 1, SourceKind.Research, 2024, late)]);

        Assert.Equal(2_000, store.CountInGraphs);
        Assert.Equal("late", store.Nearest(Near(late), 5)[0].Key);
        Assert.Equal(1, store.UpdateGraphs());
        Assert.Equal(2_001, store.CountInGraphs);
        Assert.Equal("late", store.Nearest(Near(late), 5)[0].Key);
    }

    [Fact]
    public void A_changed_or_removed_source_is_not_found_through_its_old_graph_entry()
    {
        using var store = Open();
        var items = Fill(store, 2_000);
        store.UpdateGraphs();
        var (changedKey, oldVector) = items[10];
        var newVector = Unit();
        store.Put([new EmbeddedSource(changedKey, 999_999, SourceKind.Research, 2024, newVector)]);
        store.Remove([items[20].Key]);

        var nearOld = store.Nearest(oldVector, 5);
        Assert.DoesNotContain(items[20].Key, store.Nearest(items[20].Vector, 5).Select(n => n.Key));
        // Found, if at all, by its new vector's closeness, not its old one's.
        var newSimilarity = store.Similarity(oldVector, [changedKey])[changedKey];
        Assert.All(nearOld.Where(n => n.Key == changedKey), n => Assert.Equal(newSimilarity, n.Similarity));
        Assert.Equal(changedKey, store.Nearest(Near(newVector), 3)[0].Key);
    }

    [Fact]
    public void Kind_and_years_are_kept_to_when_a_graph_answers()
    {
        using var store = Open();
        Fill(store, 3_000);
        var guidelines = Fill(store, 100, SourceKind.Guideline, "g");
        store.UpdateGraphs();
        var query = Near(guidelines[5].Vector);

        var onlyGuidelines = store.Nearest(query, 10, SourceKind.Guideline);
        Assert.Equal(10, onlyGuidelines.Count);
        Assert.Equal("g5", onlyGuidelines[0].Key);
        Assert.All(onlyGuidelines, n => Assert.StartsWith("g", n.Key, StringComparison.Ordinal));

        // One year in twenty: the graph's neighbourhood holds too few, so every vector is read.
        var inYear = store.Nearest(Unit(), 10, SourceKind.Research, 2007, 2007);
        Assert.Equal(10, inYear.Count);
        Assert.All(inYear, n => Assert.Equal(7, int.Parse(n.Key[1..], System.Globalization.CultureInfo.InvariantCulture) % 20));
    }

    [Fact]
    public void A_graph_made_by_another_model_is_dropped_with_the_vectors_and_made_again()
    {
        using (var store = Open())
        {
            Fill(store, 1_500);
            store.UpdateGraphs();
        }
        using var other = Open("other/1");
        Assert.Equal(0, other.Count);
        Assert.Equal(0, other.CountInGraphs);
        Assert.False(File.Exists(NeighbourGraph.FileFor(dir.Path, (byte)SourceKind.Research)));
        Fill(other, 1_500);
        Assert.Equal(1_500, other.UpdateGraphs());
        Assert.Equal(1_500, other.CountInGraphs);
    }

    [Fact]
    public void Clearing_the_vectors_removes_the_graphs()
    {
        using var store = Open();
        Fill(store, 1_500);
        store.UpdateGraphs();
        store.Clear();
        Assert.Equal(0, store.CountInGraphs);
        Assert.False(File.Exists(NeighbourGraph.FileFor(dir.Path, (byte)SourceKind.Research)));
        Assert.Empty(store.Nearest(Unit(), 5));
    }

    [Fact]
    public void A_graph_run_that_stops_part_way_keeps_what_it_saved_and_the_next_run_adds_the_rest()
    {
        using var store = Open();
        Fill(store, 1_200);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(cancel, 500);
        Assert.ThrowsAny<OperationCanceledException>(() => store.UpdateGraphs(progress, cancel.Token));
        using var again = Open();
        var saved = again.CountInGraphs;
        Assert.InRange(saved, 500, 1_199);
        Assert.Equal(1_200 - saved, again.UpdateGraphs());
        Assert.Equal(1_200, again.CountInGraphs);
    }

    /// <summary>Cancels a run once it reports having done a given amount.</summary>
    private sealed class CancelAfter(CancellationTokenSource cancel, long after) : IProgressSink
    {
        private long done;
        public void Start(string label, long? total) { }
        public void Advance(long amount)
        {
            done += amount;
            if (done >= after) cancel.Cancel();
        }
        public void Finish() { }
    }
}
