using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace SessionService;

/// <summary>
/// Sends the demo's HTTP calls and prints each with its answer, readably: ids become names (<c>alice</c>,
/// <c>alice/laptop</c>), timestamps become <c>HH:mm</c>, and null fields are left out. The service's clock moves one
/// minute before each call, so that every timestamp is distinct and the transcript is the same on every run.
/// </summary>
internal sealed partial class DemoClient
{
    // Relaxed escaping, so that "+00:00" and "<" print as themselves in the transcript.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpClient _http;
    private readonly TextWriter _output;
    private readonly ManualClock _clock;
    private readonly ConcurrentDictionary<Guid, string> _names = new();

    public DemoClient(HttpClient http, TextWriter output, ManualClock clock)
    {
        _http = http;
        _output = output;
        _clock = clock;
    }

    /// <summary>Calls whose status was not the expected one.</summary>
    public int Failures { get; private set; }

    /// <summary>Calls this far.</summary>
    public int Calls { get; private set; }

    /// <summary>Shows <paramref name="id"/> as <paramref name="name"/> from now on.</summary>
    public void Name(Guid id, string name) => _names[id] = name;

    /// <summary>
    /// Sends one call and prints it and its answer. <paramref name="name"/> may name an id of the answer before it is
    /// printed (a new session); <paramref name="expect"/> is the status that counts as success (any 2xx by default).
    /// </summary>
    public async Task<JsonNode?> CallAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, Action<JsonNode?>? name = null, HttpStatusCode? expect = null)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        Calls++;
        var json = body is null ? null : JsonSerializer.Serialize(body, Json);
        _output.WriteLine($"  > {method} {Readable(path)}{(json is null ? string.Empty : " " + Readable(JsonNode.Parse(json)))}");
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var answer = text.Length == 0 ? null : JsonNode.Parse(text);
        name?.Invoke(answer);
        _output.WriteLine($"  < {(int)response.StatusCode} {Readable(answer)}");
        var expected = expect is null ? response.IsSuccessStatusCode : response.StatusCode == expect;
        if (!expected)
        {
            Failures++;
            _output.WriteLine($"  !! expected {(expect is null ? "success" : ((int)expect).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        }

        return answer;
    }

    /// <summary>
    /// The text with every known id replaced by its name, and every UTC timestamp shortened: to <c>HH:mm</c> on the
    /// demo's day, to <c>yyyy-MM-dd HH:mm</c> on another.
    /// </summary>
    public string Readable(string text)
    {
        text = GuidPattern().Replace(text, match => Guid.TryParse(match.Value, out var id) && _names.TryGetValue(id, out var known) ? known : match.Value[..8]);
        var today = LiveMigrationDemo.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return TimestampPattern().Replace(
            text,
            match => match.Groups["date"].Value == today ? match.Groups["time"].Value : $"{match.Groups["date"].Value} {match.Groups["time"].Value}");
    }

    private string Readable(JsonNode? node)
    {
        if (node is null)
        {
            return "(no body)";
        }

        var copy = node.DeepClone();
        DropNulls(copy);
        return Readable(copy.ToJsonString(Json));
    }

    private static void DropNulls(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    DropNulls(value!);
                }

                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    DropNulls(item!);
                }

                break;
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"(?<date>\d{4}-\d{2}-\d{2})[T ](?<time>\d{2}:\d{2}):\d{2}(\.\d+)?(Z|\+00:00|\+00)")]
    private static partial Regex TimestampPattern();
}
