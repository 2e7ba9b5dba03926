/* genlmap_text.c - the family map's text forms: -G NAME=ID, --genl-map
 * files (NAME=ID, NAME ID, ID NAME or `genl ctrl list` output) and the
 * map a pcapng written by -w stores (genl_map_to_text/from_text).  A name
 * may hold a space (the kernel's "802.15.4 MAC"): the stored text writes
 * it %20, and so may a map file. */
#include "genlmap.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sbuf.h"

static bool parse_id(const char *s, uint16_t *id);
static bool valid_name(const char *s);
static void put_name(struct sbuf *b, const char *s);
static void unescape_name(char *s);

char *genl_map_to_text(const struct genl_map *m)
{
	struct sbuf b = { 0 };

	for (unsigned i = 0; i < 65536; i++) {
		const struct genl_family *f = genl_map_get(m, (uint16_t)i);
		if (!f)
			continue;
		sbuf_printf(&b, "0x%x ", f->id);
		put_name(&b, f->name);
		sbuf_printf(&b, " version:%u maxattr:%u", f->version, f->maxattr);
		if (f->have_hdrsize)
			sbuf_printf(&b, " hdrsize:%u", f->hdrsize);
		for (unsigned j = 0; j < f->ngroups; j++) {
			sbuf_printf(&b, " %u=", f->groups[j].id);
			put_name(&b, f->groups[j].name);
		}
		sbuf_putc(&b, '\n');
	}
	sbuf_putc(&b, 0);
	return b.p;
}

int genl_map_from_text(struct genl_map *m, const char *text, enum genl_src src)
{
	int n = 0;

	while (*text) {
		size_t ll = strcspn(text, "\n");
		char line[1024], *save = NULL, *tok;
		uint16_t id;

		if (ll < sizeof(line)) {
			memcpy(line, text, ll);
			line[ll] = 0;
			tok = strtok_r(line, " ", &save);
			char *name = tok ? strtok_r(NULL, " ", &save) : NULL;
			if (name)
				unescape_name(name);
			if (tok && name && parse_id(tok, &id) && valid_name(name)) {
				struct genl_family *f = genl_map_set(m, id, name, src, false);
				if (f)
					n++;
				while (f && (tok = strtok_r(NULL, " ", &save))) {
					char *eq = strchr(tok, '=');
					char *end;
					unsigned long v;
					if (sscanf(tok, "version:%lu", &v) == 1)
						f->version = (uint32_t)v;
					else if (sscanf(tok, "maxattr:%lu", &v) == 1)
						f->maxattr = (uint32_t)v;
					else if (sscanf(tok, "hdrsize:%lu", &v) == 1) {
						f->hdrsize = (uint32_t)v;
						f->have_hdrsize = true;
					}
					if (!eq)
						continue;
					*eq = 0;
					unescape_name(eq + 1);
					unsigned long g = strtoul(tok, &end, 0);
					if (*end || end == tok || !valid_name(eq + 1))
						continue;
					genl_map_add_group(m, f, (uint32_t)g, eq + 1);
				}
			}
		}
		text += ll;
		if (*text)
			text++;
	}
	return n;
}


/* decimal, or hex with 0x; no sign, no octal, nothing after */
static bool parse_id(const char *s, uint16_t *id)
{
	char *end;
	unsigned long v;
	int base = 10;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!isxdigit((unsigned char)*s) || (base == 10 && !isdigit((unsigned char)*s)))
		return false;
	errno = 0;
	v = strtoul(s, &end, base);
	if (errno || end == s || *end || v > 0xffff)
		return false;
	*id = (uint16_t)v;
	return true;
}

/* printable, no '='; a space inside (the kernel's "802.15.4 MAC") */
static bool valid_name(const char *s)
{
	size_t n = strlen(s);

	if (!n || n >= GENL_NAME_MAX || s[0] == ' ' || s[n - 1] == ' ')
		return false;
	for (; *s; s++)
		if ((!isgraph((unsigned char)*s) && *s != ' ') || *s == '=')
			return false;
	return true;
}

/* a name in a map's text: a space is written %20 (fields are separated
 * by spaces) */
static void put_name(struct sbuf *b, const char *s)
{
	for (; *s; s++)
		if (*s == ' ')
			sbuf_printf(b, "%%20");
		else
			sbuf_putc(b, *s);
}

/* s with %20 as a space into out (GENL_NAME_MAX bytes); false: too long */
static bool unescaped(char *out, const char *s)
{
	if (strlen(s) >= GENL_NAME_MAX)
		return false;
	strcpy(out, s);
	unescape_name(out);
	return true;
}

