using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Shared;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>
/// Where a message is produced: an end-user sign-in flow (messages stay generic there on purpose, as
/// OWASP asks), connection code (a Pleo key is being used), or neither; and the failure kind the
/// surrounding status check, catch block or names point to.
/// </summary>
internal readonly struct MessageScope
{
    // Code that re-checks a key that worked before: a 401 there means the key was revoked.
    private static readonly NameMatcher BackgroundCheckNames = new(new[] { "monitor", "recheck", "re check", "health", "background" });

    private readonly List<List<string>>? _names;
    private readonly MessageSettings? _settings;

    private MessageScope(bool isSignIn, bool isConnectionCode, FailureKind? kind, List<List<string>>? names = null, MessageSettings? settings = null)
    {
        IsSignIn = isSignIn;
        IsConnectionCode = isConnectionCode;
        Kind = kind;
        _names = names;
        _settings = settings;
    }

    public bool IsSignIn { get; }

    public bool IsConnectionCode { get; }

    /// <summary>The failure kind from a status check or catch block (strong evidence), or from names (weak).</summary>
    public FailureKind? Kind { get; }

    /// <summary>
    /// The failure kind for a message: a status check around it, then the words of the message itself,
    /// then the catch block and the names around it.
    /// </summary>
    public FailureKind? KindFor(string? messageText, FailureKind? fromStatus, FailureKind? fromResponse = null) =>
        fromStatus ?? MessageCatalogue.GuessKind(messageText) ?? fromResponse ?? Kind;

    /// <summary>
    /// The failure kind for one text of a message that can say several (<c>status switch { 401 =&gt; "…", _ =&gt; "…" }</c>):
    /// what the branch of <paramref name="operand"/> that gives <paramref name="piece"/> tests comes first, as the same test
    /// around the whole message would, then <see cref="KindFor(string?, FailureKind?)"/>.
    /// </summary>
    public FailureKind? KindFor(IOperation piece, IOperation operand, string? messageText, FailureKind? fromStatus, FailureKind? fromResponse = null)
    {
        var branch = default(Cues);
        if (_settings is not null)
        {
            for (var (child, parent) = (piece, piece.Parent); parent is not null && !ReferenceEquals(child, operand); (child, parent) = (parent, parent.Parent))
            {
                branch.Read(child, parent, _settings);
            }
        }

        return (branch.Status is { } status ? StatusKind(status, _names!) : (FailureKind?)null)
            ?? fromStatus ?? MessageCatalogue.GuessKind(messageText) ?? branch.Caught ?? fromResponse ?? Kind;
    }

    /// <summary>
    /// The kind the response's own status says (<c>Results.Problem(…, statusCode: 503)</c>, <c>StatusCode(429, …)</c>), for the
    /// statuses that can only be about Pleo's side: 502–504 (Pleo unavailable) and 429 (rate limited). The app's own 400,
    /// 401 or 403 is as often about the user's request or session as about the key, so it says nothing here.
    /// </summary>
    public static FailureKind? ResponseKind(IOperation sink)
    {
        if (sink is not IInvocationOperation call)
        {
            return null;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == "statusCode" && argument.Value.WithoutConversions().ConstantValue is { HasValue: true, Value: int status })
            {
                return status switch
                {
                    502 or 503 or 504 => FailureKind.PleoUnavailable,
                    429 => FailureKind.RateLimited,
                    _ => null,
                };
            }
        }

        return null;
    }

    public static MessageScope Of(IOperation operation, ISymbol containingSymbol, MessageSettings settings, out FailureKind? fromStatus)
    {
        fromStatus = null;
        var names = NamesAround(operation, containingSymbol);

        // The innermost name that says anything decides; within one level, sign-in wins.
        var connection = false;
        foreach (var group in names)
        {
            if (Any(group, settings.SignInNames))
            {
                return new MessageScope(isSignIn: true, isConnectionCode: false, kind: null);
            }

            if (Any(group, settings.ConnectionNames))
            {
                connection = true;
                break;
            }
        }

        var cues = default(Cues);
        for (var (child, parent) = (operation, operation.Parent); parent is not null; (child, parent) = (parent, parent.Parent))
        {
            cues.Read(child, parent, settings);
        }

        fromStatus = cues.Status is { } status ? StatusKind(status, names) : (FailureKind?)null;
        return new MessageScope(isSignIn: false, isConnectionCode: connection || cues.Connection, kind: cues.Caught ?? GuessFromNames(names), names, settings);
    }

    /// <summary>What the code around a message tests, innermost first: the first status and the first caught kind decide.</summary>
    private struct Cues
    {
        public int? Status;
        public FailureKind? Caught;
        public bool Connection;

        /// <summary>Reads <paramref name="parent"/>, entered through <paramref name="child"/>.</summary>
        public void Read(IOperation child, IOperation parent, MessageSettings settings)
        {
            switch (parent)
            {
                case ICatchClauseOperation catchClause when ReferenceEquals(child, catchClause.Handler):
                    FromStatus(FindStatus(catchClause.Filter));
                    FromTypeTest(catchClause.ExceptionType, settings);
                    break;

                case IConditionalOperation conditional when ReferenceEquals(child, conditional.WhenTrue):
                    FromStatus(FindStatus(conditional.Condition));
                    FromTypeTest(TestedType(conditional.Condition), settings);
                    Connection |= conditional.Condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not && IsSuccessCheck(not.Operand);
                    break;

                case IConditionalOperation conditional when ReferenceEquals(child, conditional.WhenFalse):
                    // if (response.IsSuccessStatusCode) { … } else { message }: the call failed, whatever its status.
                    Connection |= IsSuccessCheck(conditional.Condition);
                    break;

                case ISwitchCaseOperation switchCase:
                    foreach (var clause in switchCase.Clauses)
                    {
                        FromStatus(FindStatus(clause));
                        FromTypeTest(TestedType((clause as IPatternCaseClauseOperation)?.Pattern), settings);
                    }

                    break;

                case ISwitchExpressionArmOperation arm when ReferenceEquals(child, arm.Value):
                    FromStatus(FindStatus(arm.Pattern));
                    FromTypeTest(TestedType(arm.Pattern), settings);
                    break;
            }
        }

        private void FromStatus(int? status)
        {
            if (status is not null)
            {
                Connection = true;
                Status ??= status;
            }
        }

        // catch (HttpRequestException), case HttpRequestException: and ex is TimeoutException all say the same.
        private void FromTypeTest(ITypeSymbol? tested, MessageSettings settings)
        {
            if (tested is not null && IsConnectionException(tested, settings))
            {
                Connection = true;
                Caught ??= CatchKind(tested);
            }
        }
    }

    private static bool IsSuccessCheck(IOperation condition) =>
        condition.WithoutConversions() is IPropertyReferenceOperation { Property: { Name: "IsSuccessStatusCode", ContainingType.Name: "HttpResponseMessage" } };

    /// <summary>The type a pattern, or an <c>is</c> test that is the whole condition, matches; otherwise null.</summary>
    private static ITypeSymbol? TestedType(IOperation? test) => test?.WithoutConversions() switch
    {
        IIsTypeOperation isType => isType.TypeOperand,
        IIsPatternOperation isPattern => TestedType(isPattern.Pattern),
        ITypePatternOperation type => type.MatchedType,
        IDeclarationPatternOperation declaration => declaration.MatchedType,
        IRecursivePatternOperation recursive => recursive.MatchedType,
        _ => null,
    };

    // Innermost first: enclosing local functions and minimal-API routes, the method and its parameters,
    // the containing types, the file.
    private static List<List<string>> NamesAround(IOperation operation, ISymbol containingSymbol)
    {
        var groups = new List<List<string>>();
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILocalFunctionOperation localFunction)
            {
                groups.Add(new List<string> { localFunction.Symbol.Name });
            }
            else if (parent is IAnonymousFunctionOperation handler && MapCallOf(parent) is { } mapCall)
            {
                // The route with its group's prefix, then the handler's parameters, as a method's follow its name.
                var route = new List<string>();
                foreach (var argument in mapCall.Arguments)
                {
                    if (argument.Value.ConstantValue is { HasValue: true, Value: string part })
                    {
                        route.Add(part);
                    }
                }

                AddGroupPrefixes(mapCall, route);
                groups.Add(route);
                if (handler.Symbol.Parameters.Length > 0)
                {
                    groups.Add(NamesOf(handler.Symbol.Parameters));
                }
            }
        }

        var symbol = containingSymbol;
        if (symbol is IMethodSymbol { AssociatedSymbol: { } property })
        {
            symbol = property;
        }

        if (symbol is not INamedTypeSymbol)
        {
            groups.Add(new List<string> { symbol.Name });
            if (symbol is IMethodSymbol method)
            {
                groups.Add(NamesOf(method.Parameters));
            }
        }

        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            groups.Add(new List<string> { type.Name });
        }

        var path = operation.Syntax.SyntaxTree.FilePath;
        if (!string.IsNullOrEmpty(path))
        {
            groups.Add(new List<string> { Path.GetFileNameWithoutExtension(path) });
        }

        return groups;
    }

    private static List<string> NamesOf(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters)
    {
        var names = new List<string>(parameters.Length);
        foreach (var parameter in parameters)
        {
            // Every async handler takes a cancellationToken or stoppingToken: a token of the runtime, not a credential.
            if (!IsCancellationToken(parameter.Type))
            {
                names.Add(parameter.Name);
            }
        }

        return names;
    }

    private static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } };

    private static bool Any(List<string> names, NameMatcher matcher)
    {
        foreach (var name in names)
        {
            if (matcher.Find(name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The prefixes of the route groups a minimal-API route is mapped on: <c>app.MapGroup("/api/pleo").MapPost(…)</c>, and
    /// <c>pleo.MapPost(…)</c> of <c>var pleo = app.MapGroup("/api").MapGroup("/pleo")</c> (read from its declaration).
    /// </summary>
    private static void AddGroupPrefixes(IInvocationOperation mapCall, List<string> route)
    {
        var receiver = (mapCall.Instance ?? (mapCall.TargetMethod.IsExtensionMethod && mapCall.Arguments.Length > 0 ? mapCall.Arguments[0].Value : null))?.WithoutConversions();
        if (receiver is ILocalReferenceOperation local)
        {
            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } made })
                {
                    AddGroupPrefixes(made, route);
                }
            }

            return;
        }

        if (receiver is not null)
        {
            AddGroupPrefixes(receiver.Syntax, route);
        }
    }

    private static void AddGroupPrefixes(SyntaxNode chain, List<string> route)
    {
        for (var current = chain; current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call; current = access.Expression)
        {
            if (access.Name.Identifier.ValueText == "MapGroup" && call.ArgumentList.Arguments.Count > 0
                && call.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string prefix })
            {
                route.Add(prefix);
            }
        }
    }

    // app.MapPost("/account/login", () => ...): the route names the flow a minimal-API handler serves.
    private static IInvocationOperation? MapCallOf(IOperation lambda)
    {
        var current = lambda.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parent: IInvocationOperation call } && call.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal)
            ? call
            : null;
    }

    private static FailureKind? GuessFromNames(List<List<string>> groups)
    {
        foreach (var group in groups)
        {
            foreach (var name in group)
            {
                var kind = MessageCatalogue.GuessKind(string.Join(" ", IdentifierWords.Split(name)));
                if (kind is not null)
                {
                    return kind;
                }
            }
        }

        return null;
    }

    private static FailureKind StatusKind(int status, List<List<string>> names)
    {
        switch (status)
        {
            case 401:
                // A 401 for a key that worked before means it was revoked; background checks see that case.
                return GuessFromNames(names) == FailureKind.KeyRevoked || NamesMention(names, BackgroundCheckNames)
                    ? FailureKind.KeyRevoked
                    : FailureKind.InvalidKey;
            case 403:
                return FailureKind.MissingPermission;
            case 429:
                return FailureKind.RateLimited;
            case 400:
            case 422:
                return FailureKind.WrongFormat;
            default:
                return FailureKind.PleoUnavailable;
        }
    }

    private static bool NamesMention(List<List<string>> groups, NameMatcher matcher)
    {
        foreach (var group in groups)
        {
            if (Any(group, matcher))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConnectionException(ITypeSymbol? type, MessageSettings settings)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            // A full name always contains the simple one (only special types display as keywords), so the
            // display string, which costs more than the rest of this check, is built only for a type an entry can name.
            string? fullName = null;
            foreach (var configured in settings.ConnectionExceptions)
            {
                if (configured == current.Name)
                {
                    return true;
                }

                if ((current.SpecialType != SpecialType.None || configured.IndexOf(current.Name, StringComparison.Ordinal) >= 0)
                    && configured == (fullName ??= current.ToDisplayString()))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static FailureKind? CatchKind(ITypeSymbol? type) => type?.Name switch
    {
        "AuthenticationException" or "UnauthorizedAccessException" => FailureKind.InvalidKey,
        "FormatException" or "ArgumentException" => FailureKind.WrongFormat,
        "HttpRequestException" or "TaskCanceledException" or "TimeoutException" or "OperationCanceledException" or "SocketException" => FailureKind.PleoUnavailable,
        _ => null,
    };

    /// <summary>The HTTP error status (400–599) a condition, pattern or case clause tests for, or null.</summary>
    private static int? FindStatus(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        var mentionsStatus = false;
        int? literal = null;
        foreach (var node in Flatten(operation))
        {
            switch (node)
            {
                case IFieldReferenceOperation field when IsStatusType(field.Field.ContainingType)
                    && field.ConstantValue is { HasValue: true, Value: int status } && IsErrorStatus(status):
                    return status;
                case IPropertyReferenceOperation { Property.Name: "StatusCode" }:
                case IOperation { Type.Name: "HttpStatusCode" }:
                    mentionsStatus = true;
                    break;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: int number } } when IsErrorStatus(number):
                    literal ??= number;
                    break;
            }
        }

        return mentionsStatus ? literal : null;
    }

    private static IEnumerable<IOperation> Flatten(IOperation root)
    {
        yield return root;
        foreach (var descendant in root.Descendants())
        {
            yield return descendant;
        }
    }

    private static bool IsStatusType(INamedTypeSymbol? type) =>
        type is not null && (type.Name == "HttpStatusCode" || (type.Name == "StatusCodes" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Http"));

    private static bool IsErrorStatus(int status) => status >= 400 && status <= 599;
}
