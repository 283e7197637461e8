"""Checks for the `loot-box` rule in game code: Unity C#, Godot GDScript, Roblox/LÖVE Lua, Python.

The queries in rules/loot-box/games.yaml hand over every function whose text mentions money,
a currency, a price or a purchase; the check here decides, as the web check does
(checks/loot_box.py, whose vocabularies and message style it reuses), whether the function is a
loot box:

* a *payment*: a currency spent (`gems -= cost`, `PlayerData.Gems -= price`,
  `leaderstats.Coins.Value -= price` (Luau), `data.Gems = data.Gems - cost`, `SpendGems(cost)`,
  `TrySpend(Currency.Gems, 100)`, `update_bank(user, -price)`, `{"$inc": {"wallet": -price}}`,
  `UPDATE users SET coins = coins - ?`), or a real-money purchase handler (Unity IAP
  `ProcessPurchase(PurchaseEventArgs)` and `onPurchaseComplete` listeners, Roblox
  `MarketplaceService.ProcessReceipt` and the product handlers it dispatches to, Godot IAP plugin
  signals `purchases_updated`/`purchase_success`, Telegram `successful_payment` and Stripe
  webhook events, `stripe.Charge.create`);
* a *random pick*: `Random.Range`, `Random.value`, `System.Random.Next`, `randi()`, `randf()`,
  `randi_range`, `pick_random()`, `RandomNumberGenerator`, `math.random`, `love.math.random`,
  `Random.new():NextInteger`, `random.choice(s)`, `random.randint`, `secrets.choice`, or a helper
  that rolls (`RollRarity()`, `weighted_choice(pool)`, `RollMonster(box)`, `RandomGacha()`),
  followed by name through the same file, or an opener another module rolls for
  (`GachaService:OpenGacha(player, …)`, `EggService.HatchEgg(…)`); random numbers for positions,
  colours, sounds, delays, ids and NPC counts are ignored;
* *loot context* for in-game currencies (chests, crates, eggs, packs, gacha, rarity, an item
  added to the inventory); premium currencies (gems, diamonds, crystals) and real-money
  purchases need none.

A loot-named function (`OpenChest`, `hatch_egg`) that checks the balance (`if coins < price`,
`HasGems(cost)`) and rolls is reported too, and so is a unit that uses up a bought key, box or
spin (`chestKeys--`, `use_key(tier)`, `data.Spins[wheel] -= 1`) and rolls, in a file that sells
it (`BuyKey`, `KEY_PRICE`, a `buy` command), also through an inventory helper (`update_inv(user, item, -1)`).
Pulls on a loot system of another class or module (`GachaManager.Instance.Pull(10)`, `EggSystem:Hatch(…)`,
an imported `character_gacha(pulls)`) are picks. Luau `coins.Value -= price` (`update_statement`) is a
spend. A game's own store wrapper (`PaymentManager.instance.Purchase(id, onDone)`) is a real-money purchase,
`SpendHardCoins(3)` a premium spend. Roulettes and lotteries that hand out items are prize wheels; they are
bets only when they pay currency back (`coins += bet * 36`). Helpers that re-roll something the player
owns (`rollEnchantment()`, `getEnchant()`) are paid upgrades, not picks.
Premium currencies also go by short or foreign names (`MainDia`, `crysCount`, `gemas`), a balance may carry a
quantity word (`gemCount`), and a loot-named unit may pay with the game's generic `resources`. From a unit
that names a loot system, helpers that roll themselves are followed past the first hop (`SelectGrade()`), and
methods run later by name are followed (`Invoke("Reveal", 1f)`, `AddListener(DropCapsule)`, `OnDone += Roll`).
A roll handed the item the player owns (`getRandomSkinData(…, m_targetSkinData)`) is a paid re-roll, and gems
that unlock a timed chest now (`OnUnlockWithGemsClick` next to `unlockEndTime`) a paid shortcut.
A spend verb on a currency of the game's own name at a price (`RemovePoints(_price)`) counts next to a strong
loot word, Roblox bindables of the economy script move a balance (`MoneyFunction:Invoke(plr, price, "-")`),
and `stickers.Random()` (a C# collection's pick extension) is a pick, as is a C# web request to a loot path
(`UnityWebRequest.Get(url + "buyBooster.php?…")`: the server draws). A stake paid back in its own currency
with nothing else handed out (`Money = Money - price` … `Money = Money + jackpot`) is a lottery, and
UI builders named for a purchase (`BuyCoinsKeyboard()`) charge nothing. A buy-named shop button whose own draw picks which
item is handed out (`BuyTrail()` drawing from `NotBuyedItems`) is a paid random reward whatever the item is called
(checks/loot_box_items.py).
A comparison with a scaled balance (`item.Cost.Value > Money.Value / 50`: a free gift's price band) is not a balance
check, and a rebirth or prestige that compares the money with its threshold and sets it back to a number
(`Money.Value = 50`) buys nothing. The count of one kind of box in a folder of boxes (`Player.Crates.Unreal.Value - 1`)
is a stock of bought boxes.
Lua product tables that keep a grant callback under a purchase key
(`Purchased = function(self, userId)`) are purchase handlers. Game loops (`Update`, `_process`,
`main`), bets and gambling commands (slots, coin flips, `gamble`, `dados`, a duel for a stake),
paid upgrades with a success chance, paid speed-ups and shop rerolls are left alone.

Inline handlers a paying unit registers (`onDone.AddListener(() => …)`, `AddListener(delegate { … })`,
Lua `:Connect(function() … end)`) are followed as its helpers. Across files (designlint/project_index.py):
a paying unit's calls on manager/system/service/module-like receivers, or bare, are looked up in the
project (`_Project.pick_elsewhere`: at most MAX_LOOKUPS names, the owner class or file matched against the
receiver when several define the name) and the callee's own analysis says whether it rolls; a roll whose
paying caller in another file is not checked itself (no query word in its text) is reported at the roll
(`_Project.paying_callers`). A C# box bought here and opened by its own class (`CreateLootBox()` or
`user.AddPack(pack)` → the rolling methods of `LootBox.cs` / `Pack.cs`, found by file name) is reported where it
is paid (`_Project.opened_later`). A box used up by name here (`remove_lootbox(box)`) counts as bought when another
file of the project sells it (`_Project.sells_elsewhere`). Callbacks handed to a game's own receipt router
(`ProductService.RegisterProduct(id, fn)`) are purchase handlers, and a product-effect helper
(`applyDevProductEffect`) is not a visual effect. Random stats of an item the player chose (`"loyalty":
random.randint(…)`) are not picks, and the ten-pull handler of a gacha reported at its single pull is not reported
again (`loot_box_mobile.later_batch_of`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Iterator

from tree_sitter import Node

from designlint import project_index
from designlint.checks import CheckContext, Verdict
from designlint.checks.loot_box import (
    BET_WORDS,
    CHANGE_VERB,
    CURRENCY_TEXT,
    GRANT_TARGET,
    LOOT_NAME,
    loot_context_of,
    NOT_CURRENCY_WORDS,
    NOT_SPEND_WORDS,
    NOT_RANDOM_NAME,
    PURCHASE_EVENT_STRING,
    RANDOM_NAME,
    SHORTAGE_TEXT,
    BUY_PROMPT,
    SPEND_VERB_STRONG,
    SPEND_VERB_WITH_CURRENCY,
    SQL_SPEND,
    STRONG_LOOT,
    WEAK_LOOT,
    _describe,
    _is_box_counter,
    BOX_NOUNS,
    _is_currency,
    _payer_ok,
    _premium_spend,
    _short,
    _words,
)
from designlint.checks.loot_box_items import bought_item, picked_collection, removed_from
from designlint.checks.loot_box_odds import shows_odds
from designlint.checks.loot_box_mobile import NOT_REMOTE_PATH, REMOTE_LOOT_PATH, later_batch_of
from designlint.checks.polyglot import Call, argument_nodes, as_call, calls, function_name
from designlint.checks.util import FUNCTION_TYPES, ancestors, text, walk
from designlint.languages import language_family

MAX_FILE_BYTES = 1_500_000
MEMO_KEY = "loot_box_games"

# ---------------------------------------------------------------------------------------------
# vocabularies (game-specific additions to the web rule's)

# Accessors after the name of a balance: `Coins.Value`, `gems.amount`, `profile.Data.Gems`.
ACCESSOR_NAMES = frozenset({"Value", "value", "Amount", "amount", "Count", "count", "Current", "current", "val", "Val",
                            "Data", "data", "text", "Text"})
# Bot economies call the balance `wallet`, `bank` and `bal`.
EXTRA_CURRENCY = frozenset({"bank", "wallet", "bal"})
# Premium currencies by a short or foreign name: `crysCount`, `gemas`/`diamantes` (pt/es), `cristais`; `Dia`
# (`MainDia`, `userDia`, Korean games' 다이아) only capitalised, as lowercase `dia` is a day in pt/es date code.
GAME_PREMIUM_WORDS = frozenset({"crys", "gema", "gemas", "diamante", "diamantes", "cristal", "cristais", "cristales",
                                "joya", "joyas", "joia", "joias"})
CAPITAL_DIA = re.compile(r"(?:^|[a-z_.\]\[\"'])Dia(?![a-z])")
# Soft currencies by their Portuguese/Spanish names (`ouro`, `oro`, `dinheiro`).
GAME_SOFT_WORDS = frozenset({"ouro", "oro", "dinheiro"})
# A game's generic stock of `resources` spent on a pull (`SubtractResources(count * 100)` in `Gacha(count)`):
# a currency of the game's own name, which needs a strong loot word (gacha, summon, chest) like one.
RESOURCE_WORDS = frozenset({"resource", "resources"})
# A balance is named by its currency, or by the currency and a quantity word (`coinCount`,
# `gems_balance`); `gem_chance_roll` and `coins_per_second` are other numbers.
QUANTITY_WORDS = frozenset({"count", "amount", "balance", "bal", "total", "value", "left", "owned", "current", "num",
                            "qty", "stock", "val"})
PRICE_NAME = re.compile(r"(?i)(cost|price|fee)")

# Unity IAP, Roblox, Godot IAP plugins, Telegram/Stripe: handlers that run after a real payment.
PURCHASE_HANDLER = frozenset(
    {"processpurchase", "onpurchasecomplete", "onpurchasecompleted", "onpurchasesucceeded", "onpurchasesuccess",
     "onpurchasesuccessful", "purchasecompleted", "purchasesucceeded", "onpurchasepending", "onpurchaseconfirmed",
     "processreceipt", "handlereceipt", "onpurchasesupdated", "purchasesupdated", "onpurchasesuccessgodot",
     "onproductpurchased", "onsuccessfulpayment", "successfulpayment", "processsuccessfulpayment",
     "handlesuccessfulpayment", "onpaymentsuccess", "onpaymentcompleted", "onpurchase", "purchased", "onpurchased",
     "onbought"})
PURCHASE_PARAM_TYPE = re.compile(r"\b(PurchaseEventArgs|PendingOrder|ConfirmedOrder)\b")
RECEIPT_PARAM = re.compile(r"(?i)^\(?\s*(receipt|receiptInfo|receipt_info|receiptinfo)\b")
# Signals, events and properties a purchase handler is registered on.
PURCHASE_SIGNAL = re.compile(
    r"(?i)(purchases?_?updated|purchase_?success|purchase_?succeeded|purchase_?complete|ProcessReceipt"
    r"|PromptProductPurchaseFinished|onPurchaseComplete|successful_?payment|product_?purchased)")
# A game's own wrapper around the store SDK: `PaymentManager.instance.Purchase(…)`, `IAPManager.Instance.BuyProduct(…)`.
IAP_RECEIVER = re.compile(r"(?i)^(payment|iap|billing|purchaser|purchasing|in_?app)")
# The premium currency by its industry name: `SpendHardCoins(3)`, `hardCurrency -= cost`.
HARD_CURRENCY = re.compile(r"(?i)(hard|premium)_?(coin|currenc|cash|gem)")
# A game's own receipt router: `ProductService.RegisterProduct(id, function(player, receiptInfo) … end)`,
# `Receipts.SetProductHandler(id, grant)`: the callback runs once the product was paid for.
PRODUCT_REGISTRATION = re.compile(
    r"(?i)^((register|set|add|bind|on|handle)_?(dev_?)?product(_?(handler|callback|purchased?|bought))?"
    r"|register_?(receipt|purchase)_?(handler|callback)?)$")
PURCHASE_CALL = re.compile(r"^(InitiatePurchase|PurchaseProduct|BuyProductID|ConfirmPendingPurchase)$")
STRIPE_CHARGE = re.compile(r"(?i)stripe\.(Charge|PaymentIntent)\.create$")

# Calls that run a method of the same class later, by name or method group.
# Roblox bindables/remotes that move a balance (`MoneyFunction:Invoke(plr, price, "-")`, `CoinsEvent:Fire(plr, -cost)`).
SIGNAL_CALL = re.compile(r"^(Invoke|Fire|InvokeServer|FireServer)$")
# Calls that hand out something besides currency: a chest that pays coins *or* a skin is still a loot box.
ITEM_REWARD_VERBS = frozenset({"unlock", "grant", "give", "award", "add", "instantiate", "spawn", "equip", "append", "insert"})
# Names of UI builders: `BuyCoinsKeyboard()`, `ShowBuyGemsPanel()` build a screen, they charge nothing.
UI_BUILDER_WORDS = frozenset({"keyboard", "button", "buttons", "panel", "menu", "popup", "dialog", "screen", "window",
                              "view", "label", "text", "ui", "gui", "page", "tab", "prompt"})
DEFERRED_CALL = re.compile(r"^(Invoke|InvokeRepeating|StartCoroutine|AddListener|Subscribe|call_deferred|connect)$")
REGISTRATION = re.compile(
    r"^(Connect|ConnectParallel|Once|connect|AddListener|addListener|add_listener|on|once|command|event|listen"
    r"|subscribe|Subscribe|register\w*|Register\w*|bind|Bind|message_handler|callback_query_handler|route|post|get"
    r"|OnServerEvent|OnServerInvoke)$")

# Game loops and start-up code spend and roll for unrelated reasons.
GAME_LOOP = re.compile(
    r"(?i)^_?(update|fixed_?update|late_?update|process|physics_?process|input|unhandled_?input|tick|on_?tick|step"
    r"|heartbeat|render_?stepped|stepped|loop|main|main_?loop|game_?loop|run|run_?game|play|draw|start|awake|ready"
    r"|init|__init__|on_?gui|on_?enable|(start|begin|run)_?(game|wave|round|match)(_?loop)?|\w*game_?loop)$")
# A paid chance at something else than a reward: upgrades, repairs, rerolls, bets, casino games,
# and paid shortcuts that only finish a timer sooner (`SpeedUpBreeding`, `skip_hatch`).
NOT_LOOT_UNIT = re.compile(
    r"(?i)(re_?roll|refresh|restock|upgrade|enhance|forge|refine|enchant|repair|heal|revive|craft|merge|fuse|evolve"
    r"|gamble|gambling|casino|cassino|slots?($|_|[A-Z])|coin_?flip|flip|bet|wager|roulette|ruleta|roleta|blackjack|dice"
    r"|dados|lottery|rob|steal|heist|crime|beg|fish|mine|hunt|work|explore|adventure|battle|fight|attack|duel|spawn"
    r"|shuffle|speed_?up|skip|rush|hurry|instant)")
# A roulette or wheel is a bet only when it pays currency back; a paid wheel of heroes or skins is a loot box.
WHEEL_WORDS = frozenset({"roulette", "ruleta", "roleta", "lottery", "lotto"})
PAYOUT_VERBS = frozenset({"add", "give", "grant", "increment", "award", "update", "change", "modify", "adjust", "deposit"})
# Functions that fill a shop with random offers (`getShopItemData`, `RefreshStoreStock`) check prices but sell what is shown.
SHOP_UNIT = re.compile(r"(?i)(shop|store|market|stock|offer)")
SLOT_MACHINE_WORDS = frozenset({"machine", "reel", "reels", "jackpot", "payline", "paylines"})
WHEEL_UNIT = re.compile(r"(?i)(roulette|ruleta|roleta|lottery|lotto)")
EXTRA_BET_WORDS = frozenset({"gamble", "gambling", "casino", "roulette", "jackpot", "lottery", "lotto", "wager",
                             "apuesta", "apuestas", "aposta", "apostas"})

# Betting words that rule a unit out unless the unit itself is named like a loot box.
HARD_BET_WORDS = frozenset({"bet", "bets", "wager", "wagers", "apuesta", "apuestas", "aposta", "apostas", "gamble",
                            "gambling", "casino"})
# A paid shortcut (skip a hatch timer, reroll a shop) is never a loot box, even in a loot-named unit.
PAID_SHORTCUT = re.compile(r"(?i)(re_?roll|refresh|restock|upgrade|enhance|speed_?up|skip|rush|hurry|instant)")

# Random sources per grammar.
RANDOM_RECEIVER = re.compile(r"(?i)(^|\.|:|\b)(random|rand|rng|rnd|prng|generator|_?r)(\(\))?$|Random\.new\(.*\)$|Random\.Shared$")
CSHARP_RANDOM = re.compile(r"^(Range|Next|NextDouble|NextInt|NextFloat|NextBytes|GetInt32|NextUInt)$")
# A game server asked for the pick: `UnityWebRequest.Get(url + "buyBooster.php?userID=" + id)`, `http.PostAsync("/gacha/pull")`.
CSHARP_WEB_CALL = re.compile(r"^(Get|Post|Put|PostAsync|GetAsync|PutAsync|PostAsJsonAsync|PostWwwForm|GetStringAsync)$")
CSHARP_WEB_RECEIVER = re.compile(r"(?i)(UnityWebRequest|http|client|api|web|request)\w*$")
# A collection's own pick extension (`stickers.Random()`, `pool.RandomElement()`): no arguments, a receiver that is not a type.
CSHARP_PICK_EXTENSION = re.compile(r"^(Random|RandomElement|RandomItem|RandomOne|PickOne|TakeRandom)$")
LUA_RANDOM_METHOD = re.compile(r"^(NextInteger|NextNumber|random)$")
GDSCRIPT_RANDOM = re.compile(r"^(randi|randf|randi_range|randf_range|rand_range|randfn|pick_random|shuffle)$")
PYTHON_RANDOM = re.compile(r"^(choice|choices|randint|random|uniform|sample|shuffle|randrange|randbelow|triangular|integers)$")
RANDOM_VALUE = re.compile(r"^(UnityEngine\.)?Random\.value$")
# Game helpers named for a roll: `RollMonster()`, `roll_pet()`, `RandomGacha()` (camelCase, see _camel).
GAME_ROLL_NAME = re.compile(r"^(roll|random)(?!Back|Over|Out|Up|Down|Credits|Call|Forward|Camera|Text|ize)[A-Z]\w*$")
# Opening a box that another module rolls: `GachaService:OpenGacha(player, …)`, `EggService.HatchEgg(…)`.
REMOTE_OPENER = re.compile(
    r"^(open|hatch|unbox|crack|roll|pull|summon|draw)(One|Single|Multi|Ten|X?\d+)?(Loot)?(Gacha|Egg|Crate|Chest|Box|Case|Pack"
    r"|Capsule|Banner|Pet|Hero|Card|Character)(e?s)?$")
# A pull on a loot system another class or module keeps: `GachaManager.Instance.Pull(10)`,
# `EggSystem:Hatch(player, egg)`, `lootboxService.open(id)`, and a roll imported from a module named
# for it (`from gacha import character_gacha`): the verb or the name says the box is opened.
LOOT_SYSTEM_WORDS = frozenset({"gacha", "gachapon", "lootbox", "lootboxes", "crate", "crates", "chest", "chests", "egg",
                               "eggs", "summon", "summoning", "capsule", "capsules", "banner", "hatchery", "incubator",
                               "mysterybox", "blindbox"})
REROLL = re.compile(r"(?i)re_?roll")
PULL_NAME_WORDS = frozenset({"pull", "pulls", "summon", "hatch", "unbox", "gacha", "wish"})  # not spin/roll/draw: casino verbs too
OPENER_VERBS = frozenset({"open", "pull", "roll", "hatch", "summon", "draw", "spin", "unbox", "crack", "gacha"})
UI_WORDS = frozenset({"menu", "ui", "gui", "shop", "screen", "panel", "window", "view", "page", "dialog", "popup",
                      "store", "frame", "tab", "scene", "animation", "anim"})
EXCEPTION_NAME = re.compile(r"[a-z](Error|Exception)$")
IMPORTED_ROLL_WORDS = frozenset({"gacha", "gachapon", "lootbox", "summon", "hatch", "unbox"})
# Helpers that pick the reward although not named for randomness (`GetPet(egg.Pets)`, `ChoosePet`,
# `pick_hero`), followed past the first hop like `RollRarity`.
PICK_HELPER = re.compile(r"^(get|choose|pick|select|draw|generate|determine)(Random)?(Pet|Hero|Card|Skin|Item|Reward|Prize|Unit"
                         r"|Character|Loot|Drop|Rarity|Tier|Monster|Creature|Fish|Weapon)s?$")
# A unit named for unlocking a random collectible (`UnlockRandomCard`, `unlock_random_skin`): what the
# currency buys is a card, skin or character the player does not choose, a random reward.
RANDOM_UNLOCK_NOUNS = frozenset({"card", "cards", "skin", "skins", "character", "characters", "hero", "heroes", "pet", "pets",
                                 "champion", "champions", "outfit", "outfits", "costume", "costumes", "avatar", "avatars",
                                 "sticker", "stickers"})


def _random_unlock(name: str) -> str | None:
    """`UnlockRandomCard` -> "random card unlock"; None for other names."""
    words = _words(name)
    noun = next((w for w in words if w in RANDOM_UNLOCK_NOUNS), None)
    if noun is None or "unlock" not in words or not {"random", "rand"} & set(words):
        return None
    one = next((x for x in (noun[:-2], noun[:-1]) if noun.endswith("s") and x in RANDOM_UNLOCK_NOUNS), noun)
    return f"random {one} unlock"


# Helpers that re-roll a stat, an enchantment or a trait of something the player owns: a paid upgrade.
UPGRADE_HELPER = re.compile(r"(?i)(enchant|upgrade|re_?roll|refine|reforge|forge|mutat|evolv|trait|craft|fuse|merge|enhanc"
                            r"|reinforc|awaken|potential)")
# Helpers that fill a shop's shelf at random (`_generate_stock(party)`, `shopSystem:generateOffers()`, `refreshOffers()`):
# what is shown is then bought at a fixed price, and paying to refill it is a shop reroll, not a pick.
SHOP_STOCK_HELPER = re.compile(r"(?i:stock|offer)s?(?![a-z])")
# A roll handed the item the player already owns (`getRandomWeaponSkinData(false, true, m_targetSkinData)` behind a
# MapleStory-style cube, `RollOptions(selectedWeapon)`): it re-rolls that item, a paid upgrade and not a pick.
OWNED_ITEM_ARG = re.compile(
    r"(?i)^(m_|_|this\.|self\.)?(target|selected|current|equipped|owned|existing|chosen|my)_?\w*"
    r"(item|skin|weapon|equip|gear|armou?r|accessor|artifact|rune|relic|pet|hero|unit|character)\w*$")
# A chest earned for free and opened by a timer: spending gems to open it now (`OnUnlockWithGemsClick`,
# `UnlockNow`) only finishes the timer sooner, in files that count the unlock time down.
UNLOCK_UNIT = re.compile(r"(?i)(unlock|open_?now|open_?instant)")
TIMED_UNLOCK_FILE = re.compile(
    r"(?i)(unlock_?(end_?|start_?)?time|unlock_?duration|time_?to_?unlock|time_?left|remaining_?time|time_?remaining|countdown)")
# A bought box, key or opening used up: `keys -= 1`, `data.Spins[wheel] -= 1`, `use_key(…)`.
OPENING_WORDS = frozenset({"spin", "spins", "pull", "pulls", "key", "keys", "opening", "openings", "roll", "rolls"})
CONSUME_CALL = re.compile(
    r"^(use|consume|spend|take|remove|deduct)(Loot|(?-i:loot))?(Key|Box|Crate|Chest|Case|Pack|Egg|Ticket|Spin|Capsule|Opening"
    r"|(?-i:box))(e?s)?$")
# An item used up through an inventory helper: `update_inv(user, item, -1)`, `subtractInv(id, box, 1)`,
# `remove_item(user, "crate")`, `inventory.remove(crate)`.
INVENTORY_HELPER = re.compile(r"(?i)^(update|change|add|set|modify|adjust|sub|subtract|remove|take|use|consume|decrease|decrement)_?(inv|inventory|items?|bag|stock)$")
# A file that sells boxes, keys or spins for a price.
FILE_SELLS = re.compile(
    r"(?i)\b(buy|purchase|sell)[_ -]?(a[_ ])?(loot_?box|box|crate|chest|case|pack|capsule|egg|key|spin|ticket)(e?s)?\b"
    r"|\b(loot_?box|crate|chest|case|pack|capsule|egg|key|spin)(e?s)?[\w.\[\]'\"]{0,24}[_ .]?(price|cost)")
# Visual, audio and timing values: a random number for these is not a pick (matched by word, so
# `rarity` and `animal` are not taken for `y` and `anim`).
COSMETIC_WORDS = frozenset(
    """position pos rotation rot angle euler offset scale size color colour colors hue tint alpha pitch volume sound
    sounds clip audio sfx music delay duration wait timer interval cooldown speed velocity force jitter shake particle
    particles effect effects vfx fx spawn spawns uuid guid seed nonce id ids x y z vector quaternion instantiate tween
    anim animation animations animator animators renderer material emitter emission message messages quote quotes
    tip tips emoji greeting greetings reply replies response responses npc npcs enemy enemies mob mobs""".split())
COSMETIC_NAME = re.compile(r"(Vector[234]|Quaternion|Color3?|BrickColor|Euler|CFrame|UDim2?|insideUnit|onUnit)")


# A random line of text stored for a reply (`text = rng.choice(options)` after a lost fight): flavour, not a prize.
FLAVOUR_TEXT = frozenset({"text", "txt", "msg", "line", "flavor", "flavour", "caption", "blurb"})


# `applyDevProductEffect(player, id)`, `GrantPassEffects()`: what a bought product does, not a visual effect.
PRODUCT_WORDS = frozenset({"product", "products", "purchase", "receipt", "pass", "gamepass"})


def _cosmetic_name(name: str) -> bool:
    return bool(COSMETIC_NAME.search(name)) or any(w in COSMETIC_WORDS for w in _words(name))


# The stats of an item the player chose and paid for: a random number stored under one of these (`"loyalty":
# random.randint(20, 40)`, `pet.Strength = Random.Range(1, 10)`) sets an attribute, it does not pick the item.
STAT_WORDS = frozenset(
    """loyalty happiness hunger mood energy stamina health hp mp mana attack atk defense defence strength agility
    dexterity dex intelligence wisdom charisma power level lvl exp xp age height stat stats iv ivs
    personality nature temperament fullness affection friendship upkeep heal""".split())  # (not `luck`, `weight`: rolls)


def _stat_name(name: str) -> bool:
    words = _words(name)
    return bool(words) and words[-1] in STAT_WORDS


def _stat_helper(name: str) -> bool:
    """A helper named for the stat it rolls (`determine_chicken_upkeep`, `rollHappiness`): it sets an attribute
    of an item already chosen, in this file or another one. Not `CheckStats()`/`UpdateStats()`: a screen refresh."""
    words = _words(name)
    return bool(words) and not LOOT_NAME.search(name) and words[-1] in STAT_WORDS - {"stat", "stats"}


SINGLETON_ACCESSORS = frozenset({"Instance", "instance", "Singleton", "Shared", "shared", "Current", "current", "Main",
                                 "main", "Get", "get", "self", "this", "AutoSingleton"})
# `currentItem.OpenCrate()` on a merge board reveals the item already in the crate: a board piece, not a loot box.
BOARD_OBJECT_WORDS = frozenset({"item", "tile", "cell", "slot", "piece", "block", "node", "obj", "object", "board"})
# Strings/identifiers a loot file uses.
FILE_LOOT = re.compile(
    r"(?i)(gacha|loot_?box|mystery_?box|blind_?box|open_?case|case_?opening|crate|\bchests?\b|card_?packs?|booster_?packs?"
    r"|summon|gachapon|capsule|\bpity\b|drop_?rates?|loot_?table|hatch|\beggs?\b)")
# A file with a shop: a function that buys or purchases (`async def buy(ctx, item, count)`, `func _on_buy_pressed`).
FILE_SHOP = re.compile(r"(?i)\b(def|func|function|void|bool|async\s+def|async\s+Task)\s+_?(on_?)?(buy|purchase)\w*\s*\(")
MONGO_SPEND = re.compile(r"""\$inc["']?\s*:\s*\{[^}]*?["']?(\w+)["']?\s*:\s*-""")


# ---------------------------------------------------------------------------------------------
# small helpers


def _camel(name: str) -> str:
    """`roll_rarity` -> `rollRarity`, `GetRandomPet` -> `getRandomPet`: RANDOM_NAME is camelCase."""
    parts = [p for p in name.split("_") if p]
    if not parts:
        return name
    joined = parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    return joined[:1].lower() + joined[1:]


def _owner(receiver: str) -> str:
    """The object a method is called on, past singleton accessors: `AutoSingleton<CashManager>.Instance`
    -> `CashManager`, `Economy.instance` -> `Economy`, `self.wallet` -> `wallet`."""
    parts = [p for p in re.split(r"[.:<>()\s]+", receiver or "") if p]
    while len(parts) > 1 and parts[-1] in SINGLETON_ACCESSORS:
        parts.pop()
    return parts[-1] if parts else ""


def _balance_name(value: str) -> str:
    """The balance an lvalue or operand names: `PlayerData.Gems` -> Gems, `leaderstats.Coins.Value`
    -> Coins, `user[str(ctx.author.id)]["wallet"]` -> wallet, `profile.Data.Coins` -> Coins."""
    parts = [p for p in re.split(r"\W+", value) if p and not p.isdigit()]
    while len(parts) > 1 and parts[-1] in ACCESSOR_NAMES:
        parts.pop()
    return parts[-1] if parts else ""


def _is_balance(name: str) -> bool:
    words = _words(name)
    if not words:
        return False
    if words[-1] in EXTRA_CURRENCY:
        return len(words) <= 2
    core = words[:-1] if words[-1] in QUANTITY_WORDS and len(words) > 1 else words  # `gemCount` -> gem
    last = core[-1]
    if last in GAME_PREMIUM_WORDS | GAME_SOFT_WORDS or last == "dia" and CAPITAL_DIA.search(name):
        return not any(w in NOT_CURRENCY_WORDS for w in core)
    return _is_currency("_".join(core), strict=True) and _is_currency(last)


def _game_premium(evidence: str) -> bool:
    """`MainDia -= cost`, `gemas -= custo`, `SpendCrys(50)`: a premium currency by a short or foreign name."""
    return bool(set(_words(evidence)) & GAME_PREMIUM_WORDS or CAPITAL_DIA.search(evidence))


# A getter of a tally or a price kept about random picks (`getRandomWeaponPurchases`, `randomBoxCost`,
# `getRandomSpinsLeft`): a number read for the price or a limit, not the pick itself.
TALLY_NAME = re.compile(r"[a-z0-9](?:Purchases|Purchased|PurchaseCount|Count|Counter|Cost|Costs|Price|Prices|Uses|Used|Remaining|Left|Limit)$")


def _not_random_name(name: str) -> bool:
    """NOT_RANDOM_NAME (checks/loot_box.py) is case-insensitive, so its `X$`/`Y$` (meant for
    `randomX`) also match a plain final x or y (`rollRarity`, `rollSummonCategory`); those
    one-letter matches are ignored here."""
    return any(m.group(0) not in ("x", "y") for m in NOT_RANDOM_NAME.finditer(name))


def _is_opening_stock(lvalue: str) -> bool:
    """`crates`, `caseKeys`, `data.Spins[wheel]`, `lootBoxes[tier]`: a stock of bought boxes, keys
    or openings (an index that is not a string key names an entry of the stock)."""
    stripped = re.sub(r"(\[[^\]'\"]*\])+$", "", lvalue.strip())
    name = _balance_name(stripped)
    words = _words(name)
    return _is_box_counter(name) or bool(words) and words[-1] in OPENING_WORDS or _kept_in_box_folder(stripped)


def _opened_box_row(lvalue: str) -> bool:
    """`user_pack.is_opened = True`, `crate.opened = True`: a stored box (a database row of the player's bought
    pack, crate or chest) marked as opened, the row kept instead of a count taken down (`crates -= 1`)."""
    m = re.fullmatch(r"(?:[\w.]*\.)?(\w+)\.(?:is_)?opened", lvalue.strip())
    return m is not None and bool(set(_words(m.group(1))) & BOX_NOUNS)


def _kept_in_box_folder(lvalue: str) -> bool:
    """`Player.Crates.Unreal.Value`, `data.Eggs.Golden`: the count of one kind of box kept in a folder of
    boxes (Roblox IntValues under a `Crates` folder). A single box's field (`chest.Health`) is not."""
    parts = [p for p in re.split(r"\W+", lvalue) if p and not p.isdigit()]
    while len(parts) > 2 and parts[-1] in ACCESSOR_NAMES:
        parts.pop()
    if len(parts) < 2:
        return False
    folder = _words(parts[-2])
    return len(folder) == 1 and folder[0] in BOX_NOUNS and folder[0].endswith("s")


