using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Messages;

/// <summary>The values a local variable is given in its method: its initializer and every assignment.</summary>
internal static class LocalValues
{
    public static List<IOperation> Of(ILocalReferenceOperation reference)
    {
        var values = new List<IOperation>();
        foreach (var operation in reference.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local) && declarator.Initializer is { } initializer:
                    values.Add(initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    values.Add(assignment.Value);
                    break;
            }
        }

        return values;
    }
}
