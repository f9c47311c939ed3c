namespace MentoringPortal.Domain.Pairings;

public enum ChangeRequestStatus
{
    Open = 0,
    Resolved = 1,
    Declined = 2,
}

/// <summary>
/// A member asks the scheme, in confidence, for a change of mentor or mentee. The reason is for
/// administrators only; the other member is not told until an administrator acts.
/// </summary>
public sealed class ChangeRequest
{
    public const int MaxReasonLength = 2000;

    private ChangeRequest()
    {
        RequestedByUserId = Reason = string.Empty;
    }

    internal ChangeRequest(Pairing pairing, string requestedByUserId, bool requestedByMentee, string reason, DateTime now)
    {
        Pairing = pairing;
        PairingId = pairing.Id;
        RequestedByUserId = requestedByUserId;
        RequestedByMentee = requestedByMentee;
        Reason = Guard.Text(reason, "what is not working", MaxReasonLength);
        CreatedAt = Guard.Utc(now);
        Status = ChangeRequestStatus.Open;
    }

    public int Id { get; private set; }

    public int PairingId { get; private set; }

    public Pairing? Pairing { get; private set; }

    public string RequestedByUserId { get; private set; }

    public bool RequestedByMentee { get; private set; }

    /// <summary>Readable only by administrators.</summary>
    public string Reason { get; private set; }

    public ChangeRequestStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>The administrator's message to the requester when the request is declined.</summary>
    public string? Response { get; private set; }

    public bool IsOpen => Status == ChangeRequestStatus.Open;

    /// <summary>The scheme will not change the pairing; the requester is told why.</summary>
    public void Decline(string message, DateTime now)
    {
        var response = Guard.Text(message, "a message to the person who asked", 2000);
        Close(ChangeRequestStatus.Declined, now);
        Response = response;
    }

    /// <summary>Erases the words of the request and its answer, when the requester's account is erased.</summary>
    internal void EraseReason()
    {
        Reason = string.Empty;
        Response = null;
    }

    public void Close(ChangeRequestStatus outcome, DateTime now)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException("This request has already been dealt with.");
        }

        if (outcome == ChangeRequestStatus.Open)
        {
            throw new DomainRuleException("Choose an outcome.");
        }

        ClosedAt = Guard.Utc(now);
        Status = outcome;
    }
}
