namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>Waiting for a thing instead of sleeping: read it again every 200 ms until it is done or the time is up.</summary>
public static class Poll
{
    /// <summary>The last value read: the one that is <paramref name="done"/>, or the one read when the time ran out (20 s unless given).</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}
