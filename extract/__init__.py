"""extract: characters, events and relations from film plot synopses."""

__version__ = "0.1.0"
