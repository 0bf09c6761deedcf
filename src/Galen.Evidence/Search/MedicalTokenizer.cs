using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Galen.Evidence.Search;

/// <summary>
/// Splits text into search tokens while keeping medical tokens whole: dose ranges with units
/// ("1-2 mg" -> "1-2mg", "25–50 mg" -> "25-50mg"), comparisons ("≤75", "<=75" -> "≤75"), ions ("Mg2+"),
/// alphanumerics ("B12", "COVID-19") and hyphenated names ("co-trimoxazole"). Hyphenated and
/// alphanumeric tokens also emit their parts at the same position, so "alpha 2 delta" still finds
/// "alpha-2-delta".
/// </summary>
public sealed partial class MedicalTokenizer : Tokenizer
{
    private const int MaxTokenLength = 64;

    private readonly ICharTermAttribute termAtt;
    private readonly IOffsetAttribute offsetAtt;
    private readonly IPositionIncrementAttribute posIncAtt;
    private readonly ITypeAttribute typeAtt;
    private readonly List<(string Term, int Start, int End, int PosInc, string Type)> pending = [];
    private int pendingIndex;
    private int finalOffset;

    public MedicalTokenizer(TextReader input) : base(input)
    {
        termAtt = AddAttribute<ICharTermAttribute>();
        offsetAtt = AddAttribute<IOffsetAttribute>();
        posIncAtt = AddAttribute<IPositionIncrementAttribute>();
        typeAtt = AddAttribute<ITypeAttribute>();
    }

    /// <summary>Token type of measurements and comparisons; later filters leave these unstemmed.</summary>
    public const string MeasureType = "<MEASURE>";
    public const string CompoundType = "<COMPOUND>";
    public const string WordType = "<WORD>";

    [GeneratedRegex(@"(?<cmp>(?:[≤≥<>]=?|=<|=>)\s?\d+(?:[.,]\d+)?)|(?<measure>\d+(?:[.,]\d+)?(?:\s?[-–—]\s?\d+(?:[.,]\d+)?)?\s?(?:mg/kg|mg/dl|mg/dL|mmol/l|mmol/L|ng/ml|ng/mL|µg|μg|mcg|mg|kg|ml|mL|mmHg|mEq|IU|iu|units?|%)(?![\p{L}\p{N}]))|(?<word>[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\+*)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (pendingIndex >= pending.Count) return false;
        var (term, start, end, posInc, type) = pending[pendingIndex++];
        termAtt.SetEmpty().Append(term);
        offsetAtt.SetOffset(CorrectOffset(start), CorrectOffset(end));
        posIncAtt.PositionIncrement = posInc;
        typeAtt.Type = type;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        finalOffset = CorrectOffset(text.Length);
        pending.Clear();
        pendingIndex = 0;
        foreach (Match m in TokenPattern().Matches(text))
        {
            if (m.Length > MaxTokenLength) continue;
            if (m.Groups["cmp"].Success)
            {
                var cmp = Spaces().Replace(m.Value, "").Replace("<=", "≤").Replace("=<", "≤").Replace(">=", "≥").Replace("=>", "≥");
                pending.Add((cmp, m.Index, m.Index + m.Length, 1, MeasureType));
                var number = cmp.TrimStart('≤', '≥', '<', '>', '=');
                pending.Add((number, m.Index, m.Index + m.Length, 0, MeasureType));
            }
            else if (m.Groups["measure"].Success)
            {
                var measure = Spaces().Replace(m.Value, "").Replace('–', '-').Replace('—', '-').Replace(',', '.');
                pending.Add((measure, m.Index, m.Index + m.Length, 1, MeasureType));
                // The amount and the unit also stand alone, so "75" or "mg" still find "75 mg".
                var split = measure.IndexOf(measure.FirstOrDefault(c => char.IsLetter(c) || c == '%'));
                if (split > 0)
                {
                    pending.Add((measure[..split], m.Index, m.Index + m.Length, 0, MeasureType));
                    pending.Add((measure[split..], m.Index, m.Index + m.Length, 0, WordType));
                }
            }
            else
            {
                var word = m.Value.Replace('’', '\'');
                if (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase)) word = word[..^2];
                if (word.Length == 0) continue;
                var parts = word.Split('-', '\'');
                var compound = parts.Length > 1 || (word.Any(char.IsDigit) && word.Any(char.IsLetter));
                pending.Add((word, m.Index, m.Index + m.Length, 1, compound ? CompoundType : WordType));
                if (parts.Length > 1)
                {
                    var offset = m.Index;
                    foreach (var part in parts)
                    {
                        if (part.Length > 0) pending.Add((part.TrimEnd('+'), offset, offset + part.Length, 0, WordType));
                        offset += part.Length + 1;
                    }
                }
            }
        }
    }

    public override void End()
    {
        base.End();
        offsetAtt.SetOffset(finalOffset, finalOffset);
    }
}

/// <summary>Marks measurements and compounds as keywords so the stemmer leaves them whole.</summary>
public sealed class KeepMeasuresWholeFilter : TokenFilter
{
    private readonly ITypeAttribute typeAtt;
    private readonly IKeywordAttribute keywordAtt;

    public KeepMeasuresWholeFilter(TokenStream input) : base(input)
    {
        typeAtt = AddAttribute<ITypeAttribute>();
        keywordAtt = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (typeAtt.Type != MedicalTokenizer.WordType) keywordAtt.IsKeyword = true;
        return true;
    }
}

/// <summary>The analyzer used for both indexing and querying.</summary>
public sealed class MedicalAnalyzer : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new MedicalTokenizer(reader);
        TokenStream stream = new Lucene.Net.Analysis.Core.LowerCaseFilter(Version, tokenizer);
        stream = new Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter(stream);
        stream = new Lucene.Net.Analysis.Core.StopFilter(Version, stream, Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet);
        stream = new KeepMeasuresWholeFilter(stream);
        stream = new Lucene.Net.Analysis.En.PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
