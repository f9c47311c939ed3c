using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

/// <summary>
/// Copies keys from the folder where earlier versions kept them into the database, once, so an upgrade
/// signs nobody out and breaks no emailed link. Each file's XML is copied as it is: a key encrypted with
/// the certificate stays encrypted. The folder is left in place and never written; a key already in the
/// database is skipped, so later starts copy nothing.
/// </summary>
public static partial class DataProtectionKeyImport
{
    public static async Task<int> ImportAsync(PortalDbContext db, string folder, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        // The same names the database key store gives its rows ("key-<id>"), so a key is never copied twice.
        var files = Directory.GetFiles(folder, "key-*.xml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return 0;
        }

        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name))
            {
                continue;
            }

            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await File.ReadAllTextAsync(file, cancellationToken) });
            imported++;
        }

        if (imported > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogImported(logger, imported, folder);
        }

        return imported;
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "Copied {Count} data-protection keys from {Folder} into the database; the folder is no longer written")]
    private static partial void LogImported(ILogger logger, int count, string folder);
}
