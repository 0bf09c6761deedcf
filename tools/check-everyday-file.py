#!/usr/bin/env python3
"""Checks a new held-out file of everyday questions before it is committed.

Usage, from the repository root, with the shared data beside it (../shared):
    python3 tools/check-everyday-file.py eval/everyday-heldout-N.json

Checks: 50 questions eh{N}-01 .. eh{N}-50; 35 patient and 15 clinician; each of the starter topics once and one
question outside the library; exactly five `lacking` questions carrying the eight phrases that say so; every named
record exists in the question's topic; every `mustState` phrasing of an answerable question is found word for word in
one of its records; an either-or question forbids "Yes." and "No."; and no question shares a run of six words with an
earlier file, a starter fixture or the development questions (LiveQA, MedQuAD, PubMedQA).
"""
import json, re, glob, os, sys
if len(sys.argv) != 2 or not re.search(r"everyday-heldout-(\d+)\.json$", sys.argv[1]):
    sys.exit("usage: python3 tools/check-everyday-file.py eval/everyday-heldout-N.json")
PATH = sys.argv[1]
N = int(re.search(r"everyday-heldout-(\d+)\.json$", PATH).group(1))
LACK = ["too little evidence", "holds too little", "does not hold", "holds no", "no source", "lacks",
        "not in the library", "nothing in the library"]
KINDS = {"asker", "negation", "first", "how-much", "either-or", "situational", "yes-no", "lacking", "plain"}
errs = []
def err(m): errs.append(m)
try:
    qs = json.load(open(PATH, encoding="utf-8"))
except Exception as e:
    print("FAIL: cannot read", PATH, e); sys.exit(1)
topics = sorted(os.listdir("knowledge"))
records = {}
for f in glob.glob("knowledge/*/*.md"):
    t = open(f, encoding="utf-8").read()
    m = re.search(r"^id:\s*(\S+)", t, re.M)
    if m: records[m.group(1)] = (f.split("/")[1], re.sub(r"\s+", " ", t).lower())
def words(s): return re.findall(r"[a-z0-9']+", s.lower())
def runs(s, n=6):
    w = words(s); return {" ".join(w[i:i+n]) for i in range(len(w)-n+1)}
corpus = set()
for f in glob.glob("eval/*.json"):
    if os.path.abspath(f) == os.path.abspath(PATH): continue
    for q in json.load(open(f, encoding="utf-8")): corpus |= runs(q["question"])
for f in glob.glob("tests/Galen.Evidence.Tests/Fixtures/starter-questions-*.json"):
    for m in re.finditer(r'"question"\s*:\s*"((?:[^"\\]|\\.)*)"', open(f, encoding="utf-8").read()): corpus |= runs(m.group(1))
sh = "../shared/data"
if os.path.exists(f"{sh}/liveqa-dev/questions.xml"):
    t = open(f"{sh}/liveqa-dev/questions.xml", encoding="utf-8", errors="replace").read()
    for m in re.finditer(r"<(SUBJECT|MESSAGE)>(.*?)</\1>", t, re.S): corpus |= runs(m.group(2))
for f in glob.glob(f"{sh}/pubmedqa/*.json"):
    for v in json.load(open(f)).values(): corpus |= runs(v.get("QUESTION", ""))
for f in glob.glob(f"{sh}/medquad/*/*.xml"):
    for m in re.finditer(r"<Question[^>]*>(.*?)</Question>", open(f, encoding="utf-8", errors="replace").read(), re.S): corpus |= runs(m.group(1))
if not isinstance(qs, list) or len(qs) != 50: err(f"need a list of 50 questions, got {len(qs) if isinstance(qs, list) else type(qs)}")
ids = [q.get("id") for q in qs]
if ids != [f"eh{N}-{i:02d}" for i in range(1, 51)]: err(f"ids must be eh{N}-01 .. eh{N}-50 in order")
aud = [q.get("audience") for q in qs]
if aud.count("patient") != 35 or aud.count("clinician") != 15: err(f"need 35 patient / 15 clinician, got {aud.count('patient')}/{aud.count('clinician')}")
tp = [q.get("topic") for q in qs]
if tp.count(None) != 1: err("exactly one question must have topic null")
for t in topics:
    if tp.count(t) != 1: err(f"topic {t} asked {tp.count(t)} times (need 1)")
for t in tp:
    if t is not None and t not in topics: err(f"unknown topic {t}")
nl = 0
for q in qs:
    i = q.get("id")
    for k in ("id", "question", "audience", "topic", "records", "kinds", "mustState"):
        if k not in q: err(f"{i}: missing field {k}")
    ks = set(q.get("kinds", []))
    if not ks or not ks <= KINDS: err(f"{i}: bad kinds {sorted(ks)}")
    lack = q.get("lacking", False)
    if lack != ("lacking" in ks): err(f"{i}: 'lacking' kind and lacking:true must go together")
    if lack:
        nl += 1
        if q.get("mustState") != [LACK]: err(f"{i}: a lacking question's mustState must be exactly [[the eight phrases]]")
    if q.get("topic") is None:
        if not lack: err(f"{i}: the off-library question must be lacking")
        if q.get("records"): err(f"{i}: the off-library question names no records")
    for r in q.get("records", []):
        if r not in records: err(f"{i}: record {r} does not exist")
        elif records[r][0] != q.get("topic"): err(f"{i}: record {r} is not in topic {q.get('topic')}")
    if q.get("topic") is not None and not q.get("records"): err(f"{i}: name at least one record")
    if not lack:
        texts = [records[r][1] for r in q.get("records", []) if r in records]
        for fact in q.get("mustState", []):
            if not isinstance(fact, list) or not fact: err(f"{i}: each fact is a non-empty list"); continue
            for alt in fact:
                if not any(re.sub(r"\s+", " ", alt).lower() in t for t in texts): err(f"{i}: '{alt}' not found word for word in its records")
    if "either-or" in ks and not {"Yes.", "No."} <= set(q.get("mustNotState", [])): err(f"{i}: either-or needs mustNotState Yes. and No.")
    shared = runs(q.get("question", "")) & corpus
    if shared: err(f"{i}: shares six-word run(s) with earlier files or dev questions: {sorted(shared)[:2]}")
if nl != 5: err(f"need exactly 5 lacking questions, got {nl}")
if errs:
    print("FAIL"); [print(" -", e) for e in errs]; sys.exit(1)
print(f"PASS: 50 questions, {aud.count('patient')} patient / {aud.count('clinician')} clinician, {nl} lacking, 49 topics + 1 off-library")
