namespace RnnGen.Interop.Torch;

/// <summary>
/// The Python globals a <c>torch.save(state_dict)</c> pickle may name, and nothing else:
/// <c>collections.OrderedDict</c> (the state_dict and each tensor's empty backward hooks),
/// <c>torch._utils._rebuild_tensor_v2</c> and <c>_rebuild_parameter</c> (a tensor over a storage; a
/// Parameter around one), and the storage classes <c>torch.FloatStorage</c>, ... that name a storage's
/// element type (torch/serialization.py's <c>persistent_id</c>: <c>('storage', storage_type, key, location, numel)</c>).
/// </summary>
internal static class PickleAllowList
{
    public const string OrderedDict = "collections.OrderedDict";
    public const string RebuildTensor = "torch._utils._rebuild_tensor_v2";
    public const string RebuildParameter = "torch._utils._rebuild_parameter";

    /// <summary>The storage classes by name (<c>torch.FloatStorage</c>), with the element type each holds.</summary>
    public static IReadOnlyDictionary<string, TensorDType> Storages { get; } = new Dictionary<string, TensorDType>(StringComparer.Ordinal)
    {
        ["torch.FloatStorage"] = TensorDType.Float32,
        ["torch.DoubleStorage"] = TensorDType.Float64,
        ["torch.HalfStorage"] = TensorDType.Float16,
        ["torch.BFloat16Storage"] = TensorDType.BFloat16,
        ["torch.LongStorage"] = TensorDType.Other("int64", 8),
        ["torch.IntStorage"] = TensorDType.Other("int32", 4),
        ["torch.ShortStorage"] = TensorDType.Other("int16", 2),
        ["torch.CharStorage"] = TensorDType.Other("int8", 1),
        ["torch.ByteStorage"] = TensorDType.Other("uint8", 1),
        ["torch.BoolStorage"] = TensorDType.Other("bool", 1),
        ["torch.ComplexFloatStorage"] = TensorDType.Other("complex64", 8),
        ["torch.ComplexDoubleStorage"] = TensorDType.Other("complex128", 16),
        ["torch.UntypedStorage"] = TensorDType.Other("uint8", 1),
    };

    /// <summary>Whether <c>module.name</c> is allowed.</summary>
    public static bool Allows(string global) =>
        global is OrderedDict or RebuildTensor or RebuildParameter || Storages.ContainsKey(global);

    /// <summary>The refusal of a global that is not allowed; a pickled nn.Module (<c>torch.save(model)</c>) is told to save its state_dict.</summary>
    public static InvalidDataException Refuse(string source, string module, string name)
    {
        string global = module + "." + name;
        return module == "__main__" || module.StartsWith("torch.nn.", StringComparison.Ordinal)
            ? new InvalidDataException(
                $"{source} holds a whole pickled module (global '{global}'), as torch.save(model) writes; RnnGen reads state_dicts only: "
                + "save torch.save(model.state_dict(), path) instead. Nothing in the pickle was run.")
            : new InvalidDataException(
                $"{source}: its pickle names the global '{global}', which a state_dict never needs (allowed: {OrderedDict}, {RebuildTensor}, "
                + $"{RebuildParameter} and the torch.*Storage classes); refused before anything in it was built or run.");
    }
}
