using Galen.Core.Composition;

namespace Galen.Core.Tests;

public sealed class AskerGroupTests
{
    [Theory]
    [InlineData("I'm a 52 year old man with a burning feeling when I pass water", AskerSex.Male, false)]
    [InlineData("I am a woman of 30 with cystitis, which tablet?", AskerSex.Female, false)]
    [InlineData("My husband snores, and so does my daughter", AskerSex.Unknown, false)]
    [InlineData("I'm a man and my wife had the same rash", AskerSex.Male, false)]
    [InlineData("I'm 20 weeks pregnant with a cold", AskerSex.Female, true)]
    [InlineData("Group B strep found on a swab at 28 weeks' gestation: what next?", AskerSex.Female, true)]
    [InlineData("Our son was born at 30 weeks gestation and has reflux", AskerSex.Male, false)]
    [InlineData("Second trimester now and my ankles have swollen up", AskerSex.Female, true)]
    [InlineData("Is this cream safe if I am not pregnant?", AskerSex.Unknown, false)]
    [InlineData("My son has a fever", AskerSex.Male, false)]
    [InlineData("31f, tired all the time since the baby came, could it be my thyroid?", AskerSex.Female, false)]
    [InlineData("Secondary prevention, 64M, post-MI, which statin dose?", AskerSex.Male, false)]
    [InlineData("72 m. getting up three times a night to pass water", AskerSex.Male, false)]
    [InlineData("I walked 30 m and had to stop for breath", AskerSex.Unknown, false)]
    [InlineData("Cystitis in a 52F, nitrofurantoin course?", AskerSex.Female, false)]
    // A group the question names is whom it asks about, whoever the story mentions; "bloke" is a man.
    [InlineData("my sister had her bowel scope last year. is that test offered to men too?", AskerSex.Male, false)]
    [InlineData("my husband takes it for his heart. is it used in women?", AskerSex.Female, false)]
    [InlineData("65 year old bloke with knee pain, what can I take?", AskerSex.Male, false)]
    public void The_sex_and_pregnancy_of_the_person_asked_about_are_read_from_the_question(string question, AskerSex sex, bool pregnant)
    {
        var asker = AskerGroup.Read(question);
        Assert.Equal(sex, asker.Sex);
        Assert.Equal(pregnant, asker.Pregnant);
    }

    [Theory]
    [InlineData("I'm 67 and sleep badly", 67 * 12.0)]
    [InlineData("I'm 38 weeks pregnant", null)]
    [InlineData("My 3 year old has a rash", 36.0)]
    [InlineData("Our girl, who's 7, keeps scratching", 84.0)]
    [InlineData("He is 10 months and has a cough", 10.0)]
    [InlineData("She's 38.5 degrees and shivering", null)]
    [InlineData("Our little toddler keeps waking with a cough", 24.0)]
    [InlineData("can my teenager take this for spots", 192.0)]
    [InlineData("Our 3 year old toddler has a rash", 36.0)]
    [InlineData("Toddlers often get colds", null)]
    [InlineData("toddler has had a runny nose since Friday", 24.0)]
    [InlineData("We tried everything. Newborn is still not feeding well", 0.5)]
    [InlineData("31f, tired all the time since the baby came", 31 * 12.0)]
    [InlineData("Secondary prevention, 64M, post-MI, which statin dose?", 64 * 12.0)]
    [InlineData("44 m with gout flaring again", 44 * 12.0)]
    [InlineData("my little girl is 5 months and has a runny nose", 5.0)]
    [InlineData("my dad is 83 and keeps falling", 83 * 12.0)]
    [InlineData("my son is 30 kg, how much paracetamol?", null)]
    [InlineData("her temperature of 99F has not come down", null)]
    [InlineData("im 81 and my son wants me tested for diabetes", 81 * 12.0)]
    [InlineData("Im 52 with a bad back", 52 * 12.0)]
    [InlineData("Anaphylaxis: adrenaline IM 0.5 mg repeated after 5 minutes?", null)]
    [InlineData("Given IM 2 times already", null)]
    public void An_age_stated_as_I_am_N_is_the_askers_own(string question, double? months) =>
        Assert.Equal(months, AskerGroup.Read(question).AgeMonths);

