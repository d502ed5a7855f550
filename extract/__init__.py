"""extract: characters, events and relations from film plot synopses."""

__version__ = "0.1.0"

__all__ = ["extract", "load"]


def __getattr__(name: str):
    """`extract.load` and `extract.extract` (extract/api.py), imported on first use so that
    `import extract` stays light."""
    if name in __all__:
        from extract import api

        return getattr(api, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
