"""Reads Atom feeds with feedparser (Debian's python3-feedparser), for server.FeedTest.

Arguments: the feeds' URLs. Writes one JSON object: URL -> what feedparser read (bozo flag and
its exception, version, the feed's title, id, updated and links, and each entry's id, title,
updated, published, author, links and categories).
"""
import json
import sys

import feedparser


def read(url):
    d = feedparser.parse(url)
    return {
        "bozo": int(d.bozo),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "version": d.get("version", ""),
        "status": d.get("status", 0),
        "content_type": d.get("headers", {}).get("content-type", ""),
        "title": d.feed.get("title", ""),
        "id": d.feed.get("id", ""),
        "updated": d.feed.get("updated", ""),
        "links": [{"rel": l.get("rel"), "type": l.get("type"), "href": l.get("href")} for l in d.feed.get("links", [])],
        "entries": [{
            "id": e.get("id", ""),
            "title": e.get("title", ""),
            "updated": e.get("updated", ""),
            "updated_parsed": e.get("updated_parsed") is not None,
            "published": e.get("published", ""),
            "author": e.get("author", ""),
            "links": [{"rel": l.get("rel"), "type": l.get("type"), "href": l.get("href")} for l in e.get("links", [])],
            "categories": [t.get("term") for t in e.get("tags", [])],
        } for e in d.entries],
    }


print(json.dumps({url: read(url) for url in sys.argv[1:]}))
