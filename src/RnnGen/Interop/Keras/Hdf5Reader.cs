using PureHDF;
using PureHDF.VOL.Native;

namespace RnnGen.Interop.Keras;

/// <summary>
/// The few HDF5 reads the Keras formats need (groups, float datasets, string attributes), through PureHDF, with
/// every failure of the file turned into an <see cref="InvalidDataException"/> that names the file and the object.
/// </summary>
internal sealed class Hdf5Reader : IDisposable
{
    private static readonly byte[] Signature = [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n'];

    private readonly MemoryStream _stream;
    private readonly IH5Group _root;
    private readonly IDisposable _file;

    private Hdf5Reader(string source, MemoryStream stream, NativeFile file)
    {
        Source = source;
        _stream = stream;
        _file = file;
        _root = file;
    }

    /// <summary>Names the file in messages: its path, or <c>x.keras!model.weights.h5</c> inside an archive.</summary>
    public string Source { get; }

    /// <summary>Whether <paramref name="bytes"/> start with the HDF5 signature.</summary>
    public static bool IsHdf5(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>Opens the HDF5 file held in <paramref name="bytes"/>.</summary>
    /// <exception cref="InvalidDataException">It is not an HDF5 file, or PureHDF cannot read its superblock or root group.</exception>
    public static Hdf5Reader Open(byte[] bytes, string source)
    {
        if (!IsHdf5(bytes))
        {
            throw KerasFileError.Invalid(source, $"is not an HDF5 file: it does not start with the HDF5 signature.");
        }

        var stream = new MemoryStream(bytes, writable: false);
        NativeFile? file = null;
        try
        {
            file = Guard(source, "the superblock", () => H5File.Open(stream, leaveOpen: true));
            var reader = new Hdf5Reader(source, stream, file);
            reader.Guard("the root group", () => reader._root.Children().Count());
            return reader;
        }
        catch
        {
            file?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The object at <paramref name="path"/> (<c>"layers/lstm/cell/vars"</c>) when it is a group, else null.</summary>
    public IH5Group? Group(string path) =>
        path.Length == 0 ? _root : Guard(path, () => Exists(path) && _root.Get(path) is IH5Group group ? group : null);

    /// <summary>The names of <paramref name="group"/>'s children that are groups, and of those that are datasets.</summary>
    public (List<string> Groups, List<string> Datasets) Children(IH5Group group, string path) => Guard(path, () =>
    {
        var groups = new List<string>();
        var datasets = new List<string>();
        foreach (IH5Object child in group.Children())
        {
            (child is IH5Dataset ? datasets : groups).Add(child.Name);
        }

        return (groups, datasets);
    });

    /// <summary>Every dataset under <paramref name="path"/>, at any depth, as paths from the root.</summary>
    public List<string> DatasetsUnder(string path)
    {
        var found = new List<string>();
        if (Group(path) is IH5Group group)
        {
            Collect(group, path, found);
        }

        return found;
    }

    /// <summary>
    /// The float dataset at <paramref name="path"/>, checked to have <paramref name="shape"/>, as float32 values
    /// (float64 ones rounded); <paramref name="what"/> names it in messages.
    /// </summary>
    /// <exception cref="InvalidDataException">It is missing, not a dataset, of another shape or type, or cannot be read.</exception>
    public float[] Floats(string path, IReadOnlyList<int> shape, string what) => Guard(path, () =>
    {
        if (!Exists(path) || _root.Get(path) is not IH5Dataset dataset)
        {
            throw KerasFileError.Invalid(Source, $"has no dataset {path} ({what}).");
        }

        ulong[] dimensions = dataset.Space.Dimensions;
        if (!dimensions.Select(static d => (long)d).SequenceEqual(shape.Select(static d => (long)d)))
        {
            throw KerasFileError.Invalid(Source,
                $"holds {what} at {path} of shape {KerasFileError.Shape(dimensions)}, but this model's is {KerasFileError.Shape(shape)}.");
        }

        IH5DataType type = dataset.Type;
        return type.Class == H5DataTypeClass.FloatingPoint && type.Size == 4
            ? dataset.Read<float[]>()
            : type.Class == H5DataTypeClass.FloatingPoint && type.Size == 8
                ? Array.ConvertAll(dataset.Read<double[]>(), static d => (float)d)
                : throw KerasFileError.Invalid(Source, $"holds {what} at {path} as {type.Class} of {type.Size} bytes, not float32 or float64.");
    });

    /// <summary>
    /// The strings of attribute <paramref name="name"/> on the object at <paramref name="path"/> (a scalar gives one,
    /// an array each element; fixed-length or variable-length, as h5py writes <c>bytes</c> and <c>str</c>), or null
    /// when there is no such attribute. An empty numeric array (h5py's <c>attrs[name] = []</c>) gives none.
    /// </summary>
    public string[]? Strings(string path, string name) => Guard(path, () =>
    {
        IH5Object owner = path.Length == 0 ? _root : _root.Get(path);
        if (!owner.AttributeExists(name))
        {
            return null;
        }

        IH5Attribute attribute = owner.Attribute(name);
        ulong[] dimensions = attribute.Space.Dimensions;
        // h5py writes bytes as fixed-length strings, str as variable-length ones.
        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
        {
            return dimensions.Length == 1 && dimensions[0] == 0
                ? []
                : throw KerasFileError.Invalid(Source, $"has attribute {name} on /{path} of type {attribute.Type.Class}, not text.");
        }

        return dimensions.Length == 0 ? [attribute.Read<string>()] : attribute.Read<string[]>();
    });

    /// <summary>Whether a link exists at <paramref name="path"/>, every group on the way included.</summary>
    public bool Exists(string path)
    {
        string prefix = "";
        foreach (string part in path.Split('/'))
        {
            prefix = prefix.Length == 0 ? part : prefix + "/" + part;
            if (!Guard(prefix, () => _root.LinkExists(prefix)))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _file.Dispose();
        _stream.Dispose();
    }

    private void Collect(IH5Group group, string path, List<string> found)
    {
        (List<string> groups, List<string> datasets) = Children(group, path);
        found.AddRange(datasets.Select(name => path + "/" + name));
        foreach (string name in groups)
        {
            if (Group(path + "/" + name) is IH5Group child)
            {
                Collect(child, path + "/" + name, found);
            }
        }
    }

    private T Guard<T>(string what, Func<T> read) => Guard(Source, what, read);

    /// <summary>
    /// Runs a PureHDF read, turning its failures on a damaged file (end of stream, bad addresses or signatures,
    /// unsupported structures) into one <see cref="InvalidDataException"/> that names the file and the object read.
    /// </summary>
    private static T Guard<T>(string source, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e) when (e.Message.StartsWith(source, StringComparison.Ordinal))
        {
            throw;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or PlatformNotSupportedException) && !IsMissingNativeCode(e))
        {
            throw new InvalidDataException($"{source} is truncated or corrupt: reading {(what.Length == 0 ? "/" : what)} failed ({e.GetType().Name}: {e.Message}).", e);
        }
    }

    /// <summary>PureHDF's reflection failing under NativeAOT (<see cref="KerasWeights.Load(IRnnModel, string)"/> says so): not a corrupt file.</summary>
    private static bool IsMissingNativeCode(Exception e) =>
        e is NotSupportedException && !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported;
}
