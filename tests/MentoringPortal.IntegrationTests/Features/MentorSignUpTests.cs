using System.Net;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The app with a settable clock, for training that expires.</summary>
public sealed class MentorsPortal() : PortalFactory(new PortalFactoryOptions { Clock = new TestClock() });

/// <summary>A signed-in person offers to mentor; the offer waits for the scheme before they are listed.</summary>
public sealed class MentorSignUpTests(MentorsPortal factory) : IClassFixture<MentorsPortal>
{
    [Fact]
    public async Task SignUp_Anonymous_IsSentToSignInAndBack()
    {
        using var client = factory.CreateClientNoRedirect();

        using var response = await client.GetAsync("/mentor/sign-up");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("/account/login", location, StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=%2Fmentor%2Fsign-up", location, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignUp_AsMentee_WaitsForApproval_AndIsNotListed()
    {
        var mentee = await factory.Data.MenteeAsync();
        var programmeId = (await factory.Data.SharedProgrammeAsync()).Id;
        using var client = await factory.Data.SignInAsync(mentee);
        var me = await (await client.GetAsync("/me")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/mentor/sign-up\"", me, StringComparison.Ordinal);
        var form = await (await client.GetAsync("/mentor/sign-up")).Content.ReadAsStringAsync();
        Assert.Contains("risk of harm", form, StringComparison.Ordinal);
        Assert.Contains("illegal", form, StringComparison.Ordinal);

        var name = Unique.Name("Dr Offering");
        using (var sent = await Forms.SubmitAsync(client, "/mentor/sign-up", SignUpValues(name, programmeId)))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/mentor/sign-up", sent.Headers.Location?.OriginalString);
        }

        var mentor = await factory.Data.QueryAsync(db => db.Mentors.Include(m => m.Programmes).SingleAsync(m => m.DisplayName == name));
        Assert.Equal(MentorApproval.Waiting, mentor.Approval);
        Assert.Equal("2-day mentor course, March 2025", mentor.TrainingDeclared);
        Assert.Equal(3, mentor.Capacity);
        Assert.Equal([programmeId], mentor.Programmes.Select(p => p.Id));

        var waiting = await (await client.GetAsync("/mentor/sign-up")).Content.ReadAsStringAsync();
        Assert.Contains("waiting for approval", waiting, StringComparison.Ordinal);
        Assert.Contains("2-day mentor course, March 2025", waiting, StringComparison.Ordinal);
        Assert.Contains("waiting for the scheme", await (await client.GetAsync("/me")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var anonymous = factory.CreateClientNoRedirect();
        var directory = await (await anonymous.GetAsync("/mentors?q=" + Uri.EscapeDataString(name))).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"href=\"/mentors/{mentor.Id}\"", directory, StringComparison.Ordinal);
        using var profile = await anonymous.GetAsync($"/mentors/{mentor.Id}");
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
    }

    [Fact]
    public async Task SignUp_WithoutAProgramme_ErrorBesideTheField_AndNothingIsCreated()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var name = Unique.Name("Dr Undecided");
        var values = SignUpValues(name, programmeId: null).Where(v => v.Key != "Capacity").Append(new("Capacity", "11"));

        using var response = await Forms.SubmitAsync(client, "/mentor/sign-up", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.NotNull(page.QuerySelector("#ProgrammeIds-error"));
        Assert.NotNull(page.QuerySelector("#Capacity-error"));
        Assert.False(await factory.Data.QueryAsync(db => db.Mentors.AnyAsync(m => m.DisplayName == name)));
    }

    [Fact]
    public async Task Approved_SignUpPage_SendsTheMentorToTheirAvailability_WithTheNewRole()
    {
        var mentee = await factory.Data.MenteeAsync();
        var programmeId = (await factory.Data.SharedProgrammeAsync()).Id;
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        var name = Unique.Name("Dr Soon Mentor");
        using (var sent = await Forms.SubmitAsync(client, "/mentor/sign-up", SignUpValues(name, programmeId)))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var mentorId = await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.DisplayName == name).Select(m => m.Id).SingleAsync());
        using (var adminClient = await factory.Data.SignInAsync(admin))
        using (var approved = await Forms.SubmitAsync(adminClient, $"/admin/mentors/{mentorId}/approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        // A role change ends the person's sessions: signed in again, they are a mentor.
        using (var ended = await client.GetAsync("/mentor/sign-up"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
            Assert.Contains(Forms.LoginPath, ended.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var again = await factory.Data.SignInAsync(mentee);
        using var signUp = await again.GetAsync("/mentor/sign-up");
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        Assert.Equal("/mentor/availability", signUp.Headers.Location?.OriginalString);
        using var availability = await again.GetAsync("/mentor/availability");
        Assert.Equal(HttpStatusCode.OK, availability.StatusCode);
        Assert.True(await factory.Data.IsInRoleAsync(mentee.Email, Roles.Mentee));
    }

    private static List<KeyValuePair<string, string>> SignUpValues(string name, int? programmeId)
    {
        var values = new List<KeyValuePair<string, string>>
        {
            new("DisplayName", name),
            new("Specialty", ProfileOptions.Specialties[0]),
            new("Grade", ProfileOptions.Grades[6]),
            new("Region", ProfileOptions.Regions[0]),
            new("Background", ProfileOptions.Backgrounds[0]),
            new("Expertise", "Exams and returning after time away"),
            new("Bio", "I came back to training after two years away and would like to help others do the same."),
            new("MeetingModes", nameof(MeetingModes.Video)),
            new("Capacity", "3"),
            new("TrainingDeclared", "2-day mentor course, March 2025"),
        };
        if (programmeId is { } id)
        {
            values.Add(new("ProgrammeIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return values;
    }
}
