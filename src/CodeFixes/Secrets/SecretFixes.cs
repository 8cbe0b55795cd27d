using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PleoUxGuard.CodeFixes.Secrets;

/// <summary>The two edits offered where a secret reaches a log, a message or another sink: mask it, or take it out.</summary>
internal static class SecretFixes
{
    public const string MaskKey = "PleoUxGuard.MaskLastFour";
    public const string RemoveKey = "PleoUxGuard.RemoveFromMessage";
    public const string MaskTitle = "Mask to last 4 characters";
    public const string RemoveTitle = "Remove the secret from the message";

    private static readonly Regex Placeholder = new(@"(?<!\{)\{(?!\{)[^{}]*\}", RegexOptions.CultureInvariant);
    private static readonly Regex NumberedHole = new(@"^\{\s*([0-9]{1,6})\s*[,:}]", RegexOptions.CultureInvariant);

    /// <summary>The expression a mask replaces, and the secret it masks: a slice (<c>key[..8]</c>) is replaced by the masked whole key.</summary>
    /// <param name="partial">
    /// The diagnostic is on a part of the secret (PUX005), and the analyzer found it a slice cut from the whole key
    /// (<see cref="PleoUxGuard.Analyzers.Analysis.SecretSinkAnalysis.SliceOfWholeSecretProperty"/>): only such a slice can
    /// be masked, by masking what it slices. A local or a call that holds a part (<c>prefix</c>, <c>prefix[..6]</c>,
    /// <c>MaskKey(apiKey)</c>) has no key to mask: its own last four would be the middle of the key. A slice to one
    /// character (<c>key[0]</c>, <c>key.First()</c>) has no masked form of its type.
    /// </param>
    public static (ExpressionSyntax Replaced, ExpressionSyntax Secret)? MaskTarget(SyntaxNode node, SemanticModel model, bool partial = false)
    {
        if (node is not ExpressionSyntax reported
            || (partial && reported is not (ElementAccessExpressionSyntax or InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }))
            || (partial && model.GetTypeInfo(reported).Type?.SpecialType == SpecialType.System_Char))
        {
            return null;
        }

        // A slice is reduced to the key first: masking the slice itself would show its own last four. A whole secret
        // read by a call or an indexer (GetEnvironmentVariable("PLEO_API_KEY"), configuration["Pleo:ApiKey"]) is masked as it is.
        ExpressionSyntax secret = !partial ? reported : reported switch
        {
            ElementAccessExpressionSyntax access => access.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Expression,
            _ => reported,
        };
        if (model.GetTypeInfo(secret).Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        // `settings?.ApiKey` (or `settings?.ApiKey[..8]`) reports the part after `?`, which means nothing on its own:
        // the whole access is replaced, and the key is read again as `settings?.ApiKey`, through every `?.` above.
        ExpressionSyntax replaced = reported;
        while (replaced.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == replaced)
        {
            secret = access.WithWhenNotNull(secret);
            replaced = access;
        }

        // A longer chain after `?.` (`settings?.ApiKey.ToArray()`) has no masked form of the same type: no fix
        // rather than a wrong one.
        return replaced == reported && secret.DescendantNodesAndSelf().Any(part => part is MemberBindingExpressionSyntax or ElementBindingExpressionSyntax)
            ? null
            : (replaced, secret);
    }

