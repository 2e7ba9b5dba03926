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

/* an address's addr_info entry (ip -j addr) */
void sv_json_addr_info(struct sbuf *b, const char *f);
/* the classes of state_misc.c */
void sv_json_misc(const struct state_view *s, struct sbuf *b, uint8_t cls, const char *f);
void sv_text_misc(const struct state_view *s, struct sbuf *b, uint8_t cls, const char *f);

/* an OVS flow as ovs-dpctl dump-flows -m writes it, with its newline */
void sv_text_flow(struct sbuf *b, const char *f);

#endif
