"""The entities stage: actors with all their mentions, linked to the knowledge base and coded."""
