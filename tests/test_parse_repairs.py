"""Parse repairs: code a grammar cannot read (a C# method header split by #if/#else, Swift's
unit value `()`) is parsed from same-length rewritten bytes, so rules see the class again."""

from __future__ import annotations

from pathlib import Path

from designlint.languages import kind_for
from designlint.parse_repairs import csharp_first_branches, swift_unit_values
from designlint.source import parse_source

CS_SPLIT_HEADER = b"""public class Intro : MonoBehaviour {
#if UNITY_EDITOR
    protected override void OnShow(object data)
#else
    protected internal override void OnShow(object data)
#endif
    {
        video.playOnAwake = true;
    }
}
"""

SWIFT_UNIT = b"""final class FeedViewModel {
    let reload = PublishSubject<Void>()
    func start() {
        reload.onNext(())
        let ticks = items.map { _ in () }
        let handler: () -> Void = {}
        let banner = UIView(forAutoLayout: ())
        lock.lock() ; defer { lock.unlock() }
        switch result {
        case .success():
            reload.onNext(())
        case .failure(let error):
            print(error)
        }
        if case .finished() = state { ticks.removeAll() }
    }
}
"""


def test_csharp_keeps_the_first_branch_and_blanks_the_rest_in_place():
    fixed = csharp_first_branches(CS_SPLIT_HEADER)
    assert len(fixed) == len(CS_SPLIT_HEADER) and fixed.count(b"\n") == CS_SPLIT_HEADER.count(b"\n")
    assert b"protected override void OnShow" in fixed and b"protected internal" not in fixed
    assert b"#if" not in fixed and b"#endif" not in fixed


def test_nested_conditionals_blank_every_later_branch():
    src = b"#if A\na\n#if B\nb\n#else\nnot_b\n#endif\n#elif C\nc\n#else\nd\n#endif\ne\n"
    kept = [line.strip() for line in csharp_first_branches(src).splitlines() if line.strip()]
    assert kept == [b"a", b"b", b"e"]


def test_swift_unit_values_become_a_same_length_value_and_function_types_stay():
    fixed = swift_unit_values(SWIFT_UNIT)
    assert len(fixed) == len(SWIFT_UNIT)
    assert b"onNext(0 )" in fixed and b"in 0  }" in fixed and b"forAutoLayout: 0 )" in fixed
    assert b"lock.lock();  defer" in fixed
    assert b"PublishSubject<Void>()" in fixed and b"let handler: () -> Void" in fixed
    assert b"case .success  :" in fixed and b"case .finished   = state" in fixed and b"case .failure(let error):" in fixed


def _parsed(name: str, data: bytes):
    path = Path(name)
    return parse_source(path, data, kind_for(name))


def test_the_repaired_tree_is_used_and_the_file_keeps_its_own_bytes():
    for name, data, needle in (("Intro.cs", CS_SPLIT_HEADER, b"playOnAwake"), ("Feed.swift", SWIFT_UNIT, b"onNext")):
        source = _parsed(name, data)
        root = source.regions[0].root
        assert not root.has_error, name
        assert source.data == data
        start = data.index(needle)
        node = root.descendant_for_byte_range(start, start + len(needle))
        assert node.text == needle


def test_a_file_that_parses_is_not_rewritten():
    source = _parsed("Ok.cs", b"class A {\n#if UNITY_EDITOR\n    void F() { }\n#endif\n}\n")
    assert source.regions[0].root.text == source.data
