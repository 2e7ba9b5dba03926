/* tb.h - building netlink bytes for the unit tests, and running the real
 * emitter into a memory stream. */
#ifndef NLDUMP_TB_H
#define NLDUMP_TB_H

#include <jansson.h>

#include "nlcore.h"
#include "t.h"

struct tb {
	uint8_t p[8192];
	size_t n;
};

static inline void tb_put(struct tb *b, const void *d, size_t n)
{
	if (b->n + n > sizeof(b->p)) {
		fputs("tb: buffer full\n", stderr);
		exit(2);
	}
	if (n)
		memcpy(b->p + b->n, d, n);
	b->n += n;
}

static inline void tb_u8(struct tb *b, uint8_t v) { tb_put(b, &v, 1); }
static inline void tb_u16(struct tb *b, uint16_t v)
{
	uint8_t x[2] = { (uint8_t)v, (uint8_t)(v >> 8) };
	tb_put(b, x, 2);
}
static inline void tb_u32(struct tb *b, uint32_t v)
{
	uint8_t x[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
	tb_put(b, x, 4);
}
static inline void tb_pad(struct tb *b)
{
	while (b->n % 4)
		tb_u8(b, 0);
}
/* An attribute with payload d[0..n), padded. */
static inline void tb_attr(struct tb *b, uint16_t type, const void *d, size_t n)
{
	tb_u16(b, (uint16_t)(n + 4));
	tb_u16(b, type);
	tb_put(b, d, n);
	tb_pad(b);
}
static inline void tb_attr_u32(struct tb *b, uint16_t type, uint32_t v)
{
	tb_u16(b, 8);
	tb_u16(b, type);
	tb_u32(b, v);
}
/* Open a nested attribute; close it with tb_nest_end(b, returned offset). */
static inline size_t tb_nest(struct tb *b, uint16_t type)
{
	size_t at = b->n;
	tb_u16(b, 0);
	tb_u16(b, type);
	return at;
}
static inline void tb_nest_end(struct tb *b, size_t at)
{
	uint16_t len = (uint16_t)(b->n - at);
	b->p[at] = (uint8_t)len;
	b->p[at + 1] = (uint8_t)(len >> 8);
	tb_pad(b);
}
/* An nlmsghdr; returns its offset, tb_msg_end() sets nlmsg_len. */
static inline size_t tb_msg(struct tb *b, uint16_t type, uint16_t flags, uint32_t seq, uint32_t pid)
{
	size_t at = b->n;
	tb_u32(b, 0);
	tb_u16(b, type);
	tb_u16(b, flags);
	tb_u32(b, seq);
	tb_u32(b, pid);
	return at;
}
static inline void tb_msg_end(struct tb *b, size_t at)
{
	uint32_t len = (uint32_t)(b->n - at);
	for (int i = 0; i < 4; i++)
		b->p[at + (size_t)i] = (uint8_t)(len >> (8 * i));
	tb_pad(b);
}

/* Parse NDJSON text: an array of the objects, or NULL (and a CHECK failure)
 * when a line is not valid JSON. */
/* nldump writes u64 values above INT64_MAX as the JSON numbers they are;
 * jansson refuses integers past int64.  For the tests, such a number is
 * rewritten as the int64 with the same bits, so
 * (uint64_t)json_integer_value() gives the value back exactly. */
static inline char *t_fold_u64(const char *s, size_t n)
{
	char *out = malloc(2 * n + 1);
	size_t o = 0;
	int in_str = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_str) {
			out[o++] = c;
			if (c == '\\' && i + 1 < n)
				out[o++] = s[++i];
			else if (c == '"')
				in_str = 0;
			continue;
		}
		if (c == '"') {
			in_str = 1;
			out[o++] = c;
			continue;
		}
		if (c >= '0' && c <= '9' && (i == 0 || (s[i - 1] != '-' && s[i - 1] != '.'))) {
			size_t j = i;
			unsigned long long v = 0;
			int big = 0;
			while (j < n && s[j] >= '0' && s[j] <= '9') {
				unsigned dg = (unsigned)(s[j] - '0');
				if (v > ~0ull / 10 || (v == ~0ull / 10 && dg > ~0ull % 10))
					big = 2;	/* beyond u64: leave it */
				v = v * 10 + dg;
				j++;
			}
			if (!big && v > 9223372036854775807ull && (j >= n || (s[j] != '.' && s[j] != 'e' && s[j] != 'E')))
				o += (size_t)sprintf(out + o, "%lld", (long long)v);
			else {
				memcpy(out + o, s + i, j - i);
				o += j - i;
			}
			i = j - 1;
			continue;
		}
		out[o++] = c;
	}
	out[o] = 0;
	return out;
}

