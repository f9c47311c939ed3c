using MailKit.Security;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentoringPortal.UnitTests.Email;

/// <summary>Email settings: the older EnableSsl keeps its meaning, Security wins when set, bad values stop the start with one clear line.</summary>
public sealed class EmailOptionsTests
{
    [Theory]
    [InlineData(false, null, SecureSocketOptions.None)]
    [InlineData(true, null, SecureSocketOptions.StartTls)]
    [InlineData(true, "", SecureSocketOptions.StartTls)]
    [InlineData(true, "None", SecureSocketOptions.None)]
    [InlineData(false, "starttls", SecureSocketOptions.StartTls)]
    [InlineData(false, "SslOnConnect", SecureSocketOptions.SslOnConnect)]
    [InlineData(false, " Auto ", SecureSocketOptions.Auto)]
    public void SocketOptions_FromEnableSslOrSecurity(bool enableSsl, string? security, SecureSocketOptions expected)
    {
        var smtp = new SmtpOptions { EnableSsl = enableSsl, Security = security };

        Assert.True(smtp.HasValidSecurity);
        Assert.Equal(expected, smtp.SocketOptions);
    }

    [Theory]
    [InlineData("Tls")]
    [InlineData("2")]
    [InlineData("None,StartTls")]
    public void Security_NotAName_IsInvalid(string security) =>
        Assert.False(new SmtpOptions { Security = security }.HasValidSecurity);

    [Fact]
    public void Defaults_AreSensible()
    {
        var smtp = new SmtpOptions();

        Assert.Equal(587, smtp.Port);
        Assert.Equal(SecureSocketOptions.StartTls, smtp.SocketOptions);
        Assert.Equal(15, smtp.ConnectTimeoutSeconds);
        Assert.Equal(30, smtp.SendTimeoutSeconds);
        Assert.Null(smtp.PinnedCertificateSha256);
    }

    [Fact]
    public void TrustedCertificateThumbprint_ColonsAndCase_AreNormalised_OtherLengthsAreInvalid()
    {
        var hex = string.Concat(Enumerable.Repeat("ab", 32));
        var colons = string.Join(':', Enumerable.Repeat("AB", 32));

        Assert.Equal(hex.ToUpperInvariant(), new SmtpOptions { TrustedCertificateThumbprint = colons }.PinnedCertificateSha256);
        Assert.Equal(hex.ToUpperInvariant(), new SmtpOptions { TrustedCertificateThumbprint = hex }.PinnedCertificateSha256);
        var sha1 = new SmtpOptions { TrustedCertificateThumbprint = string.Concat(Enumerable.Repeat("ab", 20)) };
        Assert.False(sha1.HasValidPin);
    }

    [Theory]
    [InlineData("Email:Smtp:Security", "Tls", "Email:Smtp:Security must be None, StartTls (port 587), SslOnConnect (port 465) or Auto")]
    [InlineData("Email:Smtp:ConnectTimeoutSeconds", "0", "Email:Smtp:ConnectTimeoutSeconds must be between 1 and 60")]
    [InlineData("Email:Smtp:SendTimeoutSeconds", "9999", "Email:Smtp:SendTimeoutSeconds must be between 1 and 60")]
    [InlineData("Email:Smtp:TrustedCertificateThumbprint", "1234", "Email:Smtp:TrustedCertificateThumbprint must be the relay certificate's SHA-256 fingerprint")]
    [InlineData("Email:From", "Mentoring", "Email:From must be an email address")]
    public void Start_WithABadSetting_FailsWithOneLineNamingIt(string key, string value, string message)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:From"] = "Mentoring <mentoring@example.org>",
            ["Email:Smtp:Host"] = "smtp.example.org",
            [key] = value,
        });
        builder.AddPortalEmail();
        using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);

        Assert.Contains(message, StartupFailure.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithTheOlderSettingsOnly_IsValid()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:From"] = "Mentoring <mentoring@example.org>",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "25",
            ["Email:Smtp:EnableSsl"] = "false",
        });
        builder.AddPortalEmail();
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.Equal(SecureSocketOptions.None, options.Smtp.SocketOptions);
        Assert.Equal("mentoring@example.org", options.GetFromMailbox().Address);
    }
}
