"""The claims stage: attributions (source, cue, content, relay chain, stance)."""
