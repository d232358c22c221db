#!/usr/bin/env python3
"""Regenerates Megaphone's end-to-end test datasets: testdata/coronafacts and testdata/turin.

    python3 testdata/generate_testdata.py

Standard library only, fixed seeds: two runs give byte-identical files (gzip is written with
mtime 0 and no file name). Each dataset folder gets its input CSVs, README.md and expected.json.

The expected facts are not taken from the generator's memory. A small, independent reading of the
data contract (SPEC.md sections 2-5 plus the choices D1-D27 of runbooks/data-contract.md section 7) parses the
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
    """D14 normalisation."""
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
            files.append(dict(file=name, rows_read=len(recs) - 1))
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
                # D20: every gain, 0 included, is credited to its week (and so creates the row).
                erow(week_of(t, tz), r['entity_id'])['views'] += g
                prow(week_of(t, tz), r['platform'], r['language'])['views'] += g
                self.credited_views += g
        for row in ew.values():
            rates = row.pop('rates')
            row['engagement_rate'] = dec6(sum(rates, Fraction(0)) / len(rates)) if rates else ''
        self.entities_weekly, self.platforms_weekly = ew, pw

        # bulletin uptake (D22)
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

        # channel growth (D23)
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


# =====================================================================================
# Part 3. testdata/coronafacts (Finland, spring 2020)
# =====================================================================================

FI_F = ['Aino', 'Emma', 'Ella', 'Sofia', 'Aada', 'Venla', 'Helmi', 'Iida', 'Oona', 'Pihla', 'Saara', 'Veera',
        'Jenni', 'Laura', 'Noora', 'Anni', 'Milla', 'Salla', 'Henna', 'Krista', 'Sanni', 'Tiia', 'Kaisa', 'Riikka',
        'Elina', 'Hanna', 'Johanna', 'Maija', 'Essi', 'Katri']
FI_M = ['Eino', 'Onni', 'Leo', 'Elias', 'Väinö', 'Aleksi', 'Mikko', 'Juho', 'Lauri', 'Joonas', 'Ville', 'Antti',
        'Tuomas', 'Janne', 'Teemu', 'Sami', 'Niko', 'Olli', 'Pekka', 'Eetu', 'Jere', 'Arttu']
FI_S = ['Virtanen', 'Korhonen', 'Mäkinen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen',
        'Lehtonen', 'Lehtinen', 'Saarinen', 'Heinonen', 'Niemi', 'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen',
        'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen',
        'Ahonen', 'Kivelä', 'Hakala', 'Laakso', 'Peltonen', 'Aaltonen', 'Leppänen', 'Räsänen', 'Hiltunen',
        'Miettinen', 'Pitkänen', 'Koivisto', 'Anttila']
SV_F = ['Emilia', 'Ebba', 'Alva', 'Wilma', 'Elsa', 'Frida', 'Klara', 'Matilda', 'Ida', 'Stella']
SV_M = ['Oskar', 'Anton', 'Axel', 'Hugo', 'Linus', 'Elis', 'Viktor', 'Edvin']
SV_S = ['Lindqvist', 'Lindholm', 'Nyström', 'Holmberg', 'Eriksson', 'Lindroos', 'Grönqvist', 'Forsman', 'Backman',
        'Sjöberg', 'Blomqvist', 'Wikström', 'Åberg', 'Söderlund']
EN_F = ['Grace', 'Olivia', 'Chloe', 'Mia', 'Hannah', 'Sophie', 'Amara', 'Lucy']
EN_M = ['Daniel', 'James', 'Lucas', 'Nathan', 'Samuel', 'Oliver', 'Kwame', 'Ethan']
EN_S = ['Clarke', 'Bennett', 'Hughes', 'Murray', 'Okafor', 'Nguyen', 'Fischer', 'Kowalski', 'Silva', 'Morgan',
        'Patel', 'Brooks']
THEMES = ['fit', 'eats', 'vlogs', 'style', 'koti', 'arki', 'kitchen', 'travels', 'beauty', 'games', 'mama',
          'outdoors', 'books', 'music', 'runs', 'crafts']

CF_TEXT = {
    'fi': dict(
        intro=['Tärkeää tietoa koronasta 👇', 'Faktat tiskiin, kaverit 💛', 'Tämä on nyt tärkeää:',
               'Jaan tämän, koska jokainen voi auttaa 🙏', 'Päivän koronafaktat tiivistettynä:',
               'Moi kaikki! Pieni muistutus 😷', 'Sain tänään uuden tiedotteen, tässä pääasiat:'],
        facts=['Pese kädet saippualla vähintään 20 sekuntia 🧼', 'Yski ja aivasta hihaan, ei käteen',
               'Pidä vähintään kahden metrin turvaväli', 'Jos sinulla on oireita, jää kotiin ja soita ensin',
               'Vältä tapaamasta yli 70-vuotiaita läheisiä, soita heille mieluummin',
               'Tee etätöitä, jos se on mahdollista', 'Yli 10 hengen kokoontumiset on kielletty',
               'Luotettavaa tietoa saat THL:n sivuilta, ei somehuhuista'],
        outro=['Pidetään huolta toisistamme 💛', 'Kiitos, että jaat eteenpäin!',
               '"Yhdessä tästä selvitään" – niin se menee 🇫🇮', 'Ollaan fiksuja, ollaan kotona 🏠',
               'Soittakaa mummoille, he ilahtuvat ☎️'],
        link=['Lisää tietoa:', 'Luotettavaa tietoa täältä:', 'Lue lisää:'],
        listhead='Päivän faktat:',
        plain=['Sunnuntaibrunssi kotona 🥞 #brunssi #kotiarki', 'Uusi video ulkona! Linkki biossa 🎬',
               'Lenkillä Töölönlahdella, kevät tulee vihdoin 🌸 #lenkki', 'Etäpäivä numero 12, kahvia kuluu ☕',
               'Leivoin korvapuusteja, resepti tulossa, pysykää kuulolla!',
               '"Milloin tämä loppuu?" kysyi 5-vuotias tänään 😅', 'Kotitreeni 20 min, kuka mukana? 💪 #kotitreeni',
               'Aurinko paistaa, mieli lepää ☀️', 'Uusi kirja kesken, suosituksia otetaan vastaan 📚',
               'Parvekekahvit, parasta juuri nyt.\nMitä te teette tänään?', 'Arkea, pyykkiä ja etäkoulua 😂 #arki',
               'Kevätsiivous tehty, vihdoin! ✨'],
        yt_c=['Koronafaktat: mitä meidän pitää nyt tietää?', 'Näin pärjäämme poikkeusoloissa | vlogi',
              'Kysyin asiantuntijalta koronasta'],
        yt=['Karanteenivlogi, päivä %d 🏠', 'Kotitreeni 20 min, ei välineitä', 'Leivotaan korvapuusteja!',
            'Viikon parhaat palat', 'Q&A: vastaan kysymyksiinne'],
        yt_desc=['Kiitos kun katsot! Muista tilata kanava.', 'Kommentoi, mitä haluat nähdä seuraavaksi 👇',
                 'Kuvattu kotona, turvavälit pitäen.']),
    'sv': dict(
        intro=['Viktig info om coronaviruset 👇', 'Fakta, inte rykten 💛', 'Det här är viktigt nu:',
               'Jag delar det här eftersom alla kan hjälpa till 🙏', 'Hej allihopa! En liten påminnelse 😷'],
        facts=['Tvätta händerna med tvål i minst 20 sekunder 🧼', 'Hosta och nys i ärmen',
               'Håll två meters avstånd', 'Stanna hemma om du har symtom och ring först',
               'Ring hellre än att träffa äldre släktingar', 'Jobba på distans om du kan'],
        outro=['Vi tar hand om varandra 💛', 'Tack för att du delar vidare!', '"Tillsammans klarar vi det" 🇫🇮',
               'Var smart, stanna hemma 🏠'],
        link=['Mer information:', 'Pålitlig info här:', 'Läs mer:'],
        listhead='Dagens fakta:',
        plain=['Söndagsbrunch hemma 🥞 #brunch', 'Ny video ute nu! Länk i bion 🎬',
               'Promenad vid havet, våren är här 🌊', 'Bakade kanelbullar idag, recept kommer snart',
               'Distansjobb dag 15, kaffe, kaffe, kaffe ☕', 'Vårstädning klar ✨\nVad gör ni i helgen?'],
        yt_c=['Coronafakta: det här behöver du veta', 'Så klarar vi undantagstillståndet | vlogg'],
        yt=['Karantänvlogg, dag %d 🏠', 'Hemmaträning 20 minuter', 'Vi bakar kanelbullar!'],
        yt_desc=['Tack för att du tittar! Prenumerera gärna.', 'Kommentera vad du vill se nästa gång 👇']),
    'en': dict(
        intro=['Important facts about the coronavirus 👇', 'Facts, not fear 💛', 'This matters right now:',
               'Sharing this because everyone can help 🙏', 'Hi all! A little reminder 😷'],
        facts=['Wash your hands with soap for at least 20 seconds 🧼', 'Cough and sneeze into your sleeve',
               'Keep two metres apart', 'Stay at home if you have symptoms, and call first',
               'Call your elderly relatives instead of visiting them', 'Work remotely if you can'],
        outro=['Take care of each other 💛', 'Thanks for sharing!', '"We will get through this together" 🇫🇮',
               'Be smart, stay home 🏠'],
        link=['More info:', 'Reliable info here:', 'Read more:'],
        listhead="Today's facts:",
        plain=['Sunday brunch at home 🥞 #brunch', 'New video is up! Link in bio 🎬',
               'Spring walk by the sea, finally some sun ☀️', 'Baked cinnamon buns today, recipe coming soon',
               "Home workout, 20 minutes, who's in? 💪 #homeworkout",
               'Day 20 of working from home: "is it Friday yet?"', 'Finished a great book today 📚\nAny tips?'],
        yt_c=['Coronavirus facts: what we need to know', 'How we cope with the lockdown | vlog'],
        yt=['Quarantine vlog, day %d 🏠', '20 minute home workout', 'Baking Finnish cinnamon buns!'],
        yt_desc=['Thanks for watching! Subscribe for more.', 'Tell me in the comments what to film next 👇']),
}

CF_BULLETINS = [
    # (month, day), language, audience, bulletin-specific tag, title
    ((3, 16), 'fi', 884, 'pesekädet', 'Pese kädet – näin se tehdään oikein'),
    ((3, 16), 'sv', 112, 'tvättahänderna', 'Tvätta händerna, så gör du rätt'),
    ((3, 17), 'fi', 889, 'turvavälit', 'Turvavälit kaupassa, bussissa ja ulkona'),
    ((3, 18), 'fi', 893, 'etäkoulu', 'Koulut siirtyvät etäopetukseen'),
    ((3, 19), 'fi', 897, 'yli70', 'Yli 70-vuotiaat: vältä lähikontakteja'),
    ((3, 20), 'fi', 902, 'hihaan', 'Yski ja aivasta hihaan'),
    ((3, 21), 'fi', 905, 'pysykotona', 'Pysy kotona, jos olet kipeä'),
    ((3, 22), 'fi', 911, 'soitaensin', 'Oireita? Soita ensin, älä mene päivystykseen'),
    ((3, 23), 'en', 800, 'factsnotfear', 'Coronavirus in Finland: the facts, in English'),
    ((3, 30), 'fi', 1240, 'uusimaa', 'Uudenmaan rajat suljettu: mitä se tarkoittaa?'),
    ((4, 6), 'fi', 1385, 'mielenterveys', 'Huolehdi mielenterveydestä poikkeusoloissa'),
    ((4, 6), 'sv', 160, 'psykiskhälsa', 'Ta hand om din psykiska hälsa'),
    ((4, 14), 'fi', 1512, 'kiitoshoitajat', 'Pääsiäisen jälkeen: "Rajoitukset jatkuvat"'),
    ((4, 20), 'fi', 1640, 'testaus', 'Testaus laajenee – kuka voi hakeutua testiin?'),
    ((4, 20), 'en', 800, 'testingfinland', 'Testing in Finland is expanding'),
    ((4, 27), 'fi', 1755, 'hybridistrategia', 'Mikä on hybridistrategia?'),
    ((5, 4), 'fi', 1868, 'kotoilu', 'Kotoilu jatkuu, mutta kirjastot avautuvat'),
    ((5, 4), 'sv', 175, 'skolanbörjar', 'Skolan börjar igen den 14 maj'),
    ((5, 11), 'fi', 1936, 'koulutalkaa', 'Koulut avautuvat 14.5. – näin arki muuttuu'),
    ((5, 18), 'fi', 2000, 'kesä2020', 'Turvallinen kesä 2020'),
    ((5, 18), 'en', 800, 'summerinfinland', 'A safe summer in Finland'),
]
CF_GENERAL_TAGS = {'fi': ['coronafacts', 'koronafaktat'], 'sv': ['coronafacts', 'coronafakta'], 'en': ['coronafacts']}
CF_THL = {'fi': 'https://thl.fi/koronavirus', 'sv': 'https://thl.fi/sv/koronavirus', 'en': 'https://thl.fi/en/coronavirus'}
CF_VN = {'fi': 'https://valtioneuvosto.fi/koronafaktat/', 'sv': 'https://valtioneuvosto.fi/sv/coronafakta/',
         'en': 'https://valtioneuvosto.fi/en/coronafacts/'}


def build_coronafacts():
    name = 'coronafacts'
    folder = os.path.join(HERE, name)
    clean_folder(folder)
    rng = random.Random(20200316)
    tz = ZoneInfo('Europe/Helsinki')

    def T(*a):
        return at(tz, *a)

    START, END = T(2020, 3, 16), T(2020, 5, 25)
    EXPORT1, EXPORT2 = T(2020, 4, 15, 8, 12, 31), T(2020, 5, 25, 7, 40, 5)
    OVERLAP_FROM = T(2020, 4, 9, 18)
    ids = PostIds(rng)
    scenarios = []      # dicts: key, platform, post_id, what, expect
    bad = []            # dicts: file, line, table, expect (reason prefix), what

    # ---------------------------------------------------------------- bulletins
    bulletins = []
    for (mo, d), lang, audience, tag, title in CF_BULLETINS:
        sent = T(2020, mo, d, 10 if lang == 'en' else 9)
        day = '2020-%02d-%02d' % (mo, d)
        links = [CF_THL[lang], CF_VN[lang] + day]
        bulletins.append(dict(id='CF-%s-%s' % (day, lang), lang=lang, sent=sent, audience=audience,
                              tags=CF_GENERAL_TAGS[lang] + [tag], specific=tag, links=links, title=title))

    # ---------------------------------------------------------------- roster
    accounts = []           # one dict per roster row
    taken = set()           # (platform, handle) in use, roster and non-roster

    def spell_platform(p):
        r = rng.random()
        if r < 0.82:
            return p
        return rng.choice({'instagram': ['IG', 'ig', 'Instagram'], 'youtube': ['yt', 'YouTube', 'YT'],
                           'tiktok': ['TikTok', 'TIKTOK'], 'facebook': ['Facebook']}[p])

    def spell_handle(h):
        r = rng.random()
        if r < 0.12:
            return '@' + h
        if r < 0.22:
            return '.'.join(x[:1].upper() + x[1:] for x in h.split('.'))
        if r < 0.25:
            return '@' + '.'.join(x[:1].upper() + x[1:] for x in h.split('.'))
        return h

    def add_account(platform, handle, entity, role, F, lang, cohort='', entity_name='', aliases='',
                    roster_followers=True, written_handle=None, written_platform=None, ecohort=''):
        assert (platform, handle) not in taken
        taken.add((platform, handle))
        acc = dict(platform=platform, handle=handle, entity=entity, role=role, F=F, lang=lang, cohort=cohort,
                   ecohort=ecohort or cohort,
                   row=dict(platform=written_platform or spell_platform(platform),
                            handle=written_handle or spell_handle(handle), entity_id=entity,
                            entity_name=entity_name, role=role, cohort=cohort, language=lang,
                            followers=F if roster_followers else '', aliases=aliases))
        accounts.append(acc)
        return acc

    vnk_ig = add_account('instagram', 'valtioneuvosto', 'vnk', 'government', 61240, 'fi',
                         entity_name='Valtioneuvoston kanslia',
                         aliases="Sanna Marin|Statsrådets kansli|Prime Minister's Office",
                         written_handle='@Valtioneuvosto', written_platform='instagram')
    vnk_yt = add_account('youtube', 'valtioneuvosto', 'vnk', 'government', 14820, 'fi',
                         written_handle='valtioneuvosto', written_platform='youtube')
    thl_ig = add_account('instagram', 'thl.fi', 'thl', 'government', 38950, 'fi',
                         entity_name='Terveyden ja hyvinvoinnin laitos',
                         aliases='Institutet för hälsa och välfärd|Finnish Institute for Health and Welfare',
                         written_handle='THL.fi', written_platform='IG')
    pool_ig = add_account('instagram', 'mediapooli', 'mediapooli', 'organisation', 5230, 'fi',
                          entity_name='Mediapooli', written_handle='mediapooli', written_platform='instagram')

    roosa_ig = add_account('instagram', 'roosa.nieminen', 'roosa-nieminen', 'influencer', 48210, 'fi', 'core',
                           'Roosa Nieminen', 'Roosa Vlogs', written_handle='@Roosa.Nieminen',
                           written_platform='instagram')
    roosa_yt = add_account('youtube', 'roosavlogs', 'roosa-nieminen', 'influencer', 21530, 'fi', 'core',
                           written_handle='RoosaVlogs', written_platform='yt')
    linnea_ig = add_account('instagram', 'linneasundstrom', 'linnea-sundstrom', 'influencer', 15480, 'sv', 'core',
                            'Linnea Sundström', written_handle='linneasundstrom', written_platform='instagram')
    linnea_tt = add_account('tiktok', 'linnea.sundstrom', 'linnea-sundstrom', 'influencer', 66900, 'sv', 'core',
                            'Linnea Sundström', written_handle='@linnea.sundstrom', written_platform='tiktok')

    used_names = {'Roosa Nieminen', 'Linnea Sundström'}
    langs = ['fi'] * 108 + ['sv'] * 19 + ['en'] * 16
    rng.shuffle(langs)
    pairs = set(rng.sample(range(len(langs)), 13))
    core = set(rng.sample(range(len(langs)), 98))
    aliased = set(rng.sample(range(len(langs)), 4))
    no_roster_followers = set(rng.sample(range(len(langs)), 15))
    influencers = []        # entity dicts
    for i, lang in enumerate(langs):
        firsts = {'fi': (FI_F, FI_M), 'sv': (SV_F, SV_M), 'en': (EN_F, EN_M)}[lang]
        lasts = {'fi': FI_S, 'sv': SV_S, 'en': EN_S}[lang]
        while True:
            first = rng.choice(firsts[0] if rng.random() < 0.62 else firsts[1])
            full = first + ' ' + rng.choice(lasts)
            if full not in used_names:
                used_names.add(full)
                break
        eid = slug(full)
        cohort = 'core' if i in core else 'bulletin'
        theme = rng.choice(THEMES)
        alias = '%s %s' % (first, theme.capitalize()) if i in aliased else ''
        plats = rng.choice([('instagram', 'youtube'), ('instagram', 'tiktok'), ('tiktok', 'youtube')]) \
            if i in pairs else (rng.choices(['instagram', 'tiktok', 'youtube'], [60, 25, 15])[0],)
        accs = []
        for j, pl in enumerate(plats):
            f, l = ascii_fold(first).lower(), ascii_fold(full.split(' ', 1)[1]).lower()
            opts = ['%s.%s' % (f, l), f + l, '%s_%s' % (f, l), f + theme, '%s.%s' % (f, theme),
                    f + l[:1] + theme, 'its' + f + l[:3], f + l + 'official']
            handle = next((h for h in rng.sample(opts, len(opts)) if (pl, h) not in taken), None)
            if handle is None:
                handle = '%s%s%d' % (f, l, rng.randint(2, 99))
            F = int(math.exp(rng.gauss(math.log(16000 if cohort == 'bulletin' else 24000), 1.0)))
            F = max(1500, min(F, 640000))
            second = j > 0
            accs.append(add_account(pl, handle, eid, 'influencer', F, lang,
                                    cohort='' if second and rng.random() < 0.5 else cohort,
                                    entity_name='' if second and rng.random() < 0.5 else full,
                                    aliases=alias if not second else '',
                                    roster_followers=i not in no_roster_followers, ecohort=cohort))
        influencers.append(dict(id=eid, name=full, lang=lang, cohort=cohort, accounts=accs))
    infl_accounts = [a for a in accounts if a['role'] == 'influencer']
    assert len(infl_accounts) == 160, len(infl_accounts)

    # ---------------------------------------------------------------- post helpers
    posts = []

    def rand_time(lo, hi, hours=(7, 23)):
        while True:
            day = lo.astimezone(tz).date() + timedelta(days=rng.randrange((hi - lo).days + 1))
            t = T(day.year, day.month, day.day, rng.randint(*hours), rng.randrange(60), rng.randrange(60))
            if lo <= t < hi:
                return t

    def tag_variant(tag):
        if tag == 'coronafacts':
            return rng.choice(['#coronafacts', '#coronafacts', '#CoronaFacts', '#Coronafacts', '#CORONAFACTS'])
        return '#' + (tag.capitalize() if rng.random() < 0.15 else tag)

    def link_variant(link):
        host, path = link.split('://', 1)[1].split('/', 1)
        return rng.choice([
            link, link + '/', link + '?utm_source=instagram&utm_medium=social',
            'https://www.%s/%s/?utm_source=tiktok' % (host, path), 'https://%s/%s' % (host.upper(), path),
            link + '#ohjeet', link + '?fbclid=IwAR0' + ''.join(rng.choice(PostIds.ALNUM) for _ in range(12)),
            'https://WWW.%s/%s?utm_campaign=coronafacts&UTM_Medium=bio' % (host.upper(), path),
            link + '.'])

    def counters(platform, F, views):
        if platform == 'instagram':
            likes = max(3, int(F * rng.lognormvariate(math.log(0.03), 0.45)))
            c = dict(likes=likes, comments=int(likes * rng.uniform(0.008, 0.05)), shares='',
                     saves=int(likes * rng.uniform(0.01, 0.07)))
            if rng.random() < 0.25:
                c['saves'] = ''
            if rng.random() < 0.15:
                c['shares'] = int(likes * rng.uniform(0.005, 0.03))
        elif platform == 'tiktok':
            likes = max(5, int(views * rng.uniform(0.05, 0.14)))
            c = dict(likes=likes, comments=int(likes * rng.uniform(0.01, 0.04)),
                     shares=int(likes * rng.uniform(0.005, 0.04)), saves=int(likes * rng.uniform(0.004, 0.02)))
        else:
            likes = max(2, int(views * rng.uniform(0.02, 0.06)))
            c = dict(likes=likes, comments=int(likes * rng.uniform(0.04, 0.14)),
                     shares=int(views * rng.uniform(0.001, 0.006)), saves='')
        if c['comments'] == 0 and rng.random() < 0.5:
            c['comments'] = ''
        return c

    def new_post(platform, handle, published, text, language, F, author=None, media=None, ts='auto',
                 followers_cell='auto', handle_w=None, platform_w=None):
        if platform == 'instagram' and media is None:
            media = rng.choices(['image', 'carousel', 'video'], [70, 15, 15])[0]
        media = media or 'video'
        has_views = platform in ('tiktok', 'youtube') or media == 'video'
        views = None
        if has_views:
            mult = {'tiktok': (0.7, 0.7), 'youtube': (0.18, 0.5), 'instagram': (0.35, 0.5)}[platform]
            views = max(60, int(F * rng.lognormvariate(math.log(mult[0]), mult[1])))
        if followers_cell == 'auto':
            days = (published - START).total_seconds() / 86400
            followers_cell = int(F * (1 + 0.0015 * days)) if rng.random() < 0.9 else ''
        if ts == 'auto':
            ts = 'z' if platform == 'youtube' else 'offset'
        pid = ids.make(platform)
        p = dict(platform=platform, post_id=pid, handle=handle, author=author, published=published, text=text,
                 language=language, F=F, media=media, views=views, counters=counters(platform, F, views or 0),
                 followers=followers_cell, ts=ts, url=post_url(platform, pid, handle),
                 handle_w=handle_w or (spell_handle(handle) if rng.random() < 0.3 else handle),
                 platform_w=platform_w or (spell_platform(platform) if rng.random() < 0.35 else platform))
        posts.append(p)
        return p

    def campaign_caption(lang, platform, b, tags, link):
        t = CF_TEXT[lang]
        fact, fact2 = rng.sample(t['facts'], 2)
        tagstr = ' '.join(tags)
        linkstr = (rng.choice(t['link']) + ' ' + link) if link else ''
        if platform == 'youtube':
            body = rng.choice(t['yt_c']) + '\n\n' + fact + '. ' + rng.choice(t['yt_desc'])
            return body + (' ' + linkstr if linkstr else '') + ('\n' + tagstr if tagstr else '')
        s = rng.random()
        if s < 0.25:
            body = '%s\n1) %s\n2) %s\n' % (t['listhead'], fact, fact2)
            return body + '\n'.join(x for x in (linkstr, tagstr) if x)
        if s < 0.65:
            body = '%s %s. %s' % (rng.choice(t['intro']), fact, rng.choice(t['outro']))
        else:
            body = '"%s", sanoo %s. %s' % (fact, rng.choice(['THL', 'asiantuntija', 'lääkäri']),
                                            rng.choice(t['outro'])) if lang == 'fi' else \
                '"%s". %s' % (fact, rng.choice(t['outro']))
        return ' '.join(x for x in (body, linkstr, tagstr) if x)

    def plain_caption(lang, platform):
        t = CF_TEXT[lang]
        if platform == 'youtube':
            title = rng.choice(t['yt'])
            if '%d' in title:
                title = title % rng.randint(3, 60)
            return title + '\n\n' + rng.choice(t['yt_desc'])
        return rng.choice(t['plain'])

    def campaign_post(acc, bulletin=None, when=None):
        lang = acc['lang']
        if bulletin is None:
            options = [b for b in bulletins if b['lang'] == lang] or [b for b in bulletins if b['lang'] == 'fi']
            bulletin = rng.choice(options)
        if when is None:
            r = rng.random()
            hours = rng.uniform(0.5, 30) if r < 0.7 else rng.uniform(30, 100) if r < 0.9 else \
                rng.uniform(100, 165) if r < 0.97 else rng.uniform(170, 230)
            when = bulletin['sent'] + timedelta(seconds=int(hours * 3600))
            if when >= END:
                when = END - timedelta(seconds=rng.randint(3600, 40000))
        post_lang = lang if rng.random() < 0.92 else 'en'
        mode = rng.choices(['tags', 'link', 'both'], [70, 18, 12])[0]
        tags, link = [], None
        if mode in ('tags', 'both'):
            general = CF_GENERAL_TAGS[bulletin['lang']]
            tags = [tag_variant(x) for x in rng.sample(general, rng.randint(1, len(general)))]
            if rng.random() < 0.45:
                tags.append(tag_variant(bulletin['specific']))
        if mode in ('link', 'both'):
            link = link_variant(rng.choice(bulletin['links']))
        text = campaign_caption(post_lang if post_lang in CF_TEXT else 'fi', acc['platform'], bulletin, tags, link)
        return new_post(acc['platform'], acc['handle'], when, text,
                        post_lang if rng.random() < 0.85 else '', acc['F'], author=acc)

    W16 = (T(2020, 4, 13), T(2020, 4, 20))

    # ---------------------------------------------------------------- influencer posts
    for acc in infl_accounts:
        mean = {'instagram': 7.0, 'tiktok': 6.5, 'youtube': 3.0}[acc['platform']]
        n = max(1, int(rng.gauss(mean, mean * 0.45) + 0.5))
        p_campaign = 0.5 if acc['ecohort'] == 'core' else 0.25
        for _ in range(n):
            if rng.random() < p_campaign:
                p = campaign_post(acc)
            else:
                lang = acc['lang'] if rng.random() < 0.9 else 'en'
                p = new_post(acc['platform'], acc['handle'], rand_time(START, END), plain_caption(lang, acc['platform']),
                             lang if rng.random() < 0.85 else '', acc['F'], author=acc)
            if acc['entity'] == 'roosa-nieminen' and W16[0] <= p['published'] < W16[1]:
                p['published'] += timedelta(days=7 if p['published'] + timedelta(days=7) < END else -7)

    # ---------------------------------------------------------------- government and organisation posts
    def gov_followers(acc, t):
        grow = {'valtioneuvosto': 36000, 'thl.fi': 31500, 'mediapooli': 2100}[acc['handle']]
        if acc is vnk_yt:
            grow = 7300
        d = (t - START).total_seconds() / 86400
        return int(acc['F'] + grow * (1 - math.exp(-d / 18)))

    vn_intro = {'fi': 'Uusi #coronafacts-tiedote lähti tänään %d vaikuttajalle 📣 Aiheena: %s.',
                'sv': 'Veckans #coronafakta skickades i dag till %d influencers 📣 Tema: %s.',
                'en': 'Our English #coronafacts bulletin went out today to %d creators 📣 Topic: %s.'}
    for b in bulletins:
        if rng.random() < 0.75:
            t = b['sent'] + timedelta(seconds=rng.randint(3600, 4 * 3600))
            text = (vn_intro[b['lang']] % (b['audience'], b['title'])) + ' ' + b['links'][1]
            new_post('instagram', 'valtioneuvosto', t, text, b['lang'], vnk_ig['F'], author=vnk_ig, media='image',
                     followers_cell=gov_followers(vnk_ig, t))
    repost_targets = rng.sample([a for a in infl_accounts if a['platform'] == 'instagram'], 15)
    reposts = []
    for acc in repost_targets:
        t = rand_time(T(2020, 3, 17), END, hours=(9, 16))
        fact = rng.choice(CF_TEXT['fi']['facts'])
        reposts.append(new_post('instagram', 'valtioneuvosto', t, '📢 Repost @%s: "%s" %s' % (
            acc['handle'], fact, tag_variant('coronafacts')), 'fi', vnk_ig['F'], author=vnk_ig, media='image',
            followers_cell=gov_followers(vnk_ig, t)))
    for k, (mo, d) in enumerate([(3, 16), (3, 19), (3, 26), (4, 6), (4, 16), (4, 29), (5, 6), (5, 20)]):
        t = T(2020, mo, d, 18 if k != 1 else 12, 0, 0)
        text = ('Hallituksen tiedotustilaisuus koronaviruksesta %d.%d.2020\n\nPääministeri Sanna Marin ja ministerit '
                'kertovat ajankohtaisista toimista. Lisätietoa: https://valtioneuvosto.fi/koronavirus-tietoa') % (d, mo)
        new_post('youtube', 'valtioneuvosto', t, text, 'fi', vnk_yt['F'] * 3, author=vnk_yt,
                 followers_cell=gov_followers(vnk_yt, t), ts='z')
    for k in range(16):
        t = rand_time(START, END, hours=(11, 15))
        lang = 'fi' if k % 4 else 'sv'
        fact = rng.choice(CF_TEXT[lang]['facts'])
        text = ('Koronavirustilanne %d.%d.: %s. Ajantasaiset luvut: %s' if lang == 'fi' else
                'Coronaläget %d.%d.: %s. Aktuella siffror: %s') % (
            t.astimezone(tz).day, t.astimezone(tz).month, fact, link_variant(CF_THL[lang]))
        new_post('instagram', 'thl.fi', t, text, lang, thl_ig['F'], author=thl_ig,
                 media='video' if k % 5 == 0 else 'image', followers_cell=gov_followers(thl_ig, t))
    for k in range(8):
        t = rand_time(START, END, hours=(10, 17))
        text = rng.choice(['Mediapooli mukana #coronafacts-kampanjassa: kiitos kaikille jakajille! 🙌',
                           'Kulissien takana: näin tiedote syntyy, kun koko media-ala tekee yhteistyötä.',
                           'Luotettava tieto on huoltovarmuutta. ' + link_variant(CF_THL['fi'])])
        new_post('instagram', 'mediapooli', t, text, 'fi', pool_ig['F'], author=pool_ig,
                 followers_cell=gov_followers(pool_ig, t))

    # ---------------------------------------------------------------- non-roster authors (random)
    outsiders = {'instagram': ['helsinki_mamma', 'uutisvahti_fi', 'espoon_arki', 'turku.foodie', 'lapin_lumo',
                               'kotikokki_fi', 'vaasa.svenska', 'nordic_nomad', 'studentlife.hki', 'finnish.memes'],
                 'tiktok': ['koronakoti', 'tampereen.nuoret', 'oulu.daily', 'sporttiset', 'kissavideot'],
                 'youtube': ['ArjenSankarit', 'RetkiTV', 'PelikanavaFI']}
    for pl, hs in outsiders.items():
        for h in hs:
            assert (pl, h.lower()) not in taken
            taken.add((pl, h.lower()))
    outsider_F = {}

    def outsider(platform, i=None):
        h = outsiders[platform][i] if i is not None else rng.choice(outsiders[platform])
        if h not in outsider_F:
            outsider_F[h] = rng.randint(300, 16000)
        return h.lower(), outsider_F[h], h

    for k in range(24):
        pl = rng.choices(['instagram', 'tiktok', 'youtube'], [55, 35, 10])[0]
        h, F, hw = outsider(pl)
        on_platform = [a for a in infl_accounts if a['platform'] == pl]
        kind = rng.choices(['single', 'name', 'two', 'none'], [45, 10, 10, 35])[0]
        lang = rng.choice(['fi', 'fi', 'fi', 'sv', 'en'])
        base = plain_caption(lang, 'instagram')
        if kind == 'single':
            text = rng.choice(['Kiitos @%s 💛 ', 'Suosittelen: @%s ', 'Tack @%s! ', 'Great tips from @%s '
                               ]) % rng.choice(on_platform)['handle'] + base
        elif kind == 'name':
            ent = rng.choice(influencers)
            text = rng.choice(['Suosittelen: %s puhuu asiaa 👏 ', 'Heja %s! ', 'Big thanks to %s. ']) % ent['name'] \
                + base
        elif kind == 'two':
            a, b = rng.sample(on_platform, 2)
            text = '@%s ja @%s samassa videossa 😍 %s' % (a['handle'], b['handle'], base)
        else:
            text = base
        if rng.random() < 0.45:
            text += ' ' + tag_variant('coronafacts')
        new_post(pl, h, rand_time(START, END), text, lang if rng.random() < 0.5 else '', F, handle_w=hw)

    # ---------------------------------------------------------------- designed scenario posts
    fi_ig = [a for a in infl_accounts if a['platform'] == 'instagram' and a['lang'] == 'fi'
             and a['entity'] not in ('roosa-nieminen',)]
    fi_pick = rng.sample(fi_ig, 12)
    fi_tt = [a for a in infl_accounts if a['platform'] == 'tiktok' and a['lang'] == 'fi']
    fi_yt = [a for a in infl_accounts if a['platform'] == 'youtube' and a['lang'] == 'fi' and a is not roosa_yt]

    def scenario(key, p, what, **expect):
        scenarios.append(dict(key=key, platform=p['platform'], post_id=p['post_id'], what=what, expect=expect))
        return p

    r1 = scenario('R1', new_post('instagram', 'roosa.nieminen', T(2020, 4, 14, 19, 5, 12),
                                 'Kiitos kaikille hoitajille ❤️ Te olette sankareita.\nMuistetaan turvavälit myös '
                                 'pääsiäisen jälkeen. #CoronaFacts #kiitoshoitajat', 'fi', roosa_ig['F'],
                                 author=roosa_ig, media='image', handle_w='@Roosa.Nieminen', platform_w='instagram'),
                  'in both posts exports (the 2020-05-25 row wins); showcase week 2020-W16',
                  entity_id='roosa-nieminen', reason='author', campaign=True, bulletin_id='CF-2020-04-14-fi')
    scenario('R2', new_post('youtube', 'roosavlogs', T(2020, 4, 16, 16, 0, 0),
                            'Karanteenivlogi: näin meillä pärjätään kotona 🏠\n\nTämän viikon #koronafaktat ja vähän '
                            'arkea. Lisää tietoa: https://thl.fi/koronavirus/?utm_source=youtube', 'fi',
                            roosa_yt['F'], author=roosa_yt, handle_w='RoosaVlogs', platform_w='yt'),
             'second account (youtube) of the same entity, with views', entity_id='roosa-nieminen',
             reason='author', campaign=True, bulletin_id='CF-2020-04-14-fi')
    scenario('R3', new_post('instagram', 'roosa.nieminen', T(2020, 4, 18, 11, 20, 0),
                            'Lauantaiaamun pannukakut 🥞 Resepti tarinoissa!', 'fi', roosa_ig['F'], author=roosa_ig,
                            media='image'),
             'non-campaign post', entity_id='roosa-nieminen', reason='author', campaign=False, bulletin_id='')
    h, F, hw = outsider('instagram', 0)
    scenario('S1', new_post('instagram', h, T(2020, 4, 17, 20, 45, 0),
                            'Ihana idea @roosa.nieminen 💛 Meillä leikitään nyt "kotikoulua", ja hyvin menee! '
                            '#kotiarki', 'fi', F, handle_w=hw, media='image'),
             'author not in roster, one @mention (rule 4)', entity_id='roosa-nieminen', reason='mention',
             campaign=False)
    h, F, hw = outsider('youtube', 0)
    scenario('S1b', new_post('youtube', h, T(2020, 4, 22, 18, 0, 0),
                             'Reaktio: @RoosaVlogs ja karanteenivlogi 😂\n\nKatsokaa alkuperäinen video!', 'fi', F,
                             handle_w=hw),
             'author not in roster, @mention of a youtube handle in mixed case', entity_id='roosa-nieminen',
             reason='mention')
    h, F, hw = outsider('instagram', 1)
    scenario('S2', new_post('instagram', h, T(2020, 4, 16, 14, 30, 0),
                            'Pääministeri Sanna Marin: rajoitukset jatkuvat toukokuun loppuun asti. Lue koko uutinen '
                            'profiilin linkistä. #koronafaktat', '', F, handle_w=hw, media='image'),
             'author not in roster, alias "Sanna Marin" of vnk (rule 4); campaign post, no language',
             entity_id='vnk', reason='mention', campaign=True, bulletin_id='CF-2020-04-14-fi')
    h, F, hw = outsider('instagram', 6)
    scenario('S2b', new_post('instagram', h, T(2020, 4, 8, 12, 0, 0),
                             'Statsrådets kansli påminner: håll avstånd även under påsken 🐣', 'sv', F, handle_w=hw,
                             media='image'),
             'author not in roster, Swedish alias of vnk', entity_id='vnk', reason='mention', campaign=False)
    h, F, hw = outsider('instagram', 2)
    s3 = scenario('S3', new_post('instagram', h, T(2020, 4, 23, 19, 10, 0),
                                 '@roosa.nieminen ja Sanna Marin samassa livessä?! 😮 Pakko katsoa.', 'fi', F,
                                 handle_w=hw, media='image'),
                  'author not in roster, mentions two entities (rule 5); its override is rejected',
                  entity_id=UNATTRIBUTED, reason='ambiguous')
    tt_two = rng.sample([a for a in infl_accounts if a['platform'] == 'tiktok' and a is not linnea_tt], 1)[0]
    h, F, hw = outsider('tiktok', 0)
    scenario('S3b', new_post('tiktok', h, T(2020, 5, 2, 17, 0, 0),
                             'Kuka muu katsoi @linnea.sundstrom ja @%s duetin? 😂🔥' % tt_two['handle'], 'fi', F,
                             handle_w=hw),
             'author not in roster, two @mentions (rule 5)', entity_id=UNATTRIBUTED, reason='ambiguous')
    h, F, hw = outsider('instagram', 3)
    scenario('S4', new_post('instagram', h, T(2020, 4, 26, 10, 0, 0),
                            'Roosa Niemisen pannukakkuresepti testattu, ja hyvää oli! 🥞', 'fi', F, handle_w=hw,
                            media='image'),
             'inflected Finnish name ("Niemisen") is not a whole-word match: no mention',
             entity_id=UNATTRIBUTED, reason='none')
    override_rows = []          # (platform written, post_id, entity_id, note)
    h, F, hw = outsider('instagram', 4)
    s5_target = rng.choice([a for a in fi_ig if a['ecohort'] == 'core' and a not in fi_pick])
    s5 = scenario('S5', new_post('instagram', h, T(2020, 3, 25, 13, 40, 0),
                                 'Repostaan tärkeää asiaa: pese kädet, pidä turvavälit ja pysy kotona kipeänä 🙏 '
                                 '#CoronaFacts', 'fi', F, handle_w=hw, media='image'),
                  'author not in roster and no mention, credited by an override (rule 1)',
                  entity_id=s5_target['entity'], reason='override', campaign=True, bulletin_id='CF-2020-03-22-fi')
    override_rows.append(('instagram', s5['post_id'], s5_target['entity'], 'fan repost of her video'))
    duet_targets = rng.sample([a for a in infl_accounts if a['platform'] == 'tiktok'], 5)
    for k, acc in enumerate(duet_targets):
        h, F, hw = outsider('tiktok', 1 + k % 4)
        p = new_post('tiktok', h, rand_time(T(2020, 3, 20), END), rng.choice(
            ['Duetto 💃 Ihan paras! #duetto', 'Duet 😂 tämä on niin totta #duetto', 'Stitch: "pese kädet" 🧼']) +
            (' ' + tag_variant('coronafacts') if k % 2 else ''), 'fi', F, handle_w=hw)
        override_rows.append((rng.choice(['tiktok', 'TikTok']), p['post_id'], acc['entity'], 'duet of her video'))
        if k == 0:
            scenario('S5b', p, 'TikTok duet by a non-roster author, credited by an override', entity_id=acc['entity'],
                     reason='override')
    for k, p in enumerate(reposts[:12]):
        target = repost_targets[k]
        override_rows.append((rng.choice(['instagram', 'IG', 'instagram']), p['post_id'], target['entity'],
                              'PM office repost, credit the creator'))
    scenario('S6', reposts[0], 'roster author (vnk) overridden to the reposted creator (rule 1 beats rule 3)',
             entity_id=repost_targets[0]['entity'], reason='override')
    scenario('S6b', reposts[12], 'vnk repost without override stays with the author', entity_id='vnk',
             reason='author')
    a, b = fi_pick[0], fi_pick[1]
    collab = new_post('instagram', a['handle'], T(2020, 5, 7, 17, 30, 0),
                      'Yhteistyössä kaverin kanssa ✨ Katsokaa koko video hänen tililtään!', 'fi', a['F'], author=a,
                      media='video')
    override_rows.append(('instagram', collab['post_id'], b['entity'], 'collab, credit the partner'))
    scenario('S7', collab, 'roster author overridden to another influencer', entity_id=b['entity'],
             reason='override')
    confirm = [p for p in posts if p['author'] is not None and p['author']['role'] == 'influencer'
               and p['platform'] == 'youtube'][:2]
    for p in confirm:
        override_rows.append(('yt', p['post_id'], p['author']['entity'], 'checked, own video'))
    scenario('S7b', confirm[0], 'override naming the author\'s own entity: reason is still override',
             entity_id=confirm[0]['author']['entity'], reason='override')
    deleted_ig = ids.make('instagram')
    override_rows.append(('instagram', deleted_ig, fi_pick[2]['entity'], 'post deleted before export'))
    override_rows.append(('instagram', s3['post_id'], 'sanna-marin', 'PM herself'))
    dup_override = 3  # index of the override row written twice

    s9 = fi_pick[3]
    scenario('S9', new_post('instagram', s9['handle'], T(2020, 3, 29, 9, 30, 0),
                            'Sunnuntain muistutus: pysytään kotona ja soitetaan ensin, jos tulee oireita. '
                            '#koronafaktat', 'fi', s9['F'], author=s9, media='image'),
             'published 2020-03-29T09:30+03:00, 167.5 h after CF-2020-03-22-fi (sent at +02:00): inside P7D only '
             'when the window is 168 real hours', entity_id=s9['entity'], reason='author', campaign=True,
             bulletin_id='CF-2020-03-22-fi')
    s10 = fi_pick[4]
    scenario('S10', new_post('instagram', s10['handle'], T(2020, 3, 16, 8, 30, 0),
                             'Huomenta! Tänään alkaa #coronafacts-kampanja, pysykää kuulolla ☕', 'fi', s10['F'],
                             author=s10, media='image'),
             'before the first bulletin: campaign post with no bulletin', campaign=True, bulletin_id='')
    s11 = fi_pick[5]
    scenario('S11', new_post('instagram', s11['handle'], T(2020, 4, 1, 12, 15, 0),
                             'Luotettavaa tietoa: https://WWW.THL.FI/koronavirus/?utm_source=instagram&utm_medium=social'
                             '#tilannekatsaus kannattaa lukea!', 'fi', s11['F'], author=s11, media='image'),
             'campaign by link only: upper-case host, www., trailing /, utm_*, fragment', campaign=True,
             bulletin_id='CF-2020-03-30-fi')
    s12 = fi_pick[6]
    scenario('S12a', new_post('instagram', s12['handle'], T(2020, 4, 2, 10, 5, 0),
                              'Tietoa koronasta löytyy osoitteesta www.thl.fi/koronavirus 👈', 'fi', s12['F'],
                              author=s12, media='image'),
             'link without scheme ("www.thl.fi/koronavirus") is not equal to https://thl.fi/koronavirus (D14)',
             campaign=False)
    scenario('S12b', new_post('instagram', s12['handle'], T(2020, 4, 3, 10, 5, 0),
                              'Vanha linkki mutta toimii: http://thl.fi/koronavirus', 'fi', s12['F'], author=s12,
                              media='image'),
             'http:// link is not equal to the https:// bulletin link (D14)', campaign=False)
    s13 = rng.choice(fi_yt)
    scenario('S13', new_post('youtube', s13['handle'], T(2020, 4, 20, 0, 30, 0),
                             'Yövlogi: maanantai alkaa 🌙\n\nViikon #koronafaktat tulossa huomenna.', 'fi', s13['F'],
                             author=s13, ts='z'),
             'published_at 2020-04-19T21:30:00Z = Monday 00:30 in Helsinki: week 2020-W17, not W16',
             week='2020-W17', campaign=True, bulletin_id='CF-2020-04-14-fi')
    s14 = rng.choice(fi_tt)
    scenario('S14', new_post('tiktok', s14['handle'], T(2020, 4, 5, 23, 45, 0),
                             'Sunnuntai-illan tanssi 💃 #kotona', 'fi', s14['F'], author=s14, ts='local'),
             'published_at "2020-04-05 23:45:00" without offset, read in Europe/Helsinki: Sunday, week 2020-W14',
             week='2020-W14', campaign=False)
    s16 = fi_pick[7]
    s16p = scenario('S16', new_post('instagram', s16['handle'], T(2020, 5, 5, 12, 0, 0),
                                    'Kiitos! Tack! Thanks! 💛 #coronafacts', 'sv', s16['F'], author=s16, media='image',
                                    platform_w='instagram', handle_w=s16['handle']),
                    'two rows with the same exported_at and engagement that differ only in language (fi/sv): the '
                    'greater raw record text (language sv) wins, so the Swedish bulletin is credited',
                    campaign=True, bulletin_id='CF-2020-05-04-sv')
    s20 = fi_pick[8]
    scenario('S20', new_post('instagram', s20['handle'], T(2020, 4, 20, 15, 0, 0),
                             'Muistutus vielä kerran: #pesekädet 🧼', 'fi', s20['F'], author=s20, media='image'),
             'only the tag of CF-2020-03-16-fi, five weeks later: campaign post with no bulletin', campaign=True,
             bulletin_id='')
    s21 = fi_pick[9]
    scenario('S21', new_post('instagram', s21['handle'], T(2020, 4, 6, 9, 0, 0),
                             'Jaksaminen on nyt tärkeää 💛 #mielenterveys', 'fi', s21['F'], author=s21, media='image'),
             'published exactly at sent_at of CF-2020-04-06-fi (window start is inclusive)', campaign=True,
             bulletin_id='CF-2020-04-06-fi')
    s22 = fi_pick[10]
    scenario('S22', new_post('instagram', s22['handle'], T(2020, 4, 13, 9, 0, 0),
                             'Pääsiäismaanantain ajatus: #mielenterveys', 'fi', s22['F'], author=s22, media='image'),
             'published exactly 168 h after CF-2020-04-06-fi (window end is exclusive): no bulletin', campaign=True,
             bulletin_id='')
    h, F, hw = outsider('instagram', 7)
    scenario('S23', new_post('instagram', h, T(2020, 4, 7, 12, 0, 0), 'Suomi 🇫🇮 #coronafacts', '', F,
                             handle_w=hw, media='image'),
             'no language: CF-2020-04-06-fi and -sv were sent at the same instant, the smaller bulletin_id wins',
             entity_id=UNATTRIBUTED, reason='none', campaign=True, bulletin_id='CF-2020-04-06-fi')
    scenario('S24', new_post('instagram', 'linneasundstrom', T(2020, 4, 7, 18, 0, 0),
                             'Ta hand om varandra 💛 #coronafacts #CoronaFakta', 'sv', linnea_ig['F'],
                             author=linnea_ig, media='image'),
             'Swedish post: CF-2020-04-06-sv preferred over the -fi bulletin sent at the same instant',
             entity_id='linnea-sundstrom', reason='author', campaign=True, bulletin_id='CF-2020-04-06-sv')

    # a handful of local times without offset
    locals_ = [p for p in posts if p['ts'] == 'offset' and p['author'] is not None
               and p['author']['role'] == 'influencer' and not any(s['post_id'] == p['post_id'] for s in scenarios)]
    for k, p in enumerate(rng.sample(locals_, 5)):
        p['ts'] = ['local', 'localT', 'local', 'localT-min', 'local'][k]
        if p['ts'] == 'localT-min':
            p['published'] = p['published'].replace(second=0)

    posts.sort(key=lambda p: (p['published'], p['platform'], p['post_id']))

    def fmt_published(p):
        if p['ts'] == 'z':
            return fmt_z(p['published'])
        if p['ts'] == 'local':
            return fmt_local(p['published'], tz)
        if p['ts'] == 'localT':
            return fmt_local(p['published'], tz, sep='T')
        if p['ts'] == 'localT-min':
            return fmt_local(p['published'], tz, sep='T', seconds=False)
        return fmt_offset(p['published'], tz)

    # ---------------------------------------------------------------- posts exports
    cols1 = ['platform', 'post_id', 'handle', 'published_at', 'text', 'url', 'language', 'likes', 'comments',
             'shares', 'saves', 'followers', 'exported_at']
    cols2 = ['post_id', 'platform', 'handle', 'published_at', 'language', 'text', 'url', 'media_type', 'likes',
             'comments', 'shares', 'saves', 'followers', 'exported_at']
    w1 = CsvWriter('posts_2020-04-15.csv', cols1, delim=';', bom=True, eol='\r\n')
    w2 = CsvWriter('posts_2020-05-25.csv.gz', cols2, quote_always=('text', 'url'))
    exp1_posts = [p for p in posts if p['published'] < EXPORT1]
    exp2_posts = [p for p in posts if p['published'] >= OVERLAP_FROM]
    overlap = {p['post_id'] for p in exp1_posts if p['published'] >= OVERLAP_FROM}

    def row_for(p, counters_, exported):
        r = dict(platform=p['platform_w'], post_id=p['post_id'], handle=p['handle_w'], published_at=fmt_published(p),
                 text=p['text'], url=p['url'], language=p['language'], followers=p['followers'],
                 exported_at=exported, media_type=p['media'])
        r.update(counters_)
        return r

    def partial(p):
        age = (EXPORT1 - p['published']).total_seconds() / 86400
        f = min(0.93, 0.35 + 0.6 * (1 - math.exp(-age / 1.5)))
        out = {k: (int(v * f) if v != '' else '') for k, v in p['counters'].items()}
        if out['likes'] >= p['counters']['likes']:
            out['likes'] = p['counters']['likes'] - 1
        return out

    def template_bad_post(platform='instagram'):
        acc = rng.choice([a for a in infl_accounts if a['platform'] == platform])
        t = rand_time(T(2020, 3, 20), T(2020, 4, 9)) if platform != 'tiktok' else rand_time(T(2020, 4, 20), END)
        pid = ids.make(platform)
        return acc, dict(platform=platform, post_id=pid, handle=acc['handle'], published_at=fmt_offset(t, tz),
                         text=plain_caption(acc['lang'], platform), url=post_url(platform, pid, acc['handle']),
                         language=acc['lang'], likes=rng.randint(200, 900), comments=rng.randint(1, 30), shares='',
                         saves=rng.randint(1, 20), followers=acc['F'], media_type='image')

    # export 1: semicolon, BOM, CRLF
    items1 = [('post', p) for p in exp1_posts]
    _, b1 = template_bad_post()
    b1.update(likes='12a', exported_at=fmt_offset(EXPORT1, tz))
    _, b2 = template_bad_post()
    b2.update(platform='myspace', exported_at=fmt_offset(EXPORT1, tz))
    _, b3 = template_bad_post()
    b3.update(exported_at=fmt_offset(EXPORT1, tz))
    b3_raw = ';'.join('"Kiitos "kaikille" ihanista viesteistä 💛"' if c == 'text' else w1.quote(b3.get(c, ''))
                      for c in cols1)
    dup1 = rng.choice([p for p in exp1_posts if p['published'] < OVERLAP_FROM and p['author'] is not None])
    inserts1 = [(rng.randrange(len(items1)), ('bad', b1, 'posts', 'likes is not a non-negative integer',
                                               'likes "12a"')),
                (rng.randrange(len(items1)), ('bad', b2, 'posts', 'unknown platform', 'platform "myspace"')),
                (rng.randrange(len(items1)), ('badraw', b3_raw, 'posts', 'malformed CSV record',
                                               'quote inside a quoted caption not doubled: "Kiitos "kaikille"..."')),
                (items1.index(('post', dup1)) + 1 + rng.randrange(40), ('dup', dup1))]
    for pos, item in sorted(inserts1, key=lambda x: -x[0]):
        items1.insert(pos, item)

    # export 2: comma, gzip, other column order, extra column media_type
    items2 = [('post', p) for p in exp2_posts]
    exp2_at = fmt_z(EXPORT2)
    _, b4 = template_bad_post('tiktok')
    b4.update(published_at='yesterday', exported_at=exp2_at, media_type='video')
    _, b5 = template_bad_post('tiktok')
    b5.update(post_id='', exported_at=exp2_at, media_type='video', url='')
    _, b6 = template_bad_post('tiktok')
    b6.update(shares='-3', exported_at=exp2_at, media_type='video')
    _, b7 = template_bad_post('tiktok')
    b7.update(exported_at=exp2_at, media_type='video')
    b7_raw = ','.join('Moi kaikki, kevät tulee, pysytään kotona 🌷' if c == 'text' else
                      w2.quote(b7.get(c, ''), c in w2.quote_always) for c in cols2)
    dups2 = rng.sample([p for p in exp2_posts if p['published'] >= EXPORT1 and p['author'] is not None], 2)
    s16_fi = dict(row_for(s16p, s16p['counters'], exp2_at), language='fi')
    inserts2 = [(rng.randrange(len(items2)), ('bad', b4, 'posts', 'unparseable timestamp in published_at',
                                               'published_at "yesterday"')),
                (rng.randrange(len(items2)), ('bad', b5, 'posts', 'missing required field post_id',
                                               'empty post_id')),
                (rng.randrange(len(items2)), ('bad', b6, 'posts', 'shares is not a non-negative integer',
                                               'shares "-3"')),
                (rng.randrange(len(items2)), ('badraw', b7_raw, 'posts', 'malformed CSV record',
                                               'unquoted caption with commas: 16 fields instead of 14')),
                (items2.index(('post', s16p)), ('extra', s16_fi)),
                (items2.index(('post', dups2[0])) + 1 + rng.randrange(30), ('dup', dups2[0])),
                (items2.index(('post', dups2[1])) + 1, ('dup', dups2[1]))]
    for pos, item in sorted(inserts2, key=lambda x: -x[0]):
        items2.insert(pos, item)

    duplicate_notes = []

    def emit(writer, items, exported, later_export):
        raws = {}
        for item in items:
            kind = item[0]
            if kind == 'post':
                p = item[1]
                c = partial(p) if (not later_export and p['post_id'] in overlap) else p['counters']
                line, raw = writer.add(row_for(p, c, exported))
                raws[p['post_id']] = (line, raw)
                p.setdefault('lines', []).append((writer.name, line))
            elif kind == 'dup':
                p = item[1]
                line = writer.add_raw(raws[p['post_id']][1])
                duplicate_notes.append('%s line %d repeats line %d exactly (%s %s)' % (
                    writer.name, line, raws[p['post_id']][0], p['platform'], p['post_id']))
            elif kind == 'extra':
                line, raw = writer.add(item[1])
                duplicate_notes.append('%s line %d: same post as the next row (%s %s), same exported_at and '
                                       'engagement, language fi instead of sv (scenario S16)' % (
                                           writer.name, line, item[1]['platform'], item[1]['post_id']))
            else:
                line = writer.add(item[1])[0] if kind == 'bad' else writer.add_raw(item[1])
                bad.append(dict(file=writer.name, line=line, table=item[2], expect=item[3], what=item[4]))

    emit(w1, items1, fmt_offset(EXPORT1, tz), False)
    emit(w2, items2, exp2_at, True)

    # ---------------------------------------------------------------- views
    scrapes = []
    d = T(2020, 3, 19, 6)
    while d < T(2020, 5, 22):
        scrapes.append(d)
        loc = d.astimezone(tz)
        nxt = loc.date() + timedelta(days=3 if loc.weekday() == 0 else 4)
        d = T(nxt.year, nxt.month, nxt.day, 6)
    scrapes.append(T(2020, 5, 25, 6))
    series = []      # (platform, post_id, written platform, [(t, views)])

    def make_series(platform, pid, published, final):
        jitter = rng.randint(0, 3300)
        tau = rng.uniform(1.5, 6)
        out, last = [], 0
        for s in scrapes:
            t = s + timedelta(seconds=jitter)
            if t <= published + timedelta(hours=3):
                continue
            if t > published + timedelta(days=45):      # the tool tracks a post for about six weeks
                break
            age = (t - published).total_seconds() / 86400
            v = int(final * (1 - math.exp(-age / tau)) * rng.uniform(0.97, 1.0))
            v = max(v, last)
            out.append([t, v])
            last = v
        return out

    viewed = [p for p in posts if p['views']]
    for p in viewed:
        s = make_series(p['platform'], p['post_id'], p['published'], p['views'])
        if s:
            series.append([p['platform'], p['post_id'], s])
    orphan_ids = [('tiktok', ids.make('tiktok')) for _ in range(4)] + [('instagram', deleted_ig)]
    for pl, pid in orphan_ids:
        series.append([pl, pid, make_series(pl, pid, rand_time(T(2020, 3, 25), T(2020, 4, 25)),
                                            rng.randint(800, 9000))])
    view_notes = []
    # recounts: the platform lowers a count; gains are 0 there and resume above the earlier maximum
    orphan_pids = {pid for _, pid in orphan_ids}
    long_series = [s for s in series if len(s[2]) >= 8 and s[2][-1][1] > 200 and s[1] not in orphan_pids]
    for s in rng.sample(long_series, 6):
        k = rng.randint(3, len(s[2]) - 3)
        prev = s[2][k - 1][1]
        s[2][k][1] = prev - rng.randint(3, max(4, prev // 25))
        if s[2][k + 1][1] <= prev:
            s[2][k + 1][1] = prev + rng.randint(1, 20)
        view_notes.append(dict(platform=s[0], post_id=s[1], observed=s[2][k][0], what='recount'))
    vcols = ['platform', 'post_id', 'observed_at', 'views']
    vw1 = CsvWriter('views_2020-04-15.csv', vcols)
    vw2 = CsvWriter('views_2020-05-25.csv', vcols)
    vrows = []
    for pl, pid, snaps in series:
        for t, v in snaps:
            vrows.append((t, pl, pid, v))
    vrows.sort()
    spell = {'instagram': ['instagram'] * 6 + ['IG'], 'youtube': ['youtube'] * 5 + ['yt', 'YouTube'],
             'tiktok': ['tiktok']}
    first_half = [r for r in vrows if r[0] < EXPORT1]
    second_half = [r for r in vrows if r[0] >= EXPORT1]
    for t, pl, pid, v in first_half:
        vw1.add(dict(platform=rng.choice(spell[pl]), post_id=pid, observed_at=fmt_offset(t, tz), views=v))
    # duplicates: a re-scrape at the same instant in the later file, and one repeated from the earlier file in Z
    dup_lower, dup_higher = rng.sample([r for r in second_half if r[3] > 100], 2)
    cross = rng.choice([r for r in first_half if r[3] > 100 and r[0] > T(2020, 4, 1)])
    blank_at = len(second_half) // 2
    bad_views = rng.sample(range(len(second_half)), 2)
    inserted_cross = False
    for k, (t, pl, pid, v) in enumerate(second_half):
        if not inserted_cross:
            line = vw2.add(dict(platform=cross[1], post_id=cross[2], observed_at=fmt_z(cross[0]),
                                views=cross[3] + 17))[0]
            view_notes.append(dict(what='dup-cross', line=line, platform=cross[1], post_id=cross[2],
                                   observed=cross[0], kept=cross[3] + 17, other=cross[3]))
            inserted_cross = True
        if k == blank_at:
            blank_line = vw2.blank()
        if k in bad_views:
            pid_b = rng.choice(second_half)[2]
            if k == bad_views[0]:
                line = vw2.add(dict(platform='tiktok', post_id=pid_b, observed_at=fmt_z(t), views='n/a'))[0]
                bad.append(dict(file=vw2.name, line=line, table='views', expect='views is not a non-negative integer',
                                what='views "n/a"'))
            else:
                line = vw2.add_raw('tiktok,%s,%s' % (pid_b, fmt_z(t)))
                bad.append(dict(file=vw2.name, line=line, table='views', expect='malformed CSV record',
                                what='3 fields instead of 4 (views missing)'))
        line = vw2.add(dict(platform=rng.choice(spell[pl]), post_id=pid, observed_at=fmt_z(t), views=v))[0]
        if (t, pl, pid, v) == dup_lower:
            line2 = vw2.add(dict(platform=pl, post_id=pid, observed_at=fmt_z(t), views=v - 40))[0]
            view_notes.append(dict(what='dup-same', line=line, line2=line2, platform=pl, post_id=pid, observed=t,
                                   kept=v, other=v - 40))
        if (t, pl, pid, v) == dup_higher:
            line2 = vw2.add(dict(platform=pl, post_id=pid, observed_at=fmt_z(t), views=v + 25))[0]
            view_notes.append(dict(what='dup-same', line=line, line2=line2, platform=pl, post_id=pid, observed=t,
                                   kept=v + 25, other=v))

    # ---------------------------------------------------------------- followers of the government channels
    fw = CsvWriter('followers.csv', ['platform', 'handle', 'observed_at', 'followers'])
    frows = []
    fdays = []
    d = START
    while d < END:
        fdays.append(d + timedelta(hours=7))
        loc = d.astimezone(tz)
        nxt = loc.date() + timedelta(days=3 if loc.weekday() == 0 else 4)
        d = T(nxt.year, nxt.month, nxt.day)
    for acc, hw, pw in ((vnk_ig, '@Valtioneuvosto', 'IG'), (vnk_yt, 'valtioneuvosto', 'youtube'),
                        (thl_ig, 'thl.fi', 'instagram')):
        for k, t in enumerate(fdays):
            t = T(*t.astimezone(tz).timetuple()[:3], 7, 0, 0)
            n = gov_followers(acc, t) + rng.randint(-40, 40)
            if acc is thl_ig and t >= T(2020, 5, 14):
                n -= 900            # the platform removed fake accounts
            frows.append((t, acc['platform'], acc['handle'], n, pw if k % 3 == 0 else acc['platform'],
                          hw if k % 2 == 0 else acc['handle']))
    frows.sort()
    fbad_at, fdup_at = rng.sample(range(10, len(frows) - 5), 2)
    follower_notes = []
    for k, (t, pl, h, n, pw, hw) in enumerate(frows):
        if k == fbad_at:
            line = fw.add(dict(platform=pw, handle=hw, observed_at=fmt_offset(t + timedelta(hours=1), tz),
                               followers='{:,}'.format(n).replace(',', ' ')))[0]
            bad.append(dict(file=fw.name, line=line, table='followers', expect='followers is not a non-negative integer',
                            what='followers written with a thousands separator ("%s")' % '{:,}'.format(n).replace(',', ' ')))
        line = fw.add(dict(platform=pw, handle=hw, observed_at=fmt_offset(t, tz), followers=n))[0]
        if k == fdup_at:
            line2 = fw.add(dict(platform=pl, handle=h, observed_at=fmt_z(t), followers=n - 12))[0]
            follower_notes.append('followers.csv lines %d and %d: same channel and instant (%s %s, once with offset, '
                                  'once in Z), %d vs %d: %d kept' % (line, line2, pl, h, n, n - 12, n))

    # ---------------------------------------------------------------- overrides
    ow = CsvWriter('overrides.csv', ['platform', 'post_id', 'entity_id', 'note'])
    override_lines = {}
    for k, (pl, pid, eid, note) in enumerate(override_rows):
        line, raw = ow.add(dict(platform=pl, post_id=pid, entity_id=eid, note=note))
        override_lines[pid] = line
        if eid == 'sanna-marin':
            bad.append(dict(file=ow.name, line=line, table='overrides', expect='unknown entity_id',
                            what='entity_id "sanna-marin" is not in the roster'))
        if k == dup_override:
            line2 = ow.add_raw(raw)
            follower_notes.append('overrides.csv line %d repeats line %d exactly' % (line2, line))
    override_notes = dict(deleted=(deleted_ig, override_lines[deleted_ig]))

    # ---------------------------------------------------------------- bulletins and roster
    bw = CsvWriter('bulletins.csv', ['bulletin_id', 'campaign', 'sent_at', 'language', 'audience', 'hashtags',
                                     'links', 'title'])
    for b in bulletins:
        tags = ' '.join('#' + x for x in b['tags'])
        links = ' '.join(b['links'])
        if b['lang'] == 'sv':
            tags = ' '.join(b['tags'])                     # '#' is optional
        if b['id'] == 'CF-2020-03-30-fi':
            links = b['links'][0] + ' https://www.valtioneuvosto.fi/koronafaktat/2020-03-30/'
        bw.add(dict(bulletin_id=b['id'], campaign='coronafacts', sent_at=fmt_offset(b['sent'], tz),
                    language=b['lang'], audience=b['audience'], hashtags=tags, links=links, title=b['title']))
    aw = CsvWriter('accounts.csv', ['platform', 'handle', 'entity_id', 'entity_name', 'role', 'cohort', 'language',
                                    'followers', 'aliases'])
    for acc in accounts:
        aw.add(acc['row'])

    writers = [aw, bw, w1, w2, vw1, vw2, fw, ow]
    sizes = {w.name: w.write(folder) for w in writers}
    extra = dict(overlap=len(overlap), blank_line=(vw2.name, blank_line), duplicate_notes=duplicate_notes,
                 follower_notes=follower_notes, view_notes=view_notes, override_notes=override_notes,
                 orphan_ids=orphan_ids, scrapes=len(scrapes), reposts=len(reposts))
    return dict(name=name, folder=folder, tzname='Europe/Helsinki', writers=writers, sizes=sizes,
                scenarios=scenarios, bad=bad, extra=extra)


# =====================================================================================
# Part 4. testdata/turin (Metropolitan City of Turin, spring 2020)
# =====================================================================================

# Real municipalities of the Metropolitan City of Turin; the mayors' names are invented.
TURIN_MAYORS = [
    ('Ivrea', 'Elena Bertolino', 'F'), ('Pinerolo', 'Marco Chiantore', 'M'), ('Moncalieri', 'Paolo Ferraris', 'M'),
    ('Chieri', 'Giulia Operti', 'F'), ('Rivoli', 'Andrea Garbolino', 'M'), ('Settimo Torinese', 'Silvia Ghiglione', 'F'),
    ('Collegno', 'Davide Revello', 'M'), ('Nichelino', 'Roberta Cravero', 'F'), ('Orbassano', 'Stefano Audisio', 'M'),
    ('Carmagnola', 'Francesca Boero', 'F'), ('Susa', 'Laura Vottero', 'F'), ('Chivasso', 'Alberto Allasia', 'M'),
    ('Giaveno', 'Matteo Rolando', 'M'), ('Avigliana', 'Federica Bonino', 'F'), ('Bardonecchia', 'Giorgio Mollo', 'M'),
    ('Cuorgnè', 'Valentina Demarchi', 'F'), ('Lanzo Torinese', 'Enrico Costamagna', 'M'),
    ('Ciriè', 'Simona Tosco', 'F'), ('Venaria Reale', 'Massimo Pautasso', 'M'), ('Grugliasco', 'Daniela Bertola', 'F'),
    ('San Mauro Torinese', 'Fabio Piovano', 'M'), ('Beinasco', 'Monica Rubatto', 'F'),
    ('Piossasco', 'Gianni Gerbaudo', 'M'), ('Volpiano', 'Cristina Truffa', 'F'), ('Leinì', 'Alessio Viglietti', 'M'),
    ('Caselle Torinese', 'Sara Marengo', 'F'), ('Borgaro Torinese', 'Piero Sacco', 'M'),
    ('Alpignano', 'Carla Borgna', 'F'), ('Pianezza', 'Luca Canavesio', 'M'), ('Trofarello', 'Chiara Giraudo', 'F'),
    ('Santena', 'Marco Giordano', 'M'), ('Poirino', 'Anna Rista', 'F'), ('Carignano', 'Roberto Mana', 'M'),
    ('Vinovo', 'Paola Actis', 'F'), ('Candiolo', 'Franco Perotti', 'M'), ('Torre Pellice', 'Marta Bosio', 'F'),
    ('Bussoleno', 'Sergio Gallo', 'M'), ('Oulx', 'Elisa Rosso', 'F'), ('Rivarolo Canavese', 'Luigi Bruno', 'M'),
    ('Castellamonte', 'Ilaria Cena', 'F'),
]
TURIN_CITIES = {'Ivrea', 'Pinerolo', 'Moncalieri', 'Chieri', 'Rivoli', 'Settimo Torinese', 'Collegno', 'Nichelino',
                'Carmagnola', 'Chivasso', 'Venaria Reale', 'Grugliasco', 'Ciriè', 'Cuorgnè'}
IT_CAMPAIGN = [
    'Cari concittadini, restiamo a casa: è il modo migliore per proteggere i nostri nonni. #iorestoacasa',
    'Grazie ai volontari della Protezione civile che consegnano la spesa agli anziani 💚 #iorestoacasa',
    'Mascherine gratuite in distribuzione da lunedì in municipio, una per ogni residente. Info: {link}',
    'Ordinanza: chiusi parchi e aree gioco fino a nuova comunicazione. Tutte le informazioni su {link}',
    '«Ce la faremo, ma solo se restiamo uniti (a distanza)». #iorestoacasa #andràtuttobene',
    "Usciamo solo per necessità, e con l'autocertificazione. #IoRestoACasa",
    'Un abbraccio, anche se a distanza, a chi è in ospedale 💙\n#iorestoacasa #andràtuttobene',
]
IT_PLAIN = [
    'Consiglio comunale in videoconferenza questa sera alle 21, diretta sulla pagina del Comune.',
    "Buona Pasqua a tutte e a tutti, anche se quest'anno la festeggiamo a casa 🐣",
    '25 aprile: deposta la corona al monumento ai caduti, in forma privata. Viva la Liberazione! 🇮🇹',
    'Da lunedì riapre il mercato, solo banchi alimentari, con ingressi contingentati.',
    "Grazie all'Asl e a tutto il personale sanitario dell'ospedale 👏",
    "Buoni spesa: le domande si presentano online entro venerdì; chi non ha l'e-mail può chiamare il Comune.",
    'Aggiornamento sui casi in città:\npositivi %d, guariti %d. Forza, ci siamo quasi!',
    'Il "grazie" più grande va ai nostri medici di famiglia.',
]
TURIN_LINK = 'https://www.cittametropolitana.torino.it/speciali/2020/coronavirus/'


def build_turin():
    name = 'turin'
    folder = os.path.join(HERE, name)
    clean_folder(folder)
    rng = random.Random(20200309)
    tz = ZoneInfo('Europe/Rome')

    def T(*a):
        return at(tz, *a)

    START, END = T(2020, 3, 9), T(2020, 5, 11)
    EXPORT = T(2020, 5, 11, 10, 0, 0)
    ids = PostIds(rng)
    scenarios, bad = [], []

    # ---------------------------------------------------------------- roster
    host = dict(platform='youtube', handle='cittametropolitanatorino', entity='cmto', F=4210)
    mayors = []
    personal_fb = set(rng.sample(range(len(TURIN_MAYORS)), 12))
    with_ig = set(rng.sample(range(len(TURIN_MAYORS)), 14))
    no_followers = set(rng.sample(range(len(TURIN_MAYORS)), 5))
    for i, (mun, full, g) in enumerate(TURIN_MAYORS):
        first, last = full.split(' ', 1)
        s = slug(mun)
        aliases = ['Sindaco di ' + mun, 'Sindaca di ' + mun]
        if mun[0] in 'AEIOU':
            aliases += ["Sindaco d'" + mun, "Sindaca d'" + mun]
        sindac = 'sindaca' if g == 'F' else 'sindaco'
        if i in personal_fb:
            fb = '%s.%s.%s' % (ascii_fold(first).lower(), ascii_fold(last).lower(), sindac)
            fb_w = fb
        else:
            prefix = 'cittadi' if mun in TURIN_CITIES else 'comunedi'
            fb = prefix + s.replace('-', '')
            fb_w = ('CittaDi' if mun in TURIN_CITIES else 'ComuneDi') + ''.join(
                x.capitalize() for x in s.split('-'))
        accs = [dict(platform='facebook', handle=fb, written=fb_w if rng.random() < 0.7 else '@' + fb_w,
                     F=int(math.exp(rng.gauss(math.log(5200 if mun in TURIN_CITIES else 2100), 0.5))))]
        if i in with_ig:
            ig = '%s_%s' % (sindac, s.replace('-', ''))
            accs.append(dict(platform='instagram', handle=ig, written=ig, F=int(math.exp(rng.gauss(math.log(1900), 0.6)))))
        mayors.append(dict(mun=mun, name=full, g=g, entity='sindaco-' + s, aliases=aliases, accounts=accs,
                           roster_followers=i not in no_followers, sindac=sindac))
    by_mun = {m['mun']: m for m in mayors}
    a1 = CsvWriter('accounts_cmto.csv', ['platform', 'handle', 'entity_id', 'entity_name', 'role', 'cohort',
                                         'municipality', 'language', 'followers', 'aliases', 'host'])
    a1.add(dict(platform='youtube', handle='@CittaMetropolitanaTorino', entity_id='cmto',
                entity_name='Città metropolitana di Torino', role='government', language='it', followers=host['F'],
                host='yes'))
    a2 = CsvWriter('accounts_sindaci.csv', ['platform', 'handle', 'entity_id', 'entity_name', 'role', 'cohort',
                                            'municipality', 'language', 'followers', 'aliases', 'host'])
    a2.add(dict(platform='Facebook', handle='cittametropolitanaditorino', entity_id='cmto', entity_name='CMTo',
                role='government', language='it', followers=9870, host=''))
    cmto_fb = dict(platform='facebook', handle='cittametropolitanaditorino', entity='cmto', F=9870)
    for m in mayors:
        for k, acc in enumerate(m['accounts']):
            a2.add(dict(platform=acc['platform'] if rng.random() < 0.85 else {'facebook': 'Facebook',
                                                                             'instagram': 'IG'}[acc['platform']],
                        handle=acc['written'], entity_id=m['entity'], entity_name=m['name'] if k == 0 else '',
                        role='mayor', municipality=m['mun'] if k == 0 else '', language='it',
                        followers=acc['F'] if m['roster_followers'] else '',
                        aliases='|'.join(m['aliases']) if k == 0 else ''))

    # ---------------------------------------------------------------- posts
    posts = []

    def new_post(acc, published, text, language='it', ts='offset', url=None, counters_=None, followers='auto'):
        pid = ids.make(acc['platform'], page=acc['handle'])
        F = acc['F']
        if counters_ is None:
            likes = max(2, int(F * rng.lognormvariate(math.log(0.025), 0.5)))
            counters_ = dict(likes=likes, comments=int(likes * rng.uniform(0.02, 0.12)) or '',
                             shares=int(likes * rng.uniform(0.02, 0.15)) if acc['platform'] == 'facebook' else '',
                             saves='' if acc['platform'] != 'instagram' else int(likes * rng.uniform(0, 0.05)))
        if followers == 'auto':
            followers = int(F * (1 + 0.002 * (published - START).days)) if rng.random() < 0.85 else ''
        p = dict(platform=acc['platform'], post_id=pid, handle=acc['handle'], handle_w=acc.get('written', acc['handle']),
                 published=published, text=text, language=language, ts=ts,
                 url=url or post_url(acc['platform'], pid, acc['handle']), counters=counters_, followers=followers,
                 acc=acc)
        posts.append(p)
        return p

    def scenario(key, p, what, **expect):
        scenarios.append(dict(key=key, platform=p['platform'], post_id=p['post_id'], what=what, expect=expect))
        return p

    def video_time(day):
        return T(2020, day.month, day.day, rng.randint(16, 19), rng.choice([0, 15, 30, 45]), 0)

    # host channel: 54 videos of one mayor, 3 of two mayors, 3 general updates
    days = []
    d = T(2020, 3, 12).astimezone(tz).date()
    while d <= T(2020, 5, 8).astimezone(tz).date():
        days.append(d)
        d += timedelta(days=1)
    single = [m['mun'] for m in mayors] + rng.sample([m['mun'] for m in mayors], 14)
    rng.shuffle(single)
    plan = [('one', m) for m in single]
    pairs = [('Susa', 'Bardonecchia'), ('Chivasso', 'Volpiano'), ('Pinerolo', 'Torre Pellice')]
    for pr in pairs:
        plan.insert(rng.randrange(len(plan)), ('two', pr))
    for k in range(3):
        plan.insert(rng.randrange(len(plan)), ('general', k))
    vdays = sorted(rng.sample(days, len(plan)) if len(days) >= len(plan) else
                   sorted(days + rng.sample(days, len(plan) - len(days))))
    host_videos = []

    def desc(m, tag=True, link=True):
        art = 'della sindaca' if m['g'] == 'F' else 'del sindaco'
        out = 'Videomessaggio %s %s per la Città metropolitana di Torino. ' % (art, m['name'])
        out += rng.choice(['Restiamo a casa, usciamo solo per necessità.', "L'emergenza non è finita: prudenza.",
                           'Grazie a chi lavora ogni giorno per tutti noi.'])
        if tag:
            out += ' #iorestoacasa'
        if link:
            out += '\nInfo: ' + rng.choice([TURIN_LINK, TURIN_LINK.rstrip('/'), TURIN_LINK + '?utm_source=youtube'])
        return out

    for (kind, what), day in zip(plan, vdays):
        t = video_time(day)
        tag = rng.random() < 0.75
        if kind == 'one':
            m = by_mun[what]
            sindaco = 'la Sindaca' if m['g'] == 'F' else 'il Sindaco'
            dsind = 'della Sindaca' if m['g'] == 'F' else 'del Sindaco'
            if m['mun'][0] in 'AEIOU' and rng.random() < 0.5:
                title = "Il messaggio %s d'%s ai cittadini" % (dsind, m['mun'])
            else:
                title = rng.choice([
                    'Il messaggio %s di %s ai cittadini' % (dsind, m['mun']),
                    "Coronavirus, l'appello %s di %s: «restate a casa»" % (dsind, m['mun']),
                    '%s di %s: "Grazie a chi lavora per tutti noi"' % (sindaco.split(' ')[1], m['mun']),
                    '%s di %s: ce la faremo insieme' % (sindaco.split(' ')[1], m['mun'])])
            if m['mun'] in TURIN_CITIES and rng.random() < 0.4:
                title = "Città di %s: %s %s sull'emergenza" % (m['mun'], sindaco.lower(), m['name'])
            text = title + '\n\n' + desc(m, tag)
        elif kind == 'two':
            ma, mb = by_mun[what[0]], by_mun[what[1]]
            title = 'I messaggi %s di %s e %s di %s' % (
                'della Sindaca' if ma['g'] == 'F' else 'del Sindaco', ma['mun'],
                'della Sindaca' if mb['g'] == 'F' else 'del Sindaco', mb['mun'])
            text = title + '\n\nDue comuni, un solo messaggio: restiamo a casa. #iorestoacasa'
        else:
            title = ['Aggiornamento dalla Città metropolitana di Torino: i numeri della settimana',
                     'Protezione civile metropolitana: come funziona la consegna dei dispositivi',
                     "Fase 2: cosa cambia dal 4 maggio per i cittadini dell'area metropolitana"][what]
            text = title + '\n\nCanale ufficiale della Città metropolitana di Torino. Info: ' + TURIN_LINK
        views = max(140, int(rng.lognormvariate(math.log(330), 0.55)))
        likes = max(1, int(views * rng.uniform(0.03, 0.08)))
        p = new_post(host, t, text, ts='offset', counters_=dict(likes=likes, comments=int(likes * rng.uniform(0.05, 0.3)),
                                                               shares=int(views * rng.uniform(0.005, 0.02)), saves=''),
                     followers=int(host['F'] + 20 * (t - START).days))
        p['views'] = views
        p['kind'] = (kind, what)
        host_videos.append(p)

    # scenario videos, with fixed texts
    def set_text(p, text):
        p['text'] = text

    ivrea_v = next(p for p in host_videos if p['kind'] == ('one', 'Ivrea'))
    set_text(ivrea_v, "Il messaggio della Sindaca d'Ivrea ai cittadini\n\n" + desc(by_mun['Ivrea']))
    scenario('T1', ivrea_v, "host video naming one mayor by the elided alias \"Sindaca d'Ivrea\" (rule 2); the "
             "description also names the host itself, which does not count", entity_id='sindaco-ivrea',
             reason='hosted-mention')
    cirie_v = next(p for p in host_videos if p['kind'] == ('one', 'Ciriè'))
    set_text(cirie_v, 'MESSAGGIO DEL SINDACO DI CIRIE\n\nRestiamo a casa. #iorestoacasa')
    scenario('T2', cirie_v, 'upper case and no accent ("SINDACO DI CIRIE") still matches the alias "Sindaco di Ciriè"',
             entity_id='sindaco-cirie', reason='hosted-mention')
    santena_v = next(p for p in host_videos if p['kind'] == ('one', 'Santena'))
    set_text(santena_v, 'Santena, il sindaco Marco Giordano: «Grazie ai volontari»\n\nUn ringraziamento a chi '
                        "consegna la spesa e i farmaci a domicilio, nel rispetto delle regole.")
    scenario('T3', santena_v, 'mayor named by entity_name only ("Marco Giordano")', entity_id='sindaco-santena',
             reason='hosted-mention', campaign=False)
    two_v = next(p for p in host_videos if p['kind'][0] == 'two')
    scenario('T4', two_v, 'host video naming two mayors: falls back to the host (rule 3)', entity_id='cmto',
             reason='author')
    gen_v = next(p for p in host_videos if p['kind'][0] == 'general')
    scenario('T5', gen_v, 'host video naming only the host itself', entity_id='cmto', reason='author', campaign=True)

    # the Città metropolitana's facebook page is not a host account
    for k in range(4):
        m = rng.choice(mayors)
        day = datetime(2020, 3, 16) + timedelta(days=7 * k)
        t = T(2020, day.month, day.day, 12, 30, 0)
        p = new_post(cmto_fb, t, 'Oggi sul nostro canale YouTube il videomessaggio %s %s di %s. Guardatelo e '
                                 'condividetelo!' % ('della' if m['g'] == 'F' else 'del', m['sindac'].capitalize(),
                                                     m['mun']), ts='offset')
        if k == 0:
            scenario('T6', p, "the host's facebook account has no host=yes: a post naming one mayor stays with "
                              'the author', entity_id='cmto', reason='author')

    # mayors' own posts
    local_ts = []
    for m in mayors:
        for acc in m['accounts']:
            n = max(1, int(rng.gauss(5.5 if acc['platform'] == 'facebook' else 3, 1.8) + 0.5))
            for _ in range(n):
                day = rng.choice(days)
                t = T(2020, day.month, day.day, rng.randint(8, 21), rng.randrange(60), 0)
                if rng.random() < 0.5:
                    text = rng.choice(IT_CAMPAIGN).replace('{link}', rng.choice(
                        [TURIN_LINK, TURIN_LINK + '?fbclid=IwAR1' + ''.join(rng.choice(PostIds.ALNUM) for _ in range(10)),
                         'https://cittametropolitana.torino.it/speciali/2020/coronavirus']))
                else:
                    text = rng.choice(IT_PLAIN)
                    if '%d' in text:
                        text = text % (rng.randint(10, 90), rng.randint(5, 60))
                ts = 'offset'
                if acc['platform'] == 'facebook' and rng.random() < 0.3:
                    ts = 'local'
                p = new_post(acc, t, text, language='it' if rng.random() < 0.8 else '', ts=ts)
                if ts == 'local':
                    local_ts.append(p)
    ivrea_fb = by_mun['Ivrea']['accounts'][0]
    ivrea_week = ivrea_v['published']
    p = new_post(ivrea_fb, ivrea_week + timedelta(hours=20), 'Il mio messaggio sul canale della Città metropolitana: '
                 'https://www.youtube.com/watch?v=%s #iorestoacasa' % ivrea_v['post_id'])
    scenario('T7', p, "the mayor's own facebook post sharing the host video", entity_id='sindaco-ivrea',
             reason='author', campaign=True)
    m7 = by_mun['Chieri']
    p = new_post(m7['accounts'][0], T(2020, 3, 25, 9, 40, 0), 'Tutte le informazioni utili per i cittadini nel link.',
                 url=TURIN_LINK + '?fbclid=IwAR3xYz' + ''.join(rng.choice(PostIds.ALNUM) for _ in range(12)))
    scenario('T8', p, 'facebook link post whose url column is the bulletin link (with fbclid): campaign post by url',
             entity_id='sindaco-chieri', reason='author', campaign=True, bulletin_id='IRAC-2020-03-24')
    m9 = by_mun['Carmagnola']
    p = new_post(m9['accounts'][0], T(2020, 3, 26, 19, 0, 0), 'Ci vediamo presto, più forti di prima. #andratuttobene')
    scenario('T9', p, '"#andratuttobene" without the accent is a different hashtag from "#andràtuttobene"',
             entity_id='sindaco-carmagnola', campaign=False)
    m10 = by_mun['Susa']
    p = new_post(m10['accounts'][0], T(2020, 4, 25), '25 aprile: Buona Festa della Liberazione a tutta la Valle 🇮🇹',
                 ts='date')
    scenario('T10', p, 'published_at is a bare date ("2020-04-25" = 00:00 in Europe/Rome): Saturday of 2020-W17',
             week='2020-W17')
    p = new_post(by_mun['Pianezza']['accounts'][0], T(2020, 4, 2, 11, 15, 0),
                 'Ordinanza n. 14: proroga della chiusura del cimitero. #iorestoacasa', ts='localT-min')
    scenario('T11', p, 'published_at "2020-04-02T11:15" (no seconds, no offset)', entity_id='sindaco-pianezza',
             campaign=True)
    p = new_post(by_mun['Rivoli']['accounts'][0], T(2020, 3, 29, 10, 0, 0),
                 'Stanotte è scattata l\'ora legale: ricordatevi di spostare le lancette! ⏰', ts='local')
    scenario('T12', p, 'local time on the day of the DST change (2020-03-29 10:00, already +02:00)',
             week='2020-W13')

    # local newspapers, not in the roster
    papers = [dict(platform='facebook', handle=h, F=f) for h, f in
              (('lavocedelcanavese', 18400), ('ilgiornaledipinerolo', 22100), ('valsusaoggi', 9600),
               ('cronacatorinese', 41200))]
    for pp in papers:
        pp['written'] = pp['handle']
    p = new_post(papers[0], T(2020, 3, 31, 8, 10, 0),
                 "Ivrea, la Sindaca di Ivrea firma l'ordinanza sui mercati: «Solo banchi alimentari»")
    scenario('T13', p, 'newspaper (not in roster) naming one mayor (rule 4)', entity_id='sindaco-ivrea',
             reason='mention')
    p = new_post(papers[2], T(2020, 4, 9, 7, 45, 0),
                 'Vertice in Val di Susa tra la Sindaca di Susa e il Sindaco di Bussoleno sui controlli di Pasqua')
    scenario('T14', p, 'newspaper naming two mayors (rule 5)', entity_id=UNATTRIBUTED, reason='ambiguous')
    p = new_post(papers[3], T(2020, 4, 14, 12, 0, 0), 'Code al supermercato di corso Francia, la situazione di '
                                                      'stamattina. Mantenete le distanze!')
    scenario('T15', p, 'newspaper post naming nobody', entity_id=UNATTRIBUTED, reason='none')
    for k in range(12):
        pp = rng.choice(papers)
        m = rng.choice(mayors)
        t = T(2020, 3, rng.randint(10, 31), rng.randint(7, 20), rng.randrange(60), 0) if k < 4 else \
            T(2020, 4, rng.randint(1, 30), rng.randint(7, 20), rng.randrange(60), 0)
        text = rng.choices(['%s, parla %s di %s: «Rispettate le regole»' % (m['mun'], m['sindac'], m['mun']),
                            "Intervista al %s di %s sull'emergenza" % ('Sindaco' if m['g'] == 'M' else 'Sindaca',
                                                                       m['mun']),
                            'Coronavirus, il punto della situazione a %s #iorestoacasa' % m['mun']], [40, 35, 25])[0]
        new_post(pp, t, text, language='it' if k % 2 else '')

    posts.sort(key=lambda p: (p['published'], p['platform'], p['post_id']))

    def fmt_published(p):
        if p['ts'] == 'local':
            return fmt_local(p['published'], tz)
        if p['ts'] == 'localT-min':
            return fmt_local(p['published'], tz, sep='T', seconds=False)
        if p['ts'] == 'date':
            s = p['published'].astimezone(tz).strftime('%Y-%m-%d')
            assert parse_ts(s, tz) == p['published']
            return s
        return fmt_offset(p['published'], tz)

    cols = ['platform', 'post_id', 'handle', 'published_at', 'text', 'url', 'language', 'likes', 'comments',
            'shares', 'saves', 'followers', 'exported_at']
    pw = CsvWriter('posts_2020-05-11.csv', cols)
    items = [('post', p) for p in posts]
    exported = fmt_offset(EXPORT, tz)

    def bad_row():
        m = rng.choice(mayors)
        acc = m['accounts'][0]
        day = rng.choice(days)
        pid = ids.make('facebook', page=acc['handle'])
        return dict(platform='facebook', post_id=pid, handle=acc['written'],
                    published_at=fmt_offset(T(2020, day.month, day.day, 18, 0, 0), tz),
                    text=rng.choice(IT_PLAIN).replace('%d', '12'), url=post_url('facebook', pid, acc['handle']),
                    language='it', likes=rng.randint(20, 300), comments=rng.randint(0, 20), shares=rng.randint(0, 30),
                    saves='', followers=acc['F'], exported_at=exported)
    b1 = bad_row()
    b1['likes'] = '1.234'
    b2 = bad_row()
    b2['published_at'] = '29/03/2020 18:00'
    for pos, item in sorted([(rng.randrange(len(items)), ('bad', b1, 'likes is not a non-negative integer',
                                                          'likes "1.234" (Italian thousands separator)')),
                             (rng.randrange(len(items)), ('bad', b2, 'unparseable timestamp in published_at',
                                                          'published_at "29/03/2020 18:00"'))], key=lambda x: -x[0]):
        items.insert(pos, item)
    for item in items:
        if item[0] == 'post':
            p = item[1]
            r = dict(platform=p['platform'], post_id=p['post_id'], handle=p['handle_w'],
                     published_at=fmt_published(p), text=p['text'], url=p['url'], language=p['language'],
                     followers=p['followers'], exported_at=exported)
            r.update(p['counters'])
            pw.add(r)
        else:
            line = pw.add(item[1])[0]
            bad.append(dict(file=pw.name, line=line, table='posts', expect=item[2], what=item[3]))

    # ---------------------------------------------------------------- views of the host's videos
    vw = CsvWriter('views.csv', ['platform', 'post_id', 'observed_at', 'views'])
    vrows = []
    for p in host_videos + [dict(post_id=ids.make('youtube'), published=T(2020, 3, 20, 17, 0, 0), views=260,
                                 orphan=True)]:
        pub = p['published'].astimezone(tz).date()
        times = [T(2020, (pub + timedelta(days=k)).month, (pub + timedelta(days=k)).day, 9, 0, 0) for k in range(1, 8)]
        mon = pub + timedelta(days=(7 - pub.weekday()) % 7 or 7)
        while mon <= END.astimezone(tz).date():
            tm = T(mon.year, mon.month, mon.day, 9, 0, 0)
            if tm > times[-1]:
                times.append(tm)
            mon += timedelta(days=7)
        times = [t for t in times if t <= EXPORT]
        tau = rng.uniform(1.2, 4)
        last = 0
        for t in times:
            age = (t - p['published']).total_seconds() / 86400
            v = max(last, int(p['views'] * (1 - math.exp(-age / tau))))
            vrows.append([t, p['post_id'], v, p.get('orphan', False)])
            last = v
    vrows.sort()
    orphan_id = next(r[1] for r in vrows if r[3])
    # one recount, one duplicate snapshot, one bad row
    by_post = {}
    for r in vrows:
        by_post.setdefault(r[1], []).append(r)
    rc_series = by_post[rng.choice([p['post_id'] for p in host_videos if len(by_post.get(p['post_id'], [])) >= 8])]
    rc = rc_series[4]
    rc[2] = rc_series[3][2] - 9
    if rc_series[5][2] <= rc_series[3][2]:
        rc_series[5][2] = rc_series[3][2] + 3
    dup = rng.choice([r for r in vrows if not r[3] and r[2] > 50])
    bad_at = rng.randrange(len(vrows))
    notes = []
    for k, (t, pid, v, orphan) in enumerate(vrows):
        if k == bad_at:
            line = vw.add(dict(platform='youtube', post_id=pid, observed_at=fmt_offset(t - timedelta(hours=1), tz),
                               views=''))[0]
            bad.append(dict(file=vw.name, line=line, table='views', expect='missing required field views',
                            what='empty views'))
        line = vw.add(dict(platform='youtube' if rng.random() < 0.9 else 'yt', post_id=pid,
                           observed_at=fmt_offset(t, tz), views=v))[0]
        if t == rc[0] and pid == rc[1]:
            notes.append('views.csv line %d: %s drops from %d to %d (recount: gain 0; the next snapshot gains only '
                         'what exceeds %d)' % (line, pid, rc_series[3][2], v, rc_series[3][2]))
        if t == dup[0] and pid == dup[1]:
            line2 = vw.add(dict(platform='youtube', post_id=pid, observed_at=fmt_z(t), views=v + 6))[0]
            notes.append('views.csv lines %d and %d: same video and instant (offset vs Z), %d and %d: %d kept' % (
                line, line2, v, v + 6, v + 6))

    # ---------------------------------------------------------------- followers of the host channel
    fw = CsvWriter('followers.csv', ['platform', 'handle', 'observed_at', 'followers'])
    d = START.astimezone(tz).date()
    n = host['F']
    while d <= END.astimezone(tz).date():
        if d.weekday() in (0, 3):
            fw.add(dict(platform='youtube', handle=rng.choice(['cittametropolitanatorino', '@CittaMetropolitanaTorino']),
                        observed_at=fmt_offset(T(d.year, d.month, d.day, 10, 0, 0), tz), followers=n))
            n += rng.randint(40, 160) if d < datetime(2020, 4, 10).date() else rng.randint(-10, 60)
        d += timedelta(days=1)

    # ---------------------------------------------------------------- bulletins
    bw = CsvWriter('bulletins.csv', ['bulletin_id', 'campaign', 'sent_at', 'language', 'audience', 'hashtags',
                                     'links', 'title'])
    for bid, t, tags, links, title in (
            ('IRAC-2020-03-10', T(2020, 3, 10, 12), '#iorestoacasa', TURIN_LINK,
             'Io resto a casa: materiali per i sindaci'),
            ('IRAC-2020-03-24', T(2020, 3, 24, 11), '#iorestoacasa #andràtuttobene',
             TURIN_LINK + ' http://www.salute.gov.it/nuovocoronavirus',
             'Videomessaggi dei sindaci: come registrarli e inviarli'),
            ('IRAC-2020-04-28', T(2020, 4, 28, 11), '#iorestoacasa #fase2', TURIN_LINK,
             "Verso la fase 2: cosa cambia dal 4 maggio")):
        bw.add(dict(bulletin_id=bid, campaign='iorestoacasa', sent_at=fmt_offset(t, tz), language='it', audience=316,
                    hashtags=tags, links=links, title=title))

    writers = [a1, a2, bw, pw, vw, fw]
    sizes = {w.name: w.write(folder) for w in writers}
    extra = dict(view_notes=notes, orphan_id=orphan_id, host_videos=len(host_videos),
                 local_ts=len(local_ts))
    return dict(name=name, folder=folder, tzname='Europe/Rome', writers=writers, sizes=sizes, scenarios=scenarios,
                bad=bad, extra=extra)


# =====================================================================================
# Part 5. Self-checks, expected.json, README.md
# =====================================================================================

def check(ds, ref):
    """The generator's intentions must match what the independent reading finds."""
    got = {(r['file'], r['line']): r for r in ref.rejects}
    want = {(b['file'], b['line']): b for b in ds['bad']}
    if set(got) != set(want):
        sys.exit('rejects differ from the planned bad rows:\n  only found: %s\n  only planned: %s' % (
            sorted(set(got) - set(want)), sorted(set(want) - set(got))))
    for k, b in want.items():
        r = got[k]
        assert r['table'] == b['table'] and r['reason'].startswith(b['expect']), (k, r['reason'], b['expect'])
    for s in ds['scenarios']:
        f = ref.post_fact(s['platform'], s['post_id'])
        for k, v in s['expect'].items():
            if f[k] != v:
                sys.exit('scenario %s (%s %s): %s is %r, expected %r' % (s['key'], s['platform'], s['post_id'], k,
                                                                      f[k], v))
    per_file = {f['file']: f['rows_read'] for t in TABLES for f in ref.stats[t]['files']}
    for w in ds['writers']:
        assert per_file[w.name] == w.rows, (w.name, per_file[w.name], w.rows)


