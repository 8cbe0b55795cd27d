namespace PleoUxGuard.Analyzers.Tests.Secrets;

/// <summary>Test sources for the secret rules: statements placed in a method, with the usings real code has.</summary>
internal static class SecretCode
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;
        """;

    /// <summary>A class <c>Connector</c> with <paramref name="members"/> and a method <c>Connect(parameters)</c> running <paramref name="body"/>.</summary>
    public static string InMethod(string body, string parameters = "ILogger logger, string apiKey", string members = "") => $$"""
        {{Usings}}

        class Connector
        {
            {{members}}
            async Task Connect({{parameters}})
            {
                await Task.Yield();
                {{body}}
            }
        }
        """;

    /// <summary>An MVC controller action running <paramref name="body"/>, with <c>apiKey</c> and <c>logger</c> at hand.</summary>
    public static string InController(string body, string members = "") => $$"""
        {{Usings}}

        class ConnectionController(ILogger<ConnectionController> logger) : Controller
        {
            {{members}}
            public async Task<IActionResult> Save(string apiKey)
            {
                await Task.Yield();
                {{body}}
            }
        }
        """;
}
