/* state_ovs.c - --state: an Open vSwitch flow as `ovs-dpctl dump-flows -m`
 * writes one: "ufid:U, key(value/mask),..., packets:N, bytes:N, used:T,
 * actions:A", from the stored fields of its attrs.key, attrs.mask and
 * attrs.actions (the names of ovs-dpctl's words where they differ from
 * the attributes': eth, eth_type, skb_priority...). */
#include <stdlib.h>
#include <string.h>

#include "state_ip.h"

/* attribute name -> ovs-dpctl's word */
static const char *const odp_words[][2] = {
	{ "ethernet", "eth" }, { "ethertype", "eth_type" }, { "priority", "skb_priority" },
	{ "ct_labels", "ct_label" }, { "ipv6_exthdrs", "ipv6_exthdr" },
};

static const char *odp_word(const char *name, size_t n, size_t *wn)
{
	for (size_t i = 0; i < sizeof(odp_words) / sizeof(odp_words[0]); i++)
		if (strlen(odp_words[i][0]) == n && !strncmp(odp_words[i][0], name, n)) {
			*wn = strlen(odp_words[i][1]);
			return odp_words[i][1];
		}
	*wn = n;
	return name;
}

/* A mask that matches every bit: all "ff" bytes, 255s, or 2^k - 1. */
static bool all_ones(const char *v, size_t n)
{
	if (n >= 2 && v[0] == '"') {
		v++;
		n -= 2;
	}
	if (!n)
		return false;
	bool hex = true, dec = true;
	for (size_t i = 0; i < n; i++) {
		if (v[i] != 'f' && v[i] != ':')
			hex = false;
		if (v[i] != '2' && v[i] != '5' && v[i] != '.')
			dec = false;
	}
	if (hex || (dec && n >= 3))
		return true;
	char *end;
	unsigned long long x = strtoull(v, &end, 10);
	return end == v + n && x && !(x & (x + 1)) && (x == 0xff || x == 0xffff ||
							x == 0xffffffffull || x == ~0ull);
}

/* One stored value as ovs-dpctl writes it (eth_type in hex). */
static void odp_val(struct sbuf *b, const char *word, const char *v, size_t n)
{
	if (!strcmp(word, "eth_type") && v[0] != '"')
		sbuf_printf(b, "0x%04llx", strtoull(v, NULL, 10));
	else
		sv_put_unquoted(b, v, n);
}

/* The members under prefix ("attrs.key."), grouped by their first name:
 * "name(v)" or "name(a=v,b=v)", masked with the same path under mprefix. */
static void odp_group(struct sbuf *b, const char *f, const char *prefix, const char *mprefix)
{
	size_t pl = strlen(prefix);
	const char *open = NULL;	/* the group being written */
	size_t openl = 0;
	bool any = false;

	for (const char *l = f; *l;) {
		const char *nl = strchr(l, '\n'), *tab = strchr(l, '\t');
		if (!nl || !tab || tab > nl)
			break;
		const char *v = strchr(tab + 1, '\t');
		if (strncmp(l, prefix, pl) || !v || v > nl) {
			l = nl + 1;
			continue;
		}
		v++;
		size_t vn = (size_t)(nl - v);
		const char *name = l + pl;
		size_t pathn = (size_t)(tab - name);
		const char *dot = memchr(name, '.', pathn);
		size_t gn = dot ? (size_t)(dot - name) : pathn;
		if (!open || openl != gn || strncmp(open, name, gn)) {
			if (open)
				sbuf_putc(b, ')');
			size_t wn;
			const char *w = odp_word(name, gn, &wn);
			sbuf_puts(b, any ? "," : "");
			sbuf_put(b, w, wn);
			sbuf_putc(b, '(');
			open = name;
			openl = gn;
		} else {
			sbuf_putc(b, ',');
		}
		any = true;
		char word[48];
		size_t wn;
		const char *w = odp_word(name, gn, &wn);
		snprintf(word, sizeof(word), "%.*s", (int)wn, w);
		if (dot) {
			sbuf_put(b, dot + 1, pathn - gn - 1);
			sbuf_putc(b, '=');
		}
		odp_val(b, word, v, vn);
		if (mprefix) {
			char mpath[200];
			snprintf(mpath, sizeof(mpath), "%s%.*s", mprefix, (int)pathn, name);
			size_t mn;
			const char *m = sv_get(f, mpath, &mn, NULL);
			if (m && !all_ones(m, mn)) {
				sbuf_putc(b, '/');
				odp_val(b, word, m, mn);
			}
		}
		l = nl + 1;
	}
	if (open)
		sbuf_putc(b, ')');
}

