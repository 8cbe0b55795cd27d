using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PleoUxGuard.Analyzers.Sinks;

/// <summary>
/// PUX007's sinks in a Blazor WebAssembly app: the headers of the requests it sends (<c>new AuthenticationHeaderValue</c>,
/// <c>AuthenticationHeaderValue.Parse</c>, <c>Headers.Add</c>, <c>TryAddWithoutValidation</c>). Its HttpClient runs in
/// the browser, so a key in a request header is a key in client-side script, sent by every visitor's browser. On a
/// server a request header is where the key belongs (R-SEC-2): in any other compilation the table is empty.
/// </summary>
internal sealed class RequestHeaderSinks : SinkTable
{
    private static readonly SinkSpec[] Specs =
    {
        SinkSpec.Methods("System.Net.Http.Headers.AuthenticationHeaderValue", SinkSpec.Constructor, "Parse", "TryParse").WithParameters("parameter", "input"),
        SinkSpec.Methods("System.Net.Http.Headers.HttpHeaders", "Add", "TryAddWithoutValidation").WithParameters("value", "values"),
    };

    public RequestHeaderSinks(Compilation compilation, bool webAssemblyApp)
        : base(compilation, SinkKind.Browser, webAssemblyApp ? Specs : Array.Empty<SinkSpec>())
    {
    }

    public override void Collect(IOperation operation, ISymbol owner, List<SinkOperand> operands)
    {
        var before = operands.Count;
        base.Collect(operation, owner, operands);
        for (var index = before; index < operands.Count; index++)
        {
            var operand = operands[index];
            operands[index] = new SinkOperand(operand.Operand, operand.SinkName + WebAssemblyApp.InApp, Kind);
        }
    }
}
