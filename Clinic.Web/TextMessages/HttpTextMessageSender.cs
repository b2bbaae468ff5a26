using System.Text;
using System.Text.Json;
using Clinic.Data.Messaging;
using Clinic.Web.Localization;
using Microsoft.Extensions.Options;
using PhoneNumbers;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.TextMessages;

/// <summary>
/// Sends a text message through the clinic's gateway as <see cref="TextMessageOptions"/> describes
/// the request. Only a mobile number is written to (a landline cannot take one), and the text is
/// said in its reader's language.
/// </summary>
public sealed class HttpTextMessageSender(IHttpClientFactory clients, IOptions<TextMessageOptions> options) : ITextMessageSender
{
    public const string Client = "text-messages";

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    public bool Sends => options.Value.Sends;

    public string? AddressOf(string phone)
    {
        try
        {
            var number = Numbers.Parse(phone, options.Value.Region);
            // Fixed-or-mobile is what a country whose numbers do not tell the two apart gives: worth a try.
            return Numbers.IsValidNumber(number) && Numbers.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE
                ? Numbers.Format(number, PhoneNumberFormat.E164)[1..]
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public async Task SendAsync(OutboxTextMessage message, CancellationToken cancellationToken)
    {
        string text;
        using (LanguageScope.For(message.Language))
            text = Sentence(message.Text);
        using var request = Build(options.Value, message.To, text);
        using var response = await clients.CreateClient(Client).SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The text-message gateway answered {(int)response.StatusCode}: {Brief(answer)}");
        if (options.Value.SuccessContains is { Length: > 0 } success && !answer.Contains(success, StringComparison.Ordinal))
            throw new HttpRequestException($"The text-message gateway did not take the message: {Brief(answer)}");
    }

    /// <summary>The gateway's request for one message, each place encoded as its spot needs.</summary>
    public static HttpRequestMessage Build(TextMessageOptions options, string to, string text)
    {
        var url = Fill(options.Url!, to, text, Uri.EscapeDataString);
        var request = new HttpRequestMessage(options.Method == "POST" ? HttpMethod.Post : HttpMethod.Get, url);
        if (options.Method == "POST")
        {
            var json = options.Body!.TrimStart().StartsWith('{');
            request.Content = json
                ? new StringContent(Fill(options.Body!, to, text, value => JsonEncodedText.Encode(value).ToString()), Encoding.UTF8, "application/json")
                : new StringContent(Fill(options.Body!, to, text, Uri.EscapeDataString), Encoding.UTF8, "application/x-www-form-urlencoded");
            // JsonEncodedText escapes every letter outside ASCII as \uXXXX: valid JSON, read back as the same Bangla.
        }
        foreach (var (name, value) in options.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static string Fill(string template, string to, string text, Func<string, string> encode) =>
        template.Replace("{to}", encode(to), StringComparison.Ordinal).Replace("{text}", encode(text), StringComparison.Ordinal);

    private static string Brief(string answer) => answer.Length <= 200 ? answer : answer[..200] + "…";
}
