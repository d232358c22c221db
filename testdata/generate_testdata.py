#!/usr/bin/env python3
"""Regenerates Megaphone's end-to-end test datasets: testdata/coronafacts and testdata/turin.

    python3 testdata/generate_testdata.py

Standard library only, fixed seeds: two runs give byte-identical files (gzip is written with
mtime 0 and no file name). Each dataset folder gets its input CSVs, README.md and expected.json.

The expected facts are not taken from the generator's memory. A small, independent reading of the
data contract (SPEC.md sections 2-5 plus the choices D1-D19 of notes/decisions.md) parses the
written files back from disk and computes them (class Reference). The generator then asserts that
its deliberate bad rows and scenario posts came out the way it meant them to, so a change in
either half that breaks the other stops the script.

The facts assume the default options except --timezone: --bulletinWindow=P7D, no --campaignTags,
--maxRejectRatio=0.05.
"""
import fnmatch
import gzip
import json
import math
import os
import random
import re
import sys
import unicodedata
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
MIN_INSTANT = datetime(1, 1, 2, tzinfo=UTC)

# =====================================================================================
# Part 1. Independent reading of the contract (used to compute expected.json)
# =====================================================================================

PLATFORMS = {'instagram': 'instagram', 'tiktok': 'tiktok', 'youtube': 'youtube',
             'facebook': 'facebook', 'x': 'x', 'ig': 'instagram', 'yt': 'youtube',
             'twitter': 'x'}
ROLES = ('influencer', 'mayor', 'government', 'organisation')
TABLES = ('accounts', 'posts', 'views', 'bulletins', 'followers', 'overrides')
REQUIRED = {
    'accounts': ('platform', 'handle', 'entity_id', 'role'),
    'posts': ('platform', 'post_id', 'handle', 'published_at'),
    'views': ('platform', 'post_id', 'observed_at', 'views'),
    'bulletins': ('bulletin_id', 'sent_at'),
    'followers': ('platform', 'handle', 'observed_at', 'followers'),
    'overrides': ('platform', 'post_id', 'entity_id'),
}
INTEGERS = {
    'accounts': ('followers',),
    'posts': ('likes', 'comments', 'shares', 'saves', 'followers'),
    'views': ('views',),
    'bulletins': ('audience',),
    'followers': ('followers',),
    'overrides': (),
}
TIMESTAMPS = {
    'accounts': (), 'posts': ('published_at', 'exported_at'), 'views': ('observed_at',),
    'bulletins': ('sent_at',), 'followers': ('observed_at',), 'overrides': (),
}
WITH_PLATFORM = ('accounts', 'posts', 'views', 'followers', 'overrides')
COUNTERS = ('likes', 'comments', 'shares', 'saves')
UNATTRIBUTED = '(unattributed)'

TS_RE = re.compile(r'(\d{4})-(\d{2})-(\d{2})'
                   r'(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?')
ASCII_WS = re.compile(r'[ \t\n\x0b\f\r]+')
WORD_RE = re.compile(r'\w+')          # str patterns: letters, digits (incl. No), underscore
HASHTAG_RE = re.compile(r'#(\w+)')
MENTION_RE = re.compile(r'@([\w.]+)')
LINK_TRAIL = '.,;:!?)]}>\'"'


def parse_ts(s, tz):
    """D5. Returns an aware UTC datetime, or None when unparseable."""
    m = TS_RE.fullmatch(s)
    if not m:
        return None
    y, mo, d, h, mi, se, frac, off = m.groups()
    try:
        micro = int((frac or '0')[:6].ljust(6, '0'))
        naive = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(se or 0), micro)
    except ValueError:
        return None
    if off is None:   # local wall time; fold=0 gives java.time's instant in gaps and overlaps
        return naive.replace(tzinfo=tz).astimezone(UTC)
    if off == 'Z':
        return naive.replace(tzinfo=UTC)
    digits = off[1:].replace(':', '')
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return (naive - delta if off[0] == '+' else naive + delta).replace(tzinfo=UTC)


