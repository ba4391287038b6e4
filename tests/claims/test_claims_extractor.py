"""Attribution extraction on parsed sentences (loads the spaCy model)."""
from __future__ import annotations

from collections.abc import Callable

import pytest

pytestmark = pytest.mark.slow

Claims = Callable[[str], list[dict]]


def _by_cue(claims: list[dict], cue: str) -> dict:
    found = [c for c in claims if c["cue"] == cue]
    assert found, f"no claim with cue {cue!r} in {[c['cue'] for c in claims]}"
    return found[0]


def test_said_that_gives_source_cue_and_clause_content(claims_of: Claims) -> None:
    c = _by_cue(claims_of("The minister said that the talks would resume in March."), "said")
    assert c["source"] == "The minister"
    assert c["content"] == "that the talks would resume in March"
    assert c["stance"] == "asserted"
    assert c["kind"] == "indirect"


def test_said_without_that_gives_the_clause(claims_of: Claims) -> None:
    c = _by_cue(claims_of("Local officials said the bridge had collapsed overnight."), "said")
    assert c["source"] == "Local officials"
    assert c["content"] == "the bridge had collapsed overnight"
    assert c["anonymous"] is True


def test_reporting_clause_after_content(claims_of: Claims) -> None:
    c = _by_cue(claims_of("The bridge had collapsed overnight, the mayor said."), "said")
    assert c["source"] == "the mayor"
    assert c["content"] == "The bridge had collapsed overnight"


def test_quote_then_he_said_gives_direct_quote(claims_of: Claims) -> None:
    text = "“We have been preparing for this visit for a long time,” he said."
    c = _by_cue(claims_of(text), "said")
    assert c["source"] == "he"
    assert c["kind"] == "direct_quote"
    assert c["content"] == "“We have been preparing for this visit for a long time,”"


def test_said_colon_quote_gives_the_quote(claims_of: Claims) -> None:
    text = "The spokesman said: “There will be no delay. The plan stands.”"
    c = _by_cue(claims_of(text), "said")
    assert c["content"] == "“There will be no delay. The plan stands.”"
    assert c["kind"] == "direct_quote"


def test_quote_interrupted_by_reporting_clause_is_one_content(claims_of: Claims) -> None:
    text = "“We will win,” Smith said. “Nobody can stop us now.”\n"
    c = _by_cue(claims_of(text), "said")
    assert c["content"] == "“We will win,” Smith said. “Nobody can stop us now.”"


def test_multi_paragraph_quote_is_one_content(claims_of: Claims) -> None:
    text = ("The governor said: “The storm destroyed the harbour.\n\n"
            "“We will rebuild it within a year.”\n\nOther news followed.")
    c = _by_cue(claims_of(text), "said")
    assert c["content"].startswith("“The storm")
    assert c["content"].endswith("within a year.”")


def test_confirmed_gives_confirmed_stance_and_auxiliary_in_cue(claims_of: Claims) -> None:
    c = _by_cue(claims_of("The Kremlin has confirmed that the president will travel abroad."), "has confirmed")
    assert c["stance"] == "confirmed"
    assert c["source"] == "The Kremlin"


def test_passive_confirmed_by_agent_gives_agent_as_source(claims_of: Claims) -> None:
    c = _by_cue(claims_of("The meeting was confirmed by the state news agency."), "was confirmed")
    assert c["source"] == "the state news agency"
    assert c["content"] == "The meeting"
    assert c["stance"] == "confirmed"


def test_according_to_citing_gives_relay_chain(claims_of: Claims) -> None:
    text = "According to the Reuters news agency citing military officials, the convoy left the city on Monday."
    c = _by_cue(claims_of(text), "According to")
    assert c["source"] == "military officials"
    assert c["via"] == ["the Reuters news agency"]
    assert c["content"] == "the convoy left the city on Monday"
    assert c["kind"] == "according_to"
    assert c["stance"] == "reported"


def test_according_to_newspaper_is_reported(claims_of: Claims) -> None:
    c = _by_cue(claims_of("According to that newspaper, the army wants more tanks."), "According to")
    assert c["source"] == "that newspaper"
    assert c["stance"] == "reported"


def test_told_media_gives_via_and_anonymous_source(claims_of: Claims) -> None:
    text = "“The train will arrive tomorrow,” a government source told Russian agencies."
    c = _by_cue(claims_of(text), "told")
    assert c["source"] == "a government source"
    assert c["via"] == ["Russian agencies"]
    assert c["anonymous"] is True


def test_reportedly_without_source_gives_adverbial_claim(claims_of: Claims) -> None:
    c = _by_cue(claims_of("The country is reportedly seeking new submarines."), "reportedly")
    assert c["source"] is None
    assert c["kind"] == "adverbial"
    assert c["stance"] == "reported"
    assert "seeking new submarines" in c["content"]


def test_allegedly_gives_alleged_stance(claims_of: Claims) -> None:
    c = _by_cue(claims_of("The train left the capital, allegedly bound for the border."), "allegedly")
    assert c["stance"] == "alleged"


