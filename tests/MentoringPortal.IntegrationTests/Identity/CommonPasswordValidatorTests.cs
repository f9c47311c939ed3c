using MentoringPortal.Web.Identity;

namespace MentoringPortal.IntegrationTests.Identity;

/// <summary>The shipped deny-list and the personal-details rule, without a server.</summary>
public sealed class CommonPasswordValidatorTests
{
    [Fact]
    public void ShippedList_HoldsAtLeastAHundredThousandPasswords() =>
        Assert.True(CommonPasswordValidator.ShippedList().Count() >= 100_000);

    [Theory]
    [InlineData("Password1234")]
    [InlineData("password1234")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("1qaz2wsx3edc")]
    public void IsCommon_KnownBreachedPasswords_True(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("orange kettle under moonlight")]
    [InlineData("correct horse battery staple")]
    public void IsCommon_Passphrases_False(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("philippa by the seaside", "p.hartnell@nhs.test", "Dr Philippa Hartnell", true)]
    [InlineData("HARTNELL rules the ward", "p.hartnell@nhs.test", "Dr Philippa Hartnell", true)]
    [InlineData("my p.hartnell@nhs.test", "p.hartnell@nhs.test", "Dr Philippa Hartnell", true)]
    [InlineData("p.hartnell forever and ever", "p.hartnell@nhs.test", "Someone Else", true)]
    [InlineData("dr who and the daleks", "x@nhs.test", "Dr Jo Ng", false)]
    [InlineData("orange kettle under moonlight", "p.hartnell@nhs.test", "Dr Philippa Hartnell", false)]
    public void ContainsPersonalDetails_NameOrEmailParts(string password, string email, string name, bool expected) =>
        Assert.Equal(expected, CommonPasswordValidator.ContainsPersonalDetails(password, email, name));
}

public sealed class DeviceDescriptionTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Linux")]
    [InlineData("", "Unknown device")]
    [InlineData("curl/8.5.0", "Unknown browser")]
    public void From_UserAgent_ReadableWords(string userAgent, string expected) => Assert.Equal(expected, DeviceDescription.From(userAgent));
}
