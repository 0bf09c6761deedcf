using Galen.Core.Search;
using Galen.Core.Sources;
using Galen.Evidence.Import;
using Galen.Evidence.Search;
using Galen.Evidence.Store;
using Galen.Testing;

namespace Galen.Evidence.Tests;

public sealed class SearchTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly Library library;

    public SearchTests()
    {
        library = new Library(new GalenStoreOptions { DataDirectory = dir.Path });
        library.Migrate();
        var records = new[]
        {
            Record("a", SourceKind.Guideline, 2024, "Benztropine 1-2 mg IM or IV relieves acute dystonia within minutes."),
            Record("b", SourceKind.Research, 2019, "Diphenhydramine 25–50 mg was given; ferritin ≤75 ng/mL was the threshold for iron."),
            Record("c", SourceKind.PatientInformation, 2010, "Low Mg2+ and vitamin B12 deficiency were noted after COVID-19 in patients taking co-trimoxazole."),
            Topic("d", "Diarrhea", "Loose stools three or more times a day; trouble holding stool can follow, so wash your hands often."),
            Topic("e", "hereditary neuropathy with liability to pressure palsies", "Nerves in the arms and legs are easily damaged by pressure.", "HNPP"),
            Topic("f", "Trouble swallowing", "Trouble swallowing can come from the throat or the gullet; trouble at meals is common, and hands may shake."),
            Topic("g", "Hand pain", "Trouble using the hands can come from the joints or the nerves."),
            Topic("h", "Ciprofloxacin", "An antibiotic taken by mouth for some infections of the bladder and the gut."),
        };
        library.Writer.Apply("test", records.Select(ImportItem.Of), new ImportReport());
    }

    public void Dispose()
    {
        library.Dispose();
        dir.Dispose();
    }

    private static SourceRecord Record(string id, SourceKind kind, int year, string text) => new()
    {
        Kind = kind,
        Ids = new ExternalIds { Guideline = "search-test-" + id },
        Title = "Record " + id,
        Container = "Galen tests",
        Year = year,
        Sections = [new SourceSection { Label = "Summary", Category = "summary", Text = text }],
    };

    private static SourceRecord Topic(string id, string topic, string text, params string[] synonyms) => new()
    {
        Kind = SourceKind.PatientInformation,
        Ids = new ExternalIds { Medquad = "search-test-" + id },
        Title = "What is (are) " + topic + " ?",
        Keywords = [topic, .. synonyms],
        Sections = [new SourceSection { Label = "Answer", Category = "answer", Text = text }],
    };

    private List<string> Tokens(string text) => library.WordSearch.Analyze(text).Select(t => t.Term).ToList();

    private List<string> Find(string text, SourceKind? kind = null, int? from = null) =>
        library.Search.Search(new EvidenceQuery { Text = text, Kind = kind, FromYear = from }).Select(h => h.Source.Ids.Guideline ?? h.Source.Ids.Medquad!).ToList();

    [Fact]
    public void Sources_with_equal_scores_are_found_in_the_order_of_their_keys_whatever_order_they_were_imported_in()
    {
        // Eight sources worded alike score alike; Lucene alone would order them by the order they were added in.
        var alike = Enumerable.Range(0, 8).Select(i => Record($"tie-{(char)('a' + i)}", SourceKind.Guideline, 2020,
            "Cold compresses ease a sprained ankle in the first two days.")).ToList();
        List<string> FoundInLibraryImporting(IEnumerable<SourceRecord> order)
        {
            using var folder = new TempDirectory();
            using var other = new Library(new GalenStoreOptions { DataDirectory = folder.Path });
            other.Migrate();
            foreach (var record in order)
            {
                other.Writer.Apply("test", [ImportItem.Of(record)], new ImportReport());
            }
            return [.. other.WordSearch.Search(new EvidenceQuery { Text = "sprained ankle compresses", Top = 3 }).Select(h => h.Source.Ids.Guideline!)];
        }

        var forwards = FoundInLibraryImporting(alike);
        var backwards = FoundInLibraryImporting(Enumerable.Reverse(alike));

        Assert.Equal(["search-test-tie-a", "search-test-tie-b", "search-test-tie-c"], forwards);
        Assert.Equal(forwards, backwards);
    }

    [Theory]
    [InlineData("benztropine 1-2 mg IM", "1-2mg")]
    [InlineData("25–50 mg", "25-50mg")]
    [InlineData("ferritin ≤75", "≤75")]
    [InlineData("ferritin <= 75", "≤75")]
    [InlineData("low Mg2+", "mg2+")]
    [InlineData("vitamin B12", "b12")]
    [InlineData("after COVID-19", "covid-19")]
    [InlineData("co-trimoxazole", "co-trimoxazole")]
    public void The_analyzer_keeps_medical_tokens_whole(string text, string token) => Assert.Contains(token, Tokens(text));

    [Theory]
    [InlineData("1-2 mg", "a")]
    [InlineData("25-50 mg", "b")]
    [InlineData("≤75", "b")]
    [InlineData("Mg2+", "c")]
    [InlineData("COVID-19", "c")]
    [InlineData("trimoxazole", "c")]
    public void Medical_tokens_are_found_as_typed(string query, string expected) =>
        Assert.Equal("search-test-" + expected, Find(query).First());

    [Theory]
    [InlineData("title:(dystonia OR \"iron\")^3 AND")]
    [InlineData("benztropine~2 [1 TO 5] {a TO b} \\ / + - && || ! ( ) \" ~ * ? :")]
    [InlineData("*")]
    [InlineData("")]
    public void Query_syntax_in_text_is_searched_as_words_and_never_throws(string query)
    {
        var hits = Find(query);
        if (query.Contains("dystonia")) Assert.Contains("search-test-a", hits);
    }

    [Fact]
    public void Kind_and_year_filters_restrict_hits()
    {
        Assert.Equal(["search-test-a"], Find("mg", SourceKind.Guideline));
        Assert.DoesNotContain("search-test-c", Find("mg2+ b12 mg", from: 2015));
    }

    [Fact]
    public void Required_concepts_keep_only_sources_bearing_on_all_of_them()
    {
        var hits = library.Search.Search(new EvidenceQuery
        {
            Text = "treatment",
            RequiredConcepts = [new Concept("dystonia", ["acute dystonia"]), new Concept("benztropine", ["benztropine", "Cogentin"])],
        });
        Assert.Equal("search-test-a", Assert.Single(hits).Source.Ids.Guideline);
    }

    [Theory]
    [InlineData("chronic diahrrea after antibiotics", "d")]
    [InlineData("what is heredetary neuropaty", "e")]
    [InlineData("does ciprofaxin work well for my bladder", "h")]
    public void A_misspelt_name_that_no_source_contains_is_found_by_near_spelling(string query, string expected) =>
        Assert.Equal("search-test-" + expected, Find(query).First());

    [Fact]
    public void A_name_added_to_the_library_is_found_by_near_spelling_after_the_same_slip_was_searched_without_it()
    {
        Assert.DoesNotContain("search-test-i", Find("is gabapentn safe with alcohol"));
        Assert.DoesNotContain("search-test-i", Find("is gabapentn safe with alcohol"));
        library.Writer.Apply("test", [ImportItem.Of(Topic("i", "Gabapentin", "A medicine for nerve pain and some kinds of seizures."))], new ImportReport());
        Assert.Equal("search-test-i", Find("is gabapentn safe with alcohol").First());
    }

    [Fact]
    public void A_source_found_again_after_it_changed_is_read_as_it_now_is()
    {
        Assert.Contains("bladder", Text("ciprofloxacin"));
        library.Writer.Apply("test", [ImportItem.Of(Topic("h", "Ciprofloxacin", "An antibiotic taken by mouth for some infections of the kidney."))], new ImportReport());
        Assert.DoesNotContain("bladder", Text("ciprofloxacin"));
        Assert.Contains("kidney", Text("ciprofloxacin"));
    }

    private string Text(string query) =>
        library.Search.Search(new EvidenceQuery { Text = query, Top = 1 }).Select(h => h.Source.FullText).FirstOrDefault() ?? "";

    [Fact]
    public void Each_word_is_counted_by_the_sources_that_use_it()
    {
        var found = library.Search.SourceCounts(["ciprofaxin", "ciprofloxacin", "antibiotic", "trouble", "zzyzzx", "hnpp", "12345", "mg"]);
        Assert.Equal(8, found.Library);
        var counts = found.Counts;
        Assert.Equal(0, counts["ciprofaxin"]);
        Assert.Equal(0, counts["zzyzzx"]);
        Assert.Equal(1, counts["ciprofloxacin"]);
        Assert.Equal(1, counts["hnpp"]);
        Assert.Equal(3, counts["trouble"]);
        Assert.False(counts.ContainsKey("12345"));
        Assert.False(counts.ContainsKey("mg"));
    }

    [Fact]
    public void A_topic_search_ranks_a_rare_topic_name_above_topics_named_by_common_story_words()
    {
        var hits = library.Search.Search(new EvidenceQuery
        {
            Text = "I have trouble with my hands and my son is being tested for hnpp",
            Scope = SearchScope.Topics,
            Kind = SourceKind.PatientInformation,
        });
        Assert.Equal("search-test-e", hits[0].Source.Ids.Medquad);
        Assert.DoesNotContain(hits, h => h.Source.Ids.Medquad == "search-test-d");
    }
}
