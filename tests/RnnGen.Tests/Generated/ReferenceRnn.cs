namespace RnnGen.Tests.Generated;

/// <summary>
/// An independent float64 SimpleRNN + Dense, written from the Keras formulas, that the generated
/// float32 code is checked against; gradients come from central finite differences over it.
/// </summary>
internal static class ReferenceRnn
{
    public sealed record Result(double[] Outputs, double[] FinalState);

    /// <summary>Forward pass: h_t = act_h(x_t·K + h_{t-1}·R + b), y = act_d(h·W + c) at the last (or every) step.</summary>
    public static Result Forward(RnnShape shape, ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> initialState)
    {
        int f = shape.Features, h = shape.HiddenUnits, d = shape.DenseUnits;
        int kernel = 0, recurrent = f * h, bias = recurrent + h * h, dense = bias + h, denseBias = dense + h * d;
        var state = initialState.ToArray();
        var outputs = new double[shape.OutputLength];
        for (int t = 0; t < shape.TimeSteps; t++)
        {
            var next = new double[h];
            for (int j = 0; j < h; j++)
            {
                double a = parameters[bias + j];
                for (int i = 0; i < f; i++)
                {
                    a += input[t * f + i] * parameters[kernel + i * h + j];
                }

                for (int i = 0; i < h; i++)
                {
                    a += state[i] * parameters[recurrent + i * h + j];
                }

                next[j] = Apply(shape.HiddenActivation, a);
            }

            state = next;
            if (shape.ReturnSequences || t == shape.TimeSteps - 1)
            {
                int at = shape.ReturnSequences ? t * d : 0;
                for (int k = 0; k < d; k++)
                {
                    double z = parameters[denseBias + k];
                    for (int i = 0; i < h; i++)
                    {
                        z += state[i] * parameters[dense + i * d + k];
                    }

                    outputs[at + k] = Apply(shape.DenseActivation, z);
                }
            }
        }

        return new Result(outputs, state);
    }

    /// <summary>The mean squared error over all outputs, as Backward defines its loss.</summary>
    public static double Loss(RnnShape shape, ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> target, ReadOnlySpan<double> initialState)
    {
        double[] outputs = Forward(shape, parameters, input, initialState).Outputs;
        double sum = 0;
        for (int k = 0; k < outputs.Length; k++)
        {
            sum += (outputs[k] - target[k]) * (outputs[k] - target[k]);
        }

        return sum / outputs.Length;
    }

    /// <summary>d loss / d parameters by central differences in float64 (step 1e-6).</summary>
    public static double[] FiniteDifferenceGradients(RnnShape shape, double[] parameters, double[] input, double[] target, double[] initialState)
    {
        const double step = 1e-6;
        var gradients = new double[parameters.Length];
        for (int p = 0; p < parameters.Length; p++)
        {
            double saved = parameters[p];
            parameters[p] = saved + step;
            double up = Loss(shape, parameters, input, target, initialState);
            parameters[p] = saved - step;
            double down = Loss(shape, parameters, input, target, initialState);
            parameters[p] = saved;
            gradients[p] = (up - down) / (2 * step);
        }

        return gradients;
    }

    /// <summary>
    /// d loss / d parameters by backpropagation through time in float64: the reference for models too
    /// large for finite differences (itself checked against finite differences on small models).
    /// </summary>
    public static double[] Gradients(RnnShape shape, ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> target, ReadOnlySpan<double> initialState)
    {
        int f = shape.Features, h = shape.HiddenUnits, d = shape.DenseUnits, steps = shape.TimeSteps;
        int kernel = 0, recurrent = f * h, bias = recurrent + h * h, dense = bias + h, denseBias = dense + h * d;
        var gradients = new double[parameters.Length];

        // Forward, keeping every h_t.
        var hs = new double[steps + 1][];
        hs[0] = initialState.ToArray();
        var outputs = new double[shape.OutputLength];
        for (int t = 1; t <= steps; t++)
        {
            hs[t] = new double[h];
            for (int j = 0; j < h; j++)
            {
                double a = parameters[bias + j];
                for (int i = 0; i < f; i++)
                {
                    a += input[(t - 1) * f + i] * parameters[kernel + i * h + j];
                }

                for (int i = 0; i < h; i++)
                {
                    a += hs[t - 1][i] * parameters[recurrent + i * h + j];
                }

                hs[t][j] = Apply(shape.HiddenActivation, a);
            }

            if (shape.ReturnSequences || t == steps)
            {
                int at = shape.ReturnSequences ? (t - 1) * d : 0;
                for (int k = 0; k < d; k++)
                {
                    double z = parameters[denseBias + k];
                    for (int i = 0; i < h; i++)
                    {
                        z += hs[t][i] * parameters[dense + i * d + k];
                    }

                    outputs[at + k] = Apply(shape.DenseActivation, z);
                }
            }
        }

        // Backward through time.
        var dh = new double[h];
        for (int t = steps; t >= 1; t--)
        {
            if (shape.ReturnSequences || t == steps)
            {
                int at = shape.ReturnSequences ? (t - 1) * d : 0;
                for (int k = 0; k < d; k++)
                {
                    double y = outputs[at + k];
                    double dz = 2 * (y - target[at + k]) / outputs.Length * Derivative(shape.DenseActivation, y);
                    gradients[denseBias + k] += dz;
                    for (int i = 0; i < h; i++)
                    {
                        gradients[dense + i * d + k] += hs[t][i] * dz;
                        dh[i] += parameters[dense + i * d + k] * dz;
                    }
                }
            }

            var da = new double[h];
            for (int j = 0; j < h; j++)
            {
                da[j] = dh[j] * Derivative(shape.HiddenActivation, hs[t][j]);
                gradients[bias + j] += da[j];
                for (int i = 0; i < f; i++)
                {
                    gradients[kernel + i * h + j] += input[(t - 1) * f + i] * da[j];
                }

                for (int i = 0; i < h; i++)
                {
                    gradients[recurrent + i * h + j] += hs[t - 1][i] * da[j];
                }
            }

            dh = new double[h];
            for (int i = 0; i < h; i++)
            {
                for (int j = 0; j < h; j++)
                {
                    dh[i] += parameters[recurrent + i * h + j] * da[j];
                }
            }
        }

        return gradients;
    }

    /// <summary>The activation's derivative from its output y.</summary>
    private static double Derivative(Activation activation, double y) => activation switch
    {
        Activation.Tanh => 1 - y * y,
        Activation.Relu => y > 0 ? 1 : 0,
        Activation.Sigmoid => y * (1 - y),
        _ => 1,
    };

    private static double Apply(Activation activation, double x) => activation switch
    {
        Activation.Tanh => Math.Tanh(x),
        Activation.Relu => Math.Max(0, x),
        Activation.Sigmoid => 1 / (1 + Math.Exp(-x)),
        _ => x,
    };
}
