using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionService.Tests;

/// <summary>How the service writes JSON: web defaults, enums as names.</summary>
public static class Json
{
    /// <summary>The options to read the service's answers with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
