using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Flow;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// Razor components (.razor, Blazor), seen through the render tree the Razor generator builds, or that a
/// component builds by hand: <c>@apiKey</c> becomes <c>__builder.AddContent(3, apiKey)</c>,
/// <c>title="@apiKey"</c> becomes <c>__builder.AddAttribute(6, "title", apiKey)</c>, and
/// <c>&lt;InputText @bind-Value="form.ApiKey" /&gt;</c> passes the key as the input component's <c>Value</c>. Every
/// one of them puts the value into the browser's DOM (over the circuit for a server component).
/// </summary>
/// <remarks>
/// A password input bound with <c>@bind</c> or <c>@bind-Value</c> is not a sink: it is how a user enters the key,
/// as a password input with <c>asp-for</c> is for a Razor page (<see cref="RazorSinks"/>). Parameters of other
/// components are not sinks either: a component that renders the value it is given is judged where it renders it.
/// </remarks>
internal sealed class ComponentSinks : SinkTable
{
    private const string Markup = "Razor component markup";

    private readonly INamedTypeSymbol? _renderTreeBuilder;

    public ComponentSinks(Compilation compilation)
        : base(compilation, SinkKind.Client, Array.Empty<SinkSpec>())
    {
        _renderTreeBuilder = compilation.FindType("Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder");
    }

    public override bool IsEmpty => _renderTreeBuilder is null;

