using System.Net;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

public sealed class EmptySqlitePortal() : SqlitePortal(seedDemoData: false);

/// <summary>The pairing pages' queries (name search, overdue facts) and a reassignment on the embedded SQLite provider.</summary>
public sealed class AdminPairingsSqliteTests(EmptySqlitePortal portal) : IClassFixture<EmptySqlitePortal>
{
    [Fact]
    public async Task PairingPages_AndReassignment_WorkOnSqlite()
    {
        var programme = await portal.Data.ProgrammeAsync();
        var oldMentor = await portal.Data.MentorAsync(programme);
        var newMentor = await portal.Data.MentorAsync(programme);
        var mentee = await portal.Data.MenteeAsync(programme);
        var pairingId = await portal.Data.PairAsync(mentee, oldMentor, DateTime.UtcNow.AddYears(-1));
        await portal.Data.AskForChangeAsync(pairingId, byMentee: true, "We have not met for a year.");
        var admin = await portal.Data.AdministratorAsync();
        using var client = await portal.Data.SignInAsync(admin);

        var found = await client.GetStringAsync($"/admin/pairings?overdue=true&q={Uri.EscapeDataString(mentee.Name.ToUpperInvariant())}");
        Assert.Contains("1 pairing", found, StringComparison.Ordinal);
        Assert.Contains($"/admin/pairings/{pairingId}", found, StringComparison.Ordinal);

        // 17 weeks without a held meeting and one planned in 10 weeks: overdue, on the list and /me; a past meeting waits for an answer.
        var plannedMentor = await portal.Data.MentorAsync(programme);
        var plannedMentee = await portal.Data.MenteeAsync(programme);
        var plannedId = await portal.Data.PairAsync(plannedMentee, plannedMentor, DateTime.UtcNow.AddDays(-7 * 17));
        await portal.Data.MeetingAsync(plannedId, DateTime.UtcNow.AddDays(7 * 10));
        await portal.Data.MeetingAsync(plannedId, DateTime.UtcNow.AddDays(-3));
        var overdue = await client.GetStringAsync($"/admin/pairings?overdue=true&programme={programme.Id}");
        Assert.Contains("2 pairings", overdue, StringComparison.Ordinal);
        Assert.Contains($"/admin/pairings/{plannedId}", overdue, StringComparison.Ordinal);
        using (var menteeClient = await portal.Data.SignInAsync(plannedMentee))
        {
            var me = await menteeClient.GetStringAsync("/me");
            Assert.Contains("No meeting has been held in the last 8 weeks", me, StringComparison.Ordinal);
            Assert.Contains("Did this meeting happen?", me, StringComparison.Ordinal);
            Assert.Contains("Overdue: no meeting held within 8 weeks", await menteeClient.GetStringAsync($"/pairings/{plannedId}"), StringComparison.Ordinal);
        }

        Assert.Contains("We have not met for a year.", await client.GetStringAsync("/admin/change-requests"), StringComparison.Ordinal);
        Assert.Contains(newMentor.Name, await client.GetStringAsync($"/admin/pairings/{pairingId}/reassign"), StringComparison.Ordinal);

        using var response = await Forms.SubmitAsync(client, $"/admin/pairings/{pairingId}/reassign/{newMentor.Id}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var statuses = await portal.Data.QueryAsync(db => db.Pairings.Where(m => m.MenteeId == mentee.Id)
            .OrderBy(m => m.Id).Select(m => m.Status).ToListAsync());
        Assert.Equal([PairingStatus.Ended, PairingStatus.Active], statuses);
        await portal.Mailbox.WaitForAsync(oldMentor.Email);
    }
}
