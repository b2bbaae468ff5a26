using Bunit;
using Clinic.Data.Types;
using Clinic.Tests.Support;
using Clinic.Web.Components.Appointments;
using FluentAssertions;

namespace Clinic.Tests.Components;

/// <summary>The type of visit a patient picks before a time: what the choice hands the week, and what it says.</summary>
public sealed class VisitTypePickerTests : IDisposable
{
    private readonly BunitContext context = MudTestContext.Create(out _);

    public void Dispose() => context.Dispose();

    private static readonly AppointmentTypeView Ecg = new(Guid.NewGuid(), "ECG", 20, 600, "BDT", "#E53935", 0, false, true, []);
    private static readonly AppointmentTypeView Stress = new(Guid.NewGuid(), "Exercise stress test", 60, 3000, "BDT", "#3949AB", 15, false, true, []);

    private (IRenderedComponent<VisitTypePicker> Picker, List<Guid?> Chosen) Render(Guid? value)
    {
        var chosen = new List<Guid?>();
        var picker = context.Render<VisitTypePicker>(p => p
            .Add(x => x.Types, [Ecg, Stress])
            .Add(x => x.Value, value)
            .Add(x => x.ValueChanged, (Guid? id) => chosen.Add(id)));
        return (picker, chosen);
    }

    [Fact]
    public void Each_type_is_offered_with_its_length_and_fee_and_the_choice_is_handed_on()
    {
        var (picker, chosen) = Render(null);

        picker.FindAll("option").Select(o => o.TextContent).Should().Equal("Any visit (one slot)", "ECG · 20 min · BDT 600", "Exercise stress test · 60 min · BDT 3,000");
        picker.Find("[data-testid=visit-type-helper]").TextContent.Should().Be("Choose one to see the times it fits; without one, a visit takes one slot.");

        picker.Find("select").Change(Stress.Id.ToString());

        chosen.Should().Equal(Stress.Id);
    }

    [Fact]
    public void A_chosen_type_says_how_long_it_keeps_the_doctor_and_any_visit_clears_it()
    {
        var (picker, chosen) = Render(Stress.Id);

        picker.Find("option[selected]").TextContent.Should().Be("Exercise stress test · 60 min · BDT 3,000");
        picker.Find("[data-testid=visit-type-helper]").TextContent.Should().Be("Takes 60 min, and 15 min are kept free after it: only the times where it fits are open.");
        picker.Find("[data-testid=visit-type-swatch]").GetAttribute("style").Should().Contain("#3949AB");

        picker.Find("select").Change("");

        chosen.Should().Equal([null]);
    }

    [Fact]
    public void A_value_that_is_not_one_of_the_doctor_s_types_counts_as_none()
    {
        var (picker, chosen) = Render(Ecg.Id);

        picker.Find("select").Change(Guid.NewGuid().ToString());

        chosen.Should().Equal([null]);
    }
}
