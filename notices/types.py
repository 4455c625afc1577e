"""What each notice type is for and which data its request needs.

The request form, the completeness check and the public extract all read these specifications, so that a type's
rules are written once.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import NoticeType

IDENTITY = (
    "subject_record",
    "family_name",
    "given_names",
    "aliases",
    "sex",
    "date_of_birth",
    "place_of_birth",
    "country_of_birth",
    "nationalities",
    "languages_spoken",
    "height_cm",
    "weight_kg",
    "physical_description",
    "distinguishing_marks",
    "photo",
)
FACTS = ("summary_of_facts", "facts_date", "facts_place")
JUDICIAL = (
    "charges",
    "law",
    "judicial_basis",
    "maximum_penalty_months",
    "maximum_penalty_life",
    "sentence_remaining_months",
    "warrant_reference",
    "warrant_issued_on",
    "warrant_authority",
    "warrant_country",
)
BODY = ("sex", "height_cm", "weight_kg", "physical_description", "distinguishing_marks", "photo")
UN_SANCTIONS = ("un_reference", "un_committee")

# Every field a request may carry, whatever its type: services accept nothing else.
REQUEST_FIELDS = ("language", "public_consent", *IDENTITY, *FACTS, *JUDICIAL, *UN_SANCTIONS)


@dataclass(frozen=True)
class NoticeTypeSpec:
    """One notice type: its purpose, the fields of its request form and what must be filled before submission."""

    notice_type: NoticeType
    purpose: Promise
    fields: tuple[str, ...]
    # The warrant reference and the penalty of Red Notices are checked by their own rules (notices.completeness).
    required: tuple[str, ...]
    # Groups of fields of which at least one must be filled (a photo or a physical description, for example).
    required_any: tuple[tuple[str, ...], ...] = ()
    labels: dict[str, Promise] = field(default_factory=dict)


SPECS = {
    NoticeType.RED: NoticeTypeSpec(
        NoticeType.RED,
        _("To seek the location and arrest of a wanted person with a view to extradition or similar lawful action."),
        fields=("language", "public_consent", *IDENTITY, *FACTS, *JUDICIAL),
        required=(
            "family_name",
            "given_names",
            "date_of_birth",
            "nationalities",
            "sex",
            "summary_of_facts",
            "facts_date",
            "facts_place",
            "charges",
            "law",
            "judicial_basis",
            "warrant_issued_on",
            "warrant_authority",
            "warrant_country",
        ),
        required_any=(("photo", "physical_description"),),
    ),
    NoticeType.YELLOW: NoticeTypeSpec(
        NoticeType.YELLOW,
        _(
            "To help locate missing persons, often minors, or to help identify persons who are unable to identify "
            "themselves."
        ),
        fields=("language", "public_consent", *IDENTITY, *FACTS),
        required=("sex", "summary_of_facts", "facts_date", "facts_place"),
        required_any=(("photo", "physical_description"),),
        labels={
            "summary_of_facts": _("Circumstances of the disappearance or of the finding"),
            "facts_date": _("Date of disappearance or finding"),
            "facts_place": _("Place last seen or found"),
        },
    ),
    NoticeType.BLUE: NoticeTypeSpec(
        NoticeType.BLUE,
        _(
            "To collect additional information about a person's identity, location or activities in relation to a "
            "crime."
        ),
        fields=("language", *IDENTITY, *FACTS, "charges", "law"),
        required=("summary_of_facts",),
        required_any=(("family_name", "photo", "physical_description"),),
        labels={"summary_of_facts": _("Summary of facts and information sought")},
    ),
    NoticeType.BLACK: NoticeTypeSpec(
        NoticeType.BLACK,
        _("To seek information on unidentified bodies."),
        fields=("language", *BODY, *FACTS),
        required=("summary_of_facts", "facts_date", "facts_place"),
        required_any=(("photo", "physical_description", "distinguishing_marks"),),
        labels={
            "summary_of_facts": _("Circumstances of the finding"),
            "facts_date": _("Date the body was found"),
            "facts_place": _("Place the body was found"),
        },
    ),
    NoticeType.GREEN: NoticeTypeSpec(
        NoticeType.GREEN,
        _(
            "To provide warnings about a person's criminal activities, where the person is considered a possible "
            "threat to public safety."
        ),
        fields=("language", *IDENTITY, *FACTS, "charges", "law"),
        required=("family_name", "given_names", "summary_of_facts"),
        labels={"summary_of_facts": _("Criminal activities and why the person is a threat")},
    ),
    NoticeType.ORANGE: NoticeTypeSpec(
        NoticeType.ORANGE,
        _(
            "To warn of an event, a person, an object or a process representing a serious and imminent threat to "
            "public safety."
        ),
        fields=("language", *IDENTITY, *FACTS),
        required=("summary_of_facts", "facts_date"),
        labels={
            "summary_of_facts": _("Description of the threat"),
            "facts_date": _("Date of the threat or of the information"),
            "physical_description": _("Description of the person or object"),
        },
    ),
    NoticeType.PURPLE: NoticeTypeSpec(
        NoticeType.PURPLE,
        _(
            "To seek or provide information on modus operandi, objects, devices and concealment methods used by "
            "criminals."
        ),
        fields=("language", "summary_of_facts", "facts_date", "facts_place", "physical_description", "photo"),
        required=("summary_of_facts", "physical_description"),
        labels={
            "physical_description": _("Modus operandi, objects, devices or concealment methods"),
            "photo": _("Picture of the object or device"),
        },
    ),
    NoticeType.UN: NoticeTypeSpec(
        NoticeType.UN,
        pgettext_lazy(
            "INTERPOL notice",
            "To inform police that an individual or an entity is subject to sanctions imposed by the United "
            "Nations Security Council.",
        ),
        fields=("language", "public_consent", *IDENTITY, "summary_of_facts", *UN_SANCTIONS),
        required=("family_name", "summary_of_facts", "un_reference", "un_committee"),
        labels={"summary_of_facts": _("Reasons for listing and sanctions imposed")},
    ),
}


def spec_for(notice_type: str) -> NoticeTypeSpec:
    return SPECS[NoticeType(notice_type)]
