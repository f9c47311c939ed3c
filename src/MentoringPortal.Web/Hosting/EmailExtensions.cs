using MentoringPortal.Web.Email;

namespace MentoringPortal.Web.Hosting;

public static class EmailExtensions
{
    public static WebApplicationBuilder AddPortalEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.UsesPickupDirectory || !string.IsNullOrWhiteSpace(o.Smtp.Host),
                "Email:Smtp:Host is required when Email:PickupDirectory is not set.")
            .Validate(o => o.UsesPickupDirectory || o.Smtp.Port is > 0 and < 65536,
                "Email:Smtp:Port must be between 1 and 65535.")
            .Validate(o => IsMailAddress(o.From), "Email:From must be an email address, e.g. \"Mentoring <mentoring@example.org>\".")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailTransport, SmtpMailTransport>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddScoped<PortalEmails>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }

    private static bool IsMailAddress(string value)
    {
        try
        {
            _ = new System.Net.Mail.MailAddress(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
