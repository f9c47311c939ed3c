namespace MentoringPortal.Web.Email;

/// <summary>
/// Emails about people's rights over their data: the download being ready, and each step of
/// deleting an account. They say plainly what happens and when, and how to change one's mind.
/// </summary>
public sealed partial class PortalEmails
{
    public const string DataExportReadySubject = "Your mentoring portal data is ready to download";
    public const string DeletionRequestedSubject = "Your mentoring portal account will be deleted in 14 days";
    public const string DeletionCancelledSubject = "Your mentoring portal account will not be deleted";
    public const string AccountErasedSubject = "Your mentoring portal account has been deleted";
    public const string UnusedAccountSubject = "Your mentoring portal account will be deleted unless you sign in";

    public void DataExportReady(Recipient to, DateTime expiresAt) => Add(to, new EmailContent(
        DataExportReadySubject,
        $"Dear {to.Name},",
        [
            "The copy of your data that you asked for is ready. It is a ZIP file holding one JSON file with everything the portal keeps about you.",
            $"The download works only when you are signed in, and only until {expiresAt:d MMMM yyyy}. After that, you can ask for a new copy.",
        ],
        new EmailLink("Download your data", Link("/me/data")),
        ClosingParagraphs: ["If you did not ask for this, sign in and change your password, then tell the scheme."]));

    public void DeletionRequested(Recipient to, DateTime dueAt) => Add(to, new EmailContent(
        DeletionRequestedSubject,
        $"Dear {to.Name},",
        [
            $"You asked us to delete your mentoring portal account. It will be deleted on {dueAt:d MMMM yyyy}.",
            "Until then nothing changes, and you can cancel the deletion at any time: sign in and choose \"Cancel the deletion\" on the page below.",
            "After that date your name, email address, profile, goals, private meeting notes and messages are erased and cannot be recovered. The scheme keeps only figures without your name: that a pairing existed, meeting dates and survey scores.",
        ],
        new EmailLink("Cancel the deletion", Link("/me/delete")),
        ClosingParagraphs: ["If you did not ask for this, cancel the deletion, change your password and tell the scheme."]));

    public void DeletionCancelled(Recipient to) => Add(to, new EmailContent(
        DeletionCancelledSubject,
        $"Dear {to.Name},",
        ["You cancelled the deletion of your mentoring portal account, so it stays as it is. Nothing has been removed."],
        new EmailLink("Go to your mentoring", Link("/me"))));

    public void AccountErased(Recipient to) => Add(to, new EmailContent(
        AccountErasedSubject,
        $"Dear {to.Name},",
        [
            "Your mentoring portal account has now been deleted. Your name, email address, profile, goals, private meeting notes and messages have been erased.",
            "The scheme keeps only figures that no longer identify you: that a pairing existed, meeting dates and survey scores. Where your name used to appear, people now see \"a former member\".",
            "This is the last email you will receive from the portal. Thank you for taking part.",
        ]));

    public void UnusedAccountWarning(Recipient to, int unusedYears, DateTime dueAt) => Add(to, new EmailContent(
        UnusedAccountSubject,
        $"Dear {to.Name},",
        [
            $"Nobody has signed in to your mentoring portal account for {unusedYears} years. We do not keep personal data longer than we need it, so the account will be deleted on {dueAt:d MMMM yyyy}.",
            "If you want to keep it, just sign in before then. If you are happy for it to go, you need do nothing.",
        ],
        new EmailLink("Sign in to keep your account", Link("/account/login")),
        ClosingParagraphs: ["If you would like a copy of your data first, sign in and choose \"Download my data\"."]));
}
