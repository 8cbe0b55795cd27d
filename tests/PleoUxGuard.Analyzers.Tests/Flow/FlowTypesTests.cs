using System.Linq;
using Microsoft.CodeAnalysis;
using PleoUxGuard.Analyzers.Flow;
using PleoUxGuard.Analyzers.Tests.Verifiers;
using Xunit;

namespace PleoUxGuard.Analyzers.Tests.Flow;

/// <summary>
/// Which values the flow follows: anything that can hold a secret's text (text, objects, collections, a value of
/// the code's own types), never numbers, flags, dates, ids, tokens of cancellation, exceptions or delegates.
/// </summary>
public sealed class FlowTypesTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        public enum Plan { Free, Paid }
        public record Connection(string CompanyId, string ApiKey);
        public struct KeyHolder { public string Key; }
        public sealed class PleoRejectedException : Exception { }
        public interface IKeyStore { string Read(); }

        public class Fields
        {
            public string Text;
            public object Boxed;
            public char[] Chars;
            public IEnumerable<string> Lines;
            public IKeyStore Store;
            public Connection Record;
            public KeyHolder Holder;
            public Task<string> PendingText;
            public char? MaybeChar;
            public int Number;
            public bool Flag;
            public Plan Tier;
            public Guid Id;
            public TimeSpan Elapsed;
            public DateTimeOffset At;
            public CancellationToken Token;
            public Guid? MaybeId;
            public IFormatProvider Culture;
            public PleoRejectedException Rejected;
            public Exception Failure;
            public Type Kind;
            public Task Pending;
            public Action<string> Callback;
        }
        """;

    [Theory]
    [InlineData("Text")]
    [InlineData("Boxed")]
    [InlineData("Chars")]
    [InlineData("Lines")]
    [InlineData("Store")]
    [InlineData("Record")]
    [InlineData("Holder")]
    [InlineData("PendingText")]
    [InlineData("MaybeChar")]
    public void A_value_that_can_hold_text_is_followed(string field) =>
        Assert.True(FlowTypes.CanCarry(TypeOf(field)), field);

    [Theory]
    [InlineData("Number")]
    [InlineData("Flag")]
    [InlineData("Tier")]
    [InlineData("Id")]
    [InlineData("Elapsed")]
    [InlineData("At")]
    [InlineData("Token")]
    [InlineData("MaybeId")]
    [InlineData("Culture")]
    [InlineData("Rejected")]
    [InlineData("Failure")]
    [InlineData("Kind")]
    [InlineData("Pending")]
    [InlineData("Callback")]
    public void A_value_that_cannot_hold_text_is_not_followed(string field) =>
        Assert.False(FlowTypes.CanCarry(TypeOf(field)), field);

    [Fact]
    public void An_untyped_operand_is_not_followed() => Assert.False(FlowTypes.CanCarry(null));

    private static ITypeSymbol TypeOf(string field)
    {
        var fields = HostCompilations.Of("FlowTypes", Source).GetTypeByMetadataName("Fields")!;
        return ((IFieldSymbol)fields.GetMembers(field).Single()).Type;
    }
}
