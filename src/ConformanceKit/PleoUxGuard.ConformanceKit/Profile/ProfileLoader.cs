using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace PleoUxGuard.ConformanceKit.Profile;

/// <summary>Reads a profile file and validates it, naming the field of every problem.</summary>
public static partial class ProfileLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>Loads and validates the profile at <paramref name="path"/>.</summary>
    /// <exception cref="ProfileException">The file is missing, does not parse, or a field is invalid.</exception>
    public static ConformanceProfile Load(string path)
    {
        if (Directory.Exists(path))
        {
            // Reading a folder fails with "access denied", which sends the user looking for a permission problem.
            throw new ProfileException($"{path}: is a folder, not a profile; give the profile's JSON file (for example {Path.Combine(path, "conformance-profile.json")}).");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new ProfileException($"{path}: cannot read the profile ({problem.Message}).", problem);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Parse(json, path, directory);
    }

    /// <summary>Parses and validates profile JSON; <paramref name="source"/> names it in messages.</summary>
    public static ConformanceProfile Parse(string json, string source, string directory)
    {
        ConformanceProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<ConformanceProfile>(json, Options);
        }
        catch (JsonException problem)
        {
            throw new ProfileException($"{source}: {Describe(problem, json)}", problem);
        }

        if (profile is null)
        {
            throw new ProfileException($"{source}: the profile is empty; it must be a JSON object.");
        }

        profile.Directory = directory;
        var problems = Validate(profile).Select(problem => $"{source}: {problem}").ToList();
        return problems.Count == 0 ? profile : throw new ProfileException(problems);
    }

    private static string Describe(JsonException problem, string json)
    {
        var (path, lineNumber) = WhereInProfile(problem, json);
        var field = string.IsNullOrEmpty(path) || path == "$" ? "the profile" : path.TrimStart('$', '.');
        var where = lineNumber is { } line ? $" (line {line + 1})" : string.Empty;
        var message = problem.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"unknown field '{field}'{where}; see schemas/conformance-profile.schema.json for the fields a profile may have.";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            // "The JSON value could not be converted to System.Int32. Path: …": name what the field takes, as for a null.
            var converted = ConvertedTo().Match(message);
            var expected = converted.Success ? KindOf(TypeNamed(converted.Groups["type"].Value)) : null;
            return expected is null or "a value" ? $"field '{field}'{where} has the wrong type." : $"field '{field}'{where} must be {expected}.";
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return $"field '{field}'{where} must not be null.";
        }

        // RespectNullableAnnotations words a null in a non-nullable property for the .NET developer; name what the field takes.
        if (NullInNonNullable().Match(message) is { Success: true } nulled)
        {
            return $"field '{field}'{where} must be {Kind(nulled.Groups["type"].Value, nulled.Groups["name"].Value)}, not null.";
        }

        // System.Text.Json's syntax errors end with " Path: $ | LineNumber: …"; our converters' messages are written for the user.
        var firstLine = message.Split('\n', 2)[0].Trim();
        var pathAt = firstLine.IndexOf(" Path: ", StringComparison.Ordinal);
        return pathAt >= 0 && firstLine.Contains("LineNumber", StringComparison.Ordinal)
            ? $"not valid JSON{where}: {firstLine[..pathAt]}"
            : $"field '{field}'{where}: {firstLine}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("The property or field '(?<name>[^']+)' on type '(?<type>[^']+)' doesn't allow setting null values")]
    private static partial System.Text.RegularExpressions.Regex NullInNonNullable();

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.? Path:")]
    private static partial System.Text.RegularExpressions.Regex ConvertedTo();

    private static Type? TypeNamed(string name) => typeof(ConformanceProfile).Assembly.GetType(name) ?? Type.GetType(name);

    /// <summary>What a profile field takes, in the words of its schema: a string, a number, a list, …</summary>
    private static string Kind(string typeName, string jsonName)
    {
        var property = typeof(ConformanceProfile).Assembly.GetType(typeName)?.GetProperties()
            .FirstOrDefault(candidate => Options.PropertyNamingPolicy!.ConvertName(candidate.Name) == jsonName);
        return KindOf(property?.PropertyType);
    }

    private static string KindOf(Type? declared)
    {
        var type = declared is null ? null : Nullable.GetUnderlyingType(declared) ?? declared;
        return type switch
        {
            null => "a value",
            _ when type == typeof(string) || type == typeof(TextPattern) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type.IsPrimitive || type == typeof(decimal) => "a number",
            _ when type == typeof(LocatorChoice) => "a locator object or a list of them",
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) => "an object",
            _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "a list",
            _ => "an object",
        };
    }

    /// <summary>The JSON path and 0-based line of a problem in the profile, also when it was found inside a locator read on its own.</summary>
    private static (string? Path, long? Line) WhereInProfile(JsonException problem, string json)
    {
        if (problem is not NestedJsonException nested)
        {
            return (problem.Path, problem.LineNumber);
        }

        var inner = nested.Inner.Path is { Length: > 1 } relative ? relative[1..] : string.Empty;
        var utf8 = System.Text.Encoding.UTF8.GetBytes(json);
        var linesBefore = utf8.AsSpan(0, (int)Math.Clamp(nested.Start, 0, utf8.Length)).Count((byte)'\n');
        return (problem.Path + inner, nested.Inner.LineNumber is { } line ? linesBefore + line : problem.LineNumber);
    }

    private static IEnumerable<string> Validate(ConformanceProfile profile)
    {
        if (string.IsNullOrWhiteSpace(profile.ConnectionPage))
        {
            yield return "'connectionPage' is required: the address of the page where the API key is entered.";
        }

        var connectionPageIsAbsolute = IsHttpUrl(WithSampleValues(profile.ConnectionPage));
        if (string.IsNullOrWhiteSpace(profile.BaseUrl) && !connectionPageIsAbsolute)
        {
            yield return "'baseUrl' is required unless 'connectionPage' is an absolute URL.";
        }
        else if (!string.IsNullOrWhiteSpace(profile.BaseUrl) && !IsHttpUrl(WithSampleValues(profile.BaseUrl)))
        {
            yield return $"'baseUrl' must be an http or https URL such as http://127.0.0.1:{{port}}, not '{profile.BaseUrl}'.";
        }

        foreach (var (field, text) in PlaceholderFields(profile))
        {
            foreach (var unknown in Placeholders.Unknown(text))
            {
                yield return $"'{field}' uses the unknown placeholder {{{unknown}}}; known: {string.Join(", ", Placeholders.Known.Keys.Select(k => "{" + k + "}"))}.";
            }

            foreach (var name in Placeholders.Used(text).Where(name => !HasValueIn(field, name, profile)))
            {
                yield return Placeholders.PerFlow.Contains(name)
                    ? $"'{field}' uses {{{name}}}, which has no value there: the per-flow placeholders ({string.Join(", ", Placeholders.PerFlow.Select(n => "{" + n + "}"))}) have values only in 'connectionPage' and the sign-in steps."
                    : $"'{field}' uses {{baseUrl}}, which has no value there: it is the expanded 'baseUrl'{(field == "baseUrl" ? string.Empty : " and the profile has none")}.";
            }
        }

        if (profile.Integration is { } integration && string.IsNullOrWhiteSpace(integration.Command))
        {
            yield return "'integration.command' is required when 'integration' is given (for example \"dotnet\").";
        }

        if (profile.SignIn is { } signIn)
        {
            if (signIn.StorageState is { } state && !File.Exists(Path.Combine(profile.Directory, state)))
            {
                yield return $"'signIn.storageState' names '{state}', which does not exist (paths are relative to the profile's folder).";
            }

            for (var i = 0; i < signIn.Steps.Count; i++)
            {
                foreach (var problem in ValidateStep(signIn.Steps[i], $"signIn.steps[{i}]"))
                {
                    yield return problem;
                }
            }
        }

        foreach (var (field, choice) in LocatorFields(profile))
        {
            foreach (var problem in ValidateLocator(choice, field))
            {
                yield return problem;
            }
        }

        foreach (var (field, labels) in LabelFields(profile.StateLabels))
        {
            if (labels is { Count: 0 })
            {
                yield return $"'stateLabels.{field}' is empty; give at least one label, or leave the field out to use the default.";
            }
        }

        if (profile.Revocation.Notice is not ("reload" or "wait"))
        {
            yield return $"'revocation.notice' must be \"reload\" or \"wait\", not \"{profile.Revocation.Notice}\".";
        }

        foreach (var (field, seconds) in new[]
                 {
                     ("revocation.waitSeconds", profile.Revocation.WaitSeconds),
                     ("timeouts.startSeconds", profile.Timeouts.StartSeconds),
                     ("timeouts.stepSeconds", profile.Timeouts.StepSeconds),
                     ("timeouts.validationSeconds", profile.Timeouts.ValidationSeconds),
                 })
        {
            if (seconds is <= 0 or > 3600 || double.IsNaN(seconds))
            {
                yield return $"'{field}' must be a number of seconds above 0 and at most 3600, not {seconds}.";
            }
        }

        if (profile.Browser.ViewportWidth is < 200 or > 8000 || profile.Browser.ViewportHeight is < 200 or > 8000)
        {
            yield return "'browser.viewportWidth' and 'browser.viewportHeight' must be between 200 and 8000 pixels.";
        }
    }

    private static IEnumerable<string> ValidateStep(SignInStep step, string field)
    {
        var actions = new (string Name, bool Present)[]
        {
            ("goto", step.Goto is not null),
            ("fill", step.Fill is not null),
            ("click", step.Click is not null),
            ("waitFor", step.WaitFor is not null),
            ("waitForUrl", step.WaitForUrl is not null),
        }.Where(action => action.Present).Select(action => action.Name).ToList();
        if (actions.Count != 1)
        {
            yield return actions.Count == 0
                ? $"'{field}' has no action; give exactly one of goto, fill (with value), click, waitFor, waitForUrl."
                : $"'{field}' has {string.Join(" and ", actions)}; give exactly one action per step.";
        }

        if (step.WaitForUrl is { } address && RegexProblem(address) is { } regexProblem)
        {
            yield return $"'{field}.waitForUrl': {regexProblem}.";
        }

        if (step.Fill is not null && step.Value is null)
        {
            yield return $"'{field}.value' is required with 'fill': the text to type.";
        }

        if (step.Value is not null && step.Fill is null)
        {
            yield return $"'{field}.value' only goes with 'fill'.";
        }

        foreach (var locator in new[] { (step.Fill, "fill"), (step.Click, "click"), (step.WaitFor, "waitFor") })
        {
            if (locator.Item1 is not null)
            {
                foreach (var problem in ValidateLocator(locator.Item1, $"{field}.{locator.Item2}"))
                {
                    yield return problem;
                }
            }
        }
    }

    private static IEnumerable<string> ValidateLocator(LocatorChoice choice, string field)
    {
        if (choice.Alternatives.Count == 0)
        {
            yield return $"'{field}' is an empty list; give at least one locator.";
        }

        for (var i = 0; i < choice.Alternatives.Count; i++)
        {
            var spec = choice.Alternatives[i];
            var path = choice.Alternatives.Count == 1 ? field : $"{field}[{i}]";
            var strategies = new[] { spec.Role, spec.Label?.Source, spec.TestId, spec.Text?.Source, spec.Css }.Count(value => value is not null);
            if (strategies != 1)
            {
                yield return strategies == 0
                    ? $"'{path}' has no strategy; give one of role (with name), label, testId, text or css."
                    : $"'{path}' mixes strategies; give exactly one of role (with name), label, testId, text or css.";
            }

            if (spec.Name is not null && spec.Role is null)
            {
                yield return $"'{path}.name' only goes with 'role'.";
            }

            if (spec.Role is not null && !Enum.TryParse<AriaRole>(spec.Role, ignoreCase: true, out _))
            {
                yield return $"'{path}.role' is \"{spec.Role}\", which is not an ARIA role (for example button, link, textbox, status, alert).";
            }

            foreach (var (name, value) in new[] { ("testId", spec.TestId), ("css", spec.Css), ("label", spec.Label?.Source), ("text", spec.Text?.Source), ("name", spec.Name?.Source) })
            {
                if (value is { Length: 0 })
                {
                    yield return $"'{path}.{name}' is empty.";
                }
            }
        }
    }

    /// <summary>Why a "/regex/" address pattern cannot be used, or null (a glob, or a regex that compiles).</summary>
    private static string? RegexProblem(string pattern)
    {
        try
        {
            TextPattern.Parse(pattern);
            return null;
        }
        catch (FormatException problem)
        {
            return problem.Message;
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> has a value when <paramref name="field"/> is expanded: the run's
    /// placeholders are set before anything starts, {baseUrl} once 'baseUrl' is expanded, the per-flow ones
    /// only inside a flow.
    /// </summary>
    private static bool HasValueIn(string field, string name, ConformanceProfile profile) =>
        Placeholders.PerFlow.Contains(name)
            ? field == "connectionPage" || field.StartsWith("signIn.", StringComparison.Ordinal)
            : name != "baseUrl" || (field != "baseUrl" && (field != "connectionPage" || !string.IsNullOrWhiteSpace(profile.BaseUrl)));

    private static IEnumerable<(string Field, string? Text)> PlaceholderFields(ConformanceProfile profile)
    {
        yield return ("baseUrl", profile.BaseUrl);
        yield return ("connectionPage", profile.ConnectionPage);
        if (profile.Integration is { } integration)
        {
            yield return ("integration.command", integration.Command);
            yield return ("integration.workingDirectory", integration.WorkingDirectory);
            yield return ("integration.readyPath", integration.ReadyPath);
            for (var i = 0; i < integration.Args.Count; i++)
            {
                yield return ($"integration.args[{i}]", integration.Args[i]);
            }

            foreach (var (name, value) in integration.Env)
            {
                yield return ($"integration.env.{name}", value);
            }
        }

        var steps = profile.SignIn?.Steps ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            yield return ($"signIn.steps[{i}].goto", steps[i].Goto);
            yield return ($"signIn.steps[{i}].value", steps[i].Value);
            yield return ($"signIn.steps[{i}].waitForUrl", steps[i].WaitForUrl);
        }
    }

    private static IEnumerable<(string Field, LocatorChoice Choice)> LocatorFields(ConformanceProfile profile)
    {
        var locators = profile.Locators;
        var fields = new (string, LocatorChoice?)[]
        {
            ("locators.keyInput", locators.KeyInput),
            ("locators.openKeyForm", locators.OpenKeyForm),
            ("locators.connectButton", locators.ConnectButton),
            ("locators.updateAction", locators.UpdateAction),
            ("locators.statusRegion", locators.StatusRegion),
            ("locators.companyId", locators.CompanyId),
            ("locators.errorMessage", locators.ErrorMessage),
        };
        foreach (var (field, choice) in fields)
        {
            if (choice is not null)
            {
                yield return (field, choice);
            }
        }
    }

    internal static IEnumerable<(string Field, IReadOnlyList<TextPattern>? Labels)> LabelFields(StateLabelSettings labels)
    {
        yield return ("notConnected", labels.NotConnected);
        yield return ("validationInProgress", labels.ValidationInProgress);
        yield return ("connected", labels.Connected);
        yield return ("connectionFailed", labels.ConnectionFailed);
        yield return ("actionRequired", labels.ActionRequired);
    }

    private static string WithSampleValues(string text) =>
        new Placeholders(Placeholders.Known.Keys.ToDictionary(key => key, key => key == "port" ? "5000" : key == "pleoBaseUrl" ? "http://127.0.0.1:5001" : "x")).Expand(text);

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
