"""Stage 1 — load: bytes of a data file → a YAML node tree with positions, or located problems.

yaml.py       the strict loader (safe, no retyping, duplicate keys and bombs refused)
files.py      which files are data, and their paths as editors see them
positions.py  Pos (file, line, column) and Src (where each field of a record was written)
allowlist.py  the Thai allow-list file (words the Thai rules accept and the search keeps whole)
"""
