using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Web.Api;

/// <summary>
/// A request the framework could not bind, said in a client's words: which field, and what it should
/// hold (an id, a date, a UTC instant...), never the framework's sentence with our .NET type names.
/// </summary>
public static partial class BindingFailure
{
    private const string SendJson = "Send the request's fields as a JSON object with 'Content-Type: application/json' (see /api/docs).";

    public static (string Field, string Error) Describe(BadHttpRequestException failure, Endpoint? endpoint)
    {
        if (failure.InnerException is JsonException json)
            return OfBody(json, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        if (FailedParameter().Match(failure.Message) is { Success: true } bad)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(bad.Groups["name"].Value);
            return (name, $"Give {name} as {Kind(bad.Groups["name"].Value, bad.Groups["type"].Value, endpoint)}; \"{bad.Groups["value"].Value}\" is not one.");
        }
        if (MissingParameter().Match(failure.Message) is { Success: true } missing)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(missing.Groups["name"].Value);
            return missing.Groups["source"].Value == "body"
                ? ("body", SendJson)
                : (name, $"Give {name} as {Kind(missing.Groups["name"].Value, missing.Groups["type"].Value, endpoint)}.");
        }
        if (failure.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
            return ("body", SendJson);
        return ("request", "The request could not be read. Check it against /api/docs.");
    }

    /// <summary>
    /// Every field the request got wrong that the framework's one failure does not already name: it
    /// stops at the first address or query value it cannot read, so the others are read here the way
    /// it reads them, and a client fixes them all at once.
    /// </summary>
    public static IDictionary<string, string[]> DescribeAll(BadHttpRequestException failure, HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var (field, error) = Describe(failure, endpoint);
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { [field] = [error] };
        if (!FailedParameter().IsMatch(failure.Message))
            return errors;
        foreach (var (name, type) in AddressValues(endpoint))
        {
            var camel = JsonNamingPolicy.CamelCase.ConvertName(name);
            var raw = context.Request.RouteValues.TryGetValue(name, out var routed) ? Convert.ToString(routed, CultureInfo.InvariantCulture) : context.Request.Query[name].ToString();
            if (errors.ContainsKey(camel) || string.IsNullOrEmpty(raw) || context.Request.Query[name].Count > 1 || Reads(raw, type))
                continue;
            errors[camel] = [$"Give {camel} as {Kind(type)}; \"{raw}\" is not one."];
        }
        return errors;
    }

    /// <summary>The handler's values read from the address (route or query), by the names they are sent under.</summary>
    private static IEnumerable<(string Name, Type Type)> AddressValues(Endpoint? endpoint) =>
        HandlerValues(endpoint).Select(v => FromAddress(v.Type, v.SentAs)).OfType<(string, Type)>();

