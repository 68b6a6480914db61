"""Writes a live-blog page of N posts in CNN's line-per-paragraph layout (seed 003's), from the seeds' sentences.

usage: page.py POSTS SEED [CHANGED_SHARE] > page.txt
Each post: a time line, a headline, a byline, three or four paragraphs. SEED picks the posts' sentences and
times, so the same SEED gives the same page; CHANGED_SHARE (0 to 1) rewrites that share of the posts' last
paragraph, as an edited page would.
"""
import datetime
import pathlib
import random
import subprocess
import sys

posts = int(sys.argv[1])
seed = int(sys.argv[2])
changed = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
here = pathlib.Path(__file__).resolve().parent
sentences = subprocess.run([sys.executable, str(here.parent / "api" / "sentences.py"), str(here.parent.parent / "seeds")],
                           capture_output=True, text=True, check=True).stdout.splitlines()
rng = random.Random(seed)
edit = random.Random(seed * 7919 + 1)
names = ["Jo Shelley", "Olga Voitovych", "Anna Chernova", "Sarah El Sirgany", "Ben Wedeman", "Maria Kostenko"]
start = datetime.datetime(2023, 7, 8, 22, 0) - datetime.timedelta(minutes=posts)
print(f"Russia-Ukraine news, page {seed}\n\nBy Christian Edwards, CNN\n\nUpdated 6:00 p.m. ET, July 8, 2023\n{posts} Posts\n")
for i in range(posts):
    t = start + datetime.timedelta(minutes=posts - i)
    hour = t.hour % 12 or 12
    ampm = "a.m." if t.hour < 12 else "p.m."
    print(f"{hour}:{t.minute:02d} {ampm} ET, {t:%B} {t.day}, {t.year}\n")
    words = rng.choice(sentences).rstrip(".!?\"”").split()
    print(f"{' '.join(words[:9])} (post {seed}-{i})\n")
    print(f"From CNN's {rng.choice(names)} and {rng.choice(names)}\n")
    paragraphs = [" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(3, 4))]
    if edit.random() < changed:
        paragraphs[-1] += " This post was updated with new information."
    for p in paragraphs:
        print(p + "\n")
