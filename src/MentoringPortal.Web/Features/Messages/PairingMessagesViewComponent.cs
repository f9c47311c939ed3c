using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MentoringPortal.Web.Features.Messages;

/// <summary>On a pairing page: the members' contact details and their latest messages, with the box to write (Features/Messages/_PairingMessages.cshtml).</summary>
public sealed class PairingMessagesViewComponent(MessageThread thread) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int pairingId)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Content(string.Empty);
        }

        var model = await thread.ReadAsync(pairingId, UserClaimsPrincipal.Id(), before: null, new MessageForm(), HttpContext.RequestAborted);
        return model is null ? Content(string.Empty) : View("~/Features/Messages/_PairingMessages.cshtml", model);
    }
}
