using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using PleoUxGuard.Bench;
using PleoUxGuard.ConformanceKit;
using PleoUxGuard.ConformanceKit.Browser;
using PleoUxGuard.ConformanceKit.Flows;

// How often Playwright for .NET loses the event a wait for an address waits for (microsoft/playwright-dotnet#3364),
// waited for in one piece as Playwright offers it and in the kit's slices (SlicedWait), side by side in one run.
// A page sends itself to a second address a few milliseconds after loading, both served from a route (no server),
// and the wait starts as soon as the first has loaded. Most losses happen in a process's first wait, so each batch
// of waits runs in a process of its own, the two ways alternating.
const int ExitBadInput = 2;

if (args.Length >= 1 && args[0] == "--batch")
{
    try
    {
        return await BatchAsync(args[1..]);
    }
    catch (EnvironmentProblemException problem)
    {
        Console.Error.WriteLine(problem.Message);
        return 3;
    }
}

var processes = BenchArguments.WholeNumberOr(args, "--processes", 15);
var waits = BenchArguments.WholeNumberOr(args, "--waits", 20);
var delayMs = BenchArguments.WholeNumberOr(args, "--delay-ms", 15);
if (processes < 1 || waits < 1 || delayMs < 0)
{
    Console.Error.WriteLine("--processes and --waits must be positive whole numbers, --delay-ms zero or more.");
    return ExitBadInput;
}

Console.WriteLine($"{processes} processes per way, {waits} waits each, the page moving on {delayMs} ms after loading, each wait allowed {Batch.TimeoutSeconds} s.");
var totals = new Dictionary<string, Batch>(StringComparer.Ordinal) { ["one piece"] = new(), ["slices"] = new() };
for (var process = 0; process < processes; process++)
{
    // Alternate which way goes first, so neither always meets the busier half of a pair.
    foreach (var way in process % 2 == 0 ? new[] { "one piece", "slices" } : ["slices", "one piece"])
    {
        var batch = await RunBatchProcessAsync(way, waits, delayMs);
        if (batch is null)
        {
            return 1;
        }

        totals[way].Add(batch);
    }
}

foreach (var (way, total) in totals)
{
    var retried = way == "slices" ? $"; {total.Retried} needed another slice (an event lost, then caught)" : string.Empty;
    Console.WriteLine($"{way,-9}: {total.Lost} lost of {total.Waits}{retried}; slowest {total.SlowestMs} ms");
}

return 0;


static async Task<Batch?> RunBatchProcessAsync(string way, int waits, int delayMs)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        start.ArgumentList.Add(typeof(Batch).Assembly.Location);
    }

    foreach (var argument in new[] { "--batch", way == "slices" ? "slices" : "piece", waits.ToString(CultureInfo.InvariantCulture), delayMs.ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(argument);
    }

    using var child = Process.Start(start)!;

    // Both read at once: a child that fills one pipe while the other is being read would wait forever.
    var reading = child.StandardOutput.ReadToEndAsync();
    var error = await child.StandardError.ReadToEndAsync();
    var output = await reading;
    await child.WaitForExitAsync();
    if (child.ExitCode != 0 || Batch.Parse(output) is not { } batch)
    {
        Console.Error.WriteLine($"A batch ({way}) failed (exit {child.ExitCode}): {error.Trim()}");
        return null;
    }

    return batch;
}

static async Task<int> BatchAsync(string[] batchArgs)
{
    var sliced = batchArgs[0] == "slices";
    var waits = int.Parse(batchArgs[1], CultureInfo.InvariantCulture);
    var delayMs = int.Parse(batchArgs[2], CultureInfo.InvariantCulture);

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await BrowserLauncher.LaunchAsync(playwright, new BrowserResolver().Resolve());
    var page = await browser.NewPageAsync();
    await page.RouteAsync("**/*", route =>
    {
        var path = new Uri(route.Request.Url).AbsolutePath;
        var body = path.StartsWith("/a", StringComparison.Ordinal)
            ? $"<html><body>A<script>setTimeout(() => location.href = '/b{path[2..]}', {delayMs});</script></body></html>"
            : "<html><body>B</body></html>";
        return route.FulfillAsync(new() { ContentType = "text/html", Body = body });
    });

    var batch = new Batch();
    var timeout = TimeSpan.FromSeconds(Batch.TimeoutSeconds);
    for (var wait = 0; wait < waits; wait++)
    {
        await page.GotoAsync($"http://waits.test/a{wait}");
        var target = $"**/b{wait}";
        var clock = Stopwatch.StartNew();
        var slices = 0;
        try
        {
            if (sliced)
            {
                await SlicedWait.UntilAsync(
                    slice =>
                    {
                        slices++;
                        return page.WaitForURLAsync(target, new() { Timeout = (float)slice.TotalMilliseconds, WaitUntil = WaitUntilState.Commit });
                    },
                    timeout);
            }
            else
            {
                await page.WaitForURLAsync(target, new() { Timeout = (float)timeout.TotalMilliseconds, WaitUntil = WaitUntilState.Commit });
            }
        }
        catch (TimeoutException)
        {
            batch.Lost++;
        }

        batch.Waits++;
        batch.Retried += slices > 1 ? 1 : 0;
        batch.SlowestMs = Math.Max(batch.SlowestMs, (int)clock.ElapsedMilliseconds);
    }

    Console.WriteLine(batch);
    return 0;
}

/// <summary>What one batch of waits met, printed by the child and read by the parent.</summary>
internal sealed class Batch
{
    public const int TimeoutSeconds = 3;

    public int Waits { get; set; }

    public int Lost { get; set; }

    public int Retried { get; set; }

    public int SlowestMs { get; set; }

    public static Batch? Parse(string line)
    {
        var parts = line.Trim().Split(' ');
        var numbers = new int[4];
        if (parts.Length != numbers.Length)
        {
            return null;
        }

        for (var index = 0; index < parts.Length; index++)
        {
            if (!int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[index]))
            {
                return null;
            }
        }

        return new Batch { Waits = numbers[0], Lost = numbers[1], Retried = numbers[2], SlowestMs = numbers[3] };
    }

    public void Add(Batch other)
    {
        Waits += other.Waits;
        Lost += other.Lost;
        Retried += other.Retried;
        SlowestMs = Math.Max(SlowestMs, other.SlowestMs);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Waits} {Lost} {Retried} {SlowestMs}");
}
