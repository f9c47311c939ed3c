using System.Security.Cryptography;
using System.Text.Json;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>
/// Imports the next chunk of a confirmed batch in one unit: the accounts, roles, profiles, programme membership,
/// invitations, emails and audit entries of up to <see cref="ChunkSize"/> rows, and the rows marked done, saved together.
/// A chunk that fails leaves nothing behind, so the batch can be resumed from its rows after a crash.
/// </summary>
/// <remarks>
/// Accounts are added as rows rather than through <see cref="UserManager{TUser}"/>, which saves each user on its own
/// (thousands of round trips): the normalised name and email, a random security stamp and the lockout flag are set here
/// exactly as Identity sets them. They have no password until the person accepts their invitation.
/// </remarks>
public sealed class ImportPeople(PortalDbContext db, PortalEmails emails, ILookupNormalizer normalizer, TimeProvider time)
{
    public const int ChunkSize = 250;

    /// <summary>Imports one chunk; false once the batch is finished (or is not confirmed).</summary>
    public Task<bool> RunChunkAsync(Guid batchId, CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => ChunkAsync(batchId, unit), cancellationToken);

    private async Task<bool> ChunkAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is not { Status: ImportBatchStatus.Confirmed })
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.ImportRows.Where(r => r.BatchId == batchId && !r.Done && r.Outcome != ImportRowOutcome.Error)
            .OrderBy(r => r.Number).Take(ChunkSize).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            batch.Finish(now);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var programme = await db.Programmes.SingleAsync(p => p.Id == batch.ProgrammeId, cancellationToken);
        var asMentor = batch.Kind == PeopleKind.Mentors;
        var roleName = asMentor ? Roles.Mentor : Roles.Mentee;
        var roleId = await db.Roles.Where(r => r.Name == roleName).Select(r => r.Id).SingleAsync(cancellationToken);
        var emailsInChunk = rows.ConvertAll(r => r.NormalizedEmail);
        var users = await db.Users.Where(u => u.NormalizedEmail != null && emailsInChunk.Contains(u.NormalizedEmail))
            .ToDictionaryAsync(u => u.NormalizedEmail!, StringComparer.Ordinal, cancellationToken);
        var userIds = users.Values.Select(u => u.Id).ToList();
        var withRole = (await db.UserRoles.Where(r => r.RoleId == roleId && userIds.Contains(r.UserId)).Select(r => r.UserId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var mentors = asMentor
            ? await db.Mentors.Include(m => m.Programmes).Where(m => m.UserId != null && userIds.Contains(m.UserId))
                .ToDictionaryAsync(m => m.UserId!, StringComparer.Ordinal, cancellationToken)
            : [];
        var mentees = asMentor
            ? []
            : await db.Mentees.Include(m => m.Programmes).Where(m => m.UserId != null && userIds.Contains(m.UserId))
                .ToDictionaryAsync(m => m.UserId!, StringComparer.Ordinal, cancellationToken);

        var created = 0;
        var merged = 0;
        foreach (var row in rows)
        {
            var person = JsonSerializer.Deserialize<ImportedPerson>(row.ValuesJson)
                ?? throw new InvalidOperationException($"Row {row.Number} of import {batchId} has no values.");
            if (users.TryGetValue(row.NormalizedEmail, out var user))
            {
                row.Imported(Merge(user, person, programme, asMentor, withRole, mentors, mentees, roleId, now));
                merged++;
                continue;
            }

            user = NewUser(person, now);
            users.Add(row.NormalizedEmail, user);
            await db.Users.AddAsync(user, cancellationToken);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            AddProfile(user.Id, person, programme, asMentor, now);
            var (invitation, token) = Invitation.Create(user.Id, programme.Id, now);
            await db.Invitations.AddAsync(invitation, cancellationToken);
            emails.InvitationToJoin(new Recipient(user.Email!, user.DisplayName), programme.Name, asMentor, invitation.PathWith(token),
                DateOnly.FromDateTime(invitation.ExpiresAt));
            db.AuditEntries.Add(new AuditEntry(batch.ConfirmedByUserId, AuditActions.AccountCreatedByImport, $"{user.DisplayName} ({user.Email})",
                null, asMentor ? "Mentor" : "Mentee", now, programme.Id));
            row.Imported("Account created and invitation sent.");
            created++;
        }

        batch.Progress(rows.Count, created, merged);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private string Merge(PortalUser user, ImportedPerson person, Programme programme, bool asMentor, HashSet<string> withRole,
        Dictionary<string, Mentor> mentors, Dictionary<string, Mentee> mentees, string roleId, DateTime now)
    {
        var role = asMentor ? "mentor" : "mentee";
        string result;
        if (asMentor ? mentors.TryGetValue(user.Id, out var mentor) && mentor.BelongsTo(programme.Id)
            : mentees.TryGetValue(user.Id, out var mentee) && mentee.Programmes.Any(p => p.Id == programme.Id))
        {
            return $"Already a {role} in {programme.Name}: nothing changed.";
        }

        var waitingForApproval = false;
        if (asMentor && mentors.TryGetValue(user.Id, out var existingMentor))
        {
            existingMentor.JoinProgramme(programme, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            // A sign-up still waiting (or declined) keeps its own decision on /admin/mentors: the import does not approve it.
            waitingForApproval = !existingMentor.IsApproved;
            result = waitingForApproval
                ? $"Added to {programme.Name}; their mentor sign-up still waits for approval, and their profile is unchanged."
                : $"Added to {programme.Name}; their mentor profile is unchanged.";
        }
        else if (!asMentor && mentees.TryGetValue(user.Id, out var existingMentee))
        {
            existingMentee.JoinProgramme(programme);
            result = $"Added to {programme.Name}; their mentee profile is unchanged.";
        }
        else
        {
            AddProfile(user.Id, person with { Name = user.DisplayName }, programme, asMentor, now);
            result = $"A {role} profile was added from this row, in {programme.Name}.";
        }

        if (!waitingForApproval && withRole.Add(user.Id))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            // A role change ends the person's sessions, like every role change: they sign in again with their new pages.
            user.SecurityStamp = NewStamp();
        }

        if (user.Email is { } email)
        {
            emails.AddedToProgramme(new Recipient(email, user.DisplayName), programme.Name, asMentor);
        }

        return result;
    }

    private void AddProfile(string userId, ImportedPerson person, Programme programme, bool asMentor, DateTime now)
    {
        if (asMentor)
        {
            // The scheme vouches for the mentors it imports: they are approved, and trained when the file says so.
            var mentor = new Mentor(userId, person.MentorProfile(), person.Capacity ?? 1, now);
            mentor.JoinProgramme(programme, DateOnly.FromDateTime(now));
            mentor.Approve(now);
            if (person.TrainingCompleted is { } completed)
            {
                mentor.RecordTraining(Mentor.SchemeCourseName, isSchemeCourse: true, completed, mentor.SchemeCourseExpiry(completed), null, now);
            }

            db.Mentors.Add(mentor);
            return;
        }

        var mentee = new Mentee(userId, person.Name, now);
        if (person.MenteeProfile() is { } profile)
        {
            mentee.UpdateProfile(profile, now);
        }

        foreach (var (horizon, goal) in person.Goals())
        {
            mentee.SetGoal(horizon, goal, now);
        }

        mentee.JoinProgramme(programme);
        db.Mentees.Add(mentee);
    }

    private PortalUser NewUser(ImportedPerson person, DateTime now)
    {
        var email = person.Email.Trim();
        return new PortalUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = email,
            NormalizedUserName = normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            // The scheme vouches for the address, and the invitation sent to it proves it again when accepted.
            EmailConfirmed = true,
            SecurityStamp = NewStamp(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            DisplayName = person.Name,
            CreatedAt = now,
        };
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
