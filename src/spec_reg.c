/* spec_reg.c - the registry of specs: the built-in texts (parsed on a
 * family's first use), the files of --spec (parsed at start-up), and
 * overlays merged into the spec of their family before it is built.
 *
 * Overlay merge (specs/README.md): `definitions`, `attribute-sets`,
 * `sub-messages`, `operations.list` and `mcast-groups.list` entries are
 * matched by name (a sub-message's formats by value); a matched entry's
 * keys replace the base's, but for the lists inside it (a set's
 * attributes, a struct's members, an enum's entries, a sub-message's
 * formats), merged the same way; an unmatched entry is appended, and an
 * appended attribute or operation must carry its `value`.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec_build.h"

#define SPEC_REG_MAX 4096u	/* specs and overlays loaded in all */

struct spec_entry {
	const char *name;
	const char *file;
	const uint8_t *text;
	size_t len;
	char *own;		/* a loaded file's text and name (else built in) */
	bool user, overlay;
	int state;		/* 0 not built, 1 built, 2 broken */
	struct spec_family *fam;
};

struct spec_reg {
	struct spec_entry *v;
	unsigned n;
	spec_hand_fn hand;	/* families with hand tables: their specs unused */
	struct spec_pols *pols;	/* policy dumps learned (made on the first) */
	const struct spec_hooks *hooks;	/* NULL: none */
	struct spec_raw *raw;	/* netlink-raw subsystems gathered (spec_raw.c) */
};

void spec_reg_policy_attr(struct spec_reg *r, uint16_t id, uint32_t pidx, uint16_t type,
			  uint32_t nl_type, int64_t nest)
{
	if (!r->pols)
		r->pols = spec_pols_new();
	spec_pols_attr(r->pols, id, pidx, type, nl_type, nest);
}

const struct nl_dissector *spec_reg_policy_find(struct spec_reg *r, uint16_t id,
						const char *name)
{
	return spec_pols_find(r->pols, id, name);
}

static struct spec_reg *reg_new(const struct spec_text *t, unsigned n)
{
	struct spec_reg *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->v = calloc(SPEC_REG_MAX, sizeof(*r->v));
	if (!r->v) {
		free(r);
		return NULL;
	}
	for (unsigned i = 0; i < n && i < SPEC_REG_MAX; i++)
		r->v[r->n++] = (struct spec_entry){ t[i].name, t[i].file, t[i].text, t[i].len,
						    NULL, false, t[i].overlay, 0, NULL };
	return r;
}

struct spec_reg *spec_reg_new(spec_hand_fn hand)
{
	struct spec_reg *r = reg_new(spec_builtin, spec_nbuiltin);
	if (r)
		r->hand = hand;
	return r;
}

void spec_reg_hooks(struct spec_reg *r, const struct spec_hooks *h)
{
	r->hooks = h;
}

struct spec_reg *spec_reg_new_empty(void)
{
	return reg_new(NULL, 0);
}

void spec_reg_free(struct spec_reg *r)
{
	if (!r)
		return;
	for (unsigned i = 0; i < r->n; i++) {
		if (r->v[i].fam)
			spec_arena_free(r->v[i].fam->a);
		free(r->v[i].own);
	}
	spec_pols_free(r->pols);
	spec_raw_free(r->raw);
	free(r->v);
	free(r);
}

/* ---- overlay merge ---- */

static const char *entry_name(const struct snode *n, const char *idkey)
{
	return n->t == SN_SCALAR ? n->s : sn_str(n, idkey);
}

static bool merge_map(struct sb *b, struct snode *base, const struct snode *ov, int depth);

