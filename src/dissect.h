/* dissect.h - what a dissector declares, and the context it decodes in.
 *
 * A protocol (NETLINK_ROUTE, ...) or a generic netlink family registers one
 * const struct nl_dissector in dissectors/registry.c.  Most dissectors are
 * only tables: per message type (or genl command) a name, a fixed header
 * layout and a top-level attribute policy.
 */
#ifndef NLDUMP_DISSECT_H
#define NLDUMP_DISSECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cursor.h"
#include "emit.h"
#include "fieldev.h"
#include "policy.h"
#include "summary.h"

struct nlstate;
struct dctx;

/* Request kinds, for naming the NLM_F_ bits 0x100..0x800 */
enum nl_req_kind {
	NLRK_NONE = 0,	/* unknown: bits shown as numbers */
	NLRK_GET,
	NLRK_NEW,
	NLRK_DEL,
	NLRK_ACK,
};

struct nl_msgdef {
	const char *name;		/* "NEWLINK", "GETFAMILY" */
	uint8_t kind;			/* enum nl_req_kind */
	const struct nl_struct *hdr;	/* fixed header after nlmsghdr/genlmsghdr */
	const struct nl_attr_set *attrs;
	/* Attributes of a request (NLM_F_REQUEST set, echoed ones in an
	 * NLMSG_ERROR too) where the kernel parses them with another policy
	 * than the one of its own messages of this type (RTM_GETSTATS:
	 * IFLA_STATS_GETSET_*, not IFLA_STATS_*).  NULL: attrs for both. */
	const struct nl_attr_set *req_attrs;
	/* the one-line summary declared as data (summary.h): rendered after
	 * the walk, from the values the walk recorded (attributes marked
	 * NLAF_SUMMARY are added by the walk anyway) */
	const struct nl_summary *sum;
};

/* The attribute set of a message of md with these nlmsg flags. */
static inline const struct nl_attr_set *nl_msgdef_attrs(const struct nl_msgdef *md,
							 uint16_t nl_flags)
{
	return (nl_flags & 0x01 /* NLM_F_REQUEST */) && md->req_attrs ? md->req_attrs
								      : md->attrs;
}

struct nl_dissector {
	const char *name;		/* "route", or the genl family name */
	int proto;			/* NETLINK_* number, or -1 for a genl family */
	const char *genl_family;	/* genl family name, or NULL */
	const struct nl_msgdef *msgs;	/* indexed by nlmsg_type or genl cmd */
	unsigned nmsgs;
	const struct nl_msgdef *dflt;	/* for types/commands not in msgs */
	/* messages to the kernel (NLM_F_REQUEST), when their numbers are not
	 * those of msgs (a YNL spec's directional model); NULL: msgs */
	const struct nl_msgdef *req_msgs;
	unsigned nreq_msgs;
	/* notifications: a message from the kernel with sequence number 0 and
	 * port id 0 (multicast) is looked up here first (a YNL spec's notify
	 * and event operations); NULL: none */
	const struct nl_msgdef *ntf_msgs;
	unsigned nntf_msgs;
	/* Whole-message decoder, for protocols whose layout a table cannot
	 * say (generic netlink's family dispatch, nfnetlink subsystems).
	 * Called with the payload after nlmsghdr. */
	void (*decode)(struct dctx *d, struct nlc *payload);
	/* Learning hook for the pre-pass and for every message decoded
	 * (genl family map, interface names).  Must not emit. */
	void (*learn)(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc payload);
	/* Name of a message for an ACK/ERROR summary: "NEWLINK", "ovs_flow NEW";
	 * with numeric (-n) in numbers, as the message's own summary shows it.
	 * payload may be empty (capped ack).  Optional: msgs[] names otherwise. */
	const char *(*type_str)(struct nlstate *st, uint16_t type, struct nlc payload,
				bool numeric, char *buf, size_t n);
	/* Request kind of a message when msgs[] cannot tell (genl commands). */
	uint8_t (*kind_of)(struct nlstate *st, uint16_t type, uint16_t flags, struct nlc payload);
	/* Members a summary (NLS_GROUP) or a hook writes at the top of a message
	 * beside the tables (ovs_flow's "odp"), for the field registry
	 * (fields.c).  Optional. */
	const struct nl_shape *shape;
};

/* Request kind from a command name: GET..., NEW... or SET..., DEL... */
uint8_t nl_kind_from_name(const char *name);

/* One set being walked: its attributes and its policy. */
struct nla_level {
	struct nlc set;
	const struct nl_attr_set *pol;
	const struct nla_level *up;
};

