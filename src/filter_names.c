/* filter_names.c - a filter's enum and flag names checked when it is
 * compiled: a name no table of the field has is an error naming the
 * closest ones.  Only where the registry knows every name the field's
 * values can have (one table, fields.h: names); a field whose names a
 * callback, a spec loaded later or the capture may add is not checked.
 * nlmsg.type and genl.cmd are named by the protocol and by the family a
 * run learns: a name no protocol's types (no family's commands) have is
 * certainly wrong (fields_msg_names), any other may be right.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "filter_priv.h"
#include "spec.h"

#define NAME_TABLES 16	/* tables of one path (its protocols): more, any name goes */

/* the name tables of path, over every protocol (the core's members from
 * their table); 0 when one of its values is not named by a table */
static unsigned name_tables(const char *path, const struct nl_names **t, bool *bits)
{
	size_t n;
	const struct nl_field *all = fields_all(&n);
	unsigned nt = 0;

	if (!strncmp(path, "error.request.", 14))
		path += 14;
	for (size_t i = 0; i < fields_ncore; i++)
		if (fields_core[i].names && !strcmp(fields_core[i].path, path)) {
			*bits = !strcmp(fields_core[i].kind, "flags");
			t[0] = fields_core[i].names;
			return 1;
		}
	for (size_t i = 0; i < n; i++) {
		const struct nl_field *f = &all[i];
		if (strcmp(f->path, path))
			continue;
		bool en = !strcmp(f->kind, "enum"), fl = !strcmp(f->kind, "flags");
		if ((!en && !fl) || !f->names || f->names_open || nt == NAME_TABLES)
			return 0;
		*bits = fl;
		t[nt++] = f->names;
	}
	return nt;
}

/* q into the three closest names so far (best, their distances bd) */
static void closest(const char **best, unsigned *bd, const char *q, unsigned d)
{
	for (unsigned k = 0; k < 3; k++) {
		if (best[k] && !strcmp(best[k], q))
			return;
		if (d < bd[k]) {
			memmove(best + k + 1, best + k, (2 - k) * sizeof(best[0]));
			memmove(bd + k + 1, bd + k, (2 - k) * sizeof(bd[0]));
			best[k] = q;
			bd[k] = d;
			return;
		}
	}
}

/* the distance of name to q, case aside first: a name in another case
 * is the closest */
static unsigned distance(const char *name, const char *q)
{
	char a[64], b[64];
	size_t i;

	for (i = 0; name[i] && i < sizeof(a) - 1; i++)
		a[i] = (char)tolower((unsigned char)name[i]);
	a[i] = 0;
	for (i = 0; q[i] && i < sizeof(b) - 1; i++)
		b[i] = (char)tolower((unsigned char)q[i]);
	b[i] = 0;
	return 2 * fields_distance(a, b) + !!strcmp(name, q);
}

/* msg: name unknown as a what (of path, if not NULL), then the closest names */
static bool unknown(char *msg, size_t msglen, const char *what, const char *name,
		    const char *path, const char **best)
{
	int w = snprintf(msg, msglen, "unknown %s \"%s\"%s%s", what, name, path ? " of " : "",
			 path ? path : "");
	for (unsigned k = 0; k < 3 && best[k] && w > 0 && (size_t)w < msglen; k++)
		w += snprintf(msg + w, msglen - (size_t)w, "%s%s", k ? (k == 2 || !best[k + 1] ?
			      " or " : ", ") : "; did you mean ", best[k]);
	if (w > 0 && (size_t)w + 1 < msglen && best[0])
		memcpy(msg + w, "?", 2);
	return false;
}

/* a text of a built-in spec (its scalars, one pool for all): a command
 * of a family whose spec the registry has not built yet may be one */
static bool spec_text(const char *name)
{
	const char *p = spec_nbuiltin ? spec_builtin[0].pool : NULL;
	const char *end = p ? p + spec_builtin[0].npool : NULL;
	size_t n = strlen(name);

	while (p && p < end) {
		size_t k = strnlen(p, (size_t)(end - p));
		if (k == n && !memcmp(p, name, n))
			return true;
		p += k + 1;
	}
	return false;
}

/* nlmsg.type or genl.cmd: one of the names of any protocol or family */
static bool msg_name_check(bool genl, const char *name, char *msg, size_t msglen)
{
	size_t n;
	const char *const *v = fields_msg_names(genl, &n);
	const char *best[3] = { NULL, NULL, NULL };
	unsigned bd[3] = { 99, 99, 99 };

	if (!n)
		return true;	/* out of memory: unsure */
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(v[i], name))
			return true;
		closest(best, bd, v[i], distance(name, v[i]));
	}
	if (genl && spec_text(name))
		return true;	/* the specs not loaded: no need to, for this */
	return unknown(msg, msglen, genl ? "command" : "message type", name, NULL, best);
}

bool flt_name_check(const char *path, const char *name, char *msg, size_t msglen)
{
	bool bits = false;
	const struct nl_names *t[NAME_TABLES];
	const char *bare = strncmp(path, "error.request.", 14) ? path : path + 14;

	if (!name[0] || strspn(name, "0123456789") == strlen(name))
		return true;	/* a number written as a string */
	if (!strcmp(bare, "nlmsg.type") || !strcmp(bare, "genl.cmd"))
		return msg_name_check(bare[0] == 'g', name, msg, msglen);
	unsigned nt = name_tables(path, t, &bits);
	if (!nt)
		return true;	/* unsure */
	const char *best[3] = { NULL, NULL, NULL };
	unsigned bd[3] = { 99, 99, 99 };
	for (unsigned j = 0; j < nt; j++)
		for (unsigned i = 0; i < t[j]->n; i++) {
			const char *q = t[j]->v[i];
			if (q && !strcmp(q, name))
				return true;
			if (q)
				closest(best, bd, q, fields_distance(name, q));
		}
	return unknown(msg, msglen, bits ? "bit" : "name", name, path, best);
}
