using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using PleoUxGuard.ConformanceKit.Profile;

namespace PleoUxGuard.ConformanceKit.Tests;

/// <summary>The published schema and the profile model name the same fields, so neither can drift.</summary>
public sealed class ProfileSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(ProfileLoaderTests.RepositoryRoot(), "schemas", "conformance-profile.schema.json")))!;

    public static TheoryData<string, string> Sections => new()
    {
        { "ConformanceProfile", "$.properties" },
        { "IntegrationSettings", "$.properties.integration.properties" },
        { "SignInSettings", "$.properties.signIn.properties" },
        { "SignInStep", "$.$defs.signInStep.properties" },
        { "LocatorSettings", "$.properties.locators.properties" },
        { "LocatorSpec", "$.$defs.locatorSpec.properties" },
        { "StateLabelSettings", "$.properties.stateLabels.properties" },
        { "RevocationSettings", "$.properties.revocation.properties" },
        { "TimeoutSettings", "$.properties.timeouts.properties" },
        { "BrowserSettings", "$.properties.browser.properties" },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Schema_and_model_have_the_same_fields(string type, string path)
    {
        var modelType = typeof(ConformanceProfile).Assembly.GetType("PleoUxGuard.ConformanceKit.Profile." + type)!;
        var modelFields = modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Order();
        var node = path.Split('.').Skip(1).Aggregate(Schema, (current, part) => current[part]!);
        var schemaFields = node.AsObject().Select(pair => pair.Key).Order();

        Assert.Equal(modelFields, schemaFields);
    }
}