def is_count(s):
    return re.fullmatch(r'[0-9]+', s) is not None and int(s) <= 2 ** 63 - 1


def canon_platform(s):
    return PLATFORMS.get(s.strip().lower())


def canon_handle(s):
    s = s.strip()
    return (s[1:] if s.startswith('@') else s).lower()


def fold(s):
    return s.upper().lower()


def words(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.category(c).startswith('M'))
    return WORD_RE.findall(fold(s))


def hashtags(text):
    return {fold(t) for t in HASHTAG_RE.findall(text)}


def norm_link(link):
    """D12 normalisation."""
    m = re.match(r'([A-Za-z][A-Za-z0-9+.-]*)://(.*)', link, re.S)
    scheme, rest = (m.group(1).lower() + '://', m.group(2)) if m else ('', link)
    cut = len(rest)
    for ch in '/?#':
        p = rest.find(ch)
        if p != -1:
            cut = min(cut, p)
    host, tail = rest[:cut].lower(), rest[cut:]
    if host.startswith('www.'):
        host = host[4:]
    tail = tail.split('#', 1)[0]
    path, _, query = tail.partition('?')
    path = path.rstrip('/')
    kept = [p for p in query.split('&') if p and not (
        p.split('=', 1)[0].lower().startswith('utm_') or p.split('=', 1)[0].lower() in ('fbclid', 'gclid'))]
    return scheme + host + path + ('?' + '&'.join(kept) if kept else '')


def text_links(text):
    out = []
    for tok in ASCII_WS.split(text):
        if tok.startswith(('http://', 'https://', 'www.')):
            tok = tok.rstrip(LINK_TRAIL)
            if tok:
                out.append(norm_link(tok))
    return out


def week_of(instant, tz):
    y, w, _ = instant.astimezone(tz).isocalendar()
    return '%d-W%02d' % (y, w)


