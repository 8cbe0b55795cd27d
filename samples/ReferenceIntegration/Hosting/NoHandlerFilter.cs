using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PleoUxGuard.ReferenceIntegration.Hosting;

/// <summary>
/// A request no handler of its page takes (TRACE, a POST to a page that only shows, a handler name the page does not
/// have) would otherwise render the page without its handler having loaded the model: an error page and a logged
/// exception for what is only a wrong request. It gets 405 when the page takes that method nowhere, 404 otherwise.
/// A page without handlers is a plain view and renders as usual.
/// </summary>
internal sealed class NoHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is not null || handlers.Count == 0)
        {
            return;
        }

        var method = context.HttpContext.Request.Method;
        var takesMethod = handlers.Any(handler => string.Equals(handler.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
            || (HttpMethods.IsHead(method) && string.Equals(handler.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase)));
        if (!takesMethod)
        {
            // A 405 says which methods the page does take (RFC 9110).
            context.HttpContext.Response.Headers.Allow = string.Join(", ", handlers.Select(handler => handler.HttpMethod.ToUpperInvariant()).Distinct(StringComparer.Ordinal));
        }

        context.Result = new StatusCodeResult(takesMethod ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
