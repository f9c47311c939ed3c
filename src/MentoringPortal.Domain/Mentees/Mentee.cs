using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Domain.Mentees;

/// <summary>
/// A trainee or member being mentored. Rules about requests and pairings read the mentee's
/// pending requests and active pairings, so load those (at least) before calling them.
/// </summary>
public sealed class Mentee
{
    public const int MaxPendingRequests = 3;

    private readonly List<Programme> _programmes = [];
    private readonly List<Goal> _goals = [];
    private readonly List<ContactRequest> _requests = [];
    private readonly List<Pairing> _pairings = [];
    private readonly List<MenteeApplication> _applications = [];

    private Mentee()
    {
        DisplayName = string.Empty;
    }

    public Mentee(string? userId, string displayName, DateTime now)
        : this()
    {
        UserId = userId;
        DisplayName = Guard.Text(displayName, "your name", 100);
        CreatedAt = Guard.Utc(now);
    }

    public int Id { get; private set; }

    public string? UserId { get; private set; }

    public string DisplayName { get; private set; }

    public string? Specialty { get; private set; }

    public string? Grade { get; private set; }

    public string? Region { get; private set; }

    public string? Background { get; private set; }

    public string? Organisation { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ProfileCompletedAt { get; private set; }

    public IReadOnlyCollection<Programme> Programmes => _programmes;

    public IReadOnlyCollection<Goal> Goals => _goals;

    public IReadOnlyCollection<ContactRequest> Requests => _requests;

    public IReadOnlyCollection<Pairing> Pairings => _pairings;

    public IReadOnlyCollection<MenteeApplication> Applications => _applications;

    public bool IsProfileComplete => HasProfile && _programmes.Count > 0;

    /// <summary>The profile's details are filled in (programmes aside: those where the scheme matches are joined by applying).</summary>
    public bool HasProfile => ProfileCompletedAt is not null;

    public void UpdateProfile(MenteeProfile profile, DateTime now)
    {
        DisplayName = Guard.Text(profile.DisplayName, "your name", 100);
        Specialty = Guard.OneOf(profile.Specialty, ProfileOptions.Specialties, "your specialty");
        Grade = Guard.OneOf(profile.Grade, ProfileOptions.Grades, "your stage or grade");
        Region = Guard.OneOf(profile.Region, ProfileOptions.Regions, "your region");
        Background = Guard.OneOf(profile.Background, ProfileOptions.Backgrounds, "your background");
        Organisation = Guard.Text(profile.Organisation, "your organisation", 150, required: false);
        ProfileCompletedAt ??= Guard.Utc(now);
    }

    /// <summary>
    /// Sets the first goal of a horizon (the profile's quick entry); an empty description removes it,
    /// unless progress has been recorded against it.
    /// </summary>
    public void SetGoal(GoalHorizon horizon, string? description, DateTime now)
    {
        var existing = _goals.Where(g => g.Horizon == horizon).OrderBy(g => g.CreatedAt).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(description))
        {
            if (existing is null)
            {
                return;
            }

            if (existing.Ratings.Count > 0)
            {
                throw new DomainRuleException("This goal has progress recorded. Mark it as dropped on your goals page instead.");
            }

            _goals.Remove(existing);
            return;
        }

        if (existing is null)
        {
            _goals.Add(new Goal(horizon, description, now));
        }
        else
        {
            existing.Describe(description, now);
        }
    }

    /// <summary>Adds a goal with the mentee's rating of where they stand at the start.</summary>
    public Goal AddGoal(GoalHorizon horizon, string description, int startRating, DateTime now)
    {
        if (!Enum.IsDefined(horizon))
        {
            throw new DomainRuleException("Choose when you hope to reach the goal.");
        }

        var goal = new Goal(horizon, description, now);
        goal.Rate(startRating, now);
        _goals.Add(goal);
        return goal;
    }

    public void UpdateGoal(int goalId, string description, GoalStatus status, int? rating, DateTime now)
    {
        var goal = _goals.Find(g => g.Id == goalId) ?? throw new DomainRuleException("That goal no longer exists.");
        goal.Describe(description, now);
        goal.SetStatus(status, now);
        if (rating is { } value && value != goal.CurrentRating)
        {
            goal.Rate(value, now);
        }
    }