def _field_key(fn: Node) -> str:
    """The key a Lua table field stores a function under: `Purchased = function …`, `["Purchased"] = …`."""
    parent = fn.parent
    key = parent.child_by_field_name("name") if parent is not None and parent.type == "field" else None
    return text(key).strip("\"'[] ") if key is not None else ""


def _operator(node: Node) -> str:
    """The operator token of an assignment or binary node (Luau `-=` is an `update_statement`
    under tree-sitter-luau, and a `-` in an ERROR when a Luau file is read as plain Lua)."""
    for child in node.children:
        if not child.is_named and child.type not in ("(", ")", ",", "[", "]"):
            return child.type
        if child.type == "ERROR" and text(child).strip() in ("-", "+", "*", "/"):
            return text(child).strip() + "="
    return ""


def _operands(node: Node) -> tuple[Node | None, Node | None]:
    named = [c for c in node.named_children if c.type not in ("ERROR", "comment")]
    if len(named) < 2:
        return None, None
    return named[0], named[-1]


COMPARISONS = frozenset({"<", ">", "<=", ">=", "==", "!=", "~="})
ORDERING = frozenset({"<", ">", "<=", ">="})
# A prestige that resets progress once the money reaches its threshold (`RebirthHandler`, `prestige()`).
PRESTIGE = re.compile(r"(?i)rebirth|reborn|prestige|ascen(?:d|sion)|reincarnat")
# A balance scaled in a comparison (`Money.Value * 2.4`): a band of prices, not what the player can pay.
SCALING = frozenset({"*", "/", "//", "%"})
STATEMENT_HINT = ("statement", "declaration", "block", "body", "assignment")


