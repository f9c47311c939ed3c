using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>Emails about the scheme proposing an applicant to a mentor, who accepts or declines.</summary>
public sealed partial class PortalEmails
{
    public void ProposalReceived(Recipient mentor, string menteeName, string programmeName, DateOnly answerBy) =>
        Add(mentor, new ProposalReceivedModel(menteeName, programmeName, answerBy));

    public void ApplicationProposed(Recipient mentee, string programmeName, DateOnly answerBy) =>
        Add(mentee, new ApplicationProposedModel(programmeName, answerBy));

    public void FindingAnotherMentor(Recipient mentee, string programmeName) => Add(mentee, new FindingAnotherMentorModel(programmeName));

    public void ProposalReturned(Recipient administrator, string menteeName, string mentorName, string programmeName, bool lapsed) =>
        Add(administrator, new ProposalReturnedModel(menteeName, mentorName, programmeName, lapsed));
}