/* Merge list ov into list base (entries matched by idkey). */
static bool merge_list(struct sb *b, struct snode *base, const struct snode *ov,
		       const char *idkey, bool need_value, int depth)
{
	if (base->t != SN_SEQ || ov->t != SN_SEQ) {
		spec_fail(b->err, ov, "an overlay list where the spec has no list");
		return false;
	}
	struct nidx *ix = sb_alloc(b, (base->n ? base->n : 1) * sizeof(*ix), ov);
	if (!ix)
		return false;
	unsigned k = 0;
	for (unsigned i = 0; i < base->n; i++) {
		const char *nm = entry_name(base->k[i], idkey);
		if (nm)
			ix[k++] = (struct nidx){ nm, i };
	}
	spec_nidx_sort(ix, k);
	unsigned add = 0;
	for (unsigned i = 0; i < ov->n; i++) {
		const char *nm = entry_name(ov->k[i], idkey);
		if (!nm) {
			spec_fail(b->err, ov->k[i], "overlay entry without a %s", idkey);
			return false;
		}
		int j = sb_find(ix, k, nm);
		if (j < 0) {
			if (need_value && !sn_get(ov->k[i], "value")) {
				spec_fail(b->err, ov->k[i], "'%s' is new: it needs a value", nm);
				return false;
			}
			add++;
		} else if (ov->k[i]->t == SN_MAP && base->k[j]->t == SN_MAP) {
			if (!merge_map(b, base->k[j], ov->k[i], depth + 1))
				return false;
		}
	}
	if (!add)
		return true;
	struct snode **nk = sb_alloc(b, (base->n + add) * sizeof(*nk), ov);
	if (!nk)
		return false;
	memcpy(nk, base->k, base->n * sizeof(*nk));
	unsigned n = base->n;
	for (unsigned i = 0; i < ov->n; i++)
		if (sb_find(ix, k, entry_name(ov->k[i], idkey)) < 0)
			nk[n++] = ov->k[i];
	base->k = nk;
	base->n = n;
	return true;
}

/* the lists inside a matched entry, merged rather than replaced */
static const struct {
	const char *key, *id;
	bool need_value;
} inner_lists[] = {
	{ "attributes", "name", true }, { "members", "name", false },
	{ "entries", "name", false }, { "formats", "value", false },
	{ "list", "name", true },
};

static bool merge_map(struct sb *b, struct snode *base, const struct snode *ov, int depth)
{
	if (depth > 8)
		return true;
	if (base->n > 1024 || ov->n > 1024) {	/* keys are looked up one by one */
		spec_fail(b->err, ov, "an overlay entry of more than 1024 keys");
		return false;
	}
	unsigned add = 0;
	for (unsigned i = 0; i < ov->n; i++) {
		const char *key = ov->k[2 * i]->s;
		struct snode *bv = sn_get(base, key);
		struct snode *vv = ov->k[2 * i + 1];
		if (!bv) {
			add++;
			continue;
		}
		bool inner = false;
		for (unsigned j = 0; j < ARRAY_SIZE(inner_lists); j++)
			if (!strcmp(key, inner_lists[j].key) && bv->t == SN_SEQ) {
				if (!merge_list(b, bv, vv, inner_lists[j].id,
						inner_lists[j].need_value, depth))
					return false;
				inner = true;
			}
		if (!inner)	/* replace the value */
			for (unsigned j = 0; j < base->n; j++)
				if (!strcmp(base->k[2 * j]->s, key))
					base->k[2 * j + 1] = vv;
	}
	if (!add)
		return true;
	struct snode **nk = sb_alloc(b, 2 * (base->n + add) * sizeof(*nk), ov);
	if (!nk)
		return false;
	memcpy(nk, base->k, 2 * base->n * sizeof(*nk));
	unsigned n = base->n;
	for (unsigned i = 0; i < ov->n; i++)
		if (!sn_get(base, ov->k[2 * i]->s)) {
			nk[2 * n] = ov->k[2 * i];
			nk[2 * n + 1] = ov->k[2 * i + 1];
			n++;
		}
	base->k = nk;
	base->n = n;
	return true;
}

bool spec_overlay_merge(struct spec_arena *a, struct snode *base, const struct snode *ov,
			struct spec_err *err)
{
	static const struct {
		const char *key, *sub, *id;
		bool need_value;
	} tops[] = {
		{ "definitions", NULL, "name", false },
		{ "attribute-sets", NULL, "name", false },
		{ "sub-messages", NULL, "name", false },
		{ "operations", "list", "name", true },
		{ "mcast-groups", "list", "name", false },
	};
	struct sb b = { .a = a, .err = err };

