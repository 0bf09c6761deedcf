using Galen.Core.Analysis;
using Galen.Core.Search;
using Galen.Core.Sources;

namespace Galen.Core.Tests;

/// <summary>A tiny evidence library written for the tests (not real sources: example.org addresses, no PMIDs).</summary>
internal static class TestLibrary
{
    public static SourceRecord RlsGuideline { get; } = new()
    {
        Kind = SourceKind.Guideline,
        Ids = new ExternalIds { Guideline = "test-rls-guideline" },
        Title = "Test guideline: managing restless legs syndrome in adults",
        Container = "Test Sleep Society",
        Year = 2024,
        Keywords = ["restless legs syndrome", "RLS", "Willis-Ekbom disease"],
        Sections =
        [
            new SourceSection { Label = "Summary", Category = "summary", Text = "Alpha-2-delta ligands such as gabapentin and pregabalin are the preferred first medicines for adults with restless legs syndrome." },
            new SourceSection { Label = "Recommendation: Alpha-2-delta ligands first", Category = "recommendation", Strength = "Strong", Certainty = "Moderate", Text = "The panel recommends gabapentin, gabapentin enacarbil or pregabalin for adults with restless legs syndrome." },
            new SourceSection { Label = "Recommendation: Magnesium", Category = "recommendation", Strength = "Conditional against", Certainty = "Very low", Text = "The panel suggests against routine use of magnesium for restless legs syndrome because the trials are too few and too small to show a benefit." },
            new SourceSection { Label = "Treatment steps", Category = "treatment-steps", Text = "1. Check serum ferritin and transferrin saturation in every adult with restless legs syndrome.\n2. Offer iron when serum ferritin is 75 ng/mL or lower or transferrin saturation is below 20%.\n3. Start an alpha-2-delta ligand as the first medicine for restless legs syndrome." },
            new SourceSection { Label = "Dosing", Category = "dosing", Text = "Gabapentin for restless legs syndrome is usually started at 300 mg by mouth in the evening." },
            new SourceSection { Label = "Medications to avoid", Category = "avoid", Text = "Sedating antihistamines such as diphenhydramine can make restless legs syndrome worse." },
            new SourceSection { Label = "Patient information", Category = "patient", Text = "Restless legs syndrome gives you a strong urge to move your legs. It is often worse in the evening. Iron pills can help if your iron is low. Ask your doctor before you take magnesium for it." },
        ],
    };

    public static SourceRecord MagnesiumReview { get; } = new()
    {
        Kind = SourceKind.Research,
        Ids = new ExternalIds { Url = "https://example.org/test/magnesium-rls-review" },
        Title = "Magnesium for restless legs syndrome: a systematic review",
        Container = "Test Journal of Sleep",
        Year = 2019,
        Design = "systematic review",
        Sections =
        [
            new SourceSection { Label = "RESULTS", Category = "RESULTS", Text = "Only one randomized trial was found, and it showed no significant benefit of magnesium over placebo for restless legs syndrome." },
            new SourceSection { Label = "CONCLUSIONS", Category = "CONCLUSIONS", Text = "There is insufficient evidence to tell whether magnesium improves restless legs syndrome." },
        ],
    };

    public static SourceRecord MagnesiumPilot { get; } = new()
    {
        Kind = SourceKind.Research,
        Ids = new ExternalIds { Url = "https://example.org/test/magnesium-rls-pilot" },
        Title = "Magnesium in restless legs syndrome: an open pilot study",
        Container = "Test Sleep Letters",
        Year = 1998,
        Design = "open-label pilot study",
        SampleSize = 10,
        Sections =
        [
            new SourceSection { Label = "RESULTS", Category = "RESULTS", Text = "Magnesium treatment reduced periodic limb movements during sleep in 10 patients with restless legs syndrome." },
            new SourceSection { Label = "CONCLUSIONS", Category = "CONCLUSIONS", Text = "Magnesium may be a useful alternative therapy in mild restless legs syndrome, but controlled trials are needed." },
        ],
    };

