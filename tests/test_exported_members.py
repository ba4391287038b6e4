"""The public API is what __all__ lists, and all of it exists."""
import wirewatch


def test_all_names_exist_and_are_sorted():
    for name in wirewatch.__all__:
        assert hasattr(wirewatch, name), name
    assert wirewatch.__all__ == sorted(wirewatch.__all__)


def test_public_members_are_listed():
    public = {n for n in dir(wirewatch) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(wirewatch, n)).__name__ == "module"}
    assert public - modules == set(wirewatch.__all__)
