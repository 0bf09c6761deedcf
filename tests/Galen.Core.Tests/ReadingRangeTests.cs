using Galen.Core.Composition;

namespace Galen.Core.Tests;

public sealed class ReadingRangeTests
{
    [Theory]
    [InlineData("my kidney blood test came back with an eGFR of 52. what band is that?", "Its eGFR bands are G1 90 or more, G2 60 to 89, G3a 45 to 59 and G3b 30 to 44.", 1, 0)]
    [InlineData("eGFR 92, no interacting medicines. Dose?", "When eGFR is 30 to below 60, give half the dose.", 0, 1)]
    [InlineData("eGFR 45, no interacting medicines. Dose?", "When eGFR is 30 to below 60, give half the dose.", 1, 0)]
    [InlineData("eGFR 60 exactly. Dose?", "When eGFR is 30 to below 60, give half the dose.", 0, 1)]
    [InlineData("the thermometer says 38.6 and she is 2 months old", "Get urgent help for a baby under 3 months with a temperature of 38 °C or higher.", 1, 0)]
    [InlineData("she's 37.6 and 2 months old, should i worry?", "Get urgent help for a baby under 3 months with a temperature of 38 °C or higher.", 0, 1)]
    [InlineData("ferritin 25 and tired all the time", "Ferritin below 30 confirms iron deficiency in adults.", 1, 0)]
    [InlineData("ferritin 25 and tired all the time", "Take iron for 3 to 6 months after the levels recover.", 0, 0)]
    [InlineData("eGFR 41 and on metformin", "Metformin is stopped for 2 to 3 days around a contrast scan.", 0, 0)]
    [InlineData("how often should my kidneys be checked?", "When eGFR is 30 to below 60, give half the dose.", 0, 0)]
    [InlineData("Man of 61, 10-year cardiovascular risk 12%. Statin?", "Offer a statin when the 10-year risk is 10% or more.", 1, 0)]
    [InlineData("Man of 61, 10-year cardiovascular risk 12%. Statin?", "Consider a statin when the 10-year cardiovascular risk is 5% to less than 10%.", 0, 1)]
    [InlineData("Man of 61, 10-year cardiovascular risk 6%. Statin?", "Consider a statin when the 10-year cardiovascular risk is 5% to less than 10%.", 1, 0)]
    [InlineData("Man of 61, 10-year cardiovascular risk 12%. Statin?", "Adults with two or more cardiovascular risk factors benefit most.", 0, 0)]
    [InlineData("legs jumpy at night, ferritin 62 ng/mL. what now?", "Give iron into a vein when ferritin is between 50 and 100 ng/mL.", 1, 0)]
    [InlineData("legs jumpy at night, ferritin 140 ng/mL. what now?", "Give iron into a vein when ferritin is between 50 ng/mL and 100 ng/mL.", 0, 1)]
    [InlineData("eGFR 41 and on metformin", "Check the eGFR between 2 and 4 times a year.", 0, 0)]
    [InlineData("COPD with flare-ups, eosinophils 70 cells/uL. Add an inhaled steroid?", "Eosinophils below 100 cells per microlitre predict little gain from an inhaled steroid.", 1, 0)]
    [InlineData("COPD with flare-ups, eosinophils 70 cells/uL. Add an inhaled steroid?", "An inhaled steroid is favoured when eosinophils are 300 cells/microlitre or more.", 0, 1)]
    [InlineData("AF, CrCl 130 mL/min: which anticoagulant?", "This medicine works less well when creatinine clearance is above 95 mL/min.", 1, 0)]
    [InlineData("AF, creatinine clearance 130 mL/min: which anticoagulant?", "Halve the dose when creatinine clearance is 15 to 50 mL/min.", 0, 1)]
    [InlineData("the shivers and aches began three days ago. too late for an antiviral?", "Start the antiviral even if the illness began more than 2 days ago.", 1, 0)]
    [InlineData("the shivers and aches began three days ago. too late for an antiviral?", "An antiviral helps most when begun within 2 days of the first symptoms.", 0, 1)]
    [InlineData("blocked and sore sinuses for the last 12 days", "Think of antibiotics if there is no improvement after 10 days.", 1, 0)]
    [InlineData("blocked and sore sinuses for the last 4 days", "Think of antibiotics if there is no improvement after 10 days.", 0, 1)]
    [InlineData("chesty cough, been going on for 2 weeks now", "A cough after a cold lasts 3 to 4 weeks.", 0, 1)]
    [InlineData("chesty cough, been going on for 3 weeks now", "A cough after a cold lasts 3 to 4 weeks.", 1, 0)]
    [InlineData("started on amoxicillin 2 days ago", "Take the antibiotic for 5 days.", 0, 0)]
    [InlineData("a week into a head cold and my nose is blocked", "Use a decongestant spray for no more than 5 days.", 0, 0)]
    [InlineData("a week into a head cold and my nose is blocked", "Do not use a decongestant spray for more than five days.", 0, 0)]
    [InlineData("the fever started 2 days ago", "Babies under 3 months with a fever need urgent help.", 0, 0)]
    [InlineData("my 2 year old has a fever", "Get help if the fever lasts more than 5 days.", 0, 0)]
    [InlineData("hot every evening since the weekend, and today is day six", "Get help if the fever lasts more than 5 days.", 1, 0)]
    [InlineData("hot every evening since the weekend, and today is day three", "Get help if the fever lasts more than 5 days.", 0, 1)]
    // A band of percentages is another measure's than a cholesterol in mg/dL; a band in mg/dL is a level, not a dose.
    [InlineData("Woman of 50, LDL 210 mg/dL, no diabetes. Statin?", "With an LDL of 70 to 189 mg/dL and a 10-year risk of 7.5% or more, offer a moderate statin.", 0, 1)]
    [InlineData("Woman of 50, LDL 210 mg/dL, no diabetes. Statin?", "With an LDL of 190 mg/dL or more, offer a high-intensity statin.", 1, 0)]
    [InlineData("Woman of 50, LDL 210 mg/dL, no diabetes. Statin?", "Adults whose LDL is high and whose risk is 20% or more gain most.", 0, 0)]
    // A digit inside a name ("SpO2") is no reading of the measure before it.
    [InlineData("Flare of COPD on oxygen: target SpO2 range?", "Keep the saturation between 88% and 92% in a flare.", 0, 0)]
    public void A_reading_is_judged_against_the_bands_of_a_sentence_that_names_its_measure(string question, string sentence, double inRange, double outOfRange)
    {
        var fit = ReadingRange.Fit(ReadingRange.Of(question), sentence);
        Assert.Equal((inRange, outOfRange), fit);
    }

