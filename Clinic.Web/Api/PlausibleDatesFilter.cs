using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Clinic.Domain.Common;

namespace Clinic.Web.Api;

/// <summary>
/// Every date and instant a client sends, in the route, the query or the body, must lie between
/// 2000 and 2100: a clinic books nothing outside that, and the edges of the calendar
/// (0001-01-01, 9999-12-31) would otherwise overflow date arithmetic deep inside a use case.
/// Checked once for the whole API, answered as a 400 naming the field.
/// </summary>
public sealed class PlausibleDatesFilter : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> DateProperties = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = parameters is not null && i < parameters.Length ? parameters[i].Name ?? "value" : "value";
            if (Implausible(context.Arguments[i], name) is { } field)
                return ApiProblems.Field(field, $"Give a date between {PlausibleDates.Earliest:yyyy-MM-dd} and {PlausibleDates.Latest:yyyy-MM-dd}.");
        }
        return await next(context);
    }

    /// <summary>The name of the first implausible date in a value (a date, a list of dates, or a request record), or null.</summary>
    private static string? Implausible(object? value, string name)
    {
        switch (value)
        {
            case null or string:
                return null;
            case DateOnly date:
                return PlausibleDates.Contains(date) ? null : name;
            case DateTime instant:
                return Implausible(DateOnly.FromDateTime(instant), name);
            case DateTimeOffset instant:
                return Implausible(DateOnly.FromDateTime(instant.UtcDateTime), name);
            case IEnumerable items:
                foreach (var item in items)
                    if (item is DateOnly or DateTime or DateTimeOffset && Implausible(item, name) is { } bad)
                        return bad;
                return null;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type == typeof(decimal) || type == typeof(TimeOnly))
            return null;
        foreach (var property in DateProperties.GetOrAdd(type, DatesOf))
            if (Implausible(property.GetValue(value), JsonName(property.Name)) is { } bad)
                return bad;
        return null;
    }

    private static PropertyInfo[] DatesOf(Type type) =>
        type.Namespace?.StartsWith("Clinic.", StringComparison.Ordinal) != true
            ? []
            : [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && CarriesDates(p.PropertyType))];

    private static bool CarriesDates(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
            return true;
        return t != typeof(string) && t.GetInterfaces().Append(t).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            && CarriesDates(i.GetGenericArguments()[0]));
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
