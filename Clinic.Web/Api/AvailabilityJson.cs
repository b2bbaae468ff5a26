using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.Web.Api;

/// <summary>
/// The availability answers' JSON written by generated code instead of reflection: a month of a
/// busy doctor is some 500 slots, and writing them was most of that request's time.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DoctorAvailabilityDto))]
[JsonSerializable(typeof(List<DayDto>))]
[JsonSerializable(typeof(List<NextFreeDto>))]
internal sealed partial class AvailabilityJson : JsonSerializerContext;
