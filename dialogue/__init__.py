"""The conversation: session state, the questionnaire policy, the Redis session store."""
