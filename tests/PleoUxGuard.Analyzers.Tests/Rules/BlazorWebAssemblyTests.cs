using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.Analyzers.Tests.Verifiers;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>
/// The secret rules in a Blazor WebAssembly app, compiled against the WebAssembly host package
/// (<see cref="TestReferences.BlazorWebAssembly"/>): all of its code runs in the browser.
/// </summary>
public sealed class BlazorWebAssemblyTests
{
    /// <summary>
    /// The server project of a Blazor Web App (dotnet new blazor --interactivity WebAssembly): ASP.NET Core, and the
    /// WebAssembly host that its .Client project's package reference brings along.
    /// </summary>
    private static readonly ReferenceAssemblies HostingServer = new ReferenceAssemblies(
            "net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.15"), Path.Combine("ref", "net10.0"))
        .AddPackages(ImmutableArray.Create(
            new PackageIdentity("Microsoft.AspNetCore.App.Ref", "10.0.15"),
            new PackageIdentity("Microsoft.AspNetCore.Components.WebAssembly", "10.0.15")));

    private static Task VerifyAsync<TRule>(string source, ReferenceAssemblies references, params DiagnosticResult[] expected)
        where TRule : RuleSelection, new()
    {
        var test = new AnalyzerVerifier<SecretLeakAnalyzer, TRule>.Test { ReferenceAssemblies = references, TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public async Task The_WebAssembly_hosts_configuration_is_configuration()
    {
        // builder.Configuration is a WebAssemblyHostConfiguration, whose indexer and GetSection are its own.
        const string source = """
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Logging;

            static class Startup
            {
                public static void Describe(WebAssemblyHostBuilder builder, ILogger logger)
                {
                    logger.LogInformation("{A}", {|PUX001:builder.Configuration["Pleo:ApiKey"]|});
                    logger.LogInformation("{A}", {|PUX001:builder.Configuration.GetSection("Pleo:ApiKey").Value|});
                    logger.LogInformation("{A}", builder.Configuration["Pleo:BaseUrl"]);
                }
            }
            """;
        await VerifyAsync<OnlyPux001>(source, TestReferences.BlazorWebAssembly);
    }

    [Fact]
    public async Task A_secret_setting_a_WebAssembly_app_reads_is_PUX007_where_it_is_read()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class PleoOptions
            {
                public string BaseUrl { get; set; } = "";
                public string ApiKey { get; set; } = "";
            }

            public sealed class DisplayOptions
            {
                public string Theme { get; set; } = "";
            }

            // A field initializer: a body with no call in it.
            public sealed class PleoSettings(IConfiguration configuration)
            {
                private readonly string? _key = {|#7:configuration["Pleo:ApiKey"]|};
            }

            static class Program
            {
                static async Task Main(string[] args)
                {
                    var builder = WebAssemblyHostBuilder.CreateDefault(args);
                    var apiKey = {|#0:builder.Configuration["Pleo:ApiKey"]|};
                    var fromValue = {|#1:builder.Configuration.GetValue<string>("Pleo:ApiKey")|};
                    var fromSection = {|#2:builder.Configuration.GetSection("Pleo:ApiKey")|}.Value;
                    var options = {|#3:builder.Configuration.GetSection("Pleo").Get<PleoOptions>()|};
                    {|#4:builder.Services.Configure<PleoOptions>(builder.Configuration.GetSection("Pleo"))|};
                    {|#5:builder.Services.AddOptions<PleoOptions>().BindConfiguration("Pleo")|};
                    var bound = new PleoOptions();
                    {|#6:builder.Configuration.Bind("Pleo", bound)|};

                    var baseUrl = builder.Configuration["Pleo:BaseUrl"];
                    var display = builder.Configuration.GetSection("Display").Get<DisplayOptions>();
                    builder.Services.Configure<DisplayOptions>(builder.Configuration.GetSection("Display"));
                    var settingName = builder.Configuration.GetSection("Pleo:ApiKey").Key;
                    await builder.Build().RunAsync();
                }
            }
            """;
        await VerifyAsync<OnlyPux007>(
            source,
            TestReferences.BlazorWebAssembly,
            Pux007(0, "Pleo:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(1, "Pleo:ApiKey", "IConfiguration.GetValue in a Blazor WebAssembly app"),
            Pux007(2, "Pleo:ApiKey", "WebAssemblyHostConfiguration.GetSection in a Blazor WebAssembly app"),
            Pux007(3, "ApiKey", "IConfiguration.Get in a Blazor WebAssembly app"),
            Pux007(4, "ApiKey", "IServiceCollection.Configure in a Blazor WebAssembly app"),
            Pux007(5, "ApiKey", "OptionsBuilder.BindConfiguration in a Blazor WebAssembly app"),
            Pux007(6, "ApiKey", "IConfiguration.Bind in a Blazor WebAssembly app"),
            Pux007(7, "Pleo:ApiKey", "IConfiguration[…] in a Blazor WebAssembly app"));
    }

    [Fact]
    public async Task A_binding_with_a_Type_or_BinderOptions_is_a_read_like_the_generic_one()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class PleoOptions
            {
                public string ApiKey { get; set; } = "";
            }

            public sealed class DisplayOptions
            {
                public string Theme { get; set; } = "";
            }

            static class Program
            {
                static void Main(string[] args, Type chosen)
                {
                    var builder = WebAssemblyHostBuilder.CreateDefault(args);
                    var section = builder.Configuration.GetSection("Pleo");
                    var options = {|#0:section.Get(typeof(PleoOptions))|};
                    var strict = {|#1:section.Get(typeof(PleoOptions), binder => binder.ErrorOnUnknownConfiguration = true)|};
                    var bound = new PleoOptions();
                    {|#2:section.Bind(bound, binder => binder.BindNonPublicProperties = true)|};
                    {|#3:builder.Services.Configure<PleoOptions>(section, binder => binder.ErrorOnUnknownConfiguration = true)|};
                    {|#4:builder.Services.AddOptions<PleoOptions>().Bind(section, binder => binder.ErrorOnUnknownConfiguration = true)|};

                    var display = builder.Configuration.GetSection("Display").Get(typeof(DisplayOptions));
                    var unknown = section.Get(chosen);
                }
            }
            """;
        await VerifyAsync<OnlyPux007>(
            source,
            TestReferences.BlazorWebAssembly,
            Pux007(0, "ApiKey", "IConfiguration.Get in a Blazor WebAssembly app"),
            Pux007(1, "ApiKey", "IConfiguration.Get in a Blazor WebAssembly app"),
            Pux007(2, "ApiKey", "IConfiguration.Bind in a Blazor WebAssembly app"),
            Pux007(3, "ApiKey", "IServiceCollection.Configure in a Blazor WebAssembly app"),
            Pux007(4, "ApiKey", "OptionsBuilder.Bind in a Blazor WebAssembly app"));
    }

    [Fact]
    public async Task Writing_a_secret_setting_or_asking_whether_it_exists_is_not_a_read()
    {
        const string source = """
            using System;
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Configuration;

            static class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebAssemblyHostBuilder.CreateDefault(args);
                    builder.Configuration["Pleo:ApiKey"] = null;
                    builder.Configuration["Pleo:ApiKey"] = "";
                    if (!builder.Configuration.GetSection("Pleo:ApiKey").Exists())
                    {
                        Console.WriteLine("No key in this app's settings: good.");
                    }

                    var exists = builder.Configuration.GetRequiredSection("Pleo").GetSection("ApiKey").Exists();
                    var read = {|#0:builder.Configuration["Pleo:ApiKey"]|} ??= "";
                    var section = {|#1:builder.Configuration.GetSection("Pleo:ApiKey")|};
                }
            }
            """;
        await VerifyAsync<OnlyPux007>(
            source,
            TestReferences.BlazorWebAssembly,
            Pux007(0, "Pleo:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(1, "Pleo:ApiKey", "WebAssemblyHostConfiguration.GetSection in a Blazor WebAssembly app"));
    }

    private const string PublicSettings = "root = true\n\n[*]\npleouxguard.public_settings = GoogleMaps, Firebase:ApiKey, Integrations\n";

    [Fact]
    public async Task Settings_declared_public_are_silent_and_a_Pleo_setting_never_is_public()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.JSInterop;

            public sealed class MapsOptions
            {
                public string ApiKey { get; set; } = "";
            }

            public sealed class PleoOptions
            {
                public string ApiKey { get; set; } = "";
            }

            static class Program
            {
                static async Task Main(string[] args)
                {
                    var builder = WebAssemblyHostBuilder.CreateDefault(args);
                    var maps = builder.Configuration["GoogleMaps:ApiKey"];
                    var firebase = builder.Configuration.GetValue<string>("Firebase:ApiKey");
                    var fromSection = builder.Configuration.GetSection("GoogleMaps")["ApiKey"];
                    var mapsSection = builder.Configuration.GetSection("GoogleMaps");
                    var fromLocal = mapsSection.GetValue<string>("ApiKey");
                    var environmentStyle = builder.Configuration["googlemaps__ApiKey"];
                    var sectionValue = builder.Configuration.GetSection("GoogleMaps:ApiKey").Value;
                    var bound = builder.Configuration.GetSection("GoogleMaps").Get<MapsOptions>();
                    builder.Services.AddOptions<MapsOptions>().BindConfiguration("GoogleMaps");
                    var host = builder.Build();
                    var js = host.Services.GetRequiredService<IJSRuntime>();
                    var mapsApiKey = builder.Configuration["GoogleMaps:ApiKey"] ?? "";
                    await js.InvokeVoidAsync("initMap", mapsApiKey);

                    var pleo = {|#0:builder.Configuration["Pleo:ApiKey"]|};
                    var underPublic = {|#1:builder.Configuration["Integrations:Pleo:ApiKey"]|};
                    var pleoType = {|#2:builder.Configuration.GetSection("Integrations").Get<PleoOptions>()|};
                    var notListed = {|#3:builder.Configuration["Firebase:PrivateKey"]|};
                    var lookalike = {|#4:builder.Configuration["GoogleMapsServer:ApiKey"]|};
                    var unseen = {|#5:Section(builder)["ApiKey"]|};
                    var browserApiKey = builder.Configuration["GoogleMaps:ApiKey"];
                    if (args.Length > 1)
                    {
                        browserApiKey = args[1];
                    }

                    await js.InvokeVoidAsync("initMap", {|#6:browserApiKey|});
                }

                static IConfigurationSection Section(WebAssemblyHostBuilder builder) => builder.Configuration.GetSection("GoogleMaps");
            }
            """;
        var test = new AnalyzerVerifier<SecretLeakAnalyzer, OnlyPux007>.Test { ReferenceAssemblies = TestReferences.BlazorWebAssembly, TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PublicSettings));
        test.ExpectedDiagnostics.AddRange(
        [
            Pux007(0, "Pleo:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(1, "Integrations:Pleo:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(2, "ApiKey", "IConfiguration.Get in a Blazor WebAssembly app"),
            Pux007(3, "Firebase:PrivateKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(4, "GoogleMapsServer:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(5, "ApiKey", "IConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(6, "browserApiKey", "IJSRuntime.InvokeVoidAsync"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_binding_of_a_public_section_is_silent_only_when_each_secret_member_it_fills_is_public()
    {
        // The member's own path decides, as a key read does: Integrations:PleoApiKey is reported when read by its key.
        const string source = """
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Configuration;

            public sealed class IntegrationsOptions
            {
                public string MapsApiKey { get; set; } = "";
                public string PleoApiKey { get; set; } = "";
            }

            public sealed class NestedOptions
            {
                public MapsSettings Maps { get; set; } = new();
                public PleoSettings Export { get; set; } = new();
            }

            public sealed class MapsSettings
            {
                public string ApiKey { get; set; } = "";
            }

            public sealed class PleoSettings
            {
                public string ApiKey { get; set; } = "";
            }

            public sealed class FirebaseOptions
            {
                public string ApiKey { get; set; } = "";
                public string PrivateKey { get; set; } = "";
            }

            public sealed class FirebaseWebOptions
            {
                public string ApiKey { get; set; } = "";
            }

            static class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebAssemblyHostBuilder.CreateDefault(args);
                    var read = {|#0:builder.Configuration["Integrations:PleoApiKey"]|};
                    var bound = {|#1:builder.Configuration.GetSection("Integrations").Get<IntegrationsOptions>()|};
                    var nested = {|#2:builder.Configuration.GetSection("Integrations").Get<NestedOptions>()|};
                    var firebase = {|#3:builder.Configuration.GetSection("Firebase").Get<FirebaseOptions>()|};

                    // Controls: every secret member's path is public.
                    var maps = builder.Configuration.GetSection("Integrations").Get<MapsSettings>();
                    var firebaseWeb = builder.Configuration.GetSection("Firebase").Get<FirebaseWebOptions>();
                }
            }
            """;
        var test = new AnalyzerVerifier<SecretLeakAnalyzer, OnlyPux007>.Test { ReferenceAssemblies = TestReferences.BlazorWebAssembly, TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PublicSettings));
        test.ExpectedDiagnostics.AddRange(
        [
            Pux007(0, "Integrations:PleoApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(1, "PleoApiKey", "IConfiguration.Get in a Blazor WebAssembly app"),
            Pux007(2, "ApiKey", "IConfiguration.Get in a Blazor WebAssembly app"),
            Pux007(3, "PrivateKey", "IConfiguration.Get in a Blazor WebAssembly app"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task Pleo_run_into_other_words_is_still_a_Pleo_setting_under_a_public_section()
    {
        // An environment-style or lower-case key has no word boundaries: pleo anywhere in a part keeps it secret.
        const string source = """
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Configuration;

            static class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebAssemblyHostBuilder.CreateDefault(args);
                    var environment = {|#0:builder.Configuration["INTEGRATIONS__PLEOAPI__APIKEY"]|};
                    var lowerCase = {|#1:builder.Configuration["Integrations:pleoapi:ApiKey"]|};
                    var section = {|#2:builder.Configuration.GetSection("Integrations").GetValue<string>("pleoapi:ApiKey")|};

                    // Controls: the same shapes without Pleo are public.
                    var maps = builder.Configuration["INTEGRATIONS__MAPSAPI__APIKEY"];
                    var lowerMaps = builder.Configuration["Integrations:mapsapi:ApiKey"];
                }
            }
            """;
        var test = new AnalyzerVerifier<SecretLeakAnalyzer, OnlyPux007>.Test { ReferenceAssemblies = TestReferences.BlazorWebAssembly, TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PublicSettings));
        test.ExpectedDiagnostics.AddRange(
        [
            Pux007(0, "INTEGRATIONS__PLEOAPI__APIKEY", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(1, "Integrations:pleoapi:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(2, "pleoapi:ApiKey", "IConfiguration.GetValue in a Blazor WebAssembly app"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_setting_declared_public_is_no_secret_on_a_server_either()
    {
        // The option states what the value is, not where it is read: a server page often renders the same browser key.
        const string source = """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            public sealed class Startup(IConfiguration configuration, ILogger<Startup> logger)
            {
                public void Describe()
                {
                    logger.LogInformation("Maps key {Key}", configuration["GoogleMaps:ApiKey"]);
                    logger.LogInformation("Pleo key {Key}", {|#0:configuration["Integrations:Pleo:ApiKey"]|});
                }
            }
            """;
        var test = new AnalyzerVerifier<SecretLeakAnalyzer>.Test { ReferenceAssemblies = TestReferences.Default, TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PublicSettings));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(DiagnosticIds.SecretToLog, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Integrations:Pleo:ApiKey", "ILogger.LogInformation"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_secret_a_WebAssembly_app_puts_in_a_request_header_is_PUX007()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

            public sealed class PleoClient(HttpClient http)
            {
                public async Task<bool> ConnectAsync(string apiKey, string companyId)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes({|#0:apiKey|} + ":")));
                    using var request = new HttpRequestMessage(HttpMethod.Get, "https://external.pleo.io/v1/companies");
                    request.Headers.Authorization = AuthenticationHeaderValue.Parse("Basic " + {|PUX007:apiKey|});
                    request.Headers.Add("Authorization", $"Basic {{|#1:apiKey|}}");
                    request.Headers.TryAddWithoutValidation("X-Api-Key", {|PUX007:apiKey|});
                    request.Headers.Add("X-Company", companyId);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    var response = await http.SendAsync(request);
                    return response.IsSuccessStatusCode;
                }
            }
            """;
        await VerifyAsync<OnlyPux007>(
            source,
            TestReferences.BlazorWebAssembly,
            Pux007(0, "apiKey", "new AuthenticationHeaderValue in a Blazor WebAssembly app"),
            Pux007(1, "apiKey", "HttpHeaders.Add in a Blazor WebAssembly app"));
    }

    [Fact]
    public async Task A_secret_passed_to_synchronous_JS_interop_is_PUX007_like_the_asynchronous_calls()
    {
        // A WebAssembly app's IJSRuntime is also an IJSInProcessRuntime: the same localStorage, called without await.
        const string source = """
            using Microsoft.JSInterop;

            public sealed class KeyStore(IJSRuntime js)
            {
                public void Save(string apiKey, string companyId, IJSInProcessObjectReference module)
                {
                    var inProcess = (IJSInProcessRuntime)js;
                    ((IJSInProcessRuntime)js).InvokeVoid("localStorage.setItem", "pleoKey", {|#0:apiKey|});
                    inProcess.Invoke<object>("sessionStorage.setItem", "pleoKey", {|#1:apiKey|});
                    inProcess.SetValue("window.pleoKey", {|#2:apiKey|});
                    module.InvokeVoid("remember", {|#3:apiKey|});
                    _ = module.Invoke<string>("remember", {|#4:apiKey|});

                    inProcess.InvokeVoid("localStorage.setItem", "pleoCompany", companyId);
                    module.InvokeVoid("remember", companyId);
                    _ = inProcess.Invoke<int>("keyLength", apiKey.Length);
                }
            }
            """;
        await VerifyAsync<OnlyPux007>(
            source,
            TestReferences.BlazorWebAssembly,
            Pux007(0, "apiKey", "IJSInProcessRuntime.InvokeVoid"),
            Pux007(1, "apiKey", "IJSInProcessRuntime.Invoke"),
            Pux007(2, "apiKey", "IJSInProcessRuntime.SetValue"),
            Pux007(3, "apiKey", "IJSInProcessObjectReference.InvokeVoid"),
            Pux007(4, "apiKey", "IJSInProcessObjectReference.Invoke"));
    }

    [Fact]
    public async Task A_local_that_may_get_another_value_than_the_access_token_is_not_taken_for_it()
    {
        // An out argument, a local function or a later assignment in a loop writes what the definitions never see.
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.WebAssembly.Authentication;

            public sealed class ApiClient(HttpClient http, IAccessTokenProvider tokens)
            {
                public async Task CallAsync(Dictionary<string, string> cache, string[] companies)
                {
                    var tokenResult = await tokens.RequestAccessToken();
                    if (!tokenResult.TryGetToken(out var token))
                    {
                        return;
                    }

                    using var request = new HttpRequestMessage(HttpMethod.Get, "https://external.pleo.io/v1/companies");
                    var accessToken = token.Value;
                    if (cache.Count > 0)
                    {
                        cache.TryGetValue("pleo", out accessToken);
                    }

                    request.Headers.Add("Authorization", {|#0:accessToken|});

                    var lateToken = token.Value;
                    UsePleo();
                    request.Headers.Add("X-Late", {|#1:lateToken|});

                    var loopToken = token.Value;
                    foreach (var company in companies)
                    {
                        request.Headers.Add("X-Loop", {|#2:loopToken|});
                        loopToken = cache[company];
                    }

                    // Control: another local written through out leaves the token's local alone.
                    var plainToken = token.Value;
                    cache.TryGetValue("other", out var cached);
                    request.Headers.Add("X-Plain", plainToken);
                    await http.SendAsync(request);

                    void UsePleo() => lateToken = cache["pleo"];
                }
            }
            """;
        var test = new AnalyzerVerifier<SecretLeakAnalyzer>.Test { ReferenceAssemblies = TestReferences.BlazorWebAssembly, TestCode = source };
        test.ExpectedDiagnostics.AddRange(
        [
            Pux007(0, "accessToken", "HttpHeaders.Add in a Blazor WebAssembly app"),
            Pux007(1, "lateToken", "HttpHeaders.Add in a Blazor WebAssembly app"),
            Pux007(2, "loopToken", "HttpHeaders.Add in a Blazor WebAssembly app"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_local_is_the_access_token_only_when_every_branch_of_its_value_is()
    {
        // One branch of a ?: being the token says nothing of the other: a downloaded text or a parameter may be a key.
        const string source = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.WebAssembly.Authentication;

            public sealed class ApiClient(HttpClient http, IAccessTokenProvider tokens)
            {
                public async Task CallAsync(bool sso, string fromElsewhere)
                {
                    var tokenResult = await tokens.RequestAccessToken();
                    if (!tokenResult.TryGetToken(out var token))
                    {
                        return;
                    }

                    using var request = new HttpRequestMessage(HttpMethod.Get, "https://external.pleo.io/v1/companies");
                    var accessToken = sso ? token.Value : await http.GetStringAsync("api/pleo-key");
                    request.Headers.Add("Authorization", {|#0:accessToken|});
                    var bearerToken = sso ? token.Value : fromElsewhere;
                    request.Headers.Add("X-Bearer", {|#1:bearerToken|});
                    var fallbackToken = token.Value ?? fromElsewhere;
                    request.Headers.Add("X-Fallback", {|#2:fallbackToken|});

                    // Controls: the token or nothing, whichever branch runs.
                    var optionalToken = sso ? token.Value : null;
                    request.Headers.Add("X-Optional", optionalToken);
                    var emptyToken = token.Value ?? "";
                    request.Headers.Add("X-Empty", emptyToken);
                    var conditionalToken = token?.Value;
                    request.Headers.Add("X-Conditional", conditionalToken);
                    await http.SendAsync(request);
                }
            }
            """;
        var test = new AnalyzerVerifier<SecretLeakAnalyzer>.Test { ReferenceAssemblies = TestReferences.BlazorWebAssembly, TestCode = source };
        test.ExpectedDiagnostics.AddRange(
        [
            Pux007(0, "accessToken", "HttpHeaders.Add in a Blazor WebAssembly app"),
            Pux007(1, "bearerToken", "HttpHeaders.Add in a Blazor WebAssembly app"),
            Pux007(2, "fallbackToken", "HttpHeaders.Add in a Blazor WebAssembly app"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task Only_the_authentication_librarys_AccessToken_Value_is_the_sign_in_token()
    {
        // An app's own AccessToken type is judged by its members' names: its Value says nothing.
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
            using Microsoft.Extensions.Logging;

            namespace Shop
            {
                public sealed class AccessToken
                {
                    public string Value { get; set; } = "";
                }

                public sealed class Audit(IAccessTokenProvider tokens, ILogger<Audit> logger)
                {
                    public async Task LogAsync(AccessToken own)
                    {
                        logger.LogInformation("Own {Value}", own.Value);
                        var tokenResult = await tokens.RequestAccessToken();
                        if (tokenResult.TryGetToken(out Microsoft.AspNetCore.Components.WebAssembly.Authentication.AccessToken? token))
                        {
                            logger.LogInformation("Token {Token}", {|#0:token.Value|});
                        }
                    }
                }
            }
            """;
        var test = new AnalyzerVerifier<SecretLeakAnalyzer>.Test { ReferenceAssemblies = TestReferences.BlazorWebAssembly, TestCode = source };
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult(DiagnosticIds.SecretToLog, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("AccessToken.Value", "ILogger.LogInformation"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_signed_in_users_access_token_is_silent_in_a_header_or_JS_interop_and_a_secret_in_a_log_or_URL()
    {
        // IAccessTokenProvider's token is the user's own, made to be sent in a header; a log or a URL keeps it for others.
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
            using Microsoft.Extensions.Logging;
            using Microsoft.JSInterop;

            public sealed class ApiClient(HttpClient http, IAccessTokenProvider tokens, IJSRuntime js, ILogger<ApiClient> logger)
            {
                public async Task CallAsync(string pleoApiKey, string fromElsewhere)
                {
                    var tokenResult = await tokens.RequestAccessToken();
                    if (!tokenResult.TryGetToken(out var token))
                    {
                        return;
                    }

                    using var request = new HttpRequestMessage(HttpMethod.Get, "api/expenses");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
                    var accessToken = token.Value;
                    request.Headers.Add("X-Access-Token", accessToken);
                    await js.InvokeVoidAsync("api.setToken", accessToken);
                    await http.SendAsync(request);

                    logger.LogInformation("Token {Token}", {|#0:token.Value|});
                    logger.LogInformation("Token {Token}", {|#1:accessToken|});
                    _ = new Uri($"https://api.example.test/expenses?access_token={{|#2:accessToken|}}");

                    // Named like a secret and holding something else, or something besides the token: as before.
                    var bearerToken = fromElsewhere;
                    request.Headers.Add("X-Bearer", {|#3:bearerToken|});
                    var mixedToken = token.Value;
                    if (fromElsewhere.Length > 0)
                    {
                        mixedToken = pleoApiKey;
                    }

                    request.Headers.Add("X-Mixed", {|#4:mixedToken|});
                }
            }
            """;
        var test = new AnalyzerVerifier<SecretLeakAnalyzer>.Test { ReferenceAssemblies = TestReferences.BlazorWebAssembly, TestCode = source };
        test.ExpectedDiagnostics.AddRange(
        [
            new DiagnosticResult(DiagnosticIds.SecretToLog, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("AccessToken.Value", "ILogger.LogInformation"),
            new DiagnosticResult(DiagnosticIds.SecretToLog, DiagnosticSeverity.Warning).WithLocation(1).WithArguments("accessToken", "ILogger.LogInformation"),
            new DiagnosticResult(DiagnosticIds.SecretInUrl, DiagnosticSeverity.Warning).WithLocation(2).WithArguments("accessToken", "new Uri"),
            Pux007(3, "bearerToken", "HttpHeaders.Add in a Blazor WebAssembly app"),
            Pux007(4, "mixedToken", "HttpHeaders.Add in a Blazor WebAssembly app"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_setting_put_in_a_header_or_browser_storage_is_reported_once_where_it_is_read_a_variable_named_as_a_secret_also_where_it_is_sent()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.JSInterop;

            static class Program
            {
                static async Task Main(string[] args)
                {
                    var builder = WebAssemblyHostBuilder.CreateDefault(args);
                    var pleo = {|#0:builder.Configuration["Pleo:ApiKey"]|};
                    builder.Services.AddScoped(services =>
                    {
                        var http = new HttpClient { BaseAddress = new Uri("https://external.pleo.io/") };
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", pleo);
                        http.DefaultRequestHeaders.Add("X-Api-Key", {|#1:builder.Configuration.GetValue<string>("Pleo:ApiKey")|});
                        return http;
                    });
                    var host = builder.Build();
                    var js = host.Services.GetRequiredService<IJSRuntime>();
                    await js.InvokeVoidAsync("localStorage.setItem", "pleo", {|#2:builder.Configuration["Pleo:ApiKey"]|});

                    // Two changes to make: the read leaks the key to every visitor, the header sends it from the browser.
                    var apiKey = {|#3:builder.Configuration["Pleo:ApiKey"]|};
                    host.Services.GetRequiredService<HttpClient>().DefaultRequestHeaders.Add("X-Api-Key", {|#4:apiKey|});
                    await host.RunAsync();
                }
            }
            """;
        await VerifyAsync<OnlyPux007>(
            source,
            TestReferences.BlazorWebAssembly,
            Pux007(0, "Pleo:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(1, "Pleo:ApiKey", "IConfiguration.GetValue in a Blazor WebAssembly app"),
            Pux007(2, "Pleo:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(3, "Pleo:ApiKey", "WebAssemblyHostConfiguration[…] in a Blazor WebAssembly app"),
            Pux007(4, "apiKey", "HttpHeaders.Add in a Blazor WebAssembly app"));
    }

    [Fact]
    public async Task The_key_a_user_types_into_a_WebAssembly_form_and_posts_to_the_apps_own_backend_is_silent()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Components;
            using Microsoft.AspNetCore.Components.Rendering;
            using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

            public partial class ConnectPleo : ComponentBase
            {
                [Inject] private HttpClient Http { get; set; } = null!;
                private string apiKey = "";
                private string status = "";

                protected override void BuildRenderTree(RenderTreeBuilder __builder)
                {
                    __builder.OpenElement(0, "input");
                    __builder.AddAttribute(1, "type", "password");
                    __builder.AddAttribute(2, "value", BindConverter.FormatValue(apiKey));
                    __builder.AddAttribute(3, "onchange", EventCallback.Factory.CreateBinder(this, __value => apiKey = __value, apiKey));
                    __builder.SetUpdatesAttributeName("value");
                    __builder.CloseElement();
                    __builder.AddContent(4, status);
                }

                private async Task ConnectAsync()
                {
                    using var response = await Http.PostAsJsonAsync("api/pleo/connect", new { apiKey });
                    apiKey = "";
                    status = response.IsSuccessStatusCode ? "Connected" : "Pleo did not accept the key. Check it and enter it again.";
                }
            }
            """;

        // Every secret rule, not only PUX007.
        var test = new AnalyzerVerifier<SecretLeakAnalyzer>.Test { ReferenceAssemblies = TestReferences.BlazorWebAssembly, TestCode = source };
        await test.RunAsync();
    }

    public static TheoryData<string> Servers() => new() { nameof(TestReferences.Default), nameof(HostingServer) };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task The_same_reads_and_headers_on_a_server_are_silent(string server)
    {
        // The hosting server references WebAssemblyHostBuilder (through its .Client project) and still runs on the server.
        var hosting = server == nameof(HostingServer);
        var source = $$"""
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;

            public sealed class PleoOptions
            {
                public string ApiKey { get; set; } = "";
            }

            public sealed class PleoClient(HttpClient http, IConfiguration configuration)
            {
                public async Task<bool> ConnectAsync()
                {
                    {{(hosting ? "_ = typeof(Microsoft.AspNetCore.Components.WebAssembly.Hosting.WebAssemblyHostBuilder);" : string.Empty)}}
                    var apiKey = configuration["Pleo:ApiKey"];
                    var options = configuration.GetSection("Pleo").Get<PleoOptions>();
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":")));
                    using var request = new HttpRequestMessage(HttpMethod.Get, "https://external.pleo.io/v1/companies");
                    request.Headers.Add("Authorization", "Basic " + options!.ApiKey);
                    var response = await http.SendAsync(request);
                    return response.IsSuccessStatusCode;
                }
            }
            """;
        await VerifyAsync<OnlyPux007>(source, hosting ? HostingServer : TestReferences.Default);
    }

    private static DiagnosticResult Pux007(int location, string secret, string sink) =>
        new DiagnosticResult(DiagnosticIds.SecretToBrowserStorage, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(secret, sink);
}
