"""Output of the link chart API (documented in the OpenAPI schema; the answer is built by analysis.graph)."""

from rest_framework import serializers

from ..choices import EdgeKind, NodeKind


class NodeOutput(serializers.Serializer):
    id = serializers.CharField(help_text="kind:id for items (person:42), kind:value for shared values")
    kind = serializers.ChoiceField(choices=NodeKind.choices)
    label = serializers.CharField()
    record_id = serializers.IntegerField(allow_null=True, help_text="null for a shared identifier, place or method")
    level = serializers.IntegerField(help_text="links from the start (0 for the start)")
    url = serializers.CharField(help_text="the item's page in the portal, empty for shared values")
    owner = serializers.CharField(help_text="ISO alpha-2 code of the owner's country, empty when not applicable")
    status = serializers.CharField()
    detail = serializers.CharField()


class EdgeOutput(serializers.Serializer):
    id = serializers.CharField()
    source = serializers.CharField()
    target = serializers.CharField()
    kind = serializers.ChoiceField(choices=EdgeKind.choices)
    label = serializers.CharField()
    count = serializers.IntegerField(help_text="how many links of this kind join the two nodes (hits)")


class GraphOutput(serializers.Serializer):
    start = serializers.CharField()
    depth = serializers.IntegerField()
    limit = serializers.IntegerField()
    truncated = serializers.BooleanField(help_text="true when the expansion stopped at the limit")
    message = serializers.CharField(help_text="why the chart is incomplete, in the caller's language; empty if not")
    nodes = NodeOutput(many=True)
    edges = EdgeOutput(many=True)


class ErrorOutput(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)