static inline json_t *t_parse_lines(const char *text)
{
	json_t *arr = json_array();
	const char *s = text;

	while (s && *s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		json_error_t err;
		char *line = t_fold_u64(s, n);
		json_t *o = json_loads(line, 0, &err);
		free(line);
		if (!o) {
			fprintf(stderr, "bad JSON line (%s): %.*s\n", err.text, (int)n, s);
			t_fails++;
			json_decref(arr);
			return NULL;
		}
		json_array_append_new(arr, o);
		s = nl ? nl + 1 : NULL;
	}
	return arr;
}

/* Value at a dotted path ("attrs.nest.x"); array elements as numbers. */
static inline json_t *jget(json_t *o, const char *path)
{
	char buf[256], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", path);
	for (char *k = strtok_r(buf, ".", &save); k && o; k = strtok_r(NULL, ".", &save)) {
		if (json_is_array(o))
			o = json_array_get(o, strtoul(k, NULL, 10));
		else
			o = json_object_get(o, k);
	}
	return o;
}

static inline long long jint(json_t *o, const char *path)
{
	json_t *v = jget(o, path);
	if (!json_is_integer(v)) {
		fprintf(stderr, "  %s: not an integer\n", path);
		return -0x7777;
	}
	return json_integer_value(v);
}

static inline const char *jstr(json_t *o, const char *path)
{
	json_t *v = jget(o, path);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Text output must not hold raw control characters other than newline. */
static inline int t_has_ctl(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 && *s != '\n')
			return 1;
	return 0;
}

static inline int t_verbose(void)
{
	return getenv("T_VERBOSE") != NULL;
}

/* The one JSON object of out, which is freed (an empty object, and a
 * failed check, when it is not exactly one). */
static inline json_t *t_one_object(char *out)
{
	json_t *arr = t_parse_lines(out), *o = NULL;

	CHECK(arr && json_array_size(arr) == 1);
	if (arr && json_array_size(arr) == 1)
		o = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	free(out);
	return o ? o : json_object();
}

/* A memory stream for the emitter; t_stream_end closes it and returns its
 * text (the caller frees it). */
static inline FILE *t_stream(char **out, size_t *outn)
{
	FILE *f = open_memstream(out, outn);

	if (!f)
		exit(2);
	return f;
}

static inline char *t_stream_end(FILE *f, char *const *out)
{
	fclose(f);
	if (t_verbose())
		fprintf(stderr, "--- %s", *out);
	return *out;
}

/* Walk len attribute bytes at buf (caplen of them captured, behind a guard
 * page) under set, as the attributes "attrs" of one message, with the real
 * emitter in mode into a string, which the caller frees. */
static inline char *tb_walk(struct nlstate *st, enum emit_mode mode, const struct nl_attr_set *set,
			    const uint8_t *buf, size_t len, size_t caplen, int af)
{
	char *out = NULL;
	size_t outn = 0;
	FILE *f = t_stream(&out, &outn);
	struct emitter e;

	emit_init(&e, mode, f);
	const uint8_t *g = t_guard(buf, caplen);
	struct dctx d = { .e = &e, .st = st, .af = af, .msg_start = 0 };
	struct nlc c = nlc_init(g, len, caplen);
	emit_msg_begin(&e);
	nla_walk_under(&d, "attrs", &c, set);
	emit_msg_end(&e);
	emit_fini(&e);
	return t_stream_end(f, &out);
}

/* Decode one frame through the core with the real emitter in mode (time
 * format tf) into a string, which the caller frees. */
static inline char *tb_decode(struct nlstate *st, enum nl_time_fmt tf, enum emit_mode mode,
			      const struct nl_frame *fr)
{
	struct nl_opts o = { .tfmt = tf };
	char *out = NULL;
	size_t outn = 0;
	FILE *f = t_stream(&out, &outn);
	struct emitter e;

	nl_core_init(st, &o);
	emit_init(&e, mode, f);
	nl_decode_frame(st, &e, fr);
	emit_fini(&e);
	return t_stream_end(f, &out);
}

#endif
