using Galen.Core.Search;
using Galen.Core.Sources;
using Galen.Evidence.Import;
using Galen.Evidence.Search;
using Galen.Evidence.Tests.Infrastructure;
using Galen.Testing;
using Microsoft.EntityFrameworkCore;

namespace Galen.Evidence.Tests;

/// <summary>The same store behaviour, proved on SQLite and on PostgreSQL.</summary>
public abstract class StoreTests(Provider provider)
{
    private static string PubMed(params string[] parts) => TestPaths.SharedData(["pubmed-xml", .. parts]);

    [Fact]
    public void Importing_pubmed_files_stores_each_citation_with_its_fields()
    {
        using var t = new TestLibrary(provider);
        var report = new ImportReport();
        t.Library.ImportPubMed([PubMed("ncbiutils", "pubmed.xml")], report);

        Assert.Empty(report.Errors);
        Assert.Equal(5, report.Added);
        using var db = t.Library.Db.Create();
        var rows = db.Sources.AsNoTracking().ToList();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("research", r.Kind));
        var medlineDate = rows.Select(r => SourceJson.Deserialize(r.Payload)).Single(r => r.PublishedText == "1978 Jul-Sep");
        Assert.Equal(1978, medlineDate.Year);
    }

    [Fact]
    public void Reimporting_the_same_file_changes_nothing()
    {
        using var t = new TestLibrary(provider);
        t.Library.ImportPubMed([PubMed("ncbiutils", "pubmed.xml")], new ImportReport());
        var version = t.Library.StoreVersion();
        var hashes = Snapshot(t);

        var again = new ImportReport();
        t.Library.ImportPubMed([PubMed("ncbiutils", "pubmed.xml")], again);

        Assert.Equal(0, again.Added + again.Updated);
        Assert.Equal(5, again.Unchanged);
        Assert.Equal(version, t.Library.StoreVersion());
        Assert.Equal(hashes, Snapshot(t));
    }

    [Fact]
    public void A_changed_record_replaces_the_old_one()
    {
        using var t = new TestLibrary(provider);
        using var dir = new TempDirectory();
        var original = File.ReadAllText(PubMed("biopython", "pubmed1.xml"));
        var file = dir.File("one.xml");
        File.WriteAllText(file, original);
        t.Library.ImportPubMed([file], new ImportReport());

        File.WriteAllText(file, original.Replace("The treatment of AIDS behind the walls of correctional facilities.", "A corrected title for the same citation."));
        var report = new ImportReport();
        t.Library.ImportPubMed([file], report);

        Assert.Equal(1, report.Updated);
        using var db = t.Library.Db.Create();
        var row = db.Sources.AsNoTracking().Single(s => s.Pmid == "12091962");
        Assert.Equal("A corrected title for the same citation.", row.Title);
        Assert.Equal(2, db.Sources.Count());
        var hits = t.Library.Search.Search(new EvidenceQuery { Text = "corrected title" });
        Assert.Equal("pmid:12091962", hits[0].Source.Key);
        Assert.DoesNotContain(t.Library.Search.Search(new EvidenceQuery { Text = "walls" }), h => h.Source.Key == "pmid:12091962");
    }

    [Fact]
    public void A_malformed_file_is_rejected_with_its_name_and_line_and_nothing_from_it_is_stored()
    {
        using var t = new TestLibrary(provider);
        t.Library.ImportPubMed([PubMed("biopython", "pubmed2.xml")], new ImportReport());
        var before = Snapshot(t);

        var report = new ImportReport();
        var bad = TestPaths.Fixture("truncated-pubmed.xml");
        t.Library.ImportPubMed([bad, PubMed("biopython", "pubmed5.xml")], report);

        var error = Assert.Single(report.Errors);
        Assert.Contains("truncated-pubmed.xml:", error.Message);
        Assert.NotNull(error.Line);
        Assert.Equal(1, report.Added); // the good file after the bad one is still imported
        using var db = t.Library.Db.Create();
        Assert.False(db.Sources.Any(s => s.Pmid == "90000001"));
        var after = Snapshot(t);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
        Assert.Empty(t.Library.Search.Search(new EvidenceQuery { Text = "well-formed first article written for the import tests" }));
    }

    [Fact]
    public void Empty_and_foreign_files_are_rejected_clearly()
    {
        using var t = new TestLibrary(provider);
        var report = new ImportReport();
        t.Library.ImportPubMed([TestPaths.Fixture("empty.xml"), TestPaths.Fixture("wrong-root.xml"), "/no/such/file.xml"], report);

        Assert.Equal(3, report.Errors.Count);
        Assert.Contains(report.Errors, e => e.Message.Contains("empty.xml") && e.Message.Contains("empty"));
        Assert.Contains(report.Errors, e => e.Message.Contains("wrong-root.xml:2") && e.Message.Contains("Catalogue"));
        Assert.Contains(report.Errors, e => e.Message.Contains("/no/such/file.xml"));
        Assert.Equal(0, t.Library.CountSources());
    }

    [Fact]
    public void DeleteCitation_removes_those_citations_from_store_and_index()
    {
        using var t = new TestLibrary(provider);
        using var dir = new TempDirectory();
        // A citation that the update file withdraws, imported first from an earlier "baseline".
        var baseline = File.ReadAllText(PubMed("biopython", "pubmed1.xml")).Replace("<PMID Version=\"1\">12091962</PMID>", "<PMID Version=\"1\">33952505</PMID>");
        File.WriteAllText(dir.File("baseline.xml"), baseline);
        t.Library.ImportPubMed([dir.File("baseline.xml")], new ImportReport());
        using (var db = t.Library.Db.Create()) Assert.True(db.Sources.Any(s => s.Pmid == "33952505"));

        var report = new ImportReport();
        t.Library.ImportPubMed([PubMed("ncbiutils", "pubmed22n1115.xml")], report);

        Assert.Equal(1, report.Deleted);
        using var after = t.Library.Db.Create();
        Assert.False(after.Sources.Any(s => s.Pmid == "33952505"));
        Assert.Equal(3, after.Sources.Count(s => s.Pmid != "9997"));
        Assert.DoesNotContain(t.Library.Search.Search(new EvidenceQuery { Text = "treatment of AIDS correctional facilities" }), h => h.Source.Ids.Pmid == "33952505");
    }

    [Fact]
    public void Book_articles_and_articles_without_title_or_abstract_are_imported()
    {
        using var t = new TestLibrary(provider);
        var report = new ImportReport();
        t.Library.ImportPubMed([PubMed("jabref-edited", "MedlineImporterTestBookArticleSet.xml"), PubMed("jabref-edited", "MedlineImporterTestPubmedBook.xml"), PubMed("ncbiutils", "no_title_abstract.xml")], report);

        Assert.Empty(report.Errors);
        // The book set holds two versions of one PMID: the later one is kept.
        Assert.Equal(2, report.Added);
        Assert.Equal(1, report.Updated); // the same book again, from the second file
        using var db = t.Library.Db.Create();
        var book = SourceJson.Deserialize(db.Sources.Single(s => s.Pmid == "21413195").Payload);
        Assert.StartsWith("Rheumatoid Arthritis", book.Title);
        Assert.Equal("Royal College of Physicians (UK)", book.Container);
        var noTitle = SourceJson.Deserialize(db.Sources.Single(s => s.Pmid == "33279447").Payload);
        Assert.Equal("Pere Barceló.", noTitle.Title);
        Assert.Empty(noTitle.Sections);
    }

    [Fact]
    public void Rebuilding_the_index_gives_identical_results()
    {
        using var t = new TestLibrary(provider);
        t.Library.ImportPubMed([PubMed("ncbiutils"), PubMed("biopython")], new ImportReport());
        string[] queries = ["magnetic resonance heme", "AIDS treatment", "cancer", "children"];
        var before = queries.Select(q => Keys(t.Library, q)).ToList();

        var library = t.Reopen(() => Directory.Delete(t.Options.IndexDirectory, recursive: true));
        Assert.True(library.EnsureIndexFresh());

        Assert.Equal(before, queries.Select(q => Keys(library, q)).ToList());
    }

    [Fact]
    public void After_each_import_the_index_is_left_in_a_few_segments_and_still_current()
    {
        using var t = new TestLibrary(provider);
        var report = new ImportReport();
        t.Library.ImportPubMed([PubMed("ncbiutils")], report);
        t.Library.ImportPubMed([PubMed("biopython")], report);
        t.Library.ImportMedQuad(TestPaths.SharedData("medquad", "9_CDC_QA"), report);
        t.Library.ImportMedQuad(TestPaths.SharedData("medquad", "6_NINDS_QA"), report);
        t.Library.ImportMedQuad(TestPaths.SharedData("medquad", "5_NIDDK_QA"), report);
        t.Library.ImportMedQuad(TestPaths.SharedData("medquad", "7_SeniorHealth_QA"), report);
        t.Library.ImportMedQuad(TestPaths.SharedData("medquad", "8_NHLBI_QA_XML"), report);

        Assert.Empty(report.Errors);
        Assert.InRange(t.Library.Index.SegmentCount(), 1, EvidenceIndex.CompactSegments);
        // Compacting kept the library version the index reflects: nothing to rebuild, everything still found.
        Assert.False(t.Library.EnsureIndexFresh());
        using var db = t.Library.Db.Create();
        Assert.Equal(db.Sources.Count(), t.Library.Index.DocumentCount());
        Assert.Contains(Keys(t.Library, "AIDS treatment"), k => k.StartsWith("pmid:", StringComparison.Ordinal));
    }

    [Fact]
    public void Medquad_import_keeps_ids_metadata_and_counts_empty_answers()
    {
        using var t = new TestLibrary(provider);
        var report = new ImportReport();
        t.Library.ImportMedQuad(TestPaths.SharedData("medquad", "9_CDC_QA"), report);
        t.Library.ImportMedQuad(TestPaths.SharedData("medquad", "12_MPlusHerbsSupplements_QA"), report);
        t.Library.ImportMedQuad(TestPaths.SharedData("medquad", "6_NINDS_QA"), report); // includes the older <doc> layout

        Assert.Empty(report.Errors);
        Assert.True(report.Added > 100);
        Assert.True(report.SkippedReasons["QA pairs without answer"] > 0); // the herbs answers are published empty
        using var db = t.Library.Db.Create();
        Assert.Equal(report.Added, db.Sources.Count());
        var row = db.Sources.AsNoTracking().First(s => s.MedquadId!.StartsWith("CDC_"));
        var record = SourceJson.Deserialize(row.Payload);
        Assert.Equal(SourceKind.PatientInformation, record.Kind);
        Assert.Matches(@"^CDC_\d+_Sec\d+$", record.Ids.Medquad);
        Assert.NotNull(record.QuestionAnswer?.QuestionType);
        Assert.NotNull(record.Ids.Url);
    }

    [Fact]
    public void A_broken_medquad_file_is_rejected_alone()
    {
        using var t = new TestLibrary(provider);
        using var folder = new TempDirectory();
        // Written here, in MedQuAD's layout, with made-up content.
        static string Xml(string text) => text.Replace("<DOC ", "<Document ").Replace("</DOC>", "</Document>");
        File.WriteAllText(folder.File("good.xml"), Xml("""
<?xml version="1.0" encoding="UTF-8"?>
<DOC id="9000001" source="GARD" url="https://example.org/galen-test">
<Focus>Galen test condition</Focus>
<FocusAnnotations><Synonyms><Synonym>Galen test syndrome</Synonym></Synonyms></FocusAnnotations>
<QAPairs>
  <QAPair pid="1"><Question qid="9000001-1" qtype="information">What is (are) Galen test condition ?</Question><Answer>A made-up condition used only by the import tests.</Answer></QAPair>
  <QAPair pid="2"><Question qid="9000001-2" qtype="treatment">What are the treatments for Galen test condition ?</Question><Answer></Answer></QAPair>
</QAPairs>
</DOC>
"""));
        File.WriteAllText(folder.File("broken.xml"), Xml("""
<?xml version="1.0" encoding="UTF-8"?>
<DOC id="9000002" source="GARD">
<QAPairs>
  <QAPair pid="1"><Question>Unclosed question<Answer>text</Answer></QAPair>
</QAPairs>
</DOC>
"""));
        var report = new ImportReport();
        t.Library.ImportMedQuad(folder.Path, report);

        var error = Assert.Single(report.Errors);
        Assert.Contains("broken.xml:4", error.Message);
        Assert.Equal(1, report.Added);
        Assert.Equal(1, report.SkippedReasons["QA pairs without answer"]);
        var hit = Assert.Single(t.Library.Search.Search(new Galen.Core.Search.EvidenceQuery { Text = "Galen test syndrome" }));
        Assert.Equal("GARD_9000001_Sec1", hit.Source.Ids.Medquad);
        // The document's focus and synonyms are learned as names for the same thing, and survive a restart.
        var search = t.Reopen().WordSearch;
        Assert.Equal(["Galen test condition"], search.LearnedSynonyms[" galen test syndrome "]);
    }

    [Fact]
    public void Store_migrations_apply_on_an_empty_database_and_are_idempotent()
    {
        using var t = new TestLibrary(provider);
        Assert.Empty(t.Library.Migrate());
        using var db = t.Library.Db.Create();
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    private static Dictionary<string, string> Snapshot(TestLibrary t)
    {
        using var db = t.Library.Db.Create();
        return db.Sources.AsNoTracking().ToDictionary(s => s.Key, s => s.ContentHash);
    }

    private static List<string> Keys(Library library, string q) =>
        library.Search.Search(new EvidenceQuery { Text = q, Top = 10 }).Select(h => $"{h.Source.Key}@{h.Score:F3}").ToList();
}

public sealed class SqliteStoreTests() : StoreTests(Provider.Sqlite);

[Trait("Category", "PostgreSQL")]
public sealed class PostgresStoreTests() : StoreTests(Provider.Postgres);
