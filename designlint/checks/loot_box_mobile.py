"""Checks for the `loot-box` rule on mobile: Kotlin and Java (Android), Swift (iOS), Dart (Flutter).

The queries in rules/loot-box/mobile.yaml hand every function, method and closure that mentions
both a payment word and a random/loot word to `paid_random_function`, which decides, as the web
check does (designlint/checks/loot_box.py, whose vocabularies and message style are reused), whether
it is a loot box:

* a *payment*: a currency spent (`gems -= COST`, `coins = coins - price`, `copyWith(coins: p.coins -
  cost)`, `putInt("gems", gems - cost)`, `writeString("coins", (b - 10).toString())`, `spendGems(160)`,
  `wallet.spend(100)`, `removeCoins(price)`,
  `FieldValue.increment(-cost)` on a currency field), or a real-money purchase: Play Billing
  `launchBillingFlow` and its callbacks (`onPurchasesUpdated`, `PurchaseState.PURCHASED`,
  `consumeAsync`, `acknowledgePurchase`), RevenueCat `purchasePackage`/`purchaseWith`/`purchase`,
  StoreKit `product.purchase()`, `Transaction.updates`, `SKPaymentQueue.default().add(…)` and
  `paymentQueue(_:updatedTransactions:)` with `.purchased`, Flutter `in_app_purchase`
  `buyConsumable` and `purchaseStream` listeners with `PurchaseStatus.purchased`;
* a *random pick*: `Random.nextInt`, `random.nextInt` on a generator, `Math.random()`,
  `ThreadLocalRandom`, `list.random()`, `shuffled().first()`, `Int.random(in:)`,
  `randomElement()`, `arc4random_uniform`, GameplayKit sources, Dart `Random().nextInt` and
  `..shuffle()`, or a helper that rolls (`rollRarity()`, `weightedPick(pool)`), followed by name
  through the same file (past the first hop only helpers named for the job); a helper of another
  file or an injected service named for the pick (`gachaService.pullMultiGacha()`,
  `chestOpener.OpenChest()`); a server asked for it (`getHttpsCallable("pullGacha")`,
  `dio.post('/gacha/pull')`); or, after a spend, the screen that draws (`setClass(this,
  gacha1.class)`). Random numbers that feed positions, colours, delays, ids or message/quiz pools
  are ignored, and so are functions that build enemies, spawns or levels on a budget;
* *loot context* for in-game currencies (coins, gold, tokens, a price): chest, crate, pack, gacha,
  summon, rarity... in the unit or the helpers it calls, or the pick granted into an inventory.
  Premium currencies (gems, diamonds, crystals) and real-money purchases need none.

A unit is a named function or method with the closures inside it; a closure registered as a UI or
stream handler (`setOnClickListener { }`, `Button(action:)`, `onPressed: () {}`,
`purchaseStream.listen(…)`) is a unit of its own. A caller that only reaches a reported helper
is not reported again. Game loops, bets and paid upgrades/rerolls are left alone, and so is a switch of game effects
whose spend and roll are separate arms (`case .loseGold` next to `case .gainGold`, `case .removeCard: Int.random`).
A gacha sold by the pull and by the ten in two methods of one class is reported at the first (`later_batch_of`,
shared with the games check).
A slot machine or lottery that pays back into the balance it took the stake from and hands out no item
(`coins -= 10` … `coins += 50`) is a bet, not a loot box. A Flutter shop widget that charges and runs its
`widget.onPurchase` callback is judged by the callbacks its creators pass (`callback_pick`). Korean, Chinese and
Japanese gacha words (뽑기, 抽卡, ガチャ...) in names or strings count as loot context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.loot_box import (
    BET_WORDS,
    BUY_PROMPT,
    CHANGE_VERB,
    CURRENCY_WORDS,
    GAME_LOOP_NAME,
    GRANT_TARGET,
    LOOT_NAME,
    MESSAGE_POOL,
    NOT_CURRENCY_WORDS,
    NOT_LOOT_UNIT,
    NOT_RANDOM_NAME,
    NOT_SPEND_WORDS,
    PRICE_WORDS,
    RANDOM_NAME,
    SHORTAGE_TEXT,
    SPEND_VERB_STRONG,
    SPEND_VERB_WITH_CURRENCY,
    STRONG_LOOT,
    VISUAL_FN,
    VISUAL_KEY,
    WEAK_LOOT,
    _describe,
    _id_like,
    _is_currency,
    _premium_spend,
    _short,
    _words,
    loot_context_of,
)
from designlint.checks.polyglot import Call, argument_nodes, as_call, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk

# ---------------------------------------------------------------------------------------------
# vocabularies (mobile APIs)

# Calls that take a real-money payment.
PURCHASE_CALL = re.compile(
    r"^(launchBillingFlow|purchasePackage|purchasePackageWith|purchaseWith|purchaseStoreProduct|purchaseProductWith"
    r"|awaitPurchase|buyConsumable|buyNonConsumable|requestPurchase|requestSubscription)$"
)
# `purchase()` / `purchaseProduct()` count only on a store product or the RevenueCat singleton.
PURCHASE_RECEIVER = re.compile(r"(?i)(^|\.)(\w*product|purchases(\.shared(instance)?)?|storekit\w*)$")
# Identifiers that mark a post-purchase callback (Play Billing, StoreKit, in_app_purchase).
PURCHASE_IDENTIFIERS = frozenset(
    {"onPurchasesUpdated", "consumeAsync", "acknowledgePurchase", "onConsumeResponse", "onAcknowledgePurchaseResponse",
     "completePurchase", "finishTransaction", "updatedTransactions", "onPurchaseSuccess", "onPurchaseCompleted"}
)
# (type, state) identifier pairs: `Purchase.PurchaseState.PURCHASED`, `PurchaseStatus.purchased`,
# `transaction.transactionState` ... `case .purchased`, `Transaction.updates`.
PURCHASE_PAIRS = (("PurchaseState", "PURCHASED"), ("PurchaseStatus", "purchased"), ("transactionState", "purchased"),
                  ("SKPaymentTransaction", "purchased"), ("Transaction", "updates"))

RANDOM_METHODS = frozenset({"nextInt", "nextDouble", "nextFloat", "nextLong", "nextBoolean", "nextGaussian", "nextUniform",
                            "ints", "doubles"})
RANDOM_RECEIVER = re.compile(r"(?i)(rand|rng|rnd|prng|GKRandom|GKARC4|GKMersenne|GKLinearCongruential|Distribution)")
RANDOM_FUNCTIONS = frozenset({"randomElement", "randomOrNull", "shuffled", "shuffle", "arc4random", "arc4random_uniform",
                              "drand48", "random"})
# Variables a cosmetic random number is stored in: `spawnX`, `offsetY`, `tint`, `wobble`.
VISUAL_TARGET = re.compile(r"([a-z_]X$|[a-z_]Y$|^[xyz]$|(?i:^(dx|dy|tint|hue|alpha|wobble|jitter)$|color$|colour$|delay$|duration$|angle$|offset$|uuid$))")
# `private val rng = Random(seed)`, `Random random = new Random();`, `let source = GKRandomSource.sharedRandom()`,
# `final _rand = Random.secure();`: a generator stored under a name that does not say so.
GENERATOR_DECLARATION = re.compile(
    r"\b([A-Za-z_]\w*)\s*(?::\s*[\w.<>?]+\s*)?=\s*(?:new\s+)?(?:java\.util\.|kotlin\.random\.)?"
    r"(?:Random|SecureRandom|GKRandomSource|GK\w*RandomSource|GK\w*Distribution|Random\.secure|ThreadLocalRandom\.current)\b")
QUIZ_POOL = re.compile(r"(?i)(question|answer|quiz|option|choice|song|track|playlist|queue|deck|tile|board|letter|word)s?\b")
# Where a new piece lands, not what it is: a shuffle or random pick over the free squares of a board
# (`emptySlots.shuffle()`, `cells[rng.nextInt(cells.length)]`, `final spot = ...`) places an item a
# purchase already decided; it is not the reward pick.
PLACEMENT_POOL = re.compile(r"(?i)(cell|slot|spot|position|coord|coordinate|location|empt(y|ie)|vacanc(y|ie)|free_?space|square)s?(?![a-z])")
# A pick made by a helper of another file or an injected service, named for it: `gachaService.pullMultiGacha()`,
# `chestOpener.OpenChest()`, `repo.summonHero()`; screens, dialogs and animations that show a result are not one.
LOOT_ACTION_CALL = re.compile(
    r"(?i)^(pull|draw|roll|summon|spin|open|hatch|unbox|crack|perform|do|execute|run|wish)\w*?"
    r"(gacha|summon|chest|crate|lootbox|box|pack|booster|egg|capsule|banner|card|wheel|lottery)\w*$")
NOT_LOOT_ACTION = re.compile(
    r"(?i)(screen|page|view|dialog|sheet|modal|menu|activity|fragment|details?|info|rates?|odds|history|log|shop|store"
    r"|anim\w*|sound|effect|count|cost|price)$")
# A server asked for the pick: `getHttpsCallable("pullGacha")`, `dio.post('/gacha/pull')`, `supabase.rpc('open_chest')`.
REMOTE_CALL = re.compile(r"^(getHttpsCallable|httpsCallable|callable|post|put|patch|request|invoke|rpc|callFunction|fetch)$")
REMOTE_LOOT_PATH = re.compile(
    r"(?i)(gacha|summon|loot[_-]?box|mystery[_-]?box|blind[_-]?box|chest|crate|capsule|hatch|open[_-]?pack|card[_-]?pack|booster"
    r"|(^|[/_-])(pull|draw|roll|spin)([/_-]|$)|(pull|draw|roll)[A-Z])")
NOT_REMOTE_PATH = re.compile(r"(?i)(history|logs?|records?|rates|odds|stats?|list)([/?_-]|$)"
                             # buying a ticket, key or currency at a fixed price (`rpc('purchase_gacha_ticket')`) picks nothing
                             r"|(buy|purchase)[\w/-]*?(ticket|key|coin|gem|point|currenc(y|ies)|pass)e?s?$")
# Screens a paid handler moves to, where the pick is made: `intent.setClass(this, gacha1.class)`,
# `Intent(this, ChestOpeningActivity::class.java)`, `Navigator.push(… GachaResultScreen())`, `performSegue("toGacha")`.
NAVIGATION_CALL = re.compile(r"^(setClass|Intent|navigate|navigateTo|push|pushNamed|pushReplacement|pushReplacementNamed"
                             r"|go|goNamed|performSegue|present|instantiateViewController)$")
# Functions that build enemies, spawns or levels: they roll and "spend" a budget, and sell nothing.
GENERATOR_UNIT = re.compile(r"(?i)(enemy|enemies|opponent|spawn|obstacle|particle|confetti|weather|terrain|maze|dungeon|level(?!up))")
# Calls and named arguments whose closure is a UI or stream handler of its own.
HANDLER_CALL = re.compile(
    r"^(setOn\w*Listener|addOn\w*Listener|setPositiveButton|setNegativeButton|setNeutralButton|addTarget|listen|subscribe"
    r"|observe|collect|sink|onReceive|onTapGesture|onClick|clickable|Button|IconButton|TextButton|ElevatedButton"
    r"|OutlinedButton|FilledButton|FloatingActionButton|GestureDetector|InkWell|CupertinoButton|MaterialButton)$"
)
HANDLER_LABEL = re.compile(r"^(on[A-Z]\w*|action)$")
# Closures handed to these stay part of their function: the purchase flow and its callbacks.
PURCHASE_FLOW_CALL = re.compile(r"(?i)(purchase|billing|consume|acknowledge|transaction)")

# Gacha words of other languages, in identifiers or strings (Kotlin, Java, Swift and Dart allow non-ASCII names): Korean
# 뽑기 (draw, also romanized ppobgi), Chinese 抽卡/抽奖/扭蛋/盲盒, Japanese ガチャ/ガシャ. Words that are also everyday
# words (caixa, cofre, sobre, kotak: box, safe, envelope) are left out: they name far more than loot.
NON_ENGLISH_LOOT = re.compile(r"(뽑기|抽卡|抽奖|抽獎|扭蛋|盲盒|ガチャ|ガシャ|(?i:p+obgi|bbobgi))")
# Counters of free pulls a field may hold: `copy(freePulls = freePulls - 1)` pays nothing.
FREE_ALLOWANCE = frozenset({"free", "daily", "bonus", "attempt", "attempts", "try", "tries", "trial", "trials", "cooldown"})

ASSIGNMENTS = frozenset({"assignment", "assignment_expression"})
SUBTRACTIONS = frozenset({"binary_expression", "additive_expression"})
# Swift parses `>=` and `<=` as a custom operator of an `infix_expression`.
COMPARISONS = frozenset({"comparison_expression", "relational_expression", "binary_expression", "infix_expression"})
CONDITIONS = frozenset({"if_expression", "if_statement", "guard_statement", "while_statement", "when_condition",
                        "conditional_expression", "ternary_expression", "comparison_expression", "relational_expression", "infix_expression",
                        "equality_expression", "string_literal", "line_string_literal", "multi_line_string_literal",
                        "string_template", "template_substitution", "interpolated_expression"})
STATEMENTS = frozenset({"expression_statement", "local_variable_declaration", "property_declaration", "statements",
                        "block", "return_statement", "jump_expression", "initialized_variable_definition"})
ARGUMENT_TYPES = frozenset({"value_argument", "argument", "named_argument", "argument_list", "arguments", "value_arguments"})
STRING_TYPES = frozenset({"string_literal", "line_string_literal", "multi_line_string_literal", "string_content",
                          "line_str_text", "string_fragment"})
IDENTIFIER_TYPES = frozenset({"identifier", "simple_identifier", "type_identifier"})
BOX_NOUNS = frozenset({"box", "boxes", "lootbox", "chest", "chests", "crate", "crates", "pack", "packs", "capsule",
                       "capsules", "egg", "eggs", "case", "cases"})


# ---------------------------------------------------------------------------------------------
# small helpers


def _name_of(expr: str) -> str:
    """The name an lvalue or operand stands for: `gems`, `state.gems` -> gems, `_gems.value!!` -> gems,
    `self.wallet.coins` -> coins."""
    parts = [p for p in re.findall(r"[A-Za-z_]\w*", expr) if p not in ("this", "self", "it", "value", "wrappedValue")]
    return parts[-1].lstrip("_") if parts else ""


def _operands(node: Node) -> tuple[str, str, str]:
    """(left text, operator, right text) of a binary, comparison or assignment node in any grammar
    (Dart puts a flat run of selectors before its operator)."""
    named = [c for c in node.children if c.is_named and "comment" not in c.type]
    op_node = next((c for c in node.children if c.type in ("additive_operator", "relational_operator", "equality_operator",
                                                           "assignment_operator", "custom_operator") or (not c.is_named and c.start_byte > node.start_byte
                                                           and text(c).strip() in ("-", "+", "<", "<=", ">", ">=", "=", "-=", "+="))), None)
    if op_node is None or not named:
        return "", "", ""
    whole = text(node)
    cut = op_node.start_byte - node.start_byte
    return whole[:cut].strip(), text(op_node).strip(), whole[op_node.end_byte - node.start_byte:].strip()


def _is_price(expr: str) -> bool:
    """`PULL_COST`, `box.price`, `chest.cost * 10`, `100`: the amount being paid."""
    if re.fullmatch(r"\s*\d+[LlFf]?\s*", expr):
        return True
    return any(w in PRICE_WORDS for w in _words(expr)) and not any(w in NOT_SPEND_WORDS for w in _words(expr))


def _negative(expr: str) -> bool:
    return bool(re.match(r"^\s*(\(\s*)?(-|\w+\(\s*-)", expr))


def _inside(node: Node, types: frozenset[str], stop: frozenset[str] = STATEMENTS) -> bool:
    for a in ancestors(node):
        if a.type in types:
            return True
        if a.type in stop or a.type in FUNCTION_TYPES:
            return False
    return False


def _handler_site(fn: Node) -> tuple[str, str] | None:
    """(label, call name) when a closure is registered as a UI or stream handler:
    `setOnClickListener { }`, `Button(action: { })`, `onPressed: () { }`, `purchaseStream.listen(…)`."""
    if function_name(fn) or _is_body_of_function(fn):
        return None
    label = ""
    node = fn
    for _ in range(6):
        node = node.parent
        if node is None:
            return None
        if node.type in ("value_argument", "named_argument") and not label:
            first = node.named_children[0] if node.named_child_count else None
            if first is not None and first is not fn and first.type in ("value_argument_label", "label", "identifier", "simple_identifier"):
                label = text(first).strip(": ")
        call = as_call(node) if node.type in ("call_expression", "method_invocation", "argument_part") else None
        if call is not None:
            if PURCHASE_FLOW_CALL.search(call.name) or not (HANDLER_LABEL.match(label) or HANDLER_CALL.match(call.name)):
                return None
            return label, call.name
    return None


# The arms of a switch: Swift, Kotlin `when`, Java, Dart, C#, Python `match`, GDScript `match`.
SWITCH_ARMS = frozenset({"switch_entry", "when_entry", "switch_block_statement_group", "switch_rule", "switch_statement_case",
                         "switch_expression_case", "switch_section", "switch_expression_arm", "case_clause", "pattern_section"})


def _in_other_arms(a: Node, b: Node) -> bool:
    """`a` and `b` in two different arms of the same switch."""
    for arm in (x for x in ancestors(a) if x.type in SWITCH_ARMS):
        switch = arm.parent
        if switch is None or not (switch.start_byte <= b.start_byte and b.end_byte <= switch.end_byte):
            continue
        return not (arm.start_byte <= b.start_byte and b.end_byte <= arm.end_byte)
    return False


def _effect_arm(spend: Node, picks: list[Node]) -> bool:
    """A spend in one arm of a switch whose sibling arm credits the same balance (`case .loseGold(let n): gold -= n`
    next to `case .gainGold(let n): gold += n`), with no pick in its own arm: an interpreter of game effects."""
    arm = next((x for x in ancestors(spend) if x.type in SWITCH_ARMS), None)
    if arm is None or arm.parent is None or any(arm.start_byte <= p.start_byte and p.end_byte <= arm.end_byte for p in picks):
        return False
    operand = spend.child_by_field_name("left") or (spend.named_children[0] if spend.named_children else None)
    balance = re.sub(r"\s+", "", text(operand)) if operand is not None else ""
    if not balance or not re.search(r"[A-Za-z]", balance):
        return False
    credit = re.compile(rf"{re.escape(balance)}(\+=|=[^;]*{re.escape(balance)}\+)")
    return any(credit.search(re.sub(r"[ \t]+", "", line)) for other in arm.parent.named_children
               if other.type in SWITCH_ARMS and other != arm for line in text(other).splitlines())


def _is_body_of_function(node: Node) -> bool:
    """A Kotlin/Swift `function_body` is part of its declaration (only Dart's stands alone, after
    its signature); polyglot.function_name would name it after the last parameter."""
    return node.type == "function_body" and node.parent is not None and node.parent.type in FUNCTION_TYPES


def _is_unit(fn: Node) -> bool:
    if _is_body_of_function(fn):
        return False
    return bool(function_name(fn)) or _handler_site(fn) is not None or not any(a.type in FUNCTION_TYPES for a in ancestors(fn))


def _unit_nodes(fn: Node) -> Iterator[Node]:
    """A unit's own nodes: its closures included, nested named functions and handlers left out."""
    stack = [fn]
    while stack:
        cur = stack.pop()
        if cur is not fn and cur.type in FUNCTION_TYPES and _is_unit(cur):
            continue
        yield cur
        stack.extend(reversed(cur.children))


