/* state_out.c - --state: the tables printed (text blocks in each tool's
 * words, or one JSON object of lists in their -j shapes), and
 * --state-diff: what was added, removed and changed between two points. */
#include <stdlib.h>
#include <string.h>

#include "state_ip.h"

const char *const sv_cls_name[SVC_N] = {
	[SVC_LINK] = "links", [SVC_ADDR] = "addresses", [SVC_ROUTE] = "routes",
	[SVC_NEIGH] = "neighbours", [SVC_RULE] = "rules", [SVC_NEXTHOP] = "nexthops",
	[SVC_QDISC] = "qdiscs", [SVC_OVS_DP] = "ovs_datapaths", [SVC_OVS_VPORT] = "ovs_vports",
	[SVC_OVS_FLOW] = "ovs_flows", [SVC_GENL] = "genl_families",
};

const char *const sv_cls_title[SVC_N] = {
	[SVC_LINK] = "ip link", [SVC_ADDR] = "ip addr", [SVC_ROUTE] = "ip route show table all",
	[SVC_NEIGH] = "ip neigh", [SVC_RULE] = "ip rule", [SVC_NEXTHOP] = "ip nexthop",
	[SVC_QDISC] = "tc qdisc", [SVC_OVS_DP] = "ovs-dpctl show",
	[SVC_OVS_VPORT] = "ovs-dpctl show (ports)", [SVC_OVS_FLOW] = "ovs-dpctl dump-flows",
	[SVC_GENL] = "genl ctrl list",
};

void sv_json_obj(const struct state_view *s, struct sbuf *b, uint8_t cls, const char *fields)
{
	sv_renders[cls].json(s, b, fields);
}

void sv_text_obj(const struct state_view *s, struct sbuf *b, uint8_t cls, const char *fields)
{
	sv_renders[cls].text(s, b, fields);
}

/* Keys in a natural order: runs of digits by their value. */
static int natcmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			unsigned long long x = strtoull(a, &ea, 10), y = strtoull(b, &eb, 10);
			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int snap_cmp(const void *x, const void *y)
{
	const struct sv_snap_obj *a = x, *b = y;

	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	return natcmp(a->key, b->key);
}

/* The live objects, sorted by class and key; copies only when copy. */
static void collect(struct state_view *s, struct sv_snap *sn, bool copy)
{
	memset(sn, 0, sizeof(*sn));
	sn->frame = s->upto;
	sn->v = calloc(s->n ? s->n : 1, sizeof(*sn->v));
	if (!sn->v) {
		fputs("nldump: out of memory\n", stderr);
		exit(3);
	}
	for (uint32_t i = 0; i < s->n; i++) {
		struct sv_obj *o = &s->o[i];
		if (!o->fields)
			continue;
		struct sv_snap_obj *d = &sn->v[sn->n++];
		d->cls = o->cls;
		d->partial = sv_partial(s, o);
		d->key = copy ? strdup(o->key) : o->key;
		d->fields = copy ? strdup(o->fields) : o->fields;
		if (copy && (!d->key || !d->fields)) {
			fputs("nldump: out of memory\n", stderr);
			exit(3);
		}
	}
	qsort(sn->v, sn->n, sizeof(*sn->v), snap_cmp);
}

void sv_snap_take(struct state_view *s, struct sv_snap *sn)
{
	collect(s, sn, true);
}

void sv_snap_free(struct sv_snap *sn)
{
	for (uint32_t i = 0; i < sn->n; i++) {
		free(sn->v[i].key);
		free(sn->v[i].fields);
	}
	free(sn->v);
	memset(sn, 0, sizeof(*sn));
}

/* An object's JSON, with "partial": true when it is partly known. */
static void obj_json(const struct state_view *s, struct sbuf *b, const struct sv_snap_obj *o)
{
	size_t at = b->len;

	sv_json_obj(s, b, o->cls, o->fields);
	if (o->partial && b->len > at && b->p[b->len - 1] == '}') {
		b->len--;
		sbuf_puts(b, b->p[b->len - 1] == '{' ? "\"partial\":true}" : ",\"partial\":true}");
	}
}