def test_denied_gives_denied_stance(claims_of: Claims) -> None:
    c = _by_cue(claims_of("The ministry denied that troops had crossed the border."), "denied")
    assert c["stance"] == "denied"
    assert c["source"] == "The ministry"


def test_suggested_gives_speculated_stance(claims_of: Claims) -> None:
    c = _by_cue(claims_of("The Kremlin suggested that the summit would take place next week."), "suggested")
    assert c["stance"] == "speculated"


def test_media_reported_gives_media_report(claims_of: Claims) -> None:
    text = "Last week the newspaper and other media reported that the leaders would meet."
    c = _by_cue(claims_of(text), "reported")
    assert c["stance"] == "reported"
    assert c["kind"] == "media_report"
    assert c["source"] == "the newspaper and other media"


def test_belief_verb_gives_belief_claim(claims_of: Claims) -> None:
    c = _by_cue(claims_of("Analysts believe that the economy will shrink this year."), "believe")
    assert c["kind"] == "belief"
    assert c["content"] == "that the economy will shrink this year"


def test_claims_are_sorted_by_content_start(claims_of: Claims) -> None:
    text = ("The minister said that prices would fall. Analysts believe that the economy will shrink. "
            "“We are ready,” the general said.")
    claims = claims_of(text)
    starts = [c["raw"].content[0] for c in claims]
    assert len(claims) >= 3
    assert starts == sorted(starts)


def test_no_claim_in_plain_narration(claims_of: Claims) -> None:
    assert claims_of("The train left the station at noon and crossed the river.") == []


def test_reporting_verb_inside_quote_is_not_a_claim(claims_of: Claims) -> None:
    claims = claims_of("“I think we will win the vote,” the senator said.")
    assert [c["cue"] for c in claims] == ["said"]


def test_content_does_not_reach_into_headline(claims_of: Claims) -> None:
    text = "Leaders gather in Paris for climate talks\nThe minister boarded a plane on Monday."
    assert all("Leaders" not in c["content"] for c in claims_of(text))


def test_raising_passive_takes_subject_and_complement(claims_of: Claims) -> None:
    c = _by_cue(claims_of("Both leaders are expected to sign the treaty on Friday."), "are expected")
    assert c["source"] is None
    assert c["content"] == "Both leaders are expected to sign the treaty on Friday"
    assert c["stance"] == "expected"


def test_headline_colon_gives_source_and_content(claims_of: Claims) -> None:
    text = "Lynch: No outside influence on the email probe\n\nWASHINGTON — The attorney general spoke on Friday."
    c = _by_cue(claims_of(text), ":")
    assert c["source"] == "Lynch"
    assert c["content"] == "No outside influence on the email probe"
    assert c["kind"] == "headline"


def test_dateline_is_not_part_of_source(claims_of: Claims) -> None:
    text = "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told reporters that he was worried."
    c = _by_cue(claims_of(text), "told")
    assert c["source"] == "Former Attorney General Michael Mukasey"


def test_nonrestrictive_relative_clause_is_not_part_of_source(claims_of: Claims) -> None:
    text = "Mr. Paulson, who made billions on the crisis, said that the banks were fragile."
    c = _by_cue(claims_of(text), "said")
    assert c["source"] == "Mr. Paulson"


def test_noun_object_with_that_clause_gives_the_clause(claims_of: Claims) -> None:
    text = "The senator expressed concern that the vote would be delayed again."
    c = _by_cue(claims_of(text), "expressed")
    assert c["content"] == "that the vote would be delayed again"


def test_object_content_runs_over_following_complement(claims_of: Claims) -> None:
    c = _by_cue(claims_of("Democrats accused the governor of ignoring the warnings."), "accused")
    assert c["content"] == "the governor of ignoring the warnings"
    assert c["stance"] == "alleged"


def test_claim_for_a_given_cue_reads_source_and_content(nlp) -> None:  # type: ignore[no-untyped-def]
    from wirewatch.claims.extractor import claim_for_cue

    text = "The mayor said on Monday that the bridge would reopen."
    doc = nlp(text)
    s = text.index("said")
    claim = claim_for_cue(doc, (s, s + 4))
    assert claim is not None
    assert text[claim.source[0]:claim.source[1]] == "The mayor"
    assert "the bridge would reopen" in text[claim.content[0]:claim.content[1]]
    assert claim.cue is not None and text[claim.cue[0]:claim.cue[1]].startswith("said")


def test_claim_for_a_given_cue_needs_no_learned_gate(nlp) -> None:  # type: ignore[no-untyped-def]
    from wirewatch.claims.extractor import claim_for_cue

    text = "Critics voiced their doubt that the plan would work."
    doc = nlp(text)
    s = text.index("doubt")
    claim = claim_for_cue(doc, (s, s + len("doubt")))
    assert claim is not None
    assert "the plan would work" in text[claim.content[0]:claim.content[1]]
    assert claim_for_cue(doc, (len(text), len(text))) is None  # an empty span reads nothing
