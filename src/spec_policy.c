/* spec_policy.c - families typed from a policy dump (CTRL_CMD_GETPOLICY)
 * in the capture, for a family with neither hand tables nor a spec.
 *
 * The kernel's policy dump says, per policy index, each attribute's type
 * number and kind (NL_ATTR_TYPE_*), and for a nest the index of its
 * nested policy; per command (CTRL_ATTR_OP_POLICY) the do and dump
 * policies.  The names are not in it: an attribute is `attr_N`, decoded
 * by its kind instead of as hex.  The records are learned as the genl map
 * is (genl.c, the pre-pass too) and kept bounded; the tables are built on
 * the family's first message, when it has no other dissector.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec_priv.h"

#define POL_RECS_MAX 65536u	/* attribute records kept, all families */
#define POL_FAMS_MAX 16u	/* families built */
#define POL_IDX_MAX 256u	/* policy indexes of one family */
#define POL_SLOTS_MAX 32768u	/* table entries of one family (its policies' max types) */

/* NL_ATTR_TYPE_* (include/uapi/linux/netlink.h) to the engine's kinds */
static const uint8_t kind_of[] = {
	[1] = NLA_KIND_FLAG, [2] = NLA_KIND_U8, [3] = NLA_KIND_U16, [4] = NLA_KIND_U32,
	[5] = NLA_KIND_U64, [6] = NLA_KIND_S8, [7] = NLA_KIND_S16, [8] = NLA_KIND_S32,
	[9] = NLA_KIND_S64, [10] = NLA_KIND_BINARY, [11] = NLA_KIND_STRING,
	[12] = NLA_KIND_NUL_STRING, [13] = NLA_KIND_NESTED, [14] = NLA_KIND_NESTED_ARRAY,
	[15] = NLA_KIND_BITFIELD32, [16] = NLA_KIND_SINT, [17] = NLA_KIND_UINT,
};

struct pol_rec {
	uint16_t fam, type;
	uint8_t pidx, kind;
	int16_t nest;		/* nested policy index, -1: none */
};

struct pol_fam {
	uint16_t id;
	struct spec_arena *a;
	struct nl_dissector dis;
	struct nl_msgdef dflt;
};

struct spec_pols {
	struct pol_rec *recs;
	unsigned n;
	struct pol_fam fams[POL_FAMS_MAX];
	unsigned nfams;
};

struct spec_pols *spec_pols_new(void)
{
	return calloc(1, sizeof(struct spec_pols));
}

void spec_pols_free(struct spec_pols *p)
{
	if (!p)
		return;
	for (unsigned i = 0; i < p->nfams; i++)
		spec_arena_free(p->fams[i].a);
	free(p->recs);
	free(p);
}

void spec_pols_attr(struct spec_pols *p, uint16_t fam, uint32_t pidx, uint16_t type,
		    uint32_t nl_type, int64_t nest)
{
	if (!p || pidx >= POL_IDX_MAX || type > SPEC_ATTR_MAX)
		return;
	uint8_t kind = nl_type < ARRAY_SIZE(kind_of) && kind_of[nl_type] ? kind_of[nl_type]
									: NLA_KIND_BINARY;
	struct pol_rec r = { fam, type, (uint8_t)pidx, kind,
			     (int16_t)(nest >= 0 && nest < POL_IDX_MAX ? nest : -1) };
	/* the same record again (the pre-pass, then the decode): kept once;
	 * the records of one dump come in order, the last one is checked */
	if (p->n && !memcmp(&p->recs[p->n - 1], &r, sizeof(r)))
		return;
	if (p->n >= POL_RECS_MAX)
		return;
	if (!p->recs && !(p->recs = malloc(POL_RECS_MAX * sizeof(*p->recs))))
		return;
	p->recs[p->n++] = r;
}

static int by_pos(const void *a, const void *b)
{
	const struct pol_rec *x = a, *y = b;
	if (x->pidx != y->pidx)
		return x->pidx - y->pidx;
	return x->type - y->type;
}