    /// <summary>
    /// <paramref name="root"/> with <paramref name="replaced"/> replaced, keeping the member name it gave an anonymous
    /// object or a tuple: <c>new { tenantId, apiKey }</c> becomes <c>new { tenantId, apiKey = SecretMask.LastFour(apiKey) }</c>,
    /// since a call gives no name (CS0746) and code reading <c>.apiKey</c> would break.
    /// </summary>
    public static SyntaxNode ReplaceKeepingName(SyntaxNode root, ExpressionSyntax replaced, ExpressionSyntax replacement)
    {
        replacement = replacement.WithTriviaFrom(replaced);
        switch (replaced.Parent)
        {
            case AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } member when SyntaxFacts.TryGetInferredMemberName(replaced) is { } name:
                return root.ReplaceNode(member, member.WithNameEquals(SyntaxFactory.NameEquals(name)).WithExpression(replacement.WithoutLeadingTrivia()).WithLeadingTrivia(member.GetLeadingTrivia()));
            case ArgumentSyntax { NameColon: null, Parent: TupleExpressionSyntax } element when SyntaxFacts.TryGetInferredMemberName(replaced) is { } name:
                return root.ReplaceNode(element, element.WithNameColon(SyntaxFactory.NameColon(name)).WithExpression(replacement.WithoutLeadingTrivia()).WithLeadingTrivia(element.GetLeadingTrivia()));
            default:
                return root.ReplaceNode(replaced, replacement);
        }
    }

    /// <summary>The root without the secret: the interpolation hole, the concatenated part, or the structured-logging argument and its placeholder.</summary>
    public static SyntaxNode? Remove(SyntaxNode root, SyntaxNode node, SemanticModel model)
    {
        var expression = node as ExpressionSyntax;
        while (expression?.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized;
        }

        switch (expression?.Parent)
        {
            case InterpolationSyntax hole when hole.Parent is InterpolatedStringExpressionSyntax text:
                return root.ReplaceNode(text, text.WithContents(text.Contents.Remove(hole)));
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var other = binary.Left == expression ? binary.Right : binary.Left;
                return root.ReplaceNode(binary, other.WithTriviaFrom(binary));
            case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax list:
                return RemoveStructuredArgument(root, list, argument, BindsByOrder(list, model));
            default:
                return null;
        }
    }

    /// <summary><c>LogInformation("Key {Key} for {Company}", key, company)</c> → <c>LogInformation("Key for {Company}", company)</c>.</summary>
    private static SyntaxNode? RemoveStructuredArgument(SyntaxNode root, ArgumentListSyntax list, ArgumentSyntax argument, bool bindsByOrder)
    {
        var arguments = list.Arguments;
        var templateIndex = -1;
        for (var index = 0; index < arguments.Count; index++)
        {
            if (arguments[index].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                templateIndex = index;
                break;
            }
        }

        var position = arguments.IndexOf(argument) - templateIndex - 1;
        if (templateIndex < 0 || position < 0)
        {
            return null;
        }

        var template = (LiteralExpressionSyntax)arguments[templateIndex].Expression;
        // The holes are edited in the literal as written, so a verbatim or raw template stays one (its value would
        // come back as an ordinary string with every backslash doubled).
        var text = template.Token.Text;
        var placeholders = Placeholder.Matches(text).Cast<Match>().ToList();
        if (position >= placeholders.Count)
        {
            return null;
        }

        // A composite format ("{0} then {1}") names its arguments by number: remove every hole of this one and
        // renumber the later ones. Named templates take their arguments in order of the holes, and so does
        // Microsoft.Extensions.Logging whatever the holes are called, numbers included.
        var composite = !bindsByOrder && placeholders.All(placeholder => NumberedHole.IsMatch(placeholder.Value));
        var newText = text;
        for (var index = placeholders.Count - 1; index >= 0; index--)
        {
            var hole = placeholders[index];
            var digits = NumberedHole.Match(hole.Value).Groups[1];
            var number = composite ? int.Parse(digits.Value, System.Globalization.CultureInfo.InvariantCulture) : index;
            if (number == position)
            {
                newText = WithoutHole(newText, hole);
            }
            else if (composite && number > position)
            {
                var start = hole.Index + digits.Index;
                newText = newText.Substring(0, start) + (number - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + newText.Substring(start + digits.Length);
            }
        }

        var newTemplate = SyntaxFactory.ParseExpression(newText).WithTriviaFrom(template);
        var newList = list.WithArguments(arguments.Replace(arguments[templateIndex], arguments[templateIndex].WithExpression(newTemplate)).RemoveAt(arguments.IndexOf(argument)));
        return root.ReplaceNode(list, newList);
    }

    /// <summary>Whether the call is Microsoft.Extensions.Logging's, which binds arguments to holes in order, not by number.</summary>
    private static bool BindsByOrder(ArgumentListSyntax list, SemanticModel model) =>
        list.Parent is InvocationExpressionSyntax invocation
        && model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method
        && method.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Logging";

    /// <summary>
    /// The text without the hole, and without the space before it when a space, punctuation or the end follows; a hole
    /// that opens the text takes the space after it instead.
    /// </summary>
    private static string WithoutHole(string text, Match hole)
    {
        var start = hole.Index;
        var end = hole.Index + hole.Length;
        if (start > 0 && text[start - 1] == ' ' && (end == text.Length || text[end] == ' ' || char.IsPunctuation(text[end])))
        {
            start--;
        }
        else if (end < text.Length && text[end] == ' ' && (start == 0 || !char.IsLetterOrDigit(text[start - 1])))
        {
            end++;
        }

        return text.Substring(0, start) + text.Substring(end);
    }
}
