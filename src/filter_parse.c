/* filter_parse.c - a display filter's text into tests and a postfix
 * program (filter_priv.h): tokens, a recursive-descent parser with a
 * bounded depth, field paths resolved against the field registry once,
 * literals typed (numbers, with a fraction or not, strings, addresses
 * and prefixes, MACs), errors that name the column.
 *
 *   expr    := and { ("or" | "||") and }
 *   and     := unary { ("and" | "&&") unary }
 *   unary   := ("not" | "!") unary | "(" expr ")" | test
 *   test    := PATH [ cmp value | "in" ( "{" value... "}" | value ) ]
 *   cmp     := "==" | "!=" | "<" | "<=" | ">" | ">=" | "contains" | "matches"
 *   value   := NUMBER | "STRING" | ADDRESS[/LEN] | MAC | WORD
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "filter_priv.h"

#define MAX_DEPTH 32

enum tok {
	T_END, T_WORD, T_STR, T_LP, T_RP, T_LB, T_RB, T_COMMA,
	T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE, T_NOT, T_AND, T_OR, T_BAD,
};

struct parser {
	const char *src;
	size_t pos;		/* next character */
	/* the current token */
	enum tok t;
	size_t at, len;		/* its place in src */
	char *sval;		/* T_STR: its value (malloc'd) */
	size_t slen;
	struct nl_filter *f;
	char *err;
	size_t errlen;
	bool failed;
	int depth;
};

static void __attribute__((format(printf, 3, 4))) perr(struct parser *p, size_t at,
						       const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return;
	p->failed = true;
	int n = snprintf(p->err, p->errlen, "filter:1:%zu: ", at + 1);
	if (n < 0 || (size_t)n >= p->errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
	va_end(ap);
}

static bool word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == ':' || c == '/' || c == '-';
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A quoted string: \" \\ \n \t \r \0 and \xHH. */
static void lex_string(struct parser *p)
{
	struct sbuf b = { 0 };
	const char *s = p->src;
	size_t i = p->pos + 1;

	for (;;) {
		char c = s[i];
		if (!c) {
			perr(p, p->at, "unterminated string");
			p->t = T_BAD;
			sbuf_free(&b);
			return;
		}
		if (c == '"')
			break;
		if (c == '\\') {
			char e = s[i + 1];
			int hi, lo;
			switch (e) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case '0': c = 0; break;
			case '"': case '\\': c = e; break;
			case 'x':
				hi = hexval(s[i + 2]);
				lo = hi < 0 ? -1 : hexval(s[i + 3]);
				if (lo < 0) {
					perr(p, i, "bad escape: \\x needs two hex digits");
					p->t = T_BAD;
					sbuf_free(&b);
					return;
				}
				c = (char)(hi << 4 | lo);
				i += 2;
				break;
			default:
				perr(p, i, "bad escape '\\%c' (\\\" \\\\ \\n \\t \\r \\0 \\xHH)",
				     e >= 0x20 && e < 0x7f ? e : '?');
				p->t = T_BAD;
				sbuf_free(&b);
				return;
			}
			i++;
		}
		sbuf_putc(&b, c);
		i++;
	}
	p->t = T_STR;
	p->slen = b.len;
	sbuf_putc(&b, 0);
	p->sval = b.p;
	p->len = i + 1 - p->pos;
	p->pos = i + 1;
}

