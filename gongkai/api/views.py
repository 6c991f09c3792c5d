"""Read access to units and plans (issue 2). Writes come with the workflows that need them."""

from django.db.models import Prefetch
from rest_framework import generics

from gongkai.orgs.models import Unit
from gongkai.plans.models import Plan, Task, TaskUnit

from .serializers import PlanSerializer, PlanSummarySerializer, UnitSerializer


class UnitList(generics.ListAPIView):
    """The unit directory."""

    serializer_class = UnitSerializer
    queryset = Unit.objects.prefetch_related("aliases").order_by("pk")


class UnitDetail(generics.RetrieveAPIView):
    serializer_class = UnitSerializer
    queryset = Unit.objects.prefetch_related("aliases")


class PlanList(generics.ListAPIView):
    """Work plans the caller may see."""

    serializer_class = PlanSummarySerializer

    def get_queryset(self):
        return Plan.objects.visible_to(self.request.user).order_by("pk")


class PlanDetail(generics.RetrieveAPIView):
    """One plan with its sections, items, tasks and their units."""

    serializer_class = PlanSerializer

    def get_queryset(self):
        units = Prefetch("units", queryset=TaskUnit.objects.select_related("group").prefetch_related("designated_units"))
        tasks = Prefetch("items__tasks", queryset=Task.objects.prefetch_related(units))
        return Plan.objects.visible_to(self.request.user).prefetch_related("sections", tasks)