/* the tables of family id from its records */
static bool build(struct spec_pols *p, struct pol_fam *f, uint16_t id, const char *name)
{
	unsigned n = 0, npol = 0;
	for (unsigned i = 0; i < p->n; i++)
		n += p->recs[i].fam == id;
	if (!n)
		return false;
	struct spec_arena *a = spec_arena_new();
	struct pol_rec *v = a ? spec_alloc(a, n * sizeof(*v)) : NULL;
	struct nl_attr_set *sets = a ? spec_alloc(a, POL_IDX_MAX * sizeof(*sets)) : NULL;
	unsigned *maxt = a ? spec_alloc(a, POL_IDX_MAX * sizeof(*maxt)) : NULL;
	if (!v || !sets || !maxt) {
		spec_arena_free(a);
		return false;
	}
	unsigned k = 0;
	for (unsigned i = 0; i < p->n; i++)
		if (p->recs[i].fam == id)
			v[k++] = p->recs[i];
	qsort(v, n, sizeof(*v), by_pos);
	for (unsigned i = 0; i < n; i++) {
		if (v[i].type > maxt[v[i].pidx])
			maxt[v[i].pidx] = v[i].type;
		if (v[i].pidx + 1u > npol)
			npol = v[i].pidx + 1u;
	}
	unsigned slots = 0;
	for (unsigned pi = 0; pi < npol; pi++)
		slots += maxt[pi] + 1;
	if (slots > POL_SLOTS_MAX) {	/* a hostile dump: the family stays hex */
		spec_arena_free(a);
		return false;
	}
	char nm[32];
	for (unsigned pi = 0; pi < npol; pi++) {
		struct nl_attr_pol *t = spec_alloc(a, (maxt[pi] + 1) * sizeof(*t));
		snprintf(nm, sizeof(nm), "policy_%u", pi);
		sets[pi] = (struct nl_attr_set){ .name = spec_strdup(a, nm), .max = maxt[pi],
						 .attrs = t };
		if (!t || !sets[pi].name) {
			spec_arena_free(a);
			return false;
		}
	}
	for (unsigned i = 0; i < n; i++) {
		struct nl_attr_pol *t = (struct nl_attr_pol *)sets[v[i].pidx].attrs;
		struct nl_attr_pol *q = &t[v[i].type];
		snprintf(nm, sizeof(nm), "attr_%u", v[i].type);
		q->name = spec_strdup(a, nm);
		q->kind = v[i].kind;
		if ((q->kind == NLA_KIND_NESTED || q->kind == NLA_KIND_NESTED_ARRAY) &&
		    v[i].nest >= 0 && (unsigned)v[i].nest < npol)
			q->nest = &sets[v[i].nest];
		if (!q->name) {
			spec_arena_free(a);
			return false;
		}
	}
	/* every command: the attributes of policy 0 (the family's main one;
	 * the dump names no command's name) */
	*f = (struct pol_fam){ .id = id, .a = a };
	f->dflt = (struct nl_msgdef){ NULL, NLRK_NONE, NULL, npol ? &sets[0] : NULL };
	f->dis = (struct nl_dissector){ .name = spec_strdup(a, name), .proto = -1,
					.genl_family = NULL, .dflt = &f->dflt };
	return f->dis.name != NULL;
}

const struct nl_dissector *spec_pols_find(struct spec_pols *p, uint16_t id, const char *name)
{
	if (!p || !p->n)
		return NULL;
	for (unsigned i = 0; i < p->nfams; i++)
		if (p->fams[i].id == id && !strcmp(p->fams[i].dis.name, name))
			return &p->fams[i].dis;
	if (p->nfams >= POL_FAMS_MAX || !build(p, &p->fams[p->nfams], id, name))
		return NULL;
	return &p->fams[p->nfams++].dis;
}
