using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Analysis;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Tests.Verifiers;
using Xunit;

namespace PleoUxGuard.Analyzers.Tests.Analysis;

/// <summary>
/// The one walk per body sorts its operations for every rule: what each list holds is what a walk of the whole
/// tree, filtered by kind, would give, in the same order, so no rule needs a walk of its own.
/// </summary>
public sealed class BodyOperationsTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Text;
        class Client
        {
            string _label = "";
            string Run(string key, string[] names, int? page)
            {
                var builder = new StringBuilder();
                string masked;
                masked = "••••" + key.Substring(key.Length - 4);
                masked += "!";
                _label ??= masked;
                var (first, rest) = (names[0], names.Length);
                foreach (var name in names) { builder.Append(name).Append(first); }
                for (var index = 0; index < rest; index++) { builder.AppendLine(); }
                Func<string, string> shout = n => n.ToUpperInvariant();
                return shout(builder.ToString()) + page;
            }

            void Log(string text) { var copy = text; Console.WriteLine(copy); }
        }
        """;

    private static readonly OperationKind[] CandidateKinds =
        [OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment, OperationKind.CompoundAssignment, OperationKind.Return];

    private static readonly OperationKind[] ReferenceKinds =
        [OperationKind.LocalReference, OperationKind.ParameterReference, OperationKind.FieldReference, OperationKind.PropertyReference];

    [Fact]
    public void Candidates_and_references_are_those_of_every_block_in_tree_order()
    {
        var blocks = Blocks();

        var index = BodyOperations.Index(blocks);

        Assert.Equal(blocks.SelectMany(Walked).Where(operation => CandidateKinds.Contains(operation.Kind)), index.Candidates);
        Assert.Equal(blocks.SelectMany(Walked).Where(operation => ReferenceKinds.Contains(operation.Kind)), index.References);
        Assert.Contains(index.Candidates, operation => operation.Kind == OperationKind.Return);
        Assert.Contains(index.Candidates, operation => operation.Kind == OperationKind.CoalesceAssignment);
        Assert.Contains(index.Candidates, operation => operation.Kind == OperationKind.CompoundAssignment);
    }

    [Fact]
    public void Definers_are_kept_per_block_in_tree_order()
    {
        var blocks = Blocks();

        var index = BodyOperations.Index(blocks);

        Assert.Equal(blocks, index.Blocks);
        Assert.Equal(2, index.Definers.Length);
        for (var block = 0; block < blocks.Length; block++)
        {
            Assert.Equal(Walked(blocks[block]).Where(operation => DefinitionCollector.CanDefine(operation.Kind)), index.Definers[block]);
        }

        // Declarators, an assignment, a compound and a coalescing assignment, a deconstruction, two loops and the
        // accumulating calls of the first body; the declarator of the second.
        var kinds = index.Definers[0].Select(operation => operation.Kind).Distinct().ToList();
        Assert.Equal(
            new[] { OperationKind.VariableDeclarator, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment, OperationKind.DeconstructionAssignment, OperationKind.Loop, OperationKind.Invocation }.OrderBy(kind => kind),
            kinds.OrderBy(kind => kind));
        Assert.Contains(index.Definers[1], operation => operation.Kind == OperationKind.VariableDeclarator);
    }

    [Fact]
    public void The_last_body_asked_for_on_a_thread_is_indexed_once_and_a_callee_index_does_not_replace_it()
    {
        var blocks = Blocks();
        var body = BodyOperations.Of(blocks);

        _ = BodyOperations.Index(ImmutableArray.Create(blocks[1]));

        Assert.Same(body, BodyOperations.Of(blocks));
    }

    private static ImmutableArray<IOperation> Blocks()
    {
        var compilation = HostCompilations.Of("Index", Source);
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Select(method => model.GetOperation(method)!).ToImmutableArray();
    }

    private static IOperation[] Walked(IOperation root) => root.DescendantsAndSelf().ToArray();
}