def dec6(fr):
    n = round(Fraction(fr) * 1000000)          # Fraction rounds half to even
    return '%s%d.%06d' % ('-' if n < 0 else '', abs(n) // 1000000, abs(n) % 1000000)


class Rec:
    __slots__ = ('line', 'raw', 'fields', 'malformed')

    def __init__(self, line, raw, fields, malformed):
        self.line, self.raw, self.fields, self.malformed = line, raw, fields, malformed


def split_records(text, d):
    """RFC 4180 with the D2/D3 recovery rules. Returns Recs; blank lines are skipped."""
    recs, i, n, line = [], 0, len(text), 1

    def eol(j):
        if text.startswith('\r\n', j):
            return 2
        return 1 if j < n and text[j] == '\n' else 0

    while i < n:
        k = eol(i)
        if k:
            i += k
            line += 1
            continue
        start, start_line, fields, bad = i, line, [], False
        while True:
            if i < n and text[i] == '"':
                i += 1
                buf, closed = [], False
                while i < n:
                    c = text[i]
                    if c == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            buf.append('"')
                            i += 2
                            continue
                        i += 1
                        closed = True
                        break
                    if c == '\n':
                        line += 1
                    buf.append(c)
                    i += 1
                fields.append(''.join(buf))
                if not closed:
                    bad, end, nxt = True, n, n
                    break
                if i < n and text[i] != d and not eol(i):
                    bad = True
                    j = i
                    while j < n and not eol(j):
                        j += 1
                    end, nxt = j, j + eol(j)
                    if eol(j):
                        line += 1
                    break
            else:
                j = i
                while j < n and text[j] != d and not eol(j):
                    j += 1
                fields.append(text[i:j])
                i = j
            if i >= n:
                end, nxt = n, n
                break
            if text[i] == d:
                i += 1
                continue
            end, nxt = i, i + eol(i)
            line += 1
            break
        recs.append(Rec(start_line, text[start:end], fields, bad))
        i = nxt
    return recs


def table_files(folder, table):
    return sorted(n for n in os.listdir(folder)
                  if os.path.isfile(os.path.join(folder, n))
                  and (fnmatch.fnmatchcase(n, table + '*.csv') or fnmatch.fnmatchcase(n, table + '*.csv.gz')))


def utf16_key(s):
    return s.encode('utf-16-be')


class Reference:
    """What the contract says the pipeline must compute, read back from the files on disk."""

    def __init__(self, folder, tzname, window_hours=168):
        self.folder, self.tzname, self.tz = folder, tzname, ZoneInfo(tzname)
        self.window = timedelta(hours=window_hours)
        self.stats, self.rejects = {}, []
        self._roster(self._read('accounts'))
        self._posts(self._read('posts'))
        self._views(self._read('views'))
        self._bulletins(self._read('bulletins'))
        self._followers(self._read('followers'))
        self._overrides(self._read('overrides'))
        self._attribute()
        self._aggregate()

    # ---- reading -------------------------------------------------------------------
    def _read(self, table):
        accepted, read, files = [], 0, []
        for name in table_files(self.folder, table):
            blob = open(os.path.join(self.folder, name), 'rb').read()
            text = (gzip.decompress(blob) if name.endswith('.gz') else blob).decode('utf-8')
            if text.startswith('\ufeff'):
                text = text[1:]
            head = text.split('\n', 1)[0].split('"', 1)[0]
            delim = ';' if head.count(';') > head.count(',') else ','
            recs = split_records(text, delim)
            header = [h.strip().lower() for h in recs[0].fields]
            missing = [c for c in REQUIRED[table] if c not in header]
            assert not missing, (name, missing)
            files.append(name)
            for rec in recs[1:]:
                read += 1
                if rec.malformed or len(rec.fields) != len(header):
                    reason, v = 'malformed CSV record', None
                else:
                    v = {h: f.strip() for h, f in zip(header, rec.fields)}
                    reason = self._invalid(table, v)
                if reason:
                    self.rejects.append(dict(file=name, line=rec.line, table=table, reason=reason, record=rec.raw))
                else:
                    accepted.append(dict(v=v, file=name, line=rec.line, raw=rec.raw))
        self.stats[table] = dict(files=files, rows_read=read, accepted=len(accepted),
                                 rejected=read - len(accepted), duplicates=0)
        return accepted

    def _invalid(self, table, v):
        for c in REQUIRED[table]:
            if v.get(c, '') == '':
                return 'missing required field ' + c
        if table in WITH_PLATFORM and canon_platform(v['platform']) is None:
            return 'unknown platform ' + v['platform']
        for c in TIMESTAMPS[table]:
            if v.get(c, '') and parse_ts(v[c], self.tz) is None:
                return 'unparseable timestamp in ' + c
        for c in INTEGERS[table]:
            if v.get(c, '') and not is_count(v[c]):
                return c + ' is not a non-negative integer'
        if table == 'accounts' and v['role'] not in ROLES:
            return 'unknown role'
        if table == 'overrides' and v['entity_id'] not in self.entities:
            return 'unknown entity_id'
        return None

    def _dedup(self, table, rows, accepted_after):
        self.stats[table]['duplicates'] = len(rows) - accepted_after
        self.stats[table]['accepted'] = accepted_after

    def _roster(self, rows):
        self.accounts, self.entities = {}, {}
        assert self.stats['accounts']['rejected'] == 0, 'roster rows must all be valid'
        for r in rows:
            v = r['v']
            key = (canon_platform(v['platform']), canon_handle(v['handle']))
            assert key not in self.accounts, ('duplicate roster account', key)
            self.accounts[key] = dict(entity=v['entity_id'], language=v.get('language', '').lower(),
                                      followers=int(v['followers']) if v.get('followers') else None,
                                      host=v.get('host', '').lower() == 'yes')
            e = self.entities.setdefault(v['entity_id'], dict(entity_id=v['entity_id'], entity_name='', role=v['role'],
                                                              cohort='', municipality='', aliases=[]))
            assert e['role'] == v['role'], ('entity with two roles', v['entity_id'])
            for col in ('entity_name', 'cohort', 'municipality'):
                if not e[col] and v.get(col, ''):
                    e[col] = v[col]
            for a in v.get('aliases', '').split('|'):
                a = a.strip()
                if a and a not in e['aliases']:
                    e['aliases'].append(a)
        for e in self.entities.values():
            e['entity_name'] = e['entity_name'] or e['entity_id']
            e['phrases'] = [p for p in (words(x) for x in [e['entity_name']] + e['aliases']) if p]

    def _posts(self, rows):
        groups = {}
        for r in rows:
            v = r['v']
            p = dict(platform=canon_platform(v['platform']), post_id=v['post_id'], handle=canon_handle(v['handle']),
                     published=parse_ts(v['published_at'], self.tz), text=v.get('text', ''), url=v.get('url', ''),
                     language=v.get('language', '').lower(),
                     followers=int(v['followers']) if v.get('followers') else None,
                     exported=parse_ts(v['exported_at'], self.tz) if v.get('exported_at') else None,
                     raw=r['raw'], file=r['file'], line=r['line'])
            for c in COUNTERS:
                p[c] = int(v[c]) if v.get(c) else 0
            p['engagement'] = sum(p[c] for c in COUNTERS)
            groups.setdefault((p['platform'], p['post_id']), []).append(p)
        self.posts = {}
        self.post_duplicates = []
        for key in sorted(groups):
            cands = groups[key]
            rank = lambda p: (p['exported'] or MIN_INSTANT, p['engagement'])
            best = max(cands, key=lambda p: (rank(p), p['raw']))
            tied = [p for p in cands if rank(p) == rank(best)]
            assert max(tied, key=lambda p: utf16_key(p['raw']))['raw'] == best['raw'], 'Java/Python order differ'
            self.posts[key] = best
            if len(cands) > 1:
                self.post_duplicates.append(dict(platform=key[0], post_id=key[1], rows=len(cands),
                                                 kept=[best['file'], best['line']],
                                                 dropped=[[p['file'], p['line']] for p in cands if p is not best]))
        self._dedup('posts', rows, len(self.posts))

    def _views(self, rows):
        snaps = {}
        for r in rows:
            v = r['v']
            key = (canon_platform(v['platform']), v['post_id'], parse_ts(v['observed_at'], self.tz))
            snaps[key] = max(snaps.get(key, -1), int(v['views']))
        self._dedup('views', rows, len(snaps))
        series = {}
        for (pl, pid, t), n in snaps.items():
            series.setdefault((pl, pid), []).append((t, n))
        self.gains = {}          # (platform, post_id) -> [(instant, gain)]
        for key in sorted(series):
            best, out = None, []
            for t, n in sorted(series[key]):
                out.append((t, n if best is None else max(0, n - best)))
                best = n if best is None else max(best, n)
            self.gains[key] = out

    def _bulletins(self, rows):
        by_id = {}
        for r in rows:
            bid = r['v']['bulletin_id']
            if bid not in by_id or r['raw'] > by_id[bid]['raw']:
                by_id[bid] = r
        self._dedup('bulletins', rows, len(by_id))
        self.bulletins = []
        for bid in sorted(by_id):
            v = by_id[bid]['v']
            self.bulletins.append(dict(
                bulletin_id=bid, campaign=v.get('campaign', ''), language=v.get('language', '').lower(),
                sent=parse_ts(v['sent_at'], self.tz),
                audience=int(v['audience']) if v.get('audience') else None,
                tags={fold(t.lstrip('#')) for t in v.get('hashtags', '').split() if t.lstrip('#')},
                links={norm_link(t) for t in v.get('links', '').split()}))

    def _followers(self, rows):
        snaps = {}
        for r in rows:
            v = r['v']
            key = (canon_platform(v['platform']), canon_handle(v['handle']), parse_ts(v['observed_at'], self.tz))
            snaps[key] = max(snaps.get(key, -1), int(v['followers']))
        self._dedup('followers', rows, len(snaps))
        self.follower_snaps = snaps

    def _overrides(self, rows):
        by_key = {}
        for r in rows:
            key = (canon_platform(r['v']['platform']), r['v']['post_id'])
            if key not in by_key or r['raw'] > by_key[key]['raw']:
                by_key[key] = r
        self._dedup('overrides', rows, len(by_key))
        self.overrides = {k: r['v']['entity_id'] for k, r in by_key.items()}

    # ---- rules ---------------------------------------------------------------------
    def mentions(self, text, platform):
        found = []
        for h in MENTION_RE.findall(text):
            acc = self.accounts.get((platform, h.rstrip('.').lower()))
            if acc and acc['entity'] not in found:
                found.append(acc['entity'])
        tw = words(text)
        present = set(tw)
        for eid, e in self.entities.items():
            if eid in found:
                continue
            for ph in e['phrases']:
                if ph[0] in present and any(tw[i:i + len(ph)] == ph for i in range(len(tw) - len(ph) + 1)):
                    found.append(eid)
                    break
        return sorted(found)

    def _attribute(self):
        all_tags = set().union(*(b['tags'] for b in self.bulletins)) if self.bulletins else set()
        all_links = set().union(*(b['links'] for b in self.bulletins)) if self.bulletins else set()
        self.result = {}
        for key, p in self.posts.items():
            acc = self.accounts.get((p['platform'], p['handle']))
            tags = hashtags(p['text'])
            links = set(text_links(p['text']))
            if p['url']:
                links.add(norm_link(p['url']))
            campaign = bool(tags & all_tags or links & all_links)
            bulletin = None
            if campaign:
                lang = p['language'] or (acc['language'] if acc else '')
                cands = [b for b in self.bulletins if (tags & b['tags'] or links & b['links'])
                         and b['sent'] <= p['published'] < b['sent'] + self.window]
                if cands:
                    bulletin = min(cands, key=lambda b: (0 if lang and b['language'] == lang else 1,
                                                         -b['sent'].timestamp(), b['bulletin_id']))['bulletin_id']
            ment = self.mentions(p['text'], p['platform'])
            others = [e for e in ment if acc is None or e != acc['entity']]
            if key in self.overrides:
                entity, reason = self.overrides[key], 'override'
            elif acc and acc['host'] and len(others) == 1:
                entity, reason = others[0], 'hosted-mention'
            elif acc:
                entity, reason = acc['entity'], 'author'
            elif len(ment) == 1:
                entity, reason = ment[0], 'mention'
            else:
                entity, reason = UNATTRIBUTED, 'ambiguous' if ment else 'none'
            followers = p['followers'] if p['followers'] is not None else (acc['followers'] if acc else None)
            self.result[key] = dict(
                platform=p['platform'], post_id=p['post_id'], week=week_of(p['published'], self.tz),
                handle=p['handle'], entity_id=entity, reason=reason, campaign=campaign, bulletin_id=bulletin or '',
                engagement=p['engagement'], views=sum(g for _, g in self.gains.get(key, [])),
                language=p['language'] or (acc['language'] if acc else ''), mentions=ment,
                rate=Fraction(p['engagement'], followers) if followers else None)

    def _aggregate(self):
        tz = self.tz
        ew, pw = {}, {}

        def erow(week, entity):
            return ew.setdefault((week, entity), dict(posts=0, campaign_posts=0, likes=0, comments=0, shares=0,
                                                      saves=0, engagement=0, views=0, rates=[]))

        def prow(week, platform, lang):
            return pw.setdefault((week, platform, lang), dict(posts=0, campaign_posts=0, engagement=0, views=0))

        self.credited_views, self.orphans = 0, {}
        for key, r in self.result.items():
            p = self.posts[key]
            row = erow(r['week'], r['entity_id'])
            row['posts'] += 1
            row['campaign_posts'] += r['campaign']
            for c in COUNTERS:
                row[c] += p[c]
            row['engagement'] += p['engagement']
            if r['rate'] is not None:
                row['rates'].append(r['rate'])
            pr = prow(r['week'], r['platform'], r['language'])
            pr['posts'] += 1
            pr['campaign_posts'] += r['campaign']
            pr['engagement'] += p['engagement']
        for key, gains in self.gains.items():
            if key not in self.result:
                self.orphans[key] = sum(g for _, g in gains)
                continue
            r = self.result[key]
            for t, g in gains:
                if g > 0:
                    erow(week_of(t, tz), r['entity_id'])['views'] += g
                    prow(week_of(t, tz), r['platform'], r['language'])['views'] += g
                    self.credited_views += g
        for row in ew.values():
            rates = row.pop('rates')
            row['engagement_rate'] = dec6(sum(rates, Fraction(0)) / len(rates)) if rates else ''
        self.entities_weekly, self.platforms_weekly = ew, pw

        # bulletin uptake (D16)
        self.uptake = []
        for b in self.bulletins:
            posts = [r for r in self.result.values() if r['bulletin_id'] == b['bulletin_id']]
            first = {}
            for r in posts:
                if r['entity_id'] != UNATTRIBUTED:
                    t = self.posts[(r['platform'], r['post_id'])]['published']
                    first[r['entity_id']] = min(first.get(r['entity_id'], t), t)
            hours = sorted(Fraction(int((t - b['sent']).total_seconds()), 3600) for t in first.values())
            if hours:
                mid = len(hours) // 2
                median = hours[mid] if len(hours) % 2 else (hours[mid - 1] + hours[mid]) / 2
            self.uptake.append(dict(
                bulletin_id=b['bulletin_id'], campaign=b['campaign'], language=b['language'],
                sent_at=b['sent'].astimezone(tz).isoformat(timespec='seconds'),
                audience=b['audience'] if b['audience'] is not None else '', adopters=len(first),
                uptake_rate=dec6(Fraction(len(first), b['audience'])) if b['audience'] else '',
                posts=len(posts), engagement=sum(r['engagement'] for r in posts),
                views=sum(r['views'] for r in posts), median_hours_to_post=dec6(median) if hours else ''))

        # channel growth (D19)
        chans = {}
        for (pl, h, t), n in self.follower_snaps.items():
            chans.setdefault((pl, h), []).append((t, n))
        self.growth = {}
        for (pl, h), snaps in sorted(chans.items()):
            snaps.sort()
            for w in sorted({week_of(t, tz) for t, _ in snaps}):
                start = datetime.fromisocalendar(int(w[:4]), int(w[6:]), 1).replace(tzinfo=tz).astimezone(UTC)
                end = (datetime.fromisocalendar(int(w[:4]), int(w[6:]), 1) + timedelta(days=7)).replace(
                    tzinfo=tz).astimezone(UTC)
                before_end = [n for t, n in snaps if t < end]
                before_start = [n for t, n in snaps if t < start]
                fs = before_start[-1] if before_start else None
                fe = before_end[-1]
                self.growth[(w, pl, h)] = dict(week=w, platform=pl, handle=h, followers_start=fs if fs is not None else '',
                                               followers_end=fe, gained=fe - fs if fs is not None else '')

        # conservation
        total_eng = sum(p['engagement'] for p in self.posts.values())
        assert sum(r['engagement'] for r in ew.values()) == total_eng
        assert sum(r['views'] for r in ew.values()) == self.credited_views
        for t, s in self.stats.items():
            assert s['rows_read'] == s['accepted'] + s['rejected'] + s['duplicates'], t
            assert s['rows_read'] == 0 or Fraction(s['rejected'], s['rows_read']) <= Fraction(5, 100), (t, s)

    # ---- facts ---------------------------------------------------------------------
    def entity_week(self, entity, week):
        e = self.entities.get(entity)
        row = dict(week=week, entity_id=entity, entity_name=e['entity_name'] if e else UNATTRIBUTED,
                   role=e['role'] if e else '', cohort=e['cohort'] if e else '',
                   municipality=e['municipality'] if e else '')
        row.update(self.entities_weekly.get((week, entity)) or dict(
            posts=0, campaign_posts=0, likes=0, comments=0, shares=0, saves=0, engagement=0, views=0,
            engagement_rate=''))
        return row

    def entity_total(self, entity):
        rows = [r for (w, e), r in self.entities_weekly.items() if e == entity]
        return dict(posts=sum(r['posts'] for r in rows), campaign_posts=sum(r['campaign_posts'] for r in rows),
                    engagement=sum(r['engagement'] for r in rows), views=sum(r['views'] for r in rows),
                    weeks=len(rows))

    def post_fact(self, platform, post_id):
        r = self.result[(platform, post_id)]
        return {k: r[k] for k in ('platform', 'post_id', 'week', 'handle', 'entity_id', 'reason', 'campaign',
                                  'bulletin_id', 'engagement', 'views')}

    def facts(self):
        posts = list(self.result.values())
        reasons = {}
        for r in posts:
            reasons[r['reason']] = reasons.get(r['reason'], 0) + 1
        weeks = {}
        for (w, e), r in sorted(self.entities_weekly.items()):
            x = weeks.setdefault(w, dict(posts=0, campaign_posts=0, engagement=0, views=0))
            for k in x:
                x[k] += r[k]
        return dict(
            tables={t: self.stats[t] for t in TABLES},
            rejects=[{k: r[k] for k in ('file', 'line', 'table', 'reason')}
                     for r in sorted(self.rejects, key=lambda r: (r['file'], r['line']))],
            totals=dict(
                posts=len(posts),
                campaign_posts=sum(r['campaign'] for r in posts),
                campaign_posts_with_bulletin=sum(1 for r in posts if r['bulletin_id']),
                likes=sum(p['likes'] for p in self.posts.values()),
                comments=sum(p['comments'] for p in self.posts.values()),
                shares=sum(p['shares'] for p in self.posts.values()),
                saves=sum(p['saves'] for p in self.posts.values()),
                engagement=sum(p['engagement'] for p in self.posts.values()),
                credited_views=self.credited_views,
                orphan_views=sum(self.orphans.values()),
                orphan_view_posts=[dict(platform=k[0], post_id=k[1], views=v) for k, v in sorted(self.orphans.items())],
                unattributed_posts=sum(1 for r in posts if r['entity_id'] == UNATTRIBUTED),
                posts_by_reason=dict(sorted(reasons.items())),
                entities_with_posts=len({r['entity_id'] for r in posts} - {UNATTRIBUTED}),
            ),
            output_row_counts=dict(
                entities_weekly=len(self.entities_weekly), bulletin_uptake=len(self.uptake),
                platforms_weekly=len(self.platforms_weekly), channel_growth=len(self.growth),
                posts_attributed=len(self.result), rejects=len(self.rejects)),
            weeks=weeks,
            bulletin_uptake=self.uptake,
        )


# =====================================================================================
# Part 2. Writing helpers
# =====================================================================================

def at(tz, y, mo, d, h=0, mi=0, s=0):
    """The instant (UTC) of a wall-clock time in tz."""
    return datetime(y, mo, d, h, mi, s, tzinfo=tz).astimezone(UTC)


def fmt_offset(t, tz):
    return t.astimezone(tz).isoformat(timespec='seconds')


def fmt_z(t):
    return t.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')


def fmt_local(t, tz, sep=' ', seconds=True):
    loc = t.astimezone(tz)
    s = loc.strftime('%Y-%m-%d') + sep + loc.strftime('%H:%M:%S' if seconds else '%H:%M')
    assert parse_ts(s, tz) == t, ('local time is ambiguous or loses precision', s, t)
    return s


def ascii_fold(s):
    return unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode()


def slug(s):
    return re.sub(r'[^a-z0-9]+', '-', ascii_fold(s).lower()).strip('-')


class CsvWriter:
    """Builds one input file record by record and remembers the physical line of each record."""

    def __init__(self, name, columns, delim=',', bom=False, eol='\n', quote_always=()):
        self.name, self.columns, self.delim, self.bom, self.eol = name, list(columns), delim, bom, eol
        self.quote_always = tuple(quote_always)
        self.records, self.next_line, self.rows = [], 1, 0
        self.records.append(delim.join(self.columns))
        self.next_line = 2

    def quote(self, value, force=False):
        v = '' if value is None else str(value)
        if (force and v) or any(c in v for c in (self.delim, '"', '\n', '\r')):
            return '"' + v.replace('"', '""') + '"'
        return v

    def render(self, row):
        return self.delim.join(self.quote(row.get(c, ''), c in self.quote_always) for c in self.columns)

    def add_raw(self, raw, blank=False):
        line = self.next_line
        self.records.append(raw)
        self.next_line += raw.count('\n') + 1
        if not blank:
            self.rows += 1
        return line

    def add(self, row):
        raw = self.render(row)
        return self.add_raw(raw), raw

    def blank(self):
        return self.add_raw('', blank=True)

    def write(self, folder):
        for r in self.records:
            for c in r:
                assert c in '\n\t ' or not unicodedata.category(c).startswith(('Z', 'C')) or c in '\u200d', \
                    ('unexpected whitespace/control character', self.name, repr(c))
        data = (self.eol.join(self.records) + self.eol).encode('utf-8')
        if self.bom:
            data = b'\xef\xbb\xbf' + data
        if self.name.endswith('.gz'):
            data = gzip.compress(data, compresslevel=9, mtime=0)
        with open(os.path.join(folder, self.name), 'wb') as f:
            f.write(data)
        return len(data)


class PostIds:
    ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

    def __init__(self, rng):
        self.rng, self.used, self.fb_pages = rng, set(), {}

    def make(self, platform, page=None):
        r = self.rng
        while True:
            if platform == 'instagram':
                pid = 'B' + r.choice('9-_AB') + ''.join(r.choice(self.ALNUM + '_-') for _ in range(8)) \
                    + r.choice(self.ALNUM)
            elif platform == 'tiktok':
                pid = '68' + ''.join(r.choice('0123456789') for _ in range(17))
            elif platform == 'youtube':
                pid = r.choice(self.ALNUM[:52]) + ''.join(r.choice(self.ALNUM + '_-') for _ in range(9)) \
                    + r.choice(self.ALNUM)
            elif platform == 'facebook':
                if page not in self.fb_pages:
                    self.fb_pages[page] = str(r.randint(100000000000000, 999999999999999))
                pid = self.fb_pages[page] + '_' + str(r.randint(1000000000000000, 3999999999999999))
            else:
                raise ValueError(platform)
            if (platform, pid) not in self.used:
                self.used.add((platform, pid))
                return pid


def post_url(platform, pid, handle):
    if platform == 'instagram':
        return 'https://www.instagram.com/p/%s/' % pid
    if platform == 'tiktok':
        return 'https://www.tiktok.com/@%s/video/%s' % (handle, pid)
    if platform == 'youtube':
        return 'https://www.youtube.com/watch?v=' + pid
    if platform == 'facebook':
        page, num = pid.split('_')
        return 'https://www.facebook.com/%s/posts/%s' % (page, num)
    raise ValueError(platform)


def clean_folder(folder):
    os.makedirs(folder, exist_ok=True)
    for n in sorted(os.listdir(folder)):
        if n.endswith(('.csv', '.csv.gz')) or n in ('README.md', 'expected.json'):
            os.remove(os.path.join(folder, n))


def md_table(header, rows):
    out = ['| ' + ' | '.join(header) + ' |', '|' + '|'.join('---' for _ in header) + '|']
    for r in rows:
        out.append('| ' + ' | '.join(str(x).replace('|', '\\|').replace('\n', ' ') for x in r) + ' |')
    return '\n'.join(out)
