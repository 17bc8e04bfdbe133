using System.ComponentModel;
using System.Reflection;
using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>The kernels are public only for generated code: IntelliSense does not offer them to users.</summary>
public class KernelVisibilityTests
{
    [Fact]
    public void Every_public_kernel_class_is_hidden_from_IntelliSense()
    {
        Type[] kernels = [.. typeof(MatrixKernels).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(MatrixKernels).Namespace)];
        Assert.NotEmpty(kernels);
        Assert.All(kernels, t => Assert.Equal(EditorBrowsableState.Never, t.GetCustomAttribute<EditorBrowsableAttribute>()?.State));
    }
}
