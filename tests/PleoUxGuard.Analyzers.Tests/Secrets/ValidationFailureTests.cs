using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PleoUxGuard.Analyzers.Tests.Verifiers;
using SecretRules = PleoUxGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PleoUxGuard.Analyzers.Rules.SecretLeakAnalyzer>;

namespace PleoUxGuard.Analyzers.Tests.Secrets;

/// <summary>
/// FluentValidation keeps the value that failed a rule as the failure's <c>AttemptedValue</c>. Where a validator has a
/// rule on the key, a failure can hold the pasted key: reading that value, or writing the failures whole (destructured,
/// serialized to the client), writes the key. Where no rule is on a secret, the failures hold amounts and ids.
/// </summary>
public sealed class ValidationFailureTests
{
    /// <summary>The part of FluentValidation's API these tests use, as the referenced library it is.</summary>
    private static Task<MetadataReference> FluentValidationAsync() => TestLibraries.CompileAsync("FluentValidation", """
        namespace FluentValidation
        {
            using System;
            using System.Linq.Expressions;

            public interface IRuleBuilder<T, TProperty> { }

            public abstract class AbstractValidator<T> : IValidator<T>
            {
                protected IRuleBuilder<T, TProperty> RuleFor<TProperty>(Expression<Func<T, TProperty>> expression) => null!;
                public Results.ValidationResult Validate(T instance) => new();
            }

            public interface IValidator<T>
            {
                Results.ValidationResult Validate(T instance);
            }
        }

        namespace FluentValidation.Results
        {
            public class ValidationFailure
            {
                public string PropertyName { get; set; } = "";
                public string ErrorMessage { get; set; } = "";
                public object? AttemptedValue { get; set; }
                public override string ToString() => ErrorMessage;
            }

            public class ValidationResult
            {
                public bool IsValid => Errors.Count == 0;
                public System.Collections.Generic.List<ValidationFailure> Errors { get; } = new();
            }
        }
        """, TestReferences.Default);

    private const string Controller = """
        using FluentValidation;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Logging;

        [ApiController]
        public sealed class ConnectController(ILogger<ConnectController> logger, IValidator<ConnectRequest> validator) : ControllerBase
        {
            [HttpPost("connect")]
            public IActionResult Connect(ConnectRequest request)
            {
                var result = validator.Validate(request);
                if (result.IsValid)
                {
                    return Ok();
                }

                foreach (var failure in result.Errors)
                {
                    logger.LogWarning("{Property} failed: {Attempted} ({Message})", failure.PropertyName, {|#0:failure.AttemptedValue|}, failure.ErrorMessage);
                    logger.LogWarning("{Failure}", failure);
                }

                logger.LogWarning("Invalid {@Errors}", {|#1:result.Errors|});
                return BadRequest({|#2:result.Errors|});
            }
        }
        """;

    [Fact]
    public async Task Where_a_rule_is_on_the_key_a_failures_attempted_value_is_the_key()
    {
        const string validator = """
            public sealed record ConnectRequest(string CompanyId, string ApiKey);

            public sealed class ConnectValidator : AbstractValidator<ConnectRequest>
            {
                public ConnectValidator()
                {
                    RuleFor(x => x.CompanyId);
                    RuleFor(x => x.ApiKey);
                }
            }
            """;

        await VerifyAsync(
            Controller + validator,
            Expected(Descriptors.SecretToLog, 0, "ValidationFailure.AttemptedValue", "ILogger.LogWarning"),
            Expected(Descriptors.SecretToLog, 1, "AttemptedValue", "ILogger.LogWarning"),
            Expected(Descriptors.SecretToClient, 2, "AttemptedValue", "ControllerBase.BadRequest"));
    }

    [Fact]
    public async Task Where_every_rule_is_on_other_members_the_failures_are_no_secret()
    {
        const string validator = """
            public sealed record ConnectRequest(string CompanyId, decimal Limit);

            public sealed class ConnectValidator : AbstractValidator<ConnectRequest>
            {
                public ConnectValidator()
                {
                    RuleFor(x => x.CompanyId);
                    RuleFor(x => x.Limit);
                }
            }
            """;

        await VerifyAsync(Controller + validator);
    }

    private static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new SecretRules.Test { TestCode = source };
        test.TestState.AdditionalReferences.Add(await FluentValidationAsync());
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static DiagnosticResult Expected(DiagnosticDescriptor rule, int location, params object[] arguments) =>
        new DiagnosticResult(rule).WithLocation(location).WithArguments(arguments);
}
