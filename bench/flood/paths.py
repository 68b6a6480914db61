"""Writes N request paths a flood of anonymous clients would send: random valid cursors on feeds and the API,
and one-off searches. usage: paths.py N > paths.txt"""
import base64
import datetime
import random
import sys
import uuid

rng = random.Random(1)
words = ["Kherson", "Bakhmut", "NATO", "sanctions", "grain", "HIMARS", "Zaporizhzhia", "Putin", "Zelensky", "drone",
         "missile", "ceasefire", "talks", "evacuation", "tanks", "Crimea", "bridge", "refugees", "summit", "winter"]
start = datetime.datetime(2022, 1, 1, tzinfo=datetime.timezone.utc)


def cursor():
    t = start + datetime.timedelta(seconds=rng.randrange(0, 3 * 365 * 86400))
    raw = f"t|{t.strftime('%Y-%m-%dT%H:%M:%SZ')}|{uuid.UUID(int=rng.getrandbits(128))}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


for i in range(int(sys.argv[1])):
    kind = i % 4
    if kind == 0:
        print(f"/feeds/all.atom?page={cursor()}")
    elif kind == 1:
        print(f"/api/posts?cursor={cursor()}&limit=100")
    elif kind == 2:
        print(f"/api/posts?q={rng.choice(words)}+{rng.choice(words)}+{rng.randrange(1000)}")
    else:
        print(f"/feeds/search.rss?q={rng.choice(words)}+{rng.choice(words)}+{rng.randrange(1000)}")
