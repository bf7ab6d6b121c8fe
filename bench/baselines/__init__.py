"""Bare baselines: what PySide6, python-docx and openpyxl cost on their own, measured the same way."""
