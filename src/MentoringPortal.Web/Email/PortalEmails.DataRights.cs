using MentoringPortal.Web.Email.Templates;

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

    public void DataExportReady(Recipient to, DateTime expiresAt) => Add(to, new DataExportReadyModel(DateOnly.FromDateTime(expiresAt)));

    public void DeletionRequested(Recipient to, DateTime dueAt) => Add(to, new DeletionRequestedModel(DateOnly.FromDateTime(dueAt)));

    public void DeletionCancelled(Recipient to) => Add(to, new DeletionCancelledModel());

    public void AccountErased(Recipient to) => Add(to, new AccountErasedModel());

    public void UnusedAccountWarning(Recipient to, int unusedYears, DateTime dueAt) =>
        Add(to, new UnusedAccountWarningModel(unusedYears, DateOnly.FromDateTime(dueAt)));
}