	for (unsigned i = 0; i < ARRAY_SIZE(tops); i++) {
		const struct snode *ol = sn_get(ov, tops[i].key);
		if (!ol)
			continue;
		struct snode *bl = sn_get(base, tops[i].key);
		if (tops[i].sub) {
			ol = sn_get(ol, tops[i].sub);
			bl = sn_get(bl, tops[i].sub);
			if (!ol)
				continue;
		}
		if (!bl) {	/* a section the spec has not: added whole */
			struct snode *whole = sn_get(ov, tops[i].key);
			struct snode **nk = sb_alloc(&b, 2 * (base->n + 1) * sizeof(*nk), ov);
			if (!nk)
				return false;
			memcpy(nk, base->k, 2 * base->n * sizeof(*nk));
			for (unsigned j = 0; j < ov->n; j++)
				if (ov->k[2 * j + 1] == whole)
					nk[2 * base->n] = ov->k[2 * j];
			nk[2 * base->n + 1] = whole;
			if (sn_get(base, tops[i].key)) {	/* operations without a list */
				spec_fail(err, ol, "overlay: the spec's %s has no %s", tops[i].key,
					  tops[i].sub);
				return false;
			}
			base->k = nk;
			base->n++;
			continue;
		}
		if (!merge_list(&b, bl, ol, tops[i].id, tops[i].need_value, 0))
			return false;
	}
	return true;
}

/* ---- building an entry ---- */

static struct snode *parse(struct spec_arena *a, const struct spec_entry *e, char *err,
			   size_t errlen)
{
	return spec_yaml_parse(a, e->file, e->text, e->len, err, errlen);
}

/* Build entry i with the overlays of its kind (built-in ones for a
 * built-in spec, the user's for any); err says what broke. */
static bool build(struct spec_reg *r, struct spec_entry *e, char *err, size_t errlen)
{
	struct spec_arena *a = spec_arena_new();
	struct spec_err se = { err, errlen, false };

	if (!a) {
		snprintf(err, errlen, "%s: out of memory", e->file);
		return false;
	}
	struct snode *root = parse(a, e, err, errlen);
	for (unsigned i = 0; root && i < r->n; i++) {
		struct spec_entry *o = &r->v[i];
		if (!o->overlay || o->state == 2 || strcmp(o->name, e->name) ||
		    (e->user && !o->user))
			continue;
		struct snode *ov = parse(a, o, err, errlen);
		if (!ov || !spec_overlay_merge(a, root, ov, &se))
			root = NULL;
	}
	struct spec_family *fam = root ? spec_build(a, root, e->file, r->hooks, &se) : NULL;
	if (!fam) {
		spec_arena_free(a);
		return false;
	}
	if (e->fam)
		spec_arena_free(e->fam->a);
	e->fam = fam;
	e->state = 1;
	return true;
}

static struct spec_entry *find(struct spec_reg *r, const char *name)
{
	for (unsigned i = 0; i < r->n; i++)
		if (!r->v[i].overlay && !strcmp(r->v[i].name, name))
			return &r->v[i];
	return NULL;
}

const struct spec_family *spec_reg_family(struct spec_reg *r, const char *name)
{
	struct spec_entry *e = find(r, name);
	char err[256];

	if (!e || e->state == 2)
		return NULL;
	if (!e->state && !build(r, e, err, sizeof(err)))
		e->state = 2;
	return e->state == 1 ? e->fam : NULL;
}

const char *spec_reg_name(const struct spec_reg *r, unsigned k)
{
	for (unsigned i = 0; i < r->n; i++)
		if (!r->v[i].overlay && !k--)
			return r->v[i].name;
	return NULL;
}

const struct nl_dissector *spec_reg_find(struct spec_reg *r, const char *name)
{
	if (r->hand && r->hand(name))	/* hand tables always win */
		return NULL;
	const struct spec_family *f = spec_reg_family(r, name);
	/* a netlink-raw spec describes no genl family */
	return f && strcmp(f->protocol, "netlink-raw") ? &f->dis : NULL;
}

struct spec_raw **spec_reg_raw_cache(struct spec_reg *r)
{
	return &r->raw;
}

/* a spec whose text says netlink-raw (the others are not built for it) */
static bool says_raw(const struct spec_entry *e)
{
	static const char w[] = "netlink-raw";
	for (size_t i = 0; e->text && i + sizeof(w) - 1 <= e->len; i++)
		if (e->text[i] == 'n' && !memcmp(e->text + i, w, sizeof(w) - 1))
			return true;
	return false;
}

const struct spec_family *spec_reg_raw_family(struct spec_reg *r, unsigned k, bool *end)
{
	unsigned i = 0;

	for (; i < r->n && (r->v[i].overlay || k--); i++)
		;
	*end = i + 1 >= r->n;
	if (i >= r->n || !says_raw(&r->v[i]))
		return NULL;
	const struct spec_family *f = spec_reg_family(r, r->v[i].name);
	return f && !strcmp(f->protocol, "netlink-raw") ? f : NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(const struct nl_dissector *const *)a)->name,
		      (*(const struct nl_dissector *const *)b)->name);
}

