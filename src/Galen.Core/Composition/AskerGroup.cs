using System.Text.RegularExpressions;

namespace Galen.Core.Composition;

/// <summary>Whom a question is about, as far as its words say.</summary>
public enum AskerSex
{
    Unknown,
    Male,
    Female,
}

/// <summary>
/// The group the person a question is about belongs to (age, sex, pregnancy), read from the question's words, and
/// whether a sentence is written for a group that person is not in. A sentence that restricts itself to another
/// group ("for women who are not pregnant", "babies under 3 months", "most adults") cannot answer for this person,
/// however close its words: that is a fact of language and medicine, not a weight to fit.
/// </summary>
public sealed partial record AskerGroup(double? AgeMonths, AskerSex Sex, bool Pregnant)
{
    private const double AdultMonths = 18 * 12;

    private const double ChildBearingMonths = 10 * 12;

    private const double PastChildBearingMonths = 55 * 12;

    /// <summary>Reads the group from the question.</summary>
    public static AskerGroup Read(string question)
    {
        question ??= "";
        var age = BottomLineRanking.AskerAgeInMonths(question);
        if (age is null && SelfAge().Match(question) is { Success: true } self)
        {
            age = int.Parse(self.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 12.0;
        }
        if (age is null && LifeStage().Match(question) is { Success: true } stage)
        {
            // A word for a stage of life names an age without a number: the middle of the stage it names (a toddler is
            // one to three, a newborn under a month, a teenager thirteen to nineteen), enough to tell that a sentence
            // for babies under 3 months or for adults is not written for them.
            age = stage.Groups["stage"].Value.ToLowerInvariant() switch
            {
                var w when w.StartsWith("newborn", StringComparison.Ordinal) => 0.5,
                var w when w.StartsWith("toddler", StringComparison.Ordinal) => 24,
                var w when w.StartsWith("preschool", StringComparison.Ordinal) => 48,
                _ => 16 * 12,
            };
        }
        var pregnant = Pregnancy().IsMatch(question) && !NotPregnant().IsMatch(question);
        // "is screening recommended for men as well?": a group the question asks about by name is whom it is about,
        // whoever the story mentions on the way ("my wife has just had her scan").
        var sex = AskedForGroup().Matches(question) is { Count: > 0 } groups
            ? (char.ToLowerInvariant(groups[^1].Groups[1].Value[0]) == 'm' ? AskerSex.Male : AskerSex.Female)
            : SelfSex().Match(question) is { Success: true } m
            ? (MaleWord().IsMatch(m.Groups[1].Value) ? AskerSex.Male : AskerSex.Female)
            : AgeAndSexTogether(question) is { Success: true } compact
            ? (char.ToLowerInvariant(compact.Groups[2].Value[0]) == 'm' ? AskerSex.Male : AskerSex.Female)
            : (MaleWord().IsMatch(question), FemaleWord().IsMatch(question) || pregnant) switch
            {
                (true, false) => AskerSex.Male,
                (false, true) => AskerSex.Female,
                _ => AskerSex.Unknown,
            };
        return new AskerGroup(age, sex, pregnant);
    }

    /// <summary>True when the sentence is written only for a group the person asked about is not in.</summary>
    public bool Excludes(string sentence)
    {
        sentence ??= "";
        if (BottomLineRanking.AgeConflict(AgeMonths, sentence) > 0)
        {
            return true;
        }
        if (AgeMonths is double age)
        {
            var adults = AdultWords().IsMatch(sentence);
            var children = ChildWords().IsMatch(sentence);
            if ((age < AdultMonths && adults && !children) || (age >= AdultMonths && children && !adults))
            {
                return true;
            }
            // A young child is never the pregnant woman a sentence on pregnancy is written for.
            if (age < ChildBearingMonths && Pregnancy().IsMatch(sentence) && !children)
            {
                return true;
            }
        }
        else if (Pregnant && !Pregnancy().IsMatch(sentence)
            && ((BottomLineRanking.AgeConflict(ChildBearingMonths, sentence) > 0 && BottomLineRanking.AgeConflict(PastChildBearingMonths, sentence) > 0)
                || (ChildWords().Matches(sentence).Any(m => !m.Value.StartsWith("bab", StringComparison.OrdinalIgnoreCase)) && !AdultWords().IsMatch(sentence))))
        {
            // A pregnant woman of no stated age is of an age to bear children: a sentence for babies of an age or for
            // children ("babies under 3 months with a temperature", "if your child is upset") is not written for her.
            // "Your baby" alone, to her, is the one she carries.
            return true;
        }
        // Nor is a man, or a woman past the years of childbearing, unless the question itself speaks of a pregnancy or the
        // sentence names other groups too ("adults 75 and older, and pregnant women").
        if (!Pregnant && (Sex == AskerSex.Male || AgeMonths >= PastChildBearingMonths) && Pregnancy().IsMatch(sentence)
            && !AdultWords().IsMatch(sentence) && !OlderWords().IsMatch(sentence) && !ChildWords().IsMatch(sentence)
            && !BottomLineRanking.AgeBounded(sentence))
        {
            return true;
        }
        var female = FemaleGroup().IsMatch(sentence);
        var male = MaleGroup().IsMatch(sentence);
        if ((Sex == AskerSex.Male && female && !male) || (Sex == AskerSex.Female && male && !female))
        {
            return true;
        }
        return Pregnant && NotPregnant().IsMatch(sentence);
    }

    /// <summary>Whether a sentence speaks of pregnancy at all.</summary>
    public static bool SpeaksOfPregnancy(string sentence) => Pregnancy().IsMatch(sentence ?? "");

    /// <summary>
    /// True when the sentence is written for the group the person asked about is in: pregnancy for a pregnant asker,
    /// children for a child, an age range or older people that take in the asker's age, men or women for an asker of
    /// that sex. What is said for one's own group answers before what is said for everyone.
    /// </summary>
    public bool Names(string sentence)
    {
        sentence ??= "";
        if (Excludes(sentence))
        {
            return false;
        }
        if (Pregnant && Pregnancy().IsMatch(sentence))
        {
            return true;
        }
        if (AgeMonths is double age)
        {
            if (BottomLineRanking.AgeBounded(sentence) || (age < AdultMonths && ChildWords().IsMatch(sentence))
                || (age >= OlderMonths && OlderWords().IsMatch(sentence)))
            {
                return true;
            }
        }
        return (Sex == AskerSex.Male && MaleGroup().IsMatch(sentence)) || (Sex == AskerSex.Female && !Pregnant && FemaleGroup().IsMatch(sentence));
    }

    private const double OlderMonths = 65 * 12;

    // The person asked about, named by the stage of life they are at ("my toddler", "our newborn", "a teenager"), or
    // opening a sentence without a determiner, as a tired parent types it ("toddler is 38.6 ...").
    [GeneratedRegex(@"\b(?:my|our|a|the|his|her|their)\s+(?:\w+\s+)?(?<stage>newborns?|toddlers?|pre-?schoolers?|teenagers?|teens?)\b|(?:^\s*|[.!?]\s+)(?<stage>newborn|toddler|pre-?schooler|teenager|teen)\s+(?:is|has|was|keeps|had|won't|wont|can't|cant|isn't|hasn't)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LifeStage();

    [GeneratedRegex(@"\b(?:older (?:adults|people|persons|patients|women|men)|elderly|later life)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OlderWords();

    // "I'm 68", "I am 45", typed "im 70": a bare number after "I am" is the asker's age, unless a unit follows ("I'm 38
    // weeks"). "IM" in capitals is a route ("IM 0.5"), never "I'm".
    [GeneratedRegex(@"(?:\bI(?:'m|’m| am)|\b(?-i:[Ii]m))\s+(\d{1,3})\b(?![.,]\d)(?!\s*(?:weeks?|months?|days?|hours?|minutes?|kg|kilos?|lbs?|pounds?|stone|%|cm|mg|ml|units?|times?|doses?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SelfAge();

    [GeneratedRegex(@"\b(?:for|in|among|to)\s+(?:(?:older|elderly|young|younger|adult|middle-aged)\s+)?(men|males|women|females)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AskedForGroup();

    [GeneratedRegex(@"\bI(?:'m|’m| am)\s+(?:an?\s+)?(?:\d{1,3}[\s-]*(?:years?|yrs?)[\s-]*old\s+)?(man|male|guy|bloke|chap|fella|boy|gentleman|woman|female|lady|girl)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SelfSex();

    /// <summary>
    /// Age and sex written together, as in case notes and forum posts ("26f, ...", "Primary prevention, 58F, smoker",
    /// "66 m. up at night", "UTI in a 45M"): two digits and m or f, standing alone at the start of the message, between
    /// punctuation or after "in a"/"for a", so that a distance or a reading in a sentence ("walked 30 m", "a temperature of 99F") is not one.
    /// </summary>
    public static Match AgeAndSexTogether(string question) => CompactAgeSex().Match(question ?? "");

    [GeneratedRegex(@"(?:^\W*|[,;:(]\s*|\b(?:in|for|of)\s+an?\s+)(\d{2})\s?(?:yo\s?|y/o\s?)?(m|f|male|female)(?=\s*(?:[,.;:)/]|$)|\s+(?:with|and|here|on|who|taking|had|has|have|been|up)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex CompactAgeSex();

    [GeneratedRegex(@"\b(?:man|male|guy|bloke|chap|fella|boy|gentleman|son|husband|father|dad|daddy|brother|grandfather|grandpa|boyfriend|he|him|his)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MaleWord();

    [GeneratedRegex(@"\b(?:woman|female|lady|girl|daughter|wife|mother|mum|mom|mummy|sister|grandmother|grandma|girlfriend|she|her)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FemaleWord();

    [GeneratedRegex(@"\bpregnan(?:t|cy)\b|\bexpecting (?:a baby|twins)\b|\b(?:first|second|third|1st|2nd|3rd)\s+trimester\b|(?<!\bborn\s+(?:at\s+)?)\b\d{1,2}\s*weeks?['\u2019]?\s+gestation\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pregnancy();

    [GeneratedRegex(@"\b(?:non-?pregnant|not pregnant|who are not pregnant|not be pregnant)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotPregnant();

    [GeneratedRegex(@"\b(?:women|woman|girls|females?|mothers|pregnant|pregnancy|postmenopausal)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FemaleGroup();

    [GeneratedRegex(@"\b(?:men|man|boys|males?|fathers)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MaleGroup();

    [GeneratedRegex(@"\badults?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AdultWords();

    [GeneratedRegex(@"\b(?:child|children|childhood|(?<!unborn\s)babies|(?<!unborn\s)baby|infants?|toddlers?|kids?|young people|teenagers?|adolescents?|newborns?|paediatric|pediatric|under 5s|aged \d{1,2} (?:to|-) (?:1[0-7]|\d) years)\b", RegexOptions.IgnoreCase)]
    // An unborn baby is spoken of in pregnancy, not of a child; an age range is children's only below 18 ("aged 18 to 25
    // years" is young adults).
    private static partial Regex ChildWords();
}
