using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Galen.Core.Sources;

namespace Galen.Evidence.Search;

/// <summary>The one JSON form of a source record, used by the store payload, the index and the content hash.</summary>
public static class SourceJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Serialize(SourceRecord record) => JsonSerializer.Serialize(record, Options);

    public static SourceRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<SourceRecord>(json, Options) ?? throw new InvalidDataException("Empty source payload.");

    public static string Hash(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}