unsigned spec_reg_all(struct spec_reg *r, const struct nl_dissector **out, unsigned max)
{
	unsigned n = 0;
	for (unsigned i = 0; i < r->n; i++) {
		if (r->v[i].overlay)
			continue;
		const struct nl_dissector *d = spec_reg_find(r, r->v[i].name);
		if (d && n < max)
			out[n] = d;
		n += d != NULL;
	}
	if (out && max)
		qsort(out, n < max ? n : max, sizeof(*out), by_name);
	return n;
}

/* ---- loading files ---- */

static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, "%s: cannot open", path);
		return NULL;
	}
	char *buf = malloc(SPEC_FILE_MAX + 1);
	size_t n = buf ? fread(buf, 1, SPEC_FILE_MAX + 1, f) : 0;
	bool bad = ferror(f);
	fclose(f);
	if (!buf || bad || n > SPEC_FILE_MAX) {
		snprintf(err, errlen, "%s: %s", path, !buf ? "out of memory" : bad ? "read error"
			 : "larger than 8 MiB");
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

static bool load_one(struct spec_reg *r, const char *path, char *err, size_t errlen)
{
	size_t len, pl = strlen(path) + 1;
	char *text = read_file(path, &len, err, errlen);
	if (!text)
		return false;
	if (r->n >= SPEC_REG_MAX) {
		snprintf(err, errlen, "%s: more than %u specs", path, SPEC_REG_MAX);
		free(text);
		return false;
	}
	/* the name and the overlay mark, from a first parse */
	struct spec_arena *a = spec_arena_new();
	struct snode *root = a ? spec_yaml_parse(a, path, (uint8_t *)text, len, err, errlen)
			       : NULL;
	const char *name = sn_str(root, "name");
	const char *ovl = sn_str(root, "overlay");
	bool is_overlay = ovl && !strcmp(ovl, "true");
	char *own = root && name ? realloc(text, len + pl + strlen(name) + 1) : NULL;
	if (!own) {
		if (root && !name)
			snprintf(err, errlen, "%s:%u: no family name ('name:')", path, root->line);
		else if (root)
			snprintf(err, errlen, "%s: out of memory", path);
		spec_arena_free(a);
		free(text);
		return false;
	}
	memcpy(own + len, path, pl);
	memcpy(own + len + pl, name, strlen(name) + 1);
	spec_arena_free(a);
	struct spec_entry ne = { own + len + pl, own + len, (uint8_t *)own, len, own, true,
				 is_overlay, 0, NULL };
	if (ne.overlay) {
		/* checked against its family now (dropped if it breaks it), or
		 * kept for a spec of that family loaded later */
		r->v[r->n++] = ne;
		struct spec_entry *base = find(r, ne.name);
		if (base && base->state != 2 && !build(r, base, err, errlen)) {
			r->n--;	/* the family stays as it was */
			free(own);
			return false;
		}
		return true;
	}
	struct spec_entry *old = find(r, ne.name), *e = &r->v[r->n];
	*e = ne;
	if (!build(r, e, err, errlen)) {
		free(own);
		return false;
	}
	if (old) {	/* replaces the built-in spec, or an earlier file's */
		if (old->fam)
			spec_arena_free(old->fam->a);
		free(old->own);
		*old = *e;
	} else {
		r->n++;
	}
	return true;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int spec_reg_load(struct spec_reg *r, const char *path, spec_report_fn report, void *ctx)
{
	char err[512];
	DIR *dir = opendir(path);

	if (!dir) {
		err[0] = 0;
		if (load_one(r, path, err, sizeof(err)))
			return 0;
		report(ctx, err);
		return 1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	int bad = 0;
	while ((de = readdir(dir)) && n < SPEC_REG_MAX) {
		size_t l = strlen(de->d_name);
		if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") || de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			char **nn = realloc(names, cap * sizeof(*nn));
			if (!nn)
				break;
			names = nn;
		}
		size_t pl = strlen(path);
		names[n] = malloc(pl + l + 2);
		if (!names[n])
			break;
		snprintf(names[n], pl + l + 2, "%s%s%s", path,
			 pl && path[pl - 1] == '/' ? "" : "/", de->d_name);
		n++;
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		err[0] = 0;
		if (!load_one(r, names[i], err, sizeof(err))) {
			report(ctx, err);
			bad++;
		}
		free(names[i]);
	}
	free(names);
	return bad;
}