    /// <summary>
    /// What the handler takes: each parameter, or each property of an <c>[AsParameters]</c> record, by
    /// its own name and the name it is sent under.
    /// </summary>
    private static IEnumerable<(string Member, string SentAs, Type Type)> HandlerValues(Endpoint? endpoint)
    {
        static string SentAs(ICustomAttributeProvider member, string name) =>
            member.GetCustomAttributes(typeof(FromQueryAttribute), false).OfType<FromQueryAttribute>().FirstOrDefault()?.Name
            ?? member.GetCustomAttributes(typeof(FromRouteAttribute), false).OfType<FromRouteAttribute>().FirstOrDefault()?.Name
            ?? name;
        foreach (var parameter in endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties())
                    yield return (property.Name, SentAs(property, property.Name), property.PropertyType);
            }
            else if (parameter.Name is { } name)
                yield return (name, SentAs(parameter, name), parameter.ParameterType);
        }
    }

    // Only the kinds that can fail to read; text always reads, and other types come from the body or services.
    private static (string, Type)? FromAddress(Type type, string name) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var inner && (inner.IsEnum || Readers.ContainsKey(inner)) ? (name, inner) : null;

    /// <summary>Whether the framework reads <paramref name="raw"/> as a <paramref name="type"/> (its own parsing rules).</summary>
    private static bool Reads(string raw, Type type) =>
        type.IsEnum ? Enum.TryParse(type, raw, ignoreCase: false, out _) : Readers[type](raw);

    private static readonly Dictionary<Type, Func<string, bool>> Readers = new()
    {
        [typeof(Guid)] = raw => Guid.TryParse(raw, out _),
        [typeof(DateOnly)] = raw => DateOnly.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _),
        [typeof(TimeOnly)] = raw => TimeOnly.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _),
        [typeof(DateTime)] = raw => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out _),
        [typeof(DateTimeOffset)] = raw => DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out _),
        [typeof(int)] = raw => int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        [typeof(long)] = raw => long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        [typeof(decimal)] = raw => decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
        [typeof(double)] = raw => double.TryParse(raw, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _),
        [typeof(bool)] = raw => bool.TryParse(raw, out _),
    };

    private static (string Field, string Error) OfBody(JsonException json, Type? bodyType)
    {
        // A reader's error is broken JSON; a converter's is a value of the wrong kind for its field.
        if (json.InnerException?.GetType().Name == "JsonReaderException" || json.Path is null)
            return ("body", $"The body is not valid JSON (line {json.LineNumber + 1}, character {json.BytePositionInLine + 1}).");
        var path = json.Path.TrimStart('$').TrimStart('.');
        if (path.Length == 0)
            return ("body", "Send the request's fields as one JSON object (see /api/docs).");
        var field = path;
        var type = bodyType is null ? null : TypeAt(bodyType, path);
        return (field, type is null
            ? $"{field} does not hold a value of the kind it takes (see /api/docs)."
            : $"Give {field} as {Kind(type)}.");
    }

    /// <summary>The .NET type a JSON path such as <c>dates[2]</c> or <c>doctorId</c> lands on, by the API's camel-case names.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        var type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (step.Groups["index"].Success)
                type = ElementOf(type);
            else
                type = type.GetProperty(step.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (type is null)
                return null;
        }
        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static string Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            return $"one of {string.Join(", ", Enum.GetNames(type))}";
        if (type != typeof(string) && ElementOf(type) is { } element)
            return $"a list, each {Kind(element)}";
        return Kind(type.Name);
    }

    /// <summary>
    /// A query or route value's kind: from the handler's own parameter (or a property of its
    /// <c>[AsParameters]</c> record) when the endpoint says which, so an enum lists its names.
    /// </summary>
    private static string Kind(string name, string typeName, Endpoint? endpoint)
    {
        var type = HandlerValues(endpoint).FirstOrDefault(v => string.Equals(v.Member, name, StringComparison.OrdinalIgnoreCase)).Type;
        return type is null ? Kind(typeName) : Kind(type);
    }

    private static string Kind(string typeName)
    {
        var name = NullableName().Match(typeName) is { Success: true } inner ? inner.Groups["inner"].Value : typeName.TrimEnd('?');
        return name switch
        {
            "Guid" => "an id such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "DateTime" or "DateTimeOffset" => "a UTC instant such as 2026-11-25T03:00:00Z",
            "DateOnly" => "a date such as 2026-11-25",
            "TimeOnly" => "a time of day such as 09:30",
            "Int32" or "int" or "Int64" or "long" or "Int16" or "short" => "a whole number",
            "Decimal" or "decimal" or "Double" or "double" or "Single" or "float" => "a number",
            "Boolean" or "bool" => "true or false",
            "String" or "string" => "text",
            "IFormFile" => "a file sent as a form upload (multipart/form-data)",
            _ => "a value of the kind described at /api/docs",
        };
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""")]
    private static partial Regex FailedParameter();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>[a-z ]+)\.$""")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("^Nullable<(?<inner>.+)>$")]
    private static partial Regex NullableName();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
