"""Every page has one well-formed, unique <title>: "Page — La Réserve" (the home: "La Réserve —
what it is").

The crawl starts from the home page and each role's home, follows the site's own links two levels
deep, and compares the titles of distinct pages."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from reserve.accounts.tests.factories import UserFactory
from reserve.organisations.tests.factories import MembershipFactory
from reserve.reservists.tests.factories import ProfileFactory

pytestmark = pytest.mark.django_db

TITLE_SHAPE = re.compile(r"^(\S.*\S) — La Réserve$")
SKIPPED = ("/admin/", "/api/", "/static/", "/media/", "/langue/", "/compte/logout/")


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.titles, self._in_title = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (href := dict(attrs).get("href")):
            self.links.append(href)
        self._in_title = tag == "title"
        if self._in_title:
            self.titles.append("")

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.titles[-1] += data


def crawl(client, starts, depth=2) -> dict[str, str]:
    titles, frontier = {}, list(starts)
    for __ in range(depth + 1):
        found = []
        for path in frontier:
            if path in titles:
                continue
            response = client.get(path)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            page = Page()
            page.feed(response.content.decode())
            assert len(page.titles) == 1, f"{path}: {len(page.titles)} <title>"
            titles[path] = page.titles[0].strip()
            found += [own_path(href) for href in page.links if own_path(href)]
        frontier = found
    return titles


def own_path(href: str) -> str | None:
    parts = urlsplit(href)
    if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIPPED):
        return None
    return parts.path


def assert_well_formed_and_unique(titles: dict[str, str]):
    for path, title in titles.items():
        assert path == "/" or TITLE_SHAPE.match(title), f"{path}: {title!r}"
    pages_by_title = {}
    for path, title in titles.items():
        pages_by_title.setdefault(title, []).append(path)
    shared = {title: paths for title, paths in pages_by_title.items() if len(paths) > 1}
    assert shared == {}


def test_anonymous_pages_have_unique_titles(client):
    titles = crawl(client, ["/", "/compte/login/", "/compte/signup/"])

    assert titles["/"].startswith("La Réserve — ")
    assert len(titles) > 5
    assert_well_formed_and_unique(titles)


@pytest.mark.parametrize("role", ["reservist", "member", "staff"])
def test_each_roles_pages_have_unique_titles(client, role):
    user = {
        "reservist": lambda: ProfileFactory().user,
        "member": lambda: MembershipFactory().user,
        "staff": lambda: UserFactory(is_staff=True),
    }[role]()
    client.force_login(user)

    titles = crawl(client, ["/compte/"])

    assert len(titles) > 5
    assert_well_formed_and_unique(titles)
