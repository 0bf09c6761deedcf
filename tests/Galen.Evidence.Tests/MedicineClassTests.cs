using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Evidence.Tests;

/// <summary>
/// What a source says of a class of medicine holds for its members: a question about one medicine, where the library
/// speaks of the condition and the medicine's class in one sentence, is answered rather than abstained on.
/// </summary>
public sealed class MedicineClassTests(StarterLibraryFixture fixture) : IClassFixture<StarterLibraryFixture>
{
    [Fact]
    public void A_sentence_on_the_medicines_class_and_the_condition_answers_a_question_on_the_medicine()
    {
        var answer = fixture.Engine.Ask(new AskRequest("Would naproxen ease my lumbar back pain?", Audience.Clinician, []));

        Assert.False(answer.Abstained, answer.BottomLine);
    }
}