/* Everything a decoder needs while walking one message. */
struct dctx {
	struct emitter *e;
	struct nlstate *st;
	const struct nl_dissector *dis;	/* the protocol's dissector */
	uint8_t proto;
	uint16_t nl_type;
	uint16_t nl_flags;
	size_t msg_start;		/* offset of the nlmsghdr in the frame */
	int depth;			/* attribute nesting depth */
	int af;				/* address family context, or -1 */
	bool echoed;			/* inside an NLMSG_ERROR's echoed request */
	bool numeric;			/* -n: numbers instead of names (text only) */
	const char *type_name;		/* message type name for the summary */
	const char *family_name;	/* genl family shown before type_name */
	bool type_numeric;		/* type_name is in numbers already (-n) */
	uint8_t req_kind;		/* enum nl_req_kind, names flags 0x100.. */
	bool head_done;			/* summary head written */
	uint32_t seq, pid;
	/* the attribute set being walked (from its first attribute), so a
	 * callback can look at its siblings with nla_find (IFLA_INFO_KIND
	 * deciding how IFLA_INFO_DATA reads) */
	struct nlc parent;
	/* the sets being walked, innermost first (parent and its set, then
	 * the enclosing ones): a sub-message's selector may be in any */
	const struct nla_level *level;
	/* the values the message's declared summary records, or NULL */
	struct nl_sum_vals *sum;
	/* where field events go (fieldev.h), or NULL: none published */
	struct nl_fsink *fs;
	char namebuf[96];		/* room for a composed type_name */
	char cmdbuf[16];		/* and for a command by number, "cmd 7" */
};

/* Attribute engine (attr.c) */

/* Maximum attribute nesting, as the kernel's MAX_POLICY_RECURSION_DEPTH. */
#define NL_MAX_DEPTH 10

/* nla_walk - decode every attribute in c against set (NULL: all unknown). */
void nla_walk(struct dctx *d, struct nlc *c, const struct nl_attr_set *set);
/* nla_walk_under - nla_walk inside an object (or list, for ordered sets) named key. */
void nla_walk_under(struct dctx *d, const char *key, struct nlc *c,
		    const struct nl_attr_set *set);
/* nl_struct_decode - decode a struct layout from c as one object under key
 * (NULL: an item of the current list, as for repeated attributes). */
void nl_struct_decode(struct dctx *d, const char *key, struct nlc *c,
		      const struct nl_struct *st);
/* nla_value - decode one value of pol's kind from c (the whole of c). */
void nla_value(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
	       struct nlc *c);
/* nla_fixed_array - c as a C array of elements of w bytes (w > 0), one
 * item each, written by one(d, pol, element) in a list under key; bytes
 * left over are marked where they start, "N bytes left over after WHAT
 * of W bytes", and skipped. */
void nla_fixed_array(struct dctx *d, const struct nl_attr_pol *pol, const char *key,
		     struct nlc *c, unsigned w, const char *what,
		     void (*one)(struct dctx *d, const struct nl_attr_pol *pol, struct nlc *el));
/* nla_find - the payload of the first attribute of type in c (c unchanged);
 * false if absent or malformed.  For callbacks reading a sibling and for
 * learning hooks (summaries are declared: summary.h).  st holds the run's
 * index (d->st; NULL: a plain scan). */
/* nla_next - the next attribute at it (type without the flag bits, its
 * payload); false at the end or at a bad header.  No output: for
 * summaries and callbacks that iterate a set themselves. */
bool nla_next(struct nlc *it, uint16_t *type, struct nlc *payload);
bool nla_find(struct nlstate *st, const struct nlc *c, uint16_t type, struct nlc *out);
/* Start a new message for nla_find's index (the core calls it). */
void nla_index_reset(struct nlstate *st);
bool nla_find_u32(struct nlstate *st, const struct nlc *c, uint16_t type, uint32_t *v);
/* nla_find_str - a string attribute's bytes (up to its first NUL). */
bool nla_find_str(struct nlstate *st, const struct nlc *c, uint16_t type, const uint8_t **p,
		  size_t *n);

/* offset of c's position within the current message */
static inline size_t dctx_off(const struct dctx *d, const struct nlc *c)
{
	return c->pos - d->msg_start;
}

/* Netlink core (nlmsg.c) */

/* Decode the fixed header and attributes of a message per its msgdef. */
void nl_decode_msgdef(struct dctx *d, const struct nl_msgdef *md, struct nlc *payload);
/* The summary head "TYPE seq N pid N [FLAGS]", once per message; called by
 * dissectors after they set d->type_name (the core calls it otherwise). */
void nl_head(struct dctx *d);

/* Extended ACK / policy attribute sets (nlmsg_ctl.c), shared with nlctrl. */
extern const struct nl_attr_set nl_policy_type_set;
/* the extended ACK attributes (NLMSGERR_ATTR_*), for the field registry */
extern const struct nl_attr_set nl_extack_set;
extern const struct nl_names nl_attr_type_names;

#endif
