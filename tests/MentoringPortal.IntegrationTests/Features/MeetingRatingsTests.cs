using System.Net;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Features.Admin.EvaluationReport;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// Meeting ratings over HTTP on PostgreSQL: a member rates a held meeting of their own pairing, 1 to 5,
/// sees only their own ratings, and the scheme sees only anonymous aggregates under the small-number rule.
/// </summary>
public sealed class MeetingRatingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Suppressed = EvaluationSummary.Suppressed;

    private async Task<(Person Mentor, Person Mentee, int PairingId, int MeetingId)> HeldMeetingAsync(TestProgramme? programme = null,
        DateTime? at = null, bool held = true)
    {
        var mentor = await factory.Data.MentorAsync(programme, capacity: 5);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor, at?.AddDays(-10));
        await factory.Data.MeetingAsync(pairingId, at ?? DateTime.UtcNow.AddDays(-3), held: held);
        var meetingId = await factory.Data.QueryAsync(db => db.Meetings.Where(m => m.PairingId == pairingId).Select(m => m.Id).SingleAsync());
        return (mentor, mentee, pairingId, meetingId);
    }

    private static async Task<HttpResponseMessage> RateAsync(HttpClient client, int pairingId, int meetingId, string usefulness, string comment = "") =>
        await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/rating",
            new Dictionary<string, string> { ["Usefulness"] = usefulness, ["Comment"] = comment });

    private Task<List<MeetingRating>> RatingsAsync(int meetingId) =>
        factory.Data.QueryAsync(db => db.MeetingRatings.AsNoTracking().Where(r => r.MeetingId == meetingId).ToListAsync());

    [Fact]
    public async Task Rate_HeldMeeting_ThenChangeIt_ShownOnlyToTheRater()
    {
        var (mentor, mentee, pairingId, meetingId) = await HeldMeetingAsync();
        using var menteeClient = await factory.Data.SignInAsync(mentee);

        Assert.Contains("Rate this meeting", await menteeClient.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
        var form = await Forms.ParseHtmlAsync(await menteeClient.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}/rating"));
        Assert.Equal("How useful was this meeting?", form.QuerySelector("fieldset legend")!.TextContent.Trim());
        Assert.Equal("5 — Very useful", form.QuerySelector("label[for=Usefulness-5]")!.TextContent.Trim());
        Assert.Equal("1 — Not useful", form.QuerySelector("label[for=Usefulness]")!.TextContent.Trim());

        using (var response = await RateAsync(menteeClient, pairingId, meetingId, "4", "Good on rota planning."))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        using (var response = await RateAsync(menteeClient, pairingId, meetingId, "5", "Even better on reflection."))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var rating = Assert.Single(await RatingsAsync(meetingId));
        Assert.Equal(5, rating.Usefulness);
        Assert.Equal(SurveyRespondent.Mentee, rating.Rater);
        Assert.Contains("You rated it 5 of 5.", await menteeClient.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
        var history = (await Forms.ParseHtmlAsync(await menteeClient.GetAsync("/me/ratings"))).Body!.TextContent;
        Assert.Contains("5 of 5 — Very useful", history, StringComparison.Ordinal);
        Assert.Contains("Even better on reflection.", history, StringComparison.Ordinal);
        Assert.Contains(mentor.Name, history, StringComparison.Ordinal);

        // The mentor sees neither the value nor the comment, and has their own empty history.
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        var mentorPage = await mentorClient.GetStringAsync($"/pairings/{pairingId}");
        Assert.Contains("Rate this meeting", mentorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Even better on reflection.", mentorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("rated it", mentorPage, StringComparison.Ordinal);
        Assert.Contains("You have not rated a meeting yet.", await mentorClient.GetStringAsync("/me/ratings"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("very")]
    public async Task Rate_OutsideOneToFive_IsRefusedBesideTheField(string usefulness)
    {
        var (_, mentee, pairingId, meetingId) = await HeldMeetingAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await RateAsync(client, pairingId, meetingId, usefulness);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Choose how useful the meeting was, from 1 to 5.", page.QuerySelector("fieldset")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Usefulness']"));
        Assert.Empty(await RatingsAsync(meetingId));
    }

    [Fact]
    public async Task Rate_APlannedMeeting_IsRefused()
    {
        var (_, mentee, pairingId, meetingId) = await HeldMeetingAsync(at: DateTime.UtcNow.AddDays(4), held: false);
        using var client = await factory.Data.SignInAsync(mentee);

        Assert.DoesNotContain("Rate this meeting", await client.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
        using var get = await client.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}/rating");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);

        var home = await Forms.ParseHtmlAsync(await client.GetAsync("/me"));
        var token = home.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        using var post = await client.PostAsync($"/pairings/{pairingId}/meetings/{meetingId}/rating", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Usefulness"] = "4", [Forms.AntiforgeryField] = token }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Empty(await RatingsAsync(meetingId));
    }

    [Fact]
    public async Task AnotherPairingsMeeting_IsNotFound_ForStrangersAndAdministrators_AndTokenlessPostsAreRefused()
    {
        var (_, mentee, pairingId, meetingId) = await HeldMeetingAsync();
        var (_, otherMentee, otherPairingId, _) = await HeldMeetingAsync();
        var admin = await factory.Data.AdministratorAsync();

        foreach (var person in new[] { otherMentee, admin })
        {
            using var client = await factory.Data.SignInAsync(person);
            using var get = await client.GetAsync($"/pairings/{pairingId}/meetings/{meetingId}/rating");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            var home = await Forms.ParseHtmlAsync(await client.GetAsync("/me"));
            var token = home.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
            using var post = await client.PostAsync($"/pairings/{pairingId}/meetings/{meetingId}/rating", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["Usefulness"] = "1", [Forms.AntiforgeryField] = token }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        // The meeting exists, but not in this member's own other pairing either.
        using var member = await factory.Data.SignInAsync(otherMentee);
        using var wrongPairing = await member.GetAsync($"/pairings/{otherPairingId}/meetings/{meetingId}/rating");
        Assert.Equal(HttpStatusCode.NotFound, wrongPairing.StatusCode);

        using var owner = await factory.Data.SignInAsync(mentee);
        using var tokenless = await owner.PostAsync($"/pairings/{pairingId}/meetings/{meetingId}/rating",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Usefulness"] = "3" }));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Empty(await RatingsAsync(meetingId));
    }

    [Fact]
    public async Task Report_ShowsAggregatesFromFive_SuppressesSmallerGroups_AndNeverTheComments()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var small = await factory.Data.ProgrammeAsync();
        var at = new DateTime(2025, 3, 12, 10, 0, 0, DateTimeKind.Utc);
        int[] menteeValues = [5, 4, 4, 3, 5, 2];
        for (var i = 0; i < menteeValues.Length; i++)
        {
            var (mentor, mentee, pairingId, meetingId) = await HeldMeetingAsync(programme, at.AddDays(i));
            using var client = await factory.Data.SignInAsync(mentee);
            using var _ = await RateAsync(client, pairingId, meetingId, menteeValues[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Secret comment {i}");
            if (i < 2)
            {
                using var mentorClient = await factory.Data.SignInAsync(mentor);
                using var __ = await RateAsync(mentorClient, pairingId, meetingId, "3", "Mentor secret");
            }
        }

        for (var i = 0; i < 3; i++)
        {
            var (_, mentee, pairingId, meetingId) = await HeldMeetingAsync(small, at);
            using var client = await factory.Data.SignInAsync(mentee);
            using var _ = await RateAsync(client, pairingId, meetingId, "5");
        }

        var admin = await factory.Data.AdministratorAsync(programme, small);
        using var adminClient = await factory.Data.SignInAsync(admin);
        const string period = "from=2025-01-01&to=2025-12-31";
        var page = await Forms.ParseHtmlAsync(await adminClient.GetAsync($"/admin/reports/evaluation?programme={programme.Slug}&{period}"));

        // 8 ratings: 5,4,4,3,5,2 from mentees and 3,3 from mentors: average 29/8; mentors are fewer than five, so no split.
        var rows = page.QuerySelectorAll("#meeting-ratings-table tbody tr")
            .Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        var everyone = Assert.Single(rows);
        Assert.Equal(["Everyone", "8", "3.6", "0", "1", "3", "2", "2"], everyone);
        Assert.Contains("Mentees and mentors are not shown apart", page.QuerySelector("#meeting-ratings-table")!.ParentElement!.TextContent,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Secret comment", page.Body!.TextContent, StringComparison.Ordinal);

        var csv = await adminClient.GetStringAsync($"/admin/reports/evaluation.csv?programme={programme.Slug}&{period}");
        Assert.Contains($"{EvaluationReportCsv.MeetingRatingsSection},{EvaluationReportCsv.MeetingRatingsMeasure},All,8,3.63,0,1,3,2,2,", csv,
            StringComparison.Ordinal);
        Assert.Contains($"{EvaluationReportCsv.MeetingRatingsSection},{EvaluationReportCsv.MeetingRatingsMeasure},Mentors,,,,,,,,{Suppressed}", csv,
            StringComparison.Ordinal);
        Assert.DoesNotContain("secret", csv, StringComparison.OrdinalIgnoreCase);

        // Another period holds none of these meetings.
        var before = await Forms.ParseHtmlAsync(await adminClient.GetAsync($"/admin/reports/evaluation?programme={programme.Slug}&from=2024-01-01&to=2024-12-31"));
        Assert.Null(before.QuerySelector("#meeting-ratings-table"));

        var smallPage = await Forms.ParseHtmlAsync(await adminClient.GetAsync($"/admin/reports/evaluation?programme={small.Slug}&{period}"));
        Assert.Null(smallPage.QuerySelector("#meeting-ratings-table"));
        Assert.Contains($"Meeting ratings: {Suppressed}.", smallPage.Body!.TextContent, StringComparison.Ordinal);
        var smallCsv = await adminClient.GetStringAsync($"/admin/reports/evaluation.csv?programme={small.Slug}&{period}");
        Assert.Contains($"{EvaluationReportCsv.MeetingRatingsSection},{EvaluationReportCsv.MeetingRatingsMeasure},All,,,,,,,,{Suppressed}", smallCsv,
            StringComparison.Ordinal);
    }
}
