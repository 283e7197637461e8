"""Checks for the `loot-box` rule: paid random rewards.

The queries in rules/loot-box.yaml hand every function (and every template event handler, and
every i18n string) to the checks here, which decide whether it is a loot box:

* a *payment*: spending a currency (`gems -= COST`, `setCoins(c => c - price)`, `spendGems(10)`,
  `dispatch('currency/spend', …)`, `db.subtract(`${id}.coins`, 100)`, `{$inc: {coins: -price}}`,
  `{ balance: { decrement: price } }`, `UPDATE users SET gems = gems - ?`), or a real-money
  purchase API (react-native-iap `requestPurchase`, RevenueCat `purchasePackage`,
  cordova-plugin-purchase `store.order`, Stripe Checkout, PayPal `onApprove`, Telegram Stars
  invoices and `successful_payment`), or a post-purchase callback of one of those;
* a *random pick*: `Math.random()`, `crypto.getRandomValues`, seeded generators (`rng()`),
  chance.js / lodash `sample` / Phaser `RND`, or a call to a function that rolls (`rollRarity()`,
  `weightedRandom(pool)`, `randomElem(pool)`), followed by name through the same file
  (depth-limited); random numbers that only feed visuals (particle x/y, rotation, delay),
  ids (`Math.random().toString(36)`) or timers are ignored;
* *loot context* for in-game currencies: the unit, its callees or its file speak of chests,
  crates, cases, packs, gacha, summons, wishes, mystery boxes, rarities or pity, or the pick is
  granted into an inventory/collection. A real-money purchase API needs no further context.

In-game currencies need loot context; premium currencies (gems, diamonds, crystals) and real-money
purchases do not. Other shapes that are reported:

* `gate`: a loot-named function (`openChest`, `pullGacha`) that checks the balance and rolls;
* `remote`: a loot-named function that checks or spends the currency and asks a server for the
  pick (`fetch('/api/gacha/pull')`, `supabase.rpc('open_case')`);
* `consume`: a handler that uses up a bought box/key/opening (`profile.crates -= 1`,
  `rpc('consume_open')`) and rolls, in a file that sells the box (`CRATE_PRICE`, HTTP 402);
* `two-step`: `openLootBox()` rolls and `purchaseLootBox()` in the same file charges for the box;
* a draw run for a paid order (`drawForOrder(boxId, userId, orderId)`).

The finding is placed on the innermost function that holds both halves; a caller that only
reaches a reported function is not reported again, and inline callbacks (`$transaction(tx =>
…)`, `setTimeout`, `forEach`) belong to their enclosing function, while event/command/route
registrations (`addEventListener('click', …)`, `bot.on(…)`, `router.post(…)`) are handlers of
their own. Game loops (`tick`, `update`), bets, robbery commands, paid upgrades with a success
chance and shop rerolls are left alone.

Everything is syntactic and file-local; for .vue/.svelte/.html templates, handler names are
followed into the file's <script> blocks.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterable, Iterator

from tree_sitter import Node

from designlint.checks import CheckContext, Verdict
from designlint.checks.loot_box_odds import shows_odds
from designlint.checks.util import text as _t, walk as _walk, ancestors as _ancestors, html_attributes as _html_attrs, FUNCTION_TYPES, parse_snippet as _parse_snippet, call_arguments as _args

# --------------------------------------------------------------------------------------------
# small tree helpers

COMPARISON_OPS = frozenset({">=", ">", "<=", "<"})
MAX_FILE_BYTES = 1_500_000





def _callee(call: Node) -> Node | None:
    return call.child_by_field_name("function") or call.child_by_field_name("constructor")


def _strip(node: Node | None) -> Node | None:
    while node is not None and node.type in (
        "parenthesized_expression",
        "await_expression",
        "non_null_expression",
        "as_expression",
        "satisfies_expression",
        "type_assertion",
    ):
        inner = [c for c in node.named_children if c.type != "comment"]
        if not inner:
            break
        node = inner[0]
    return node


def _callee_name(call: Node) -> str:
    func = _strip(_callee(call))
    if func is None:
        return ""
    if func.type == "member_expression":
        return _t(func.child_by_field_name("property"))
    if func.type == "call_expression":
        return _callee_name(func)
    if func.type == "subscript_expression":
        idx = func.child_by_field_name("index")
        sv = _string_value(idx)
        return sv or ""
    return _t(func)


def _callee_object(call: Node) -> str:
    func = _strip(_callee(call))
    if func is not None and func.type == "member_expression":
        return _t(func.child_by_field_name("object"))
    return ""



def _string_value(node: Node | None) -> str | None:
    if node is None:
        return None
    if node.type == "string":
        return _t(node)[1:-1]
    if node.type == "template_string":
        return _t(node)[1:-1]
    return None


def _op(node: Node) -> str:
    op = node.child_by_field_name("operator")
    if op is not None:
        return _t(op)
    for c in node.children:
        if not c.is_named:
            return _t(c)
    return ""


def _last_name(node: Node | None) -> str:
    """The name an lvalue/operand stands for: `gems`, `user.coins` -> coins, `gems.value` -> gems,
    `user['coins']` -> coins, `this.state.gold` -> gold."""
    node = _strip(node)
    if node is None:
        return ""
    if node.type in ("identifier", "property_identifier", "shorthand_property_identifier", "private_property_identifier"):
        return _t(node)
    if node.type == "member_expression":
        prop = _t(node.child_by_field_name("property"))
        if prop in DOMISH_PROPS:
            inner = _last_name(node.child_by_field_name("object"))
            return inner or prop
        return prop
    if node.type == "subscript_expression":
        sv = _string_value(node.child_by_field_name("index"))
        if sv:
            return sv
        return _last_name(node.child_by_field_name("object"))
    if node.type == "call_expression":
        # Number(balance.innerHTML), parseInt(localStorage.getItem("gems")), getGems()
        name = _callee_name(node)
        if name in ("Number", "parseInt", "parseFloat", "getItem", "get", "BigInt"):
            for a in _args(node):
                n = _last_name(a) or (_string_value(a) or "")
                if n:
                    return n
        return name
    if node.type in ("string", "template_string"):
        return _string_value(node) or ""
    return ""


DOMISH_PROPS = frozenset({"value", "current", "amount", "count", "total", "val", "innerHTML", "innerText", "textContent",
                          "dataset", "$value", "get"})

_WORD_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def _currency_operand(node: Node) -> str:
    """The currency a compared value stands for; for a getter call (`getBalance('gems')`,
    `rootGetters['currency/value']('gem_emerald')`) the string argument names it."""
    node = _strip(node)
    if node is not None and node.type == "call_expression":
        for a in _args(node):
            sv = _string_value(a)
            if sv:
                return sv if _is_currency(sv) else ""
    name = _last_name(node)
    return "" if name.lower() in ("currency", "currencies") else name


def _words(name: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(name or "")]


# --------------------------------------------------------------------------------------------
# vocabularies

CURRENCY_WORDS = frozenset(
    """coin coins gold golds gem gems diamond diamonds crystal crystals jewel jewels ruby rubies emerald
    emeralds sapphire sapphires jade orb orbs token tokens credit credits balance balances money cash
    funds fund wallet currency currencies buck bucks vbucks robux primogem primogems primo primos stardust
    quartz kiseki orundum ticket tickets star stars point points saldo dinero monedas moedas moneda geld
    munten creditos""".split()
)
# a currency word next to one of these is not a currency: hitPoints, skillPoints, goldenRatio...
NOT_CURRENCY_WORDS = frozenset(
    """hit hp health life lives skill skills stat stats attribute attributes action actions move moves
    ability talent perk perks experience exp xp damage armor armour mana energy stamina time timer
    score scores power rating ratings review reviews sprite sprites image img icon color colour font
    style css access auth api jwt csrf refresh session bearer id ids count index offset position pos
    width height size speed velocity golden dust_""".split()
)
TICKET_ONLY = frozenset({"point", "points", "pts"})  # hit points, score points: only a weak hint


PRICE_WORDS = frozenset({"cost", "costs", "price", "prices", "fee", "fees", "charge"})


def _is_price(node: Node | None) -> bool:
    """`totalCost`, `box.price`, `PULL_COST`, `crate.price * 5`: the amount being paid."""
    node = _strip(node)
    if node is None:
        return False
    if node.type == "binary_expression" and _op(node) in ("*", "+"):
        return _is_price(node.child_by_field_name("left")) or _is_price(node.child_by_field_name("right"))
    words = _words(_last_name(node))
    return bool(words) and any(w in PRICE_WORDS for w in words) and not any(w in NOT_SPEND_WORDS for w in words)


def _payer_ok(name: str) -> bool:
    """A balance that can pay: anything but energy, mana, hp, time, action points..."""
    words = _words(name)
    return bool(words) and not any(w in NOT_CURRENCY_WORDS or w in NOT_SPEND_WORDS for w in words)


PREMIUM_WORDS = frozenset("""gem gems diamond diamonds crystal crystals jewel jewels primogem primogems primo primos orb orbs
    ruby rubies emerald emeralds sapphire sapphires jade quartz kiseki orundum robux vbucks""".split())


def _premium_spend(evidence: str) -> bool:
    """A spend of a premium currency (gems, diamonds, crystals) by subtraction or a spend call;
    `removeGems(matches)` in a match-3 board is not one."""
    words = _words(evidence)
    if not any(w in PREMIUM_WORDS for w in words):
        return False
    return not any(w in ("remove", "take", "use", "consume", "burn", "lose", "drain", "clear", "destroy", "match", "matches")
                   for w in words)


def _is_box_counter(name: str) -> bool:
    """`lootboxes`, `crateCount`, `user.chests`, `caseKeys`: a stock of unopened boxes."""
    words = _words(name)
    return bool(words) and any(w in BOX_NOUNS or w in ("key", "keys") for w in words) and not any(
        w in ("index", "idx", "offset", "width", "height", "size", "pos", "position", "x", "y") for w in words)


def _is_currency(name: str, strict: bool = False) -> bool:
    words = _words(name)
    if not words:
        return False
    if words in (["ticket"], ["point"], ["star"], ["token"], ["pt"], ["credit"]):
        return False  # a lone `ticket`/`point` is usually a roll variable or a coordinate
    if any(w in NOT_CURRENCY_WORDS for w in words):
        return False
    hits = [w for w in words if w in CURRENCY_WORDS]
    if not hits:
        return False
    if strict and all(h in TICKET_ONLY for h in hits):
        return False
    return True


SPEND_VERB_STRONG = frozenset({"spend", "deduct", "debit", "withdraw", "pay", "charge"})
SPEND_VERB_WITH_CURRENCY = frozenset(
    {"subtract", "sub", "remove", "take", "consume", "decrease", "decrement", "reduce", "use", "burn", "lose",
     "minus", "cost", "costs", "dec", "decr", "drain"}
)
CHANGE_VERB = frozenset(
    {"update", "add", "change", "modify", "adjust", "give", "increment", "inc", "incr", "grant", "alter",
     "apply", "set", "save", "write", "put", "store", "patch", "commit", "mutate"}
)
NOT_SPEND_WORDS = frozenset(
    """energy stamina time mana hp health life lives action actions skill skills attention effort hours
    minutes seconds days turn turns move moves""".split()
)

# Real-money purchase APIs.
PURCHASE_CALL = re.compile(
    r"^(requestPurchase|requestPurchaseWithQuantityIOS|purchasePackage|purchaseStoreProduct|purchaseItemAsync"
    r"|purchaseProduct|purchaseSubscriptionItem|redirectToCheckout|confirmCardPayment|confirmPayment"
    r"|sendInvoice|createInvoiceLink|openInvoice|replyWithInvoice|answerPreCheckoutQuery|buyProduct"
    r"|launchBillingFlow|getDigitalGoodsService|initiatePayment|requestPayment|buyWithStars|payWithStars)$"
)
PURCHASE_OBJECT_CALL = re.compile(r"(?i)(^|\.)(store|CdvPurchase\.store|InAppPurchase2?|iap|RNIap|Purchases|IAP|Billing|uni|wx|tt|my|swan|qq)$")
PURCHASE_OBJECT_METHODS = frozenset({"order", "purchase", "buy", "requestPayment", "makePurchase", "purchaseProduct"})
PURCHASE_LISTENER = re.compile(
    r"^(purchaseUpdatedListener|setPurchaseListener|addPurchaseListener|onPurchaseCompleted|onPurchaseSuccess"
    r"|onPurchaseUpdated|addCustomerInfoUpdateListener|approved|verified|onApprove|onPaymentSuccess"
    r"|onSuccessfulPayment|successfulPayment)$"
)
PURCHASE_EVENT_STRING = re.compile(
    r"(?i)^(message:)?(successful_payment|pre_checkout_query|checkout\.session\.completed|payment_intent\.succeeded"
    r"|charge\.succeeded|invoice\.paid|purchase\.completed|purchaseCompleted|purchase_success|payment_success"
    r"|paymentSuccess|order\.paid|PAYMENT\.CAPTURE\.COMPLETED|CHECKOUT\.ORDER\.APPROVED)$"
)
PURCHASE_CHAIN = re.compile(r"(checkout\.sessions\.create|paymentIntents\.create|orders\.capture|order\.capture|paymentLinks\.create)$")

# Random sources.
RANDOM_MEMBER = re.compile(
    r"^(Math\.random|(window\.|self\.|globalThis\.)?crypto\.(getRandomValues|randomInt)|(Phaser\.)?Math\.(Between|FloatBetween|RND\.\w+)"
    r"|Phaser\.Utils\.Array\.GetRandom|(this\.)?(game\.)?rnd\.\w+|_\.(sample|sampleSize|shuffle|random)|lodash\.(sample|sampleSize|shuffle|random))$"
)
CHANCE_METHODS = frozenset({"weighted", "pickone", "pickset", "integer", "floating", "bool", "natural", "shuffle", "pick", "weightedPick", "between"})
RANDOM_NAME = re.compile(
    r"^(rng|prng|rand|rnd|random|randomly|rngGen|nextRandom|random01|randf|randi|randInt|randFloat|randRange|randomRange"
    r"|random(Int|Integer|Float|Number|Num|Between|Index|Idx|Elem|Element|Item|Choice|Pick|Entry|From|Of|In|Value|Key"
    r"|Reward|Prize|Drop|Loot|Card|Cards|Hero|Unit|Pet|Skin|Character|Rarity|Tier|Weighted|Select|Sample|Roll)\w*"
    r"|(get|pick|choose|select|generate|draw|roll|make|pull|grab|fetch|give|spawn)Random\w*|getRand\w*|weighted\w*|\w*Weighted(Random|Pick|Choice|Select|Item|Index)?"
    r"|weight(Select|Pick|Choice|Random)|pickWeighted|pick(One|Random|Rarity|Reward|Item|Drop|Loot|Winner|Prize|Card|Cards)?"
    r"|sample|sampleSize|shuffle|shuffled|shuffleArray|shuffleDeck|chance|roll(Dice|Die|D\d+)?"
    r"|roll(Rarity|Rarities|Tier|Loot|Drop|Drops|Reward|Rewards|Prize|Gacha|Item|Items|Card|Cards|Pack|Box|Chest|Crate|Case|Hero|Unit|Pet|Skin|Character|Result|Banner|Summon|Table|One|Many|Once|Multi|Single|Ten|X10|Gem|Egg)\w*"
    r"|(gacha|summon|wish|roll)(Pull|Roll|Draw|Once|One|Single|Multi|Ten|X10|Many|Times)?"
    r"|(pull|draw|spin)(Once|One|Single|Multi|Ten|X10|Many|Times)"
    r"|(do|perform|execute|run)(Gacha|Pull|Summon|Wish|Roll|Draw)(Pull|Roll|Once|Single|Multi|Ten|X10)?|(pull|roll|draw)(Gacha|Banner|Summon|Wish)\w*"
    r"|gacha(pon)?(Pull|Roll|Draw|Result|Results|Once|Single|Multi|Ten|X10)\w*"
    r"|(summon|gacha|wish|hatch|unbox)(Hero|Heroes|Character|Characters|Unit|Units|Card|Cards|Pet|Pets|Monster|Monsters|Servant"
    r"|Servants|Item|Items|Result|Results|Reward|Rewards|Egg|Weapon|Weapons|Skin|Skins)"
    r"|draw(Card|Cards|Rarity|Item|Items|Reward|Prize|Lottery)|lottery|spinWheel|spin(The)?(Wheel|Roulette|Reel|Reels)"
    r"|determine(Rarity|Reward|Drop|Prize|Item)|calculate(Rarity|Drop|Reward|Summon\w*)|calc(Rarity|Drop)"
    r"|(get|generate|determine|pick|select|choose)(Rarity|RarityTier|Drop|Drops|Loot|Prize|Reward|Rewards)(Tier|Item)?)$"
)
# names that look random but are ids / visuals
# Suffixes are matched as camelCase (`randomId`, `rngX`) or snake_case (`random_id`) words only:
# case-insensitively, `Y$` would reject every name ending in "y" (`rollRarity`).
_NOT_RANDOM_SUFFIX = "Id|Ids|Key|Token|Hex|Pos|Name|String|Str|Seed|Star|Stars|Tip|Tips|Word|Words|Bg|X|Y"
NOT_RANDOM_NAME = re.compile(
    r"(?i)(uuid|guid|nanoid|\bid\b|Color|Colour|Hue|Position|Offset|Delay|Duration|Jitter"
    r"|Angle|Rotation|Velocity|Speed|Size|Password|Salt|Nonce|Particle|Confetti|Sparkle"
    r"|Spawn|Enemy|Enemies|Obstacle|Quote|Message|Greeting|Fact|Joke|Question|Answer"
    r"|Avatar|Emoji|Background|Sound|Music|Track|Song|Theme|Layout"
    rf"|(?-i:[a-z0-9](?:{_NOT_RANDOM_SUFFIX})$)|_(?:{_NOT_RANDOM_SUFFIX.lower()})$)"
)
VISUAL_KEY = re.compile(
    r"(?i)^(x|y|z|dx|dy|dz|vx|vy|vz|cx|cy|left|top|right|bottom|rotation|rotate|rot|angle|theta|scale|size|radius"
    r"|width|height|opacity|alpha|hue|sat|saturation|lightness|color|colour|fill|stroke|delay|duration|speed|velocity"
    r"|vel|wobble|sway|drift|spin|twinkle|jitter|shake|offset\w*|transform|translate\w*|margin\w*|padding\w*|id|key"
    r"|uuid|uid|guid|seed|nonce|salt|token|ts|time\w*|style|class\w*|anim\w*|particle\w*|confetti\w*|sparkle\w*|star\w*"
    r"|blur|brightness|glow\w*|shadow\w*|pos\w*|start\w*|end\w*|life\w*|lifespan|decay|gravity|wind|amplitude|frequency"
    r"|phase|hash|nodeId|requestId|sessionId|slug|filename|fileName|name|trail\w*|spread|burst\w*|ticks)$"
)
VISUAL_FN = re.compile(
    r"(?i)(particle|confetti|sparkle|firework|glitter|shimmer|twinkle|shake|wobble|jitter|animate|animation|tween|effect|fx"
    r"|starfield|background|\bbg\b|uuid|guid|nanoid|make_?id|gen(erate)?_?id|random_?id|random_?key|random_?color|random_?hex"
    r"|random_?string|random_?name|position|spawn|enemy|enemies|obstacle|asteroid|meteor|cloud|snow|rain|bubble|noise"
    r"|delay|backoff|retry|jitter|shuffle_?questions|shuffle_?answers|quiz|question|flashcard|captcha|password|otp"
    r"|sound|audio|sfx|music|voice|play_?sound|play_?sfx)"
)
TIMER_CALLS = frozenset({"setTimeout", "setInterval", "delay", "sleep", "wait", "requestAnimationFrame"})
MESSAGE_POOL = re.compile(
    r"(?i)(messages?|msgs?|quotes?|phrases?|greetings?|tips?|texts?|lines?|emojis?|sounds?|colou?rs?|taunts?|jokes?"
    r"|facts?|responses?|hints?|slogans?|titles?|captions?|comments?|compliments?|insults?|names?|questions?|answers?"
    r"|words?|adjectives?|nouns?|verbs?|fortunes?|affirmations?|animations?|effects?|backgrounds?|positions?)$"
)

# Loot context.
STRONG_LOOT = frozenset(
    """gacha gachapon gatcha gachas lootbox lootboxes chest chests crate crates case cases pack packs booster
    boosters capsule capsules mystery mysterybox summon summons summoning wish wishes unbox unboxing
    unboxed blindbox egg eggs hatch hatching pity rarity rarities legendary mythic mythical ssr gachaticket kuji""".split()
)
WEAK_LOOT = frozenset(
    """pull pulls spin spins wheel prize prizes reward rewards rare epic lucky surprise jackpot box boxes banner banners
    odds lottery lotto roulette warp warps recruit recruitment loot treasure treasures skin skins""".split()
)
# Chinese/Japanese/Korean loot words in strings: blind box, gacha draw, lottery, capsule toy...
CJK_LOOT = (("盲盒", "blindbox"), ("抽卡", "gacha"), ("抽奖", "lottery"), ("扭蛋", "gachapon"), ("开箱", "unbox"),
            ("宝箱", "chest"), ("召唤", "summon"), ("祈愿", "wish"), ("十连", "gacha"), ("ガチャ", "gacha"), ("가챠", "gacha"),
            ("뽑기", "gacha"), ("福袋", "mysterybox"), ("卡包", "pack"))
CASE_PARTNERS = frozenset({"open", "opening", "opened", "opener", "skin", "skins", "knife", "knives", "csgo", "unbox",
                           "roulette", "key", "keys", "drop", "drops", "rarity", "buy", "price", "spin", "reward", "rewards",
                           "item", "items", "win", "won", "prize"})
NOT_LOOT_CONTEXT = frozenset({"lower", "upper", "camel", "snake", "kebab", "test", "use", "edge", "base", "title", "switch",
                              "sentence", "pascal", "show", "brief", "suit", "book", "staircase", "worst", "best"})
GRANT_TARGET = re.compile(
    r"(?i)(inventory|inventories|collection|owned|roster|deck|backpack|stash|storage|unlocked|characters|heroes|cards"
    r"|skins|pets|units|items|loot|pulled|obtained|bag|vault|locker|album|binder|servants|waifus|pokemons?|monsters)"
)
BET_WORDS = frozenset({"bet", "bets", "wager", "wagers", "stake", "stakes", "slot", "slots", "blackjack", "poker", "dice",
                       "coinflip", "flip", "mines", "plinko", "crash", "baccarat", "craps", "rob", "robbery", "steal",
                       "heist", "crime", "beg", "penalty", "fine", "fined", "arrest", "police"})

LOOT_NAME = re.compile(
    r"(?i)(gacha|gachapon|loot[_\-\s]?box|mystery[_\-\s]?box|blind[_\-\s]?box|chest|crate|(^|[_\-\s/.])cases?($|[_\-\s/.])|(?-i:(open|Open|buy|Buy|spin|Spin|roll|Roll|unbox|Unbox)Cases?)"
    r"|open[_\-\s]?case|case[_\-\s]?open|card[_\-\s]?pack|booster|open[_\-\s]?pack|pack[_\-\s]?open|buy[_\-\s]?pack"
    r"|summon|wish(?!list)|capsule|unbox|banner[_\-\s]?pull|pull[_\-\s]?banner|hatch|(^|[_\-\s/.])eggs?($|[_\-\s/.])|(?-i:[a-z]Eggs?($|[A-Z]))"
    r"|kuji|lottery|spin[_\-\s]?wheel|lucky[_\-\s]?(wheel|draw|spin)|draw[_\-\s]?card|pull[_\-\s]?gacha|gacha[_\-\s]?pull"
    r"|recruit|(^|[_\-\s/.])(pull|pulls|roll|spin|draw)($|[_\-\s/.])|(?-i:[a-z]Pulls?(?!To|Request|Down|Up|Refresh|Out|In[A-Z]|In$)($|[A-Z0-9])))"
)
REMOTE_CALL = frozenset({"fetch", "post", "get", "put", "patch", "request", "rpc", "invoke", "httpsCallable", "callable",
                         "emit", "send", "mutate", "mutateAsync", "call", "query", "ajax", "$fetch", "useFetch", "axios",
                         "apiRequest", "api", "callApi", "callFunction", "functions", "trigger", "dispatch"})

BOX_NOUNS = frozenset({"box", "boxes", "boxs", "lootbox", "lootboxes", "chest", "chests", "crate", "crates", "case", "cases", "pack",
                       "packs", "capsule", "capsules", "egg", "eggs", "booster", "boosters"})

# Frame/tick handlers: a game loop spends and rolls for many unrelated reasons.
GAME_LOOP_NAME = re.compile(
    r"(?i)^(tick|update|loop|step|frame|gameLoop|mainLoop|render|draw|animate|onTick|onUpdate|fixedUpdate|lateUpdate"
    r"|onFrame|simulate|advance|runTick|gameTick|idleTick|offlineTick|onKeyDown|onKeyUp|onkeydown|onkeyup|keydown|keyup)$"
)

# Odds disclosure (mitigation).
ODDS_DISCLOSURE = re.compile(
    r"(?i)(\bdrop[_ -]?rates?\b|dropRates?|\bodds\b|odds[A-Z_]|[a-z]Odds|probabilit(y|ies)|\bdrop[_ -]?chances?\b"
    r"|\bgacha[_ ]?rates\b|\brates?\s+(table|list|info|details|disclosure)|rate[_ -]?table|show_?rates|rates_?modal"
    r"|rates_?dialog|view_?rates|\bpity\s+(counter|system|rate)|確率|提供割合|排出率|概率|機率|확률|wahrscheinlichkeit|kans\b|probabilidad)"
)

# i18n strings.
SHORTAGE = re.compile(r"(?i)(not\s+enough|insufficient|out\s+of|need\s+more|don'?t\s+have\s+enough|do\s+not\s+have\s+enough|lack|too\s+few|run\s+out)")
BUY_PROMPT = re.compile(r"(?i)(buy|purchase|get\s+more|top[\s-]?up|recharge|refill|shop|store|add\s+funds|visit\s+the\s+(shop|store))")
CURRENCY_TEXT = re.compile(
    r"(?i)\b(coins?|gold|gems?|diamonds?|crystals?|jewels?|rubies|emeralds?|jade|orbs?|tokens?|credits?|balance|money|funds"
    r"|primogems?|stardust|quartz|stars?|tickets?|keys?|v-?bucks|robux|currency)\b"
)
LOOT_TEXT = re.compile(
    r"(?i)(gacha|loot\s*box|lootbox|mystery\s*box|chests?\b|crates?\b|\bcases?\b|card\s*packs?|booster|packs?\b|summon"
    r"|\bwish(?!(es|ed)?\s+to\b)|capsule|banner|\bpulls?\b|\bspins?\b|wheel|egg|hatch|unbox|\bdraws?\b|lottery|roulette)"
)
PAID_PULL_TEXT = re.compile(
    r"(?i)(summon|pull|wish(?!\s+to\b)|open|buy|purchase|roll|spin|draw|unbox|hatch)\b.{0,40}"
    r"(\d+|\{\{?\s*\w+\s*\}?\}|%[ds]|\$\{\w+\})\s*(x\s*)?(coins?|gems?|diamonds?|crystals?|jewels?|rubies|orbs?|primogems?"
    r"|stardust|quartz|stars?|tokens?|credits?)\b"
)


# --------------------------------------------------------------------------------------------
# parsing of script blocks (for templates)





# --------------------------------------------------------------------------------------------
# per-unit evidence


class _Unit:
    """What one function (with its inline callbacks) does: spends, purchases, random picks, and
    the names it calls."""

    __slots__ = ("node", "name", "spend", "weak_spend", "purchase", "random", "remote", "calls", "words", "grant",
                 "prompt", "bet", "consume", "soft_spend", "pool_pick")

    def __init__(self, node: Node, name: str):
        self.node = node
        self.name = name
        self.spend: list[str] = []
        self.weak_spend: list[str] = []
        self.purchase: list[str] = []
        self.random: list[str] = []
        self.remote: list[str] = []
        self.calls: list[tuple[str, Node]] = []
        self.words: set[str] = set()
        self.grant = False
        self.prompt: str | None = None
        self.bet = False
        self.consume: list[str] = []
        self.soft_spend: list[str] = []
        self.pool_pick = False


def _is_separate_unit(fn: Node) -> bool:
    """A nested function that is its own unit (named, assigned, a method, a JSX/object handler),
    as opposed to an inline callback passed to a call (`setTimeout(() => …)`, `.then(r => …)`)."""
    parent = fn.parent
    if fn.type in ("function_declaration", "generator_function_declaration", "method_definition"):
        return True
    if parent is None:
        return True
    if parent.type == "arguments":
        return False
    if parent.type in ("parenthesized_expression",):
        return _is_separate_unit(parent)
    return True


def _unit_name(fn: Node) -> str:
    name = fn.child_by_field_name("name")
    if name is not None:
        return _t(name)
    parent = fn.parent
    while parent is not None and parent.type in ("parenthesized_expression", "as_expression", "satisfies_expression"):
        parent = parent.parent
    if parent is None:
        return ""
    if parent.type == "variable_declarator":
        return _t(parent.child_by_field_name("name"))
    if parent.type == "pair":
        return _t(parent.child_by_field_name("key")).strip("'\"")
    if parent.type in ("public_field_definition", "field_definition"):
        return _t(parent.child_by_field_name("name") or parent.child_by_field_name("property"))
    if parent.type == "assignment_expression":
        return _last_name(parent.child_by_field_name("left"))
    if parent.type == "jsx_expression" and parent.parent is not None and parent.parent.type == "jsx_attribute":
        attr = parent.parent
        return _t(attr.named_children[0]) if attr.named_children else ""
    if parent.type == "arguments":
        call = parent.parent
        if call is not None and call.type == "call_expression":
            # useCallback(() => ..., []) assigned to a name
            cname = _callee_name(call)
            if cname in ("useCallback", "useMemo", "debounce", "throttle", "memo", "action", "computed", "$derived"):
                return _unit_name(call)
            return cname
    return ""


def _parent_call_strings(fn: Node) -> list[str]:
    """String arguments of the call an inline handler is passed to (`bot.command('opencrate', …)`,
    `app.post('/api/open-case', …)`, `bot.on('successful_payment', …)`)."""
    parent = fn.parent
    if parent is None or parent.type != "arguments":
        return []
    call = parent.parent
    out = []
    if call is not None and call.type == "call_expression":
        for a in _args(call):
            sv = _string_value(a)
            if sv is not None:
                out.append(sv)
            elif a.type == "call_expression":  # message('successful_payment')
                out += [s for s in (_string_value(x) for x in _args(a)) if s is not None]
        out.append(_callee_name(call))
    return out


def _unit_nodes(fn: Node) -> Iterator[Node]:
    """Nodes of a function's own code and of its inline callbacks, not of nested separate units."""
    body = fn.child_by_field_name("body") or fn
    stack = [body]
    params = fn.child_by_field_name("parameters") or fn.child_by_field_name("parameter")
    if params is not None:
        stack.append(params)
    while stack:
        cur = stack.pop()
        if cur is not body and cur.type in FUNCTION_TYPES and _is_separate_unit(cur):
            continue
        yield cur
        stack.extend(reversed(cur.children))


