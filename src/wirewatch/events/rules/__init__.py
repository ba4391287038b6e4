"""The lexicon rules: the first, hand-written event coder, kept as a source of features.

A trigger lexicon (``../data/triggers.tsv``) applied to the dependency parse, with framing
("threatened to ban"), implicit participants and status rules. Its proposals (which type at
which token) are features of the learned coder (``features.trigger_features``, ``rule=TYPE``);
the learned models decide.
"""
