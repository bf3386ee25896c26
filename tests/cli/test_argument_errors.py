"""Wrong command-line arguments are refused with one Chinese line, like the commands' own errors."""

import pytest

from fupin_desktop.cli.main import main


@pytest.mark.parametrize(("argv", "said"), [
    (["demo", "--size", "huge"], "错误：参数 --size 不能是“huge”，可选：small, village, township, county"),
    (["xlsx", "export", "--out", "a.csv", "--exit-year", "二〇一九"], "错误：参数 --exit-year 应为整数，“二〇一九”不是整数"),
    (["xlsx", "export"], "错误：缺少参数：--out"),
    (["summary", "--bogus"], "错误：不认识的参数：--bogus"),
])
def test_wrong_arguments_are_refused_in_chinese(tmp_path, capsys, argv, said):
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path / "data"), *argv])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "--help 查看用法" in err
    assert not (tmp_path / "data").exists()  # nothing was opened or made
