using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.UnitTests.Builders;

/// <summary>
/// Builds a mentee with a complete profile who has joined the given programme(s), or a default
/// programme when none is given.
/// </summary>
public sealed class MenteeBuilder
{
    private readonly List<Programme> _programmes = [];
    private int _id = EntityIds.Next();
    private string _displayName = "Dr Sam Okafor";
    private bool _completeProfile = true;
    private bool _joinProgramme = true;

    public MenteeBuilder WithId(int id)
    {
        _id = id;
        return this;
    }

    public MenteeBuilder WithName(string displayName)
    {
        _displayName = displayName;
        return this;
    }

    public MenteeBuilder InProgramme(Programme programme)
    {
        _programmes.Add(programme);
        _joinProgramme = true;
        return this;
    }

    public MenteeBuilder WithoutProgramme()
    {
        _programmes.Clear();
        _joinProgramme = false;
        return this;
    }

    public MenteeBuilder WithIncompleteProfile()
    {
        _completeProfile = false;
        return this;
    }

    public Mentee Build()
    {
        var mentee = new Mentee($"mentee-user-{_id}", _displayName, TestClock.Now).WithId(_id);

        if (_completeProfile)
        {
            mentee.UpdateProfile(
                new MenteeProfile(
                    _displayName,
                    ProfileOptions.Specialties[4],
                    ProfileOptions.Grades[1],
                    ProfileOptions.Regions[4],
                    ProfileOptions.Backgrounds[2],
                    Organisation: null),
                TestClock.Now);
        }

        if (_joinProgramme)
        {
            var programmes = _programmes.Count > 0 ? _programmes : [new ProgrammeBuilder().Build()];
            foreach (var programme in programmes)
            {
                mentee.JoinProgramme(programme);
            }
        }

        return mentee;
    }
}
