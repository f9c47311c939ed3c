using System.Net;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Web.Features.Admin.Cohort;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>Drives a cohort run over HTTP as an administrator's browser would (the data comes from <see cref="TestData.CohortAsync"/>).</summary>
public static class CohortRunPages
{
    /// <summary>Presses "Find the best matches" and returns the run's page (from the 303).</summary>
    public static async Task<string> StartRunAsync(HttpClient client, TestCohort cohort)
    {
        using var response = await Forms.SubmitAsync(client, cohort.CohortUrl, formAction: cohort.CohortUrl);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("No Location.");
        Assert.StartsWith("/admin/cohort-runs/", location, StringComparison.Ordinal);
        return location;
    }

    /// <summary>Reloads the run's page, as its script does, until the proposal (or a failure) is there.</summary>
    public static async Task<string> WaitForProposalAsync(HttpClient client, string runUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var html = await client.GetStringAsync(runUrl);
            if (!html.Contains("data-cohort-progress=", StringComparison.Ordinal))
            {
                return html;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{runUrl} is still working after 60 s.");
            }

            await Task.Delay(200);
        }
    }

    public static Guid RunId(string runUrl) => Guid.Parse(runUrl["/admin/cohort-runs/".Length..]);

    public static KeyValuePair<string, string> Pin(ProposedPair pair) => new("Pin", pair.Key);

    public static KeyValuePair<string, string> Drop(ProposedPair pair) => new("Drop", pair.Key);

    public static CohortPairKey Key(ProposedPair pair) => new(pair.ApplicationId, pair.MentorId);
}
