using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.MentorSignUp;

/// <summary>
/// A member offers to mentor (or offers again after a decline): the offer is recorded and the administrators of the
/// chosen programmes are emailed, in one unit.
/// </summary>
public sealed class OfferToMentor(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<MentorOffer> RunAsync(string userId, MentorProfile profile, int capacity, string? trainingDeclared,
        IReadOnlyCollection<int> programmeIds, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => OfferAsync(userId, profile, capacity, trainingDeclared, programmeIds, unit),
                cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsConstraintViolation())
        {
            return new MentorOffer.SentMeanwhile();
        }
    }

    private async Task<MentorOffer> OfferAsync(string userId, MentorProfile profile, int capacity, string? trainingDeclared,
        IReadOnlyCollection<int> programmeIds, CancellationToken cancellationToken)
    {
        var mentor = await db.Mentors.Include(m => m.Programmes).SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        switch (mentor?.Approval)
        {
            case MentorApproval.Approved:
                return new MentorOffer.AlreadyApproved();
            case MentorApproval.Waiting:
                // A second click of the same form: the first one already sent it.
                return new MentorOffer.AlreadySent();
        }

        var chosen = await db.Programmes.Where(p => programmeIds.Contains(p.Id)).ToListAsync(cancellationToken);
        if (chosen.Count == 0)
        {
            return new MentorOffer.NoProgramme();
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            if (mentor is null)
            {
                db.Mentors.Add(Mentor.SignUp(userId, profile, capacity, trainingDeclared, chosen, now));
            }
            else
            {
                mentor.Resubmit(profile, capacity, trainingDeclared, chosen, now);
            }
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new MentorOffer.Refused(rule.Message);
        }

        foreach (var administrator in await db.OfProgrammesAsync([.. chosen.Select(p => p.Id)], cancellationToken))
        {
            emails.MentorSignUpWaiting(administrator, profile.DisplayName);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new MentorOffer.Sent();
    }
}

/// <summary>What offering to mentor came to, for the controller to show.</summary>
public abstract record MentorOffer
{
    private MentorOffer()
    {
    }

    /// <summary>The member is already an approved mentor.</summary>
    public sealed record AlreadyApproved : MentorOffer;

    /// <summary>The offer already waits for the scheme's approval (a second click of the same form).</summary>
    public sealed record AlreadySent : MentorOffer;

    /// <summary>None of the programmes chosen exists; nothing changed.</summary>
    public sealed record NoProgramme : MentorOffer;

    /// <summary>A rule of the scheme refused the offer; nothing changed.</summary>
    public sealed record Refused(string Reason) : MentorOffer;

    /// <summary>The same offer was sent at the same moment, and that one counts.</summary>
    public sealed record SentMeanwhile : MentorOffer;

    public sealed record Sent : MentorOffer;
}
