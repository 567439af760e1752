"""The one thing pyproject.toml cannot say: ship the top-level rules/ folder
inside the package as `summit_facts.rule_files`, next to every package found."""

from setuptools import find_packages, setup

RULES = {"summit_facts.rule_files": "rules", "summit_facts.rule_files.events": "rules/events"}

setup(
    packages=[*find_packages(include=["summit_facts", "summit_facts.*"]), *RULES],
    package_dir=RULES,
)
