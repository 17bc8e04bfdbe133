namespace RnnGen.Interop.Torch;

/// <summary>A storage a pickle refers to by persistent id: <c>('storage', storage_type, key, location, numel)</c>, its bytes in <c>data/{key}</c>.</summary>
/// <param name="DType">The element type its storage class names.</param>
/// <param name="Key">The record's name under <c>data/</c>: <c>"0"</c>, <c>"1"</c>, ... in the order the pickler met them.</param>
/// <param name="Elements">Elements the storage holds.</param>
internal sealed record PickledStorage(TensorDType DType, string Key, long Elements);

/// <summary>A tensor as <c>torch._utils._rebuild_tensor_v2(storage, storage_offset, size, stride, ...)</c> describes it: a strided view of a storage.</summary>
internal sealed record PickledTensor(PickledStorage Storage, long Offset, long[] Size, long[] Stride);