def _in_condition(node: Node) -> bool:
    """`if gems - cost < 0`: a subtraction inside a comparison is a check, not a spend."""
    for a in ancestors(node):
        if a.type == "comparison_operator" or (a.type in ("binary_expression", "binary_operator") and _operator(a) in COMPARISONS):
            return True
        if any(h in a.type for h in STATEMENT_HINT) or a.type in FUNCTION_TYPES:
            return False
    return False


STRING_TYPES = ("string", "string_literal", "verbatim_string_literal", "interpolated_string_expression")


def _strings(node: Node) -> str:
    if node.type in STRING_TYPES:
        return text(node).strip("@$\"'`")
    return ""


def _is_negative(node: Node) -> bool:
    """`-cost`, `(-price)`, or a delta built as a string for a query (`'-' + str(cost)`)."""
    value = text(node).strip()
    return bool(re.match(r"^\(?\s*-|^[\"']-[\"']\s*(\+|\.\.)", value))


# ---------------------------------------------------------------------------------------------
# units: one function with its inline callbacks


class _Unit:
    __slots__ = ("node", "name", "label", "spend", "soft_spend", "weak_spend", "purchase", "consume", "random", "calls",
                 "words", "grant", "prompt", "payout", "foreign", "handlers", "spent", "credited", "increased", "item_reward",
                 "picks", "gated", "reset")

    def __init__(self, node: Node, name: str, label: str):
        self.node = node
        self.name = name
        self.label = label
        self.spend: list[str] = []
        self.soft_spend: list[str] = []
        self.weak_spend: list[str] = []
        self.purchase: list[str] = []
        self.consume: list[str] = []
        self.random: list[str] = []
        self.picks: list[Call] = []  # the random calls behind `random`, to see which list they draw from
        self.calls: list[str] = []
        self.words: set[str] = set(_words(name))
        self.grant = False
        self.prompt: str | None = None
        self.payout = False  # currency credited back (`coins += bet * 36`): a bet, not a purchase
        # balances the unit takes (`Money = Money - try`) and credits (`Money = Money + prize`): a lottery when they meet
        self.spent: set[str] = set()
        self.credited: set[str] = set()
        self.increased: set[str] = set()  # everything the unit adds to (`fruits += r2`, `fragments[hat] += n`)
        self.item_reward = False  # something besides currency handed out (`unlock_skin("crown")`, `Instantiate(prize)`)
        self.foreign: list[tuple[str, str]] = []  # (name, receiver) of calls to functions this file does not define
        # inline handlers the unit registers (`onDone.AddListener(() => Roll())`, `:Connect(function() … end)`):
        # they run later, on behalf of the unit, and are followed like its helpers
        self.handlers: list[Node] = []
        self.gated: set[str] = set()  # balances compared with a price (`if Money.Value >= Price`)
        self.reset: set[str] = set()  # balances set back to a starting amount (`Money.Value = 50`)

    @property
    def pays(self) -> bool:
        return bool(self.spend or self.soft_spend or self.purchase or self.weak_spend or self.consume)


# Calls that run a closure on a thread of its own (Roblox `task.spawn`, `coroutine.wrap`, Unity coroutines).
BACKGROUND_CALL = re.compile(r"^(spawn|defer|delay|wrap|create|StartCoroutine|Run|StartNew)$")
LOOP_TYPES = ("while_statement", "repeat_statement")  # unbounded: a 10-pull `for` spawned for its animation still rolls


def _background_loop(node: Node, fn: Node) -> bool:
    """A node inside a loop of a closure that runs on a thread of its own, within `fn`: an NPC's walk cycle or an
    ambient loop, not a reward (`task.spawn(function() while farmer.Parent do … end end)`)."""
    looped = False
    for a in ancestors(node):
        if a is fn:
            return False
        if a.type in LOOP_TYPES:
            looped = True
        elif a.type in FUNCTION_TYPES:
            host = _host_call(a)
            return bool(looped and host is not None and BACKGROUND_CALL.match(host.name))
    return False


def _host_call(fn: Node) -> Call | None:
    """The call an anonymous function is passed to (`Remote.OnServerEvent:Connect(function ...)`)."""
    parent = fn.parent
    while parent is not None and parent.type in ("argument", "arguments", "argument_list", "keyword_argument"):
        call = as_call(parent.parent) if parent.parent is not None else None
        if call is not None:
            return call
        parent = parent.parent
    return None


def _absorbed(fn: Node) -> bool:
    """A callback passed inline (`pcall(function() … end)`, `UpdateAsync(key, function(old) …)`,
    `items.sort(key=lambda …)`) belongs to its enclosing function; event registrations
    (`:Connect(function …)`, `AddListener(() => …)`) are handlers of their own."""
    if function_name(fn):
        return False
    host = _host_call(fn)
    if host is None:
        return False
    if REGISTRATION.match(host.name) or re.match(r"^(On|on_?)[A-Z_a-z]\w*$", host.name):
        return False
    return any(a.type in FUNCTION_TYPES for a in ancestors(fn))


def _unit_nodes(fn: Node, handlers: list[Node] | None = None) -> Iterator[Node]:
    """The function's own nodes and those of its inline callbacks, not of nested handlers (anonymous
    handlers it registers are collected in `handlers`)."""
    stack = list(reversed(fn.children))
    while stack:
        current = stack.pop()
        if current.type in FUNCTION_TYPES and not _absorbed(current):
            if handlers is not None and not function_name(current) and _host_call(current) is not None:
                handlers.append(current)
            continue
        yield current
        stack.extend(reversed(current.children))


def _handler_shown(fn: Node) -> str:
    """`lidOpened.AddListener(…)`, `Completed:Connect(…)`: an inline handler by the call that registers it."""
    host = _host_call(fn)
    if host is None:
        return "a callback"
    receiver = re.split(r"[.:]", host.receiver)[-1] if host.receiver else ""
    return f"{receiver + '.' if receiver else ''}{host.name}(…)"


def _label(fn: Node, name: str) -> str:
    if name and re.match(r"^\w+$", name):
        return f"`{name}`"
    host = _host_call(fn)
    if host is not None:
        receiver = ".".join(re.split(r"[.:]", host.receiver)[-2:])
        return f"The {receiver + '.' if receiver else ''}{host.name}() handler"
    statement = fn.parent.parent if fn.parent is not None and fn.parent.type == "expression_list" else None
    if statement is not None and statement.named_children:  # Lua `handlers[PRODUCT_ID] = function(receipt, player)`
        return f"The `{_short(text(statement.named_children[0]), 40)}` function"
    return "This function"


class _Reach:
    """What a unit's same-file helpers do: random picks, spends (`soft` for a currency of the game's own
    name), purchases, a grant to the inventory, and the helpers' words."""
    __slots__ = ("rnd", "spend", "soft", "purchase", "grant", "words")

    def __init__(self) -> None:
        self.rnd: list[str] = []
        self.spend: list[str] = []
        self.soft: list[str] = []
        self.purchase: list[str] = []
        self.grant = False
        self.words: set[str] = set()