/* The UFID as ovs-dpctl writes it: four 32-bit words of the capture's
 * order (little-endian) in 8-4-4-4-12 form. */
static bool ufid_text(struct sbuf *b, const char *f)
{
	size_t n;
	const char *v = sv_get(f, "attrs.ufid", &n, NULL);
	uint32_t w[4];

	if (!v || n != 34)
		return false;
	for (int i = 0; i < 4; i++) {
		unsigned x[4];
		if (sscanf(v + 1 + 8 * i, "%2x%2x%2x%2x", &x[0], &x[1], &x[2], &x[3]) != 4)
			return false;
		w[i] = x[0] | x[1] << 8 | x[2] << 16 | (uint32_t)x[3] << 24;
	}
	sbuf_printf(b, "ufid:%08x-%04x-%04x-%04x-%04x%08x", w[0], w[1] >> 16, w[1] & 0xffff,
		    w[2] >> 16, w[2] & 0xffff, w[3]);
	return true;
}

void sv_text_flow(struct sbuf *b, const char *f)
{
	if (ufid_text(b, f))
		sbuf_puts(b, ", ");
	odp_group(b, f, "attrs.key.", "attrs.mask.");
	sbuf_printf(b, ", packets:%llu, bytes:%llu, used:",
		    (unsigned long long)sv_u(f, "attrs.stats.n_packets", 0),
		    (unsigned long long)sv_u(f, "attrs.stats.n_bytes", 0));
	if (sv_has(f, "attrs.used"))
		sbuf_printf(b, "%llums", (unsigned long long)sv_u(f, "attrs.used", 0));
	else
		sbuf_puts(b, "never");
	sbuf_puts(b, ", actions:");
	size_t at = b->len;
	/* output(N) is written N, as ovs-dpctl does */
	for (const char *l = f; *l;) {
		const char *nl = strchr(l, '\n');
		if (!nl)
			break;
		if (!strncmp(l, "attrs.actions.output\t", 21)) {
			const char *v = strchr(l + 21, '\t');
			if (b->len > at)
				sbuf_putc(b, ',');
			if (v && v < nl)
				sbuf_put(b, v + 1, (size_t)(nl - v - 1));
		} else if (!strncmp(l, "attrs.actions.", 14)) {
			const char *tab = strchr(l, '\t');
			const char *dot = tab ? memchr(l + 14, '.', (size_t)(tab - l - 14)) : NULL;
			/* one group per action: its members until the next action */
			char pre[64];
			size_t gl = dot ? (size_t)(dot - l) : tab ? (size_t)(tab - l) : 0;
			snprintf(pre, sizeof(pre), "%.*s", (int)gl, l);
			if (b->len > at)
				sbuf_putc(b, ',');
			if (!dot) {
				sbuf_put(b, l + 14, gl - 14);
			} else {
				sbuf_put(b, l + 14, gl - 14);
				sbuf_putc(b, '(');
				size_t pl = strlen(pre);
				bool one = true;
				const char *start = l, *after = nl + 1;
				while (*l && !strncmp(l, pre, pl) && l[pl] == '.') {
					const char *t2 = strchr(l, '\t'), *e2 = strchr(l, '\n');
					const char *v2 = t2 ? strchr(t2 + 1, '\t') : NULL;
					if (!e2 || !v2 || v2 > e2)
						break;
					sbuf_puts(b, one ? "" : ",");
					one = false;
					sbuf_put(b, l + pl + 1, (size_t)(t2 - l - pl - 1));
					sbuf_putc(b, '=');
					sv_put_unquoted(b, v2 + 1, (size_t)(e2 - v2 - 1));
					l = e2 + 1;
				}
				sbuf_putc(b, ')');
				if (l == start)
					l = after;	/* not one member read: go on */
				continue;
			}
		}
		l = nl + 1;
	}
	if (b->len == at)
		sbuf_puts(b, "drop");
	sbuf_putc(b, '\n');
}
