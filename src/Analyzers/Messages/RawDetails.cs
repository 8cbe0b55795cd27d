using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>A value that carries raw technical detail: exception text, an HTTP status or reason phrase, a response body.</summary>
internal readonly struct RawDetail
{
    public RawDetail(IOperation operation, string description)
    {
        Operation = operation;
        Description = description;
    }

    public IOperation Operation { get; }

    /// <summary>What it is, for the diagnostic: "the exception text ex.Message".</summary>
    public string Description { get; }
}

/// <summary>Finds raw technical detail in an operand that reaches a user-facing sink; resolved once per compilation.</summary>
internal sealed class RawDetails
{
    private const int MaxLocalDepth = 3;

    private readonly INamedTypeSymbol? _exception;
    private readonly INamedTypeSymbol? _responseMessage;
    private readonly INamedTypeSymbol? _requestException;
    private readonly INamedTypeSymbol? _content;

    public RawDetails(Compilation compilation)
    {
        _exception = compilation.FindType("System.Exception");
        _responseMessage = compilation.FindType("System.Net.Http.HttpResponseMessage");
        _requestException = compilation.FindType("System.Net.Http.HttpRequestException");
        _content = compilation.FindType("System.Net.Http.HttpContent");
    }

    public List<RawDetail> Find(IOperation value)
    {
        var found = new List<RawDetail>();
        Find(value, found, 0);
        return found;
    }

