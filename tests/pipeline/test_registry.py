import pytest

from wirewatch.errors import ConfigError
from wirewatch.pipeline.registry import REGISTRY, check_order, stage


@pytest.fixture
def stages():
    @stage("_t_a", requires=("text",), provides=("a",))
    def a(doc, ctx):
        """Adds a."""

    @stage("_t_b", requires=("a",), provides=("b",))
    def b(doc, ctx):
        """Adds b."""

    yield
    for name in ("_t_a", "_t_b"):
        REGISTRY.pop(name, None)


def test_stages_in_order_pass_the_check(stages):
    assert [s.name for s in check_order(["_t_a", "_t_b"])] == ["_t_a", "_t_b"]


def test_stage_before_what_it_needs_is_refused(stages):
    with pytest.raises(ConfigError, match="'_t_b' needs a"):
        check_order(["_t_b", "_t_a"])


def test_unknown_stage_is_refused():
    with pytest.raises(ConfigError, match="unknown stage"):
        check_order(["nope"])


def test_default_stages_are_registered_in_a_valid_order():
    from wirewatch.config import load_config
    from wirewatch.pipeline.runner import Pipeline

    pipe = Pipeline(load_config())
    assert [s.name for s in pipe.stages] == list(load_config().stages)
    assert all(s.doc for s in pipe.stages), "every stage documents its contract"