class _File:
    """Definitions, purchase-handler names and file-wide facts of one file."""

    def __init__(self, ctx: CheckContext, project: "_Project | None" = None):
        self.project = project
        self.path = str(Path(ctx.path).resolve())
        self.language = ctx.language
        self.data = ctx.data
        self.head = ctx.data[:400_000].decode("utf-8", "replace")
        self.defs: dict[str, list[Node]] = {}
        self.purchase_handlers: set[str] = set()
        self.units: dict[tuple[int, int], _Unit] = {}
        self.verdicts: dict[tuple[int, int], tuple | None] = {}
        self.python_random_names = set(re.findall(r"from\s+(?:random|secrets|numpy\.random)\s+import\s+([\w ,]+)", self.head))
        self.python_random_names = {n.strip().split(" as ")[-1] for group in self.python_random_names for n in group.split(",")}
        self.file_loot = bool(FILE_LOOT.search(self.head) or FILE_LOOT.search(ctx.path.stem))  # gacha_panel.gd
        self.file_sells = bool(FILE_SELLS.search(self.head) or FILE_SHOP.search(self.head))
        self.timed_unlock = bool(TIMED_UNLOCK_FILE.search(self.head))
        self.functions: list[Node] = []
        for node in walk(ctx.root):
            if node.type in FUNCTION_TYPES:
                self.functions.append(node)
                name = function_name(node)
                if name:
                    self.defs.setdefault(name, []).append(node)
            elif node.type in ("assignment_statement", "assignment_expression", "assignment") and PURCHASE_SIGNAL.search(
                    text(node.named_children[0]) if node.named_children else ""):
                # MarketplaceService.ProcessReceipt = processReceipt; store.onPurchaseComplete += Grant
                value = node.named_children[-1]
                self.purchase_handlers.add(_balance_name(text(value)))
            else:
                call = as_call(node)
                if call is not None and (REGISTRATION.match(call.name) or call.name in ("AddListener", "connect")):
                    args = argument_nodes(call)
                    signal = call.receiver + " " + " ".join(_strings(a) or "" for a in args[:1])
                    if PURCHASE_SIGNAL.search(signal):
                        for a in args:
                            self.purchase_handlers.add(_balance_name(_strings(a) or text(a)))

    # ---- units ------------------------------------------------------------------------------
    def unit_at(self, line: int) -> _Unit | None:
        """The unit (function or registered handler) holding a 1-based line."""
        best = None
        for fn in self.functions:
            if fn.start_point[0] + 1 <= line <= fn.end_point[0] + 1 and not _absorbed(fn):
                if best is None or fn.end_byte - fn.start_byte < best.end_byte - best.start_byte:
                    best = fn
        return self.unit(best) if best is not None else None

    def unit(self, fn: Node) -> _Unit:
        key = (fn.start_byte, fn.end_byte)
        u = self.units.get(key)
        if u is None:
            u = self._build(fn)
            self.units[key] = u
        return u

    def _build(self, fn: Node) -> _Unit:
        name = function_name(fn) or _field_key(fn)
        u = _Unit(fn, name, _label(fn, name))
        host = _host_call(fn)
        if host is not None:
            u.words.update(_words(host.receiver + " " + host.name))
            if PURCHASE_SIGNAL.search(host.receiver + " " + " ".join(_strings(a) for a in argument_nodes(host))):
                u.purchase.append(f"{_short(host.receiver, 40)}.{host.name}() callback")
            elif PRODUCT_REGISTRATION.match(host.name):
                u.purchase.append(f"{_short(host.receiver + '.' if host.receiver else '', 40)}{host.name}() product handler")
        parent = fn.parent
        if parent is not None and parent.type == "decorated_definition":
            for deco in (c for c in parent.named_children if c.type == "decorator"):
                if re.search(r"(?i)successful_payment|SUCCESSFUL_PAYMENT", text(deco)):
                    u.purchase.append("successful_payment handler")
                u.words.update(_words(text(deco)))
        compact = re.sub(r"[^a-z]", "", name.lower())
        if compact in PURCHASE_HANDLER or name in self.purchase_handlers and name:
            u.purchase.append(f"{name} callback")
        params = fn.child_by_field_name("parameters") or next(
            (c for c in fn.named_children if c.type in ("parameter_list", "parameters")), None)
        if params is not None:
            if PURCHASE_PARAM_TYPE.search(text(params)):
                u.purchase.append(f"{name or 'handler'}({PURCHASE_PARAM_TYPE.search(text(params)).group(1)})")
            elif RECEIPT_PARAM.match(text(params)) and re.search(r"ProcessReceipt|ProductPurchaseDecision", self.head):
                u.purchase.append("ProcessReceipt product handler")
        if not name and fn.parent is not None and fn.parent.type == "expression_list":
            # Lua `X.ProcessReceipt = function(receiptInfo)` / `products[id] = function(receipt, player)`
            statement = fn.parent.parent
            target = text(statement.named_children[0]) if statement is not None and statement.named_children else ""
            u.words.update(_words(target))
            if PURCHASE_SIGNAL.search(target):
                u.purchase.append(f"{_short(target, 40)} callback")
        self._scan(u, fn)
        return u

    def _scan(self, u: _Unit, fn: Node) -> None:
        for node in _unit_nodes(fn, u.handlers):
            kind = node.type
            if kind in ("identifier", "name", "property_identifier"):
                u.words.update(_words(text(node)))
            elif kind in ("assignment_expression", "augmented_assignment", "assignment_statement", "assignment",
                          "update_statement"):  # Luau `coins.Value -= price`
                self._assignment(u, node)
            elif kind in ("binary_expression", "binary_operator"):
                self._binary(u, node)
            elif kind == "comparison_operator":
                self._comparison(u, node)
            elif kind in ("postfix_unary_expression", "prefix_unary_expression"):
                self._decrement(u, node)
            elif kind in STRING_TYPES:
                self._string(u, node)
            elif kind == "member_access_expression" and RANDOM_VALUE.match(re.sub(r"\s+", "", text(node))):
                if not self._cosmetic(node, fn):
                    u.random.append(f"{text(node)}")
            call = as_call(node)
            if call is not None:
                self._call(u, call, fn)

    def _assignment(self, u: _Unit, node: Node) -> None:
        op = _operator(node)
        left, right = _operands(node)
        if left is None or right is None:
            return
        target = _balance_name(text(left))
        if op == "+=" or op == "=" and text(right).replace(" ", "").startswith(text(left).replace(" ", "") + "+"):
            u.increased.add(target.lower())
        if op == "=" and re.fullmatch(r"\d+(?:\.\d+)?", text(right).strip()) and _is_balance(target):
            u.reset.add(target.lower())  # `Money.Value = 50`: the balance starts over
        if op == "=" and self.language == "python" and text(right).strip() == "True" and _opened_box_row(text(left)):
            u.consume.append(f"{_short(text(left), 30)} = True")  # `user_pack.is_opened = True`: a bought box row used up
        if op == "-=":
            if _is_balance(target):
                u.spend.append(f"{_short(text(left), 30)} -= …")
                u.spent.add(target.lower())
            elif PRICE_NAME.search(text(right)) and _payer_ok(target):
                u.soft_spend.append(f"{_short(text(left), 30)} -= …")
            elif _is_opening_stock(text(left)):
                u.consume.append(f"{_short(text(left), 30)} -= …")
            elif self._custom_currency(u, target, right):
                u.soft_spend.append(f"{_short(text(left), 30)} -= {_short(text(right), 20)}")
        elif op == "+=" and text(right).strip() in self.defs and not _is_balance(target):
            u.calls.append(text(right).strip())  # `machine.OnMaxTurnsReached += RollReward`: runs later
        elif op == "+=" and _is_balance(target) and _is_negative(right):
            u.spend.append(f"{_short(text(left), 30)} += -…")
        elif op == "+=" and _is_balance(target) or op == "=" and _is_balance(target) and text(right).replace(
                " ", "").startswith(text(left).replace(" ", "") + "+"):
            u.payout = True  # `coins += win`, `coins = coins + bet * 2`
            u.credited.add(target.lower())
        elif op == "+=" and GRANT_TARGET.fullmatch(target.lower()) and text(right).strip() == "1":
            u.grant = True  # `shape.owned += 1`, `pets[name] += 1`: the pick is kept

    @staticmethod
    def _custom_currency(u: _Unit, target: str, amount: Node) -> bool:
        """`users[id]["Prismatic Shards"] -= 130 * pulls` in a loot-named unit (`gacha`, `summon`):
        a currency of the game's own name, paid by a fixed amount (not a pity or pull counter)."""
        words = set(_words(target))
        return bool(u.name and LOOT_NAME.search(u.name) and _payer_ok(target) and target[:1] != "_"
                    and not words & (STRONG_LOOT | WEAK_LOOT | OPENING_WORDS)
                    and re.search(r"(?<![\w.])([2-9]|[1-9]\d+)(?![\w.])", text(amount)))

    def _binary(self, u: _Unit, node: Node) -> None:
        op = _operator(node)
        if op in COMPARISONS:
            self._comparison(u, node)
            return
        if op != "-" or _in_condition(node):
            return
        left, right = _operands(node)
        if left is None or left.type in ("integer", "number", "integer_literal", "real_literal", "float"):
            return
        target = _balance_name(text(left))
        if _is_balance(target):
            u.spend.append(_short(text(node), 30))
            u.spent.add(target.lower())
        elif right is not None and PRICE_NAME.search(_balance_name(text(right))) and _payer_ok(target) and target[:1] != "_":
            u.soft_spend.append(_short(text(node), 30))
        elif _is_opening_stock(text(left)) and self._restocks(node, left):
            u.consume.append(_short(text(node), 30))

    @staticmethod
    def _restocks(node: Node, left: Node) -> bool:
        """`crates = crates - 1` uses a crate up; `"Combo: " .. (eggCombo - 1)` only shows a number."""
        for a in ancestors(node):
            if a.type in ("assignment_statement", "assignment", "assignment_expression", "variable_declaration"):
                target = a.named_children[0] if a.named_children else None
                return target is not None and text(target).strip() == text(left).strip()
            if a.type not in ("expression_list", "parenthesized_expression", "binary_expression", "binary_operator"):
                return False
        return False

    def _decrement(self, u: _Unit, node: Node) -> None:
        """`gems--`, `lootBoxes[tier]--` (C#)."""
        operand = next((c for c in node.named_children), None)
        if operand is None or "--" not in text(node):
            return
        target = _balance_name(text(operand))
        if _is_balance(target):
            u.spend.append(f"{_short(text(operand), 30)}--")
        elif _is_opening_stock(text(operand)):
            u.consume.append(f"{_short(text(operand), 30)}--")

    def _comparison(self, u: _Unit, node: Node) -> None:
        """`if gems < cost`, `if coins.Value >= price`: a balance check (`reward == "gold"` and
        `prize.kind == "currency"` compare a kind, not a balance)."""
        left, right = _operands(node)
        if left is None or right is None or left.type in STRING_TYPES or right.type in STRING_TYPES:
            return
        if _operator(node) not in ORDERING:
            return  # `reward == RewardType.Coins` compares a kind, not a balance
        for side, other in ((left, right), (right, left)):
            if side.type in ("binary_expression", "binary_operator"):
                if _operator(side) in SCALING:
                    continue  # `cost > Money.Value / 50`: a price band around the balance picks items, charges nothing
                side = _operands(side)[0] or side
            if _is_balance(_balance_name(text(side))) and text(other).strip() not in ("0", "nil", "None", "null"):
                u.weak_spend.append(_short(text(node), 40))
                u.gated.add(_balance_name(text(side)).lower())
                return

    def _string(self, u: _Unit, node: Node) -> None:
        value = text(node)
        if len(value) > 300:
            return
        if SQL_SPEND.search(value):
            u.spend.append("SQL `SET currency = currency - …`")
        u.words.update(w for w in _words(value) if w in STRONG_LOOT or w in WEAK_LOOT or w in BET_WORDS or w in EXTRA_BET_WORDS)
        if SHORTAGE_TEXT.search(value) and CURRENCY_TEXT.search(value):
            u.weak_spend.append(f"'{_short(value.strip(chr(34) + chr(39)), 40)}'")
            if BUY_PROMPT.search(value) and u.prompt is None:
                u.prompt = _short(value.strip("\"'"), 60)
        if PURCHASE_EVENT_STRING.match(value.strip("\"'")):
            u.purchase.append(f"'{value.strip(chr(34) + chr(39))}' handler")
        mongo = MONGO_SPEND.search(value)
        if mongo and _is_balance(mongo.group(1)):
            u.spend.append(f"{{$inc: {{{mongo.group(1)}: -…}}}}")

    def _call(self, u: _Unit, call: Call, fn: Node) -> None:
        if call.name:
            u.calls.append(call.name)
            u.words.update(_words(call.name))
            receiver = " ".join(call.receiver.split())
            if call.name not in self.defs or receiver and not re.match(r"^(this|self|base|super)$", receiver):
                # not defined here, or a same-named method of another object
                # (`GameManager.OnPullClicked` → `GachaManager.Instance.OnPullClicked(pulls)`)
                u.foreign.append((call.name, receiver))
        u.calls.extend(self._deferred_calls(call))
        verb_words = _words(call.name)
        if verb_words[:1] and verb_words[0] in ITEM_REWARD_VERBS and not any(_is_balance(w) for w in verb_words[1:]):
            u.item_reward = True
        spend = self._spend_call(call) or self._signal_spend(u, call)
        if spend is not None:
            (u.spend if spend[1] else u.weak_spend).append(spend[0])
        elif self._resource_spend(call):
            u.soft_spend.append(f"{call.name}()")  # `SubtractResources(count * 100)`
        elif self._priced_spend(call):
            u.soft_spend.append(f"{call.name}(price)")  # `RemovePoints(_price)`: a currency of the game's own name
        elif _words(call.name)[:1] and _words(call.name)[0] in CHANGE_VERB and any(
                _is_negative(a) and PRICE_NAME.search(text(a)) for a in argument_nodes(call)):
            u.soft_spend.append(f"{call.name}(-cost)")  # `db.add_palmarks(uid, -total_cost)`: a currency of its own name
        elif _words(call.name)[:1] and _words(call.name)[0] in PAYOUT_VERBS and any(
                _is_balance(w) for w in _words(call.name)[1:]) and "-" not in text(call.arguments or call.node) and not any(
                text(a).strip() == "0" for a in argument_nodes(call)):
            u.payout = True  # `AddCoins(win)`, `update_bank(user, prize)`; not `update_balance(uid, 0)` opening an account
        if PURCHASE_CALL.match(call.name) or STRIPE_CHARGE.search(f"{call.receiver}.{call.name}") or (
                _words(call.name)[:1] in (["purchase"], ["buy"]) and IAP_RECEIVER.search(_owner(call.receiver))):
            u.purchase.append(f"{call.name}()")  # also `PaymentManager.instance.Purchase(item, onDone)`
        if CONSUME_CALL.match(_camel(call.name)) or self._inventory_use(call):
            u.consume.append(f"{call.name}()")
        pick = self._random_call(call)
        if pick is not None and not self._cosmetic(call.node, fn):
            u.random.append(pick)
            u.picks.append(call)
        receiver = call.receiver
        if re.match(r"^(Add|add|append|push|insert|Insert|AddItem|add_item|give|Give|grant|Grant)\w*$", call.name) and (
                GRANT_TARGET.search(receiver.split(".")[-1] if receiver else "") or GRANT_TARGET.search(call.name[3:])):
            u.grant = True
        mongo = MONGO_SPEND.search(text(call.arguments)) if call.arguments is not None and call.name in ("update_one", "update_many", "find_one_and_update", "update") else None
        if mongo and _is_balance(mongo.group(1)):
            u.spend.append(f"{call.name}({{$inc: {{{mongo.group(1)}: -…}}}})")

    @staticmethod
    def _inventory_use(call: Call) -> bool:
        """`update_inv(user, item, -1)`, `subtractInv(user, "crate", 1)`, `remove_item(user, box)`:
        an item taken out of the player's inventory (`update`/`add` only with a negative count)."""
        m = INVENTORY_HELPER.match(call.name)
        if not m:
            return False
        if m.group(1).lower() in ("update", "change", "add", "set", "modify", "adjust"):
            return any(_is_negative(a) for a in argument_nodes(call))
        return True

    def _spend_call(self, call: Call) -> tuple[str, bool] | None:
        """`SpendGems(cost)`, `TrySpend(Currency.Gems, 100)`, `RemoveCoins(price)`, `AddGold(-cost)`,
        `update_bank(user, -price)`, `DataService:Increment(player, "Coins", -price)`."""
        words = _words(call.name)
        if words[:1] in (["try"], ["request"]):
            words = words[1:]  # `TrySpendGems(cost)`, `RequestSpendDiamond(cost, ok => …)` (a callback-style wallet)
        if not words:
            return None
        verb, rest = words[0], words[1:]
        if set(rest) & UI_BUILDER_WORDS:
            return None  # `BuyCoinsKeyboard()`, `ShowSpendGemsPopup()`: a screen that offers the purchase
        args = argument_nodes(call)
        arg_text = " ".join(text(a) for a in args[:3])
        names = rest + _words(_owner(call.receiver)) + [
            w for a in args[:3] for w in _words(_balance_name(text(a)))]
        currency = any(_is_balance(w) for w in names) and not any(w in NOT_SPEND_WORDS for w in rest)
        if verb in SPEND_VERB_STRONG | {"spent", "purchase", "buy"} and not any(w in NOT_SPEND_WORDS for w in rest):
            if verb in ("pay", "charge", "purchase", "buy") and not currency:
                return None
            if not currency and not re.search(r"(?i)(cost|price|\d)", arg_text):
                return None
            return (f"{call.name}()", True)
        if verb in SPEND_VERB_WITH_CURRENCY and currency and verb != "use" and self._names_currency(call, rest, args):
            return (f"{call.name}()", True)
        if verb in CHANGE_VERB and currency and any(_is_negative(a) for a in args):
            return (f"{call.name}(-…)", True)
        if _is_balance(call.name) and len(args) > 1 and _is_negative(args[-1]):
            return (f"{call.name}(…, -…)", True)  # a balance accessor that adjusts: `bank.balance(user, -n * PULL_COST)`
        if verb in ("can", "has", "have", "check", "is", "enough", "afford") and (
                "afford" in words or "enough" in words or verb in ("has", "have") and any(_is_balance(w) for w in rest)):
            return (f"{call.name}()", False)  # CanAfford(cost), HasEnoughCoins(price), HasGems(100)
        return None

    def _deferred_calls(self, call: Call) -> list[str]:
        """Methods of this file that a call runs later: Unity `Invoke("ShowReward", 0.6f)`,
        `StartCoroutine("Roll")`, `onDone.AddListener(OnMaxTurns)`, Godot `connect("finished", roll)`:
        the pay-then-animate-then-roll flow of a gacha machine."""
        if not DEFERRED_CALL.match(call.name):
            return []
        names = (text(a).strip().strip("@$\"'") for a in argument_nodes(call)[:3])
        return [n for n in names if n in self.defs]

    @staticmethod
    def _priced_spend(call: Call) -> bool:
        """`RemovePoints(_price)`, `DeductStars(boxCost)`: a spend verb on a balance of the game's own name, paid
        at a price; like a generic resource it counts only with a strong loot word (`RemoveAmmo(1)` pays nothing)."""
        words = _words(call.name)
        if words[:1] == ["try"]:
            words = words[1:]
        if len(words) < 2 or words[0] not in SPEND_VERB_STRONG | SPEND_VERB_WITH_CURRENCY or words[0] == "use":
            return False
        if not _payer_ok("_".join(words[1:])) or set(words[1:]) & (UI_BUILDER_WORDS | STRONG_LOOT | WEAK_LOOT | OPENING_WORDS):
            return False
        return any(PRICE_NAME.search(_balance_name(text(a))) for a in argument_nodes(call)[:3])

    @staticmethod
    def _signal_spend(u: _Unit, call: Call) -> tuple[str, bool] | None:
        """Roblox bindables and remotes that move a balance: `MoneyFunction:Invoke(plr, price, "-")`,
        `CoinsChanged:Fire(plr, -cost)` take it; `MoneyFunction:Invoke(plr, prize, "+")` pays it back."""
        owner = _owner(call.receiver)
        if not SIGNAL_CALL.match(call.name) or not any(_is_balance(w) for w in _words(owner)):
            return None
        args = argument_nodes(call)
        signs = {_strings(a).strip().lower() for a in args}
        balance = next(w for w in _words(owner) if _is_balance(w))
        if signs & {"-", "subtract", "remove", "spend", "take", "minus"} or any(_is_negative(a) for a in args):
            u.spent.add(balance)
            return (f"{_short(call.receiver, 30)}:{call.name}(…, \"-\")", True)
        if signs & {"+", "add", "give", "plus"}:
            u.payout = True
            u.credited.add(balance)
            u.increased.add(balance)
        return None

    @staticmethod
    def _resource_spend(call: Call) -> bool:
        """`SubtractResources(cost)`, `SpendResource(count * 100)`, `resources.Spend(price)`: the game's generic
        stock spent; it counts as a payment only with a strong loot word, like a currency of the game's own name."""
        words = _words(call.name)
        verb = words[1] if words[:1] == ["try"] and len(words) > 1 else words[0] if words else ""
        named = set(words) & RESOURCE_WORDS or set(_words(_owner(call.receiver))) & RESOURCE_WORDS
        return bool(named) and verb in SPEND_VERB_STRONG | SPEND_VERB_WITH_CURRENCY and bool(argument_nodes(call))

    @staticmethod
    def _names_currency(call: Call, rest: list[str], args: list[Node]) -> bool:
        """`RemoveCoins(5)`, `wallet.Subtract(price)`, `Take(Currency.Gems, 100)` take currency;
        `ConsumeGameBooster(p, COIN_BOOSTER)` takes a booster and `rewardTypes.Remove(Reward.HardCoins)`
        a list entry: the call's own name, its receiver, or an argument that is a balance next to an amount."""
        if any(_is_balance(w) for w in rest) or call.receiver and _is_balance(_balance_name(call.receiver)):
            return True  # `RemoveCoins(5)`, `wallet.Subtract(price)`; not `collectedGoldChests.Remove(…)`
        return not rest and any(_is_balance(_balance_name(text(a))) for a in args[:3]) and bool(
            re.search(r"(?i)(cost|price|amount|(?<![\w\[])\d+(?![\w\]]))", " ".join(text(a) for a in args[:3])))

    def _random_call(self, call: Call) -> str | None:
        name, receiver = call.name, " ".join(call.receiver.split())
        lang = self.language
        if EXCEPTION_NAME.search(name):
            return None  # `raise GachaError(…)`: an error of the gacha module, not its roll
        if lang == "csharp" and CSHARP_RANDOM.match(name) and (
                receiver.endswith("Random") or RANDOM_RECEIVER.search(receiver) or "RandomNumberGenerator" in receiver):
            return f"{receiver}.{name}()"
        if lang == "csharp" and CSHARP_WEB_CALL.match(name) and CSHARP_WEB_RECEIVER.search(receiver):
            path = next((v for v in (text(n).strip("@$\"'") for n in walk(call.arguments) if n.type in STRING_TYPES)
                         if REMOTE_LOOT_PATH.search(v) and not NOT_REMOTE_PATH.search(v.split("?")[0])), None)
            if path is not None and call.arguments is not None:
                return f"{receiver.split('.')[-1]}.{name}(\"{_short(path, 30)}\") on the server"
        if lang == "csharp" and CSHARP_PICK_EXTENSION.match(name) and receiver and not argument_nodes(call) and (
                not re.search(r"(^|\.)(Random|UnityEngine|System|Mathf?)$", receiver)):
            return f"{_short(receiver, 30)}.{name}()"  # `stickers.Random()`: a collection's own pick extension
        if lang == "lua" and (name == "random" and receiver in ("math", "love.math") or (
                LUA_RANDOM_METHOD.match(name) and name != "random" and receiver)):
            return f"{receiver}{':' if name != 'random' else '.'}{name}()"
        if lang == "gdscript" and GDSCRIPT_RANDOM.match(name):
            if name == "shuffle" and not receiver:
                return None
            return f"{receiver + '.' if receiver else ''}{name}()"
        if lang == "python" and PYTHON_RANDOM.match(name):
            if re.search(r"(^|\.)(random|secrets|rng|rand|np\.random|numpy\.random|SystemRandom\(\)|_rng|self\.rng|self\._rng)$", receiver) or (
                    not receiver and name in self.python_random_names):
                return f"{receiver + '.' if receiver else ''}{name}()"
            return None
        if any(OWNED_ITEM_ARG.match(text(a).strip()) for a in argument_nodes(call)):
            return None  # `getRandomWeaponSkinData(…, m_targetSkinData)`: re-rolls an owned item
        camel = _camel(name)
        if UPGRADE_HELPER.search(name):
            return None  # `rollEnchantment()`, `reroll_stats()`: a random upgrade of something owned
        if REMOTE_OPENER.match(camel) and name not in self.defs and not set(_words(_owner(receiver))) & BOARD_OBJECT_WORDS:
            return f"{name}() in another module"
        if name not in self.defs and self._loot_system_call(name, receiver):
            if lang == "python" and not receiver and name[:1].isupper():
                return f"a {name} created here, rolled by another module"  # an imported box record, not the roll itself
            return f"{receiver + '.' if receiver else ''}{name}() in another module"
        if TALLY_NAME.search(camel):
            return None  # `GetRandomWeaponPurchases(player)`: how many were bought (a price step), not a roll
        if GAME_ROLL_NAME.match(camel) and not _not_random_name(camel):
            return f"{name}()"
        if RANDOM_NAME.match(camel) and not _not_random_name(camel) and name not in ("random", "Random", "shuffle", "chance", "sample"):
            if name.lower() in ("pick", "draw", "roll", "pull", "wish", "summon", "sample") and not argument_nodes(call) and not receiver:
                return None
            return f"{name}()"
        return None

    def _loot_system_call(self, name: str, receiver: str) -> bool:
        """`GachaManager.Instance.Pull(10)`, `EggService:Hatch(player, id)`, `character_gacha(pulls)`
        imported from a gacha module: a box opened by code outside this file."""
        words = _words(name)
        if set(words) & UI_WORDS:
            return False  # `CapsuleService:OpenCapsuleMenu(player)` opens a screen
        owner = {w for part in re.split(r"[.:]", receiver)[-2:] for w in _words(part)}
        if words[:1] and words[0] in OPENER_VERBS and owner & LOOT_SYSTEM_WORDS:
            return True
        return not receiver and bool(set(_words(name)) & IMPORTED_ROLL_WORDS) and bool(
            re.search(rf"\bimport\b[^\n]*\b{re.escape(name)}\b|\brequire\b[^\n]*\b{re.escape(name)}\b", self.head))

    def _cosmetic(self, node: Node, fn: Node) -> bool:
        """A random number that only places, colours, times or names something, or that an NPC's or the
        scenery's background loop draws (`task.spawn(function() while npc.Parent do … math.random … end end)`)."""
        if _background_loop(node, fn):
            return True
        for a in ancestors(node):
            if a is fn or a.type in FUNCTION_TYPES:
                return False
            call = as_call(a)
            if call is not None and (_cosmetic_name(call.name) or _cosmetic_name(_owner(call.receiver))):
                return True  # `PlaySound(…)`, `SoundManager.Play("pop" + Random.Range(0, 3))`
            if a.type in ("variable_declarator", "variable_statement", "assignment_statement", "assignment",
                          "assignment_expression", "augmented_assignment", "keyword_argument", "pair",
                          "local_variable_declaration", "field"):
                target = a.child_by_field_name("name") or a.child_by_field_name("left") or (a.named_children[0] if a.named_children else None)
                named = _balance_name(text(target)) if target is not None else ""
                return bool(named and (_cosmetic_name(named) or _stat_name(named) or named.lower() in FLAVOUR_TEXT))
            if "statement" in a.type:
                return False
        return False

    # ---- following helpers -------------------------------------------------------------------
    def callees(self, u: _Unit) -> list[_Unit]:
        """Helpers of this file the unit calls by name, and the inline handlers it registers
        (`anim.onComplete.AddListener(() => RevealPrize())`, `Tween.Completed:Connect(function() … end)`)."""
        out = [self.unit(h) for h in u.handlers]
        for name in dict.fromkeys(u.calls):
            for fn in self.defs.get(name, [])[:3]:
                if fn.start_byte <= u.node.start_byte and u.node.end_byte <= fn.end_byte:
                    continue  # recursion or the enclosing definition
                out.append(self.unit(fn))
        return out

    def reach(self, u: _Unit, depth: int, seen: set, loose: bool = False) -> "_Reach":
        """Random picks, spends and purchases reached through same-file helpers; past the first hop
        only helpers named for the job (`RollRarity`, `weighted_choice`) are followed, and, from a unit
        that names a loot system (`loose`: `Gacha(count)`, a `GachaItem` result), helpers that roll
        themselves (`SelectGrade()` → `Random.Range`, `SortearItem()`)."""
        out = _Reach()
        if depth <= 0:
            return out
        for c in self.callees(u):
            key = (c.node.start_byte, c.node.end_byte)
            if key in seen:
                continue
            seen.add(key)
            if _cosmetic_name(c.name) and not LOOT_NAME.search(c.name) and not set(_words(c.name)) & PRODUCT_WORDS or (
                    UPGRADE_HELPER.search(c.name) or SHOP_STOCK_HELPER.search(c.name) or _stat_helper(c.name)
                    or "sell" in _words(c.name)):
                continue  # a random position or colour, a random enchantment or stat, a shop's shelf, a forced sale
            if depth < 3 and not (loose and c.random or LOOT_NAME.search(c.name) or RANDOM_NAME.match(_camel(c.name))
                                  or PICK_HELPER.match(_camel(c.name))
                                  or set(_words(c.name)) & (STRONG_LOOT | WEAK_LOOT | {"random", "rng", "weighted"})):
                continue
            sub = self.reach(c, depth - 1, seen, loose)
            r2 = sub.rnd
            if not (c.random or r2) and LOOT_NAME.search(c.name) and self.verdict(c) is not None:
                r2 = [self.verdict(c)[2]]  # `singleEgg(player, egg)`, a loot box of its own, rolls deeper
            shown = f"{c.name}()" if c.name else _handler_shown(c.node)
            if c.random or r2:
                out.rnd.append(f"{shown} → {(c.random or r2)[0]}")
            out.spend += [f"{shown} → {s}" for s in c.spend[:1]] + sub.spend[:1]
            out.soft += [f"{shown} → {s}" for s in c.soft_spend[:1]] + sub.soft[:1]  # `Consume(n)` → `SubtractResources(n)`
            out.purchase += [f"{shown} → {p}" for p in c.purchase[:1]] + sub.purchase[:1]
            out.grant = out.grant or c.grant or sub.grant
            if c.random or r2 or c.spend or sub.spend:
                out.words.update(_words(c.name))
                out.words |= sub.words
            if c.random:
                out.words |= c.words & (STRONG_LOOT | WEAK_LOOT)  # `grantReward()` rolling a crate: `cs:RollAndPend(…)`
        return out

    # ---- the verdict -------------------------------------------------------------------------
    def loot_context(self, u: _Unit, words: set[str], grant: bool) -> str | None:
        return loot_context_of(u.words | words, u.grant or grant, self.file_loot, granted_to="the inventory")

    def verdict(self, u: _Unit) -> tuple[str, str, str, str | None] | None:
        key = (u.node.start_byte, u.node.end_byte)
        if key not in self.verdicts:
            self.verdicts[key] = None  # recursion guard
            self.verdicts[key] = self._judge(u)
        return self.verdicts[key]

    def _judge(self, u: _Unit) -> tuple[str, str, str, str | None] | None:
        if GAME_LOOP.match(u.name):
            # a frame handler spends and rolls for many reasons; it is reported only when it polls
            # a chest/crate/gacha purchase itself (`if item == "Normal Chest": coins -= 100; randi…`)
            if not (u.spend and u.random and u.words & STRONG_LOOT - {"case", "cases", "pack", "packs"}):
                return None
        r = self.reach(u, 3, set(), loose=bool(u.words & STRONG_LOOT - {"case", "cases", "pack", "packs"}))
        rnd = u.random + r.rnd
        across = None
        if not rnd and (u.pays or r.spend or r.purchase) and self.project is not None:
            # pays here (or in a guard helper: `if (!IsCanSummon()) return;`) and calls a gacha/chest/egg function
            # of another file that rolls (`gachaSystem.Pull()`, `StartCoroutine(spinCtrl.SpinningWheel())`)
            across = self.project.pick_elsewhere(self, u)
            if across is None and (u.spend or u.soft_spend or u.purchase or r.spend):
                across = self.project.opened_later(self, u)
            if across is not None:
                rnd = [across[0]]
        if not rnd:
            return None
        name_loot = bool(u.name and LOOT_NAME.search(u.name))
        unpaid = not (u.pays or r.spend or r.soft or r.purchase)
        if unpaid and self.project is not None and not NOT_LOOT_UNIT.search(u.name) and not SHOP_STOCK_HELPER.search(
                u.name) and not u.payout and not (
                u.words & HARD_BET_WORDS):
            # rolls without a payment, but every caller in the project is in another file and pays first
            context = loot_context_of(u.words | r.words, u.grant or r.grant, False, granted_to="the inventory")
            payer = self.project.paying_callers(self, u) if context is not None else None
            return ("paid-elsewhere", payer, rnd[0], context) if payer is not None else None
        if not u.random and not u.pays and not name_loot and across is None:
            return None  # both halves only in helpers: only a loot-box name ties them together
        if self._paid_after_roll(u):
            return None  # `elif r == 2: lost_items(0.1)`: coins lost as one outcome of the roll, not its price
        bought = self._bought_item(u)
        context = self.loot_context(u, r.words, r.grant) or _random_unlock(u.name) or bought
        if across is not None:
            # a roll in another file counts only with loot words in the paying unit or the rolling function
            context = loot_context_of(u.words | across[1], u.grant or across[2], False, granted_to="the inventory")
            if context is None:
                return None
        strong_context = context in STRONG_LOOT or context == "box"
        # `bet = 10` … `update_balance(uid, -bet)` in a gacha file's `pull` command, never paid back: the pull's price
        stake = {"bet", "bets"} if not u.payout and self.file_loot and set(_words(u.name)) & PULL_NAME_WORDS else set()
        bet_words = u.words & (BET_WORDS | EXTRA_BET_WORDS) - stake
        if not u.words & SLOT_MACHINE_WORDS:
            bet_words -= {"slot", "slots"}  # `itemSlot`, `inventory.slots`: not a slot machine
        wheel_only = not u.payout and not bet_words - WHEEL_WORDS
        if NOT_LOOT_UNIT.search(u.name) and not (name_loot and not PAID_SHORTCUT.search(u.name)) and not (
                wheel_only and WHEEL_UNIT.search(u.name)) and not self._reroll_is_a_pull(u):
            return None  # upgrades, rerolls, paid shortcuts, work and casino commands
        if self.timed_unlock and UNLOCK_UNIT.search(u.name) and not u.purchase:
            return None  # gems that open a timed chest now: a paid shortcut
        if u.words & HARD_BET_WORDS - stake and not name_loot or bet_words and not (strong_context or wheel_only):
            return None  # a roulette that pays out currency is a bet; one that hands out a unit is a prize wheel
        if bet_words and wheel_only and context and set(context.split("/")) <= WHEEL_WORDS | {"spin", "spins", "wheel"} and not (
                u.grant or r.grant or u.item_reward or any(_premium_spend(x) or _game_premium(x) for x in u.spend + r.spend)):
            return None  # a joke roulette paid in coins that only plays a random song or message: nothing is won
        purchase = u.purchase + r.purchase[:1]
        if u.spent & u.credited and u.increased <= u.spent and not (u.grant or r.grant or u.item_reward or purchase):
            return None  # only the stake's own currency paid back on a win (`Money = Money + prize`): a lottery
        if not purchase and self._rebirth_bonus(u, r, strong_context):
            return None  # a rebirth's random bonus amount of a stat (`exp.Value += math.random(1000, 10000)`): no draw
        if purchase:
            return ("purchase", purchase[0], rnd[0], context)
        spend = u.spend + r.spend[:2]
        if spend and (context or any(_premium_spend(s) or HARD_CURRENCY.search(s) or _game_premium(s) for s in spend)):
            return ("spend", spend[0], rnd[0], context)
        soft = u.soft_spend + r.soft[:1]
        if soft and (strong_context or bought and context == bought):
            return ("spend", soft[0], rnd[0], context)
        if u.weak_spend and (name_loot or (u.random and strong_context and not SHOP_UNIT.search(u.name))):
            if self.project is not None and self.project.server_decides(self, u):
                return None  # the client half of a crate the server charges and rolls
            if u.gated and u.gated <= u.reset and PRESTIGE.search(f"{u.label} {Path(self.path).stem}"):
                return None  # a rebirth: the money reached the threshold and starts over, reborn items are not bought
            return ("gate", u.weak_spend[0], rnd[0], context)
        if u.consume and context and (self.file_sells or self.project is not None and self.project.sells_elsewhere(self, u)):
            return ("consume", u.consume[0], rnd[0], context)
        return None

    def _rebirth_bonus(self, u: _Unit, r: _Reach, strong_context: bool) -> bool:
        """A rebirth or prestige (its name, its remote's, or its file's: `RebirthServer`, `onRebirth.OnServerEvent`)
        whose only random pick is a number (`math.random(1000, 10000)` added to `exp.Value`), not an element of a
        collection, and that hands out no item: the spend buys the reset, the roll only sizes a bonus."""
        names = u.name or f"{u.label} {Path(self.path).stem}"  # an inline handler: its remote's and its file's names
        if not PRESTIGE.search(names) or strong_context:
            return False
        if r.rnd or u.grant or r.grant or u.item_reward or not u.picks:
            return False
        return all(picked_collection(c.node, c.name, " ".join(c.receiver.split()), argument_nodes(c)) is None for c in u.picks)

    def _bought_item(self, u: _Unit) -> str | None:
        """A unit that takes a price and whose own pick (or a rolling helper's) selects which item is handed out:
        `BuyTrail()` drawing `NotBuyedItems[Random.Range(0, NotBuyedItems.Count)]` (checks/loot_box_items.py)."""
        if not (u.spend or u.soft_spend):
            return None
        picks = list(u.picks)
        for c in self.callees(u):
            if c.picks and not _cosmetic_name(c.name) and not UPGRADE_HELPER.search(c.name):
                picks += c.picks
        pools = [picked_collection(c.node, c.name, " ".join(c.receiver.split()), argument_nodes(c)) for c in picks]
        return bought_item(u.name, [p for p in pools if p], _cosmetic_name, removed_from(calls(u.node)),
                           u.grant)

    def _paid_after_roll(self, u: _Unit) -> bool:
        """No payment of the unit shares a path with a pick it pays for: every payment is a call made either in
        another arm than every pick (`if room == 1: … lost_items(0.1)` next to `elif room == 4: … randi_range(1, 2)`
        opening a free chest) or in a branch of the roll's own result (`var r = randi_range(1, 2)` … `elif r == 2:
        lost_items(0.1)`): a random-event room whose coins are lost as one outcome, not paid as a price."""
        if u.purchase or u.consume or u.handlers:
            return False
        direct = [c.node for c in calls(u.node) if self._spend_call(c) or self._resource_spend(c) or self._priced_spend(c)]
        if len(u.spend) + len(u.soft_spend) + len(u.weak_spend) != len(direct):
            return False  # a payment written in place (`coins -= 50`): its path is not followed here
        payers = {c.name for c in self.callees(u) if c.name and (c.pays or (lambda r: r.spend or r.soft or r.purchase)(
            self.reach(c, 2, set())))}
        rollers = {c.name for c in self.callees(u) if c.name and (c.random or self.reach(c, 2, set()).rnd)}
        picks = [c.node for c in calls(u.node) if self._random_call(c) is not None and not self._cosmetic(c.node, u.node)
                 or c.name in rollers]
        sites = direct + [c.node for c in calls(u.node) if c.name in payers]
        if not sites or not picks:
            return False
        return not any(not _other_arms(site, pick, u.node) and not _branch_of_roll(site, pick, u.node, self)
                       for site in sites for pick in picks)

    def _reroll_is_a_pull(self, u: _Unit) -> bool:
        """A paid `reroll` (`spend_gold(200)`) in a loot-box file that runs the same roll-and-grant helper as the box's
        own `open` (`await self._roll()`, which adds a new random item to the inventory): another pull, not a reroll of
        an owned item's stats or of a shop's offers."""
        if not (u.spend and self.file_loot and REROLL.search(u.name)) or NOT_LOOT_UNIT.search(REROLL.sub("", u.name)):
            return False
        others = [self.unit(fn) for fns in self.defs.values() for fn in fns[:3] if fn.id != u.node.id]
        return any(c.random and c.grant and any(c.name in o.calls and o.node.id != c.node.id for o in others)
                   for c in self.callees(u) if c.name)

    def reported(self, u: _Unit) -> tuple | None:
        """The verdict, unless the payment sits in a helper that is reported itself (a wrapper
        `Client:BuyGacha(…)` that calls the server's `BuyGacha`); a real-money purchase handler
        (`ProcessReceipt` calling `singleEgg(player, egg)`) is reported itself."""
        v = self.verdict(u)
        if v is None:
            return None
        if not (u.random and u.pays) and not u.purchase:
            for c in self.callees(u):
                if c.pays and self.verdict(c) is not None:
                    return None
        return v


