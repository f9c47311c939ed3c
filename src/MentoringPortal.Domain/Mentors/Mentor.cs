using System.Linq.Expressions;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Domain.Mentors;

public sealed class Mentor
{
    public const int MaxCapacity = 10;

    public const int TrainingReminderDays = 30;
    public const string SchemeCourseName = "2-day mentor training course";

    private readonly List<Programme> _programmes = [];
    private readonly List<TrainingRecord> _training = [];

    private Mentor()
    {
        DisplayName = Specialty = Grade = Region = Background = Expertise = Bio = SearchText = string.Empty;
    }

    public Mentor(string? userId, MentorProfile profile, int capacity, DateTime now)
        : this()
    {
        UserId = userId;
        CreatedAt = Guard.Utc(now);
        UpdateProfile(profile);
        SetCapacity(capacity);
    }

    public int Id { get; private set; }

    public string? UserId { get; private set; }

    public string DisplayName { get; private set; }

    public string Specialty { get; private set; }

    public string Grade { get; private set; }

    public string Region { get; private set; }

    public string Background { get; private set; }

    public string? Organisation { get; private set; }

    public string Expertise { get; private set; }

    public string Bio { get; private set; }

    public MeetingModes MeetingModes { get; private set; }

    public int Capacity { get; private set; }

    /// <summary>
    /// The places taken: active pairings plus proposals from the scheme waiting for this mentor's answer
    /// (a proposal holds its place until it is answered). Kept on the mentor, not counted from pairings,
    /// so that the database can hold the capacity rule itself (a check constraint) and two racing
    /// acceptances or proposals collide on this row.
    /// </summary>
    public int ActiveMenteeCount { get; private set; }

    public AvailabilityStatus Status { get; private set; }

    public DateOnly? PausedUntil { get; private set; }