def _has_negative(node: Node) -> bool:
    for n in _walk(node):
        if n.type == "unary_expression" and _op(n) == "-":
            return True
        if n.type == "number" and _t(n).startswith("-"):
            return True
        if n.type == "binary_expression" and _op(n) == "-":
            return True
    return False


def _has_subtraction(node: Node) -> bool:
    for n in _walk(node):
        if n.type == "binary_expression" and _op(n) == "-":
            return True
        if n.type == "augmented_assignment_expression" and _op(n) == "-=":
            return True
    return False


def _in_condition(node: Node) -> bool:
    for a in _ancestors(node):
        if a.type in ("parenthesized_expression",) and a.parent is not None and a.parent.type in (
            "if_statement", "while_statement", "ternary_expression"):
            return True
        if a.type == "binary_expression" and _op(a) in COMPARISON_OPS | {"===", "==", "!==", "!="}:
            return True
        if a.type in ("statement_block", "expression_statement", "lexical_declaration", "variable_declaration",
                      "return_statement") or a.type in FUNCTION_TYPES:
            return False
    return False


SQL_SPEND = re.compile(
    r"(?i)\bset\b[^;]*?[`\"']?(\w*(coin|gem|gold|diamond|crystal|jewel|credit|balance|money|token|ticket|point|cash|fund)\w*)[`\"']?\s*=\s*[`\"']?\1[`\"']?\s*-"
)
UI_COST_TEXT = re.compile(
    r"(?i)(\bcosts?\b|\bspend\b|\bfor\s+\d+\s*|\bx\s*\d+\s*|\bprice\b).{0,30}\b(coins?|gems?|gold|diamonds?|crystals?|jewels?|orbs?"
    r"|primogems?|tokens?|credits?|stars?|tickets?)\b"
)
SHORTAGE_TEXT = re.compile(
    r"(?i)(not\s+enough|insufficient|too\s+poor|can'?t\s+afford|cannot\s+afford|need\s+more|no\s+(more\s+)?(coins|gems|money|funds|credits|tickets|diamonds|crystals)"
    r"|nicht\s+genug|pas\s+assez|no\s+tienes\s+suficientes|insuficiente|不足|足りません|부족)"
)