BRANCH_TYPES = ("if_statement", "elif_clause", "else_clause", "match_statement", "switch_statement",
                "switch_expression", "elseif_statement", "else_statement", "case_clause", "when_expression")


def _assigned_name(node: Node, fn: Node) -> str | None:
    """The plain variable a value is stored in (`var r = randi_range(1, 2)`, `roll = random.randint(1, 6)`)."""
    for a in ancestors(node):
        if a is fn or a.type in FUNCTION_TYPES or a.type in BRANCH_TYPES:
            return None
        target = a.child_by_field_name("name") or a.child_by_field_name("left")
        value = a.child_by_field_name("value") or a.child_by_field_name("right")
        if target is not None and value is not None and value.start_byte <= node.start_byte and node.end_byte <= value.end_byte:
            name = text(target).strip()
            return name if re.fullmatch(r"[A-Za-z_]\w*", name) else None
    return None


def _arm(node: Node, branch: Node) -> Node | None:
    """The child of a branching statement that holds the node (its body, an `elif`/`else` clause, a `match` arm)."""
    for a in ancestors(node):
        if a.parent is None or a.parent.type in FUNCTION_TYPES:
            return None
        if a.parent.id == branch.id:
            return a
        if a.parent.type in ("match_body", "switch_body", "switch_block", "switch_section") and a.parent.parent is not None \
                and a.parent.parent.id == branch.id:
            return a
    return None


