namespace Tongxin.Evaluation;

/// <summary>评价计算错误 – input the engine cannot evaluate (a malformed judgment matrix, mismatched
/// sizes, missing answers). The message is Simplified Chinese and meant to be shown to the user as is.</summary>
public sealed class EvaluationException(string message) : Exception(message);
