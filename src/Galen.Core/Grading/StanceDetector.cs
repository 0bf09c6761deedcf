using System.Text;
using System.Text.RegularExpressions;

namespace Galen.Core.Grading;

/// <summary>The stance of one sentence toward a yes/no question.</summary>
public readonly record struct SentenceStance(double Score, bool Hedged, bool Inconclusive, bool Mixed)
{
    public bool HasSignal => Score != 0 || Inconclusive;
}

/// <summary>
/// Reads whether a sentence supports, goes against or leaves open what a question asks, with negation
/// ("did not", "no significant"), hedging ("may", "further studies are needed") and the question's focus
/// (for a safety question "no increase in complications" supports; for a benefit question "no difference" goes against).
/// </summary>
public static partial class StanceDetector
{
    // Sentences are lower-cased once, so the cues need no case-insensitive matching (which doubles the work).
    private const RegexOptions Opts = RegexOptions.CultureInvariant;

    // ---- Open questions: the authors say the evidence does not settle it.
    [GeneratedRegex(@"\b(?:insufficient\s+(?:evidence|data)|(?:evidence|data|research)\s+(?:is|are|was|were|remains?)\s+(?:insufficient|inadequate|lacking|too\s+weak)|too\s+(?:small|weak|few)\s+(?:and\s+too\s+\w+\s+)?to\s+(?:show|say|tell|know|establish)|(?:has|have)\s+not\s+been\s+(?:proven|proved|established)|not\s+(?:an?\s+)?(?:established|proven)\s+(?:treatment|therapy|remedy|option)|could\s+not\s+(?:determine|establish|tell|say)|(?:does|do|did)\s+not\s+(?:include|list|mention|cover|address)\s+(?:\w+\s+){0,4}?among|cannot\s+(?:yet\s+)?(?:say|tell)|not\s+enough\s+evidence|inconclusive|equivocal|remains?\s+(?:unclear|uncertain|unknown|controversial|unresolved|debatable|to\s+be\s+(?:determined|established|elucidated|clarified|proven|seen|defined|confirmed))|(?:is|are)\s+(?:still\s+)?(?:unclear|uncertain|controversial|debated|questionable|not\s+(?:yet\s+)?(?:clear|known|established|certain))|not\s+(?:yet\s+)?(?:been\s+)?(?:clearly\s+)?(?:established|determined)|unable\s+to\s+(?:determine|establish|draw|conclude|make\s+(?:a\s+)?(?:firm\s+)?conclusions?)|cannot\s+be\s+(?:determined|established|concluded)|could\s+not\s+be\s+(?:determined|established)|conflicting|mixed\s+(?:results|findings|evidence)|no\s+(?:firm|definitive|definite|clear)\s+conclusions?|not\s+possible\s+to\s+(?:conclude|determine|draw)|may\s+or\s+may\s+not|limited\s+(?:evidence|data)|(?:weak|low[-\s]quality|very\s+low|sparse|scarce|little)\s+evidence|unproven)\b", Opts)]
    private static partial Regex OpenCue();

    [GeneratedRegex(@"\b(?:(?:more|further|additional|larger|large|prospective|randomi[sz]ed|well[-\s]designed|future|controlled|longer|multicent(?:er|re)|confirmatory|adequately\s+powered)\s+(?:\w+[-\s]){0,3}(?:studies|study|trials?|research|investigations?|data|work|evaluation|analys[ie]s|follow-up)\s+(?:\w+\s+){0,4}?(?:are|is|will\s+be|would\s+be|may\s+be|might\s+be|should\s+be|must\s+be)?\s*(?:needed|required|warranted|necessary|indicated|recommended|essential)|warrant(?:s|ed)?\s+(?:further|more|additional|larger|prospective)|needs?\s+(?:further|to\s+be)\s+(?:\w+\s+)?(?:confirm|investigat|stud|evaluat|validat|explor|examin)\w*|should\s+be\s+(?:further\s+)?(?:confirmed|validated|investigated|explored|evaluated|studied)\s+(?:in|by|with)|requires?\s+(?:further\s+)?(?:confirmation|validation|investigation|study)|preliminary|hypothesis[-\s]generating)\b", Opts)]
    private static partial Regex FurtherStudyCue();