def _other_arms(one: Node, two: Node, fn: Node) -> bool:
    """The two nodes sit in different arms of one `if`/`elif`/`else` or `match`/`switch` (never both run)."""
    for a in ancestors(one):
        if a.id == fn.id or a.type in FUNCTION_TYPES:
            return False
        if a.type in BRANCH_TYPES and a.start_byte <= two.start_byte and two.end_byte <= a.end_byte:
            arm1, arm2 = _arm(one, a), _arm(two, a)
            cond = a.child_by_field_name("condition") or a.child_by_field_name("value") or a.child_by_field_name("subject")
            if arm1 is not None and arm2 is not None and arm1.id != arm2.id and not (
                    cond is not None and cond.id in (arm1.id, arm2.id)):
                return True
    return False


def _branch_of_roll(site: Node, pick: Node, fn: Node, f: "_File") -> bool:
    """The call sits in a branch chosen by the pick's rolled value (`if r == 2:`, `match randi() % 3:`)."""
    rolled = _assigned_name(pick, fn)
    for a in ancestors(site):
        if a.id == fn.id or a.type in FUNCTION_TYPES:
            return False
        if a.type not in BRANCH_TYPES:
            continue
        cond = a.child_by_field_name("condition") or a.child_by_field_name("value") or a.child_by_field_name("subject")
        if cond is None or cond.start_byte <= site.start_byte < cond.end_byte:
            continue
        if rolled and re.search(rf"(?<![\w.]){re.escape(rolled)}(?!\w)", text(cond)) or (
                cond.start_byte <= pick.start_byte and pick.end_byte <= cond.end_byte):
            return True
    return False


