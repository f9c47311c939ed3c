using MentoringPortal.Domain.Notifications;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Features.EmailSettings;

/// <summary>Each person chooses, for each kind of email, at once, a daily digest, or not at all. Emails about the account always come.</summary>
[Authorize]
public sealed class EmailSettingsController(PortalDbContext db) : Controller
{
    [HttpGet("/me/settings")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        return View(await ViewModelAsync(EmailSettingsForm.From(settings), cancellationToken));
    }

    [HttpPost("/me/settings")]
    public async Task<IActionResult> Index(EmailSettingsForm form, CancellationToken cancellationToken)
    {
        CheckEveryKindIsChosen(form);
        if (!ModelState.IsValid)
        {
            return View(await ViewModelAsync(form, cancellationToken));
        }

        var userId = User.Id();
        var settings = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null)
        {
            settings = new NotificationSettings(userId);
            db.NotificationSettings.Add(settings);
        }

        foreach (var kind in EmailSettingsViewModel.Kinds)
        {
            settings.Choose(kind.Kind, form.For(kind.Kind)!.Value);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsConstraintViolation())
        {
            ModelState.AddModelError(string.Empty, "Your settings were saved from another window at the same moment. Check them and save again.");
            return View(await ViewModelAsync(form, cancellationToken));
        }

        TempData["Success"] = "Your email settings have been saved.";
        return Redirect("/me/settings");
    }

    private void CheckEveryKindIsChosen(EmailSettingsForm form)
    {
        foreach (var kind in EmailSettingsViewModel.Kinds)
        {
            if (form.For(kind.Kind) is not { } chosen || !Enum.IsDefined(chosen))
            {
                ModelState.Remove(kind.Field);
                ModelState.AddModelError(kind.Field, $"Choose how you want emails about {kind.Name.ToLowerInvariant()}.");
            }
        }
    }

    private async Task<EmailSettingsViewModel> ViewModelAsync(EmailSettingsForm form, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        var waiting = await db.DigestItems.CountAsync(i => i.UserId == userId && i.DigestDay == null, cancellationToken);
        return new EmailSettingsViewModel(form, waiting);
    }
}