    private void Find(IOperation operation, List<RawDetail> found, int depth)
    {
        var description = Describe(operation);
        if (description is not null)
        {
            found.Add(new RawDetail(operation, description + " '" + operation.Syntax + "'"));
            return;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                if (depth < MaxLocalDepth)
                {
                    foreach (var assigned in LocalValues.Of(local))
                    {
                        Find(assigned, found, depth + 1);
                    }
                }

                break;
            case IMemberReferenceOperation { Instance: ILocalReferenceOperation local } member
                when depth < MaxLocalDepth && member is IPropertyReferenceOperation { Property.IsIndexer: false } or IFieldReferenceOperation:
                // result.Body, where result = new PleoResult { Body = await response.Content.ReadAsStringAsync() }.
                foreach (var assigned in MemberValues(local.Local, member.Member, operation.Root()))
                {
                    Find(assigned, found, depth + 1);
                }

                break;
            case IConditionalOperation conditional:
                Find(conditional.WhenTrue, found, depth);
                if (conditional.WhenFalse is not null)
                {
                    Find(conditional.WhenFalse, found, depth);
                }

                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Find(arm.Value, found, depth);
                }

                break;
            case IInterpolationOperation interpolation:
                Find(interpolation.Expression, found, depth);
                break;
            case IConditionalAccessOperation conditionalAccess:
                // ex.InnerException?.Message: report the whole expression, not the ".Message" part of it.
                var inner = Describe(conditionalAccess.WhenNotNull);
                if (inner is null)
                {
                    Find(conditionalAccess.WhenNotNull, found, depth);
                }
                else
                {
                    found.Add(new RawDetail(conditionalAccess, inner + " '" + conditionalAccess.Syntax + "'"));
                }

                break;
            case IInvocationOperation invocation:
                if (IsStringComposition(invocation))
                {
                    FindInChildren(invocation, found, depth);
                }

                break;
            case IInterpolatedStringOperation or IInterpolatedStringContentOperation or IBinaryOperation or IConversionOperation
                or ICoalesceOperation or IAwaitOperation or IArgumentOperation or IArrayCreationOperation or IArrayInitializerOperation:
                FindInChildren(operation, found, depth);
                break;
        }
    }

    /// <summary>
    /// The values the body gives <paramref name="member"/> of the object a local holds: set in the initializer of an
    /// object created into the local (<c>var r = new R { Body = … }</c>, <c>r = new R { … }</c>, <c>new { Body = … }</c>), or on the local
    /// (<c>r.Body = …</c>).
    /// </summary>
    private static List<IOperation> MemberValues(ILocalSymbol local, ISymbol member, IOperation root)
    {
        var values = new List<IOperation>();
        foreach (var operation in root.Descendants())
        {
            IOperation? created = null;
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    created = declarator.Initializer?.Value;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    created = assignment.Value;
                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation instance } target } assignment
                    when SymbolEqualityComparer.Default.Equals(instance.Local, local) && SymbolEqualityComparer.Default.Equals(target.Member, member):
                    values.Add(assignment.Value);
                    break;
            }

            var sets = created?.WithoutConversions() switch
            {
                IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers,
                IAnonymousObjectCreationOperation anonymous => anonymous.Initializers,
                _ => default,
            };
            if (!sets.IsDefault)
            {
                foreach (var set in sets)
                {
                    if (set is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                        && SymbolEqualityComparer.Default.Equals(target.Member, member))
                    {
                        values.Add(assignment.Value);
                    }
                }
            }
        }

        return values;
    }

    private void FindInChildren(IOperation operation, List<RawDetail> found, int depth)
    {
        foreach (var child in operation.ChildOperations)
        {
            Find(child, found, depth);
        }
    }

    private string? Describe(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation property:
                var owner = property.Property.ContainingType;
                var name = property.Property.Name;
                if (owner.DerivesFrom(_requestException) && name == "StatusCode")
                {
                    return "the HTTP status code";
                }

                // Refit's ApiException and the like carry the failed response: ex.StatusCode, ex.ReasonPhrase, ex.Content,
                // and a client's own exception its body by another name (ex.ResponseBody).
                if (owner.DerivesFrom(_exception)
                    && name is "StatusCode" or "ReasonPhrase" or "Content" or "ResponseBody" or "ResponseContent" or "ResponseText" or "RawResponse" or "Body")
                {
                    return name == "StatusCode" ? "the HTTP status code" : name == "ReasonPhrase" ? "the HTTP reason phrase" : "the response body";
                }

                if (owner.DerivesFrom(_exception) && name is "Message" or "StackTrace" or "Source" or "HelpLink")
                {
                    return name == "StackTrace" ? "the stack trace" : "the exception text";
                }

                // A MassTransit fault's exceptions (fault.Exceptions[0].Message): an exception's text, carried as data.
                if (name is "Message" or "StackTrace" or "ExceptionType" or "Source" && owner is { Name: "ExceptionInfo" } && FlowTypes.RootNamespace(owner) == "MassTransit")
                {
                    return name == "StackTrace" ? "the stack trace" : name == "ExceptionType" ? "the exception type name" : "the exception text";
                }

                if (owner.DerivesFrom(_responseMessage) && name is "ReasonPhrase" or "StatusCode")
                {
                    return name == "StatusCode" ? "the HTTP status code" : "the HTTP reason phrase";
                }

                if (name is "Name" or "FullName"
                    && property.Instance is IInvocationOperation { TargetMethod.Name: "GetType" } getType
                    && TypeSymbols.DerivesFrom(getType.Instance?.Type, _exception))
                {
                    return "the exception type name";
                }

                return property.Type.DerivesFrom(_exception) ? "the exception text" : null;

            case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation when operation.Type.DerivesFrom(_exception):
                // $"Failed: {ex}", Console.Error.WriteLine(ex): an exception printed whole is its ToString(), text and stack trace.
                return "the exception text";

            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                var instanceType = invocation.Instance?.Type;
                if (method.Name == "ToString" && method.Parameters.Length == 0
                    && (instanceType.DerivesFrom(_exception) || instanceType.DerivesFrom(_responseMessage) || instanceType.DerivesFrom(_content)))
                {
                    return instanceType.DerivesFrom(_exception) ? "the exception text" : "the raw HTTP response";
                }

                if (method.Name.StartsWith("ReadAs", System.StringComparison.Ordinal) && method.ContainingType.DerivesFrom(_content))
                {
                    return "the response body";
                }

                // Flurl's FlurlHttpException.GetResponseStringAsync(), GetResponseJsonAsync<T>(): the failed call's body.
                if (method.Name.StartsWith("GetResponse", System.StringComparison.Ordinal) && instanceType.DerivesFrom(_exception))
                {
                    return "the response body";
                }

                return null;

            default:
                return null;
        }
    }

    // string.Format, string.Concat and string.Join compose a message from their arguments.
    private static bool IsStringComposition(IInvocationOperation invocation) =>
        invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
        && invocation.TargetMethod.Name is "Format" or "Concat" or "Join";
}
