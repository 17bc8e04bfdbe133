using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Razorvine.Pickle;

namespace RnnGen.Interop.Torch;

/// <summary>
/// Unpickles a <c>torch.save(state_dict)</c> pickle (<c>data.pkl</c>) with Razorvine.Pickle, which runs no Python:
/// <see cref="PickleScan"/> first refuses any global that is not on <see cref="PickleAllowList"/>, and the allowed ones
/// are registered here as constructors that build plain descriptions (<see cref="PickledTensor"/>, <see cref="PickledStorage"/>)
/// and check their arguments. The storages' bytes are read afterwards from the archive.
/// </summary>
/// <remarks>
/// Razorvine keeps its constructors in one process-wide table; the ones registered here answer only the allowed
/// torch and collections names.
/// </remarks>
internal sealed class StateDictPickle : Unpickler
{
    private static readonly object Registration = Register();

    /// <summary>The pickle's name → tensor entries, in the order PyTorch wrote the tensors.</summary>
    /// <exception cref="InvalidDataException">The pickle is refused by <see cref="PickleScan"/>, is corrupt, or is not a state_dict (a name → tensor dictionary).</exception>
    public static List<(string Name, PickledTensor Tensor)> Read(byte[] pickle, string source)
    {
        PickleScan.Check(pickle, source);
        GC.KeepAlive(Registration);
        object root;
        try
        {
            using var unpickler = new StateDictPickle();
            root = unpickler.loads(pickle);
        }
        catch (InvalidDataException)
        {
            throw;
        }
        catch (Refusal e)
        {
            throw new InvalidDataException(source + e.Message, e);
        }
        catch (Exception e) when (e is PickleException or InvalidCastException or InvalidOperationException or ArgumentException or FormatException
            or OverflowException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException or IOException)
        {
            throw new InvalidDataException($"{source} is corrupt: its pickle (data.pkl) cannot be read ({e.Message}).", e);
        }

        if (root is not Hashtable dictionary)
        {
            throw new InvalidDataException($"{source} holds a pickled {Describe(root)}, not a state_dict (a dict of name → tensor, as model.state_dict() returns).");
        }

        var entries = new List<(string Name, PickledTensor Tensor)>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string name)
            {
                throw new InvalidDataException($"{source} holds a dict with the key {Describe(entry.Key)}, not a state_dict (its keys are tensor names).");
            }

            if (entry.Value is not PickledTensor tensor)
            {
                throw new InvalidDataException(
                    $"{source}: entry '{name}' is a {Describe(entry.Value)}, not a tensor; RnnGen reads a state_dict (name → tensor). A checkpoint dict holding one must be saved as the state_dict itself.");
            }

