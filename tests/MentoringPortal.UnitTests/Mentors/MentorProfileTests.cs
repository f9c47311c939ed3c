using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentors;

public sealed class MentorProfileTests
{
    private readonly Mentor _mentor = new MentorBuilder().Build();

    [Fact]
    public void UpdateProfile_ValidProfile_FillsLowerCaseSearchText()
    {
        _mentor.UpdateProfile(Profile() with { DisplayName = "Dr Ada LOVELACE", Expertise = "Exams" });

        Assert.Equal("Dr Ada LOVELACE", _mentor.DisplayName);
        Assert.Contains("dr ada lovelace", _mentor.SearchText, StringComparison.Ordinal);
        Assert.Contains("exams", _mentor.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateProfile_NoMeetingMode_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => _mentor.UpdateProfile(Profile() with { MeetingModes = MeetingModes.None }));

        Assert.Equal("Choose at least one way you can meet.", error.Message);
    }

    [Fact]
    public void UpdateProfile_RegionNotInList_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => _mentor.UpdateProfile(Profile() with { Region = "Atlantis" }));

        Assert.Equal("Choose a region from the list.", error.Message);
    }

    [Fact]
    public void UpdateProfile_BioMissing_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => _mentor.UpdateProfile(Profile() with { Bio = " " }));

        Assert.Equal("Enter a short biography.", error.Message);
    }

    private static MentorProfile Profile() => new(
        "Dr Priya Nair",
        ProfileOptions.Specialties[2],
        ProfileOptions.Grades[6],
        ProfileOptions.Regions[3],
        ProfileOptions.Backgrounds[0],
        Organisation: null,
        "Cardiology training, research",
        "Consultant cardiologist and educational supervisor.",
        MeetingModes.Video);
}
