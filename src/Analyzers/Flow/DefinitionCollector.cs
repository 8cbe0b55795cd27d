using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>Finds every value given to the locals and parameters of a method body, once per body, from the operations its index found.</summary>
internal static class DefinitionCollector
{
    /// <summary>Adds the definitions made by <paramref name="definers"/>, operations of the block <paramref name="root"/> in tree order.</summary>
    public static void Collect(IOperation root, IOperation[] definers, Dictionary<ISymbol, List<Definition>> definitions)
    {
        foreach (var operation in definers)
        {
            Collect(operation, root, definitions);
        }
    }

    private static void Collect(IOperation operation, IOperation root, Dictionary<ISymbol, List<Definition>> definitions)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Add(definitions, declarator.Symbol, initializer.Value, kills: true, operation, root);
                break;
            case ISimpleAssignmentOperation assignment when Variable(assignment.Target) is { } target:
                Add(definitions, target, assignment.Value, kills: true, operation, root);
                break;
            case ISimpleAssignmentOperation assignment when Element(assignment.Target) is { } collector:
                // d["Key"] = key, values[0] = key: the collection now holds the value too, beside what it held.
                Add(definitions, collector, assignment.Value, kills: false, operation, root);
                break;
            case ICompoundAssignmentOperation compound when Variable(compound.Target) is { } target:
                Add(definitions, target, compound.Value, kills: false, operation, root);
                break;
            case ICoalesceAssignmentOperation coalesce when Variable(coalesce.Target) is { } target:
                Add(definitions, target, coalesce.Value, kills: false, operation, root);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                AddDeconstruction(definitions, deconstruction.Target, deconstruction.Value, operation, root);
                break;
            case IForEachLoopOperation loop:
                if (!AddDeconstructedElements(definitions, loop, root))
                {
                    foreach (var local in loop.Locals)
                    {
                        Add(definitions, local, loop.Collection, kills: true, loop.Body, root);
                    }
                }

