namespace MentoringPortal.Web.Email;

/// <summary>Emails about becoming and staying a mentor: sign-up decisions and training reminders.</summary>
public sealed partial class PortalEmails
{
    /// <summary>To an administrator: only that a sign-up is waiting; the details are in the portal.</summary>
    public void MentorSignUpWaiting(Recipient administrator, string mentorName) => Add(administrator, new EmailContent(
        $"{mentorName} has offered to mentor",
        $"Dear {administrator.Name},",
        [$"{mentorName} has signed up as a mentor and is waiting for the scheme's approval."],
        new EmailLink("See mentors waiting for approval", Link("/admin/mentors?status=waiting"))));

    /// <summary>The link goes through the sign-up page, which refreshes the person's sign-in so their new mentor pages open.</summary>
    public void MentorApproved(Recipient mentor, bool trained) => Add(mentor, new EmailContent(
        "You have been approved as a mentor",
        $"Dear {mentor.Name},",
        [
            "Thank you for offering to mentor. The scheme has approved you as a mentor.",
            trained
                ? "Your mentor training is recorded, so trainees can now find you in the directory."
                : "You will be listed in the directory, where trainees can find you, once the scheme has recorded your mentor training.",
            "Please set how many mentees you can take and whether you are accepting new ones now.",
        ],
        new EmailLink("Set your availability", Link("/mentor/sign-up"))));

    public void MentorDeclined(Recipient person, string message) => Add(person, new EmailContent(
        "About your offer to mentor",
        $"Dear {person.Name},",
        [
            "Thank you for offering to mentor. The scheme is not able to approve your sign-up as it stands, and has sent you this message:",
            $"\"{message}\"",
            "You are welcome to change your sign-up and send it again.",
        ],
        new EmailLink("See your sign-up", Link("/mentor/sign-up"))));

    public void TrainingExpiring(Recipient mentor, DateOnly expiresOn) => Add(mentor, new EmailContent(
        $"Your mentor training expires on {expiresOn:d MMMM yyyy}",
        $"Dear {mentor.Name},",
        [
            $"The scheme's record of your mentor training runs until {expiresOn:d MMMM yyyy}.",
            "Mentors whose training has expired are no longer listed in the directory, so trainees cannot contact them. Your current mentees are not affected.",
            "If you have refreshed your training, or plan to, please let the scheme know so they can record it.",
        ],
        new EmailLink("See your mentoring", Link("/me"))));
}
