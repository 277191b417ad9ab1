"""Text to meaning: tokenizer with a domain dictionary, entity parsers, intents, KB retrieval."""
