using System.Text.RegularExpressions;
using RnnGen.Training;

namespace RnnGen.Tests.Training;

public class ConsoleReporterTests
{
    [Theory]
    [InlineData(0.0042f, "0.0042")]
    [InlineData(1.23456f, "1.2346")]
    [InlineData(1.2345e-5f, "1.2345e-05")]
    [InlineData(0f, "0.0000e+00")]
    public void Numbers_are_formatted_as_keras_does(float value, string expected) =>
        Assert.Equal(expected, ConsoleReporter.Format(value));

    [Fact]
    public void Verbose_2_prints_the_epoch_heading_then_one_keras_line()
    {
        var output = new StringWriter();
        Fit(new ConsoleReporter(verbose: 2, writer: output), validation: true);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(new Regex(@"^3/3 - \d+s - loss: \d\.\d{4} - val_loss: \d\.\d{4}$"), lines[1]);
        Assert.Equal("Epoch 2/2", lines[2]);
    }

    [Fact]
    public void Verbose_1_prints_a_full_progress_bar_per_epoch_when_not_a_terminal()
    {
        var output = new StringWriter();
        Fit(new ConsoleReporter(verbose: 1, writer: output), validation: false);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Epoch 1/2", lines[0]);
        Assert.Matches(new Regex(@"^3/3 \[={30}\] - \d+s \d+ms/step - loss: \d\.\d{4}$"), lines[1]);
        Assert.DoesNotContain('\r', output.ToString());
    }

    [Fact]
    public void Verbose_other_than_1_or_2_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConsoleReporter(verbose: 3));

    private static void Fit(ConsoleReporter reporter, bool validation)
    {
        var model = new RuntimeSizedRnn(4, 1, 2, 1);
        new Trainer(model, new Adam()).Fit(
            TrainingFixtures.Sine(validation ? 12 : 9),
            new FitOptions { Epochs = 2, BatchSize = 3, ValidationSplit = validation ? 0.25 : 0, Callbacks = [reporter] });
    }
}
