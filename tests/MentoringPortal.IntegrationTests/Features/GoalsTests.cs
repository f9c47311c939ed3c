using System.Net;
using AngleSharp.Html.Dom;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Journey 6 over HTTP: the mentee keeps goals with rated progress; only the mentor of an active pairing reads them.</summary>
public sealed class GoalsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AddGoal_ThenUpdateRating_KeepsHistory()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using (var added = await Forms.SubmitAsync(client, "/me/goals", new Dictionary<string, string>
        {
            ["Horizon"] = nameof(GoalHorizon.MediumTerm),
            ["Description"] = "Lead the rota redesign in my department.",
            ["StartRating"] = "2",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            Assert.Equal("/me/goals", added.Headers.Location?.OriginalString);
        }

        var goalId = await GoalIdAsync(mentee, "Lead the rota redesign in my department.");
        using (var updated = await Forms.SubmitAsync(client, $"/me/goals/{goalId}/edit", new Dictionary<string, string>
        {
            ["Description"] = "Lead the rota redesign in my department, with the trainees' input.",
            ["Status"] = nameof(GoalStatus.Open),
            ["Rating"] = "4",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        }

        var goal = await factory.Data.QueryAsync(db => db.Goals.AsNoTracking().SingleAsync(g => g.Id == goalId));
        Assert.Equal("Lead the rota redesign in my department, with the trainees' input.", goal.Description);
        Assert.Equal([2, 4], goal.Ratings.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Select(r => r.Rating));

        using var page = await client.GetAsync("/me/goals");
        var document = await Forms.ParseHtmlAsync(page);
        var section = Section(document, GoalHorizon.MediumTerm);
        Assert.Contains("with the trainees' input", section, StringComparison.Ordinal);
        Assert.Contains("2 – made a start", section, StringComparison.Ordinal);
        Assert.Contains("4 – nearly there", section, StringComparison.Ordinal);
        Assert.Equal(2, document.QuerySelectorAll($"#goals-{GoalHorizon.MediumTerm} ~ ul table tbody tr").Length);
    }

    [Fact]
    public async Task UpdateGoal_ToAchieved_ChangesStatus()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var goalId = await AddGoalAsync(client, mentee, "Pass the exam.", 3);

        using var updated = await Forms.SubmitAsync(client, $"/me/goals/{goalId}/edit", new Dictionary<string, string>
        {
            ["Status"] = nameof(GoalStatus.Achieved),
            ["Rating"] = "5",
        });

        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        var goal = await factory.Data.QueryAsync(db => db.Goals.AsNoTracking().SingleAsync(g => g.Id == goalId));
        Assert.Equal(GoalStatus.Achieved, goal.Status);
        Assert.Equal(5, goal.CurrentRating);
        Assert.Equal(3, goal.StartRating);
    }

    [Fact]
    public async Task AddGoal_BadInput_ShowsMessagesBesideFieldsAndSavesNothing()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var before = await GoalCountAsync(mentee);

        using var response = await Forms.SubmitAsync(client, "/me/goals", new Dictionary<string, string>
        {
            ["Horizon"] = "NextCentury",
            ["Description"] = "   ",
            ["StartRating"] = "9",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Choose when you hope to reach the goal.", document.QuerySelector("#Horizon-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter your goal.", document.QuerySelector("#Description-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Choose where you stand now, from 1 to 5.", document.QuerySelector("#StartRating-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", document.QuerySelector("#Description")?.GetAttribute("aria-invalid"));
        Assert.Equal(before, await GoalCountAsync(mentee));
    }

    [Fact]
    public async Task EditGoal_BadRating_ShowsMessageAndKeepsHistory()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var goalId = await AddGoalAsync(client, mentee, "Return to full-time work.", 2);

        using var response = await Forms.SubmitAsync(client, $"/me/goals/{goalId}/edit", new Dictionary<string, string>
        {
            ["Description"] = "Changed.",
            ["Rating"] = "0",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Choose where you stand now, from 1 to 5.", document.QuerySelector("#Rating-error")?.TextContent, StringComparison.Ordinal);
        var goal = await factory.Data.QueryAsync(db => db.Goals.AsNoTracking().SingleAsync(g => g.Id == goalId));
        Assert.Equal("Return to full-time work.", goal.Description);
        Assert.Single(goal.Ratings);
    }

    [Fact]
    public async Task AnotherMenteesGoal_EditGetAndPost_Is404AndUnchanged()
    {
        var owner = await factory.Data.MenteeAsync();
        var other = await factory.Data.MenteeAsync();
        using var ownerClient = await factory.Data.SignInAsync(owner);
        var goalId = await AddGoalAsync(ownerClient, owner, "Private goal of the owner.", 2);
        using var client = await factory.Data.SignInAsync(other);

        using var get = await client.GetAsync($"/me/goals/{goalId}/edit");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);

        // A valid token from the other mentee's own page, posted to the owner's goal.
        using var page = await client.GetAsync("/me/goals");
        var document = await Forms.ParseHtmlAsync(page);
        var token = document.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Forms.AntiforgeryField] = token,
            ["Description"] = "Hijacked.",
            ["Status"] = nameof(GoalStatus.Dropped),
            ["Rating"] = "1",
        });
        using var post = await client.PostAsync($"/me/goals/{goalId}/edit", content);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        var goal = await factory.Data.QueryAsync(db => db.Goals.AsNoTracking().SingleAsync(g => g.Id == goalId));
        Assert.Equal("Private goal of the owner.", goal.Description);
        Assert.Equal(GoalStatus.Open, goal.Status);
    }

    [Fact]
    public async Task PairingGoals_MentorOfActivePairing_ReadsThem_OthersGet404()
    {
        var mentee = await factory.Data.MenteeAsync();
        var mentor = await factory.Data.MentorAsync();
        var otherMentor = await factory.Data.MentorAsync();
        var admin = await factory.Data.AdministratorAsync();
        await factory.Data.PairAsync(mentee, mentor);
        var pairingId = await factory.Data.PairingIdAsync(mentee, mentor);
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        await AddGoalAsync(menteeClient, mentee, "Chair a departmental meeting.", 1);

        using (var mentorClient = await factory.Data.SignInAsync(mentor))
        using (var response = await mentorClient.GetAsync($"/pairings/{pairingId}/goals"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var document = await Forms.ParseHtmlAsync(response);
            Assert.Contains("Chair a departmental meeting.", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(document.QuerySelectorAll("main form"));
            Assert.DoesNotContain(document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")), h => h?.EndsWith("/edit", StringComparison.Ordinal) == true);
        }

        using (var response = await menteeClient.GetAsync($"/pairings/{pairingId}/goals"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        foreach (var intruder in new[] { otherMentor, admin })
        {
            using var client = await factory.Data.SignInAsync(intruder);
            using var response = await client.GetAsync($"/pairings/{pairingId}/goals");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Chair a departmental meeting.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PairingGoals_EndedPairing_Is404ForTheMentor()
    {
        var mentee = await factory.Data.MenteeAsync();
        var mentor = await factory.Data.MentorAsync();
        await factory.Data.PairAsync(mentee, mentor);
        var pairingId = await factory.Data.PairingIdAsync(mentee, mentor);
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await db.Pairings.Include(m => m.Mentor).Include(m => m.Mentee).SingleAsync(m => m.Id == pairingId);
            pairing.End(EndReason.GoalsMet, null, null, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        using var client = await factory.Data.SignInAsync(mentor);
        using var response = await client.GetAsync($"/pairings/{pairingId}/goals");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MyGoals_AsMentor_IsForbidden()
    {
        var mentor = await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await client.GetAsync("/me/goals");

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound,
            $"A mentor got {(int)response.StatusCode} on /me/goals.");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AddGoal_WithoutAntiforgeryToken_Is400()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var before = await GoalCountAsync(mentee);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Horizon"] = nameof(GoalHorizon.ShortTerm),
            ["Description"] = "No token.",
            ["StartRating"] = "1",
        });

        using var response = await client.PostAsync("/me/goals", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await GoalCountAsync(mentee));
    }

    private static string Section(IHtmlDocument document, GoalHorizon horizon) =>
        document.QuerySelector($"section[aria-labelledby='goals-{horizon}']")?.TextContent ?? string.Empty;

    private async Task<int> AddGoalAsync(HttpClient client, Person mentee, string description, int rating)
    {
        using var response = await Forms.SubmitAsync(client, "/me/goals", new Dictionary<string, string>
        {
            ["Horizon"] = nameof(GoalHorizon.ShortTerm),
            ["Description"] = description,
            ["StartRating"] = rating.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await GoalIdAsync(mentee, description);
    }

    private Task<int> GoalIdAsync(Person mentee, string description) => factory.Data.QueryAsync(db =>
        db.Goals.Where(g => g.MenteeId == mentee.Id && g.Description == description).Select(g => g.Id).SingleAsync());

    private Task<int> GoalCountAsync(Person mentee) => factory.Data.QueryAsync(db => db.Goals.CountAsync(g => g.MenteeId == mentee.Id));
}
