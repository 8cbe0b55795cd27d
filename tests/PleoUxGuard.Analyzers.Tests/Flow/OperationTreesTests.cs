using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers;
using PleoUxGuard.Analyzers.Tests.Verifiers;
using Xunit;

namespace PleoUxGuard.Analyzers.Tests.Flow;

/// <summary>The one walk per body: every operation, in the order Roslyn's own DescendantsAndSelf gives, at any depth.</summary>
public sealed class OperationTreesTests
{
    [Fact]
    public void A_body_is_listed_in_the_same_order_as_DescendantsAndSelf()
    {
        var body = BodyOf("""
            using System;
            using System.Linq;
            class Client
            {
                string Run(string[] names, int? page)
                {
                    var label = page is > 0 ? $"page {page}" : "first";
                    Func<string, string> shout = n => n.ToUpperInvariant() + "!";
                    foreach (var name in names.Where(n => n.Length > 2)) { label += shout(name); }
                    string Local(string s) => s ?? label;
                    try { return Local(label); } catch (Exception e) when (e.Message.Length > 0) { return e.Message; }
                }
            }
            """);

        var listed = Walked(body);

        Assert.True(listed.Count > 50);
        Assert.Equal(body.DescendantsAndSelf().ToList(), listed);
    }

    [Fact]
    public void A_concatenation_thousands_deep_is_walked_completely()
    {
        var terms = string.Join(" + ", Enumerable.Range(0, 5000).Select(index => index % 2 == 0 ? "a" : "\"x\""));
        var body = BodyOf("class Deep { string Run(string a) { return " + terms + "; } }");

        var listed = Walked(body);

        Assert.True(listed.Count > 10000);
        Assert.Equal(body.DescendantsAndSelf().ToList(), listed);
    }

    [Fact]
    public void A_visitor_can_walk_another_tree_in_the_middle_of_a_walk()
    {
        var outer = BodyOf("class A { int Run(int a, int b) { var c = a + b; return c * (a - b); } }");
        var inner = BodyOf("class B { string Run(string s) { return s + s.Trim() + s.Length; } }");

        var visitor = new NestingVisitor(inner);
        outer.Walk(ref visitor);

        Assert.Equal(outer.DescendantsAndSelf().ToList(), visitor.Outer);
        Assert.Equal(inner.DescendantsAndSelf().Count() * outer.DescendantsAndSelf().Count(), visitor.InnerCount);
    }

    private static List<IOperation> Walked(IOperation root)
    {
        var listed = new ListingVisitor(new List<IOperation>());
        root.Walk(ref listed);
        return listed.Operations;
    }

    private static IOperation BodyOf(string source)
    {
        var compilation = HostCompilations.Of("Walk", source);
        var tree = compilation.SyntaxTrees[0];
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        return compilation.GetSemanticModel(tree).GetOperation(method)!;
    }

    /// <summary>Lists the walk's operations and, at each, walks a second tree (as a visitor that asks a callee's summary would).</summary>
    private struct NestingVisitor : IOperationVisitor
    {
        private readonly IOperation _inner;

        public NestingVisitor(IOperation inner)
        {
            _inner = inner;
            Outer = new List<IOperation>();
            InnerCount = 0;
        }

        public List<IOperation> Outer { get; }

        public int InnerCount { get; private set; }

        public void Visit(IOperation operation)
        {
            Outer.Add(operation);
            InnerCount += Walked(_inner).Count;
        }
    }

    /// <summary>Lists what the walk hands it, in order.</summary>
    private readonly struct ListingVisitor : IOperationVisitor
    {
        public ListingVisitor(List<IOperation> operations) => Operations = operations;

        public List<IOperation> Operations { get; }

        public void Visit(IOperation operation) => Operations.Add(operation);
    }
}
