using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.Analyzers.Tests.Verifiers;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>
/// Runs PUX010, PUX011 and PUX012 together over markup, so a case that must stay silent is silent for
/// all three rules, and a case for one rule shows that the other two do not fire on it.
/// </summary>
internal static class MessageRulesVerifier
{
    /// <summary>The usings every test file gets, so cases stay short.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Net;
        global using System.Net.Http;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.AspNetCore.Mvc.RazorPages;
        global using Microsoft.Extensions.Logging;
        """;

    public static Task VerifyAsync(string source, string? editorConfig = null, params (string Path, string Content)[] additionalFiles) =>
        Create(source, editorConfig, additionalFiles).RunAsync();

    public static Test Create(string source, string? editorConfig = null, params (string Path, string Content)[] additionalFiles)
    {
        var test = new Test { TestCode = source };
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", GlobalUsings));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add((file.Path, file.Content));
        }

        return test;
    }

    internal sealed class Test : CSharpAnalyzerTest<MessageQualityAnalyzer, DefaultVerifier>
    {
        public Test() => ReferenceAssemblies = TestReferences.Default;
    }
}
