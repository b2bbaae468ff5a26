using System.Data.Common;
using Bunit;
using Clinic.Data.Doctors;
using Clinic.Tests.Support;
using Clinic.Web.Components.Pages.Doctors;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

/// <summary>
/// A doctor's page is the most visited page: drawing it reads the doctor once (the page's title and
/// the island share the read), and the live island still shows what changed since it was drawn.
/// </summary>
public sealed class DoctorPageReadsTests : IAsyncLifetime
{
    /// <summary>Counts the reads of a doctor's card (the only statement that reads a doctor's bio).</summary>
    private sealed class CardReads : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"Bio\"", StringComparison.Ordinal))
                Interlocked.Increment(ref count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private readonly CardReads reads = new();
    private readonly DataHarness data;

    public DoctorPageReadsTests() => data = new DataHarness(interceptor: reads);

    public Task InitializeAsync() => data.InitializeAsync();
    public Task DisposeAsync() => data.DisposeAsync();

    [Fact]
    public async Task The_drawn_island_shows_the_card_the_page_read_without_reading_the_doctor_again()
    {
        var (card, drawn) = await DrawnCardAsync();
        await using var context = Context(interactive: false);
        var before = reads.Count;

        var island = context.Render<DoctorPageLive>(p => p.Add(d => d.DoctorId, card.Id).Add(d => d.Doctor, drawn));

        island.WaitForAssertion(() => island.Find("[data-testid=doctor-fee]").TextContent.Should().Contain(Clinic.Domain.Common.Money.Format(123m, card.Currency)));
        reads.Count.Should().Be(before, "the page around the island has read the doctor already");
    }

    [Fact]
    public async Task The_live_island_reads_the_doctor_again_so_a_change_made_while_it_started_is_shown()
    {
        var (card, drawn) = await DrawnCardAsync();
        await using var context = Context(interactive: true);

        var island = context.Render<DoctorPageLive>(p => p.Add(d => d.DoctorId, card.Id).Add(d => d.Doctor, drawn));

        island.WaitForAssertion(() => island.Find("[data-testid=doctor-fee]").TextContent.Should().Contain(Clinic.Domain.Common.Money.Format(card.ConsultationFee, card.Currency)));
    }

    /// <summary>Farhana Rahman's card, and the same card as a page drawn before her fee changed would hold it.</summary>
    private async Task<(DoctorCard Card, DoctorCard Drawn)> DrawnCardAsync()
    {
        var card = (await data.Get<DoctorDirectory>().FindAsync(await data.DoctorIdAsync("farhana.rahman@gomoti.example")))!;
        card.ConsultationFee.Should().NotBe(123m);
        return (card, card with { ConsultationFee = 123m });
    }

    private BunitContext Context(bool interactive)
    {
        var context = MudTestContext.Create(out _);
        context.Services.AddSingleton(data.Get<DoctorDirectory>());
        context.Services.AddSingleton(data.Get<Clinic.Data.Scheduling.AvailabilityQueries>());
        context.Services.AddSingleton(data.Get<Clinic.Data.Types.AppointmentTypes>());
        context.AddAuthorization();
        context.Renderer.SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", isInteractive: interactive));
        return context;
    }
}
