global using Tongxin.Evaluation;
