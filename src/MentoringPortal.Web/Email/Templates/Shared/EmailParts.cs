using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace MentoringPortal.Web.Email.Templates.Shared;

/// <summary>A part of an email that writes HTML or plain text, as the email being rendered asks.</summary>
public abstract class EmailPart : ComponentBase
{
    [CascadingParameter]
    public EmailContext Context { get; set; } = default!;
}

/// <summary>A template: the email's wording, for one model.</summary>
public abstract class EmailTemplate<TModel> : ComponentBase
{
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;
}

/// <summary>The root of every render: hands the template its model and every part the email's context.</summary>
public sealed class EmailFrame : ComponentBase
{
    [Parameter, EditorRequired]
    public Type Template { get; set; } = default!;

    [Parameter, EditorRequired]
    public object Model { get; set; } = default!;

    [Parameter, EditorRequired]
    public EmailContext Context { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<EmailContext>>(0);
        builder.AddComponentParameter(1, nameof(CascadingValue<>.Value), Context);
        builder.AddComponentParameter(2, nameof(CascadingValue<>.IsFixed), true);
        builder.AddComponentParameter(3, nameof(CascadingValue<>.ChildContent), (RenderFragment)(template =>
        {
            template.OpenComponent(4, Template);
            template.AddComponentParameter(5, nameof(EmailTemplate<>.Model), Model);
            template.CloseComponent();
        }));
        builder.CloseComponent();
    }
}

/// <summary>The HTML document around an email, or in text mode its subject and then its text.</summary>
public sealed class EmailDocument : EmailPart
{
    [Parameter, EditorRequired]
    public RenderFragment Subject { get; set; } = default!;

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Context.IsText)
        {
            builder.AddContent(0, Subject);
            builder.AddContent(1, EmailText.SubjectEnd);
            builder.AddContent(2, ChildContent);
            return;
        }

        builder.AddMarkupContent(3, "<!DOCTYPE html>");
        builder.OpenElement(4, "html");
        builder.AddAttribute(5, "lang", "en");
        builder.OpenElement(6, "head");
        builder.AddMarkupContent(7, "<meta charset=\"utf-8\">");
        builder.OpenElement(8, "title");
        builder.AddContent(9, Subject);
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(10, "body");
        builder.AddAttribute(11, "style", "font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b");
        builder.AddContent(12, ChildContent);
        builder.CloseElement();
        builder.CloseElement();
    }
}

/// <summary>A block of its own: an HTML element around its content, or the content and a block end in text.</summary>
public abstract class EmailBlock(string element) : EmailPart
{
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Context.IsText)
        {
            builder.AddContent(0, ChildContent);
            builder.AddContent(1, EmailText.BlockEnd);
            return;
        }

        builder.OpenElement(2, element);
        builder.AddContent(3, ChildContent);
        builder.CloseElement();
    }
}

/// <summary>A paragraph: &lt;p&gt; in HTML, a block of its own in text.</summary>
public sealed class Paragraph() : EmailBlock("p");

/// <summary>A list of <see cref="Bullet"/>s: &lt;ul&gt; in HTML, one "- " line each in text.</summary>
public sealed class Bullets() : EmailBlock("ul");

public sealed class Bullet : EmailPart
{
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Context.IsText)
        {
            builder.AddContent(0, "- ");
            builder.AddContent(1, ChildContent);
            builder.AddContent(2, EmailText.LineEnd);
            return;
        }

        builder.OpenElement(3, "li");
        builder.AddContent(4, ChildContent);
        builder.CloseElement();
    }
}

/// <summary>The email's main link, on a line of its own: "Text: address" in plain text.</summary>
public sealed class EmailAction : EmailPart
{
    [Parameter, EditorRequired]
    public string Text { get; set; } = default!;

    /// <summary>A path in the portal ("/me") or a full address.</summary>
    [Parameter, EditorRequired]
    public string Href { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        Context.NoteAction(Href);
        var url = Context.Url(Href);
        if (Context.IsText)
        {
            builder.AddContent(0, Text + ": " + url);
            builder.AddContent(1, EmailText.BlockEnd);
            return;
        }

        builder.OpenElement(2, "p");
        builder.OpenElement(3, "a");
        builder.AddAttribute(4, "href", url);
        builder.AddAttribute(5, "style", "color:#0b4f9c;font-weight:bold");
        builder.AddContent(6, Text);
        builder.CloseElement();
        builder.CloseElement();
    }
}

/// <summary>A portal address written out in a sentence, so that it reads the same in text and HTML.</summary>
public sealed class PortalLink : EmailPart
{
    [Parameter, EditorRequired]
    public string Href { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var url = Context.Url(Href);
        if (Context.IsText)
        {
            builder.AddContent(0, url);
            return;
        }

        builder.OpenElement(1, "a");
        builder.AddAttribute(2, "href", url);
        builder.AddContent(3, url);
        builder.CloseElement();
    }
}

/// <summary>A day written out the British way: "4 December 2026".</summary>
public sealed class LongDate : ComponentBase
{
    [Parameter, EditorRequired]
    public DateOnly Value { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        builder.AddContent(0, Value.ToString("d MMMM yyyy", PortalCulture.Value));
}

/// <summary>A heading within an email: &lt;h2&gt; in HTML, a block of its own in text.</summary>
public sealed class Heading() : EmailBlock("h2");

/// <summary>
/// Someone's plain text as they wrote it: a paragraph for each blank-line-separated part, its lines kept. Always
/// encoded, never markup.
/// </summary>
public sealed class PlainText : EmailPart
{
    [Parameter, EditorRequired]
    public string Value { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var paragraphs = Value.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            var lines = paragraph.Split('\n', StringSplitOptions.TrimEntries);
            if (Context.IsText)
            {
                builder.AddContent(0, string.Join(EmailText.LineEnd, lines));
                builder.AddContent(1, EmailText.BlockEnd);
                continue;
            }

            builder.OpenElement(2, "p");
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    builder.AddMarkupContent(3, "<br>");
                }

                builder.AddContent(4, lines[i]);
            }

            builder.CloseElement();
        }
    }
}
