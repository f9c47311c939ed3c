namespace MentoringPortal.Domain.Privacy;

public enum ErasureReason
{
    /// <summary>The person asked for their own account to be deleted.</summary>
    Requested = 0,

    /// <summary>An administrator carried out a request from someone who cannot sign in.</summary>
    Administrator = 1,

    /// <summary>The account was unused for the retention period and its owner was warned.</summary>
    Inactivity = 2,
}

/// <summary>
/// A pending or finished erasure of one account. People get a waiting period in which they can
/// change their mind, because erasure cannot be undone.
/// </summary>
public sealed class ErasureRequest
{
    /// <summary>How long a person's own request waits before the account is erased.</summary>
    public static readonly TimeSpan WaitingPeriod = TimeSpan.FromDays(14);

    /// <summary>How long an unused account is kept after its owner is warned.</summary>
    public static readonly TimeSpan InactivityNotice = TimeSpan.FromDays(30);

    private ErasureRequest()
    {
        UserId = string.Empty;
    }

    private ErasureRequest(string userId, ErasureReason reason, string? requestedByUserId, DateTime now, DateTime dueAt)
    {
        UserId = string.IsNullOrWhiteSpace(userId) ? throw new ArgumentException("An erasure needs an account.", nameof(userId)) : userId;
        Reason = reason;
        RequestedByUserId = requestedByUserId;
        RequestedAt = Guard.Utc(now);
        DueAt = dueAt;
    }

    public int Id { get; private set; }

    /// <summary>The account to erase. It is not a foreign key: the row outlives the account as the record that it was erased.</summary>
    public string UserId { get; private set; }

    public ErasureReason Reason { get; private set; }

    public string? RequestedByUserId { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public DateTime DueAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public bool IsPending => CancelledAt is null && CompletedAt is null;

    public bool IsDue(DateTime now) => IsPending && now >= DueAt;

    /// <summary>The person's own request: erased after <see cref="WaitingPeriod"/> unless they cancel it.</summary>
    public static ErasureRequest Ask(string userId, bool alreadyPending, DateTime now)
    {
        if (alreadyPending)
        {
            throw new DomainRuleException("You have already asked for your account to be deleted.");
        }

        return new ErasureRequest(userId, ErasureReason.Requested, userId, now, now + WaitingPeriod);
    }

    /// <summary>An administrator carries out a request for someone who cannot sign in: it is due at once.</summary>
    public static ErasureRequest ByAdministrator(string userId, string administratorUserId, DateTime now)
    {
        if (string.Equals(userId, administratorUserId, StringComparison.Ordinal))
        {
            throw new DomainRuleException("Administrators cannot erase their own account here. Use \"Delete my account\" instead.");
        }

        return new ErasureRequest(userId, ErasureReason.Administrator, administratorUserId, now, now);
    }

    /// <summary>The warning to an unused account: erased after <see cref="InactivityNotice"/> unless its owner signs in.</summary>
    public static ErasureRequest ForInactivity(string userId, DateTime now) =>
        new(userId, ErasureReason.Inactivity, requestedByUserId: null, now, now + InactivityNotice);

    public void Cancel(DateTime now)
    {
        if (!IsPending)
        {
            throw new DomainRuleException(CompletedAt is null
                ? "This request has already been cancelled."
                : "This account has already been erased.");
        }

        CancelledAt = Guard.Utc(now);
    }

    /// <summary>
    /// Whether to go ahead now. A warning about an unused account lapses when its owner signs in
    /// after it was sent: the account is in use again.
    /// </summary>
    public bool ShouldEraseNow(DateTime now, DateTime? lastSignedInAt) =>
        IsDue(now) && !(Reason == ErasureReason.Inactivity && lastSignedInAt > RequestedAt);

    public void Complete(DateTime now)
    {
        if (!IsPending)
        {
            throw new DomainRuleException("This erasure is no longer pending.");
        }

        CompletedAt = Guard.Utc(now);
    }
}
