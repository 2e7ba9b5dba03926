/* test_spec_hooks.c - the hooks the driver hands to the spec registry
 * (spec.h: struct spec_hooks): an attribute hook turns the attribute it
 * names into a callback (in one set, or in every set with "*"); a summary
 * row applies to the operation it names, the most precise row winning
 * (exact, longest prefix, "*"); rows naming nothing are counted; and the
 * project's own table (dissectors/ynl_hooks.c) names nothing the built-in
 * specs lack. */
#include "registry.h"
#include "spec_priv.h"
#include "t.h"
#include "ynl.h"

static const char spec[] =
	"name: toy\n"
	"protocol: genetlink\n"
	"attribute-sets:\n"
	"  - name: main\n"
	"    attributes:\n"
	"      - { name: id, type: u32 }\n"
	"      - { name: key, type: binary }\n"
	"      - { name: inner, type: nest, nested-attributes: sub }\n"
	"  - name: sub\n"
	"    attributes:\n"
	"      - { name: key, type: binary }\n"
	"operations:\n"
	"  list:\n"
	"    - name: dev-get\n"
	"      attribute-set: main\n"
	"      do: { request: { attributes: [ id ] }, reply: { attributes: [ id ] } }\n"
	"    - name: dev-set\n"
	"      attribute-set: main\n"
	"      do: { request: { attributes: [ id ] } }\n"
	"    - name: port-get\n"
	"      attribute-set: main\n"
	"      do: { request: { attributes: [ id ] }, reply: { attributes: [ id ] } }\n";

static bool toy_cb(struct dctx *d, const struct nl_attr_pol *pol, const char *key, struct nlc *c)
{
	(void)d, (void)pol, (void)key, (void)c;
	return true;
}

static const struct spec_sum_field f_id[] = { SPEC_SUM_ATTR("id") };
static const struct spec_sum_field f_in[] = { SPEC_SUM_ATTR("inner"),
					      SPEC_SUM_IN("sub", "key", 0) };
static const struct spec_sum_field f_bad[] = { SPEC_SUM_ATTR("nosuch") };
static const struct nl_sum_part p_id[] = { NLS_PART(NLS_U32, 0, " id ") };
static const struct spec_summary s_all = SPEC_SUMMARY(f_id, p_id);
static const struct spec_summary s_dev = SPEC_SUMMARY(f_in, p_id);
static const struct spec_summary s_exact = SPEC_SUMMARY(f_bad, p_id);

static const struct spec_attr_hook attrs[] = {
	{ "toy", "*", "key", toy_cb, "data", NULL },
	{ "toy", "main", "nosuch", toy_cb, NULL, NULL },	/* a miss */
	{ "other", "main", "id", toy_cb, NULL, NULL },		/* another family */
};
static const struct spec_sum_hook sums[] = {
	{ "toy", "*", &s_all },
	{ "toy", "dev-*", &s_dev },
	{ "toy", "dev-set", &s_exact },	/* exact wins; names a missing attribute */
	{ "toy", "d*", &s_all },	/* a shorter prefix loses to dev-* */
};
static const struct spec_hooks hooks = { attrs, ARRAY_SIZE(attrs), sums, ARRAY_SIZE(sums) };

static const struct nl_attr_pol *attr_of(const struct nl_attr_set *s, const char *name)
{
	for (unsigned t = 0; t <= s->max; t++)
		if (s->attrs[t].name && !strcmp(s->attrs[t].name, name))
			return &s->attrs[t];
	return NULL;
}

static const struct nl_msgdef *op(const struct nl_msgdef *m, unsigned n, const char *name)
{
	for (unsigned i = 0; i < n; i++)
		if (m[i].name && !strcmp(m[i].name, name))
			return &m[i];
	return NULL;
}

