using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentees;

public sealed class MenteeProgrammeTests
{
    private readonly Programme _programme = new ProgrammeBuilder().Build();

    [Fact]
    public void JoinProgramme_Twice_JoinsOnce()
    {
        var mentee = new MenteeBuilder().InProgramme(_programme).Build();

        mentee.JoinProgramme(_programme);

        Assert.Same(_programme, Assert.Single(mentee.Programmes));
    }

    [Fact]
    public void LeaveProgramme_NoActivePairing_Leaves()
    {
        var mentee = new MenteeBuilder().InProgramme(_programme).Build();

        mentee.LeaveProgramme(_programme);

        Assert.Empty(mentee.Programmes);
        Assert.False(mentee.IsProfileComplete);
    }

    [Fact]
    public void LeaveProgramme_ActivePairing_Throws()
    {
        var mentee = new MenteeBuilder().InProgramme(_programme).Build();
        var mentor = new MentorBuilder().InProgramme(_programme).Build();
        mentor.Accept(mentee.Ask(mentor, _programme), TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => mentee.LeaveProgramme(_programme));

        Assert.Equal("You have a mentor in Return to Training, so you cannot leave it.", error.Message);
        Assert.Single(mentee.Programmes);
    }

    [Fact]
    public void UpdateProfile_Again_KeepsFirstCompletionTime()
    {
        var mentee = new MenteeBuilder().InProgramme(_programme).Build();
        var completedAt = mentee.ProfileCompletedAt;

        mentee.UpdateProfile(
            new MenteeProfile("Dr Sam Okafor", ProfileOptions.Specialties[0], ProfileOptions.Grades[0],
                ProfileOptions.Regions[0], ProfileOptions.Backgrounds[0], "Leeds Teaching Hospitals"),
            TestClock.Now.AddDays(5));

        Assert.Equal(completedAt, mentee.ProfileCompletedAt);
        Assert.Equal(ProfileOptions.Specialties[0], mentee.Specialty);
        Assert.True(mentee.IsProfileComplete);
    }

    [Fact]
    public void UpdateProfile_SpecialtyNotInList_Throws()
    {
        var mentee = new MenteeBuilder().WithIncompleteProfile().InProgramme(_programme).Build();

        var error = Assert.Throws<DomainRuleException>(() => mentee.UpdateProfile(
            new MenteeProfile("Dr Sam Okafor", "Astrology", ProfileOptions.Grades[0],
                ProfileOptions.Regions[0], ProfileOptions.Backgrounds[0], Organisation: null),
            TestClock.Now));

        Assert.Equal("Choose your specialty from the list.", error.Message);
        Assert.Null(mentee.ProfileCompletedAt);
    }
}