def _target_name(node: Node) -> str:
    """The variable, property or named argument a value is stored in (`val x = …`, `spawnX: …`)."""
    for a in ancestors(node):
        if a.type in ("property_declaration", "variable_declarator", "initialized_variable_definition", "variable_declaration"):
            ident = next((c for c in walk(a) if c.type in IDENTIFIER_TYPES), None)
            return text(ident)
        if a.type in ASSIGNMENTS:
            return _name_of(_operands(a)[0])
        if a.type in ("value_argument", "named_argument"):
            first = a.named_children[0] if a.named_child_count else None
            if first is not None and first.type in ("value_argument_label", "label") or (
                    first is not None and a.named_child_count > 1 and first.type in IDENTIFIER_TYPES):
                return text(first).strip(": ")
        if a.type in STATEMENTS or a.type in FUNCTION_TYPES:
            return ""
    return ""


def _rolled_number(name: str) -> bool:
    """`randomNumber`, `randNum`, `rollNo`: the drawn number itself, not an id such as `orderNumber`."""
    words = _words(name)
    return len(words) == 2 and words[0] in ("random", "rand", "rnd", "roll", "rolled") and words[1] in ("number", "num", "no")


def _cosmetic(call: Call) -> bool:
    """A random value that only feeds a position, colour, delay, id, string, or a message/quiz pool."""
    if MESSAGE_POOL.search(_name_of(call.receiver) or "-") or QUIZ_POOL.search(call.receiver or "-") or PLACEMENT_POOL.search(_name_of(call.receiver) or "-"):
        return True
    arguments = " ".join(text(a) for a in argument_nodes(call))
    if call.name in ("shuffle", "shuffled") and (QUIZ_POOL.search(arguments) or PLACEMENT_POOL.search(arguments)):
        return True
    if re.fullmatch(r"\s*([\w.]+)\.(length|size|count)\s*", arguments) and PLACEMENT_POOL.search(_name_of(arguments.strip().rsplit(".", 1)[0])):
        return True  # `cells[rng.nextInt(cells.length)]`: an index into the free squares
    target = _target_name(call.node)
    if target and (VISUAL_KEY.match(target) or _id_like(target) and not _rolled_number(target) or VISUAL_TARGET.search(target) or VISUAL_FN.search(target)):
        return True
    if _inside(call.node, frozenset({"line_string_literal", "string_literal", "multi_line_string_literal", "template_substitution"})):
        return True
    for a in ancestors(call.node):
        outer = as_call(a) if a.type in ("call_expression", "method_invocation", "argument_part") else None
        if outer is not None and outer.node is not call.node and re.search(
                r"(?i)(delay|sleep|animate|postDelayed|duration|color|colour|point|offset|position|translat|rotat|scale|uuid)", outer.name):
            return True
        if a.type in STATEMENTS or a.type in FUNCTION_TYPES:
            break
    return False


