#!/usr/bin/env python3
"""check_doc_examples.py NLDUMP SRCROOT [--update]

Runs the examples of README.md, docs/json.md and man/nldump.8 against the
bundled captures and compares their output with what the documents show.

How an example is written:

  Markdown (README.md, docs/json.md): a fenced code block whose first line
  starts with "$ ".  Every "$ " line is a shell command (a line ending in a
  backslash continues on the next one); the lines after it, up to the next
  "$ " line or the end of the block, are its expected standard output.

  man page: an .EX/.EE (or .nf/.fi) block whose first line starts with
  "$ ", same rules, written in roff (\\- for -, \\e for a backslash, \\(aq
  for ', \\(dq for ", \\& before a leading dot).

  A line that is exactly "..." in an expected output stands for any number
  of output lines (zero or more); it is the only wildcard.

Commands run with "sh -c" from SRCROOT, with TZ=UTC, LC_ALL=C and a PATH
whose first entry holds "nldump" (the binary under test), so pipes into
sed, grep, head, sort, jq work.  Only standard output is compared: write
2>&1 in the example to show standard error.  An example using jq is
skipped (and counted) when jq is not installed.

Blocks that are not run must say so on the line just before them:

  Markdown:  <!-- not run: REASON -->        (before the opening fence)
  man page:  .\\" not run: REASON             (before .EX/.nf, or before
                                             the .RS that opens it)

Markdown blocks tagged ```json are schema fragments, not examples, and are
not checked.  Any other block (Markdown fence, .EX or .nf) that is neither
runnable nor marked makes the test fail, so no example escapes the check.

--update rewrites the expected output of every example in place with the
current output (examples with a "..." line are left alone and listed).

Exit status: 0 all examples match, 1 some differ or are malformed, or no
example was found at all (nothing compared is not a pass).
"""
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import nltest

DOCS = ['README.md', 'docs/json.md', 'man/nldump.8']
ELIDE = '...'


class Example:
    def __init__(self, doc, line, cmd, expected, out_lines):
        self.doc = doc            # path relative to SRCROOT
        self.line = line          # 1-based line of the "$ " command
        self.cmd = cmd            # the shell command, unescaped
        self.expected = expected  # expected output lines, unescaped
        self.out_lines = out_lines  # (first, last) 0-based source lines of the output


class Block:
    def __init__(self, doc, line, lines, marker):
        self.doc, self.line, self.lines, self.marker = doc, line, lines, marker


# ---- roff ----

def roff_unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c != '\\' or i + 1 == len(s):
            out.append(c)
            i += 1
            continue
        n = s[i + 1]
        if n == '-':
            out.append('-')
            i += 2
        elif n in 'e\\':
            out.append('\\')
            i += 2
        elif n in '&:':
            i += 2
        elif n == '(' and s[i + 2:i + 4] in ('aq', 'dq', 'em', 'en', 'ti', 'ha', 'ga'):
            out.append({'aq': "'", 'dq': '"', 'em': '--', 'en': '-',
                        'ti': '~', 'ha': '^', 'ga': '`'}[s[i + 2:i + 4]])
            i += 4
        elif n == ' ':
            out.append(' ')
            i += 2
        else:
            raise ValueError('roff escape \\%s not handled by the example checker' % n)
    return ''.join(out)


def roff_escape(s):
    s = s.replace('\\', '\\e').replace('-', '\\-').replace("'", "\\(aq").replace('`', '\\(ga')
    if s.startswith('.') or s.startswith("'"):
        s = '\\&' + s
    return s


