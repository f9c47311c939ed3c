using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MentoringPortal.Web.Features.Messages;

/// <summary>
/// A pairing's private messages, for its two members only: the latest are on the pairing page
/// (<see cref="PairingMessagesViewComponent"/>), older ones here. Anyone else, administrators included, gets 404.
/// </summary>
[Authorize]
[Route("pairings/{id:int}/messages")]
public sealed class MessagesController(MessageThread thread) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, int? before, CancellationToken cancellationToken)
    {
        var model = await thread.ReadAsync(id, User.Id(), before, new MessageForm(), cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Send(int id, MessageForm form, [FromServices] SendMessage sendMessage, CancellationToken cancellationToken)
    {
        var userId = User.Id();
        if (ModelState.IsValid)
        {
            switch (await sendMessage.RunAsync(id, userId, form.Text, cancellationToken))
            {
                case MessageSending.Sent:
                    TempData["Success"] = "Message sent.";
                    return Redirect($"/pairings/{id}#messages");
                case MessageSending.Refused refused:
                    ModelState.AddModelError(nameof(form.Text), refused.Reason);
                    break;
                default:
                    return NotFound();
            }
        }

        // The thread again, with the message as typed and what is wrong with it beside the box.
        var model = await thread.ReadAsync(id, userId, before: null, form, cancellationToken);
        return model is null ? NotFound() : View("Index", model);
    }
}
