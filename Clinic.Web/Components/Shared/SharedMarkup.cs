using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;

namespace Clinic.Web.Components.Shared;

/// <summary>
/// Markup written once per object of an answer many pages share (a week's slots and days), for one way
/// of showing it, and kept as long as that object lives: every page showing the same answer gets the
/// same string. The culture is part of what was written: a page in another language writes its own.
/// </summary>
/// <typeparam name="TView">What else the markup depends on (the zone, whether bookings are shown).</typeparam>
public sealed class SharedMarkup<TObject, TView>(Func<TObject, TView, MarkupString> write) where TObject : class
{
    private readonly ConditionalWeakTable<TObject, Written> written = new();

    private sealed record Written(TView View, string Culture, MarkupString Markup);

    public MarkupString Of(TObject item, TView view)
    {
        var culture = CultureInfo.CurrentCulture.Name;
        if (written.TryGetValue(item, out var made) && EqualityComparer<TView>.Default.Equals(made.View, view) && made.Culture == culture)
            return made.Markup;
        var markup = write(item, view);
        written.AddOrUpdate(item, new Written(view, culture, markup));
        return markup;
    }
}
