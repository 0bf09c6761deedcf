using Galen.Core.Analysis;

namespace Galen.Core.Tests;

public sealed class UrgencyTests
{
    [Theory]
    [InlineData("I started a new antibiotic this morning and now my throat feels tight and I can't breathe properly")]
    [InlineData("My husband has crushing chest pain and is sweating, what should I do?")]
    [InlineData("My mother's face is drooping and her speech is slurred")]
    [InlineData("I keep having thoughts of suicide since starting this medicine")]
    [InlineData("After the first dose his lips are swelling and he is wheezing")]
    [InlineData("my daughter is choking after taking her new pill")]
    [InlineData("I think I'm having a severe allergic reaction to penicillin")]
    [InlineData("I took too many of my sleeping pills an hour ago")]
    public void Emergencies_are_recognised(string text) => Assert.True(UrgencyDetector.Detect(text).Urgent, text);

    [Theory]
    [InlineData("Can magnesium be used to treat restless legs syndrome?")]
    [InlineData("What are the signs of a stroke?")]
    [InlineData("Does lisinopril cause a cough?")]
    [InlineData("How is chest pain evaluated in the emergency department?")]
    [InlineData("What dose of benztropine is used for acute dystonia?")]
    public void Ordinary_questions_are_not_flagged(string text) => Assert.False(UrgencyDetector.Detect(text).Urgent, text);
}