    // ---- Findings that go against (the effect, association or benefit is absent).
    [GeneratedRegex(@"\b(?:(?:did|does|do|was|were|is|are|has|have|had|could|can|would|will|may|might|should)\s*(?:not|n't)|cannot|can't|didn't|doesn't|don't|wasn't|weren't|isn't|aren't|hasn't|haven't)\s+(?:\w+\s+){0,3}?(?:improve\w*|reduc\w*|affect\w*|influenc\w*|chang\w*|increas\w*|decreas\w*|predict\w*|differ\w*|show\w*|demonstrat\w*|find|found|support\w*|alter\w*|prevent\w*|benefit\w*|help\w*|correlat\w*|associat\w*|lead|led|result\w*|contribut\w*|play\w*|provid\w*|offer\w*|add\w*|enhanc\w*|confer\w*|protect\w*|impact\w*|modif\w*|lower\w*|rais\w*|seem\w*|appear\w*|justify|warrant|replace|detect\w*|identify|identified|achiev\w*|reach\w*|translat\w*|explain\w*|accelerat\w*|shorten\w*|relat\w*|link\w*|depend\w*|worsen\w*|compromis\w*|outperform\w*|exceed\w*|eliminat\w*|mitigat\w*|predispos\w*|caus\w*|produc\w*|yield\w*|exist|occur\w*|hav\w*|be\s+(?:\w+\s+)?(?:associated|related|linked|correlated|used|recommended|considered|predictive|effective|useful|necessary|justified|explained|attributed|improved|reduced|affected|influenced|changed|detected|identified|prevented)|significant\w*|better|worse|superior|effective|useful|beneficial|necessary|different|associated|related|linked|correlated|predictive|needed|required|justified|warranted|recommended|indicated|reliable|accurate|sufficient|essential|mandatory)\b", Opts)]
    private static partial Regex NegatedVerbCue();

    [GeneratedRegex(@"\bnot\s+(?:\w+\s+){0,2}?(?:associated|significant\w*|different|effective|correlated|related|predictive|superior|useful|beneficial|necessary|justified|recommended|required|indicated|needed|reliable|accurate|sufficient|supported|linked|influenced|affected|improved|reduced|changed|increased|decreased|helpful|valuable|efficacious|a\s+(?:significant|major|useful|reliable|good|valid|strong|independent|predictive)|an\s+(?:independent|important|effective|accurate)|predict\w*|routinely|mandatory|essential|confirmed|altered|better|worse|higher|lower|elevated|valid|relevant|important|independent|detected|observed|seen|found|evident|present|modified|explained|prognostic|diagnostic|protective|cost-effective|feasible|appropriate|advisable|clinically\s+(?:relevant|significant|important|meaningful))\b", Opts)]
    private static partial Regex NotAdjectiveCue();

    [GeneratedRegex(@"\b(?:no|neither|nor|none|without)\s+(?:\w+[-\s]){0,3}?(?:significant|statistically|difference|differences|effect|effects|benefit|benefits|association|associations|correlation|correlations|relationship|relation|impact|improvement|evidence|advantage|advantages|increase|increased|reduction|decrease|change|changes|role|influence|link|value|predictive|prognostic|relevant|major|clinically|measurable|detectable|appreciable|additional|added|apparent|obvious|independent|superiority|gain|protective|correlate|predictor|effect\w*|impact\w*)\b", Opts)]
    private static partial Regex NoEffectCue();

    [GeneratedRegex(@"\b(?:cast(?:s|ing)?\s+doubt|call(?:s|ed)?\s+into\s+question|question(?:s|ed)?\s+the\s+(?:value|need|use|role|usefulness|importance|validity)|little\s+(?:\w+\s+)?(?:evidence|need|benefit|value|effect|impact|difference|influence|role|use|advantage|improvement)|of\s+(?:minor|limited|little|no|questionable|doubtful)\s+(?:\w+\s+)?(?:importance|value|use|benefit|relevance|significance|help)|low\s+yield|difficult\s+to|no\s+need|not\s+needed|falls?\s+short|not\s+living\s+up|poorly\s+(?:predict\w*|correlat\w*|associated|reproducible)|(?:is|be|would\s+be|seems)\s+premature|unreliable|limited\s+(?:value|role|effect|impact|benefit|use|usefulness|utility|accuracy)|weak(?:ly)?\s+(?:associated|correlated|related|predictive)|insufficient\s+to|not\s+sufficient|inadequate|cannot\s+be\s+relied|(?:has|have|had)\s+no|(?:does|do|did)\s*(?:not|n't)\s+have|fail(?:s|ed)?\s+to|lack(?:s|ed|ing)?\s+(?:of\s+)?(?:\w+\s+){0,2}(?:effect|efficacy|benefit|association|evidence|correlation|power|value|accuracy|sensitivity|improvement|impact)|ineffective|unnecessary|not\s+necessary|unjustified|unwarranted|inappropriate|no\s+longer|unlikely\s+to|unrelated|independent\s+of|irrespective\s+of|regardless\s+of|did\s+not\s+reach\s+(?:statistical\s+)?significance|non-?significant|insignificant|nonsignificant|do(?:es)?\s+not\s+support|poor\s+(?:predictor|correlation|agreement|accuracy|sensitivity|specificity|reliability|marker|indicator|discriminat\w*)|disappointing|not\s+(?:a\s+)?(?:suitable|reliable|good|valid|useful|sensitive)|(?:recommend|suggest|advise|argue)(?:s|ed)?\s+against|against\s+(?:the\s+)?(?:routine\s+)?use|too\s+(?:few|small|weak|limited|low)\s+to\s+(?:show|detect|demonstrate|support|establish)|(?:is|are)\s+not\s+recommended|should\s+not\s+be\s+(?:used|recommended|routinely|offered|given)|cannot\s+be\s+recommended|should\s+be\s+(?:abandoned|avoided|discouraged)|does\s+not\s+appear|did\s+not\s+appear|no\s+\w+\s+(?:was|were)\s+(?:found|observed|seen|detected|noted)|was\s+not\s+(?:found|observed|seen|detected)|could\s+not\s+(?:be\s+)?(?:confirm|show|demonstrat|detect|find|identif|replicat)\w*|absence\s+of\s+(?:a\s+|any\s+)?(?:significant\s+)?(?:effect|association|correlation|benefit|difference|relationship)|rather\s+than|not\s+only)\b", Opts)]
    private static partial Regex AgainstCue();

