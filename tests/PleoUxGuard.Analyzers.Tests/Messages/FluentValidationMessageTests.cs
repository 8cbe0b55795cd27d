using Verify = PleoUxGuard.Analyzers.Tests.Messages.MessageRulesVerifier;

namespace PleoUxGuard.Analyzers.Tests.Messages;

/// <summary>
/// FluentValidation's <c>WithMessage("…")</c> is a user-facing message (it reaches the user through ValidationProblem
/// or the model state), judged by PUX010–PUX012 like a validation attribute's ErrorMessage. The analyzer finds it by
/// the FluentValidation namespace, so the tests declare a minimal stub of that API instead of referencing the package.
/// </summary>
public sealed class FluentValidationMessageTests
{
    /// <summary>The part of FluentValidation's API the tests use, declared in its own namespace.</summary>
    internal const string FluentValidationStub = """

            namespace FluentValidation
            {
                using System;
                using System.Linq.Expressions;

                public interface IRuleBuilder<T, TProperty> { }
                public interface IRuleBuilderOptions<T, TProperty> : IRuleBuilder<T, TProperty> { }

                public abstract class AbstractValidator<T>
                {
                    protected IRuleBuilderOptions<T, TProperty> RuleFor<TProperty>(Expression<Func<T, TProperty>> expression) => null!;
                }

                public static class DefaultValidatorExtensions
                {
                    public static IRuleBuilderOptions<T, string> MinimumLength<T>(this IRuleBuilder<T, string> rule, int length) => null!;
                    public static IRuleBuilderOptions<T, TProperty> NotEmpty<T, TProperty>(this IRuleBuilder<T, TProperty> rule) => null!;
                    public static IRuleBuilderOptions<T, TProperty> Must<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<TProperty, bool> predicate) => null!;
                }

                public class ValidationContext<T>
                {
                    public void AddFailure(string propertyName, string errorMessage) { }
                    public void AddFailure(FluentValidation.Results.ValidationFailure failure) { }
                }

                public static class DefaultValidatorOptions
                {
                    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string errorMessage) => rule;
                    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, Func<T, string> messageProvider) => rule;
                }
            }

            namespace FluentValidation.Results
            {
                public class ValidationFailure
                {
                    public ValidationFailure(string propertyName, string errorMessage) { }
                }
            }
            """;

    [Fact]
    public async Task A_failure_added_by_a_custom_rule_is_a_validation_message()
    {
        const string source = """
            using FluentValidation;
            using FluentValidation.Results;

            sealed record ConnectRequest(string ApiKey);

            static class ConnectRules
            {
                public static void CheckKey(string key, ValidationContext<ConnectRequest> context)
                {
                    if (key.EndsWith('='))
                    {
                        context.AddFailure("ApiKey", {|PUX010:"Something went wrong"|});
                        context.AddFailure(new ValidationFailure("ApiKey", {|PUX010:"Invalid input."|}));
                        context.AddFailure("ApiKey", "This does not look like a Pleo key: it ends with '='. Copy the whole key from Pleo and paste it again.");
                    }
                }
            }
            """;

        var test = Verify.Create(source);
        test.TestState.Sources.Add(("/0/FluentValidation.cs", FluentValidationStub));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_generic_or_technical_WithMessage_in_a_connection_validator_is_reported()
    {
        const string source = """
            using FluentValidation;

            sealed record ConnectRequest(string ApiKey, string RedirectUri);

            sealed class ConnectRequestValidator : AbstractValidator<ConnectRequest>
            {
                public ConnectRequestValidator()
                {
                    RuleFor(x => x.ApiKey).MinimumLength(32).WithMessage({|PUX010:"Invalid input."|});
                    RuleFor(x => x.RedirectUri).NotEmpty().WithMessage({|PUX011:{|PUX012:"Error 400: bad redirect"|}|});
                    RuleFor(x => x.ApiKey).NotEmpty().WithMessage({|PUX011:"The API key is missing."|});
                    RuleFor(x => x.ApiKey).Must(k => k.StartsWith("pleo_")).WithMessage(x => {|PUX010:"Invalid input."|});
                    RuleFor(x => x.RedirectUri).NotEmpty().WithMessage(x => { return {|PUX011:"The redirect address is missing."|}; });
                }
            }
            """;

        var test = Verify.Create(source);
        test.TestState.Sources.Add(("/0/FluentValidation.cs", FluentValidationStub));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_specific_WithMessage_or_message_provider_and_a_WithMessage_of_another_library_are_silent()
    {
        const string source = """
            using FluentValidation;

            sealed record ConnectRequest(string ApiKey);

            sealed class ConnectRequestValidator : AbstractValidator<ConnectRequest>
            {
                public ConnectRequestValidator()
                {
                    RuleFor(x => x.ApiKey).MinimumLength(32).WithMessage("This does not look like a Pleo API key. Copy the key exactly as Pleo shows it and paste it here.");
                    RuleFor(x => x.ApiKey).Must(k => k.StartsWith("pleo_")).WithMessage(x => $"{x.ApiKey.Length} characters is too short for a Pleo API key. Copy the whole key from Pleo and paste it here.");
                    Acme.Rules.Check.WithMessage("Invalid input.");
                }
            }

            sealed record LoginRequest(string Password);

            sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
            {
                public LoginRequestValidator() => RuleFor(x => x.Password).NotEmpty().WithMessage("Invalid credentials.");
            }

            namespace Acme.Rules
            {
                static class Check
                {
                    public static void WithMessage(string errorMessage) { }
                }
            }
            """;

        var test = Verify.Create(source);
        test.TestState.Sources.Add(("/0/FluentValidation.cs", FluentValidationStub));
        await test.RunAsync();
    }
}
