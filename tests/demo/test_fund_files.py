"""The generated sources as files read back as the records they were written from."""

from sanphalang.demo.fund_files import write_source_files
from sanphalang.demo.fund_sources import generate_sources
from sanphalang.welfare.management.commands.welfare import read_source


def test_each_source_file_reads_back_as_its_records(tmp_path):
    # given three generated sources written as the files their offices send
    sources, _truth = generate_sources(60, seed=7, provinces=("57", "30"))
    paths = write_source_files(sources, tmp_path, seed=7)
    assert {path.suffix for path in paths.values()} == {".xlsx", ".csv"}
    for name, records in sources.items():
        # when the reconcile command reads a file, under the headings it recognises
        read = read_source(name, paths[name])
        # then every row holds what the generator wrote, its BE dates and its Thai headings understood
        assert [r.row for r in read] == [r.row for r in records]
        for got, written in zip(read, records, strict=True):
            assert (got.fund_name, got.members, got.founded) == (
                written.fund_name,
                written.members,
                written.founded,
            )
            assert got.location == written.location and got.district == written.district
