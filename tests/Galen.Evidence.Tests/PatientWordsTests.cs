using Galen.Core;
using Galen.Core.Answers;
using Galen.Core.Sources;
using Galen.Evidence.Import;
using Galen.Evidence.Store;
using Galen.Testing;

namespace Galen.Evidence.Tests;

/// <summary>
/// How a patient's own words reach the right page in a real library: words few sources use, and long names
/// misspelt. Rarity is relative to the library, so the library here holds over a thousand pages.
/// </summary>
public sealed class PatientWordsTests : IDisposable
{
    private readonly TempDirectory dir = new();
    private readonly Library library;
    private readonly AnswerEngine engine;

    public PatientWordsTests()
    {
        library = new Library(new GalenStoreOptions { DataDirectory = dir.Path });
        library.Migrate();
        string[] subjects = ["knee", "elbow", "shoulder", "wrist", "ankle", "hip", "neck", "back", "jaw", "thumb"];
        var pages = Enumerable.Range(0, 1200).Select(i => Page(
            $"filler-{i}", $"Condition {i}", "information",
            $"Condition {i} affects the {subjects[i % subjects.Length]}. The diagnosis is made by a doctor after an examination and, when needed, blood tests."));
        var named = new[]
        {
            Page("syphilis-tests", "Syphilis", "exams and tests",
                "Blood tests screen for the infection; a positive VDRL or RPR test is confirmed with a second, more specific test."),
            Page("diabetes-diagnosis", "Diagnosis of diabetes", "exams and tests",
                "The diagnosis of diabetes is made with blood tests; a positive result is repeated on another day to confirm the diagnosis."),
            Page("cipro-use", "Ciprofloxacin", "usage",
                "Ciprofloxacin is an antibiotic taken by mouth, usually twice a day, for infections of the bladder and other organs."),
        };
        library.Writer.Apply("test", pages.Concat(named).Select(ImportItem.Of), new ImportReport());
        engine = new AnswerEngine(library.Search);
    }

    public void Dispose()
    {
        library.Dispose();
        dir.Dispose();
    }

    private static SourceRecord Page(string id, string focus, string type, string answer) => new()
    {
        Kind = SourceKind.PatientInformation,
        Ids = new ExternalIds { Medquad = "words-" + id },
        Title = $"{focus} ({type})",
        Keywords = [focus],
        QuestionAnswer = new QuestionAnswerInfo { Focus = focus, QuestionType = type, Question = $"{focus}: {type}?" },
        Sections = [new SourceSection { Label = "Answer", Category = "answer", Text = answer }],
    };

    private string FirstCited(Answer answer) =>
        answer.References.Single(r => r.N == answer.BottomLineStatement.Citations[0]).ExternalIds.Medquad!;

    [Fact]
    public void A_word_few_sources_use_leads_a_patient_to_the_page_that_uses_it()
    {
        var answer = engine.Ask(new AskRequest("Test results. My vdrl came back positive, what now? Diagnosis and precaution.", Audience.Patient, []));

        Assert.False(answer.Abstained);
        Assert.Equal("words-syphilis-tests", FirstCited(answer));
        Assert.Contains("VDRL", answer.BottomLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_long_name_the_library_never_uses_finds_the_topic_it_begins_like()
    {
        var answer = engine.Ask(new AskRequest("Does ciprofaxin work well?", Audience.Patient, []));

        Assert.Equal("words-cipro-use", FirstCited(answer));
    }
}
