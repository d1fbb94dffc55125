"""The public GraphQL endpoint: its view, limits, argument policies and errors."""
