/* fields.h - the field registry: every value nldump decodes, by its path.
 *
 * A field's path is the chain of JSON member names from the top of the
 * message object, joined with dots, without array positions
 * (`nlmsg.type`, `ifinfomsg.index`, `attrs.linkinfo.kind`,
 * `error.ext_ack.msg`).  The registry is built once from the dissectors'
 * own tables (message definitions, attribute sets, structs, the shapes
 * their callbacks declare) plus the members the netlink core writes; it
 * is not a second list of names.  `nldump --list-fields` prints it; the
 * later filters, `-e` extraction and error pinning look paths up here.
 *
 * Conventions: a path reached through a choice made while decoding
 * (linkinfo `data` by `kind`, tc `options` by `kind`) is listed once, with
 * the choices that define it in its description; `error.request.PATH` is
 * the echoed request, whose members are a message's paths; a nested set
 * that contains itself (an OVS `encap` key) is listed to its first repeat
 * and marked "recursive"; `*.trailing`, `*.leftover` and `*.extra` may
 * follow any set or struct.
 */
#ifndef NLDUMP_FIELDS_H
#define NLDUMP_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "names.h"

struct nl_field {
	const char *path;	/* "attrs.linkinfo.kind" */
	const char *kind;	/* "u32", "string", "enum", "flags", "nest"... */
	const char *proto;	/* "core", "route", "genl" or a genl family name */
	const char *desc;	/* one line */
	const char *same_as;	/* a recursive set: the path whose members it has
				 * ("attrs.key" for attrs.key.encap), or NULL */
	/* an enum's or flag word's names, when one table says them all (the
	 * filters check a name against it); names_open: tables differ */
	const struct nl_names *names;
	bool names_open;
};

/* every name of an nlmsg_flags bit, whatever the request kind (nlmsg.c) */
extern const struct nl_names nlmsg_flag_names_all;

/* the core's members (fields_core.c), a table */
extern const struct nl_field fields_core[];
extern const size_t fields_ncore;

/* The fields of one protocol or genl family name ("core": the members the
 * netlink core writes for every message), in walk order; *n their number.
 * NULL (and *n = 0) for a name the registry does not know. */
const struct nl_field *fields_for(const char *name, size_t *n);

/* Every field: core first, then each dissector in registry order. */
const struct nl_field *fields_all(size_t *n);

/* The field at path for messages of protocol or family name (core fields
 * are found under any name; error.request.PATH as PATH; a path through a
 * recursive set as the path it repeats: attrs.key.encap.ipv4.src as
 * attrs.key.ipv4.src), or NULL. */
const struct nl_field *field_lookup(const char *name, const char *path);

struct nl_dissector;

/* --list-fields [NAME]: print the fields, tab-separated (path, kind,
 * protocol, description), of the dissectors and of extra ones (the
 * families of the specs; a family with a dissector keeps it).  An
 * unknown name: one line on err naming the close matches, returns 2;
 * else 0 (3: out of memory). */
int fields_list(FILE *out, FILE *err, const char *name,
		const struct nl_dissector *const *extra, unsigned nextra);

/* Build the registry of the dissectors and of extra ones (the families
 * of the specs), as --list-fields does; false: out of memory. */
bool fields_load(const struct nl_dissector *const *extra, unsigned nextra);

/* Edit distance (99 for strings over 63 bytes), for "did you mean"
 * (fields_names.c). */
unsigned fields_distance(const char *a, const char *b);
/* out (n bytes, n > 0) = the C strings given, up to a NULL, cut to fit;
 * false when cut (fields_text.c) */
bool fields_cat(char *out, size_t n, ...) __attribute__((sentinel));
/* v in decimal, in t (12 bytes) */
const char *fields_dec(char *t, unsigned v);

/* Every name nlmsg.type (genl false) or genl.cmd (genl true) takes, over
 * the protocols and genl families of the registry as it is built (the
 * specs' with fields_load), each once, in no order; NULL and *n 0 when
 * none or out of memory.  The core's types (DONE, ERROR...) are types. */
const char *const *fields_msg_names(bool genl, size_t *n);

/* The list behind it (fields_names.c): dis's message names added
 * (a protocol's nlmsg types, or a genl family's commands), copied. */
struct fields_names {
	char **v;
	size_t n, cap;
	bool oom;
};
void fields_names_add(struct fields_names *l, const struct nl_dissector *dis);
void fields_names_free(struct fields_names *l);
/* The field at path (as field_lookup finds it) in any protocol or family
 * of the registry, built with extra (the families of the specs) when it is
 * not built yet (fields_free() before the first call drops one built
 * without them); NULL
 * when none has it, and close (n bytes) names the paths a few edits away
 * or with the same last name, comma-separated ("" when none). */
const struct nl_field *fields_find(const char *path, const struct nl_dissector *const *extra,
				   unsigned nextra, char *close, size_t n);

/* A field's value named by names (fields_core.c): kept, or marked open
 * when another table names it too. */
void fields_note_names(struct nl_field *f, const struct nl_names *names);

/* Free the registry (it is built again on the next call). */
void fields_free(void);

#endif