            entries.Add((name, tensor));
        }

        // torch.save numbers storages in the order the pickler meets them, which is the dict's order.
        entries.Sort(static (a, b) => StorageOrder(a.Tensor).CompareTo(StorageOrder(b.Tensor)));
        return entries;
    }

    /// <inheritdoc/>
    protected override object persistentLoad(object pid)
    {
        if (pid is not object[] { Length: 5 } id || id[0] is not "storage" || id[1] is not StorageClass storageClass || id[2] is not string key)
        {
            throw new Refusal(" is corrupt: a persistent id of its pickle is not ('storage', storage_type, key, location, numel).");
        }

        return new PickledStorage(storageClass.DType, key, Integer(id[4], "a storage's numel"));
    }

    private static (long Key, string Text, long Offset) StorageOrder(PickledTensor tensor) =>
        (long.TryParse(tensor.Storage.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long key) ? key : long.MaxValue,
            tensor.Storage.Key, tensor.Offset);

    private static object Register()
    {
        Unpickler.registerConstructor("collections", "OrderedDict", new OrderedDictConstructor());
        Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2", new RebuildTensor());
        Unpickler.registerConstructor("torch._utils", "_rebuild_parameter", new RebuildParameter());
        foreach ((string global, TensorDType dtype) in PickleAllowList.Storages)
        {
            Unpickler.registerConstructor("torch", global["torch.".Length..], new StorageClass(global, dtype));
        }

        return new object();
    }

    private static long Integer(object? value, string what) => value switch
    {
        int i => i,
        long l => l,
        BigInteger b when b >= long.MinValue && b <= long.MaxValue => (long)b,
        _ => throw new Refusal($" is corrupt: {what} in its pickle is {Describe(value)}, not an integer."),
    };

    private static long[] Integers(object? value, string what) =>
        value is object[] tuple
            ? tuple.Select(v => Integer(v, what)).ToArray()
            : throw new Refusal($" is corrupt: {what} in its pickle is {Describe(value)}, not a tuple of integers.");

    private static string Describe(object? value) => value switch
    {
        null => "None",
        string s => $"string '{s}'",
        Hashtable => "dict",
        object[] => "tuple",
        ArrayList => "list",
        PickledTensor => "tensor",
        _ => value.GetType().Name,
    };

    /// <summary><c>collections.OrderedDict()</c>: the state_dict, or a tensor's empty backward hooks.</summary>
    private sealed class OrderedDictConstructor : IObjectConstructor
    {
        [DynamicDependency(nameof(PickledDict.__setstate__), typeof(PickledDict))]
        public object construct(object[] args) =>
            args.Length == 0 ? new PickledDict() : throw new Refusal(" is corrupt: its pickle calls OrderedDict with arguments; a state_dict's has none.");
    }

    /// <summary><c>_rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])</c>.</summary>
    private sealed class RebuildTensor : IObjectConstructor
    {
        public object construct(object[] args)
        {
            if (args.Length is not (6 or 7) || args[0] is not PickledStorage storage)
            {
                throw new Refusal(" is corrupt: its pickle calls _rebuild_tensor_v2 without (storage, storage_offset, size, stride, requires_grad, backward_hooks).");
            }

            long[] size = Integers(args[2], "a tensor's size"), stride = Integers(args[3], "a tensor's stride");
            if (size.Length != stride.Length)
            {
                throw new Refusal($" is corrupt: a tensor of its pickle has {size.Length} sizes but {stride.Length} strides.");
            }

            return new PickledTensor(storage, Integer(args[1], "a tensor's storage_offset"), size, stride);
        }
    }

    /// <summary><c>_rebuild_parameter(data, requires_grad, backward_hooks)</c>: an nn.Parameter (a state_dict saved with keep_vars=True).</summary>
    private sealed class RebuildParameter : IObjectConstructor
    {
        public object construct(object[] args) =>
            args is [PickledTensor tensor, bool, _]
                ? tensor
                : throw new Refusal(" is corrupt: its pickle calls _rebuild_parameter without (tensor, requires_grad, backward_hooks).");
    }

    /// <summary>A refusal raised while Razorvine unpickles: the message follows the file's name.</summary>
    private sealed class Refusal(string message) : Exception(message);

    /// <summary>A storage class such as <c>torch.FloatStorage</c>: named in persistent ids, never called.</summary>
    private sealed class StorageClass(string global, TensorDType dtype) : IObjectConstructor
    {
        public TensorDType DType => dtype;

        public object construct(object[] args) =>
            throw new Refusal($": its pickle calls {global}, which a state_dict only names as a storage's type; refused.");
    }
}

/// <summary>An <c>OrderedDict</c> of the pickle; Razorvine fills it as a dict, then sets its attributes (<c>_metadata</c>) through <see cref="__setstate__"/>.</summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Razorvine calls Python's __setstate__ by this name.")]
[SuppressMessage("Usage", "CA2237:Mark ISerializable types with serializable", Justification = "Never serialized.")]
internal sealed class PickledDict : Hashtable
{
    /// <summary>Python's <c>obj.__dict__.update(state)</c> for an OrderedDict's attributes: ignored (a state_dict's <c>_metadata</c> holds only version numbers).</summary>
    public void __setstate__(Hashtable state) => GC.KeepAlive(state);
}
