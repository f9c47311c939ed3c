using MentoringPortal.Domain;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Programmes;

public sealed class ProgrammeTests
{
    [Fact]
    public void MenteesChooseTheirMentor_MenteeChooses_ReturnsTrue()
    {
        Assert.True(new ProgrammeBuilder().Build().MenteesChooseTheirMentor);
    }

    [Fact]
    public void MenteesChooseTheirMentor_SchemeMatches_ReturnsFalse()
    {
        Assert.False(new ProgrammeBuilder().SchemeMatches().Build().MenteesChooseTheirMentor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void Constructor_MeetingCadenceOutsideOneToFiftyTwoWeeks_Throws(int weeks)
    {
        var error = Assert.Throws<DomainRuleException>(
            () => new Programme("Return to Training", "return-to-training", "Summary", MatchingMode.MenteeChooses, meetingCadenceWeeks: weeks));

        Assert.Equal("The meeting cadence must be between 1 and 52 weeks.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public void Constructor_EvaluationPointOutsideOneToThirtySixMonths_Throws(int months)
    {
        Assert.Throws<DomainRuleException>(
            () => new Programme("Return to Training", "return-to-training", "Summary", MatchingMode.MenteeChooses, evaluationPointMonths: months));
    }
}
