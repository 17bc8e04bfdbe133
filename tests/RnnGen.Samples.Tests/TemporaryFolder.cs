using System.Globalization;

namespace RnnGen.Samples.Tests;

/// <summary>A fresh folder for one test's inputs and outputs, deleted afterwards.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rnngen-samples-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A CSV laid out like the tutorial's monthly-sunspots.csv, with <paramref name="rows"/> months of a smooth cycle.</summary>
    public string SunspotsCsv(int rows, string name = "sunspots.csv")
    {
        var lines = new List<string> { "\"Month\",\"Sunspots\"" };
        for (int month = 0; month < rows; month++)
        {
            double value = 80 + 60 * Math.Sin(2 * Math.PI * month / 132);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"\"{1749 + month / 12}-{month % 12 + 1:00}\",{value:F1}"));
        }

        string path = File(name);
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
