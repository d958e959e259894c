"""launchmap's interfaces: the FastAPI application and the command line."""
