"""Shared pytest fixtures."""

from __future__ import annotations

import os

import matplotlib

matplotlib.use("Agg")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
