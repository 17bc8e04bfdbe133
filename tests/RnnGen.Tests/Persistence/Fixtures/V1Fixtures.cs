using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace RnnGen.Tests.Persistence.Fixtures;

/// <summary>The version-1 files beside this source file (README.md says how they were made).</summary>
internal static class V1Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(Folder(), name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static string Text(string name) => File.ReadAllText(Path(name));

    private static string Folder([CallerFilePath] string thisFile = "") => System.IO.Path.GetDirectoryName(thisFile)!;

    /// <summary>The parameters a version-1 file holds, read straight from its bytes (after the 48-byte header).</summary>
    public static float[] Parameters(byte[] file)
    {
        int count = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(44));
        var parameters = new float[count];
        for (int i = 0; i < count; i++)
        {
            parameters[i] = BinaryPrimitives.ReadSingleLittleEndian(file.AsSpan(48 + 4 * i));
        }

        return parameters;
    }
}
