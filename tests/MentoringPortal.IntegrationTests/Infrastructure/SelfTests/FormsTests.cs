namespace MentoringPortal.IntegrationTests.Infrastructure.SelfTests;

/// <summary>Forms reads a form's fields as a browser would submit them.</summary>
public sealed class FormsTests
{
    private const string Page = """
        <form method="post" action="/account/logout"><input name="__RequestVerificationToken" type="hidden" value="other"></form>
        <form method="post">
          <input name="__RequestVerificationToken" type="hidden" value="token-1">
          <input name="Email" type="email" value="old@mentoring.test">
          <input name="Disabled" value="x" disabled>
          <fieldset disabled><input name="InDisabledFieldset" value="y"></fieldset>
          <input name="RememberMe" type="checkbox" value="true" checked>
          <input name="Modes" type="checkbox" value="Video" checked>
          <input name="Modes" type="checkbox" value="InPerson">
          <input name="Horizon" type="radio" value="Short">
          <input name="Horizon" type="radio" value="Long" checked>
          <select name="Programme"><option value="">Choose</option><option value="p2" selected>Two</option></select>
          <select name="Topic"><option value="t1">One</option><option value="t2">Two</option></select>
          <textarea name="Message">Hello</textarea>
          <button type="submit" name="Action" value="save">Save</button>
          <input name="RememberMe" type="hidden" value="false">
        </form>
        """;

    [Fact]
    public void CurrentValues_AreWhatABrowserSubmits()
    {
        var form = Forms.ParseHtml(Page).Forms[1];

        var values = Forms.CurrentValues(form);

        Assert.Equal(
            [
                Pair("__RequestVerificationToken", "token-1"),
                Pair("Email", "old@mentoring.test"),
                Pair("RememberMe", "true"),
                Pair("Modes", "Video"),
                Pair("Horizon", "Long"),
                Pair("Programme", "p2"),
                Pair("Topic", "t1"),
                Pair("Message", "Hello"),
                Pair("RememberMe", "false"),
            ],
            values);
    }

    [Fact]
    public void Merge_ReplacesEveryValueOfAGivenName()
    {
        var form = Forms.ParseHtml(Page).Forms[1];

        var values = Forms.Merge(Forms.CurrentValues(form), [Pair("Modes", "InPerson"), Pair("Modes", "Phone"), Pair("RememberMe", "false")]);

        Assert.Equal(["InPerson", "Phone"], values.Where(v => v.Key == "Modes").Select(v => v.Value));
        Assert.Equal(["false"], values.Where(v => v.Key == "RememberMe").Select(v => v.Value));
        Assert.Contains(Pair("__RequestVerificationToken", "token-1"), values);
    }

    [Fact]
    public async Task Submit_PostFormWithoutToken_FailsWithAHint()
    {
        var document = Forms.ParseHtml("""<form method="post" action="/account/login"><input name="Email"></form>""");
        using var client = new HttpClient();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Forms.SubmitAsync(client, document, new Uri("http://localhost/account/login")));

        Assert.Contains("has no __RequestVerificationToken field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithoutSaying_PicksTheFormOutsideTheLayout()
    {
        var document = Forms.ParseHtml("""
            <header><form method="post" action="/account/logout"><input name="__RequestVerificationToken" value="t"></form></header>
            <main><form method="post" action="/mentors/7/contact"><input name="__RequestVerificationToken" value="t"></form></main>
            """);
        using var handler = new RecordingHandler();
        using var client = new HttpClient(handler);

        using var response = await Forms.SubmitAsync(client, document, new Uri("http://localhost/mentors/7"));

        Assert.Equal("http://localhost/mentors/7/contact", handler.LastRequest?.RequestUri?.ToString());
        Assert.Equal(HttpMethod.Post, handler.LastRequest?.Method);
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => KeyValuePair.Create(key, value);

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? LastRequest { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastRequest = request;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        }
    }
}