    /// <summary>
    /// Erases the trainee's personal data when their account is erased: name, profile, goals'
    /// words, messages and applications. Open requests and applications close and an active
    /// pairing ends. Pairings, meeting dates, goal ratings and survey scores stay for the scheme's
    /// figures, under <see cref="Privacy.FormerMember.Name"/>. Load goals, requests, applications and
    /// pairings (with their mentor, meetings and notes, change requests and surveys) first.
    /// </summary>
    public void Erase(string userId, DateTime now)
    {
        DisplayName = Privacy.FormerMember.Name;
        Specialty = Grade = Region = Background = Organisation = null;
        UserId = null;
        foreach (var goal in _goals)
        {
            goal.Erase();
        }

        foreach (var request in _requests)
        {
            request.CloseBecauseMemberLeft(now);
            request.EraseMessages();
        }

        foreach (var application in _applications)
        {
            application.EraseForLeaving(now);
        }

        foreach (var pairing in _pairings)
        {
            pairing.EndBecauseMemberLeft(now);
            pairing.EraseContentOf(userId, Evaluation.SurveyRespondent.Mentee);
        }
    }

    public void JoinProgramme(Programme programme)
    {
        if (!_programmes.Contains(programme))
        {
            _programmes.Add(programme);
        }
    }

    public void LeaveProgramme(Programme programme)
    {
        if (HasActivePairingIn(programme.Id))
        {
            throw new DomainRuleException($"You have a mentor in {programme.Name}, so you cannot leave it.");
        }

        _programmes.Remove(programme);
    }

    public bool HasActivePairingIn(int programmeId) =>
        _pairings.Exists(m => m.ProgrammeId == programmeId && m.IsActive);

    public int PendingRequestCount => _requests.Count(r => r.IsPending);