def _spend_in_call(call: Node) -> tuple[str, bool] | None:
    """(description, strong) when a call spends currency."""
    name = _callee_name(call)
    obj = _callee_object(call)
    args = _args(call)
    words = _words(name)
    if not words:
        return None
    verb, rest = words[0], words[1:]
    rest_cur = any(w in CURRENCY_WORDS for w in rest) and not any(w in NOT_CURRENCY_WORDS or w in NOT_SPEND_WORDS for w in rest)
    if verb in SPEND_VERB_STRONG and not any(w in NOT_SPEND_WORDS for w in rest):
        if verb in ("pay", "charge") and not rest_cur and not args:
            return None
        if verb == "charge" and not (rest_cur or rest in ([], ["user"], ["player"], ["account"], ["wallet"])):
            return None
        if verb == "pay" and rest and not rest_cur and rest[0] not in ("for", "with", "cost", "price", "fee"):
            return None
        return (f"{name}()", True)
    if verb in SPEND_VERB_WITH_CURRENCY and rest_cur:
        if verb == "use" and not any(a.type == "number" or _is_price(a) or a.type == "unary_expression" for a in args):
            return None  # `useCoins()` is a React hook, not a spend
        return (f"{name}()", True)
    if verb in CHANGE_VERB and rest_cur:
        if any(_has_negative(a) for a in args):
            return (f"{name}(-…)", True)
        return None
    # db.subtract(`${id}.coins`, 100), user.decrement('coins', …), redis.decrby('gems:42', 5)
    lname = name.lower()
    if lname in ("subtract", "sub", "decrement", "decr", "decrby", "hincrby", "increment", "incr", "incrby", "inc", "add",
                 "zincrby", "hincrbyfloat", "incrbyfloat"):
        arg_text = " ".join(_t(a) for a in args[:2])
        if any(_is_currency(w) for w in re.findall(r"[A-Za-z_][\w]*", arg_text)):
            if lname in ("subtract", "sub", "decrement", "decr", "decrby"):
                return (f"{obj + '.' if obj else ''}{name}()", True)
            if any(_has_negative(a) for a in args):
                return (f"{obj + '.' if obj else ''}{name}(-…)", True)
    # dispatch('currency/spend', …), commit('SPEND_GEMS', …), emit('charge', 150)
    if lname in ("dispatch", "commit", "emit", "$emit", "trigger", "send", "publish", "next", "mutate", "rpc", "invoke",
                 "call", "httpsCallable", "callFunction", "fetch", "post", "put", "patch"):
        for a in args[:1]:
            sv = _string_value(a)
            if sv and len(sv) <= 48 and re.match(r"^[\w/.:\- ]+$", sv):
                w = _words(sv)
                if any(x in NOT_SPEND_WORDS for x in w):
                    continue
                if any(x in ("spend", "deduct", "debit", "subtract", "withdraw", "decrement") for x in w):
                    # `dispatch('currency/spend', {feature: 'gem', name: 'emerald'})`: idle games call
                    # every resource a currency, so the payload must name a real one
                    payload = " ".join([sv] + [_t(x) for x in args[1:3]])
                    found = [x for x in re.findall(r"[A-Za-z_]\w*", payload) if _is_currency(x) and x.lower() not in ("currency", "currencies")]
                    if found:
                        return (f"{name}('{sv}', {found[0]})", True)
                    return None
                if (any(x in ("charge", "pay", "use", "remove", "take", "consume") for x in w) and any(_is_currency(x) for x in w)) or (
                        w in (["charge"], ["pay"])):
                    return (f"{name}('{sv}')", True)
    # Svelte/nanostores/signals: gems.update(g => g - 100), coins.set($coins - price)
    if name in ("update", "set", "setKey") and _is_currency(_last_name(_strip(_callee(call)).child_by_field_name("object")) if _strip(_callee(call)) is not None and _strip(_callee(call)).type == "member_expression" else "", strict=True) and any(_has_subtraction(a) for a in args):
        return (f"{obj}.{name}(… - …)", True)
    # set*(prev => prev - price) with a currency setter
    if verb == "set" and rest_cur and any(_has_subtraction(a) for a in args):
        return (f"{name}(… - …)", True)
    # canAfford(cost), hasEnoughGems(100)
    if verb in ("can", "has", "have", "check", "is", "ensure", "require", "assert", "verify") and (
        "afford" in rest or ("enough" in rest) or rest_cur and ("enough" in rest or "sufficient" in rest)):
        return (f"{name}()", False)
    if verb == "afford":
        return (f"{name}()", False)
    return None


