using PleoUxGuard.Analyzers.Rules;
using PleoUxGuard.Analyzers.Tests.Verifiers;

namespace PleoUxGuard.Analyzers.Tests.Secrets;

/// <summary>
/// Tokens ASP.NET Core makes to be handed to the user (antiforgery tokens, Identity's emailed links) are not
/// reported where they are meant to go: the page, a URL, a cookie or a response header. Everywhere else they are
/// secrets like any other.
/// </summary>
public sealed class UserBoundTokensTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Antiforgery;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        """;

    [Fact]
    public async Task They_go_to_the_page_a_URL_a_cookie_or_a_header_without_a_diagnostic()
    {
        await AnalyzerVerifier<SecretLeakAnalyzer>.VerifyAsync(Usings + """

            class Endpoints
            {
                IResult Tokens(IAntiforgery antiforgery, HttpContext context) => Results.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken });
                void Header(HttpContext context, AntiforgeryTokenSet tokens) => context.Response.Headers["X-XSRF-TOKEN"] = tokens.RequestToken;
                void Cookie(HttpContext context, string xsrfToken, string csrfToken) { context.Response.Cookies.Append("XSRF-TOKEN", xsrfToken); context.Response.Cookies.Append("CSRF", csrfToken); }
                IResult Field(string antiforgeryToken) => Results.Json(new { field = antiforgeryToken });
                async Task<Uri> Reset(UserManager<IdentityUser> users, IdentityUser user) => new Uri("https://example.test/reset?code=" + await users.GeneratePasswordResetTokenAsync(user));
                async Task<Uri> Confirm(UserManager<IdentityUser> users, IdentityUser user) { var code = await users.GenerateEmailConfirmationTokenAsync(user); return new Uri($"https://example.test/confirm?code={Uri.EscapeDataString(code)}"); }
            }
            """);
    }

    [Fact]
    public async Task A_local_named_like_a_secret_that_holds_only_such_a_token_is_that_token()
    {
        await AnalyzerVerifier<SecretLeakAnalyzer>.VerifyAsync(Usings + """

            class Endpoints(ILogger logger)
            {
                async Task<Uri> Reset(UserManager<IdentityUser> users, IdentityUser user)
                {
                    var resetToken = await users.GeneratePasswordResetTokenAsync(user);
                    logger.LogInformation("Reset {Code}", {|PUX001:resetToken|});
                    return new Uri("https://example.test/reset?code=" + resetToken);
                }

                void Header(HttpContext context, AntiforgeryTokenSet tokens, string fromElsewhere)
                {
                    var requestToken = tokens.RequestToken;
                    context.Response.Headers["X-XSRF-TOKEN"] = requestToken;
                    var headerToken = fromElsewhere;
                    context.Response.Headers["X-Other"] = {|PUX007:headerToken|};
                }
            }
            """);
    }

    [Fact]
    public async Task A_local_that_holds_such_a_token_on_one_branch_only_is_judged_by_its_name()
    {
        await AnalyzerVerifier<SecretLeakAnalyzer>.VerifyAsync(Usings + """

            class Endpoints
            {
                async Task<Uri> Reset(UserManager<IdentityUser> users, IdentityUser user, bool issue, string fromElsewhere)
                {
                    var resetToken = issue ? await users.GeneratePasswordResetTokenAsync(user) : fromElsewhere;
                    var emptyToken = issue ? await users.GeneratePasswordResetTokenAsync(user) : "";
                    _ = new Uri("https://example.test/reset?code=" + emptyToken);
                    return new Uri("https://example.test/reset?code=" + {|PUX006:resetToken|});
                }

                void Header(HttpContext context, AntiforgeryTokenSet tokens, bool issue, string fromElsewhere)
                {
                    var requestToken = issue ? tokens.RequestToken : null;
                    context.Response.Headers["X-XSRF-TOKEN"] = requestToken;
                    var headerToken = tokens.RequestToken ?? fromElsewhere;
                    context.Response.Headers["X-Other"] = {|PUX007:headerToken|};
                }
            }
            """);
    }

    [Fact]
    public async Task Anywhere_else_they_are_secrets_and_other_tokens_and_names_are_not_exempt()
    {
        await AnalyzerVerifier<SecretLeakAnalyzer>.VerifyAsync(Usings + """

            class Endpoints(ILogger logger)
            {
                async Task LogReset(UserManager<IdentityUser> users, IdentityUser user) { var code = await users.GeneratePasswordResetTokenAsync(user); logger.LogInformation("Reset {Code}", {|PUX001:code|}); }
                void LogCookieToken(AntiforgeryTokenSet tokens) => logger.LogInformation("Cookie {Token}", {|PUX001:tokens.CookieToken|});
                void LogCsrf(string csrfToken) => logger.LogInformation("Token {Token}", {|PUX001:csrfToken|});
                void SigningSecret(HttpContext context, string csrfSigningSecret) => context.Response.Cookies.Append("CSRF", {|PUX007:csrfSigningSecret|});
                async Task<Uri> UserToken(UserManager<IdentityUser> users, IdentityUser user) => new Uri("https://example.test/api?token=" + await {|PUX006:users.GenerateUserTokenAsync(user, "Api", "access")|});
            }
            """);
    }
}