def _string_values(call: Call) -> list[str]:
    return [m for a in argument_nodes(call) for m in re.findall(r"^[\"']([^\"'$]+)[\"']$", text(a).strip())]


def _remote_pick(call: Call) -> str | None:
    """A server asked for a loot result by name or path: `getHttpsCallable("pullGacha")`, `dio.post('/gacha/pull')`."""
    if not REMOTE_CALL.match(call.name):
        return None
    path = next((v for v in _string_values(call) if REMOTE_LOOT_PATH.search(v) and not NOT_REMOTE_PATH.search(v)), None)
    return f"{call.name}(\"{_short(path, 30)}\")" if path else None


def _loot_screen(call: Call) -> str | None:
    """The loot screen a handler moves to: `setClass(this, gacha1.class)`, `Intent(this, ChestActivity::class.java)`,
    `pushNamed('/gacha')`; for intents only the destination (last argument) counts, never `Summon.this`."""
    if not NAVIGATION_CALL.match(call.name):
        return None
    args = argument_nodes(call)
    targets = args[-1:] if call.name in ("setClass", "Intent") else args
    for a in targets:
        names = re.findall(r"[A-Za-z_]\w*", re.sub(r"\w+\.this\b|\bthis@\w+", "", text(a)))  # not the current screen
        hit = next((n for n in names if LOOT_NAME.search(n) and not re.search(r"(?i)(history|rates?|odds|logs?|shop|store)", n)), None)
        if hit:
            return f"{call.name}(… {hit} …)"
    return None


def _random_call(call: Call, generators: frozenset[str]) -> str | None:
    """`Random.nextInt(100)`, `rewards.random()`, `Int.random(in:)`, `rollRarity()`; None for
    anything else or for a cosmetic random."""
    name, receiver = call.name, re.sub(r"\s+", "", call.receiver)
    found = None
    if name in RANDOM_METHODS and (RANDOM_RECEIVER.search(receiver) or _name_of(receiver) in generators):
        found = f"{_short(receiver, 32)}.{name}()"
    elif name == "random" and receiver:
        found = f"{_short(receiver, 24)}.random()"
    elif name in RANDOM_FUNCTIONS and name != "random":
        found = f"{_short(receiver, 24) + '.' if receiver else ''}{name}()"
    elif name == "GKRandomDistribution" or name == "GKShuffledDistribution":
        found = f"{name}()"
    elif RANDOM_NAME.match(name) and not NOT_RANDOM_NAME.search(name) and name not in ("Random", "random"):
        if name in ("chance", "sample", "pick", "pickOne") and not argument_nodes(call) and not receiver:
            return None
        found = f"{name}()"
    if found is None or _cosmetic(call):
        return None
    return found


def _spend_call(call: Call) -> tuple[str, bool] | None:
    """(evidence, strong) when a call spends currency: `spendGems(10)`, `wallet.spend(100)`,
    `removeCoins(price)`, `addGold(-cost)`, `FieldValue.increment(-price)` on `"gems"`; a weak
    `canAfford(cost)` / `hasEnoughGems(…)` check."""
    words = _words(call.name)
    if not words:
        return None
    verb, rest = {"spent": "spend"}.get(words[0], words[0]), words[1:]  # `companion.spent("keys", 1)`
    receiver_words = _words(_name_of(call.receiver))
    args = argument_nodes(call)
    arg_text = " ".join(text(a) for a in args)
    currency_rest = _currency_object(rest) and not any(w in NOT_CURRENCY_WORDS or w in NOT_SPEND_WORDS for w in rest)
    currency_receiver = _is_currency(_name_of(call.receiver)) or bool(
        set(receiver_words) & {"wallet", "bank", "currency", "economy", "purse"})
    if any(w in NOT_SPEND_WORDS for w in rest + receiver_words):
        return None
    if verb in SPEND_VERB_STRONG and args:
        if verb in ("pay", "charge") and not (currency_rest or currency_receiver):
            return None
        return (f"{call.name}()" if not call.receiver else f"{_short(call.receiver, 24)}.{call.name}()", True)
    if verb in SPEND_VERB_WITH_CURRENCY and (currency_rest or (currency_receiver and not rest)) and args:
        return (f"{call.name}()" if not call.receiver else f"{_short(call.receiver, 24)}.{call.name}()", True)
    if verb in CHANGE_VERB and currency_rest and any(_negative(text(a)) for a in args):
        return (f"{call.name}(-…)", True)
    if verb in CHANGE_VERB and len(args) >= 2:
        keys = [k for a in args for k in re.findall(r"^[\"']([A-Za-z_]\w*)[\"']$", text(a).strip())]
        if keys and _is_currency(keys[0], strict=True) and any(_subtracts(a) for a in args):
            return (f"{call.name}(\"{keys[0]}\", … - …)", True)
    if call.name == "increment" and args and _negative(text(args[-1])):
        around = call.node.parent
        for _ in range(4):
            if around is None or around.parent is None or around.type in STATEMENTS:
                break
            around = around.parent
        keys = re.findall(r"[\"']([A-Za-z_]\w*)[\"']", text(around))
        if any(_is_currency(k) for k in keys):
            return (f"increment(-…) on \"{next(k for k in keys if _is_currency(k))}\"", True)
    if verb in ("can", "has", "have", "is", "check", "ensure", "require") and ("afford" in rest or (
            "enough" in rest or "sufficient" in rest) and (currency_rest or _is_price(arg_text))):
        return (f"{call.name}()", False)
    return None


