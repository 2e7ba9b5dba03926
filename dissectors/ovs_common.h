/* ovs_common.h - shared pieces of the Open vSwitch datapath families:
 * struct ovs_header, flow key and action policies, ODP flow text and the
 * summary of packets carried in OVS_PACKET_ATTR_PACKET.
 *
 * Reference: include/uapi/linux/openvswitch.h (6.12),
 * Documentation/netlink/specs/ovs_{datapath,vport,flow}.yaml.
 */
#ifndef NLDUMP_OVS_COMMON_H
#define NLDUMP_OVS_COMMON_H

#include "dissect.h"
#include "sbuf.h"

/* struct ovs_header { int dp_ifindex; } */
extern const struct nl_struct ovs_header_st;
/* struct ovs_flow_stats { __u64 n_packets, n_bytes; } */
extern const struct nl_struct ovs_flow_stats_st;

/* OVS_KEY_ATTR_* (flow keys and masks) */
extern const struct nl_attr_set ovs_key_set;
/* OVS_ACTION_ATTR_* (an ordered list) */
extern const struct nl_attr_set ovs_action_set;
/* NLA_KIND_CB for an action list (counts no nesting level of its own). */
/* the shapes of ovs_actions_cb and ovs_u32_array_cb, for the field registry */
extern const struct nl_shape ovs_actions_shape, ovs_u32_array_shape;
bool ovs_actions_cb(struct dctx *d, const struct nl_attr_pol *pol,
		    const char *key, struct nlc *c);
/* OVS_TUNNEL_KEY_ATTR_* */
extern const struct nl_attr_set ovs_tunnel_key_set;

/* ODP text (the syntax of ovs-dpctl dump-flows).
 * keys: the OVS_KEY_ATTR_* of a key; mask: its mask, or NULL for an exact
 * key.  Unreadable shapes are rendered as keyN(hex). */
void ovs_odp_keys(struct nlstate *st,
		  struct sbuf *b, const struct nlc *keys, const struct nlc *mask);
/* acts: OVS_ACTION_ATTR_* list; empty renders "drop". */
void ovs_odp_actions(struct nlstate *st, struct sbuf *b, const struct nlc *acts);
/* "10.0.0.1 > 10.0.0.2: ICMP echo request" for an Ethernet frame. */
void ovs_packet_summary(struct sbuf *b, const struct nlc *frame);

/* Summary " dp N" from the struct ovs_header at payload; attrs gets the
 * attributes after it.  False if the header is short. */
bool ovs_sum_head(struct dctx *d, const struct nlc *payload, struct nlc *attrs);
/* NLA_KIND_CB for an array of u32 (upcall pids). */
bool ovs_u32_array_cb(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c);

#endif
