"""Side-by-side benchmarks of credit_disclosure against peer libraries (``python -m benchmarks``)."""
