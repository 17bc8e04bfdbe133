using System.Text.Json;

namespace RnnGen.Persistence;

/// <summary>Reads a JSON string value as text, refusing an escaped lone surrogate (<c>"\uD800"</c>) as invalid data.</summary>
internal static class JsonText
{
    /// <summary>The string, or null when <paramref name="value"/> is not a JSON string.</summary>
    /// <exception cref="InvalidDataException">The string escapes a lone surrogate; <paramref name="what"/> names it in the message.</exception>
    public static string? Read(JsonElement value, string what)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"The weights JSON is not valid text: {what} {value.GetRawText()} escapes a lone surrogate.", e);
        }
    }
}
