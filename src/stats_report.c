/* stats_report.c - the --stats report: a table writer (aligned text
 * tables, or the members of one JSON object) and the sections, one
 * function each, named in stats_sections[] (-z NAME).  A section of
 * another module is one more row and its function. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "genlmap.h"
#include "nlcore.h"
#include "stats_priv.h"

#define TOP_PORTS 10

/* ---- the table writer ---- */

static void json_key(struct stats_out *o, const char *key)
{
	emit_json_string(o->out, (const uint8_t *)key, strlen(key), false);
	sbuf_putc(o->out, ':');
}

static void begin(struct stats_out *o, const char *key, const char *title)
{
	if (o->json) {
		if (o->nsec)
			sbuf_putc(o->out, ',');
		json_key(o, key);
	} else {
		if (o->nsec)
			sbuf_putc(o->out, '\n');
		sbuf_printf(o->out, "== %s: %s ==\n", key, title);
	}
	o->nsec++;
	o->cell = 0;
	o->ncells = 0;
	sbuf_reset(&o->cells);
}

void so_table_begin(struct stats_out *o, const char *key, const char *title,
		    const struct stats_col *cols, unsigned ncols)
{
	begin(o, key, title);
	o->cols = cols;
	o->ncols = ncols;
	o->object = false;
	if (o->json)
		sbuf_putc(o->out, '[');
	else
		for (unsigned i = 0; i < ncols; i++)
			so_str(o, cols[i].title);
}

void so_object_begin(struct stats_out *o, const char *key, const char *title)
{
	begin(o, key, title);
	o->object = true;
	o->ncols = 2;
	if (o->json)
		sbuf_putc(o->out, '{');
}

/* text: a cell, kept until the table's widths are known */
static void text_cell(struct stats_out *o, const char *s, size_t n)
{
	sbuf_put(&o->cells, s, n);
	sbuf_putc(&o->cells, 0);
	o->ncells++;
}

/* JSON: the separator and key of the next cell of a row */
static void json_cell(struct stats_out *o)
{
	unsigned c = o->cell % o->ncols;

	if (c == 0)
		sbuf_puts(o->out, o->cell ? ",{" : "{");
	else
		sbuf_putc(o->out, ',');
	json_key(o, o->cols[c].key);
}

static void json_row_end(struct stats_out *o)
{
	if (++o->cell % o->ncols == 0)
		sbuf_putc(o->out, '}');
}

void so_str(struct stats_out *o, const char *s)
{
	if (!o->json) {
		struct sbuf t = { 0 };
		if (s)
			sbuf_escape(&t, (const uint8_t *)s, strlen(s), 0);
		text_cell(o, s ? t.p : "-", s ? t.len : 1);
		sbuf_free(&t);
		return;
	}
	json_cell(o);
	if (s)
		emit_json_string(o->out, (const uint8_t *)s, strlen(s), true);
	else
		sbuf_puts(o->out, "null");
	json_row_end(o);
}

/* a number's cell, its text made by the caller */
static void num_cell(struct stats_out *o, const char *b, int n)
{
	if (!o->json) {
		text_cell(o, b, (size_t)n);
		return;
	}
	json_cell(o);
	sbuf_put(o->out, b, (size_t)n);
	json_row_end(o);
}

void so_u64(struct stats_out *o, uint64_t v)
{
	char b[24];

	num_cell(o, b, snprintf(b, sizeof(b), "%llu", (unsigned long long)v));
}

void so_i64(struct stats_out *o, int64_t v)
{
	char b[24];

	num_cell(o, b, snprintf(b, sizeof(b), "%lld", (long long)v));
}

void so_us(struct stats_out *o, double us)
{
	char b[32];

	num_cell(o, b, snprintf(b, sizeof(b), "%.1f", us));
}

static void kv_key(struct stats_out *o, const char *key)
{
	if (o->json) {
		if (o->cell++)
			sbuf_putc(o->out, ',');
		json_key(o, key);
	} else {
		text_cell(o, key, strlen(key));
	}
}

void so_kv_u64(struct stats_out *o, const char *key, uint64_t v)
{
	char b[24];
	int n = snprintf(b, sizeof(b), "%llu", (unsigned long long)v);

	kv_key(o, key);
	if (o->json)
		sbuf_put(o->out, b, (size_t)n);
	else
		text_cell(o, b, (size_t)n);
}

void so_kv_null(struct stats_out *o, const char *key)
{
	kv_key(o, key);
	if (o->json)
		sbuf_puts(o->out, "null");
	else
		text_cell(o, "-", 1);
}