    [Theory]
    [InlineData("Gout flare in the big toe, no renal impairment. Colchicine dose?", "With renal impairment: reduce the dose.", 0, 1)]
    [InlineData("Gout flare in the big toe, no renal impairment. Colchicine dose?", "Without renal impairment: 500 micrograms twice daily.", 1, 0)]
    [InlineData("Gout flare in the big toe, without any kidney trouble. Colchicine dose?", "Take 500 micrograms twice daily with food.", 0, 0)]
    [InlineData("No longer in pain, can I stop the colchicine?", "With long use, watch for diarrhoea.", 0, 0)]
    [InlineData("Gout flare in the big toe, no renal impairment. Colchicine dose?", "Colchicine is given at a lower dose to people with renal impairment.", 0, 0)]
    public void A_sentence_for_people_with_what_the_asker_says_is_absent_is_for_someone_else(string question, string sentence, double agrees, double conflicts) =>
        Assert.Equal((agrees, conflicts), AbsentFinding.Fit(AbsentFinding.Of(question), sentence));

    [Theory]
    [InlineData("Less severe depression, does not want tablets: what comes first?", "For more severe depression, offer therapy with an antidepressant.", 0, 1)]
    [InlineData("Less severe depression, does not want tablets: what comes first?", "Offer guided self-help for less severe depression, and both for more severe.", 1, 0)]
    [InlineData("My asthma is mild. Do I need a preventer?", "In moderate to severe asthma, add a long-acting reliever.", 0, 1)]
    [InlineData("Moderate eczema on the arms: which cream?", "For mild to moderate eczema, use a moderate steroid cream.", 1, 0)]
    [InlineData("My asthma is mild. Do I need a preventer?", "Severe bleeding is a rare harm.", 0, 0)]
    [InlineData("Is my acne mild or severe?", "For severe acne, see a specialist.", 0, 0)]
    [InlineData("Flu since Sunday, only a bit of a cough. Do I need the antiviral?", "For people with severe flu in hospital, give an antiviral.", 0, 1)]
    [InlineData("Covid again, not too bad this time. Would steroids help?", "Steroids are advised against for people with non-severe covid.", 1, 0)]
    [InlineData("Covid again, not too bad this time. Would steroids help?", "Steroid tablets do not help mild covid.", 1, 0)]
    [InlineData("Covid again and I feel dreadful. Would steroids help?", "Steroids are advised against for people with non-severe covid.", 0, 0)]
    public void A_sentence_for_another_band_of_severity_than_the_askers_is_for_someone_else(string question, string sentence, double agrees, double conflicts) =>
        Assert.Equal((agrees, conflicts), SeverityAsked.Fit(SeverityAsked.Of(question), sentence));

    [Fact]
    public void A_number_that_is_an_age_or_a_dose_is_not_read_as_a_reading()
    {
        Assert.Empty(ReadingRange.Of("my 6 year old takes 250 mg of amoxicillin three times a day"));
        Assert.Equal(new ReadingRange.Reading("hba1c", 6.6), Assert.Single(ReadingRange.Of("T2DM, HbA1c 6.6% on metformin alone")));
    }
}
