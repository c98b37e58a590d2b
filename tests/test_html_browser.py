"""The HTML report in a real browser (headless Chromium): what a person sees and clicks.

Needs Debian's ``chromium`` and ``chromium-driver`` (.ci/run installs them);
skipped where they are absent. A screenshot is kept in ``build/`` to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import budget_audit as ba
from budget_audit.audit import Audit
from tests.conftest import CORPUS

webdriver = pytest.importorskip("selenium.webdriver")
if shutil.which("chromium") is None or shutil.which("chromedriver") is None:
    pytest.skip("chromium and chromedriver are not installed", allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "sample-2026.txt"


@pytest.fixture(scope="module")
def browser() -> object:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()


def page_of(path: Path, tmp_path: Path) -> tuple[Audit, str]:
    result = ba.audit(path)
    assert isinstance(result, Audit)
    out = tmp_path / f"{path.stem}.html"
    out.write_text(result.to_html(), "utf-8")
    return result, out.as_uri()


def visible_in_pane(driver: object, element_id: str) -> bool:
    script = """
      var line = document.getElementById(arguments[0]);
      var pane = line.closest('.source').getBoundingClientRect();
      var box = line.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    """
    return bool(driver.execute_script(script, element_id))  # type: ignore[attr-defined]


def test_clicking_a_finding_shows_its_line(browser: object, tmp_path: Path) -> None:
    driver = browser
    result, url = page_of(CORPUS / "jiangxia-2026.txt", tmp_path)
    driver.get(url)  # type: ignore[attr-defined]
    shown = [f for f in driver.find_elements(By.CSS_SELECTOR, "li.finding") if f.is_displayed()]  # type: ignore[attr-defined]
    assert len(shown) == sum(1 for f in result.found if f.severity != "info")
    # jiangxia's narrative list with shifted amounts (BA706) is at line 1419 of 1480
    number = next(n for n, f in enumerate(result.found) if f.rule == "BA706" and f.line == 1419)
    assert not visible_in_pane(driver, "d0-L1419")
    driver.find_element(By.CSS_SELECTOR, f"#d0-f{number} a.jump").click()  # type: ignore[attr-defined]
    assert visible_in_pane(driver, "d0-L1419")
    line = driver.find_element(By.ID, "d0-L1419")  # type: ignore[attr-defined]
    assert "current" in line.get_attribute("class")
    # line 1419: 公用经费 38.7 万元，主要用于：办公费 2.84 万元、水费 2.84 万元、电费 0.24 万元、
    # 邮电费 5.16 万元、差旅费 2 万元 …; both BA706 findings cite it, every figure of the list
    marks = [m.text for m in line.find_elements(By.TAG_NAME, "mark")]
    assert marks[:6] == ["38.7", "2.84", "2.84", "0.24", "5.16", "2"]
    # the table rows it cites (lines 322-324, 水费 电费 邮电费) are marked as its lines too
    for cited in (322, 323, 324):
        assert "current" in driver.find_element(By.ID, f"d0-L{cited}").get_attribute("class")  # type: ignore[attr-defined]
    assert "selected" in driver.find_element(By.ID, f"d0-f{number}").get_attribute("class")  # type: ignore[attr-defined]
    (ROOT / "build").mkdir(exist_ok=True)
    screenshot = ROOT / "build" / "html-report.png"
    assert driver.save_screenshot(str(screenshot))  # type: ignore[attr-defined]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_script_in_the_document_runs_nothing(browser: object, tmp_path: Path) -> None:
    driver = browser
    hostile = tmp_path / "hostile-2026.txt"
    hostile.write_text(
        EXAMPLE.read_text("utf-8").replace(
            "其他商品和服务支出 5 万元。",
            "其他商品和服务支出 5 万元。<script>document.title='pwned'</script>"
            "<img src=x onerror=\"document.title='pwned'\">",
        ),
        "utf-8",
    )
    _, url = page_of(hostile, tmp_path)
    driver.get(url)  # type: ignore[attr-defined]
    assert driver.title == "budget-audit: hostile-2026.txt"  # type: ignore[attr-defined]
    line = driver.find_element(By.ID, "d0-L67")  # type: ignore[attr-defined]
    assert "<script>document.title='pwned'</script>" in line.text
