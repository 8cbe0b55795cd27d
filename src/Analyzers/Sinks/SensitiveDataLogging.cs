using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX001 for Entity Framework Core's <c>EnableSensitiveDataLogging()</c>: with it, EF writes the values of every
/// command's parameters and of tracked entities into its logs, so an entity's secret member (a stored API key) is
/// logged whenever it is saved or queried by. Reported at the call when an entity of a context in this compilation
/// (the type of a <c>DbSet&lt;T&gt;</c> property) has a secret member; <c>EnableSensitiveDataLogging(false)</c> is not.
/// </summary>
internal static class SensitiveDataLogging
{
    private const string Namespace = "Microsoft.EntityFrameworkCore";

    public static void Register(CompilationStartAnalysisContext start)
    {
        // One lookup per compilation: a project without EF Core registers nothing, so pays nothing per call.
        if (start.Compilation.FindType(Namespace + ".DbContextOptionsBuilder") is null)
        {
            return;
        }

        var compilation = start.Compilation;
        var options = start.Options;
        ISymbol? storedSecret = null;
        var searched = false;
        start.RegisterOperationAction(
            context =>
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod.Name != "EnableSensitiveDataLogging" || TurnsItOff(invocation)
                    || !FlowTypes.IsNamespace(invocation.TargetMethod.ContainingType.ContainingNamespace, Namespace))
                {
                    return;
                }

                if (!Volatile.Read(ref searched))
                {
                    var model = SecretModel.For(compilation, options, invocation.Syntax.SyntaxTree);
                    Volatile.Write(ref storedSecret, StoredSecret(compilation, model, context.CancellationToken));
                    Volatile.Write(ref searched, true);
                }

                if (Volatile.Read(ref storedSecret) is { } member)
                {
                    var name = member.ContainingType.Name + "." + member.Name;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretToLog, CallLocation(invocation), name, "EnableSensitiveDataLogging"));
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>From the method's name to the end of the call: in a chain of options over several lines, its own line.</summary>
    private static Location CallLocation(IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
            ? Location.Create(call.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, call.Span.End))
            : invocation.Syntax.GetLocation();

    /// <summary><c>EnableSensitiveDataLogging(false)</c>: the call turns it off.</summary>
    private static bool TurnsItOff(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.ConstantValue is { HasValue: true, Value: false })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first secret member of an entity of a context declared in this compilation, or null.</summary>
    private static ISymbol? StoredSecret(Compilation compilation, SecretModel model, CancellationToken cancellationToken) =>
        SecretIn(compilation.Assembly.GlobalNamespace, compilation.FindType(Namespace + ".DbContext"), model, cancellationToken);

    private static ISymbol? SecretIn(INamespaceSymbol ns, INamedTypeSymbol? dbContext, SecretModel model, CancellationToken cancellationToken)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (SecretOfContext(type, dbContext, model) is { } member)
            {
                return member;
            }
        }

        foreach (var inner in ns.GetNamespaceMembers())
        {
            if (SecretIn(inner, dbContext, model, cancellationToken) is { } member)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>For a context type, the first secret member of the entity of one of its <c>DbSet&lt;T&gt;</c> properties.</summary>
    private static ISymbol? SecretOfContext(INamedTypeSymbol type, INamedTypeSymbol? dbContext, SecretModel model)
    {
        if (!type.DerivesFrom(dbContext))
        {
            return null;
        }

        foreach (var candidate in type.GetMembers())
        {
            if (candidate is IPropertySymbol { Type: INamedTypeSymbol { Name: "DbSet", TypeArguments.Length: 1 } set }
                && set.TypeArguments[0] is INamedTypeSymbol entity)
            {
                foreach (var member in entity.GetMembers())
                {
                    if (member is IPropertySymbol or IFieldSymbol { IsImplicitlyDeclared: false } && !member.IsStatic && model.IsSecret(member))
                    {
                        return member;
                    }
                }
            }
        }

        return null;
    }
}
