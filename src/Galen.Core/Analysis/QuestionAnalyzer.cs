using System.Text.RegularExpressions;
using Galen.Core.Analysis;

namespace Galen.Core;

/// <summary>
/// Reads a question: its kind, the intervention and condition it names (with every synonym the vocabulary knows),
/// the population and context, and whether it describes an emergency. Pure and deterministic.
/// </summary>
public static partial class QuestionAnalyzer
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^(?:is|are|does|do|should\s+i\s+(?:take|use)|can\s+i\s+(?:take|use))\s+", Opts)]
    private static partial Regex LeadingVerbPattern();

    [GeneratedRegex(@"^(?<a>.+?)\s+(?:better|safer|more\s+effective|preferred|best)\b(?:\s+(?:for|in)\s+(?<y>.+))?$", Opts)]
    private static partial Regex ComparatorTailPattern();

    // "How many mg of valerian can I give him so he settles": the words after the verb name no medicine, purpose or not.
    [GeneratedRegex(@"^(?<x>.+?)\s+(?:(?:for|in|to\s+treat|with)\s+(?<y>.+)|(?:should|can|do|does|is|are|am|would|will|could|must|shall|to\s+use|to\s+take|when)\b(?:.*?\b(?:for|in|to\s+treat|with)\s+(?<y>.+)|.*))$", Opts)]
    private static partial Regex DoseRestPattern();

    [GeneratedRegex(@"^(?:is|are)\s+\S+(?:\s+\S+)?\s+or\s+\S+", Opts)]
    private static partial Regex EitherOrPattern();

    [GeneratedRegex(@"\b(?:side[\s-]+effects?|adverse\s+(?:effects?|reactions?|events?)|toxicity|overdose|interactions?|interact)\b", Opts)]
    private static partial Regex AdverseKindCue();

    [GeneratedRegex(@"\beffective\b", Opts)]
    private static partial Regex EffectiveWord();

    [GeneratedRegex(@"^(?:what|how|which|why|when|where|who|is|are|can|could|should|does|do)\b", Opts)]
    private static partial Regex QuestionWordStart();

    // ---- Patterns that pull the intervention (x) and the condition (y) out of a question.
    [GeneratedRegex(@"^(?:so\s+)?(?:does|do|did|can|could|will|would|may|might)\s+(?<x>.+?)\s+(?:really\s+|actually\s+|ever\s+)?(?:(?:help|work|improve|relieve|reduce|treat|cure|prevent|ease|alleviate|lower|benefit|stop|fix|decrease|control|manage|shorten|clear)(?:e?s)?|speeds?\s+up|slows?(?:\s+down)?)\s+(?:(?:well|better|best)\s+)?(?:(?:with|in|for|against|to\s+treat|to\s+relieve|my|the|your|his|her|a|an|people\s+with|patients\s+with)\s+)*(?<y>.+?)$", Opts)]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"^\s*(?:(?:as\s+)?well|better|best|at\s+all|fast|quickly|faster|any\s+more|anymore|long[-\s]term|(?:for\s+)?(?:me|you|him|her|them|us|everyone|everybody))(?:\s+(?:now|then|though|too|enough|or\s+not))*\s*[?.!]*\s*$", Opts)]
    private static partial Regex MannerOnlyPattern();

    [GeneratedRegex(@"^(?:can|could|should|may|might|would)\s+(?<x>.+?)\s+be\s+(?:safely\s+)?(?:used|given|taken|prescribed|recommended|tried|useful|effective|helpful|beneficial|considered|an\s+option|a\s+treatment|a\s+good\s+treatment)\s+(?:(?:to|for|in|as|a|an|the|with)\s+)*(?:(?:treat|treatment|treating|manage|management|managing|relieve|prevent|therapy|cure)\s+(?:of\s+|for\s+|in\s+)?)?(?<y>.+?)$", Opts)]
    private static partial Regex BeUsedPattern();

    [GeneratedRegex(@"^(?:is|are|was|were)\s+(?<x>.+?)\s+(?:an?\s+|the\s+)?(?:(?:good|effective|useful|helpful|beneficial|safe|efficacious|appropriate|recommended|reasonable|viable|proven|first-line|best|valid|real|evidence-based)\s+)+(?:(?:treatment|therapy|option|remedy|choice|drug|medication|medicine|supplement|intervention|cure|way)\s+)?(?:for|in|against|to\s+treat|to\s+manage|with|to\s+prevent|to\s+use\s+for)\s+(?<y>.+?)$", Opts)]
    private static partial Regex IsEffectivePattern();

    [GeneratedRegex(@"^how\s+(?:effective|useful|helpful|good|well|safe)\s+(?:is|are|does|do)\s+(?<x>.+?)\s+(?:work\s+)?(?:as\s+(?:an?\s+)?(?<y>.+?)\s+(?:treatment|therapy|remedy|medication|medicine)|(?:for|in|against|at\s+treating|in\s+treating|to\s+treat|for\s+treating)\s+(?<y>.+?))$", Opts)]
    private static partial Regex HowEffectivePattern();

    [GeneratedRegex(@"^(?:what|which|how\s+much)\s+(?:(?:amount|dose|dosage|level|levels|quantity|doses|amounts|blood\s+level)\s+)?(?:of\s+)?(?<x>.+?)\s+(?:can|could|will|would|may|might|does|do|is|are)\s+(?:cause|lead\s+to|result\s+in|trigger|produce|give\s+(?:you|me|someone)|be\s+(?:toxic|dangerous|too\s+much|harmful))\s*(?<y>.*?)$", Opts)]
    private static partial Regex AmountCausesPattern();

    [GeneratedRegex(@"\b(?:dose|doses|dosage|dosing|" + HowMuchOfAnAmount + @"|how\s+many\s+(?:mg|milligrams|tablets|pills|capsules))\s+(?:of\s+|is\s+|should\s+|do\s+|can\s+)?(?<x>.+?)$", Opts)]
    private static partial Regex DosePattern();

    // "Starting dose and urate target?": what follows "and" is a second thing asked, not what the dose is of.
    [GeneratedRegex(@"^(?:,\s*)?(?:and|&|\+)\s", Opts)]
    private static partial Regex AnotherThingAsked();

    // "How many mg is the first dose usually?": which dose is asked, not of what.
    [GeneratedRegex(@"^(?:(?:an?|the|per|each|every|a\s+single)\s+)?(?:(?:first|starting|initial|usual|typical|normal|standard|loading|maintenance|maximum|max|daily|next)\s+)*(?:dose|doses|dosage|dosing|time|times|day|days)\b", Opts)]
    private static partial Regex DoseWordsOnly();

    // "how much juice is she supposed to drink": what the asker is told, allowed or needs to take is as much taken as "do I take".
    [GeneratedRegex(@"^\s+(?:should|can|do|does|would|must|shall|am|are|is|will|could)\s+(?:i|we|you|he|she|they|one|people|my\s+[\w-]+)\s+(?:(?:meant|supposed|allowed|told|advised|expected)\s+to\s+|(?:need|needs|have|has|ought)\s+to\s+)?(?:take|have|eat|drink|use|give|swallow|chew)\b", Opts)]
    private static partial Regex TakenByTheAsker();

    [GeneratedRegex(@"^(?<x>.+?)\s+(?:dose|doses|dosage|dosing)\s+(?:for|in|during|with)\s+(?<y>.+?)$", Opts)]
    private static partial Regex NamedBeforeDosePattern();

    // "Molnupiravir dose and how many days?", "Zoledronic acid: dose and how often?": a second thing asked after the
    // dose word, the medicine before it.
    [GeneratedRegex(@"^(?<x>.+?)[\s:,-]+(?:dose|doses|dosage|dosing)\s*(?:,|and|or|&|\+)\s*.*$", Opts)]
    private static partial Regex NamedThenDoseAndMorePattern();

    // "Initial dose and target?", "usual daily dose, and for how long?": words that say which dose, not whose.
    [GeneratedRegex(@"^(?:(?:the|a|an|usual|typical|initial|starting|start|first|loading|maintenance|max|maximum|min|minimum|daily|total|weekly|single|recommended|standard|correct|right|normal|adult|target|best|lowest|highest)\s*)+$", Opts)]
    private static partial Regex WhichDoseWordsOnly();

    [GeneratedRegex(@"^(?:so\s+)?how\s+(?:do|should|can|would|to|does\s+one|is\s+one|are\s+we|do\s+we|should\s+we)\s+(?:i|we|you|one|clinicians?|doctors?|physicians?|nurses?)?\s*(?:best\s+)?(?:treat|manage|handle|approach|deal\s+with|get\s+rid\s+of|relieve|cure|control|stop|fix|ease)\s+(?<y>.+?)$", Opts)]
    private static partial Regex HowTreatPattern();

    [GeneratedRegex(@"^(?:what|which)\s+(?:is|are|would\s+be|s)?\s*(?:the\s+)?(?:(?:best|first-line|first\s+line|recommended|usual|standard|current|preferred|main|available|right|treatment)\s+)*(?:treatments?|therapy|therapies|management|options|remedies|remedy|medications?|medicines?|drugs?|approach)\s+(?:options\s+)?(?:for|of|in|to\s+treat|against)\s+(?<y>.+?)$", Opts)]
    private static partial Regex WhatTreatmentPattern();

    [GeneratedRegex(@"^(?:what|which)\s+(?:can|should|do|could|would)\s+(?:i|we|you|one|my\s+\w+|he|she)\s+(?:take|use|do|try|give)\s+(?:for|about|to\s+(?:treat|help|relieve|stop|ease|get\s+rid\s+of))\s+(?<y>.+?)$", Opts)]
    private static partial Regex WhatToTakePattern();

    [GeneratedRegex(@"^(?:what|which)\s+(?:helps?|works?|is\s+good)\s+(?:with\s+|for\s+|against\s+)?(?<y>.+?)$", Opts)]
    private static partial Regex WhatHelpsPattern();

    [GeneratedRegex(@"^how\s+(?:is|are)\s+(?<y>.+?)\s+(?:treated|managed|handled|cured)$", Opts)]
    private static partial Regex HowIsTreatedPattern();

    [GeneratedRegex(@"\b(?:side\s+effects?|adverse\s+(?:effects?|reactions?|events?)|risks?|dangers?|toxicity|complications?|interactions?)\s+(?:of|from|with)\s+(?:taking\s+|using\s+)?(?<x>.+?)$", Opts)]
    private static partial Regex SideEffectsOfPattern();

    [GeneratedRegex(@"^(?:does|do|did|can|could|will|would|may|might|is|are)\s+(?<x>.+?)\s+(?:cause|causes|causing|induce|trigger|lead\s+to|result\s+in|worsen|make|increase(?:\s+the\s+risk\s+of)?|raise|give\s+(?:you|me)|associated\s+with|linked\s+to|responsible\s+for|a\s+cause\s+of)\s+(?<y>.+?)$", Opts)]
    private static partial Regex CausesPattern();

    [GeneratedRegex(@"^(?:is|are)\s+(?:it\s+)?(?:safe|ok|okay|fine|dangerous)\s+to\s+(?:take|use|give|have|drink|combine|mix|rub|apply|put|spray|try|eat)\s+(?<x>.+?)(?:\s+(?:in|during|while|when|with|if|for)\s+(?<y>.+?))?$", Opts)]
    private static partial Regex SafeToTakePattern();

    // "Does the whole family need to take mebendazole too, or just her?": what is to be taken is what is asked about,
    // whoever takes it.
    [GeneratedRegex(@"^(?:does|do|did|will|would|should|must)\s+(?:[\w'-]+\s+){1,4}?(?:need|needs|have|has)\s+to\s+(?:take|use|be\s+given)\s+(?!(?:it|them|this|that|these|those|one|some|any|anything|something|more|less)\b)(?<x>[\w-]+(?:\s+[\w-]+)??)(?:\s+(?:too|as\s+well|also))?(?:\s*,?\s*or\s+.*)?$", Opts)]
    private static partial Regex NeedToTakePattern();

    [GeneratedRegex(@"^(?:is|are)\s+(?<x>.+?)\s+(?:safe|ok|okay|alright|all\s+right|dangerous|harmful|toxic)\b\s*(?:(?:to\s+take\s+|to\s+use\s+)?(?:in|during|for|with|while|if)\s+(?<y>.+?))?$", Opts)]
    private static partial Regex IsSafePattern();

    [GeneratedRegex(@"^(?:(?:which|what)\s+is\s+(?:better|best|more\s+effective|safer)[,:]?\s*)?(?:is\s+)?(?<x>.+?)\s+(?:vs\.?|versus|or|compared\s+(?:with|to)|better\s+than|more\s+effective\s+than|safer\s+than|superior\s+to|as\s+effective\s+as|as\s+good\s+as|instead\s+of)\s+(?<x2>.+?)(?:\s+(?:for|in|to\s+treat|when\s+treating)\s+(?<y>.+?))?$", Opts)]
    private static partial Regex ComparePattern();

    [GeneratedRegex(@"^(?:what|which)\s+is\s+(?:the\s+)?difference\s+between\s+(?<x>.+?)\s+and\s+(?<x2>.+?)$", Opts)]
    private static partial Regex DifferenceBetweenPattern();

    [GeneratedRegex(@"^(?:what\s+(?:is|are)|whats|what's|define|explain|tell\s+me\s+about|what\s+does)\s+(?:a\s+|an\s+|the\s+)?(?<y>.+?)(?:\s+mean)?$", Opts)]
    private static partial Regex DefinitionPattern();

    [GeneratedRegex(@"^(?:how\s+(?:is|are|do\s+you|do\s+doctors|do\s+i|can\s+i|can\s+you|to|would\s+you|should\s+i)\s+(?:diagnose|test\s+for|check\s+for|confirm|tell\s+if\s+i\s+have|know\s+if\s+i\s+have)\s+(?<y>.+?)|how\s+(?:is|are)\s+(?<y>.+?)\s+(?:diagnosed|detected|confirmed)|(?:what|which)\s+tests?\s+(?:are\s+used\s+|is\s+used\s+|should\s+be\s+done\s+|do\s+i\s+need\s+)?(?:to\s+diagnose|for|to\s+confirm|to\s+detect)\s+(?<y>.+?))$", Opts)]
    private static partial Regex DiagnosisPattern();

    [GeneratedRegex(@"\b(?:prognosis|outlook|life\s+expectancy|survival|chances\s+of\s+recovery)\s+(?:of|for|with|in|after)\s+(?<y>.+?)$", Opts)]
    private static partial Regex PrognosisPattern();

    [GeneratedRegex(@"\b(?:prevent|prevention\s+of|avoid\s+getting|reduce\s+(?:the|my|his|her)\s+risk\s+of|lower\s+(?:the|my|his|her)\s+risk\s+of)\s+(?<y>.+?)$", Opts)]
    private static partial Regex PreventPattern();

    [GeneratedRegex(@"^(?:what\s+(?:causes|can\s+cause|could\s+cause|is\s+the\s+cause\s+of|are\s+the\s+causes\s+of|triggers)|causes\s+of|why\s+(?:do|does|did|am|is|are)\s+(?:i|you|people|we|he|she|my\s+\w+)?\s*(?:get|have|develop|getting|having)?)\s+(?<y>.+?)$", Opts)]
    private static partial Regex WhatCausesPattern();

    // ---- Kind cues.
    // "By what percentage", "at what point", "for how long", "from which age": a preposition before the question word.
    [GeneratedRegex(@"^(?:so\s+|and\s+|but\s+)?(?:(?:by|at|in|for|from|to|with|on|after|before|until|till|up\s+to)\s+(?=(?:what|which|whom|whose|when|how)\b))?(?:what|which|who|whom|whose|when|where|why|how|define|explain|tell|list|describe)\b", Opts)]
    private static partial Regex WhStartPattern();

    // "already on levothyroxine - what TSH range?": a dash between words sets off the question as a colon does. "The
    // count at which a steroid is favoured?" asks for the value its "at which" points to.
    [GeneratedRegex(@"(?:[:.;,]|\s[-–—]+)\s*(?:what|which|who|when|where|why|how)\b|\b(?:at|above|below|over|under|from|beyond)\s+which\b", Opts)]
    private static partial Regex WhInsidePattern();

    // A question without a verb that names the thing it wants ("Course length?", "First-line treatment for anaphylaxis?",
    // "Antibiotic choice for cellulitis?", "target saturation range?", "timing and preparation for the bloods?", "the level
    // that defines deficiency?") asks for a value, as "what is ..." would; "X: a treatment for Y?" and "X for Y?" still
    // ask whether.
    [GeneratedRegex(@"(?:^|[:.;]\s+)(?!(?:an?|the|any|is|are|does|do|can|should)\b)(?:[\w-]+\s+){0,5}?(?:length|duration|dose|dosage|doses|target|threshold|cut-?off|interval|frequency|regimen|route|timing|range|ranges|goal|levels?(?=\s+(?:that|which)\b)|choice|alternatives?|options?|next\s+steps?|stance|position|advice|recommendations?|approach|management|plan|worry|concern|diagnosis|differential|first[- ]line(?:\s+(?:treatment|therapy|drug|medicine|antibiotic|option|choice))?|second[- ]line(?:\s+(?:treatment|therapy|drug|medicine|antibiotic|option|choice))?|drug of choice|treatment of choice)(?:\s+(?:and|or|&)\s+[\w-]+)?(?:\s+(?:for|of|in|with|after|when|to|that|which)\b[^?:.;]*)?\?\s*$", Opts)]
    private static partial Regex AsksForValuePattern();

    // "Would like to learn more about ..." is a request, not a yes/no question.
    [GeneratedRegex(@"^(?:so\s+|and\s+|but\s+|also\s+|then\s+)?(?:is|are|was|were|does|do|did|can|could|should|will|would|may|might|has|have|had|must|shall|isn't|aren't|doesn't|don't|won't|can't)\b(?!\s+(?:like|love|appreciate)\b)", Opts)]
    private static partial Regex AuxStartPattern();

    [GeneratedRegex(@"[:.;,]\s*(?:is|are|does|do|can|should|will|was|were|did|has|have|could)\s+(?:it|they|this|there|these|that|we|he|she|the|a|an)\b", Opts)]
    private static partial Regex TrailingYesNoPattern();

    [GeneratedRegex(@"^how\s+(?:effective|well|useful|helpful|good)\b", Opts)]
    private static partial Regex HowEffectiveStartPattern();

    [GeneratedRegex(@"\b(?:vs\.?|versus|compared\s+(?:with|to)|better\s+than|worse\s+than|superior\s+to|inferior\s+to|more\s+effective\s+than|less\s+effective\s+than|as\s+effective\s+as|as\s+good\s+as|safer\s+than|difference\s+between|which\s+is\s+(?:better|best|safer)|which\s+(?:one\s+)?(?:works|would\s+work|helps|would\s+help|would\s+be|will\s+be)\s+(?:better|best|safer|more\s+effective))\b", Opts)]
    private static partial Regex ComparisonCue();

    // "the normal strength for an adult", "how often do you take it", "loading and maintenance schedule": the strength,
    // the frequency and the schedule of injections are the dose.
    [GeneratedRegex(@"\b(?:dose|doses|dosage|dosing|(?:dos(?:e|ing)|loading|maintenance|injection|treatment)\s+(?:and\s+[\w-]+\s+)?(?:schedule|regimen)s?|(?:normal|usual|standard|adult|right|correct)\s+strength|how\s+often\s+(?:do|should|can|must|am|are|is)\s+(?:i|you|we|he|she|they)\s+(?:take|use|give|have)\b|" + HowMuchOfAnAmount + @"|" + HowManyOfADose + @"|amount\s+of|maximum\s+daily|max(?:imum)?\s+dose|mg|milligrams?|upper\s+limit|what\s+level|toxic\s+level|blood\s+level|the\s+most\s+(?:[\w-]+\s+){0,3}?(?:i|you|we|he|she|they)\s*(?:'m|'re|am|are|is)?\s+(?:allowed|able|can|could|should|may))\b", Opts)]
    private static partial Regex DosingCue();

    /// <summary>
    /// "How much" asking for an amount: "how much lower does that make my risk?" and "how much weight do people drop
    /// on it?" ask how large an effect is, not an amount to take. Shared with <see cref="Composition.AmountAsked"/>.
    /// </summary>
    internal const string HowMuchOfAnAmount = @"how\s+much\b(?!\s+(?:lower|higher|better|worse|smaller|bigger|greater|safer|faster|slower|sooner|longer|shorter|earlier|later|(?:more|less)\s+(?:likely|effective|risky|dangerous|common|often))\b)(?!" + HowMuchOfAnEffect + ")";

    /// <summary>
    /// "How much (of your) weight do people lose": the amount is of a change the treatment brings about, not of the
    /// treatment. "How much weight do I need to lose" asks for an amount to reach, as a dose is.
    /// </summary>
    internal const string HowMuchOfAnEffect = @"(?:\s+[\w'-]+){0,5}?\s+(?:do|does|did|will|would|can|could|might|may)\s+(?:(?!(?:need|needs|have|has|want|wants|got|ought)\b)[\w'-]+\s+){1,3}?(?:lose|gain|shed|drop|put\s+on|fall|go\s+down|come\s+down|improve|reduce|lower|raise|cut)\b";

    /// <summary>
    /// "How many" before a unit a medicine is measured or given in, with up to two words between ("how many fingertip
    /// units"): the question asks for a dose, whatever its verb. Shared with <see cref="Composition.AmountAsked"/>.
    /// </summary>
    internal const string HowManyOfADose = @"how\s+many\s+(?:(?!(?:minutes?|hours?|days?|weeks?|months?|years?)\b)[\w-]+\s+){0,2}?(?:milligrams?|mg|micrograms?|mcg|units?|iu|grams?|tablets?|pills?|capsules?|puffs?|doses?|drops?|ml|sprays?|sachets?|patches?|teaspoons?|spoonfuls?|squirts?|inhalations?)\b";

    // "From the medicine" blames a cause; "from the outset" or "from the start" only says when. "Am I alright to drive",
    // "is it fine to have a drink", "is that combination OK?": whether a thing is safe to do, whatever the verb. What a
    // thing "gives you" is a harm ("gives me headaches"); "anything I can give him while we wait" asks for a treatment.
    [GeneratedRegex(@"\b(?:(?:is|are)\s+(?:it|that|this|they|these|those)(?:\s+(?:combination|mix|combo|together))?\s+(?:ok(?:ay)?|alright|all\s+right|fine)\s*[?.!]*\s*$|side[\s-]+effects?|adverse|toxicity|toxic|overdose|safe|safely|safety|risks?|dangers?|interactions?|interact|harmful|dangerous|cause|causes|causing|caused|induce|induced|trigger|worsen|contraindicat\w*|(?:give|gives|gave|giving)\s+(?:you|me|him|her|them|us|people|children)\s+(?!(?:relief|energy|a\s+boost|protection|immunity|while|whilst|when|if|for|before|after|until|till|so|now|as|at|in|on|to|tonight|today|anything|something|some|any)\b)(?:an?\s+|the\s+)?\w+|(?:can|could|may|should)\s+i\s+(?:take|use|give|have|drink)|(?:ok(?:ay)?|alright|all\s+right|fine)\s+(?:for\s+(?:me|him|her|them|us)\s+)?to\s+(?!(?:treat|help|cure|prevent|manage|relieve|ease)\b)\w+|(?:ok(?:ay)?|alright|all\s+right|fine)\s+for\s+(?:me|him|her|them|us|you)\b|while\s+(?:pregnant|breastfeeding|nursing)|careful|precautions?|harms?|damag(?:e|es|ed|ing)|(?:anything|things?|what)\s+(?:(?:i|we|you)\s+(?:should|need\s+to)\s+|should\s+(?:i|we|you)\s+|(?:need\s+)?to\s+)?(?:watch|look\s+out|be\s+aware)|any\s+problems?(?:\s+(?:with|in|taking|using|having|giving|mixing|combining)\b[^?.!]*)?\s*[?.!]*\s*$|(?:anything|something)\s+to\s+do\s+with\s+(?:it|this|that|them)|from\s+(?:the|my|his|her|this)\s+(?!(?:outset|start|beginning|onset|first|get-go)\b)\w+|because\s+of|due\s+to|caused\s+by)\b", Opts)]
    private static partial Regex AdverseCue();

    [GeneratedRegex(@"\b(?:treat|treats|treating|treated|treatment|treatments|manage|management|managing|therapy|therapies|remedy|remedies|cure|relieve|get\s+rid\s+of|what\s+(?:can|should)\s+(?:i|we)\s+(?:take|do|give)|(?:anything|something)\s+(?:that\s+)?(?:i|we)\s+(?:can|could|should)\s+(?:take|do|give)|help\s+with|helps?|what\s+(?:\w+\s+)?works?(?:\s+(?:best|well))?\s+(?:for|to|on|against)|what\s+(?:\w+\s+)?works\s+best)\b", Opts)]
    private static partial Regex TreatmentCue();

    [GeneratedRegex(@"\b(?:diagnos\w*|tests?\s+for|screen(?:ing)?\s+for|work-?up|distinguish|differentiate|tell\s+the\s+difference|how\s+(?:do|can)\s+(?:i|you)\s+know\s+if|sensitivity|specificity|accura\w+)\b", Opts)]
    private static partial Regex DiagnosisCue();

    [GeneratedRegex(@"\b(?:prognosis|outlook|life\s+expectancy|survival|go\s+away|how\s+long\s+(?:does|will|do)|recover|recovery|chances|mortality|predict\w*)\b", Opts)]
    private static partial Regex PrognosisCue();

    [GeneratedRegex(@"\b(?:prevent|prevents|preventing|prevention|avoid\s+getting|(?:stop|stops|keep|keeps)\s+(?:it|this|them|these|the\s+\w+)\s+(?:from\s+)?coming\s+back|reduce\s+(?:the|my|his|her)\s+risk|lower\s+(?:the|my|his|her)\s+risk|prophylaxis|prophylactic)\b", Opts)]
    private static partial Regex PreventionCue();

    [GeneratedRegex(@"^(?:what\s+(?:causes|can\s+cause|could\s+cause|is\s+the\s+cause|are\s+the\s+causes)|causes\s+of|why\s+(?:do|does|did|am|is|are)\b)", Opts)]
    private static partial Regex CausesCue();

    [GeneratedRegex(@"^(?:what\s+(?:is|are)|whats|what's|define|what\s+does\s+.+\s+mean|tell\s+me\s+about|explain)\b", Opts)]
    private static partial Regex DefinitionCue();

    // "What's the next step?", "what is the best option now?": asks which one to choose, not what a thing is; the
    // medicine and condition it is about are named around it.
    [GeneratedRegex(@"^(?:what\s+(?:is|are)|whats|what's)\s+(?:the\s+|my\s+|a\s+|an\s+)?(?:first|next|best|safest|preferred|usual|right|recommended|main|alternative|other)\b", Opts)]
    private static partial Regex ChoiceAskedCue();

    // "What's the concern?", "what is the main worry here?": asks what could go wrong with what the story tells, not what
    // a thing is; the medicines and conditions it is about are in the story.
    [GeneratedRegex(@"^(?:what\s+(?:is|are)|whats|what's)\s+(?:the\s+|my\s+|a\s+|any\s+)?(?:main\s+|big\s+|biggest\s+|real\s+)?(?:concerns?|worry|worries|issues?|catch|danger)\b", Opts)]
    private static partial Regex WorryAskedCue();

    // ---- Focus cues for yes/no questions.
    [GeneratedRegex(@"\b(?:as\s+(?:effective|good|safe|accurate)\s+as|the\s+same|same\s+as|identical|interchangeable|equal|equivalent|non-?inferior|comparable|similar|equally|substitute|replace|alternative\s+to|instead\s+of)\b", Opts)]
    private static partial Regex EquivalenceCue();

    [GeneratedRegex(@"\b(?:safe|safely|safety|feasible|feasibility|tolerated|tolerable|acceptable|well\s+tolerated|(?:can|could|may|should)\s+i\s+(?:take|use|give|have|drink)|(?:ok(?:ay)?|alright|all\s+right|fine)\s+(?:for\s+(?:me|him|her|them|us)\s+)?to\s+(?!(?:treat|help|cure|prevent|manage|relieve|ease)\b)\w+|(?:ok(?:ay)?|alright|all\s+right|fine)\s+for\s+(?:me|him|her|them|us|you)\b|while\s+(?:pregnant|breastfeeding|nursing)|any\s+problems?\s+(?:with|taking|using|having|giving|mixing|combining)\b|be\s+(?:safely\s+)?(?:omitted|avoided|discontinued|delayed|withheld|stopped|skipped|abandoned|shortened|reduced|replaced))\b", Opts)]
    private static partial Regex SafetyCue();

    [GeneratedRegex(@"\b(?:better|superior|more\s+effective|outperform|more\s+accurate|worse|inferior|more\s+likely|less\s+likely|higher|lower)\b", Opts)]
    private static partial Regex SuperiorityCue();

    [GeneratedRegex(@"\b(?:necessary|needed|need|needs|mandatory|required|essential|obligatory|justified|warranted|indispensable|routinely|routine|always)\b", Opts)]
    private static partial Regex NecessityCue();

    [GeneratedRegex(@"\b(?:cause|causes|induce|induces|increase\s+the\s+risk|raise\s+the\s+risk|risk\s+factor|harmful|harm|toxic|worsen|dangerous|adverse|side\s+effects?|complications?|contraindications?|from\s+(?:the|my|his|her|this)\s+(?!(?:outset|start|beginning|onset|first|get-go)\b)\w+|because\s+of|due\s+to|caused\s+by)\b", Opts)]
    private static partial Regex HarmCue();

    [GeneratedRegex(@"\b(?:accurate|accuracy|reliable|reliability|valid|validity|sensitive|specific|agree|agreement|reproducible|detect|identify|diagnose|predict\w*)\b", Opts)]
    private static partial Regex AccuracyCue();

    [GeneratedRegex(@"\b(?:associated|association|related|relationship|correlate\w*|linked|link|influence\w*|affect|affects|impact|differ\w*|depend\w*|determinant|factor|role|predictor)\b", Opts)]
    private static partial Regex AssociationCue();

    // ---- Context, population, follow-up, markup.
    [GeneratedRegex(@"\s*,?\s*(?:that\s+|which\s+|who\s+)?(?:has\s+|have\s+)?(?:started|start|began|begun|developed|occurred|appeared|came\s+on|happened|got\s+worse|worsened|appeared|arose|emerged|occurring|starting|beginning|developing)?\s*(?<ctx>\b(?:after|since|following|while|when|upon)\s+(?:i\s+|he\s+|she\s+|they\s+|we\s+|you\s+|the\s+patient\s+)?(?:was\s+|were\s+|am\s+|is\s+|been\s+|got\s+|get\s+)?(?:started|starting|initiating|initiation\s+of|increasing|increase\s+of|beginning|began|taking|took|stopping|stopped|switching|switched|put\s+on|being\s+put\s+on|using|on|the\s+start\s+of|a\s+dose\s+increase|dose\s+increase|receiving|given|treatment\s+with|an?\s+increase|exposure\s+to)\b.*)$", Opts)]
    private static partial Regex ContextPattern();

    [GeneratedRegex(@"^\s*(?:for|because\s+of|to\s+(?:treat|stop|help(?:\s+with)?))\s+(?:(?:his|her|my|their|the|a|an|some|bad)\s+)?", Opts)]
    private static partial Regex IndicationPattern();

    [GeneratedRegex(@"\b(?:(?:started|put|begun|began|switched)\s+(?:me|him|her|them|us|my\s+\w+)?\s*(?:on|taking)|gave\s+(?:me|him|her|them|us|my\s+\w+)|(?:given|prescribed|taking|took|been\s+on|am\s+on|is\s+on|was\s+on|started)|new)\s+(?<drug>[\w-]+(?:\s+[\w-]+)?)", Opts)]
    private static partial Regex StoryDrugPattern();

    [GeneratedRegex(@"^(?:it|i|we|me|him|her|us|you|this|that|they|them|these|those|this\s+medicine|this\s+medication|this\s+drug|the\s+medicine|the\s+medication|the\s+drug|this\s+one|that\s+one|the\s+same|these\s+symptoms|this\s+problem|this\s+condition|the\s+symptoms|going\s+on|happening|wrong|wrong\s+with\s+(?:me|him|her|them|my\s+\w+)|the\s+matter|the\s+matter\s+with\s+(?:me|him|her|them))$", Opts)]
    private static partial Regex PronounPattern();

    [GeneratedRegex(@"<[^>]{0,500}>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"&(?:[a-z]{2,8}|#\d{1,6});", RegexOptions.IgnoreCase)]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"\s*\((?<alias>[^()]{1,80})\)")]
    private static partial Regex ParentheticalPattern();

    [GeneratedRegex(@"^(?:(?:a|one|two|a\s+few|a\s+couple\s+of)\s+(?:glass(?:es)?|cups?|mugs?|bottles?|cans?|spoons?|spoonfuls?|teaspoons?|tablespoons?|drops?|dabs?|capfuls?|shots?|splash)\s+of|a\s+few|a\s+couple\s+of|a|an|the|and|or|but|also|my|your|his|her|our|their|this|that|these|those|some|any|to|taking|using|take|use|having|have|drinking|drink|oral|extra|supplemental|regular|daily|high[-\s]dose|low[-\s]dose|people\s+with|patients\s+with|someone\s+with|persons?\s+with|children\s+with|adults\s+with|treating|treatment\s+of|the\s+treatment\s+of|symptoms\s+of|me|him|her|them|it|actually|really|exactly)\s+", Opts)]
    private static partial Regex LeadingFillerPattern();

    [GeneratedRegex(@"^(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)?[\s-]*(?:years?|yrs?|months?|weeks?|days?)[\s-]*olds?$", Opts)]
    private static partial Regex AgeOfPersonPattern();

    // "we give a 5-year-old" (a person doing something) and "be taken", "been stopped" (a verb in the passive) are
    // clauses, never the name of a treatment or condition.
    // "I'm feeding her", "we've tried" too: the contracted auxiliary is still a person doing something; so is a phrase
    // with a negated one anywhere in it, typed with or without the apostrophe ("mean it isnt going to").
    [GeneratedRegex(@"^(?:i|we|you|he|she|they)(?:['\u2019]?(?:m|re|ve|d|ll|s)|m|ve)?\s+\w|^(?:be|been|being)\s+\w+(?:ed|en|wn|ne|ken|ven)\b|\b(?:is|are|was|were|do|does|did|has|have|had|ca|wo|should|would|could)n['\u2019]?t\b", Opts)]
    private static partial Regex ClausePattern();

    // "68 year old bloke": the age and the word for the person are who is asked about, never the topic.
    [GeneratedRegex(@"\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?:years?|yrs?|months?|weeks?|days?)[\s-]*olds?(?:\s+(?:bloke|guy|man|woman|lady|chap|fella|fellow|gent|lad|lass|boy|girl|son|daughter|child|kid|baby|male|female))?\b", Opts)]
    private static partial Regex AgeOfPersonInText();

    [GeneratedRegex(@"\s+(?:symptoms?|in\s+(?:adults?|children|kids|the\s+elderly|older\s+adults|elderly\s+patients|pregnancy|pregnant\s+women|women|men|infants|patients)|during\s+pregnancy|at\s+night|(?:each|every)\s+(?:morning|day|night|evening)|(?:a|per)\s+(?:day|night|week)|(?:on|onto|over)\s+(?:my|his|her|their|your|our|the)\s+[\w'-]+(?:\s+[\w'-]+)?|(?:at|on|over)\s+(?:the\s+)?weekends?|with\s+(?:my|his|her|our|a|the)\s+(?:dinner|meal|meals|food|lunch|breakfast|tea)|anymore|too|then|now|instead|again|next\s+time|this\s+time|in\s+future|from\s+now\s+on|as\s+well|at\s+all|in\s+general|right\s+now|safely|though|please|for\s+me|for\s+(?:him|her|them)|effectively|\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|mls|%|units?|iu|tablets?|pills?)?|(?:in|for|with)\s+(?:my|our|his|her|a|an|the)\s+(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?:years?|yrs?|months?|weeks?|days?)[\s-]*olds?(?:\s+(?:son|daughter|boy|girl|child|baby|kid))?|actually|really|exactly|for|afterwards|after(?:\s+(?:meals|eating|food))?|(?:before|ahead\s+of)\s+(?:my|your|his|her|their|our|the|a|an|next|each|every|any|going|bed|surgery|an?\s+operation)\b.*)$", Opts)]
    private static partial Regex TrailingFillerPattern();

    [GeneratedRegex(@"\b(?:in|during|for)\s+(?<pop>pregnancy|pregnant\s+women|children|kids|infants|babies|newborns|adults|older\s+adults|the\s+elderly|elderly\s+(?:patients|people)|adolescents|teenagers|women|men|breastfeeding(?:\s+women)?|postmenopausal\s+women|athletes)\b", Opts)]
    private static partial Regex PopulationPattern();

    // "My mother-in-law says bundle him up", "my mum reckons": a relative who gives advice is not the one asked about.
    [GeneratedRegex(@"\b(?:my|our)\s+(?<pop>son|daughter|boy|girl|baby|child|kid|toddler|newborn|infant|teenager|mother|mom|mum|father|dad|grandmother|grandfather|grandma|grandpa|wife|husband)\b(?![\s-]+in[\s-]+law\b|\s+(?:says|said|reckons|thinks|thought|told|swears|insists|always\s+says|keeps\s+(?:on\s+)?(?:saying|telling|asking|insisting))\b)|(?:^\s*|[.!?]\s+)(?<pop>baby|toddler|newborn|infant)\s+(?:is|has|was|keeps)\b|\b(?<pop>pregnant|breastfeeding)\b|(?<!\bborn\s+(?:at\s+)?)\b\d{1,2}\s*weeks?['\u2019]?\s+(?<pop>gestation)\b", Opts)]
    private static partial Regex StoryPopulationPattern();

    [GeneratedRegex(@"\b(?:my|our)\s+(?:son|daughter|boy|girl|child|kid|mother|mom|mum|father|dad|wife|husband|partner|brother|sister)(?:(?:['\u2019]s)?\s*,?\s*(?:who\s+is|who['\u2019]s|is|aged|age)\s+(?<age>\d{1,3})\b(?!\s*(?:months?|weeks?|days?|hours?|kg|kilos?|lbs?|pounds?|stone|%|cm|mg|units?|times?)\b)|['\u2019]s\s+(?<age>\d{1,3})(?=\s*(?:[,.;:!?)]|$|(?:and|but|now|so|with|has|who|years?|yrs?)\b)))", Opts)]
    private static partial Regex KinWithAgePattern();

    // "10-year risk", "a 5 year survival": a number of years before a period's measure is not an age. "I'm 2 days into
    // the tablets" is a time since starting, not an age; "an 8 month old", "she's 6 weeks", "baby girl, 7 weeks" are ages
    // under a year or two.
    [GeneratedRegex(@"\b(?<age>\d{1,3})[-\s]?(?:years?[-\s]old|yrs?[-\s]old|yo|y/o|year(?![-\s]+(?:risk|cvd|ascvd|cardiovascular|survival|mortality|history|follow|period|course|rate|chance|outcome)))\b|\b(?<young>\d{1,2})[-\s]?(?<unit>months?|weeks?|days?)[-\s]old\b|\b(?:he'?s|she'?s|he\s+is|she\s+is)\s+(?<young>\d{1,2})\s*(?<unit>months?|weeks?)\b(?!\s+(?:into|of|on|since|after|pregnant|late|early|overdue)\b)|\b(?:baby|infant|newborn)(?:\s+(?:boy|girl|son|daughter))?\s*,?\s*(?:aged\s+)?(?<young>\d{1,2})\s*(?<unit>months?|weeks?|days?)\b(?!\s+(?:into|of|on|since|after|ago|later|pregnant|late|early|overdue)\b)|\b(?:i'?m|i\s+am|he'?s|she'?s|he\s+is|she\s+is|aged?)\s+(?<age>\d{1,3})\b(?!\s*(?:mg|kg|lb|lbs|%|cm|ml|g|months?|weeks?|days?|hours?|minutes?|stone|pounds?|kilos?|units?|times?)\b)", Opts)]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex LatinWordPattern();

    /// <summary>Words for a person the story is about: never the name of a treatment or a topic.</summary>
    private static readonly string[] PersonWords =
    [
        "son", "sons", "daughter", "daughters", "boy", "girl", "child", "kid", "kids", "wife", "husband", "partner", "mum",
        "mom", "mother", "dad", "father", "baby", "babies", "newborn", "infant", "toddler", "teenager", "teen", "grandmother",
        "grandfather", "grandma", "grandpa", "nan", "nana", "gran", "granny", "grandad", "brother", "sister", "friend",
        // "doc says it's mild": the one who looks after the asker is a person too, never the topic.
        "doc", "doctor", "gp", "nurse", "pharmacist", "consultant",
    ];

    private static readonly HashSet<string> FollowUpWords = new(
    [
        "dose", "doses", "dosage", "dosing", "amount", "side", "effects", "effect", "safe", "safety", "pregnancy", "pregnant",
        "risk", "risks", "children", "kids", "elderly", "adults", "long", "often", "much", "many", "alternative",
        "alternatives", "options", "option", "interactions", "interaction", "breastfeeding", "mg", "daily", "day",
        // "What is going on?" asks about the story told before it, not about a topic called "going on".
        "going", "happening", "happened", "happen", "happens", "wrong", "matter",
        // "What is the first thing to try to get rid of ...?": which step is asked, and the doing of it; never the topic.
        "first", "next", "try", "rid", "gets", "getting", "got",
        // "My son has ...", "is this just a newborn thing?": the person asked about, as "my 6 year old" is.
        .. PersonWords,
        // "is it just normal stuff?": a word for anything names nothing.
        "stuff", "thing", "things",
        // "good idea?": a judgement asked for names nothing; nor does a word of relation ("leave between the two").
        "idea", "ideas", "wise", "sensible", "advisable", "between",
        // "a bit off", "a lot worse": a degree names nothing.
        "bit", "lot",
        // "every other day instead of daily": how often, and in place of what, name nothing.
        "every", "instead",
    ], StringComparer.Ordinal);

    private static readonly string[] GenericHeads =
    [
        "supplements", "supplement", "supplementation", "therapy", "treatment", "treatments", "medication", "medications",
        "medicine", "medicines", "pills", "pill", "tablets", "tablet", "capsules", "use", "intake", "levels", "level",
        "injections", "injection", "infusion", "drugs", "drug", "products", "oil",
    ];

    /// <summary>Reads a question, taking what it leaves out (the medicine, the condition) from the earlier questions.</summary>
    public static QuestionAnalysis Analyze(string question, IReadOnlyList<string> after)
    {
        var current = AnalyzeOne(question);
        if (after is null || after.Count == 0)
        {
            return current;
        }
        var needsIntervention = current.Interventions.Count == 0;
        var needsCondition = current.Conditions.Count == 0 || current.Conditions.All(c => c.Type == "fallback");
        if (!needsIntervention && !needsCondition)
        {
            return current;
        }
        IReadOnlyList<Term> interventions = current.Interventions;
        IReadOnlyList<Term> conditions = current.Conditions;
        var used = false;
        for (var i = after.Count - 1; i >= 0 && (needsIntervention || needsCondition); i--)
        {
            if (string.IsNullOrWhiteSpace(after[i]))
            {
                continue;
            }
            var earlier = AnalyzeOne(after[i].Length > 20_000 ? after[i][..20_000] : after[i]);
            if (needsIntervention && earlier.Interventions.Count > 0)
            {
                interventions = earlier.Interventions;
                needsIntervention = false;
                used = true;
            }
            if (needsCondition && earlier.Conditions.Count > 0)
            {
                // A population word ("pregnancy") in the follow-up is not a condition; the earlier condition stands.
                conditions = earlier.Conditions;
                needsCondition = false;
                used = true;
            }
        }
        if (!used)
        {
            return current;
        }
        var keywords = current.Keywords.ToList();
        foreach (var t in interventions.Concat(conditions))
        {
            foreach (var w in TextTools.Tokens(TextTools.Normalize(t.Name)))
            {
                if (!keywords.Contains(w) && !TextTools.StopWords.Contains(w))
                {
                    keywords.Add(w);
                }
            }
        }
        return current with { Interventions = interventions, Conditions = conditions, UsesConversation = true, Keywords = keywords };
    }

    /// <summary>Cleans markup and control characters out of a question.</summary>
    public static string Clean(string question)
    {
        var text = question;
        if (text.Contains('<'))
        {
            text = TagPattern().Replace(text, " ");
        }
        if (text.Contains('&'))
        {
            text = EntityPattern().Replace(text, m => m.Value.ToLowerInvariant() switch
            {
                "&amp;" => "&",
                "&lt;" => "<",
                "&gt;" => ">",
                "&quot;" => "\"",
                "&#39;" or "&apos;" => "'",
                _ => " ",
            });
        }
        var chars = text.Select(c => char.IsControl(c) && c != '\n' ? ' ' : c).ToArray();
        return new string(chars).Trim();
    }

    // "What's" and the "whats" typed without its apostrophe are "what is"; the patterns that read a question are
    // written for the full form.
    [GeneratedRegex(@"\b(?<w>what|where|who|how)(?:['\u2019]s|s)\b", Opts)]
    private static partial Regex QuestionWordContraction();

    // "Is there any point (in) stopping?" asks whether stopping is worth it: the patterns read "is it worth", and "point"
    // names no topic.
    [GeneratedRegex(@"\b(?:is|was)\s+there\s+(?:any|much|a)\s+point\s+(?:in\s+)?", Opts)]
    private static partial Regex AnyPointIdiom();

    // "Is there any proof that cutting out dairy clears acne?" asks whether cutting out dairy clears it, as "does ..."
    // would; an "or" inside it ("dairy or sweets") names what is tried, not two answers to choose from. "Is there any
    // evidence that works?" drops its subject: it asks whether "it" works; "are there studies that show ..." asks the
    // same of what they would show.
    [GeneratedRegex(@"\b(?:is|are)\s+there\s+(?:any|some|much|good|real|solid|strong|actual|enough)?\s*(?:scientific\s+)?(?:evidence|proof|research|science|data|studies)\s+that\s+(?:(?:shows?|proves?|suggests?)\s+(?:that\s+)?)?(?<bare>(?=(?:really\s+|actually\s+)?(?:works?|helps?)\b))?", Opts)]
    private static partial Regex EvidenceThatIdiom();

    /// <summary>
    /// The text with a level said to be low or high written as the condition it names when the vocabulary knows that
    /// name ("blood results show my b12 is low": "low b12"; "the meter shows a low number" after "glucose": "low
    /// glucose"), and waking at a small-hours clock time written as waking early, so that a condition told as a reading
    /// or a time is read like one told by name.
    /// </summary>
    public static string ConditionsSaidAsReadings(string text)
    {
        text = ClockWaking().Replace(text, "waking early");
        // A kidney function reading below 60 ("eGFR 38", "CrCl of about 45") is low kidney function, which is how sources
        // name the case ("avoid when kidney function is low"); a fall ("eGFR down 15") is no reading of it. Only beside the
        // illness the question names: alone ("eGFR 40: nirmatrelvir dose?") it would become the topic, and the illness
        // the medicine is for is not named.
        if (KidneyReading().IsMatch(text) && Vocabulary.FindAll(text).Any(t => t.Group.IsCondition))
        {
            text = KidneyReading().Replace(text, m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) < 60
                ? m.Value + " (kidney function is low)" : m.Value);
        }
        var said = LevelSaidLowOrHigh().Matches(text);
        if (said.Count == 0)
        {
            return text;
        }
        var result = new System.Text.StringBuilder();
        var at = 0;
        foreach (Match m in said)
        {
            // The name is one to three words just before: the longest the vocabulary knows with "low" or "high" before it.
            var before = NameBefore().Match(text[at..m.Index]);
            var level = m.Groups["d"].Value.Equals("raised", StringComparison.OrdinalIgnoreCase) ? "high" : m.Groups["d"].Value.ToLowerInvariant();
            var words = before.Success ? before.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            string? name = null;
            for (var take = words.Length; take >= 1 && name is null; take--)
            {
                var candidate = level + " " + string.Join(' ', words[^take..]);
                if (Vocabulary.FindAll(candidate) is [{ Token: 0, Group.IsCondition: true } found] && found.TokenCount == take + 1)
                {
                    name = candidate;
                    var kept = string.Join(' ', words[..^take]);
                    result.Append(text, at, before.Index).Append(kept.Length > 0 ? kept + " " : "").Append(name);
                }
            }
            if (name is null)
            {
                result.Append(text, at, m.Index + m.Length - at);
            }
            at = m.Index + m.Length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    [GeneratedRegex(@"(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z0-9][\w-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameBefore();

    [GeneratedRegex(@"\b(?:e?GFR|CrCl|creatinine\s+clearance)(?:\s*(?:of|is|was|now|at|around|about|~|=|:)(?=[\s\d~]))*\s*~?\s*(?<n>\d{1,3})\b(?![.,]\d|\s*%)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KidneyReading();

    // After a name: (optionally) what measured it, a verb of showing, and low or high.
    [GeneratedRegex(@"(?<=\w)\s+(?:(?:levels?|readings?|results?|counts?|meter|test|tests)\s+)?(?:is|are|was|were|'s|has been|have been|(?:came|come|comes) back(?: as)?|shows?|showed|showing|says|said|reads|read|looks?|looked|seems?|seemed|(?:is|are|was|were) (?:running|coming back|showing|reading))\s+(?:(?:a|quite|very|a bit|a little|really|too|rather|slightly|so|pretty|borderline|still)\s+)*(?<d>low|high|raised)\b(?:\s+(?:number|reading|result|level|figure|value))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LevelSaidLowOrHigh();

    // "Awake from 3am", "waking at 4 a.m. every day": waking in the small hours, early-morning waking.
    [GeneratedRegex(@"\b(?:awake|wake|wakes|waking|woke|woken)(?:\s+up)?\s+(?:from|at|around|by|before|about|since)\s+(?:about\s+|around\s+)?[1-5](?::\d\d)?\s*(?:am\b|a\.m\.|in the morning\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockWaking();

    private static QuestionAnalysis AnalyzeOne(string raw)
    {
        var asked = EvidenceThatIdiom().Replace(AnyPointIdiom().Replace(QuestionWordContraction().Replace(ConditionsSaidAsReadings(Clean(raw)), m => m.Groups["w"].Value + " is"), "is it worth "), m => m.Groups["bare"].Success ? "does it " : "does ");
        // Whose guidance is asked for is read from the question as asked (the bottom line prefers that body's sources);
        // the rest of the reading goes without it.
        var question = WithoutAttribution(asked);
        var focus = FindFocus(question);
        var q = focus.TrimEnd('?', '.', '!', ' ', '"', '\'').Trim();

        // Context ("that started after initiating an antipsychotic") comes off first.
        string? context = null;
        var ctxMatch = ContextPattern().Match(q);
        var core = q;
        if (ctxMatch.Success && ctxMatch.Index > 0)
        {
            context = ctxMatch.Groups["ctx"].Value.Trim();
            core = q[..ctxMatch.Index].Trim().TrimEnd(',');
        }
        // "Without pills" says what the answer may not be, not what the question is about.
        core = Composition.BottomLineRanking.WithoutRuledOutMedicine(core).Trim();

        // "Aripiprazole: a new risk factor for pathological gambling?" asks yes or no without an auxiliary verb.
        var askedYesNo = AuxStartPattern().IsMatch(q) || HowEffectiveStartPattern().IsMatch(q) || TrailingYesNoPattern().IsMatch(focus)
            || (focus.TrimEnd().EndsWith('?') && !WhStartPattern().IsMatch(q) && !WhInsidePattern().IsMatch(q) && !AsksForValuePattern().IsMatch(focus));
        // "Should I use a gel or tablets?" asks which, not whether: neither yes nor no answers it.
        var choice = askedYesNo && AsksWhichOfTwo(q);
        var isYesNo = askedYesNo && !choice;
        // "My neighbour says statins give you cancer. Is she right?" only asks whether what was said holds: the claim
        // the story reports says what kind of question it is.
        var kind = ClassifyKind(ClaimChecked(question, focus) ?? q, askedYesNo);
        if (choice && kind == QuestionKind.YesNoEfficacy)
        {
            kind = QuestionKind.Treatment;
        }

        string? x = null, x2 = null, y = null;
        Match m;
        if (kind == QuestionKind.Comparison && ((m = DifferenceBetweenPattern().Match(core)).Success || (m = ComparePattern().Match(core)).Success))
        {
            x = m.Groups["x"].Value;
            x2 = m.Groups["x2"].Value;
            y = m.Groups["y"].Success ? m.Groups["y"].Value : null;
            // "Is gabapentin or pregabalin better for RLS": strip the yes/no verb.
            x = LeadingVerbPattern().Replace(x, "");
            if (x2 is not null)
            {
                var tail = ComparatorTailPattern().Match(x2);
                if (tail.Success)
                {
                    x2 = tail.Groups["a"].Value;
                    y ??= tail.Groups["y"].Success ? tail.Groups["y"].Value : null;
                }
            }
        }
        else if ((m = AmountCausesPattern().Match(core)).Success)
        {
            x = m.Groups["x"].Value;
            y = m.Groups["y"].Value;
        }
        else if ((m = HowEffectivePattern().Match(core)).Success
            || (m = BeUsedPattern().Match(core)).Success
            || (m = IsEffectivePattern().Match(core)).Success
            || (m = SafeToTakePattern().Match(core)).Success
            || (m = NeedToTakePattern().Match(core)).Success
            || (m = HelpPattern().Match(core)).Success
            || (m = CausesPattern().Match(core)).Success
            || (m = IsSafePattern().Match(core)).Success)
        {
            x = m.Groups["x"].Value;
            y = m.Groups["y"].Success ? m.Groups["y"].Value : null;
        }
        else if ((m = NamedBeforeDosePattern().Match(core)).Success && Vocabulary.FindAll(m.Groups["x"].Value).Any(t => t.Group.IsDrug))
        {
            // "Amoxicillin dose for an ear infection": the medicine is named before the word dose, the condition after.
            x = m.Groups["x"].Value;
            y = m.Groups["y"].Value;
        }
        else if ((m = NamedThenDoseAndMorePattern().Match(core)).Success && !QuestionWordStart().IsMatch(m.Groups["x"].Value)
            && !DosePattern().IsMatch(m.Groups["x"].Value) && !WhichDoseWordsOnly().IsMatch(m.Groups["x"].Value.Trim()))
        {
            x = m.Groups["x"].Value;
        }
        // "How many mg a dose and how many times a day?": what follows asks more about the dose; it names nothing.
        else if ((m = DosePattern().Match(core)).Success && !DoseWordsOnly().IsMatch(m.Groups["x"].Value) && !AnotherThingAsked().IsMatch(m.Groups["x"].Value))
        {
            var rest = m.Groups["x"].Value;
            var split = DoseRestPattern().Match(rest);
            // Without a purpose after the verb, the words before it are the medicine only when they name one, or when the
            // verb is one of taking it ("how much sugar do I take"): "how much weight should he shed before ..." keeps
            // its whole phrase.
            if (split.Success && (split.Groups["y"].Success || Vocabulary.FindAll(split.Groups["x"].Value).Any(t => t.Group.IsDrug)
                || TakenByTheAsker().IsMatch(rest[split.Groups["x"].Length..])))
            {
                x = split.Groups["x"].Value;
                y = split.Groups["y"].Success ? split.Groups["y"].Value : null;
            }
            else
            {
                x = rest;
            }
        }
        else if ((m = SideEffectsOfPattern().Match(core)).Success)
        {
            x = m.Groups["x"].Value;
        }
        else if ((m = HowTreatPattern().Match(core)).Success
            || (m = WhatTreatmentPattern().Match(core)).Success
            || (m = WhatToTakePattern().Match(core)).Success
            || (m = HowIsTreatedPattern().Match(core)).Success
            || (m = DiagnosisPattern().Match(core)).Success
            || (m = PrognosisPattern().Match(core)).Success
            || (m = WhatCausesPattern().Match(core)).Success
            || (m = PreventPattern().Match(core)).Success
            || (m = WhatHelpsPattern().Match(core)).Success)
        {
            y = m.Groups["y"].Value;
        }
        else if (kind == QuestionKind.Definition && (m = DefinitionPattern().Match(core)).Success)
        {
            y = m.Groups["y"].Value;
        }

        // "Does ciprofloxacin work well?" names no condition: "well" says how, not what for.
        if (y is not null && MannerOnlyPattern().IsMatch(y))
        {
            y = null;
        }

        var interventions = new List<Term>();
        var conditions = new List<Term>();
        var comparators = new List<Term>();
        if (x is not null)
        {
            AddTerms(x, interventions, conditions, preferDrug: true);
        }
        if (x2 is not null)
        {
            AddTerms(x2, comparators, conditions, preferDrug: true);
        }
        if (y is not null)
        {
            AddTerms(y, interventions, conditions, preferDrug: false);
        }

        // Nothing matched a pattern: take what the vocabulary recognises, by type.
        if (interventions.Count == 0 && conditions.Count == 0)
        {
            foreach (var match in Vocabulary.FindAll(WithSharedWordsRestored(core)))
            {
                if (match.Group.IsDrug)
                {
                    AddUnique(interventions, ToTerm(match.Group, match.Surface));
                }
                else if (match.Group.IsCondition)
                {
                    AddUnique(conditions, ToTerm(match.Group, match.Surface));
                }
            }
        }

        // The pattern found something but no condition: a condition the vocabulary recognises anywhere in the
        // question is still the condition ("How do you manage acute dystonia ... after its dose was raised?").
        if (conditions.Count == 0)
        {
            foreach (var match in Vocabulary.FindAll(core).Where(mm => mm.Group.IsCondition))
            {
                AddUnique(conditions, ToTerm(match.Group, match.Surface));
            }
            // A word the pattern guessed as the intervention that the vocabulary does not know gives way to the condition.
            if (conditions.Count > 0 && interventions.Count > 0 && interventions.All(t => Vocabulary.Lookup(t.Name) is null))
            {
                interventions.Clear();
            }
        }

        // The pattern named the condition only: a medicine named elsewhere in the question is the intervention
        // ("Which antipsychotic has the lowest risk of EPS?"), unless the question asks how to treat the condition.
        if (interventions.Count == 0 && conditions.Count > 0 && kind is not (QuestionKind.Treatment or QuestionKind.Definition or QuestionKind.Causes or QuestionKind.Diagnosis or QuestionKind.Prognosis))
        {
            foreach (var match in Vocabulary.FindAll(core).Where(mm => mm.Group.IsDrug))
            {
                AddUnique(interventions, ToTerm(match.Group, match.Surface));
            }
        }

        // Still nothing: a short phrase from the question itself (titles such as "Cycloplegic autorefraction: is it mandatory?").
        if (interventions.Count == 0 && conditions.Count == 0)
        {
            var phrase = FallbackPhrase(core);
            if (NoName(phrase))
            {
                // "clear them without drops": what is ruled out is not the topic; the story may hold it. Nor is "the concern".
                phrase = null;
            }
            if ((phrase is null || Composition.ConsumerAnswerMatcher.IsGenericName(phrase)) && !ReferenceEquals(focus, question)
                && question.IndexOfAny(['.', '!', '?', '\n']) is > 0 and var end
                && question[..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8
                && Vocabulary.FindAll(question[..end]).Count == 0
                && FallbackPhrase(question[..end]) is { } headline
                && !NoName(headline) && !Composition.ConsumerAnswerMatcher.IsGenericName(headline))
            {
                // "Diagnosis and precaution." says what is wanted, not about what: a short first line, where people put
                // their subject, names it ("vdrl positive") when it holds nothing the vocabulary knows (that the story
                // step below finds).
                phrase = headline;
            }
            if (phrase is null && !ReferenceEquals(focus, question) && focus.Length < question.Length)
            {
                // "My daughter has a verruca on her foot. What is the first thing to try?": the question names nothing,
                // so the story told before it holds the topic, even one the vocabulary does not know.
                phrase = FallbackPhrase(question.Replace(focus, " ", StringComparison.Ordinal));
                // A phrase around a name the vocabulary knows ("Ventolin almost") is no unknown topic: the story's own
                // reading below takes the name.
                phrase = NoName(phrase) || (phrase is not null && Vocabulary.FindAll(phrase).Count > 0) ? null : phrase;
            }
            if (phrase is not null)
            {
                var abbreviation = phrase.Length is >= 2 and <= 5 && phrase.All(char.IsUpper) && question.Any(char.IsLower);
                conditions.Add(new Term(phrase, abbreviation ? [phrase] : Variants(phrase), "fallback") { MatchCase = abbreviation });
            }
        }

        ResolveReferringPhrases(interventions, conditions, question);

        // Stopping something the message named, or asking how often it is needed, asks about that thing.
        var askedOfWhatWasNamed = StopsWhatWasNamed().IsMatch(focus) || UsesWhatWasNamedOften().IsMatch(focus);

        // A story around the question: the condition or the medicine it leaves out may be elsewhere in the message.
        if (!ReferenceEquals(focus, question) && focus.Length < question.Length)
        {
            var story = question.Replace(focus, " ", StringComparison.Ordinal);
            var storyMatches = Vocabulary.FindAll(story);
            ReferBack(interventions, conditions, storyMatches);
            // "What's the strongest option out there?" names no topic: the story's does.
            if (conditions.Count == 0 || conditions.All(c => c.Type is "pronoun" or "fallback" || (c.Type == "phrase" && Composition.ConsumerAnswerMatcher.IsGenericName(c.Name))))
            {
                // "FeverPAIN 5, no penicillin allergy": a finding the story says is absent is not what the question is about.
                var fromStory = Vocabulary.FindAll(AbsentFindingPattern().Replace(story, " ; ")).Where(mm => mm.Group.IsCondition).ToList();
                // After a new medicine ("they gave her Haldol and now she has a stiff neck"), the problem named after it leads.
                var started = StoryDrugPattern().Match(story);
                if (started.Success)
                {
                    var tail = story[(started.Index + started.Length)..];
                    var later = Vocabulary.FindAll(tail).Where(mm => mm.Group.IsCondition).ToList();
                    // "given Reglan for nausea ... and now my jaw feels locked": what the medicine was for is not the new problem.
                    var drugWord = started.Groups["drug"];
                    var afterDrug = story[(drugWord.Index + drugWord.Value.Split(' ')[0].Length)..];
                    if (later.Count > 1 && IndicationPattern().Match(afterDrug) is { Success: true } indication)
                    {
                        var purpose = afterDrug[(indication.Index + indication.Length)..];
                        if (purpose[..Math.Min(purpose.Length, later[0].Surface.Length + 12)].Contains(later[0].Surface, StringComparison.OrdinalIgnoreCase))
                        {
                            later = [.. later.Skip(1), later[0]];
                        }
                    }
                    fromStory = later.Concat(fromStory.Where(f => !later.Any(l => l.Group == f.Group))).ToList();
                }
                if (fromStory.Count > 0)
                {
                    conditions.Clear();
                }
                foreach (var match in fromStory)
                {
                    AddUnique(conditions, ToTerm(match.Group, match.Surface));
                }
            }
            // "Nursery reckons it's hand foot and mouth. What can I give her for the mouth sores?": the diagnosis reported
            // is what the question is about. A name the vocabulary does not know is kept as claimed, like a claim's subject.
            // What it is like ("it's meant to be under 140", "it's good for sleep") is a claim about something else, not a name.
            if (ReportedDiagnosisPattern().Match(story) is { Success: true } diagnosis && !PredicateWords().IsMatch(diagnosis.Groups["x"].Value))
            {
                var reported = new List<Term>();
                AddTerms(diagnosis.Groups["x"].Value, [], reported, preferDrug: false);
                // A condition the vocabulary knows leads; a name it does not know at all ("chickenpox") only stands to be
                // looked for, after the rest; a phrase around a known name ("gout in my big toe") adds nothing.
                foreach (var term in reported.Where(t => t.Type != "phrase").Reverse())
                {
                    conditions.RemoveAll(c => string.Equals(c.Name, term.Name, StringComparison.OrdinalIgnoreCase));
                    conditions.Insert(0, term);
                }
                // Against a word only guessed from the question ("stretches"), the name reported is the better guess.
                var guessedOnly = conditions.All(c => c.Type is "fallback" or "pronoun");
                foreach (var term in reported.Where(t => t.Type == "phrase" && Vocabulary.FindAll(t.Name).Count == 0))
                {
                    if (guessedOnly && !conditions.Any(c => string.Equals(c.Name, term.Name, StringComparison.OrdinalIgnoreCase)))
                    {
                        conditions.Insert(0, term with { Type = "claimed" });
                    }
                    else
                    {
                        AddUnique(conditions, term with { Type = "claimed" });
                    }
                }
            }
            // "Someone at work said chewing gum afterwards stops it. Does that really help?": the pronoun stands for what
            // the reported claim is about, which the vocabulary may not know.
            if (interventions.All(t => t.Type == "pronoun") && ReferringPronoun().IsMatch(focus) && (ClaimSubject(story) ?? ThingSwornBy(story) ?? ProductStarted(story)) is { } subject)
            {
                TakeClaimSubject(subject, interventions, conditions);
            }
            // "Are they alright?": a pronoun stands for the medicines the story names; so does what is to be stopped ("do we
            // stop it straight away?") or how often it is needed ("is needing it that often fine?"), even in a question about
            // treatment.
            if (interventions.All(t => t.Type == "pronoun")
                && (kind is not (QuestionKind.Treatment or QuestionKind.Definition or QuestionKind.Causes or QuestionKind.Diagnosis) || askedOfWhatWasNamed))
            {
                foreach (var match in storyMatches.Where(mm => mm.Group.IsDrug))
                {
                    AddUnique(interventions, ToTerm(match.Group, match.Surface));
                }
            }
        }
        // "my sister swears by turmeric capsules, do they do anything for it?": the claim told in the question's own
        // sentence, before the pronoun that stands for it.
        if (interventions.All(t => t.Type == "pronoun") && ReferringPronoun().Match(focus) is { Success: true } referring
            && ThingSwornBy(focus[..referring.Index]) is { } sworn)
        {
            TakeClaimSubject(sworn, interventions, conditions);
        }
        interventions.RemoveAll(t => PronounPattern().IsMatch(t.Name));
        conditions.RemoveAll(t => PronounPattern().IsMatch(t.Name));

        // Context medicines: from the context clause, or "my doctor started me on X" in a story.
        var contextTerms = new List<Term>();
        if (context is not null)
        {
            foreach (var match in Vocabulary.FindAll(context).Where(mm => mm.Group.IsDrug))
            {
                AddUnique(contextTerms, ToTerm(match.Group, match.Surface));
            }
        }
        foreach (Match sm in StoryDrugPattern().Matches(question))
        {
            foreach (var match in Vocabulary.FindAll(sm.Groups["drug"].Value).Where(mm => mm.Group.IsDrug))
            {
                var term = ToTerm(match.Group, match.Surface);
                AddUnique(contextTerms, term);
                context ??= sm.Value.Trim();
            }
        }
        if (kind == QuestionKind.Treatment)
        {
            // In "how do I treat Y after starting Z", Z is the cause, not the treatment asked about; in "do we stop it
            // straight away?" it is what is asked about.
            interventions.RemoveAll(t => contextTerms.Any(c => c.Name == t.Name) && !askedOfWhatWasNamed);
        }
        else if (kind == QuestionKind.AdverseEffects && interventions.Count == 1 && !interventions[0].IsUnsure && AsksIfSafePattern().IsMatch(q))
        {
            // "I started metformin last month. Is it safe to have a few pints?": whether one thing is safe on top of a
            // medicine the person takes asks about the two together.
            foreach (var taken in contextTerms.Where(c => c.Name != interventions[0].Name))
            {
                AddUnique(interventions, taken);
            }
        }

        var population = FindPopulation(question);
        var (urgent, reason) = UrgencyDetector.Detect(question);
        if (urgent && conditions.All(c => c.Type is "fallback" or "pronoun" or "phrase" or "symptom")
            && UrgencyDetector.Conditions(question).Select(n => (Name: n, Group: Vocabulary.Lookup(n))).Where(g => g.Group is not null).ToList() is { Count: > 0 } signs)
        {
            // "Her face is drooping and her speech is slurred" names no condition, but the emergency it describes does;
            // "his lips are swelling and he is wheezing" names symptoms of the emergency, which leads.
            conditions.RemoveAll(c => c.Type is "fallback" or "pronoun" or "phrase");
            var at = 0;
            foreach (var (name, group) in signs)
            {
                if (!conditions.Any(c => c.Name == group!.Name))
                {
                    conditions.Insert(at++, ToTerm(group!, name));
                }
            }
        }
        // "I have some prednisolone left from an old asthma flare - would it help me get over covid faster?": what a
        // leftover medicine was for is an illness of the past; the illness the message names besides it is the one asked about.
        if (LeftFromPastIllness().Match(question) is { Success: true } past
            && Vocabulary.FindAll(past.Groups["x"].Value).Where(m => m.Group.IsCondition).Select(m => m.Group.Name).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } pastNames
            && Vocabulary.FindAll(question.Remove(past.Groups["x"].Index, past.Groups["x"].Length)).Where(m => m.Group.IsCondition && !pastNames.Contains(m.Group.Name)).ToList() is { Count: > 0 } present)
        {
            conditions.RemoveAll(c => pastNames.Contains(c.Name));
            for (var k = present.Count - 1; k >= 0; k--)
            {
                if (!conditions.Any(c => c.Name == present[k].Group.Name))
                {
                    conditions.Insert(0, ToTerm(present[k].Group, present[k].Surface));
                }
            }
        }
        var focusKind = ClassifyFocus(q, kind);

        var keywords = new List<string>();
        // A topic the vocabulary does not know, taken from the story around the question, is searched for like the
        // question's own words.
        var fallbackWords = conditions.Where(c => c.Type == "fallback").Select(c => " " + c.Name);
        foreach (var w in TextTools.Tokens(TextTools.Normalize(core + string.Concat(fallbackWords))))
        {
            if (w.Length >= 3 && !TextTools.StopWords.Contains(w) && !keywords.Contains(w))
            {
                keywords.Add(w);
            }
        }

        return new QuestionAnalysis
        {
            Question = asked,
            FocusQuestion = focus,
            Kind = kind,
            IsYesNo = isYesNo,
            Quantifier = isYesNo ? QuantifierOf(q) : null,
            Focus = focusKind,
            Interventions = interventions,
            Conditions = conditions,
            Comparators = comparators,
            MembersAsked = MembersAsked(focus, interventions, kind),
            Population = population,
            Context = context,
            ContextTerms = contextTerms,
            Keywords = keywords,
            Urgent = urgent,
            UrgentReason = reason,
        };
    }

    // "Which macrolide", "what kind of statin", "which one of the NSAIDs": the question asks for a member of the class.
    [GeneratedRegex(@"\b(?:which|what)\s+(?:(?:kind|type|sort)s?\s+of\s+|one\s+of\s+the\s+)?(?<name>[\w-]+(?:\s+[\w-]+)?)", Opts)]
    private static partial Regex WhichOf();

    private static List<Term> MembersAsked(string focus, IReadOnlyList<Term> interventions, QuestionKind kind)
    {
        // A class has no dose of its own: "first-line antibiotic and dose?" is answered by a member's dose.
        var classes = kind == QuestionKind.Dosing ? interventions.Where(t => t.Type == "drug-class").Select(t => t.Name) : [];
        var named = WhichOf().Matches(focus)
            .SelectMany(m => Vocabulary.FindAll(m.Groups["name"].Value).Where(t => t.Token == 0 && t.Group.Type == "drug-class"))
            .Select(t => t.Group.Name)
            .Where(name => interventions.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)));
        return [.. classes.Concat(named).Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(Vocabulary.MembersOf).Select(g => new Term(g.Name, g.Phrasings, g.Type))
            .DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Whether a question offers a choice rather than asking whether: "..., or should I Y?"; "should I use X or Y?"
    /// (the asker choosing); "is X or Y better?" (the alternatives are the subject); "X or Y for a bad back?" (no verb
    /// at all). Not an "or" between the things a verb acts on ("does X prevent A or B?", which asks whether), inside a
    /// condition ("if I have asthma or kidney disease"), or in "is it safe to take X or Y?".
    /// </summary>
    internal static bool AsksWhichOfTwo(string question)
    {
        var q = question.TrimEnd('?', '.', '!', ' ');
        if (SecondAlternativeClause().IsMatch(q))
        {
            return true;
        }
        var or = FinalOr().Match(q);
        if (!or.Success)
        {
            return false;
        }
        var before = q[..or.Index];
        if (before.Trim().Length == 0 || ConditionBeforeOr().IsMatch(before) || WhetherItIs().IsMatch(before))
        {
            return false;
        }
        return AskerChooses().IsMatch(before) || AlternativesAsSubject().IsMatch(before) || !AuxStartPattern().IsMatch(q);
    }

    [GeneratedRegex(@",\s*or\s+(?:should|shall|do|does|did|is|are|can|could|would|will|must)\s+(?:i|we|you|he|she|they|it|my|his|her|our|their)\b", Opts)]
    private static partial Regex SecondAlternativeClause();

    /// <summary>The last "or" of a question, with at most ten words after it, the first not "not" or "other".</summary>
    [GeneratedRegex(@"\bor\s+(?!not\b|other\b|others\b|any\b|anything\b|something\b|so\b|more\b|less\b|two\b|three\b)[\w'-]+(?:\s+[\w'-]+){0,9}$", Opts)]
    private static partial Regex FinalOr();

    [GeneratedRegex(@"\b(?:if|when|whenever|unless|while|who|whose|without|have|has|having|had|between|from)\b[^,;:]*$", Opts)]
    private static partial Regex ConditionBeforeOr();

    [GeneratedRegex(@"\b(?:should|shall|do|can|could|would|must|will)\s+(?:i|we)\b", Opts)]
    private static partial Regex AskerChooses();

    [GeneratedRegex(@"(?:^|[,:;]\s*)(?:is|are)\s+(?!(?:it|this|that|there)\s+(?:safe|ok|okay|alright|possible|normal|dangerous|bad|harmful|true|necessary|worth)\b)", Opts)]
    private static partial Regex AlternativesAsSubject();

    [GeneratedRegex(@"^\s*(?:is|are)\s+(?:it|this|that|there)\s+(?:safe|ok|okay|alright|possible|normal|dangerous|bad|harmful|true|necessary|worth)\b", Opts)]
    private static partial Regex WhetherItIs();

    /// <summary>
    /// The claim a message reports ("my neighbour says ...", "I read that ...") when its question only asks whether it
    /// holds ("is she right?", "is that true?"); null otherwise.
    /// </summary>
    private static string? ClaimChecked(string question, string focus)
    {
        if (!ClaimCheckPattern().IsMatch(focus) || focus.Length >= question.Length)
        {
            return null;
        }
        var claim = ReportedClaimPattern().Match(question.Replace(focus, " ", StringComparison.Ordinal));
        return claim.Success ? claim.Groups["claim"].Value : null;
    }

    [GeneratedRegex(@"^\W*(?:(?:is|are|was|were)\s+(?:she|he|they|that|this|it|these|those)\s+(?:really\s+|actually\s+)?(?:right|true|correct|wrong)|(?:is\s+there\s+)?any\s+truth\s+(?:in|to)\s+(?:that|this|it))\b", Opts)]
    private static partial Regex ClaimCheckPattern();

    [GeneratedRegex(@"\b(?:says?|said|told\s+(?:me|us|him|her)|tells\s+(?:me|us|him|her)|heard|read|reckons?|claims?|thinks?|swears?(?!\s+by\b)|swore(?!\s+by\b)|insists?|(?:is|are|was|were)\s+convinced)\s+(?:that\s+)?(?<claim>[^.?!]{3,})", Opts)]
    private static partial Regex ReportedClaimPattern();

    [GeneratedRegex(@"\b(?:safe|ok(?:ay)?|alright|all\s+right|fine)\b", Opts)]
    private static partial Regex AsksIfSafePattern();

    /// <summary>
    /// What a claim the story reports is about: "said chewing gum afterwards stops it" is about chewing gum; "bought me a
    /// copper bracelet, reckons it eases the pain" about the copper bracelet the "it" stands for. Null when the story
    /// reports no claim or its subject cannot be told.
    /// </summary>
    private static string? ClaimSubject(string story)
    {
        var claim = ReportedClaimPattern().Match(story);
        if (!claim.Success || ClaimVerbPattern().Match(claim.Groups["claim"].Value) is not { Success: true } said)
        {
            return null;
        }
        var subject = CleanPhrase(said.Groups["x"].Value);
        // "I think my mum is having a stroke": what is said of a person is what happens to them, not a remedy's claim.
        if (subject.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [.., var last] && (PersonWords.Contains(last.ToLowerInvariant()) || last.ToLowerInvariant() is "he" or "she"))
        {
            return null;
        }
        if (subject.Length > 0 && !PronounPattern().IsMatch(subject))
        {
            return subject;
        }
        // "it", "they": the last thing the sentence before the claim brought in ("a copper bracelet").
        var before = story[..claim.Index];
        var sentenceStart = before.LastIndexOfAny(['.', '!', '?', '\n']) + 1;
        var named = ThingBroughtInPattern().Matches(before[sentenceStart..]);
        return named.Count > 0 ? CleanPhrase(named[^1].Groups["x"].Value) : null;
    }

    [GeneratedRegex(@"\b(?:that|it|this|they|those|these)\b", Opts)]
    private static partial Regex ReferringPronoun();

    /// <summary>
    /// What someone in the story "swears by" or "raves about": a claim that it works, as surely as "says it works".
    /// Null when the story holds none or names a person or pronoun there.
    /// </summary>
    private static void TakeClaimSubject(string subject, List<Term> interventions, List<Term> conditions)
    {
        AddTerms(subject, interventions, conditions, preferDrug: true);
        // A name the vocabulary does not know is still what the claim is about, not a word guessed at: it stays
        // when the question is read again on its known terms, so the answer can say the library lacks it.
        for (var k = 0; k < interventions.Count; k++)
        {
            if (interventions[k].Type == "phrase")
            {
                interventions[k] = interventions[k] with { Type = "claimed" };
            }
        }
        // A word guessed for want of a topic ("cider vinegar") is the claim's subject, not what it is said to treat.
        conditions.RemoveAll(c => c.Type == "fallback" && interventions.Any(t => t.Type == "claimed"
            && (c.Name.Contains(t.Name, StringComparison.OrdinalIgnoreCase) || t.Name.Contains(c.Name, StringComparison.OrdinalIgnoreCase))));
    }

    private static string? ThingSwornBy(string story)
    {
        var sworn = SwornByPattern().Match(story);
        if (!sworn.Success)
        {
            return null;
        }
        var thing = CleanPhrase(sworn.Groups["x"].Value);
        return thing.Length > 0 && !PronounPattern().IsMatch(thing) && !PersonWords.Contains(thing.Split(' ')[^1].ToLowerInvariant()) ? thing : null;
    }

    [GeneratedRegex(@"\b(?:swears?|swore|swearing|raves?|raved|raving)\s+(?:by|about)\s+(?:the\s+|these\s+|those\s+|some\s+)?(?<x>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?=\s*(?:[,.;?!]|$|\b(?:and|but|for|so|to|which|that)\b))", Opts)]
    private static partial Regex SwornByPattern();

    // "no penicillin allergy", "without fever", "denies chest pain", "negative for strep": up to the end of the clause.
    [GeneratedRegex(@"\b(?:no|without|denies|nil|negative\s+for)\s+(?:known\s+|history\s+of\s+|signs?\s+of\s+)?[\w-]+(?:\s+[\w-]+){0,3}?(?=\s*(?:[,.;:]|\band\b|\bbut\b|$))", Opts)]
    private static partial Regex AbsentFindingPattern();

    // "Nursery reckons it's hand, foot and mouth", "the GP thinks she has shingles": the diagnosis the story reports. What it's
    // done or been ("says it's done no good") is not a name.
    [GeneratedRegex(@"\b(?:says?|said|reckons?|thinks?|thought|told\s+(?:me|us)|(?:was|were|been|got|being)\s+told|suspects?|suspected)\s+(?:that\s+)?(?:it['\u2019]?s|it\s+is|it\s+was|(?:she|he|they)\s+(?:has|have|had|might\s+have|may\s+have))\s+(?:probably\s+|just\s+)?(?!(?:meant|supposed|going|due|about|done|doing|been|got|gone|had|helped|helping|made|making|worked|working|fine|ok|okay|alright|normal|safe|nothing|not|too|so|very|worse|better|serious|bad|because|the\s+same|a\s+bit|all|only|good|great|helpful|useful|worth|harmful|dangerous|effective|true|right|wrong|common|rare|likely|unlikely|possible|brilliant|amazing|fantastic|wonderful|excellent|awesome|terrific|superb|marvell?ous|incredible|lovely|perfect|magic|rubbish|useless|terrible|awful|horrible|a\s+(?:lifesaver|life\s+saver|godsend|miracle|game[\s-]?changer))\b)(?<x>[a-z][\w,' -]{2,40}?)(?=\s*(?:[.;?!]|$|\bso\b|\band\s+(?:i|we|she|he|they)\b|\bwhat\b))", Opts)]
    private static partial Regex ReportedDiagnosisPattern();

    [GeneratedRegex(@"\b(?:left(?:\s+over)?|leftover|spare|remaining)\b[^.?!]{0,40}?\bfrom\s+(?:when\s+(?:i|he|she|we|they)\s+had\s+)?(?:an?\s+|the\s+|my\s+|his\s+|her\s+|their\s+|our\s+)?(?:old|previous|earlier|past|last|former)?\s*(?<x>(?:[\w'-]+\s*){1,4})", Opts)]
    private static partial Regex LeftFromPastIllness();

    // "doc says it's mild": a degree alone says how bad, not what it is.
    [GeneratedRegex(@"\b(?:for|to|with|from|than|when|if|because)\b|^\W*(?:(?:only|just|very|quite|really|fairly|pretty|a\s+bit|a\s+little)\s+)*(?:mild|moderate|severe|serious|minor|normal|fine|ok(?:ay)?|nothing(?:\s+serious)?)\W*$", Opts)]
    private static partial Regex PredicateWords();

    [GeneratedRegex(@"^(?<x>(?:[\w'-]+\s+){0,8}?[\w'-]+)\s+(?:really\s+|actually\s+)?(?:stops?|helps?|eases?|works?|cures?|prevents?|treats?|relieves?|fix(?:es)?|gets?\s+rid|clears?|reduces?|lowers?|boosts?|causes?|gives?|takes?|makes?|keeps?|sorts?|soothes?|calms?|heals?|settles?|improves?|protects?|fights?|kills?|thins?|flush(?:es)?|dissolves?|wards?\s+off|brings?\s+down|slows?|is|are|can|will|does|do)\b", Opts)]
    private static partial Regex ClaimVerbPattern();

    [GeneratedRegex(@"\b(?:a|an|some)\s+(?<x>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?=\s*(?:,|\band\b|$))", Opts)]
    private static partial Regex ThingBroughtInPattern();

    /// <summary>
    /// What the story says was last started or taken, when the vocabulary does not know it: "began some elderberry
    /// gummies for colds" brings in elderberry gummies. Only a product ("... gummies", "... supplements", "... cream") or
    /// what follows "taking", "using" or "on" counts; "started school" starts no remedy.
    /// </summary>
    private static string? ProductStarted(string story)
    {
        var started = StartedProductPattern().Matches(story);
        if (started.Count == 0)
        {
            return null;
        }
        var last = started[^1];
        var thing = CleanPhrase(last.Groups["x"].Value);
        var words = thing.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var product = last.Groups["how"].Success || (words.Length >= 2 && ProductWords.Contains(words[^1].ToLowerInvariant()));
        return product && words.Length > 0 && !words[0].EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && Vocabulary.FindAll(thing).Count == 0 && !PronounPattern().IsMatch(thing) ? thing : null;
    }

    private static readonly HashSet<string> ProductWords = new(
        [.. GenericHeads, "cream", "creams", "gel", "gels", "spray", "sprays", "drops", "tea", "teas", "gummies", "powder", "powders", "vitamins", "remedy", "remedies", "juice", "rub", "balm", "patch", "patches"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:started|starting|began|begun|tried|trying|bought|switched\s+to)\s+(?:(?<how>on|taking|using)\s+)?(?<x>(?:(?:a|an|some|the)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=\s*(?:[,.;!?]|\band\b|\bfor\b|\bto\b|\bbecause\b|\bsince\b|\blast\b|\brecently\b|$))", Opts)]
    private static partial Regex StartedProductPattern();

    // "could the higher dose be doing that?", "is the tablet doing it?", "is the sertraline making me put on weight?", "is
    // the pill to blame?", "could the tablet do that?": the medicine blamed.
    [GeneratedRegex(@"\b(?:be|is|are)\s+(?:\w+\s+){0,4}?to\s+blame\b|\b(?:be|is|are)\s+(?:(?:the|my|this|that|these|those)\s+[\w-]+\s+)?(?:doing|causing|behind)\s+(?:this|that|it|these|those)\b|\b(?:be|is|are|it['\u2019]?s|that['\u2019]?s|they['\u2019]?re)\s+(?:what['\u2019]?s\s+|really\s+)?making\s+(?:me|him|her|them|us|you)\b|\b(?:could|can|would|might|may|does|do|did)\s+(?:the|my|his|her|their|your|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:do|cause|give\s+(?:me|him|her|them|you))\s+(?:this|that|these|those|it)\b", Opts)]
    private static partial Regex BlamedPattern();

    private static QuestionKind ClassifyKind(string q, bool isYesNo)
    {
        if (ComparisonCue().IsMatch(q) || (isYesNo && EitherOrPattern().IsMatch(q) && Vocabulary.FindAll(q).Count(t => t.Group.IsDrug) >= 2))
        {
            return QuestionKind.Comparison;
        }
        if (isYesNo)
        {
            // "Could the higher dose be doing that?" blames the medicine for what the story tells.
            if (BlamedPattern().IsMatch(q))
            {
                return QuestionKind.AdverseEffects;
            }
            if (DosingCue().IsMatch(q))
            {
                return QuestionKind.Dosing;
            }
            if (PreventionCue().IsMatch(q))
            {
                return QuestionKind.Prevention;
            }
            if (AdverseCue().IsMatch(q) && !TreatmentCue().IsMatch(q))
            {
                return QuestionKind.AdverseEffects;
            }
            if (DiagnosisCue().IsMatch(q) && !TreatmentCue().IsMatch(q))
            {
                return QuestionKind.Diagnosis;
            }
            return QuestionKind.YesNoEfficacy;
        }
        if (HowEffectiveStartPattern().IsMatch(q))
        {
            return QuestionKind.YesNoEfficacy;
        }
        if (DosingCue().IsMatch(q))
        {
            return QuestionKind.Dosing;
        }
        if (CausesCue().IsMatch(q))
        {
            return QuestionKind.Causes;
        }
        if (AdverseKindCue().IsMatch(q))
        {
            return QuestionKind.AdverseEffects;
        }
        if (DiagnosisCue().IsMatch(q) && !TreatmentCue().IsMatch(q))
        {
            return QuestionKind.Diagnosis;
        }
        if (PreventionCue().IsMatch(q) && !TreatmentCue().IsMatch(q))
        {
            return QuestionKind.Prevention;
        }
        if (TreatmentCue().IsMatch(q))
        {
            return QuestionKind.Treatment;
        }
        if (PrognosisCue().IsMatch(q))
        {
            return QuestionKind.Prognosis;
        }
        if (AdverseCue().IsMatch(q))
        {
            return QuestionKind.AdverseEffects;
        }
        if (DefinitionCue().IsMatch(q) && !ChoiceAskedCue().IsMatch(q) && !WorryAskedCue().IsMatch(q))
        {
            return QuestionKind.Definition;
        }
        return QuestionKind.Other;
    }

    private static QuestionFocus ClassifyFocus(string q, QuestionKind kind)
    {
        if (EquivalenceCue().IsMatch(q))
        {
            return QuestionFocus.Equivalence;
        }
        if (kind == QuestionKind.Comparison || SuperiorityCue().IsMatch(q))
        {
            return QuestionFocus.Superiority;
        }
        if (SafetyCue().IsMatch(q) && !EffectiveWord().IsMatch(q))
        {
            return QuestionFocus.Safety;
        }
        if (NecessityCue().IsMatch(q))
        {
            return QuestionFocus.Necessity;
        }
        // A medicine blamed for what the story tells asks whether it causes it.
        if (HarmCue().IsMatch(q) || BlamedPattern().IsMatch(q))
        {
            return QuestionFocus.Harm;
        }
        if (AccuracyCue().IsMatch(q))
        {
            return QuestionFocus.Accuracy;
        }
        if (AssociationCue().IsMatch(q))
        {
            return QuestionFocus.Association;
        }
        return QuestionFocus.Benefit;
    }

    /// <summary>Finds the sentence that asks the question in a longer message.</summary>
    [GeneratedRegex(@"[.?!]\s+\p{Lu}")]
    private static partial Regex CapitalisedSentenceStart();

    /// <summary>
    /// Whether the asker never starts a sentence with a capital ("my son has ADHD. is it ok ..."): then each sentence starts
    /// in lower case, and a stop before a lower-case word ends one.
    /// </summary>
    private static bool WrittenWithoutCapitals(string text)
    {
        var first = text.FirstOrDefault(char.IsLetter);
        return first != default && !char.IsUpper(first) && !CapitalisedSentenceStart().IsMatch(text);
    }

    // "I've just started some capsules for stress. could that ...?": the asker capitalised the message's first word but
    // not the question after a stop; a question word there still starts a sentence.
    [GeneratedRegex(@"[.!]\s+(?:could|can|is|are|should|would|will|do|does|did|what|how|when|which|why|any|worth|has|have|am)\b[^.?!]*\?")]
    private static partial Regex LowerCaseQuestionAfterStop();

    private static string FindFocus(string question)
    {
        var text = question.Length > 4000 ? question[^4000..] : question;
        var spans = TextTools.SplitSentences(text, lowerCaseStarts: WrittenWithoutCapitals(text) || LowerCaseQuestionAfterStop().IsMatch(text));
        if (spans.Count <= 1)
        {
            return question;
        }
        string? best = null;
        var bestScore = int.MinValue;
        foreach (var span in spans)
        {
            var s = text.Substring(span.Start, span.Length).Trim();
            var isQuestion = s.EndsWith('?');
            var startsLikeQuestion = AuxStartPattern().IsMatch(s) || QuestionWordStart().IsMatch(s);
            if (!isQuestion && !startsLikeQuestion)
            {
                continue;
            }
            var terms = Vocabulary.FindAll(s).Count;
            var score = (isQuestion ? 10 : 0) + (startsLikeQuestion ? 3 : 0) + (terms * 4) + Math.Min(TextTools.Tokens(TextTools.Normalize(s)).Length, 12) / 4;
            if (score >= bestScore)
            {
                bestScore = score;
                best = s;
            }
        }
        return best ?? text.Substring(spans[^1].Start, spans[^1].Length).Trim();
    }

    /// <summary>"all" for a claim about every case ("Do all children ... need ...?", "for every fever"), "most" for a claim about most.</summary>
    private static string? QuantifierOf(string question)
    {
        var lower = question.ToLowerInvariant();
        if (AllQuantifier().IsMatch(lower))
        {
            return "all";
        }
        return MostQuantifier().IsMatch(lower) ? "most" : null;
    }

    [GeneratedRegex(@"\b(?:all|every|everyone|everybody|always)\b", Opts)]
    private static partial Regex AllQuantifier();

    [GeneratedRegex(@"\b(?:most|majority\s+of)\b", Opts)]
    private static partial Regex MostQuantifier();

    [GeneratedRegex(@"\s*(?::|;|\s[-–]\s)\s*")]
    private static partial Regex LabelBreak();

    [GeneratedRegex(@"\s+(?:until|till|unless|while|whilst|because)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SubordinateClause();

    // "stop it", "come off them", "wean her off it", "taper them", "pack it in": stopping something the message named before.
    [GeneratedRegex(@"\b(?:stop(?:ping)?|quit(?:ting)?|(?:come|coming|get|getting)\s+off|taper(?:ing)?|wean(?:ing)?(?:\s+(?:him|her|them|me|us))?(?:\s+off)?)\s+(?:it|them|these|those|off)\b|\bpack(?:ing)?\s+(?:it|them)\s+in\b", RegexOptions.IgnoreCase)]
    private static partial Regex StopsWhatWasNamed();

    // "Is needing it that often fine?", "using them so much": how often something the message named is used asks about it.
    [GeneratedRegex(@"\b(?:need(?:s|ing)?|us(?:e|es|ing)|tak(?:e|es|ing)|reach(?:es|ing)?\s+for)\s+(?:it|them)\s+(?:so|that|this)\s+(?:often|much|many\s+times)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UsesWhatWasNamedOften();

    /// <summary>
    /// Whether a phrase holds nothing but function words, words that compare, count or say when, and lengths of time
    /// ("longer", "each", "up straight away", "ten minutes tonight").
    /// </summary>
    private static bool OnlyComparesOrTimes(string phrase) =>
        TextTools.Tokens(TextTools.Normalize(phrase)).All(w => TextTools.StopWords.Contains(w) || TextTools.ComparisonWords.Contains(w)
            || TextTools.WhenWords.Contains(w) || LengthOfTimeWord().IsMatch(w));

    [GeneratedRegex(@"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|few|several|couple|minutes?|hours?|days?|weeks?|months?|years?)$", RegexOptions.IgnoreCase)]
    private static partial Regex LengthOfTimeWord();

    /// <summary>
    /// Whether each choice of a phrase that offers two ("straight away or wean her off") names nothing: a time, or a
    /// clause that opens with a verb of doing.
    /// </summary>
    private static bool ChoicesNameNothing(string phrase) =>
        OrSplit().Split(phrase) is { Length: > 1 } choices && choices.All(choice => OnlyComparesOrTimes(choice) || OpensWithClauseVerb(choice));

    /// <summary>Whether a phrase opens with a verb of doing ("go on the plane with it", "give him", "wean her off").</summary>
    private static bool OpensWithClauseVerb(string phrase) =>
        TextTools.Tokens(TextTools.Normalize(phrase)) is { Length: > 0 } words && TextTools.ClauseVerbs.Contains(words[0]);

    [GeneratedRegex(@"\s+or\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OrSplit();

    private const string Reflexive = "myself|yourself|himself|herself|ourselves|themselves";

    /// <summary>
    /// Whether a guessed phrase cannot be the topic: what is ruled out, only a worry, only a comparison, a word of a
    /// clause, or a time ("a month ago", "two weeks back").
    /// </summary>
    private static bool NoName(string? phrase) => phrase is not null
        && (RuledOutLead().IsMatch(phrase) || NamesOnlyAWorry(phrase) || OnlyComparesOrTimes(phrase) || ClauseWord().IsMatch(phrase) || TimeAgo().IsMatch(phrase)
            || ChoicesNameNothing(phrase) || SaidBySomeone().IsMatch(phrase));

    // "the midwife mentioned", "my GP suggested": who said something, not what it is about.
    [GeneratedRegex(@"\b(?:mentioned|said|says|suggested|suggests|told|advised|recommended|reckons|reckoned|thinks|thought)$", RegexOptions.IgnoreCase)]
    private static partial Regex SaidBySomeone();

    [GeneratedRegex(@"^(?:[\w'-]+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)(?:\s+(?:ago|back|later|before|since))?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeAgo();

    [GeneratedRegex(@"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|couple\s+of)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:ago|back)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeAgoInText();

    // A reflexive or "meant / supposed" belongs to a clause ("raise myself", "capsule meant"), never to a name.
    [GeneratedRegex(@"\b(?:" + Reflexive + @"|meant|supposed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseWord();

    [GeneratedRegex(@"(?:^|\s+)(?:(?:do|does|did|is|are|was|were|am|should|shall|can|could|will|would|must|may|might|has|have)\s+(?:i|you|he|she|we|they|it)\b|(?:supposed|meant|allowed)\s+to\b|to\s+\w+\s+(?:" + Reflexive + @")\b)", RegexOptions.IgnoreCase)]
    private static partial Regex InnerClause();

    // Words that say how sure the asker is, not what they ask about.
    private static readonly HashSet<string> Hedges = new(["possible", "possibly", "likely", "probably", "maybe", "perhaps", "actually", "definitely"], StringComparer.Ordinal);

    private static void AddTerms(string phrase, List<Term> interventions, List<Term> conditions, bool preferDrug)
    {
        var aliases = new List<string>();
        var cleaned = ParentheticalPattern().Replace(phrase, mm =>
        {
            aliases.Add(mm.Groups["alias"].Value.Trim());
            return "";
        });
        cleaned = CleanPhrase(cleaned);
        // "a steroid nose spray like Flonase": a name, then an example of it, which is another name for the same thing.
        // The name leads when the vocabulary knows it; when only the example is known ("a nasal spray like Flonase"),
        // the example names it.
        if (ExampleAfterName().Match(cleaned) is { Success: true } example
            && (CleanPhrase(example.Groups["name"].Value), CleanPhrase(example.Groups["example"].Value)) is var (name, instance))
        {
            if (Vocabulary.Lookup(name) is not null)
            {
                aliases.Add(instance);
                cleaned = name;
            }
            else if (Vocabulary.Lookup(instance) is not null)
            {
                aliases.Add(name);
                cleaned = instance;
            }
        }
        // "stop the allopurinol until it settles": a clause of time, condition or reason after a name is not part of it.
        if (SubordinateClause().Match(cleaned) is { Success: true, Index: > 0 } clause)
        {
            cleaned = cleaned[..clause.Index];
        }
        // "mebendazole does she need", "longer do i keep taking it", "each capsule supposed to be": a clause with its own
        // subject begins inside the phrase, and a name never holds one. What comes before it is the name, if anything is.
        if (InnerClause().Match(cleaned) is { Success: true } inner)
        {
            // The clause may still name the condition it is about ("... to lose to help my blood pressure").
            foreach (var inClause in Vocabulary.FindAll(cleaned[inner.Index..]).Where(mm => mm.Group.IsCondition))
            {
                AddUnique(conditions, ToTerm(inClause.Group, inClause.Surface));
            }
            cleaned = CleanPhrase(cleaned[..inner.Index]);
            if (Composition.ConsumerAnswerMatcher.IsGenericName(cleaned))
            {
                return;
            }
        }
        // "oral cephalexin: exact mg per": a colon, a dash or a semicolon ends a name written as a label before what is
        // asked of it; the part that names something the vocabulary knows is the name.
        if (LabelBreak().IsMatch(cleaned)
            && LabelBreak().Split(cleaned).Where(part => Vocabulary.FindAll(part).Count > 0).ToList() is [var named])
        {
            AddTerms(named, interventions, conditions, preferDrug);
            return;
        }
        if (AgeOfPersonPattern().IsMatch(cleaned) || ClausePattern().IsMatch(cleaned) || OpensWithClauseVerb(cleaned))
        {
            // "my 6 year old", "a two-month-old": the person asked about, whose age AskerGroup reads; never a condition.
            // "we give a 5-year-old": a person doing something, a clause and not the name of a treatment or condition; so
            // is a phrase that opens with a verb of doing ("go on the plane with it", "give him").
            return;
        }
        // "ease it without antibiotics": what is ruled out is read by the ruled-out patterns, never the topic. "What's the
        // worry?", "the main concern": a word of worrying names no topic; the story around the question holds it.
        if (RuledOutLead().IsMatch(cleaned) || NamesOnlyAWorry(cleaned))
        {
            return;
        }
        if (cleaned.Length == 0 || PronounPattern().IsMatch(cleaned))
        {
            if (cleaned.Length > 0)
            {
                (preferDrug ? interventions : conditions).Add(new Term(cleaned, [cleaned], "pronoun"));
            }
            return;
        }
        // "what dose range", "the dose up right away": a word that measures, compares or says when names nothing; nor do
        // two choices of when or what to do ("straight away or wean her off").
        if (OnlyComparesOrTimes(cleaned) || ChoicesNameNothing(cleaned))
        {
            return;
        }
        // "the emollient now or keep slathering it on": a later choice that opens with a verb of doing is what the asker
        // would do instead, not part of the name before it.
        if (OrSplit().Match(cleaned) is { Success: true, Index: > 0 } or && OpensWithClauseVerb(cleaned[(or.Index + or.Length)..]))
        {
            cleaned = CleanPhrase(cleaned[..or.Index]);
            if (cleaned.Length == 0 || OnlyComparesOrTimes(cleaned))
            {
                return;
            }
        }

        cleaned = WithSharedWordsRestored(cleaned);
        var matches = Vocabulary.FindAll(cleaned);
        var whole = Vocabulary.Lookup(cleaned);
        if (whole is not null)
        {
            var term = ToTerm(whole, cleaned, aliases);
            AddUnique(whole.IsDrug || (preferDrug && !whole.IsCondition) ? interventions : conditions, term);
            return;
        }

        var covered = matches.Sum(mm => mm.TokenCount);
        var tokens = Vocabulary.TokensKeepCase(cleaned);
        var tokenCount = tokens.Count;
        var target = preferDrug ? interventions : conditions;
        // "possible the donepezil is": besides a known name, only function words and hedges; the name is the phrase.
        var onlyFillersBeside = matches.Count > 0 && Enumerable.Range(0, tokenCount)
            .Where(k => !matches.Any(mm => k >= mm.Token && k < mm.Token + mm.TokenCount))
            .All(k => tokens[k].ToLowerInvariant() is var t && (TextTools.StopWords.Contains(t) || Hedges.Contains(t)));
        // "dose IV/IM?", "oral?": a way of giving something says how, never what; the question names the medicine elsewhere.
        if (matches.Count > 0 && matches.All(mm => mm.Group.Type == "route") && onlyFillersBeside)
        {
            return;
        }
        if (matches.Count > 0 && (covered * 2 >= tokenCount || onlyFillersBeside))
        {
            // The phrase is mostly known terms ("an acute dystonic stiff neck", "oral magnesium").
            var first = true;
            foreach (var mm in matches)
            {
                var list = mm.Group.IsDrug ? interventions : mm.Group.IsCondition ? conditions : null;
                if (list is null)
                {
                    continue;
                }
                AddUnique(list, ToTerm(mm.Group, mm.Surface, first && ReferenceEquals(list, target) ? aliases : null));
                first = false;
            }
            if (target.Count == 0)
            {
                target.Add(new Term(cleaned, Variants(cleaned, aliases), "phrase"));
            }
            return;
        }

        // Unknown phrase: keep it as said, with its aliases and shorter forms; add known terms it contains.
        var phrasings = Variants(cleaned, aliases);
        foreach (var mm in matches.Where(mm => preferDrug ? mm.Group.IsDrug : mm.Group.IsCondition))
        {
            foreach (var p in mm.Group.Phrasings)
            {
                if (!phrasings.Contains(p, StringComparer.OrdinalIgnoreCase))
                {
                    phrasings.Add(p);
                }
            }
        }
        AddUnique(target, new Term(cleaned, phrasings, "phrase"));
    }

    [GeneratedRegex(@",?\s+or\s+(?:is|are|should|shall|do|does|can|could|will|would|must|may)\s+(?:it|i|we|you|he|she|they|this|that|there)\b.*$", Opts)]
    private static partial Regex AlternativeQuestionTail();

    [GeneratedRegex(@",\s*(?:and|but)\s+(?:(?:at|by|from|after|in|for)\s+)?(?:what|when|which|how|where|why|is|are|should|do|does|can|could|would|will)\b.*$", Opts)]
    private static partial Regex SecondQuestionTail();

    // "Besides protecting me", "medication aside": what a question sets aside is not what it is about.
    [GeneratedRegex(@"^(?:without|instead\s+of|rather\s+than|other\s+than|apart\s+from|aside\s+from|(?:leaving|setting|putting)\s+aside|besides|except)\b|\baside$", Opts)]
    private static partial Regex RuledOutLead();

    /// <summary>
    /// "patches or nicotine gum", "oral or IV iron": two options written once with the word they share; each is named in
    /// full when the vocabulary knows both full names and not the short one.
    /// </summary>
    private static string WithSharedWordsRestored(string phrase) => OptionsSharingAWord().Replace(phrase, m =>
    {
        var (alone, first, last, or) = (m.Groups["a"].Value, m.Groups["m"].Value, m.Groups["h"].Value, m.Groups["or"].Value);
        if (Vocabulary.Lookup(alone) is not null || Vocabulary.Lookup($"{first} {last}") is null)
        {
            return m.Value;
        }
        return Vocabulary.Lookup($"{first} {alone}") is not null ? $"{first} {alone}{or}{first} {last}"
            : Vocabulary.Lookup($"{alone} {last}") is not null ? $"{alone} {last}{or}{first} {last}"
            : m.Value;
    });

    [GeneratedRegex(@"\b(?<a>[\w-]+)(?<or>\s+(?:or|and|vs\.?|versus)\s+)(?<m>[\w-]+)\s+(?<h>[\w-]+)\b", Opts)]
    private static partial Regex OptionsSharingAWord();

    [GeneratedRegex(@"^(?<name>.+?)\s+(?:like|such\s+as|e\.?g\.?)\s+(?<example>[\w-]+(?:\s+[\w-]+)?)$", Opts)]
    private static partial Regex ExampleAfterName();

    /// <summary>
    /// The phrase without the guideline body it names at its start or end ("GOLD oral steroid", "doxycycline per NICE",
    /// "the ADA's target"): whose advice is wanted is no part of what it is about.
    /// </summary>
    private static string WithoutGuidelineBody(string phrase)
    {
        // A phrase in capitals throughout is shouted, not abbreviated; a name the vocabulary knows ("urine ACR") stays.
        if (!phrase.Any(char.IsLower) || Vocabulary.Lookup(phrase) is not null)
        {
            return phrase;
        }
        if (LeadingGuidelineBody().Match(phrase) is { Success: true } lead && IsGuidelineBody(lead.Groups["body"].Value))
        {
            phrase = phrase[lead.Length..];
        }
        if (TrailingGuidelineBody().Match(phrase) is { Success: true } tail && IsGuidelineBody(tail.Groups["body"].Value))
        {
            phrase = phrase[..tail.Index];
        }
        return phrase;
    }

    /// <summary>
    /// The question without whose guidance it asks for at the end of a sentence ("IM adrenaline dose per RCUK?",
    /// "Next step per 2018 AHA/ACC cholesterol guideline?"): the source named says where to look, not what is asked,
    /// and a question without a verb that names the value it wants asks for that value, not whether.
    /// </summary>
    internal static string WithoutAttribution(string question) => question.Contains("per ", StringComparison.OrdinalIgnoreCase)
        || question.Contains("according to", StringComparison.OrdinalIgnoreCase) || question.Contains("in line with", StringComparison.OrdinalIgnoreCase)
        ? AttributionPattern().Replace(question, m => IsGuidelineBody(m.Groups["body"].Value) || GuidelineCode().IsMatch(m.Groups["body"].Value) ? "" : m.Value)
        : question;

    // "per NICE", "according to the 2024 GOLD report", "in line with NG84": a body or a guideline's code, an optional year
    // before it and up to three words after it, up to the end of the sentence.
    [GeneratedRegex(@",?\s+(?:per|as\s+per|according\s+to|in\s+line\s+with)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?<body>[A-Z][A-Za-z0-9/-]*)(?:\s+[\w/-]+){0,3}?(?=\s*(?:[?.!]|$))")]
    private static partial Regex AttributionPattern();

    [GeneratedRegex("^" + TextTools.GuidelineCode + "$")]
    private static partial Regex GuidelineCode();

    // "ACC/AHA": each body of a joint guideline.
    private static bool IsGuidelineBody(string word) => word.Split('/').All(TextTools.GuidelineBodies.Contains);

    [GeneratedRegex(@"^(?:(?:per|according\s+to|as\s+per|by)\s+(?:the\s+)?)?(?<body>[A-Z][A-Z0-9/-]+)(?:['\u2019]s)?(?:\s+(?:guidelines?|guidance|advice)\s+(?:on|for))?\s+(?=\S)")]
    private static partial Regex LeadingGuidelineBody();

    [GeneratedRegex(@"\s+(?:(?:per|according\s+to|as\s+per|by|from|in)\s+(?:the\s+)?)?(?<body>[A-Z][A-Z0-9/-]+)(?:\s+(?:guidelines?|guidance|advice|recommendations?))?$")]
    private static partial Regex TrailingGuidelineBody();

    private static string CleanPhrase(string phrase)
    {
        var s = phrase.Trim().Trim('"', '\'', ',', ';', ':', '?', '.', '!', ' ');
        // "tonight, or is it ok to leave it until Monday": the second half is the other choice asked about, not a name;
        // "..., and at what point would I need them" is a second question.
        s = AlternativeQuestionTail().Replace(s, "");
        s = SecondQuestionTail().Replace(s, "");
        for (var i = 0; i < 4; i++)
        {
            // "oral steroids" is a name as it stands; the filler words are stripped from what the vocabulary does not know.
            if (i > 0 && Vocabulary.Lookup(s) is not null)
            {
                break;
            }
            var before = s;
            s = LeadingFillerPattern().Replace(s, "");
            s = TrailingFillerPattern().Replace(s, "");
            s = WithoutGuidelineBody(s);
            s = s.Trim().Trim('"', '\'', ',', ';', ':', '?', '.', '!', ' ');
            if (s == before)
            {
                break;
            }
        }
        if (s.Length > 120)
        {
            s = s[..120].Trim();
        }
        return s;
    }

    private static List<string> Variants(string phrase, IReadOnlyList<string>? aliases = null)
    {
        var list = new List<string> { phrase };
        if (aliases is not null)
        {
            foreach (var a in aliases)
            {
                if (a.Length > 0 && !list.Contains(a, StringComparer.OrdinalIgnoreCase))
                {
                    list.Add(a);
                }
            }
        }
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length >= 2 && GenericHeads.Contains(tokens[^1].ToLowerInvariant()))
        {
            var shorter = string.Join(' ', tokens[..^1]);
            if (!list.Contains(shorter, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(shorter);
            }
        }
        return list;
    }

    /// <summary>
    /// "I felt rough after the flu jab. Can the jab actually give you flu?": a name the vocabulary does not know that is the
    /// last word of a term the story named or of one of that term's other names (with only words such as "actually" or
    /// "second" beside it: "the second pen" after "her EpiPen", an adrenaline pen) is that term said again, moved to the
    /// list of its kind.
    /// </summary>
    private static void ReferBack(List<Term> interventions, List<Term> conditions, IReadOnlyList<TermMatch> story)
    {
        foreach (var terms in new[] { interventions, conditions })
        {
            for (var i = terms.Count - 1; i >= 0; i--)
            {
                if (terms[i].Type is not ("phrase" or "fallback"))
                {
                    continue;
                }
                var words = TextTools.Tokens(TextTools.Normalize(terms[i].Name)).Where(w => !ReferringFillers.Contains(w)).ToList();
                if (words.Count != 1)
                {
                    continue;
                }
                var named = story.FirstOrDefault(m => (m.Group.IsDrug || m.Group.IsCondition)
                    && m.Group.Phrasings.Prepend(m.Surface).Any(p => p.Contains(' ', StringComparison.Ordinal)
                        && string.Equals(TextTools.Tokens(TextTools.Normalize(p))[^1], words[0], StringComparison.Ordinal)));
                if (named is null)
                {
                    continue;
                }
                var home = named.Group.IsDrug ? interventions : conditions;
                terms.RemoveAt(i);
                if (!home.Any(t => t.Name == named.Group.Name))
                {
                    home.Insert(ReferenceEquals(home, terms) ? i : home.Count, ToTerm(named.Group, named.Surface));
                }
            }
        }
    }

    private static readonly HashSet<string> ReferringFillers = new(StringComparer.Ordinal)
    {
        "actually", "really", "just", "still", "even", "ever", "definitely", "also", "the", "this", "that", "my", "your",
        "his", "her", "their", "our", "second", "another", "other", "spare", "same", "new",
        // "First-line agent", "preferred option", "drug of choice": which treatment is asked, not one named.
        "first", "line", "preferred", "choice",
    };

    /// <summary>
    /// A phrase read as a term that is made only of words referring to a treatment named elsewhere ("could the tablets be
    /// doing this?") is that treatment: the medicines the message names take its place, or, when it names none, the
    /// phrase is dropped (the story may then name the topic). A phrase made only of words about the asker or the asking
    /// ("at my age", "worth") names no topic and is dropped. Either way the question is no longer answered "no source
    /// about tablets". Stop words (auxiliaries among them: "tablet be") are left out before the words are judged.
    /// </summary>
    [GeneratedRegex(@"^(?:and|or|but|plus)?\s*(?:for\s+)?(?:how|what|when|which|why|where|who)\b", Opts)]
    private static partial Regex SecondQuestionPhrase();

    private static void ResolveReferringPhrases(List<Term> interventions, List<Term> conditions, string question)
    {
        List<TermMatch>? namedDrugs = null;
        foreach (var list in new[] { interventions, conditions })
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i].Type is not ("phrase" or "fallback"))
                {
                    continue;
                }
                var words = TextTools.Tokens(TextTools.Normalize(list[i].Name))
                    .Where(w => !ReferringFillers.Contains(w) && !TextTools.StopWords.Contains(w)).ToList();
                // "What dose of amoxicillin and for how long?": a phrase that opens with a question word is a second
                // question, not a name.
                if (SecondQuestionPhrase().IsMatch(list[i].Name) || words.All(TextTools.AskingWords.Contains))
                {
                    list.RemoveAt(i);
                }
                else if (words.Count > 0 && words.All(TextTools.ReferringNouns.Contains))
                {
                    list.RemoveAt(i);
                    // "Is that combination OK?" after two medicines: both are what it refers to.
                    namedDrugs ??= [.. Vocabulary.FindAll(question).Where(m => m.Group.IsDrug)];
                    foreach (var drug in namedDrugs)
                    {
                        AddUnique(interventions, ToTerm(drug.Group, drug.Surface));
                    }
                }
            }
        }
    }

    private static Term ToTerm(TermGroup group, string surface, IReadOnlyList<string>? aliases = null)
    {
        var phrasings = group.Phrasings.ToList();
        if (!phrasings.Contains(surface, StringComparer.OrdinalIgnoreCase) && surface.Length > 0)
        {
            phrasings.Add(surface);
        }
        if (aliases is not null)
        {
            foreach (var a in aliases)
            {
                var aliasGroup = Vocabulary.Lookup(a);
                foreach (var p in aliasGroup?.Phrasings ?? [a])
                {
                    if (!phrasings.Contains(p, StringComparer.OrdinalIgnoreCase))
                    {
                        phrasings.Add(p);
                    }
                }
            }
        }
        return new Term(group.Name, phrasings, group.Type);
    }

    private static void AddUnique(List<Term> list, Term term)
    {
        if (!list.Any(t => string.Equals(t.Name, term.Name, StringComparison.OrdinalIgnoreCase)))
        {
            list.Add(term);
        }
    }

    [GeneratedRegex(@"^(?:\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|%|iu)?|mg|mcg|ml|iu)$", Opts)]
    private static partial Regex StrengthPattern();

    private static string? FallbackPhrase(string core)
    {
        // The longest run of topic words before a colon or the yes/no verb.
        var head = core;
        var colon = head.IndexOfAny([':', '?']);
        if (colon > 0)
        {
            head = head[..colon];
        }
        // "My 6 year old": the person asked about, not the topic.
        head = AgeOfPersonInText().Replace(head, ",");
        // "the patches three weeks ago": when something began is not part of its name.
        head = TimeAgoInText().Replace(head, ",");
        var tokens = head.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('"', '\'', '(', ')', '.', '!'))
            .Where(t => t.Length > 0)
            .ToList();
        var words = new List<string>();
        var best = new List<string>();
        // A run that follows a word of having ("with impetigo", "has a verruca", "cream for ringworm") names what the
        // person has: it is the topic before any longer run of other words ("miss nursery", "that hurts").
        var had = new List<string>();
        var previous = "";
        var afterHaving = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var n = TextTools.Normalize(t);
            if (SubordinateClause().IsMatch(" " + t))
            {
                // "ok to wait till morning?": a clause of time, condition or reason says when, not about what.
                break;
            }
            // A strength ("20 mg") is not part of a topic's name.
            // A verb of doing ("give", "ring") is what is done, not what it is done with.
            // A word with "it" or "them" after it ("smear it on", "dab them") is a verb too, whatever the vocabulary knows.
            // So is a word after a modal and its subject ("how should I space the two out", "can we leave").
            if (n.Length >= 2 && !TextTools.StopWords.Contains(n) && !FollowUpWords.Contains(n) && !TextTools.ClauseVerbs.Contains(n) && !StrengthPattern().IsMatch(t)
                && !(i + 1 < tokens.Count && ObjectPronouns.Contains(TextTools.Normalize(tokens[i + 1])))
                && !(i >= 2 && Modals.Contains(TextTools.Normalize(tokens[i - 2])) && Subjects.Contains(TextTools.Normalize(tokens[i - 1]))))
            {
                if (words.Count == 0)
                {
                    afterHaving = HavingWords.Contains(previous);
                }
                words.Add(t);
                if (words.Count > best.Count)
                {
                    best = [.. words];
                }
                if (afterHaving && words.Count > had.Count)
                {
                    had = [.. words];
                }
            }
            else
            {
                words.Clear();
                // Articles and possessives stand between the word of having and what is had ("has a", "with his").
                if (!Determiners.Contains(n))
                {
                    previous = n;
                }
            }
        }
        if (had.Count > 0)
        {
            best = had;
        }
        if (best.Count == 0)
        {
            return null;
        }
        return string.Join(' ', best.Take(6));
    }

    private static bool NamesOnlyAWorry(string phrase) =>
        TextTools.Tokens(TextTools.Normalize(phrase)).Where(w => !TextTools.StopWords.Contains(w)).ToList() is { Count: > 0 } words
        && words.All(WorryWords.Contains);

    // "A sign something's off" worries about something unnamed: it names nothing.
    private static readonly HashSet<string> WorryWords = new(["concern", "concerns", "worry", "worries", "issue", "issues", "catch", "main", "big", "deal", "biggest", "real",
        "sign", "signs", "something", "somethings", "anything", "wrong", "off", "amiss"], StringComparer.Ordinal);

    private static readonly HashSet<string> ObjectPronouns = new(["it", "them"], StringComparer.Ordinal);

    private static readonly HashSet<string> Modals = new(["can", "could", "should", "shall", "will", "would", "may", "might", "must", "do", "does", "did"], StringComparer.Ordinal);

    private static readonly HashSet<string> Subjects = new(["i", "we", "you", "he", "she", "they"], StringComparer.Ordinal);

    private static readonly HashSet<string> HavingWords = new(["with", "has", "have", "had", "got", "for", "of"], StringComparer.Ordinal);

    private static readonly HashSet<string> Determiners = new(["a", "an", "the", "my", "his", "her", "their", "our", "your", "some", "this", "that", "these", "those"], StringComparer.Ordinal);

    private static string? FindPopulation(string question)
    {
        question = TextTools.TimeNumbersInDigits(question);
        var m = PopulationPattern().Match(question);
        if (m.Success)
        {
            return m.Groups["pop"].Value.ToLowerInvariant();
        }
        // "My son, who is 40", "my daughter's 15": an age said of the relative is what the word for them would guess.
        if (KinWithAgePattern().Match(question) is { Success: true } kin)
        {
            var kinYears = int.Parse(kin.Groups["age"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return kinYears < 1 ? "infants" : kinYears < 13 ? "children" : kinYears < 18 ? "adolescents" : kinYears >= 65 ? "older adults" : "adults";
        }
        m = StoryPopulationPattern().Match(question);
        if (m.Success)
        {
            return m.Groups["pop"].Value.ToLowerInvariant() switch
            {
                "son" or "daughter" or "boy" or "girl" or "child" or "kid" or "toddler" => "children",
                "baby" or "newborn" or "infant" => "infants",
                "teenager" => "adolescents",
                "mother" or "mom" or "mum" or "father" or "dad" or "grandmother" or "grandfather" or "grandma" or "grandpa" => "older adults",
                "pregnant" or "gestation" => "pregnancy",
                "breastfeeding" => "breastfeeding",
                _ => null,
            };
        }
        var age = AgePattern().Match(question);
        if (age.Success && age.Groups["young"].Success)
        {
            var months = int.Parse(age.Groups["young"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return age.Groups["unit"].Value.StartsWith("month", StringComparison.OrdinalIgnoreCase) && months >= 12 ? "children" : "infants";
        }
        if (age.Success && int.TryParse(age.Groups["age"].Value, out var years))
        {
            return years < 1 ? "infants" : years < 13 ? "children" : years < 18 ? "adolescents" : years >= 65 ? "older adults" : "adults";
        }
        return null;
    }

    /// <summary>Whether text has enough Latin-script words to analyse (other scripts are answered with an abstention).</summary>
    internal static bool HasLatinWords(string text) => LatinWordPattern().IsMatch(text);
}
