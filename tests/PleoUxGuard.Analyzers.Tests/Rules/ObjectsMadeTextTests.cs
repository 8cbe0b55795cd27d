using Verify = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer, PleoUxGuard.Analyzers.Tests.Verifiers.OnlyPux001>;
using static PleoUxGuard.Analyzers.Tests.Secrets.SecretCode;

namespace PleoUxGuard.Analyzers.Tests.Rules;

/// <summary>
/// PUX001: where an object holding a secret is made text. It stays silent only where the object prints its type's name
/// (see <c>An_object_that_prints_only_its_type_name_shows_none_of_its_secrets</c>); these show the secret.
/// </summary>
public sealed class ObjectsMadeTextTests
{
    private const string Types = """

        public sealed class Rotation { public string NewKey { get; init; } = ""; }
        public sealed class Wrapper { public string Value { get; init; } = ""; public static implicit operator string(Wrapper w) => w.Value; }
        public sealed class Formatted { public string Value { get; init; } = ""; public string ToString(string format) => Value; }
        public sealed class Hidden { public string Value { get; init; } = ""; public new string ToString() => Value; }
        """;

    [Theory]
    // A text key may name the same entry in another case (OrdinalIgnoreCase, NameValueCollection, headers).
    [InlineData("var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [\"Auth\"] = apiKey }; logger.LogDebug(\"{A}\", {|PUX001:d|}[\"auth\"]);")]
    [InlineData("var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); d.Add(\"Auth\", apiKey); logger.LogDebug(\"{A}\", {|PUX001:d|}[\"auth\"]);")]
    [InlineData("var d = new System.Collections.Specialized.NameValueCollection { { \"Auth\", apiKey } }; logger.LogDebug(\"{A}\", {|PUX001:d|}[\"auth\"]);")]
    [InlineData("var d = new HeaderDictionary(); d[\"X-Auth\"] = apiKey; logger.LogDebug(\"{A}\", {|PUX001:d|}[\"x-auth\"]);")]
    [InlineData("var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [\"Auth\"] = apiKey }; logger.LogDebug(\"{A}\", {|PUX001:d|}[\"Auth\"]);")]
    // A conversion to string, a ToString of the type's own (with a format, or `new`), a formatter of the caller's.
    [InlineData("var w = new Wrapper { Value = apiKey }; logger.LogDebug(\"Key \" + {|PUX001:w|});")]
    [InlineData("var w = new Wrapper { Value = apiKey }; Console.WriteLine({|PUX001:w|});")]
    [InlineData("var w = new Formatted { Value = apiKey }; logger.LogDebug({|PUX001:w|}.ToString(\"G\"));")]
    [InlineData("var w = new Hidden { Value = apiKey }; logger.LogDebug({|PUX001:w|}.ToString());")]
    [InlineData("logger.Log(LogLevel.Information, new EventId(1), new Rotation { NewKey = {|PUX001:apiKey|} }, null, (s, e) => s.NewKey);")]
    public async Task Is_reported(string statement)
    {
        await Verify.VerifyAsync(InMethod(statement) + Types);
    }

    [Fact]
    public async Task A_LoggerMessage_template_that_destructures_is_reported()
    {
        const string source = """
            using Microsoft.Extensions.Logging;

            public sealed class Rotation { public string NewKey { get; init; } = ""; }
            static partial class Log
            {
                [LoggerMessage(2, LogLevel.Information, "Handled {@Request}")]
                static partial void Handled(ILogger logger, Rotation request);

                static void Use(ILogger logger, string apiKey) { var r = new Rotation { NewKey = apiKey }; Handled(logger, {|PUX001:r|}); }
            }
            """;
        await Verify.VerifyAsync(source);
    }

    [Fact]
    public async Task A_LoggerMessage_Define_template_that_destructures_is_reported()
    {
        await Verify.VerifyAsync(InMethod(
            "var r = new Rotation { NewKey = apiKey }; Handled(logger, {|PUX001:r|}, null);",
            members: "private static readonly Action<ILogger, Rotation, Exception?> Handled = LoggerMessage.Define<Rotation>(LogLevel.Information, new EventId(1), \"Handled {@Request}\");") + Types);
    }

    [Fact]
    public async Task A_LogProperties_parameter_writes_every_property()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.Logging;

            namespace Microsoft.Extensions.Logging
            {
                [AttributeUsage(AttributeTargets.Parameter)]
                public sealed class LogPropertiesAttribute : Attribute { }
            }

            public sealed class Rotation { public string NewKey { get; init; } = ""; }
            static partial class Log
            {
                [LoggerMessage(2, LogLevel.Information, "Handled request")]
                static partial void Handled(ILogger logger, [LogProperties] Rotation request);

                static void Use(ILogger logger, string apiKey) { var r = new Rotation { NewKey = apiKey }; Handled(logger, {|PUX001:r|}); }
            }
            """;
        await Verify.VerifyAsync(source);
    }
}
