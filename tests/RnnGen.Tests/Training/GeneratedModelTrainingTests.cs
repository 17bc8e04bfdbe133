using RnnGen.Training;

namespace RnnGen.Tests.Training;

/// <summary>A generated model of the runtime-sized test model's shape.</summary>
[Rnn(TimeSteps = 4, Features = 1, HiddenUnits = 3, DenseUnits = 1, HiddenActivation = Activation.Tanh, DenseActivation = Activation.Linear)]
public partial class FitLoopRnn { }

public class GeneratedModelTrainingTests
{
    [Fact]
    public void Fit_drives_a_generated_model_exactly_like_the_runtime_sized_reference()
    {
        // Same initial weights, same data, same seed: the two models' losses and weights agree to float rounding.
        var generated = new FitLoopRnn(3);
        var reference = new RuntimeSizedRnn(4, 1, 3, 1);
        generated.Parameters.CopyTo(reference.Parameters);
        var options = new FitOptions { Epochs = 5, BatchSize = 4, Seed = 11, ValidationSplit = 0.2 };

        History a = new Trainer(generated, new Adam(0.01f)).Fit(TrainingFixtures.Sine(40), options);
        History b = new Trainer(reference, new Adam(0.01f)).Fit(TrainingFixtures.Sine(40), options);

        for (int epoch = 0; epoch < 5; epoch++)
        {
            Assert.Equal(b.Loss[epoch], a.Loss[epoch], 1e-5f);
            Assert.Equal(b.ValidationLoss[epoch], a.ValidationLoss[epoch], 1e-5f);
        }

        for (int i = 0; i < reference.ParameterCount; i++)
        {
            Assert.Equal(reference.Parameters[i], generated.Parameters[i], 1e-4f);
        }
    }

    [Fact]
    public void An_epoch_of_a_generated_model_allocates_nothing()
    {
        var model = new FitLoopRnn(1);
        var meter = new EpochAllocationMeter();
        new Trainer(model, new Adam()).Fit(TrainingFixtures.Sine(300), new FitOptions { Epochs = 3, BatchSize = 7, ValidationSplit = 0.1, Callbacks = [meter] });
        Assert.Equal(0, meter.LastEpochBytes);
    }
}
