using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Domain.Pairings;

/// <summary>A pairing of one mentor and one mentee within a programme.</summary>
public sealed class Pairing
{
    private readonly List<Meeting> _meetings = [];
    private readonly List<ChangeRequest> _changeRequests = [];
    private readonly List<SurveyResponse> _surveys = [];

    private Pairing()
    {
    }

    internal Pairing(Mentor mentor, Mentee mentee, int programmeId, DateTime startedAt, int? contactRequestId)
    {
        Mentor = mentor;
        MentorId = mentor.Id;
        Mentee = mentee;
        MenteeId = mentee.Id;
        ProgrammeId = programmeId;
        StartedAt = Guard.Utc(startedAt);
        ContactRequestId = contactRequestId;
        Status = PairingStatus.Active;
    }

    public int Id { get; private set; }

    public int MentorId { get; private set; }

    public Mentor? Mentor { get; private set; }

    public int MenteeId { get; private set; }

    public Mentee? Mentee { get; private set; }

    public int ProgrammeId { get; private set; }

    public int? ContactRequestId { get; private set; }

    public PairingStatus Status { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    public EndReason? EndReason { get; private set; }

    public string? EndNote { get; private set; }

    public string? EndedByUserId { get; private set; }

    /// <summary>When the pair was last reminded that a meeting is due; one reminder per overdue spell.</summary>
    public DateTime? CadenceReminderSentAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The mentee agreed that their mentor may name them in the mentor's record for appraisal; off until they say so.</summary>
    public bool MenteeAgreesToBeNamed { get; private set; }

    public IReadOnlyCollection<Meeting> Meetings => _meetings;

    public IReadOnlyCollection<ChangeRequest> ChangeRequests => _changeRequests;

    /// <summary>The evaluation and exit surveys of both members (load them before inviting).</summary>
    public IReadOnlyCollection<SurveyResponse> Surveys => _surveys;

    public bool IsActive => Status == PairingStatus.Active;

    /// <summary>Only the mentee decides whether their mentor's record names them; they may change their mind at any time.</summary>
    public void SetMenteeAgreesToBeNamed(string userId, bool agrees)
    {
        if (Mentee is null || !string.Equals(Mentee.UserId, userId, StringComparison.Ordinal))
        {
            throw new DomainRuleException("Only the mentee can choose whether their mentor's record names them.");
        }

        MenteeAgreesToBeNamed = agrees;
    }

    /// <summary>When the pair last met, or the start of the pairing if they have not met yet.</summary>
    public DateTime LastContactAt => LastHeldMeetingAt ?? StartedAt;

    public Meeting? NextMeeting(DateTime now) =>
        _meetings.Where(m => m.IsPlanned && m.EndsAt >= now).OrderBy(m => m.StartsAt).FirstOrDefault();

    /// <summary>
    /// A pairing is overdue when more than the programme's cadence has passed since its last held
    /// meeting (or its start, if none has been held). Only this fact reaches administrators, never
    /// what was discussed.
    /// </summary>
    /// <remarks>
    /// A planned meeting keeps the pairing on track only if it falls within the cadence window, and
    /// it can do so only while the window is still open, when the pairing is on track anyway. Once
    /// the window has closed, a meeting planned for later (however soon), or a planned meeting whose
    /// time has passed without being logged, changes nothing: only a held meeting, logged (also
    /// afterwards, as a past meeting), puts the pairing back on track.
    /// </remarks>
    public bool IsOverdue(DateTime now, int cadenceWeeks) => IsActive && IsOverdue(StartedAt, LastHeldMeetingAt, now, cadenceWeeks);

    /// <summary>The same rule on facts read by a query (pages that list many active pairings use it).</summary>
    public static bool IsOverdue(DateTime startedAt, DateTime? lastHeldMeetingAt, DateTime now, int cadenceWeeks) =>
        now > MeetingDueBy(startedAt, lastHeldMeetingAt, cadenceWeeks);

    /// <summary>The end of the cadence window: the last held meeting (or the start) plus the cadence.</summary>
    public static DateTime MeetingDueBy(DateTime startedAt, DateTime? lastHeldMeetingAt, int cadenceWeeks) =>
        (lastHeldMeetingAt ?? startedAt).AddDays(7 * cadenceWeeks);

    /// <summary>When the pair should next have met to stay on track.</summary>
    public DateTime MeetingDueBy(int cadenceWeeks) => MeetingDueBy(StartedAt, LastHeldMeetingAt, cadenceWeeks);

    private DateTime? LastHeldMeetingAt => _meetings.Where(m => m.WasHeld).Select(m => (DateTime?)m.StartsAt).Max();

    /// <summary>Due once per overdue spell: not again until the pair meets and falls behind again.</summary>
    public bool NeedsCadenceReminder(DateTime now, int cadenceWeeks) =>
        IsOverdue(now, cadenceWeeks) && (CadenceReminderSentAt is null || CadenceReminderSentAt < LastContactAt.AddDays(7 * cadenceWeeks));

    public void RecordCadenceReminder(DateTime now)
    {
        CadenceReminderSentAt = Guard.Utc(now);
        Version++;
    }

    public bool Involves(string userId) =>
        string.Equals(Mentor?.UserId, userId, StringComparison.Ordinal) || string.Equals(Mentee?.UserId, userId, StringComparison.Ordinal);

    public Meeting MeetingById(int meetingId) =>
        _meetings.Find(m => m.Id == meetingId) ?? throw new DomainRuleException("That meeting is not part of this pairing.");

    /// <summary>A member asks the scheme, in confidence, for a change. One open request per member at a time.</summary>
    public ChangeRequest AskForChange(string userId, string reason, DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This pairing has ended.");
        }

        if (!Involves(userId))
        {
            throw new DomainRuleException("Only the members of a pairing can ask for a change.");
        }

        if (_changeRequests.Exists(c => c.IsOpen && string.Equals(c.RequestedByUserId, userId, StringComparison.Ordinal)))
        {
            throw new DomainRuleException("You have already asked for a change; the scheme will be in touch.");
        }

        var request = new ChangeRequest(this, userId, string.Equals(Mentee?.UserId, userId, StringComparison.Ordinal), reason, now);
        _changeRequests.Add(request);
        Version++;
        return request;
    }

