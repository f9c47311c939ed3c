using System.Net;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Administrators match applicants from ranked, explained suggestions, or decline them; only within their programmes.</summary>
public sealed class AdminApplicationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Queue_ListsWaitingApplicationsOldestFirst()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var first = await factory.Data.MenteeAsync();
        var second = await factory.Data.MenteeAsync();
        await factory.Data.ApplyAsync(first, programme);
        await factory.Data.ApplyAsync(second, programme);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);

        var html = await client.GetStringAsync($"/admin/applications?programme={programme.Id}");

        Assert.Contains("2 applications", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(first.Name, StringComparison.Ordinal) < html.IndexOf(second.Name, StringComparison.Ordinal));
        var empty = await client.GetStringAsync($"/admin/applications?programme={programme.Id}&status=Declined");
        Assert.Contains("No applications have this status", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Application_ShowsFactsAndExplainedSuggestions_WithoutExcludedMentors()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var fit = await factory.Data.MentorAsync(programme, name: "Dr Good Fit");
        var conflicted = await factory.Data.MentorAsync(programme, name: "Dr Declared Conflict");
        var colleague = await factory.Data.MentorAsync(programme, name: "Dr Same Trust", organisation: "St Elsewhere Hospital");
        var applicant = await factory.Data.MenteeAsync(organisation: "St Elsewhere Hospital");
        var applicationId = await factory.Data.ApplyAsync(applicant, programme, conflicts: "Declared Conflict", avoidOwnOrganisation: true);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);

        var html = await client.GetStringAsync($"/admin/applications/{applicationId}");

        Assert.Contains(applicant.Name, html, StringComparison.Ordinal);
        Assert.Contains("Lead a service redesign in my department.", html, StringComparison.Ordinal);
        Assert.Contains(TestData.Statement, html, StringComparison.Ordinal);
        Assert.Contains(fit.Name, html, StringComparison.Ordinal);
        Assert.Contains("matches the short-term goal", html, StringComparison.Ordinal);
        Assert.Contains("Different background", html, StringComparison.Ordinal);
        Assert.Contains("Same region", html, StringComparison.Ordinal);
        Assert.Contains("2 places free", html, StringComparison.Ordinal);
        Assert.Contains($"/admin/applications/{applicationId}/match/{fit.Id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/match/{conflicted.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/match/{colleague.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(conflicted.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(colleague.Name, html, StringComparison.Ordinal);
        Assert.Contains($"/admin/programmes/{programme.Id}/edit", html, StringComparison.Ordinal);

        using var excluded = await client.GetAsync($"/admin/applications/{applicationId}/match/{colleague.Id}");
        var excludedHtml = await excluded.Content.ReadAsStringAsync();
        Assert.Contains("own organisation", excludedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Confirm the match", excludedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmMatch_ProposesToTheMentor_AndTheMentorsAcceptanceStartsThePairing()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentor = await factory.Data.MentorAsync(programme, capacity: 2);
        var applicant = await factory.Data.MenteeAsync();
        var applicationId = await factory.Data.ApplyAsync(applicant, programme);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);
        var matchUrl = $"/admin/applications/{applicationId}/match/{mentor.Id}";

        var confirmation = await client.GetStringAsync(matchUrl);
        Assert.Contains("Both will be emailed", confirmation, StringComparison.Ordinal);
        Assert.Contains("is asked to accept", confirmation, StringComparison.Ordinal);
        Assert.Contains("matches the short-term goal", confirmation, StringComparison.Ordinal);

        using var response = await Forms.SubmitAsync(client, matchUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/applications", response.Headers.Location?.OriginalString);
        Assert.Equal(ApplicationStatus.Proposed, await factory.Data.QueryAsync(db =>
            db.MenteeApplications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Pairings.CountAsync(m => m.MenteeId == applicant.Id)));
        Assert.Contains("no longer waiting", await client.GetStringAsync(matchUrl), StringComparison.Ordinal);

        using var mentorClient = await factory.Data.SignInAsync(mentor);
        var proposalId = await factory.Data.QueryAsync(db => db.MentorProposals.Where(p => p.ApplicationId == applicationId).Select(p => p.Id).SingleAsync());
        using var accepted = await Forms.SubmitAsync(mentorClient, "/mentor/requests", formAction: $"/mentor/requests/proposals/{proposalId}/accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var state = await factory.Data.QueryAsync(async db => new
        {
            Application = await db.MenteeApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId),
            Pairing = await db.Pairings.AsNoTracking().SingleAsync(m => m.MenteeId == applicant.Id && m.Status == PairingStatus.Active),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            Audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.MentorProposed && a.ProgrammeId == programme.Id),
        });
        Assert.Equal(ApplicationStatus.Matched, state.Application.Status);
        Assert.Equal(state.Pairing.Id, state.Application.PairingId);
        Assert.Equal(mentor.Id, state.Pairing.MentorId);
        Assert.Equal(programme.Id, state.Pairing.ProgrammeId);
        Assert.Equal(1, state.Used);
        Assert.Equal($"{applicant.Name} → {mentor.Name}", state.Audit.Subject);
        Assert.StartsWith("Score ", state.Audit.After, StringComparison.Ordinal);
        Assert.Contains("short-term goal", state.Audit.After, StringComparison.Ordinal);

        var toMentee = await factory.Mailbox.WaitForAsync(m => m.IsTo(applicant.Email) && m.Subject.Contains(mentor.Name, StringComparison.Ordinal));
        Assert.Contains("will be your mentor", toMentee.Subject, StringComparison.Ordinal);
        Assert.Contains("first meeting", toMentee.TextBody, StringComparison.Ordinal);
        Assert.Contains("face to face", toMentee.TextBody, StringComparison.Ordinal);
        Assert.Contains("service redesign", toMentee.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"/pairings/{state.Pairing.Id}", toMentee.LinkContaining("/pairings/"), StringComparison.Ordinal);

        var toMentor = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.StartsWith("You have a new mentee", StringComparison.Ordinal));
        Assert.Contains(programme.Name, toMentor.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"/pairings/{state.Pairing.Id}", toMentor.LinkContaining("/pairings/"), StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.Statement, toMentor.TextBody, StringComparison.Ordinal);

        using var applicantClient = await factory.Data.SignInAsync(applicant);
        var me = await applicantClient.GetStringAsync("/me");
        Assert.Contains($"href=\"/pairings/{state.Pairing.Id}\">{mentor.Name}</a>", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmMatch_TwoAtOnceForTheLastPlace_ExactlyOneProposalHoldsItAndAClearMessage()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentor = await factory.Data.MentorAsync(programme, capacity: 1);
        var applications = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            applications.Add(await factory.Data.ApplyAsync(await factory.Data.MenteeAsync(), programme));
        }

        var admin = await factory.Data.AdministratorAsync(programme);
        var racers = new List<Racer>();
        foreach (var id in applications)
        {
            var url = $"/admin/applications/{id}/match/{mentor.Id}";
            racers.Add(new Racer(await factory.Data.SignInAsync(admin), url, url));
        }

        var results = await Races.RunAsync(racers);

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var loser = Assert.Single(results, r => r.StatusCode != HttpStatusCode.Redirect);
        Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
        Assert.True(loser.Body.Contains("just matched with someone else or became full", StringComparison.Ordinal)
            || loser.Body.Contains("full capacity", StringComparison.Ordinal), loser.Body);

        var state = await factory.Data.QueryAsync(async db => new
        {
            Proposals = await db.MentorProposals.CountAsync(p => p.MentorId == mentor.Id && p.Status == ProposalStatus.Waiting),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            Waiting = await db.MenteeApplications.CountAsync(a => applications.Contains(a.Id) && a.Status == ApplicationStatus.Waiting),
            Audits = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.MentorProposed && a.ProgrammeId == programme.Id),
        });
        Assert.Equal(1, state.Proposals);
        Assert.Equal(1, state.Used);
        Assert.Equal(1, state.Waiting);
        Assert.Equal(1, state.Audits);
        racers.ForEach(r => r.Client.Dispose());
    }

    [Fact]
    public async Task Decline_WithMessage_EmailsTheApplicantKindly_AndAudits()
    {
        const string message = "We do not have a mentor in your specialty this round. Please apply again in the spring.";
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var applicant = await factory.Data.MenteeAsync();
        var applicationId = await factory.Data.ApplyAsync(applicant, programme);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);

        using var empty = await Forms.SubmitAsync(client, $"/admin/applications/{applicationId}/decline", [new("Message", "")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Write a short, kind message", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var response = await Forms.SubmitAsync(client, $"/admin/applications/{applicationId}/decline", [new("Message", message)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.Data.QueryAsync(db => db.MenteeApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.Declined, saved.Status);
        Assert.Equal(message, saved.DecisionMessage);
        Assert.Equal(1, await factory.Data.QueryAsync(db =>
            db.AuditEntries.CountAsync(a => a.Action == AuditActions.ApplicationDeclined && a.ProgrammeId == programme.Id)));
        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(applicant.Email) && m.Subject.StartsWith("About your application", StringComparison.Ordinal));
        Assert.Contains(message, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("apply again", email.TextBody, StringComparison.Ordinal);

        using var applicantClient = await factory.Data.SignInAsync(applicant);
        Assert.Contains(message, await applicantClient.GetStringAsync("/me"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorOfAnotherProgramme_GetsNotFound()
    {
        var programmeA = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var programmeB = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var mentorB = await factory.Data.MentorAsync(programmeB);
        var applicant = await factory.Data.MenteeAsync();
        var applicationB = await factory.Data.ApplyAsync(applicant, programmeB);
        var adminA = await factory.Data.AdministratorAsync(programmeA);
        using var client = await factory.Data.SignInAsync(adminA);

        foreach (var url in new[]
        {
            $"/admin/applications/{applicationB}",
            $"/admin/applications/{applicationB}/match/{mentorB.Id}",
            $"/admin/applications/{applicationB}/decline",
        })
        {
            using var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        var queue = await client.GetStringAsync("/admin/applications");
        Assert.DoesNotContain(applicant.Name, queue, StringComparison.Ordinal);

        var token = (await Forms.ParseHtmlAsync(await client.GetAsync("/admin/applications")))
            .QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        foreach (var url in new[] { $"/admin/applications/{applicationB}/match/{mentorB.Id}", $"/admin/applications/{applicationB}/decline" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = token, ["Message"] = "No." });
            using var post = await client.PostAsync(url, content);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(ApplicationStatus.Waiting,
            await factory.Data.QueryAsync(db => db.MenteeApplications.Where(a => a.Id == applicationB).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task MatchPage_MentorOutsideTheProgramme_IsNotFound()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var elsewhere = await factory.Data.MentorAsync();
        var applicationId = await factory.Data.ApplyAsync(await factory.Data.MenteeAsync(), programme);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);

        using var response = await client.GetAsync($"/admin/applications/{applicationId}/match/{elsewhere.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Mentee_CannotOpenTheQueue()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await client.GetAsync("/admin/applications");

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }
}