/* An object's text, " (partly known)" at the end of its first line. */
static void obj_text(const struct state_view *s, struct sbuf *b, const struct sv_snap_obj *o)
{
	size_t at = b->len;

	sv_text_obj(s, b, o->cls, o->fields);
	if (!o->partial)
		return;
	char *nl = memchr(b->p + at, '\n', b->len - at);
	size_t cut = nl ? (size_t)(nl - b->p) : b->len;
	struct sbuf tail = { 0 };
	sbuf_put(&tail, b->p + cut, b->len - cut);
	b->len = cut;
	sbuf_puts(b, " (partly known)");
	if (tail.len)
		sbuf_put(b, tail.p, tail.len);
	sbuf_free(&tail);
}

static uint64_t addr_ifindex(const struct sv_snap_obj *o)
{
	return sv_u(o->fields, "ifaddrmsg.index", 0);
}

/* ip -j addr: one entry per link that has addresses, addr_info inside. */
static void addrs_json(const struct state_view *s, struct sbuf *b, const struct sv_snap_obj *v,
		       uint32_t n)
{
	bool one = true;

	for (uint32_t i = 0; i < n;) {
		uint64_t idx = addr_ifindex(&v[i]);
		const char *lf = sv_link(s, idx);
		sbuf_puts(b, one ? "{" : ",{");
		one = false;
		sv_json_addr_link(s, b, idx, lf);
		sbuf_putc(b, '[');
		for (bool first = true; i < n && addr_ifindex(&v[i]) == idx; i++, first = false) {
			if (!first)
				sbuf_putc(b, ',');
			obj_json(s, b, &v[i]);
		}
		sbuf_puts(b, "]}");
	}
}

void sv_print(struct state_view *s, struct sbuf *b)
{
	struct sv_snap sn;

	collect(s, &sn, false);
	if (s->json) {
		sbuf_printf(b, "{\"frame\":%llu", (unsigned long long)s->upto);
	}
	for (uint8_t c = 0; c < SVC_N; c++) {
		uint32_t i = 0, end;
		while (i < sn.n && sn.v[i].cls < c)
			i++;
		for (end = i; end < sn.n && sn.v[end].cls == c; end++)
			;
		if (s->json) {
			sbuf_printf(b, ",\"%s\":[", sv_cls_name[c]);
			if (c == SVC_ADDR) {
				addrs_json(s, b, sn.v + i, end - i);
			} else {
				for (uint32_t j = i; j < end; j++) {
					if (j > i)
						sbuf_putc(b, ',');
					obj_json(s, b, &sn.v[j]);
				}
			}
			sbuf_putc(b, ']');
			continue;
		}
		if (i == end)
			continue;
		sbuf_printf(b, "# %s\n", sv_cls_title[c]);
		for (uint32_t j = i; j < end; j++)
			obj_text(s, b, &sn.v[j]);
	}
	if (s->json) {
		bool first = true;
		sbuf_puts(b, ",\"dropped\":{");
		for (uint8_t c = 0; c < SVC_N; c++)
			if (s->dropped[c])
				sj_u64(b, &first, sv_cls_name[c], s->dropped[c]);
		sbuf_puts(b, "}}\n");
	}
	free(sn.v);
}

/* The paths whose lines differ between two objects' fields, ", "-joined. */
static void changed_paths(struct sbuf *out, const char *a, const char *b, bool json)
{
	const char *sides[2] = { a, b };
	struct sbuf seen = { 0 };
	bool one = true;

	for (int side = 0; side < 2; side++) {
		const char *other = sides[!side];
		for (const char *l = sides[side]; *l;) {
			const char *nl = strchr(l, '\n');
			if (!nl)
				break;
			size_t ll = (size_t)(nl - l) + 1;
			/* the same line in the other: unchanged */
			bool same = false;
			for (const char *m = other; *m && !same;) {
				const char *ml = strchr(m, '\n');
				if (!ml)
					break;
				same = (size_t)(ml - m) + 1 == ll && !memcmp(m, l, ll);
				m = ml + 1;
			}
			size_t pl = strcspn(l, "\t");
			/* each path once */
			bool dup = false;
			for (const char *q = seen.p; q && *q && !dup;) {
				size_t ql = strcspn(q, "\n");
				dup = ql == pl && !memcmp(q, l, pl);
				q += ql + (q[ql] == '\n');
			}
			if (!same && !dup) {
				sbuf_put(&seen, l, pl);
				sbuf_putc(&seen, '\n');
				if (!one)
					sbuf_puts(out, json ? "," : ", ");
				one = false;
				if (json) {
					emit_json_string(out, (const uint8_t *)l, pl, false);
				} else {
					/* text: the path, its value before and after */
					char path[200];
					snprintf(path, sizeof(path), "%.*s", (int)pl, l);
					sbuf_puts(out, path);
					for (int w = 0; w < 2; w++) {
						size_t n;
						const char *v = sv_get(sides[w], path, &n, NULL);
						sbuf_puts(out, w ? " -> " : " ");
						if (v)
							sv_put_unquoted(out, v, n);
						else
							sbuf_puts(out, "(none)");
					}
				}
			}
			l += ll;
		}
	}
	sbuf_free(&seen);
}

