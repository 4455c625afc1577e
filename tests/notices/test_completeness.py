"""The completeness check: every field a Red Notice needs, the penalty thresholds, the warrant, other types."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from notices import completeness
from notices.choices import JudicialBasis, NoticeType
from notices.completeness import completeness_problems
from notices.models import Notice
from tests.ncb.factories import UserFactory
from tests.notices.factories import NoticeFactory, photo_upload

pytestmark = pytest.mark.django_db

RED_REQUIRED = {
    "family_name": "",
    "given_names": "",
    "date_of_birth": None,
    "sex": "",
    "summary_of_facts_en": "",
    "facts_date": None,
    "facts_place": "",
    "charges_en": "",
    "law": "",
    "judicial_basis": "",
    "warrant_issued_on": None,
    "warrant_authority": "",
    "warrant_country": None,
}


def test_complete_red_notice_request_passes():
    assert completeness_problems(NoticeFactory()) == []


@pytest.mark.parametrize("field, empty", RED_REQUIRED.items())
def test_red_notice_request_missing_a_required_field_is_refused(field, empty):
    notice = NoticeFactory(**{field: empty})
    problems = completeness_problems(notice)
    assert len(problems) == 1, problems
    assert problems[0].startswith("Missing:")


def test_red_notice_request_without_nationality_is_refused():
    problems = completeness_problems(NoticeFactory(nationalities=[]))
    assert problems == ["Missing: nationalities."]


def test_red_notice_request_without_arrest_warrant_is_refused():
    problems = completeness_problems(NoticeFactory(warrant_reference=""))
    assert problems == ["A Red Notice needs a valid arrest warrant or court decision: give its reference."]


def test_red_notice_request_needs_a_photo_or_a_physical_description():
    problems = completeness_problems(NoticeFactory(physical_description_en=""))
    assert problems == ["Give at least one of: photo, physical description."]
    assert completeness_problems(NoticeFactory(physical_description_en="", photo=photo_upload())) == []


@pytest.mark.parametrize("months, refused", [(23, True), (24, False), (120, False)])
def test_red_notice_for_prosecution_needs_an_offence_punishable_by_two_years(months, refused):
    problems = completeness_problems(NoticeFactory(maximum_penalty_months=months))
    assert bool(problems) is refused
    if refused:
        assert "at least 24 months" in problems[0]


def test_life_imprisonment_meets_the_prosecution_threshold():
    notice = NoticeFactory(maximum_penalty_months=None, maximum_penalty_life=True)
    assert completeness_problems(notice) == []


def test_red_notice_request_without_maximum_penalty_is_refused():
    problems = completeness_problems(NoticeFactory(maximum_penalty_months=None))
    assert "Missing: the maximum penalty for the offence." in problems


@pytest.mark.parametrize("months, refused", [(5, True), (6, False), (36, False)])
def test_red_notice_to_enforce_a_sentence_needs_six_months_left_to_serve(months, refused):
    notice = NoticeFactory(
        judicial_basis=JudicialBasis.SENTENCE, maximum_penalty_months=60, sentence_remaining_months=months
    )
    problems = completeness_problems(notice)
    assert bool(problems) is refused
    if refused:
        assert "at least 6 months of the sentence" in problems[0]


def test_red_notice_for_a_sentence_without_the_remaining_part_is_refused():
    notice = NoticeFactory(judicial_basis=JudicialBasis.SENTENCE, sentence_remaining_months=None)
    assert completeness_problems(notice) == ["Missing: the part of the sentence remaining to serve."]


def test_sentence_threshold_does_not_apply_to_prosecution():
    # A short maximum penalty is what matters for prosecution; a remaining sentence is irrelevant there.
    assert completeness_problems(NoticeFactory(sentence_remaining_months=1)) == []


def test_text_written_only_in_another_language_than_the_request_does_not_count():
    notice = NoticeFactory(
        language="fr", summary_of_facts_fr="", charges_fr="Vol à main armée", physical_description_fr="Grand"
    )
    assert completeness_problems(notice) == ["Missing: summary of facts."]


def test_reasons_are_given_in_the_requesters_language(monkeypatch, ncb_fr):
    seen = []
    monkeypatch.setattr(completeness, "gettext", lambda text: seen.append(translation.get_language()) or text)
    requester = UserFactory(unit=ncb_fr, roles=["ncb_officer"], preferred_language="es")
    notice = NoticeFactory(warrant_reference="", created_by=requester)
    with translation.override("en"):
        completeness_problems(notice)
    assert seen and set(seen) == {"es"}


def test_reasons_follow_an_explicit_language():
    with translation.override("en"):
        problems = completeness_problems(NoticeFactory(law=""), language="fr")
    with translation.override("fr"):
        expected = gettext("Missing: {field}.").format(field=Notice._meta.get_field("law").verbose_name)
    assert problems == [expected]


@pytest.mark.parametrize(
    "notice_type, missing",
    [
        (NoticeType.YELLOW, ["sex", "facts_date"]),
        (NoticeType.BLACK, ["facts_place"]),
        (NoticeType.UN, ["un_reference", "un_committee"]),
        (NoticeType.PURPLE, ["physical_description_en"]),
        (NoticeType.GREEN, ["given_names"]),
    ],
)
def test_other_types_require_their_own_fields(notice_type, missing):
    values = {name: "" if name not in ("facts_date",) else None for name in missing}
    notice = NoticeFactory(notice_type=notice_type, **{"un_reference": "QDi.001", "un_committee": "1267", **values})
    assert len(completeness_problems(notice)) == len(missing)


def test_purple_notice_needs_no_person():
    notice = NoticeFactory(
        notice_type=NoticeType.PURPLE, family_name="", given_names="", nationalities=[], date_of_birth=None, sex=""
    )
    assert completeness_problems(notice) == []