    [GeneratedRegex(@"\b(?:similar|comparable|equivalent|equally|same|identical|no\s+(?:statistically\s+)?(?:significant\s+)?differences?|did\s+not\s+differ|do\s+not\s+differ|does\s+not\s+differ|not\s+(?:significantly\s+)?different|non-?inferior\w*|as\s+(?:effective|safe|good|accurate|reliable)\s+as|equivalence|indistinguishable)\b", Opts)]
    private static partial Regex NoDifferenceCue();

    [GeneratedRegex(@"\b(?:no\s+(?:\w+\s+){0,2}?differences?|did\s+not\s+differ|do\s+not\s+differ|does\s+not\s+differ|not\s+(?:significantly\s+)?different|non-?inferior\w*|(?:was|were|is|are|remained)\s+(?:\w+\s+)?(?:similar|comparable|equivalent|identical|unchanged|unaffected|unaltered|undisturbed)|(?:similar|comparable|equivalent)\s+(?:[\w-]+\s+)?(?:outcomes?|results?|rates?|efficacy|effectiveness|survival|mortality|accuracy|in\s+both|between)|equally\s+(?:effective|efficacious|safe|good|accurate)|as\s+(?:effective|safe|good|accurate|reliable)\s+as|indistinguishable)\b", Opts)]
    private static partial Regex StrictNoDifferenceCue();

    [GeneratedRegex(@"\b(?:inferior|worse|less\s+effective|lower\s+efficacy|superior|more\s+effective|significantly\s+(?:[\w-]+\s+)?(?:lower|higher|greater|less|more|different|differ\w*|better|worse|reduced|increased|longer|shorter)|differ(?:s|ed|ent|ence|ences|ing)?|distinct|not\s+(?:the\s+)?same|not\s+equivalent|not\s+interchangeable|more\s+(?:common|often|frequent(?:ly)?|likely|severe)|less\s+(?:common|often|frequent(?:ly)?|likely|severe)|variab(?:le|ility)|variation|discrepan\w+|heavier|longer|shorter|larger|smaller)\b", Opts)]
    private static partial Regex DifferenceCue();

    [GeneratedRegex(@"\b(?:lack\s+of|deficits?|deficienc(?:y|ies)|poor(?:ly)?\s+(?:knowledge|awareness|understanding|adherence|compliance|quality|performance|agreement|accuracy|reliability|correlation|documented|controlled|implemented)|little\s+(?:awareness|knowledge|understanding)|unaware|erroneous(?:ly)?|improper(?:ly)?|incorrect(?:ly)?|inaccurate(?:ly)?|inappropriate(?:ly)?|suboptimal|under-?utili[sz]ed|under-?recogni[sz]ed|under-?diagnosed|under-?estimat\w+|over-?estimat\w+|misdiagnos\w*|failure\s+to|knowledge\s+gaps?|gaps?\s+in\s+(?:knowledge|care|awareness)|inconsisten\w+|low\s+(?:awareness|knowledge|adherence|compliance|accuracy|sensitivity|specificity|yield|uptake|levels?\s+of\s+(?:awareness|knowledge)))\b", Opts)]
    private static partial Regex DeficiencyCue();

    [GeneratedRegex(@"\bnot\s+(?:be\s+)?(?:an?\s+)?(?:\w+\s+)?(?:barrier|obstacle|contraindication|limitation|deterrent|impaired|inferior|harmful|detrimental|worse|compromised|a\s+problem|a\s+concern)\b", Opts)]
    private static partial Regex DoubleNegativeCue();