static void next(struct parser *p)
{
	const char *s = p->src;

	free(p->sval);
	p->sval = NULL;
	while (s[p->pos] == ' ' || s[p->pos] == '\t' || s[p->pos] == '\n')
		p->pos++;
	p->at = p->pos;
	char c = s[p->pos], d = c ? s[p->pos + 1] : 0;
	size_t n = 1;
	switch (c) {
	case 0: p->t = T_END; n = 0; break;
	case '(': p->t = T_LP; break;
	case ')': p->t = T_RP; break;
	case '{': p->t = T_LB; break;
	case '}': p->t = T_RB; break;
	case ',': p->t = T_COMMA; break;
	case '"': lex_string(p); return;
	case '=': p->t = d == '=' ? T_EQ : T_BAD; n = 2; break;
	case '!': p->t = d == '=' ? T_NE : T_NOT; n = d == '=' ? 2 : 1; break;
	case '<': p->t = d == '=' ? T_LE : T_LT; n = d == '=' ? 2 : 1; break;
	case '>': p->t = d == '=' ? T_GE : T_GT; n = d == '=' ? 2 : 1; break;
	case '&': p->t = d == '&' ? T_AND : T_BAD; n = 2; break;
	case '|': p->t = d == '|' ? T_OR : T_BAD; n = 2; break;
	default:
		if (!word_char(c)) {
			p->t = T_BAD;
			break;
		}
		while (word_char(s[p->pos + n]))
			n++;
		p->t = T_WORD;
		break;
	}
	if (p->t == T_BAD) {
		if (c == '=')
			perr(p, p->at, "'=' is not an operator: compare with '=='");
		else if ((unsigned char)c >= 0x20 && (unsigned char)c < 0x7f)
			perr(p, p->at, "unexpected '%c'", c);
		else
			perr(p, p->at, "unexpected byte 0x%02x", (unsigned)(unsigned char)c);
		n = 0;
	}
	p->len = n;
	p->pos += n;
}

static bool is_word(const struct parser *p, const char *w)
{
	return p->t == T_WORD && p->len == strlen(w) && !memcmp(p->src + p->at, w, p->len);
}

/* ---- values ---- */

static bool parse_mac(const char *w, size_t n, struct flt_val *v)
{
	if (n != 17)
		return false;
	for (unsigned i = 0; i < 6; i++) {
		int hi = hexval(w[i * 3]), lo = hexval(w[i * 3 + 1]);
		if (hi < 0 || lo < 0 || (i < 5 && w[i * 3 + 2] != ':'))
			return false;
		v->addr[i] = (uint8_t)(hi << 4 | lo);
	}
	v->t = FL_ADDR;
	v->alen = 6;
	v->plen = 48;
	return true;
}

/* ADDRESS[/LEN]: 0 not one, 1 one, -1 a bad prefix length (said) */
static int parse_addr(struct parser *p, const char *w, size_t n, struct flt_val *v)
{
	char buf[64];
	const char *slash = memchr(w, '/', n);
	size_t an = slash ? (size_t)(slash - w) : n;

	if (an >= sizeof(buf))
		return 0;
	memcpy(buf, w, an);
	buf[an] = 0;
	if (inet_pton(AF_INET, buf, v->addr) == 1)
		v->alen = 4;
	else if (strchr(buf, ':') && inet_pton(AF_INET6, buf, v->addr) == 1)
		v->alen = 16;
	else
		return 0;
	v->t = FL_ADDR;
	v->plen = (uint8_t)(v->alen * 8);
	if (slash) {
		struct flt_val len;
		if (!flt_num(slash + 1, n - an - 1, &len) || len.neg || len.frac || len.u > v->plen) {
			perr(p, p->at + an + 1, "bad prefix length (0 to %u)", v->plen);
			return -1;
		}
		v->plen = (uint8_t)len.u;
	}
	return 1;
}

/* The current token as a value, then the next token. */
static bool value(struct parser *p, struct flt_val *v)
{
	memset(v, 0, sizeof(*v));
	if (p->t == T_STR) {
		v->t = FL_STR;
		v->str = p->sval;
		v->slen = p->slen;
		p->sval = NULL;
		next(p);
		return true;
	}
	if (p->t != T_WORD) {
		perr(p, p->at, "expected a value (a number, \"string\", address or name)");
		return false;
	}
	const char *w = p->src + p->at;
	size_t n = p->len;
	if (!flt_num(w, n, v) && !parse_mac(w, n, v)) {
		int a = parse_addr(p, w, n, v);
		if (a < 0)
			return false;
		if (!a) {	/* a bare word: a name (an enum's, a flag's) */
			v->t = FL_STR;
			v->str = strndup(w, n);
			v->slen = n;
			if (!v->str) {
				perr(p, p->at, "out of memory");
				return false;
			}
		}
	}
	next(p);
	return true;
}

/* ---- fields ---- */

