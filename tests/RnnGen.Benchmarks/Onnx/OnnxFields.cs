namespace RnnGen.Benchmarks.Onnx;

/// <summary>The onnx.proto field numbers and enum values the benchmark's graph uses.</summary>
internal static class OnnxFields
{
    public static class Model
    {
        public const int IrVersion = 1;
        public const int ProducerName = 2;
        public const int Graph = 7;
        public const int OpsetImport = 8;
    }

    public static class OperatorSetId
    {
        public const int Domain = 1;
        public const int Version = 2;
    }

    public static class Graph
    {
        public const int Node = 1;
        public const int Name = 2;
        public const int Initializer = 5;
        public const int Input = 11;
        public const int Output = 12;
    }

    public static class Node
    {
        public const int Input = 1;
        public const int Output = 2;
        public const int Name = 3;
        public const int OpType = 4;
        public const int Attribute = 5;
    }

    public static class Attribute
    {
        public const int Name = 1;
        public const int Int = 3;
        public const int Strings = 9;
        public const int Type = 20;

        // AttributeProto.AttributeType
        public const long TypeInt = 2;
        public const long TypeStrings = 8;
    }

    public static class Tensor
    {
        public const int Dims = 1;
        public const int DataType = 2;
        public const int FloatData = 4;
        public const int Int64Data = 7;
        public const int Name = 8;

        // TensorProto.DataType
        public const long Float = 1;
        public const long Int64 = 7;
    }

    public static class ValueInfo
    {
        public const int Name = 1;
        public const int Type = 2;
    }

    public static class Type
    {
        public const int TensorType = 1;
        public const int ElementType = 1;
        public const int Shape = 2;
        public const int Dimension = 1;
        public const int DimensionValue = 1;
    }
}