    [GeneratedRegex(@"\b(?:should\s+be\s+avoided|avoid\w*|caution|contraindicated|dangerous|harmful|deleterious|detrimental|toxic\w*)\b", Opts)]
    private static partial Regex HarmConfirmedCue();

    // ---- Findings that support (an effect, an association, a benefit, a recommendation).
    [GeneratedRegex(@"\b(?:significant(?:ly)?|improve[sd]?|improvement|improving|effective(?:ly|ness)?|efficacious|efficacy|beneficial|benefits?|benefited|reduce[sd]?|reduction|reducing|decrease[sd]?|lower(?:ed|s)?|increase[sd]?|higher|greater|better|superior|enhance[sd]?|associated|association|correlat\w+|predict\w*|predictor|related\s+to|linked\s+to|risk\s+factor|independent(?:ly)?|useful|valuable|value|helpful|recommend(?:s|ed)?|should\s+be|must\s+be|can\s+be|is\s+(?:a|an)\s+(?:safe|effective|useful|valuable|reliable|accurate|important|good|viable|feasible|promising|simple|sensitive|independent|strong|significant)|safe(?:ly|ty)?|feasible|feasibility|well[-\s]tolerated|accurate(?:ly)?|reliable|reliably|valid|sensitive|specific|important|essential|necessary|plays?\s+(?:a|an)\s+(?:\w+\s+)?role|contribute[sd]?|leads?\s+to|resulted\s+in|results\s+in|caused|causes|induce[sd]?|promot\w+|protect\w*|prevent\w*|successful(?:ly)?|favou?rable|advantage\w*|outperform\w*|confirm\w*|demonstrat\w*|support\w*|influenc\w*|affect\w*|impact\w*|determin\w*|depend\w*|differ\w*|elevated|raised|worse|poorer|more\s+likely|less\s+likely|odds|risk|promising|appropriate|indicated|justified|warranted|effect)\b", Opts)]
    private static partial Regex PositiveCue();

    [GeneratedRegex(@"\b(?:may|might|could|possibl[ey]|potential(?:ly)?|appears?\s+to|seems?\s+to|suggest(?:s|ed|ing)?|likely|perhaps|presumabl[ey]|probabl[ey]|tend(?:s|ed)?\s+to|trend|hypothes\w+|speculat\w+|in\s+part|partly|partially|some\s+patients|selected\s+patients|in\s+(?:certain|some|selected)\s+(?:cases|patients|circumstances))\b", Opts)]
    private static partial Regex HedgeCue();

    [GeneratedRegex(@"\b(?:however|but|although|though|whereas|while|nevertheless|nonetheless|yet|except|only\s+(?:in|for|when|after|if|among))\b", Opts)]
    private static partial Regex ContrastCue();

    [GeneratedRegex(@"\b(?:not(?!\s+only\b)(?!\s+un\w+)(?!\s+without\b)(?!\s+withstanding\b)|no(?!\s+matter\b)|none|neither|nor|never|cannot|unable|fail(?:s|ed)?\s+to|insufficient|inadequate(?:ly)?)\b|n't\b", Opts)]
    private static partial Regex NegationAnchor();

    [GeneratedRegex(@"[,;:]|\b(?:but|whereas|although|though|however|while|yet|except|instead)\b", Opts)]
    private static partial Regex ClauseBreak();

    /// <summary>A negation inside a relative clause ("patients who did not receive X") describes a group, not a finding.</summary>
    [GeneratedRegex(@"\b(?:who|whom|that|which|those|whose|patients|subjects|individuals|participants|women|men|children|cases|controls)\s+(?:\w+\s+)?$|\bwhether\s+or\s+$", Opts)]
    private static partial Regex RelativeClauseBefore();

    // ---- Focus-specific cues.
    [GeneratedRegex(@"\b(?:no\s+(?:\w+\s+){0,3}?(?:increase[sd]?|rise|excess|higher|additional|added)\s+(?:\w+\s+){0,3}?(?:risk|rate|incidence|complications?|morbidity|mortality|adverse|toxicity|harm)|not\s+(?:\w+\s+){0,2}?(?:associated|related|linked)\s+with\s+(?:an?\s+)?(?:increased|higher|greater|excess|additional)\s+(?:\w+\s+){0,2}?(?:risk|rate|complications?|morbidity|mortality)|without\s+(?:\w+\s+){0,2}?(?:increas\w+|additional|added|excess|higher|significant|major|serious)\s+(?:\w+\s+){0,2}?(?:risk|complications?|morbidity|mortality|adverse|toxicity|harm)|without\s+(?:any\s+)?(?:complications?|adverse|morbidity|mortality|harm)|no\s+(?:major\s+|serious\s+|significant\s+)?(?:complications?|adverse\s+(?:events?|effects?)|morbidity|mortality|deaths?|side\s+effects?)|(?:is|are|was|were|appears?\s+to\s+be|seems?\s+to\s+be|be)\s+(?:a\s+)?(?:\w+\s+){0,2}?(?:safe|feasible|well[-\s]tolerated|acceptable|tolerable)|safely|low\s+(?:complication|morbidity|mortality|risk))\b", Opts)]
    private static partial Regex SafeCue();

