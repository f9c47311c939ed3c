using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Agreements;

/// <summary>A member says "I agree" to the version they read; when that makes it agreed by both, the other member is emailed.</summary>
public sealed class ConfirmAgreement(PortalDbContext db, PortalEmails emails, TimeProvider time)
{
    public async Task<AgreementConfirmation> RunAsync(int pairingId, string userId, int revision, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InOneUnitAsync(unit => ConfirmAsync(pairingId, userId, revision, unit), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new AgreementConfirmation.ChangedMeanwhile();
        }
    }

    private async Task<AgreementConfirmation> ConfirmAsync(int pairingId, string userId, int revision, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.WithMember(pairingId, userId).SingleOrDefaultAsync(cancellationToken);
        var agreement = pairing is null ? null : await db.MentoringAgreements.SingleOrDefaultAsync(a => a.PairingId == pairingId, cancellationToken);
        if (pairing is null || agreement is null)
        {
            return new AgreementConfirmation.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        bool agreed;
        try
        {
            agreed = agreement.Confirm(pairing, userId, revision, now);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new AgreementConfirmation.Refused(rule.Message);
        }

        var viewerIsMentee = pairing.RespondentFor(userId) == SurveyRespondent.Mentee;
        if (agreed)
        {
            var (mentee, mentor) = await db.MembersAsync(pairing, cancellationToken);
            if ((viewerIsMentee ? mentor : mentee) is { } other)
            {
                emails.AgreementAgreed(other, viewerIsMentee ? pairing.Mentee!.DisplayName : pairing.Mentor!.DisplayName,
                    DateOnly.FromDateTime(Pairings.UkTime.ToUk(now)), pairingId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AgreementConfirmation.Confirmed(agreed, viewerIsMentee ? pairing.Mentor!.DisplayName : pairing.Mentee!.DisplayName);
    }
}

/// <summary>What confirming the agreement came to, for the controller to show.</summary>
public abstract record AgreementConfirmation
{
    private AgreementConfirmation()
    {
    }

    /// <summary>No such pairing of which the user is a member, or no agreement yet: a 404.</summary>
    public sealed record NotFound : AgreementConfirmation;

    /// <summary>A rule refused it (already confirmed, the words changed since the member read them, the pairing ended); nothing changed.</summary>
    public sealed record Refused(string Reason) : AgreementConfirmation;

    /// <summary>The other member saved or confirmed at the same moment; nothing changed.</summary>
    public sealed record ChangedMeanwhile : AgreementConfirmation;

    /// <summary>Confirmed; <see cref="Agreed"/> when the other member had already confirmed too.</summary>
    public sealed record Confirmed(bool Agreed, string OtherName) : AgreementConfirmation;
}
