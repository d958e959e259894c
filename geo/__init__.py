"""launchmap's core: the incident model, file I/O, the store and bundled data."""