def _purchase_in_call(call: Node) -> str | None:
    name = _callee_name(call)
    obj = _callee_object(call)
    func = _strip(_callee(call))
    ftext = _t(func) if func is not None else ""
    if PURCHASE_CALL.match(name):
        # purchaseProduct / buyProduct are also in-game shop names: need an SDK-ish object
        if name in ("purchaseProduct", "buyProduct", "requestPayment", "initiatePayment", "requestPurchase") and not PURCHASE_OBJECT_CALL.search(obj or "-") and name != "requestPurchase":
            if not re.search(r"(?i)(iap|purchases|billing|store|stripe|paypal|capacitor|native)", obj or ""):
                return None
        return f"{name}()"
    if name in PURCHASE_OBJECT_METHODS and obj and PURCHASE_OBJECT_CALL.search(obj):
        return f"{obj}.{name}()"
    if PURCHASE_CHAIN.search(ftext):
        return f"{ftext}()"
    if name == "Buttons" and obj.lower().endswith("paypal"):
        return "paypal.Buttons()"
    if call.type == "new_expression" and _t(_callee(call)) == "PaymentRequest":
        return "new PaymentRequest()"
    return None


ID_WORDS = frozenset("""id ids uuid guid key code token hash slug nonce salt ref reference number num no order invoice receipt
    txn transaction session request trace tracking serial otp pin password secret filename variant bucket experiment cohort
    ab jitter backoff delay""".split())


def _id_like(name: str) -> bool:
    """`orderNumber`, `invoiceRef`, `abBucket`, `experimentVariant`: ids and A/B buckets."""
    words = _words(name)
    return bool(words) and words[-1] in ID_WORDS