def breakdown(ref, entity, week):
    posts = [ref.post_fact(*k) for k, r in sorted(ref.result.items()) if r['entity_id'] == entity and r['week'] == week]
    for p in posts:
        src = ref.posts[(p['platform'], p['post_id'])]
        p['source'] = '%s:%d' % (src['file'], src['line'])
    gains = []
    for k, r in sorted(ref.result.items()):
        if r['entity_id'] != entity:
            continue
        g = sum(x for t, x in ref.gains.get(k, []) if week_of(t, ref.tz) == week)
        if g:
            gains.append(dict(platform=k[0], post_id=k[1], published_week=r['week'], views_credited=g))
    return dict(posts=posts, view_gains=gains)


def dataset_facts(ds, ref, entity_weeks, totals_for, growth_for):
    f = ref.facts()
    out = dict(
        dataset=ds['name'],
        options=dict(timezone=ds['tzname'], bulletinWindow='P7D', campaignTags='', maxRejectRatio=0.05),
        generated_by='testdata/generate_testdata.py (facts computed by its class Reference from the files on disk)',
        tables=f['tables'],
        rejects=f['rejects'],
        totals=f['totals'],
        output_row_counts=f['output_row_counts'],
        entity_weeks=[dict(ref.entity_week(e, w), breakdown=breakdown(ref, e, w)) for e, w in entity_weeks],
        entity_totals={e: ref.entity_total(e) for e in totals_for},
        weeks=f['weeks'],
        bulletin_uptake=f['bulletin_uptake'],
        channel_growth=[g for k, g in sorted(ref.growth.items()) if (k[1], k[2]) in growth_for],
        scenario_posts=[dict(scenario=s['key'], what=s['what'], **ref.post_fact(s['platform'], s['post_id']))
                        for s in ds['scenarios']],
        post_duplicates=ref.post_duplicates,
    )
    return out


