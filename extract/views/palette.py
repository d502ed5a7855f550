"""Colours shared by the HTML pages and the drawings: one per character, one per relation
category."""

from __future__ import annotations

import colorsys

# distinct, readable on white; the most mentioned characters take them first
CHARACTER_COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#393b79",
    "#ad494a",
)
GOLDEN_ANGLE = 0.381966  # of a turn: hues past the fixed colours stay far apart

CATEGORY_COLOURS = {
    "family": "#2a9d8f",
    "romance": "#e0457b",
    "social": "#e9a23b",
    "work": "#6a5acd",
    "interaction": "#9a9a9a",
}


def character_colours(characters: list[dict]) -> dict[str, str]:
    """Character id -> colour, by rank of mention count (ties: first mentioned first)."""
    ranked = sorted(characters, key=lambda c: -c["mention_count"])
    return {character["id"]: colour_of_rank(rank) for rank, character in enumerate(ranked)}


def colour_of_rank(rank: int) -> str:
    if rank < len(CHARACTER_COLOURS):
        return CHARACTER_COLOURS[rank]
    hue = (rank * GOLDEN_ANGLE) % 1.0
    red, green, blue = colorsys.hls_to_rgb(hue, 0.42, 0.55)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