static const struct {
	const char *name;
	uint8_t ps;
} pseudo[] = {
	{ "frame", FPS_FRAME }, { "index", FPS_INDEX }, { "time", FPS_TIME },
	{ "dir", FPS_DIR }, { "dir_inferred", FPS_DIR_INFERRED }, { "proto", FPS_PROTO },
	{ "proto_id", FPS_PROTO_ID }, { "copies", FPS_COPIES }, { "copy_of", FPS_COPY_OF },
	{ "time_epoch", FPS_TIME_EPOCH },
};

/* value classes a kind accepts */
enum { VC_NUM = 1, VC_STR = 2, VC_ADDR = 4, VC_ALL = 7 };

static unsigned kind_class(const char *kind)
{
	static const struct {
		const char *k;
		unsigned c;
	} tab[] = {
		{ "u8", VC_NUM }, { "u16", VC_NUM }, { "u32", VC_NUM }, { "u64", VC_NUM },
		{ "s8", VC_NUM }, { "s16", VC_NUM }, { "s32", VC_NUM }, { "s64", VC_NUM },
		{ "be16", VC_NUM }, { "be32", VC_NUM }, { "be64", VC_NUM }, { "uint", VC_NUM },
		{ "sint", VC_NUM }, { "mbps", VC_NUM }, { "fixed", VC_NUM }, { "number", VC_NUM },
		{ "enum", VC_NUM | VC_STR }, { "flags", VC_NUM | VC_STR },
		{ "string", VC_STR }, { "names", VC_STR }, { "bytes", VC_STR }, { "hex", VC_STR },
		{ "ipv4", VC_ADDR | VC_STR }, { "ipv6", VC_ADDR | VC_STR },
		{ "mac", VC_ADDR | VC_STR }, { "address", VC_ADDR | VC_STR },
		{ "flag", 0 }, { "nest", 0 }, { "struct", 0 }, { "list", 0 }, { "array", 0 },
		{ "message", 0 },
	};
	unsigned c = 0;

	for (const char *k = kind; *k;) {
		size_t n = strcspn(k, "|");
		unsigned one = VC_ALL;	/* a kind of its own (a callback's): any */
		for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
			if (strlen(tab[i].k) == n && !memcmp(tab[i].k, k, n))
				one = tab[i].c;
		c |= one;
		k += n + (k[n] == '|');
	}
	return c;
}

/* The kinds of path over every protocol, as one class mask; false when
 * the registry does not know it.  *kind: one of its kinds, for messages. */
static bool lookup(const char *path, unsigned *cls, const char **kind)
{
	size_t n;
	const struct nl_field *all = fields_all(&n);
	bool found = false;

	*cls = 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(all[i].path, path))
			continue;
		*cls |= kind_class(all[i].kind);
		*kind = all[i].kind;
		found = true;
	}
	if (found)
		return true;
	/* through a recursive set, the echoed request, any set's trailing
	 * bytes: each protocol's lookup */
	for (size_t i = 0; i < n; i++) {
		if (i && all[i].proto == all[i - 1].proto)
			continue;
		const struct nl_field *f = field_lookup(all[i].proto, path);
		if (f) {
			*cls |= kind_class(f->kind);
			*kind = f->kind;
			found = true;
		}
	}
	return found;
}

/* "did you mean": the known paths closest to path (fewest edits, then
 * the registry's order), at most three */
static void suggest(const char *path, char *out, size_t outlen)
{
	size_t n;
	const struct nl_field *all = fields_all(&n);
	const char *best[3] = { NULL, NULL, NULL };
	unsigned bd[3] = { 99, 99, 99 };
	size_t pl = strlen(path);
	unsigned cap = pl < 8 ? 2 : pl / 4 + 1;

	for (size_t i = 0; i < n; i++) {
		const char *q = all[i].path;
		if (q[0] == '*')
			continue;
		unsigned d = fields_distance(path, q);
		if (d > cap)
			continue;
		for (unsigned k = 0; k < 3; k++) {
			if (best[k] && !strcmp(best[k], q))
				break;
			if (d < bd[k]) {
				for (unsigned m = 2; m > k; m--) {
					best[m] = best[m - 1];
					bd[m] = bd[m - 1];
				}
				best[k] = q;
				bd[k] = d;
				break;
			}
		}
	}
	size_t used = 0;
	out[0] = 0;
	for (unsigned k = 0; k < 3 && best[k]; k++) {
		int w = snprintf(out + used, outlen - used, "%s%s", k ? (k == 2 || !best[k + 1] ?
				 " or " : ", ") : "", best[k]);
		if (w < 0 || (size_t)w >= outlen - used)
			break;
		used += (size_t)w;
	}
}

