from rest_framework import serializers

from gongkai.orgs.models import Unit
from gongkai.plans.models import Item, Plan, Section, Task, TaskUnit


class UnitSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    parent = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Unit
        fields = ["id", "name", "code", "kind", "parent", "is_active", "aliases"]


class TaskUnitSerializer(serializers.ModelSerializer):
    unit = serializers.PrimaryKeyRelatedField(read_only=True)
    group = serializers.SlugRelatedField(read_only=True, slug_field="name")
    designated_units = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = TaskUnit
        fields = ["role", "name", "unit", "group", "designated_units"]


class TaskSerializer(serializers.ModelSerializer):
    units = TaskUnitSerializer(many=True, read_only=True)

    class Meta:
        model = Task
        fields = ["id", "position", "text", "deadline_text", "deadline_kind", "deadline_date", "deadline_rule", "units"]


class ItemSerializer(serializers.ModelSerializer):
    tasks = TaskSerializer(many=True, read_only=True)
    section = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Item
        fields = ["id", "section", "number", "title", "tasks"]


class SectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["id", "number", "title"]


class PlanSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Plan
        fields = ["id", "title", "year", "version", "document_number", "created_at"]


class PlanSerializer(PlanSummarySerializer):
    sections = SectionSerializer(many=True, read_only=True)
    items = ItemSerializer(many=True, read_only=True)

    class Meta(PlanSummarySerializer.Meta):
        fields = [*PlanSummarySerializer.Meta.fields, "sections", "items"]