# Words that may follow the currency a call spends: `spendGemsAsync`, `useTicketsIfAny`, `deductCoinsFromUser`
# (after a preposition anything goes: `spendCoinsForChest`).
SPEND_TAIL = frozenset({"user", "users", "player", "account", "wallet", "balance", "amount", "async", "if", "any",
                        "safely", "locally", "local", "remote", "now", "db", "firestore", "server", "transaction", "tx"})
PREPOSITIONS = frozenset({"from", "for", "of", "to", "on", "in", "with", "by", "at"})


def _currency_object(rest: list[str]) -> bool:
    """The call's object is a currency (`spendGems`, `removeCoinsFromUser`), not a thing named after
    one (`useGemMagnet`, `removeGoldFrame`)."""
    first = next((i for i, w in enumerate(rest) if w in CURRENCY_WORDS), None)
    if first is None:
        return False
    for w in rest[first + 1:]:
        if w in PREPOSITIONS:
            return True
        if w not in SPEND_TAIL:
            return False
    return True


def _subtracts(arg: Node) -> bool:
    """`coins - CHEST_PRICE`, `(buffer.toInt() - 10).toString()`: a value computed by subtraction."""
    return any(n.type in SUBTRACTIONS and _operands(n)[1] == "-" for n in walk(arg))


def _spend_node(node: Node) -> tuple[str, str] | None:
    """(kind, evidence) for an assignment, subtraction or comparison that pays: kind is `spend`
    (a currency), `soft` (an unknown balance paid at a price) or `weak` (a balance check)."""
    left, op, right = _operands(node)
    if not op:
        return None
    lname = _name_of(left)
    if node.type in ASSIGNMENTS:
        if op == "-=" and _is_currency(lname, strict=True):
            return ("spend", f"{_short(left, 24)} -= {_short(right, 20)}")
        if op == "-=" and _is_price(right) and lname and not any(w in NOT_SPEND_WORDS | NOT_CURRENCY_WORDS for w in _words(lname)) and (
                not re.fullmatch(r"\s*\d+[LlFf]?\s*", right) or any(w in CURRENCY_WORDS | {"key", "keys"} for w in _words(lname))):
            # a bare number off an unknown name is index arithmetic (`result -= 9`), not a price paid
            return ("soft", f"{_short(left, 24)} -= {_short(right, 20)}")
        if op == "=" and re.match(r"^\(?\s*" + re.escape(left.rstrip("!?")) + r"[!?]*\s*-(?!=)", right) and _is_currency(lname, strict=True):
            return ("spend", f"{_short(left, 24)} = {_short(right, 30)}")
        if op == "+=" and _negative(right) and _is_currency(lname, strict=True):
            return ("spend", f"{_short(left, 24)} += {_short(right, 20)}")
        return None
    if op == "-" and _is_currency(lname) and not re.match(r"^\d", left) and not _inside(node, CONDITIONS) and not _is_currency(
            _name_of(right)):
        paid = _inside(node, ARGUMENT_TYPES) or _is_currency(_target_name(node))
        if paid and _is_currency(lname, strict=True):
            # `copy(gems = s.gems - cost)`, `coins.accept(coins.value - 10)`, `final newGems = state.gems - cost`
            return ("spend", _short(f"{left} - {right}", 36))
        if paid and _is_price(right):
            # points: `user.copy(gachaPoints = user.gachaPoints - cost)` counts only with loot context
            return ("soft", _short(f"{left} - {right}", 36))
    if op == "-" and lname and _target_name(node).lower() == lname.lower() and _is_price(right) and not _inside(node, CONDITIONS) and any(
            w in CURRENCY_WORDS for w in _words(lname)) and not any(w in NOT_SPEND_WORDS | NOT_CURRENCY_WORDS | FREE_ALLOWANCE for w in _words(lname)):
        # a currency field rewritten as itself minus a price, even under a lone name `_is_currency` doubts:
        # `User(credit: user.credit - cost)`, `copy(tickets = tickets - 1)`; not `copyWith(fullness: pet.fullness - 2)`
        return ("soft", _short(f"{left} - {right}", 36))
    if op in ("<", "<=", ">", ">=") and node.type in COMPARISONS:
        pair = (lname, right) if _is_currency(lname, strict=True) else (_name_of(right), left)
        if _is_currency(pair[0], strict=True) and _is_price(pair[1]):
            return ("weak", _short(f"{left} {op} {right}", 36))
    return None


# Tallies a game adds negative amounts to that are not a balance paid from: `addScore(-5)`, `addLevel(-1)`.
TALLY_WORDS = frozenset("""score level lvl xp exp hp health damage speed distance step steps count index offset progress streak
    position pos size width height volume""".split())


# Verbs of a generic helper that takes an amount off a balance of the game's own name: `player.subtractResource(300)`.
OWN_BALANCE_TAKE = frozenset({"subtract", "remove", "deduct", "reduce", "decrease", "take", "lose", "use", "consume"})


def _own_currency_spend(call: Call, fn: Node) -> str | None:
    """`Stats.addDabloons(-300)` after `if (Stats.getDabloons() >= 300)`, `player.subtractResource(300)` after
    `if (player.getResourceAmount() >= 300)`: an amount taken through a generic helper off a balance of the game's own
    name, which the same function checks first (so not damage or a score penalty)."""
    words = _words(call.name)
    args = argument_nodes(call)
    if len(words) != 2 or not args:
        return None
    taken = words[0] in OWN_BALANCE_TAKE
    if not taken and (words[0] not in ("add", "change", "update", "modify", "adjust", "increment", "inc") or not any(
            _negative(text(a)) for a in args)):
        return None
    noun = words[1]
    if noun in NOT_CURRENCY_WORDS or noun in NOT_SPEND_WORDS or noun in TALLY_WORDS or len(noun) < 3:
        return None
    compared = re.compile(rf"(?i)(?<![\w.])(\w+\.)*(get_?|_)?{re.escape(noun)}(s|_?amount|_?count|_?balance|_?total)?\b"
                          rf"\s*(\(\s*\))?\s*(>=?|<=?)\s*[\w.(]")
    if not compared.search(text(fn)):
        return None
    return f"{_short(call.receiver, 24) + '.' if call.receiver else ''}{call.name}({'…' if taken else '-…'})"


def _nearest_spend_first(u: _Unit) -> list[str]:
    """The unit's picks, the one nearest a spend first: in a long command loop that pays for `Gacha.roll()` next to
    a task's `getReward()`, the paid pick is the one beside the payment."""
    if not u.spent_at or len(u.picked_at) != len(u.random) or len(u.random) < 2:
        return list(u.random)
    spends = [n.start_byte for n in u.spent_at]
    order = sorted(range(len(u.random)), key=lambda i: min(abs(u.picked_at[i].start_byte - b) for b in spends))
    return [u.random[i] for i in order]


def _credit_node(node: Node) -> str:
    """The currency an assignment pays into: `coins += 50`, `coins = coins + win`, `copy(coins = s.coins + prize)`
    (not a negative amount, which spends); "" for anything else."""
    left, op, right = _operands(node)
    lname = _name_of(left)
    if node.type in ASSIGNMENTS:
        if op == "+=" and not _negative(right) and _is_currency(lname, strict=True):
            return lname.lower()
        if op == "=" and re.match(r"^\(?\s*" + re.escape(left.rstrip("!?")) + r"[!?]*\s*\+", right) and _is_currency(lname, strict=True):
            return lname.lower()
        return ""
    if op == "+" and _is_currency(lname, strict=True) and _target_name(node).lower() == lname.lower() and _inside(node, ARGUMENT_TYPES):
        return lname.lower()
    return ""


def _credit_call(call: Call) -> str:
    """The currency a call pays into: `addCoins(50)`, `wallet.addGold(prize)`; "" when it spends (`addCoins(-cost)`)."""
    words = _words(call.name)
    if len(words) < 2 or words[0] not in ("add", "give", "grant", "award", "deposit", "increase", "increment", "earn"):
        return ""
    if not _currency_object(words[1:]) or any(_negative(text(a)) for a in argument_nodes(call)):
        return ""
    return next(w for w in words[1:] if w in CURRENCY_WORDS)


# Flutter callbacks a widget runs for its user: `widget.onPurchase?.call()`, `widget.onBuy!()`, `onConfirm?.call()`.
CALLBACK_NAME = re.compile(r"^on[A-Z]\w*$")


def _widget_callback(call: Call) -> str:
    receiver = re.sub(r"[\s!?]", "", call.receiver)
    if call.name == "call":
        name = re.sub(r"^(widget|this)\.", "", receiver)
        return name if CALLBACK_NAME.match(name) else ""
    return call.name if CALLBACK_NAME.match(call.name) and receiver in ("widget", "this") else ""


