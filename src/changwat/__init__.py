"""changwat: bilingual static site of Thai provincial offices, built from validated YAML."""

__version__ = "0.1.0"
