using System.Text.RegularExpressions;
using Galen.Core.Analysis;
using Galen.Core.Grading;

namespace Galen.Core.Tests;

public sealed partial class LexiconTests
{
    private static LexiconFile Parse(params string[] lines) => LexiconFile.Parse("sample.txt", lines);

    [Fact]
    public void Lists_become_alternations_with_spaces_as_white_space_and_references_expanded()
    {
        var file = Parse("# what is absent", "[no-effect]", "no {effect}", "without", "", "[effect]", "effects?", "benefit\\w*");
        Assert.Equal(@"\b(?:no\s+(?:effects?|benefit\w*)|without)\b", file.Pattern(@"\b{no-effect}\b"));
        Assert.Equal(["effects?", "benefit\\w*"], file.Words("effect"));
        var cue = file.Regex(@"\b{no-effect}\b", RegexOptions.None);
        Assert.Equal("no  benefits", cue.Match("there were no  benefits").Value);
    }

    [Theory]
    [InlineData(new[] { "[open]", "insufficient (?:evidence|data" }, 2, "does not close")]
    [InlineData(new[] { "# comment", "[open]", "inconclusive|equivocal" }, 3, "one entry a line")]
    [InlineData(new[] { "inconclusive", "[open]" }, 1, "before any [list] header")]
    [InlineData(new[] { "[open]", "inconclusive", "equivocal", "inconclusive" }, 4, "repeats line 2")]
    [InlineData(new[] { "[open]", "inconclusive ", }, 2, "white space")]
    [InlineData(new[] { "[open]", "too few{2,1}" }, 2, "not a valid pattern")]
    [InlineData(new[] { "[open]", "no {missing}" }, 2, "{missing} names no list")]
    [InlineData(new[] { "[Open Cues]", "inconclusive" }, 1, "list header")]
    [InlineData(new[] { "[open]", "inconclusive", "[open]", "equivocal" }, 3, "already started on line 1")]
    [InlineData(new[] { "[open]", "", "[hedge]", "may" }, 1, "has no entries")]
    [InlineData(new[] { "[a]", "x {b}", "[b]", "y {a}" }, 1, "refers back to itself")]
    public void A_malformed_entry_is_reported_with_the_file_and_line(string[] lines, int line, string problem)
    {
        var e = Assert.Throws<LexiconFormatException>(() => Parse(lines));
        Assert.Equal("sample.txt", e.FileName);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"Lexicon/sample.txt line {line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_list_of_the_shipped_files_is_used()
    {
        // Touching each stage loads its file and compiles every pattern that reads it.
        _ = StanceDetector.Classify("Magnesium did not improve sleep.", QuestionFocus.Benefit);
        _ = EvidenceClassifier.SampleSizeIn("120 patients");
        _ = UrgencyDetector.Detect("I can't breathe");
        _ = TextTools.StopWords.Count;
        foreach (var name in new[] { "stance.txt", "design.txt", "urgency.txt", "text.txt" })
        {
            var file = LexiconFile.Load(name);
            Assert.NotEmpty(file.ListNames);
            Assert.Empty(file.Unused());
        }
    }

    [Fact]
    public void No_entry_of_the_shipped_files_is_hidden_by_an_earlier_one()
    {
        // Entries are tried in order: a word that an earlier entry of its list already matches whole ("related" after
        // "relat\w*") can never be the one that matches, so it only makes the list longer.
        // (text.txt holds sets of whole words, not patterns.)
        var hidden = new List<string>();
        foreach (var name in new[] { "stance.txt", "design.txt", "urgency.txt" })
        {
            var file = LexiconFile.Read(name);
            foreach (var list in file.ListNames)
            {
                var entries = file.Words(list);
                for (var j = 0; j < entries.Count; j++)
                {
                    if (!PlainPhrase().IsMatch(entries[j]))
                    {
                        continue;
                    }
                    for (var i = 0; i < j; i++)
                    {
                        var earlier = "^(?:" + file.EntryPattern(entries[i]) + ")$";
                        if (Regex.IsMatch(entries[j], earlier, RegexOptions.IgnoreCase))
                        {
                            hidden.Add($"{name} [{list}] '{entries[j]}' after '{entries[i]}'");
                        }
                    }
                }
            }
        }
        Assert.Empty(hidden);
    }

    [GeneratedRegex(@"^[a-z'-]+(?: [a-z'-]+)*$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainPhrase();
}
