"""summit-facts: offline claim extraction and cross-source fact-checking."""

__version__ = "0.1.0"
SCHEMA_VERSION = 1
