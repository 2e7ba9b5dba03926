/* fields_names.c - the names the field registry knows beside its paths:
 * the message types nlmsg.type is named by (every protocol's) and the
 * commands genl.cmd is named by (every generic netlink family's), for
 * the filters to check a name against (filter_names.c; fields_text.c
 * has the edit distance that finds the close ones).
 *
 * A name is kept once (a copy: a spec family's tables belong to its
 * registry), in the order met; bounded by the dissectors' tables.
 */
#include <stdlib.h>
#include <string.h>

#include "dissect.h"
#include "fields.h"

/* the names the core gives types below NLMSG_MIN_TYPE (nlmsg.c) */
static const char *const ctrl_names[] = { "NOOP", "ERROR", "DONE", "OVERRUN" };

static bool known(const struct fields_names *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], name))
			return true;
	return false;
}

static void add(struct fields_names *l, const char *name)
{
	if (!name || l->oom || known(l, name))
		return;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		char **v = realloc(l->v, cap * sizeof(*v));
		if (!v) {
			l->oom = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	size_t n = strlen(name) + 1;
	char *p = malloc(n);
	if (!p) {
		l->oom = true;
		return;
	}
	memcpy(p, name, n);
	l->v[l->n++] = p;
}

void fields_names_add(struct fields_names *l, const struct nl_dissector *dis)
{
	const struct nl_msgdef *const tabs[] = { dis->msgs, dis->req_msgs, dis->ntf_msgs };
	const unsigned ns[] = { dis->nmsgs, dis->nreq_msgs, dis->nntf_msgs };

	if (!l->n && dis->proto >= 0)	/* the types' list */
		for (size_t i = 0; i < sizeof(ctrl_names) / sizeof(ctrl_names[0]); i++)
			add(l, ctrl_names[i]);
	for (unsigned t = 0; t < 3; t++)
		for (unsigned i = 0; tabs[t] && i < ns[t]; i++)
			add(l, tabs[t][i].name);
	if (dis->dflt)
		add(l, dis->dflt->name);
}

void fields_names_free(struct fields_names *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
