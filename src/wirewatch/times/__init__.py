"""The times stage: time expressions normalized to TimeML TIMEX3 values on the document date."""
