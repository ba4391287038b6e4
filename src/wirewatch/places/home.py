"""The document's home division: the first-level division that holds most of the places a document
resolves (a local paper's state). A small town that the document names without any container, and that
has no namesake in the home division, is then far likelier a place of the home division that the
gazetteer lacks (a New England town, a township, a hamlet) than a namesake town in another state of the
same country; it is read as lying somewhere in the home division, with a low confidence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from wirewatch.places.gazetteer import Gazetteer, Place
from wirewatch.places.recognize import STRONG_PRIOR

if TYPE_CHECKING:
    from wirewatch.places.resolve import _Context, _Name

HOME_SHARE = 0.6  # share of the other names' weight that the home division must hold ...
HOME_MIN_NAMES = 3  # ... over at least this many other names
FAR_KM = 400.0  # the town must lie this far from every confidently read place
HOME_CONFIDENCE = 0.3


def home_division(gaz: Gazetteer, context: "_Context", k: str) -> Place | None:
    """The division holding at least HOME_SHARE of the weight of the names other than k, if any."""
    own = context.own.get(k, (None, None, 0.0))
    best: tuple[str, str] | None = None
    best_w, total = 0.0, 0.0
    for admin, w in context.admins.items():
        w -= own[2] if own[1] == admin else 0.0
        total += w
        if w > best_w:
            best, best_w = admin, w
    if best is None or total <= 1e-9 or best_w / total < HOME_SHARE:
        return None
    names = sum(1 for kk, (_, admin, _) in context.own.items() if admin == best and kk != k)
    return gaz.admin(*best) if names >= HOME_MIN_NAMES else None


def stray_town(gaz: Gazetteer, n: "_Name", context: "_Context") -> Place | None:
    """The home division, when name n was read, under the town's own name, as a small town of another
    division of the home country, far from the document's places, with no container and no candidate
    inside the home division."""
    if n.choice is None or n.container is not None or n.choice.alternate or n.choice.prior >= STRONG_PRIOR:
        return None
    p = gaz.place(n.choice.row)
    if p.feature != "city" or p.admin1 is None:
        return None
    home = home_division(gaz, context, n.key)
    if home is None or p.country != home.country or p.admin1 == home.name:
        return None
    if any(gaz.place(e.row).admin1 == home.name and gaz.place(e.row).country == home.country for e in n.entries):
        return None
    return home if context.nearest(n.key, p) > FAR_KM else None
