/* ovsflow.h - Open vSwitch flow lifecycles: an upcall (ovs_packet MISS or
 * ACTION, kernel to ovs-vswitchd) linked to the flow installed for it
 * (ovs_flow NEW whose key matches the upcall's under the flow's mask) and
 * to the EXECUTE of its packet (the same bytes); each flow followed by
 * UFID (or by its masked key) through statistics reads, modifications and
 * its delete, for the report -z ovs-flows.
 *
 * The core tells the module about each generic netlink message after
 * decoding it (nlmsg_txn.c); the module reads the few attributes it needs
 * through the cursor (the top-level set, and the key and mask sets
 * attribute by attribute) and writes the member "ovs" (and a text
 * suffix) on the messages it links.  Bounded: OVSF_UPCALLS upcalls and
 * OVSF_FLOWS flows kept, the oldest evicted and counted.
 *
 * Reference: include/uapi/linux/openvswitch.h (7.2): ovs_header,
 * OVS_PACKET_ATTR_*, OVS_FLOW_ATTR_*, OVS_KEY_ATTR_*, OVS_ACTION_ATTR_RECIRC.
 */
#ifndef NLDUMP_OVSFLOW_H
#define NLDUMP_OVSFLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "cursor.h"

struct dctx;
struct nl_frame;

#define OVSF_UPCALLS	256	/* upcalls remembered (a ring) */
#define OVSF_FLOWS	4096	/* flows remembered (the oldest evicted) */
#define OVSF_KEYMAX	1024	/* bytes of an upcall's key kept */
#define OVSF_RECIRC	4	/* recirc(N) actions kept per flow */

struct ovsflow;

struct ovsflow *ovsflow_new(void);
void ovsflow_free(struct ovsflow *o);

/* A generic netlink message m (the whole nlmsghdr on), decoded in d:
 * followed when it is an ovs_packet or ovs_flow message; on a flow NEW
 * or an EXECUTE that is linked, "ovs" and the text suffix are written. */
void ovsflow_msg(struct ovsflow *o, struct dctx *d, const struct nl_frame *f,
		 const struct nlc *m);

/* How a flow became known. */
enum ovsf_origin {
	OVSF_INSTALLED,		/* a NEW seen */
	OVSF_ALREADY,		/* seen only in a dump, a SET or a delete */
};

/* One flow as the report lists it. */
struct ovsf_info {
	const char *name;	/* "ufid:..." or the key in ODP text */
	uint32_t dp;
	enum ovsf_origin origin;
	uint64_t frame;		/* installed (NEW), or first seen */
	int64_t sec;
	uint32_t nsec;
	uint64_t upcall_frame;	/* 0: none linked */
	bool upcall_ambiguous;
	uint64_t reads, packets, bytes;	/* statistics reads, the last one's */
	uint64_t sets;
	uint64_t del_frame;	/* 0: not deleted */
	bool have_final;	/* the DEL reply's statistics */
	uint64_t final_packets, final_bytes;
	bool has_recirc_id;	/* its key matches recirc_id */
	uint32_t recirc_id;
	unsigned nrecirc;	/* recirc(N) in its actions */
	uint32_t recirc[OVSF_RECIRC];
};

struct ovsf_totals {
	uint64_t upcalls, upcalls_linked, upcalls_evicted, upcalls_key_cut;
	uint64_t installs, installs_linked, ambiguous;
	uint64_t executes, executes_linked;
	uint64_t flows_evicted;
};

/* The flows kept, oldest first: false past the last. */
bool ovsflow_get(const struct ovsflow *o, unsigned i, struct ovsf_info *out);
void ovsflow_totals(const struct ovsflow *o, struct ovsf_totals *t);

#endif
