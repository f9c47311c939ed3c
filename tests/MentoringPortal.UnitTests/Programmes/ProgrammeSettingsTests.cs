using MentoringPortal.Domain;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Programmes;

/// <summary>What administrators can set on a programme: its settings, matching weights and web address.</summary>
public sealed class ProgrammeSettingsTests
{
    private readonly Programme _programme = new ProgrammeBuilder().Build();

    [Fact]
    public void Update_ValidSettings_ChangesEveryOne()
    {
        _programme.Update("Less than full time", "For trainees working less than full time.", MatchingMode.SchemeMatches, 4, 12,
            openForApplications: false, trainingValidityMonths: 36);

        Assert.Equal("Less than full time", _programme.Name);
        Assert.Equal("For trainees working less than full time.", _programme.Summary);
        Assert.Equal(MatchingMode.SchemeMatches, _programme.MatchingMode);
        Assert.Equal(4, _programme.MeetingCadenceWeeks);
        Assert.Equal(12, _programme.EvaluationPointMonths);
        Assert.False(_programme.OpenForApplications);
        Assert.Equal(36, _programme.TrainingValidityMonths);
        Assert.Equal("return-to-training", _programme.Slug);
    }

    [Fact]
    public void Update_NoTrainingValidity_TrainingNeverExpires()
    {
        _programme.Update("Return to Training", "Summary", MatchingMode.MenteeChooses, 8, 6, true, trainingValidityMonths: null);

        Assert.Null(_programme.TrainingValidityMonths);
    }

    [Fact]
    public void TakesApplications_OnlyWhenTheSchemeMatchesAndTheProgrammeIsOpen()
    {
        _programme.Update("P", "S", MatchingMode.SchemeMatches, 8, 6, openForApplications: true, null);
        Assert.True(_programme.TakesApplications);

        _programme.Update("P", "S", MatchingMode.SchemeMatches, 8, 6, openForApplications: false, null);
        Assert.False(_programme.TakesApplications);

        _programme.Update("P", "S", MatchingMode.MenteeChooses, 8, 6, openForApplications: true, null);
        Assert.False(_programme.TakesApplications);
    }

    [Theory]
    [InlineData("", "Summary", 8, 6, null)]
    [InlineData("Name", " ", 8, 6, null)]
    [InlineData("Name", "Summary", 0, 6, null)]
    [InlineData("Name", "Summary", 53, 6, null)]
    [InlineData("Name", "Summary", 8, 0, null)]
    [InlineData("Name", "Summary", 8, 37, null)]
    [InlineData("Name", "Summary", 8, 6, 0)]
    [InlineData("Name", "Summary", 8, 6, 121)]
    public void Update_InvalidSetting_Throws(string name, string summary, int cadenceWeeks, int evaluationMonths, int? trainingValidityMonths)
    {
        Assert.Throws<DomainRuleException>(() =>
            _programme.Update(name, summary, MatchingMode.MenteeChooses, cadenceWeeks, evaluationMonths, true, trainingValidityMonths));
    }

    [Fact]
    public void Update_UnknownMatchingMode_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            _programme.Update("Name", "Summary", (MatchingMode)7, 8, 6, true, null));

        Assert.Equal("Choose how mentees and mentors are matched.", error.Message);
    }

    [Fact]
    public void Update_NameTooLong_Throws()
    {
        Assert.Throws<DomainRuleException>(() =>
            _programme.Update(new string('a', 121), "Summary", MatchingMode.MenteeChooses, 8, 6, true, null));
    }

    [Fact]
    public void NewProgramme_HasTheDefaultWeights()
    {
        Assert.Equal(MatchingWeights.Default, _programme.Weights);
        Assert.Equal(new MatchingWeights(4, 5, 2, 2, 1), MatchingWeights.Default);
    }

    [Fact]
    public void SetWeights_ReplacesTheWeights()
    {
        var weights = new MatchingWeights(expertise: 10, differentBackground: 0, sameRegion: 3, meetingMode: 1, freePlaces: 0);

        _programme.SetWeights(weights);

        Assert.Equal(weights, _programme.Weights);
        Assert.Equal(14, _programme.Weights.Total);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 1)]
    [InlineData(10, 10, 10, 10, 10)]
    [InlineData(0, 1, 0, 0, 0)]
    public void MatchingWeights_WithinZeroToTen_AreKept(int expertise, int background, int region, int mode, int places)
    {
        var weights = new MatchingWeights(expertise, background, region, mode, places);

        Assert.Equal(expertise + background + region + mode + places, weights.Total);
    }

    [Theory]
    [InlineData(-1, 1, 1, 1, 1, "expertise matching the goals")]
    [InlineData(1, 11, 1, 1, 1, "a different background")]
    [InlineData(1, 1, -1, 1, 1, "the same region")]
    [InlineData(1, 1, 1, 11, 1, "a shared way of meeting")]
    [InlineData(1, 1, 1, 1, 11, "free places")]
    public void MatchingWeights_OutsideZeroToTen_ThrowNamingTheWeight(int expertise, int background, int region, int mode, int places, string what)
    {
        var error = Assert.Throws<DomainRuleException>(() => new MatchingWeights(expertise, background, region, mode, places));

        Assert.Equal($"The weight for {what} must be between 0 and 10.", error.Message);
    }

    [Fact]
    public void MatchingWeights_AllZero_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => new MatchingWeights(0, 0, 0, 0, 0));

        Assert.Equal("Give at least one kind of fit a weight above 0.", error.Message);
    }

    [Theory]
    [InlineData("Return to Training", "return-to-training")]
    [InlineData("  Less Than Full-Time (LTFT)  ", "less-than-full-time-ltft")]
    [InlineData("Women in Surgery 2026!", "women-in-surgery-2026")]
    [InlineData("Médecins étrangers", "m-decins-trangers")]
    [InlineData("!!!", "")]
    public void SlugFor_MakesLowerCaseLettersDigitsAndHyphens(string name, string slug)
    {
        Assert.Equal(slug, Programme.SlugFor(name));
    }

    [Fact]
    public void SlugFor_LongName_IsCutToSixtyCharactersWithoutATrailingHyphen()
    {
        var slug = Programme.SlugFor(string.Join(' ', Enumerable.Repeat("abcdefghi", 10)));

        Assert.True(slug.Length <= 60);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("abcdefghi-abcdefghi", slug, StringComparison.Ordinal);
    }
}
