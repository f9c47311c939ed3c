using System.Globalization;
using System.Net;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Journey 9 over HTTP: administrators approve mentors and keep their training records; expired training unlists.</summary>
public sealed class AdminMentorsTests(MentorsPortal factory) : IClassFixture<MentorsPortal>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    private TestClock Clock => factory.Clock!;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Approve_AddsTheMentorRole_EmailsAndAudits_ThenRecordedTrainingListsThem()
    {
        var volunteer = await factory.Data.MentorAsync(approved: false);
        var programmeId = (await factory.Data.SharedProgrammeAsync()).Id;
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        var waiting = await (await client.GetAsync("/admin/mentors?status=waiting&q=" + Uri.EscapeDataString(volunteer.Name))).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/admin/mentors/{volunteer.Id}\"", waiting, StringComparison.Ordinal);
        var confirm = await (await client.GetAsync($"/admin/mentors/{volunteer.Id}/approve")).Content.ReadAsStringAsync();
        Assert.Contains($"This will email {volunteer.Name} at {volunteer.Email}", confirm, StringComparison.Ordinal);

        using (var approved = await Forms.SubmitAsync(client, $"/admin/mentors/{volunteer.Id}/approve"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.Equal(MentorApproval.Approved, (await factory.Data.LoadMentorAsync(volunteer.Id)).Approval);
        Assert.True(await factory.Data.IsInRoleAsync(volunteer.Email, Roles.Mentor));
        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(volunteer.Email) && m.Subject == "You have been approved as a mentor", MailWait);
        Assert.Contains("/mentor/sign-up", email.LinkContaining("/mentor/sign-up"), StringComparison.Ordinal);
        Assert.Single(await AuditAsync(AuditActions.MentorApproved, volunteer), a => a.ProgrammeId == programmeId);
        Assert.False(await ListedAsync(volunteer));

        using (var recorded = await Forms.SubmitAsync(client, $"/admin/mentors/{volunteer.Id}", new Dictionary<string, string>
        {
            ["CompletedOn"] = Today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, formAction: $"/admin/mentors/{volunteer.Id}/training"))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        var mentor = await factory.Data.LoadMentorAsync(volunteer.Id);
        Assert.Equal(Today.AddDays(-7), mentor.TrainingCompletedOn);
        Assert.True(Assert.Single(mentor.Training).IsSchemeCourse);
        Assert.True(await ListedAsync(volunteer));
        var audit = Assert.Single(await AuditAsync(AuditActions.TrainingRecorded, volunteer));
        Assert.StartsWith(Mentor.SchemeCourseName + ", completed", audit.After, StringComparison.Ordinal);
        var details = await (await client.GetAsync($"/admin/mentors/{volunteer.Id}")).Content.ReadAsStringAsync();
        Assert.Contains(Mentor.SchemeCourseName, details, StringComparison.Ordinal);
        Assert.Contains(admin.Name, details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordTraining_InTheFuture_ErrorBesideTheField_AndNothingRecorded()
    {
        var volunteer = await factory.Data.MentorAsync(approved: false);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        using var response = await Forms.SubmitAsync(client, $"/admin/mentors/{volunteer.Id}", new Dictionary<string, string>
        {
            ["CompletedOn"] = Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, formAction: $"/admin/mentors/{volunteer.Id}/training");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Forms.ParseHtmlAsync(response)).QuerySelector("#CompletedOn-error"));
        Assert.Empty((await factory.Data.LoadMentorAsync(volunteer.Id)).Training);
    }

    [Fact]
    public async Task Decline_RequiresAMessage_EmailsIt_AndThePersonCanChangeAndResubmit()
    {
        var volunteer = await factory.Data.MentorAsync(approved: false);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        using (var empty = await Forms.SubmitAsync(client, $"/admin/mentors/{volunteer.Id}/decline", new Dictionary<string, string> { ["Message"] = " " }))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.NotNull((await Forms.ParseHtmlAsync(empty)).QuerySelector("#Message-error"));
            Assert.Equal(MentorApproval.Waiting, (await factory.Data.LoadMentorAsync(volunteer.Id)).Approval);
        }

        const string message = "Thank you. Please complete the 2-day mentor course first, then sign up again.";
        using (var declined = await Forms.SubmitAsync(client, $"/admin/mentors/{volunteer.Id}/decline", new Dictionary<string, string> { ["Message"] = message }))
        {
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        }

        Assert.Equal(MentorApproval.Declined, (await factory.Data.LoadMentorAsync(volunteer.Id)).Approval);
        var email = await factory.Mailbox.WaitForAsync(m => m.IsTo(volunteer.Email) && m.Subject == "About your offer to mentor", MailWait);
        Assert.Contains(message, email.TextBody, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(AuditActions.MentorDeclined, volunteer));

        using var person = await factory.Data.SignInAsync(volunteer);
        var page = await (await person.GetAsync("/mentor/sign-up")).Content.ReadAsStringAsync();
        Assert.Contains(message, page, StringComparison.Ordinal);
        using (var resubmitted = await Forms.SubmitAsync(person, "/mentor/sign-up", new Dictionary<string, string>
        {
            ["TrainingDeclared"] = "Booked on the 2-day course in May",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        }

        var mentor = await factory.Data.LoadMentorAsync(volunteer.Id);
        Assert.Equal(MentorApproval.Waiting, mentor.Approval);
        Assert.Equal("Booked on the 2-day course in May", mentor.TrainingDeclared);
        Assert.Null(mentor.DeclineMessage);
    }

    [Fact]
    public async Task ExpiredTraining_RemovesTheMentorFromTheDirectory()
    {
        var mentor = await factory.Data.MentorAsync(trainingExpiresOn: Today.AddYears(1));
        var admin = await factory.Data.AdministratorAsync();
        using (var client = await factory.Data.SignInAsync(admin))
        using (var recorded = await Forms.SubmitAsync(client, $"/admin/mentors/{mentor.Id}", new Dictionary<string, string>
        {
            ["CompletedOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ExpiresOn"] = Today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, formAction: $"/admin/mentors/{mentor.Id}/training"))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        Assert.Equal(Today.AddDays(10), (await factory.Data.LoadMentorAsync(mentor.Id)).TrainingExpiresOn);
        Assert.True(await ListedAsync(mentor));

        Clock.Advance(TimeSpan.FromDays(11));

        // The profile and contacting check the rule itself at once; the directory's stored state follows at the
        // housekeeping job's next run (ADR-015).
        using var anonymous = factory.CreateClientNoRedirect();
        using var profile = await anonymous.GetAsync($"/mentors/{mentor.Id}");
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        var mentee = await factory.Data.MenteeAsync();
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        using var contact = await menteeClient.GetAsync($"/mentors/{mentor.Id}/contact");
        Assert.Equal(HttpStatusCode.NotFound, contact.StatusCode);
        await factory.InScopeAsync(services => services.GetRequiredService<DirectoryStateRefresh>().RunAsync(CancellationToken.None));
        Assert.False(await ListedAsync(mentor));

        using var adminClient = await factory.Data.SignInAsync(admin);
        var expired = await (await adminClient.GetAsync("/admin/mentors?training=expired&q=" + Uri.EscapeDataString(mentor.Name))).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/admin/mentors/{mentor.Id}\"", expired, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainingReminder_IsEmailedOnce_ThirtyDaysBeforeExpiry()
    {
        var expiresOn = Today.AddDays(40);
        var mentor = await factory.Data.MentorAsync(trainingExpiresOn: expiresOn);
        bool IsReminder(MailMessage m) => m.IsTo(mentor.Email) && m.Subject.Contains("mentor training expires", StringComparison.Ordinal);

        await SendRemindersAsync();
        Assert.Null((await factory.Data.LoadMentorAsync(mentor.Id)).TrainingReminderSentFor);

        Clock.Advance(TimeSpan.FromDays(10));
        await SendRemindersAsync();
        var email = await factory.Mailbox.WaitForAsync(IsReminder, MailWait);
        Assert.Contains(expiresOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), email.Subject, StringComparison.Ordinal);
        Assert.Equal(expiresOn, (await factory.Data.LoadMentorAsync(mentor.Id)).TrainingReminderSentFor);

        Clock.Advance(TimeSpan.FromDays(5));
        await SendRemindersAsync();
        await factory.Data.AssertNoEmailAsync(m => IsReminder(m) && m.Path != email.Path);
        Assert.Single(factory.Mailbox.Messages(), IsReminder);
    }

    [Fact]
    public async Task Capacity_Change_IsAudited_AndBelowActiveMenteesIsRefusedBesideTheField()
    {
        var mentor = await factory.Data.MentorAsync(trainingExpiresOn: Today.AddYears(2));
        var mentee = await factory.Data.MenteeAsync();
        await factory.Data.PairAsync(mentee, mentor);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var capacityForm = $"/admin/mentors/{mentor.Id}/capacity";

        using (var changed = await Forms.SubmitAsync(client, $"/admin/mentors/{mentor.Id}", new Dictionary<string, string> { ["Capacity"] = "5" }, formAction: capacityForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        Assert.Equal(5, (await factory.Data.LoadMentorAsync(mentor.Id)).Capacity);
        var audit = Assert.Single(await AuditAsync(AuditActions.CapacityChanged, mentor));
        Assert.Equal(("2", "5"), (audit.Before, audit.After));

        using var refused = await Forms.SubmitAsync(client, $"/admin/mentors/{mentor.Id}", new Dictionary<string, string> { ["Capacity"] = "0" }, formAction: capacityForm);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await Forms.ParseHtmlAsync(refused)).QuerySelector("#Capacity-error"));
        Assert.Equal(5, (await factory.Data.LoadMentorAsync(mentor.Id)).Capacity);
        var details = await (await client.GetAsync($"/admin/mentors/{mentor.Id}")).Content.ReadAsStringAsync();
        Assert.Contains(mentee.Name, details, StringComparison.Ordinal);
        Assert.Contains("1 of 5 places used", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitedAdministrator_OfAnotherProgramme_GetsNotFound()
    {
        var programmeA = await factory.Data.SharedProgrammeAsync();
        var programmeB = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programmeB, approved: false);
        var limited = await factory.Data.AdministratorAsync(programmeA);
        using var client = await factory.Data.SignInAsync(limited);

        foreach (var path in new[] { $"/admin/mentors/{mentor.Id}", $"/admin/mentors/{mentor.Id}/approve", $"/admin/mentors/{mentor.Id}/decline" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var list = await (await client.GetAsync("/admin/mentors?q=" + Uri.EscapeDataString(mentor.Name))).Content.ReadAsStringAsync();
        Assert.DoesNotContain($"href=\"/admin/mentors/{mentor.Id}\"", list, StringComparison.Ordinal);
        Assert.Equal(MentorApproval.Waiting, (await factory.Data.LoadMentorAsync(mentor.Id)).Approval);
    }

    [Fact]
    public async Task Mentee_CannotOpenTheMentorsAdministration()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await client.GetAsync("/admin/mentors");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private Task<int> SendRemindersAsync() =>
        factory.InScopeAsync(s => s.GetRequiredService<TrainingReminders>().SendDueAsync(CancellationToken.None));

    private Task<List<AuditEntry>> AuditAsync(string action, Person mentor) => factory.Data.QueryAsync(db =>
        db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.Subject == $"{mentor.Name} (mentor {mentor.Id})").ToListAsync());

    private async Task<bool> ListedAsync(Person mentor)
    {
        using var anonymous = factory.CreateClientNoRedirect();
        var html = await (await anonymous.GetAsync("/mentors?q=" + Uri.EscapeDataString(mentor.Name))).Content.ReadAsStringAsync();
        return html.Contains($"href=\"/mentors/{mentor.Id}\"", StringComparison.Ordinal);
    }
}
