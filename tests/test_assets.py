"""The plugin's assets reach any theme, and the problems banner is offered to themes that
do not draw it."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from briefing.plugin.assets import ASSETS, SCRIPTS, STYLES, add_assets, with_banner


def test_the_assets_are_listed_first_and_once() -> None:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "extra_css": ["mine.css"],
                      "extra_javascript": ["mine.js"]})
    assert not config.validate()[0]
    for _ in range(2):  # `mkdocs serve` may hand the same config over again
        add_assets(config)
    assert config.extra_css == ["assets/briefing/features.css", "mine.css"]
    assert [str(s) for s in config.extra_javascript] == ["assets/briefing/features.js",
                                                          "mine.js"]
    for name in (*STYLES, *SCRIPTS):
        assert (ASSETS / name).is_file()


def test_the_banner_goes_last_in_the_body() -> None:
    assert with_banner("<body><p>x</p></body></html>", "<template></template>") == \
        "<body><p>x</p><template></template></body></html>"
