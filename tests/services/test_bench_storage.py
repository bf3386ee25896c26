"""``fupin bench storage`` runs end to end (on the small size) and measures again a file it built."""

from fupin_desktop.services.bench_storage import run_storage_bench


def test_the_storage_bench_builds_measures_and_measures_again(tmp_path):
    lines = []
    figures = run_storage_bench(tmp_path, size="small", out=lines.append, workers=1)
    names = [f["name"] for f in figures]
    assert names[0].startswith("批量载入") and figures[0]["anchor"] > 0
    assert any(name.startswith("搜索·身份证号片段") for name in names)
    assert any(name.startswith("作战图") for name in names)
    assert all(f["verdict"] in ("PASS", "MISS", "—") for f in figures)
    assert not list(tmp_path.glob("*-raw.sqlite*"))  # the anchor's twin is not kept

    again = run_storage_bench(tmp_path, size="small", out=lines.append, workers=1, reuse=True)
    assert not any(f["name"].startswith("批量载入") for f in again)
    assert again[0]["name"].startswith("打开数据文件")
    assert any("沿用已生成" in line for line in lines)
