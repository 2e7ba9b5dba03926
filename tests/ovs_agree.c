/* ovs_agree.c - the Open vSwitch hand tables (dissectors/ovs_*.c) and the
 * kernel's OVS specs (specs/ynl/ovs_*.yaml with specs/overlay) agree on
 * every number and name they share (issue 12):
 *
 *   ovs_agree SPEC.yaml... [--overlay OVERLAY.yaml]...
 *
 * For each family of a spec, its hand dissector and its spec's (built by
 * the engine) are walked side by side from each command: the command's
 * name, its fixed header's members, and the attribute sets from there
 * (nests paired by the attribute that holds them): an attribute both
 * name at one number must have one name (hyphens and underscores, case
 * alike), the same width for an integer, and enum and flag entries named
 * alike.  Prints one line per difference; status 1 if any is not in the
 * known list below (each with its reason).  What only one side has (the
 * hand tables decode more, or the spec names an attribute the kernel
 * does not send) is counted, not a difference.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"
#include "spec_priv.h"

/* differences that are the names' habits, not numbers that disagree:
 * "family what hand spec" */
static const char *const known[] = {
	/* ct_state bits: the hand tables print them as ovs-dpctl does
	 * (docs/hacking.md: names as the tools print them) */
	"ovs_flow GET.key.ct_state[1] est established",
	"ovs_flow GET.key.ct_state[2] rel related",
	"ovs_flow GET.key.ct_state[3] rpl reply-dir",
	"ovs_flow GET.key.ct_state[4] inv invalid",
	"ovs_flow GET.key.ct_state[5] trk tracked",
	"ovs_flow GET.key.ct_state[6] snat src-nat",
	"ovs_flow GET.key.ct_state[7] dnat dst-nat",
	/* OVS_TUNNEL_ATTR_DST_PORT: the kernel puts a u16
	 * (vport_tunnel_get_options: nla_put_u16); the spec says u32 */
	"ovs_vport GET.options.dst_port width differs",
	NULL,
};

static unsigned ndiff, nknown, nshared, nonly;

/* "a.b" into out (n bytes), cut to fit */
static void join(char *out, size_t n, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la > n - 1)
		la = n - 1;
	memcpy(out, a, la);
	if (la + 1 < n)
		out[la++] = '.';
	if (lb > n - 1 - la)
		lb = n - 1 - la;
	memcpy(out + la, b, lb);
	out[la + lb] = 0;
}

static void norm(char *out, size_t n, const char *s)
{
	size_t i = 0;
	for (; s && *s && i + 1 < n; s++)
		if (*s != '-' && *s != '_')
			out[i++] = (char)tolower((unsigned char)*s);
	out[i] = 0;
}

static bool same(const char *a, const char *b)
{
	char x[128], y[128];
	norm(x, sizeof(x), a);
	norm(y, sizeof(y), b);
	return !strcmp(x, y);
}

static void diff(const char *fam, const char *where, const char *hand, const char *spec)
{
	char line[512];
	snprintf(line, sizeof(line), "%s %s %s %s", fam, where, hand ? hand : "-",
		 spec ? spec : "-");
	for (unsigned i = 0; known[i]; i++)
		if (!strcmp(known[i], line)) {
			nknown++;
			printf("known: %s\n", line);
			return;
		}
	ndiff++;
	printf("DIFF: %s\n", line);
}

static unsigned width(uint8_t k)
{
	switch (k) {
	case NLA_KIND_U8: case NLA_KIND_S8: return 1;
	case NLA_KIND_U16: case NLA_KIND_S16: case NLA_KIND_BE16: return 2;
	case NLA_KIND_U32: case NLA_KIND_S32: case NLA_KIND_BE32: case NLA_KIND_IPV4: return 4;
	case NLA_KIND_U64: case NLA_KIND_S64: case NLA_KIND_BE64: return 8;
	default: return 0;
	}
}

static void names(const char *fam, const char *where, const struct nl_names *h,
		  const struct nl_names *s)
{
	char w[256];
	if (!h || !s)
		return;
	for (unsigned v = 0; v < h->n && v < s->n; v++) {
		if (!h->v[v] || !s->v[v])
			continue;
		nshared++;
		if (!same(h->v[v], s->v[v])) {
			snprintf(w, sizeof(w), "%s[%u]", where, v);
			diff(fam, w, h->v[v], s->v[v]);
		}
	}
}

#define SEEN_MAX 4096
struct walk {
	const char *fam;
	const struct nl_attr_set *seen[SEEN_MAX][2];
	unsigned nseen;
};

/* a struct member: the spec may prefix it with its struct's word
 * ("ipv4-src" for the hand tables' "src" in struct ovs_key_ipv4) */
static bool same_member(const char *h, const char *s)
{
	const char *dash = strchr(s, '-');
	return same(h, s) || (dash && same(h, dash + 1));
}

static bool is_pad(const struct nl_attr_pol *f)
{
	return f->kind == NLA_KIND_PAD || !f->name || !strncmp(f->name, "pad", 3);
}

