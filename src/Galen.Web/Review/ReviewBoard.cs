using Galen.Evidence.Store;
using Galen.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Review;

/// <summary>The medical review board. A fresh install gets a few example profiles, clearly marked, to be replaced.</summary>
public sealed class ReviewBoard(GalenDbFactory dbFactory)
{
    public const string ExampleMarker = "Example profile";

    private volatile IReadOnlyList<Reviewer>? _members;

    public void EnsureSeeded()
    {
        using var db = dbFactory.Create();
        if (db.Reviewers.Any()) return;
        const string bio = ExampleMarker + " for demonstration: this person does not exist. Replace the board with your own reviewers before publishing.";
        db.Reviewers.AddRange(
            new ReviewerRow { Name = "Dr. Alex Example", Credentials = "MD", Specialty = "Neurology (movement disorders)", Disclosures = "None (example profile).", Bio = bio },
            new ReviewerRow { Name = "Dr. Sam Placeholder", Credentials = "MD, MPH", Specialty = "Family medicine", Disclosures = "None (example profile).", Bio = bio },
            new ReviewerRow { Name = "Jordan Sample", Credentials = "PharmD", Specialty = "Clinical pharmacy", Disclosures = "None (example profile).", Bio = bio });
        db.SaveChanges();
        _members = null;
    }

    public IReadOnlyList<Reviewer> Members()
    {
        var members = _members;
        if (members is not null) return members;
        using var db = dbFactory.Create();
        members = db.Reviewers.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new Reviewer(r.Id, r.Name, r.Credentials, r.Specialty, r.Disclosures, r.Bio)).ToList();
        _members = members;
        return members;
    }

    public static bool IsExample(Reviewer reviewer) => reviewer.Bio?.StartsWith(ExampleMarker, StringComparison.Ordinal) == true;
}
