using System.Net;
using MentoringPortal.Domain.Notifications;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features.Notifications;

/// <summary>
/// An administrator's message to a programme over HTTP on PostgreSQL and SMTP: preview with the exact count, confirm
/// once, each person's settings respected, the audit entry and the list; other programmes are a 404.
/// </summary>
public sealed class AdminBroadcastsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task PreviewThenConfirm_SendsToEveryMember_AsEachChose_Audits_AndListsIt_Once()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var administrator = await factory.Data.AdministratorAsync(programme);
        var mentor = await factory.Data.MentorAsync(programme);
        var digestMentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var quietMentee = await factory.Data.MenteeAsync(programme);
        var elsewhere = await factory.Data.MenteeAsync(await factory.Data.ProgrammeAsync());
        await ChooseAsync(digestMentor, EmailDelivery.Digest);
        await ChooseAsync(quietMentee, EmailDelivery.Off);
        var subject = $"Course dates {Guid.NewGuid():N}";
        using var client = await factory.Data.SignInAsync(administrator);

        using var preview = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/messages/new", new Dictionary<string, string>
        {
            ["Audience"] = "Everyone",
            ["Subject"] = subject,
            ["Body"] = "Dear all,\n\nThe course runs in March.\nAsk us for a place <b>soon</b>.",
        });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await Forms.ParseHtmlAsync(preview);
        Assert.Contains("4 people", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The course runs in March.\nAsk us for a place <b>soon</b>.", page.QuerySelector("pre.email-preview")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("pre.email-preview b"));
        var previewUri = new Uri(client.BaseAddress!, $"/admin/programmes/{programme.Id}/messages/preview");

        using (var sent = await Forms.SubmitAsync(client, page, previewUri, formAction: $"/admin/programmes/{programme.Id}/messages/send"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using (var again = await Forms.SubmitAsync(client, page, previewUri, formAction: $"/admin/programmes/{programme.Id}/messages/send"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == subject);
        Assert.Contains("The course runs in March.\nAsk us for a place <b>soon</b>.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Ask us for a place &lt;b&gt;soon&lt;/b&gt;.", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("The course runs in March.<br>", email.HtmlBody, StringComparison.Ordinal);
        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject == subject);
        Assert.Equal(1, await factory.Data.OutboxCountAsync(mentee.Email, subject));
        Assert.Equal(0, await factory.Data.OutboxCountAsync(quietMentee.Email, subject));
        Assert.Equal(0, await factory.Data.OutboxCountAsync(digestMentor.Email, subject));
        Assert.Equal(0, await factory.Data.OutboxCountAsync(elsewhere.Email, subject));
        var digestMentorId = await factory.Data.UserIdAsync(digestMentor.Email);
        Assert.True(await factory.Data.QueryAsync(db => db.DigestItems.AnyAsync(i => i.UserId == digestMentorId && i.Summary == subject)));

        var audit = Assert.Single(await factory.Data.AuditAsync(AuditActions.MessageSentToProgramme, programme.Name));
        Assert.Equal($"To all members (mentors and mentees) (4 people): {subject}", audit.After);
        Assert.Equal(programme.Id, audit.ProgrammeId);
        Assert.Equal(await factory.Data.UserIdAsync(administrator.Email), audit.ActorUserId);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Broadcasts.CountAsync(b => b.ProgrammeId == programme.Id)));

        var list = await client.GetStringAsync($"/admin/programmes/{programme.Id}/messages");
        Assert.Contains(subject, list, StringComparison.Ordinal);
        Assert.Contains("had already been sent", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentors_Or_Mentees_CountOnlyThem()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var administrator = await factory.Data.AdministratorAsync(programme);
        await factory.Data.MentorAsync(programme);
        await factory.Data.MenteeAsync(programme);
        await factory.Data.MenteeAsync(programme);
        using var client = await factory.Data.SignInAsync(administrator);

        async Task<string> CountFor(string audience)
        {
            using var preview = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/messages/new", new Dictionary<string, string>
            {
                ["Audience"] = audience,
                ["Subject"] = "Hello",
                ["Body"] = "Hello.",
            });
            return (await Forms.ParseHtmlAsync(preview)).QuerySelector(".notice")!.TextContent;
        }

        Assert.Contains("1 person", await CountFor("Mentors"), StringComparison.Ordinal);
        Assert.Contains("2 people", await CountFor("Mentees"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSubject_IsRefusedBesideTheField_AndNothingIsSent()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var administrator = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(administrator);

        using var response = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/messages/new", new Dictionary<string, string>
        {
            ["Audience"] = "Everyone",
            ["Subject"] = " ",
            ["Body"] = "Hello.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Enter a subject.", page.QuerySelector("#Subject-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("pre.email-preview"));
        Assert.False(await factory.Data.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task AnotherProgramme_Is404_EvenWithAValidToken()
    {
        var mine = await factory.Data.ProgrammeAsync();
        var theirs = await factory.Data.ProgrammeAsync();
        await factory.Data.MenteeAsync(theirs);
        var administrator = await factory.Data.AdministratorAsync(mine);
        using var client = await factory.Data.SignInAsync(administrator);

        using (var list = await client.GetAsync(new Uri($"/admin/programmes/{theirs.Id}/messages", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        }

        using (var form = await client.GetAsync(new Uri($"/admin/programmes/{theirs.Id}/messages/new", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        }

        var page = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri($"/admin/programmes/{mine.Id}/messages/new", UriKind.Relative)));
        var token = page.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        foreach (var action in new[] { "preview", "send" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [Forms.AntiforgeryField] = token,
                ["Audience"] = "Everyone",
                ["Subject"] = "Not yours",
                ["Body"] = "Not yours.",
                ["PreviewId"] = Guid.NewGuid().ToString(),
            });
            using var response = await client.PostAsync(new Uri($"/admin/programmes/{theirs.Id}/messages/{action}", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.False(await factory.Data.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.ProgrammeId == theirs.Id)));
    }

    [Fact]
    public async Task SendWithoutToken_Is400()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var administrator = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(administrator);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Audience"] = "Everyone",
            ["Subject"] = "Hello",
            ["Body"] = "Hello.",
            ["PreviewId"] = Guid.NewGuid().ToString(),
        });

        using var response = await client.PostAsync(new Uri($"/admin/programmes/{programme.Id}/messages/send", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await factory.Data.QueryAsync(db => db.Broadcasts.AnyAsync(b => b.ProgrammeId == programme.Id)));
    }

    private Task ChooseAsync(Person person, EmailDelivery news) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var userId = await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync();
        var settings = new NotificationSettings(userId);
        settings.Choose(EmailKind.SchemeNews, news);
        db.NotificationSettings.Add(settings);
        await db.SaveChangesAsync();
    });
}
