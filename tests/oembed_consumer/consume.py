"""An oEmbed consumer reading an article page as a CMS does: `consume.py PAGE_URL` finds the
provider through the page's discovery link (`<link rel="alternate" type="application/json+oembed">`),
asks it for the embed at a width of 600, and prints what it answered, as JSON."""
import json
import sys

from pyembed.core import consumer, discovery

page = sys.argv[1]
endpoints = list(discovery.AutoDiscoverer().get_oembed_urls(page, "json"))
answer = consumer.get_first_oembed_response(endpoints, max_width=600)
print(json.dumps({
    "discovered": endpoints,
    "type": answer.type,
    "title": answer.title,
    "html": answer.html,
    "width": answer.width,
    "height": answer.height,
}))
