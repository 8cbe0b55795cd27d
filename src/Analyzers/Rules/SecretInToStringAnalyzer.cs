using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;
using PleoUxGuard.Analyzers.Sinks;

namespace PleoUxGuard.Analyzers.Rules;

/// <summary>
/// PUX003: a type prints a secret member when it is turned into text (R-VIS-3), and PUX005 a slice of one beyond
/// its last four characters in a ToString or PrintMembers (R-VIS-2): a record whose synthesized
/// <c>PrintMembers</c> includes it, a <c>ToString</c> override or hand-written <c>PrintMembers</c> that reads
/// it, or a <c>[DebuggerDisplay]</c> that shows it. Logging or interpolating such an object leaks the key
/// without the secret's name ever appearing at the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInToStringAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SecretInToString, Descriptors.PartialSecretBeyondLastFour);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.SkippedInActions);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var debuggerDisplay = new System.Lazy<INamedTypeSymbol?>(() => compilation.FindType("System.Diagnostics.DebuggerDisplayAttribute"));
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, debuggerDisplay), SymbolKind.NamedType);
            // A block action: the other rules have every body's operations built anyway, so the few ToString and
            // PrintMembers bodies cost no binding of their own (a syntax action asking for them bound each one here).
            start.RegisterOperationBlockAction(AnalyzeTextMethod);
        });
    }

    /// <param name="debuggerDisplay">Looked up when a type first needs it, not at compilation start (see SecretSinkAnalysis).</param>
    private static void AnalyzeType(SymbolAnalysisContext context, System.Lazy<INamedTypeSymbol?> debuggerDisplay)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.Locations.IsEmpty || type.Locations[0].SourceTree is not { } tree || (context.IsGeneratedCode && !RazorSinks.IsRazorOutput(tree)))
        {
            return;
        }

        // Most types are neither records nor attributed: nothing to judge, so no secret model to build. A type
        // declared without attribute lists has none to bind (asking for them would bind them here).
        var isRecord = type.IsRecord;
        var attributed = HasAttributeLists(type) && !type.GetAttributes().IsEmpty;
        if (!isRecord && !attributed)
        {
            return;
        }

        // A record none of whose printed members can be a secret is not asked for its members: building them is
        // most of what this rule cost on a code base of many records.
        var model = SecretModel.For(context.Compilation, context.Options, tree);
        if (isRecord && MayPrintSecret(type, model) && PrintsWithSynthesizedPrintMembers(type))
        {
            foreach (var member in PrintedMembers(type))
            {
                if (model.IsSecret(member) && !member.Locations.IsEmpty && member.Locations[0].IsInSource)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretInToString, member.Locations[0], type.Name, member.Name, "its generated PrintMembers"));
                }
            }
        }

        if (attributed && debuggerDisplay.Value is { } debuggerDisplayAttribute)
        {
            AnalyzeDebuggerDisplay(context, type, model, debuggerDisplayAttribute);
        }
    }

    /// <summary>
    /// Whether a member the record's synthesized PrintMembers prints can be a secret, judged by the names its
    /// declarations give its fields, properties and positional parameters, without building its members.
    /// </summary>
    /// <remarks>
    /// Read from syntax: in the compiler of the .NET 10 SDK a record's <c>MemberNames</c> builds and sorts all its
    /// members, the very work this check is there to avoid.
    /// </remarks>
    private static bool MayPrintSecret(INamedTypeSymbol record, SecretModel model)
    {
        foreach (var reference in record.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not RecordDeclarationSyntax declaration)
            {
                return true; // a declaration of another shape: the members will tell
            }

            if (declaration.ParameterList is { } positional)
            {
                foreach (var parameter in positional.Parameters)
                {
                    if (model.MayBeSecretMember(record, parameter.Identifier.ValueText))
                    {
                        return true;
                    }
                }
            }

            foreach (var member in declaration.Members)
            {
                switch (member)
                {
                    case PropertyDeclarationSyntax property when model.MayBeSecretMember(record, property.Identifier.ValueText):
                        return true;
                    case FieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (model.MayBeSecretMember(record, variable.Identifier.ValueText))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }
        }

        return false;
    }

    private static bool HasAttributeLists(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not MemberDeclarationSyntax { AttributeLists.Count: 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The record's ToString is the compiler's (or calls PrintMembers) and PrintMembers is the compiler's.</summary>
    private static bool PrintsWithSynthesizedPrintMembers(INamedTypeSymbol record)
    {
        foreach (var member in record.GetMembers("PrintMembers"))
        {
            if (!member.IsImplicitlyDeclared)
            {
                return false;
            }
        }

        foreach (var member in record.GetMembers("ToString"))
        {
            if (member is IMethodSymbol { Parameters.Length: 0, IsImplicitlyDeclared: false } toString && !CallsPrintMembers(toString))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CallsPrintMembers(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax().ToString().Contains("PrintMembers"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the synthesized PrintMembers prints: public instance fields and readable properties declared here.</summary>
    private static IEnumerable<ISymbol> PrintedMembers(INamedTypeSymbol record)
    {
        foreach (var member in record.GetMembers())
        {
            if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if ((member is IFieldSymbol { IsImplicitlyDeclared: false })
                || (member is IPropertySymbol { IsIndexer: false, GetMethod: not null } property && property.Name != "EqualityContract"))
            {
                yield return member;
            }
        }
    }

    private static void AnalyzeDebuggerDisplay(SymbolAnalysisContext context, INamedTypeSymbol type, SecretModel model, INamedTypeSymbol debuggerDisplay)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, debuggerDisplay)
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not string format
                || attribute.ApplicationSyntaxReference is not { } syntax)
            {
                continue;
            }

            foreach (var name in DisplayedNames(format))
            {
                foreach (var member in type.GetMembers(name))
                {
                    if (model.IsSecret(member))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.SecretInToString, syntax.GetSyntax(context.CancellationToken).GetLocation(), type.Name, member.Name, "[DebuggerDisplay]"));
                    }
                }
            }
        }
    }

    /// <summary>The leading member name of each <c>{expression}</c> of a DebuggerDisplay format (<c>{ApiKey,nq}</c> → ApiKey).</summary>
    private static IEnumerable<string> DisplayedNames(string format)
    {
        for (var open = format.IndexOf('{'); open >= 0; open = format.IndexOf('{', open + 1))
        {
            var end = open + 1;
            while (end < format.Length && (char.IsLetterOrDigit(format[end]) || format[end] == '_'))
            {
                end++;
            }

            if (end > open + 1)
            {
                yield return format.Substring(open + 1, end - open - 1);
            }
        }
    }

    private static void AnalyzeTextMethod(OperationBlockAnalysisContext context)
    {
        if (context.OwningSymbol is not IMethodSymbol { Name: "ToString" or "PrintMembers", MethodKind: MethodKind.Ordinary } method
            || context.OperationBlocks.IsEmpty
            || (context.IsGeneratedCode && !RazorSinks.IsRazorOutput(context.OperationBlocks[0].Syntax.SyntaxTree)))
        {
            return;
        }

        var isToString = method is { Name: "ToString", IsOverride: true, Parameters.Length: 0 };
        var isPrintMembers = method is { Name: "PrintMembers", Parameters.Length: 1 } && method.ContainingType.IsRecord;
        if (!isToString && !isPrintMembers)
        {
            return;
        }

        var model = SecretModel.For(context.Compilation, context.Options, context.OperationBlocks[0].Syntax.SyntaxTree);
        // Returns and invocations, the operations looked at below, are among the index's candidates.
        var body = BodyOperations.Of(context.OperationBlocks);
        var flow = new SecretFlow(model, body, calls: null, callDepth: 0);
        var sink = isToString ? "ToString" : "PrintMembers";
        var hits = new List<SecretHit>();
        foreach (var operation in body.Candidates)
        {
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } value } when isToString:
                    flow.Collect(value, hits);
                    break;
                case IInvocationOperation invocation when isPrintMembers && FlowTypes.IsNamed(invocation.TargetMethod.ContainingType, "StringBuilder", "System.Text"):
                    foreach (var argument in invocation.Arguments)
                    {
                        flow.Collect(argument.Value, hits);
                    }

                    break;
            }
        }

        foreach (var hit in hits)
        {
            // A slice beyond the last four is PUX005's at every sink (R-VIS-2); here the sink is the object's text.
            context.ReportDiagnostic(hit.IsPartial
                ? Diagnostic.Create(Descriptors.PartialSecretBeyondLastFour, hit.At.Syntax.GetLocation(), SecretSinkAnalysis.PropertiesOf(hit), hit.SourceName, method.ContainingType.Name + "." + sink)
                : Diagnostic.Create(Descriptors.SecretInToString, hit.At.Syntax.GetLocation(), method.ContainingType.Name, hit.SourceName, sink));
        }
    }
}
