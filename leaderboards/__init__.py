"""Leaderboards (Markdown, JSON and a static site with plots) and run reports, built from run results.
Depends on `hpceval.metrics` only: the harness reads run dirs and hands plain records here."""
