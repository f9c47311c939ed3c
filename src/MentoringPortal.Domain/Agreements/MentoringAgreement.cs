using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Pairings;

namespace MentoringPortal.Domain.Agreements;

/// <summary>The words of a mentoring agreement, as one member writes them.</summary>
public sealed record AgreementTerms(string? Meetings, string? Confidentiality, string? MenteeExpectations, string? MentorExpectations, string? Ending);

/// <summary>Where a pairing's agreement stands.</summary>
public enum AgreementState
{
    /// <summary>Written, and at least one member has still to say "I agree".</summary>
    WaitingForConfirmation = 0,

    /// <summary>Both members have said "I agree" to the words as they stand.</summary>
    Agreed = 1,
}

/// <summary>
/// The short agreement a pair writes at the start: how often and how they meet, confidentiality
/// and its limits, what each expects, how either can end it. Either member writes or changes it;
/// it is agreed only when both have confirmed the same words, so any change to the words clears
/// both confirmations.
/// </summary>
public sealed class MentoringAgreement
{
    public const int MaxPartLength = 2000;

    /// <summary>The scheme's sentence on confidentiality, offered when the agreement is first written; the pair may keep it.</summary>
    public const string DefaultConfidentiality =
        "What we talk about stays between the two of us. The limits: if either of us believes someone is at risk of serious harm, "
        + "or learns of something illegal or a serious risk to patient safety, we may have to tell the right person, "
        + "and we will say so to each other first wherever we can.";

    private MentoringAgreement()
    {
        Meetings = Confidentiality = MenteeExpectations = MentorExpectations = Ending = string.Empty;
    }

    private MentoringAgreement(int pairingId)
        : this()
    {
        PairingId = pairingId;
    }

    public int Id { get; private set; }

    public int PairingId { get; private set; }

    /// <summary>How often and how the pair will meet.</summary>
    public string Meetings { get; private set; }

    public string Confidentiality { get; private set; }

    public string MenteeExpectations { get; private set; }

    public string MentorExpectations { get; private set; }

    /// <summary>How either member can end the mentoring.</summary>
    public string Ending { get; private set; }

    /// <summary>Who last changed the words.</summary>
    public SurveyRespondent LastChangedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? MenteeConfirmedAt { get; private set; }

    public DateTime? MentorConfirmedAt { get; private set; }

    /// <summary>Counts changes to the words, so a member confirms the words they read and not a later version.</summary>
    public int Revision { get; private set; }

    public int Version { get; private set; }

    public AgreementState State => MenteeConfirmedAt is not null && MentorConfirmedAt is not null
        ? AgreementState.Agreed
        : AgreementState.WaitingForConfirmation;

    public bool IsAgreed => State == AgreementState.Agreed;

    /// <summary>The day both had confirmed: the later of the two confirmations.</summary>
    public DateTime? AgreedAt => IsAgreed ? new[] { MenteeConfirmedAt!.Value, MentorConfirmedAt!.Value }.Max() : null;

    public DateTime? ConfirmedAt(SurveyRespondent member) => member == SurveyRespondent.Mentee ? MenteeConfirmedAt : MentorConfirmedAt;

    public bool HasConfirmed(SurveyRespondent member) => ConfirmedAt(member) is not null;

    /// <summary>
    /// Why this pairing cannot have its agreement written or changed now, or null when it can. The
    /// agreement is made at the first meeting, so it may be written once that meeting is planned
    /// (the pair can draft it together before or during it) or held.
    /// </summary>
    public static string? WhyNotWritable(Pairing pairing)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.IsActive)
        {
            return "This pairing has ended, so its agreement can no longer be changed.";
        }

        return pairing.InitialMeeting is null
            ? "Plan your first meeting first: you write the agreement together at or after it."
            : null;
    }

    /// <summary>A member writes the pairing's first agreement. Load the pairing's people and meetings first.</summary>
    public static MentoringAgreement Write(Pairing pairing, string userId, AgreementTerms terms, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var agreement = new MentoringAgreement(pairing.Id) { CreatedAt = Guard.Utc(now) };
        agreement.Revise(pairing, userId, terms, now);
        return agreement;
    }

    /// <summary>
    /// A member changes the words. When they change, both confirmations are cleared: each must agree
    /// to the new words. Saving the same words again changes nothing. Returns whether the words changed.
    /// </summary>
    public bool Revise(Pairing pairing, string userId, AgreementTerms terms, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        ArgumentNullException.ThrowIfNull(terms);
        if (pairing.Id != PairingId)
        {
            throw new InvalidOperationException("That agreement belongs to another pairing.");
        }

        var member = Member(pairing, userId);
        if (WhyNotWritable(pairing) is { } why)
        {
            throw new DomainRuleException(why);
        }

        var meetings = Guard.Text(terms.Meetings, "how often and how you will meet", MaxPartLength);
        var confidentiality = Guard.Text(terms.Confidentiality, "what you agree about confidentiality", MaxPartLength);
        var menteeExpectations = Guard.Text(terms.MenteeExpectations, "what the mentee expects", MaxPartLength);
        var mentorExpectations = Guard.Text(terms.MentorExpectations, "what the mentor expects", MaxPartLength);
        var ending = Guard.Text(terms.Ending, "how either of you can end the mentoring", MaxPartLength);
        var unchanged = Revision > 0
            && string.Equals(meetings, Meetings, StringComparison.Ordinal)
            && string.Equals(confidentiality, Confidentiality, StringComparison.Ordinal)
            && string.Equals(menteeExpectations, MenteeExpectations, StringComparison.Ordinal)
            && string.Equals(mentorExpectations, MentorExpectations, StringComparison.Ordinal)
            && string.Equals(ending, Ending, StringComparison.Ordinal);
        if (unchanged)
        {
            return false;
        }

        Meetings = meetings;
        Confidentiality = confidentiality;
        MenteeExpectations = menteeExpectations;
        MentorExpectations = mentorExpectations;
        Ending = ending;
        LastChangedBy = member;
        UpdatedAt = Guard.Utc(now);
        MenteeConfirmedAt = null;
        MentorConfirmedAt = null;
        Revision++;
        Version++;
        return true;
    }

    /// <summary>
    /// A member says "I agree" to the words at <paramref name="revision"/>, the version they read.
    /// Words changed since then must be read again first. Returns whether the agreement is now agreed by both.
    /// </summary>
    public bool Confirm(Pairing pairing, string userId, int revision, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var member = Member(pairing, userId);
        if (!pairing.IsActive)
        {
            throw new DomainRuleException("This pairing has ended, so its agreement can no longer be confirmed.");
        }

        if (revision != Revision)
        {
            throw new DomainRuleException("The agreement was changed after you opened it. Read it again, then confirm.");
        }

        if (HasConfirmed(member))
        {
            throw new DomainRuleException("You have already agreed to this version.");
        }

        if (member == SurveyRespondent.Mentee)
        {
            MenteeConfirmedAt = Guard.Utc(now);
        }
        else
        {
            MentorConfirmedAt = Guard.Utc(now);
        }

        Version++;
        return IsAgreed;
    }

    private static SurveyRespondent Member(Pairing pairing, string userId) =>
        pairing.RespondentFor(userId) ?? throw new DomainRuleException("Only the two members of a pairing can write or agree its agreement.");
}
