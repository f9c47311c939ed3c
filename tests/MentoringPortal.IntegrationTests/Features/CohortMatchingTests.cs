using System.Net;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin.Cohort;
using Microsoft.EntityFrameworkCore;
using static MentoringPortal.IntegrationTests.Infrastructure.CohortRunPages;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// Whole-cohort matching: a run proposes in the background, pins and drops steer the next run,
/// and a confirmation starts every pairing and emails both members, all or nothing, once.
/// </summary>
public sealed class CohortMatchingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Run_Proposes_NothingSavedOrEmailed_ThenConfirmStartsEveryPairing_EmailsBoth_AndAudits()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 3, mentorCapacities: [1, 2]);
        using var client = await factory.Data.SignInAsync(cohort.Administrator);

        var page = await client.GetStringAsync(cohort.CohortUrl);
        Assert.Contains("Applicants waiting", page, StringComparison.Ordinal);
        Assert.Contains("Find the best matches", page, StringComparison.Ordinal);
        Assert.Contains($"/admin/programmes/{cohort.Programme.Id}/edit", page, StringComparison.Ordinal);

        var runUrl = await StartRunAsync(client, cohort);
        var proposalHtml = await WaitForProposalAsync(client, runUrl);

        Assert.Contains("Proposed matches", proposalHtml, StringComparison.Ordinal);
        foreach (var applicant in cohort.Applicants)
        {
            Assert.Contains(applicant.Name, proposalHtml, StringComparison.Ordinal);
        }

        Assert.Contains("matches the short-term goal", proposalHtml, StringComparison.Ordinal);
        Assert.Contains("Confirm these 3 pairings", proposalHtml, StringComparison.Ordinal);
        Assert.Contains("Run again with these choices", proposalHtml, StringComparison.Ordinal);
        var proposal = await factory.Data.CohortProposalAsync(RunId(runUrl));
        Assert.Equal(3, proposal.Pairs.Count);
        Assert.Empty(proposal.Unmatched);
        Assert.Equal(1, proposal.Pairs.Count(p => p.MentorId == cohort.Mentors[0].Id));
        Assert.Equal(0, await factory.Data.PairingCountAsync(cohort.Applicants));
        Assert.Empty(await factory.Data.OutboxForAsync(cohort.Applicants.Concat(cohort.Mentors)));

        var recent = await client.GetStringAsync(cohort.CohortUrl);
        Assert.Contains(runUrl, recent, StringComparison.Ordinal);
        Assert.Contains("Proposal ready", recent, StringComparison.Ordinal);

        var confirmUrl = runUrl + "/confirm";
        var confirmation = await client.GetStringAsync(confirmUrl);
        Assert.Contains("Who will be emailed", confirmation, StringComparison.Ordinal);
        Assert.Contains(cohort.Mentors[1].Name, confirmation, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.PairingCountAsync(cohort.Applicants));

        using var confirmed = await Forms.SubmitAsync(client, confirmUrl, formAction: confirmUrl);

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal(runUrl, confirmed.Headers.Location?.OriginalString);
        var after = await client.GetStringAsync(runUrl);
        Assert.Contains("each mentor was asked to accept", after, StringComparison.Ordinal);
        Assert.Matches(@"Confirmed on \d{1,2} \w+ \d{4} at \d{2}:\d{2} (GMT|BST) \(UK time\)", after);
        Assert.Contains("Confirmed matches", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Run again with these choices", after, StringComparison.Ordinal);

        var ids = cohort.ApplicationIds.ToList();
        var state = await factory.Data.QueryAsync(async db => new
        {
            Applications = await db.MenteeApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(),
            Proposals = await db.MentorProposals.AsNoTracking().Where(p => ids.Contains(p.ApplicationId) && p.Status == ProposalStatus.Waiting).ToListAsync(),
            Pairings = await db.Pairings.CountAsync(m => m.ProgrammeId == cohort.Programme.Id),
            Matched = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.MentorProposed && a.ProgrammeId == cohort.Programme.Id).ToListAsync(),
            Cohort = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.CohortConfirmed && a.ProgrammeId == cohort.Programme.Id).ToListAsync(),
            Run = await db.CohortRuns.AsNoTracking().SingleAsync(r => r.Id == RunId(runUrl)),
        });
        // Each mentor is asked first: no pairing starts until they accept.
        Assert.All(state.Applications, a => Assert.Equal(ApplicationStatus.Proposed, a.Status));
        Assert.Equal(0, state.Pairings);
        Assert.Equal(3, state.Proposals.Count);
        foreach (var pair in proposal.Pairs)
        {
            Assert.Equal(pair.MentorId, state.Proposals.Single(p => p.ApplicationId == pair.ApplicationId).MentorId);
        }

        Assert.Equal(3, state.Matched.Count);
        // The audit records the scores the administrator confirmed, not scores worked out again as each pair takes a place.
        foreach (var pair in proposal.Pairs)
        {
            var audit = Assert.Single(state.Matched, a => a.Subject == $"{pair.ApplicantName} → {pair.MentorName}");
            Assert.StartsWith($"Score {pair.Score} of {pair.MaxScore}: ", audit.After, StringComparison.Ordinal);
        }

        Assert.Contains("3 mentors asked", Assert.Single(state.Cohort).After, StringComparison.Ordinal);
        Assert.Contains($"total score {proposal.Pairs.Sum(p => p.Score)}", Assert.Single(state.Cohort).After, StringComparison.Ordinal);
        Assert.Equal(CohortRunStatus.Confirmed, state.Run.Status);

        foreach (var applicant in cohort.Applicants)
        {
            var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(applicant.Email) && m.Subject.StartsWith("We have found a mentor", StringComparison.Ordinal));
            Assert.Contains("/me", email.LinkContaining("/me"), StringComparison.Ordinal);
        }

        foreach (var mentor in cohort.Mentors)
        {
            await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.StartsWith("Could you mentor", StringComparison.Ordinal));
        }

        Assert.Equal(6, (await factory.Data.OutboxForAsync(cohort.Applicants.Concat(cohort.Mentors))).Count);

        // A confirmed run cannot be confirmed again.
        var token = await Races.RunAsync([new Racer(client, cohort.CohortUrl, confirmUrl)]);
        Assert.Equal(HttpStatusCode.Conflict, token[0].StatusCode);
        Assert.Contains("already been confirmed", token[0].Body, StringComparison.Ordinal);
        Assert.Equal(3, await ProposalCountAsync(cohort));
        Assert.Equal(6, (await factory.Data.OutboxForAsync(cohort.Applicants.Concat(cohort.Mentors))).Count);
    }

    [Fact]
    public async Task PinnedPairStays_AndADroppedPairIsNeverProposedAgain()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 2, mentorCapacities: [1, 1]);
        using var client = await factory.Data.SignInAsync(cohort.Administrator);
        var first = await StartRunAsync(client, cohort);
        await WaitForProposalAsync(client, first);
        var proposal = await factory.Data.CohortProposalAsync(RunId(first));
        var pinned = proposal.Pairs[0];
        var dropped = proposal.Pairs[1];

        using var rerun = await Forms.SubmitAsync(client, first, [Pin(pinned), Drop(dropped)], formAction: first + "/rerun");

        Assert.Equal(HttpStatusCode.SeeOther, rerun.StatusCode);
        var second = rerun.Headers.Location!.OriginalString;
        Assert.NotEqual(first, second);
        var secondHtml = await WaitForProposalAsync(client, second);
        var secondProposal = await factory.Data.CohortProposalAsync(RunId(second));
        var kept = Assert.Single(secondProposal.Pairs);
        Assert.Equal(pinned.Key, kept.Key);
        Assert.True(kept.Pinned);
        var left = Assert.Single(secondProposal.Unmatched);
        Assert.Equal(dropped.ApplicationId, left.ApplicationId);
        Assert.Contains("No mentor with a free place", left.Reason, StringComparison.Ordinal);
        Assert.Contains(left.Reason, secondHtml, StringComparison.Ordinal);
        Assert.Contains("Pinned", secondHtml, StringComparison.Ordinal);
        Assert.Contains($"id=\"pin-{pinned.Key}\" name=\"Pin\" value=\"{pinned.Key}\" checked", secondHtml, StringComparison.Ordinal);

        // Running again without touching anything keeps the pin (ticked) and the earlier drop.
        using var again = await Forms.SubmitAsync(client, second, formAction: second + "/rerun");
        var third = again.Headers.Location!.OriginalString;
        await WaitForProposalAsync(client, third);
        var thirdProposal = await factory.Data.CohortProposalAsync(RunId(third));
        Assert.Contains(thirdProposal.Pairs, p => p.Key == pinned.Key && p.Pinned);
        Assert.DoesNotContain(thirdProposal.Pairs, p => p.Key == dropped.Key);
        var choices = CohortChoicesDocument.FromJson((await factory.Data.CohortRunAsync(RunId(third))).ChoicesJson);
        Assert.Contains(Key(dropped), choices.Dropped);
        Assert.Equal(0, await factory.Data.PairingCountAsync(cohort.Applicants));
    }

    [Fact]
    public async Task PinAndDropTheSamePair_IsRefusedInWords()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 1, mentorCapacities: [1]);
        using var client = await factory.Data.SignInAsync(cohort.Administrator);
        var runUrl = await StartRunAsync(client, cohort);
        await WaitForProposalAsync(client, runUrl);
        var pair = (await factory.Data.CohortProposalAsync(RunId(runUrl))).Pairs[0];

        using var response = await Forms.SubmitAsync(client, runUrl, [Pin(pair), Drop(pair)], formAction: runUrl + "/rerun");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ticked both to pin and to drop", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.CohortRuns.CountAsync(r => r.ProgrammeId == cohort.Programme.Id)));
    }

    [Fact]
    public async Task TwoConfirmationsAtOnce_StartOneSetOfPairings_AndTheOtherIsToldInWords()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 3, mentorCapacities: [1, 1, 1]);
        using var first = await factory.Data.SignInAsync(cohort.Administrator);
        using var second = await factory.Data.SignInAsync(cohort.Administrator);
        var runUrl = await StartRunAsync(first, cohort);
        await WaitForProposalAsync(first, runUrl);
        var confirmUrl = runUrl + "/confirm";

        var results = await Races.RunAsync([new Racer(first, confirmUrl, confirmUrl), new Racer(second, confirmUrl, confirmUrl)]);

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.SeeOther);
        var loser = Assert.Single(results, r => r.StatusCode != HttpStatusCode.SeeOther);
        Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        Assert.Contains("already been confirmed", loser.Body, StringComparison.Ordinal);
        Assert.Equal(3, await ProposalCountAsync(cohort));
        var outbox = await factory.Data.OutboxForAsync(cohort.Applicants.Concat(cohort.Mentors));
        foreach (var person in cohort.Applicants.Concat(cohort.Mentors))
        {
            Assert.Single(outbox, m => m.To.Contains(person.Email, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(3, await factory.Data.QueryAsync(db =>
            db.AuditEntries.CountAsync(a => a.Action == AuditActions.MentorProposed && a.ProgrammeId == cohort.Programme.Id)));
    }

    [Fact]
    public async Task ApplicationWithdrawnAfterTheProposal_ConfirmIsRefused_AndNothingChanges()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 3, mentorCapacities: [2, 2]);
        using var client = await factory.Data.SignInAsync(cohort.Administrator);
        var runUrl = await StartRunAsync(client, cohort);
        await WaitForProposalAsync(client, runUrl);
        await factory.Data.WithdrawAsync(cohort.ApplicationIds[1]);
        var confirmUrl = runUrl + "/confirm";

        using var response = await Forms.SubmitAsync(client, confirmUrl, formAction: confirmUrl);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something changed since the proposal", html, StringComparison.Ordinal);
        Assert.Contains($"{cohort.Applicants[1].Name}&#x27;s application is no longer waiting (now withdrawn)", html, StringComparison.Ordinal);
        Assert.Contains("Run again", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.PairingCountAsync(cohort.Applicants));
        Assert.Empty(await factory.Data.OutboxForAsync(cohort.Applicants.Concat(cohort.Mentors)));
        Assert.Equal(CohortRunStatus.Proposed, (await factory.Data.CohortRunAsync(RunId(runUrl))).Status);
        Assert.Equal(0, await factory.Data.QueryAsync(db =>
            db.Mentors.Where(m => m.Id == cohort.Mentors[0].Id || m.Id == cohort.Mentors[1].Id).SumAsync(m => m.ActiveMenteeCount)));

        // The page's "Run again" proposes for the cohort as it is now.
        using var rerun = await Forms.SubmitAsync(client, Forms.ParseHtml(html), new Uri(client.BaseAddress!, confirmUrl), formAction: runUrl + "/rerun");
        Assert.Equal(HttpStatusCode.SeeOther, rerun.StatusCode);
        var next = rerun.Headers.Location!.OriginalString;
        await WaitForProposalAsync(client, next);
        Assert.Equal(2, (await factory.Data.CohortProposalAsync(RunId(next))).Pairs.Count);
    }

    [Fact]
    public async Task MinimumScore_LeavesApplicantsUnmatched_WithTheReason()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 1, mentorCapacities: [2], minimumScore: 500);
        using var client = await factory.Data.SignInAsync(cohort.Administrator);
        var runUrl = await StartRunAsync(client, cohort);

        var html = await WaitForProposalAsync(client, runUrl);

        Assert.Contains("No mentor reaches the minimum score of 500", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/confirm\"", html, StringComparison.Ordinal);
        Assert.Contains("Left unmatched (1)", html, StringComparison.Ordinal);

        // Nothing to confirm: a hand-made POST is refused and the run stays a proposal.
        var refused = await Races.RunAsync([new Racer(client, cohort.CohortUrl, runUrl + "/confirm")]);
        Assert.Equal(HttpStatusCode.Conflict, refused[0].StatusCode);
        Assert.Contains("This proposal has no pairs to confirm.", refused[0].Body, StringComparison.Ordinal);
        var status = await factory.Data.QueryAsync(db => db.CohortRuns.Where(r => r.ProgrammeId == cohort.Programme.Id).Select(r => r.Status).SingleAsync());
        Assert.Equal(CohortRunStatus.Proposed, status);
    }

    [Fact]
    public async Task RunStillWorking_ShowsProgress_AndUpdatesItself()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 1, mentorCapacities: [1]);
        using var client = await factory.Data.SignInAsync(cohort.Administrator);
        var running = await factory.Data.WorkingCohortRunAsync(cohort, applicants: 1000, placed: 420);
        var queued = await factory.Data.WorkingCohortRunAsync(cohort, applicants: null, placed: 0);

        var html = await client.GetStringAsync($"/admin/cohort-runs/{running}");
        Assert.Contains("Placed 420 of 1,000 applicants", html, StringComparison.Ordinal);
        Assert.Contains("<progress id=\"cohort-progress\" max=\"1000\" value=\"420\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-cohort-progress=\"/admin/cohort-runs/{running}/progress\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/cohort-runs/{running}\">check again</a>", html, StringComparison.Ordinal);
        Assert.Equal("{\"placed\":420,\"applicants\":1000,\"finished\":false}",
            await client.GetStringAsync($"/admin/cohort-runs/{running}/progress"));
        Assert.Contains("Waiting to start", await client.GetStringAsync($"/admin/cohort-runs/{queued}"), StringComparison.Ordinal);

        // A second press of "Find the best matches" joins the run already working instead of starting another.
        using var again = await Forms.SubmitAsync(client, cohort.CohortUrl, formAction: cohort.CohortUrl);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Contains(again.Headers.Location!.OriginalString, new[] { $"/admin/cohort-runs/{running}", $"/admin/cohort-runs/{queued}" });
    }

    [Fact]
    public async Task RunStoppedLongAgo_IsMarkedFailed_AndANewRunCanStart()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 1, mentorCapacities: [1]);
        using var client = await factory.Data.SignInAsync(cohort.Administrator);
        var stuck = await factory.Data.WorkingCohortRunAsync(cohort, applicants: 1, placed: 0, startedAt: DateTime.UtcNow.AddHours(-1));

        Assert.Contains("This run stopped before it finished.", await client.GetStringAsync($"/admin/cohort-runs/{stuck}"), StringComparison.Ordinal);
        var runUrl = await StartRunAsync(client, cohort);

        Assert.NotEqual($"/admin/cohort-runs/{stuck}", runUrl);
        Assert.Contains("Proposed matches", await WaitForProposalAsync(client, runUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyWaiting_ShowsAnEmptyState_AndTheQueueAndDeskLinkToTheCohort()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 0, mentorCapacities: [1]);
        using var client = await factory.Data.SignInAsync(cohort.Administrator);

        var html = await client.GetStringAsync(cohort.CohortUrl);
        Assert.Contains("Nobody is waiting to be matched", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Find the best matches", html, StringComparison.Ordinal);
        Assert.Contains("No run yet", html, StringComparison.Ordinal);

        var queue = await client.GetStringAsync("/admin/applications");
        Assert.Contains($"href=\"{cohort.CohortUrl}\"", queue, StringComparison.Ordinal);

        var withApplicants = await factory.Data.CohortAsync(applicants: 1, mentorCapacities: [1]);
        using var other = await factory.Data.SignInAsync(withApplicants.Administrator);
        Assert.Contains($"href=\"{withApplicants.CohortUrl}\"", await other.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitedAdministrator_Gets404_ForAnotherProgrammesCohortAndRuns_AndForAProgrammeWhereMenteesChoose()
    {
        var cohort = await factory.Data.CohortAsync(applicants: 1, mentorCapacities: [1]);
        using var owner = await factory.Data.SignInAsync(cohort.Administrator);
        var runUrl = await StartRunAsync(owner, cohort);
        await WaitForProposalAsync(owner, runUrl);
        var elsewhere = await factory.Data.CohortAsync(applicants: 1, mentorCapacities: [1]);
        using var outsider = await factory.Data.SignInAsync(elsewhere.Administrator);

        foreach (var url in new[] { cohort.CohortUrl, runUrl, runUrl + "/confirm" })
        {
            using var response = await outsider.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var posts = await Races.RunAsync([
            new Racer(outsider, elsewhere.CohortUrl, cohort.CohortUrl),
            new Racer(outsider, elsewhere.CohortUrl, runUrl + "/confirm"),
            new Racer(outsider, elsewhere.CohortUrl, runUrl + "/rerun"),
        ]);
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.NotFound, p.StatusCode));
        Assert.Equal(0, await factory.Data.PairingCountAsync(cohort.Applicants));
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.CohortRuns.CountAsync(r => r.ProgrammeId == cohort.Programme.Id)));

        var everything = await factory.Data.AdministratorAsync();
        using var admin = await factory.Data.SignInAsync(everything);
        using var choosing = await admin.GetAsync(new Uri($"/admin/programmes/{TestData.SharedProgrammeSlug}/cohort", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, choosing.StatusCode);
        using var owned = await admin.GetAsync(new Uri(cohort.CohortUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, owned.StatusCode);
    }

    [Theory]
    [InlineData("501", "The minimum score must be between 0 and 500.")]
    [InlineData("-1", "The minimum score must be between 0 and 500.")]
    [InlineData("lots", "Enter the minimum score as a whole number from 0 to 500.")]
    [InlineData("", "Enter the minimum score for cohort matching, from 0 to 500.")]
    public async Task MinimumScore_BadInput_GetsAMessageBesideTheField_AndChangesNothing(string value, string message)
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);
        var editUrl = $"/admin/programmes/{programme.Id}/edit";

        using var response = await Forms.SubmitAsync(client, editUrl, new Dictionary<string, string> { ["MinimumMatchScore"] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        Assert.Equal(message, document.QuerySelector("#MinimumMatchScore-error")?.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal("true", document.QuerySelector("#MinimumMatchScore")?.GetAttribute("aria-invalid"));
        Assert.Equal(30, await factory.Data.QueryAsync(db => db.Programmes.Where(p => p.Id == programme.Id).Select(p => p.MinimumMatchScore).SingleAsync()));
        Assert.Empty(await factory.Data.AuditAsync(AuditActions.MinimumMatchScoreChanged, programme.Name));
    }

    [Fact]
    public async Task MinimumScore_Saved_AndAudited()
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);
        var editUrl = $"/admin/programmes/{programme.Id}/edit";
        Assert.Contains("Minimum score for cohort matching", await client.GetStringAsync(editUrl), StringComparison.Ordinal);

        using var response = await Forms.SubmitAsync(client, editUrl, new Dictionary<string, string> { ["MinimumMatchScore"] = "120" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(120, await factory.Data.QueryAsync(db => db.Programmes.Where(p => p.Id == programme.Id).Select(p => p.MinimumMatchScore).SingleAsync()));
        var audit = Assert.Single(await factory.Data.AuditAsync(AuditActions.MinimumMatchScoreChanged, programme.Name));
        Assert.Equal("30", audit.Before);
        Assert.Equal("120", audit.After);
        Assert.Equal(programme.Id, audit.ProgrammeId);
    }

    [Fact]
    public async Task DemoData_HasAPilotCohortWaiting_AndARunLeavesSomeoneUnmatchedWithTheReason()
    {
        await using var demo = await PortalFactory.CreateAsync(new PortalFactoryOptions { SeedDemoData = true });
        using var client = await demo.CreateSignedInClientAsync("admin@demo.test", "Demo-Passw0rd!");
        var cohort = new TestCohort(new TestProgramme(0, "future-leaders", "Future Leaders pilot"), [], [], [], new Person("admin@demo.test", 0, "Admin"));

        var page = await client.GetStringAsync(cohort.CohortUrl);
        Assert.Matches(@"Applicants waiting</dt>\s*<dd>15</dd>", page);

        var runUrl = await StartRunAsync(client, cohort);
        var html = await WaitForProposalAsync(client, runUrl);

        Assert.Contains("Proposed matches", html, StringComparison.Ordinal);
        Assert.Contains("Dr Marcus Boateng", html, StringComparison.Ordinal);
        Assert.Contains("No mentor reaches the minimum score of", html, StringComparison.Ordinal);
        Assert.Contains("Dr Farid Lewis", html, StringComparison.Ordinal);
        var proposal = await demo.Data.CohortProposalAsync(RunId(runUrl));
        Assert.True(proposal.Pairs.Count >= 12, $"only {proposal.Pairs.Count} pairs");
        Assert.Contains(proposal.Unmatched, u => u.Name == "Dr Marcus Boateng");
    }

    private Task<int> ProposalCountAsync(TestCohort cohort)
    {
        var ids = cohort.ApplicationIds.ToList();
        return factory.Data.QueryAsync(db => db.MentorProposals.CountAsync(p => ids.Contains(p.ApplicationId) && p.Status == ProposalStatus.Waiting));
    }
}
