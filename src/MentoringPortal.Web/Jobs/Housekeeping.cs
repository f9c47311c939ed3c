using MentoringPortal.Web.Hosting;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Jobs;

/// <summary>Periodic work: ends pauses that have reached their date, expires unanswered requests, reminds overdue pairings, invites members to surveys, sends the daily digests, erases accounts when due and warns unused ones, forgets ended sessions.</summary>
public sealed class Housekeeping(IServiceScopeFactory scopes, IOptions<PortalOptions> options, ILogger<Housekeeping> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HousekeepingIntervalSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PauseEnding>().ResumeDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<DirectoryStateRefresh>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<RequestExpiry>().ExpireDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ProposalExpiry>().ExpireDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<CadenceReminders>().SendDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Jobs.TrainingReminders>().SendDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Jobs.SurveyInvitations>().SendDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<DailyDigests>().SendDueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Jobs.DataRightsHousekeeping>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Identity.SessionTicketStore>().ForgetEndedSessionsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Housekeeping failed; it will run again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
