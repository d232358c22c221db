#!/usr/bin/env python3
"""Writes testdata/exports-mix (native platform exports) and testdata/exports-mix-canonical (the same data in
the contract's canonical tables).

    python3 testdata/generate_exports_mix.py                   # rewrite both folders
    python3 testdata/generate_exports_mix.py --check-fixtures  # also compare the per-profile test fixtures
                                                               # (transforms/src/test/resources/exports/*)

Standard library only (Python 3.9+, needs zoneinfo), fixed seed: reruns give byte-identical files.

How the two folders are kept in step: part 2 writes the native export files of exports-mix/exports/ to disk;
part 1 (class Profiles, a reading of runbooks/export-formats.md) then reads those files back from disk and turns every
native row into canonical posts and views rows, which become exports-mix-canonical/posts.csv and views.csv. A
native row that a profile rejects becomes a canonical row that the contract rejects for the same kind of reason
(a bad count stays the same bad count; a post id that cannot be found becomes an empty post_id), with no views
row. Running Megaphone on both folders with --timezone=Europe/Helsinki must give identical entities_weekly.csv,
platforms_weekly.csv, bulletin_uptake.csv and posts_attributed.csv.

The facts in the two READMEs are computed by generate_testdata.Reference (an independent reading of the
contract) from the canonical folder, and the script asserts that the planned bad rows and scenario posts came
out as planned.
"""
import csv
import fnmatch
import io
import json
import os
import random
import re
import shutil
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True      # importing generate_testdata leaves no __pycache__ behind
from generate_testdata import Reference, split_records, md_table, dataset_facts, UNATTRIBUTED  # noqa: E402

TZNAME = 'Europe/Helsinki'
TZ = ZoneInfo(TZNAME)
UTC = timezone.utc
NATIVE = os.path.join(HERE, 'exports-mix')
CANON = os.path.join(HERE, 'exports-mix-canonical')
FIXTURES = os.path.join(os.path.dirname(HERE), 'transforms', 'src', 'test', 'resources', 'exports')

POSTS_COLS = ('platform', 'post_id', 'handle', 'published_at', 'text', 'url', 'language', 'likes', 'comments',
              'shares', 'saves', 'followers', 'exported_at')
VIEWS_COLS = ('platform', 'post_id', 'observed_at', 'views')
COUNTERS = ('likes', 'comments', 'shares', 'saves')

# =====================================================================================
# Part 1. The export profiles (runbooks/export-formats.md), reading files back from disk
# =====================================================================================

ZONES = {'UTC': 0, 'GMT': 0, 'Z': 0, 'WET': 0, 'WEST': 60, 'BST': 60, 'CET': 60, 'CEST': 120, 'EET': 120,
         'EEST': 180, 'MSK': 180, 'EST': -300, 'EDT': -240, 'CST': -360, 'CDT': -300, 'MST': -420, 'MDT': -360,
         'PST': -480, 'PDT': -420, 'IST': 330}
MONTHS = {m: i + 1 for i, m in enumerate(('jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct',
                                          'nov', 'dec'))}
HOST_PLATFORM = (('tiktok.com', 'tiktok'), ('instagram.com', 'instagram'), ('facebook.com', 'facebook'),
                 ('twitter.com', 'x'), ('x.com', 'x'), ('youtube.com', 'youtube'), ('youtu.be', 'youtube'))
EXPORT_EXT = ('.csv', '.tsv', '.txt', '.gz')


class Bad(Exception):
    """A native value that cannot be converted. `canon` is what the canonical form writes in its place (the same
    bad text for a count, empty for a value that cannot be found), so that the contract rejects it too."""

    def __init__(self, column, raw, problem, canon=None):
        super().__init__(problem + ': ' + column.lower() if raw == '' and problem.startswith('missing') else
                         "%s: %s='%s'" % (problem, column.lower(), raw))
        self.column, self.raw, self.problem = column, raw, problem
        self.canon = raw if canon is None else canon


def iso(t):
    return t.astimezone(TZ).isoformat(timespec='seconds')


def local(y, mo, d, h=0, mi=0, s=0):
    """A wall-clock time in --timezone (fold=0: a time in the spring gap moves later, as java.time does)."""
    return datetime(y, mo, d, h, mi, s, tzinfo=TZ).astimezone(UTC)


def parse_count(raw, column):
    """profiles.md 'Number cells'. None = not given."""
    s = raw.strip()
    if s in ('', '-'):
        return None
    m = re.fullmatch(r'([0-9]+(?:\.[0-9]+)?)([KkMmBb])', s)
    if m:
        v = Fraction(m.group(1)) * {'k': 10 ** 3, 'm': 10 ** 6, 'b': 10 ** 9}[m.group(2).lower()]
        if v.denominator == 1:
            return int(v)
    m = re.fullmatch(r'([0-9]{1,3}(?:[, \u00a0\u2009][0-9]{3})+|[0-9]+)(?:\.0)?', s)
    if m:
        return int(re.sub(r'[^0-9]', '', m.group(1)))
    raise Bad(column, s, 'not a count')


class ExportFile:
    """One native file: decoded text, delimiter (D2), records (RFC 4180, D3), header map."""

    def __init__(self, path):
        blob = open(path, 'rb').read()
        if blob[:2] in (b'\xff\xfe', b'\xfe\xff'):
            text = blob.decode('utf-16')
        else:
            text = blob.decode('utf-8')
        text = text.lstrip('\ufeff')
        first = next(ln for ln in text.splitlines() if ln.strip(' \t'))
        head = first.split('"', 1)[0]
        counts = [(head.count(d), -i, d) for i, d in enumerate((',', ';', '\t'))]
        self.delim = max(counts)[2]
        self.recs = split_records(text, self.delim)
        self.header = [h.strip() for h in self.recs[0].fields]
        self.index = {}
        for i, h in enumerate(self.header):
            self.index.setdefault(h.lower(), i)

    def has(self, *names):
        return all(n.lower() in self.index for n in names)


def detect(f):
    h = f.has
    if h('platform', 'post_id', 'handle', 'published_at'):
        return 'canonical-posts'
    if h('platform', 'post_id', 'observed_at', 'views'):
        return 'canonical-views'
    if h('Date', 'Content', 'Views'):
        return 'youtube-studio-chart'
    if h('Content', 'Video title', 'Video publish time', 'Views'):
        return 'youtube-studio-table'
    if h('Post ID', 'Account username', 'Publish time', 'Permalink', 'Likes'):
        return 'meta-instagram'
    if h('Post ID', 'Page name', 'Publish time', 'Permalink', 'Reactions'):
        return 'meta-facebook'
    if h('Video title', 'Video link', 'Post time', 'Total likes'):
        return 'tiktok-studio'
    if h('Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions'):
        return 'x-tweet-activity'
    if h('Post id', 'Date', 'Post text', 'Post Link', 'Impressions'):
        return 'x-content'
    if h('Account', 'User Name', 'Followers at Posting', 'Post Created', 'Likes', 'Comments', 'Views', 'URL'):
        return 'crowdtangle-instagram'
    if (h('Page Name') or h('Group Name') or h('Account')) and h('User Name', 'Post Created', 'Total Interactions',
                                                                  'Love'):
        return 'crowdtangle-facebook'
    if h('id', 'thread_id', 'author', 'body', 'timestamp'):
        return '4cat'
    return None


def file_name_date(name):
    """The last date written in the file name as YYYY-MM-DD or YYYYMMDD, as that day's 23:59:59 local."""
    found = None
    for m in re.finditer(r'(?<![0-9])(?:([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{4})([0-9]{2})([0-9]{2}))(?![0-9])',
                         name):
        g = [x for x in m.groups() if x is not None]
        try:
            found = local(int(g[0]), int(g[1]), int(g[2]), 23, 59, 59)
        except ValueError:
            pass
    return found


def read_sources(exports_dir):
    path = os.path.join(exports_dir, 'sources.csv')
    if not os.path.exists(path):
        return []
    f = ExportFile(path)
    out = []
    for r in f.recs[1:]:
        v = {h.lower(): x.strip() for h, x in zip(f.header, r.fields)}
        out.append(v)
    return out


def export_files(exports_dir):
    """Files directly in exports/ or one folder below, sorted by relative path ('/' separated)."""
    out = []
    for name in sorted(os.listdir(exports_dir)):
        p = os.path.join(exports_dir, name)
        if os.path.isdir(p):
            out += [name + '/' + n for n in sorted(os.listdir(p))
                    if os.path.isfile(os.path.join(p, n)) and n.lower().endswith(EXPORT_EXT)]
        elif name.lower().endswith(EXPORT_EXT) and name != 'sources.csv':
            out.append(name)
    return sorted(out)


class Mapped:
    """What one native record became."""

    def __init__(self, line, raw, post=None, view=None, error=None, skipped=False):
        self.line, self.raw, self.post, self.view, self.error, self.skipped = line, raw, post, view, error, skipped


