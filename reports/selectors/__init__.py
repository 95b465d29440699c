"""The reports app's queries: each returns plain dataclasses (or model instances for one object), in a
fixed number of queries whatever the size of the data."""
