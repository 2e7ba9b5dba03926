"""uapi_header.py - the #define and enum values of C headers, for the tests
that compare the project's tables and specs with the kernel's uAPI headers
(tests/check_spec_numbers.py).  A small reader, not a preprocessor: every
branch of #if is read, comments are dropped, enumerators count up from the
last value, and values are constant expressions over numbers and names
already read (casts, U/L suffixes, _BITUL(), shifts, arithmetic).
"""
import ast
import os
import re


class Header:
    """#define and enum values of a set of uAPI headers (no preprocessor
    conditions: every branch is read)."""

    def __init__(self):
        self.values = {}      # C name -> int or str
        self.enum_of = {}     # C name -> index into self.enums
        self.enums = []       # [(tag or None, [(name, value)])]
        self.files = []
        self.define_names = set()

    @property
    def upper(self):
        """{NAME: Name} of the names with lower-case letters"""
        return {n.upper(): n for n in self.values if n != n.upper()}

    def block_of(self, name):
        """The enum a name belongs to, or 'define'."""
        return self.enum_of.get(name, 'define' if name in self.define_names else None)

    def by_suffix(self, suffix):
        """Names equal to SUFFIX or ending in _SUFFIX; failing that, those
        HEAD_..._REST for a SUFFIX HEAD_REST; failing that, those ending in
        SUFFIX with its underscores left out (4-addr: 4ADDR)."""
        tail = '_' + suffix
        names = [n for n in self.values if n == suffix or n.endswith(tail)]
        if not names and '_' in suffix:     # HEAD_REST named HEAD_..._REST (CGROUPSTATS_CMD_GET)
            head, rest = suffix.split('_', 1)
            names = [n for n in self.values if n.startswith(head + '_') and n.endswith('_' + rest)]
        if not names:
            want = suffix.replace('_', '')
            names = [n for n in self.values
                     if any(''.join(n.split('_')[i:]) == want for i in range(n.count('_') + 1))]
        return names

    def load(self, uapi, rel, seen=None):
        """Reads header REL from the first of the folders UAPI (a list, or
        one folder) that has it, and the headers it includes."""
        seen = set() if seen is None else seen
        if rel in seen:
            return True
        dirs = [uapi] if isinstance(uapi, str) else uapi
        paths = [os.path.join(d, rel) for d in dirs if os.path.isfile(os.path.join(d, rel))]
        if not paths:
            return False
        path = paths[0]
        seen.add(rel)
        self.files.append(rel)
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
        text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
        text = re.sub(r'//[^\n]*', '', text)
        text = text.replace('\\\n', ' ')
        code, defines = [], []
        for line in text.split('\n'):
            s = line.strip()
            if s.startswith('#'):
                m = re.match(r'#\s*include\s*[<"]([^>"]+)[>"]', s)
                if m:
                    self.load(uapi, m.group(1), seen)
                    continue
                m = re.match(r'#\s*define\s+(\w+)(\(?)\s*(.*)$', s)
                if m and not m.group(2):
                    defines.append((m.group(1), m.group(3).strip()))
                code.append('')
            else:
                code.append(line)
        self._defines(defines)
        for m in re.finditer(r'\benum\s*(\w*)\s*\{([^}]*)\}', '\n'.join(code)):
            self._enum(m.group(1) or None, m.group(2))
        self._defines(defines)
        return True

    def _defines(self, defines):
        """Defines in any order: evaluated until no more resolve."""
        todo = [d for d in defines if d[0] not in self.values]
        while todo:
            for name, body in todo:
                self._define(name, body)
            left = [d for d in todo if d[0] not in self.values]
            if len(left) == len(todo):
                break
            todo = left

    def _define(self, name, body):
        if body.startswith('"'):
            m = re.match(r'"((?:[^"\\]|\\.)*)"', body)
            if m:
                self.values[name] = m.group(1)
            return
        v = self.eval(body)
        if v is not None:
            self.values[name] = v
            self.define_names.add(name)

    def _enum(self, tag, body):
        entries = []
        nxt = 0
        for item in body.split(','):
            item = item.strip()
            if not item:
                continue
            name, _, expr = item.partition('=')
            name = name.strip()
            if not re.match(r'^[A-Za-z_]\w*$', name):
                continue
            if expr.strip():
                v = self.eval(expr.strip())
                if v is None:
                    continue
            else:
                v = nxt
            self.values[name] = v
            self.enum_of[name] = len(self.enums)
            entries.append((name, v))
            nxt = v + 1
        self.enums.append((tag, entries))

    def eval(self, expr):
        """Value of a C constant expression over known names, or None."""
        e = re.sub(r'\((?:__)?[us](?:8|16|32|64)\)|\((?:unsigned\s+)?(?:int|long)\)', '', expr)
        e = re.sub(r'\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]+\b', r'\1', e)
        e = re.sub(r'\b_BITU?L{0,2}\(', '(1 << ', e)
        e = re.sub(r'\b_AC\((\w+)\s*,\s*\w+\)', r'\1', e)
        e = e.replace('/', '//').replace('!', ' not ').replace('&&', ' and ').replace('||', ' or ')
        e = e.replace(' not =', '!=')
        try:
            tree = ast.parse(e, mode='eval')
        except SyntaxError:
            return None
        return self._ev(tree.body)

    def _ev(self, n):
        ops = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
               ast.Mult: lambda a, b: a * b, ast.FloorDiv: lambda a, b: a // b,
               ast.LShift: lambda a, b: a << b, ast.RShift: lambda a, b: a >> b,
               ast.BitOr: lambda a, b: a | b, ast.BitAnd: lambda a, b: a & b,
               ast.BitXor: lambda a, b: a ^ b, ast.Mod: lambda a, b: a % b}
        if isinstance(n, ast.Constant) and isinstance(n.value, int):
            return n.value
        if isinstance(n, ast.Name):
            v = self.values.get(n.id)
            return v if isinstance(v, int) else None
        if isinstance(n, ast.BinOp) and type(n.op) in ops:
            a, b = self._ev(n.left), self._ev(n.right)
            if a is None or b is None:
                return None
            try:
                return ops[type(n.op)](a, b)
            except (ZeroDivisionError, ValueError):
                return None
        if isinstance(n, ast.UnaryOp):
            a = self._ev(n.operand)
            if a is None:
                return None
            if isinstance(n.op, ast.USub):
                return -a
            if isinstance(n.op, ast.UAdd):
                return a
            if isinstance(n.op, ast.Invert):
                return ~a
        return None
