"""Speed and memory measurements, run with `make bench` (python -m benchmarks)."""
