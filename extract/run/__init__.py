"""Batch runs: inputs -> a backend that runs the pipeline -> durable outputs."""
