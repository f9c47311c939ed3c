using System.Net;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>A mentee applies to a programme where the scheme matches, sees its state on /me, and can withdraw.</summary>
public sealed class ApplicationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Apply_ThroughTheForm_WaitsInTheQueueAndEmailsTheMentee()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentee = await factory.Data.MenteeAsync(organisation: "St Elsewhere Hospital");
        using var client = await factory.Data.SignInAsync(mentee);

        var form = await client.GetStringAsync($"/programmes/{programme.Slug}/apply");
        Assert.Contains("Lead a service redesign in my department.", form, StringComparison.Ordinal);
        Assert.Contains("St Elsewhere Hospital", form, StringComparison.Ordinal);
        Assert.Contains("risk of serious harm", form, StringComparison.Ordinal);
        Assert.Contains("illegal", form, StringComparison.Ordinal);

        using var response = await Forms.SubmitAsync(client, $"/programmes/{programme.Slug}/apply",
        [
            new("MediumTermGoal", "Become a clinical lead for my service."),
            new("Statement", TestData.Statement),
            new("PreferredModes", nameof(MeetingModes.Video)),
            new("PreferredModes", nameof(MeetingModes.Phone)),
            new("AvoidOwnOrganisation", "true"),
            new("Conflicts", "Dr Former Supervisor\r\nNorth Trust"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/me", response.Headers.Location?.OriginalString);
        var saved = await factory.Data.QueryAsync(db => db.MenteeApplications.AsNoTracking().SingleAsync(a => a.MenteeId == mentee.Id));
        Assert.Equal(ApplicationStatus.Waiting, saved.Status);
        Assert.Equal(programme.Id, saved.ProgrammeId);
        Assert.Equal(TestData.Statement, saved.Statement);
        Assert.Equal(MeetingModes.Video | MeetingModes.Phone, saved.PreferredModes);
        Assert.True(saved.AvoidOwnOrganisation);
        Assert.Equal(["Dr Former Supervisor", "North Trust"], saved.ConflictList);
        var goals = await factory.Data.QueryAsync(db => db.Set<Goal>().AsNoTracking().Where(g => g.MenteeId == mentee.Id)
            .Select(g => g.Horizon).ToListAsync());
        Assert.Contains(GoalHorizon.MediumTerm, goals);

        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject.Contains(programme.Name, StringComparison.Ordinal));
        Assert.Contains("received your application", email.Subject, StringComparison.Ordinal);
        Assert.Contains("/me", email.LinkContaining("/me"), StringComparison.Ordinal);

        var me = await client.GetStringAsync("/me");
        Assert.Contains("received and is waiting to be matched", me, StringComparison.Ordinal);
        Assert.Contains("Waiting to be matched with a mentor", me, StringComparison.Ordinal);
        Assert.Contains($"/me/applications/{saved.Id}/withdraw", me, StringComparison.Ordinal);
        Assert.DoesNotContain($"Apply to {programme.Name}", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_DoubleSubmit_CreatesOneApplication()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var url = $"/programmes/{programme.Slug}/apply";
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(url));
        var fields = Forms.Merge(Forms.CurrentValues(page.Forms.Single(f => f.GetAttribute("action") == url)),
            [new("Statement", TestData.Statement)]);

        var posts = Enumerable.Range(0, 3).Select(async _ =>
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(url, content);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        var results = await Task.WhenAll(posts);

        Assert.All(results, r => Assert.True(r.StatusCode == HttpStatusCode.Redirect
            || (r.StatusCode == HttpStatusCode.OK && r.Body.Contains("already waiting", StringComparison.Ordinal)), $"{r.StatusCode}"));
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.MenteeApplications.CountAsync(a => a.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task Apply_WithoutStatement_ShowsTheMessageAndSavesNothing()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await Forms.SubmitAsync(client, $"/programmes/{programme.Slug}/apply",
            [new("Statement", " "), new("LongTermGoal", "Run a department.")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tell the scheme what you hope to gain from mentoring.", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.MenteeApplications.CountAsync(a => a.MenteeId == mentee.Id)));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Set<Goal>().CountAsync(g => g.MenteeId == mentee.Id && g.Horizon == GoalHorizon.LongTerm)));
    }

    [Fact]
    public async Task Apply_WithoutAnyGoal_SaysOneIsNeeded()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentee = await factory.Data.MenteeAsync(goal: null);
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await Forms.SubmitAsync(client, $"/programmes/{programme.Slug}/apply", [new("Statement", TestData.Statement)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Add at least one goal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.MenteeApplications.CountAsync(a => a.MenteeId == mentee.Id)));
    }

    [Fact]
    public async Task Apply_IncompleteProfile_LinksToTheProfile()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentee = await factory.Data.MenteeAsync(completeProfile: false);
        using var client = await factory.Data.SignInAsync(mentee);

        var html = await client.GetStringAsync($"/programmes/{programme.Slug}/apply");

        Assert.Contains("Complete your profile before applying", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/me/profile\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Statement\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_ProgrammeThatDoesNotTakeApplications_IsNotFound()
    {
        var closed = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches, openForApplications: false);
        await factory.Data.SharedProgrammeAsync();
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        foreach (var slug in new[] { closed.Slug, TestData.SharedProgrammeSlug, "no-such-programme" })
        {
            using var response = await client.GetAsync($"/programmes/{slug}/apply");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Withdraw_AfterConfirming_LeavesTheQueue_AndAnotherMenteeGetsNotFound()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentee = await factory.Data.MenteeAsync();
        var applicationId = await factory.Data.ApplyAsync(mentee, programme);
        var other = await factory.Data.MenteeAsync();

        using (var otherClient = await factory.Data.SignInAsync(other))
        {
            using var page = await otherClient.GetAsync($"/me/applications/{applicationId}/withdraw");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var token = await TokenAsync(otherClient, $"/programmes/{programme.Slug}/apply");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = token });
            using var post = await otherClient.PostAsync($"/me/applications/{applicationId}/withdraw", content);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using var client = await factory.Data.SignInAsync(mentee);
        var confirmation = await client.GetStringAsync($"/me/applications/{applicationId}/withdraw");
        Assert.Contains($"Withdraw your application to {programme.Name}?", confirmation, StringComparison.Ordinal);

        using var response = await Forms.SubmitAsync(client, $"/me/applications/{applicationId}/withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationStatus.Withdrawn,
            await factory.Data.QueryAsync(db => db.MenteeApplications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
        var me = await client.GetStringAsync("/me");
        Assert.Contains("Withdrawn by you", me, StringComparison.Ordinal);
        Assert.Contains($"/programmes/{programme.Slug}/apply", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MePage_OffersProgrammesThatTakeApplications_AndHomePageLinksToApply()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        var me = await client.GetStringAsync("/me");
        Assert.Contains($"Apply to {programme.Name}", me, StringComparison.Ordinal);

        var home = await client.GetStringAsync("/");
        Assert.Contains($"href=\"/programmes/{programme.Slug}/apply\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_MentorOnlyInSchemeMatchedProgramme_OffersNoContactForm()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var profile = await client.GetAsync($"/mentors/{mentor.Id}");
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        using var contactPage = await client.GetAsync($"/mentors/{mentor.Id}/contact");
        Assert.Equal(HttpStatusCode.NotFound, contactPage.StatusCode);

        var token = await TokenAsync(client, $"/programmes/{programme.Slug}/apply");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Forms.AntiforgeryField] = token,
            ["ProgrammeId"] = programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Message"] = "Could you be my mentor? I would value your experience of service redesign.",
        });
        using var post = await client.PostAsync($"/mentors/{mentor.Id}/contact", content);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ContactRequests.CountAsync(r => r.MentorId == mentor.Id)));
        var directory = await client.GetStringAsync("/mentors?q=" + Uri.EscapeDataString(mentor.Name));
        Assert.DoesNotContain($"href=\"/mentors/{mentor.Id}\"", directory, StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(HttpClient client, string pageWithForm)
    {
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(pageWithForm));
        return page.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
    }
}
