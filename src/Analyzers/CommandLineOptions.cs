using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers;

/// <summary>
/// A command-line tool's options. A project that references a command-line parser is a command-line tool, whose console
/// is its screen; and the value of an option named for a secret (<c>--api-key</c>) is one, whatever the code calls it, as
/// a request value bound by a secret's name is:
/// <list type="bullet">
/// <item>System.CommandLine's <c>parseResult.GetValue(keyOption)</c> (also <c>GetValueForOption</c>, <c>GetRequiredValue</c>,
/// and <c>GetValue&lt;string&gt;("--api-key")</c>), the option's name read where it was made (<c>new Option&lt;string&gt;("--api-key")</c>)
/// or, made elsewhere, from the variable that holds it (<c>apiKeyOption</c>);</item>
/// <item>a property bound by an option attribute: Spectre.Console.Cli's and CliFx's <c>[CommandOption("-k|--api-key")]</c>,
/// McMaster's, CommandLineParser's and Cocona's <c>[Option(…)]</c> (<see cref="SecretModel"/>).</item>
/// </list>
/// </summary>
internal static class CommandLineOptions
{
    /// <summary>A type of each command-line parser a tool is built with: a project that references one is a command-line tool.</summary>
    private static readonly string[] Parsers =
    {
        "System.CommandLine.RootCommand",
        "Spectre.Console.Cli.CommandApp",
        "McMaster.Extensions.CommandLineUtils.CommandLineApplication",
        "CommandLine.Parser",
        "Cocona.CoconaApp",
        "CliFx.CliApplicationBuilder",
    };

    public static bool AreReferenced(Compilation compilation)
    {
        foreach (var parser in Parsers)
        {
            if (compilation.FindType(parser) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An option attribute of a parser, whose text names the option (<c>[CommandOption("-k|--api-key &lt;KEY&gt;")]</c>, <c>[Option('k', "api-key")]</c>).</summary>
    public static bool IsOptionAttribute(INamedTypeSymbol attribute) => attribute.Name is "CommandOptionAttribute" or "OptionAttribute";

    /// <summary>Whether one of the names an option's text gives (a template's names, split at <c>|</c>, blanks and <c>&lt;…&gt;</c>) is a secret's.</summary>
    public static bool NamesSecret(string text, SecretNameMatcher names)
    {
        foreach (var part in text.Split('|', ' ', ','))
        {
            var name = part.TrimStart('-', '/');
            if (name.Length > 0 && name[0] != '<' && name[0] != '[' && names.IsSecretName(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The option's name when <paramref name="invocation"/> reads the value of a System.CommandLine option named for a
    /// secret; null otherwise.
    /// </summary>
    /// <remarks>Asked of calls named GetValue, GetValueForOption or GetRequiredValue only.</remarks>
    public static string? SecretValueRead(IInvocationOperation invocation, SecretModel model)
    {
        var method = invocation.TargetMethod;
        if (!FlowTypes.IsNamespace((method.ReducedFrom ?? method).ContainingType.ContainingNamespace, "System.CommandLine"))
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || (method.IsExtensionMethod && parameter.Ordinal == 0 && method.ReducedFrom is null))
            {
                continue;
            }

            var value = argument.Value.WithoutConversions();
            var name = value.ConstantValue is { HasValue: true, Value: string given } ? given : OptionName(value);
            return name is not null && NamesSecret(name, model.Names) ? name : null;
        }

        return null;
    }

    /// <summary>The name an option was made with (<c>new Option&lt;string&gt;("--api-key")</c>), or else the name of the variable, field or property that holds it.</summary>
    private static string? OptionName(IOperation option)
    {
        if (option is IObjectCreationOperation made)
        {
            return made.Arguments.Length > 0 && made.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string madeName } ? madeName : null;
        }

        ISymbol? holder = option switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (holder is null)
        {
            return null;
        }

        foreach (var reference in holder.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax declaration => declaration.Initializer?.Value,
                _ => null,
            };
            if (initializer is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
                && arguments[0].Expression is LiteralExpressionSyntax literal && literal.Token.Value is string declared)
            {
                return declared;
            }
        }

        // apiKeyOption: the name without the word that says it is an option (ApiKeyOptions are settings, no secret).
        var held = holder.Name;
        return held.EndsWith("Option", System.StringComparison.OrdinalIgnoreCase) ? held.Substring(0, held.Length - "Option".Length) : held;
    }
}
