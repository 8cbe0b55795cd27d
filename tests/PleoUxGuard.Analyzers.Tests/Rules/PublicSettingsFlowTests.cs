using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.Analyzers.Tests.Verifiers;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>
/// <c>pleouxguard.public_settings</c> on a server: which reads the option clears, and which values the flow cannot
/// know and so keeps judging by name (an <c>out</c> argument, a ref alias, a loop's later assignment).
/// </summary>
public sealed class PublicSettingsFlowTests
{
    private const string PublicSettings = "root = true\n\n[*]\npleouxguard.public_settings = GoogleMaps, Firebase:ApiKey, Integrations\n";

    private static DiagnosticResult Log(int location, string secret) =>
        new DiagnosticResult(DiagnosticIds.SecretToLog, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(secret, "ILogger.LogInformation");

    private static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerVerifier<SecretLeakAnalyzer>.Test { ReferenceAssemblies = TestReferences.Default, TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PublicSettings));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public Task A_secret_named_local_is_cleared_only_when_nothing_the_flow_misses_writes_it() => VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        public sealed class Startup(IConfiguration configuration, ILogger<Startup> logger)
        {
            public void ThroughOut(Dictionary<string, string> vault, bool usePleo)
            {
                var apiKey = configuration["GoogleMaps:ApiKey"];
                if (usePleo)
                {
                    vault.TryGetValue("pleo", out apiKey);
                }

                logger.LogInformation("key {Key}", {|#0:apiKey|});
            }

            public void LaterInALoop(string[] providers)
            {
                var apiKey = configuration["GoogleMaps:ApiKey"];
                foreach (var provider in providers)
                {
                    logger.LogInformation("key {Key}", {|#1:apiKey|});
                    apiKey = configuration["Pleo:ApiKey"];
                }
            }

            public void InALocalFunction()
            {
                var apiKey = configuration["GoogleMaps:ApiKey"];
                UsePleo();
                logger.LogInformation("key {Key}", {|#2:apiKey|});

                void UsePleo() => apiKey = configuration["Pleo:ApiKey"];
            }

            public void ThroughARefAlias(Dictionary<string, string> vault)
            {
                var apiKey = configuration["GoogleMaps:ApiKey"];
                ref var alias = ref apiKey;
                alias = vault["pleo"];
                logger.LogInformation("key {Key}", {|#3:apiKey|});
            }

            public void ByRef(Dictionary<string, string> vault)
            {
                var apiKey = configuration["GoogleMaps:ApiKey"];
                Replace(ref apiKey, vault);
                logger.LogInformation("key {Key}", {|#4:apiKey|});
            }

            // Controls: only public reads, and writes the flow sees, before the use.
            public void Plain(Dictionary<string, string> vault, bool firebase)
            {
                var apiKey = configuration["GoogleMaps:ApiKey"];
                if (firebase)
                {
                    apiKey = configuration["Firebase:ApiKey"];
                }

                apiKey ??= "";
                vault.TryGetValue("maps", out var other);
                Read(apiKey);
                logger.LogInformation("key {Key}", apiKey);
            }

            public void InItsOwnLambda(List<string> providers) =>
                providers.ForEach(provider =>
                {
                    var apiKey = configuration["GoogleMaps:ApiKey"];
                    apiKey = configuration["Firebase:ApiKey"];
                    logger.LogInformation("key {Key} for {Provider}", apiKey, provider);
                });

            static void Replace(ref string? key, Dictionary<string, string> vault) => key = vault["pleo"];

            static void Read(string? key)
            {
            }
        }
        """, Log(0, "apiKey"), Log(1, "apiKey"), Log(2, "apiKey"), Log(3, "apiKey"), Log(4, "apiKey"));

    [Fact]
    public Task A_section_local_has_a_path_only_when_nothing_else_is_written_to_it() => VerifyAsync("""
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        public sealed class Startup(IConfiguration configuration, ILogger<Startup> logger)
        {
            public void ByDeconstruction(bool pleo)
            {
                var section = configuration.GetSection("GoogleMaps");
                var other = 0;
                if (pleo)
                {
                    (section, other) = (configuration.GetSection("Pleo"), 1);
                }

                logger.LogInformation("key {Key}", {|#0:section["ApiKey"]|});
            }

            public void ThroughARefAlias()
            {
                IConfigurationSection section = configuration.GetSection("GoogleMaps");
                ref IConfigurationSection alias = ref section;
                alias = configuration.GetSection("Pleo");
                logger.LogInformation("key {Key}", {|#1:section["ApiKey"]|});
            }

            public void ThroughOut(bool pleo)
            {
                var section = configuration.GetSection("GoogleMaps");
                if (pleo)
                {
                    Pleo(out section);
                }

                logger.LogInformation("key {Key}", {|#2:section["ApiKey"]|});
            }

            // Controls: a section local nothing else is written to, passed on by value.
            public void Plain()
            {
                var section = configuration.GetSection("GoogleMaps");
                Use(section);
                logger.LogInformation("key {Key}", section["ApiKey"]);
            }

            void Pleo(out IConfigurationSection section) => section = configuration.GetSection("Pleo");

            static void Use(IConfigurationSection section)
            {
            }
        }
        """, Log(0, "ApiKey"), Log(1, "ApiKey"), Log(2, "ApiKey"));

    [Fact]
    public Task Only_a_configuration_that_is_clearly_the_root_gives_a_key_its_path() => VerifyAsync("""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;

        public static class PleoRegistration
        {
            // A method's IConfiguration parameter may be a section: here it is Pleo's.
            public static void Register(IConfiguration configuration, ILogger logger) => Add(configuration.GetSection("Pleo"), logger);

            static void Add(IConfiguration pleo, ILogger logger) =>
                logger.LogInformation("key {Key}", {|#0:pleo["Firebase:ApiKey"]|});

            public static void AddMaps(this IServiceCollection services, IConfiguration configuration, ILogger logger) =>
                logger.LogInformation("key {Key}", {|#1:configuration["GoogleMaps:ApiKey"]|});

            // Controls: a root by its type, from the container, or a host builder context's.
            public static void FromRoot(IConfigurationRoot root, IServiceProvider services, HostBuilderContext context, ILogger logger)
            {
                logger.LogInformation("key {Key}", root["GoogleMaps:ApiKey"]);
                logger.LogInformation("key {Key}", services.GetRequiredService<IConfiguration>()["GoogleMaps:ApiKey"]);
                logger.LogInformation("key {Key}", context.Configuration["GoogleMaps:ApiKey"]);
                logger.LogInformation("key {Key}", root.GetSection("GoogleMaps")["ApiKey"]);
            }
        }

        public sealed class MapsClient
        {
            private readonly IConfiguration _configuration;
            private readonly ILogger _logger;

            // Control: a constructor's IConfiguration is what the container injects, the root.
            public MapsClient(IConfiguration configuration, ILogger<MapsClient> logger)
            {
                _configuration = configuration;
                _logger = logger;
                logger.LogInformation("key {Key}", configuration["GoogleMaps:ApiKey"]);
            }

            // A field may have been given anything: judged by name.
            public void Describe() => _logger.LogInformation("key {Key}", {|#2:_configuration["GoogleMaps:ApiKey"]|});
        }

        public static class MapsEndpoints
        {
            // Controls: what the container hands a minimal API handler or a [FromServices] parameter is the root, and so is
            // the app's own configuration, also cast to the root it is.
            public static void Map(WebApplication app, ILogger logger)
            {
                logger.LogInformation("key {Key}", app.Configuration["GoogleMaps:ApiKey"]);
                logger.LogInformation("key {Key}", ((IConfigurationRoot)app.Configuration)["GoogleMaps:ApiKey"]);
                IConfigurationRoot typed = (IConfigurationRoot)app.Configuration;
                logger.LogInformation("key {Key}", typed.GetSection("GoogleMaps")["ApiKey"]);
                app.MapGet("/maps", (IConfiguration configuration) => { logger.LogInformation("key {Key}", configuration["GoogleMaps:ApiKey"]); });
                app.MapGet("/maps2", ([Microsoft.AspNetCore.Mvc.FromServices] IConfiguration configuration) => { logger.LogInformation("key {Key}", configuration["GoogleMaps:ApiKey"]); });
                Action<IConfiguration> notHandler = configuration => logger.LogInformation("key {Key}", {|#3:configuration["GoogleMaps:ApiKey"]|});
            }

            public static void Describe([Microsoft.AspNetCore.Mvc.FromServices] IConfiguration configuration, ILogger logger) =>
                logger.LogInformation("key {Key}", configuration["GoogleMaps:ApiKey"]);

            // Control: whatever it was handed as, a configuration cast to the root is one.
            public static void DescribeRoot(IConfiguration configuration, ILogger logger)
            {
                logger.LogInformation("key {Key}", ((IConfigurationRoot)configuration)["GoogleMaps:ApiKey"]);
                IConfigurationRoot root = (IConfigurationRoot)configuration;
                logger.LogInformation("key {Key}", root["GoogleMaps:ApiKey"]);
            }
        }
        """, Log(0, "Firebase:ApiKey"), Log(1, "GoogleMaps:ApiKey"), Log(2, "GoogleMaps:ApiKey"), Log(3, "GoogleMaps:ApiKey"));
}
