using RnnGen;
using Walkthrough.Diagram;

namespace Walkthrough.Story;

/// <summary>Chapter 6: the model diagram, Keras' <c>plot_model</c> as a Graphviz file.</summary>
internal static class DiagramChapter
{
    /// <returns>Whether the file was written; if not, one line on stderr says why.</returns>
    public static bool Run(IRnnModel model, FileInfo file)
    {
        Narrator.Chapter(6, "The model diagram (Keras: plot_model(demo_model, show_shapes=True))");
        try
        {
            file.Directory?.Create();
            File.WriteAllText(file.FullName, ModelDiagram.ToDot(model.Shape, "demo_model"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write --diagram {file.FullName}: {e.Message}");
            return false;
        }

        Narrator.Say($"Graphviz DOT written to {file.FullName}");
        Narrator.Say($"Render it with: dot -Tpng \"{file.FullName}\" -o model.png");
        return true;
    }
}