    [Theory]
    [InlineData("I'm a man with a urine infection", "For women who are not pregnant, 3 days of nitrofurantoin is advised.", true)]
    [InlineData("I'm a man with a urine infection", "Men and women with a urine infection should drink enough.", false)]
    [InlineData("I'm pregnant with a urine infection", "For women who are not pregnant, 3 days of nitrofurantoin is advised.", true)]
    [InlineData("I'm pregnant with a urine infection", "In pregnancy, nitrofurantoin for 7 days is advised.", false)]
    [InlineData("Should my 6 year old take this?", "Most adults need 300 mg a day.", true)]
    [InlineData("Should my 6 year old take this?", "Adults and children over 5 years can take it.", false)]
    [InlineData("I'm 70, should I take this?", "Children with a cough rarely need antibiotics.", true)]
    [InlineData("Should I take this?", "For women who are not pregnant, 3 days is enough.", false)]
    [InlineData("Can my 5 year old have naproxen?", "Avoid naproxen in late pregnancy.", true)]
    [InlineData("Can my 5 year old have naproxen?", "In late pregnancy naproxen can harm the unborn baby.", true)]
    [InlineData("Can my 5 year old have naproxen?", "Children and pregnant women should avoid it.", false)]
    [InlineData("Our toddler is hot and grumpy tonight, what helps?", "Babies younger than 3 months with a fever need urgent assessment.", true)]
    [InlineData("Our toddler is hot and grumpy tonight, what helps?", "Children with fever can have paracetamol or ibuprofen.", false)]
    [InlineData("Our newborn feels warm", "Babies younger than 3 months with a fever need urgent assessment.", false)]
    [InlineData("I'm 23 and began sertraline last week", "See people aged 18 to 25 years again after a week.", false)]
    [InlineData("I'm 47 and began sertraline last week", "See people aged 18 to 25 years again after a week.", true)]
    [InlineData("I'm 47 and have a cough", "Those aged 6 to 11 years take half a spoon.", true)]
    [InlineData("70 year old man with a sore knee, can I take naproxen?", "Avoid naproxen from 20 weeks of pregnancy.", true)]
    [InlineData("I'm 61 and my hip aches. Is ibuprofen alright?", "In pregnancy, ibuprofen is avoided in the last months.", true)]
    [InlineData("I'm 31 and my hip aches. Is ibuprofen alright?", "In pregnancy, ibuprofen is avoided in the last months.", false)]
    [InlineData("I'm 80. Is vitamin D worth taking?", "It is suggested for adults 75 years and older and in pregnancy.", false)]
    // A pregnant woman of no stated age is of an age to bear children: not a baby, not a child.
    [InlineData("12 weeks pregnant with a high temperature, what can I take?", "Babies under 3 months with a temperature need urgent care.", true)]
    [InlineData("12 weeks pregnant with a high temperature, what can I take?", "Give your child paracetamol if they are upset by the fever.", true)]
    [InlineData("12 weeks pregnant with a high temperature, what can I take?", "Paracetamol is the usual first choice for fever in pregnancy.", false)]
    [InlineData("12 weeks pregnant with a high temperature, what can I take?", "Statins are advised for adults aged 40 to 75 years.", false)]
    [InlineData("12 weeks pregnant with a high temperature, what can I take?", "A temperature of 38 °C or more is a fever.", false)]
    [InlineData("12 weeks pregnant with a high temperature, what can I take?", "A high temperature can harm you and your baby.", false)]
    public void A_sentence_written_only_for_another_group_excludes_the_person_asked_about(string question, string sentence, bool excludes) =>
        Assert.Equal(excludes, AskerGroup.Read(question).Excludes(sentence));

    [Theory]
    [InlineData("I'm expecting a baby and have a sore bladder", "Pregnant women with cystitis take nitrofurantoin for 7 days.", true)]
    [InlineData("I'm expecting a baby and have a sore bladder", "Nitrofurantoin for 5 days treats cystitis.", false)]
    [InlineData("What dose should my 79-year-old dad start on?", "Start at 25 micrograms a day in people aged 65 years or over.", true)]
    [InlineData("What dose should my 79-year-old dad start on?", "Older adults start on a lower dose.", true)]
    [InlineData("What dose should my 79-year-old dad start on?", "Start at 50 micrograms a day.", false)]
    [InlineData("Can my 3 year old have this?", "Children under 2 years should not have it.", false)]
    [InlineData("Can my 3 year old have this?", "Children over 2 years can have 5 ml.", true)]
    [InlineData("I'm a man with a urine infection, what works?", "Men need 7 days of treatment.", true)]
    [InlineData("What works for a urine infection?", "Men need 7 days of treatment.", false)]
    [InlineData("I'm 61 and have a new kind of headache", "See a doctor soon if you are over 50 and have a new headache.", true)]
    [InlineData("I'm 35 and have a new kind of headache", "See a doctor soon if you are over 50 and have a new headache.", false)]
    [InlineData("I'm 61 and have a new kind of headache", "Take no more than 3 doses if you weigh over 50 kg.", false)]
    public void A_sentence_written_for_the_askers_own_group_is_recognised(string question, string sentence, bool names) =>
        Assert.Equal(names, AskerGroup.Read(question).Names(sentence));
}
