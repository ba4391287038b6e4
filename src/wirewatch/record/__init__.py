"""The wirewatch/1 record: a finished document as the public JSON contract (docs RECORD.md)."""
from wirewatch.record.serialize import SCHEMA, to_record

__all__ = ["SCHEMA", "to_record"]