def _file(ctx: CheckContext) -> _File:
    facts = ctx.memo.get(MEMO_KEY)
    if facts is None:
        facts = _File(ctx, _Project(ctx) if len(ctx.data) <= MAX_ASKING_BYTES else None)
        ctx.memo[MEMO_KEY] = facts
    return facts


# ---------------------------------------------------------------------------------------------
# other files of the project (designlint/project_index.py): pay here, roll there

MAX_ASKING_BYTES = 200_000  # a larger file does not ask the project
MAX_LOOKUPS = 4  # names of a paying unit looked up in other files
# Objects whose methods may roll in another file: `GachaManager.Instance`, `gachaSystem`, `ChestOpener.Instance`,
# a Roblox ModuleScript (`EggModule`, `PetHandler`, `AnimalRoller`), `Knit.GetService("EggService")`.
SERVICE_WORDS = frozenset(
    """service services manager mgr system systems module modules handler handlers controller ctrl roller opener gacha
    gachapon chest chests loot crate crates egg eggs hatch hatcher hatchery hatching summon summoning capsule pet pets
    reward rewards drop drops table machine banner box pack lottery database db util utils helper helpers logic core
    engine game server shared instance incubator generator picker factory""".split())
# Objects that show, sound, save or send something: their methods are not looked up.
NOT_SERVICE_WORDS = frozenset(
    """anim animator animation audio sound sounds music sfx camera ui gui text label panel view screen popup effect
    effects particle particles tween vfx fx save saver analytics log logger debug input network remote remotes
    leaderboard leaderstats button scene canvas image sprite transform player character humanoid""".split())
# Calls whose verb says they store, show, sync or spend rather than pick.
NOT_PICK_VERBS = frozenset(
    """set save load sync log track show hide display format refresh notify update init dispose is has can check validate
    navigate go close print record increment decrement add remove clear reset toggle persist store write read
    upload download send fire request listen subscribe cancel play stop pause animate tween mark register unregister
    get find wait destroy instantiate spawn new clone to try spend pay deduct subtract take use consume buy
    purchase charge sell give""".split())
# Unity, Roblox, Godot and Python calls no file of a game defines.
FRAMEWORK_CALLS = frozenset(
    """Debug Log LogWarning LogError SetActive GetComponent GetComponentInChildren FindObjectOfType AddListener
    RemoveListener Invoke StartCoroutine StopCoroutine Instantiate Destroy SetTrigger SetBool LoadScene WaitForChild
    FindFirstChild GetService FireClient FireServer FireAllClients InvokeServer InvokeClient Connect Disconnect Clone
    GetAsync SetAsync UpdateAsync IncrementAsync pcall require print warn error tostring tonumber ipairs pairs insert
    emit_signal connect queue_free get_node add_child append extend format dumps loads""".split())
_FOREIGN: dict[tuple[str, int, int], _File | None] = {}
_SELLERS: dict[tuple[str, int, str], set[str]] = {}  # per project and box noun: the files that sell it
SOLD_NOUNS = frozenset({"lootbox", "box", "crate", "chest", "case", "pack", "egg", "capsule", "key"})
# A box bought here and opened by its own class (C#, one class per file): `CreateLootBox()` → `LootBox.cs`,
# `User.AddPack(pack)` → `Pack.cs`; the class is found by the file's name, the noun ending the paying unit's name
# or a call that hands the box over.
BOX_NOUN = re.compile(r"((?:[A-Z][a-z]+)?(?:Loot[Bb]ox|MysteryBox|Chest|Crate|Pack|Booster|Egg|Capsule))(?:e?s)?$")
BOX_HANDOVER = re.compile(r"^(Add|Give|Grant|Create|Spawn|Instantiate|Award)[A-Z]")
# The words of the rule's queries (rules/loot-box/games.yaml): a function without one is never checked, so a roll
# it pays for is reported where the roll is made.
QUERY_TEXT = re.compile(
    r"(?i)(gem|coin|gold|diamond|crystal|jewel|rub(y|ies)|cash|money|credit|token|balance|currenc|price|cost|spen[dt]"
    r"|purchase|pa(y|id)|wallet|bank|ticket|buck|fund|afford|deduct|loot|gacha|crate|chest|summon|hatch|crys|cristal"
    r"|cristai|diamant|resource|(?-i:Dia)|receipt|robux)")


def _lookup_worthy(name: str, receiver: str) -> bool:
    """A call that may roll in another file: a method of a manager/system/service/module-like object, or bare."""
    words = _words(name)
    if len(name) < 4 or name in FRAMEWORK_CALLS or name in project_index.COMMON_NAMES or not words:
        return False
    if words[0] in NOT_PICK_VERBS or UPGRADE_HELPER.search(name) or _cosmetic_name(name):
        return False  # (a UI word does not rule it out: `LootboxService.OpenShopLootbox` rolls, and the callee is read)
    if not receiver:
        return True
    owner = set(_words(_owner(receiver))) | set(_words(receiver.split("(")[-1]))  # `Knit.GetService("EggService")`
    return bool(owner & SERVICE_WORDS) and not owner & NOT_SERVICE_WORDS


CLIENT_FOLDERS = frozenset({"startergui", "starterplayer", "starterplayerscripts", "startercharacterscripts", "starterpack"})


def _client_script(path: str, head: str) -> bool:
    """A Roblox LocalScript: `*.client.lua(u)`, a file under StarterGui/StarterPlayer/StarterPack, or one that reads
    `Players.LocalPlayer` (a server script has no local player)."""
    p = Path(path)
    return bool(re.search(r"\.client\.luau?$", p.name) or {part.lower() for part in p.parts[:-1]} & CLIENT_FOLDERS
                or re.search(r"\.LocalPlayer\b", head))


def _remote_names(head: str, unit: Node) -> set[str]:
    """The remotes a client unit fires (`CrateRE:FireServer(…)`, `openRemote:FireServer(…)` after
    `local openRemote = ReplicatedStorage:WaitForChild("OpenCrate")`): the variable's and the instance's names."""
    names: set[str] = set()
    for n in walk(unit):
        call = as_call(n)
        if call is None or call.name not in ("FireServer", "InvokeServer"):
            continue
        var = re.split(r"[.:]", call.receiver)[-1]
        if not re.fullmatch(r"\w+", var):
            continue
        names.add(var)
        bound = re.search(rf"\b{re.escape(var)}\s*=\s*[^\n]*?(?:WaitForChild|FindFirstChild)\(\s*[\"'](\w+)[\"']"
                          rf"|\b{re.escape(var)}\s*=\s*[\w.:]*[.:](\w+)\s*$", head, re.M)
        if bound:
            names.add(bound.group(1) or bound.group(2))
    return names