    public static SourceRecord DystoniaGuideline { get; } = new()
    {
        Kind = SourceKind.Guideline,
        Ids = new ExternalIds { Guideline = "test-acute-dystonia" },
        Title = "Test guideline: acute dystonia caused by antipsychotics",
        Container = "Test Psychiatry Network",
        Year = 2025,
        Keywords = ["acute dystonia", "acute dystonic reaction", "antipsychotic", "extrapyramidal symptoms"],
        Sections =
        [
            new SourceSection { Label = "Summary", Category = "summary", Text = "Benztropine 1 to 2 mg given intramuscularly or intravenously is the first-line treatment for acute dystonia caused by antipsychotics." },
            new SourceSection { Label = "Dosing", Category = "dosing", Text = "Benztropine 1 to 2 mg IM or IV relieves acute dystonia within minutes. Diphenhydramine 25 to 50 mg IM or IV is an alternative when benztropine is not available." },
            new SourceSection { Label = "Treatment steps", Category = "treatment-steps", Text = "1. Check the airway for laryngeal dystonia.\n2. Give benztropine or diphenhydramine by injection.\n3. Review the antipsychotic dose once the acute dystonia has settled." },
            new SourceSection { Label = "Contraindications", Category = "contraindications", Text = "Avoid anticholinergic drugs in patients with narrow-angle glaucoma or urinary retention." },
            new SourceSection { Label = "Differential diagnosis", Category = "differential", Text = "Akathisia causes an inner restlessness rather than the sustained muscle spasm of acute dystonia." },
            new SourceSection { Label = "Mechanism", Category = "mechanism", Text = "Blocking dopamine D2 receptors in the striatum leaves acetylcholine unopposed, which produces the dystonic spasm." },
            new SourceSection { Label = "When to seek urgent care", Category = "urgent", Text = "Choking, noisy breathing or trouble breathing during an acute dystonic reaction is an emergency." },
            new SourceSection { Label = "Patient information", Category = "patient", Text = "A stiff, twisted neck can start a few days after a new antipsychotic medicine. A shot of medicine stops the spasm in minutes. The usual shot is 1 to 2 mg of benztropine. Call for help at once if you cannot breathe or swallow." },
        ],
    };

    public static SourceRecord RlsPatientPage { get; } = new()
    {
        Kind = SourceKind.PatientInformation,
        Ids = new ExternalIds { Medquad = "TEST_0001_Sec1" },
        Title = "What is restless legs syndrome?",
        Container = "Test Health Pages",
        Sections =
        [
            new SourceSection { Label = "Answer", Text = "Restless legs syndrome is a problem with the nerves that makes you want to move your legs. The feeling is worse when you rest. Walking or stretching makes it better for a while." },
        ],
        QuestionAnswer = new QuestionAnswerInfo { Question = "What is restless legs syndrome?", QuestionType = "information", Focus = "Restless legs syndrome" },
    };

    public static IReadOnlyList<SourceRecord> All { get; } = [RlsGuideline, MagnesiumReview, MagnesiumPilot, DystoniaGuideline, RlsPatientPage];
}

/// <summary>A simple search over a list of sources that honours the <see cref="EvidenceQuery"/> contract.</summary>
internal sealed class InMemorySearch(IReadOnlyList<SourceRecord> sources) : IEvidenceSearch
{
    public List<EvidenceQuery> Queries { get; } = [];

    public IReadOnlyList<SearchHit> Search(EvidenceQuery query)
    {
        Queries.Add(query);
        var tokens = TextTools.Tokens(TextTools.Normalize(query.Text)).Distinct().ToArray();
        var hits = new List<SearchHit>();
        foreach (var s in sources)
        {
            if (query.Kind is { } kind && s.Kind != kind)
            {
                continue;
            }
            var raw = s.Title + " " + string.Join(" ", s.Keywords) + " " + s.FullText;
            var text = TextTools.Normalize(raw);
            var ok = query.RequiredConcepts.All(c => c.Phrasings.Any(p => TextTools.ContainsPhrase(text, TextTools.Normalize(p)) || TextTools.ContainsExactWord(raw, p)));
            if (!ok)
            {
                continue;
            }
            var score = tokens.Count(t => TextTools.ContainsPhrase(text, t)) + query.Boosts.Count(b => TextTools.ContainsPhrase(text, TextTools.Normalize(b))) * 0.5;
            // As in the index, the words are optional once a concept is required: a source naming the concept is a hit.
            if (score > 0 || query.RequiredConcepts.Count > 0)
            {
                hits.Add(new SearchHit(s, score));
            }
        }
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Source.Key, StringComparer.Ordinal).Take(query.Top).ToList();
    }

    public WordSources SourceCounts(IReadOnlyCollection<string> words)
    {
        var bySource = sources.Select(s => TextTools.Tokens(TextTools.Normalize(s.Title + " " + string.Join(" ", s.Keywords) + " " + s.FullText)).ToHashSet(StringComparer.Ordinal)).ToList();
        return new WordSources(sources.Count, words.Where(w => w.Length >= 4 && w.Any(char.IsLetter)).Distinct(StringComparer.Ordinal)
            .ToDictionary(w => w, w => bySource.Count(s => s.Contains(w)), StringComparer.Ordinal));
    }
}

/// <summary>A search that throws if called: for inputs that must be rejected before searching.</summary>
internal sealed class EmptySearch : IEvidenceSearch
{
    public IReadOnlyList<SearchHit> Search(EvidenceQuery query) => [];

    public WordSources SourceCounts(IReadOnlyCollection<string> words) => new(0, new Dictionary<string, int>(StringComparer.Ordinal));
}
