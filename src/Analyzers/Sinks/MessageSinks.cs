using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX002's sinks: every user-facing message place of <see cref="UserMessageSinks"/> (shared with the
/// message rules), plus <c>Exception.Data</c>, which error pages and loggers print alongside the message, and the
/// validation errors of a problem details response (<c>Results.ValidationProblem(errors)</c>,
/// <c>HttpValidationProblemDetails.Errors</c>), messages a client shows next to the fields they name, and the
/// failures of an options validation (<c>ValidateOptionsResult.Fail</c>, <c>new OptionsValidationException(…)</c>),
/// which become an exception's message.
/// </summary>
internal sealed class MessageSinks : SinkTable
{
    private static readonly SinkSpec[] Specs =
    {
        SinkSpec.Methods("Microsoft.AspNetCore.Http.Results", "ValidationProblem").WithParameters("errors"),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.TypedResults", "ValidationProblem").WithParameters("errors"),
        SinkSpec.Methods("Microsoft.AspNetCore.Http.HttpValidationProblemDetails", SinkSpec.Constructor).WithParameters("errors"),
        SinkSpec.Methods("Microsoft.AspNetCore.Mvc.ValidationProblemDetails", SinkSpec.Constructor).WithParameters("errors"),
        // An options validation's failures become OptionsValidationException's message, which ValidateOnStart and the
        // first read of the options throw (and the host logs at startup).
        SinkSpec.Methods("Microsoft.Extensions.Options.OptionsValidationException", SinkSpec.Constructor).WithParameters("failureMessages"),
        SinkSpec.Methods("Microsoft.Extensions.Options.ValidateOptionsResult", "Fail").WithParameters("failureMessage", "failures"),
        SinkSpec.Methods("Microsoft.Extensions.Options.ValidateOptionsResultBuilder", "AddError").WithParameters("error", "propertyName"),
        // new ArgumentOutOfRangeException(nameof(apiKey), apiKey, "…"): the message prints the actual value.
        SinkSpec.Methods("System.ArgumentOutOfRangeException", SinkSpec.Constructor).WithParameters("actualValue"),
    };

    [System.ThreadStatic]
    private static List<UserMessageSinkUse>? t_uses;

    private readonly UserMessageSinks _userMessages;
    private readonly INamedTypeSymbol? _exception;
    private readonly INamedTypeSymbol? _validationProblemDetails;

    public MessageSinks(Compilation compilation)
        : base(compilation, SinkKind.Message, Specs)
    {
        _userMessages = UserMessageSinks.Create(compilation);
        _exception = compilation.FindType("System.Exception");
        _validationProblemDetails = compilation.FindType("Microsoft.AspNetCore.Http.HttpValidationProblemDetails");
    }

    public override bool IsEmpty => false;

    public override bool MayTake(IMethodSymbol method) =>
        method.Name is "Add" or "TryAdd" || _userMessages.MayFindIn(method) || base.MayTake(method);

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        var uses = t_uses ??= new List<UserMessageSinkUse>();
        uses.Clear();
        _userMessages.Find(operation, owner, uses);
        foreach (var use in uses)
        {
            // A response's data beside its message is JSON the client gets: PUX004 judges a secret there. The console is
            // PUX001's, in a command-line tool too.
            if (use.Kind is not UserMessageSinkKind.ResponseData and not UserMessageSinkKind.ConsoleOutput)
            {
                operands.Add(new SinkOperand(use.Value, use.SinkName, Kind));
            }
        }

        base.Collect(operation, owner, operands);
        if (_validationProblemDetails is not null
            && DictionaryWrites.TryGet(operation, "Errors", out var errors, out var value)
            && errors.ContainingType.DerivesFrom(_validationProblemDetails))
        {
            operands.Add(new SinkOperand(value, errors, Kind));
        }

        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } assignment
                when IsExceptionData(indexer.Instance):
                operands.Add(new SinkOperand(assignment.Value, "Exception.Data", Kind));
                break;
            case IInvocationOperation { TargetMethod.Name: "Add" } invocation when IsExceptionData(invocation.Instance):
                AddAllArguments(invocation.Arguments, "Exception.Data.Add", operands);
                break;
        }
    }

    private bool IsExceptionData(IOperation? instance) =>
        instance is IPropertyReferenceOperation { Property.Name: "Data" } data
        && data.Property.ContainingType.DerivesFrom(_exception);
}