/* text: the cells in columns, numbers to the right */
static void text_flush(struct stats_out *o)
{
	size_t w[16] = { 0 }, nc = o->ncols < 16 ? o->ncols : 16;
	const char *p = o->cells.p;

	for (size_t i = 0; i < o->ncells; i++, p += strlen(p) + 1)
		if (strlen(p) > w[i % nc])
			w[i % nc] = strlen(p);
	p = o->cells.p;
	for (size_t i = 0; i < o->ncells; i++, p += strlen(p) + 1) {
		size_t c = i % nc, l = strlen(p);
		bool right = o->object ? c == 1 : o->cols[c].num;
		bool last = c == nc - 1 || i == o->ncells - 1;
		if (c)
			sbuf_puts(o->out, "  ");
		if (right)
			for (size_t k = l; k < w[c]; k++)
				sbuf_putc(o->out, ' ');
		sbuf_put(o->out, p, l);
		if (!right && !last)
			for (size_t k = l; k < w[c]; k++)
				sbuf_putc(o->out, ' ');
		if (last)
			sbuf_putc(o->out, '\n');
	}
}

void so_end(struct stats_out *o)
{
	if (o->json)
		sbuf_putc(o->out, o->object ? '}' : ']');
	else
		text_flush(o);
}

/* The row of what a bounded table did not keep: "others", blanks empty
 * cells, then the numbers. */
static void others_row(struct stats_out *o, unsigned blanks, const uint64_t *nums,
		       unsigned nn)
{
	so_str(o, "others");
	for (unsigned i = 0; i < blanks; i++)
		so_str(o, NULL);
	for (unsigned i = 0; i < nn; i++)
		so_u64(o, nums[i]);
}

/* ---- sorting ---- */

static int cmp_u64_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

static const char *proto_name(unsigned proto, char *b, size_t n)
{
	const char *pn = nl_proto_name(proto);

	if (pn)
		return pn;
	snprintf(b, n, "proto %u", proto);
	return b;
}

/* ---- the sections ---- */

static void sec_totals(const struct stats_ctx *c, struct stats_out *o)
{
	const struct stats_totals *t = c->t;

	so_object_begin(o, "totals", "the run");
	so_kv_u64(o, "frames", t->frames);
	so_kv_u64(o, "messages", c->s->msgs);
	so_kv_u64(o, "bytes", c->s->bytes);
	so_kv_u64(o, "copies", t->copies);
	so_kv_u64(o, "copy_messages", c->s->copy_msgs);
	so_kv_u64(o, "notifications", c->s->notifications);
	so_kv_u64(o, "padded_frames", t->padding_frames);
	so_kv_u64(o, "padding_bytes", t->padding_bytes);
	if (t->decoded) {
		so_kv_u64(o, "malformed", t->malformed);
		so_kv_u64(o, "truncated", t->truncated);
		so_kv_u64(o, "unknown_attributes", t->unknown);
	} else {	/* -q decodes no body */
		so_kv_null(o, "malformed");
		so_kv_null(o, "truncated");
		so_kv_null(o, "unknown_attributes");
	}
	if (t->live)
		so_kv_u64(o, "dropped", t->drops);
	so_end(o);
}

static void sec_proto(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "proto", "proto", false }, { "proto_id", "id", true },
		{ "messages", "messages", true }, { "bytes", "bytes", true },
	};
	char b[32];

	so_table_begin(o, "proto", "messages and bytes by protocol", cols, 4);
	for (unsigned i = 0; i <= STATS_PROTOS; i++) {
		if (!c->s->proto[i].msgs)
			continue;
		so_str(o, i < STATS_PROTOS ? proto_name(i, b, sizeof(b)) : "others");
		if (i < STATS_PROTOS)
			so_u64(o, i);
		else
			so_str(o, NULL);
		so_u64(o, c->s->proto[i].msgs);
		so_u64(o, c->s->proto[i].bytes);
	}
	so_end(o);
}

static int cmp_fam(const void *a, const void *b)
{
	const struct st_fam *x = a, *y = b;
	int r = cmp_u64_desc(x->msgs, y->msgs);

	return r ? r : (int)x->id - (int)y->id;
}

static void sec_genl(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "family", "family", false }, { "id", "id", true },
		{ "messages", "messages", true }, { "bytes", "bytes", true },
	};
	size_t n;
	struct st_fam *v = stab_list(&c->s->fams, &n);

	so_table_begin(o, "genl", "generic netlink messages by family", cols, 4);
	if (n)
		qsort(v, n, sizeof(*v), cmp_fam);
	for (size_t i = 0; i < n; i++) {
		const struct genl_family *gf = genl_map_get(c->st->genl, v[i].id);
		so_str(o, gf ? gf->name : v[i].name);
		so_u64(o, v[i].id);
		so_u64(o, v[i].msgs);
		so_u64(o, v[i].bytes);
	}
	if (c->s->fams.over_msgs)
		others_row(o, 1, (uint64_t[]){ c->s->fams.over_msgs, c->s->fams.over_bytes }, 2);
	so_end(o);
	free(v);
}