    public override bool MayTake(IMethodSymbol method) =>
        method.Name is "AddContent" or "AddMarkupContent" or "AddAttribute" or "AddComponentParameter"
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, _renderTreeBuilder);

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        if (operation is not IInvocationOperation invocation || !MayTake(invocation.TargetMethod))
        {
            return;
        }

        var generated = RazorSinks.IsRazorOutput(invocation.Syntax.SyntaxTree);
        if (invocation.TargetMethod.Name is "AddContent" or "AddMarkupContent")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal > 0 && CanCarry(argument.Value))
                {
                    operands.Add(generated ? new SinkOperand(argument.Value, Markup, Kind) : new SinkOperand(argument.Value, invocation.TargetMethod, Kind));
                }
            }

            return;
        }

        if (invocation.ArgumentFor("value") is not { } value || !CanCarry(value) || ConstantText(invocation.ArgumentFor("name")) is not { } name)
        {
            return;
        }

        var frame = Frame.Of(invocation);
        string? sinkName;
        if (frame.Component is { } component)
        {
            // An input component's Value is what it writes into its <input>: the framework's input components, and
            // any component bound with @bind-Value (a component library's text field). Other parameters are the
            // component's own, judged where it renders them.
            var bound = frame.HasAttribute("ValueChanged") || frame.HasAttribute("ValueExpression");
            if (name != "Value"
                || !(bound || FlowTypes.IsNamespace(component.ContainingNamespace, "Microsoft.AspNetCore.Components.Forms"))
                || (bound && frame.Type != InputType.Text))
            {
                return;
            }

            sinkName = bound ? $"<{component.Name} @bind-Value> in {Markup}" : $"<{component.Name} Value> in {Markup}";
        }
        else
        {
            // A value with a change handler (@bind, or value plus @onchange) is the field the user types into.
            var bound = name == "value" && frame.HasEventHandler;
            if (bound && frame.Type != InputType.Text)
            {
                return;
            }

            var element = frame.ElementName ?? "element";
            sinkName = bound && IsBinding(value) ? $"<{element} @bind> in {Markup}" : $"<{element} {name}> in {Markup}";
        }

        operands.Add(generated ? new SinkOperand(value, sinkName, Kind) : new SinkOperand(value, invocation.TargetMethod, Kind));
    }

    /// <summary>Text or an object, not an event handler (<c>onchange</c>'s <c>EventCallback</c>, which <c>@bind</c> makes from the key too).</summary>
    private static bool CanCarry(IOperation value) =>
        value.WithoutConversions().Type is var type
        && FlowTypes.CanCarry(type)
        && !FlowTypes.IsNamed(type, "EventCallback", "Microsoft.AspNetCore.Components");

    private static string? ConstantText(IOperation? operation) =>
        operation?.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary>The value under conversions and the generator's <c>RuntimeHelpers.TypeCheck&lt;T&gt;(…)</c>.</summary>
    private static IOperation? Unwrapped(IOperation? value)
    {
        value = value?.WithoutConversions();
        return value is IInvocationOperation { TargetMethod.Name: "TypeCheck", Arguments.Length: 1 } check
            ? check.Arguments[0].Value.WithoutConversions()
            : value;
    }

    /// <summary><c>BindConverter.FormatValue(x)</c>: the value <c>@bind</c> writes into an element.</summary>
    private static bool IsBinding(IOperation value) =>
        value.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "FormatValue" } format
        && FlowTypes.IsNamed(format.TargetMethod.ContainingType, "BindConverter", "Microsoft.AspNetCore.Components");

    /// <summary>
    /// The element or component an attribute belongs to: the render tree gives an element's attributes right after
    /// its <c>OpenElement</c> or <c>OpenComponent</c> call and before any other frame, in the same block.
    /// </summary>
    private readonly struct Frame
    {
        private readonly ImmutableArray<IOperation> _statements;
        private readonly int _first;
        private readonly int _end;

        private Frame(ImmutableArray<IOperation> statements, int first, int end, INamedTypeSymbol? component, string? elementName)
        {
            _statements = statements;
            _first = first;
            _end = end;
            Component = component;
            ElementName = elementName;
        }

        /// <summary>The component opened (<c>OpenComponent&lt;InputText&gt;</c>), or null for an element.</summary>
        public INamedTypeSymbol? Component { get; }

        /// <summary>The element's name (<c>input</c>), when its <c>OpenElement</c> was found.</summary>
        public string? ElementName { get; }

        /// <summary>
        /// What the element or component's type says: <c>type="password"</c> (or a component's
        /// <c>InputType="InputType.Password"</c>), another constant type, or unknown (a type given by an expression,
        /// as a show/hide toggle does, or attributes splatted with <c>@attributes</c>).
        /// </summary>
        public InputType Type
        {
            get
            {
                var type = InputType.Text;
                for (var index = _first; index < _end; index++)
                {
                    if (AttributeCall(_statements[index]) is not { } call)
                    {
                        continue;
                    }

                    if (call.TargetMethod.Name == "AddMultipleAttributes")
                    {
                        type = InputType.Unknown;
                        continue;
                    }

                    if (ConstantText(call.ArgumentFor("name")) is not { } attribute
                        || !(attribute.Equals("type", StringComparison.OrdinalIgnoreCase) || attribute.Equals("InputType", StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    switch (Unwrapped(call.ArgumentFor("value")))
                    {
                        case { ConstantValue: { HasValue: true, Value: string text } }:
                            if (string.Equals(text, "password", StringComparison.OrdinalIgnoreCase))
                            {
                                return InputType.Password;
                            }

                            break;
                        case IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } member }:
                            if (member.Name == "Password")
                            {
                                return InputType.Password;
                            }

                            break;
                        default:
                            type = InputType.Unknown;
                            break;
                    }
                }

                return type;
            }
        }

        /// <summary>An event attribute (<c>onchange</c>, <c>oninput</c>): made by <c>@bind</c> or written as <c>@onchange</c>.</summary>
        public bool HasEventHandler
        {
            get
            {
                for (var index = _first; index < _end; index++)
                {
                    if (AttributeCall(_statements[index]) is { } call
                        && ConstantText(call.ArgumentFor("name")) is { } attribute
                        && attribute.StartsWith("on", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public bool HasAttribute(string name)
        {
            for (var index = _first; index < _end; index++)
            {
                if (AttributeCall(_statements[index]) is { } call && ConstantText(call.ArgumentFor("name")) == name)
                {
                    return true;
                }
            }

            return false;
        }

        public static Frame Of(IInvocationOperation attribute)
        {
            if (attribute.Parent is not IExpressionStatementOperation statement || statement.Parent is not IBlockOperation block)
            {
                return default;
            }

            var statements = block.Operations;
            var at = statements.IndexOf(statement);
            var first = at;
            while (first > 0 && AttributeCall(statements[first - 1]) is not null)
            {
                first--;
            }

            var end = at + 1;
            while (end < statements.Length && AttributeCall(statements[end]) is not null)
            {
                end++;
            }

            INamedTypeSymbol? component = null;
            string? elementName = null;
            if (first > 0 && BuilderCall(statements[first - 1]) is { } open)
            {
                if (open.TargetMethod.Name == "OpenComponent" && open.TargetMethod.TypeArguments.Length == 1)
                {
                    component = open.TargetMethod.TypeArguments[0] as INamedTypeSymbol;
                }
                else if (open.TargetMethod.Name == "OpenElement")
                {
                    elementName = ConstantText(open.ArgumentFor("elementName"));
                }
            }

            return new Frame(statements, first, end, component, elementName);
        }

        private static IInvocationOperation? BuilderCall(IOperation statement) =>
            statement is IExpressionStatementOperation { Operation: IInvocationOperation call }
            && FlowTypes.IsNamed(call.TargetMethod.ContainingType, "RenderTreeBuilder", "Microsoft.AspNetCore.Components.Rendering")
                ? call
                : null;

        /// <summary>A call that adds to the open element or component rather than starting a frame of its own.</summary>
        private static IInvocationOperation? AttributeCall(IOperation statement) =>
            BuilderCall(statement) is { } call
            && call.TargetMethod.Name is "AddAttribute" or "AddComponentParameter" or "AddMultipleAttributes" or "SetUpdatesAttributeName"
                or "SetKey" or "AddElementReferenceCapture" or "AddComponentReferenceCapture" or "AddComponentRenderMode" or "AddNamedEvent"
                ? call
                : null;
    }

    /// <summary>What an input's type attribute says about showing its value.</summary>
    private enum InputType
    {
        /// <summary>No type, or a constant one other than password: the value shows.</summary>
        Text,

        Password,

        /// <summary>Set by an expression or by splatted attributes: the analyzer cannot tell.</summary>
        Unknown,
    }
}
