using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;

namespace MentoringPortal.UnitTests.Pairings;

public sealed class ContactPhoneTests
{
    [Theory]
    [InlineData("07700 900123", "07700 900123")]
    [InlineData("07700900123", "07700900123")]
    [InlineData("  020 7946  0958 ", "020 7946 0958")]
    [InlineData("(0121) 496-0000", "(0121) 496-0000")]
    [InlineData("+44 (0)20 7946 0958", "+44 (0)20 7946 0958")]
    [InlineData("+44 7700 900123", "+44 7700 900123")]
    [InlineData("0044 7700 900123", "0044 7700 900123")]
    [InlineData("+353 1 234 5678", "+353 1 234 5678")]
    [InlineData("01632.960.123", "01632.960.123")]
    public void Check_AcceptsTheWaysPeopleWriteNumbers_AndTidiesSpaces(string typed, string kept) =>
        Assert.Equal(kept, ContactPhone.Check(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_Empty_MeansNoNumberShared(string? typed) => Assert.Null(ContactPhone.Check(typed));

    [Theory]
    [InlineData("call me maybe")]
    [InlineData("07700 9001")]
    [InlineData("7700 900123")]
    [InlineData("07700 900123 4567")]
    [InlineData("+44 7700 +900123")]
    [InlineData("+0 7700 900123")]
    [InlineData("07700 900123 ext 5")]
    [InlineData("0770090012345678901234567890123")]
    public void Check_RefusesWhatCannotBeAPhoneNumber(string typed) =>
        Assert.Equal(ContactPhone.Problem, Assert.Throws<DomainRuleException>(() => ContactPhone.Check(typed)).Message);
}
