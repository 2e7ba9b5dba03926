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

/* ---- the ODP text's view of the key tables ----
 *
 * The flow key structs are declared once, in ovs_common.c (NL_STRUCT
 * member lists for -v and JSON).  The ODP text (ovs_odp.c) walks the
 * same descriptions -- member kinds, widths, offsets by order, hex flags,
 * enum names -- and adds only what ovs-dpctl prints differently: the
 * name of a key or member, its style and mask rule, and the order where
 * ovs-dpctl's differs from the struct's. */

/* how a key attribute is written (ovs_key_odp[].style) */
enum ovs_odp_style {
	ODP_RAW = 0,		/* keyN(hex): not in ovs-dpctl's syntax */
	ODP_STRUCT,		/* name(member=value,...) from the policy's .st */
	ODP_DEC,		/* name(123), mask in hex */
	ODP_HEX,		/* name(0x7b) */
	ODP_ETHTYPE,		/* name(0x0800) */
	ODP_VLAN,		/* vid, pcp, cfi of a TCI */
	ODP_FLAGS,		/* bit names of the policy's .bits */
	ODP_BYTES_LE,		/* one hex number, least significant byte first */
	ODP_MPLS,
	ODP_PACKET_TYPE,
	ODP_ENCAP,
	ODP_TUNNEL,
	ODP_NSH,
};

/* how one member is written (derived from the policy when 0) */
enum ovs_odp_mstyle {
	ODPM_AUTO = 0,		/* MAC, IPV4, IPV6 kinds; .enums; NLAF_HEX; else decimal */
	ODPM_HEX0,		/* 0x-prefixed even when 0 ("tun_id=0x0") */
	ODPM_FLAG,		/* a flag attribute: a bit of flags(...) */
	ODPM_GENEVE,		/* geneve({class=,type=,len=,data}...) */
	ODPM_VXLAN,		/* vxlan(gbp(id=,flags=)) */
	ODPM_ERSPAN,		/* erspan(ver=,...) */
	ODPM_DEC,		/* decimal whatever the policy says */
	ODPM_SPI_SI,		/* an NSH path header: spi=0x..,si=N */
};

/* one printed member: idx is the member's index in the struct (ODP_STRUCT)
 * or its attribute type (tunnel); name NULL: the policy's name */
struct ovs_odp_member {
	uint8_t idx;
	uint8_t style;		/* enum ovs_odp_mstyle */
	uint8_t bits;		/* mask rule: significant low bits (0: all) */
	uint8_t flag;		/* ODPM_FLAG: its bit in flags(...) */
	const char *name;
};

/* one key attribute, at the same index as in ovs_key_set */
struct ovs_odp_key {
	const char *name;	/* ovs-dpctl's name of the key */
	uint8_t style;		/* enum ovs_odp_style */
	bool keep_empty;	/* printed as name() when fully wildcarded */
	uint32_t bits;		/* ODP_FLAGS: significant bits (0: all) */
	/* ODP_STRUCT: the members ovs-dpctl prints, in its order (NULL:
	 * every named member in the struct's order, under its own name) */
	const struct ovs_odp_member *members;
	unsigned nmembers;
};

/* parallel to ovs_key_set.attrs (same indexes, same count) */
extern const struct ovs_odp_key ovs_key_odp[];
extern const unsigned ovs_key_odp_count;
/* the tunnel members ovs-dpctl prints as name=value, in the order of the
 * attributes of OVS_KEY_ATTR_TUNNEL; and the flags of flags(...) */
extern const struct ovs_odp_member ovs_tunnel_odp[];
extern const unsigned ovs_tunnel_odp_count;
extern const struct nl_names ovs_tunnel_flag_names;
/* the NSH context (nsh(...), push_nsh(...)), indexed like the
 * OVS_NSH_KEY_ATTR_* set: the structs printed, in this order */
extern const struct ovs_odp_key ovs_nsh_odp[];
extern const unsigned ovs_nsh_odp_count;

/* how an action is written, indexed like ovs_action_set (a name is
 * the policy's name) */
enum ovs_odp_act {
	ODPA_RAW = 0,		/* actionN(hex) */
	ODPA_NAME,		/* its name alone (pop_vlan, ct_clear, drop...) */
	ODPA_DEC,		/* name(123) of a 4-byte host-order value */
	ODPA_HEX,		/* name(0x7b) */
	ODPA_OUTPUT, ODPA_USERSPACE, ODPA_SET, ODPA_SET_MASKED, ODPA_PUSH_VLAN,
	ODPA_SAMPLE, ODPA_HASH, ODPA_PUSH_MPLS, ODPA_POP_MPLS, ODPA_CT, ODPA_PUSH_ETH,
	ODPA_PUSH_NSH, ODPA_CLONE, ODPA_CHECK_PKT_LEN, ODPA_DEC_TTL, ODPA_PSAMPLE,
};
extern const uint8_t ovs_action_odp[];
extern const unsigned ovs_action_odp_count;

/* ODP text (the syntax of ovs-dpctl dump-flows).
 * keys: the OVS_KEY_ATTR_* of a key; mask: its mask, or NULL for an exact
 * key.  Unreadable shapes are rendered as keyN(hex). */
void ovs_odp_keys(struct nlstate *st,
		  struct sbuf *b, const struct nlc *keys, const struct nlc *mask);
/* acts: OVS_ACTION_ATTR_* list; empty renders "drop". */
void ovs_odp_actions(struct nlstate *st, struct sbuf *b, const struct nlc *acts);
/* "10.0.0.1 > 10.0.0.2: ICMP echo request" for an Ethernet frame. */
void ovs_packet_summary(struct sbuf *b, const struct nlc *frame);

/* Declared summaries (summary.h): " dp N" from struct ovs_header, and
 * NLS_TEXT formatters writing a key (its mask in the slot pt->aux, or
 * -1) and an action list as ODP text. */
#define OVS_SUM_DP NL_SUM_HDR("dp_ifindex")
#define OVS_SUM_DP_PART(slot) NLS_PART(NLS_S32, (slot), " dp ")
bool ovs_sum_keys(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		  struct sbuf *b);
bool ovs_sum_actions(struct dctx *d, const struct nl_sum_vals *v, const struct nl_sum_part *pt,
		     struct sbuf *b);
/* NLA_KIND_CB for an array of u32 (upcall pids). */
bool ovs_u32_array_cb(struct dctx *d, const struct nl_attr_pol *pol,
		      const char *key, struct nlc *c);

#endif