def _random_is_cosmetic(node: Node, unit_fn: Node) -> bool:
    """A random call whose value only feeds visuals, an id, a timer or a message pick."""
    cur = node
    depth = 0
    for a in _ancestors(node):
        depth += 1
        if a is unit_fn or depth > 12:
            break
        t = a.type
        if t == "member_expression":
            prop = _t(a.child_by_field_name("property"))
            if prop in ("toString", "toFixed", "substring", "substr", "padStart") and _t(a.child_by_field_name("object")).find(_t(cur)) >= 0:
                if prop == "toString" or prop in ("substring", "substr", "padStart"):
                    return True
        if t == "binary_expression" and _op(a) == "+" and any(
                c.type in ("string", "template_string") for c in (a.child_by_field_name("left"), a.child_by_field_name("right")) if c is not None):
            return True  # "kill" + Math.floor(Math.random() * 2 + 1): a file or key name
        if t == "template_string":
            txt = _t(a)
            if re.search(r"(?i)(px|%|deg|rem|vh|vw|ms\b|rotate|translate|scale|hsl|rgb|#)", txt):
                return True
        if t == "call_expression":
            cname = _callee_name(a)
            args = _args(a)
            if cname in TIMER_CALLS and len(args) >= 2 and any(x.start_byte <= node.start_byte < x.end_byte for x in args[1:]):
                return True
            if VISUAL_FN.search(cname) and cname not in ("shuffle",):
                return True
        if t == "subscript_expression":
            obj = _last_name(a.child_by_field_name("object"))
            idx = a.child_by_field_name("index")
            if idx is not None and idx.start_byte <= node.start_byte < idx.end_byte and MESSAGE_POOL.search(obj or ""):
                return True
        if t == "variable_declarator":
            name = _t(a.child_by_field_name("name"))
            if VISUAL_KEY.match(name) or re.search(r"(^|[a-z])(Id|ID|Uuid|Key|Code|Token|Hash|Slug|Nonce|Salt|Color|Colour|Delay|Duration|Angle|Rotation|Offset|Pos|Position|Speed)$", name) or _id_like(name):
                return True
            if MESSAGE_POOL.search(name) or re.search(r"(?i)(message|msg|quote|text|tip|greeting|line|emoji)$", name):
                return True
            break
        if t == "pair":
            key = _t(a.child_by_field_name("key")).strip("'\"")
            if VISUAL_KEY.match(key) or re.search(r"(?i)(Id|Uuid|Key|Color|Colour|Delay|Duration|Angle|Rotation|Offset|Speed|X|Y)$", key) or _id_like(key):
                return True
            break
        if t in ("assignment_expression", "augmented_assignment_expression"):
            left = a.child_by_field_name("left")
            ln = _last_name(left)
            if VISUAL_KEY.match(ln or "") or (left is not None and re.search(r"\.style\b", _t(left))) or re.search(
                    r"(^|[a-z])(Id|ID|Uuid|Key|Code|Token|Hash|Slug|Nonce|Salt)$", ln or "") or _id_like(ln or ""):
                return True
            break
        if t == "jsx_attribute":
            return True
        if t in ("expression_statement", "return_statement", "if_statement", "lexical_declaration", "variable_declaration"):
            break
        cur = a
    fn = next((a for a in _ancestors(node) if a.type in FUNCTION_TYPES), None)
    if fn is not None and fn is not unit_fn:
        nm = _unit_name(fn)
        if nm and VISUAL_FN.search(nm) and not LOOT_NAME.search(nm):
            return True
    return False


def _in_subscript_index(node: Node) -> bool:
    """`pool[Math.floor(Math.random() * pool.length)]`: the random number picks from a list."""
    for a in _ancestors(node):
        if a.type == "subscript_expression":
            idx = a.child_by_field_name("index")
            return idx is not None and idx.start_byte <= node.start_byte < idx.end_byte
        if a.type in ("expression_statement", "lexical_declaration", "variable_declaration", "return_statement") or a.type in FUNCTION_TYPES:
            return False
    return False


def _picks_through_variable(node: Node, fn: Node) -> bool:
    """`const roll = Math.random()` followed by `toys[Math.floor(roll * 3)]` or a chain of
    thresholds (`roll < 0.02 ? … : roll < 0.2 ? …`)."""
    decl = next((a for a in _ancestors(node) if a.type == "variable_declarator"), None)
    if decl is None:
        return False
    var = _t(decl.child_by_field_name("name"))
    if not re.match(r"^[A-Za-z_$][\w$]*$", var or ""):
        return False
    body = _t(fn.child_by_field_name("body") or fn)
    if re.search(r"\[[^\]\n]*\b" + re.escape(var) + r"\b[^\]\n]*\]", body):
        return True
    return len(re.findall(r"\b" + re.escape(var) + r"\s*(<=?|>=?)", body)) >= 2


NOT_LOOT_UNIT = re.compile(r"(?i)(re_?roll|refresh|restock|shuffle|rent|tax|fee|repair|heal|revive|upgrade|enhance|forge|craft)")


def _random_in_call(call: Node, unit_fn: Node) -> str | None:
    func = _strip(_callee(call))
    if func is None:
        return None
    ftext = re.sub(r"\s+", "", _t(func))
    name = _callee_name(call)
    if RANDOM_MEMBER.match(ftext):
        return None if _random_is_cosmetic(call, unit_fn) else f"{ftext}()"
    obj = _callee_object(call)
    if name in CHANCE_METHODS and re.search(r"(?i)(^|\.)(chance|random|rng|rand|rnd|prng|faker\.helpers|Chance\(\))$", obj or ""):
        return None if _random_is_cosmetic(call, unit_fn) else f"{obj}.{name}()"
    if name in ("seedrandom", "alea", "mulberry32", "sfc32", "xoshiro128ss", "splitmix32", "xorshift", "Random"):
        return None
    if name in ("pull", "roll", "draw", "open", "spin", "summon", "wish", "openBox", "openChest", "openCase", "openPack",
                "rollOnce", "pullOnce", "multiPull", "singlePull", "tenPull") and re.search(
            r"(?i)(gacha|summon|banner|loot|chest|crate|pack|box|case|capsule|wish|roulette|wheel|egg)", obj or ""):
        return f"{obj}.{name}()"
    if RANDOM_NAME.match(name) and not NOT_RANDOM_NAME.search(name):
        if name in ("chance",) and not _args(call):
            return None
        if name in ("sample", "shuffle", "pick", "pickOne") and not _args(call) and not obj:
            return None
        return None if _random_is_cosmetic(call, unit_fn) else f"{name}()"
    return None


def _strings_in(node: Node) -> Iterator[tuple[Node, str]]:
    for n in _walk(node):
        if n.type in ("string", "template_string"):
            yield n, _t(n)[1:-1]
        elif n.type in ("jsx_text",):
            yield n, _t(n)


