using System.Net;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Infrastructure.SelfTests;

/// <summary>
/// The pieces together: the app's own SMTP server goes down and comes back, the clock moves the
/// retry forward, the email is decoded and its link followed with the same client.
/// </summary>
public sealed class SmtpOutageTests
{
    [Fact]
    public async Task Register_WhileSmtpIsDown_ConfirmationEmailArrivesOnceItIsBack()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        var clock = new TestClock();
        await using var portal = await PortalFactory.CreateAsync(new PortalFactoryOptions { Smtp = smtp, Clock = clock });
        using var client = portal.CreateClientNoRedirect();
        var email = Unique.Email("outage");
        const string password = "correct-horse-battery";
        await smtp.StopAsync();

        using var registered = await Forms.SubmitAsync(client, "/account/register", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DisplayName"] = "Olive Outage",
            ["Email"] = email,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["AcceptsConfidentialityLimits"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Check your email", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await WaitUntilAsync(() => portal.InScopeAsync(services =>
            services.GetRequiredService<PortalDbContext>().OutboxMessages.AnyAsync(m => m.To.Contains(email) && m.Attempts > 0)));
        await smtp.StartAsync();
        clock.Advance(TimeSpan.FromHours(1));

        var message = await smtp.Mailbox.WaitForAsync(email, TimeSpan.FromSeconds(20));
        var link = new Uri(message.LinkContaining("/account/confirm-email"));
        using var confirmed = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Contains("Email address confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The email dispatcher did not try to send within 20 s.");
            await Task.Delay(200);
        }
    }
}
