using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>
/// Text made by serializing an object: <c>JsonSerializer.Serialize(options)</c> (and <c>SerializeToUtf8Bytes</c>,
/// <c>SerializeToNode</c>, …), a view's <c>@Json.Serialize(model)</c>, and Newtonsoft's <c>JsonConvert.SerializeObject(options)</c>, hold every member the object's JSON writes, so it carries the secret members of its
/// type as <see cref="SerializedSecrets.Find"/> judges them for PUX004 (a <c>[JsonIgnore]</c> that always ignores
/// hides one): the one test of what JSON exposes, whichever sink the text then reaches.
/// </summary>
internal static class SerializedText
{
    /// <summary>The secret member the JSON text made by <paramref name="invocation"/> writes, or null when it is no serialization or writes none.</summary>
    /// <remarks>Asked of every call of a body that may read a secret: the name rules out nearly all of them.</remarks>
    public static ISymbol? SecretMember(IInvocationOperation invocation, SecretModel model)
    {
        return IsJsonSerialization(invocation.TargetMethod)
            && (invocation.ArgumentFor("value") ?? invocation.ArgumentFor("o") ?? invocation.ArgumentFor("jsonSerializable")) is { } value
            ? SerializedSecrets.FindIn(value, model, WriterOf(invocation.TargetMethod))
            : null;
    }

    /// <summary>The serializer a serialization call writes with, whose own <c>[JsonIgnore]</c> hides a member.</summary>
    public static JsonWriter WriterOf(IMethodSymbol serialization) =>
        serialization.ContainingType.Name is "JsonConvert" or "JToken" or "JObject" or "JArray" ? JsonWriter.JsonNet
        : serialization.ContainingType.Name == "JsonSerializer" ? JsonWriter.SystemTextJson
        : JsonWriter.Endpoint;

    /// <summary>
    /// <c>JsonSerializer.Serialize*</c>, Newtonsoft's <c>JsonConvert.SerializeObject</c> and <c>JToken</c>/<c>JObject</c>/<c>JArray.FromObject</c>
    /// (a JSON tree of the object, printed or sent as its text), a view's <c>@Json.Serialize</c>, <c>BinaryData.FromObjectAsJson</c>.
    /// </summary>
    public static bool IsJsonSerialization(IMethodSymbol method) =>
        (method.Name.StartsWith("Serialize", System.StringComparison.Ordinal)
            && (FlowTypes.IsNamed(method.ContainingType, "JsonSerializer", "System.Text.Json")
                || (method.Name == "SerializeObject" && FlowTypes.IsNamed(method.ContainingType, "JsonConvert", "Newtonsoft.Json"))
                || TextTransforms.IsViewJsonSerialize(method)))
        || IsJsonTreeOf(method)
        // A message body's BinaryData.FromObjectAsJson(o): System.Text.Json's bytes of the object.
        || (method.Name == "FromObjectAsJson" && FlowTypes.IsBinaryData(method.ContainingType));

    /// <summary>Json.NET's <c>JToken.FromObject(o)</c> and its <c>JObject</c>/<c>JArray</c> forms.</summary>
    private static bool IsJsonTreeOf(IMethodSymbol method) =>
        method.Name == "FromObject" && method.ContainingType is { Name: "JToken" or "JObject" or "JArray" } tree
        && FlowTypes.IsNamespace(tree.ContainingNamespace, "Newtonsoft.Json.Linq");
}
