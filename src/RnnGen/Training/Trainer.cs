using System.Globalization;
using System.Numerics.Tensors;
using RnnGen.Data;
using RnnGen.Evaluation;

namespace RnnGen.Training;

/// <summary>
/// Keras' <c>model.fit</c> for any generated model: mini-batch gradient descent with an
/// <see cref="IOptimizer"/>, shuffling, validation, callbacks and early stopping.
/// </summary>
/// <remarks>
/// <para>Per batch: <c>ClearGradients()</c>; with a batch size of 1, <c>Backward</c> on the sample; with a larger
/// one, the batch's samples gathered in shuffled order into contiguous buffers and one
/// <see cref="IRnnModel.BackwardBatch"/> call (which a model batched in tiles runs as matrix products across
/// the samples), either way adding each sample's gradient and summing the losses in double, in sample order;
/// gradients divided by the batch's size (so the step follows Keras' mean loss over the batch, the last
/// partial batch over its own size); one optimizer step, told the length of every Keras variable of
/// <see cref="IRnnModel.Layout"/> (<see cref="ModelLayout.Weights"/>: each layer's kernel, recurrent_kernel and bias,
/// in <c>get_weights()</c> order), so an optimizer's <see cref="Optimizer.ClipNorm"/> clips each weight array by its
/// own norm, as Keras does, for any stack of layers. The epoch loss is the batch losses averaged
/// with batch-size weights, as Keras reports it.</para>
/// <para>Keras' <c>TerminateOnNaN</c> is built in: a batch whose loss, gradient or updated weights are NaN or
/// infinite is not applied (the weights are put back as they were before it), training stops, and
/// <see cref="History.StopReason"/> says where; the weights stay those after the last finite batch.</para>
/// <para>All buffers are allocated when <see cref="Fit"/> starts; the epoch, batch and sample loops
/// allocate nothing (callbacks aside: the console reporter formats strings when it prints).</para>
/// </remarks>
public sealed class Trainer
{
    private readonly int[] _variableLengths;
    private readonly float[] _outputScratch;
    private readonly float[] _lastGoodParameters;
    private int[] _order = [];
    private float[] _batchInputs = [];
    private float[] _batchTargets = [];
    private float[] _batchLosses = [];

    /// <summary>Creates a trainer that updates <paramref name="model"/> with <paramref name="optimizer"/>.</summary>
    public Trainer(IRnnModel model, IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        Model = model;
        Optimizer = optimizer;
        // Keras variables, in get_weights() order: every layer's kernel, recurrent_kernel and bias (ClipNorm is per variable).
        _variableLengths = [.. model.Layout.Weights.Select(static weight => weight.Length)];
        _outputScratch = new float[model.OutputLength];
        _lastGoodParameters = new float[model.ParameterCount];
    }

    /// <summary>The model trained.</summary>
    public IRnnModel Model { get; }

    /// <summary>The optimizer applied after each batch (its state carries over between <see cref="Fit"/> calls, as in Keras).</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>Trains the model on <paramref name="data"/> (Keras <c>model.fit(x, y, ...)</c>).</summary>
    /// <param name="data">Training samples; with <see cref="FitOptions.ValidationSplit"/>, their last part is held out.</param>
    /// <param name="options">Epochs, batch size, shuffling, validation, callbacks; null: Keras' defaults, one epoch.</param>
    /// <returns>The per-epoch losses and how training ended.</returns>
    /// <exception cref="ArgumentException">The data set's window or target length differs from the model's, an option is
    /// out of range, or both validation data and a validation split are given.</exception>
    public History Fit(WindowedDataset data, FitOptions? options = null)
    {
        options ??= new FitOptions();
        SampleLoss.RequireMatch(Model, data, nameof(data));
        (WindowedDataset train, WindowedDataset? validation) = SplitValidation(data, options);
        if (validation is not null)
        {
            SampleLoss.RequireMatch(Model, validation, nameof(options));
        }

        Callback[] callbacks = CallbacksOf(options);
        if (_order.Length != train.Count)
        {
            _order = new int[train.Count];
        }

        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        var random = new Random(options.Seed ?? Random.Shared.Next());
        int batchSize = Math.Min(options.BatchSize, train.Count);
        if (batchSize > 1 && _batchLosses.Length != batchSize)
        {
            // BackwardBatch's contiguous copies of a batch's samples, allocated here so the batch loop allocates nothing.
            _batchInputs = new float[batchSize * Model.InputLength];
            _batchTargets = new float[batchSize * Model.OutputLength];
            _batchLosses = new float[batchSize];
        }

        var context = new TrainingContext(Model, options.Epochs, train.Count, batchSize, validation?.Count ?? 0);
        var history = new History(options.Epochs, validation is not null);

        foreach (Callback callback in callbacks)
        {
            callback.OnTrainBegin(context);
        }

        for (int epoch = 0; epoch < options.Epochs && history.StopReason is null; epoch++)
        {
            foreach (Callback callback in callbacks)
            {
                callback.OnEpochBegin(context, epoch);
            }

            if (options.Shuffle)
            {
                random.Shuffle(_order);
            }

            double epochLoss = RunEpoch(train, epoch, context, history, callbacks);
            if (history.TerminatedOnNaN)
            {
                break;
            }

            float validationLoss = validation is null ? float.NaN : (float)SampleLoss.Mean(Model, validation, _outputScratch);
            var logs = new EpochLogs(epoch, (float)epochLoss, validationLoss);
            history.Add(logs);
            foreach (Callback callback in callbacks)
            {
                callback.OnEpochEnd(context, logs);
            }

            if (context.StopRequested)
            {
                history.StopReason = context.StopReason;
            }
        }

        foreach (Callback callback in callbacks)
        {
            callback.OnTrainEnd(context, history);
        }

        return history;
    }

