using RnnGen;
using Walkthrough.Diagram;

namespace Walkthrough.Story;

/// <summary>Chapter 6: the model diagram, Keras' <c>plot_model</c> as a Graphviz file.</summary>
internal static class DiagramChapter
{
    public static void Run(IRnnModel model, FileInfo file)
    {
        Narrator.Chapter(6, "The model diagram (Keras: plot_model(demo_model, show_shapes=True))");
        file.Directory?.Create();
        File.WriteAllText(file.FullName, ModelDiagram.ToDot(model.Shape, "demo_model"));
        Narrator.Say($"Graphviz DOT written to {file.FullName}");
        Narrator.Say($"Render it with: dot -Tpng \"{file.FullName}\" -o model.png");
    }
}
