using Microsoft.Playwright;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.BrowserTests;

/// <summary>One real app on Kestrel and one headless Chromium for every browser test: starting
/// either takes seconds, a fresh browser context per test keeps cookies apart. SQLite is enough
/// here – what a browser test adds is the page, script and form behaviour, not the provider, which
/// the integration tests cover on both databases.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; test.sh installs it. Playwright cannot download a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private TestApp? app;

    public TestApp App => app ?? throw new InvalidOperationException("fixture not started");

    /// <summary>The Kestrel address the app bound to, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.CreateIsolatedAsync(Db.Sqlite, useKestrel: true);
        // Bound to port 0: Kestrel picks a free port and reports it once started.
        BaseAddress = new Uri(app.App.Urls.Single());

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (no cookies) with one page, in Chinese, at the app's address.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context the size of a phone (390 × 844, touch), as the public uses
    /// the QR pages.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in in a fresh browser context; every confirmation dialog is accepted and its
    /// text added to <paramref name="dialogs"/> when given.</summary>
    public async Task<IPage> SignInAsync(string userName, List<string>? dialogs = null)
    {
        var page = await NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            dialogs?.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        await LoginTests.LogInAsync(page, userName, Platform.Accounts.DemoAccounts.Password);
        await Assertions.Expect(page.GetByTestId("home-title")).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
