using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using PleoUxGuard.ConformanceKit.Browser;
using static Microsoft.Playwright.Assertions;

namespace PleoUxGuard.ConformanceKit.Tests;

public sealed class BrowserSmokeTests
{
    [Fact]
    public async Task Chromium_renders_a_page_served_by_kestrel_on_loopback()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Content(
            "<!doctype html><html lang=en><title>Smoke</title><h1>Connect to Pleo</h1><label for=k>API key</label><input id=k type=password>",
            "text/html"));
        await app.StartAsync();
        var address = app.Urls.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserLauncher.LaunchAsync(playwright, new BrowserResolver().Resolve());
        var page = await browser.NewPageAsync();
        await page.GotoAsync(address);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connect to Pleo" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("API key")).ToHaveAttributeAsync("type", "password");
    }
}
