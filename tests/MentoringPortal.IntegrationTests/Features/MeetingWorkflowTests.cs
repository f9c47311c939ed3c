using System.Globalization;
using System.Net;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// The meeting workflows (plan, change, cancel, log as held) over HTTP on PostgreSQL: another pairing's
/// meetings are a plain 404, and a refused step shows its reason and changes nothing.
/// </summary>
public sealed class MeetingWorkflowTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly TimeZoneInfo Uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task AnotherPairingsMeeting_EveryPostIs404_AndNothingChanges()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        var meetingId = await MeetingAsync(pairingId, DateTime.UtcNow.AddDays(5));
        var outsider = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(outsider);

        foreach (var path in new[] { $"/pairings/{pairingId}/meetings/new", $"/pairings/{pairingId}/meetings/{meetingId}/edit",
            $"/pairings/{pairingId}/meetings/{meetingId}/cancel", $"/pairings/{pairingId}/meetings/{meetingId}/held" })
        {
            using var response = await PostAsync(client, path, ValidSchedule());
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {response.StatusCode}");
        }

        var meeting = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.PairingId == pairingId));
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == mentor.Email || m.To == mentee.Email)));
    }

    [Fact]
    public async Task LogAsHeld_BeforeTheMeetingStarts_ShowsTheReason_AndChangesNothing()
    {
        var (mentor, _, pairingId) = await PairedAsync();
        var meetingId = await MeetingAsync(pairingId, DateTime.UtcNow.AddDays(5));
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await PostAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/held",
            new Dictionary<string, string> { ["AgreedActions"] = "Read the guidance", ["Note"] = "Too early" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        Assert.Contains("A meeting can be logged as held only after it has started.", document.QuerySelector(".error-summary")!.TextContent,
            StringComparison.Ordinal);
        var meeting = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.Null(meeting.AgreedActions);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.MeetingNotes.CountAsync(n => n.MeetingId == meetingId)));
    }

    [Fact]
    public async Task LogAsHeld_EmptyingAWrittenNote_ShowsTheMessageBesideTheNote_AndKeepsIt()
    {
        var (mentor, _, pairingId) = await PairedAsync();
        var meetingId = await MeetingAsync(pairingId, DateTime.UtcNow.AddDays(-2));
        using var client = await factory.Data.SignInAsync(mentor);
        using (var first = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/held",
            new Dictionary<string, string> { ["Note"] = "Kept note" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/held",
            new Dictionary<string, string> { ["Note"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Your note cannot be left empty once written.", document.QuerySelector("#Note-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept note", await factory.Data.QueryAsync(db => db.MeetingNotes.Where(n => n.MeetingId == meetingId).Select(n => n.Text).SingleAsync()));
    }

    [Fact]
    public async Task CancelTwice_TheSecondShowsTheReason_AndSendsNoMoreEmail()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        var meetingId = await MeetingAsync(pairingId, DateTime.UtcNow.AddDays(5));
        using var client = await factory.Data.SignInAsync(mentee);
        using (var first = await PostAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/cancel", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal($"/pairings/{pairingId}", first.Headers.Location!.OriginalString);
        }

        using var second = await PostAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/cancel", []);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var document = await Forms.ParseHtmlAsync(second);
        Assert.Contains("This meeting has already been cancelled.", document.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == mentor.Email)));
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == mentee.Email)));
    }

    [Fact]
    public async Task ChangeACancelledMeeting_GoesBackToThePairingWithTheProblem_AndChangesNothing()
    {
        var (mentor, _, pairingId) = await PairedAsync();
        var meetingId = await MeetingAsync(pairingId, DateTime.UtcNow.AddDays(5), cancelled: true);
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await PostAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/edit", ValidSchedule());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/pairings/{pairingId}", response.Headers.Location!.OriginalString);
        using var page = await client.GetAsync($"/pairings/{pairingId}");
        Assert.Contains("That meeting can no longer be changed.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var meeting = await factory.Data.QueryAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId));
        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal(MeetingModes.FaceToFace, meeting.Mode);
    }

    private static Dictionary<string, string> ValidSchedule() => new()
    {
        ["Date"] = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Uk)).AddDays(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Time"] = "10:00",
        ["DurationMinutes"] = "60",
        ["Mode"] = "Video",
        ["Note"] = "Intruder",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> values)
    {
        using var page = await client.GetAsync("/me");
        var document = await Forms.ParseHtmlAsync(page);
        values[Forms.AntiforgeryField] = document.QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(path, content);
    }

    private async Task<(Person Mentor, Person Mentee, int PairingId)> PairedAsync()
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        await factory.Data.PairAsync(mentee, mentor);
        var pairingId = await factory.Data.QueryAsync(db => db.Pairings
            .Where(m => m.MenteeId == mentee.Id && m.Status == PairingStatus.Active).Select(m => m.Id).SingleAsync());
        return (mentor, mentee, pairingId);
    }

    /// <summary>A meeting planned through the domain, which (unlike the web form) takes past times.</summary>
    private Task<int> MeetingAsync(int pairingId, DateTime startsAt, bool cancelled = false) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await db.Pairings.Include(m => m.Meetings).SingleAsync(m => m.Id == pairingId);
        var meeting = pairing.PlanMeeting(DateTime.SpecifyKind(startsAt, DateTimeKind.Utc), 60, MeetingModes.FaceToFace, null);
        if (cancelled)
        {
            meeting.Cancel(DateTime.UtcNow);
        }

        await db.SaveChangesAsync();
        return meeting.Id;
    });
}
