/* state_ip.h - what the state_*.c renderers share: small JSON and text
 * writers over an object's stored fields (not part of state_view.h's API). */
#ifndef NLDUMP_STATE_IP_H
#define NLDUMP_STATE_IP_H

#include <stdbool.h>
#include <stdint.h>

#include "emit.h"
#include "state_view.h"

/* ',"key":' (no comma before the first member) */
void sj_key(struct sbuf *b, bool *first, const char *key);
/* key with the stored value of path; false when absent */
bool sj_copy(struct sbuf *b, bool *first, const char *key, const char *f, const char *path);
void sj_str(struct sbuf *b, bool *first, const char *key, const char *s);
void sj_u64(struct sbuf *b, bool *first, const char *key, uint64_t v);
/* a device by index: its name from the links table, or "ifN" */
void sj_dev(const struct state_view *s, struct sbuf *b, bool *first, const char *key,
	    uint64_t ifindex);
/* text: a stored value (a string without its quotes); false when absent */
bool st_val(struct sbuf *b, const char *f, const char *path);
void st_dev(const struct state_view *s, struct sbuf *b, uint64_t ifindex);
/* label and the value of path (a device's name by its index), when present */
bool st_lab(struct sbuf *b, const char *f, const char *label, const char *path);
bool st_labdev(const struct state_view *s, struct sbuf *b, const char *f, const char *label,
	       const char *path);

/* A class's object: its JSON (an object, braces included) and its text
 * (its lines, newline included); the table is in state_misc.c. */
typedef void sv_render_fn(const struct state_view *s, struct sbuf *b, const char *f);
struct sv_render {
	sv_render_fn *json, *text;
};
extern const struct sv_render sv_renders[SVC_N];
/* links, addresses (an addr_info entry), routes (state_ip.c) */
sv_render_fn sv_link_json, sv_link_text, sv_addr_json, sv_addr_text, sv_route_json,
	sv_route_text;

/* an OVS flow as ovs-dpctl dump-flows -m writes it, with its newline */
void sv_text_flow(struct sbuf *b, const char *f);

#endif
