using System.IO.Compression;
using System.Text.Json;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.DataRights;

/// <summary>
/// Everything the portal holds about one person, as one JSON file in a ZIP (UK GDPR right of
/// access). Meeting notes are the person's own only: the other member's notes are never theirs.
/// </summary>
public sealed class PersonalDataExport(PortalDbContext db, TimeProvider time)
{
    public const string JsonFileName = "my-mentoring-data.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<byte[]> BuildZipAsync(string userId, CancellationToken cancellationToken)
    {
        var document = await CollectAsync(userId, cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(JsonFileName, CompressionLevel.Optimal);
            await using var stream = await entry.OpenAsync(cancellationToken);
            await JsonSerializer.SerializeAsync(stream, document, Json, cancellationToken);
        }

        return buffer.ToArray();
    }

    public async Task<IReadOnlyDictionary<string, object?>> CollectAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken);
        var mentee = await db.Mentees.AsNoTracking().Where(m => m.UserId == userId)
            .Include(m => m.Programmes).Include(m => m.Goals).ThenInclude(g => g.Ratings)
            .AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        var mentor = await db.Mentors.AsNoTracking().Where(m => m.UserId == userId)
            .Include(m => m.Programmes).Include(m => m.Training)
            .AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        var menteeId = mentee?.Id ?? -1;
        var mentorId = mentor?.Id ?? -1;

        var requests = await db.ContactRequests.AsNoTracking()
            .Where(r => r.MenteeId == menteeId || r.MentorId == mentorId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                Direction = r.MenteeId == menteeId ? "sent" : "received",
                Mentee = r.Mentee!.DisplayName,
                Mentor = r.Mentor!.DisplayName,
                r.Message,
                Status = r.Status.ToString(),
                DeclineReason = r.DeclineReason.ToString(),
                r.DeclineNote,
                r.CreatedAt,
                r.AnsweredAt,
            })
            .ToListAsync(cancellationToken);

        var applications = await db.MenteeApplications.AsNoTracking().Where(a => a.MenteeId == menteeId)
            .OrderBy(a => a.SubmittedAt)
            .Select(a => new
            {
                Programme = a.Programme!.Name,
                Status = a.Status.ToString(),
                a.Statement,
                a.Conflicts,
                a.AvoidOwnOrganisation,
                PreferredModes = a.PreferredModes.ToString(),
                a.SubmittedAt,
                a.DecidedAt,
                a.DecisionMessage,
            })
            .ToListAsync(cancellationToken);

        var pairings = await db.Pairings.AsNoTracking()
            .Where(m => m.MenteeId == menteeId || m.MentorId == mentorId)
            .Include(m => m.Mentor).Include(m => m.Mentee)
            .Include(m => m.Meetings).ThenInclude(x => x.Notes.Where(n => n.AuthorUserId == userId))
            .Include(m => m.ChangeRequests.Where(c => c.RequestedByUserId == userId))
            .Include(m => m.Surveys).ThenInclude(s => s.GoalProgress)
            .OrderBy(m => m.StartedAt)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var messages = await db.PairingMessages.AsNoTracking()
            .Where(m => m.SenderUserId == userId || m.RecipientUserId == userId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var programmeNames = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var pairingIds = pairings.Select(p => p.Id).ToList();
        var agreements = await db.MentoringAgreements.AsNoTracking().Where(a => pairingIds.Contains(a.PairingId))
            .ToDictionaryAsync(a => a.PairingId, cancellationToken);
        var myRatings = await db.MeetingRatings.AsNoTracking().Where(r => r.RaterUserId == userId)
            .ToDictionaryAsync(r => r.MeetingId, cancellationToken);

        var email = user.Email ?? user.Id;
        var displayName = string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName;
        var audit = (await db.AuditEntries.AsNoTracking()
                .Where(e => e.ActorUserId == userId || e.Subject.Contains(email) || e.Subject.Contains(displayName))
                .OrderBy(e => e.At)
                .Select(e => new { e.At, e.Action, e.Subject, e.Before, e.After, ByThisPerson = e.ActorUserId == userId })
                .ToListAsync(cancellationToken))
            .Where(e => e.ByThisPerson || AuditEntry.Names(e.Subject, email) || AuditEntry.Names(e.Subject, displayName))
            .ToList();

        return new Dictionary<string, object?>
        {
            ["about"] = "Everything the mentoring portal holds about you, as of the time below. "
                + "Meeting notes are yours only: the other member's notes are theirs and are not included. "
                + "Messages are those you sent and those sent to you.",
            ["createdAt"] = time.GetUtcNow().UtcDateTime,
            ["account"] = new
            {
                user.Email,
                user.DisplayName,
                user.EmailConfirmed,
                SharedPhoneNumber = user.PhoneNumber,
                user.CreatedAt,
                user.LastSignedInAt,
                TwoFactorEnabled = user.TwoFactorEnabled,
                Roles = roles,
            },
            ["menteeProfile"] = mentee is null ? null : new
            {
                mentee.DisplayName,
                mentee.Specialty,
                mentee.Grade,
                mentee.Region,
                mentee.Background,
                mentee.Organisation,
                mentee.CreatedAt,
                mentee.ProfileCompletedAt,
                Programmes = mentee.Programmes.Select(p => p.Name).ToList(),
            },
            ["goals"] = mentee?.Goals.OrderBy(g => g.CreatedAt).Select(g => new
            {
                Horizon = g.Horizon.ToString(),
                g.Description,
                Status = g.Status.ToString(),
                g.CreatedAt,
                g.UpdatedAt,
                Ratings = g.Ratings.OrderBy(r => r.RecordedAt).Select(r => new { r.Rating, r.RecordedAt }).ToList(),
            }).ToList() ?? [],
            ["mentorProfile"] = mentor is null ? null : new
            {
                mentor.DisplayName,
                mentor.Specialty,
                mentor.Grade,
                mentor.Region,
                mentor.Background,
                mentor.Organisation,
                mentor.Expertise,
                mentor.Bio,
                MeetingModes = mentor.MeetingModes.ToString(),
                mentor.Capacity,
                Status = mentor.Status.ToString(),
                mentor.PausedUntil,
                mentor.IsApproved,
                mentor.TrainingDeclared,
                mentor.SignedUpAt,
                mentor.DeclineMessage,
                Programmes = mentor.Programmes.Select(p => p.Name).ToList(),
                Training = mentor.Training.OrderBy(t => t.CompletedOn).Select(t => new { t.Course, t.CompletedOn, t.ExpiresOn }).ToList(),
            },
            ["requests"] = requests,
            ["applications"] = applications,
            ["pairings"] = pairings.Select(p =>
            {
                var role = p.MenteeId == menteeId ? SurveyRespondent.Mentee : SurveyRespondent.Mentor;
                return new
                {
                    Programme = programmeNames.GetValueOrDefault(p.ProgrammeId),
                    YourRole = role.ToString(),
                    OtherMember = role == SurveyRespondent.Mentee ? p.Mentor!.DisplayName : p.Mentee!.DisplayName,
                    Status = p.Status.ToString(),
                    p.StartedAt,
                    p.EndedAt,
                    EndReason = p.EndReason?.ToString(),
                    Meetings = p.Meetings.OrderBy(m => m.StartsAt).Select(m => new
                    {
                        m.StartsAt,
                        m.DurationMinutes,
                        Mode = m.Mode.ToString(),
                        m.Location,
                        m.IsInitial,
                        Status = m.Status.ToString(),
                        m.HeldAt,
                        m.AgreedActions,
                        YourNote = m.NoteBy(userId)?.Text,
                        YourRating = myRatings.TryGetValue(m.Id, out var rating)
                            ? new { rating.Usefulness, rating.Comment, rating.RatedAt, rating.UpdatedAt }
                            : null,
                    }).ToList(),
                    Messages = messages.Where(m => m.PairingId == p.Id).Select(m => new
                    {
                        From = m.SenderUserId == userId ? "you" : "the other member",
                        m.Text,
                        m.SentAt,
                        m.ReadAt,
                    }).ToList(),
                    Agreement = agreements.TryGetValue(p.Id, out var agreement)
                        ? new
                        {
                            agreement.Meetings,
                            agreement.Confidentiality,
                            agreement.MenteeExpectations,
                            agreement.MentorExpectations,
                            agreement.Ending,
                            agreement.CreatedAt,
                            agreement.UpdatedAt,
                            agreement.MenteeConfirmedAt,
                            agreement.MentorConfirmedAt,
                        }
                        : null,
                    ChangeRequests = p.ChangeRequests.Select(c => new { c.Reason, Status = c.Status.ToString(), c.CreatedAt, c.ClosedAt, c.Response }).ToList(),
                    Surveys = p.Surveys.Where(s => s.Respondent == role).Select(s => new
                    {
                        Kind = s.Kind.ToString(),
                        s.SubmittedAt,
                        s.Knowledge,
                        s.Performance,
                        s.ProblemSolving,
                        s.Confidence,
                        s.Leadership,
                        s.Network,
                        s.Satisfaction,
                        WouldRecommend = s.WouldRecommend?.ToString(),
                        s.WhatWorked,
                        s.WhatCouldBeBetter,
                        EndingReason = s.EndingReason?.ToString(),
                        s.WhatWouldHaveHelped,
                        GoalProgress = s.GoalProgress.Select(g => new { Horizon = g.Horizon.ToString(), g.StartRating, g.ReviewRating }).ToList(),
                    }).ToList(),
                };
            }).ToList(),
            ["auditEntries"] = audit,
            ["issuedMentoringRecords"] = await db.IssuedRecords.AsNoTracking().Where(r => r.MentorId == mentorId).OrderBy(r => r.IssuedAt)
                .Select(r => new { r.Code, Period = r.PeriodLabel, r.Pairings, r.MeetingsHeld, r.MeetingMinutes, r.IssuedAt }).ToListAsync(cancellationToken),
            ["erasureRequests"] = await db.ErasureRequests.AsNoTracking().Where(e => e.UserId == userId)
                .Select(e => new { Reason = e.Reason.ToString(), e.RequestedAt, e.DueAt, e.CancelledAt }).ToListAsync(cancellationToken),
        };
    }
}
