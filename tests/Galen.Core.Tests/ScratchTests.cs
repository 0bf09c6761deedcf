namespace Galen.Core.Tests;

public sealed class ScratchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData("From this study we conclude that there is no increase in testicular atrophy in patients less than 13 months.", QuestionFocus.Association)]
    [InlineData("Continence function remained undisturbed after anastomotic leakage due to rectal resection", QuestionFocus.Association)]
    [InlineData("Patients with severe pain immediately after vertebroplasty have similar long-term outcomes compared with patients without severe pain.", QuestionFocus.Accuracy)]
    [InlineData("LA for adrenal masses larger than 7 cm is a safe and feasible technique, offering successful outcome in terms of intraoperative and postoperative morbidity, hospital stay and cosmesis.", QuestionFocus.Benefit)]
    [InlineData("Both hsCRP levels and the carotid IMT were strongly correlated with conventional cardiovascular risk factors, but there was no independent association between hsCRP levels and carotid IMT in healthy Korean adults.", QuestionFocus.Association)]
    public void Scratch(string s, QuestionFocus f)
    {
        var trace = new List<string>();
        var r = Grading.StanceDetector.Classify(s, f, trace);
        output.WriteLine($"{r} :: {string.Join(" | ", trace)}");
    }
}