class _Analysis:
    """All function units of one file region, their evidence and their verdicts."""

    def __init__(self, roots: list[Node], path: str, data: bytes):
        self.roots = roots
        self.path = path
        self.data = data
        self.units: dict[tuple[int, int, int], _Unit] = {}
        self.defs: dict[str, list[Node]] = {}
        self.path_words = set(_words(re.sub(r"[^A-Za-z]", " ", path.rsplit("/", 1)[-1])))
        self._verdicts: dict[tuple[int, int, int], tuple | None] = {}
        for root in roots:
            self._collect(root)

    # File-wide facts, computed only when a unit's verdict asks for them (most files never do).
    @cached_property
    def file_loot(self) -> bool:
        return self._file_loot_context()

    @cached_property
    def file_sells(self) -> bool:
        text = self.data[:400_000].decode("utf-8", "replace")
        box = r"(loot_?box|box|crate|chest|case|pack|capsule|egg|booster)e?s?"
        return bool(
            re.search(r"\b402\b|Payment Required|successful_payment|createInvoiceLink|sendInvoice", text) or
            re.search(rf"(?i)({box}[\w.\[\]'\"]{{0,24}}[_ .]?(price|cost)|(price|cost)\w{{0,12}}[_ ]?(of[_ ])?(the[_ ])?{box}\b"
                      rf"|\b(buy|purchase)[_ ]?(a[_ ])?{box}\b|(buy|purchase)(Loot)?(Box|Crate|Chest|Case|Pack|Capsule|Egg))", text)
        )

    # ---- definitions -------------------------------------------------------------------------
    def _collect(self, root: Node) -> None:
        for node in _walk(root):
            t = node.type
            if t in ("function_declaration", "generator_function_declaration", "method_definition"):
                self._add(_t(node.child_by_field_name("name")), node)
            elif t == "variable_declarator":
                self._add_value(_t(node.child_by_field_name("name")), node.child_by_field_name("value"))
            elif t == "pair":
                self._add_value(_t(node.child_by_field_name("key")).strip("'\""), node.child_by_field_name("value"))
            elif t in ("public_field_definition", "field_definition"):
                key = node.child_by_field_name("name") or node.child_by_field_name("property")
                self._add_value(_t(key), node.child_by_field_name("value"))
            elif t == "assignment_expression":
                left = node.child_by_field_name("left")
                self._add_value(_last_name(left), node.child_by_field_name("right"))

    def _add_value(self, name: str, value: Node | None) -> None:
        value = _strip(value)
        if not name or value is None:
            return
        if value.type in FUNCTION_TYPES:
            self._add(name, value)
        elif value.type == "call_expression":
            for a in _args(value):
                if a.type in FUNCTION_TYPES:
                    self._add(name, a)
                    break

    def _add(self, name: str, fn: Node) -> None:
        if name:
            self.defs.setdefault(name, []).append(fn)

    def _file_loot_context(self) -> bool:
        if any(w in STRONG_LOOT and w not in ("case", "cases", "pack", "packs", "banner", "banners", "egg", "eggs", "wish", "wishes", "warp", "warps", "recruit", "recruitment")
               for w in self.path_words):
            return True
        text = self.data[:400_000].decode("utf-8", "replace")
        return bool(re.search(
            r"(?i)(gacha|loot_?box|lootbox|mystery_?box|blind_?box|open_?case|case_?opening|crate|\bchests?\b|card_?packs?|booster_?packs?"
            r"|summon|gachapon|capsule|\bpity\b|drop_?rates?|loot_?table|gacha)", text))

    # ---- units -------------------------------------------------------------------------------
    def unit(self, fn: Node) -> _Unit:
        key = (fn.start_byte, fn.end_byte, fn.kind_id)
        u = self.units.get(key)
        if u is None:
            u = self._build_unit(fn)
            self.units[key] = u
        return u

    def _build_unit(self, fn: Node, name: str | None = None) -> _Unit:
        u = _Unit(fn, name if name is not None else _unit_name(fn))
        for w in _words(u.name):
            u.words.add(w)
        for s in _parent_call_strings(fn):
            for w in _words(s):
                u.words.add(w)
            if PURCHASE_EVENT_STRING.match(s.strip()):
                u.purchase.append(f"'{s}' handler")
            if PURCHASE_LISTENER.match(s):
                u.purchase.append(f"{s}() callback")
        # the function is the value of onApprove / a purchase listener callback
        if PURCHASE_LISTENER.match(u.name or "-"):
            u.purchase.append(f"{u.name} callback")
        params = fn.child_by_field_name("parameters") or fn.child_by_field_name("parameter")
        if params is not None and re.search(r"(?i)\b(order|payment|purchase|transaction|receipt|invoice)_?(id|no|number)?\b|(order|payment|purchase|transaction|receipt|invoice)(Id|No|Number)\b", _t(params)):
            u.words.add("_paid_order")
        self._scan(u, _unit_nodes(fn), fn)
        return u

    def template_unit(self, expr: Node, name: str) -> _Unit:
        u = _Unit(expr, name)
        for w in _words(name):
            u.words.add(w)
        self._scan(u, _walk(expr), expr)
        return u

    def _scan(self, u: _Unit, nodes: Iterable[Node], fn: Node) -> None:
        for n in nodes:
            t = n.type
            if t in ("identifier", "property_identifier", "shorthand_property_identifier", "type_identifier"):
                u.words.update(_words(_t(n)))
                continue
            if t == "augmented_assignment_expression":
                op = _op(n)
                left = n.child_by_field_name("left")
                ln = _last_name(left)
                if op == "-=" and _is_currency(ln, strict=True):
                    u.spend.append(f"{_t(left)} -= …")
                elif op == "-=" and _is_price(n.child_by_field_name("right")) and _payer_ok(ln):
                    u.soft_spend.append(f"{_t(left)} -= …")
                elif op == "-=" and _is_box_counter(ln):
                    u.consume.append(f"{_t(left)} -= …")
                elif op == "+=" and _is_currency(ln) and _has_negative(n.child_by_field_name("right")):
                    u.spend.append(f"{_t(left)} += -…")
            elif t == "binary_expression" and _op(n) == "-":
                left = _strip(n.child_by_field_name("left"))
                if left is not None and left.type != "number" and not _in_condition(n) and _is_currency(_last_name(left), strict=True):
                    u.spend.append(f"{_short(_t(n), 30)}")
                elif left is not None and left.type != "number" and not _in_condition(n) and (
                        _is_price(n.child_by_field_name("right")) and _payer_ok(_last_name(left))):
                    u.soft_spend.append(f"{_short(_t(n), 30)}")
                elif left is not None and not _in_condition(n) and _is_box_counter(_last_name(left)):
                    u.consume.append(f"{_short(_t(n), 30)}")
            elif t == "update_expression":
                arg = n.child_by_field_name("argument")
                if "--" in _t(n) and _is_currency(_last_name(arg), strict=True):
                    u.spend.append(f"{_t(arg)}--")
                elif "--" in _t(n) and _is_box_counter(_last_name(arg)):
                    u.consume.append(f"{_t(arg)}--")
            elif t == "pair":
                key = _t(n.child_by_field_name("key")).strip("'\"")
                value = _strip(n.child_by_field_name("value"))
                if value is None:
                    continue
                if key in ("$inc", "$increment", "increment", "_increment"):
                    if value.type == "object":
                        for p in value.named_children:
                            if p.type == "pair" and _is_currency(_t(p.child_by_field_name("key")).strip("'\"")) and _has_negative(p.child_by_field_name("value")):
                                u.spend.append(f"{{{key}: {{{_t(p.child_by_field_name('key'))}: -…}}}}")
                elif _is_currency(key):
                    if value.type == "object" and re.search(r"\b(decrement|decrease|subtract)\s*:", _t(value)):
                        u.spend.append(f"{{{key}: {{decrement: …}}}}")
                    elif value.type == "binary_expression" and _op(value) == "-":
                        u.spend.append(f"{{{key}: … - …}}")
                    elif value.type == "call_expression" and _callee_name(value) in ("increment", "inc") and _has_negative(value):
                        u.spend.append(f"{{{key}: increment(-…)}}")
                    elif value.type == "unary_expression" and _op(value) == "-" and n.parent is not None and n.parent.parent is not None and n.parent.parent.type == "pair":
                        u.spend.append(f"{{{key}: -…}}")
            elif t in ("call_expression", "new_expression"):
                if t == "call_expression":
                    sp = _spend_in_call(n)
                    if sp is not None:
                        (u.spend if sp[1] else u.weak_spend).append(sp[0])
                    elif _callee_name(n) in ("rpc", "invoke", "httpsCallable", "callFunction", "dispatch", "commit", "mutate") and _args(n) and (
                            re.search(r"(?i)^(consume|use|spend|deduct|decrement|take)[_\-/]?(open|opens|opening|openings|box|boxes|crate|crates|chest|chests|case|cases|pack|packs|key|keys|ticket|tickets|attempt|attempts|spin|spins|pull|pulls)$",
                                      _string_value(_args(n)[0]) or "")):
                        u.consume.append(f"{_callee_name(n)}('{_string_value(_args(n)[0])}')")
                    elif _callee_name(n).lower() in ("subtract", "sub", "decrement", "decr", "decrby") and _args(n):
                        key = _string_value(_args(n)[0]) or _t(_args(n)[0])
                        if any(_is_box_counter(w) for w in re.findall(r"[A-Za-z]+", key)):
                            u.consume.append(f"{_callee_name(n)}('{_short(key, 30)}')")
                    rnd = _random_in_call(n, fn)
                    if rnd is not None:
                        u.random.append(rnd)
                        if not u.pool_pick and (_in_subscript_index(n) or "Math.random" not in rnd or _picks_through_variable(n, fn)):
                            u.pool_pick = True
                    cname = _callee_name(n)
                    if cname:
                        u.calls.append((cname, n))
                        u.words.update(_words(cname))
                    # dispatch('openPack') / commit('card/openPack') name a same-file action
                    if cname in ("dispatch", "commit", "$dispatch", "emit", "$emit", "call", "send", "trigger", "invoke", "rpc", "fetch", "post", "get", "put", "httpsCallable", "callFunction", "mutate", "query"):
                        args = _args(n)
                        sv = _string_value(args[0]) if args else None
                        if sv:
                            parts = [x for x in re.split(r"[/:.]", sv.strip()) if x]
                            # 'card/openPack' names this store's action only inside card.js
                            stem = re.split(r"[./]", self.path.rsplit("/", 1)[-1])[0].lower()
                            if parts and (len(parts) == 1 or parts[-2].lower() == stem):
                                u.calls.append((parts[-1], n))
                            if LOOT_NAME.search(sv) and (cname not in ("dispatch", "commit", "$dispatch", "emit", "$emit") or True):
                                u.remote.append(f"{cname}('{sv[:40]}')")
                    elif cname in REMOTE_CALL or _callee_object(n) in ("axios", "api", "http", "$http", "client", "supabase", "ky", "request", "$axios", "functions"):
                        for a in _args(n)[:1]:
                            sv = _string_value(a)
                            if sv and LOOT_NAME.search(sv):
                                u.remote.append(f"{cname}('{sv[:40]}')")
                    # inventory.push(item), addToCollection(card), setInventory(prev => [...prev, x])
                    obj = _callee_object(n)
                    if cname in ("push", "unshift", "add", "set", "concat", "insert", "insertOne", "create", "append") and GRANT_TARGET.search(obj or ""):
                        u.grant = True
                    elif re.match(r"(?i)^(add|give|grant|award|set|save|store|push|put|insert|append|unlock|collect|gain|receive|obtain)\w*$", cname) and GRANT_TARGET.search(cname):
                        u.grant = True
                pu = _purchase_in_call(n)
                if pu is not None:
                    u.purchase.append(pu)
            elif t == "binary_expression":
                op = _op(n)
                if op in COMPARISON_OPS:
                    left = _strip(n.child_by_field_name("left"))
                    right = _strip(n.child_by_field_name("right"))
                    for side in (left, right):
                        if side is None:
                            continue
                        if side.type == "binary_expression" and _op(side) == "-":
                            side = _strip(side.child_by_field_name("left"))
                        other_side = right if side is left else left
                        if side is not None and side.type not in ("number",) and (
                                _is_currency(_currency_operand(side))
                                or (_is_price(other_side) and _payer_ok(_last_name(side)) and not _is_price(side))):
                            other = right if side is left else left
                            if other is not None and _t(other) not in ("0", "null", "undefined"):
                                u.weak_spend.append(f"{_t(n)[:40]}")
                            elif other is not None and _t(other) == "0" and n.child_by_field_name("left") is not None and _strip(n.child_by_field_name("left")).type == "binary_expression":
                                u.weak_spend.append(f"{_t(n)[:40]}")
                            break
            elif t in ("string", "template_string", "jsx_text"):
                txt = _t(n) if t == "jsx_text" else _t(n)[1:-1]
                if not txt:
                    continue
                if SQL_SPEND.search(txt):
                    u.spend.append("SQL `SET currency = currency - …`")
                if len(txt) < 200:
                    u.words.update(w for w in _words(txt) if w in STRONG_LOOT or w in WEAK_LOOT or w in BET_WORDS)
                    for cjk, word in CJK_LOOT:
                        if cjk in txt:
                            u.words.add(word)
                    if SHORTAGE_TEXT.search(txt) and CURRENCY_TEXT.search(txt):
                        u.weak_spend.append(f"'{txt.strip()[:40]}'")
                        if BUY_PROMPT.search(txt) and u.prompt is None:
                            u.prompt = txt.strip()[:60]
                    elif UI_COST_TEXT.search(txt):
                        u.weak_spend.append(f"'{txt.strip()[:40]}'")
                    if PURCHASE_EVENT_STRING.match(txt.strip()):
                        u.purchase.append(f"'{txt.strip()}'")
        u.bet = any(w in BET_WORDS for w in u.words)

    # ---- following calls ---------------------------------------------------------------------
    def callee_units(self, u: _Unit) -> list[_Unit]:
        out = []
        seen = set()
        for name, call in u.calls:
            if name in seen:
                continue
            seen.add(name)
            for fn in self.defs.get(name, [])[:3]:
                if fn is u.node or (fn.start_byte <= u.node.start_byte and u.node.end_byte <= fn.end_byte):
                    continue  # recursion / enclosing definition
                out.append(self.unit(fn))
        return out

    def reach(self, u: _Unit, depth: int, seen: set, top: int | None = None) -> tuple[list[str], list[str], list[str], list[str], bool, set]:
        """Random picks, spends, purchases and remote loot calls reached through callees. Past
        the first hop only helpers named for the job are followed (`rollRarity`, `pickWeighted`),
        not the whole call graph (`explore()` → `combat()` → `attack()`)."""
        top = depth if top is None else top
        rnd: list[str] = []
        spend: list[str] = []
        purchase: list[str] = []
        remote: list[str] = []
        grant = False
        words: set[str] = set()
        if depth <= 0:
            return rnd, spend, purchase, remote, grant, words
        for c in self.callee_units(u):
            key = (c.node.start_byte, c.node.end_byte, c.node.kind_id)
            if key in seen:
                continue
            seen.add(key)
            if c.name and VISUAL_FN.search(c.name) and not LOOT_NAME.search(c.name):
                continue
            if depth < top and not (LOOT_NAME.search(c.name or "") or RANDOM_NAME.match(c.name or "")
                                    or set(_words(c.name)) & (STRONG_LOOT | WEAK_LOOT | {"random", "rng", "weighted", "gacha"})):
                continue
            if c.random:
                rnd += [f"{c.name}() → {c.random[0]}"]
            spend += [f"{c.name}() → {s}" for s in c.spend[:1]]
            purchase += [f"{c.name}() → {p}" for p in c.purchase[:1]]
            remote += c.remote[:1]
            grant = grant or c.grant
            r2, s2, p2, m2, g2, w2 = self.reach(c, depth - 1, seen, top)
            if c.random or r2 or c.spend or s2:
                # only helpers that roll or charge lend their names as loot context
                words.update(w for w in _words(c.name))
                words |= w2
            rnd += [f"{c.name}() → {x}" for x in r2[:1]]
            spend += s2[:1]
            purchase += p2[:1]
            remote += m2[:1]
            grant = grant or g2
        return rnd, spend, purchase, remote, grant, words

    # ---- the verdict -------------------------------------------------------------------------
    def loot_context(self, u: _Unit, extra_words: set[str], grant: bool) -> str | None:
        return loot_context_of(u.words | extra_words, u.grant or grant, self.file_loot)

    def verdict(self, u: _Unit) -> tuple[str, str, str, str | None] | None:
        """(kind, pay, pick, context) when the unit is a paid random pick; cached."""
        key = (u.node.start_byte, u.node.end_byte, u.node.kind_id)
        if key in self._verdicts:
            return self._verdicts[key]
        self._verdicts[key] = None  # recursion guard
        result = self._judge(u)
        self._verdicts[key] = result
        return result

    def _judge(self, u: _Unit):
        r_rnd, r_spend, r_purchase, r_remote, r_grant, r_words = self.reach(u, 3, set())
        rnd = u.random + r_rnd
        purchase = u.purchase + r_purchase[:1]
        strong_spend = u.spend + r_spend[:2]
        weak = u.weak_spend
        name_loot = bool(u.name and LOOT_NAME.search(u.name))
        if GAME_LOOP_NAME.match(u.name or ""):
            return None
        ctx = self.loot_context(u, r_words, r_grant)
        if u.bet and not (ctx and ctx in STRONG_LOOT):
            return None
        if rnd and purchase:
            return ("purchase", purchase[0], rnd[0], ctx)
        if rnd and "_paid_order" in u.words and ctx in STRONG_LOOT | {"box"}:
            # performDraw(productId, userId, orderId): the draw for a paid order
            return ("purchase", "runs for a paid order", rnd[0], ctx)
        if not u.random and not (u.spend or u.soft_spend or u.purchase or u.consume) and not name_loot:
            # both halves only in callees (a key handler calling enterDungeon() and grabDaily()):
            # only a loot-box name ties them together
            return None
        if rnd and strong_spend and (ctx or any(_premium_spend(x) for x in strong_spend)):
            return ("spend", strong_spend[0], rnd[0], ctx)
        if u.random and u.spend and self.file_loot and u.pool_pick and not NOT_LOOT_UNIT.search(u.name or ""):
            # a plain `tokens -= 3` + `toys[Math.floor(Math.random() * toys.length)]` in a file about
            # capsules, gacha or chests
            return ("spend", u.spend[0], u.random[0], "loot file")
        if rnd and u.soft_spend and ctx in STRONG_LOOT:
            # `user.celes -= totalCost`: an unknown currency paid at a price, in a gacha/chest unit
            return ("spend", u.soft_spend[0], rnd[0], ctx)
        if rnd and weak and (name_loot or (u.random and ctx in STRONG_LOOT)):
            return ("gate", weak[0], rnd[0], ctx)
        remote = u.remote + r_remote[:1]
        if name_loot and remote and (strong_spend or weak):
            return ("remote", (strong_spend or weak)[0], remote[0], ctx)
        if rnd and u.consume and ctx and self.file_sells:
            return ("consume", u.consume[0], rnd[0], ctx)
        if rnd and (u.random or r_rnd) and name_loot:
            buyer = self.paid_sibling(u)
            if buyer is not None:
                return ("two-step", buyer, rnd[0], ctx)
        return None

    def paid_sibling(self, u: _Unit) -> str | None:
        """`openLootBox()` rolls, `purchaseLootBox()` in the same file charges for the box."""
        nouns = {w for w in _words(u.name) if w in BOX_NOUNS}
        if not nouns or not ({"open", "opening", "unbox", "hatch", "crack", "reveal", "use"} & set(_words(u.name))):
            return None
        for name, fns in self.defs.items():
            words = set(_words(name))
            if not (words & nouns) or not (words & {"buy", "purchase", "purchased", "order", "acquire", "get"}):
                continue
            for fn in fns[:2]:
                if fn is u.node:
                    continue
                b = self.unit(fn)
                if any(c == u.name for c, _ in b.calls):
                    return None  # the buyer opens the box itself and is reported there
                if b.spend or b.purchase:
                    return f"`{name}` → {(b.spend or b.purchase)[0]}"
        return None

    def reported(self, u: _Unit) -> tuple | None:
        """The verdict, unless the whole mechanism sits in a callee or an inline handler that is
        reported itself, or this is an inline callback absorbed by its enclosing function."""
        if _absorbed(u.node):
            return None
        v = self.verdict(u)
        if v is None:
            return None
        direct_random = bool(u.random)
        direct_pay = bool(u.spend or u.soft_spend or u.purchase or u.weak_spend or u.remote or u.consume)
        if not (direct_random and direct_pay):
            for c in self.callee_units(u):
                if (c.spend or c.soft_spend or c.purchase or c.weak_spend) and self.verdict(c) is not None:
                    return None
        for n in _unit_nodes(u.node):
            if n is u.node or n.type not in FUNCTION_TYPES or _absorbed(n):
                continue
            inner = self.unit(n)
            if inner.random and (inner.spend or inner.soft_spend or inner.purchase) and self.verdict(inner) is not None:
                return None
        return v


