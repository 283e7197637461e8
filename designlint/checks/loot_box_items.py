"""Which item a paid random pick selects (loot-box, game code; used by checks/loot_box_games.py).

A shop button named for buying or unlocking (`BuyBlock()`, `BuyTrail()`, `func _on_buy_pressed()`) that takes the
price and then draws the index into a list of items (`notBought[Random.Range(0, notBought.Count)]`,
`locked_hats.pick_random()`, `items[math.random(#items)]`, `random.choice(unowned)`) sells an item the player does
not choose: a paid random reward whatever the item is called (a block skin, a trail, a tap effect). So does any
function that takes a price and draws from a list named for the items not owned yet (`lockedSkins`,
`notBoughtItems`). A draw from a list of places, colours or sounds (`spawnPoints[Random.Range(0, spawnPoints.Length)]`
after a revive's price) or of board cells and hints does not select what is bought.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from designlint.checks.loot_box import _words
from designlint.checks.util import ancestors, text

# The verb a shop button is named for (`BuyBlock`, `purchase_random_hat`, `UnlockTrail`, `OnBuyClicked`).
BUY_VERBS = frozenset({"buy", "purchase", "unlock"})
LEADING_WORDS = frozenset({"on", "try", "do", "handle"})
# Words of a button handler's name that do not name the item (`_on_buy_button_pressed`).
HANDLER_WORDS = frozenset({"random", "rand", "button", "btn", "pressed", "press", "clicked", "click", "tapped", "item",
                           "items", "one", "new", "now", "with", "coins", "coin", "gems", "gem", "gold"})
# A list named for the items the player does not own yet: `NotBuyedItems`, `lockedSkins`, `unowned`.
OWNED_WORDS = frozenset({"bought", "buyed", "owned", "unlocked", "purchased", "collected", "obtained"})
NOT_OWNED_WORDS = frozenset({"locked", "unowned", "unbought", "unpurchased", "uncollected", "unobtained", "missing"})
# Lists of board places and puzzle aids: a paid hint that reveals a random cell sells the hint, not a cell.
NOT_ITEM_POOL = frozenset({"hint", "hints", "tip", "tips", "tile", "tiles", "cell", "cells", "question", "questions",
                           "word", "words", "letter", "letters", "level", "levels", "lane", "lanes", "point", "points",
                           "target", "targets", "node", "nodes", "waypoint", "waypoints", "place", "places",
                           "location", "locations", "enemy", "enemies", "obstacle", "obstacles"})

# The size of a list in a random bound: `list.Count`, `arr.Length`, `arr.size()`, `len(xs)`, Lua `#xs`.
SIZE_OF = re.compile(r"(?:\blen\(\s*(?P<py>[A-Za-z_][\w.\[\]\"']*)\s*\)|#(?P<lua>[A-Za-z_][\w.\[\]\"']*)"
                     r"|(?P<dot>[A-Za-z_][\w.\[\]\"']*?)\.(?:Count|Length|length|size|Size|count|Num)\b)")
# Calls that pick an element of the list they are handed or called on.
PICK_FROM_ARG = frozenset({"choice", "choices", "sample"})
PICK_ON_RECEIVER = frozenset({"pick_random", "Random", "RandomElement", "RandomItem", "RandomOne", "PickOne", "TakeRandom"})
SUBSCRIPT_TYPES = ("element_access_expression", "subscript", "bracket_index_expression")
STATEMENT_HINT = ("statement", "declaration", "block", "body")


def _last(collection: str) -> str:
    parts = [p.strip("\"' ") for p in re.split(r"[.:\[\]]", collection) if p.strip("\"' ")]
    return parts[-1] if parts else ""


def picked_collection(node: Node, name: str, receiver: str, args: list[Node]) -> str | None:
    """The list a random call draws an element of, by its last name (`NotBuyedItems` for
    `Random.Range(0, tapEffectList.NotBuyedItems.Count)`), or None when the number is not an index."""
    if name in PICK_ON_RECEIVER and receiver:
        return _last(receiver)
    if name in PICK_FROM_ARG and args:
        return _last(text(args[0]))
    m = SIZE_OF.search(" ".join(text(a) for a in args))
    for a in ancestors(node):
        if m is not None:
            break
        if a.type in SUBSCRIPT_TYPES:
            holder = a.named_children[0] if a.named_children else None
            if holder is not None and not (holder.start_byte <= node.start_byte < holder.end_byte):
                return _last(text(holder))  # `items[Random.Range(0, n)]`
        elif a.type in ("binary_expression", "binary_operator"):
            m = SIZE_OF.search(text(a))  # GDScript `randi() % items.size()`
        elif any(h in a.type for h in STATEMENT_HINT):
            break
    if m is None:
        return None
    return _last(next(g for g in m.groups() if g))


def buyer_noun(name: str) -> str | None:
    """`BuyTapEffect` -> "tap effect", `_on_buy_button_pressed` -> "item"; None when the name is not a buy,
    purchase or unlock."""
    words = _words(name)
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    if not words or words[0] not in BUY_VERBS:
        return None
    noun = [w for w in words[1:] if w not in HANDLER_WORDS]
    return " ".join(noun[:3]) or "item"


def not_owned_pool(collection: str) -> bool:
    """`NotBuyedItems`, `lockedSkins`, `unowned_hats`: the items the player does not own yet."""
    words = set(_words(collection))
    return bool(words & NOT_OWNED_WORDS or "not" in words and words & OWNED_WORDS)


def item_pool(collection: str, cosmetic) -> bool:
    """A list of things handed out, not of places, colours, sounds (`cosmetic(name)`) or board cells and hints."""
    words = set(_words(collection))
    return bool(words) and not cosmetic(collection) and not words & NOT_ITEM_POOL


# Calls that take the drawn element out of its list (`NotBuyedItems.RemoveAt(i)`, `table.remove(locked, i)`).
REMOVE_CALLS = frozenset({"Remove", "RemoveAt", "remove", "remove_at", "erase", "pop", "pop_at", "discard"})


def removed_from(calls) -> set[str]:
    """The lists a unit takes an element out of, by their last name (`Call`s of checks/polyglot.py)."""
    out = set()
    for c in calls:
        if c.name in REMOVE_CALLS and c.receiver:
            target = c.receiver if c.receiver not in ("table", "self", "this") else text(c.arguments).strip("() ")
            out.add(_last(target.split(",")[0]))
    return out


def bought_item(unit_name: str, collections: list[str], cosmetic, removed: set[str], granted: bool) -> str | None:
    """The context of a paid unit whose random pick selects the item handed out: "random tap effect bought" for
    `BuyTapEffect()` drawing from `NotBuyedItems`, "random pick of lockedSkins" for any paid unit drawing from a list
    of items not owned yet; None when the pick selects something else. The drawn element must be handed out: the
    list holds the items not owned yet, the element is taken out of it (`NotBuyedItems.RemoveAt(i)`: never drawn
    twice), or the unit grants an item (`granted`); a buy-named unit that draws a respawn spot does none of these."""
    pools = [c for c in collections if item_pool(c, cosmetic)]
    owned = next((c for c in pools if not_owned_pool(c)), None)
    noun = buyer_noun(unit_name)
    verb = "unlock" if "unlock" in _words(unit_name) else "bought"
    if owned is not None:
        return f"random {noun} {verb}" if noun else f"random pick of {owned}"
    if noun is not None and pools and (granted or any(c in removed for c in pools)):
        return f"random {noun} {verb}"
    return None