def _widget_class(node: Node) -> str:
    """The widget whose constructor takes the callbacks: `W` for a `State<W>`, else the enclosing class."""
    for a in ancestors(node):
        if a.type in CLASS_TYPES:
            head = text(a)[:400].split("{")[0]
            state = re.search(r"\bextends\s+State<\s*(\w+)\s*>", head)
            if state:
                return state.group(1)
            named = a.child_by_field_name("name")
            return text(named) if named is not None and re.search(r"\bextends\s+\w*Widget\b", head) else ""
    return ""


def _named_arguments(call: Call) -> Iterator[tuple[str, Node]]:
    """(label, value) of the named arguments of a Dart call: `onPurchase: () async {…}` -> ("onPurchase", closure)."""
    for a in argument_nodes(call):
        if a.type == "named_argument" and a.named_child_count >= 2:
            yield text(a.named_children[0]).strip(": "), a.named_children[-1]


# ---------------------------------------------------------------------------------------------
# per-unit evidence


@dataclass
class _Unit:
    node: Node
    name: str
    spend: list[str] = field(default_factory=list)
    soft_spend: list[str] = field(default_factory=list)
    weak_spend: list[str] = field(default_factory=list)
    purchase: list[str] = field(default_factory=list)
    random: list[str] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    grant: bool = False
    prompt: str | None = None
    screens: list[str] = field(default_factory=list)
    foreign: list[tuple[str, str]] = field(default_factory=list)  # (name, receiver) of calls not defined in this file
    # where the unit's own spends and picks are, and its calls by name: a spend and a pick in two arms of one
    # `switch` are two different effects, not one paid pick
    spent_at: list[Node] = field(default_factory=list)
    gated_at: list[Node] = field(default_factory=list)  # balance checks (`coins < cost`, `canAfford(…)`)
    picked_at: list[Node] = field(default_factory=list)
    call_at: dict[str, list[Node]] = field(default_factory=dict)
    # balances the unit takes from and pays back into (`coins -= 10` … `coins += 50`): a stake paid back is a lottery
    spent_from: set[str] = field(default_factory=set)
    credited: set[str] = field(default_factory=set)
    callbacks: list[str] = field(default_factory=list)  # Flutter: `widget.onPurchase?.call()`, the widget's own callback run
    consumed: list[tuple[str, str]] = field(default_factory=list)  # (evidence, stock pattern): `box = box - 1`, `megaChests--`


