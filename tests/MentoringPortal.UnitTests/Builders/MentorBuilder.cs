using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.UnitTests.Builders;

/// <summary>
/// Builds a mentor who can be contacted today: approved, trained, accepting, capacity 2, no mentees,
/// meeting face to face or by video.
/// </summary>
public sealed class MentorBuilder
{
    private readonly List<Programme> _programmes = [];
    private int _id = EntityIds.Next();
    private string _displayName = "Dr Priya Nair";
    private MeetingModes _meetingModes = MeetingModes.FaceToFace | MeetingModes.Video;
    private int _capacity = 2;
    private bool _approved = true;
    private DateOnly? _trainingCompletedOn = TestClock.Today.AddMonths(-3);
    private DateOnly? _trainingExpiresOn = TestClock.Today.AddYears(3);
    private AvailabilityStatus _status = AvailabilityStatus.Accepting;
    private DateOnly? _pausedUntil;
    private int _activeMentees;

    public MentorBuilder WithId(int id)
    {
        _id = id;
        return this;
    }

    public MentorBuilder WithName(string displayName)
    {
        _displayName = displayName;
        return this;
    }

    public MentorBuilder WithMeetingModes(MeetingModes meetingModes)
    {
        _meetingModes = meetingModes;
        return this;
    }

    public MentorBuilder WithCapacity(int capacity)
    {
        _capacity = capacity;
        return this;
    }

    public MentorBuilder Unapproved()
    {
        _approved = false;
        return this;
    }

    public MentorBuilder Untrained()
    {
        _trainingCompletedOn = null;
        _trainingExpiresOn = null;
        return this;
    }

    public MentorBuilder WithTraining(DateOnly completedOn, DateOnly? expiresOn)
    {
        _trainingCompletedOn = completedOn;
        _trainingExpiresOn = expiresOn;
        return this;
    }

    public MentorBuilder NotAccepting()
    {
        _status = AvailabilityStatus.NotAccepting;
        _pausedUntil = null;
        return this;
    }

    /// <summary>Paused today until the given (future) date.</summary>
    public MentorBuilder PausedUntil(DateOnly returnsOn)
    {
        _status = AvailabilityStatus.Paused;
        _pausedUntil = returnsOn;
        return this;
    }

    public MentorBuilder InProgramme(Programme programme)
    {
        _programmes.Add(programme);
        return this;
    }

    /// <summary>Pairs this many new mentees with the mentor (in its first programme) as the scheme would.</summary>
    public MentorBuilder WithActiveMentees(int count)
    {
        _activeMentees = count;
        return this;
    }

    public Mentor Build()
    {
        var profile = new MentorProfile(
            _displayName,
            ProfileOptions.Specialties[0],
            ProfileOptions.Grades[6],
            ProfileOptions.Regions[1],
            ProfileOptions.Backgrounds[1],
            "Royal Free London NHS Foundation Trust",
            "Returning to clinical work, exams, less than full time training",
            "Consultant anaesthetist who came back to training after two years away.",
            _meetingModes);
        var mentor = new Mentor($"mentor-user-{_id}", profile, _capacity, TestClock.Now).WithId(_id);

        if (_approved)
        {
            mentor.Approve(TestClock.Now);
        }

        if (_trainingCompletedOn is { } completedOn)
        {
            mentor.RecordTraining(completedOn, _trainingExpiresOn);
        }

        if (_status != AvailabilityStatus.Accepting)
        {
            mentor.SetAvailability(_status, _pausedUntil, TestClock.Today);
        }

        foreach (var programme in _programmes)
        {
            mentor.JoinProgramme(programme, TestClock.Today);
        }

        if (_activeMentees > 0)
        {
            var programme = _programmes.FirstOrDefault() ?? new ProgrammeBuilder().Build();
            mentor.JoinProgramme(programme, TestClock.Today);
            for (var i = 0; i < _activeMentees; i++)
            {
                new MenteeBuilder().InProgramme(programme).Build().PairWith(mentor, programme, TestClock.Now);
            }
        }

        return mentor;
    }
}
