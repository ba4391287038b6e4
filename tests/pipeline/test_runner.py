import dataclasses

import pytest

from wirewatch.config import load_config
from wirewatch.document import Document
from wirewatch.errors import InputError, StageError
from wirewatch.pipeline.registry import REGISTRY, stage
from wirewatch.pipeline.runner import Pipeline


@pytest.fixture
def fake_pipeline():
    @stage("_t_upper", requires=("text",), provides=("title",))
    def upper(doc, ctx):
        """Title from text; fails on 'boom'."""
        if "boom" in doc.text:
            raise ValueError("cannot handle boom")
        doc.title = doc.text.upper()

    @stage("_t_batch", requires=("title",), provides=("lang",), batch=True)
    def batch(docs, ctx):
        """Batch stage; fails on 'bad' documents, which forces a one-by-one retry."""
        for d in docs:
            if "bad" in d.text:
                raise RuntimeError("bad batch member")
            d.language = "xx"

    cfg = dataclasses.replace(load_config(), stages=("_t_upper", "_t_batch"), batch_size=3)
    yield Pipeline(cfg)
    for name in ("_t_upper", "_t_batch"):
        REGISTRY.pop(name, None)


def test_one_failing_document_does_not_stop_the_batch(fake_pipeline):
    docs = [Document(id=str(i), text=t, origin=f"in.jsonl line {i}") for i, t in enumerate(["a", "boom", "c", "bad", "e"])]
    results = list(fake_pipeline.run(docs))
    assert [r.ok for r in results] == [True, False, True, False, True]
    err = results[1].error
    assert isinstance(err, StageError) and err.stage == "_t_upper" and "in.jsonl line 1" in str(err)
    assert isinstance(results[3].error, StageError) and results[3].error.stage == "_t_batch"
    assert results[4].doc.language == "xx" and results[0].doc.title == "A"


def test_input_errors_pass_through_in_order(fake_pipeline):
    items = [Document(id="x", text="x"), InputError("f.txt", "empty"), Document(id="y", text="y")]
    results = list(fake_pipeline.run(items))
    assert [r.ok for r in results] == [True, False, True]
    assert str(results[1].error) == "f.txt: empty"
