"""Prints the seeds' prose sentences, one per line, for the generator's pool (tab and backslash free for COPY)."""
import pathlib
import re
import sys

seen = set()
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    # Flattened pages glue sentences ("Kyiv.The"); part them before splitting.
    text = re.sub(r"(?<=[a-z][.!?])(?=[A-Z])", " ", text)
    for sentence in re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+", text):
        s = " ".join(sentence.split()).replace("\\", "")
        words = s.split(" ")
        lower = sum(1 for w in words if w[:1].islower())
        prose = lower >= len(words) / 2 and "ET," not in s
        if 8 <= len(words) <= 60 and prose and s[0].isupper() and s[-1] in '.!?"”' and s not in seen:
            seen.add(s)
            print(s)