class _File:
    """Every unit of one file, built lazily, with verdicts cached."""

    def __init__(self, root: Node, data: bytes, path: str = "", project: _Project | None = None):
        self.root = root
        self.path = path
        self.project = project
        self.generators = frozenset(m.group(1).lstrip("_") for m in GENERATOR_DECLARATION.finditer(data.decode("utf-8", "replace")))
        self.defs: dict[str, list[Node]] = {}
        for node in walk(root):
            if node.type in FUNCTION_TYPES and not _is_body_of_function(node):
                name = function_name(node)
                if name:
                    self.defs.setdefault(name, []).append(node)
        self._units: dict[int, _Unit] = {}
        self._verdicts: dict[int, tuple | None] = {}

    def functions(self) -> Iterator[Node]:
        """The named units of the file, in the order of the text."""
        return iter(sorted((fn for fns in self.defs.values() for fn in fns), key=lambda fn: fn.start_byte))

    def unit_at(self, line: int) -> _Unit | None:
        """The innermost unit (function, method, handler closure) holding a 1-based line."""
        best = None
        for node in walk(self.root):
            if node.type in FUNCTION_TYPES and node.start_point[0] + 1 <= line <= node.end_point[0] + 1 and _is_unit(node):
                if best is None or node.end_byte - node.start_byte < best.end_byte - best.start_byte:
                    best = node
        return self.unit(best) if best is not None else None

    def unit(self, fn: Node) -> _Unit:
        u = self._units.get(fn.id)
        if u is None:
            u = self._units[fn.id] = self._build(fn)
        return u

    def _build(self, fn: Node) -> _Unit:
        u = _Unit(fn, function_name(fn))
        idents: set[str] = set()
        strings: list[str] = []
        for node in _unit_nodes(fn):
            kind = node.type
            if kind in IDENTIFIER_TYPES:
                idents.add(text(node))
            elif kind in STRING_TYPES and node.named_child_count == 0:
                strings.append(text(node))
            elif kind in ASSIGNMENTS or kind in SUBTRACTIONS or kind in COMPARISONS:
                found = _spend_node(node)
                if found is not None:
                    {"spend": u.spend, "soft": u.soft_spend, "weak": u.weak_spend}[found[0]].append(found[1])
                    if found[0] == "weak":
                        u.gated_at.append(node)
                    else:
                        u.spent_at.append(node)
                        u.spent_from.add(_name_of(_operands(node)[0]).lower())
                else:
                    credited = _credit_node(node)
                    if credited:
                        u.credited.add(credited)
            if kind in STOCK_USE_TYPES and (used := _box_stock_use(node)) is not None:
                u.consumed.append(used)
            call = as_call(node) if kind in ("call_expression", "method_invocation", "argument_part", "object_creation_expression") else None
            if call is None or not call.name:
                continue
            u.calls.append(call.name)
            if call.name not in self.defs:
                u.foreign.append((call.name, re.sub(r"\s+", "", call.receiver)))
            u.call_at.setdefault(call.name, []).append(call.node)
            callback = _widget_callback(call)
            if callback:
                u.callbacks.append(callback)
            spent = _spend_call(call)
            if spent is not None:
                (u.spend if spent[1] else u.weak_spend).append(spent[0])
                if not spent[1]:
                    u.gated_at.append(call.node)
                if spent[1]:
                    u.spent_at.append(call.node)
                    u.spent_from.update(w for w in _words(call.name) if w in CURRENCY_WORDS)
            elif _credit_call(call):
                u.credited.add(_credit_call(call))
            elif (own := _own_currency_spend(call, fn)) is not None:
                u.soft_spend.append(own)
                u.spent_at.append(call.node)
            if PURCHASE_CALL.match(call.name) or (call.name in ("purchase", "purchaseProduct") and PURCHASE_RECEIVER.search(
                    re.sub(r"\s+", "", call.receiver))) or (call.name == "add" and "SKPaymentQueue" in call.receiver):
                u.purchase.append(f"{_short(call.receiver, 24) + '.' if call.receiver else ''}{call.name}()")
            picked = _random_call(call, self.generators) or self._elsewhere_pick(call, fn) or _remote_pick(call)
            if picked is not None:
                u.random.append(picked)
                u.picked_at.append(call.node)
            screen = _loot_screen(call)
            if screen is not None:
                u.screens.append(screen)
            if GRANT_TARGET.search(_name_of(call.receiver) or "-") and call.name in ("add", "append", "insert", "put", "addAll", "plusAssign") or (
                    re.match(r"(?i)^(add|give|grant|award|unlock|collect|obtain|receive)\w*$", call.name) and GRANT_TARGET.search(call.name)):
                u.grant = True
        marker = next((i for i in sorted(idents & PURCHASE_IDENTIFIERS)), None) or next(
            (f"{a}.{b}" for a, b in PURCHASE_PAIRS if a in idents and b in idents), None)
        if marker is None and u.name in PURCHASE_IDENTIFIERS:
            marker = u.name
        if marker is not None:
            u.purchase.append(f"{marker} callback")
        for name in idents | {u.name} | set(u.calls):
            u.words.update(w for w in _words(name) if w in STRONG_LOOT or w in WEAK_LOOT or w in BET_WORDS)
        if any(NON_ENGLISH_LOOT.search(x) for x in (*idents, *strings)):
            u.words.add("gacha")  # `fun 뽑기()`, `Log.d("抽卡", …)`, `PpobgiViewModel`
        for s in strings:
            u.words.update(w for w in _words(s) if w in STRONG_LOOT or w in WEAK_LOOT or w in BET_WORDS)
            if SHORTAGE_TEXT.search(s) and BUY_PROMPT.search(s):
                u.prompt = _short(s, 60)
        return u

    def _elsewhere_pick(self, call: Call, unit: Node) -> str | None:
        """`gachaService.pullMultiGacha()`, `chestOpener.OpenChest()`: a helper of another file or class
        named for the pick (helpers of this file are followed instead; a same-named call on another
        object from inside `OpenChest()` itself is not one of them)."""
        if not LOOT_ACTION_CALL.match(call.name) or NOT_LOOT_ACTION.search(call.name):
            return None
        if any(d.id != unit.id for d in self.defs.get(call.name, [])):
            return None
        return f"{_short(call.receiver, 24) + '.' if call.receiver else ''}{call.name}()"

    # ---- following helpers by name ------------------------------------------------------------
    def callees(self, u: _Unit) -> Iterator[_Unit]:
        for name in dict.fromkeys(u.calls):
            for fn in self.defs.get(name, [])[:3]:
                if fn.start_byte <= u.node.start_byte and u.node.end_byte <= fn.end_byte:
                    continue  # recursion or the enclosing definition
                yield self.unit(fn)

    def reach(self, u: _Unit, depth: int, seen: set[int]) -> tuple[list[str], list[str], list[str], bool, set[str], bool]:
        """Random picks, purchases and (first hop) spends reached through helpers of the same file,
        whether a pick comes from a helper named for it (`get1Random()`, `rollRarity()`), and the
        loot words of helpers that roll. Past the first hop only helpers called from, or named
        for, the job are followed."""
        rnd: list[str] = []
        purchase: list[str] = []
        spend: list[str] = []
        grant = named_pick = False
        words: set[str] = set()
        for c in self.callees(u):
            if c.node.id in seen:
                continue
            seen.add(c.node.id)
            if VISUAL_FN.search(c.name) and not LOOT_NAME.search(c.name):
                continue
            named = _named_for_the_job(c.name)
            if depth < 3 and not (named or _named_for_the_job(u.name)):
                continue
            deeper = self.reach(c, depth - 1, seen) if depth > 1 else ([], [], [], False, set(), False)
            if c.random or deeper[0]:
                rnd.append(f"{c.name}() → {(c.random or deeper[0])[0]}")
                words.update(_words(c.name))
                words |= c.words | deeper[4]
                named_pick = named_pick or named or deeper[5]
            if depth == 3:
                purchase += [f"{c.name}() → {p}" for p in c.purchase[:1] if not p.endswith("callback")]
                spend += [f"{c.name}() → {s}" for s in c.spend[:1]]
            grant = grant or c.grant or deeper[3]
        return rnd, purchase, spend, grant, words, named_pick

    def loot_context(self, u: _Unit, words: set[str], grant: bool) -> str | None:
        return loot_context_of(u.words | words, u.grant or grant, file_loot=False)

    # ---- the verdict ---------------------------------------------------------------------------
    def verdict(self, u: _Unit) -> tuple[str, str, str, str | None] | None:
        if u.node.id not in self._verdicts:
            self._verdicts[u.node.id] = None  # recursion guard
            self._verdicts[u.node.id] = self._judge(u)
        return self._verdicts[u.node.id]

    def _judge(self, u: _Unit) -> tuple[str, str, str, str | None] | None:
        if (GAME_LOOP_NAME.match(u.name) and not _not_a_frame(u.node)) or re.match(r"^(onDraw|didBegin|didSimulatePhysics|didEvaluateActions"
                                                     r"|_+(tick|update|gameLoop|onTick|onUpdate|onFrame))$", u.name):
            return None
        r_rnd, r_purchase, r_spend, r_grant, r_words, named_pick = self.reach(u, 3, {u.node.id})
        rnd = _nearest_spend_first(u) + r_rnd
        if not rnd and u.spend and u.screens:
            # pays, then opens the screen that draws (`money -= 1000; setClass(this, gacha1.class)`)
            rnd = [f"{u.screens[0]}, the screen that draws"]
        elsewhere = None
        if not rnd and u.callbacks and (u.spend or u.soft_spend or u.purchase):
            # a reusable shop widget charges, then runs the callback its user handed it (`onPurchase: () => _openPack()`)
            elsewhere = self.callback_pick(u)
            if elsewhere is not None:
                rnd = [elsewhere[0]]
                r_words = r_words | elsewhere[1]
        if not rnd and self.project is not None and (u.spend or u.soft_spend or u.purchase or r_spend or r_purchase):
            # pays here and calls a function of another file that picks (`gachaService.pull()`)
            elsewhere = self.project.pick_elsewhere(u)
            if elsewhere is not None:
                rnd = [elsewhere[0]]
                r_words = r_words | elsewhere[1]
        if not rnd:
            return None
        ctx = self.loot_context(u, r_words, r_grant)
        if elsewhere is not None and ctx is None:
            return None  # a pick in another file counts only with loot words around it
        if u.words & BET_WORDS and ctx not in STRONG_LOOT:
            return None
        if (NOT_LOOT_UNIT.search(u.name) or GENERATOR_UNIT.search(u.name)) and not LOOT_NAME.search(u.name):
            return None
        name_loot = bool(u.name and LOOT_NAME.search(u.name))
        purchase = u.purchase + r_purchase[:1]
        if purchase:
            return ("purchase", purchase[0], rnd[0], ctx)
        if ctx not in STRONG_LOOT and self._stake_paid_back(u, r_grant):
            return None  # `coins -= 10`, reels spun, `coins += 50` on a jackpot: a slot machine, not a loot box
        unpaid = not (u.spend or u.soft_spend or u.weak_spend or r_spend)
        if not u.random and not (u.spend or u.soft_spend) and not name_loot and not (r_spend and named_pick):
            # both halves only in helpers: only names tie them together (a loot-box name, or
            # `spendGems()` next to `get1Random()`)
            return self.paid_elsewhere(u, rnd[0], ctx) if unpaid else None
        spend = u.spend + r_spend[:2]
        if (u.spend or u.soft_spend) and not r_spend and not elsewhere and self._other_arms(u, r_rnd):
            return None  # `case .loseGold(let n): gold -= n` and `case .removeCard: deck.remove(at: Int.random(…))`
        if spend and (ctx or any(_premium_spend(s) for s in spend)):
            return ("spend", spend[0], rnd[0], ctx)
        soft = u.soft_spend or [f"{c.name}() → {c.soft_spend[0]}" for c in self.callees(u) if c.soft_spend and not c.random][:1]
        if soft and ctx in STRONG_LOOT and (u.soft_spend or name_loot or u.random):
            # `_updateUserCredit(id, 150)` whose body writes `credit: user.credit - cost`, called from `_performGacha`
            return ("spend", soft[0], rnd[0], ctx)
        if u.weak_spend and (name_loot or (u.random and ctx in STRONG_LOOT)) and self._gates_pick(u, r_rnd):
            return ("gate", u.weak_spend[0], rnd[0], ctx)
        buyer = self.paid_sibling(u) if name_loot else None
        if buyer is not None:
            return ("two-step", buyer, rnd[0], ctx)
        if unpaid and u.random and u.consumed and ctx and self.project is not None:
            # `box = box - 1; Math.random()` in an Inventory whose boxes a Shop of another file sells for gems
            for used, stock in u.consumed:
                seller = self.project.seller_of(stock)
                if seller is not None:
                    return ("consume", f"{used}; sold by {seller}", rnd[0], ctx)
        return self.paid_elsewhere(u, rnd[0], ctx) if unpaid else None

    def callback_pick(self, u: _Unit) -> tuple[str, set[str]] | None:
        """A widget that charges and runs `widget.onPurchase`: the pick made by the closure or method its creators pass
        as that argument, in this file or (through the project index) another one: (evidence, loot words)."""
        widget = _widget_class(u.node)
        if not widget:
            return None
        sites: list[tuple[_File, int | None]] = [(self, None)]
        if self.project is not None:
            sites += [(f, site.line) for site in self.project.index.calls(widget)[:6]
                      if site.path != self.path and (f := self.project.file(site.path)) is not None]
        for f, line in sites:
            for node in walk(f.root):
                call = as_call(node) if node.type in ("call_expression", "method_invocation", "argument_part") else None
                if call is None or call.name != widget or (line is not None and node.start_point[0] + 1 != line):
                    continue
                for label, value in _named_arguments(call):
                    if label not in u.callbacks:
                        continue
                    found = f.callback_body_pick(value)
                    if found is not None:
                        where = f"{Path(f.path).name}:{value.start_point[0] + 1}"
                        return f"{widget}({label}: …) → {_short(found[0], 60)} in {where}", found[1]
        return None

    def callback_body_pick(self, value: Node) -> tuple[str, set[str]] | None:
        """The pick of a closure (`() async { await _runCardPack(); }`) or tear-off (`_runCardPack`) handed to a widget."""
        if value.type in FUNCTION_TYPES:
            fns = [value]
        else:
            fns = self.defs.get(re.sub(r"^(this|widget)\.", "", text(value).strip()), [])[:1]
        for fn in fns:
            cu = self.unit(fn)
            if cu.spend or cu.soft_spend or cu.purchase:
                return None  # pays itself: judged on its own
            reached = self.reach(cu, 3, {fn.id})
            picks = cu.random + reached[0]
            if picks:
                return picks[0], cu.words | reached[4]
        return None

    def _stake_paid_back(self, u: _Unit, r_grant: bool) -> bool:
        """The unit pays back into the balance it spent from (itself or in a helper it calls) and hands out no item:
        `coins -= 10` … `if (win) coins += 50` is a bet on the outcome (slots, lottery), which the rule leaves out."""
        if not u.spent_from or u.grant or r_grant:
            return False
        credited = set(u.credited)
        for c in self.callees(u):
            if not (c.spend or c.soft_spend):
                credited |= c.credited
        spent = {w for name in u.spent_from for w in [name] + _words(name)}
        return bool(credited) and all(c in spent or set(_words(c)) & spent for c in credited)

    @staticmethod
    def _gates_pick(u: _Unit, r_rnd: list[str]) -> bool:
        """A balance check that comes before a pick of the unit (`if (coins < COST) return; roll()`); one after every
        pick (a day's random events, then the losing condition `coins < 500`) gates nothing."""
        picks = u.picked_at + [n for r in r_rnd for n in u.call_at.get(r.split("()")[0], [])]
        if not picks or not u.gated_at:
            return True
        return min(g.start_byte for g in u.gated_at) < max(p.start_byte for p in picks)

    @staticmethod
    def _other_arms(u: _Unit, r_rnd: list[str]) -> bool:
        """Every spend of the unit and every pick (its own, or a call of a helper that rolls) sit in different arms
        of one `switch`/`when`/`match`: an effect interpreter (`case .loseGold`, `case .gainRelic`), not a paid pick."""
        picks = u.picked_at + [n for r in r_rnd for n in u.call_at.get(r.split("()")[0], [])]
        if not u.spent_at or not picks or len(picks) < len(u.random):
            return False
        return all(_in_other_arms(s, p) for s in u.spent_at for p in picks) or all(_effect_arm(s, picks) for s in u.spent_at)

    def paid_elsewhere(self, u: _Unit, pick: str, ctx: str | None) -> tuple | None:
        """A pick with loot words that runs only from functions of other files that pay for it."""
        if self.project is None or ctx is None:
            return None
        payer = self.project.paying_callers(self, u)
        return ("paid-elsewhere", payer, pick, ctx) if payer is not None else None

    def paid_sibling(self, u: _Unit) -> str | None:
        """`openChest()` rolls and `buyChest()` in the same file charges for the box."""
        words = set(_words(u.name))
        nouns = words & BOX_NOUNS
        if not nouns or not words & {"open", "opening", "unbox", "hatch", "crack", "reveal", "use"}:
            return None
        for name, fns in self.defs.items():
            other = set(_words(name))
            if not (other & nouns) or not (other & {"buy", "purchase", "purchased", "order", "acquire"}):
                continue
            for fn in fns[:2]:
                b = self.unit(fn)
                if u.name in b.calls:
                    return None  # the buyer opens the box itself and is reported there
                if b.spend or b.purchase:
                    return f"`{name}` → {(b.spend or b.purchase)[0]}"
        return None

    def reported(self, u: _Unit) -> tuple | None:
        """The verdict, unless the whole mechanism sits in a helper that is reported itself."""
        v = self.verdict(u)
        if v is None:
            return None
        if not (u.random and (u.spend or u.soft_spend or u.purchase or u.weak_spend)):
            for c in self.callees(u):
                if (c.spend or c.soft_spend or c.purchase or c.weak_spend) and self.verdict(c) is not None:
                    return None
        return v


