/* nlcore.h - the netlink message walker: frames in, messages out. */
#ifndef NLDUMP_NLCORE_H
#define NLDUMP_NLCORE_H

#include "dissect.h"
#include "state.h"

enum nl_time_fmt {
	NLT_DEFAULT,	/* HH:MM:SS.frac, UTC unless TZ says otherwise */
	NLT_NONE,	/* -t */
	NLT_EPOCH,	/* -tt */
	NLT_DELTA,	/* -ttt: since the previous frame */
	NLT_DATE,	/* -tttt */
	NLT_SINCE_FIRST,/* -ttttt */
};

struct nl_opts {
	enum nl_time_fmt tfmt;
	bool hex;		/* -x */
};

void nl_core_init(const struct nl_opts *o);
/* Decode every netlink message of a frame. */
void nl_decode_frame(struct nlstate *st, struct emitter *e, const struct nl_frame *f);
/* Set a frame's time from seconds and nanoseconds of any size or sign
 * (a pcap record may say 2500000 microseconds, or a negative time): the
 * whole seconds carried, 0 <= f->nsec < 10^9. */
void nl_frame_set_time(struct nl_frame *f, int64_t sec, int64_t nsec);
/* Learn from a frame without emitting (the pre-pass). */
void nl_learn_frame(struct nlstate *st, const struct nl_frame *f);
/* The nlmsg_type of every message header of a frame, in order, read through
 * the cursor and nothing else (a cheap look before decoding). */
void nl_frame_types(const struct nl_frame *f, void (*cb)(void *arg, uint16_t type), void *arg);

/* Protocol name ("route", "genl") or NULL. */
const char *nl_proto_name(unsigned proto);

/* The summary head "TYPE seq N pid N [FLAGS]", once per message; called by
 * dissectors after they set d->type_name (the core calls it otherwise). */
void nl_head(struct dctx *d);

/* Extended ACK / policy attribute sets, shared with nlctrl. */
extern const struct nl_attr_set nl_policy_type_set;
/* the extended ACK attributes (NLMSGERR_ATTR_*) */
extern const struct nl_attr_set nl_extack_set;
extern const struct nl_names nl_attr_type_names;

/* rtnetlink multicast group names by RTNLGRP_* number (holes NULL). */
extern const char *const nl_rtnl_groups[];
extern const unsigned nl_rtnl_ngroups;

/* Name of multicast group of a protocol: "link", "ovs_vport/ovs_vport";
 * NULL if unknown. */
const char *nl_group_name(const struct nlstate *st, unsigned proto, uint32_t group,
			  char *buf, size_t n);

/* errno name ("EEXIST") or NULL */
const char *nl_errno_name(int err);

#endif
