using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// Writes to the console: <c>Console.Write</c>/<c>WriteLine</c>, the same through <c>Console.Out</c> and
/// <c>Console.Error</c> (also their async forms), and Spectre.Console's <c>AnsiConsole</c>. A log sink for secrets
/// (PUX001) in every project; in a command-line tool the screen the user reads, so a message sink too (PUX010–PUX012).
/// </summary>
internal sealed class ConsoleOutput
{
    private readonly INamedTypeSymbol? _console;
    private readonly INamedTypeSymbol? _textWriter;
    private readonly INamedTypeSymbol? _ansiConsole;
    private readonly INamedTypeSymbol? _ansiConsoleExtensions;

    public ConsoleOutput(Compilation compilation)
    {
        _console = compilation.FindType("System.Console");
        _textWriter = compilation.FindType("System.IO.TextWriter");
        _ansiConsole = compilation.FindType("Spectre.Console.AnsiConsole");
        _ansiConsoleExtensions = compilation.FindType("Spectre.Console.AnsiConsoleExtensions");
        IsCommandLineTool = CommandLineOptions.AreReferenced(compilation);
    }

    /// <summary>True when the project references a command-line parser (System.CommandLine, Spectre.Console.Cli, …): its console is its screen.</summary>
    public bool IsCommandLineTool { get; }

    /// <summary>Whether a call of <paramref name="method"/> can write to the console (the receiver of a <c>TextWriter</c> call is seen only at the call).</summary>
    public bool MayWrite(IMethodSymbol method)
    {
        if (!IsWriteName(method.Name) || method.ContainingType?.OriginalDefinition is not { } type)
        {
            return false;
        }

        return type.SameAs(_console) || type.SameAs(_textWriter) || type.SameAs(_ansiConsole) || type.SameAs(_ansiConsoleExtensions);
    }

    /// <summary>
    /// How diagnostics name <paramref name="invocation"/> when it writes to the console (<c>Console.Error.WriteLine</c>,
    /// <c>AnsiConsole.MarkupLine</c>); null for any other call, such as a <c>StreamWriter</c>'s <c>WriteLine</c>.
    /// </summary>
    public string? Writes(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (!IsWriteName(method.Name) || method.ContainingType?.OriginalDefinition is not { } type)
        {
            return null;
        }

        if (type.SameAs(_console) || type.SameAs(_ansiConsole) || type.SameAs(_ansiConsoleExtensions))
        {
            return type.Name + "." + method.Name;
        }

        return type.SameAs(_textWriter) && StandardStream(invocation.Instance) is { } stream ? "Console." + stream + "." + method.Name : null;
    }

    /// <summary><c>Out</c> or <c>Error</c> when <paramref name="instance"/> is <c>Console.Out</c> or <c>Console.Error</c>; otherwise null.</summary>
    public string? StandardStream(IOperation? instance) =>
        instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } property && property.Property.ContainingType.SameAs(_console)
            ? property.Property.Name
            : null;

    private static bool IsWriteName(string name) =>
        name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync" or "Markup" or "MarkupLine" or "MarkupInterpolated"
            or "MarkupLineInterpolated" or "WriteException";
}
