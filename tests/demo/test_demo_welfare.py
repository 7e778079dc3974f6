from django.contrib.auth import get_user_model

from sanphalang.demo.welfare_loader import DEMO_FUNDS, load_welfare
from sanphalang.welfare.models import Fund, Source, SourceRecord
from sanphalang.welfare.selectors.settle import disagreements


def test_the_demo_reconciles_three_disagreeing_sources_over_chiang_rais_18_districts(demo_admin):
    assert Source.objects.filter(area_id="57").count() == 3
    # the generator's funds are found again, give or take the linkage's few uncertain cases
    assert abs(Fund.objects.count() - DEMO_FUNDS) <= DEMO_FUNDS * 0.03
    assert len({code[:4] for code in Fund.objects.values_list("area_id", flat=True)}) == 18
    # and the sources disagree, which is what the officer settles
    assert sum(1 for fund in Fund.objects.all()[:40] if disagreements(fund)) > 0
    records = SourceRecord.objects.count()
    load_welfare(get_user_model().objects.get(pk=demo_admin.pk))
    assert SourceRecord.objects.count() == records


def test_the_demo_funds_have_two_years_of_figures_that_roll_up(demo_admin):
    from sanphalang.welfare.models import FundYear
    from sanphalang.welfare.selectors.figures import figures_rollup

    assert set(FundYear.objects.values_list("year_be", flat=True)) == {2560, 2561}
    year = FundYear.objects.filter(year_be=2561).first()
    assert year.members_children + year.members_working_age + year.members_elderly == year.members
    [country] = figures_rollup(user=demo_admin, level="country", year_be=2561).values()
    assert country["reporting"] == Fund.objects.exclude(members=None).count()
    assert country["savings"] > 0 and country["benefits_death"] > 0


def test_the_demo_holds_the_s11_round_of_follow_up_visits(demo):
    import datetime as dt

    from sanphalang.welfare.models import AuditRound, Finding

    audit_round = AuditRound.objects.get(province_id="57")
    assert (audit_round.starts_on, audit_round.ends_on) == (dt.date(2019, 5, 20), dt.date(2019, 6, 15))
    assert audit_round.visits.count() == 8
    assert audit_round.visits.exclude(visited_on=None).count() == 2
    assert Finding.objects.filter(proposed_field="members", settlement=None).count() == 2
