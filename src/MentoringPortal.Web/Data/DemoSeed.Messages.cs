using MentoringPortal.Domain.Pairings;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

/// <summary>
/// A short exchange of private messages between mentee5 and mentor5, the last two of which mentee5
/// has not read yet; mentor5 shares a phone number (from the range set aside for drama, never a real line).
/// </summary>
public sealed partial class DemoSeed
{
    private async Task SeedMessagesAsync(Pairing pairing, DateTime now)
    {
        var menteeUserId = pairing.Mentee!.UserId!;
        var mentorUserId = pairing.Mentor!.UserId!;
        var read = new[]
        {
            (menteeUserId, "Thank you for our first meeting. I have written down the three things we agreed, and I have asked my educational supervisor about a phased return to nights.", now.AddDays(-25)),
            (mentorUserId, "That sounds a sensible first step. Let me know what they say, and do bring any questions about the rota to our next meeting.", now.AddDays(-24)),
            (menteeUserId, "They agreed to two weeks of day shifts first. I feel much better about it already.", now.AddDays(-10)),
        };
        foreach (var (sender, text, sentAt) in read)
        {
            var message = PairingMessage.Write(pairing, sender, text, sentAt);
            message.MarkReadBy(message.RecipientUserId, sentAt.AddHours(3));
            db.PairingMessages.Add(message);
        }

        var unread = new[]
        {
            ("Good news. Before we meet, could you think about which parts of the acute take you would like to practise first?", now.AddDays(-2)),
            ("And I have found the simulation course I mentioned: I will bring the details next time.", now.AddDays(-1)),
        };
        foreach (var (text, sentAt) in unread)
        {
            var message = PairingMessage.Write(pairing, mentorUserId, text, sentAt);
            message.RecordEmailed();
            db.PairingMessages.Add(message);
        }

        var mentorUser = await db.Users.SingleAsync(u => u.Id == mentorUserId);
        mentorUser.PhoneNumber = "07700 900505";
        await db.SaveChangesAsync();
    }
}
