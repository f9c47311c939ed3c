using MentoringPortal.Domain.Pairings;

namespace MentoringPortal.Domain.Meetings;

public enum MeetingStatus
{
    Planned = 0,
    Held = 1,
    Cancelled = 2,
}

public sealed class Meeting
{
    public const int MaxAgreedActionsLength = 2000;

    private readonly List<MeetingNote> _notes = [];

    private Meeting()
    {
    }

    internal Meeting(Pairing pairing, DateTime startsAt, int durationMinutes, MeetingModes mode, string? location, bool isInitial)
    {
        Pairing = pairing;
        PairingId = pairing.Id;
        IsInitial = isInitial;
        Schedule(startsAt, durationMinutes, mode, location);
    }

    public int Id { get; private set; }

    public int PairingId { get; private set; }

    public Pairing? Pairing { get; private set; }

    public DateTime StartsAt { get; private set; }

    public int DurationMinutes { get; private set; }

    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public MeetingModes Mode { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The first meeting of a pairing, expected to be face to face.</summary>
    public bool IsInitial { get; private set; }

    public MeetingStatus Status { get; private set; }

    public DateTime? HeldAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    /// <summary>What both members agreed to do; unlike notes, both can read it.</summary>
    public string? AgreedActions { get; private set; }

    public int Version { get; private set; }

    /// <summary>Private notes, each readable only by its author: read them through <see cref="NoteBy"/>.</summary>
    public IReadOnlyCollection<MeetingNote> Notes => _notes;

    public bool WasHeld => Status == MeetingStatus.Held;

    public bool IsPlanned => Status == MeetingStatus.Planned;

    public void Reschedule(DateTime startsAt, int durationMinutes, MeetingModes mode, string? location)
    {
        if (!IsPlanned)
        {
            throw new DomainRuleException($"This meeting has been {(WasHeld ? "held" : "cancelled")} and can no longer be changed.");
        }

        Schedule(startsAt, durationMinutes, mode, location);
    }

    public void Cancel(DateTime now)
    {
        if (!IsPlanned)
        {
            throw new DomainRuleException($"This meeting has already been {(WasHeld ? "held" : "cancelled")}.");
        }

        CancelledAt = Guard.Utc(now);
        Status = MeetingStatus.Cancelled;
        Version++;
    }

    /// <summary>
    /// A planned meeting whose time is over and that nobody has logged: the members are asked
    /// "Did this meeting happen?" until one of them answers.
    /// </summary>
    public bool AwaitsAnswer(DateTime now) => IsPlanned && EndsAt <= now;

    /// <summary>A meeting called off once its time had passed: it did not happen, rather than being cancelled ahead.</summary>
    public bool DidNotHappen => Status == MeetingStatus.Cancelled && CancelledAt >= EndsAt;

    /// <summary>A member answers "No, it did not happen" to a planned meeting whose time has passed.</summary>
    public void RecordNotHeld(DateTime now)
    {
        if (!IsPlanned)
        {
            throw new DomainRuleException($"This meeting has already been {(WasHeld ? "logged as held" : "cancelled")}.");
        }

        if (!AwaitsAnswer(now))
        {
            throw new DomainRuleException("This meeting's time has not passed yet. Cancel it instead if it will not happen.");
        }

        Cancel(now);
    }

    /// <summary>A meeting can be logged as held once it has started, unless it was cancelled.</summary>
    public bool CanBeLoggedAsHeld(DateTime now) => Status != MeetingStatus.Cancelled && StartsAt <= now;

    public void MarkHeld(DateTime now) => LogAsHeld(AgreedActions, now);

    /// <summary>Records that the meeting took place, with the actions both members agreed.</summary>
    public void LogAsHeld(string? agreedActions, DateTime now)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            throw new DomainRuleException("A cancelled meeting cannot be logged as held.");
        }

        if (now < StartsAt)
        {
            throw new DomainRuleException("A meeting can be logged as held only after it has started.");
        }

        var actions = Guard.Text(agreedActions, "the agreed actions", MaxAgreedActionsLength, required: false);
        HeldAt ??= Guard.Utc(now);
        AgreedActions = actions.Length == 0 ? null : actions;
        Status = MeetingStatus.Held;
        Version++;
    }

    /// <summary>Writes (or rewrites) the author's own private note on this meeting.</summary>
    public MeetingNote WriteNote(string authorUserId, string text, DateTime now)
    {
        var existing = NoteBy(authorUserId);
        if (existing is not null)
        {
            existing.Rewrite(text, now);
            return existing;
        }

        var note = new MeetingNote(authorUserId, text, now);
        _notes.Add(note);
        return note;
    }

    /// <summary>Deletes the author's notes, when their account is erased.</summary>
    internal void RemoveNotesBy(string userId) =>
        _notes.RemoveAll(n => string.Equals(n.AuthorUserId, userId, StringComparison.Ordinal));

    /// <summary>The only way to read a note: by its author.</summary>
    public MeetingNote? NoteBy(string userId) => _notes.Find(n => string.Equals(n.AuthorUserId, userId, StringComparison.Ordinal));

    private void Schedule(DateTime startsAt, int durationMinutes, MeetingModes mode, string? location)
    {
        if (durationMinutes is < 15 or > 480)
        {
            throw new DomainRuleException("A meeting lasts between 15 minutes and 8 hours.");
        }

        if (mode is not (MeetingModes.FaceToFace or MeetingModes.Video or MeetingModes.Phone))
        {
            throw new DomainRuleException("Choose how you will meet.");
        }

        var place = Guard.Text(location, "the place or link", 300, required: false);
        StartsAt = Guard.Utc(startsAt);
        DurationMinutes = durationMinutes;
        Mode = mode;
        Location = place.Length == 0 ? null : place;
        Version++;
    }
}

/// <summary>A private note on a meeting. Nobody but its author reads it: not the other member, not an administrator.</summary>
public sealed class MeetingNote
{
    public const int MaxTextLength = 4000;

    private MeetingNote()
    {
        AuthorUserId = Text = string.Empty;
    }

    internal MeetingNote(string authorUserId, string text, DateTime now)
    {
        AuthorUserId = authorUserId;
        Text = Guard.Text(text, "your note", MaxTextLength);
        CreatedAt = Guard.Utc(now);
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public string AuthorUserId { get; private set; }

    public string Text { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    internal void Rewrite(string text, DateTime now)
    {
        var checkedText = Guard.Text(text, "your note", MaxTextLength);
        UpdatedAt = Guard.Utc(now);
        Text = checkedText;
    }
}
