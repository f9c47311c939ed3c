using MentoringPortal.Domain.Evaluation;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The demo data shows an agreed agreement, one waiting for the mentee, and meeting ratings the pilot's report can show.</summary>
public sealed class AgreementsAndRatingsDemoTests
{
    [Fact]
    public async Task Demo_HasAnAgreedAgreement_ADraftWaiting_AndRatingsInTheReport()
    {
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions { SeedDemoData = true });

        using (var mentee3 = await factory.CreateSignedInClientAsync("mentee3@demo.test", Web.Data.DemoSeed.Password))
        {
            var pairingId = await PairingOfAsync(factory, "mentee3@demo.test");
            var page = (await Forms.ParseHtmlAsync(await mentee3.GetAsync($"/pairings/{pairingId}"))).Body!.TextContent;
            Assert.Contains("Agreed on", page, StringComparison.Ordinal);
            Assert.Contains("You rated it 5 of 5.", page, StringComparison.Ordinal);
        }

        using (var mentee4 = await factory.CreateSignedInClientAsync("mentee4@demo.test", Web.Data.DemoSeed.Password))
        {
            var pairingId = await PairingOfAsync(factory, "mentee4@demo.test");
            var page = (await Forms.ParseHtmlAsync(await mentee4.GetAsync($"/pairings/{pairingId}/agreement"))).Body!.TextContent;
            Assert.Contains("Waiting for you to confirm", page, StringComparison.Ordinal);
        }

        using var admin = await factory.CreateSignedInClientAsync("admin2@demo.test", Web.Data.DemoSeed.Password);
        var report = await Forms.ParseHtmlAsync(await admin.GetAsync("/admin/reports/evaluation"));
        Assert.NotNull(report.QuerySelector("#meeting-ratings-table"));

        // Return to Training has too few ratings to show.
        var returnToTraining = await factory.Data.QueryAsync(db =>
            db.MeetingRatings.CountAsync(r => db.Programmes.Any(p => p.Id == r.ProgrammeId && p.Slug == "return-to-training")));
        Assert.InRange(returnToTraining, 1, EvaluationSummary.MinimumGroupSize - 1);
    }

    private static Task<int> PairingOfAsync(PortalFactory factory, string menteeEmail) => factory.Data.QueryAsync(db =>
        db.Pairings.Where(p => p.Status == Domain.Pairings.PairingStatus.Active && db.Users.Any(u => u.Id == p.Mentee!.UserId && u.Email == menteeEmail))
            .Select(p => p.Id).SingleAsync());
}
