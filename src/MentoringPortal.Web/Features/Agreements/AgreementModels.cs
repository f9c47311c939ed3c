using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Agreements;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Features.Pairings;

namespace MentoringPortal.Web.Features.Agreements;

/// <summary>The agreement as its two members see it, and where it stands for the viewer.</summary>
public sealed record AgreementViewModel(
    int PairingId,
    string OtherName,
    bool ViewerIsMentee,
    string? WhyNotWritable,
    AgreementText? Text)
{
    public string Status => AgreementStatus.Describe(Text, OtherName);

    public bool CanWrite => WhyNotWritable is null;

    public bool CanConfirm => CanWrite && Text is { ViewerHasConfirmed: false };

    public string MenteeLabel => ViewerIsMentee ? "What I expect (mentee)" : $"What {OtherName} expects (mentee)";

    public string MentorLabel => ViewerIsMentee ? $"What {OtherName} expects (mentor)" : "What I expect (mentor)";

    public static AgreementViewModel From(Pairing pairing, MentoringAgreement? agreement, string userId)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var viewer = pairing.RespondentFor(userId) ?? throw new InvalidOperationException("Only a member sees the agreement.");
        var other = viewer == SurveyRespondent.Mentee ? SurveyRespondent.Mentor : SurveyRespondent.Mentee;
        var otherName = viewer == SurveyRespondent.Mentee ? pairing.Mentor!.DisplayName : pairing.Mentee!.DisplayName;
        var text = agreement is null ? null : new AgreementText(
            agreement.Meetings,
            agreement.Confidentiality,
            agreement.MenteeExpectations,
            agreement.MentorExpectations,
            agreement.Ending,
            agreement.LastChangedBy == viewer ? "you" : otherName,
            agreement.UpdatedAt,
            agreement.ConfirmedAt(viewer),
            agreement.ConfirmedAt(other),
            agreement.AgreedAt,
            agreement.Revision);
        return new AgreementViewModel(pairing.Id, otherName, viewer == SurveyRespondent.Mentee, MentoringAgreement.WhyNotWritable(pairing), text);
    }
}

/// <summary>The words of the agreement and its confirmations, seen by one member ("viewer") of the pairing.</summary>
public sealed record AgreementText(
    string Meetings,
    string Confidentiality,
    string MenteeExpectations,
    string MentorExpectations,
    string Ending,
    string LastChangedBy,
    DateTime UpdatedAt,
    DateTime? ViewerConfirmedAt,
    DateTime? OtherConfirmedAt,
    DateTime? AgreedAt,
    int Revision)
{
    public bool ViewerHasConfirmed => ViewerConfirmedAt is not null;
}

/// <summary>The one line that says where an agreement stands: on the pairing page and on the agreement's own page.</summary>
public static class AgreementStatus
{
    public static string Describe(AgreementText? text, string otherName)
    {
        if (text is null)
        {
            return "Not yet written";
        }

        if (text.AgreedAt is { } agreed)
        {
            return $"Agreed on {UkTime.Date(agreed)}";
        }

        return (text.ViewerHasConfirmed, text.OtherConfirmedAt is not null) switch
        {
            (true, _) => $"Waiting for {otherName} to confirm",
            (false, true) => "Waiting for you to confirm",
            _ => $"Waiting for you and {otherName} to confirm",
        };
    }
}

public sealed class AgreementForm
{
    private const string TooLong = "to 2,000 characters or fewer.";

    [Display(Name = "How often and how we will meet")]
    [Required(ErrorMessage = "Enter how often and how you will meet.")]
    [StringLength(MentoringAgreement.MaxPartLength, ErrorMessage = "Keep how you will meet " + TooLong)]
    [DataType(DataType.MultilineText)]
    public string? Meetings { get; set; }

    [Display(Name = "Confidentiality and its limits")]
    [Required(ErrorMessage = "Enter what you agree about confidentiality.")]
    [StringLength(MentoringAgreement.MaxPartLength, ErrorMessage = "Keep confidentiality " + TooLong)]
    [DataType(DataType.MultilineText)]
    public string? Confidentiality { get; set; }

    [Display(Name = "What the mentee expects")]
    [Required(ErrorMessage = "Enter what the mentee expects.")]
    [StringLength(MentoringAgreement.MaxPartLength, ErrorMessage = "Keep what the mentee expects " + TooLong)]
    [DataType(DataType.MultilineText)]
    public string? MenteeExpectations { get; set; }

    [Display(Name = "What the mentor expects")]
    [Required(ErrorMessage = "Enter what the mentor expects.")]
    [StringLength(MentoringAgreement.MaxPartLength, ErrorMessage = "Keep what the mentor expects " + TooLong)]
    [DataType(DataType.MultilineText)]
    public string? MentorExpectations { get; set; }

    [Display(Name = "How either of us can end it")]
    [Required(ErrorMessage = "Enter how either of you can end the mentoring.")]
    [StringLength(MentoringAgreement.MaxPartLength, ErrorMessage = "Keep how either of you can end it " + TooLong)]
    [DataType(DataType.MultilineText)]
    public string? Ending { get; set; }

    /// <summary>A new agreement starts with the scheme's sentence on confidentiality, which the pair may keep or change.</summary>
    public static AgreementForm From(MentoringAgreement? agreement) => agreement is null
        ? new AgreementForm { Confidentiality = MentoringAgreement.DefaultConfidentiality }
        : new AgreementForm
        {
            Meetings = agreement.Meetings,
            Confidentiality = agreement.Confidentiality,
            MenteeExpectations = agreement.MenteeExpectations,
            MentorExpectations = agreement.MentorExpectations,
            Ending = agreement.Ending,
        };

    public AgreementTerms Terms() => new(Meetings, Confidentiality, MenteeExpectations, MentorExpectations, Ending);
}

public sealed class ConfirmAgreementForm
{
    /// <summary>The version of the words the member read and agrees to.</summary>
    public int Revision { get; set; }
}

/// <summary>The page to write or change the agreement.</summary>
public sealed record AgreementEditViewModel(int PairingId, string OtherName, bool ViewerIsMentee, bool IsNew, bool HasConfirmations, AgreementForm Form);