def _foreign_file(index: project_index.ProjectIndex, path: str) -> _File | None:
    """The facts of another file of the project, built once per process while it is unchanged (the
    project index parses it)."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    key = (path, st.st_mtime_ns, st.st_size)
    if key not in _FOREIGN:
        if len(_FOREIGN) > 256:
            _FOREIGN.clear()
        source = index.source(path)
        _FOREIGN[key] = None
        if source is not None:
            region = source.regions[0]
            stand_in = SimpleNamespace(language=language_family(region.language), data=source.data,
                                       root=region.root, path=Path(path))
            _FOREIGN[key] = _File(stand_in)  # type: ignore[arg-type]
    return _FOREIGN[key]


class _Project:
    """The asking file's project, asked lazily (the first question reads the project's files)."""

    def __init__(self, ctx: CheckContext):
        self._ctx = ctx
        self._index: project_index.ProjectIndex | None = None

    @property
    def index(self) -> project_index.ProjectIndex:
        if self._index is None:
            self._index = project_index.for_context(self._ctx)
        return self._index

    def pick_elsewhere(self, asking: _File, u: _Unit) -> tuple[str, set[str], bool] | None:
        """A function of another file the paying unit (or a handler it registers) calls, that makes a random
        pick: (evidence with the roll's place, loot words of the callee, whether it grants the pick)."""
        own = asking.path
        # a same-file helper named for the pull first (`self._doPull()` → `util.doRolls(1000)`), then the unit's own calls
        job = PULL_NAME_WORDS | STRONG_LOOT | {"draw", "roll", "rolls"}
        hops = [(c, call) for c in asking.callees(u) if not c.pays and (set(_words(c.name)) | set(_words(u.name))) & job
                for call in c.foreign]
        calls = [*(call for _, call in hops), *u.foreign, *(call for h in u.handlers for call in asking.unit(h).foreign)]
        via = {call: f"{c.name}() → " for c, call in reversed(hops)}
        # names that read as a pick first (`rarity_roll()`, `pick_by_rarity()` imported from a gacha module),
        # so a helper's many plain calls (`ensure_user`, `Path`) do not use up the look-ups
        roll_words = job | {"pick", "rarity", "random", "rng", "choose", "weighted", "loot", "reward", "prize"}
        ordered = sorted(dict.fromkeys(calls), key=lambda call: not set(_words(call[0])) & roll_words)
        looked = 0
        for name, receiver in ordered:
            if not _lookup_worthy(name, receiver):
                continue
            looked += 1
            if looked > MAX_LOOKUPS:
                break
            defs = [d for d in self.index.definitions(name) if d.path != own]
            if len(defs) > 1 and receiver:
                said = set(_words(_owner(receiver))) | set(_words(receiver))
                defs = [d for d in defs if set(_words(d.owner) + _words(Path(d.path).stem)) & said]
            for d in defs[:3]:
                found = _pick_in(self.index, d)
                if found is not None:
                    where = f"{via.get((name, receiver), '')}{_short(receiver, 28) + '.' if receiver else ''}{name}()"
                    return (f"{where} → {_short(found[0], 36)} in {d.shown}:{d.line}", found[1], found[2])
        return None

    def sells_elsewhere(self, asking: _File, u: _Unit) -> bool:
        """A box, crate or key the unit uses up by name (`remove_lootbox(box)`, `consumeKey()`) that another file of
        the project sells (`async def lootbox(…)`: "Buy a lootbox", `remove_jenny(price); add_lootbox(box)`)."""
        nouns = {w.rstrip("s") if w not in ("case", "cases") else "case" for c in u.consume for w in _words(c.split("(")[0])}
        nouns = {"lootbox" if n in ("lootboxe", "lootbox") else n for n in nouns} & SOLD_NOUNS
        index = self.index
        for noun in sorted(nouns):
            key = (str(index.root), len(index.files()), noun)
            if key not in _SELLERS:
                sold = re.compile(rf"(?i)\b(buy|purchase|sell)[_ -]?(a[_ ])?(loot[_ ]?)?{noun}(e?s)?\b"
                                  rf"|\b(loot[_ ]?)?{noun}(e?s)?[\w.\[\]'\"]{{0,24}}[_ .]?(price|cost)")
                _SELLERS[key] = {path for path, data in index.files().items()
                                 if sold.search(data[:200_000].decode("utf-8", "replace"))}
            if _SELLERS[key] - {asking.path}:
                return True
        return False

    def server_decides(self, asking: _File, u: _Unit) -> bool:
        """A Roblox client script (`*.client.lua`, under StarterGui/StarterPlayer, or reading `LocalPlayer`)
        whose unit only compares the balance and sends the request on (`CrateRE:FireServer(crate)`), while a
        server script of the project handles a remote (`OnServerEvent`) by charging and rolling: the client's
        random numbers only build the spinner, the server's pick is the loot box."""
        if asking.language != "lua" or not _client_script(asking.path, asking.head):
            return False
        if u.spend or u.soft_spend or u.purchase:
            return False
        remotes = _remote_names(asking.head, u.node)
        for path, data in self.index.files().items():
            head = data[:MAX_ASKING_BYTES].decode("utf-8", "replace")
            if path == asking.path or "OnServer" not in head or _client_script(path, head) or not any(
                    re.search(rf"\b{re.escape(r)}\b", head) for r in remotes):
                continue
            f = _foreign_file(self.index, path)
            if f is not None and any(not _absorbed(fn) and f.reported(f.unit(fn)) for fn in f.functions):
                return True
        return False

    def opened_later(self, asking: _File, u: _Unit) -> tuple[str, set[str], bool] | None:
        """A box the paying unit buys or hands over (`CreateLootBox()`, `AddPack(pack)`) whose own class, in a file
        of its name, rolls when it is opened (`LootBox.RunLoot()` → `Random.Range`): bought here, drawn there."""
        if asking.language != "csharp":
            return None
        names = [u.name, *(c for c in dict.fromkeys(u.calls) if BOX_HANDOVER.match(c))]
        classes: set[str] = set()
        for name in names:
            m = BOX_NOUN.search(name or "")
            if m:
                classes |= {m.group(1), re.sub(r"^[A-Z][a-z]+(?=[A-Z])", "", m.group(1))}
        files = [Path(path) for path in self.index.files() if Path(path).stem in classes and path != asking.path]
        for path in files[:2]:
            f = _foreign_file(self.index, str(path))
            for fn in (f.functions if f else ()):
                cu = f.unit(fn)
                if not cu.random or cu.pays or not cu.name or UPGRADE_HELPER.search(cu.name):
                    continue  # (a frame handler counts: the box's `Update` rolls once its opening animation ends)
                shown = path.relative_to(self.index.root) if path.is_relative_to(self.index.root) else path
                words = {w for w in cu.words | set(_words(path.stem)) if w in STRONG_LOOT or w in WEAK_LOOT}
                return (f"{path.stem}.{cu.name}() → {_short(cu.random[0], 36)} in {shown}:{fn.start_point[0] + 1}",
                        words, cu.grant)
        return None

    def paying_callers(self, asking: _File, u: _Unit) -> str | None:
        """Where a roll is paid for: a unit of another file that spends or purchases and then calls it, and that is
        not reported itself (its text has no word the rule's queries look for, `if (!IsCanSpin()) return;
        StartCoroutine(spinCtrl.SpinningWheel());`). Free ways to the same roll (an ad spin) do not undo a paid one."""
        name = u.name
        if len(name) < 4 or name in project_index.COMMON_NAMES or name in FRAMEWORK_CALLS or GAME_LOOP.match(name):
            return None
        owner = set(_words(_owner_class(u.node)))
        several = len(self.index.definitions(name)) > 1
        paid: list[str] = []
        for site in [*self.index.calls(name), *(r for r in self.index.references(name) if r.role == "passed")]:
            if several and owner and not set(_words(site.receiver)) & owner:
                continue  # a same-named function of another class
            if site.path == asking.path:
                continue  # called in its own file: judged there through its callers
            f = _foreign_file(self.index, site.path)
            cu = f.unit_at(site.line) if f else None
            if cu is None:
                continue
            reached = f.reach(cu, 3, set())
            pay = cu.spend + cu.purchase + reached.spend + reached.purchase
            if not pay:
                continue  # a free way to the roll (a daily spin, an ad reward)
            if f.verdict(cu) is not None or QUERY_TEXT.search(text(cu.node)) and _lookup_worthy(name, site.receiver):
                return None  # reported where it pays
            if not (cu.random or reached.rnd) and QUERY_TEXT.search(text(cu.node)) and self.pick_elsewhere(f, cu) is not None:
                return None  # the payer's own roll is across files too (`_doPull()` → `util.doRolls()`): reported there
            paid.append(f"{_short(pay[0], 44)} in {site.where()}")
        return paid[0] if paid else None


def _owner_class(node: Node) -> str:
    for a in ancestors(node):
        if a.type in project_index.CLASS_TYPES:
            named = a.child_by_field_name("name")
            return text(named) if named is not None else ""
    return ""


def _pick_in(index: project_index.ProjectIndex, d: project_index.Definition) -> tuple[str, set[str], bool] | None:
    """The random pick a function of another file makes (itself or through its helpers), unless it pays
    for it too (then it is reported in its own file) or is a frame, an upgrade or a spawn."""
    f = _foreign_file(index, d.path)
    fn = next((n for n in f.defs.get(d.name, []) if n.start_point[0] + 1 == d.line), None) if f else None
    if fn is None or GAME_LOOP.match(d.name) or UPGRADE_HELPER.search(d.name) or SHOP_STOCK_HELPER.search(d.name) or (
            _stat_helper(d.name) or "sell" in _words(d.name)):
        return None  # also a stat of the chosen item rolled there (`determine_upkeep()`), a forced sale (`quick_sell()`)
    if NOT_LOOT_UNIT.search(d.name) and not LOOT_NAME.search(d.name):
        return None
    cu = f.unit(fn)
    if cu.pays and f.verdict(cu) is not None:
        return None  # pays and rolls on its own: reported in its file
    named = set(_words(d.name) + _words(d.owner) + _words(Path(d.path).stem))
    reached = f.reach(cu, 3, set(), loose=bool((cu.words | named) & STRONG_LOOT))
    picks = cu.random + reached.rnd
    if not picks:
        return None
    words = cu.words | reached.words | named
    for c in f.callees(cu):
        if c.random:
            words |= c.words  # the helper that rolls: `DrawOne()` weighting by `rarity`
    words = {w for w in words if w in STRONG_LOOT or w in WEAK_LOOT}
    return picks[0], words, cu.grant or reached.grant


# ---------------------------------------------------------------------------------------------
# pattern check


# The payment sits in a click handler the unit registers (`buyButton.onClick.AddListener(delegate {
# DeductPoints(cost, buyButton); })`): it runs later, when the player buys what is shown.
LISTENER_PAY = re.compile(r"^\s*[\w.:\[\]]*(?:AddListener|addListener|Connect|connect)\(…\)\s*→")


def _offer_filler(facts: "_File", f: Node) -> bool:
    """A function that rolls an offer and sells it only through a buy button it registers."""
    u = facts.unit(f)
    v = facts.reported(u)
    return v is not None and bool(LISTENER_PAY.match(v[1])) and not LISTENER_PAY.match(v[2]) and not u.pays


def _rerolls_offers(facts: "_File", fn: Node, depth: int = 3) -> bool:
    """The unit's roll (through the file's own functions, a few calls deep) fills offer slots that are
    each bought later with a buy button (`OnPrestigeChest()` → `GenerateRandomBuff()` →
    `GenerateRandomRarePassive()`): paying here replaces the shelf, it does not buy a random reward."""
    by_name: dict[str, list[Node]] = {}
    for f in facts.functions:
        by_name.setdefault((function_name(f) or "").split(".")[-1], []).append(f)
    seen = {fn}
    frontier = [fn]
    for _ in range(depth):
        following = []
        for f in frontier:
            for c in calls(f):
                for g in by_name.get(c.name, []):
                    if g in seen:
                        continue
                    seen.add(g)
                    if _offer_filler(facts, g):
                        return True
                    following.append(g)
        frontier = following
    return False


def _pays_through_reported_unit(facts: "_File", fn: Node, pay: str) -> bool:
    """The payment is reached only through another function of the file (`OnConfirmedBuyBox() →
    gemsAmount -= …` for a chest button that opens an "are you sure?" popup) and that function is
    itself reported as a paid random pick: one box purchase, one finding (at the function that pays
    and rolls)."""
    first = re.match(r"\s*(?:[\w.]+\.)?(\w+)\(\)\s*→", pay)
    if first is None:
        return False
    name = first.group(1)
    for other in facts.functions:
        if other == fn or (function_name(other) or "").split(".")[-1] != name:
            continue
        if _absorbed(other):
            continue
        if facts.reported(facts.unit(other)) is not None:
            return True
    return False


def paid_random_function(ctx: CheckContext) -> Verdict | bool:
    """A function that spends currency (or handles a real-money purchase) and makes a random pick."""
    fn = ctx.node
    if len(ctx.data) > MAX_FILE_BYTES or _absorbed(fn):
        return False
    facts = _file(ctx)
    u = facts.unit(fn)
    v = facts.reported(u)
    if v is None:
        return False
    kind, pay, pick, context = v
    if later_batch_of(fn, u.name, pick, iter(facts.functions), lambda f: (facts.reported(facts.unit(f)) or (0, 0, None))[2]):
        return False  # the ten-pull of a gacha reported at its single pull
    if _pays_through_reported_unit(facts, fn, pay):
        return False  # a confirm popup whose Yes leads to the box purchase reported at its own function
    if LISTENER_PAY.match(pay) and not LISTENER_PAY.match(pick) and not u.pays:
        return False  # rolls an offer now, shows it, and charges only when its buy button is clicked later
    if _rerolls_offers(facts, fn):
        return False  # pays to roll a new shelf of offers, each then bought at its shown price: a shop reroll
    if kind == "paid-elsewhere":
        return Verdict(message=f"{u.label} makes a random pick ({_short(pick)}) that runs only after a payment"
                               f" in another file ({_short(pay, 90)}) [{context}]")
    across = re.search(r" in \S+:\d+$", pick)  # the roll's place in another file stays readable
    return Verdict(message=_describe(kind, _short(pay), _short(pick, 170) if across else _short(pick), context, u.label, u.prompt))


# ---------------------------------------------------------------------------------------------
# a console script's top-level menu loop

CONSOLE_INPUT = re.compile(r"(?<![\w.])input\s*\(")


def paid_random_script_loop(ctx: CheckContext) -> Verdict | bool:
    """Python: a console game's menu loop at the top of the script, outside any function (`while True:` …
    `input("Enter your choice: ")` … `coins -= chest["cost"]` … `random.choices(rarity, weights=…)`), judged as a
    function is. Only loops that read the player's typed choice count, so a pygame frame loop is left alone."""
    if len(ctx.data) > MAX_FILE_BYTES or not CONSOLE_INPUT.search(ctx.text(ctx.node)):
        return False
    facts = _file(ctx)
    u = facts.unit(ctx.node)
    u.label = "The script's top-level menu loop"
    v = facts.reported(u)
    if v is None:
        return False
    kind, pay, pick, context = v
    if kind == "paid-elsewhere":
        return False
    across = re.search(r" in \S+:\d+$", pick)
    return Verdict(message=_describe(kind, _short(pay), _short(pick, 170) if across else _short(pick), context, u.label, u.prompt))


# ---------------------------------------------------------------------------------------------
# a priced catalog entry whose use handler rolls

PRICE_KEYWORD = re.compile(r"^(?:buy|price|cost|buy_price|price_coins|coin_price|gem_price|shop_price)$")


def priced_random_item(ctx: CheckContext) -> Verdict | bool:
    """Python: an item registered in a shop catalog with a price (`index.add(name="Loot Box",
    buy=500, use=open_box)`) whose handler, a function of the same file, makes a random pick: the
    generic shop code sells it and the generic `use` command opens it, so neither of those functions
    shows the pay and the roll together; the entry does."""
    call = as_call(ctx.node)
    if call is None or len(ctx.data) > MAX_FILE_BYTES:
        return False
    keywords = {(k.child_by_field_name("name") and text(k.child_by_field_name("name"))): k.child_by_field_name("value")
                for k in (call.arguments.named_children if call.arguments is not None else []) if k.type == "keyword_argument"}
    price = next(((k, v) for k, v in keywords.items() if k and PRICE_KEYWORD.match(k) and v is not None
                  and re.fullmatch(r"[1-9]\d*", text(v))), None)
    if price is None:
        return False
    facts = _file(ctx)
    for key, value in keywords.items():
        if value is None or value.type != "identifier" or text(value) not in facts.defs:
            continue
        handler = facts.defs[text(value)][0]
        u = facts.unit(handler)
        rnd = u.random + facts.reach(u, 2, set()).rnd
        if not rnd or u.pays or u.words & (HARD_BET_WORDS | EXTRA_BET_WORDS) or u.payout and not (u.grant or u.item_reward):
            continue  # a stake or only currency paid back is a bet; a handler that pays is reported itself
        label = next((_strings(v) for k, v in keywords.items() if k in ("name", "title", "label") and v is not None), "") or u.name
        if not LOOT_NAME.search(label):
            continue
        return Verdict(message=f"The shop item '{_short(label, 40)}' is sold for {price[0]}={text(price[1])} and its"
                               f" {key} handler {u.name}() makes a random pick ({_short(rnd[0])})")
    return False


# ---------------------------------------------------------------------------------------------
# mitigation


def odds_disclosed(ctx: CheckContext) -> bool:
    """The file shows the odds to the player (checks/loot_box_odds.py: text, a widget, a label set; not a tuning field
    such as `nsfwOddsMultiplier`), computed once per file: both mitigations ask it for every finding."""
    return ctx.remember(MEMO_KEY + ":odds", lambda: shows_odds(ctx.data[:600_000].decode("utf-8", "replace")))


# Words of a file name that say nothing of which loot system the file belongs to.
GENERIC_FILE_WORDS = frozenset({
    "module", "modules", "manager", "service", "server", "client", "config", "configs", "settings", "data", "handler",
    "controller", "system", "systems", "script", "scripts", "main", "init", "core", "util", "utils", "helper", "helpers",
    "ui", "gui", "view", "screen", "panel", "menu", "window", "local", "remote", "shared", "common", "game", "player",
    "lua", "luau", "cs", "gd", "py", "the", "and", "of",
})


def _stem_words(stem: str) -> set[str]:
    return {w for w in _words(stem.split(".")[0]) if len(w) >= 3 and w not in GENERIC_FILE_WORDS}


def odds_disclosed_in_project(ctx: CheckContext) -> bool:
    """The odds are shown in this file, or in another file of the same loot system in the project: one
    this file names (`require(...GachaConfig)`) or whose name shares a loot word with this file's
    (`GachaUI.lua` with its odds panel for `GachaModule.lua`). A game often keeps the roll on the
    server and the rates panel in a client script; the roll is then not raised for missing odds."""
    if odds_disclosed(ctx):
        return True

    def build() -> bool:
        try:
            files = project_index.for_context(ctx).files()
        except Exception:  # no project to read: the file alone decides
            return False
        here = str(ctx.path.resolve())
        own = _stem_words(ctx.path.stem)
        code = ctx.data[:600_000].decode("utf-8", "replace")
        inputs: dict[str, str] = {}
        found = False
        for path, data in list(files.items())[:3000]:
            if path == here or len(data) > 600_000:
                continue
            stem = Path(path).stem.split(".")[0]
            named = len(stem) >= 4 and re.search(r"(?<![\w])" + re.escape(stem) + r"(?![\w])", code) is not None
            if not named and not own & _stem_words(stem) & (STRONG_LOOT | WEAK_LOOT):
                continue  # another file of the same loot system: `GachaUI` for `GachaModule`, not any `*Manager`
            inputs[path] = hashlib.sha256(data).hexdigest()
            if shows_odds(data.decode("utf-8", "replace")):
                found = True
                break
        if inputs:
            ctx.depends_on(inputs)
        return found

    return bool(ctx.remember(MEMO_KEY + ":odds_project", build))