static void unescape_name(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (s[0] == '%' && s[1] == '2' && s[2] == '0') {
			*o++ = ' ';
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = 0;
}

bool genl_map_parse_spec(struct genl_map *m, const char *spec)
{
	char buf[128];
	char *eq;
	uint16_t id;

	if (strlen(spec) >= sizeof(buf))
		return false;
	strcpy(buf, spec);
	eq = strchr(buf, '=');
	if (!eq)
		return false;
	*eq = 0;
	if (!valid_name(buf) || !parse_id(eq + 1, &id))
		return false;
	return genl_map_set(m, id, buf, GENL_SRC_USER, false) != NULL;
}

/* ---- map files ---- */

struct map_line {
	char name[GENL_NAME_MAX];
	uint16_t id;
	unsigned line;
	bool details;
	uint32_t version, hdrsize, maxattr;
};

struct map_load {
	const char *path;
	struct map_line *v;
	size_t n, cap;
	char *err;
	size_t errlen;
	unsigned errline;	/* the first line in error, 0 = none yet */
};

/* "PATH:LINE: what 'text'": the path and the quoted text escaped, the
 * text cut at 60 bytes */
static void map_error(struct map_load *L, unsigned line, const char *what, const char *text,
		      size_t tn)
{
	struct sbuf b = { 0 };

	if (L->errline && L->errline <= line)
		return;	/* keep the first */
	L->errline = line;
	sbuf_escape(&b, (const uint8_t *)L->path, strlen(L->path), 0);
	sbuf_printf(&b, ":%u: %s", line, what);
	if (text) {
		sbuf_put(&b, " '", 2);
		sbuf_escape(&b, (const uint8_t *)text, tn > 60 ? 60 : tn, 0);
		if (tn > 60)
			sbuf_put(&b, "...", 3);
		sbuf_putc(&b, '\'');
	}
	snprintf(L->err, L->errlen, "%s", b.p ? b.p : "");
	sbuf_free(&b);
}

static bool map_add(struct map_load *L, const char *name, uint16_t id, unsigned line)
{
	if (L->n == L->cap) {
		size_t ncap = L->cap ? L->cap * 2 : 64;
		struct map_line *v = realloc(L->v, ncap * sizeof(*v));
		if (!v) {
			snprintf(L->err, L->errlen, "out of memory");
			L->errline = 1;
			return false;
		}
		L->v = v;
		L->cap = ncap;
	}
	struct map_line *e = &L->v[L->n++];
	memset(e, 0, sizeof(*e));
	snprintf(e->name, sizeof(e->name), "%s", name);	/* valid_name bounds it */
	e->id = id;
	e->line = line;
	return true;
}

static int by_id(const void *a, const void *b)
{
	const struct map_line *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int by_name(const void *a, const void *b)
{
	const struct map_line *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Lines that contradict an earlier one: the same id with two names, the
 * same name with two ids.  Sorted twice: n log n. */
static void map_contradictions(struct map_load *L)
{
	char what[160];

	if (L->n < 2)
		return;
	qsort(L->v, L->n, sizeof(*L->v), by_id);
	for (size_t i = 1; i < L->n; i++) {
		const struct map_line *first = &L->v[i - 1];
		while (i < L->n && L->v[i].id == first->id) {
			if (strcmp(L->v[i].name, first->name)) {
				snprintf(what, sizeof(what), "id 0x%x is %s here but %s on line %u",
					 first->id, L->v[i].name, first->name, first->line);
				map_error(L, L->v[i].line, what, NULL, 0);
			}
			i++;
		}
	}
	qsort(L->v, L->n, sizeof(*L->v), by_name);
	for (size_t i = 1; i < L->n; i++) {
		const struct map_line *first = &L->v[i - 1];
		while (i < L->n && !strcmp(L->v[i].name, first->name)) {
			if (L->v[i].id != first->id) {
				snprintf(what, sizeof(what), "%s is 0x%x here but 0x%x on line %u",
					 first->name, L->v[i].id, first->id, first->line);
				map_error(L, L->v[i].line, what, NULL, 0);
			}
			i++;
		}
	}
}

/* the next whitespace-separated word of *s (NUL-terminated), or NULL */
static char *word(char **s)
{
	char *p = *s, *w;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return NULL;
	w = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p)
		*p++ = 0;
	*s = p;
	return w;
}

/* one line (NUL-terminated, no newline); false stops the load */
static bool map_line(struct map_load *L, char *s, unsigned line, char *cur, bool *ctrl_list)
{
	char *w, *rest;
	uint16_t id;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s || *s == '#')
		return true;
	/* `genl ctrl list`: "Name: ovs_flow" then "ID: 0x1d  Version: ..."
	 * (its "#1:  ID-0x3" lines are comments above) */
	if (!strncmp(s, "Name:", 5)) {
		/* the whole rest: a name may have a space ("802.15.4 MAC") */
		rest = s + 5;
		while (*rest == ' ' || *rest == '\t')
			rest++;
		size_t rl = strlen(rest);
		while (rl && (rest[rl - 1] == ' ' || rest[rl - 1] == '\t' || rest[rl - 1] == '\r'))
			rest[--rl] = 0;
		w = rest;
		if (valid_name(w))
			memcpy(cur, w, strlen(w) + 1);
		else
			cur[0] = 0;	/* its ID line teaches nothing */
		*ctrl_list = true;
		return true;
	}
	if (!strncmp(s, "ID:", 3)) {
		unsigned ver, hs, maxa;
		char *full = s;
		rest = s + 3;
		w = word(&rest);
		if (cur[0] && w && parse_id(w, &id)) {
			if (!map_add(L, cur, id, line))
				return false;
			/* "ID: 0x1d  Version: 0x1  header size: 4  max attribs: 11" */
			if (sscanf(rest, " Version: %x header size: %u max attribs: %u",
				   &ver, &hs, &maxa) == 3) {
				struct map_line *e = &L->v[L->n - 1];
				e->details = true;
				e->version = ver;
				e->hdrsize = hs;
				e->maxattr = maxa;
			}
		} else if (cur[0]) {
			map_error(L, line, "bad family id in", full, strlen(full));
			return false;
		}
		cur[0] = 0;
		return true;
	}
	if (*ctrl_list)
		return true;	/* the rest of a family's block */
	/* NAME=ID, NAME ID or ID NAME, optionally followed by a # comment */
	char *text = s;
	size_t tn = strlen(s);
	s[strcspn(s, "#")] = 0;
	rest = s;
	char *a = word(&rest), *b = word(&rest), *c = word(&rest);
	char *eq = a ? strchr(a, '=') : NULL;
	char na[GENL_NAME_MAX];	/* a name, a space written %20 */
	if (a && !b && eq) {
		*eq = 0;
		if (unescaped(na, a) && valid_name(na) && parse_id(eq + 1, &id))
			return map_add(L, na, id, line);
		*eq = '=';
	} else if (a && b && !c) {
		if (parse_id(b, &id) && unescaped(na, a) && valid_name(na))
			return map_add(L, na, id, line);
		if (parse_id(a, &id) && unescaped(na, b) && valid_name(na))
			return map_add(L, na, id, line);
	}
	/* restore the words for the message */
	for (char *p = text; p < text + tn; p++)
		if (!*p)
			*p = ' ';
	map_error(L, line, "expected NAME=ID, NAME ID or ID NAME (ID 0..65535, NAME 1..31 "
		  "printable bytes), got", text, tn);
	return false;
}

int genl_map_load_text(struct genl_map *m, char *text, size_t n, const char *path,
		       char *err, size_t errlen)
{
	struct map_load L = { .path = path, .err = err, .errlen = errlen };
	char cur[GENL_NAME_MAX] = "";
	bool ctrl_list = false;	/* the file is `genl ctrl list` output */
	unsigned line = 0;
	size_t pos = 0;
	int loaded = -1;

	while (pos < n) {
		size_t ll = 0;
		while (pos + ll < n && text[pos + ll] != '\n')
			ll++;
		line++;
		char *s = text + pos;
		pos += ll + (pos + ll < n);
		if (memchr(s, 0, ll)) {
			map_error(&L, line, "NUL byte in the line", NULL, 0);
			goto out;
		}
		if (ll && s[ll - 1] == '\r')
			ll--;
		s[ll] = 0;	/* the newline, the \r or the byte after the text */
		if (!map_line(&L, s, line, cur, &ctrl_list))
			goto out;
	}
	map_contradictions(&L);
	if (L.errline)
		goto out;
	/* every line is good: now the map changes */
	for (size_t i = 0; i < L.n; i++) {
		struct genl_family *f = genl_map_set(m, L.v[i].id, L.v[i].name, GENL_SRC_USER, false);
		if (f && L.v[i].details) {
			f->version = L.v[i].version;
			f->hdrsize = L.v[i].hdrsize;
			f->have_hdrsize = true;
			f->maxattr = L.v[i].maxattr;
		}
	}
	loaded = (int)L.n;
out:
	free(L.v);
	return loaded;
}

int genl_map_load_file(struct genl_map *m, const char *path, char *err, size_t errlen)
{
	struct sbuf name = { 0 };
	struct stat sb;
	char *buf = NULL;
	size_t n = 0;
	int rc = -1, fd;

	sbuf_escape(&name, (const uint8_t *)path, strlen(path), 0);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", name.p, strerror(errno));
		goto out;
	}
	if (fstat(fd, &sb) < 0) {
		snprintf(err, errlen, "%s: %s", name.p, strerror(errno));
		goto out;
	}
	if (S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "%s: is a directory", name.p);
		goto out;
	}
	/* a regular file, or a pipe (<(...)): read at most the limit */
	buf = malloc(GENL_MAP_FILE_MAX + 1);
	if (!buf) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	for (;;) {
		ssize_t r = read(fd, buf + n, GENL_MAP_FILE_MAX + 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errlen, "%s: %s", name.p, strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > GENL_MAP_FILE_MAX) {
			snprintf(err, errlen, "%s: larger than %u bytes: not a family map", name.p,
				 GENL_MAP_FILE_MAX);
			goto out;
		}
	}
	rc = genl_map_load_text(m, buf, n, path, err, errlen);
out:
	if (fd >= 0)
		close(fd);
	free(buf);
	sbuf_free(&name);
	return rc;
}