def man_blocks(doc, text):
    """Blocks of .EX/.EE and .nf/.fi: (first source line index, raw lines, marker)."""
    lines = text.split('\n')
    blocks = []
    i = 0
    while i < len(lines):
        req = lines[i].strip()
        if req in ('.EX', '.nf'):
            end = '.EE' if req == '.EX' else '.fi'
            j = i + 1
            while j < len(lines) and lines[j].strip() != end:
                j += 1
            # the marker: a comment just before the block, or before its .RS
            marker = None
            k = i - 1
            while k >= 0 and lines[k].strip() in ('.RS', '.PP', '.nf', '.EX'):
                k -= 1
            m = re.match(r'\.\\"\s*not run:\s*(.+)$', lines[k].strip()) if k >= 0 else None
            if m:
                marker = m.group(1)
            body = [(n, l) for n, l in enumerate(lines[i + 1:j], start=i + 1)
                    if not re.match(r"^[.']", l)]   # roff requests (.RS...) inside
            blocks.append(Block(doc, i + 1, body, marker))
            i = j + 1
        else:
            i += 1
    return blocks, lines


def md_blocks(doc, text):
    lines = text.split('\n')
    blocks = []
    i = 0
    while i < len(lines):
        m = re.match(r'^(```+)(.*)$', lines[i])
        if m:
            fence, info = m.group(1), m.group(2).strip()
            j = i + 1
            while j < len(lines) and not lines[j].startswith(fence):
                j += 1
            k = i - 1
            marker = None
            mk = re.match(r'^<!--\s*not run:\s*(.+?)\s*-->$', lines[k].strip()) if k >= 0 else None
            if mk:
                marker = mk.group(1)
            elif info == 'json':
                marker = 'json fragment'
            body = list(enumerate(lines[i + 1:j], start=i + 1))
            blocks.append(Block(doc, i + 1, body, marker))
            i = j + 1
        else:
            i += 1
    return blocks, lines


def examples_of(block, unescape):
    """The "$ " commands of a runnable block, or None if it is not runnable."""
    body = [(n, unescape(l)) for n, l in block.body_raw]
    nonblank = [(n, l) for n, l in body if l.strip()]
    if not nonblank or not nonblank[0][1].startswith('$ '):
        return None
    exs = []
    i = 0
    while i < len(body):
        n, l = body[i]
        if not l.startswith('$ '):
            i += 1
            continue
        cmd = l[2:]
        while cmd.endswith('\\') and i + 1 < len(body):
            i += 1
            cmd = cmd[:-1] + '\n' + body[i][1]
        j = i + 1
        while j < len(body) and not body[j][1].startswith('$ '):
            j += 1
        out = [l2 for _, l2 in body[i + 1:j]]
        first = body[i + 1][0] if i + 1 < len(body) else body[i][0] + 1
        exs.append(Example(block.doc, n + 1, cmd, out, (first, first + len(out))))
        i = j
    return exs


