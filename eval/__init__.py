"""Evaluation: the regression question set, metrics, reports and benchmarks."""