REGISTRATION_CALLS = re.compile(
    r"^(addEventListener|on|once|addListener|prependListener|command|action|hears|callbackQuery|inlineQuery|post|get|put"
    r"|patch|delete|del|all|route|handle|handler|subscribe|listen|bind|click|use|onClick|onclick|onPress|purchaseUpdatedListener"
    r"|setPurchaseListener|addPurchaseListener|approved|verified|finished|owned|when|register|registerCommand|onMessage"
    r"|addCommand|messageCreate|interactionCreate|ipcMain|handleMessage|onEvent|createCommand|slash|event|watch|useEffect"
    r"|onMounted|onMount|mounted|ready|\$|jQuery|live|delegate|addHandler|setInterval|setTimeout|requestAnimationFrame"
    r"|queueMicrotask|nextTick|\$nextTick|forEach|map|flatMap|reduce|from|filter|find)$"
)


def loot_context_of(words: set[str], granted: bool, file_loot: bool, granted_to: str = "the collection") -> str | None:
    """The loot word that makes a paid random pick a loot box (chest, gacha, mystery box, ...),
    from a unit's words; None when nothing in the unit or file says loot."""
    strong = sorted(w for w in words if w in STRONG_LOOT)
    strong = [w for w in strong if not (w in ("case", "cases") and (words & NOT_LOOT_CONTEXT or not words & CASE_PARTNERS))]
    if {"box", "boxes"} & words and {"blind", "mystery", "loot", "lucky", "surprise", "random"} & words:
        strong.append("box")
    if strong:
        return strong[0]
    weak = sorted(w for w in words if w in WEAK_LOOT)
    if len(weak) >= 2:
        return "/".join(weak[:2])
    if granted:
        return f"granted to {granted_to}"
    if file_loot and weak:
        return weak[0]
    return None


