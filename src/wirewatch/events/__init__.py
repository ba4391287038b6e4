"""The events stage: PLOVER events with actors, status, date, place, claims and evidence."""