/* types: by protocol, family and name, those of one name merged */
static int cmp_type_name(const void *a, const void *b)
{
	const struct st_type *x = a, *y = b;
	int r = (int)x->proto - (int)y->proto;

	if (!r)
		r = strcmp(x->family, y->family);
	return r ? r : strcmp(x->name, y->name);
}

static int cmp_type_msgs(const void *a, const void *b)
{
	const struct st_type *x = a, *y = b;
	int r = cmp_u64_desc(x->msgs, y->msgs);

	return r ? r : cmp_type_name(a, b);
}

static struct st_type *types_merged(const struct stats *s, size_t *n)
{
	struct st_type *v = stab_list(&s->types, n);
	size_t k = 0;

	if (!*n)
		return v;
	qsort(v, *n, sizeof(*v), cmp_type_name);
	for (size_t i = 0; i < *n; i++) {
		if (k && !cmp_type_name(&v[k - 1], &v[i])) {
			v[k - 1].msgs += v[i].msgs;
			v[k - 1].bytes += v[i].bytes;
			v[k - 1].copies += v[i].copies;
		} else {
			v[k++] = v[i];
		}
	}
	*n = k;
	qsort(v, k, sizeof(*v), cmp_type_msgs);
	return v;
}

static void sec_types(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "proto", "proto", false }, { "family", "family", false },
		{ "type", "type", false }, { "messages", "messages", true },
		{ "bytes", "bytes", true },
	};
	size_t n;
	struct st_type *v = types_merged(c->s, &n);
	char b[32];

	so_table_begin(o, "types", "messages by command or message type", cols, 5);
	for (size_t i = 0; i < n; i++) {
		so_str(o, proto_name(v[i].proto, b, sizeof(b)));
		so_str(o, v[i].family[0] ? v[i].family : NULL);
		so_str(o, v[i].name);
		so_u64(o, v[i].msgs);
		so_u64(o, v[i].bytes);
	}
	if (c->s->types.over_msgs)
		others_row(o, 2, (uint64_t[]){ c->s->types.over_msgs, c->s->types.over_bytes },
			   2);
	so_end(o);
	free(v);
}

static int cmp_err(const void *a, const void *b)
{
	const struct st_err *x = a, *y = b;
	int r = cmp_u64_desc(x->n, y->n);

	if (!r)
		r = (int)x->proto - (int)y->proto;
	if (!r)
		r = x->err < y->err ? -1 : x->err > y->err;
	return r ? r : strcmp(x->request, y->request);
}

static void sec_errors(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "proto", "proto", false }, { "request", "request", false },
		{ "error", "error", false }, { "code", "code", true },
		{ "count", "count", true },
	};
	size_t n;
	struct st_err *v = stab_list(&c->s->errs, &n);
	char b[32];

	so_table_begin(o, "errors", "errors by request and errno", cols, 5);
	if (n)
		qsort(v, n, sizeof(*v), cmp_err);
	for (size_t i = 0; i < n; i++) {
		uint64_t cnt = v[i].n;
		so_str(o, proto_name(v[i].proto, b, sizeof(b)));
		so_str(o, v[i].request);
		so_str(o, nl_errno_name(v[i].err));
		so_i64(o, v[i].err);
		so_u64(o, cnt);
	}
	if (c->s->errs.over_msgs)
		others_row(o, 3, &c->s->errs.over_msgs, 1);
	so_end(o);
	free(v);
}

static void sec_copies(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "proto", "proto", false }, { "family", "family", false },
		{ "type", "type", false }, { "copies", "copies", true },
	};
	size_t n;
	struct st_type *v = types_merged(c->s, &n);
	char b[32];

	so_table_begin(o, "copies", "messages seen more than once (multicast copies)",
		       cols, 4);
	for (size_t i = 0; i < n; i++) {
		if (!v[i].copies)
			continue;
		so_str(o, proto_name(v[i].proto, b, sizeof(b)));
		so_str(o, v[i].family[0] ? v[i].family : NULL);
		so_str(o, v[i].name);
		so_u64(o, v[i].copies);
	}
	so_end(o);
	free(v);
}

static int cmp_group(const void *a, const void *b)
{
	const struct st_group *x = a, *y = b;
	int r = cmp_u64_desc(x->msgs, y->msgs);

	if (!r)
		r = (int)x->proto - (int)y->proto;
	return r ? r : x->group < y->group ? -1 : x->group > y->group;
}

