using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// Calls that fill an object from configuration: <c>section.Get&lt;PleoOptions&gt;()</c> or <c>Get(typeof(PleoOptions))</c>,
/// <c>section.Bind(options)</c>, <c>services.Configure&lt;PleoOptions&gt;(section)</c>,
/// <c>AddOptions&lt;PleoOptions&gt;().Bind(section)</c> and <c>BindConfiguration("Pleo")</c>, with or without a
/// <c>BinderOptions</c> action.
/// </summary>
internal static class ConfigurationBinding
{
    /// <summary>The type the call fills from configuration, or null when it fills none.</summary>
    public static ITypeSymbol? BoundType(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not ("Get" or "Bind" or "Configure" or "BindConfiguration"))
        {
            return null;
        }

        var type = (method.ReducedFrom ?? method).ContainingType;
        if (FlowTypes.IsNamed(type, "ConfigurationBinder", "Microsoft.Extensions.Configuration"))
        {
            return method.Name switch
            {
                "Get" when method.TypeArguments.Length == 1 => method.TypeArguments[0],
                "Get" => TypeOf(invocation),
                "Bind" => Instance(invocation)?.Type,
                _ => null,
            };
        }

        var options = FlowTypes.IsNamed(type, "OptionsConfigurationServiceCollectionExtensions", "Microsoft.Extensions.DependencyInjection")
            || FlowTypes.IsNamed(type, "OptionsBuilderConfigurationExtensions", "Microsoft.Extensions.DependencyInjection");
        return options && method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
    }

    /// <summary>
    /// The path of the section a call of <see cref="BoundType"/> fills its type from (<c>GoogleMaps</c> for
    /// <c>GetSection("GoogleMaps").Get&lt;MapsOptions&gt;()</c>, <c>Bind("GoogleMaps", options)</c>,
    /// <c>Configure&lt;MapsOptions&gt;(GetSection("GoogleMaps"))</c>, <c>BindConfiguration("GoogleMaps")</c>); null when it
    /// cannot be seen here.
    /// </summary>
    public static string? BoundSection(IInvocationOperation invocation)
    {
        string? section = null;
        string? key = string.Empty;
        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "configuration" or "config":
                    section = ConfigurationKeys.SectionPath(argument.Value);
                    break;
                case "key":
                    key = argument.Value.ConstantValue is { HasValue: true, Value: string bound } ? bound : null;
                    break;
                case "configSectionPath":
                    section = string.Empty;
                    key = argument.Value.ConstantValue is { HasValue: true, Value: string path } ? path : null;
                    break;
            }
        }

        return section is null || key is null ? null : key.Length == 0 ? section : ConfigurationKeys.Join(section, key);
    }

    /// <summary><c>Get(typeof(PleoOptions))</c>'s type, when it is written with <c>typeof</c>.</summary>
    private static ITypeSymbol? TypeOf(IInvocationOperation invocation) =>
        invocation.ArgumentFor("type")?.WithoutConversions() is ITypeOfOperation typeOf ? typeOf.TypeOperand : null;

    /// <summary><c>Bind(instance)</c>'s object, as written (the parameter is an object).</summary>
    private static IOperation? Instance(IInvocationOperation invocation) =>
        invocation.ArgumentFor("instance")?.WithoutConversions();
}
