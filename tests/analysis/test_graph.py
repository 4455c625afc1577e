"""The link chart's expansion: what links to what, the access policy on every node and edge, the size limit,
and a query count that does not grow with the number of connections."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from analysis.choices import NodeKind
from analysis.graph import StartNotFound, graph_expand
from ccc.choices import CaseSource
from ncb.choices import Restriction
from ncb.models import Unit
from notices.choices import NoticeStatus
from tests.analysis.factories import hit_between, restrict, tag
from tests.ccc.factories import CaseFactory, ThreadFactory
from tests.databases.factories import (
    ArtworkFactory,
    FirearmFactory,
    PersonFactory,
    TravelDocumentFactory,
    VehicleFactory,
)
from tests.notices.factories import in_status

pytestmark = pytest.mark.django_db


def _ids(graph) -> set[str]:
    return set(graph.nodes)


def _edge_ends(graph) -> set[str]:
    return {end for edge in graph.edges.values() for end in (edge.source, edge.target)}


def _kinds(graph, kind: str) -> list:
    return [node for node in graph.nodes.values() if node.kind == kind]


def test_person_links_to_documents_notices_cases_and_hits(duty_officer):
    person = PersonFactory(place_of_birth="Lyon")
    document = TravelDocumentFactory(person=person)
    vehicle = VehicleFactory()
    hit = hit_between(vehicle, document)
    case = CaseFactory(source=CaseSource.HIT, source_id=hit.pk, hit=hit)
    notice = in_status(NoticeStatus.PUBLISHED, subject_record=person)

    graph = graph_expand(viewer=duty_officer, kind=NodeKind.PERSON, pk=person.pk, depth=3, limit=50)

    expected = {f"person:{person.pk}", f"document:{document.pk}", f"vehicle:{vehicle.pk}", f"case:{case.pk}"}
    assert expected | {f"notice:{notice.pk}"} <= _ids(graph)
    kinds = {(edge.kind, *sorted((edge.source, edge.target))) for edge in graph.edges.values()}
    assert ("holder", f"document:{document.pk}", f"person:{person.pk}") in kinds
    assert ("hit", f"document:{document.pk}", f"vehicle:{vehicle.pk}") in kinds
    assert ("subject", f"notice:{notice.pk}", f"person:{person.pk}") in kinds
    assert ("case", f"case:{case.pk}", f"vehicle:{vehicle.pk}") in kinds
    assert graph.nodes[f"person:{person.pk}"].level == 0
    assert graph.truncated is False and graph.message == ""


def test_shared_identifiers_places_and_modus_operandi_become_hubs(duty_officer):
    first = VehicleFactory(vin="WVWZZZ1JZ3W386752")
    same_vin = VehicleFactory(vin="WVWZZZ1JZ3W386752", owner=Unit.objects.get(code="ncb-fr"))
    painting = ArtworkFactory(place_stolen="Musée d'Art Moderne, Paris")
    same_place = ArtworkFactory(place_stolen="musée d'art moderne, paris ")
    pistol = FirearmFactory()
    tag(NodeKind.ARTWORK, painting, "museum_night_burglary")
    tag(NodeKind.FIREARM, pistol, "museum_night_burglary")
    hit_between(painting, first)

    graph = graph_expand(viewer=duty_officer, kind=NodeKind.VEHICLE, pk=first.pk, depth=2, limit=50)

    hubs = {node.kind: node for node in graph.nodes.values() if node.is_hub}
    assert {f"vehicle:{same_vin.pk}", f"artwork:{same_place.pk}", f"firearm:{pistol.pk}"} <= _ids(graph)
    assert set(hubs) == {NodeKind.IDENTIFIER, NodeKind.PLACE, NodeKind.MODUS}
    assert hubs[NodeKind.PLACE].label == "Musée d'Art Moderne, Paris"
    assert hubs[NodeKind.MODUS].label == "Night-time burglary of a museum"


def test_restricted_record_is_never_a_node_nor_an_edge_for_an_excluded_ncb(analyst_fr, analyst_es):
    """Every way of linking goes through the access policy: holder, hit, case, notice, identifier, place, tag."""
    person = PersonFactory(place_of_birth="Cádiz")
    hidden_document = restrict(TravelDocumentFactory(person=person, number="ZZ1234567"), Restriction.ALL_EXCEPT, ["fr"])
    behind = VehicleFactory()  # reachable only through the hidden document
    hit_between(behind, hidden_document)
    hidden_twin = restrict(PersonFactory(place_of_birth="Cádiz"), Restriction.ONLY, ["es"])
    hidden_holder = restrict(PersonFactory(), Restriction.ALL_EXCEPT, ["fr"])
    hidden_holder.documents.create(
        document_type="passport", number="ZZ1234567", number_normalized="ZZ1234567", issuing_country="ESP"
    )
    person.documents.create(
        document_type="passport", number="ZZ1234567", number_normalized="ZZ1234567", issuing_country="ESP"
    )
    hidden_artwork = restrict(ArtworkFactory(), Restriction.ONLY, ["es"])
    tag(NodeKind.PERSON, person, "look_alike")
    tag(NodeKind.ARTWORK, hidden_artwork, "look_alike")
    spanish_notice = in_status(NoticeStatus.PUBLISHED, subject_record=person, owner=Unit.objects.get(code="ncb-es"))
    hidden_notice = restrict(spanish_notice, Restriction.ONLY, ["es"])
    hidden = {
        f"document:{hidden_document.pk}",
        f"vehicle:{behind.pk}",
        f"person:{hidden_twin.pk}",
        f"person:{hidden_holder.pk}",
        f"artwork:{hidden_artwork.pk}",
        f"notice:{hidden_notice.pk}",
    }

    seen_by_fr = graph_expand(viewer=analyst_fr, kind=NodeKind.PERSON, pk=person.pk, depth=4, limit=100)
    seen_by_es = graph_expand(viewer=analyst_es, kind=NodeKind.PERSON, pk=person.pk, depth=4, limit=100)

    assert not hidden & _ids(seen_by_fr)
    assert not hidden & _edge_ends(seen_by_fr)
    assert _edge_ends(seen_by_fr) <= _ids(seen_by_fr)
    # Nothing left to connect through: no hub with a single visible member.
    assert not [node for node in seen_by_fr.nodes.values() if node.is_hub]
    assert "ZZ1234567" not in str(seen_by_fr.as_dict())
    # The same chart for Spain, which the owner did not exclude, has all of them.
    assert hidden <= _ids(seen_by_es)


def test_restricted_start_is_not_found_as_a_missing_one_is(analyst_fr):
    hidden = restrict(PersonFactory(), Restriction.ALL_EXCEPT, ["fr"])
    with pytest.raises(StartNotFound):
        graph_expand(viewer=analyst_fr, kind=NodeKind.PERSON, pk=hidden.pk, depth=1, limit=10)
    with pytest.raises(StartNotFound):
        graph_expand(viewer=analyst_fr, kind=NodeKind.PERSON, pk=hidden.pk + 1000, depth=1, limit=10)


def test_ncb_analyst_sees_only_cases_of_its_ncb(analyst_fr, analyst_es):
    vehicle = VehicleFactory()
    hit = hit_between(vehicle, VehicleFactory())
    case = CaseFactory(source=CaseSource.HIT, source_id=hit.pk, hit=hit)
    ThreadFactory(case=case, ncb=Unit.objects.get(code="ncb-es"))

    assert f"case:{case.pk}" in graph_expand(viewer=analyst_es, kind="vehicle", pk=vehicle.pk, depth=1, limit=10).nodes
    assert (
        f"case:{case.pk}" not in graph_expand(viewer=analyst_fr, kind="vehicle", pk=vehicle.pk, depth=1, limit=10).nodes
    )


def test_expansion_stops_at_the_limit_and_says_so(duty_officer):
    person = PersonFactory()
    for _ in range(30):
        TravelDocumentFactory(person=person)

    graph = graph_expand(viewer=duty_officer, kind=NodeKind.PERSON, pk=person.pk, depth=2, limit=10)

    assert graph.item_count == 10
    assert graph.truncated is True
    assert "10 items" in graph.message
    assert graph.as_dict()["truncated"] is True
    assert _edge_ends(graph) <= _ids(graph)


def test_expansion_within_the_limit_is_not_truncated(duty_officer):
    person = PersonFactory()
    for _ in range(9):
        TravelDocumentFactory(person=person)

    graph = graph_expand(viewer=duty_officer, kind=NodeKind.PERSON, pk=person.pk, depth=2, limit=10)

    assert graph.item_count == 10
    assert graph.truncated is False


def _connected_person(connections: int, place: str, modus: str):
    """A person whose documents hit vehicles, sharing a place and a modus operandi with other records."""
    person = PersonFactory(place_of_birth=place)
    tag(NodeKind.PERSON, person, modus)
    for index in range(connections):
        document = TravelDocumentFactory(person=person)
        vehicle = VehicleFactory()
        hit_between(vehicle, document)
        PersonFactory(place_of_birth=place if index % 2 else "Paris")
        tag(NodeKind.VEHICLE, vehicle, modus)
    return person


def test_query_count_does_not_grow_with_the_connections(duty_officer, django_assert_max_num_queries):
    """A level costs a fixed number of queries (link tables, then one query per kind), never one per node."""
    small = _connected_person(3, "Oran", "look_alike")
    large = _connected_person(40, "Tlemcen", "vehicle_cloning")
    graph_expand(viewer=duty_officer, kind=NodeKind.PERSON, pk=small.pk, depth=1, limit=5)  # fills the role cache

    def count(person) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            graph = graph_expand(viewer=duty_officer, kind=NodeKind.PERSON, pk=person.pk, depth=3, limit=1000)
        return len(queries), len(graph.nodes)

    small_queries, small_nodes = count(small)
    large_queries, large_nodes = count(large)
    assert large_nodes > 5 * small_nodes
    assert large_queries == small_queries
    with django_assert_max_num_queries(40):
        graph_expand(viewer=duty_officer, kind=NodeKind.PERSON, pk=large.pk, depth=3, limit=1000)
