using MentoringPortal.Domain;
using MentoringPortal.Domain.Agreements;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Agreements;

/// <summary>A member writes or changes the pairing's agreement; when the words change, the other member is emailed to read and confirm it.</summary>
public sealed class SaveAgreement(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<AgreementSaving> RunAsync(int pairingId, string userId, AgreementTerms terms, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => SaveAsync(pairingId, userId, terms, unit), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsConstraintViolation())
        {
            db.ChangeTracker.Clear();
            return new AgreementSaving.ChangedMeanwhile();
        }
    }

    private async Task<AgreementSaving> SaveAsync(int pairingId, string userId, AgreementTerms terms, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.Include(p => p.Meetings).WithMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        if (pairing is null)
        {
            return new AgreementSaving.NotFound();
        }

        var agreement = await db.MentoringAgreements.SingleOrDefaultAsync(a => a.PairingId == pairingId, cancellationToken);
        var firstVersion = agreement is null;
        var now = time.GetUtcNow().UtcDateTime;
        bool changed;
        try
        {
            if (agreement is null)
            {
                await db.MentoringAgreements.AddAsync(MentoringAgreement.Write(pairing, userId, terms, now), cancellationToken);
                changed = true;
            }
            else
            {
                changed = agreement.Revise(pairing, userId, terms, now);
            }
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new AgreementSaving.Refused(rule.Message);
        }

        var viewerIsMentee = pairing.RespondentFor(userId) == SurveyRespondent.Mentee;
        var otherName = viewerIsMentee ? pairing.Mentor!.DisplayName : pairing.Mentee!.DisplayName;
        if (!changed)
        {
            return new AgreementSaving.Unchanged();
        }

        var (mentee, mentor) = await db.MembersAsync(pairing, cancellationToken);
        if ((viewerIsMentee ? mentor : mentee) is { } other)
        {
            emails.AgreementToConfirm(other, viewerIsMentee ? pairing.Mentee!.DisplayName : pairing.Mentor!.DisplayName, firstVersion, pairingId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AgreementSaving.Saved(otherName);
    }
}

/// <summary>What saving the agreement came to, for the controller to show.</summary>
public abstract record AgreementSaving
{
    private AgreementSaving()
    {
    }

    /// <summary>No such pairing of which the user is a member: a 404.</summary>
    public sealed record NotFound : AgreementSaving;

    /// <summary>A rule refused it (no first meeting planned yet, the pairing ended, a part empty or too long); nothing changed.</summary>
    public sealed record Refused(string Reason) : AgreementSaving;

    /// <summary>The other member saved or confirmed at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : AgreementSaving;

    /// <summary>The words were the same as before, so nothing changed and nobody was emailed.</summary>
    public sealed record Unchanged : AgreementSaving;

    /// <summary>Saved; any earlier confirmations were cleared and <see cref="OtherName"/> was emailed.</summary>
    public sealed record Saved(string OtherName) : AgreementSaving;
}
