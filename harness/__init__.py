"""hpceval's harness: CLI, run configuration, pipeline, run store, scoring, validation."""