# ---------------------------------------------------------------------------------------------
# other files of the project (designlint/project_index.py): "buy here, open there"

# Receivers whose methods may live in another file and make the pick there: `gachaService.pull()`,
# `context.read<GachaProvider>().performPull()`, `ref.read(chestRepository).open(id)`, `game.pullGacha()`.
SERVICE_RECEIVER = re.compile(
    r"(?i)(service|manager|repo|provider|bloc|cubit|controller|store|system|engine|helper|logic|viewmodel|notifier"
    r"|game|gacha|chest|loot|crate|pack|summon|egg|hatch|capsule|machine|usecase|interactor|shared)")
UI_RECEIVER = re.compile(r"(?i)(anim|scroll|text|tab|page|video|audio|sound|music|player|camera|map|focus|navigator"
                         r"|scaffold|theme|media|prefs|preferences|firestore|firebase|collection|analytics|log)")
# Framework calls that no file of the project defines: never looked up.
FRAMEWORK_CALLS = frozenset(
    """setState notifyListeners emit add addAll remove clear forward reverse reset repeat stop dispose then catchError
    whenComplete delayed listen cancel pop push pushNamed showDialog showSnackBar showModalBottomSheet read watch select
    print debugPrint toString toList map where forEach contains containsKey firstWhere indexWhere update get set doc
    collection save commit apply launch async withContext runOnUiThread post postValue setValue""".split())
MAX_LOOKUPS = 4  # names of a paying unit looked up in other files
# Calls whose verb says they store, show or sync something rather than pick: `setProPass()`, `saveGems()`, `logEvent()`.
NOT_PICK_VERB = frozenset(
    """set save load sync log track show format refresh notify update init dispose is has can check validate navigate go
    close print record increment decrement add clear reset toggle persist store write read upload download send request
    listen subscribe cancel play stop pause animate vibrate haptic mark register unregister login logout sign""".split())
MAX_ASKING_BYTES = 150_000  # a larger file does not ask the project (its own index entry would eat its time budget)
# The rule's queries (rules/loot-box/mobile.yaml): a function whose text has neither word is never checked, so a
# pick it pays for is reported where the pick is made.
QUERY_PICK_TEXT = re.compile(
    r"(?i)(random|rand\b|rng|rnd|shuffle|roll|gacha|summon|chest|crate|loot|box|pack|pull|wish|spin|hatch|egg|rarit"
    r"|reward|prize|drop|mystery|capsule|booster|lottery|weight|pick|draw)")
QUERY_PAY_TEXT = re.compile(
    r"(?i)(gem|coin|gold|diamond|crystal|jewel|rub(y|ies)|emerald|orb|currenc|balance|wallet|price|cost|purchase|billing"
    r"|buy|pay|spen[dt]|deduct|credit|ticket|token|money|cash|afford|transaction)")
CLASS_TYPES = frozenset({"class_definition", "class_declaration", "object_declaration", "extension_declaration",
                         "mixin_declaration", "struct_declaration"})
# A box taken out of the player's stock by one: `box = box - 1`, `chests -= 1`, `megaBox--`.
STOCK_USE_TYPES = frozenset({"assignment", "assignment_expression", "update_expression", "postfix_expression",
                             "postfix_unary_expression", "unary_expression"})
STOCK_USE = re.compile(r"^([\w.]+)\s*(?:=\s*([\w.]+)\s*-\s*1|-=\s*1|--)$")
_SELLERS: dict[tuple, str | None] = {}  # (project root, file count, box noun) → the function that sells the box


def _box_stock_use(node: Node) -> tuple[str, str] | None:
    m = STOCK_USE.match(" ".join(text(node).split()))
    if m is None or m.group(2) is not None and m.group(2) != m.group(1):
        return None
    words = _words(m.group(1).split(".")[-1])
    noun = words[-1] if words else ""
    if noun not in BOX_NOUNS or noun in ("pack", "packs", "case", "cases"):
        return None  # (a pack or a case is too often something else: a sticker pack, a test case)
    return _short(" ".join(text(node).split()), 30), "_?".join([*words[:-1], re.sub(r"(?<=x)es$|s$", "", noun)])


def _worth_looking_up(name: str, receiver: str) -> bool:
    """A call that may run a pick written in another file: a method of a service-like object or a bare function."""
    if len(name) < 4 or name[0].isupper() or name in FRAMEWORK_CALLS or name in project_index.COMMON_NAMES:
        return False
    if name in RANDOM_METHODS or name in RANDOM_FUNCTIONS or _spend_call_name(name):
        return False
    if _words(name.lstrip("_"))[:1] and _words(name.lstrip("_"))[0] in NOT_PICK_VERB:
        return False
    if UI_RECEIVER.search(receiver):
        return False
    # a service-like object, or any field whose method is named for the pick (`well.spiritSinglePull()`)
    return not receiver or bool(SERVICE_RECEIVER.search(receiver)) or _named_for_the_job(name)


def _spend_call_name(name: str) -> bool:
    words = _words(name)
    return bool(words) and words[0] in SPEND_VERB_STRONG | SPEND_VERB_WITH_CURRENCY


def _owner_class(node: Node) -> str:
    for a in ancestors(node):
        if a.type in CLASS_TYPES:
            named = a.child_by_field_name("name")
            return text(named) if named is not None else ""
    return ""