                break;
            case IDeclarationPatternOperation { DeclaredSymbol: { } declared } pattern when TestedValue(pattern) is { } tested:
                // apiKey is string text, apiKey switch { var k => … }: the variable is the tested value.
                Add(definitions, declared, tested, kills: true, operation, root);
                break;
            case IRecursivePatternOperation { DeclaredSymbol: { } declared } pattern when TestedValue(pattern) is { } tested:
                Add(definitions, declared, tested, kills: true, operation, root);
                break;
            case IInvocationOperation { TargetMethod.Name: "TryGetValue" or "TryGetValues", Instance: { }, Arguments.Length: 2 } invocation
                when invocation.Arguments[1] is { Parameter.RefKind: RefKind.Out } entry && Variable(entry.Value) is { } read:
                // headers.TryGetValue("X-Pleo-Key", out var key): the variable is the entry, as headers["X-Pleo-Key"].
                Add(definitions, read, invocation, kills: true, operation, root, DefinitionKind.ReadsEntry);
                break;
            case IInvocationOperation { Instance: { } } invocation
                when IsAccumulating(invocation.TargetMethod.Name) && Collector(invocation) is { } collector:
                // sb.Append(key), sb.Append("k=").Append(key), list.Add(key): the collector now holds the argument too.
                Add(definitions, collector, invocation, kills: false, operation, root, DefinitionKind.AddsArguments);
                break;
            case IInvocationOperation { Instance: null, Arguments.Length: > 1 } invocation when IsLinq(invocation.TargetMethod):
                AddElementParameters(definitions, invocation, root);
                break;
        }
    }

    /// <summary>A method of <c>Enumerable</c> or <c>Queryable</c>: its first argument is the source its lambdas are handed the elements of.</summary>
    internal static bool IsLinq(IMethodSymbol method) =>
        method.IsExtensionMethod && method.ContainingType is { Name: "Enumerable" or "Queryable" } type
        && FlowTypes.IsNamespace(type.ContainingNamespace, "System.Linq");

    /// <summary>
    /// <c>settings.Select(pair =&gt; pair.Value)</c>, <c>keys.Where(k =&gt; …)</c>: a lambda's parameter of the source's
    /// element type is each element of the source in turn (an index or another source's element is not).
    /// </summary>
    private static void AddElementParameters(Dictionary<ISymbol, List<Definition>> definitions, IInvocationOperation invocation, IOperation root)
    {
        var source = invocation.Arguments[0].Value;
        var element = ElementType(source.Type);
        if (element is null)
        {
            return;
        }

        for (var index = 1; index < invocation.Arguments.Length; index++)
        {
            if (Lambda(invocation.Arguments[index].Value) is not { } lambda)
            {
                continue;
            }

            foreach (var parameter in lambda.Symbol.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, element))
                {
                    Add(definitions, parameter, source, kills: true, lambda.Body, root);
                }
            }
        }
    }

    /// <summary>The lambda an argument passes, as a delegate or (to a query) as an expression tree; otherwise null.</summary>
    internal static IAnonymousFunctionOperation? Lambda(IOperation argument)
    {
        var value = argument.WithoutConversions();
        return (value is IDelegateCreationOperation creation ? creation.Target : value) as IAnonymousFunctionOperation;
    }

    /// <summary>Whether an operation of this kind can give a local or parameter a value (the kinds <see cref="Collect(IOperation, IOperation, Dictionary{ISymbol, List{Definition}})"/> reads).</summary>
    public static bool CanDefine(OperationKind kind) => kind is OperationKind.VariableDeclarator or OperationKind.SimpleAssignment
        or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment
        or OperationKind.Loop or OperationKind.Invocation or OperationKind.DeclarationPattern or OperationKind.RecursivePattern;

    private static bool IsAccumulating(string name) =>
        name.StartsWith("Append", System.StringComparison.Ordinal)
        || name.StartsWith("Add", System.StringComparison.Ordinal)
        || name.StartsWith("Insert", System.StringComparison.Ordinal)
        || name is "Push" or "Enqueue" or "Write" or "WriteLine" or "TryAdd";

    /// <summary>The local at the start of a chain of accumulating calls (<c>sb</c> in <c>sb.Append(a).Append(b)</c>).</summary>
    private static ISymbol? Collector(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance;
        while (receiver is IInvocationOperation inner && IsAccumulating(inner.TargetMethod.Name))
        {
            receiver = inner.Instance;
        }

        return Variable(receiver);
    }

    /// <summary>
    /// The value a pattern tests: the left of <c>is</c>, the value switched on, or the member a property
    /// subpattern reads (<c>ApiKey</c> in <c>options is { ApiKey: var key }</c>). Through <c>and</c> combinators.
    /// </summary>
    private static IOperation? TestedValue(IOperation pattern)
    {
        var parent = pattern.Parent;
        while (parent is IBinaryPatternOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IIsPatternOperation test => test.Value,
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switched } => switched.Value,
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switched } } => switched.Value,
            IPropertySubpatternOperation subpattern => subpattern.Member,
            _ => null,
        };
    }

    /// <summary>The local or parameter whose element or indexed entry <paramref name="target"/> is (<c>d</c> in <c>d["Key"]</c>).</summary>
    private static ISymbol? Element(IOperation target) => target switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true } indexer => Variable(indexer.Instance),
        IArrayElementReferenceOperation element => Variable(element.ArrayReference),
        _ => null,
    };

    /// <summary>The local or parameter <paramref name="target"/> names (under conversions, and in a declaration expression), or null.</summary>
    internal static ISymbol? Variable(IOperation? target)
    {
        return target?.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
            _ => null,
        };
    }

    private static void AddDeconstruction(Dictionary<ISymbol, List<Definition>> definitions, IOperation target, IOperation value, IOperation at, IOperation root)
    {
        if (target is IDeclarationExpressionOperation declaration)
        {
            target = declaration.Expression;
        }

        if (target is not ITupleOperation targets)
        {
            return;
        }

        var values = value is IConversionOperation { Operand: ITupleOperation converted } ? converted : value as ITupleOperation;
        var members = values is null ? DeconstructedMembers(value.Type, targets.Elements.Length) : null;
        for (var index = 0; index < targets.Elements.Length; index++)
        {
            var element = targets.Elements[index];
            var elementValue = values is not null && index < values.Elements.Length ? values.Elements[index] : value;
            if (element is ITupleOperation or IDeclarationExpressionOperation { Expression: ITupleOperation })
            {
                AddDeconstruction(definitions, element, elementValue, at, root);
            }
            else if (Variable(element) is { } variable)
            {
                if (members?[index] is { } member)
                {
                    // var (companyId, key) = credentials: companyId is credentials.CompanyId, not the whole record.
                    Add(definitions, variable, value, kills: true, at, root, DefinitionKind.ReadsMember, member);
                }
                else
                {
                    Add(definitions, variable, elementValue, kills: true, at, root);
                }
            }
        }
    }

    /// <summary>
    /// <c>foreach (var (name, value) in settings)</c>: each variable is the member of an element that the element type's
    /// <c>Deconstruct</c> gives (a pair's <c>Key</c> and <c>Value</c>, a record's positional members), read from the
    /// collection, not the whole element. False when the loop deconstructs nothing or its element type has no such
    /// <c>Deconstruct</c> (a tuple), so each variable takes the whole collection.
    /// </summary>
    private static bool AddDeconstructedElements(Dictionary<ISymbol, List<Definition>> definitions, IForEachLoopOperation loop, IOperation root)
    {
        var control = loop.LoopControlVariable is IDeclarationExpressionOperation declaration ? declaration.Expression : loop.LoopControlVariable;
        if (control is not ITupleOperation targets
            || DeconstructedMembers(ElementType(loop.Collection.WithoutConversions().Type), targets.Elements.Length) is not { } members)
        {
            return false;
        }

        for (var index = 0; index < targets.Elements.Length; index++)
        {
            if (targets.Elements[index] is IDiscardOperation)
            {
                continue;
            }

            if (Variable(targets.Elements[index]) is not { } variable)
            {
                return false;
            }

            if (members[index] is { } member)
            {
                Add(definitions, variable, loop.Collection, kills: true, loop.Body, root, DefinitionKind.ReadsMember, member);
            }
            else
            {
                Add(definitions, variable, loop.Collection, kills: true, loop.Body, root);
            }
        }

        return true;
    }

    /// <summary>The <c>T</c> of the one <c>IEnumerable&lt;T&gt;</c> a collection's type is or implements; otherwise null.</summary>
    internal static ITypeSymbol? ElementType(ITypeSymbol? collection)
    {
        if (collection is INamedTypeSymbol { IsGenericType: true } named
            && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return named.TypeArguments[0];
        }

        ITypeSymbol? element = null;
        foreach (var implemented in collection?.AllInterfaces ?? default)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                if (element is not null)
                {
                    return null;
                }

                element = implemented.TypeArguments[0];
            }
        }

        return element;
    }

    /// <summary>
    /// The member each out parameter of the type's <c>Deconstruct</c> gives (a record's positional members, a written
    /// <c>Deconstruct(out string companyId, out string apiKey)</c> matched to its properties by name), null where none
    /// matches; null for a tuple, whose elements a method fills as it likes, and for a type with no such method.
    /// </summary>
    private static ISymbol?[]? DeconstructedMembers(ITypeSymbol? type, int count)
    {
        if (type is not INamedTypeSymbol { IsTupleType: false } named)
        {
            return null;
        }

        foreach (var candidate in named.GetMembers("Deconstruct"))
        {
            if (candidate is not IMethodSymbol { IsStatic: false } deconstruct || deconstruct.Parameters.Length != count)
            {
                continue;
            }

            var members = new ISymbol?[count];
            for (var index = 0; index < count; index++)
            {
                var parameter = deconstruct.Parameters[index];
                if (parameter.RefKind != RefKind.Out)
                {
                    return null;
                }

                members[index] = MemberNamed(named, parameter.Name);
            }

            return members;
        }

        return null;
    }

    /// <summary>
    /// The property or field of <paramref name="type"/> or a base type named <paramref name="name"/>, ignoring case; a
    /// property before a field, which may be its backing field (<c>KeyValuePair</c>'s private <c>value</c>).
    /// </summary>
    private static ISymbol? MemberNamed(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            ISymbol? field = null;
            foreach (var member in current.GetMembers())
            {
                if (!string.Equals(member.Name, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (member is IPropertySymbol { IsIndexer: false })
                {
                    return member;
                }

                if (member is IFieldSymbol { IsImplicitlyDeclared: false })
                {
                    field ??= member;
                }
            }

            if (field is not null)
            {
                return field;
            }
        }

        return null;
    }

    private static void Add(
        Dictionary<ISymbol, List<Definition>> definitions, ISymbol variable, IOperation value, bool kills, IOperation at, IOperation root, DefinitionKind kind = DefinitionKind.Value, ISymbol? member = null)
    {
        if (!definitions.TryGetValue(variable, out var list))
        {
            list = new List<Definition>(2);
            definitions.Add(variable, list);
        }

        // Full spans: a use is compared by where its first token starts, which no trivia around the definition can
        // reach, and a full span needs no trivia widths worked out.
        var position = at is IBlockOperation or IExpressionStatementOperation ? at.Syntax.FullSpan.Start : at.Syntax.FullSpan.End;
        list.Add(new Definition(position, value, kills, Scope(at, root), kind, member));
    }

    /// <summary>The code the assignment always runs in: up to the first branch, loop, handler or lambda around it.</summary>
    private static SyntaxNode Scope(IOperation at, IOperation root)
    {
        var previous = at;
        for (var current = at.Parent; current is not null && current != root; current = current.Parent)
        {
            // By kind, one call, rather than a test against each interface in turn for every operation up the tree.
            switch (current.Kind)
            {
                case OperationKind.Conditional:
                case OperationKind.Loop:
                case OperationKind.SwitchCase:
                case OperationKind.SwitchExpressionArm:
                case OperationKind.CatchClause:
                case OperationKind.Try:
                case OperationKind.AnonymousFunction:
                case OperationKind.LocalFunction:
                case OperationKind.Coalesce:
                case OperationKind.ConditionalAccess:
                    return previous.Syntax;
                case OperationKind.Binary when ((IBinaryOperation)current).OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr:
                    return previous.Syntax;
            }

            previous = current;
        }

        return root.Syntax;
    }
}
