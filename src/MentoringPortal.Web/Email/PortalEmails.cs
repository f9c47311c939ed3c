using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email.Templates;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Email;

public sealed record Recipient(string Email, string Name);

/// <summary>
/// Every email the portal sends. Each method adds a row to the outbox on the caller's DbContext,
/// so the email is saved by the same SaveChanges (and transaction) as the change it reports.
/// What each email says is in its template, Email/Templates/&lt;Method&gt;.razor; these methods only gather the facts.
/// </summary>
public sealed partial class PortalEmails(PortalDbContext db, TimeProvider time, IOptions<PortalOptions> portal, EmailRenderer renderer)
{
    public string Link(string pathAndQuery) => portal.Value.BaseUrl.TrimEnd('/') + pathAndQuery;

    public void ConfirmEmail(Recipient to, string confirmUrl) => Add(to, new ConfirmEmailModel(confirmUrl));

    public void AccountAlreadyExists(Recipient to) => Add(to, new AccountAlreadyExistsModel());

    public void ResetPassword(Recipient to, string resetUrl) => Add(to, new ResetPasswordModel(resetUrl));

    public void PasswordChanged(Recipient to) => Add(to, new PasswordChangedModel());

    public void NewRequest(Recipient mentor, string menteeName, string programmeName, DateTime expiresAt) =>
        Add(mentor, new NewRequestModel(menteeName, programmeName, DateOnly.FromDateTime(expiresAt)));

    /// <summary>To the mentee: their own request went, and when to expect an answer.</summary>
    public void RequestSent(Recipient mentee, string mentorName, string programmeName, DateTime expiresAt) =>
        Add(mentee, new RequestSentModel(mentorName, programmeName, DateOnly.FromDateTime(expiresAt)));

    public void RequestAccepted(Recipient mentee, string mentorName, string mentorEmail) =>
        Add(mentee, new RequestAcceptedModel(mentorName, mentorEmail));

    public void PairingStarted(Recipient mentor, string menteeName, string menteeEmail) =>
        Add(mentor, new PairingStartedModel(menteeName, menteeEmail));

    public void RequestDeclined(Recipient mentee, string mentorName, DeclineReason reason, string? note, IReadOnlyList<string> alternatives) =>
        Add(mentee, new RequestDeclinedModel(mentorName, reason, note, alternatives));

    public void RequestWithdrawn(Recipient mentor, string menteeName) => Add(mentor, new RequestWithdrawnModel(menteeName));

    public void RequestExpired(Recipient mentee, string mentorName, IReadOnlyList<string> alternatives) =>
        Add(mentee, new RequestExpiredModel(mentorName, alternatives));

    private void Add<TTemplate>(Recipient to, IEmailModel<TTemplate> model)
        where TTemplate : IComponent =>
        db.OutboxMessages.Add(Message(to, model));

    private OutboxMessage Message<TTemplate>(Recipient to, IEmailModel<TTemplate> model)
        where TTemplate : IComponent
    {
        var email = renderer.Render(to.Name, model);
        return new OutboxMessage(to.Email, email.Subject, email.Text, email.Html, time.GetUtcNow().UtcDateTime);
    }
}
