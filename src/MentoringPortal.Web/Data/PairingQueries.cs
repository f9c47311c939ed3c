using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

public static class PairingQueries
{
    /// <summary>
    /// The pairing, with its two people, only when the signed-in user is one of them: for anyone
    /// else it is simply not found, which the pages turn into a 404.
    /// </summary>
    public static IQueryable<Pairing> WithMember(this IQueryable<Pairing> pairings, int id, string userId) =>
        pairings
            .Include(m => m.Mentor)
            .Include(m => m.Mentee)
            .Where(m => m.Id == id && (m.Mentor!.UserId == userId || m.Mentee!.UserId == userId));

    /// <summary>The email recipients of a pairing's two members (loaded with the pairing); null for a deleted account.</summary>
    public static async Task<(Recipient? Mentee, Recipient? Mentor)> MembersAsync(this PortalDbContext db, Pairing pairing,
        CancellationToken cancellationToken)
    {
        var mentee = pairing.Mentee ?? throw new InvalidOperationException("Load the pairing's mentee.");
        var mentor = pairing.Mentor ?? throw new InvalidOperationException("Load the pairing's mentor.");
        var addresses = await db.EmailsAsync([mentor.UserId, mentee.UserId], cancellationToken);
        return (addresses.For(mentee.UserId, mentee.DisplayName), addresses.For(mentor.UserId, mentor.DisplayName));
    }
}
