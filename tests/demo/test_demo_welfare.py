from django.contrib.auth import get_user_model

from sanphalang.demo.welfare_loader import DEMO_FUNDS, load_welfare
from sanphalang.welfare.models import Fund, Source, SourceRecord
from sanphalang.welfare.services import disagreements


def test_the_demo_reconciles_three_disagreeing_sources_over_chiang_rais_18_districts(cast):
    load_welfare(cast.admin)
    assert Source.objects.filter(province_id="57").count() == 3
    # the generator's funds are found again, give or take the linkage's few uncertain cases
    assert abs(Fund.objects.count() - DEMO_FUNDS) <= DEMO_FUNDS * 0.03
    assert len({code[:4] for code in Fund.objects.values_list("area_id", flat=True)}) == 18
    # and the sources disagree, which is what the officer settles
    assert sum(1 for fund in Fund.objects.all()[:40] if disagreements(fund)) > 0
    records = SourceRecord.objects.count()
    load_welfare(get_user_model().objects.get(pk=cast.admin.pk))
    assert SourceRecord.objects.count() == records
