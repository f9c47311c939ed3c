using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Email;

public sealed record Recipient(string Email, string Name);

/// <summary>
/// Every email the portal sends. Each method adds a row to the outbox on the caller's DbContext,
/// so the email is saved by the same SaveChanges (and transaction) as the change it reports.
/// </summary>
public sealed partial class PortalEmails(PortalDbContext db, TimeProvider time, IOptions<PortalOptions> portal)
{
    public string Link(string pathAndQuery) => portal.Value.BaseUrl.TrimEnd('/') + pathAndQuery;

    public void ConfirmEmail(Recipient to, string confirmUrl) => Add(to, new EmailContent(
        "Confirm your email address for the mentoring portal",
        $"Dear {to.Name},",
        [
            "Thank you for signing up to the mentoring portal. Please confirm that this is your email address.",
        ],
        new EmailLink("Confirm your email address", confirmUrl),
        ClosingParagraphs: ["If you did not sign up, you can ignore this email and no account will be used."]));

    public void AccountAlreadyExists(Recipient to) => Add(to, new EmailContent(
        "You already have a mentoring portal account",
        $"Dear {to.Name},",
        ["Someone, probably you, tried to register for the mentoring portal with this email address. You already have an account, so no new one was made."],
        new EmailLink("Sign in", Link("/account/login")),
        ClosingParagraphs: [$"If you have forgotten your password, you can choose a new one: {Link("/account/forgot-password")}"]));

    public void ResetPassword(Recipient to, string resetUrl) => Add(to, new EmailContent(
        "Reset your mentoring portal password",
        $"Dear {to.Name},",
        ["Someone asked to reset the password of your mentoring portal account. The link below works for one day."],
        new EmailLink("Choose a new password", resetUrl),
        ClosingParagraphs: ["If it was not you, you can ignore this email: your password has not changed."]));

    public void PasswordChanged(Recipient to) => Add(to, new EmailContent(
        "Your mentoring portal password has been changed",
        $"Dear {to.Name},",
        [
            "The password of your mentoring portal account has just been changed, and every other device signed in to your account has been signed out.",
            "If you changed it, there is nothing more to do.",
        ],
        new EmailLink("If it was not you, choose a new password now", Link("/account/forgot-password")),
        ClosingParagraphs: ["Then tell your scheme administrator, so that they can check your account."]));

    public void NewRequest(Recipient mentor, string menteeName, string programmeName, DateTime expiresAt) => Add(mentor, new EmailContent(
        $"{menteeName} would like you to be their mentor",
        $"Dear {mentor.Name},",
        [
            $"{menteeName} has asked you to be their mentor in {programmeName}. Their message and profile are waiting for you in the portal.",
            $"Please accept or decline by {expiresAt:d MMMM yyyy}. If you are not able to take them on, declining quickly lets them contact another mentor sooner.",
        ],
        new EmailLink("Read and answer the request", Link("/mentor/requests"))));

    public void RequestAccepted(Recipient mentee, string mentorName, string mentorEmail) => Add(mentee, new EmailContent(
        $"{mentorName} has agreed to be your mentor",
        $"Dear {mentee.Name},",
        [
            $"Good news: {mentorName} has accepted your request and is now your mentor.",
            $"Next step: arrange your first meeting. The first meeting is face to face, so agree a time and a quiet place where you can talk in confidence. You can reach {mentorName} at {mentorEmail}.",
            "After the first meeting, most pairs meet every six to eight weeks.",
        ],
        new EmailLink("See your mentoring", Link("/me"))));

    public void PairingStarted(Recipient mentor, string menteeName, string menteeEmail) => Add(mentor, new EmailContent(
        $"You are now mentoring {menteeName}",
        $"Dear {mentor.Name},",
        [
            $"Thank you for accepting {menteeName}'s request. Your pairing has started.",
            $"Next step: arrange your first meeting. The first meeting is face to face, so suggest a time and a quiet place where you can talk in confidence. You can reach {menteeName} at {menteeEmail}.",
        ],
        new EmailLink("See your mentees", Link("/me"))));

    public void RequestDeclined(Recipient mentee, string mentorName, DeclineReason reason, string? note, IReadOnlyList<string> alternatives) => Add(mentee, new EmailContent(
        $"About your request to {mentorName}",
        $"Dear {mentee.Name},",
        [
            $"Thank you for asking {mentorName} to be your mentor. They are not able to take you on {reason.ForMentee()}.",
            .. string.IsNullOrWhiteSpace(note) ? Array.Empty<string>() : [$"{mentorName} added: \"{note}\""],
            "This happens often and says nothing about you. Many trainees contact two or three mentors before they find the right one.",
        ],
        new EmailLink("Find a mentor who is accepting now", Link("/mentors?accepting=true")),
        alternatives.Count > 0 ? alternatives.Select(a => "Accepting now: " + a).ToList() : null));

    public void RequestWithdrawn(Recipient mentor, string menteeName) => Add(mentor, new EmailContent(
        $"{menteeName}'s request has been withdrawn",
        $"Dear {mentor.Name},",
        [
            $"{menteeName} asked more than one mentor, and another mentor accepted first, so their request to you has been withdrawn. There is nothing you need to do.",
            "Thank you for being available to mentor: other trainees can still contact you.",
        ],
        new EmailLink("See your requests", Link("/mentor/requests"))));

    public void RequestExpired(Recipient mentee, string mentorName, IReadOnlyList<string> alternatives) => Add(mentee, new EmailContent(
        $"Your request to {mentorName} was not answered",
        $"Dear {mentee.Name},",
        [
            $"Your request to {mentorName} has not been answered in time, so it has now closed. Mentors are busy clinicians and this is no reflection on you.",
            "Here are mentors who are accepting mentees now:",
        ],
        new EmailLink("Find a mentor who is accepting now", Link("/mentors?accepting=true")),
        alternatives.Count > 0 ? alternatives : ["Browse the directory for mentors who are accepting now."]));

    private void Add(Recipient to, EmailContent content) =>
        db.OutboxMessages.Add(new OutboxMessage(to.Email, content.Subject, EmailLayout.Text(content), EmailLayout.Html(content),
            time.GetUtcNow().UtcDateTime));
}
