"""Thin routes: validate, call bot/guides, shape the response."""