static void unknown_field(struct parser *p, size_t at, const char *path)
{
	char close[400];

	suggest(path, close, sizeof(close));
	if (close[0])
		perr(p, at, "unknown field \"%s\"; did you mean %s?", path, close);
	else
		perr(p, at, "unknown field \"%s\" (nldump --list-fields lists them)", path);
}

static const char *lit_name(const struct flt_val *v)
{
	return v->t == FL_NUM ? "a number" : v->t == FL_STR ? "a string" : "an address";
}

/* Does a value of v's class suit the test's field (cls) and operator? */
static bool check_value(struct parser *p, size_t at, const struct flt_test *t, unsigned cls,
			const char *kind, const struct flt_val *v)
{
	unsigned vc = v->t == FL_NUM ? VC_NUM : v->t == FL_STR ? VC_STR : VC_ADDR;

	if (t->pseudo == FPS_TIME)
		cls = VC_NUM | VC_STR;
	if (!cls) {
		perr(p, at, "%s is a %s: test its presence (a bare path), or a member's value",
		     t->path, kind);
		return false;
	}
	if (!(cls & vc)) {
		/* a string that is an address's text compares as text */
		perr(p, at, "type mismatch: %s is %s, compared with %s", t->path, kind,
		     lit_name(v));
		return false;
	}
	if ((t->op == FOP_CONTAINS || t->op == FOP_MATCHES) && v->t != FL_STR) {
		perr(p, at, "%s takes a string", t->op == FOP_CONTAINS ? "contains" : "matches");
		return false;
	}
	if (v->t == FL_ADDR && v->plen != v->alen * 8 && t->op != FOP_EQ && t->op != FOP_NE &&
	    t->op != FOP_IN) {
		perr(p, at, "a prefix goes with ==, != or in");
		return false;
	}
	return true;
}

/* ---- the program ---- */

static void emit_step(struct parser *p, int step)
{
	if (p->f->np >= FLT_MAX_PROG) {
		perr(p, p->at, "expression too long");
		return;
	}
	p->f->prog[p->f->np++] = step;
}

static struct flt_test *new_test(struct parser *p, size_t at)
{
	if (p->f->nt >= FLT_MAX_TESTS) {
		perr(p, at, "too many tests (at most %u)", FLT_MAX_TESTS);
		return NULL;
	}
	return &p->f->t[p->f->nt++];
}

/* an enum's or flag word's name compared for equality: one its tables have */
static bool name_ok(struct parser *p, size_t at, const struct flt_test *t,
		    const struct flt_val *v)
{
	char msg[400];

	if (v->t != FL_STR || (t->op != FOP_EQ && t->op != FOP_NE && t->op != FOP_IN) ||
	    flt_name_check(t->path, v->str, msg, sizeof(msg)))
		return true;
	perr(p, at, "%s", msg);
	return false;
}