    /// <summary>One pass over the shuffled order; returns the epoch loss, or NaN after recording a NaN stop in <paramref name="history"/>.</summary>
    private double RunEpoch(WindowedDataset train, int epoch, TrainingContext context, History history, Callback[] callbacks)
    {
        IRnnModel model = Model;
        int[] order = _order;
        double lossSum = 0;
        for (int batch = 0, start = 0; start < order.Length; batch++, start += context.BatchSize)
        {
            int size = Math.Min(context.BatchSize, order.Length - start);
            model.ClearGradients();
            double batchSum = context.BatchSize == 1
                ? model.Backward(train.Input(order[start]), train.Target(order[start]))
                : BackwardBatch(train, order.AsSpan(start, size));

            // Keras: batch loss = mean over the batch; gradient of that mean = sum of gradients / size.
            Span<float> gradients = model.Gradients;
            Span<float> parameters = model.Parameters;
            float batchLoss = (float)(batchSum / size);
            // Element by element: a float sum of finite values near float.MaxValue overflows and would stop a finite batch.
            bool finite = float.IsFinite(batchLoss) && TensorPrimitives.IsFiniteAll<float>(gradients);
            if (finite)
            {
                parameters.CopyTo(_lastGoodParameters);
                TensorPrimitives.Multiply(gradients, 1f / size, gradients);
                Optimizer.Step(parameters, gradients, _variableLengths);
                finite = TensorPrimitives.IsFiniteAll<float>(parameters);
                if (!finite)
                {
                    _lastGoodParameters.CopyTo(parameters);
                }
            }

            if (!finite)
            {
                history.TerminatedOnNaN = true;
                history.StopReason = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Batch {batch + 1}/{context.BatchesPerEpoch} of epoch {epoch + 1}: the loss ({batchLoss}), a gradient or an updated weight is NaN or infinite; training stopped (TerminateOnNaN) and the weights are those after the last finite batch.");
                return double.NaN;
            }

            lossSum += batchSum;

            var logs = new BatchLogs(epoch, batch, size, batchLoss, (float)(lossSum / (start + size)));
            foreach (Callback callback in callbacks)
            {
                callback.OnBatchEnd(context, logs);
            }
        }

        return lossSum / order.Length;
    }

    /// <summary>
    /// The samples of <paramref name="batch"/> copied one after another into the batch buffers, through one
    /// <see cref="IRnnModel.BackwardBatch"/>; returns their losses summed in double, in sample order.
    /// </summary>
    private double BackwardBatch(WindowedDataset train, ReadOnlySpan<int> batch)
    {
        int inputLength = Model.InputLength, outputLength = Model.OutputLength;
        for (int i = 0; i < batch.Length; i++)
        {
            train.Input(batch[i]).CopyTo(_batchInputs.AsSpan(i * inputLength, inputLength));
            train.Target(batch[i]).CopyTo(_batchTargets.AsSpan(i * outputLength, outputLength));
        }

        Span<float> losses = _batchLosses.AsSpan(0, batch.Length);
        Model.BackwardBatch(_batchInputs.AsSpan(0, batch.Length * inputLength), _batchTargets.AsSpan(0, batch.Length * outputLength), losses);
        double sum = 0;
        foreach (float loss in losses)
        {
            sum += loss;
        }

        return sum;
    }

    private static (WindowedDataset Train, WindowedDataset? Validation) SplitValidation(WindowedDataset data, FitOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1, nameof(options.Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        if (options.Verbose is < 0 or > 2)
        {
            throw OutOfRange.Of(nameof(options.Verbose), options.Verbose, "Expected Verbose 0, 1 or 2");
        }

        double split = options.ValidationSplit;
        if (!(split >= 0.0 && split < 1.0))
        {
            throw OutOfRange.Of(nameof(options.ValidationSplit), split, "Expected a validation split in [0, 1)");
        }

        if (split == 0.0)
        {
            return (data, options.ValidationData);
        }

        if (options.ValidationData is not null)
        {
            throw new ArgumentException("Give either ValidationData or ValidationSplit, not both.", nameof(options));
        }

        // Keras: split_at = int(n * (1 - validation_split)), before shuffling.
        int trainCount = (int)(data.Count * (1.0 - split));
        if (trainCount < 1 || trainCount >= data.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options.ValidationSplit),
                string.Create(CultureInfo.InvariantCulture, $"A validation split of {split} of {data.Count} samples leaves {trainCount} to train on and {data.Count - trainCount} to validate: both need at least one."));
        }

        return (data.Slice(0, trainCount), data.Slice(trainCount, data.Count - trainCount));
    }

    private static Callback[] CallbacksOf(FitOptions options)
    {
        int extra = options.Verbose > 0 ? 1 : 0;
        var callbacks = new Callback[options.Callbacks.Count + extra];
        for (int i = 0; i < options.Callbacks.Count; i++)
        {
            callbacks[i] = options.Callbacks[i] ?? throw new ArgumentException($"Callbacks[{i}] is null.", nameof(options));
        }

        if (extra == 1)
        {
            callbacks[^1] = new ConsoleReporter(options.Verbose);
        }

        return callbacks;
    }
}
