using System.Threading.RateLimiting;
using MentoringPortal.Web.Features.Directory;
using MentoringPortal.Web.Forms;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace MentoringPortal.Web.Hosting;

public static class WebExtensions
{
    public const string FormsRateLimit = "forms";

    public static WebApplicationBuilder AddPortalWeb(this WebApplicationBuilder builder)
    {
        builder.AddPortalCulture();
        builder.AddPortalUseCases();
        builder.Services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.ModelValidatorProviders.Add(new ControlCharacterValidatorProvider());
                var messages = options.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}” is not a valid answer to “{field}”.");
                messages.SetValueIsInvalidAccessor(value => $"“{value}” is not a valid answer.");
                messages.SetValueMustNotBeNullAccessor(field => $"Answer “{field}”.");
                messages.SetMissingBindRequiredValueAccessor(field => $"Answer “{field}”.");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}” is not a valid answer.");
            })
            .AddRazorOptions(options =>
            {
                // Feature folders: a controller, its views and its view models live together.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                options.ViewLocationExpanders.Add(new FeatureFolderViews());
            });
        builder.AddPortalForwardedHeaders();
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        builder.Services.AddMemoryCache();
        builder.Services.AddPortalStaticFileCompression();
        builder.Services.AddScoped<ProgrammeCatalogue>();
        builder.Services.AddScoped<MentorDirectory>();
        builder.Services.AddScoped<Features.Admin.AuditLog.AuditLogSearch>();
        builder.Services.AddScoped<Features.Admin.AdminDesk>();
        builder.Services.AddScoped<Features.Messages.MessageThread>();
        builder.Services.AddScoped<Features.MentoringRecords.MentorActivityReader>();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "portal.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });

        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var permits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>()?.PermitsPerMinute ?? 10;
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(FormsRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many attempts from your connection. Please wait a minute and try again.", cancellationToken);
            };
        });
        return builder;
    }

    /// <summary>No address needs a NUL, and PostgreSQL cannot compare text with one: such a query is a bad request, not a 500.</summary>
    private static async Task RefuseNulInQueryAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Query.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal)
            || pair.Value.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The address contains a character that is not allowed.", context.RequestAborted);
            return;
        }

        await next(context);
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePortalRequestLogging();
        app.UseRequestLocalization();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UsePortalHttpsRequirement();

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.Use(RefuseNulInQueryAsync);
        app.UsePortalStaticFiles();
        app.UseRouting();
        app.UseRequestRouteCapture();
        app.UseRateLimiter();
        app.UseMiddleware<FreshSessionOnSignIn>();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapControllers();
        return app;
    }
}
