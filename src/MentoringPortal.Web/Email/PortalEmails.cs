using MentoringPortal.Domain.Notifications;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email.Templates;
using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
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
    private readonly Dictionary<string, RecipientAccount?> _accounts = new(StringComparer.Ordinal);

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
        Deliver(to, model, calendar: null);

    /// <summary>
    /// The one place where a person's notification settings apply: the email goes to the outbox, waits for their digest,
    /// or is not sent (what it reports is still in the portal). Addresses without an account get everything at once.
    /// </summary>
    private void Deliver<TTemplate>(Recipient to, IEmailModel<TTemplate> model, MeetingCalendar? calendar)
        where TTemplate : IComponent
    {
        var kind = EmailKinds.Of(typeof(TTemplate));
        var account = kind is null ? null : AccountOf(to.Email);
        var delivery = NotificationSettings.Resolve(account?.Settings, kind, carriesCalendar: calendar is not null);
        if (delivery == EmailDelivery.Off)
        {
            return;
        }

        var email = renderer.Render(to.Name, model);
        var now = time.GetUtcNow().UtcDateTime;
        if (delivery == EmailDelivery.Digest)
        {
            db.DigestItems.Add(new DigestItem(account!.UserId, kind!.Value, email.Subject, email.Link ?? "/me", now));
            return;
        }

        var row = new OutboxMessage(to.Email, email.Subject, email.Text, email.Html, now);
        db.OutboxMessages.Add(calendar is null ? row : row.WithAttachment(calendar.FileName, calendar.ContentType, calendar.Content));
    }

    /// <summary>
    /// Reads the accounts and settings of many recipients in one query, before a workflow emails them all
    /// (a broadcast, the digests), instead of one query per email.
    /// </summary>
    public async Task LoadAccountsAsync(IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        var normalized = addresses.Select(a => a.ToUpperInvariant()).Where(a => !_accounts.ContainsKey(a)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in normalized.Chunk(500))
        {
            var found = await Accounts(db.Users.Where(u => chunk.Contains(u.NormalizedEmail!))).ToListAsync(cancellationToken);
            foreach (var address in chunk)
            {
                _accounts[address] = found.Find(a => string.Equals(a.NormalizedEmail, address, StringComparison.Ordinal));
            }
        }
    }

    private RecipientAccount? AccountOf(string address)
    {
        var normalized = address.ToUpperInvariant();
        if (!_accounts.TryGetValue(normalized, out var account))
        {
            // Emails are added synchronously inside a unit of work (see EmailRenderer), so this one lookup is too.
            account = Accounts(db.Users.Where(u => u.NormalizedEmail == normalized)).FirstOrDefault();
            _accounts[normalized] = account;
        }

        return account;
    }

    private IQueryable<RecipientAccount> Accounts(IQueryable<PortalUser> users) =>
        from user in users.AsNoTracking()
        join s in db.NotificationSettings.AsNoTracking() on user.Id equals s.UserId into settings
        from setting in settings.DefaultIfEmpty()
        select new RecipientAccount(user.Id, user.NormalizedEmail!, setting);

    private sealed record RecipientAccount(string UserId, string NormalizedEmail, NotificationSettings? Settings);
}