    [GeneratedRegex(@"\b(?:unsafe|not\s+safe|dangerous|harmful|(?:higher|increased|greater|excess|more)\s+(?:\w+\s+){0,2}?(?:risk|rate|incidence|complications?|morbidity|mortality|adverse|toxicity)|significant\s+(?:complication|morbidity|mortality)\w*|inferior|worse\s+outcomes?|serious\s+(?:complications?|adverse)|should\s+be\s+(?:avoided|used\s+with\s+caution))\b", Opts)]
    private static partial Regex UnsafeCue();

    [GeneratedRegex(@"\b(?:(?:is|are|was|were|be|seems?|appears?)\s+(?:not\s+|un)(?:necessary|needed|required|mandatory|essential|justified|warranted|indicated)|unnecessary|can\s+be\s+(?:safely\s+)?(?:omitted|avoided|abandoned|discontinued|eliminated|withheld|replaced|delayed|reduced|skipped)|(?:is|are)\s+not\s+(?:routinely\s+)?(?:needed|required)|should\s+not\s+be\s+(?:routinely|mandatory|performed|done|used)|not\s+(?:be\s+)?routinely|selective|only\s+(?:in|for|when)|reserved\s+for|(?:no|little)\s+(?:added|additional|incremental)\s+(?:value|benefit)|trivial\s+impact|of\s+(?:little|limited|no)\s+(?:value|benefit|use))\b", Opts)]
    private static partial Regex NotNeededCue();

    [GeneratedRegex(@"\b(?:necessary|needed|mandatory|required|essential|indispensable|justified|warranted|should\s+(?:always\s+|routinely\s+)?be\s+(?:performed|done|used|included|considered|offered|recommended|obtained|carried\s+out|given|implemented|part)|should\s+(?:always|routinely)|must\s+be|recommended)\b", Opts)]
    private static partial Regex NeededCue();

    // ---- Stance toward one named target (a guideline or patient page that speaks about several treatments).
    // A negating governor that reaches the target: "advises against A, B and X", "not use A or X", "without X", "faster than X".
    [GeneratedRegex(@"\b(?:against|(?:not|n't|never)\s+(?:to\s+)?(?:[\w-]+\s+){0,4}?(?:use|used|using|offer|offered|offering|give|given|giving|prescribe|prescribed|take|taking|start|recommend|recommended|need|needed|require|required|treat|treated|screen(?:ed)?\s+for\s+or\s+treated\s+with|screen(?:ed)?|order|request)|without|rather\s+than|instead\s+of|than|avoid(?:s|ed|ing)?|no\s+need\s+for|no\s+role\s+for|unnecessary|stop(?:ping)?)\b", Opts)]
    private static partial Regex TargetNegator();

    // Words that start a new predicate between a governor and the target: the governor no longer reaches it.
    [GeneratedRegex(@"\b(?:recommend\w*|suggest\w*|advis\w*|offer\w*|prefer\w*|is|are|was|were|(?<!-)helps?|should|can|may|works?|but|while|whereas|although|so|because|which|who|that)\b|[;:.]", Opts)]
    private static partial Regex TargetReset();

    // A positive governor right before the target: "recommends X", "offer X", "X is recommended" is handled after.
    [GeneratedRegex(@"\b(?:recommend(?:s|ed)?|suggest(?:s|ed)?|offer(?:s|ed)?|prefer(?:s|red)?|consider(?:s|ed)?|use|start|give|try|benefit\s+from|helped\s+by)\s+(?:[\w,()]+[-\s]){0,5}$", Opts)]
    private static partial Regex TargetPositiveBefore();

    // A negated predicate after the target: "X is not recommended", "X does not help", "X cannot give you flu".
    [GeneratedRegex(@"^[^;:.]{0,60}?\b(?:(?:is|are|was|were|do|does|did|has|have|should|can|could|will|would|may|might|must)\s*(?:not|n't)|cannot|can't|isn't|aren't|don't|doesn't|didn't|won't|wasn't|weren't|shouldn't|no\s+longer|(?:is|are)\s+(?:unlikely|rarely|seldom)|rarely|seldom|unlikely\s+to)\b", Opts)]
    private static partial Regex TargetNegatedAfter();

