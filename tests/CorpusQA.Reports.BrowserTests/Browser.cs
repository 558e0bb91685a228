using PuppeteerSharp;

namespace CorpusQA.Reports.BrowserTests;

/// <summary>
/// Debian's Chromium, headless (CHROMIUM overrides the path). Every page is opened with request interception: the
/// report file itself is allowed, anything else is recorded and aborted, so a test sees every request the page tries.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Instance = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"],
        });
    }

    public async Task DisposeAsync() => await Instance.CloseAsync();

    /// <summary>An open page and what it did while loading and afterwards.</summary>
    public sealed class Opened(IPage page, List<string> errors, List<string> requests) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        /// <summary>Console errors, page errors (uncaught exceptions) and CSP violations.</summary>
        public List<string> Errors { get; } = errors;

        /// <summary>Requests other than the report file itself (all aborted).</summary>
        public List<string> Requests { get; } = requests;

        public async ValueTask DisposeAsync() => await Page.CloseAsync();
    }

    public async Task<Opened> OpenAsync(string file, int width = 1280, int height = 900)
    {
        var page = await Instance.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        string url = new Uri(Path.GetFullPath(file)).AbsoluteUri;
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) lock (errors) errors.Add("console: " + e.Message.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add("page error: " + e.Message); };
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url == url) { await e.Request.ContinueAsync(); return; }
            lock (requests) requests.Add(e.Request.Url);
            await e.Request.AbortAsync();
        };
        await page.GoToAsync(url, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        return new Opened(page, errors, requests);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browser>, ICollectionFixture<Tests.AuditedSamples>
{
    public const string Name = "browser";
}
