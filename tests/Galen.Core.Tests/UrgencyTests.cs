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
    [InlineData("i feel like killing myself")]
    [InlineData("some days I just want to end it all")]
    [InlineData("my baby is 6 weeks old and has a fever of 38.5, what do I do?")]
    [InlineData("Our newborn feels hot, temp is 38.2")]
    [InlineData("my 15 year old is burning up with a high temperature and says his neck is too stiff to move")]
    [InlineData("She can't bend her neck forward and she's feverish and sleepy")]
    [InlineData("what i took for indigestion is now a heaviness moving into my left arm and i feel clammy")]
    [InlineData("dad says it is only heartburn but the burning goes up to his jaw when he walks")]
    [InlineData("gran's mouth dropped on the left over lunch and she is talking oddly")]
    [InlineData("for a few minutes he couldn't get his words out, now he seems fine")]
    [InlineData("grandad's mouth has suddenly gone droopy at the tea table")]
    [InlineData("my aunt woke up and her speech is really slurred")]
    [InlineData("his left hand suddenly went floppy while he was eating")]
    [InlineData("her words were coming out all jumbled for ten minutes")]
    [InlineData("at breakfast mum's smile went crooked and she dropped her spoon")]
    [InlineData("my husband suddenly could not raise his arm above the table")]
    public void Emergencies_are_recognised(string text) => Assert.True(UrgencyDetector.Detect(text).Urgent, text);

    [Theory]
    [InlineData("Can magnesium be used to treat restless legs syndrome?")]
    [InlineData("What are the signs of a stroke?")]
    [InlineData("Does lisinopril cause a cough?")]
    [InlineData("How is chest pain evaluated in the emergency department?")]
    [InlineData("What dose of benztropine is used for acute dystonia?")]
    [InlineData("What is a normal temperature for my 3 week old baby?")]
    [InlineData("My 4 year old has a fever of 38.5, can I give paracetamol?")]
    [InlineData("I slept awkwardly and woke with a stiff neck. What helps?")]
    [InlineData("since the dentist pulled my tooth the ache spreads into my jaw, which painkiller is best?")]
    [InlineData("my heartburn is worse after big meals, which antacid works best?")]
    [InlineData("my blood pressure dropped after the new tablet, should I lower the dose?")]
    public void Ordinary_questions_are_not_flagged(string text) => Assert.False(UrgencyDetector.Detect(text).Urgent, text);

    [Theory]
    [InlineData("my mom's face is drooping on one side and her speech is slurred, what should I do", "stroke")]
    [InlineData("my son ate peanuts and his lips are swelling and he is wheezing", "anaphylaxis")]
    [InlineData("my husband's chest hurts and his left arm is numb what do we do", "chest pain")]
    [InlineData("Nan's face has suddenly drooped and her speech sounds slurred. Can she have a paracetamol?", "stroke")]
    [InlineData("my wife is 66. her hand went floppy and her words came out muddled for a quarter of an hour this evening, now she is normal. ring for help tonight or wait until monday?", "transient ischemic attack")]
    // Signs of a stroke that went away on their own are a transient ischaemic attack, still an emergency.
    [InlineData("Mum's mouth drooped and she was slurring her words at lunch, but it wore off inside twenty minutes. Phone someone?", "transient ischemic attack")]
    [InlineData("Mum's mouth drooped and she is slurring her words. Phone someone?", "stroke")]
    [InlineData("thought it was indigestion but the pressure has spread to my jaw and i'm sweating. antacid or something else?", "chest pain")]
    public void An_emergency_told_in_signs_is_about_the_condition_they_point_to(string text, string condition) =>
        Assert.Equal(condition, QuestionAnalyzer.Analyze(text, []).MainCondition?.Name);
}
