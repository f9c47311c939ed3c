using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>Emails about becoming and staying a mentor: sign-up decisions and training reminders.</summary>
public sealed partial class PortalEmails
{
    /// <summary>To an administrator: only that a sign-up is waiting; the details are in the portal.</summary>
    public void MentorSignUpWaiting(Recipient administrator, string mentorName) => Add(administrator, new MentorSignUpWaitingModel(mentorName));

    public void MentorApproved(Recipient mentor, bool trained) => Add(mentor, new MentorApprovedModel(trained));

    public void MentorDeclined(Recipient person, string message) => Add(person, new MentorDeclinedModel(message));

    public void TrainingExpiring(Recipient mentor, DateOnly expiresOn) => Add(mentor, new TrainingExpiringModel(expiresOn));
}
