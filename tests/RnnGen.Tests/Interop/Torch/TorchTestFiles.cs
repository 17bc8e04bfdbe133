using System.IO.Compression;
using System.Text;
using System.Text.Json;
using RnnGen.Interop;
using RnnGen.Interop.Torch;
using RnnGen.Tests.Persistence;

namespace RnnGen.Tests.Interop.Torch;

/// <summary>Files made by the tests (safetensors from edited tensors, torch.save zips around hand-made pickles) and the refusal check.</summary>
internal static class TorchTestFiles
{
    /// <summary>
    /// Loading <paramref name="path"/> is refused with an <see cref="InvalidDataException"/> whose message starts with the
    /// path, and leaves the model's Parameters and State as they were; returns the exception.
    /// </summary>
    public static InvalidDataException Refused(IRnnModel model, string path)
    {
        model.State.Fill(0.5f);
        float[] parameters = model.Parameters.ToArray(), state = model.State.ToArray();
        var e = Assert.Throws<InvalidDataException>(() => TorchWeights.Load(model, path));
        Assert.StartsWith(path, e.Message);
        Assert.Equal(parameters, model.Parameters.ToArray());
        Assert.Equal(state, model.State.ToArray());
        return e;
    }

    /// <summary><see cref="Refused(IRnnModel, string)"/> for <paramref name="file"/> written to a temporary file called <paramref name="name"/>.</summary>
    public static InvalidDataException Refused(IRnnModel model, byte[] file, string name)
    {
        using var folder = new TempDirectory();
        string path = folder.File(name);
        File.WriteAllBytes(path, file);
        return Refused(model, path);
    }

    /// <summary>The tensors of a committed safetensors file.</summary>
    public static List<StoredTensor> Tensors(string file) => SafetensorsFile.Read(File.ReadAllBytes(TorchFiles.Path(file)), file);

    /// <summary>A safetensors file of float32 tensors (dtype <paramref name="dtype"/>'s code and element size otherwise; values are then written as int64).</summary>
    public static byte[] Safetensors(IEnumerable<StoredTensor> tensors, string dtype = "F32")
    {
        var data = new MemoryStream();
        var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            foreach (StoredTensor tensor in tensors)
            {
                long begin = data.Length;
                foreach (double value in tensor.Values)
                {
                    data.Write(dtype == "I64" ? BitConverter.GetBytes((long)value) : BitConverter.GetBytes((float)value));
                }

                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", dtype);
                json.WriteStartArray("shape");
                foreach (int d in tensor.Shape)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(begin);
                json.WriteNumberValue(data.Length);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        while (header.Length % 8 != 0)
        {
            header.WriteByte((byte)' ');
        }

        return [.. BitConverter.GetBytes((ulong)header.Length), .. header.ToArray(), .. data.ToArray()];
    }

    /// <summary>A torch.save-shaped zip: <c>archive/data.pkl</c> = <paramref name="pickle"/>, then <paramref name="records"/> under <c>archive/</c>.</summary>
    public static byte[] TorchZip(byte[] pickle, params (string Name, byte[] Data)[] records)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] data) in records.Prepend(("data.pkl", pickle)))
            {
                using Stream stream = zip.CreateEntry("archive/" + name, CompressionLevel.NoCompression).Open();
                stream.Write(data);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The records of a committed torch.save file, by name under its archive folder (<c>data.pkl</c>, <c>data/0</c>, <c>version</c>, ...).</summary>
    public static (string Name, byte[] Data)[] Records(string file)
    {
        using ZipArchive zip = ZipFile.OpenRead(TorchFiles.Path(file));
        return [.. zip.Entries.Select(static e =>
        {
            using var data = new MemoryStream();
            using (Stream stream = e.Open())
            {
                stream.CopyTo(data);
            }

            return (e.FullName[(e.FullName.IndexOf('/') + 1)..], data.ToArray());
        })];
    }

    /// <summary>Pickle bytes from opcodes and ASCII text (<c>"\x80\x02cos\nsystem\n..."</c>).</summary>
    public static byte[] Pickle(string text) => Encoding.Latin1.GetBytes(text);
}