def _absorbed(fn: Node) -> bool:
    """An inline callback (`$transaction(async tx => …)`, `.then(r => …)`) that belongs to the
    enclosing function: the finding goes on that function."""
    if _is_separate_unit(fn):
        return False
    call = fn.parent.parent if fn.parent is not None else None
    if call is None or call.type not in ("call_expression", "new_expression"):
        return False
    cname = _callee_name(call) if call.type == "call_expression" else ""
    if REGISTRATION_CALLS.match(cname or "-") or re.match(
            r"^(on[A-Z_$]\w*|when\w*|subscribe\w*|\w*(Listener|Handler|Callback|Hook|Event|Command)s?)$", cname or "-"):
        # event/command/route registrations and timers are handlers of their own, unless the
        # registration sits inside a named function that is itself the handler (`setTimeout`,
        # `forEach`, `map` inside `openCase()`): those belong to the enclosing function
        if cname not in ("setTimeout", "setInterval", "requestAnimationFrame", "queueMicrotask", "nextTick", "$nextTick",
                         "forEach", "map", "flatMap", "reduce", "from", "filter", "find"):
            return False
    owner = next((a for a in _ancestors(fn) if a.type in FUNCTION_TYPES), None)
    return owner is not None


def _analysis(ctx: CheckContext) -> _Analysis | None:
    """The file's analysis, built once per file and region (kept in the file's memo)."""
    if len(ctx.data) > MAX_FILE_BYTES:
        return None
    key = ("loot_box.analysis", ctx.language, ctx.root.start_byte, ctx.root.end_byte)
    a = ctx.memo.get(key)
    if a is None:
        roots = ctx.script_roots() if ctx.language == "html" else [ctx.root]
        a = _Analysis(roots, str(ctx.path).replace("\\", "/"), ctx.data)
        ctx.memo[key] = a
    return a


def _describe(kind: str, pay: str, pick: str, ctx_word: str | None, what: str, prompt: str | None) -> str:
    pay = pay.replace("\n", " ")
    pick = pick.replace("\n", " ")
    if kind == "purchase" and pay.startswith("runs for"):
        msg = f"{what} draws a random reward ({pick}) for a paid order"
    elif kind == "purchase" and re.search(r"(callback|handler|')$", pay):
        msg = f"{what} runs after a real-money purchase ({pay}) and hands out a random reward ({pick})"
    elif kind == "purchase":
        msg = f"{what} makes a real-money purchase ({pay}) and hands out a random reward ({pick})"
    elif kind == "remote":
        msg = f"{what} spends or checks currency ({pay}) and asks the server for a random loot result ({pick})"
    elif kind == "gate":
        msg = f"{what} charges currency ({pay}) for a random pick ({pick})"
    elif kind == "consume":
        msg = f"{what} uses up a bought box or opening ({pay}) and rolls a random reward ({pick})"
    elif kind == "two-step":
        msg = f"{what} rolls a random reward ({pick}) from a box that is bought with currency ({pay})"
    else:
        msg = f"{what} spends currency ({pay}) on a random pick ({pick})"
    if ctx_word and kind != "purchase":
        msg += f" [{ctx_word}]"
    if prompt:
        msg += f"; it prompts to buy more when the balance runs short (\"{prompt}\")"
    return msg


def _unit_label(fn: Node, name: str) -> str:
    parent = fn.parent
    if parent is not None and parent.type == "arguments" and parent.parent is not None and parent.parent.type == "call_expression":
        call = parent.parent
        cname = _callee_name(call)
        if cname in ("useCallback", "useMemo", "debounce", "throttle", "memo", "action", "computed") and name and name != cname:
            return f"`{name}`"
        strings = [s for s in (_string_value(a) for a in _args(call)) if s]
        if strings:
            return f"The {cname}('{_short(strings[0], 40)}') handler"
        return f"This {cname}() callback" if cname else "This callback"
    if name and re.match(r"^[\w$]+$", name):
        if re.match(r"^(on[A-Z:]\w*|onclick|handle\w*|click|press|execute|run|handler|callback)$", name):
            return f"The `{name}` handler"
        return f"`{name}`"
    return "This function"


def _short(s: str, n: int = 48) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# --------------------------------------------------------------------------------------------
# pattern checks


def paid_random_function(ctx: CheckContext) -> Verdict | bool:
    """A function that spends currency (or calls a purchase API) and makes a random pick."""
    fn = ctx.node
    if _absorbed(fn):
        return False  # an inline callback: its code is part of the enclosing function's unit
    a = _analysis(ctx)
    if a is None:
        return False
    u = a.unit(fn)
    v = a.reported(u)
    if v is None:
        return False
    kind, pay, pick, cword = v
    what = _unit_label(fn, u.name)
    prompt = u.prompt
    return Verdict(message=_describe(kind, _short(pay), _short(pick), cword, what, prompt))


TEMPLATE_EVENT_ATTR = re.compile(
    r"(?i)^(@click(\.\w+)*|v-on:click(\.\w+)*|on:click(\|\w+)*|onclick|\(click\)|@tap|@press|onpress|@submit(\.\w+)*"
    r"|on:submit(\|\w+)*|\(tap\)|bindtap|@pointerdown|onpointerdown|@touchend)$"
)




def template_handler(ctx: CheckContext) -> Verdict | bool:
    """A template click handler whose inline code pays and picks at random (the pieces may be
    named functions of the file's <script> blocks)."""
    a = _analysis(ctx)
    if a is None:
        return False
    tag = next((c for c in ctx.node.named_children if c.type == "tag_name"), None)
    for name, value, _ in _html_attrs(ctx.node, ctx.data):
        if not TEMPLATE_EVENT_ATTR.match(name) or not value.strip():
            continue
        expr = value.strip()
        if expr.startswith("{") and expr.endswith("}"):
            expr = expr[1:-1].strip()
        root = _parse_snippet(expr)
        # a bare handler name (`openChest`) is reported at its definition, not here
        if len(root.named_children) == 1 and root.named_children[0].type == "expression_statement":
            inner = root.named_children[0].named_children[0] if root.named_children[0].named_children else None
            if inner is not None and inner.type in ("identifier", "member_expression"):
                continue
            if inner is not None and inner.type == "call_expression" and all(
                    x.type in ("identifier", "number", "string", "member_expression", "true", "false", "null") for x in _args(inner)):
                continue
        u = a.template_unit(root, "")
        u.words.update(_words(_t(tag)))
        element = ctx.node.parent
        if element is not None:
            label = " ".join(_t(c) for c in element.named_children if c.type == "text")
            u.words.update(w for w in _words(label) if w in STRONG_LOOT or w in WEAK_LOOT)
        v = a.verdict(u)
        if v is None:
            continue
        # if one named function holds everything it is reported there
        if not u.random or not (u.spend or u.purchase):
            if any(a.verdict(c) is not None for c in a.callee_units(u)):
                continue
        kind, pay, pick, cword = v
        return Verdict(message=_describe(kind, _short(pay), _short(pick), cword, f"The <{_t(tag)} {name}> handler", None))
    return False


def _json_key_path(node: Node) -> list[str]:
    keys = []
    for anc in _ancestors(node):
        if anc.type == "pair":
            k = anc.child_by_field_name("key")
            keys.append(_t(k).strip("\"'"))
        elif anc.type == "block_mapping_pair" or anc.type == "flow_pair":
            k = anc.child_by_field_name("key")
            keys.append(_t(k).strip("\"'"))
    return list(reversed(keys))


def locale_string(ctx: CheckContext) -> Verdict | bool:
    """An i18n message that sells a random pull for currency, or prompts to buy more currency
    when a pull/chest/pack cannot be afforded."""
    node = ctx.node
    text = _t(node).strip().strip("\"'")
    if not text or len(text) > 300:
        return False
    path = _json_key_path(node)
    if not path:
        return False
    key_text = " ".join(path[-3:])
    key_words = set(_words(key_text))
    loot_in_key = bool(key_words & STRONG_LOOT) or bool(re.search(r"(?i)(gacha|loot_?box|lootbox|mystery_?box|summon|chest|crate|card_?pack|booster)", key_text))
    loot_in_text = bool(LOOT_TEXT.search(text))
    if SHORTAGE.search(text) and CURRENCY_TEXT.search(text) and BUY_PROMPT.search(text) and (loot_in_key or loot_in_text):
        return Verdict(message=f"Message '{'.'.join(path[-3:])}' prompts to buy more currency for a random pull: \"{_short(text, 60)}\"")
    if PAID_PULL_TEXT.search(text) and (loot_in_text and (loot_in_key or re.search(r"(?i)(summon|pull|wish(?!(es|ed)?\s+to\b)|chest|crate|case|pack|gacha|loot|mystery|capsule|egg|spin)", text))):
        if re.search(r"(?i)\bfree\b", text):
            return False  # "Open a free chest (normally 100 gems)"
        return Verdict(message=f"Message '{'.'.join(path[-3:])}' offers a random pull for currency: \"{_short(text, 60)}\"")
    return False


# --------------------------------------------------------------------------------------------
# mitigation


def odds_disclosed(ctx: CheckContext) -> bool:
    """The file shows the player the drop rates (checks/loot_box_odds.py: "Odds" text, JSX/HTML text between tags, an
    `oddsTable`/`showRates()` widget, a rate written into a label); a `dropRates` map or a `probabilities` array that only
    feeds the roll is not a disclosure. A message catalogue (JSON/YAML) is text the app shows, keys and values alike."""
    def build() -> bool:
        text = ctx.data[:600_000].decode("utf-8", "replace")
        if ctx.language in ("json", "yaml"):
            return bool(ODDS_DISCLOSURE.search(text))
        return shows_odds(text, markup=ctx.language in MARKUP_LANGUAGES)
    return ctx.remember("loot-box:odds-shown", build)


# Languages whose files hold markup text (JSX, HTML, Vue and Svelte templates).
MARKUP_LANGUAGES = frozenset({"javascript", "typescript", "tsx", "html", "vue", "svelte"})
