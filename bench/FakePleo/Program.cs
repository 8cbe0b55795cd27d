using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using PleoUxGuard.Bench;
using PleoUxGuard.FakePleo;
using PleoUxGuard.FakePleo.Bench;

// Validations per second through the fake Pleo against a bare Kestrel endpoint returning a constant,
// measured side by side in one run (alternating rounds), reported as a ratio. Loopback only, bounded.
var requestsPerRound = BenchArguments.WholeNumberOr(args, "--requests", 20_000);
var concurrency = BenchArguments.WholeNumberOr(args, "--concurrency", 16);
var rounds = BenchArguments.WholeNumberOr(args, "--rounds", 5);
if (requestsPerRound < 1 || concurrency < 1 || rounds < 1)
{
    Console.Error.WriteLine("--requests, --concurrency and --rounds must be positive whole numbers.");
    return 2;
}

await using var fake = await FakePleoServer.StartAsync();
await using var bare = await BareKestrel.StartAsync();
var key = fake.Keys.MintValid();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
var authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key.Value + ":")));

Console.WriteLine($"{Environment.ProcessorCount} cores, {concurrency} concurrent clients, {requestsPerRound} validations per round, {rounds} rounds each, alternating.");
await RunRoundAsync(new Uri(bare.BaseUrl, "v1/introspect"), requestsPerRound / 4);
await RunRoundAsync(new Uri(fake.BaseUrl, "v1/introspect"), requestsPerRound / 4);

var bareRates = new List<double>();
var fakeRates = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    // Alternate which goes first, so neither always runs on the warmer (or busier) half of a round.
    fake.Journal.Clear();
    if (round % 2 == 1)
    {
        bareRates.Add(await RunRoundAsync(new Uri(bare.BaseUrl, "v1/introspect"), requestsPerRound));
        fakeRates.Add(await RunRoundAsync(new Uri(fake.BaseUrl, "v1/introspect"), requestsPerRound));
    }
    else
    {
        fakeRates.Add(await RunRoundAsync(new Uri(fake.BaseUrl, "v1/introspect"), requestsPerRound));
        bareRates.Add(await RunRoundAsync(new Uri(bare.BaseUrl, "v1/introspect"), requestsPerRound));
    }

    Console.WriteLine($"round {round}: bare Kestrel {bareRates[^1],9:N0}/s   fake Pleo {fakeRates[^1],9:N0}/s   ratio {bareRates[^1] / fakeRates[^1]:0.00}x");
}

// Each round's ratio compares two measurements taken moments apart, so machine noise cancels better
// than in a ratio of medians.
var ratio = Median([.. bareRates.Zip(fakeRates, (bareRate, fakeRate) => bareRate / fakeRate)]);
Console.WriteLine($"median: bare Kestrel {Median(bareRates):N0} validations/s, fake Pleo {Median(fakeRates):N0} validations/s");
Console.WriteLine($"overhead ratio (bare / fake, median of rounds): {ratio:0.00}x (aim: under 2x) {(ratio < 2 ? "OK" : "ABOVE AIM")}");
return 0;

async Task<double> RunRoundAsync(Uri url, int requests)
{
    var remaining = requests;
    var failures = 0;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Decrement(ref remaining) >= 0)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = authorization;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    watch.Stop();
    if (failures > 0)
    {
        throw new InvalidOperationException($"{failures} of {requests} validations against {url} failed; the benchmark would measure errors.");
    }

    return requests / watch.Elapsed.TotalSeconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
