using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Galen.Evidence;
using Galen.Evidence.Store;
using Galen.Testing;
using Microsoft.EntityFrameworkCore;

namespace Galen.Cli.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory data = new();

    private Task<CliResult> Galen(params string[] args) => Cli.RunAsync(["--data", data.Path, "--quiet", .. args]);

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task A_fresh_data_directory_loads_the_starter_library_and_stats_reports_it()
    {
        var result = await Galen("stats", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Stdout)!;
        var total = json["sources"]!["total"]!.GetValue<int>();
        Assert.True(total >= 100);
        Assert.Equal(total, json["sources"]!["byKind"]!.AsObject().Sum(kv => kv.Value!.GetValue<int>()));
        Assert.True(json["sources"]!["byKind"]!["guideline"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Importing_pubmed_prints_counts_and_a_second_run_changes_nothing()
    {
        var file = TestPaths.SharedData("pubmed-xml", "ncbiutils", "pubmed.xml");
        var first = await Galen("import", "pubmed", file);
        var second = await Galen("import", "pubmed", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("5 added", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 added, 0 updated, 5 unchanged", second.Stdout);
    }

    [Fact]
    public async Task A_malformed_import_exits_with_2_and_names_file_and_line()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.xml");
        await File.WriteAllTextAsync(bad, "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID>\n</PubmedArticleSet>\n");
        var before = JsonNode.Parse((await Galen("stats", "--json")).Stdout)!["sources"]!["total"]!.GetValue<int>();

        var result = await Galen("import", "pubmed", bad);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"bad\.xml:\d+:", result.Stderr);
        var after = JsonNode.Parse((await Galen("stats", "--json")).Stdout)!["sources"]!["total"]!.GetValue<int>();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("import", "csv", "x")]
    [InlineData("search", "rls", "--top", "zero")]
    [InlineData("ask", "Does magnesium help cramps?", "--audience", "martian")]
    [InlineData("ask", "Does magnesium help cramps?", "--bogus", "1")]
    public async Task Bad_usage_exits_with_2_and_says_why(params string[] args)
    {
        var result = await Galen(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("galen: ", result.Stderr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!?... ---")]
    public async Task Unusable_questions_exit_with_2(string question)
    {
        var result = await Galen("ask", question);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("question", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("title:(magnesium OR \"restless\")^3 AND legs~2 [1 TO 5] \\")]
    [InlineData("<script>alert('x')</script> does magnesium help restless legs?")]
    [InlineData("¿El magnesio ayuda con el síndrome de piernas inquietas?")]
    [InlineData("Mg2+ ≤75 ng/mL 25–50 mg COVID-19 vitamin B12")]
    public async Task Hostile_questions_and_queries_never_crash(string text)
    {
        var search = await Galen("search", text, "--json");
        Assert.Equal(0, search.ExitCode);
        Assert.NotNull(JsonNode.Parse(search.Stdout)!["evidence"]);

        var ask = await Galen("ask", text, "--format", "json");
        Assert.Equal(0, ask.ExitCode);
        var answer = JsonNode.Parse(ask.Stdout)!;
        Assert.Equal(text, answer["question"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_100_KB_question_gets_an_answer_or_a_clear_error()
    {
        var text = new StringBuilder();
        while (text.Length < 100_000) text.Append("My legs feel restless at night and I wonder whether magnesium would help. ");
        var result = await Galen("ask", text.ToString(), "--format", "json");
        Assert.True(result.ExitCode is 0 or 2, result.Stderr);
        if (result.ExitCode == 2) Assert.Contains("question", result.Stderr, StringComparison.OrdinalIgnoreCase);
        else Assert.NotNull(JsonNode.Parse(result.Stdout)!["bottomLine"]);
    }

    [Fact]
    public async Task Search_batch_answers_every_line_in_order_and_reports_bad_lines()
    {
        using var dir = new TempDirectory();
        var batch = dir.File("queries.jsonl");
        await File.WriteAllLinesAsync(batch, [
            """{"id": "a", "query": "restless legs magnesium"}""",
            """{"id": 2, "query": "acute dystonia benztropine"}""",
            """this is not json""",
            """{"id": "c"}""",
            """{"id": "d", "query": "title:(x OR y)^2"}""",
        ]);

        var result = await Galen("search", "--batch", batch, "--json", "--top", "3");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Equal("a", lines[0]["id"]!.GetValue<string>());
        Assert.Equal(2, lines[1]["id"]!.GetValue<int>());
        Assert.NotEmpty(lines[0]["evidence"]!.AsArray());
        Assert.Contains("queries.jsonl:3", lines[2]["error"]!.GetValue<string>());
        Assert.Contains("query", lines[3]["error"]!.GetValue<string>());
        Assert.NotNull(lines[4]["evidence"]);
        var entry = lines[0]["evidence"]![0]!;
        Assert.NotNull(entry["externalIds"]);
        Assert.True(entry["score"]!.GetValue<double>() > 0);
        Assert.False(string.IsNullOrEmpty(entry["level"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ask_batch_keeps_ids_and_order_and_answers_follow_ups_in_context()
    {
        using var dir = new TempDirectory();
        var batch = dir.File("questions.jsonl");
        await File.WriteAllLinesAsync(batch, [
            """{"id": 1, "question": "Can magnesium be used to treat restless legs syndrome?"}""",
            """{"id": 2, "question": ""}""",
            """{"id": 3, "question": "What dose?", "after": ["How do I treat acute dystonia caused by haloperidol?"]}""",
        ]);

        var result = await Galen("ask", "--batch", batch, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(1, lines[0]["id"]!.GetValue<int>());
        Assert.NotNull(lines[0]["bottomLine"]);
        Assert.NotNull(lines[1]["error"]);
        Assert.Equal(3, lines[2]["id"]!.GetValue<int>());
        Assert.Contains("dystonia", lines[2].ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Index_rebuild_gives_identical_search_results()
    {
        var before = (await Galen("search", "restless legs iron ferritin", "--json", "--top", "10")).Stdout;
        var rebuild = await Galen("index", "rebuild");
        var after = (await Galen("search", "restless legs iron ferritin", "--json", "--top", "10")).Stdout;

        Assert.Equal(0, rebuild.ExitCode);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Kill_9_during_an_import_leaves_the_store_consistent_and_a_rerun_completes_it()
    {
        using var corpus = new TempDirectory();
        const int perFile = 4000;
        for (var f = 0; f < 3; f++) WriteSyntheticPubMed(corpus.File($"part{f}.xml"), 50_000_000 + f * perFile, perFile);
        await Galen("migrate");
        var starter = await CountPubMed();

        using (var process = Cli.Start("--data", data.Path, "import", "pubmed", corpus.Path))
        {
            await Task.Delay(2500);
            if (!process.HasExited) process.Kill(entireProcessTree: true); // SIGKILL: no clean-up runs
            await process.WaitForExitAsync();
        }
        var afterKill = await CountPubMed() - starter;
        Assert.True(afterKill % perFile == 0, $"{afterKill} citations stored: a file was half-written");

        var rerun = await Galen("import", "pubmed", corpus.Path);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(3 * perFile, await CountPubMed() - starter);
        var hit = JsonNode.Parse((await Galen("search", "synthetic citation number 50008123", "--json", "--top", "1")).Stdout)!["evidence"]![0]!;
        Assert.Equal("50008123", hit["externalIds"]!["pmid"]!.GetValue<string>());
    }

    private async Task<int> CountPubMed()
    {
        await Task.Yield();
        using var library = new Library(new GalenStoreOptions { DataDirectory = data.Path });
        using var db = library.Db.Create();
        return db.Sources.Count(s => s.Pmid != null);
    }

    private static void WriteSyntheticPubMed(string path, int firstPmid, int count)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("<?xml version=\"1.0\"?>\n<PubmedArticleSet>");
        for (var i = 0; i < count; i++)
        {
            var pmid = firstPmid + i;
            w.WriteLine($"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article><Journal><Title>Test journal</Title><JournalIssue><PubDate><Year>2001</Year></PubDate></JournalIssue></Journal><ArticleTitle>Synthetic citation number {pmid}</ArticleTitle><Abstract><AbstractText Label=\"RESULTS\">Outcome {pmid} was measured in {i % 97} patients with a long description of results that makes the record realistic in size and content.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>");
        }
        w.WriteLine("</PubmedArticleSet>");
    }
}