    /// <summary>
    /// The sign of what a sentence says about one target named in it: -1 when a negation reaches the target
    /// ("advises against X", "X is not recommended", "get better without X", "faster than X"), +1 when a
    /// recommendation governs it directly ("recommends X"), 0 when the sentence does not say (use the sentence's stance).
    /// </summary>
    /// <param name="lowerSentence">The sentence, lower-cased.</param>
    /// <param name="targets">Lower-cased names of the target.</param>
    /// <param name="afterOnly">Only a negated predicate after the target counts (harm questions: "X should not be used" is not "X does no harm").</param>
    public static int TargetSign(string lowerSentence, IEnumerable<string> targets, bool afterOnly = false)
    {
        var at = -1;
        var len = 0;
        foreach (var t in targets)
        {
            if (t.Length < 2)
            {
                continue;
            }
            var i = FindWord(lowerSentence, t);
            if (i >= 0 && (at < 0 || i < at))
            {
                at = i;
                len = t.Length;
            }
        }
        if (at < 0)
        {
            return 0;
        }
        var afterText = lowerSentence[(at + len)..];
        if (TargetNegatedAfter().IsMatch(afterText))
        {
            return -1;
        }
        if (afterOnly)
        {
            return 0;
        }
        var from = Math.Max(0, at - 140);
        var before = lowerSentence[from..at];
        Match? last = null;
        foreach (Match m in TargetNegator().Matches(before))
        {
            last = m;
        }
        if (last is not null)
        {
            var between = before[(last.Index + last.Length)..];
            if (!TargetReset().IsMatch(between))
            {
                return -1;
            }
        }
        if (TargetPositiveBefore().IsMatch(before))
        {
            return 1;
        }
        // "NICE recommends a stepped approach ..., then X ..., and advises against Y": a recommendation earlier in the
        // sentence reaches X when nothing starts a new predicate in between; the "against" later is about Y.
        var governor = RecommendVerb().Matches(before);
        if (governor.Count > 0)
        {
            var verb = governor[^1];
            var reach = before[(verb.Index + verb.Length)..];
            if (!TargetReset().IsMatch(reach) && !TargetNegator().IsMatch(reach))
            {
                return 1;
            }
        }
        return 0;
    }

    [GeneratedRegex(@"\b(?:recommend(?:s|ed)?|suggest(?:s|ed)?|offer(?:s|ed)?)\b", Opts)]
    private static partial Regex RecommendVerb();

    private static int FindWord(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        while (i >= 0)
        {
            var okBefore = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + word.Length;
            var okAfter = end >= text.Length || !char.IsLetterOrDigit(text[end]) || (text[end] == 's' && (end + 1 >= text.Length || !char.IsLetterOrDigit(text[end + 1])));
            if (okBefore && okAfter)
            {
                return i;
            }
            i = text.IndexOf(word, i + 1, StringComparison.Ordinal);
        }
        return -1;
    }

    // A benefit too small to matter reads as "no": "at most a small benefit", "a trivial effect".
    [GeneratedRegex(@"\b(?:at\s+most\s+(?:a\s+)?(?:very\s+)?(?:small|slight|modest|marginal|minimal|trivial)|(?:only\s+)?(?:a\s+)?(?:trivial|negligible|marginal)\s+(?:benefit|effect|improvement|difference))\b", Opts)]
    private static partial Regex MarginalCue();

    /// <summary>The stance of one sentence toward a question of the given focus.</summary>
    public static SentenceStance Classify(string sentence, QuestionFocus focus) => Classify(sentence, focus, null, null);

    /// <summary>
    /// As <see cref="Classify(string, QuestionFocus)"/>; when a sentence says two things ("X is not associated with A
    /// but is associated with B"), the clause that names the question's <paramref name="keywords"/> decides.
    /// </summary>
    public static SentenceStance Classify(string sentence, QuestionFocus focus, IReadOnlyList<string>? keywords) => Classify(sentence, focus, keywords, null);

