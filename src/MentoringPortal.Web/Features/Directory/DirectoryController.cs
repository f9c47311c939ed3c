using MentoringPortal.Web.Hosting;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace MentoringPortal.Web.Features.Directory;

public sealed class DirectoryController(MentorDirectory directory) : Controller
{
    [HttpGet("/mentors")]
    public async Task<IActionResult> Index([FromQuery] DirectoryQuery query, CancellationToken cancellationToken) =>
        View(await directory.SearchAsync(query, cancellationToken));

    [HttpGet("/mentors/{id:int}")]
    [HttpGet("/mentors/{id:int}/contact")]
    public async Task<IActionResult> Profile(int id, CancellationToken cancellationToken) =>
        await ProfileViewAsync(id, new ContactForm(), cancellationToken);

    [HttpPost("/mentors/{id:int}/contact")]
    [Authorize(Policy = Policies.Mentee)]
    [EnableRateLimiting(WebExtensions.FormsRateLimit)]
    public async Task<IActionResult> Contact(int id, ContactForm form, [FromServices] ContactMentor contactMentor,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await contactMentor.RunAsync(id, form.ProgrammeId, form.Message, form.PreferredMode, User.Id(), cancellationToken))
            {
                case MentorContact.Sent sent:
                    TempData["Success"] = $"Your request has been sent to {sent.MentorName}. You will hear by email when they answer.";
                    return Redirect("/me");
                case MentorContact.NoProgramme:
                    ModelState.AddModelError(nameof(form.ProgrammeId), "Choose the programme you are asking for mentoring in.");
                    break;
                case MentorContact.Refused refused:
                    ModelState.AddModelError(string.Empty, refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        return await ProfileViewAsync(id, form, cancellationToken);
    }

    private async Task<IActionResult> ProfileViewAsync(int id, ContactForm form, CancellationToken cancellationToken)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        var menteeUserId = signedIn && User.IsInRole(Roles.Mentee) ? User.Id() : null;
        var model = await directory.ProfileAsync(id, form, signedIn, menteeUserId, cancellationToken);
        return model is null ? NotFound() : View("Profile", model);
    }
}
