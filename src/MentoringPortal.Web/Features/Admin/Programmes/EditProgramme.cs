using System.Globalization;
using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Programmes;

/// <summary>
/// An administrator changes a programme's settings, weights or minimum score: the programme and one audit entry per kind
/// of change, in one unit.
/// </summary>
public sealed class EditProgramme(PortalDbContext db, TimeProvider time, Jobs.DirectoryStateRefresh directory)
{
    public Task<ProgrammeEdit> RunAsync(int programmeId, ProgrammeForm form, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken) =>
        db.InOneUnitAsync(unit => EditAsync(programmeId, form, scope, administratorUserId, unit), cancellationToken);

    private async Task<ProgrammeEdit> EditAsync(int programmeId, ProgrammeForm form, AdminScope scope, string administratorUserId,
        CancellationToken cancellationToken)
    {
        var programme = await scope.Programmes(db).SingleOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        if (programme is null)
        {
            return new ProgrammeEdit.NotFound();
        }

        var settingsBefore = ProgrammeText.Settings(programme);
        var modeBefore = programme.MatchingMode;
        var summaryBefore = programme.Summary;
        var weightsBefore = programme.Weights;
        var minimumBefore = programme.MinimumMatchScore;
        var setting = ProgrammeSetting.Weights;
        try
        {
            var weights = form.ToWeights();
            setting = ProgrammeSetting.MinimumMatchScore;
            programme.SetMinimumMatchScore(form.MinimumMatchScore!.Value);
            setting = ProgrammeSetting.Other;
            programme.Update(form.Name!, form.Summary!, form.MatchingMode!.Value, form.MeetingCadenceWeeks!.Value,
                form.EvaluationPointMonths!.Value, form.OpenForApplications, form.TrainingValidityMonths);
            setting = ProgrammeSetting.ProposalAnswerDays;
            programme.SetProposalAnswerDays(form.ProposalAnswerDays!.Value);
            programme.SetWeights(weights);
        }
        catch (DomainRuleException rule)
        {
            db.ChangeTracker.Clear();
            return new ProgrammeEdit.Refused(setting, rule.Message);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settingsAfter = ProgrammeText.Settings(programme);
        var summaryChanged = !string.Equals(summaryBefore, programme.Summary, StringComparison.Ordinal);
        if (summaryChanged || !string.Equals(settingsBefore, settingsAfter, StringComparison.Ordinal))
        {
            db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.ProgrammeEdited, programme.Name,
                summaryChanged ? ProgrammeText.WithSummary(settingsBefore, summaryBefore) : settingsBefore,
                summaryChanged ? ProgrammeText.WithSummary(settingsAfter, programme.Summary) : settingsAfter, now, programme.Id));
        }

        if (weightsBefore != programme.Weights)
        {
            db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.WeightsChanged, programme.Name,
                ProgrammeText.Weights(weightsBefore), ProgrammeText.Weights(programme.Weights), now, programme.Id));
        }

        if (minimumBefore != programme.MinimumMatchScore)
        {
            db.AuditEntries.Add(new AuditEntry(administratorUserId, AuditActions.MinimumMatchScoreChanged, programme.Name,
                minimumBefore.ToString(CultureInfo.InvariantCulture), programme.MinimumMatchScore.ToString(CultureInfo.InvariantCulture),
                now, programme.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (modeBefore != programme.MatchingMode)
        {
            // Only programmes whose mentees choose list their mentors: the stored directory state follows at once.
            await directory.RefreshAsync(cancellationToken);
        }

        return new ProgrammeEdit.Saved(programme.Name);
    }
}

/// <summary>Which part of a programme's settings a rule refused.</summary>
public enum ProgrammeSetting
{
    Weights,
    MinimumMatchScore,
    ProposalAnswerDays,
    Other,
}

/// <summary>What changing a programme came to, for the controller to show.</summary>
public abstract record ProgrammeEdit
{
    private ProgrammeEdit()
    {
    }

    /// <summary>No such programme within the administrator's programmes: a 404.</summary>
    public sealed record NotFound : ProgrammeEdit;

    /// <summary>A rule refused a setting; nothing changed.</summary>
    public sealed record Refused(ProgrammeSetting Setting, string Reason) : ProgrammeEdit;

    public sealed record Saved(string Name) : ProgrammeEdit;
}
