using MentoringPortal.Domain.Records;

namespace MentoringPortal.UnitTests.Records;

/// <summary>Verification codes: 12 random Crockford base32 characters, forgiving of case, hyphens, spaces and look-alike letters.</summary>
public sealed class VerificationCodeTests
{
    [Fact]
    public void New_IsTwelveCharactersThatNormaliseToThemselves()
    {
        var code = VerificationCode.New();

        Assert.Equal(VerificationCode.Length, code.Length);
        Assert.Equal(code, VerificationCode.Normalise(code));
    }

    [Fact]
    public void New_IsDifferentEachTime() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => VerificationCode.New()).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Grouped_ShowsFoursJoinedByHyphens() => Assert.Equal("ABCD-EFGH-JKMN", VerificationCode.Grouped("ABCDEFGHJKMN"));

    [Theory]
    [InlineData("abcd-efgh-jkmn", "ABCDEFGHJKMN")]
    [InlineData(" ABCD EFGH JKMN ", "ABCDEFGHJKMN")]
    [InlineData("OOOO-IIII-LLLL", "000011111111")]
    public void Normalise_ForgivesCaseSeparatorsAndLookAlikes(string typed, string expected) => Assert.Equal(expected, VerificationCode.Normalise(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCD-EFGH-JKM")]
    [InlineData("ABCD-EFGH-JKMNP")]
    [InlineData("ABCD-EFGH-JK*N")]
    [InlineData("'; DROP TABLE IssuedRecords; --")]
    public void Normalise_SomethingThatCannotBeACode_IsNull(string? typed) => Assert.Null(VerificationCode.Normalise(typed));
}
