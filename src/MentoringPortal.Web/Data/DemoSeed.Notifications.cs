using MentoringPortal.Domain.Notifications;
using MentoringPortal.Domain.Pairings;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

/// <summary>
/// mentee5 reads messages and meeting news in a daily digest and has two items waiting for the next one; the
/// administrator has written once to the Return to Training programme.
/// </summary>
public sealed partial class DemoSeed
{
    private async Task SeedNotificationsAsync(Pairing pairing, int programmeId, DateTime now)
    {
        var menteeUserId = pairing.Mentee!.UserId!;
        var settings = new NotificationSettings(menteeUserId);
        settings.Choose(EmailKind.Messages, EmailDelivery.Digest);
        settings.Choose(EmailKind.Meetings, EmailDelivery.Digest);
        settings.Choose(EmailKind.SchemeNews, EmailDelivery.Off);
        db.NotificationSettings.Add(settings);

        var mentorName = pairing.Mentor!.DisplayName;
        db.DigestItems.Add(new DigestItem(menteeUserId, EmailKind.Messages, $"A message from {mentorName} is waiting for you",
            $"/pairings/{pairing.Id}#messages", now.AddDays(-1)));
        db.DigestItems.Add(new DigestItem(menteeUserId, EmailKind.Meetings, "Time to arrange your next mentoring meeting",
            $"/pairings/{pairing.Id}", now.AddHours(-3)));

        var administratorId = await db.Users.Where(u => u.NormalizedEmail == "ADMIN@DEMO.TEST").Select(u => u.Id).SingleAsync();
        db.Broadcasts.Add(new Broadcast(Guid.NewGuid(), programmeId, administratorId, BroadcastAudience.Mentors, "Mentor course dates for next year",
            "Dear mentors,\n\nThe two-day mentor course runs again in March and September.\nAsk us for a place.", 40, now.AddDays(-7)));
        await db.SaveChangesAsync();
    }
}