    /// <summary>As <see cref="Classify(string, QuestionFocus, IReadOnlyList{string})"/>, recording which cues fired (for tuning).</summary>
    internal static SentenceStance Classify(string sentence, QuestionFocus focus, IReadOnlyList<string>? keywords, List<string>? trace)
    {
        if (sentence.Length == 0)
        {
            return default;
        }
        var text = (sentence.Length > 1200 ? sentence[..1200] : sentence).ToLowerInvariant();
        var work = new StringBuilder(text);
        var open = OpenCue().IsMatch(text) || FurtherStudyCue().IsMatch(text);
        var hits = new List<(int Index, double Sign)>();
        var scan = new CueScan(work, hits, trace);

        switch (focus)
        {
            case QuestionFocus.Safety:
                scan.Blank(NotNeededCue(), +1);
                scan.Blank(SafeCue(), +1);
                scan.Blank(UnsafeCue(), -1);
                scan.Blank(NoDifferenceCue(), +1);
                break;
            case QuestionFocus.Equivalence:
                scan.Blank(NoDifferenceCue(), +1);
                scan.Blank(DifferenceCue(), -1);
                break;
            case QuestionFocus.Necessity:
                scan.Blank(NotNeededCue(), -1);
                scan.Blank(NoDifferenceCue(), -1);
                scan.Blank(NeededCue(), +1);
                break;
            case QuestionFocus.Harm:
                scan.Blank(HarmConfirmedCue(), +1);
                scan.Blank(SafeCue(), -1);
                scan.Blank(StrictNoDifferenceCue(), -1);
                scan.Blank(DeficiencyCue(), +1);
                break;
            default:
                scan.Blank(StrictNoDifferenceCue(), -1);
                scan.Blank(MarginalCue(), -1);
                break;
        }
        var lower = text;
        var hasNot = lower.Contains("not", StringComparison.Ordinal) || lower.Contains("n't", StringComparison.Ordinal);
        var hasNo = hasNot || lower.Contains("no", StringComparison.Ordinal) || lower.Contains("neither", StringComparison.Ordinal)
            || lower.Contains("without", StringComparison.Ordinal) || lower.Contains("unable", StringComparison.Ordinal)
            || lower.Contains("fail", StringComparison.Ordinal) || lower.Contains("insufficient", StringComparison.Ordinal)
            || lower.Contains("inadequate", StringComparison.Ordinal);
        if (hasNot)
        {
            scan.Blank(DoubleNegativeCue(), +1);
        }
        // "not only ... but also" is emphasis, not negation; "X rather than Y" is a preference, not a negation.
        var emphasis = hasNot && lower.Contains("not only", StringComparison.Ordinal);
        scan.BlankScope(AgainstCue());
        if (hasNot)
        {
            scan.BlankScope(NegatedVerbCue());
            scan.BlankScope(NotAdjectiveCue());
        }
        if (hasNo)
        {
            scan.BlankScope(NoEffectCue());
        }
        if (focus != QuestionFocus.Harm)
        {
            scan.Blank(DeficiencyCue(), -1);
        }
        // Any other negation left ("none of the markers were validated", "cannot be relied upon") still negates its clause.
        if (hasNo)
        {
            scan.BlankScope(NegationAnchor(), -0.75);
        }
        var rest = work.ToString();
        var positive = PositiveCue().Match(rest);
        for (var p = 0; p < 2 && positive.Success; p++)
        {
            hits.Add((positive.Index, 0.5));
            positive = positive.NextMatch();
        }
        if (emphasis)
        {
            hits.Add((0, 1));
        }

        var pos = hits.Where(h => h.Sign > 0).Sum(h => h.Sign);
        var neg = -hits.Where(h => h.Sign < 0).Sum(h => h.Sign);
        var hedged = HedgeCue().IsMatch(text);
        var contrast = LastContrast(text);
        var mixed = pos > 0 && neg > 0 && contrast >= 0;

        double score;
        if (neg > 0 && pos == 0)
        {
            score = -1;
        }
        else if (pos > 0 && neg == 0)
        {
            score = 1;
        }
        else if (pos > 0 && neg > 0)
        {
            var focused = ClauseOnTopic(text, hits, keywords);
            if (focused != 0)
            {
                // The clause about what the question asks decides.
                score = focused > 0 ? 0.6 : -0.6;
            }
            else if (mixed)
            {
                // "X was associated with A, but not with B": the clause after the contrast carries the conclusion.
                var after = hits.Where(h => h.Index > contrast).Sum(h => h.Sign);
                score = after > 0 ? 0.5 : after < 0 ? -0.5 : (pos - neg) / (pos + neg);
            }
            else
            {
                // Without a contrast, the negation usually carries the finding.
                score = -neg / (neg + (0.4 * pos));
            }
            score = Math.Clamp(score, -1, 1);
        }
        else
        {
            score = 0;
        }
        if (open)
        {
            score *= 0.3;
        }
        else if (hedged)
        {
            score *= 0.7;
        }
        trace?.Add($"pos={pos} neg={neg} open={open} hedged={hedged} mixed={mixed} rest=[{rest.Trim()}]");
        return new SentenceStance(score, hedged, open, mixed);
    }

