using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PleoUxGuard.FakePleo;

/// <summary>Writes JSON bodies the way Pleo does: <c>application/json;charset=UTF-8</c>, errors as type, code and message.</summary>
internal static class JsonResponses
{
    public const string ContentType = "application/json;charset=UTF-8";

    /// <summary>Journal status for a request whose client went away before an answer (nginx's convention).</summary>
    public const int ClientClosedRequest = 499;

    // Relaxed escaping keeps messages readable (quotes, <key>, the fingerprint's bullets); the content type
    // is always JSON, so nothing here is ever interpreted as HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> writeBody)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writeBody(writer);
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string code, string message) =>
        WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("type", TypeOf(statusCode));
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });

    private static string TypeOf(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status429TooManyRequests => "too_many_requests",
        StatusCodes.Status503ServiceUnavailable => "service_unavailable",
        _ => "error",
    };
}
