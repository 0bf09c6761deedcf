using System.Text.Json.Nodes;
using Galen.Testing;

namespace Galen.Cli.Tests;

/// <summary>Checks real answers against the schema documented in docs/answer-json.md.</summary>
public sealed class AnswerJsonSchemaTests : IDisposable
{
    private static readonly string[] Levels =
    [
        "guideline", "systematic-review", "randomized-controlled-trial", "controlled-trial", "cohort-study",
        "case-control-study", "cross-sectional-study", "uncontrolled-study", "case-series", "case-report", "narrative-review",
        "expert-opinion", "animal-study", "in-vitro-study", "drug-label", "patient-information", "study",
    ];

    private static readonly string[] Stances = ["supports", "against", "inconclusive", "none", "not-assessed"];
    private static readonly string[] Kinds = ["guideline", "research", "patient-information", "drug-label"];

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Theory]
    [InlineData("Can magnesium be used to treat restless legs syndrome?", "clinician")]
    [InlineData("How do I treat an acute dystonic stiff neck that started after increasing an antipsychotic?", "patient")]
    [InlineData("What amount of magnesium can cause muscle twitching?", "clinician")]
    public async Task Answers_follow_the_documented_schema(string question, string audience)
    {
        var result = await Cli.RunAsync("--data", data.Path, "--quiet", "ask", question, "--audience", audience, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        var a = JsonNode.Parse(result.Stdout)!.AsObject();

        Assert.Equal(question, a["question"]!.GetValue<string>());
        Assert.Equal(audience, a["audience"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(a["kind"]!.GetValue<string>()));
        Assert.True(a["verdict"] is null || a["verdict"]!.GetValue<string>() is "yes" or "no" or "uncertain");
        Assert.IsType<bool>(a["urgent"]!.GetValue<bool>());
        Assert.IsType<bool>(a["abstained"]!.GetValue<bool>());
        Assert.Equal(a["bottomLine"]!.GetValue<string>(), a["bottomLineStatement"]!["text"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(a["disclaimer"]!.GetValue<string>()));

        var references = a["references"]!.AsArray();
        var numbers = references.Select(r => r!["n"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        foreach (var r in references)
        {
            Assert.Contains(r!["kind"]!.GetValue<string>(), Kinds);
            Assert.False(string.IsNullOrWhiteSpace(r["title"]!.GetValue<string>()));
            Assert.NotNull(r["externalIds"]);
        }

        var statements = a["sections"]!.AsArray().SelectMany(s => s!["statements"]!.AsArray()).Append(a["bottomLineStatement"]).ToList();
        Assert.NotEmpty(statements);
        foreach (var s in statements)
        {
            var citations = s!["citations"]!.AsArray().Select(c => c!.GetValue<int>()).ToList();
            Assert.NotEmpty(citations);
            Assert.All(citations, c => Assert.Contains(c, numbers));
            var spans = s["spans"]!.AsArray();
            Assert.NotEmpty(spans);
            foreach (var span in spans)
            {
                Assert.Contains(span!["ref"]!.GetValue<int>(), numbers);
                Assert.False(string.IsNullOrWhiteSpace(span["sourceKey"]!.GetValue<string>()));
                Assert.False(string.IsNullOrWhiteSpace(span["text"]!.GetValue<string>()));
                Assert.True(span["start"]!.GetValue<int>() >= 0);
                Assert.True(span["length"]!.GetValue<int>() > 0);
            }
        }

        foreach (var e in a["evidence"]!.AsArray())
        {
            Assert.Contains(e!["level"]!.GetValue<string>(), Levels);
            Assert.Contains(e["stance"]!.GetValue<string>(), Stances);
            Assert.Contains(e["kind"]!.GetValue<string>(), Kinds);
            Assert.NotNull(e["externalIds"]);
            Assert.True(e["score"]!.GetValue<double>() >= 0);
        }
        Assert.InRange(a["followUps"]!.AsArray().Count, 0, 5);
        if (audience == "patient") Assert.True(a["readingGrade"]!.GetValue<double>() > 0);
    }
}
