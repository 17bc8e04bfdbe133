using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using RnnGen.Interop.Keras;

namespace RnnGen.Interop;

/// <summary>
/// Loads the weights of a model trained in Keras from the files Keras writes, after checking that the file's
/// architecture is the model's: a Keras 3 <c>.keras</c> archive (<c>model.save</c>), a Keras 3 <c>.weights.h5</c>
/// file (<c>model.save_weights</c>), or a legacy HDF5 <c>.h5</c> file of Keras 2 or tf.keras (<c>model.save</c> or
/// <c>model.save_weights</c>).
/// </summary>
/// <remarks>
/// <para>Where the file states the architecture (a <c>.keras</c> archive's <c>config.json</c>, a legacy
/// <c>model.save</c> file's <c>model_config</c>), it must be a <c>Sequential</c> of SimpleRNN, LSTM, GRU, Dense and
/// Bidirectional layers whose every option RnnGen has matches <see cref="IRnnModel.Layout"/>: kind, units,
/// activation and recurrent activation, use_bias, unit_forget_bias, reset_after, return_sequences, go_backwards,
/// stateful, merge mode, and the input shape (time steps, features). <c>hard_sigmoid</c> in a Keras 1 or 2 file
/// (by its <c>keras_version</c>) is <see cref="Activation.HardSigmoidKeras2"/>, in a Keras 3 file
/// <see cref="Activation.HardSigmoid"/>. InputLayer and Dropout layers, which hold no weights and change nothing at
/// inference, are skipped. Files without an architecture (<c>save_weights</c>) are checked by the number, names and
/// shapes of their weights.</para>
/// <para>Every weight is read, checked (shape, float32 or float64, finite) and placed into a scratch copy before the
/// model's <see cref="IRnnModel.Parameters"/> are written, so a refused file leaves them, and
/// <see cref="IRnnModel.State"/>, as they were. HDF5 is read with PureHDF.</para>
/// </remarks>
public static class KerasWeights
{
    /// <summary>Reads the Keras file at <paramref name="path"/> into <paramref name="model"/>'s Parameters.</summary>
    /// <param name="model">A generated model of the file's architecture.</param>
    /// <param name="path">A <c>.keras</c>, <c>.weights.h5</c> or legacy <c>.h5</c> file; the format is told by its contents.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip or HDF5 file, is truncated or corrupt, describes another
    /// architecture or a layer RnnGen does not have, or a weight is missing, extra, of another shape or not finite. The
    /// message starts with the path and says what was expected and what was found. The model is unchanged.</exception>
    [RequiresDynamicCode(NotUnderNativeAot)]
    [RequiresUnreferencedCode(NotUnderNativeAot)]
    public static void Load(IRnnModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Load(model, File.ReadAllBytes(path), path);
    }

    /// <summary>Why <see cref="Load(IRnnModel, string)"/> is not for NativeAOT or trimmed apps.</summary>
    private const string NotUnderNativeAot =
        "PureHDF, which reads the HDF5 inside Keras files, makes generic methods by reflection, which NativeAOT cannot compile " +
        "and trimming cannot follow. Load the Keras file once in a JIT build, save it with WeightFile.Save, and ship WeightFile.Load instead.";

    /// <summary>As <see cref="Load(IRnnModel, string)"/>, from the file's bytes; <paramref name="source"/> names it in messages.</summary>
    [RequiresDynamicCode(NotUnderNativeAot)]
    [RequiresUnreferencedCode(NotUnderNativeAot)]
    internal static void Load(IRnnModel model, byte[] file, string source)
    {
        ModelLayout layout = model.Layout;
        var parameters = new float[layout.ParameterCount];
        if (KerasArchive.IsZip(file))
        {
            KerasArchive.Read(file, source, layout, parameters);
        }
        else if (Hdf5Reader.IsHdf5(file))
        {
            ReadHdf5(file, source, layout, parameters);
        }
        else
        {
            throw KerasFileError.Invalid(source, $"is neither a .keras archive (a zip) nor an HDF5 file (.h5, .weights.h5): {Start(file)}.");
        }

        RequireFinite(parameters, layout, source);
        parameters.CopyTo(model.Parameters);
    }

    /// <summary>A Keras 3 <c>.weights.h5</c>, or a legacy file with its <c>model_config</c> (model.save) or without (save_weights).</summary>
    private static void ReadHdf5(byte[] bytes, string source, ModelLayout layout, Span<float> parameters)
    {
        using Hdf5Reader file = Hdf5Reader.Open(bytes, source);
        if (LegacyWeights.LayersGroup(file) is string root)
        {
            if (file.Strings("", "model_config")?.FirstOrDefault() is string config)
            {
                string? version = file.Strings("", "keras_version")?.FirstOrDefault() ?? file.Strings(root, "keras_version")?.FirstOrDefault();
                using JsonDocument model = ParseConfig(config, source);
                KerasArchitecture.Check(model.RootElement, KerasArchitecture.IsKeras2(version), layout, $"{source} (model_config)");
            }

            LegacyWeights.Read(file, root, layout, parameters);
        }
        else if (Keras3Weights.Recognizes(file))
        {
            Keras3Weights.Read(file, layout, parameters);
        }
        else
        {
            throw KerasFileError.Invalid(source,
                $"is an HDF5 file but not one Keras writes: it has neither a layers group (Keras 3) nor a layer_names attribute (Keras 2, tf.keras).");
        }
    }

    private static JsonDocument ParseConfig(string config, string source)
    {
        try
        {
            return JsonDocument.Parse(config);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} has a model_config attribute that is not valid JSON: {e.Message}", e);
        }
    }

    private static void RequireFinite(float[] parameters, ModelLayout layout, string source)
    {
        if (TensorPrimitives.IsFiniteAll(parameters))
        {
            return;
        }

        int index = Array.FindIndex(parameters, static p => !float.IsFinite(p));
        string element = layout.WeightContaining(index).ElementName(index);
        throw KerasFileError.Invalid(source, $"holds {parameters[index].ToString(CultureInfo.InvariantCulture)} at {element}; every weight must be finite.");
    }

    private static string Start(byte[] file) => file.Length == 0
        ? "it is empty"
        : "it starts with " + string.Join(" ", file.Take(8).Select(static b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
