"""Which units are shown by their official names: those whose short names could be taken for another's."""

from gongkai.orgs.display import clashing_units, display_names
from gongkai.orgs.models import Unit
from gongkai.orgs.services import create_unit


def test_a_short_name_that_begins_another_clashes_with_it():
    short = {1: "沈河区政府", 2: "沈河区政府办", 3: "市发展改革委", 4: "和平区政府", 5: "沈河区政府新闻办", 6: "市财政局"}
    assert clashing_units(short) == {1, 2, 5}
    assert clashing_units({1: "市政府", 2: "市政府办公室", 3: "市政务服务中心"}) == {1, 2}
    assert clashing_units({1: "A", 2: "A"}) == {1, 2}  # the same spelling for two units
    assert clashing_units({}) == set()


def test_display_names_decide_over_the_whole_directory(directory):
    shenhe = directory["沈河区人民政府"]
    fgw = directory["沈阳市发展和改革委员会"]
    assert display_names({shenhe.pk: shenhe.name}) == {shenhe.pk: "沈河区政府"}
    office = create_unit(actor=None, name="沈河区人民政府办公室", kind="district_office", parent=shenhe,
                         aliases=["沈河区政府办"])
    # Shown alone or together, each keeps the one name that says what it is.
    assert display_names({shenhe.pk: shenhe.name}) == {shenhe.pk: "沈河区人民政府"}
    assert display_names({office.pk: office.name, fgw.pk: fgw.name}) == {office.pk: "沈河区人民政府办公室",
                                                                         fgw.pk: "市发展改革委"}
    assert Unit.objects.get(pk=office.pk).short_name == "沈河区政府办"  # what documents write is unchanged