static void sec_groups(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "proto", "proto", false }, { "group", "group", false },
		{ "group_id", "id", true }, { "messages", "messages", true },
		{ "bytes", "bytes", true },
	};
	size_t n;
	struct st_group *v = stab_list(&c->s->groups, &n);
	char b[32], gb[80];

	so_table_begin(o, "groups", "notifications by multicast group (- : not known)",
		       cols, 5);
	if (n)
		qsort(v, n, sizeof(*v), cmp_group);
	for (size_t i = 0; i < n; i++) {
		so_str(o, proto_name(v[i].proto, b, sizeof(b)));
		so_str(o, v[i].group ? nl_group_name(c->st, v[i].proto, v[i].group, gb,
						       sizeof(gb)) : NULL);
		if (v[i].group)
			so_u64(o, v[i].group);
		else
			so_str(o, NULL);
		so_u64(o, v[i].msgs);
		so_u64(o, v[i].bytes);
	}
	so_end(o);
	free(v);
}

static int cmp_port(const void *a, const void *b)
{
	const struct st_port *x = a, *y = b;
	int r = cmp_u64_desc(x->to_kernel + x->to_user, y->to_kernel + y->to_user);

	if (!r)
		r = (int)x->proto - (int)y->proto;
	return r ? r : x->pid < y->pid ? -1 : x->pid > y->pid;
}

static void sec_ports(const struct stats_ctx *c, struct stats_out *o)
{
	static const struct stats_col cols[] = {
		{ "proto", "proto", false }, { "pid", "port id", true },
		{ "to_kernel", "to kernel", true }, { "to_user", "to user", true },
		{ "bytes", "bytes", true },
	};
	size_t n;
	struct st_port *v = stab_list(&c->s->ports, &n);
	uint64_t ok = 0, ou = 0, ob = 0;
	char b[32];

	so_table_begin(o, "ports", "the busiest port ids (nlmsg_pid)", cols, 5);
	if (n)
		qsort(v, n, sizeof(*v), cmp_port);
	for (size_t i = 0; i < n; i++) {
		if (i >= TOP_PORTS) {
			ok += v[i].to_kernel;
			ou += v[i].to_user;
			ob += v[i].bytes;
			continue;
		}
		so_str(o, proto_name(v[i].proto, b, sizeof(b)));
		so_u64(o, v[i].pid);
		so_u64(o, v[i].to_kernel);
		so_u64(o, v[i].to_user);
		so_u64(o, v[i].bytes);
	}
	/* with the ports the table could not keep */
	uint64_t ovk = c->s->ports_over_kernel;
	if (n > TOP_PORTS || c->s->ports.over_msgs)
		others_row(o, 1, (uint64_t[]){ ok + ovk, ou + c->s->ports.over_msgs - ovk,
					       ob + c->s->ports.over_bytes }, 3);
	so_end(o);
	free(v);
}

static const struct stats_section stats_sections[] = {
	{ "totals", sec_totals },
	{ "proto", sec_proto },
	{ "genl", sec_genl },
	{ "types", sec_types },
	{ "errors", sec_errors },
	{ "copies", sec_copies },
	{ "groups", sec_groups },
	{ "ports", sec_ports },
	{ "txn", stats_sec_txn },	/* stats_txn.c */
	{ "dumps", stats_sec_dumps },
	{ "latency", stats_sec_latency },
	{ "unanswered", stats_sec_unanswered },
	{ "ovs-flows", stats_sec_ovs_flows },
};
#define NSECTIONS (sizeof(stats_sections) / sizeof(stats_sections[0]))

unsigned stats_section_bit(const char *name)
{
	for (unsigned i = 0; i < NSECTIONS; i++)
		if (!strcmp(name, stats_sections[i].name))
			return 1u << i;
	return 0;
}

unsigned stats_txn_sections(void)
{
	return stats_section_bit("txn") | stats_section_bit("dumps") |
	       stats_section_bit("latency") | stats_section_bit("unanswered");
}

unsigned stats_all_sections(void)
{
	return (1u << NSECTIONS) - 1;
}

const char *stats_section_list(void)
{
	return "totals, proto, genl, types, errors, copies, groups, ports, txn, dumps, latency, "
	       "unanswered, ovs-flows";
}

bool stats_report(const struct stats *s, const struct nlstate *st,
		  const struct stats_totals *t, unsigned mask, bool json, FILE *out)
{
	struct sbuf b = { 0 };
	struct stats_out o = { .json = json, .out = &b };
	struct stats_ctx c = { s, st, t, mask == stats_all_sections() };

	if (json)
		sbuf_puts(&b, "{\"stats\":{");
	for (unsigned i = 0; i < NSECTIONS; i++)
		if (mask & (1u << i))
			stats_sections[i].write(&c, &o);
	if (json)
		sbuf_puts(&b, "}}\n");
	bool ok = !b.len || fwrite(b.p, 1, b.len, out) == b.len;
	sbuf_free(&b);
	sbuf_free(&o.cells);
	return fflush(out) == 0 && ok;
}
