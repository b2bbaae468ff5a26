using System.Net;
using System.Text.Json;
using Clinic.Data.Messaging;
using Clinic.Web.TextMessages;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Web;

/// <summary>
/// A text message leaves through the clinic's gateway as the settings write the request: the number
/// with its country code, the text encoded as its spot needs and said in its reader's language, and a
/// refusal by the gateway counted as a failure to retry.
/// </summary>
public sealed class HttpTextMessageSenderTests
{
    private static TextMessageOptions Get(string url) => new() { Url = url };

    [Theory]
    [InlineData("01711-234567", "8801711234567")]
    [InlineData("+880 1711 234567", "8801711234567")]
    [InlineData("01911 234567", "8801911234567")]
    [InlineData("+44 7911 123456", "447911123456")] // a mobile from abroad keeps its own country
    [InlineData("02 5815 0000", null)] // a Dhaka landline cannot take a text message
    [InlineData("12345", null)]
    [InlineData("call me", null)]
    public void Only_a_mobile_number_is_written_to_with_its_country_code(string phone, string? address) =>
        Sender(Get("https://sms.example/send?to={to}&text={text}"), _ => new HttpResponseMessage(HttpStatusCode.OK)).AddressOf(phone).Should().Be(address);

    [Fact]
    public async Task A_GET_gateway_gets_the_number_and_the_Bangla_text_in_its_address()
    {
        HttpRequestMessage? sent = null;
        var sender = Sender(Get("https://sms.example/api/smsapi?api_key=K3Y&number={to}&message={text}"), request => { sent = request; return Ok(); });

        await sender.SendAsync(new OutboxTextMessage("m1", "8801711234567", "Reminder: Dr. Tanvir Ahmed, Tue 24 Nov 2026, 09:00, Gomoti Hospital.", "bn"), CancellationToken.None);

        sent!.Method.Should().Be(HttpMethod.Get);
        var query = System.Web.HttpUtility.ParseQueryString(sent.RequestUri!.Query);
        (query["api_key"], query["number"], query["message"]).Should().Be(("K3Y", "8801711234567", "রিমাইন্ডার: মঙ্গল 24 নভে 2026, 09:00, Dr. Tanvir Ahmed, Gomoti Hospital।"));
    }

    [Fact]
    public async Task A_JSON_gateway_gets_a_body_that_stays_JSON_whatever_the_text_holds_and_the_headers_set()
    {
        string? body = null;
        HttpRequestMessage? sent = null;
        var options = new TextMessageOptions
        {
            Url = "https://sms.example/v3/send",
            Method = "POST",
            Body = """{"api_token":"T0KEN","sid":"GOMOTI","msisdn":"{to}","sms":"{text}"}""",
            Headers = { ["Authorization"] = "Bearer s3cret" },
        };
        var sender = Sender(options, request => { sent = request; body = request.Content!.ReadAsStringAsync().Result; return Ok(); });

        await sender.SendAsync(new OutboxTextMessage("m2", "8801711234567", "Say \"hi\" \\ then {to}\nbye", "en"), CancellationToken.None);

        sent!.Method.Should().Be(HttpMethod.Post);
        sent.Content!.Headers.ContentType!.MediaType.Should().Be("application/json");
        sent.Headers.Authorization!.ToString().Should().Be("Bearer s3cret");
        var json = JsonDocument.Parse(body!).RootElement;
        (json.GetProperty("msisdn").GetString(), json.GetProperty("sms").GetString()).Should().Be(("8801711234567", "Say \"hi\" \\ then {to}\nbye"));
    }

    [Fact]
    public async Task A_form_gateway_gets_the_places_form_encoded()
    {
        string? body = null;
        var options = new TextMessageOptions { Url = "https://sms.example/Messages.json", Method = "POST", Body = "To=%2B{to}&From=Gomoti&Body={text}" };
        var sender = Sender(options, request => { body = request.Content!.ReadAsStringAsync().Result; return Ok(); });

        await sender.SendAsync(new OutboxTextMessage("m3", "8801711234567", "Tea & biscuits = fine", "en"), CancellationToken.None);

        var form = System.Web.HttpUtility.ParseQueryString(body!);
        (form["To"], form["Body"]).Should().Be(("+8801711234567", "Tea & biscuits = fine"));
    }

    [Fact]
    public async Task A_gateway_that_refuses_or_answers_without_its_word_of_success_fails_the_attempt_with_its_answer()
    {
        var message = new OutboxTextMessage("m4", "8801711234567", "Reminder", "en");
        var down = Sender(Get("https://sms.example/send?to={to}&text={text}"), _ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream down") });
        var refusing = Sender(new TextMessageOptions { Url = "https://sms.example/send?to={to}&text={text}", SuccessContains = "\"response_code\":202" },
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"response_code":1007,"error_message":"Balance insufficient"}""") });
        var taking = Sender(new TextMessageOptions { Url = "https://sms.example/send?to={to}&text={text}", SuccessContains = "\"response_code\":202" },
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"response_code":202,"message_id":77}""") });

        (await down.Invoking(s => s.SendAsync(message, CancellationToken.None)).Should().ThrowAsync<HttpRequestException>()).Which.Message.Should().Contain("502").And.Contain("upstream down");
        (await refusing.Invoking(s => s.SendAsync(message, CancellationToken.None)).Should().ThrowAsync<HttpRequestException>()).Which.Message.Should().Contain("Balance insufficient");
        await taking.Invoking(s => s.SendAsync(message, CancellationToken.None)).Should().NotThrowAsync();
    }

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("OK") };

    private static HttpTextMessageSender Sender(TextMessageOptions options, Func<HttpRequestMessage, HttpResponseMessage> gateway) =>
        new(new Clients(new Gateway(gateway)), Options.Create(options));

    private sealed class Gateway(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
