using System.Text.Json;
using Clinic.Tests.Support;

namespace Clinic.Tests.Api;

/// <summary>A payment terminal or a billing system records and voids payments over the API, under the same rules as the front desk.</summary>
public sealed class ApiPaymentsTests
{
    [Fact]
    public async Task Staff_record_part_of_the_fee_a_bad_amount_is_refused_field_by_field_the_patient_cannot_and_a_void_needs_a_reason()
    {
        await using var app = new ClinicAppFactory();
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var (id, ayesha) = await ApiSlots.StaffBookAyeshaWithTanvirAsync(app, staff);

        (await staff.PostAsync($"/api/v1/appointments/{id}/payments", new { amount = 1000, method = "MobileWallet", reference = "TX42" })).StatusCode
            .Should().Be(System.Net.HttpStatusCode.NoContent);
        await (await staff.PostAsync($"/api/v1/appointments/{id}/payments", new { method = "Cash" })).ShouldBeProblemAsync(400, "invalid");
        var tooMuch = await (await staff.PostAsync($"/api/v1/appointments/{id}/payments", new { amount = 600, method = "Cash" })).ShouldBeProblemAsync(400, "invalid");
        tooMuch.GetProperty("detail").GetString().Should().Be("Only BDT 500 is still due; take at most that.");
        await (await ayesha.PostAsync($"/api/v1/appointments/{id}/payments", new { amount = 500, method = "Cash" })).ShouldBeProblemAsync(403, "forbidden");

        var detail = await staff.ReadAsync<JsonElement>(await staff.GetAsync($"/api/v1/appointments/{id}"));
        var account = detail.GetProperty("account");
        (account.GetProperty("fee").GetDecimal(), account.GetProperty("paid").GetDecimal(), account.GetProperty("due").GetDecimal()).Should().Be((1500m, 1000m, 500m));
        var payment = detail.GetProperty("payments").EnumerateArray().Single();
        (payment.GetProperty("method").GetString(), payment.GetProperty("reference").GetString(), payment.GetProperty("canVoid").GetBoolean()).Should().Be(("MobileWallet", "TX42", true));
        detail.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action").GetString()).Should().Contain("take-payment");
        var branches = await staff.ReadAsync<JsonElement>(await staff.GetAsync("/api/v1/branches"));
        payment.GetProperty("branchId").GetGuid().Should().Be(
            branches.EnumerateArray().Single(b => b.GetProperty("name").GetString() == "Dhanmondi").GetProperty("id").GetGuid(), "Dr. Tanvir Ahmed works at Dhanmondi");

        detail.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "discount").GetProperty("allowed").GetBoolean().Should().BeTrue();
        await (await staff.PostAsync($"/api/v1/appointments/{id}/discount", new { fee = 1200 })).ShouldBeProblemAsync(400, "invalid");
        await (await ayesha.PostAsync($"/api/v1/appointments/{id}/discount", new { fee = 1200, reason = "Please." })).ShouldBeProblemAsync(403, "forbidden");
        (await staff.PostAsync($"/api/v1/appointments/{id}/discount", new { fee = 1200, reason = "A returning patient: 300 off." })).StatusCode
            .Should().Be(System.Net.HttpStatusCode.NoContent);
        var lowered = (await staff.ReadAsync<JsonElement>(await staff.GetAsync($"/api/v1/appointments/{id}"))).GetProperty("account");
        (lowered.GetProperty("fee").GetDecimal(), lowered.GetProperty("feeBeforeDiscount").GetDecimal(), lowered.GetProperty("due").GetDecimal()).Should().Be((1200m, 1500m, 200m));

        var paymentId = payment.GetProperty("id").GetGuid();
        await (await staff.PostAsync($"/api/v1/appointments/{id}/payments/{paymentId}/void", new { })).ShouldBeProblemAsync(400, "invalid");
        (await staff.PostAsync($"/api/v1/appointments/{id}/payments/{paymentId}/void", new { reason = "Sent to the wrong wallet; sent back." })).StatusCode
            .Should().Be(System.Net.HttpStatusCode.NoContent);
        var after = await ayesha.ReadAsync<JsonElement>(await ayesha.GetAsync($"/api/v1/appointments/{id}"));
        after.GetProperty("account").GetProperty("paid").GetDecimal().Should().Be(0);
        after.GetProperty("payments").EnumerateArray().Single().GetProperty("voidReason").GetString().Should().Be("Sent to the wrong wallet; sent back.");
    }
}