class _Project:
    """The asking file's project, asked lazily (the first question reads the project's files)."""

    def __init__(self, ctx: CheckContext):
        self._ctx = ctx
        self._index: project_index.ProjectIndex | None = None
        self._files: dict[str, _File] = {}

    @property
    def index(self) -> project_index.ProjectIndex:
        if self._index is None:
            self._index = project_index.for_context(self._ctx)
        return self._index

    def file(self, path: str) -> _File | None:
        if path not in self._files:
            source = self.index.source(path)
            self._files[path] = _File(source.regions[0].root, source.data, path, self) if source else None
        return self._files[path]

    def pick_elsewhere(self, u: _Unit) -> tuple[str, set[str]] | None:
        """`gachaService.pull()` paid for here, whose definition in another file makes a random pick:
        (evidence, loot words of the callee)."""
        looked = 0
        # names that read as a pick first, so a long menu's plain calls do not use up the look-ups
        for name, receiver in sorted(dict.fromkeys(u.foreign), key=lambda call: not _named_for_the_job(call[0])):
            if not _worth_looking_up(name, receiver):
                continue
            looked += 1
            if looked > MAX_LOOKUPS:
                break
            for d in self._definitions(name, receiver):
                found = self._pick_in(d)
                if found is not None:
                    where = f"{_short(receiver, 24) + '.' if receiver else ''}{name}()"
                    return f"{where} → {_short(found[0], 32)} in {d.shown}:{d.line}", found[1]
        return None

    def seller_of(self, noun: str) -> str | None:
        """A function of the project that sells the box the stock names for currency (`megaBox` → `buyMegaBoxWithGems()`
        taking gems, `chests` → `purchaseChest()` paying coins): its name and place; boxes only earned (drops, a
        `dailyChests` stock nothing buys) have none. `noun` is the stock's words as a pattern (`mega_?box`)."""
        key = (str(self.index.root), len(self.index.files()), noun)
        if key not in _SELLERS:
            _SELLERS[key] = None
            named = re.compile(rf"\b((?i:buy|purchase)_?(?i:a_?|one_?|new_?)?(?i:{noun})(?:e?s)?(?![a-z])\w{{0,20}})\s*\(")
            for path, data in self.index.files().items():
                for name in dict.fromkeys(named.findall(data[:MAX_ASKING_BYTES].decode("utf-8", "replace"))):
                    for d in self.index.definitions(name)[:2]:
                        f = self.file(d.path)
                        fn = next((n for n in f.defs.get(name, []) if n.start_point[0] + 1 == d.line), None) if f else None
                        cu = f.unit(fn) if fn is not None else None
                        if cu is not None and (cu.spend or cu.soft_spend or cu.purchase) and not cu.random:
                            _SELLERS[key] = f"{name}() in {d.shown}:{d.line}"
                            return _SELLERS[key]
        return _SELLERS[key]

    def _definitions(self, name: str, receiver: str) -> list[project_index.Definition]:
        """Definitions of `name` in other files; when several classes define it, those the receiver names."""
        own = str(Path(self._ctx.path).resolve())
        defs = [d for d in self.index.definitions(name) if d.path != own]
        if len(defs) > 1 and receiver:
            said = set(_words(receiver))
            defs = [d for d in defs if set(_words(d.owner)) & said]
        return defs[:3]

    def _pick_in(self, d: project_index.Definition) -> tuple[str, set[str]] | None:
        f = self.file(d.path)
        fn = next((n for n in f.defs.get(d.name, []) if n.start_point[0] + 1 == d.line), None) if f else None
        if fn is None or GAME_LOOP_NAME.match(d.name) or (VISUAL_FN.search(d.name) and not LOOT_NAME.search(d.name)):
            return None
        if (NOT_LOOT_UNIT.search(d.name) or GENERATOR_UNIT.search(d.name)) and not LOOT_NAME.search(d.name):
            return None
        cu = f.unit(fn)
        if cu.spend or cu.soft_spend or cu.purchase:
            return None  # pays and picks on its own: reported in its file
        reached = f.reach(cu, 3, {fn.id})
        picks = cu.random + reached[0]
        if not picks:
            return None
        words = cu.words | reached[4] | {w for w in _words(d.name) + _words(d.owner) if w in STRONG_LOOT or w in WEAK_LOOT}
        return picks[0], words

    def paying_callers(self, asking: _File, u: _Unit) -> str | None:
        """Where a pick is paid for, when every call of it in the project is in a function of another file that
        spends or purchases and that is not reported itself (its text has no loot word for the query)."""
        name = u.name
        if len(name) < 4 or name.startswith("_") or name in FRAMEWORK_CALLS or name in project_index.COMMON_NAMES:
            return None
        owner = _owner_class(u.node)
        several = len(self.index.definitions(name)) > 1
        paid: list[str] = []
        for site in self.index.calls(name):
            if several and owner and not set(_words(site.receiver)) & set(_words(owner)):
                continue  # a same-named function of another class
            if site.path == asking.path:
                return None  # called in its own file: judged there through its callers
            f = self.file(site.path)
            cu = f.unit_at(site.line) if f else None
            if cu is None:
                return None
            reached = f.reach(cu, 3, {cu.node.id})
            pay = cu.spend or cu.soft_spend or cu.purchase or reached[2] or reached[1]
            if not pay:
                return None  # a free way to the pick
            body = text(cu.node)
            if QUERY_PICK_TEXT.search(body) and QUERY_PAY_TEXT.search(body) and f.verdict(cu) is not None:
                return None  # reported where it pays
            paid.append(f"{_short(pay[0], 44)} in {site.where()}")
        return paid[0] if paid else None


# Words that only say how many pulls one handler buys: `OnPullOnce`/`OnPullTen`, `summonX10`, `openChestMulti`.
BATCH_WORDS = frozenset({"once", "one", "single", "ten", "multi", "multiple", "many", "x", "five", "hundred", "bulk",
                         "batch", "times", "double", "triple"})


def batch_stem(name: str) -> tuple[str, ...]:
    """`OnPullTen` and `OnPullOnce` -> (on, pull): a name without its pull count (digits and count words)."""
    return tuple(w[:-1] if w.endswith("s") and len(w) > 3 else w
                 for w in _words(name) if w not in BATCH_WORDS and not w.isdigit())


def later_batch_of(fn: Node, name: str, pick: str, functions: Iterator[Node], pick_of) -> bool:
    """One gacha sold by the pull and by the ten in two handlers of one class (`OnPullOnce` and `OnPullTen`, both
    `gacha.Pull(n)`): only the first of the two is reported. `pick_of(fn)` is the reported pick of a function or
    None; the picks must be the same but for their numbers."""
    stem = batch_stem(name)
    if not name or not stem:
        return False
    owner = _owner_class(fn)
    same_pick = re.sub(r"\d+", "", pick)
    for other in functions:
        if other.start_byte >= fn.start_byte:
            break
        other_name = function_name(other) or ""
        if other_name == name or batch_stem(other_name) != stem or _owner_class(other) != owner:
            continue
        if stem == tuple(_words(name)) and stem == tuple(_words(other_name)):
            continue  # neither name counts pulls
        found = pick_of(other)
        if found is not None and re.sub(r"\d+", "", found) == same_pick:
            return True
    return False


def _not_a_frame(fn: Node) -> bool:
    """`static Future<GachaResult?> draw() async` in a GachaService: named like a frame callback, but
    asynchronous (frames never are) or a method of a loot-named class."""
    head = text(fn)[:300].split("{")[0]
    if fn.type == "function_body" and fn.prev_named_sibling is not None:
        head = text(fn.prev_named_sibling) + " " + head  # Dart: the signature stands before the body
    return bool(re.search(r"\b(async|suspend|Future)\b", head) or LOOT_NAME.search(_owner_class(fn)))


def _named_for_the_job(name: str) -> bool:
    """`rollRarity`, `openChest`, `get1Random`, `pullGacha`: a helper whose name says it rolls."""
    return bool(LOOT_NAME.search(name) or RANDOM_NAME.match(name)
                or set(_words(name)) & (STRONG_LOOT | WEAK_LOOT | {"random", "rng", "weighted", "roll"}))


def _label(fn: Node, name: str) -> str:
    if name:
        if re.match(r"^(on[A-Z]\w*|handle\w*|paymentQueue)$", name):
            return f"The `{name}` handler"
        return f"`{name}`"
    site = _handler_site(fn)
    if site is not None:
        label, call_name = site
        return f"The {call_name}({label + ': ' if label else ''}…) handler"
    return "This closure"


# ---------------------------------------------------------------------------------------------
# pattern check


# The banner code generators write at the top of their output (build_runner/injectable/freezed, Dagger, protoc, ...).
GENERATED_HEADER = re.compile(
    rb"(?i)(GENERATED CODE|DO NOT (EDIT|MODIFY)|@generated\b|Generated by (Dagger|Hilt|the protocol buffer))")


def _generated(data: bytes) -> bool:
    """A generated file (`// GENERATED CODE - DO NOT MODIFY BY HAND` over an injectable `$initGetIt`): registering
    `OpenLuckyBoxUseCase` next to `WithdrawHistoryUseCase` there neither pays nor picks."""
    return bool(GENERATED_HEADER.search(data[:800]))


def paid_random_function(ctx: CheckContext) -> Verdict | bool:
    """A function, method or handler closure that pays (currency or real money) for a random pick."""
    fn = ctx.node
    if not _is_unit(fn):
        return False  # a closure inside a function: its code belongs to that function's unit
    if ctx.memo.setdefault("loot-box-generated", _generated(ctx.data)):
        return False
    analysis = ctx.memo.get("loot-box-mobile")
    if analysis is None:
        project = _Project(ctx) if len(ctx.data) <= MAX_ASKING_BYTES else None
        analysis = ctx.memo["loot-box-mobile"] = _File(ctx.root, ctx.data, str(Path(ctx.path).resolve()), project)
    u = analysis.unit(fn)
    v = analysis.reported(u)
    if v is None:
        return False
    kind, pay, pick, cword = v
    if later_batch_of(fn, u.name, pick, analysis.functions(), lambda f: (analysis.reported(analysis.unit(f)) or (0, 0, None))[2]):
        return False  # the ten-pull of a gacha reported at its single pull
    if kind == "paid-elsewhere":
        return Verdict(message=f"{_label(fn, u.name)} makes a random pick ({_short(pick)}) that runs only after a payment"
                               f" in another file ({_short(pay, 90)}) [{cword}]")
    across = re.search(r" in \S+:\d+$", pick)  # the pick's place in another file stays readable
    return Verdict(message=_describe(kind, _short(pay, 90 if kind == "consume" else 48), _short(pick, 120) if across else _short(pick),
                                     cword, _label(fn, u.name), u.prompt))


def pick_in_other_file(ctx: CheckContext) -> Verdict | bool:
    """A function that pays and calls a pick written in another file, or a pick only paying functions of other
    files reach; functions with both kinds of words are judged by `paid_random_function` (the main queries)."""
    body = ctx.text(ctx.node)
    if QUERY_PICK_TEXT.search(body) and QUERY_PAY_TEXT.search(body):
        return False
    return paid_random_function(ctx)