static bool test_path(struct parser *p, struct flt_test *t, size_t at, unsigned *cls,
		      const char **kind)
{
	for (size_t i = 0; i < sizeof(pseudo) / sizeof(pseudo[0]); i++)
		if (!strcmp(t->path, pseudo[i].name))
			t->pseudo = pseudo[i].ps;
	if (lookup(t->path, cls, kind)) {
		if (!t->pseudo && !strchr(t->path, '.') && (!strcmp(t->path, "byte_order") ||
		    !strcmp(t->path, "padding") || !strcmp(t->path, "group") ||
		    !strcmp(t->path, "hex") || !strcmp(t->path, "duplicates"))) {
			perr(p, at, "%s is not a field filters can test", t->path);
			return false;
		}
		if (!t->pseudo && !strncmp(t->path, "group.", 6)) {
			perr(p, at, "%s is not a field filters can test", t->path);
			return false;
		}
		return true;
	}
	/* PATH.NAME: the bit NAME of a flag word (nlmsg.flags.multi is
	 * nlmsg.flag_names's bit "multi") */
	char *dot = strrchr(t->path, '.');
	if (dot && dot[1]) {
		char parent[NL_FPATH_MAX];
		size_t pl = (size_t)(dot - t->path);
		unsigned pc;
		const char *pk = NULL;
		if (pl + sizeof("_names") < sizeof(parent)) {
			memcpy(parent, t->path, pl);
			parent[pl] = 0;
			bool ok = lookup(parent, &pc, &pk) && !strcmp(pk, "flags");
			if (!ok && pl >= 5 && !strcmp(parent + pl - 5, "flags")) {
				memcpy(parent + pl - 5, "flag_names", sizeof("flag_names"));
				ok = lookup(parent, &pc, &pk) && !strcmp(pk, "flags");
			}
			if (ok) {
				char *np = strdup(parent);
				t->bit = strdup(dot + 1);
				free(t->path);
				t->path = np;
				t->pathlen = np ? strlen(np) : 0;
				t->op = FOP_BIT;
				*cls = 0;
				*kind = "flag";
				if (!t->bit || !np) {
					perr(p, at, "out of memory");
					return false;
				}
				char msg[400];
				if (!flt_name_check(np, t->bit, msg, sizeof(msg))) {
					perr(p, at + pl + 1, "%s", msg);
					return false;
				}
				return true;
			}
		}
	}
	unknown_field(p, at, t->path);
	return false;
}

static void parse_or(struct parser *p);

static void parse_test(struct parser *p)
{
	size_t at = p->at;

	if (p->t != T_WORD || is_word(p, "and") || is_word(p, "or") || is_word(p, "in") ||
	    is_word(p, "contains") || is_word(p, "matches")) {
		if (p->t == T_END)
			perr(p, at, "expected a field, 'not' or '(' and found the end");
		else
			perr(p, at, "expected a field, 'not' or '('");
		return;
	}
	struct flt_test *t = new_test(p, at);
	if (!t)
		return;
	int ti = (int)(p->f->nt - 1);
	t->path = strndup(p->src + p->at, p->len);
	if (!t->path) {
		perr(p, at, "out of memory");
		return;
	}
	if (p->len >= NL_FPATH_MAX) {
		perr(p, at, "field path too long");
		return;
	}
	t->pathlen = p->len;
	unsigned cls = 0;
	const char *kind = "";
	if (!test_path(p, t, at, &cls, &kind))
		return;
	next(p);
	emit_step(p, ti);
	static const struct {
		enum tok t;
		const char *w;
		uint8_t op;
	} ops[] = {
		{ T_EQ, NULL, FOP_EQ }, { T_NE, NULL, FOP_NE }, { T_LT, NULL, FOP_LT },
		{ T_LE, NULL, FOP_LE }, { T_GT, NULL, FOP_GT }, { T_GE, NULL, FOP_GE },
		{ T_WORD, "contains", FOP_CONTAINS }, { T_WORD, "matches", FOP_MATCHES },
		{ T_WORD, "in", FOP_IN },
	};
	int op = -1;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (p->t == ops[i].t && (!ops[i].w || is_word(p, ops[i].w)))
			op = ops[i].op;
	if (op < 0)
		return;	/* a presence test */
	size_t opat = p->at;
	if (t->op == FOP_BIT) {
		perr(p, opat, "%s.%s is a flag bit: test it bare (%s.%s, not %s.%s)", t->path,
		     t->bit, t->path, t->bit, t->path, t->bit);
		return;
	}
	t->op = (uint8_t)op;
	next(p);
	unsigned max = 1;
	bool set = op == FOP_IN && p->t == T_LB;
	if (set) {
		max = FLT_MAX_VALUES;
		next(p);
	}
	t->vals = calloc(max, sizeof(*t->vals));
	if (!t->vals) {
		perr(p, opat, "out of memory");
		return;
	}
	do {
		size_t vat = p->at;
		if (set && p->t == T_COMMA) {
			next(p);
			continue;
		}
		if (t->nvals == max) {
			perr(p, vat, "too many values (at most %u)", max);
			return;
		}
		if (!value(p, &t->vals[t->nvals]))
			return;
		t->nvals++;
		if (!check_value(p, vat, t, cls, kind, &t->vals[t->nvals - 1]) ||
		    !name_ok(p, vat, t, &t->vals[t->nvals - 1]))
			return;
		if (op == FOP_IN && !set && t->vals[0].t != FL_ADDR) {
			perr(p, vat, "'in' takes a set { a b c } or a prefix (10.0.0.0/8)");
			return;
		}
	} while (set && p->t != T_RB && p->t != T_END && !p->failed);
	if (set) {
		if (p->t != T_RB) {
			perr(p, p->at, "expected '}' to end the set");
			return;
		}
		if (!t->nvals) {
			perr(p, p->at, "an empty set");
			return;
		}
		next(p);
	}
	if (op == FOP_MATCHES) {
		int rc = regcomp(&t->re, t->vals[0].str, REG_EXTENDED | REG_NOSUB);
		if (rc) {
			char why[160];
			regerror(rc, &t->re, why, sizeof(why));
			perr(p, opat, "bad regular expression: %s", why);
			return;
		}
		t->has_re = true;
	}
}

