namespace RnnGen.Tests.Generated;

// The models the numerical tests drive: every strategy, activation and flag of the generator.

/// <summary>The tutorial's demo model: SimpleRNN(2, linear) + Dense(1, linear) over 3 steps.</summary>
[Rnn(TimeSteps = 3, Features = 1, HiddenUnits = 2, DenseUnits = 1,
     HiddenActivation = Activation.Linear, DenseActivation = Activation.Linear)]
public partial class DemoRnn { }

/// <summary>The demo model with return_sequences.</summary>
[Rnn(TimeSteps = 3, HiddenUnits = 2, HiddenActivation = Activation.Linear, DenseActivation = Activation.Linear,
     ReturnSequences = true)]
public partial class DemoSequenceRnn { }

/// <summary>The demo model, stateful.</summary>
[Rnn(TimeSteps = 3, HiddenUnits = 2, HiddenActivation = Activation.Linear, DenseActivation = Activation.Linear,
     Stateful = true)]
public partial class DemoStatefulRnn { }

/// <summary>The sunspots model.</summary>
[Rnn(TimeSteps = 12, Features = 1, HiddenUnits = 3, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class SunspotRnn { }

[Rnn(TimeSteps = 7, Features = 3, HiddenUnits = 5, DenseUnits = 2,
     HiddenActivation = Activation.Relu, DenseActivation = Activation.Sigmoid)]
public partial class ReluSigmoidRnn { }

[Rnn(TimeSteps = 5, Features = 2, HiddenUnits = 4, DenseUnits = 3,
     HiddenActivation = Activation.Sigmoid, DenseActivation = Activation.Relu, ReturnSequences = true, Stateful = true)]
public partial class SmallSequenceStatefulRnn { }

/// <summary>Unrolled (6 units), return_sequences, stateful: the register Dense at every step.</summary>
[Rnn(TimeSteps = 5, Features = 2, HiddenUnits = 6, DenseUnits = 2,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Linear, ReturnSequences = true, Stateful = true)]
public partial class UnrolledSequenceStatefulRnn { }

/// <summary>Unrolled (7 units), return_sequences, not stateful: PredictBatch in lanes.</summary>
[Rnn(TimeSteps = 5, Features = 3, HiddenUnits = 7, DenseUnits = 3,
     HiddenActivation = Activation.Relu, DenseActivation = Activation.Tanh, ReturnSequences = true)]
public partial class UnrolledSequenceRnn { }

[Rnn(TimeSteps = 6, Features = 3, HiddenUnits = 20, DenseUnits = 2,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Linear)]
public partial class VectorizedRnn { }

[Rnn(TimeSteps = 4, Features = 2, HiddenUnits = 19, DenseUnits = 3,
     HiddenActivation = Activation.Sigmoid, DenseActivation = Activation.Tanh, ReturnSequences = true, Stateful = true)]
public partial struct VectorizedSequenceStatefulRnn { }

[Rnn(TimeSteps = 5, Features = 4, HiddenUnits = 33, DenseUnits = 2,
     HiddenActivation = Activation.Relu, DenseActivation = Activation.Sigmoid, ReturnSequences = true)]
public partial class VectorizedReluRnn { }

[Rnn(TimeSteps = 3, Features = 2, HiddenUnits = 17, DenseUnits = 1,
     HiddenActivation = Activation.Linear, DenseActivation = Activation.Tanh, Stateful = true)]
public partial class VectorizedLinearStatefulRnn { }

// Large models, checked against the float64 BPTT reference (too large for finite differences).

[Rnn(TimeSteps = 64, Features = 4, HiddenUnits = 256, DenseUnits = 3,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Sigmoid, ReturnSequences = true, Stateful = true)]
public partial class LargeSequenceStatefulRnn { }

[Rnn(TimeSteps = 64, Features = 1, HiddenUnits = 256, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Linear)]
public partial class LargeTutorialShapedRnn { }

[Rnn(TimeSteps = 32, Features = 4, HiddenUnits = 64, DenseUnits = 3,
     HiddenActivation = Activation.Relu, DenseActivation = Activation.Tanh)]
public partial class MediumReluRnn { }

[Rnn(TimeSteps = 16, Features = 3, HiddenUnits = 131, DenseUnits = 2,
     HiddenActivation = Activation.Sigmoid, DenseActivation = Activation.Relu, ReturnSequences = true)]
public partial class OddSizedSigmoidRnn { }

// The widest output a model may have, on the shortest input: count * OutputLength overflows int for a huge batch.
[Rnn(TimeSteps = 1, Features = 1, HiddenUnits = 1, DenseUnits = RnnAttribute.MaxDimension)]
public partial class WidestOutputRnn { }