static void diff_item(struct state_view *s, struct sbuf *b, char op, const struct sv_snap_obj *x,
		      const struct sv_snap_obj *y, bool *one)
{
	const struct sv_snap_obj *o = y ? y : x;

	if (s->json) {
		sbuf_puts(b, *one ? "{" : ",{");
		*one = false;
		bool first = true;
		sj_str(b, &first, "change", op == '+' ? "added" : op == '-' ? "removed" : "changed");
		sj_str(b, &first, "table", sv_cls_name[o->cls]);
		if (x) {
			sj_key(b, &first, "before");
			obj_json(s, b, x);
		}
		if (y) {
			sj_key(b, &first, "after");
			obj_json(s, b, y);
		}
		if (x && y) {
			sj_key(b, &first, "fields");
			sbuf_putc(b, '[');
			changed_paths(b, x->fields, y->fields, true);
			sbuf_putc(b, ']');
		}
		sbuf_putc(b, '}');
		return;
	}
	sbuf_printf(b, "%c %s: ", op, sv_cls_name[o->cls]);
	obj_text(s, b, o);
	if (x && y) {
		sbuf_puts(b, "    changed: ");
		changed_paths(b, x->fields, y->fields, false);
		sbuf_putc(b, '\n');
	}
}

void sv_print_diff(struct state_view *s, struct sbuf *b)
{
	struct sv_snap bs;
	const struct sv_snap *as = &s->snap_a;
	bool one = true;

	collect(s, &bs, false);
	if (s->json)
		sbuf_printf(b, "{\"from_frame\":%llu,\"to_frame\":%llu,\"changes\":[",
			    (unsigned long long)as->frame, (unsigned long long)bs.frame);
	else
		sbuf_printf(b, "# state changes after frame %llu, up to frame %llu\n",
			    (unsigned long long)as->frame, (unsigned long long)bs.frame);
	uint32_t i = 0, j = 0;
	while (i < as->n || j < bs.n) {
		int c = i == as->n ? 1 : j == bs.n ? -1 : snap_cmp(&as->v[i], &bs.v[j]);
		if (c < 0) {
			diff_item(s, b, '-', &as->v[i++], NULL, &one);
		} else if (c > 0) {
			diff_item(s, b, '+', NULL, &bs.v[j++], &one);
		} else {
			if (strcmp(as->v[i].fields, bs.v[j].fields) ||
			    as->v[i].partial != bs.v[j].partial)
				diff_item(s, b, '~', &as->v[i], &bs.v[j], &one);
			i++;
			j++;
		}
	}
	/* deleted in between, never seen whole: partly known removals */
	for (uint32_t k = 0; k < s->n; k++) {
		const struct sv_obj *o = &s->o[k];
		if (o->seen_whole || o->fields || o->frame <= as->frame || o->frame > bs.frame)
			continue;
		if (s->json) {
			sbuf_puts(b, one ? "{" : ",{");
			one = false;
			bool first = true;
			sj_str(b, &first, "change", "removed");
			sj_str(b, &first, "table", sv_cls_name[o->cls]);
			sj_str(b, &first, "key", o->key);
			sj_key(b, &first, "partial");
			sbuf_puts(b, "true}");
		} else {
			/* the key's values, without the JSON quotes of the strings */
			struct sbuf kt = { 0 };
			for (const char *p = o->key; *p; p++)
				if (*p != '"')
					sbuf_putc(&kt, *p);
			sbuf_printf(b, "- %s: key ", sv_cls_name[o->cls]);
			sbuf_escape(b, (const uint8_t *)(kt.p ? kt.p : ""), kt.len, 0);
			sbuf_free(&kt);
			sbuf_puts(b, " (partly known: seen only as a deletion)\n");
		}
	}
	if (s->json)
		sbuf_puts(b, "]}\n");
	free(bs.v);
}
