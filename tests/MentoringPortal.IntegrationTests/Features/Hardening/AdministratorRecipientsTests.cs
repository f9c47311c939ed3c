using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>Only administrators whose scope covers the programme are emailed (issue 10, item 9).</summary>
public sealed class AdministratorRecipientsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ChangeRequest_EmailsAdministratorsOfThatProgrammeAndOfEveryProgramme_NotOfOthers()
    {
        var programme = await AdminPairingsData.ProgrammeAsync(factory);
        var otherProgramme = await AdminPairingsData.ProgrammeAsync(factory);
        var ofProgramme = await AdminData.AdministratorOfAsync(factory, programme);
        var ofBoth = await AdminData.AdministratorOfAsync(factory, otherProgramme, programme);
        var ofOther = await AdminData.AdministratorOfAsync(factory, otherProgramme);
        var ofEvery = await PortalData.AdministratorAsync(factory);
        var mentor = await AdminPairingsData.MentorAsync(factory, programme);
        var mentee = await AdminPairingsData.MenteeAsync(factory, programme);
        var pairingId = await AdminPairingsData.PairAsync(factory, programme, mentee, mentor);

        using var client = await factory.CreateSignedInClientAsync(mentee.Email, PortalData.Password);
        using (var sent = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/change", new Dictionary<string, string>
        {
            ["Reason"] = "We cannot find times to meet.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var told = await PortalData.QueryAsync(factory, db => db.OutboxMessages
            .Where(m => m.Subject.Contains("change request")).Select(m => m.To).ToListAsync());
        Assert.Contains(told, to => to.Contains(ofProgramme.Email, StringComparison.Ordinal));
        Assert.Contains(told, to => to.Contains(ofBoth.Email, StringComparison.Ordinal));
        Assert.Contains(told, to => to.Contains(ofEvery.Email, StringComparison.Ordinal));
        Assert.DoesNotContain(told, to => to.Contains(ofOther.Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfProgrammes_IsTheOneQuery_ForEveryAdministratorEmail()
    {
        var programme = await AdminPairingsData.ProgrammeAsync(factory);
        var otherProgramme = await AdminPairingsData.ProgrammeAsync(factory);
        var ofProgramme = await AdminData.AdministratorOfAsync(factory, programme);
        var ofOther = await AdminData.AdministratorOfAsync(factory, otherProgramme);
        var ofEvery = await PortalData.AdministratorAsync(factory);

        var recipients = await PortalData.QueryAsync(factory, db => db.OfProgrammesAsync([programme.Id], CancellationToken.None));
        var everyProgramme = await PortalData.QueryAsync(factory, db => db.OfEveryProgrammeAsync(CancellationToken.None));

        Assert.Contains(recipients, r => r.Email == ofProgramme.Email && r.Name == ofProgramme.Name);
        Assert.Contains(recipients, r => r.Email == ofEvery.Email);
        Assert.DoesNotContain(recipients, r => r.Email == ofOther.Email);
        Assert.Contains(everyProgramme, r => r.Email == ofEvery.Email);
        Assert.DoesNotContain(everyProgramme, r => r.Email == ofProgramme.Email);
    }
}