    public bool IsApproved { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public MentorApproval Approval { get; private set; }

    /// <summary>What the person said about their training when they signed up, for the scheme to check.</summary>
    public string? TrainingDeclared { get; private set; }

    public DateTime? SignedUpAt { get; private set; }

    public DateTime? DeclinedAt { get; private set; }

    /// <summary>The scheme's message to the person when it declined their sign-up.</summary>
    public string? DeclineMessage { get; private set; }

    /// <summary>The expiry date the mentor was last reminded of, so each expiry is announced once.</summary>
    public DateOnly? TrainingReminderSentFor { get; private set; }

    public DateOnly? TrainingCompletedOn { get; private set; }

    public DateOnly? TrainingExpiresOn { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Lower-case name, specialty, expertise and bio, so free-text search is one simple predicate on every provider.</summary>
    public string SearchText { get; private set; }

    /// <summary>Optimistic concurrency token, bumped by every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyCollection<Programme> Programmes => _programmes;

    public IReadOnlyCollection<TrainingRecord> Training => _training;

    /// <summary>Capacity minus the places taken, stored so the directory's "most places free" sort has an index.</summary>
    public int FreePlaces { get; private set; }

    /// <summary>A member of at least one programme whose mentees choose their mentor (only those list mentors).</summary>
    public bool InChoosingProgramme { get; private set; }

    /// <summary>
    /// The directory's stored view of <see cref="IsListed"/> and <see cref="CanBeContacted"/>, set by <see cref="Refresh"/>
    /// whenever this mentor changes, and by the housekeeping job when only the date has moved (a pause ends, training
    /// expires). Pages that let a trainee act (the profile, contacting) check the exact rule instead.
    /// </summary>
    public DirectoryState DirectoryState { get; private set; } = DirectoryState.Hidden;

    public bool HasFreePlace => ActiveMenteeCount < Capacity;

    public bool HasValidTraining(DateOnly today) =>
        TrainingCompletedOn is not null && (TrainingExpiresOn is null || TrainingExpiresOn >= today);

    /// <summary>Listed in the directory: approved by the scheme and trained.</summary>
    public bool IsListed(DateOnly today) => IsApproved && HasValidTraining(today);

    public bool IsAccepting(DateOnly today) =>
        Status == AvailabilityStatus.Accepting
        || (Status == AvailabilityStatus.Paused && PausedUntil <= today);

    public bool IsPaused(DateOnly today) => Status == AvailabilityStatus.Paused && PausedUntil > today;

    public bool CanBeContacted(DateOnly today) => WhyNotContactable(today) is null;

    /// <summary><see cref="IsListed"/> as an expression a database can run (keep the two in step).</summary>
    public static Expression<Func<Mentor, bool>> ListedOn(DateOnly today) =>
        m => m.IsApproved && m.TrainingCompletedOn != null && (m.TrainingExpiresOn == null || m.TrainingExpiresOn >= today);

    /// <summary>
    /// <see cref="DirectoryState"/> as the housekeeping job works it out in the database for <paramref name="today"/>
    /// (keep in step with <see cref="Refresh"/>).
    /// </summary>
    public static Expression<Func<Mentor, DirectoryState>> DirectoryStateOn(DateOnly today) =>
        m => !(m.IsApproved && m.TrainingCompletedOn != null && (m.TrainingExpiresOn == null || m.TrainingExpiresOn >= today)
                && m.InChoosingProgramme)
            ? DirectoryState.Hidden
            : (m.Status == AvailabilityStatus.Accepting || (m.Status == AvailabilityStatus.Paused && m.PausedUntil <= today))
                && m.ActiveMenteeCount < m.Capacity
                ? DirectoryState.Accepting
                : DirectoryState.Listed;

    /// <summary><see cref="CanBeContacted"/> as an expression a database can run (keep the two in step).</summary>
    public static Expression<Func<Mentor, bool>> ContactableOn(DateOnly today) =>
        m => m.IsApproved && m.TrainingCompletedOn != null && (m.TrainingExpiresOn == null || m.TrainingExpiresOn >= today)
            && (m.Status == AvailabilityStatus.Accepting || (m.Status == AvailabilityStatus.Paused && m.PausedUntil <= today))
            && m.ActiveMenteeCount < m.Capacity;

    /// <summary>The reason a trainee cannot contact this mentor today, in words for the trainee; null when they can.</summary>
    public string? WhyNotContactable(DateOnly today) =>
        IsListed(today)
            ? WhyNotAvailable(DisplayName, AvailabilityOn(today), PausedUntil)
            : $"{DisplayName} is not currently listed as a mentor.";

    public MentorAvailability AvailabilityOn(DateOnly today) => AvailabilityOn(today, Status, PausedUntil, Capacity, ActiveMenteeCount);

    /// <summary>
    /// <see cref="AvailabilityOn(DateOnly)"/> from the values a directory query reads, so a page of mentors is judged
    /// as each mentor is, without loading them.
    /// </summary>
    public static MentorAvailability AvailabilityOn(DateOnly today, AvailabilityStatus status, DateOnly? pausedUntil, int capacity,
        int activeMentees)
    {
        if (status == AvailabilityStatus.Paused && pausedUntil > today)
        {
            return MentorAvailability.Paused;
        }

        if (status != AvailabilityStatus.Accepting && !(status == AvailabilityStatus.Paused && pausedUntil <= today))
        {
            return MentorAvailability.NotAccepting;
        }

        return activeMentees < capacity ? MentorAvailability.Accepting : MentorAvailability.Full;
    }

    /// <summary>Why a listed mentor cannot be contacted, in words for the trainee; null when they are accepting.</summary>
    public static string? WhyNotAvailable(string mentorName, MentorAvailability availability, DateOnly? pausedUntil) => availability switch
    {
        MentorAvailability.Paused => $"{mentorName} has paused mentoring until {pausedUntil:d MMMM yyyy}. Please contact another mentor.",
        MentorAvailability.NotAccepting => $"{mentorName} is not accepting new mentees at the moment. Please contact another mentor.",
        MentorAvailability.Full => $"{mentorName} is at full capacity at the moment. Please contact another mentor.",
        _ => null,
    };

    public void UpdateProfile(MentorProfile profile)
    {
        DisplayName = Guard.Text(profile.DisplayName, "your name", 100);
        Specialty = Guard.OneOf(profile.Specialty, ProfileOptions.Specialties, "a specialty");
        Grade = Guard.OneOf(profile.Grade, ProfileOptions.Grades, "a grade or role");
        Region = Guard.OneOf(profile.Region, ProfileOptions.Regions, "a region");
        Background = Guard.OneOf(profile.Background, ProfileOptions.Backgrounds, "a background");
        Organisation = Guard.Text(profile.Organisation, "your organisation", 150, required: false);
        Expertise = Guard.Text(profile.Expertise, "your areas of expertise", 500);
        Bio = Guard.Text(profile.Bio, "a short biography", 3000);
        MeetingModes = profile.MeetingModes != MeetingModes.None
            ? profile.MeetingModes
            : throw new DomainRuleException("Choose at least one way you can meet.");
        SearchText = string.Join(' ', DisplayName, Specialty, Expertise, Bio).ToLowerInvariant();
        Version++;
    }

    /// <summary>
    /// Erases the mentor's personal data when their account is erased: name, profile and what they
    /// told the scheme. They are no longer listed; pairings and their dates stay under
    /// <see cref="Privacy.FormerMember.Name"/>. The caller ends the pairings and closes requests.
    /// </summary>
    public void Erase()
    {
        DisplayName = Privacy.FormerMember.Name;
        Specialty = Grade = Region = Background = Expertise = Bio = SearchText = string.Empty;
        Organisation = TrainingDeclared = DeclineMessage = null;
        IsApproved = false;
        Status = AvailabilityStatus.NotAccepting;
        PausedUntil = null;
        UserId = null;
        Refresh(null);
        Version++;
    }

    public void SetCapacity(int capacity)
    {
        if (capacity is < 1 or > MaxCapacity)
        {
            throw new DomainRuleException($"Capacity must be between 1 and {MaxCapacity} mentees.");
        }

        if (capacity < ActiveMenteeCount)
        {
            throw new DomainRuleException(
                $"You mentor {ActiveMenteeCount} people at the moment, so your capacity cannot be lower than {ActiveMenteeCount}.");
        }

        Capacity = capacity;
        Refresh(null);
        Version++;
    }

    public void SetAvailability(AvailabilityStatus status, DateOnly? pausedUntil, DateOnly today)
    {
        if (status == AvailabilityStatus.Paused)
        {
            if (pausedUntil is null)
            {
                throw new DomainRuleException("Enter the date you will be back.");
            }

            if (pausedUntil <= today)
            {
                throw new DomainRuleException("The date you will be back must be in the future.");
            }

            if (pausedUntil > today.AddYears(2))
            {
                throw new DomainRuleException("A pause can last at most two years.");
            }
        }

        Status = status;
        PausedUntil = status == AvailabilityStatus.Paused ? pausedUntil : null;
        Refresh(today);
        Version++;
    }

    /// <summary>A pause ends by itself on its date.</summary>
    public bool ResumeIfPauseEnded(DateOnly today)
    {
        if (Status != AvailabilityStatus.Paused || PausedUntil > today)
        {
            return false;
        }

        Status = AvailabilityStatus.Accepting;
        PausedUntil = null;
        Refresh(today);
        Version++;
        return true;
    }

    /// <summary>A person offers to mentor: the sign-up waits for the scheme's approval.</summary>
    public static Mentor SignUp(string userId, MentorProfile profile, int capacity, string? trainingDeclared,
        IReadOnlyCollection<Programme> programmes, DateTime now)
    {
        var mentor = new Mentor(userId, profile, capacity, now);
        mentor.Resubmit(profile, capacity, trainingDeclared, programmes, now);
        return mentor;
    }

    /// <summary>A person whose sign-up was declined may change it and ask again.</summary>
    public void Resubmit(MentorProfile profile, int capacity, string? trainingDeclared, IReadOnlyCollection<Programme> programmes, DateTime now)
    {
        if (Approval == MentorApproval.Approved)
        {
            throw new DomainRuleException("You are already an approved mentor.");
        }

        if (programmes.Count == 0)
        {
            throw new DomainRuleException("Choose at least one programme you would like to mentor in.");
        }

        UpdateProfile(profile);
        SetCapacity(capacity);
        TrainingDeclared = Guard.Text(trainingDeclared, "the mentor training you have done", 1000, required: false) is { Length: > 0 } text ? text : null;
        _programmes.RemoveAll(p => !programmes.Contains(p));
        InChoosingProgramme = false;
        foreach (var programme in programmes)
        {
            JoinProgramme(programme, DateOnly.FromDateTime(now));
        }

        Approval = MentorApproval.Waiting;
        SignedUpAt = Guard.Utc(now);
        DeclinedAt = null;
        DeclineMessage = null;
        Refresh(DateOnly.FromDateTime(now));
        Version++;
    }

    public void Approve(DateTime now)
    {
        if (Approval == MentorApproval.Approved)
        {
            throw new DomainRuleException($"{DisplayName} has already been approved.");
        }

        Approval = MentorApproval.Approved;
        IsApproved = true;
        ApprovedAt = Guard.Utc(now);
        Refresh(DateOnly.FromDateTime(now));
        Version++;
    }

    public void Decline(string message, DateTime now)
    {
        if (Approval != MentorApproval.Waiting)
        {
            throw new DomainRuleException($"{DisplayName}'s sign-up is not waiting for a decision.");
        }

        DeclineMessage = Guard.Text(message, "a message to the person", 2000);
        Approval = MentorApproval.Declined;
        DeclinedAt = Guard.Utc(now);
        Version++;
    }

    /// <summary>
    /// When the scheme's course, completed on this date, stops counting: the shortest validity among
    /// the mentor's programmes, or never when none of them sets one. Load the programmes first.
    /// </summary>
    public DateOnly? SchemeCourseExpiry(DateOnly completedOn) =>
        _programmes.Where(p => p.TrainingValidityMonths is not null)
            .Select(p => (DateOnly?)completedOn.AddMonths(p.TrainingValidityMonths!.Value))
            .Min();

    /// <summary>Records the scheme's course without a person doing it (demo data and tests).</summary>
    public void RecordTraining(DateOnly completedOn, DateOnly? expiresOn) =>
        RecordTraining(SchemeCourseName, isSchemeCourse: true, completedOn, expiresOn, recordedByUserId: null,
            completedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    /// <summary>
    /// Adds a training entry. The latest completion of the scheme's course decides whether the
    /// mentor is trained (and so listed and matchable) and until when.
    /// </summary>
    public TrainingRecord RecordTraining(string course, bool isSchemeCourse, DateOnly completedOn, DateOnly? expiresOn,
        string? recordedByUserId, DateTime now)
    {
        if (completedOn > DateOnly.FromDateTime(now))
        {
            throw new DomainRuleException("The date completed cannot be in the future.");
        }

        if (expiresOn <= completedOn)
        {
            throw new DomainRuleException("Training must expire after the date it was completed.");
        }

        var record = new TrainingRecord(course, isSchemeCourse, completedOn, expiresOn, recordedByUserId, now);
        _training.Add(record);
        if (isSchemeCourse && (TrainingCompletedOn is null || completedOn >= TrainingCompletedOn))
        {
            TrainingCompletedOn = completedOn;
            TrainingExpiresOn = expiresOn;
        }

        Refresh(DateOnly.FromDateTime(now));
        Version++;
        return record;
    }

    /// <summary>Due once for each expiry date, from <see cref="TrainingReminderDays"/> days before it until it passes.</summary>
    public bool NeedsTrainingReminder(DateOnly today) =>
        IsApproved && TrainingExpiresOn is { } expires && expires >= today && expires <= today.AddDays(TrainingReminderDays)
        && TrainingReminderSentFor != expires;

    public void RecordTrainingReminder()
    {
        TrainingReminderSentFor = TrainingExpiresOn;
        Version++;
    }

    /// <summary>
    /// Why the scheme cannot match this mentor with a mentee today, in words for administrators;
    /// null when it can. Full, paused, not accepting and untrained mentors are never matched.
    /// </summary>
    public string? WhyNotMatchable(DateOnly today)
    {
        if (!IsApproved)
        {
            return "not approved as a mentor";
        }

        if (TrainingCompletedOn is null)
        {
            return "mentor training not recorded";
        }

        if (TrainingExpiresOn < today)
        {
            return $"mentor training expired on {TrainingExpiresOn:d MMMM yyyy}";
        }

        if (IsPaused(today))
        {
            return $"paused until {PausedUntil:d MMMM yyyy}";
        }

        if (!IsAccepting(today))
        {
            return "not accepting new mentees";
        }

        return HasFreePlace ? null : $"at full capacity ({Capacity} of {Capacity} places used)";
    }

    /// <summary>Joins a programme; <paramref name="today"/> judges whether joining a programme whose mentees choose lists the mentor.</summary>
    public void JoinProgramme(Programme programme, DateOnly today)
    {
        if (!_programmes.Contains(programme))
        {
            _programmes.Add(programme);
        }

        if (programme.MenteesChooseTheirMentor && !InChoosingProgramme)
        {
            InChoosingProgramme = true;
            Refresh(today);
        }
    }

    public bool BelongsTo(int programmeId) => _programmes.Exists(p => p.Id == programmeId);

    /// <summary>
    /// Accepts a trainee's request and starts the pairing. Capacity is checked here and again by
    /// the database (the concurrency token on this row and a check constraint), so two acceptances
    /// racing for the last place cannot both win.
    /// </summary>
    public Acceptance Accept(ContactRequest request, DateTime now)
    {
        if (request.MentorId != Id)
        {
            throw new DomainRuleException("This request was sent to another mentor.");
        }

        if (request.Status != ContactRequestStatus.Pending)
        {
            throw new DomainRuleException($"This request has already been {request.Status.Describe()}.");
        }

        if (request.IsOverdue(now))
        {
            throw new DomainRuleException("This request has expired: it was not answered in time.");
        }

        if (!HasFreePlace)
        {
            throw new DomainRuleException(
                $"You are at full capacity ({Capacity} of {Capacity} places used). Raise your capacity or decline the request.");
        }

        var mentee = request.Mentee ?? throw new InvalidOperationException("Load the request's mentee before accepting.");
        var acceptance = mentee.StartPairing(request, this, now);
        ActiveMenteeCount++;
        Refresh(DateOnly.FromDateTime(now));
        Version++;
        return acceptance;
    }

    /// <summary>Called when a pairing ends: the place is free again at once.</summary>
    internal void ReleasePlace()
    {
        if (ActiveMenteeCount == 0)
        {
            throw new InvalidOperationException("No place to release.");
        }

        ActiveMenteeCount--;
        Refresh(null);
        Version++;
    }

    /// <summary>Used by demo seeding and by the scheme's proposals: takes a place without a request.</summary>
    internal void TakePlace()
    {
        if (!HasFreePlace)
        {
            throw new DomainRuleException($"{DisplayName} is at full capacity.");
        }

        ActiveMenteeCount++;
        Refresh(null);
        Version++;
    }

    /// <summary>
    /// Brings the stored <see cref="DirectoryState"/> and <see cref="FreePlaces"/> up to date after a change. A change that
    /// comes without a date (capacity, places taken, programmes) cannot judge the date rules: it keeps the listing's
    /// training judgement as it was stored, and a pause that has ended counts as paused until the housekeeping job
    /// resumes it. Neither changes whether the mentor is listed, so the stored listing stays as exact as it was.
    /// </summary>
    private void Refresh(DateOnly? today)
    {
        FreePlaces = Math.Max(0, Capacity - ActiveMenteeCount);
        var trained = TrainingCompletedOn is not null && (TrainingExpiresOn is null
            || (today is { } day ? TrainingExpiresOn >= day : DirectoryState != DirectoryState.Hidden));
        var accepting = today is { } date ? IsAccepting(date) : Status == AvailabilityStatus.Accepting;
        DirectoryState = !(IsApproved && trained && InChoosingProgramme) ? DirectoryState.Hidden
            : accepting && HasFreePlace ? DirectoryState.Accepting
            : DirectoryState.Listed;
    }
}