def file_format(w):
    parts = ['gzip' if w.name.endswith('.gz') else 'plain',
             'delimiter `%s`' % w.delim, 'UTF-8 with BOM' if w.bom else 'UTF-8',
             'CRLF' if w.eol == '\r\n' else 'LF']
    return ', '.join(parts)


def write_outputs(ds, ref, facts, intro, features, handcheck):
    folder, name = ds['folder'], ds['name']
    with open(os.path.join(folder, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(facts, f, ensure_ascii=False, indent=1)
        f.write('\n')
    tables_of = {fi['file']: t for t in TABLES for fi in ref.stats[t]['files']}
    L = ['# testdata/%s' % name, '', intro.strip(), '',
         '## Run it', '', '```', '--input=testdata/%s --timezone=%s' % (name, ds['tzname']), '```', '',
         'Every other option at its default (`--bulletinWindow=P7D`, no `--campaignTags`, `--maxRejectRatio=0.05`): '
         'the expected facts assume exactly that. With the default `--timezone=UTC` weeks and local times shift and '
         'the facts no longer hold.', '',
         '## Files', '',
         md_table(['file', 'table', 'rows (records after the header)', 'bytes', 'format'],
                  [[w.name, tables_of[w.name], w.rows, ds['sizes'][w.name], file_format(w)] for w in ds['writers']]),
         '', 'Line numbers below are physical lines of the (decompressed) file, header = line 1; a record that '
             'spans several lines is numbered by its first line.', '',
         '## What each file exercises', '', features.strip(), '',
         '## Deliberate bad rows', '',
         md_table(['file', 'line', 'table', 'expected reason', 'what is wrong'],
                  [[b['file'], b['line'], b['table'], b['expect'], b['what']]
                   for b in sorted(ds['bad'], key=lambda b: (b['file'], b['line']))]),
         '',
         'The contract fixes the wording only for `malformed CSV record` (D3) and `unknown entity_id` (D10); the other '
         'reasons are this generator\'s wording, so tests should match on file, line and table (and the cause, not '
         'the exact text).', '',
         '## Scenario posts', '',
         'Each row is asserted by the generator against its own reading of the contract. `source` is where the '
         'winning row of the post is.', '',
         md_table(['id', 'source', 'platform', 'post_id', 'week', 'entity_id', 'reason', 'campaign', 'bulletin_id',
                   'engagement', 'views', 'what it shows'],
                  [[s['scenario'], '%s:%d' % (ref.posts[(s['platform'], s['post_id'])]['file'],
                                               ref.posts[(s['platform'], s['post_id'])]['line']),
                    s['platform'], '`%s`' % s['post_id'], s['week'], s['entity_id'], s['reason'],
                    str(s['campaign']).lower(), s['bulletin_id'], s['engagement'], s['views'], s['what']]
                   for s in facts['scenario_posts']]),
         '',
         '## Hand-checkable facts (also in expected.json)', '',
         md_table(['table', 'rows read', 'accepted', 'rejected', 'duplicates'],
                  [[t, s['rows_read'], s['accepted'], s['rejected'], s['duplicates']]
                   for t, s in facts['tables'].items()]),
         '']
    tot = facts['totals']
    L += ['- accepted, de-duplicated posts: **%d**, of which campaign posts %d (%d credited to a bulletin)' % (
        tot['posts'], tot['campaign_posts'], tot['campaign_posts_with_bulletin']),
          '- total engagement of those posts: **%d** = likes %d + comments %d + shares %d + saves %d' % (
              tot['engagement'], tot['likes'], tot['comments'], tot['shares'], tot['saves']),
          '- total credited views: **%d**; orphan views (not credited): %d on %d post ids' % (
              tot['credited_views'], tot['orphan_views'], len(tot['orphan_view_posts'])),
          '- posts by attribution reason: ' + ', '.join('%s %d' % kv for kv in tot['posts_by_reason'].items())
          + '; unattributed posts %d' % tot['unattributed_posts'],
          '- output rows: ' + ', '.join('%s %d' % kv for kv in facts['output_row_counts'].items()),
          '']
    for ew in facts['entity_weeks']:
        L.append('**%s, %s**: posts %d (campaign %d), likes %d, comments %d, shares %d, saves %d, engagement **%d**, '
                 'views **%d**, engagement_rate %s' % (
                     ew['entity_id'], ew['week'], ew['posts'], ew['campaign_posts'], ew['likes'], ew['comments'],
                     ew['shares'], ew['saves'], ew['engagement'], ew['views'], ew['engagement_rate'] or '(empty)'))
        L.append('')
        for p in ew['breakdown']['posts']:
            L.append('- post %s `%s` (%s, reason %s): engagement %d' % (p['platform'], p['post_id'], p['source'],
                                                                    p['reason'], p['engagement']))
        for g in ew['breakdown']['view_gains']:
            L.append('- views gained in %s by %s `%s` (published %s): %d' % (ew['week'], g['platform'], g['post_id'],
                                                                           g['published_week'], g['views_credited']))
        L.append('')
    L += [md_table(['entity_id', 'posts', 'campaign posts', 'engagement', 'views', 'weeks with a row'],
                   [[e, v['posts'], v['campaign_posts'], v['engagement'], v['views'], v['weeks']]
                    for e, v in facts['entity_totals'].items()]), '']
    L += [handcheck(facts).strip(), '', EXPECTED_KEYS.strip(), '',
          '## Regenerate', '', '```', 'python3 testdata/generate_testdata.py', '```', '',
          'Deterministic (fixed seeds, gzip mtime 0): the files come out byte-identical. Do not edit the CSVs by hand; '
          'change the generator and rerun it, so that this README and expected.json stay true.', '']
    with open(os.path.join(folder, 'README.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(L))


EXPECTED_KEYS = """
## expected.json

Computed by `class Reference` in the generator, which reads these files back from disk and applies
the contract (SPEC.md sections 2-5, choices D1-D27 in runbooks/data-contract.md). Keys:

- `options`: the options the facts assume.
- `tables.<table>`: `files` (rows read per file), `rows_read`, `accepted`, `rejected`, `duplicates`
  (rows read = accepted + rejected + duplicates).
- `rejects`: `file`, `line`, `table`, `reason` of every rejected row (reason in this generator's words).
- `totals`: `posts`, `campaign_posts`, `campaign_posts_with_bulletin`, `likes`, `comments`, `shares`,
  `saves`, `engagement` (all over accepted, de-duplicated posts), `credited_views`, `orphan_views`,
  `orphan_view_posts`, `unattributed_posts`, `posts_by_reason`, `entities_with_posts`.
- `output_row_counts`: the number of data rows each output file must have.
- `entity_weeks`: complete entities_weekly rows for the named entity-weeks, each with a `breakdown`
  (the posts counted and the view gains credited that week, post by post).
- `entity_totals`: sums over all weeks for a few entities.
- `weeks`: per week, sums over all entities (incl. `(unattributed)`) of posts, campaign_posts,
  engagement and views.
- `bulletin_uptake`: every bulletin_uptake row; `channel_growth`: every channel_growth row.
- `scenario_posts`: the posts_attributed columns of every scenario post above.
- `post_duplicates`: every post with more than one accepted row: the kept row and the dropped ones
  (file, line).
"""

CF_INTRO = """
Finland, spring 2020 (2020-03-16 .. 2020-05-24, ISO weeks 2020-W12 .. 2020-W21; view snapshots run
into 2020-W22). The Prime Minister's office (valtioneuvoston kanslia, entity `vnk`) and the media pool
send #Coronafacts bulletins in Finnish, Swedish and English: daily to about 900 influencers in the
first week, then weekly to up to 2,000, plus an English edition monthly to 800 more. About 100
influencers were contacted personally (cohort `core`), the others only receive the bulletin (cohort
`bulletin`). Posts on Instagram, TikTok and YouTube.

Roster (`accounts.csv`): 160 influencer accounts of 145 entities (15 entities have two accounts on
different platforms), 3 `government` accounts (`vnk` on instagram and youtube, `thl` on instagram) and
one `organisation` (`mediapooli`). All names of influencers and non-roster authors are invented;
"Sanna Marin" (Prime Minister in 2020) appears only as an alias of `vnk`.

Finland switches to summer time on 2020-03-29 (+02:00 -> +03:00), inside the period.
"""

CF_FEATURES = """
| feature | where |
|---|---|
| roster: two accounts per entity, entity_name/cohort only on the first row (D13), aliases, followers missing for 15 entities, `@` and mixed case in handles, platform spellings `IG`, `ig`, `yt`, `YT`, `YouTube`, `TikTok` | accounts.csv |
| 21 bulletins, `+02:00` before and `+03:00` after 2020-03-29; Swedish rows list hashtags without `#`; CF-2020-03-30-fi has a link written `https://www.…/` | bulletins.csv |
| semicolon delimiter + UTF-8 BOM + CRLF; captions with `;`, `,`, `"` and line breaks inside quotes | posts_2020-04-15.csv |
| gzip; different column order; an extra column `media_type` (ignored); every text quoted; `published_at` of YouTube posts in `Z` | posts_2020-05-25.csv.gz |
| overlapping exports: every post published 2020-04-09T18:00 .. 2020-04-15T08:12 (+03:00) is in both files with higher counters and later exported_at in the .gz (the later row wins) | both posts files |
| exact duplicate rows; a tie on exported_at and engagement broken by the raw record text (S16) | see Duplicates |
| local times without offset (read in Europe/Helsinki): `2020-04-05 23:45:00` style, `T` separator, one without seconds | posts (S14 and 5 others) |
| hashtags in mixed case (`#CoronaFacts`, `#CORONAFACTS`), bulletin links with `utm_*`, `fbclid`, `www.`, upper-case host, fragment, trailing `/` or `.` | posts |
| non-roster authors: single @mention / alias mention (rule 4), two mentions (rule 5 ambiguous), nothing (rule 5 none) | posts, scenarios S1-S5 |
| engagement counters empty (= 0) on many rows (instagram shares, youtube saves, some comments) | posts |
| cumulative view snapshots twice a week (Mon and Thu around 06:00), recounts that go down, duplicates at the same instant, orphans | views_2020-04-15.csv, views_2020-05-25.csv |
| one blank line (skipped, not a row) | views_2020-05-25.csv |
| follower snapshots of the 3 government channels (Mon and Thu 07:00); instagram/thl.fi loses 900 followers on 2020-05-14 (negative `gained` in 2020-W20); one duplicate instant | followers.csv |
| 23 overrides (+1 exact duplicate row): reposts by vnk credited to creators, fan posts and TikTok duets by non-roster authors, a collab, two that name the author's own entity, one for a deleted post (unused), one with an unknown entity_id (rejected); an extra `note` column | overrides.csv |
"""

TURIN_INTRO = """
The Metropolitan City of Turin (the city and 315 surrounding municipalities), 2020-03-09 .. 2020-05-10
(ISO weeks 2020-W11 .. 2020-W19; the last view and follower snapshots are on Monday 2020-05-11, W20).
It publishes video messages of mayors on its own YouTube channel (`cittametropolitanatorino`, entity
`cmto`, role `government`, `host=yes`): 57 videos of mayors plus 3 general updates, which together
gather more than 20,000 views. The roster has 40 mayors (role `mayor`) of real municipalities of the
area with invented names; each has a facebook account (their own page or the municipality's page),
14 also an instagram account. Aliases are `Sindaco di X|Sindaca di X` (plus `Sindaco d'X|Sindaca d'X`
for names starting with a vowel).

Italy switches to summer time on 2020-03-29 (+01:00 -> +02:00), inside the period.
"""

TURIN_FEATURES = """
| feature | where |
|---|---|
| roster split over two files (sorted: accounts_cmto.csv first); the host entity also has a facebook account without `host=yes`, whose `entity_name` `CMTo` loses to the first file's (D13) | accounts_cmto.csv, accounts_sindaci.csv |
| host videos naming exactly one mayor by alias or entity_name → `hosted-mention`; naming two → `author` (cmto); naming only the host itself → `author`; upper case without accent (`SINDACO DI CIRIE`) | posts, scenarios T1-T6 |
| Italian text with accents, apostrophes (`l'emergenza`, `d'Ivrea`), guillemets, quotes and line breaks | posts_2020-05-11.csv |
| local times without offset (about 30% of facebook posts), one `2020-04-02T11:15`, one bare date `2020-04-25` | posts |
| campaign by `#iorestoacasa` (mixed case `#IoRestoACasa` too), by link in the text (with `fbclid`, `utm_source`, no trailing `/`) and by the `url` column (T8) | posts |
| newspapers not in the roster naming one mayor (`mention`), two (`ambiguous`), nobody (`none`) | posts, T13-T15 |
| cumulative views of the host videos (daily for a week, then Mondays), one recount, one duplicate instant, one orphan video | views.csv |
| follower snapshots of the host channel (Mon and Thu), handle with and without `@` | followers.csv |
| 3 bulletins of campaign `iorestoacasa` (the second adds `#andràtuttobene` and an `http://` link) | bulletins.csv |
"""


def cf_handcheck(ds, ref):
    def text(facts):
        e = ds['extra']
        L = ['### Duplicates', '',
             '- posts: %d posts are in both exports (the 2020-05-25 row wins: later exported_at, higher counters); '
             'plus:' % e['overlap']]
        L += ['  - ' + n for n in e['duplicate_notes']]
        for n in e['view_notes']:
            if n['what'] == 'dup-same':
                L.append('- views_2020-05-25.csv lines %d and %d: %s `%s` at the same instant, %d and %d: %d kept' % (
                    n['line'], n['line2'], n['platform'], n['post_id'], n['kept'] if n['kept'] > n['other'] else
                    n['other'], n['other'] if n['kept'] > n['other'] else n['kept'], n['kept']))
            elif n['what'] == 'dup-cross':
                L.append('- views_2020-05-25.csv line %d repeats a snapshot of views_2020-04-15.csv (%s `%s`, %s, '
                         'written with +03:00 there and in Z here), %d vs %d: %d kept' % (
                             n['line'], n['platform'], n['post_id'], fmt_offset(n['observed'], ref.tz), n['kept'],
                             n['other'], n['kept']))
        L += ['- ' + n for n in e['follower_notes']]
        L += ['', '### Views details', '',
              '- recounts (a snapshot lower than an earlier one: gain 0 there): ' + ', '.join(
                  '%s `%s` at %s' % (n['platform'], n['post_id'], fmt_offset(n['observed'], ref.tz))
                  for n in e['view_notes'] if n['what'] == 'recount'),
              '- orphan post ids (views but no post): ' + ', '.join(
                  '%s `%s` (%d)' % (o['platform'], o['post_id'], o['views'])
                  for o in facts['totals']['orphan_view_posts']) +
              '; the instagram one is the deleted post named by overrides.csv line %d (unused override)' % (
                  e['override_notes']['deleted'][1]),
              '- views_2020-05-25.csv line %d is blank (skipped; not a row)' % e['blank_line'][1],
              '', '### Bulletins', '',
              md_table(['bulletin_id', 'language', 'sent_at', 'audience', 'adopters', 'uptake_rate', 'posts',
                        'engagement', 'views', 'median_hours_to_post'],
                       [[b['bulletin_id'], b['language'], b['sent_at'], b['audience'], b['adopters'], b['uptake_rate'],
                         b['posts'], b['engagement'], b['views'], b['median_hours_to_post']]
                        for b in facts['bulletin_uptake']]),
              '', '### channel_growth (instagram/valtioneuvosto and instagram/thl.fi)', '',
              md_table(['week', 'platform', 'handle', 'followers_start', 'followers_end', 'gained'],
                       [[g['week'], g['platform'], g['handle'], g['followers_start'], g['followers_end'], g['gained']]
                        for g in facts['channel_growth'] if g['platform'] == 'instagram'])]
        return '\n'.join(L)
    return text


def turin_handcheck(ds, ref):
    def text(facts):
        hv = [r for k, r in ref.result.items() if r['handle'] == 'cittametropolitanatorino']
        reasons = {}
        for r in hv:
            reasons[r['reason']] = reasons.get(r['reason'], 0) + 1
        L = ['### The host channel', '',
             '- videos on youtube/cittametropolitanatorino: %d (%s); views credited to them: **%d** '
             '(of which %d to the mayors they name)' % (
                 len(hv), ', '.join('%s %d' % kv for kv in sorted(reasons.items())),
                 sum(r['views'] for r in hv), sum(r['views'] for r in hv if r['reason'] == 'hosted-mention')),
             '- mayors credited with at least one host video: %d' % len({r['entity_id'] for r in hv
                                                                        if r['reason'] == 'hosted-mention'}),
             '- orphan video id in views.csv: `%s`' % ds['extra']['orphan_id'], '']
        L += ['- ' + n for n in ds['extra']['view_notes']]
        L += ['', '### Bulletins', '',
              md_table(['bulletin_id', 'sent_at', 'adopters', 'uptake_rate', 'posts', 'engagement', 'views',
                        'median_hours_to_post'],
                       [[b['bulletin_id'], b['sent_at'], b['adopters'], b['uptake_rate'], b['posts'], b['engagement'],
                         b['views'], b['median_hours_to_post']] for b in facts['bulletin_uptake']]),
              '', '### channel_growth of youtube/cittametropolitanatorino', '',
              md_table(['week', 'followers_start', 'followers_end', 'gained'],
                       [[g['week'], g['followers_start'], g['followers_end'], g['gained']]
                        for g in facts['channel_growth']])]
        return '\n'.join(L)
    return text


def summary_line(ds, facts):
    t = facts['totals']
    out = ['[%s] %s' % (ds['name'], ', '.join('%s=%d' % (w.name, w.rows) for w in ds['writers'])),
           '  tables: ' + '; '.join('%s read %d acc %d rej %d dup %d' % (k, v['rows_read'], v['accepted'],
                                                                         v['rejected'], v['duplicates'])
                                    for k, v in facts['tables'].items()),
           '  posts %d, campaign %d, engagement %d, credited views %d, orphan views %d, reasons %s' % (
               t['posts'], t['campaign_posts'], t['engagement'], t['credited_views'], t['orphan_views'],
               t['posts_by_reason'])]
    for ew in facts['entity_weeks']:
        out.append('  %s %s: posts %d, engagement %d, views %d, rate %s' % (
            ew['entity_id'], ew['week'], ew['posts'], ew['engagement'], ew['views'], ew['engagement_rate']))
    out.append('  rejects: ' + '; '.join('%s:%d %s' % (r['file'], r['line'], r['reason']) for r in facts['rejects']))
    out.append('  bytes: %d' % sum(ds['sizes'].values()))
    return '\n'.join(out)


def main():
    ds = build_coronafacts()
    ref = Reference(ds['folder'], ds['tzname'])
    check(ds, ref)
    linnea_week = ref.post_fact(*next((s['platform'], s['post_id']) for s in ds['scenarios'] if s['key'] == 'S24'))['week']
    facts = dataset_facts(ds, ref, [('roosa-nieminen', '2020-W16'), ('vnk', '2020-W16'),
                                    ('linnea-sundstrom', linnea_week), (UNATTRIBUTED, '2020-W17')],
                          ['roosa-nieminen', 'linnea-sundstrom', 'vnk', 'thl', 'mediapooli', UNATTRIBUTED],
                          {('instagram', 'valtioneuvosto'), ('youtube', 'valtioneuvosto'), ('instagram', 'thl.fi')})
    write_outputs(ds, ref, facts, CF_INTRO, CF_FEATURES, cf_handcheck(ds, ref))
    print(summary_line(ds, facts))

    ds = build_turin()
    ref = Reference(ds['folder'], ds['tzname'])
    check(ds, ref)
    wk = {s['key']: ref.post_fact(s['platform'], s['post_id'])['week'] for s in ds['scenarios']}
    facts = dataset_facts(ds, ref, [('sindaco-ivrea', wk['T1']), ('sindaco-cirie', wk['T2']), ('cmto', wk['T4'])],
                          ['cmto', 'sindaco-ivrea', 'sindaco-cirie', 'sindaco-santena', UNATTRIBUTED],
                          {('youtube', 'cittametropolitanatorino')})
    assert facts['totals']['credited_views'] > 20000
    write_outputs(ds, ref, facts, TURIN_INTRO, TURIN_FEATURES, turin_handcheck(ds, ref))
    print(summary_line(ds, facts))


if __name__ == '__main__':
    main()