    /// <summary>
    /// The scheme declines one of this pairing's change requests. The pairing's version moves too,
    /// so two administrators deciding at once (a decline and another decline or a reassignment)
    /// cannot both succeed.
    /// </summary>
    public void DeclineChange(ChangeRequest request, string message, DateTime now)
    {
        if (request.PairingId != Id)
        {
            throw new InvalidOperationException("That change request belongs to another pairing.");
        }

        request.Decline(message, now);
        Version++;
    }

    /// <summary>
    /// The initial meeting, as the pair lived it: the first one held; until one is held, the earliest one still planned.
    /// A meeting planned first but held after another is not the initial one any more.
    /// </summary>
    public Meeting? InitialMeeting =>
        _meetings.Where(m => m.Status == MeetingStatus.Held).MinBy(m => m.StartsAt)
        ?? _meetings.Where(m => m.IsPlanned).MinBy(m => m.StartsAt);

    /// <summary>Whether the next meeting planned is the initial one: no meeting so far, or every one cancelled.</summary>
    public bool NextMeetingIsInitial => !_meetings.Exists(m => m.Status != MeetingStatus.Cancelled);

    /// <summary>Plans a meeting; the first meeting of a pairing is the initial one, expected face to face.</summary>
    public Meeting PlanMeeting(DateTime startsAt, int durationMinutes, MeetingModes mode, string? location)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This pairing has ended, so no more meetings can be planned.");
        }

        var meeting = new Meeting(this, startsAt, durationMinutes, mode, location, NextMeetingIsInitial);
        _meetings.Add(meeting);
        Version++;
        return meeting;
    }

    /// <summary>
    /// Records a meeting that already took place, held in one step. Either member may; it cannot be
    /// in the future, nor before the pairing started. It is the initial meeting when none was held before it.
    /// </summary>
    public Meeting LogPastMeeting(DateTime startsAt, int durationMinutes, MeetingModes mode, string? agreedActions, DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This pairing has ended, so no more meetings can be logged.");
        }

        var start = Guard.Utc(startsAt);
        if (start > now)
        {
            throw new DomainRuleException("That time is still to come. Log a meeting once it has happened, or plan it instead.");
        }

        if (start < StartedAt)
        {
            throw new DomainRuleException("That is before your pairing started. Choose a date and time since it started.");
        }

        var isInitial = !_meetings.Exists(m => m.WasHeld && m.StartsAt <= start);
        var meeting = new Meeting(this, start, durationMinutes, mode, location: null, isInitial);
        meeting.LogAsHeld(agreedActions, now);
        _meetings.Add(meeting);
        Version++;
        return meeting;
    }

    /// <summary>
    /// Ends the pairing because one member's account is being erased. Unlike <see cref="End"/> it
    /// offers no exit survey: one member is gone, and the other is not asked to rate them.
    /// </summary>
    public void EndBecauseMemberLeft(DateTime now)
    {
        if (!IsActive)
        {
            return;
        }

        var mentor = Mentor ?? throw new InvalidOperationException("Load the mentor before ending a pairing.");
        EndedAt = Guard.Utc(now);
        Status = PairingStatus.Ended;
        EndReason = Pairings.EndReason.EndedByScheme;
        Version++;
        mentor.ReleasePlace();
        foreach (var meeting in _meetings.Where(m => m.IsPlanned && m.StartsAt > now))
        {
            meeting.Cancel(now);
        }

        foreach (var request in _changeRequests.Where(c => c.IsOpen))
        {
            request.Close(ChangeRequestStatus.Resolved, now);
        }
    }

    /// <summary>
    /// Erases what one member wrote in this pairing (their private notes, their change requests'
    /// reasons, their survey comments) and keeps the facts the scheme counts: dates, meetings held,
    /// survey scores. Load meetings with notes, change requests and surveys first.
    /// </summary>
    public void EraseContentOf(string userId, SurveyRespondent role)
    {
        foreach (var meeting in _meetings)
        {
            meeting.RemoveNotesBy(userId);
        }

        foreach (var request in _changeRequests.Where(c => string.Equals(c.RequestedByUserId, userId, StringComparison.Ordinal)))
        {
            request.EraseReason();
        }

        foreach (var survey in _surveys.Where(s => s.Respondent == role))
        {
            survey.EraseComments();
        }

        EndNote = null;
        if (role == SurveyRespondent.Mentee)
        {
            MenteeAgreesToBeNamed = false;
        }

        if (string.Equals(EndedByUserId, userId, StringComparison.Ordinal))
        {
            EndedByUserId = null;
        }

        Version++;
    }

    public void End(EndReason reason, string? endedByUserId, string? note, DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This pairing has already ended.");
        }

        if (!Enum.IsDefined(reason))
        {
            throw new DomainRuleException("Choose why the pairing is ending.");
        }

        var checkedNote = Guard.Text(note, "a few words about why", 1000, required: reason == Pairings.EndReason.Other);
        var mentor = Mentor ?? throw new InvalidOperationException("Load the mentor before ending a pairing.");
        EndedAt = Guard.Utc(now);
        Status = PairingStatus.Ended;
        EndReason = reason;
        EndNote = checkedNote.Length == 0 ? null : checkedNote;
        EndedByUserId = endedByUserId;
        Version++;
        mentor.ReleasePlace();
        foreach (var meeting in _meetings.Where(m => m.IsPlanned && m.StartsAt > now))
        {
            meeting.Cancel(now);
        }

        foreach (var request in _changeRequests.Where(c => c.IsOpen))
        {
            request.Close(ChangeRequestStatus.Resolved, now);
        }

        // Both are offered the exit survey; the invitations are emailed by the survey job.
        _surveys.Add(new SurveyResponse(Id, ProgrammeId, SurveyKind.Exit, SurveyRespondent.Mentee, now));
        _surveys.Add(new SurveyResponse(Id, ProgrammeId, SurveyKind.Exit, SurveyRespondent.Mentor, now));
    }

    /// <summary>When both members are due to be asked to evaluate the pairing: the programme's evaluation point, if it is still running.</summary>
    public DateTime EvaluationDueAt(int evaluationPointMonths) => StartedAt.AddMonths(evaluationPointMonths);

    /// <summary>True once the pairing reaches the evaluation point and nobody has been invited yet. Load the surveys first.</summary>
    public bool NeedsEvaluationInvitation(DateTime now, int evaluationPointMonths) =>
        IsActive && now >= EvaluationDueAt(evaluationPointMonths) && !_surveys.Any(s => s.Kind == SurveyKind.Evaluation);

    /// <summary>Creates the evaluation survey for the mentee and the mentor, once. Load the surveys first.</summary>
    public void InviteToEvaluation(DateTime now, int evaluationPointMonths)
    {
        if (!NeedsEvaluationInvitation(now, evaluationPointMonths))
        {
            throw new DomainRuleException("This pairing is not due for its evaluation.");
        }

        _surveys.Add(new SurveyResponse(Id, ProgrammeId, SurveyKind.Evaluation, SurveyRespondent.Mentee, now));
        _surveys.Add(new SurveyResponse(Id, ProgrammeId, SurveyKind.Evaluation, SurveyRespondent.Mentor, now));
    }

    /// <summary>This member's survey of the given kind, if they have been invited to it.</summary>
    public SurveyResponse? SurveyFor(string userId, SurveyKind kind)
    {
        var respondent = RespondentFor(userId);
        return respondent is null ? null : _surveys.FirstOrDefault(s => s.Kind == kind && s.Respondent == respondent);
    }

    /// <summary>Whether the user is this pairing's mentee or mentor; null for anyone else. Load both members first.</summary>
    public SurveyRespondent? RespondentFor(string userId) =>
        Mentee?.UserId == userId ? SurveyRespondent.Mentee
        : Mentor?.UserId == userId ? SurveyRespondent.Mentor
        : null;

    /// <summary>
    /// The scheme moves the mentee to another mentor: this pairing ends with a no-fault reason and
    /// the new one starts, within the new mentor's capacity. The new mentor must be one matching
    /// could suggest: never the current or a previous mentor, nor anyone the mentee declared a
    /// conflict with. Load both mentors, the mentee's goals, pairings and applications, and the
    /// change requests and meetings of this pairing first.
    /// </summary>
    public Reassignment ReassignTo(Mentor newMentor, Programme programme, string? byUserId, DateTime now)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("This pairing has already ended.");
        }

        if (programme.Id != ProgrammeId)
        {
            throw new DomainRuleException("The new pairing must be in the same programme.");
        }

        // Checked before anything changes: once this pairing has ended, a refusal would leave it half done.
        if (!newMentor.BelongsTo(programme.Id))
        {
            throw new DomainRuleException($"{newMentor.DisplayName} does not mentor in {programme.Name}.");
        }

        var mentee = Mentee ?? throw new InvalidOperationException("Load the mentee before reassigning a pairing.");
        var needs = mentee.MatchingNeeds(ProgrammeId, excludePastMentors: true);
        var whyNot = MatchScoring.WhyExcluded(needs, MatchCandidate.From(newMentor, DateOnly.FromDateTime(now)));
        if (whyNot is not null)
        {
            throw new DomainRuleException($"{newMentor.DisplayName} cannot be chosen: {whyNot}.");
        }

        var requestsAnswered = _changeRequests.Where(c => c.IsOpen).ToList();
        End(Pairings.EndReason.Reassigned, byUserId, note: null, now);
        var started = mentee.PairWith(newMentor, programme, now).Pairing;
        return new Reassignment(this, started, requestsAnswered);
    }
}
