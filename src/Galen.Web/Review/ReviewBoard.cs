using Galen.Evidence.Store;
using Galen.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Review;

/// <summary>The medical review board: every enabled account with the reviewer role, with the profile it declares.</summary>
public sealed class ReviewBoard(GalenDbFactory dbFactory)
{
    public IReadOnlyList<Reviewer> Members()
    {
        using var db = dbFactory.Create();
        var reviewers = (from u in db.Users.AsNoTracking()
                         join ur in db.UserRoles on u.Id equals ur.UserId
                         join r in db.Roles on ur.RoleId equals r.Id
                         where r.Name == StaffRoles.Reviewer && !u.Disabled
                         orderby u.Name
                         select new { u.Id, u.Name, u.Credentials, u.Specialty, u.Disclosures, u.Bio }).ToList();
        var ids = reviewers.Select(r => r.Id).ToList();
        var reviewed = db.AuditLog.AsNoTracking()
            .Where(e => e.ActorId != null && ids.Contains(e.ActorId) && (e.Action == "approve" || e.Action == "confirm") && e.ArticleId != null)
            .Select(e => new { e.ActorId, e.ArticleId }).Distinct().ToList()
            .GroupBy(e => e.ActorId!).ToDictionary(g => g.Key, g => g.Count());
        return reviewers.Select(r => new Reviewer(r.Id, r.Name, r.Credentials, r.Specialty, r.Disclosures, r.Bio, reviewed.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>The anchor of a reviewer's profile on the board page.</summary>
    public static string ProfileLink(string id) => $"/review-board#reviewer-{id}";
}
