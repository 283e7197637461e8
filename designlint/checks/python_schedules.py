"""The jobs an APScheduler set-up in one Python file runs again and again, read from its syntax tree.

`notification_spam_games._scheduled_names` reads the project's settings, celery and scheduler modules as
text; the APScheduler registrations there are read here instead, on the tree-sitter tree, because their
arguments nest too deep for a regular expression
(`scheduler.add_job(PushService(db=next(get_db())).send_morning_push, trigger=CronTrigger(hour=8))`):

* `scheduler.add_job(job, "cron" | "interval", ...)`, `add_job(job, trigger=CronTrigger(...) |
  IntervalTrigger(...))`, `add_job(func=job, ...)`, a trigger held in a name of the file
  (`trigger = CronTrigger(...)`); not a `"date"` trigger nor a `DateTrigger` (one run), nor no trigger;
* `@scheduler.scheduled_job("cron", ...)` (also `@sched.scheduled_job(trigger=IntervalTrigger(...))`)
  on a function of the file.

A job is named as `notification_spam_games._py_registered_job` matches it against the function around a
push send:

* a function (`send_daily`, `jobs.send_daily`, `"app.jobs:send_daily"`): its name as written;
* a method of an object built in place or held in a name of the file (`PushService(db=...).send_morning_push`,
  `svc = PushService(); add_job(svc.send_morning_push, ...)`): `module.Class.method`, the class resolved
  through the file's imports (`from app.service.push import PushService`), `Class.method` when the class
  is not imported;
* `lambda: f(x)` and `functools.partial(f, x)`: the function they call;
* a function of the registry file itself (the decorated one, or `add_job(run_morning, "cron")` with
  `def run_morning(): PushService(...).send_morning_push()`): its own name, and one level down the
  methods of objects it builds and the imported functions it calls (`module.function`), not its other
  calls (`db.close()`, `print(...)`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tree_sitter import Node, Parser

from designlint.checks.util import text, walk
from designlint.languages import load_language

REPEATING_WORD = re.compile(r"^['\"](cron|interval)['\"]$")
ONE_RUN = re.compile(r"^['\"]date['\"]$|\bDateTrigger\b")
REPEATING_TRIGGER = re.compile(r"\b(CronTrigger|IntervalTrigger|OrTrigger|AndTrigger|CalendarIntervalTrigger)\b|\bcron\b|\binterval\b", re.I)
PARTIAL = re.compile(r"^(functools\.)?partial$")


@lru_cache(maxsize=128)
def scheduled_jobs(code: str) -> tuple[str, ...]:
    """The jobs the APScheduler registrations of `code` run on a repeating trigger (see the module doc)."""
    if "add_job" not in code and "scheduled_job" not in code:
        return ()
    root = Parser(load_language("python")).parse(code.encode("utf-8", "replace")).root_node
    file = _File(root)
    out: list[str] = []
    for node in walk(root):
        if node.type != "call":
            continue
        func = node.child_by_field_name("function")
        if func is None or func.type != "attribute":
            continue
        method = text(func.child_by_field_name("attribute"))
        if method not in ("add_job", "scheduled_job"):
            continue
        positional, keywords = _arguments(node)
        if method == "add_job":
            job = keywords.get("func") or (positional[0] if positional else None)
            trigger = keywords.get("trigger") or (positional[1] if len(positional) > 1 and "func" not in keywords else None)
            if trigger is None and "func" in keywords and positional:
                trigger = positional[0]
        else:
            trigger = keywords.get("trigger") or (positional[0] if positional else None)
            job = _decorated_function(node)
        if job is None or not file.repeats(trigger):
            continue
        out += file.job_names(job)
    return tuple(dict.fromkeys(out))


def _arguments(call: Node) -> tuple[list[Node], dict[str, Node]]:
    args = call.child_by_field_name("arguments")
    positional: list[Node] = []
    keywords: dict[str, Node] = {}
    for a in args.named_children if args is not None else []:
        if a.type == "keyword_argument":
            keywords[text(a.child_by_field_name("name"))] = a.child_by_field_name("value")
        elif a.type not in ("comment", "list_splat", "dictionary_splat"):
            positional.append(a)
    return positional, keywords


def _decorated_function(call: Node) -> Node | None:
    """The function a `@sched.scheduled_job(...)` decorator call sits on."""
    decorator = call.parent
    if decorator is None or decorator.type != "decorator" or decorator.parent is None:
        return None
    return decorator.parent.child_by_field_name("definition")


class _File:
    """What the registry file's names stand for: imports, objects built into names, its own functions."""

    def __init__(self, root: Node):
        self.root = root
        self.imports: dict[str, str] = {}
        self.values: dict[str, Node] = {}
        self.functions: dict[str, Node] = {}
        for node in walk(root):
            if node.type == "import_from_statement":
                module = text(node.child_by_field_name("module_name")).lstrip(".")
                for name in node.children_by_field_name("name"):
                    if name.type == "aliased_import":
                        self.imports[text(name.child_by_field_name("alias"))] = f"{module}.{text(name.child_by_field_name('name'))}".lstrip(".")
                    else:
                        self.imports[text(name).rsplit(".", 1)[-1]] = f"{module}.{text(name)}".lstrip(".")
            elif node.type == "assignment" and node.child_by_field_name("right") is not None:
                self.values[text(node.child_by_field_name("left")).removeprefix("self.")] = node.child_by_field_name("right")
            elif node.type == "function_definition":
                self.functions.setdefault(text(node.child_by_field_name("name")), node)

    def repeats(self, trigger: Node | None) -> bool:
        if trigger is None:
            return False
        code = text(trigger)
        if trigger.type == "identifier" and code in self.values:
            code = text(self.values[code])  # `trigger = CronTrigger(hour=8)`, then `add_job(f, trigger)`
        if ONE_RUN.search(code):
            return False
        return bool(REPEATING_WORD.match(code) or REPEATING_TRIGGER.search(code))

    def job_names(self, job: Node, depth: int = 0) -> list[str]:
        if job.type == "string":
            name = text(job).strip("'\"rbuf")
            return [name.replace(":", ".")] if re.fullmatch(r"[\w.:]+", name) else []
        if job.type == "lambda":
            body = job.child_by_field_name("body")
            return self._called(body, depth) if body is not None and body.type in ("call", "await") else []
        if job.type == "call":
            func = job.child_by_field_name("function")
            positional, _ = _arguments(job)
            if PARTIAL.match(text(func)) and positional:
                return self.job_names(positional[0], depth)
            return []
        if job.type == "function_definition":
            name = text(job.child_by_field_name("name"))
            return [name] + (self._body_jobs(job) if depth == 0 else [])
        if job.type not in ("identifier", "attribute"):
            return []
        owner = self._owner(job)
        if owner:
            return [owner]
        written = text(job)
        if job.type == "identifier" and written in self.functions and depth == 0:
            return [written] + self._body_jobs(self.functions[written])
        return [written] if re.fullmatch(r"[\w.]+", written) else []

    def _owner(self, job: Node) -> str | None:
        """`Class.method` (with the class's module) for a method of an object built in place or held in a name."""
        if job.type != "attribute":
            return None
        obj = job.child_by_field_name("object")
        method = text(job.child_by_field_name("attribute"))
        if obj is not None and obj.type in ("identifier", "attribute"):
            obj = self.values.get(text(obj).removeprefix("self."), obj)  # `svc = PushService(...)`
        if obj is None or obj.type != "call":
            return None
        cls = text(obj.child_by_field_name("function"))
        if not re.fullmatch(r"[A-Z]\w*", cls):
            return None
        return f"{self.imports.get(cls, cls)}.{method}"

    def _called(self, call: Node, depth: int) -> list[str]:
        if call.type == "await":
            call = next((c for c in call.named_children if c.type == "call"), call)
        func = call.child_by_field_name("function") if call.type == "call" else None
        return self.job_names(func, depth + 1) if func is not None else []

    def _body_jobs(self, function: Node) -> list[str]:
        """One level down from a job of this file: methods of objects it builds, imported functions it calls."""
        out: list[str] = []
        body = function.child_by_field_name("body")
        for node in walk(body) if body is not None else []:
            func = node.child_by_field_name("function") if node.type == "call" else None
            if func is None:
                continue
            owner = self._owner(func)
            if owner:
                out.append(owner)
            elif func.type == "identifier" and text(func) in self.imports and not re.match(r"[A-Z]", text(func)):
                out.append(self.imports[text(func)])
        return out