    public ContactRequest RequestContact(Mentor mentor, Programme programme, string message, MeetingModes preferredMode,
        DateTime now, TimeSpan expiresAfter)
    {
        if (!IsProfileComplete)
        {
            throw new DomainRuleException("Complete your profile before contacting a mentor.");
        }

        if (!programme.MenteesChooseTheirMentor)
        {
            throw new DomainRuleException($"In {programme.Name} the scheme matches mentees with mentors, so mentors cannot be contacted directly.");
        }

        if (!mentor.BelongsTo(programme.Id))
        {
            throw new DomainRuleException($"{mentor.DisplayName} does not mentor in {programme.Name}.");
        }

        if (!_programmes.Contains(programme))
        {
            throw new DomainRuleException($"Join {programme.Name} in your profile before contacting its mentors.");
        }

        if (HasActivePairingIn(programme.Id))
        {
            throw new DomainRuleException($"You already have a mentor in {programme.Name}.");
        }

        if (_requests.Exists(r => r.IsPending && r.MentorId == mentor.Id))
        {
            throw new DomainRuleException($"You have already asked {mentor.DisplayName}. Please wait for their answer.");
        }

        if (expiresAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresAfter), "Requests must stay open for some time.");
        }

        if (PendingRequestCount >= MaxPendingRequests)
        {
            throw new DomainRuleException(
                $"You have {MaxPendingRequests} requests waiting for an answer. Cancel one, or wait for a reply, before asking another mentor.");
        }

        var whyNot = mentor.WhyNotContactable(DateOnly.FromDateTime(now));
        if (whyNot is not null)
        {
            throw new DomainRuleException(whyNot);
        }

        if (preferredMode != MeetingModes.None && !mentor.MeetingModes.HasFlag(preferredMode))
        {
            throw new DomainRuleException($"{mentor.DisplayName} does not offer {preferredMode.Describe().ToLowerInvariant()} meetings.");
        }

        var request = new ContactRequest(this, mentor, programme.Id, message, preferredMode, now, expiresAfter);
        _requests.Add(request);
        return request;
    }

    /// <summary>
    /// Applies to a programme where the scheme matches mentees with mentors. The goals by horizon
    /// come from the mentee's goals; at least one is needed so the scheme can match on them.
    /// Load the mentee's programmes, goals, pairings and applications first.
    /// </summary>
    public MenteeApplication Apply(Programme programme, ApplicationChoices choices, DateTime now)
    {
        if (!HasProfile)
        {
            throw new DomainRuleException("Complete your profile before applying.");
        }

        if (programme.MenteesChooseTheirMentor)
        {
            throw new DomainRuleException($"In {programme.Name} you choose your own mentor from the directory.");
        }

        if (!programme.OpenForApplications)
        {
            throw new DomainRuleException($"{programme.Name} is not taking applications at the moment.");
        }

        if (HasActivePairingIn(programme.Id))
        {
            throw new DomainRuleException($"You already have a mentor in {programme.Name}.");
        }

        if (_applications.Exists(a => a.IsOpen && a.ProgrammeId == programme.Id))
        {
            throw new DomainRuleException($"Your application to {programme.Name} is already waiting to be matched.");
        }

        if (!_goals.Exists(g => g.Status == GoalStatus.Open))
        {
            throw new DomainRuleException("Add at least one goal so the scheme can match you with a mentor who fits it.");
        }

        JoinProgramme(programme);
        var application = new MenteeApplication(this, programme, choices, now);
        _applications.Add(application);
        return application;
    }

    /// <summary>
    /// What matching must respect for this mentee in a programme: the choices of their latest
    /// application there (conflicts, own organisation, ways of meeting), and in a reassignment
    /// the mentors they have already had. Load goals, pairings and applications first.
    /// </summary>
    public MenteeNeeds MatchingNeeds(int programmeId, bool excludePastMentors)
    {
        var application = _applications.Where(a => a.ProgrammeId == programmeId).OrderByDescending(a => a.SubmittedAt).FirstOrDefault();
        return MenteeNeeds.For(this, programmeId, application?.PreferredModes ?? MeetingModes.None,
            application?.AvoidOwnOrganisation ?? false, application?.ConflictList ?? [], excludePastMentors);
    }

    internal Acceptance StartPairing(ContactRequest accepted, Mentor mentor, DateTime now)
    {
        if (HasActivePairingIn(accepted.ProgrammeId))
        {
            throw new DomainRuleException($"{DisplayName} has already been paired with another mentor in this programme.");
        }

        accepted.MarkAccepted(now);
        var pairing = new Pairing(mentor, this, accepted.ProgrammeId, now, accepted.Id);
        _pairings.Add(pairing);
        return new Acceptance(pairing, WithdrawPendingRequests(accepted.ProgrammeId, now));
    }

    /// <summary>Once the trainee has a mentor, their other requests in the programme stop: the first acceptance wins.</summary>
    private List<ContactRequest> WithdrawPendingRequests(int programmeId, DateTime now)
    {
        var withdrawn = _requests.Where(r => r.IsPending && r.ProgrammeId == programmeId).ToList();
        foreach (var request in withdrawn)
        {
            request.Withdraw(now);
        }

        return withdrawn;
    }

    /// <summary>Starts a pairing chosen by the scheme rather than by the trainee (also used by demo seeding).</summary>
    public Acceptance PairWith(Mentor mentor, Programme programme, DateTime now)
    {
        if (HasActivePairingIn(programme.Id))
        {
            throw new DomainRuleException($"{DisplayName} already has a mentor in {programme.Name}.");
        }

        if (!mentor.BelongsTo(programme.Id))
        {
            throw new DomainRuleException($"{mentor.DisplayName} does not mentor in {programme.Name}.");
        }

        mentor.TakePlace();
        return StartHeldPairing(mentor, programme, now);
    }

    /// <summary>Starts a pairing in a place a proposal already holds for this mentee.</summary>
    internal Acceptance PairWithHeldPlace(Mentor mentor, Programme programme, DateTime now)
    {
        if (HasActivePairingIn(programme.Id))
        {
            throw new DomainRuleException($"{DisplayName} already has a mentor in {programme.Name}.");
        }

        return StartHeldPairing(mentor, programme, now);
    }

    private Acceptance StartHeldPairing(Mentor mentor, Programme programme, DateTime now)
    {
        var pairing = new Pairing(mentor, this, programme.Id, now, contactRequestId: null);
        _pairings.Add(pairing);
        return new Acceptance(pairing, WithdrawPendingRequests(programme.Id, now));
    }
}