static void parse_unary(struct parser *p)
{
	if (p->failed)
		return;
	if (++p->depth > MAX_DEPTH) {
		perr(p, p->at, "nested too deep (at most %d levels)", MAX_DEPTH);
		return;
	}
	if (p->t == T_NOT || is_word(p, "not")) {
		next(p);
		parse_unary(p);
		emit_step(p, FPR_NOT);
	} else if (p->t == T_LP) {
		size_t at = p->at;
		next(p);
		parse_or(p);
		if (!p->failed && p->t != T_RP)
			perr(p, p->t == T_END ? p->at : p->at, "expected ')' (to close the '(' at "
			     "column %zu)", at + 1);
		if (!p->failed)
			next(p);
	} else {
		parse_test(p);
	}
	p->depth--;
}

/* a run of tests joined by "and" (or: of those runs joined by "or") */
static void parse_list(struct parser *p, bool or)
{
	enum tok sym = or ? T_OR : T_AND;
	const char *word = or ? "or" : "and";

	if (or)
		parse_list(p, false);
	else
		parse_unary(p);
	while (!p->failed && (p->t == sym || is_word(p, word))) {
		next(p);
		if (or)
			parse_list(p, false);
		else
			parse_unary(p);
		emit_step(p, or ? FPR_OR : FPR_AND);
	}
}

static void parse_or(struct parser *p)
{
	parse_list(p, true);
}

struct nl_filter *filter_compile(const char *expr, char *err, size_t errlen)
{
	struct nl_filter *f = calloc(1, sizeof(*f));
	struct parser p = { .src = expr, .f = f, .err = err, .errlen = errlen };

	if (!f) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	next(&p);
	if (p.t == T_END)
		perr(&p, 0, "empty expression");
	parse_or(&p);
	if (!p.failed && p.t != T_END) {
		if (p.t == T_WORD || p.t == T_STR)
			perr(&p, p.at, "expected 'and', 'or' or the end: an operator is missing "
			     "before this");
		else
			perr(&p, p.at, "expected 'and', 'or' or the end");
	}
	free(p.sval);
	if (p.failed) {
		filter_free(f);
		return NULL;
	}
	for (unsigned i = 0; i < f->nt; i++)
		if (!f->t[i].pseudo)
			f->any_event = true;
	return f;
}

void filter_free(struct nl_filter *f)
{
	if (!f)
		return;
	for (unsigned i = 0; i < f->nt; i++) {
		struct flt_test *t = &f->t[i];
		for (unsigned k = 0; k < t->nvals; k++)
			free(t->vals[k].str);
		free(t->vals);
		free(t->path);
		free(t->bit);
		if (t->has_re)
			regfree(&t->re);
	}
	sbuf_free(&f->tmp);
	free(f->text);
	free(f);
}