class Profiles:
    """Reads every export file of an exports/ folder and maps it to canonical posts and views rows (all values
    already in canonical string form)."""

    def __init__(self, exports_dir):
        self.dir = exports_dir
        self.sources = read_sources(exports_dir)
        self.files = []      # dicts: rel, profile, rows (Mapped)
        for rel in export_files(exports_dir):
            self.files.append(self.read(rel))

    # -- per-file context ---------------------------------------------------------------
    def source(self, rel):
        for s in self.sources:
            if fnmatch.fnmatchcase(rel, s.get('pattern', '')):
                return s
        return {}

    def read(self, rel):
        f = ExportFile(os.path.join(self.dir, *rel.split('/')))
        profile = detect(f)
        assert profile, ('no profile for', rel, f.header)
        src = self.source(rel)
        exported = None
        if src.get('exported_at'):
            exported = datetime.fromisoformat(src['exported_at']).astimezone(UTC)
        else:
            exported = file_name_date(rel.rsplit('/', 1)[-1])
        ctx = dict(rel=rel, src=src, exported=exported, folder=rel.split('/')[0] if '/' in rel else None)
        rows = []
        mapper = getattr(self, 'map_' + profile.replace('-', '_'))
        for rec in f.recs[1:]:
            assert not rec.malformed and len(rec.fields) == len(f.header), ('malformed record', rel, rec.line)
            cell = {h: '' for h in f.index}
            for h, i in f.index.items():
                cell[h] = rec.fields[i]
            rows.append(mapper(ctx, cell, rec))
        if profile == 'youtube-studio-chart':
            self.chart_running_totals(rows)
        return dict(rel=rel, profile=profile, rows=rows, exported=exported)

    # -- helpers -------------------------------------------------------------------------
    @staticmethod
    def get(cell, *names):
        for n in names:
            if n.lower() in cell:
                return cell[n.lower()].strip()
        return ''

    def build(self, rec, fields, view_cell=None, exported=None, platform=None):
        """fields: canonical column -> callable returning its canonical string (may raise Bad)."""
        post, error = {}, None
        for col in POSTS_COLS:
            try:
                v = fields[col]() if col in fields else ''
            except Bad as e:
                error = error or e
                v = e.canon
            post[col] = v
        view = None
        if error is None and view_cell is not None and view_cell[1].strip() != '':
            try:
                n = parse_count(view_cell[1], view_cell[0])
            except Bad as e:       # cannot be written as an equivalent canonical row: not in this data set
                raise AssertionError('bad views cell ' + str(e))
            else:
                if n is not None and exported is not None:
                    view = dict(platform=post['platform'], post_id=post['post_id'], observed_at=iso(exported),
                                views=str(n))
        return Mapped(rec.line, rec.raw, post=post, view=view, error=error)

    def count_field(self, cell, column_names):
        def f():
            total = None
            for n in column_names:
                v = parse_count(self.get(cell, n), n)
                if v is not None:
                    total = (total or 0) + v
            return str(total or 0)
        return f

    def handle_from_path(self, url, column):
        m = re.match(r'https?://[^/]+/@?([^/?#]+)', url)
        if not m:
            raise Bad(column, url, 'no handle in link', canon='')
        return m.group(1).lower()

    # -- profiles --------------------------------------------------------------------------
    def map_canonical_posts(self, ctx, cell, rec):
        raise NotImplementedError('canonical files are read by the contract, not mapped here')

    def map_youtube_studio_table(self, ctx, cell, rec):
        cid = self.get(cell, 'Content')
        if cid == 'Total':
            return Mapped(rec.line, rec.raw, skipped=True)
        handle = ctx['src'].get('handle') or ctx['folder']

        def pub():
            raw = self.get(cell, 'Video publish time')
            m = re.fullmatch(r'([A-Za-z]{3}) ([0-9]{1,2}), ([0-9]{4})', raw)
            if not m or m.group(1).lower() not in MONTHS:
                raise Bad('Video publish time', raw, 'unparseable timestamp', canon=raw)
            return iso(local(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))))

        def hdl():
            if not handle:
                raise Bad('handle', '', 'no handle: name the folder after the channel or add exports/sources.csv',
                          canon='')
            return handle.lstrip('@').lower()

        return self.build(rec, dict(
            platform=lambda: 'youtube', post_id=lambda: cid, handle=hdl, published_at=pub,
            text=lambda: self.get(cell, 'Video title'), url=lambda: 'https://www.youtube.com/watch?v=' + cid,
            likes=self.count_field(cell, ['Likes']), comments=self.count_field(cell, ['Comments added']),
            shares=self.count_field(cell, ['Shares']), saves=lambda: '0',
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('Views', self.get(cell, 'Views')), exported=ctx['exported'])

    def map_youtube_studio_chart(self, ctx, cell, rec):
        cid = self.get(cell, 'Content')
        if cid == 'Total':
            return Mapped(rec.line, rec.raw, skipped=True)
        date = self.get(cell, 'Date')
        m = re.fullmatch(r'([0-9]{4})-([0-9]{2})-([0-9]{2})', date)
        assert m, ('chart date', date)
        n = parse_count(self.get(cell, 'Views'), 'Views')
        day = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return Mapped(rec.line, rec.raw, view=dict(platform='youtube', post_id=cid, _day=day, _n=n or 0))

    @staticmethod
    def chart_running_totals(rows):
        by_video = {}
        for r in rows:
            if r.view:
                by_video.setdefault(r.view['post_id'], []).append(r)
        for rs in by_video.values():
            total = 0
            for r in sorted(rs, key=lambda r: r.view['_day']):
                total += r.view.pop('_n')
                day = r.view.pop('_day')
                r.view['observed_at'] = iso(local(*day, 23, 59, 59))
                r.view['views'] = str(total)

    def meta_time(self, cell):
        raw = self.get(cell, 'Publish time')
        m = re.fullmatch(r'([0-9]{2})/([0-9]{2})/([0-9]{4}) ([0-9]{2}):([0-9]{2})', raw)
        if not m:
            raise Bad('Publish time', raw, 'unparseable timestamp', canon=raw)
        mo, d, y, h, mi = (int(x) for x in m.groups())
        return iso(local(y, mo, d, h, mi))

    def map_meta_instagram(self, ctx, cell, rec):
        views = self.get(cell, 'Views') if 'views' in cell else self.get(cell, 'Impressions')
        return self.build(rec, dict(
            platform=lambda: 'instagram', post_id=lambda: self.get(cell, 'Post ID'),
            handle=lambda: self.get(cell, 'Account username').lstrip('@').lower(),
            published_at=lambda: self.meta_time(cell), text=lambda: self.get(cell, 'Description'),
            url=lambda: self.get(cell, 'Permalink'), likes=self.count_field(cell, ['Likes']),
            comments=self.count_field(cell, ['Comments']), shares=self.count_field(cell, ['Shares']),
            saves=self.count_field(cell, ['Saves']),
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('Views', views), exported=ctx['exported'])

    def map_meta_facebook(self, ctx, cell, rec):
        views = self.get(cell, 'Views') if 'views' in cell else self.get(cell, 'Impressions')
        lang = self.get(cell, 'Languages')
        return self.build(rec, dict(
            platform=lambda: 'facebook', post_id=lambda: self.get(cell, 'Post ID'),
            handle=lambda: (ctx['src'].get('handle') or self.get(cell, 'Page name').replace(' ', '')).lstrip(
                '@').lower(),
            published_at=lambda: self.meta_time(cell),
            text=lambda: self.get(cell, 'Title') or self.get(cell, 'Description'),
            url=lambda: self.get(cell, 'Permalink'),
            language=lambda: lang.lower() if re.fullmatch(r'[A-Za-z]{2}', lang) else '',
            likes=self.count_field(cell, ['Reactions']), comments=self.count_field(cell, ['Comments']),
            shares=self.count_field(cell, ['Shares']), saves=lambda: '0',
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('Views', views), exported=ctx['exported'])

    def map_tiktok_studio(self, ctx, cell, rec):
        link = self.get(cell, 'Video link')
        m = re.search(r'/video/([0-9]+)', link)

        def pid():
            if not link:
                raise Bad('Video link', link, 'missing required field', canon='')
            if not m:
                raise Bad('Video link', link, 'not a TikTok video link', canon='')
            return m.group(1)

        def pub():
            return iso(datetime.fromtimestamp(int(pid()) >> 32, UTC))

        def hdl():
            h = re.search(r'/@([^/?#]+)', link)
            if not h:
                raise Bad('Video link', link, 'no @handle in link', canon='')
            return h.group(1).lower()

        views = self.get(cell, 'Total views') if 'total views' in cell else self.get(cell, 'Video views')
        saves = [n for n in ('Total bookmarks', 'Add to favorites') if n.lower() in cell][:1]
        return self.build(rec, dict(
            platform=lambda: 'tiktok', post_id=pid, handle=hdl, published_at=pub,
            text=lambda: self.get(cell, 'Video title'), url=lambda: link,
            likes=self.count_field(cell, ['Total likes']), comments=self.count_field(cell, ['Total comments']),
            shares=self.count_field(cell, ['Total shares']), saves=self.count_field(cell, saves),
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('Total views', views), exported=ctx['exported'])

    def map_x_tweet_activity(self, ctx, cell, rec):
        def pub():
            raw = self.get(cell, 'time')
            m = re.fullmatch(r'([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}) ([+-])([0-9]{2})([0-9]{2})', raw)
            if not m:
                raise Bad('time', raw, 'unparseable timestamp', canon=raw)
            y, mo, d, h, mi = (int(x) for x in m.groups()[:5])
            off = timedelta(hours=int(m.group(7)), minutes=int(m.group(8))) * (1 if m.group(6) == '+' else -1)
            return iso(datetime(y, mo, d, h, mi, tzinfo=timezone(off)))

        link = self.get(cell, 'Tweet permalink')
        likes = 'likes' if 'likes' in cell else 'favorites'
        return self.build(rec, dict(
            platform=lambda: 'x', post_id=lambda: self.get(cell, 'Tweet id'),
            handle=lambda: self.handle_from_path(link, 'Tweet permalink'), published_at=pub,
            text=lambda: self.get(cell, 'Tweet text'), url=lambda: link,
            likes=self.count_field(cell, [likes]), comments=self.count_field(cell, ['replies']),
            shares=self.count_field(cell, ['retweets']), saves=lambda: '0',
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('impressions', self.get(cell, 'impressions')), exported=ctx['exported'])

    def map_x_content(self, ctx, cell, rec):
        pid = self.get(cell, 'Post id')
        link = self.get(cell, 'Post Link')

        def pub():
            if not re.fullmatch(r'[0-9]+', pid):
                raise Bad('Post id', pid, 'not a snowflake id', canon='')
            return iso(datetime.fromtimestamp(((int(pid) >> 22) + 1288834974657) / 1000, UTC))

        return self.build(rec, dict(
            platform=lambda: 'x', post_id=lambda: pid, handle=lambda: self.handle_from_path(link, 'Post Link'),
            published_at=pub, text=lambda: self.get(cell, 'Post text'), url=lambda: link,
            likes=self.count_field(cell, ['Likes']), comments=self.count_field(cell, ['Replies']),
            shares=self.count_field(cell, ['Reposts']), saves=self.count_field(cell, ['Bookmarks']),
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('Impressions', self.get(cell, 'Impressions')), exported=ctx['exported'])

    def ct_time(self, cell):
        raw = self.get(cell, 'Post Created')
        m = re.fullmatch(r'([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([A-Za-z]+)', raw)
        if not m or m.group(7).upper() not in ZONES:
            raise Bad('Post Created', raw, 'unparseable timestamp', canon=raw)
        y, mo, d, h, mi, s = (int(x) for x in m.groups()[:6])
        return iso(datetime(y, mo, d, h, mi, s, tzinfo=timezone(timedelta(minutes=ZONES[m.group(7).upper()]))))

    def map_crowdtangle_facebook(self, ctx, cell, rec):
        url = self.get(cell, 'URL')

        def followers():
            for n in ('Followers at Posting', 'Likes at Posting'):
                v = parse_count(self.get(cell, n), n)
                if v is not None:
                    return str(v)
            return ''

        return self.build(rec, dict(
            platform=lambda: 'facebook', post_id=lambda: url.split('?')[0].split('/')[-1],
            handle=lambda: self.get(cell, 'User Name').lstrip('@').lower(), published_at=lambda: self.ct_time(cell),
            text=lambda: self.get(cell, 'Message'), url=lambda: url,
            likes=self.count_field(cell, ['Likes', 'Love', 'Wow', 'Haha', 'Sad', 'Angry', 'Care']),
            comments=self.count_field(cell, ['Comments']), shares=self.count_field(cell, ['Shares']),
            saves=lambda: '0', followers=followers,
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('Post Views', self.get(cell, 'Post Views')), exported=ctx['exported'])

    def map_crowdtangle_instagram(self, ctx, cell, rec):
        url = self.get(cell, 'URL')

        def fol():
            v = parse_count(self.get(cell, 'Followers at Posting'), 'Followers at Posting')
            return '' if v is None else str(v)

        return self.build(rec, dict(
            platform=lambda: 'instagram', post_id=lambda: [s for s in url.split('?')[0].split('/') if s][-1],
            handle=lambda: self.get(cell, 'User Name').lstrip('@').lower(), published_at=lambda: self.ct_time(cell),
            text=lambda: self.get(cell, 'Description'), url=lambda: url,
            likes=self.count_field(cell, ['Likes']), comments=self.count_field(cell, ['Comments']),
            shares=lambda: '0', saves=lambda: '0', followers=fol,
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('Views', self.get(cell, 'Views')), exported=ctx['exported'])

    def map_4cat(self, ctx, cell, rec):
        url = self.get(cell, 'tiktok_url', 'url', 'link')

        def platform():
            host = re.match(r'https?://([^/?#]+)', url)
            if host:
                h = host.group(1).lower()
                for suffix, p in HOST_PLATFORM:
                    if h == suffix or h.endswith('.' + suffix):
                        return p
            p = ctx['src'].get('platform', '')
            if not p:
                raise Bad('url', url, 'no platform', canon='')
            return p.lower()

        def pub():
            unix = self.get(cell, 'unix_timestamp')
            if unix:
                return iso(datetime.fromtimestamp(int(unix), UTC))
            raw = self.get(cell, 'timestamp')
            return iso(datetime.strptime(raw, '%Y-%m-%d %H:%M:%S').replace(tzinfo=UTC))

        def comments():
            n = next((n for n in ('comments', 'num_comments', 'reply_count') if n in cell), None)
            if n is None or self.get(cell, n) == '-1':
                return '0'
            return self.count_field(cell, [n])()

        def fol():
            v = parse_count(self.get(cell, 'author_followers'), 'author_followers')
            return '' if v is None else str(v)

        lang = self.get(cell, 'language_guess')
        first = lambda *ns: [next((n for n in ns if n in cell), ns[0])]  # noqa: E731
        plays = self.get(cell, 'plays') if 'plays' in cell else self.get(cell, 'impression_count')
        return self.build(rec, dict(
            platform=platform, post_id=lambda: self.get(cell, 'id'),
            handle=lambda: self.get(cell, 'author').lstrip('@').lower(), published_at=pub,
            text=lambda: self.get(cell, 'body'), url=lambda: url,
            language=lambda: lang.lower() if re.fullmatch(r'[A-Za-z]{2}', lang) else '',
            likes=self.count_field(cell, first('likes', 'num_likes', 'like_count')), comments=comments,
            shares=self.count_field(cell, first('shares', 'retweet_count')), saves=lambda: '0', followers=fol,
            exported_at=lambda: iso(ctx['exported']) if ctx['exported'] else ''),
            view_cell=('plays', plays), exported=ctx['exported'])


# =====================================================================================
# Part 2. The data set
# =====================================================================================

ROSTER = [  # platform, handle, entity_id, entity_name, role, cohort, municipality, language, followers, aliases, host
    ('youtube', 'valtioneuvosto', 'vnk', 'Valtioneuvoston kanslia', 'government', '', '', 'fi', 14820,
     'Statsrådets kansli', 'yes'),
    ('facebook', 'valtioneuvostonkanslia', 'vnk', '', 'government', '', '', 'fi', 88200, '', ''),
    ('x', 'VNK_fi', 'vnk', '', 'government', '', '', 'fi', 121400, '', ''),
    ('facebook', 'thlfi', 'thl', 'Terveyden ja hyvinvoinnin laitos', 'government', '', '', 'fi', 104200,
     'Institutet för hälsa och välfärd', ''),
    ('instagram', 'thl.fi', 'thl', '', 'government', '', '', 'fi', 61200, '', ''),
    ('facebook', 'pormestarilaaksonen', 'kaisa-laaksonen', 'Kaisa Laaksonen', 'mayor', 'core', 'Helsinki', 'fi',
     18450, 'Helsingin pormestari|Helsingfors borgmästare', ''),
    ('facebook', 'anttiheikkilaespoo', 'antti-heikkila', 'Antti Heikkilä', 'mayor', 'core', 'Espoo', 'fi', 9120,
     'Espoon kaupunginjohtaja|Esbo stadsdirektör', ''),
    ('facebook', 'tomasholmvasa', 'tomas-holm', 'Tomas Holm', 'mayor', 'bulletin', 'Vaasa', 'sv', 6030,
     'Vaasan kaupunginjohtaja|Vasa stadsdirektör', ''),
    ('instagram', 'ainovirtanen', 'aino-virtanen', 'Aino Virtanen', 'influencer', 'core', '', 'fi', 48200, '', ''),
    ('tiktok', 'ainovirtanen', 'aino-virtanen', '', 'influencer', 'core', '', 'fi', 15230, '', ''),
    ('tiktok', 'eliaskoski', 'elias-koski', 'Elias Koski', 'influencer', 'core', '', 'fi', 31800, '', ''),
    ('instagram', 'eliaskoski', 'elias-koski', '', 'influencer', 'core', '', 'fi', 22150, '', ''),
    ('instagram', 'sofiaberg', 'sofia-berg', 'Sofia Berg', 'influencer', 'core', '', 'sv', 38415, '', ''),
    ('tiktok', 'sofiaberg', 'sofia-berg', '', 'influencer', 'core', '', 'sv', 12044, '', ''),
    ('tiktok', 'mikkonieminen', 'mikko-nieminen', 'Mikko Nieminen', 'influencer', 'bulletin', '', 'fi', 5120, '',
     ''),
    ('instagram', 'mikko.nieminen', 'mikko-nieminen', '', 'influencer', 'bulletin', '', 'fi', 7480, '', ''),
    ('instagram', 'emmalindqvist', 'emma-lindqvist', 'Emma Lindqvist', 'influencer', 'bulletin', '', 'en', 9900, '',
     ''),
    ('x', 'emmalindqvist', 'emma-lindqvist', '', 'influencer', 'bulletin', '', 'en', 2100, '', ''),
    ('facebook', 'yleuutiset', 'yle', 'Yle Uutiset', 'organisation', '', '', 'fi', 548900, '', ''),
    ('instagram', 'yleuutiset', 'yle', '', 'organisation', '', '', 'fi', 245000, '', ''),
    ('facebook', 'svenskayle', 'svenska-yle', 'Svenska Yle', 'organisation', '', '', 'sv', 95430, '', ''),
]
ACCOUNT_COLS = ('platform', 'handle', 'entity_id', 'entity_name', 'role', 'cohort', 'municipality', 'language',
                'followers', 'aliases', 'host')

BULLETINS = [  # id, sent (local), language, audience, hashtags, links, title
    ('CF-2020-03-16-fi', (2020, 3, 16, 9), 'fi', 40, '#koronafaktat #coronafacts #pesekädet',
     'https://thl.fi/koronavirus', 'Pese kädet – näin se tehdään oikein'),
    ('CF-2020-03-16-sv', (2020, 3, 16, 9), 'sv', 12, '#coronafakta #coronafacts #tvättahänderna',
     'https://thl.fi/sv/koronavirus', 'Tvätta händerna, så gör du rätt'),
    ('CF-2020-03-23-en', (2020, 3, 23, 9), 'en', 8, '#coronafacts #stayhome', 'https://thl.fi/en/coronavirus',
     'Stay home: the facts in English'),
    ('CF-2020-03-30-fi', (2020, 3, 30, 9), 'fi', 40, '#koronafaktat #pysykotona',
     'https://valtioneuvosto.fi/koronafaktat', 'Pysy kotona – myös pääsiäisenä'),
    ('CF-2020-04-14-fi', (2020, 4, 14, 10), 'fi', 42, '#koronafaktat #turvaväli', 'https://thl.fi/koronavirus/turvavalit',
     'Turvaväli kaupassa ja ulkona'),
    ('CF-2020-04-14-sv', (2020, 4, 14, 10), 'sv', 12, '#coronafakta #säkeravstånd',
     'https://thl.fi/sv/koronavirus/avstand', 'Säkert avstånd i butiken och ute'),
    ('CF-2020-04-28-fi', (2020, 4, 28, 10), 'fi', 42, '#koronafaktat #kesäturvallisesti',
     'https://valtioneuvosto.fi/koronafaktat/kesa', 'Kesä turvallisesti'),
    ('CF-2020-04-28-sv', (2020, 4, 28, 10), 'sv', 12, '#coronafakta #säkertsommar',
     'https://valtioneuvosto.fi/sv/coronafakta/sommar', 'En trygg sommar'),
]
BULLETIN_COLS = ('bulletin_id', 'campaign', 'sent_at', 'language', 'audience', 'hashtags', 'links', 'title')

CAMPAIGN = {
    'fi': ['Pese kädet vähintään 20 sekuntia 🧼 Saippua ja vesi ovat paras suoja.',
           'Pysytään kotona, niin suojataan riskiryhmiä ❤️',
           'Turvaväli 2 metriä myös kaupan kassajonossa 🛒',
           'Yskitkö? Yski hihaan, älä käteen.',
           'Soita mummolle tänään 📞 Yhteys pitää, vaikka ei nähdä.',
           'Faktat ennen huhuja: tarkista tieto luotettavasta lähteestä.',
           'Etäkoulu, etätyö ja etäkahvit ☕ Näin meillä jaksetaan, entä teillä?',
           'Oireita? Jää kotiin ja soita terveysasemalle.'],
    'sv': ['Tvätta händerna i minst 20 sekunder 🧼',
           'Stanna hemma om du har symtom, även lindriga.',
           'Håll avstånd – två meter räcker långt 💙',
           'Ring mormor i dag 📞 Vi håller ihop, fast på avstånd.'],
    'en': ['Wash your hands for 20 seconds 🧼 Facts, not fear.',
           'Stay home if you feel even slightly sick.',
           'Keep your distance: two metres, every time 💙'],
}
PLAIN = {
    'fi': ['Aamulenkki tehty 🌅 Miten teidän päivä lähti käyntiin?', 'Uusi video tulossa huomenna, arvatkaa mistä 👀',
           'Kiitos kaikille terveydenhuollon ammattilaisille 💙',
           'Leivoin pullaa ensimmäistä kertaa, ei mennyt ihan putkeen 😂'],
    'sv': ['Söndagspromenad i solen ☀️', 'Tack till all vårdpersonal 💙'],
    'en': ['Sunday walk in the sun ☀️', 'Thank you, health care workers 💙'],
}

PAGE_ID = '105862719488120'


class Post:
    """One planned post (the truth the native rows are written from)."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


class Data:
    def __init__(self):
        self.rng = random.Random(20200316)
        self.scenarios = []        # (key, platform, post_id, entity, reason, what)
        self.bad = []              # (file, what)
        self.bulletins = [dict(bulletin_id=b[0], sent=local(*b[1]), language=b[2], audience=b[3],
                               hashtags=b[4].split(), links=b[5].split(), title=b[6]) for b in BULLETINS]

    # -- text ------------------------------------------------------------------------------
    def bulletin_for(self, lang, t):
        cands = [b for b in self.bulletins if b['language'] == lang and b['sent'] <= t]
        if not cands:
            cands = [b for b in self.bulletins if b['sent'] <= t] or self.bulletins[:1]
        return max(cands, key=lambda b: b['sent'])

    def link_variant(self, link):
        r = self.rng.random()
        if r < 0.25:
            return link + '?utm_source=instagram&utm_medium=social'
        if r < 0.4:
            return link.replace('https://', 'https://www.') + '/'
        return link

    def caption(self, lang, t, campaign=True, with_link=None):
        rng = self.rng
        if not campaign:
            return rng.choice(PLAIN[lang])
        b = self.bulletin_for(lang, t)
        tags = b['hashtags'][:1] + rng.sample(b['hashtags'][1:], k=min(len(b['hashtags']) - 1, rng.choice((0, 1, 1))))
        text = rng.choice(CAMPAIGN[lang]) + ' ' + ' '.join(tags)
        if with_link if with_link is not None else rng.random() < 0.35:
            text += ' ' + self.link_variant(b['links'][0])
        return text

    # -- ids -------------------------------------------------------------------------------
    def yt_id(self, dash=False):
        alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
        s = ''.join(self.rng.choice(alpha + '-_') for _ in range(10))
        return ('-' if dash else self.rng.choice(alpha)) + s

    def shortcode(self, t):
        alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'
        lt = t.astimezone(TZ)     # shortcodes grew through B9.., B-.., B_.. to CA.. in spring 2020
        first = 'B9' if lt.month == 3 else 'B-' if (lt.month, lt.day) < (4, 12) else 'B_' if lt.month == 4 else 'CA'
        return first + ''.join(self.rng.choice(alpha) for _ in range(9))

    def tiktok_id(self, t):
        return str((int(t.timestamp()) << 32) | self.rng.getrandbits(32))

    def snowflake(self, t):
        return str(((int(t.timestamp() * 1000) - 1288834974657) << 22) | self.rng.getrandbits(22))

    def digits(self, n):
        return str(self.rng.randint(1, 9)) + ''.join(str(self.rng.randint(0, 9)) for _ in range(n - 1))

    def counts(self, followers, rate=(0.02, 0.09)):
        r = self.rng
        likes = int(followers * r.uniform(*rate))
        return dict(likes=likes, comments=int(likes * r.uniform(0.02, 0.12)), shares=int(likes * r.uniform(0.01, 0.2)),
                    saves=int(likes * r.uniform(0.0, 0.08)))

    def scenario(self, key, platform, post_id, entity, reason, what):
        self.scenarios.append(dict(key=key, platform=platform, post_id=post_id, entity=entity, reason=reason,
                                   what=what))


def q_min(v):
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


def q_all(v):
    return '"' + str(v).replace('"', '""') + '"'


def q_meta(v, text_col):
    """Meta quotes header names with a space, and text values (see exports.md's real IG sample)."""
    v = str(v)
    if text_col and v != '':
        return '"' + v.replace('"', '""') + '"'
    return q_min(v)


def fmt_day(t):
    lt = t.astimezone(TZ)
    return '%s %d, %d' % (lt.strftime('%b'), lt.day, lt.year)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))


# ------------------------------------------------------------------------------------------------
# The native files. Each builder returns {relative path under exports/: text or bytes}.
# ------------------------------------------------------------------------------------------------

def build_youtube(d):
    rng = d.rng
    videos = [  # published day, title, peak views per day, language
        ((2020, 3, 16), 'Hallituksen tiedotustilaisuus 16.3.2020: Suomi poikkeusoloissa', 2400, 'fi'),
        ((2020, 3, 18), 'Koronafaktat: pese kädet oikein 🧼 #koronafaktat #pesekädet', 1800, 'fi'),
        ((2020, 3, 26), 'Coronafakta på svenska: så skyddar du dig och andra #coronafakta', 420, 'sv'),
        ((2020, 4, 3), 'Helsingin pormestari Kaisa Laaksonen: "Kiitos, helsinkiläiset" #koronafaktat #pysykotona', 950, 'fi'),
        ((2020, 4, 15), 'Coronafacts: why two metres? #coronafacts', 300, 'en'),
        ((2020, 4, 29), 'Vasa stadsdirektör Tomas Holm: en trygg sommar, tillsammans #coronafakta #säkertsommar', 260, 'sv'),
    ]
    ids = [d.yt_id(dash=(i == 1)) for i in range(len(videos))]
    days = [(datetime(2020, 3, 16) + timedelta(days=i)) for i in range(56)]
    series = {}
    table = []
    for vid, (pub, title, peak, lang) in zip(ids, videos):
        pubday = datetime(*pub)
        daily = []
        for day in days:
            age = (day - pubday).days
            daily.append(0 if age < 0 else int(peak * (0.72 ** age)) + rng.randint(0, 9))
        series[vid] = daily
        views = sum(daily)
        likes = int(views * rng.uniform(0.015, 0.04))
        table.append(dict(id=vid, title=title, pub=local(*pub), duration=rng.randint(45, 3600), views=views,
                          watch=round(views * rng.uniform(0.01, 0.05), 4), subs=int(views * rng.uniform(0.002, 0.01)),
                          likes=likes, dislikes=int(likes * rng.uniform(0.01, 0.08)),
                          shares=int(likes * rng.uniform(0.1, 0.5)), comments=int(likes * rng.uniform(0.02, 0.15)),
                          impressions=int(views * rng.uniform(8, 20))))
    table[0]['comments'] = None           # comments turned off: empty cell = 0
    d.scenario('Y1', 'youtube', ids[3], 'kaisa-laaksonen', 'hosted-mention',
               'host channel (host=yes) video naming one mayor by alias and name')
    d.scenario('Y2', 'youtube', ids[5], 'tomas-holm', 'hosted-mention',
               'host channel video naming a mayor by the Swedish alias "Vasa stadsdirektör"')
    d.scenario('Y3', 'youtube', ids[1], 'vnk', 'author',
               'id starting with "-", written with a leading space in both files')
    cols = ['Content', 'Video title', 'Video publish time', 'Duration', 'Views', 'Watch time (hours)', 'Subscribers',
            'Likes', 'Dislikes', 'Shares', 'Comments added', 'Impressions', 'Impressions click-through rate (%)']
    lines = [','.join(cols)]
    tot = lambda k: sum(v[k] or 0 for v in table)  # noqa: E731
    lines.append(','.join(str(x) for x in ['Total', '', '', '', tot('views'), '%.4f' % sum(v['watch'] for v in table),
                                            tot('subs'), tot('likes'), tot('dislikes'), tot('shares'),
                                            tot('comments'), tot('impressions'),
                                            '%.2f' % (100 * tot('views') / tot('impressions'))]))

    def content(vid):
        return ' ' + vid if vid.startswith('-') else vid

    for v in table:
        lines.append(','.join([content(v['id']), q_min(v['title']), q_min(fmt_day(v['pub'])), str(v['duration']),
                               str(v['views']), '%.4f' % v['watch'], str(v['subs']), str(v['likes']),
                               str(v['dislikes']), str(v['shares']),
                               '' if v['comments'] is None else str(v['comments']), str(v['impressions']),
                               '%.2f' % (100 * v['views'] / v['impressions'])]))
    chart = ['Date,Content,Video title,Video publish time,Duration,Views']
    for i, day in enumerate(days):
        for v in table:
            chart.append(','.join([day.strftime('%Y-%m-%d'), content(v['id']), q_min(v['title']),
                                   q_min(fmt_day(v['pub'])), str(v['duration']), str(series[v['id']][i])]))
    return {'valtioneuvosto/Table data.csv': '\n'.join(lines) + '\n',
            'valtioneuvosto/Chart data.csv': '\n'.join(chart) + '\n'}


def build_instagram(d):
    """Two Meta Business Suite exports of @ainovirtanen, 2020-04-15 (posts 03-16..04-15) and 2020-04-22
    (posts 04-01..04-22): the overlap comes again with higher counts."""
    rng = d.rng
    plan = [((2020, 3, 17, 18, 30), 'fi', True, 'IG carousel'), ((2020, 3, 20, 12, 5), 'fi', True, 'IG image'),
            ((2020, 3, 24, 20, 40), 'fi', True, 'IG reel'), ((2020, 3, 28, 10, 15), 'en', True, 'IG image'),
            ((2020, 4, 1, 19, 0), 'fi', True, 'IG carousel'), ((2020, 4, 5, 11, 45), 'fi', False, 'IG image'),
            ((2020, 4, 9, 21, 10), 'fi', True, 'IG reel'), ((2020, 4, 12, 9, 30), 'fi', False, 'IG carousel'),
            ((2020, 4, 14, 17, 20), 'fi', True, 'IG image'), ((2020, 4, 18, 13, 0), 'fi', True, 'IG reel'),
            ((2020, 4, 21, 20, 15), 'fi', True, 'IG carousel')]
    posts = []
    for when, lang, camp, ptype in plan:
        t = local(*when)
        c = d.counts(48200, (0.02, 0.06))
        sc = d.shortcode(t)
        posts.append(Post(t=t, id='178' + d.digits(14), text=d.caption(lang, t, camp), ptype=ptype,
                          url='https://www.instagram.com/%s/%s/' % ('reel' if ptype == 'IG reel' else 'p', sc),
                          duration=rng.randint(12, 59) if ptype == 'IG reel' else 0,
                          views=int(c['likes'] * rng.uniform(4, 9)), reach=int(c['likes'] * rng.uniform(3, 4)),
                          follows=rng.randint(0, 30), **c))
    posts[0].text = 'Pese kädet 20 sekuntia 🧼✨\nVinkki: laula "Paljon onnea vaan" kahdesti. #koronafaktat #pesekädet'
    cols = ['Post ID', 'Account ID', 'Account username', 'Account name', 'Description', 'Duration (sec)',
            'Publish time', 'Permalink', 'Post type', 'Data comment', 'Date', 'Views', 'Reach', 'Likes', 'Shares',
            'Follows', 'Comments', 'Saves']
    text_cols = {'Account name', 'Description', 'Publish time', 'Post type', 'Date'}
    files = {}
    for name, lo, hi, grow in (('IG_export_2020-04-15.csv', local(2020, 3, 16), local(2020, 4, 16), 1.0),
                               ('IG_export_2020-04-22.csv', local(2020, 4, 1), local(2020, 4, 23), None)):
        lines = [','.join(q_all(c) if ' ' in c else c for c in cols)]
        for p in posts:
            if not lo <= p.t < hi:
                continue
            g = grow or (1.0 + 0.08 * max(1, (local(2020, 4, 22) - p.t).days / 7.0) if p.t < local(2020, 4, 16)
                         else 1.0)
            if grow is None and p.t < local(2020, 4, 16) and not any(s['key'] == 'I1' for s in d.scenarios):
                d.scenario('I1', 'instagram', p.id, 'aino-virtanen', 'author',
                           'in both Instagram exports: the 2020-04-22 row (later exported_at, higher counts) is kept')
            vals = {'Post ID': p.id, 'Account ID': '17841400123456789', 'Account username': 'ainovirtanen',
                    'Account name': 'Aino Virtanen', 'Description': p.text, 'Duration (sec)': p.duration,
                    'Publish time': p.t.astimezone(TZ).strftime('%m/%d/%Y %H:%M'), 'Permalink': p.url,
                    'Post type': p.ptype, 'Data comment': '', 'Date': 'Lifetime', 'Views': int(p.views * g),
                    'Reach': int(p.reach * g), 'Likes': int(p.likes * g), 'Shares': int(p.shares * g),
                    'Follows': p.follows, 'Comments': int(p.comments * g), 'Saves': int(p.saves * g)}
            if name.endswith('04-15.csv') and p is posts[1]:
                vals['Likes'] = '12a'
                d.bad.append((name, 'Likes is `12a`', 'a count that is not a number: the whole native row (posts '
                                                      'and views) is rejected, table posts'))
            lines.append(','.join(q_meta(vals[c], c in text_cols) for c in cols))
        files[name] = '\ufeff' + '\n'.join(lines) + '\n'
    return files


def build_facebook(d):
    rng = d.rng
    plan = [((2020, 3, 16, 19, 45), 'fi', 'fi', True, 'Links'), ((2020, 3, 19, 11, 30), 'sv', 'sv', True, 'Photos'),
            ((2020, 3, 24, 15, 0), 'en', 'en', True, 'Videos'), ((2020, 3, 31, 10, 10), 'fi', 'fi', True, 'Links'),
            ((2020, 4, 4, 18, 0), 'fi', '', False, 'Photos'), ((2020, 4, 9, 16, 20), 'fi', 'fi', True, 'Links'),
            ((2020, 4, 15, 12, 0), 'sv', 'sv', True, 'Photos'), ((2020, 4, 22, 9, 30), 'fi', '', True, 'Videos'),
            ((2020, 4, 29, 14, 45), 'fi', 'fi', True, 'Links'), ((2020, 5, 6, 17, 0), 'sv', 'sv', True, 'Photos')]
    cols = ['Post ID', 'Page ID', 'Page name', 'Title', 'Description', 'Duration (sec)', 'Publish time',
            'Caption type', 'Permalink', 'Is crosspost', 'Is share', 'Post type', 'Languages', 'Custom labels',
            'Funded content status', 'Data comment', 'Date', 'Views', 'Reach', 'Reactions, Comments and Shares',
            'Reactions', 'Comments', 'Shares', 'Total clicks', 'Other Clicks',
            'Matched Audience Targeting Consumption (Photo Click)']
    text_cols = {'Page name', 'Title', 'Description', 'Publish time', 'Caption type', 'Is crosspost', 'Is share',
                 'Post type', 'Date'}
    lines = [','.join(q_all(c) if ' ' in c else c for c in cols)]
    for i, (when, lang, langcell, camp, ptype) in enumerate(plan):
        t = local(*when)
        c = d.counts(88200, (0.005, 0.02))
        text = d.caption(lang, t, camp, with_link=(ptype == 'Links'))
        pid = PAGE_ID + '_' + d.digits(16)
        if i == 3:
            text = ('Kysymyksiä ja vastauksia poikkeusoloista, päivitetty 31.3.: '
                    'https://valtioneuvosto.fi/koronafaktat?utm_source=facebook&utm_medium=social&fbclid=IwAR3kQx9')
            d.scenario('F1', 'facebook', pid, 'vnk', 'author',
                       'campaign post only by its link (utm_* and fbclid dropped), bulletin CF-2020-03-30-fi')
        title, desc = text, ''
        if ptype == 'Videos':
            title, desc = '', text       # video posts: caption in Description, Title empty
        token = 'pfbid0' + ''.join(rng.choice('123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz')
                                   for _ in range(48)) + 'l'
        views = int(c['likes'] * rng.uniform(15, 40))
        vals = {'Post ID': pid, 'Page ID': PAGE_ID, 'Page name': 'Valtioneuvoston kanslia', 'Title': title,
                'Description': desc, 'Duration (sec)': rng.randint(30, 240) if ptype == 'Videos' else 0,
                'Publish time': t.astimezone(TZ).strftime('%m/%d/%Y %H:%M'), 'Caption type': 'N/A',
                'Permalink': 'https://www.facebook.com/%s/%s/%s' % (PAGE_ID, 'videos' if ptype == 'Videos' else 'posts',
                                                                     token),
                'Is crosspost': 'No', 'Is share': 'No', 'Post type': ptype, 'Languages': langcell,
                'Custom labels': '', 'Funded content status': '', 'Data comment': '', 'Date': 'Lifetime',
                'Views': views, 'Reach': int(views * 0.8),
                'Reactions, Comments and Shares': c['likes'] + c['comments'] + c['shares'],
                'Reactions': c['likes'], 'Comments': c['comments'], 'Shares': c['shares'],
                'Total clicks': int(views * 0.1), 'Other Clicks': int(views * 0.06),
                'Matched Audience Targeting Consumption (Photo Click)': int(views * 0.02) if ptype == 'Photos' else 0}
        lines.append(','.join(q_meta(vals[c_], c_ in text_cols) for c_ in cols))
    return {'Valtioneuvoston kanslia Mar-16-2020_May-10-2020.csv': '\ufeff' + '\n'.join(lines) + '\n'}


def build_tiktok(d):
    rng = d.rng
    plan = [((2020, 3, 19, 17, 42), 'fi', True), ((2020, 3, 25, 20, 15), 'fi', False),
            ((2020, 4, 2, 16, 4), 'en', True), ((2020, 4, 8, 19, 30), 'fi', True),
            ((2020, 4, 15, 15, 12), 'fi', True), ((2020, 4, 22, 18, 0), 'sv', True),
            ((2020, 4, 29, 12, 30), 'fi', True), ((2020, 5, 6, 21, 5), 'fi', False)]
    lines = ['"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares",'
             '"Total views"']
    for i, (when, lang, camp) in enumerate(plan):
        t = local(*when, rng.randint(0, 59))
        c = d.counts(31800, (0.03, 0.12))
        views = int(c['likes'] * rng.uniform(6, 14))
        vid = d.tiktok_id(t)
        link = 'https://www.tiktok.com/@eliaskoski/video/' + vid
        text = d.caption(lang, t, camp, with_link=False)
        if i == 2:
            views = 12500
            d.scenario('T1', 'tiktok', vid, 'elias-koski', 'author', 'Total views written "12.5K" (= 12500)')
        if i == 1:
            link = ''
            d.bad.append(('tiktok-studio/Content.csv', 'empty `Video link` (a deleted video)',
                          'no post id (and so no handle or publish time) can be derived: rejected in posts'))
        lt = t.astimezone(TZ)
        lines.append(','.join(q_all(x) for x in [
            'May 10', text, link, '%s %d' % (lt.strftime('%B'), lt.day), c['likes'], c['comments'], c['shares'],
            '12.5K' if views == 12500 else views]))
    return {'tiktok-studio/Content.csv': '\n'.join(lines) + '\n'}


def build_x(d):
    rng = d.rng
    plan = [((2020, 3, 16, 11, 32), 'fi', True), ((2020, 3, 18, 9, 5), 'sv', True), ((2020, 3, 20, 15, 5), 'fi', True),
            ((2020, 3, 23, 12, 0), 'en', True), ((2020, 3, 27, 8, 40), 'fi', False), ((2020, 3, 30, 10, 0), 'fi', True),
            ((2020, 4, 3, 18, 45), 'fi', True), ((2020, 4, 9, 8, 15), 'fi', True), ((2020, 4, 14, 13, 30), 'sv', True),
            ((2020, 4, 20, 10, 0), 'fi', False), ((2020, 4, 28, 12, 10), 'fi', True), ((2020, 5, 8, 9, 0), 'sv', True)]
    cols = ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', 'impressions', 'engagements', 'engagement rate',
            'retweets', 'replies', 'likes', 'user profile clicks', 'url clicks', 'hashtag clicks', 'detail expands',
            'permalink clicks', 'app opens', 'app installs', 'follows', 'email tweet', 'dial phone', 'media views',
            'media engagements'] + ['promoted ' + c for c in (
                'impressions', 'engagements', 'engagement rate', 'retweets', 'replies', 'likes', 'user profile clicks',
                'url clicks', 'hashtag clicks', 'detail expands', 'permalink clicks', 'app opens', 'app installs',
                'follows', 'email tweet', 'dial phone', 'media views', 'media engagements')]
    lines = [','.join(q_all(c) for c in cols)]
    for i, (when, lang, camp) in enumerate(plan):
        t = local(*when)
        c = d.counts(121400, (0.003, 0.02))
        text = d.caption(lang, t, camp)
        if i == 2:
            text = 'Muista nämä:\n1) pese kädet\n2) yski hihaan\n3) pidä 2 metrin turvaväli\n#koronafaktat'
        tid = d.snowflake(t + timedelta(seconds=rng.randint(0, 59)))
        imp = int(c['likes'] * rng.uniform(25, 60))
        other = [rng.randint(0, 400) for _ in range(6)]
        eng = c['likes'] + c['comments'] + c['shares'] + sum(other)
        f1 = lambda n: '%d.0' % n  # noqa: E731
        cells = [tid, 'https://twitter.com/VNK_fi/status/' + tid, text, t.strftime('%Y-%m-%d %H:%M +0000'), f1(imp),
                 f1(eng), repr(eng / imp), f1(c['shares']), f1(c['comments']), f1(c['likes'])] + \
                [f1(x) for x in other[:5]] + ['0', '0', f1(other[5]), '0', '0', '0', '0'] + ['-'] * 18
        lines.append(','.join(q_all(x) for x in cells))
    return {'tweet_activity_metrics_VNK_fi_20200316_20200510_en.csv': '\n'.join(lines) + '\n'}


CT_FB_COLS = ['Page Name', 'User Name', 'Facebook Id', 'Page Category', 'Page Admin Top Country', 'Page Description',
              'Page Created', 'Likes at Posting', 'Followers at Posting', 'Post Created', 'Post Created Date',
              'Post Created Time', 'Type', 'Total Interactions', 'Likes', 'Comments', 'Shares', 'Love', 'Wow', 'Haha',
              'Sad', 'Angry', 'Care', 'Video Share Status', 'Is Video Owner?', 'Post Views', 'Total Views',
              'Total Views For All Crossposts', 'Video Length', 'URL', 'Message', 'Link', 'Final Link', 'Image Text',
              'Link Text', 'Description', 'Sponsor Id', 'Sponsor Name', 'Sponsor Category',
              'Overperforming Score (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x '
              'Angry 1x Care 1x )']
CT_IG_COLS = ['Account', 'User Name', 'Followers at Posting', 'Post Created', 'Post Created Date', 'Post Created Time',
              'Type', 'Total Interactions', 'Likes', 'Comments', 'Views', 'URL', 'Link', 'Photo', 'Title',
              'Description', 'Image Text', 'Sponsor Id', 'Sponsor Name',
              'Overperforming Score (weighted  —  Likes 1x Comments 1x )']


def ct_created(t):
    lt = t.astimezone(TZ)
    return lt.strftime('%Y-%m-%d %H:%M:%S ') + ('EEST' if lt.utcoffset() == timedelta(hours=3) else 'EET')


def build_crowdtangle(d):
    rng = d.rng
    pages = {  # user name: (page name, facebook id, category, followers)
        'thlfi': ('THL', '138011129572853', 'GOVERNMENT_ORGANIZATION', 104200),
        'pormestarilaaksonen': ('Kaisa Laaksonen', '1850329618510327', 'POLITICIAN', 18450),
        'anttiheikkilaespoo': ('Antti Heikkilä', '2011554332198452', 'POLITICIAN', 9120),
        'tomasholmvasa': ('Tomas Holm', '1674223019988120', 'POLITICIAN', 6030),
        'yleuutiset': ('Yle Uutiset', '103218146446015', 'MEDIA_NEWS_COMPANY', 548900),
        'svenskayle': ('Svenska Yle', '107823095904118', 'MEDIA_NEWS_COMPANY', 95430),
        'helsinginuutiset': ('Helsingin Uutiset', '141532299232511', 'NEWSPAPER', 22741),
        'vasabladet': ('Vasabladet', '120359341325770', 'NEWSPAPER', 31020),
    }
    fb_plan = [  # user, when, lang, campaign, type, special text
        ('thlfi', (2020, 3, 16, 13, 20, 5), 'fi', True, 'Link', None),
        ('thlfi', (2020, 4, 2, 10, 0, 0), 'fi', True, 'Photo', None),
        ('thlfi', (2020, 4, 28, 15, 30, 40), 'fi', True, 'Link', None),
        ('pormestarilaaksonen', (2020, 3, 29, 18, 30, 0), 'fi', True, 'Native Video',
         'Hyvät helsinkiläiset,\ntämä viikko on ollut raskas. Kiitos, että pysytte kotona ❤️ #pysykotona #koronafaktat'),
        ('pormestarilaaksonen', (2020, 4, 24, 12, 0, 0), 'fi', False, 'Photo', None),
        ('anttiheikkilaespoo', (2020, 3, 17, 16, 45, 12), 'fi', True, 'Photo', None),
        ('anttiheikkilaespoo', (2020, 4, 15, 9, 10, 0), 'fi', True, 'Native Video', None),
        ('tomasholmvasa', (2020, 3, 20, 14, 0, 0), 'sv', True, 'Photo', None),
        ('tomasholmvasa', (2020, 4, 30, 11, 25, 31), 'sv', True, 'Link', None),
        ('yleuutiset', (2020, 4, 1, 7, 15, 42), 'fi', False, 'Link',
         '"Ulkoilu on sallittua, kunhan pidät turvavälin" – näin poikkeusolot vaikuttavat pääsiäiseen '
         'https://yle.fi/a/3-11287654'),
        ('yleuutiset', (2020, 5, 4, 8, 0, 0), 'fi', True, 'Link', None),
        ('svenskayle', (2020, 3, 23, 19, 0, 0), 'sv', True, 'Native Video', None),
        ('svenskayle', (2020, 4, 16, 20, 0, 0), 'sv', True, 'Native Video', None),
        ('helsinginuutiset', (2020, 3, 24, 7, 45, 10), 'fi', False, 'Photo',
         'Helsingin pormestari: "Kaupunki ei jätä ketään yksin." Koko haastattelu lehdessä.'),
        ('helsinginuutiset', (2020, 4, 7, 6, 30, 0), 'fi', False, 'Link',
         'Helsingin pormestari ja Espoon kaupunginjohtaja yhdessä: pääkaupunkiseudun rajat pysyvät kiinni.'),
        ('vasabladet', (2020, 4, 20, 17, 5, 9), 'sv', False, 'Link',
         'Vasa stadsdirektör: "Vi klarar det här tillsammans." Läs intervjun på vbl.fi'),
    ]
    lines = [','.join(q_min(c) for c in CT_FB_COLS)]
    for user, when, lang, camp, typ, special in fb_plan:
        t = local(*when)
        page, fbid, cat, fol = pages[user]
        c = d.counts(fol, (0.005, 0.03))
        react = [int(c['likes'] * x) for x in (0.7, 0.12, 0.02, 0.01, 0.08, 0.01)]
        care = int(c['likes'] * 0.06) if t >= local(2020, 4, 17) else 0
        react.append(care)
        text = special or d.caption(lang, t, camp)
        pid = d.digits(16)
        video = typ == 'Native Video'
        url = 'https://www.facebook.com/%s/%s/%s' % (user, 'videos' if video else 'posts', pid)
        pv = int(fol * rng.uniform(0.05, 0.3)) if video else 0
        link = re.search(r'https?://\S+', text)
        ti = sum(react) + c['comments'] + c['shares']
        lap = int(fol * 0.93)
        fap = '' if user == 'pormestarilaaksonen' else fol
        vals = [page, user, fbid, cat, 'FI', '', '2012-05-03 10:00:00', lap, fap, ct_created(t), ct_created(t)[:10],
                ct_created(t)[11:19], typ, '{:,}'.format(ti), react[0], c['comments'], c['shares']] + react[1:] + [
                    'owned' if video else '', 'Yes' if video else '-', pv, int(pv * 1.08), int(pv * 1.08),
                    '00:0%d:%02d' % (rng.randint(0, 4), rng.randint(0, 59)) if video else '', url, text,
                    link.group(0) if link else '', link.group(0) if link else '', '', '', '', '', '', '',
                    '%.2f' % rng.uniform(-3, 4)]
        lines.append(','.join(q_min(v) for v in vals))
        if user == 'helsinginuutiset' and 'Espoon' not in text:
            d.scenario('C1', 'facebook', pid, 'kaisa-laaksonen', 'mention',
                       'non-roster page naming a mayor by alias "Helsingin pormestari"')
        elif user == 'helsinginuutiset':
            d.scenario('C2', 'facebook', pid, UNATTRIBUTED, 'ambiguous', 'non-roster page naming two mayors')
        elif user == 'vasabladet':
            d.scenario('C3', 'facebook', pid, 'tomas-holm', 'mention',
                       'non-roster page naming a mayor by the Swedish alias')
        elif user == 'pormestarilaaksonen' and video:
            d.scenario('C4', 'facebook', pid, 'kaisa-laaksonen', 'author',
                       'empty "Followers at Posting": followers from "Likes at Posting"; EEST after the DST change')
    fb_name = 'crowdtangle/2020-05-10-21-40-07-EEST-Historical-Report-Koronafaktat-FB-2020-03-16--2020-05-10.csv'

    ig_accounts = {'thl.fi': ('THL', 61200), 'eliaskoski': ('Elias Koski', 22150), 'sofiaberg': ('Sofia Berg', 38415),
                   'mikko.nieminen': ('Mikko Nieminen', 7480), 'emmalindqvist': ('Emma Lindqvist', 9900),
                   'yleuutiset': ('Yle Uutiset', 245000), 'vartti.helsinki': ('Vartti Helsinki', 8120)}
    ig_plan = [('thl.fi', (2020, 3, 16, 15, 0, 0), 'fi', True, 'Album', None),
               ('thl.fi', (2020, 3, 31, 12, 0, 0), 'fi', True, 'Photo', None),
               ('thl.fi', (2020, 4, 29, 12, 0, 0), 'fi', True, 'Album', None),
               ('eliaskoski', (2020, 3, 21, 19, 12, 44), 'fi', True, 'Video', None),
               ('eliaskoski', (2020, 4, 16, 18, 2, 10), 'fi', False, 'Photo', None),
               ('sofiaberg', (2020, 3, 16, 20, 12, 9), 'sv', True, 'Photo',
                'Tvätta händerna 🧼 minst 20 sekunder, varje gång.\nTack för att ni delar! #coronafakta #tvättahänderna'),
               ('sofiaberg', (2020, 4, 14, 19, 40, 0), 'sv', True, 'Video', None),
               ('sofiaberg', (2020, 5, 1, 12, 0, 0), 'sv', True, 'Photo', None),
               ('mikko.nieminen', (2020, 3, 31, 16, 20, 0), 'fi', True, 'Photo', None),
               ('mikko.nieminen', (2020, 4, 29, 20, 0, 0), 'fi', True, 'Photo', None),
               ('emmalindqvist', (2020, 3, 24, 10, 30, 0), 'en', True, 'Photo', None),
               ('emmalindqvist', (2020, 4, 19, 14, 0, 0), 'en', False, 'Video', None),
               ('yleuutiset', (2020, 4, 10, 7, 30, 0), 'fi', False, 'Photo',
                '"Pysy kotona pääsiäisenä" – näin suomalaiset viettivät pyhiä. Linkki biossa.'),
               ('vartti.helsinki', (2020, 4, 24, 19, 2, 55), 'fi', True, 'Photo',
                'Kiitos @sofiaberg vinkeistä! 💛 #koronafaktat')]
    lines_ig = [','.join(q_min(c) for c in CT_IG_COLS)]
    for user, when, lang, camp, typ, special in ig_plan:
        t = local(*when)
        name, fol = ig_accounts[user]
        c = d.counts(fol, (0.02, 0.08))
        text = special or d.caption(lang, t, camp)
        sc = d.shortcode(t)
        url = 'https://www.instagram.com/%s/%s/' % ('tv' if typ == 'Video' else 'p', sc)
        views = int(c['likes'] * rng.uniform(5, 12)) if typ == 'Video' else 0
        vals = [name, user, fol, ct_created(t), ct_created(t)[:10], ct_created(t)[11:19], typ,
                '{:,}'.format(c['likes'] + c['comments']), c['likes'], c['comments'], views, url, url,
                'https://scontent-hel2-1.cdninstagram.com/v/t51.2885-15/e35/%s_n.jpg' % sc, '', text, '', '', '',
                '%.2f' % rng.uniform(-2, 3)]
        lines_ig.append(','.join(q_min(v) for v in vals))
        if user == 'vartti.helsinki':
            d.scenario('G1', 'instagram', sc, 'sofia-berg', 'mention', 'non-roster account mentioning @sofiaberg')
        if user == 'sofiaberg' and special:
            d.scenario('G2', 'instagram', sc, 'sofia-berg', 'author',
                       'Swedish caption with a line break; campaign post of bulletin CF-2020-03-16-sv')
    ig_name = 'crowdtangle/2020-05-10-21-44-51-EEST-Historical-Report-Koronafaktat-IG-2020-03-16--2020-05-10.csv'
    return {fb_name: '\n'.join(lines) + '\n', ig_name: '\n'.join(lines_ig) + '\n'}


def build_4cat(d):
    rng = d.rng
    cols = ['id', 'thread_id', 'author', 'author_full', 'author_followers', 'author_likes', 'author_videos',
            'author_avatar', 'body', 'timestamp', 'unix_timestamp', 'is_duet', 'is_ad', 'music_name', 'music_id',
            'music_url', 'music_thumbnail', 'music_author', 'video_url', 'tiktok_url', 'thumbnail_url', 'likes',
            'comments', 'shares', 'plays', 'hashtags', 'challenges', 'diversification_labels', 'location_created',
            'stickers', 'effects', 'warning']
    authors = {'ainovirtanen': ('Aino Virtanen', 15230), 'sofiaberg': ('Sofia Berg', 12044),
               'mikkonieminen': ('Mikko Nieminen', 5120), 'lukiolainen_jenna': ('Jenna ✨', 2210),
               'hyvis.tiktok': ('Hyvis', 40300), 'kotikokki.veera': ('Veera | kotikokki', 8830),
               'ville_vlogaa': ('Ville', 3920), 'tampereen.tiina': ('Tiina', 1800)}
    plan = [('ainovirtanen', (2020, 3, 24, 18, 3, 11), 'fi', True, None),
            ('ainovirtanen', (2020, 4, 6, 20, 30, 0), 'fi', False, None),
            ('ainovirtanen', (2020, 4, 30, 17, 45, 0), 'fi', True, None),
            ('sofiaberg', (2020, 4, 5, 21, 9, 30), 'sv', True,
             'Håll avstånd, även i kön till mataffären 🛒\n#coronafakta #säkeravstånd'),
            ('sofiaberg', (2020, 4, 29, 19, 0, 0), 'sv', True, None),
            ('mikkonieminen', (2020, 3, 31, 15, 0, 0), 'fi', True, None),
            ('mikkonieminen', (2020, 4, 28, 18, 20, 45), 'fi', True, None),
            ('lukiolainen_jenna', (2020, 3, 31, 12, 47, 59), 'fi', True,
             'Etäkoulun 1. viikko: selvitty 😅 kiitti @eliaskoski vinkeistä #etäkoulu #koronafaktat'),
            ('hyvis.tiktok', (2020, 4, 3, 16, 0, 0), 'fi', True,
             'Duetto @eliaskoski ja @sofiaberg kanssa 🧼🎶 #pesekädet #koronafaktat'),
            ('kotikokki.veera', (2020, 4, 17, 9, 58, 4), 'fi', False,
             'Leivotaan karanteenipullaa 🥐 "kun ei voi mennä kahvilaan"'),
            ('ville_vlogaa', (2020, 4, 21, 13, 14, 0), 'fi', True,
             '@ainovirtanen haastoi, pakko osallistua 😂 #koronafaktat #turvaväli'),
            ('tampereen.tiina', (2020, 5, 2, 11, 0, 0), 'fi', False, 'Vappupiknik olohuoneessa 🎈')]
    buf = io.StringIO()
    w = csv.writer(buf)                        # 4CAT writes with Python csv: minimal quoting, CRLF
    w.writerow(cols)
    for user, when, lang, camp, special in plan:
        t = local(*when)
        full, fol = authors[user]
        c = d.counts(fol, (0.05, 0.25))
        text = special or d.caption(lang, t, camp, with_link=False)
        vid = d.tiktok_id(t)
        mid = '68' + d.digits(17)
        tags = ','.join(re.findall(r'#(\w+)', text))
        plays = int(c['likes'] * rng.uniform(6, 15))
        w.writerow([vid, vid, user, full, fol, fol * rng.randint(8, 30), rng.randint(20, 300),
                    'https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/%s~c5_720x720.jpeg' % user, text,
                    t.astimezone(UTC).strftime('%Y-%m-%d %H:%M:%S'), int(t.timestamp()), 'no', 'no',
                    rng.choice(('alkuperäinen ääni', 'original sound')), mid,
                    'https://sf16-ies-music-va.tiktokcdn.com/obj/musically-maliva-obj/%s.mp3' % mid,
                    'https://p16-sign-va.tiktokcdn.com/music/%s.jpeg' % mid, full,
                    'https://v16-webapp.tiktok.com/%s/video/tos/alisg/' % vid,
                    'https://www.tiktok.com/@%s/video/%s' % (user, vid),
                    'https://p16-sign-va.tiktokcdn.com/obj/tos-maliva-p-0068/%s.jpeg' % vid,
                    c['likes'], c['comments'], c['shares'], plays, tags, tags,
                    rng.choice(('Lifestyle', 'Education', 'Food & Drink')), 'FI', '', '', ''])
        key = {'lukiolainen_jenna': ('K1', 'elias-koski', 'mention', 'non-roster TikTok author mentioning @eliaskoski'),
               'hyvis.tiktok': ('K2', UNATTRIBUTED, 'ambiguous', 'mentions @eliaskoski and @sofiaberg'),
               'kotikokki.veera': ('K3', UNATTRIBUTED, 'none', 'non-roster author, no mention'),
               'ville_vlogaa': ('K4', 'aino-virtanen', 'mention', 'text starts with "@ainovirtanen"')}.get(user)
        if key:
            d.scenario(key[0], 'tiktok', vid, key[1], key[2], key[3])
    return {'4cat/tiktok-koronafaktat-zeeschuimer-9c4e2b.csv': buf.getvalue()}


SOURCES = ('pattern,platform,handle,exported_at\n'
           'valtioneuvosto/*.csv,youtube,,2020-05-10T23:59:59+03:00\n'
           'tiktok-studio/Content.csv,tiktok,,2020-05-10T20:30:00+03:00\n'
           'Valtioneuvoston kanslia*.csv,facebook,,2020-05-10T22:05:00+03:00\n'
           '4cat/*.csv,tiktok,,2020-05-10T19:00:00+03:00\n')


# =====================================================================================
# Part 3. Writing both folders
# =====================================================================================

def canon_csv(cols, rows):
    return ','.join(cols) + '\n' + ''.join(','.join(q_min(r.get(c, '')) for c in cols) + '\n' for r in rows)


def clean(folder):
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)


def roster_csv():
    out = [','.join(ACCOUNT_COLS)]
    for r in ROSTER:
        out.append(','.join(q_min(x) for x in r))
    return '\n'.join(out) + '\n'


def bulletins_csv(d):
    out = [','.join(BULLETIN_COLS)]
    for b in d.bulletins:
        out.append(','.join(q_min(x) for x in (b['bulletin_id'], 'coronafacts', b['sent'].astimezone(TZ).isoformat(),
                                                b['language'], b['audience'], ' '.join(b['hashtags']),
                                                ' '.join(b['links']), b['title'])))
    return '\n'.join(out) + '\n'


def build():
    d = Data()
    files = {}
    for builder in (build_youtube, build_instagram, build_facebook, build_tiktok, build_x, build_crowdtangle,
                    build_4cat):
        files.update(builder(d))
    clean(NATIVE)
    clean(CANON)
    for rel, data in files.items():
        write(os.path.join(NATIVE, 'exports', *rel.split('/')), data)
    write(os.path.join(NATIVE, 'exports', 'sources.csv'), SOURCES)
    for folder in (NATIVE, CANON):
        write(os.path.join(folder, 'accounts.csv'), roster_csv())
        write(os.path.join(folder, 'bulletins.csv'), bulletins_csv(d))

    prof = Profiles(os.path.join(NATIVE, 'exports'))
    posts, views, rejects, canon_bad = [], [], [], []
    for f in prof.files:
        for r in f['rows']:
            if r.skipped:
                continue
            if r.post is not None:
                posts.append(r.post)
                if r.error:
                    rejects.append(dict(file='exports/' + f['rel'], line=r.line, profile=f['profile'],
                                        reason='%s: %s' % (f['profile'], r.error)))
                    canon_bad.append((len(posts), r.error))
            if r.view is not None:
                views.append(r.view)
    write(os.path.join(CANON, 'posts.csv'), canon_csv(POSTS_COLS, posts))
    write(os.path.join(CANON, 'views.csv'), canon_csv(VIEWS_COLS, views))
    recs = ExportFile(os.path.join(CANON, 'posts.csv')).recs
    canon_bad = [(recs[n].line, e) for n, e in canon_bad]     # physical line of the n-th record (header = 0)
    return d, prof, posts, views, rejects, canon_bad


def check(d, prof, rejects, ref):
    assert len(rejects) == len(d.bad) == 2, rejects
    assert sorted(r['table'] for r in ref.rejects) == ['posts', 'posts'], ref.rejects
    for s in d.scenarios:
        r = ref.result[(s['platform'], s['post_id'])]
        assert (r['entity_id'], r['reason']) == (s['entity'], s['reason']), (s, r['entity_id'], r['reason'])
    # the kept Instagram duplicate is the later export
    i1 = next(s for s in d.scenarios if s['key'] == 'I1')
    assert ref.posts[('instagram', i1['post_id'])]['exported'] == local(2020, 4, 22, 23, 59, 59)
    f1 = ref.result[('facebook', next(s for s in d.scenarios if s['key'] == 'F1')['post_id'])]
    assert f1['campaign'] and f1['bulletin_id'] == 'CF-2020-03-30-fi', f1
    g2 = ref.result[('instagram', next(s for s in d.scenarios if s['key'] == 'G2')['post_id'])]
    assert g2['bulletin_id'] == 'CF-2020-03-16-sv', g2
    assert not ref.orphans, ref.orphans
    n = ref.stats['posts']['rows_read']
    assert 60 <= n <= 120, n


# ------------------------------------------------------------------------------------------------
# READMEs
# ------------------------------------------------------------------------------------------------

def facts_md(ref):
    f = ref.facts()
    t = f['totals']
    out = ['| table | rows read | accepted | rejected | duplicates |', '|---|---|---|---|---|']
    for tab in ('accounts', 'posts', 'views', 'bulletins'):
        s = f['tables'][tab]
        out.append('| %s | %d | %d | %d | %d |' % (tab, s['rows_read'], s['accepted'], s['rejected'], s['duplicates']))
    out += ['', '- accepted, de-duplicated posts: **%d**, of which campaign posts %d (%d credited to a bulletin)' % (
        t['posts'], t['campaign_posts'], t['campaign_posts_with_bulletin']),
        '- total engagement: **%d** = likes %d + comments %d + shares %d + saves %d' % (
            t['engagement'], t['likes'], t['comments'], t['shares'], t['saves']),
        '- total credited views: **%d**; orphan views: %d' % (t['credited_views'], t['orphan_views']),
        '- posts by attribution reason: ' + ', '.join('%s %d' % kv for kv in t['posts_by_reason'].items()),
        '- output rows: ' + ', '.join('%s %d' % kv for kv in f['output_row_counts'].items()
                                      if kv[0] != 'channel_growth'), '']
    out.append(md_table(['bulletin_id', 'sent_at', 'adopters', 'posts', 'engagement', 'views'],
                        [[b['bulletin_id'], b['sent_at'], b['adopters'], b['posts'], b['engagement'], b['views']]
                         for b in f['bulletin_uptake']]))
    return '\n'.join(out)


def scenarios_md(d, ref):
    rows = []
    for s in sorted(d.scenarios, key=lambda s: s['key']):
        r = ref.result[(s['platform'], s['post_id'])]
        rows.append([s['key'], s['platform'], '`%s`' % s['post_id'], r['week'], r['entity_id'], r['reason'],
                     str(r['campaign']).lower(), r['bulletin_id'], r['engagement'], r['views'], s['what']])
    return md_table(['id', 'platform', 'post_id', 'week', 'entity_id', 'reason', 'campaign', 'bulletin_id',
                     'engagement', 'views', 'what it shows'], rows)


def native_readme(d, prof, rejects, ref):
    files = []
    for f in prof.files:
        n_posts = sum(1 for r in f['rows'] if r.post is not None)
        n_views = sum(1 for r in f['rows'] if r.view is not None)
        files.append(['`exports/%s`' % f['rel'], f['profile'], n_posts, n_views,
                      iso(f['exported']) if f['exported'] else '(per row)'])
    bad = md_table(['file', 'line', 'profile', 'table', 'what is wrong', 'expected'],
                   [['`%s`' % r['file'], r['line'], r['profile'], 'posts', b[1], b[2]]
                    for r, b in zip(rejects, d.bad)])
    return NATIVE_README.format(
        files=md_table(['file', 'profile', 'posts rows', 'views rows', 'exported_at used'], files),
        bad=bad, scenarios=scenarios_md(d, ref), facts=facts_md(ref))


def canon_readme(d, canon_bad, ref):
    bad = md_table(['file', 'line', 'table', 'reason kind', 'native row it stands for'],
                   [['posts.csv', line, 'posts', 'missing required field' if e.canon == '' else
                     'not a non-negative integer', '%s in %s' % (b[1], b[0])]
                    for (line, e), b in zip(canon_bad, d.bad)])
    return CANON_README.format(bad=bad, facts=facts_md(ref))


NATIVE_README = """# testdata/exports-mix

The Finnish #koronafaktat / #coronafacts campaign of spring 2020 (2020-03-16 .. 2020-05-10, ISO weeks
2020-W12 .. 2020-W19) given **only as native platform exports**, plus the roster and the bulletins. The
same data in canonical form is `../exports-mix-canonical/`: running the report on both folders must give
identical `entities_weekly.csv`, `platforms_weekly.csv`, `bulletin_uptake.csv` and `posts_attributed.csv`.
Each export is read by the profile of `runbooks/export-formats.md` named below.

Helsinki switches to summer time on 2020-03-29 (+02:00 -> +03:00), inside the period.

## Run it

```
--input=testdata/exports-mix --timezone=Europe/Helsinki
```

Every other option at its default. Local times in the exports (Meta `Publish time`, YouTube dates,
sources.csv-less file-name dates) are read in `--timezone`; with the default UTC the weeks shift.

## Files

`accounts.csv` (21 accounts of 12 entities on youtube, instagram, facebook, tiktok and x) and
`bulletins.csv` (8 bulletins, fi/sv/en) are canonical and identical to the canonical folder's. There is no
`posts*.csv` or `views*.csv`: every post and view comes from `exports/`.

{files}

`exports/sources.csv` gives what a file lacks: the export instant of the YouTube, TikTok Studio, Meta
Facebook and 4CAT files (their names carry no date) and the platform of the 4CAT file (also in its URLs).
Its YouTube line leaves `handle` empty on purpose: the handle `valtioneuvosto` comes from the folder name.
The other files take exported_at from the last date in their name (23:59:59 local): the Instagram exports
2020-04-15 and 2020-04-22, the X file `..._20200316_20200510_en.csv`, the CrowdTangle files
(`2020-05-10-21-40-07-EEST-...-2020-03-16--2020-05-10.csv`: the range end, not the download time).

## What each file exercises

| feature | where |
|---|---|
| `Total` row on line 2 skipped; dates `"Mar 16, 2020"` (quoted, date only = 00:00 local); an id starting with `-` written with a leading space; empty `Comments added` = 0; columns in a different order from the fixtures | `valtioneuvosto/Table data.csv` |
| daily views (increments) of 6 videos for 56 days, 0 before publication: running totals as snapshots at each day's 23:59:59 local, across the DST change; the last day coincides with the table's exported_at (same instant, same value: a duplicate view) | `valtioneuvosto/Chart data.csv` |
| host channel (`host=yes`) videos naming one mayor by alias -> `hosted-mention` | Table data.csv, Y1, Y2 |
| UTF-8 BOM, quoted multi-word headers, `"MM/dd/yyyy HH:mm"` local times, caption with a line break and `""` | `IG_export_2020-04-15.csv`, `IG_export_2020-04-22.csv` |
| two overlapping exports of one account: 5 posts in both, the later export has higher counts and wins; each gives a views snapshot | the two IG exports, I1 |
| handle from `Page name` ("Valtioneuvoston kanslia" -> `valtioneuvostonkanslia`); `Title`, else `Description` (video posts); `Languages` fi/sv/en or empty; the `"Reactions, Comments and Shares"` header with a comma; a campaign post matched only by its link with `utm_*` and `fbclid` | `Valtioneuvoston kanslia Mar-16-2020_May-10-2020.csv`, F1 |
| every field quoted; publish time from the video id (`id >> 32`); `"12.5K"` views; a row without `Video link` | `tiktok-studio/Content.csv`, T1 |
| every field quoted, counts `"424.0"`, promoted columns `"-"`, `time` in UTC (`+0000`), a tweet with line breaks, handle from the permalink (`VNK_fi` -> `vnk_fi`) | `tweet_activity_metrics_VNK_fi_20200316_20200510_en.csv` |
| `Post Created` with `EET`/`EEST`; `Total Interactions` like `"1,234"` (not used); likes = sum of the seven reactions (`Care` from 2020-04-17 on); `Followers at Posting` empty -> `Likes at Posting`; the long `Overperforming Score (weighted  —  ...)` header; non-roster pages naming mayors by alias | `crowdtangle/...-FB-...csv`, C1-C4 |
| post id = shortcode (`/p/`, `/tv/`, trailing `/`), followers at posting, a non-roster account mentioning `@sofiaberg` | `crowdtangle/...-IG-...csv`, G1, G2 |
| 4CAT/Zeeschuimer TikTok columns, CRLF, platform from `tiktok_url`, `unix_timestamp`, `author_followers`; non-roster authors with one mention, two mentions, none | `4cat/tiktok-koronafaktat-zeeschuimer-9c4e2b.csv`, K1-K4 |

## Deliberate bad rows

Line numbers are physical lines of the file (header = line 1). The reason is written
`<profile>: <reason>` (profiles.md); the wording after the profile name is Megaphone's, so tests should
match file, line, table and the profile name.

{bad}

## Scenario posts

Asserted by the generator against `generate_testdata.Reference` run on the canonical folder.

{scenarios}

## Hand-checkable facts

Computed by `generate_testdata.Reference` from `../exports-mix-canonical/`. The table counts hold for this
folder too (D28: an export row counts in each table it gives a row to; the YouTube `Total` row is skipped
and counted nowhere; the chart rows are views rows only).

{facts}

## expected.json

The same facts as `../exports-mix-canonical/expected.json` (generate_testdata's format: options, tables,
rejects, totals, output_row_counts, entity_weeks, entity_totals, weeks, bulletin_uptake, scenario_posts,
post_duplicates), except `rejects`, which name the native files and lines with the profile's reason. The
table counts are the same for both folders: an export row counts in each table it gives a row to, a row
rejected before it could be mapped in its profile's main table, the skipped `Total` row nowhere (D28).

## Regenerate

```
python3 testdata/generate_exports_mix.py
```

Deterministic (fixed seed): rewrites this folder and `../exports-mix-canonical/` byte-identically. Change
the data by changing the script, never by editing the files.
"""

CANON_README = """# testdata/exports-mix-canonical

`../exports-mix/` in the contract's canonical tables: the same roster and bulletins (identical files), and
`posts.csv` / `views.csv` holding what the export profiles of `runbooks/export-formats.md` make of each native row.
Running the report on both folders must give identical `entities_weekly.csv`, `platforms_weekly.csv`,
`bulletin_uptake.csv` and `posts_attributed.csv`. (rejects.csv, summary.json and the row counts differ by
design: other file names, no `Total` row, no chart rows counted per video in posts.)

## Run it

```
--input=testdata/exports-mix-canonical --timezone=Europe/Helsinki
```

## Files

| file | what |
|---|---|
| accounts.csv, bulletins.csv | identical to `../exports-mix/` |
| posts.csv | one row per native row that a profile maps to a post, in file then line order: duplicates included (the two Instagram exports give 5 posts twice, with their own exported_at), timestamps written with the Helsinki offset, handles lower-case, counts as plain digits (0 where the export gives none), `followers` only where the export has it (CrowdTangle, 4CAT), `language` only where it has one (Meta Facebook `Languages`) |
| views.csv | every snapshot the profiles produce: the YouTube chart's running totals per day (23:59:59 local, zeros before publication included), the YouTube table's `Views` at its exported_at (the same instant as the last chart day: a duplicate view row with the same value), and each other export's views/impressions/plays at its exported_at |

## Deliberate bad rows

The two native rows that the profiles reject are here as rows the contract rejects for the same kind of
reason; neither has a views row (a rejected native row gives none).

{bad}

## Hand-checkable facts

{facts}

## expected.json

The facts above and more (generate_testdata's format), computed by `generate_testdata.Reference` from the
files of this folder. `../exports-mix/expected.json` is the same except for its `rejects`.

## Regenerate

`python3 testdata/generate_exports_mix.py` writes this folder from the native files it has just written to
`../exports-mix/`, so the two cannot drift. Do not edit these files by hand.
"""


# ------------------------------------------------------------------------------------------------
# Fixture check (transforms/src/test/resources/exports/<profile>/)
# ------------------------------------------------------------------------------------------------

def read_canon(path):
    if not os.path.exists(path):
        return []
    f = ExportFile(path)
    return [dict(zip([h.lower() for h in f.header], r.fields)) for r in f.recs[1:]]


def check_fixtures():
    ok = True
    for profile in sorted(os.listdir(FIXTURES)):
        folder = os.path.join(FIXTURES, profile)
        if not os.path.isdir(folder) or profile.startswith('canonical'):
            continue
        with tempfile.TemporaryDirectory() as tmp:      # the folder plays exports/: native file + sources.csv
            for n in os.listdir(folder):
                if not n.startswith('expected_') and not n.endswith('.md'):
                    shutil.copy(os.path.join(folder, n), tmp)
            prof = Profiles(tmp)
        assert [f['profile'] for f in prof.files] == [profile], (profile, [f['profile'] for f in prof.files])
        got_p = [r.post for f in prof.files for r in f['rows'] if r.post is not None]
        got_v = [r.view for f in prof.files for r in f['rows'] if r.view is not None]
        key = lambda r: tuple(r.get(c, '') for c in (POSTS_COLS if 'published_at' in r else VIEWS_COLS))  # noqa
        for what, got, exp in (('posts', got_p, read_canon(os.path.join(folder, 'expected_posts.csv'))),
                               ('views', got_v, read_canon(os.path.join(folder, 'expected_views.csv')))):
            g, e = sorted(map(key, got)), sorted(map(key, exp))
            if g != e:
                ok = False
                print('MISMATCH %s %s' % (profile, what))
                for x in sorted(set(g) - set(e)):
                    print('  script  :', x)
                for x in sorted(set(e) - set(g)):
                    print('  expected:', x)
        print('%-22s posts %d views %d %s' % (profile, len(got_p), len(got_v), 'ok' if ok else ''))
    return ok


def expected_json(d, prof, ref, rejects, canon):
    """expected.json in generate_testdata's format. Both folders give the same table counts (an export row
    counts in each table it gives a row to, a row rejected before mapping in the profile's main table, a
    skipped Total row nowhere: runbooks/data-contract.md D28); only the rejects' file, line and reason differ."""
    week = lambda key: ref.post_fact(*next((s['platform'], s['post_id']) for s in d.scenarios if s['key'] == key))['week']  # noqa
    facts = dataset_facts(
        dict(name='exports-mix-canonical' if canon else 'exports-mix', tzname=TZNAME, scenarios=d.scenarios), ref,
        [('kaisa-laaksonen', week('Y1')), ('aino-virtanen', week('I1')), ('vnk', '2020-W12'),
         (UNATTRIBUTED, week('K2'))],
        ['vnk', 'kaisa-laaksonen', 'aino-virtanen', 'elias-koski', 'sofia-berg', UNATTRIBUTED], set())
    facts['generated_by'] = ('testdata/generate_exports_mix.py (facts computed by generate_testdata.Reference from '
                             'exports-mix-canonical on disk)')
    if not canon:
        facts['rejects'] = [dict(file=r['file'], line=r['line'], table='posts', reason=r['reason']) for r in rejects]
        per_file = {'posts': [], 'views': []}
        for f in prof.files:
            n_posts = sum(1 for r in f['rows'] if r.post is not None)   # rejected rows carry a (bad) posts row
            n_views = sum(1 for r in f['rows'] if r.view is not None)
            if n_posts:
                per_file['posts'].append(dict(file='exports/' + f['rel'], rows_read=n_posts))
            if n_views:
                per_file['views'].append(dict(file='exports/' + f['rel'], rows_read=n_views))
        for t, files in per_file.items():
            assert sum(x['rows_read'] for x in files) == facts['tables'][t]['rows_read'], t
            facts['tables'][t]['files'] = files
    return json.dumps(facts, ensure_ascii=False, indent=1) + '\n'


def main():
    d, prof, posts, views, rejects, canon_bad = build()
    ref = Reference(CANON, TZNAME)
    check(d, prof, rejects, ref)
    write(os.path.join(NATIVE, 'expected.json'), expected_json(d, prof, ref, rejects, False))
    write(os.path.join(CANON, 'expected.json'), expected_json(d, prof, ref, rejects, True))
    write(os.path.join(NATIVE, 'README.md'), native_readme(d, prof, rejects, ref))
    write(os.path.join(CANON, 'README.md'), canon_readme(d, canon_bad, ref))
    t = ref.facts()['totals']
    print('exports-mix: %d native files, %d posts rows, %d views rows, rejects %s' % (
        len(prof.files), len(posts), len(views), ['%s:%d' % (r['file'], r['line']) for r in rejects]))
    print('  posts %d, campaign %d (bulletin %d), engagement %d, credited views %d, reasons %s' % (
        t['posts'], t['campaign_posts'], t['campaign_posts_with_bulletin'], t['engagement'], t['credited_views'],
        t['posts_by_reason']))
    if '--check-fixtures' in sys.argv[1:]:
        sys.exit(0 if check_fixtures() else 1)


if __name__ == '__main__':
    main()
