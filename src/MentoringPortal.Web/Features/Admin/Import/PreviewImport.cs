using System.Text.Json;
using MentoringPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>
/// Reads an uploaded file and checks every row, then saves it as an import batch to preview: who is new, who is already in
/// the portal (matched by normalised email, and what merging will do for them), and which rows have errors. Nothing else
/// is saved and nobody is emailed until the batch is confirmed.
/// </summary>
public sealed class PreviewImport(PortalDbContext db, ILookupNormalizer normalizer, TimeProvider time)
{
    private const int LookupChunk = 1000;

    public async Task<ImportPreview> RunAsync(ImportUpload upload, AdminScope scope, string administratorUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(scope);
        var programme = await scope.Programmes(db).AsNoTracking().Where(p => p.Id == upload.ProgrammeId)
            .Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return new ImportPreview.NotFound();
        }

        if (upload.Length > PeopleFiles.MaxFileBytes)
        {
            return new ImportPreview.Refused("The file is larger than 5 MB. Split it into smaller files and import them one after another.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        PeopleFile.Read file;
        await using (var stream = upload.Open())
        {
            switch (PeopleFiles.ReadFile(stream, upload.Kind))
            {
                case PeopleFile.Unreadable unreadable:
                    return new ImportPreview.Refused(unreadable.Reason);
                case PeopleFile.Read read:
                    file = read;
                    break;
                default:
                    throw new InvalidOperationException("A file is either read or unreadable.");
            }
        }

        var rows = PeopleImportRules.CheckAll(upload.Kind, file.Rows, normalizer, now);
        var fileRows = file.Rows.ToDictionary(r => r.Number);
        var existing = await ExistingAsync(upload.Kind, programme.Id, rows.Where(r => r.IsValid).Select(r => r.NormalizedEmail).ToList(),
            cancellationToken);

        var batchId = Guid.NewGuid();
        return await db.InOneUnitAsync(async unit =>
        {
            var batch = new ImportBatch(batchId, programme.Id, upload.Kind, administratorUserId, upload.FileName, now);
            var counts = (New: 0, Existing: 0, Errors: 0);
            var imported = new List<ImportRow>(rows.Count);
            foreach (var row in rows)
            {
                if (!row.IsValid)
                {
                    counts.Errors++;
                    imported.Add(new ImportRow(batchId, row.Number, row.Email, row.NormalizedEmail, row.Name,
                        JsonSerializer.Serialize(fileRows[row.Number].Cells), ImportRowOutcome.Error, string.Join(" ", row.Errors)));
                    continue;
                }

                var merge = existing.GetValueOrDefault(row.NormalizedEmail);
                if (merge is null)
                {
                    counts.New++;
                }
                else
                {
                    counts.Existing++;
                }

                imported.Add(new ImportRow(batchId, row.Number, row.Email, row.NormalizedEmail, row.Name, JsonSerializer.Serialize(row.Person),
                    merge is null ? ImportRowOutcome.New : ImportRowOutcome.Existing, merge?.Describe(upload.Kind, programme.Name)));
            }

            batch.Counted(rows.Count, counts.New, counts.Existing, counts.Errors);
            await db.ImportBatches.AddAsync(batch, unit);
            await db.ImportRows.AddRangeAsync(imported, unit);
            await db.SaveChangesAsync(unit);
            return (ImportPreview)new ImportPreview.Previewed(batchId);
        }, cancellationToken);
    }

    private async Task<Dictionary<string, ExistingPerson>> ExistingAsync(PeopleKind kind, int programmeId, List<string> emails,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ExistingPerson>(StringComparer.Ordinal);
        foreach (var chunk in emails.Chunk(LookupChunk))
        {
            var users = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && chunk.Contains(u.NormalizedEmail))
                .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken);
            var ids = users.ConvertAll(u => u.Id);
            var profiles = kind == PeopleKind.Mentors
                ? await db.Mentors.AsNoTracking().Where(m => m.UserId != null && ids.Contains(m.UserId))
                    .Select(m => new { UserId = m.UserId!, InProgramme = m.Programmes.Any(p => p.Id == programmeId) }).ToListAsync(cancellationToken)
                : await db.Mentees.AsNoTracking().Where(m => m.UserId != null && ids.Contains(m.UserId))
                    .Select(m => new { UserId = m.UserId!, InProgramme = m.Programmes.Any(p => p.Id == programmeId) }).ToListAsync(cancellationToken);
            var byUser = profiles.ToDictionary(p => p.UserId, p => p.InProgramme, StringComparer.Ordinal);
            foreach (var user in users)
            {
                found[user.NormalizedEmail!] = new ExistingPerson(byUser.ContainsKey(user.Id), byUser.GetValueOrDefault(user.Id));
            }
        }

        return found;
    }

    private sealed record ExistingPerson(bool HasProfile, bool InProgramme)
    {
        public string Describe(PeopleKind kind, string programmeName)
        {
            var role = kind == PeopleKind.Mentors ? "mentor" : "mentee";
            return (HasProfile, InProgramme) switch
            {
                (true, true) => $"Already a {role} in {programmeName}: nothing changes.",
                (true, false) => $"Already a {role}: added to {programmeName}. Their profile stays as they wrote it.",
                _ => $"Has an account but no {role} profile: a {role} profile is added from this row, in {programmeName}.",
            };
        }
    }
}

/// <summary>The uploaded file and where it goes: the controller opens the form file; tests and the bench can pass any stream.</summary>
public sealed record ImportUpload(int ProgrammeId, PeopleKind Kind, string FileName, long Length, Func<Stream> Open);

/// <summary>What uploading a file came to, for the controller to show.</summary>
public abstract record ImportPreview
{
    private ImportPreview()
    {
    }

    /// <summary>The programme is not one the administrator may see.</summary>
    public sealed record NotFound : ImportPreview;

    /// <summary>The file as a whole cannot be imported (too large, too many rows, not CSV, missing columns); nothing was saved.</summary>
    public sealed record Refused(string Reason) : ImportPreview;

    public sealed record Previewed(Guid BatchId) : ImportPreview;
}
