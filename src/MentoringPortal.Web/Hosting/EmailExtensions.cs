using MentoringPortal.Web.Email;
using MentoringPortal.Web.Jobs;

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
            .Validate(o => o.Smtp.HasValidSecurity,
                "Email:Smtp:Security must be None, StartTls (port 587), SslOnConnect (port 465) or Auto, or left empty to follow Email:Smtp:EnableSsl.")
            .Validate(o => o.Smtp.ConnectTimeoutSeconds is >= 1 and <= 60,
                "Email:Smtp:ConnectTimeoutSeconds must be between 1 and 60 (an email is claimed for 2 minutes).")
            .Validate(o => o.Smtp.SendTimeoutSeconds is >= 1 and <= 60,
                "Email:Smtp:SendTimeoutSeconds must be between 1 and 60 (an email is claimed for 2 minutes).")
            .Validate(o => o.Smtp.HasValidPin,
                "Email:Smtp:TrustedCertificateThumbprint must be the relay certificate's SHA-256 fingerprint: 64 hex digits, colons allowed.")
            .Validate(o => EmailOptions.ParseMailbox(o.From) is not null,
                "Email:From must be an email address, e.g. \"Mentoring <mentoring@example.org>\".")
            .ValidateOnStart();
        builder.Services.AddSingleton<IMailTransport, MailKitTransport>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddSingleton<EmailRenderer>();
        builder.Services.AddScoped<PortalEmails>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        return builder;
    }
}