    /// <summary>
    /// The net sign of the cues in the one clause that names the most question keywords, or 0 when no clause
    /// stands out (ties, no keywords, a single clause).
    /// </summary>
    private static double ClauseOnTopic(string text, List<(int Index, double Sign)> hits, IReadOnlyList<string>? keywords)
    {
        if (keywords is null || keywords.Count == 0)
        {
            return 0;
        }
        var bounds = new List<int> { 0 };
        foreach (Match m in ClauseBreak().Matches(text))
        {
            bounds.Add(m.Index);
        }
        bounds.Add(text.Length);
        if (bounds.Count <= 2)
        {
            return 0;
        }
        var best = -1;
        var bestCount = 0;
        var tie = false;
        for (var c = 0; c < bounds.Count - 1; c++)
        {
            var clause = text[bounds[c]..bounds[c + 1]].ToLowerInvariant();
            var count = 0;
            foreach (var k in keywords)
            {
                var stem = k.Length > 6 ? k[..6] : k;
                if (stem.Length >= 3 && clause.Contains(stem, StringComparison.Ordinal))
                {
                    count++;
                }
            }
            if (count > bestCount)
            {
                best = c;
                bestCount = count;
                tie = false;
            }
            else if (count == bestCount && count > 0)
            {
                tie = true;
            }
        }
        if (best < 0 || tie)
        {
            return 0;
        }
        var sum = 0.0;
        foreach (var (index, sign) in hits)
        {
            if (index >= bounds[best] && index < bounds[best + 1])
            {
                sum += sign;
            }
        }
        return sum;
    }

    private static int LastContrast(string text)
    {
        var last = -1;
        foreach (Match m in ContrastCue().Matches(text))
        {
            last = m.Index;
            // "Although X, Y": the main clause starts after the comma.
            if (m.Index <= 16 && m.Value is "although" or "though" or "while" or "whereas")
            {
                var comma = text.IndexOf(',', m.Index);
                if (comma > 0)
                {
                    last = comma;
                }
            }
        }
        return last;
    }

    /// <summary>Every cue pattern by name (diagnostics and performance tests).</summary>
    internal static IReadOnlyList<(string Name, Regex Pattern)> Cues =>
    [
        ("open", OpenCue()), ("further", FurtherStudyCue()), ("negverb", NegatedVerbCue()), ("notadj", NotAdjectiveCue()),
        ("noeffect", NoEffectCue()), ("against", AgainstCue()), ("nodiff", NoDifferenceCue()), ("strictnodiff", StrictNoDifferenceCue()),
        ("difference", DifferenceCue()), ("deficiency", DeficiencyCue()), ("doubleneg", DoubleNegativeCue()), ("harmconfirmed", HarmConfirmedCue()),
        ("positive", PositiveCue()), ("hedge", HedgeCue()), ("contrast", ContrastCue()), ("anchor", NegationAnchor()),
        ("clause", ClauseBreak()), ("safe", SafeCue()), ("unsafe", UnsafeCue()), ("notneeded", NotNeededCue()), ("needed", NeededCue()),
    ];

    /// <summary>The text being read, the cues found in it so far, and optionally a trace of them (for tuning).</summary>
    private sealed class CueScan(StringBuilder work, List<(int Index, double Sign)> hits, List<string>? trace)
    {
        /// <summary>
        /// Records each match of a negating cue and blanks it with the rest of its clause: words in the scope of a
        /// negation ("did not have a favourable impact") must not count as a positive finding.
        /// </summary>
        public void BlankScope(Regex cue, double sign = -1)
        {
            var s = work.ToString();
            var count = 0;
            foreach (Match m in cue.Matches(s))
            {
                if (string.IsNullOrWhiteSpace(m.Value))
                {
                    continue;
                }
                if (m.Index > 0)
                {
                    var from = Math.Max(0, m.Index - 40);
                    if (RelativeClauseBefore().IsMatch(s.AsSpan(from, m.Index - from)))
                    {
                        continue;
                    }
                }
                if (count++ < 2)
                {
                    hits.Add((m.Index, sign));
                }
                trace?.Add("scope " + m.Value);
                var end = m.Index + m.Length;
                var brk = ClauseBreak().Match(s, end);
                var stop = brk.Success ? brk.Index : s.Length;
                stop = Math.Min(stop, end + 80);
                for (var i = m.Index; i < stop; i++)
                {
                    work[i] = ' ';
                }
            }
        }

        /// <summary>Records each match of a cue and blanks it so later cues do not count the same words.</summary>
        public void Blank(Regex cue, double sign)
        {
            var s = work.ToString();
            var count = 0;
            foreach (Match m in cue.Matches(s))
            {
                if (count++ < 2)
                {
                    hits.Add((m.Index, sign));
                }
                trace?.Add("cue " + m.Value);
                for (var i = m.Index; i < m.Index + m.Length; i++)
                {
                    work[i] = ' ';
                }
            }
        }
    }
}
