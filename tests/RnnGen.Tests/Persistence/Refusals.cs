using System.Text.Json.Nodes;
using RnnGen.Persistence;

namespace RnnGen.Tests.Persistence;

/// <summary>Loads that must fail with <see cref="InvalidDataException"/> and leave the model's Parameters as they were.</summary>
internal static class Refusals
{
    /// <summary>Every prefix of <paramref name="file"/> is refused as truncated, the message starting with <paramref name="source"/>.</summary>
    public static void EveryTruncation(IRnnModel model, byte[] file, string source)
    {
        float[] before = model.Parameters.ToArray();
        for (int length = 0; length < file.Length; length++)
        {
            var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(model, file.AsSpan(0, length), source));
            Assert.StartsWith(source + " ", e.Message);
            Assert.Contains("truncated", e.Message);
            Assert.Equal(before, model.Parameters.ToArray());
        }
    }

    /// <summary>Every copy of <paramref name="file"/> with one bit flipped is refused.</summary>
    public static void EveryBitFlip(IRnnModel model, byte[] file)
    {
        float[] before = model.Parameters.ToArray();
        for (int bit = 0; bit < file.Length * 8; bit++)
        {
            byte[] bad = (byte[])file.Clone();
            bad[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(model, bad));
            Assert.Equal(before, model.Parameters.ToArray());
        }
    }

    /// <summary>Importing <paramref name="json"/> is refused (with <paramref name="message"/> when given); returns the exception.</summary>
    public static InvalidDataException Import(IRnnModel model, string json, string? message)
    {
        float[] before = model.Parameters.ToArray();
        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(model, json));
        if (message is not null)
        {
            Assert.Equal(message, e.Message);
        }

        Assert.Equal(before, model.Parameters.ToArray());
        return e;
    }

    /// <summary><paramref name="json"/> after <paramref name="edit"/>.</summary>
    public static string Edit(string json, Action<JsonNode> edit)
    {
        JsonNode root = JsonNode.Parse(json)!;
        edit(root);
        return root.ToJsonString();
    }
}
