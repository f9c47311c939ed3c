using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features.Hardening;

/// <summary>Only administrators whose scope covers the programme are emailed (issue 10, item 9).</summary>
public sealed class AdministratorRecipientsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ChangeRequest_EmailsAdministratorsOfThatProgrammeAndOfEveryProgramme_NotOfOthers()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var otherProgramme = await factory.Data.ProgrammeAsync();
        var ofProgramme = await factory.Data.AdministratorAsync(programme);
        var ofBoth = await factory.Data.AdministratorAsync(otherProgramme, programme);
        var ofOther = await factory.Data.AdministratorAsync(otherProgramme);
        var ofEvery = await factory.Data.AdministratorAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor);

        using var client = await factory.Data.SignInAsync(mentee);
        using (var sent = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/change", new Dictionary<string, string>
        {
            ["Reason"] = "We cannot find times to meet.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var told = await factory.Data.QueryAsync(db => db.OutboxMessages
            .Where(m => m.Subject.Contains("change request")).Select(m => m.To).ToListAsync());
        Assert.Contains(told, to => to.Contains(ofProgramme.Email, StringComparison.Ordinal));
        Assert.Contains(told, to => to.Contains(ofBoth.Email, StringComparison.Ordinal));
        Assert.Contains(told, to => to.Contains(ofEvery.Email, StringComparison.Ordinal));
        Assert.DoesNotContain(told, to => to.Contains(ofOther.Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfProgrammes_IsTheOneQuery_ForEveryAdministratorEmail()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var otherProgramme = await factory.Data.ProgrammeAsync();
        var ofProgramme = await factory.Data.AdministratorAsync(programme);
        var ofOther = await factory.Data.AdministratorAsync(otherProgramme);
        var ofEvery = await factory.Data.AdministratorAsync();

        var recipients = await factory.Data.QueryAsync(db => db.OfProgrammesAsync([programme.Id], CancellationToken.None));
        var everyProgramme = await factory.Data.QueryAsync(db => db.OfEveryProgrammeAsync(CancellationToken.None));

        Assert.Contains(recipients, r => r.Email == ofProgramme.Email && r.Name == ofProgramme.Name);
        Assert.Contains(recipients, r => r.Email == ofEvery.Email);
        Assert.DoesNotContain(recipients, r => r.Email == ofOther.Email);
        Assert.Contains(everyProgramme, r => r.Email == ofEvery.Email);
        Assert.DoesNotContain(everyProgramme, r => r.Email == ofProgramme.Email);
    }
}
