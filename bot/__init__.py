"""The assistant: one turn = parse -> update state -> reply; channel adapters; repositories."""