def matches(expected, got):
    """Does got fit expected, where a line "..." matches zero or more lines?"""
    # dynamic programming over (expected index, got index): linear in practice
    memo = {}

    def m(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(expected):
            r = j == len(got)
        elif expected[i] == ELIDE:
            r = m(i + 1, j) or (j < len(got) and m(i, j + 1))
        else:
            r = j < len(got) and expected[i] == got[j] and m(i + 1, j + 1)
        memo[key] = r
        return r

    sys.setrecursionlimit(max(10000, 4 * (len(expected) + len(got))))
    return m(0, 0)


def main():
    args = [a for a in sys.argv[1:] if a != '--update']
    update = '--update' in sys.argv[1:]
    if len(args) != 2:
        print(__doc__)
        return 2
    nldump = os.path.abspath(args[0])
    src = os.path.abspath(args[1])
    if not os.access(nldump, os.X_OK):
        print('check_doc_examples: %s is not an executable' % nldump)
        return 1

    bindir = tempfile.mkdtemp(prefix='nldump-doc-')
    os.symlink(nldump, os.path.join(bindir, 'nldump'))
    env = dict(os.environ, TZ='UTC', LC_ALL='C',
               PATH=bindir + os.pathsep + os.environ.get('PATH', '/usr/bin:/bin'))
    have_jq = shutil.which('jq') is not None

    problems = []
    ran = ok = 0
    skipped = []      # (where, reason)
    not_updated = []
    try:
        for doc in DOCS:
            path = os.path.join(src, doc)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            is_man = doc.endswith('.8')
            blocks, lines = (man_blocks if is_man else md_blocks)(doc, text)
            unescape = roff_unescape if is_man else (lambda s: s)
            edits = []   # (first, last, new lines)
            for b in blocks:
                b.body_raw = b.lines
                try:
                    exs = examples_of(b, unescape)
                except ValueError as e:
                    problems.append('%s:%d: %s' % (doc, b.line, e))
                    continue
                if exs is None:
                    if b.marker is None:
                        problems.append(
                            '%s:%d: a block that is neither an example ("$ nldump ..." on its '
                            'first line) nor marked as not run (%s)' %
                            (doc, b.line, '.\\" not run: REASON before it' if is_man
                             else '<!-- not run: REASON --> before it'))
                    elif b.marker != 'json fragment':
                        skipped.append(('%s:%d' % (doc, b.line), b.marker))
                    continue
                if b.marker is not None and b.marker != 'json fragment':
                    problems.append('%s:%d: marked "not run" but starts with "$ "' % (doc, b.line))
                    continue
                for ex in exs:
                    where = '%s:%d' % (doc, ex.line)
                    if re.search(r'(^|[|;&(]\s*)jq\b', ex.cmd) and not have_jq:
                        skipped.append((where, 'jq is not installed'))
                        continue
                    ran += 1
                    try:
                        r = subprocess.run(['sh', '-c', ex.cmd], cwd=src, env=env,
                                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                           timeout=300)
                        got_text = r.stdout.decode('utf-8', 'backslashreplace')
                        err, rc = r.stderr.decode('utf-8', 'backslashreplace'), r.returncode
                    except subprocess.TimeoutExpired:
                        got_text, err, rc = '', 'timed out after 300 s', -1
                    got = got_text.split('\n')
                    if got and got[-1] == '':
                        got.pop()
                    if matches(ex.expected, got):
                        ok += 1
                        continue
                    if update:
                        if ELIDE in ex.expected:
                            not_updated.append(where)
                        else:
                            new = [roff_escape(l) for l in got] if is_man else got
                            edits.append((ex.out_lines[0], ex.out_lines[1], new))
                            continue
                    diff = '\n'.join(difflib.unified_diff(
                        ex.expected, got, 'documented', 'nldump now', lineterm='', n=2))
                    see = 'cd %s && PATH=%s:"$PATH" TZ=UTC LC_ALL=C sh -c %s' % (
                        shlex.quote(src), shlex.quote(os.path.dirname(nldump)), shlex.quote(ex.cmd))
                    problems.append(
                        '%s: example "$ %s" prints something else (exit status %d)%s\n%s\n'
                        '  see the output now:  %s\n'
                        '  or rewrite every stale example:  python3 tests/check_doc_examples.py '
                        '--update %s %s' %
                        (where, ex.cmd, rc, ('; stderr: ' + err.strip()[:300]) if err.strip() else '',
                         diff, see, shlex.quote(nldump), shlex.quote(src)))
            if update and edits:
                for first, last, new in sorted(edits, reverse=True):
                    lines[first:last] = new
                with open(path, 'w', encoding='utf-8') as f:
                    f.write('\n'.join(lines))
                print('updated %d example(s) in %s' % (len(edits), doc))
    finally:
        shutil.rmtree(bindir, ignore_errors=True)

    for p in problems:
        print('FAIL ' + p + '\n')
    for where, why in skipped:
        print('skipped %s: %s' % (where, why))
    for where in not_updated:
        print('not updated (has a "..." line; edit by hand): ' + where)
    print('%d examples run, %d match, %d differ or are malformed, %d skipped (not run)' %
          (ran, ok, len(problems), len(skipped)))
    for p in problems:
        nltest.check(False, p.splitlines()[0])
    nltest.check(ran > 0, 'no example found in %s: nothing was checked' % ', '.join(DOCS))
    nltest.done()


if __name__ == '__main__':
    sys.exit(main())