static unsigned fwidth(const struct nl_attr_pol *f)
{
	if (f->kind == NLA_KIND_STRUCT)
		return f->st->size;
	if (f->kind == NLA_KIND_IPV6)
		return 16;
	if (f->kind == NLA_KIND_MAC)
		return f->len ? f->len : 6;
	return width(f->kind) ? width(f->kind) : f->len;
}

/* members at the same offset (padding skipped on both sides) */
static void fields(struct walk *w, const char *where, const struct nl_struct *h,
		   const struct nl_struct *s)
{
	char p[256];
	unsigned ho = 0;
	if (!h || !s)
		return;
	for (unsigned i = 0; i < h->nfields; ho += fwidth(&h->fields[i]), i++) {
		const struct nl_attr_pol *a = &h->fields[i];
		unsigned so = 0;
		if (is_pad(a))
			continue;
		for (unsigned j = 0; j < s->nfields; so += fwidth(&s->fields[j]), j++) {
			const struct nl_attr_pol *b = &s->fields[j];
			if (so != ho || is_pad(b))
				continue;
			join(p, sizeof(p), where, a->name);
			nshared++;
			if (!same_member(a->name, b->name))
				diff(w->fam, p, a->name, b->name);
			if (fwidth(a) != fwidth(b))
				diff(w->fam, p, "width", "differs");
		}
	}
}

static void sets(struct walk *w, const char *where, const struct nl_attr_set *h,
		 const struct nl_attr_set *s, int depth)
{
	char p[256];
	if (!h || !s || depth > 8)
		return;
	for (unsigned k = 0; k < w->nseen; k++)
		if (w->seen[k][0] == h && w->seen[k][1] == s)
			return;
	if (w->nseen < SEEN_MAX) {
		w->seen[w->nseen][0] = h;
		w->seen[w->nseen++][1] = s;
	}
	unsigned max = h->max > s->max ? h->max : s->max;
	for (unsigned t = 0; t <= max; t++) {
		const struct nl_attr_pol *a = t <= h->max ? &h->attrs[t] : NULL;
		const struct nl_attr_pol *b = t <= s->max ? &s->attrs[t] : NULL;
		if (a && !a->name)
			a = NULL;
		if (b && !b->name)
			b = NULL;
		if (!a || !b) {
			nonly += a || b;
			continue;
		}
		join(p, sizeof(p), where, a->name);
		nshared++;
		if (!same(a->name, b->name))
			diff(w->fam, p, a->name, b->name);
		if (width(a->kind) && width(b->kind) && width(a->kind) != width(b->kind))
			diff(w->fam, p, "width", "differs");
		names(w->fam, p, a->enums, b->enums);
		names(w->fam, p, a->bits, b->bits);
		if (a->st && b->st)
			fields(w, p, a->st, b->st);
		sets(w, p, a->nest, b->nest, depth + 1);
	}
}

static void msgs(struct walk *w, const char *dir, const struct nl_msgdef *h, unsigned nh,
		 const struct nl_msgdef *s, unsigned ns)
{
	char p[256];
	for (unsigned c = 0; c < nh && c < ns; c++) {
		if (!h[c].name || !s[c].name)
			continue;
		snprintf(p, sizeof(p), "%s[%u]", dir, c);
		nshared++;
		if (!same(h[c].name, s[c].name))
			diff(w->fam, p, h[c].name, s[c].name);
		snprintf(p, sizeof(p), "%s", h[c].name);
		if (h[c].hdr && s[c].hdr)
			fields(w, p, h[c].hdr, s[c].hdr);
		sets(w, p, h[c].attrs, s[c].attrs, 0);
	}
}

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "%s\n", msg);
}

int main(int argc, char **argv)
{
	struct spec_reg *r = spec_reg_new_empty();
	int bad = 0;

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--overlay") && spec_reg_load(r, argv[i], report, NULL))
			bad = 1;
	struct walk *w = calloc(1, sizeof(*w));
	if (!r || !w)
		return 3;
	for (unsigned k = 0; spec_reg_name(r, k); k++) {
		const char *name = spec_reg_name(r, k);
		const struct nl_dissector *h = nl_dissector_for_genl(name);
		const struct spec_family *f = spec_reg_family(r, name);
		if (!h || !f) {
			printf("DIFF: %s: %s\n", name, h ? "spec does not build" : "no hand tables");
			bad = 1;
			continue;
		}
		w->fam = name;
		w->nseen = 0;
		const struct nl_dissector *s = &f->dis;
		msgs(w, "cmd", h->msgs, h->nmsgs, s->msgs, s->nmsgs);
		if (s->req_msgs)
			msgs(w, "req", h->msgs, h->nmsgs, s->req_msgs, s->nreq_msgs);
		if (s->ntf_msgs)
			msgs(w, "ntf", h->msgs, h->nmsgs, s->ntf_msgs, s->nntf_msgs);
	}
	printf("ovs_agree: %u shared names compared, %u on one side only, %u known, %u differ\n",
	       nshared, nonly, nknown, ndiff);
	free(w);
	spec_reg_free(r);
	return bad || ndiff ? 1 : 0;
}
