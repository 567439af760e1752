"""summit-facts: offline claim extraction and cross-source fact-checking."""

__version__ = "0.1.0"
SCHEMA_VERSION = 2  # 2: automatic subjects apart from the verdict lists