static void test_toy(void)
{
	struct spec_arena *a = spec_arena_new();
	char err[256] = "";
	struct spec_err se = { err, sizeof(err), false };
	struct snode *root = spec_yaml_parse(a, "toy.yaml", (const uint8_t *)spec,
					     sizeof(spec) - 1, err, sizeof(err));
	CHECK(root != NULL);
	struct spec_family *f = root ? spec_build(a, root, "toy.yaml", &hooks, &se) : NULL;
	CHECK(f != NULL);
	if (!f) {
		fprintf(stderr, "%s\n", err);
		spec_arena_free(a);
		return;
	}
	/* "*": the attribute key of both sets; id is not hooked */
	for (unsigned i = 0; i < f->nsets; i++) {
		const struct nl_attr_pol *k = attr_of(f->sets[i], "key");
		CHECK(k && k->kind == NLA_KIND_CB && k->cb == toy_cb);
		CHECK(k && k->cbdata && !strcmp(k->cbdata, "data"));
	}
	const struct nl_attr_pol *id = attr_of(f->sets[0], "id");
	CHECK(id && id->kind == NLA_KIND_U32 && !(id->flags & NLAF_SUMMARY));
	/* the rows that name nothing: nosuch (attribute), nosuch (summary) */
	CHECK_EQ(f->nhook_miss, 2);
	CHECK(f->hook_miss && strstr(f->hook_miss, "nosuch"));

	const struct nl_dissector *d = &f->dis;
	const struct nl_msgdef *dev = op(d->msgs, d->nmsgs, "dev-get");
	const struct nl_msgdef *port = op(d->msgs, d->nmsgs, "port-get");
	const struct nl_msgdef *set = op(d->req_msgs, d->nreq_msgs, "dev-set");
	const struct nl_msgdef *devq = op(d->req_msgs, d->nreq_msgs, "dev-get");
	CHECK(dev && dev->sum && dev->sum->nfields == 2);
	CHECK(devq && devq->sum && devq->sum->nfields == 2);	/* both ways */
	CHECK(dev && dev->sum && dev->sum->fields[1].set == f->sets[1] &&
	      !strcmp(dev->sum->fields[1].name, "key") && dev->sum->fields[1].parent == 0);
	CHECK(port && port->sum && port->sum->nfields == 1 &&
	      port->sum->fields[0].set == f->sets[0]);
	CHECK(set && set->sum && set->sum->nfields == 1 &&
	      !strcmp(set->sum->fields[0].name, "nosuch"));
	spec_arena_free(a);
}

/* without summary rows, a get request's attributes name the object */
static void test_no_rows(void)
{
	struct spec_arena *a = spec_arena_new();
	char err[256] = "";
	struct spec_err se = { err, sizeof(err), false };
	struct snode *root = spec_yaml_parse(a, "toy.yaml", (const uint8_t *)spec,
					     sizeof(spec) - 1, err, sizeof(err));
	struct spec_family *f = root ? spec_build(a, root, "toy.yaml", NULL, &se) : NULL;
	CHECK(f != NULL);
	if (f) {
		const struct nl_attr_pol *id = attr_of(f->sets[0], "id");
		CHECK(id && (id->flags & NLAF_SUMMARY));
		CHECK_EQ(f->nhook_miss, 0);
	}
	spec_arena_free(a);
}

/* every family the project's table names builds, and every row finds
 * what it names */
static void test_project_rows(void)
{
	struct spec_reg *r = spec_reg_new(nl_dissector_for_genl);
	spec_reg_hooks(r, &ynl_hooks);
	for (unsigned i = 0; i < ynl_hooks.nsums + ynl_hooks.nattrs; i++) {
		const char *fam = i < ynl_hooks.nsums ? ynl_hooks.sums[i].family
						      : ynl_hooks.attrs[i - ynl_hooks.nsums].family;
		const struct spec_family *f = spec_reg_family(r, fam);
		CHECK(f != NULL);
		if (f && f->nhook_miss)
			fprintf(stderr, "%s: %u hook rows miss: %s\n", fam, f->nhook_miss,
				f->hook_miss);
		CHECK(f && !f->nhook_miss);
	}
	spec_reg_free(r);
}

int main(void)
{
	test_toy();
	test_no_rows();
	test_project_rows();
	return t_done("test_spec_hooks");
}
