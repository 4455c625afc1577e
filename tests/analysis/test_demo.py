"""The demo gives the link chart a network to show, and the access policy something to hide."""

import pytest
from django.core.management import call_command

from analysis.choices import NodeKind
from analysis.graph import graph_expand
from analysis.models import ModusOperandiTag
from databases.models import Person
from ncb.models import User

pytestmark = pytest.mark.django_db


def test_demo_network_is_charted_without_what_france_may_not_see():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # idempotent
    assert ModusOperandiTag.objects.count() == 8
    analyst = User.objects.get(username="analyst.fr")
    supervisor = User.objects.get(username="ccc.supervisor")
    dubois = Person.objects.get(reference="FR-P-001")
    hidden = f"person:{Person.objects.get(reference='EG-P-003').pk}"

    for_france = graph_expand(viewer=analyst, kind=NodeKind.PERSON, pk=dubois.pk, depth=2, limit=150)
    for_ccc = graph_expand(viewer=supervisor, kind=NodeKind.PERSON, pk=dubois.pk, depth=2, limit=150)

    kinds = {node.kind for node in for_france.nodes.values()}
    assert kinds >= {"person", "document", "vehicle", "firearm", "artwork", "notice", "case", "identifier", "place"}
    assert for_france.item_count >= 12
    assert hidden not in for_france.nodes
    assert hidden in for_ccc.nodes
